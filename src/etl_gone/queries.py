"""Ready analyst queries: `sql/examples/<name>.sql`, run by name with parameters.

Each file holds one SELECT and a header comment:

    -- quotes_by_speaker: what a person is quoted saying, with the outlets carrying it.
    -- More lines of description.
    -- @param speaker: part of a speaker's name, any case
    -- @param min_sources (integer) = 1: only utterances carried by at least this many articles

The first line is `-- <name>: <description>`. A parameter is used in the SQL
as `$name`; `(type)` is text (the default), integer, number, date or boolean;
`= value` is its default (no colon in it; `''` for the empty string); a
parameter without a default is required.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from etl_gone.catalog import header_lines, join_text

TITLE_RE = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*:\s*(.*)$", re.I)
PARAM_RE = re.compile(
    r"^\s*@param\s+(?P<name>[a-z_][a-z0-9_]*)\s*(?:\((?P<type>[a-z]+)\))?\s*(?:=\s*(?P<default>[^:]*?))?\s*:\s*(?P<desc>.*)$",
    re.I)
PLACEHOLDER_RE = re.compile(r"\$([a-z_][a-z0-9_]*)", re.I)
PARAM_TYPES = ("text", "integer", "number", "date", "boolean")
TRUE_WORDS = {"true", "t", "yes", "y", "1", "on"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "off"}
FORMATS = ("table", "csv", "json")
# terminal table: the widest a cell may be before it is cut with an ellipsis
MAX_CELL_WIDTH = 60


class UnknownQuery(LookupError):
    """No example query has this name; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__(f"unknown query {name!r}; known queries: {', '.join(known) or '(none)'}")

    def __str__(self) -> str:  # LookupError would repr() the message
        return self.args[0]


