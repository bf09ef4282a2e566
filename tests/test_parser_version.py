"""PARSER_VERSION covers every module whose code shapes the parse, so a rule
change anywhere in it re-parses stored articles (and nothing else does)."""
from __future__ import annotations

import ast
from pathlib import Path

from etl_gone import parser_version

PACKAGE = Path(parser_version.__file__).parent


def _etl_gone_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "etl_gone":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("etl_gone."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("etl_gone."))
    return found


def test_every_module_the_parse_reaches_is_hashed_into_the_version():
    reached, todo = set(), ["parse"]
    while todo:
        module = todo.pop()
        if module in reached:
            continue
        reached.add(module)
        todo.extend(_etl_gone_imports(module))
    reached.discard("parser_version")  # the version itself, not a rule
    missing = reached - set(parser_version.PARSE_MODULES)
    assert not missing, f"parse code not in PARSE_MODULES (a change there would not re-parse): {sorted(missing)}"


def test_a_change_to_a_parse_module_changes_the_version(tmp_path, monkeypatch):
    for name in parser_version.PARSE_MODULES:
        (tmp_path / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(parser_version, "__file__", str(tmp_path / "parser_version.py"))
    before = parser_version._source_digest(parser_version.PARSE_MODULES)
    (tmp_path / "furniture.py").write_text("# a new rule\n", encoding="utf-8")
    assert parser_version._source_digest(parser_version.PARSE_MODULES) != before
