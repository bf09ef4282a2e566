"""Records to Arrow: the typed, columnar form batches travel in.

Table schemas are derived from the record dataclasses (a field is a column,
its type hint gives the DuckDB and Arrow types). A parse worker turns its
records into Arrow tables; the single loader inserts them into DuckDB in bulk.
Pure: needs only pyarrow.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable

import pyarrow as pa

from etl_gone.records import PARSED_TABLES, ArticleToParse, ParsedBatch, ParseFailure

# Arrow's default allocator (mimalloc) keeps what a batch freed: the writer
# process grew by ~100 MB per batch of 200 pages it turned into Arrow. The
# system allocator gives it back. Every process that moves batches imports this.
pa.set_memory_pool(pa.system_memory_pool())


# Python field type -> (DuckDB type, Arrow type)
SCALAR_TYPES: dict[type, tuple[str, pa.DataType]] = {
    str: ("VARCHAR", pa.string()),
    int: ("INTEGER", pa.int32()),
    float: ("DOUBLE", pa.float64()),
    bool: ("BOOLEAN", pa.bool_()),
    datetime: ("TIMESTAMP", pa.timestamp("us")),
    date: ("DATE", pa.date32()),
}

def column_types(cls: type) -> list[tuple[str, str, pa.DataType]]:
    """(column, DuckDB type, Arrow type) for each field of a record class."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        args = typing.get_args(hint)
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = next(a for a in args if a is not type(None))
            args = typing.get_args(hint)
        if typing.get_origin(hint) in (tuple, list):
            inner = SCALAR_TYPES[args[0]]
            out.append((f.name, inner[0] + "[]", pa.list_(inner[1])))
        else:
            duck, arrow = SCALAR_TYPES[hint]
            out.append((f.name, duck, arrow))
    return out


def to_arrow(records: Iterable[Any], cls: type) -> pa.Table:
    records = list(records)
    cols = column_types(cls)
    arrays = [pa.array([getattr(r, name) for r in records], type=arrow) for name, _, arrow in cols]
    return pa.Table.from_arrays(arrays, schema=pa.schema([(name, arrow) for name, _, arrow in cols]))



@dataclass
class ArrowBatch:
    """A parsed batch as Arrow tables, one per parse-output table."""

    tables: dict[str, pa.Table]
    failures: list[ParseFailure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def row_counts(self) -> dict[str, int]:
        return {name: t.num_rows for name, t in self.tables.items()}


def batch_to_arrow(parsed: ParsedBatch) -> ArrowBatch:
    return ArrowBatch({name: to_arrow(parsed.tables[name], cls) for name, cls in PARSED_TABLES.items()},
                      list(parsed.failures), list(parsed.article_ids))


def merge_batches(parts: list[ArrowBatch]) -> ArrowBatch:
    """One batch of several, in order."""
    return ArrowBatch({name: pa.concat_tables([p.tables[name] for p in parts]) for name in PARSED_TABLES},
                      [f for p in parts for f in p.failures], [a for p in parts for a in p.article_ids])


# Articles travel to the parse workers as an Arrow table of ArticleToParse
# rows: their text as UTF-8 buffers, not Python strings, which take up to four
# bytes a character (a page with one emoji) and stay alive in the sending
# process until the worker's result comes back.
def articles_to_arrow(articles: list[ArticleToParse]) -> pa.Table:
    return to_arrow(articles, ArticleToParse)


def articles_from_arrow(table: pa.Table) -> list[ArticleToParse]:
    return [ArticleToParse(**row) for row in table.to_pylist()]
