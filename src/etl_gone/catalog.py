"""The data catalogue: table and column descriptions, written once, in the
header comment of each SQL model, and pushed into the warehouse as DuckDB
comments (`COMMENT ON TABLE` / `COMMENT ON COLUMN`) and into docs/tables.md.

Header format (the leading `--` lines of `sql/<layer>/<table>.sql`):

    -- staging.quotes: one row per quotation (the grain, first).
    -- More lines of table description, as many as needed.
    -- @column quote_id: deterministic id of the quotation
    -- @column speaker: canonical name of who said it; NULL when unknown.
    --     An indented line continues the description above it.

The first line names the table (`<layer>.<file stem>`) and states its grain.
Lines before the first `@column` describe the table; each `@column` line
describes one column; any other line continues the item above it. The
header ends at the first line that is not a `--` comment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

LAYERS = ("staging", "intermediate", "marts")
# layers whose every table and column must be documented (the analyst's surface)
DOCUMENTED_LAYERS = ("staging", "marts")
TITLE_RE = re.compile(r"^\s*([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)\s*:\s*(.*)$", re.I)
COLUMN_RE = re.compile(r"^\s*@column\s+([a-z_][a-z0-9_]*)\s*:\s*(.*)$", re.I)
COMMENT_LINE_RE = re.compile(r"^\s*--(.*)$")


class CatalogError(Exception):
    """A model's header comment does not follow the catalogue format."""


@dataclass(frozen=True)
class ColumnDoc:
    name: str
    description: str


@dataclass(frozen=True)
class TableDoc:
    table: str  # schema.table
    description: str
    columns: tuple[ColumnDoc, ...]
    path: Path

    def column(self, name: str) -> ColumnDoc | None:
        return next((c for c in self.columns if c.name == name), None)


def header_lines(sql: str) -> list[str]:
    """The text of the leading `--` comment lines (blank lines allowed before):
    the header of a model and of an example query alike."""
    out = []
    for line in sql.splitlines():
        m = COMMENT_LINE_RE.match(line)
        if m:
            out.append(m.group(1))
        elif line.strip() or out:
            break
    return out


def parse_header(sql: str, expected_table: str, path: Path | None = None) -> TableDoc:
    """The TableDoc of one model file; raises CatalogError on a malformed header."""
    where = str(path or expected_table)
    lines = header_lines(sql)
    if not lines:
        raise CatalogError(f"{where}: no header comment (expected `-- {expected_table}: <description>`)")
    title = TITLE_RE.match(lines[0])
    if not title or title.group(1).lower() != expected_table:
        raise CatalogError(f"{where}: the first line must be `-- {expected_table}: <description>`")
    table_parts = [title.group(2).strip()]
    columns: list[list[str]] = []  # [name, part, part, ...]
    for text in lines[1:]:
        col = COLUMN_RE.match(text)
        if col:
            name = col.group(1).lower()
            if any(c[0] == name for c in columns):
                raise CatalogError(f"{where}: column {name} is documented twice")
            columns.append([name, col.group(2).strip()])
        elif columns:
            columns[-1].append(text.strip())
        else:
            table_parts.append(text.strip())
    docs = tuple(ColumnDoc(c[0], join_text(c[1:])) for c in columns)
    for c in docs:
        if not c.description:
            raise CatalogError(f"{where}: column {c.name} has an empty description")
    return TableDoc(expected_table, join_text(table_parts), docs, path or Path(expected_table))


def join_text(parts: list[str]) -> str:
    """Continuation lines of a header item, joined into one line."""
    return " ".join(p for p in parts if p)


def read_catalog(sql_dir: Path) -> dict[str, TableDoc]:
    """{schema.table: TableDoc} for every model under sql_dir, in layer order.
    Raises CatalogError on the first malformed header."""
    catalog, errors = _read_catalog(sql_dir)
    if errors:
        raise CatalogError(errors[0])
    return catalog


def _read_catalog(sql_dir: Path) -> tuple[dict[str, TableDoc], list[str]]:
    catalog: dict[str, TableDoc] = {}
    errors: list[str] = []
    for layer in LAYERS:
        for path in sorted((Path(sql_dir) / layer).glob("*.sql")):
            table = f"{layer}.{path.stem}"
            try:
                catalog[table] = parse_header(path.read_text(encoding="utf-8"), table, path)
            except CatalogError as exc:
                errors.append(str(exc))
    return catalog, errors


