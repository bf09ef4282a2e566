"""The SQL model runner: `sql/<layer>/<table>.sql` files become tables.

Each model file holds one SELECT and is materialised as `<layer>.<table>`.
The run order comes from the models' own references (`raw.x`, `staging.y`,
...), never from a hand-kept list; a cycle, a missing table or a reference
that breaks the layering (staging reads raw; intermediate reads staging or
intermediate; marts read staging or intermediate) stops the build with a
message naming the model. Audits (`sql/tests/*.sql`) are queries returning
violating rows: zero rows pass.
"""
from __future__ import annotations

import graphlib
import hashlib
import re
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

LAYERS = ("staging", "intermediate", "marts")
# which schemas a model of each layer may read
ALLOWED_READS = {
    "staging": {"raw"},
    "intermediate": {"staging", "intermediate"},
    "marts": {"staging", "intermediate"},
}
SCHEMAS = ("raw",) + LAYERS
REFERENCE_RE = re.compile(r"\b(" + "|".join(SCHEMAS) + r")\.([a-z_][a-z0-9_]*)\b", re.I)
LINE_COMMENT_RE = re.compile(r"--[^\n]*")
BLOCK_COMMENT_RE = re.compile(r"/\*.*?\*/", re.S)
STRING_LITERAL_RE = re.compile(r"'(?:[^']|'')*'")
AUDIT_SAMPLE_ROWS = 20


class ModelError(Exception):
    """The models cannot be built: a cycle, a missing table, a layering breach."""


class AuditFailure(Exception):
    def __init__(self, failures: list[AuditResult]):
        self.failures = failures
        lines = []
        for f in failures:
            lines.append(f"audit {f.name} failed: {f.violation_count} violating row(s)")
            lines.extend(f"  {dict(zip(f.columns, row))}" for row in f.sample)
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Model:
    name: str  # schema.table
    layer: str
    path: Path
    sql: str
    refs: frozenset[str]


@dataclass(frozen=True)
class AuditResult:
    name: str
    violation_count: int
    columns: tuple[str, ...]
    sample: tuple[tuple, ...]

    @property
    def passed(self) -> bool:
        return self.violation_count == 0


def references(sql: str) -> frozenset[str]:
    """schema.table names a query reads (comments and string literals ignored)."""
    code = STRING_LITERAL_RE.sub("''", BLOCK_COMMENT_RE.sub(" ", LINE_COMMENT_RE.sub(" ", sql)))
    return frozenset(f"{s.lower()}.{t.lower()}" for s, t in REFERENCE_RE.findall(code))


def load_models(sql_dir: Path) -> dict[str, Model]:
    models: dict[str, Model] = {}
    for layer in LAYERS:
        for path in sorted((sql_dir / layer).glob("*.sql")):
            sql = path.read_text(encoding="utf-8")
            name = f"{layer}.{path.stem}"
            refs = references(sql) - {name}
            models[name] = Model(name, layer, path, sql, refs)
    return models


def build_order(models: dict[str, Model]) -> list[str]:
    """Topological order of the models; raises ModelError on a cycle or a
    layering breach. References to non-models are checked at build time."""
    graph: dict[str, set[str]] = {}
    for m in models.values():
        for ref in m.refs:
            schema = ref.split(".")[0]
            if schema not in ALLOWED_READS[m.layer]:
                raise ModelError(f"model {m.name} ({m.path.name}) reads {ref}: a {m.layer} model may read only "
                                 f"{', '.join(sorted(ALLOWED_READS[m.layer]))}")
        graph[m.name] = {r for r in m.refs if r in models}
    sorter = graphlib.TopologicalSorter(graph)
    try:
        return list(sorter.static_order())
    except graphlib.CycleError as exc:
        cycle = " -> ".join(exc.args[1])
        raise ModelError(f"models reference each other in a cycle: {cycle}") from None


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {f"{s}.{t}" for s, t in con.execute(
        "select table_schema, table_name from information_schema.tables").fetchall()}


def build_models(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> dict[str, float]:
    """(Re)build every model in dependency order. Runs inside the caller's
    transaction. Returns {model name: seconds to build}, in build order (what
    to look at when a build gets slow)."""
    models = load_models(sql_dir)
    order = build_order(models)
    for layer in LAYERS:
        con.execute(f"create schema if not exists {layer}")
    available = existing_tables(con)
    seconds: dict[str, float] = {}
    for name in order:
        m = models[name]
        missing = sorted(r for r in m.refs if r not in models and r not in available)
        if missing:
            raise ModelError(f"model {name} ({m.layer}/{m.path.name}) reads {', '.join(missing)}, "
                             f"which does not exist")
        body = m.sql.strip().rstrip(";")
        started = time.perf_counter()
        try:
            con.execute(f"create or replace table {name} as\n{body}")
        except duckdb.Error as exc:
            raise ModelError(f"model {name} ({m.layer}/{m.path.name}) failed: {exc}") from None
        seconds[name] = time.perf_counter() - started
        available.add(name)
    return seconds


def run_audits(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[AuditResult]:
    results = []
    for path in sorted((sql_dir / "tests").glob("*.sql")):
        body = path.read_text(encoding="utf-8").strip().rstrip(";")
        try:
            rel = con.execute(f"select * from ({body}) limit {AUDIT_SAMPLE_ROWS}")
            columns = tuple(d[0] for d in rel.description)
            sample = tuple(rel.fetchall())
            count = con.execute(f"select count(*) from ({body})").fetchone()[0] if sample else 0
        except duckdb.Error as exc:
            raise ModelError(f"audit {path.stem} could not run: {exc}") from None
        results.append(AuditResult(path.stem, count, columns, sample))
    return results


def sql_fingerprint(sql_dir: Path) -> str:
    """Hash of the models and audits (not the example queries): what a build depends on."""
    digest = hashlib.sha256()
    paths = [p for folder in LAYERS + ("tests",) for p in (sql_dir / folder).glob("*.sql")]
    for path in sorted(paths):
        digest.update(path.relative_to(sql_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