class QueryParamError(ValueError):
    """A parameter is missing, unknown, or not of its declared type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None  # as written in the header; None = required
    description: str

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    params: tuple[Param, ...]
    sql: str
    path: Path


def examples_dir() -> Path:
    from etl_gone.warehouse import sql_dir

    return sql_dir() / "examples"


def parse_query(text: str, name: str, path: Path | None = None) -> Query:
    """The Query of one example file; raises ValueError on a malformed header."""
    where = str(path or name)
    lines = header_lines(text)
    title = TITLE_RE.match(lines[0]) if lines else None
    if not title or title.group(1).lower() != name:
        raise ValueError(f"{where}: the first line must be `-- {name}: <description>`")
    description = [title.group(2).strip()]
    params: list[list] = []  # [name, type, default, description parts...]
    for line in lines[1:]:
        p = PARAM_RE.match(line)
        if p:
            ptype = (p.group("type") or "text").lower()
            if ptype not in PARAM_TYPES:
                raise ValueError(f"{where}: parameter {p.group('name')} has unknown type {ptype!r} "
                                 f"(one of {', '.join(PARAM_TYPES)})")
            default = p.group("default")
            if default is not None:
                default = default.strip()
                if len(default) >= 2 and default[0] == default[-1] and default[0] in "'\"":
                    default = default[1:-1]
            params.append([p.group("name").lower(), ptype, default, p.group("desc").strip()])
        elif line.strip().startswith("@"):
            raise ValueError(f"{where}: cannot read header line {line.strip()!r}")
        elif params:
            params[-1].append(line.strip())
        else:
            description.append(line.strip())
    declared = {p[0] for p in params}
    used = {m.lower() for m in PLACEHOLDER_RE.findall(_code_only(text))}
    if used - declared:
        raise ValueError(f"{where}: uses undeclared parameter(s) {', '.join(sorted(used - declared))}")
    if declared - used:
        raise ValueError(f"{where}: declares unused parameter(s) {', '.join(sorted(declared - used))}")
    return Query(name, join_text(description),
                 tuple(Param(p[0], p[1], p[2], join_text(p[3:])) for p in params), text, path or Path(name))


def _code_only(sql: str) -> str:
    sql = re.sub(r"--[^\n]*", " ", sql)
    return re.sub(r"'(?:[^']|'')*'", "''", sql)


def load_queries(directory: Path | None = None) -> dict[str, Query]:
    directory = Path(directory) if directory else examples_dir()
    return {p.stem: parse_query(p.read_text(encoding="utf-8"), p.stem, p)
            for p in sorted(directory.glob("*.sql"))}


def list_queries(directory: Path | None = None) -> list[Query]:
    """Every example query, by name."""
    return list(load_queries(directory).values())


def get_query(name: str, directory: Path | None = None) -> Query:
    queries = load_queries(directory)
    if name not in queries:
        raise UnknownQuery(name, sorted(queries))
    return queries[name]


def convert(param: Param, value: Any) -> Any:
    """A parameter value (a string from the command line, or a Python value)
    as its declared type; raises QueryParamError."""
    if value is None:
        return None
    try:
        if param.type == "integer":
            if isinstance(value, bool):
                raise ValueError
            return int(value) if not isinstance(value, str) else int(value.strip())
        if param.type == "number":
            return float(value)
        if param.type == "date":
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            return date.fromisoformat(str(value).strip())
        if param.type == "boolean":
            if isinstance(value, bool):
                return value
            word = str(value).strip().lower()
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
            raise ValueError
    except (TypeError, ValueError):
        raise QueryParamError(f"parameter {param.name} must be {_article(param.type)}, not {value!r}") from None
    return str(value)


def _article(ptype: str) -> str:
    return {"integer": "an integer", "number": "a number", "date": "a date (YYYY-MM-DD)",
            "boolean": "true or false"}.get(ptype, ptype)


def bind(query: Query, params: dict[str, Any] | None) -> dict[str, Any]:
    """The declared parameters' values: given ones converted, defaults filled in."""
    params = dict(params or {})
    known = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        accepted = ", ".join(known) or "none"
        raise QueryParamError(f"query {query.name} has no parameter {', '.join(unknown)} (parameters: {accepted})")
    values = {}
    for p in query.params:
        if p.name in params:
            values[p.name] = convert(p, params[p.name])
        elif p.required:
            raise QueryParamError(f"query {query.name} needs parameter {p.name}: {p.description}")
        else:
            values[p.name] = convert(p, p.default)
    return values


def run_query(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None,
              directory: Path | None = None) -> tuple[list[str], list[tuple]]:
    """Run the example query `name` with `params` (missing ones take their
    defaults). Returns (column names, rows)."""
    query = get_query(name, directory)
    values = bind(query, params)
    body = query.sql.strip().rstrip(";")
    rel = con.execute(body, values) if values else con.execute(body)
    columns = [d[0] for d in rel.description]
    return columns, rel.fetchall()


# ---------------------------------------------------------------- output


def _plain(value: Any) -> Any:
    """A JSON-friendly value."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


def _text(value: Any) -> str:
    """A cell as one line of text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.4g}"
    return " ".join(str(value).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def format_rows(columns: list[str], rows: list[tuple], fmt: str = "table", max_width: int = MAX_CELL_WIDTH) -> str:
    """Rows as a terminal table (cells cut at max_width), CSV, or a JSON list of objects."""
    if fmt == "json":
        return json.dumps([{c: _plain(v) for c, v in zip(columns, row)} for row in rows],
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else (json.dumps(_plain(v), ensure_ascii=False)
                                                   if isinstance(v, (list, tuple, dict)) else _plain(v))
                             for v in row])
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    width = max(4, max_width)
    cells = [[_cut(_text(v), width) for v in row] for row in rows]
    heads = [_cut(c, width) for c in columns]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float, Decimal)) and not isinstance(r[i], bool)
                                  for r in rows if r[i] is not None) and any(r[i] is not None for r in rows)
               for i in range(len(columns))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(heads), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"