def _literal(text: str) -> str:
    # COMMENT ON takes no bound parameters: a quoted literal, quotes doubled
    return "'" + text.replace("'", "''") + "'"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(con: duckdb.DuckDBPyConnection, schemas: tuple[str, ...] = LAYERS) -> dict[str, list[tuple[str, str]]]:
    """{schema.table: [(column, type), ...]} of the warehouse's tables, in column order."""
    out: dict[str, list[tuple[str, str]]] = {}
    rows = con.execute("""
        select schema_name, table_name, column_name, data_type from duckdb_columns()
        where database_name = current_database() and schema_name in (select unnest(?::varchar[]))
        order by schema_name, table_name, column_index""", [list(schemas)]).fetchall()
    for schema, table, column, dtype in rows:
        out.setdefault(f"{schema}.{table}", []).append((column, dtype))
    return out


def problems(catalog: dict[str, TableDoc], columns: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Where the catalogue and the built tables disagree: undocumented
    tables and columns of the documented layers, and documented columns the
    table does not have."""
    out = []
    for table, cols in sorted(columns.items()):
        doc = catalog.get(table)
        names = {c for c, _ in cols}
        required = table.split(".")[0] in DOCUMENTED_LAYERS
        if doc is None:
            if required:
                out.append(f"{table}: no model header describes this table")
            continue
        if required:
            out += [f"{table}.{c}: no `-- @column {c}:` line in {doc.path.name}" for c, _ in cols if not doc.column(c)]
        out += [f"{table}.{c.name}: documented in {doc.path.name} but the table has no such column"
                for c in doc.columns if c.name not in names]
    return out


def apply_comments(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """COMMENT ON every built model table and its documented columns, from the
    SQL headers. Works inside the caller's transaction (the comments commit or
    roll back with the build). Never fails on a gap in the docs: returns the
    problems found (see `problems`) and malformed headers, for the caller to log."""
    catalog, errors = _read_catalog(sql_dir)
    columns = table_columns(con)
    statements = []
    for table, cols in columns.items():
        doc = catalog.get(table)
        if doc is None:
            continue
        schema, name = table.split(".")
        target = f"{_quoted(schema)}.{_quoted(name)}"
        statements.append(f"comment on table {target} is {_literal(doc.description)}")
        for column, _ in cols:
            cdoc = doc.column(column)
            if cdoc is not None:
                statements.append(f"comment on column {target}.{_quoted(column)} is {_literal(cdoc.description)}")
    if statements:
        # one round trip: a few hundred statements cost milliseconds, not a third of a second
        con.execute(";\n".join(statements))
    return errors + problems(catalog, columns)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def tables_markdown(catalog: dict[str, TableDoc], columns: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """docs/tables.md: every documented table, its grain and its columns with
    their types (from `columns`, a built warehouse's `table_columns`, when given)."""
    columns = columns or {}
    lines = [
        "# Tables of the etl_gone warehouse", "",
        "<!-- generated by docs/make_tables_md.py from the header comments of sql/*/*.sql; do not edit -->", "",
        "The same descriptions are stored in the warehouse as DuckDB comments:", "",
        "```sql",
        "select schema_name, table_name, comment from duckdb_tables();",
        "select table_name, column_name, data_type, comment from duckdb_columns() where schema_name = 'marts';",
        "```", "",
        "`raw` (what arrived) and `meta` (run log) are written by the loader and described in the README.", "",
    ]
    for layer in LAYERS:
        tables = [d for t, d in catalog.items() if t.split(".")[0] == layer]
        if not tables:
            continue
        lines += [f"## {layer}", ""]
        lines += [f"- [`{d.table}`](#{d.table.replace('.', '')})" for d in tables]
        lines.append("")
        for doc in tables:
            lines += [f"### {doc.table}", "", doc.description, "",
                      f"Model: `sql/{layer}/{doc.path.name}`", "",
                      "| column | type | description |", "|---|---|---|"]
            built = columns.get(doc.table)
            names = [c for c, _ in built] if built else [c.name for c in doc.columns]
            types = dict(built or [])
            for name in names:
                cdoc = doc.column(name)
                desc = cdoc.description if cdoc else "*(undocumented)*"
                lines.append(f"| `{name}` | {types.get(name, '')} | {_cell(desc)} |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
