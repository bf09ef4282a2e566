"""The parsing and cleaning core stays pure: no Prefect, no DuckDB."""
from __future__ import annotations

import subprocess
import sys

PURE_MODULES = ["normalize", "records", "ids", "decode", "textclean", "htmlclean", "furniture", "entities",
                "quotes", "sentences", "timex", "claims", "parse", "parser_version"]
# what only a process that parses needs (~0.7 s and ~18 MB to import)
PARSERS = ["etl_gone.parse", "etl_gone.htmlclean", "etl_gone.quotes", "etl_gone.claims", "etl_gone.timex",
           "etl_gone.entities", "trafilatura"]


def test_pure_modules_load_neither_prefect_nor_duckdb():
    code = (
        "import sys\n"
        + "".join(f"import etl_gone.{m}\n" for m in PURE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('prefect', 'duckdb'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"pure modules pulled in: {out.stdout.strip()}"


def test_the_flow_process_does_not_load_the_parsers():
    # workers parse; the flow's process only lands, stores and builds
    code = (
        "import sys\n"
        "import flows.etl_flow, etl_gone.cli\n"
        f"print(','.join(m for m in {PARSERS!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the flow's process loaded: {out.stdout.strip()}"


def test_core_does_not_name_the_sample_story():
    from pathlib import Path

    import etl_gone

    words = ("Timberlake", "SYNC", "N Sync", "Michael Jackson", "Lance Bass", "Diddy", "Xscape", "Oprah")
    src = Path(etl_gone.__file__).parent
    for path in src.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = [w for w in words if w in text]
        assert not found, f"{path.name} names the sample story: {found}"
