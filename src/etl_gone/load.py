"""Bulk, transactional loading of records into DuckDB.

Table schemas are derived from the record dataclasses (a field is a column),
rows go in as Arrow tables (hundreds of thousands of rows a second, where
row-by-row INSERTs manage under two thousand), and each batch lands in one
transaction: an article's rows arrive all together or not at all.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import duckdb
import pyarrow as pa

from etl_gone.arrow_tables import ArrowBatch, column_types, to_arrow  # noqa: F401  (re-exported)
from etl_gone.parse import PARSED_TABLES
from etl_gone.sources import RawArticle, ReadBatch, Rejection, SourceFile, SourceFileRow

RAW = "raw"
META = "meta"

# Core raw tables: what arrived. Timestamp columns are filled by the loader.
CORE_TABLES: dict[str, type] = {
    "articles": RawArticle,
    "source_files": SourceFileRow,
    "rejected_files": Rejection,
}
CORE_TIMESTAMPS = {"articles": "ingested_at", "rejected_files": "rejected_at", "source_files": "first_seen_at"}


def _table_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple[str, str]]:
    return con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw and meta tables; re-create parse-output tables whose
    record type changed (their rows are derived and get re-parsed)."""
    con.execute(f"create schema if not exists {RAW}")
    con.execute(f"create schema if not exists {META}")
    con.execute(f"create schema if not exists staging")
    con.execute(f"create schema if not exists marts")
    con.execute("create table if not exists meta.state (key varchar primary key, value varchar)")
    con.execute("""create table if not exists meta.runs (
        run_id varchar primary key, flow_run_id varchar, started_at timestamp, finished_at timestamp,
        source_root varchar, status varchar, files_seen integer, files_new integer, files_changed integer,
        files_unchanged integer, files_rejected integer, articles_parsed integer, models_rebuilt boolean,
        summary_json varchar)""")
    for table, cls in CORE_TABLES.items():
        cols = [(n, d) for n, d, _ in column_types(cls)] + [(CORE_TIMESTAMPS[table], "TIMESTAMP")]
        existing = _table_columns(con, RAW, table)
        if not existing:
            con.execute(f"create table {RAW}.{table} ({', '.join(f'{n} {d}' for n, d in cols)})")
        else:
            have = {n for n, _ in existing}
            for name, duck in cols:
                if name not in have:  # additive migration keeps what arrived
                    con.execute(f"alter table {RAW}.{table} add column {name} {duck}")
    for table, cls in PARSED_TABLES.items():
        cols = [(n, d) for n, d, _ in column_types(cls)]
        existing = _table_columns(con, RAW, table)
        if existing and [(n, d.upper()) for n, d in existing] != [(n, d.upper()) for n, d in cols]:
            con.execute(f"drop table {RAW}.{table}")
            existing = []
        if not existing:
            con.execute(f"create table {RAW}.{table} ({', '.join(f'{n} {d}' for n, d in cols)})")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, registered: list[str] | None = None) -> Iterator[None]:
    """Commit on success, roll back on any error (or a kill: DuckDB's WAL
    drops an uncommitted transaction); unregister the Arrow views either way."""
    registered = [] if registered is None else registered
    con.execute("begin transaction")
    try:
        yield
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        for name in registered:
            con.unregister(name)


@contextmanager
def arrow_view(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """`table` readable as `name` in SQL for the duration of the block."""
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def _id_table(article_ids: list[str]) -> pa.Table:
    return pa.table({"article_id": pa.array(article_ids, pa.string())})


def _bump_generation(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""insert into meta.state values ('raw_generation', '1')
                   on conflict (key) do update set value = cast(cast(value as bigint) + 1 as varchar)""")


def state_value(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute("select value from meta.state where key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("insert or replace into meta.state values (?, ?)", [key, value])


@dataclass
class RawLoadStats:
    files_new: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_rejected: int = 0
    articles_added: int = 0
    articles_removed: int = 0


def _delete_articles(con: duckdb.DuckDBPyConnection, ids_view: str) -> int:
    """Delete articles (ids in a one-column relation) from raw and every parse table."""
    for table in PARSED_TABLES:
        con.execute(f"delete from {RAW}.{table} where article_id in (select article_id from {ids_view})")
    con.execute(f"""delete from {RAW}.rejected_files where stage = 'parse' and content_sha256 in (
        select content_sha256 from {RAW}.articles where article_id in (select article_id from {ids_view}))""")
    before = con.execute(f"select count(*) from {RAW}.articles").fetchone()[0]
    con.execute(f"delete from {RAW}.articles where article_id in (select article_id from {ids_view})")
    return before - con.execute(f"select count(*) from {RAW}.articles").fetchone()[0]


def unchanged_files(con: duckdb.DuckDBPyConnection, source_root: str, files: list[SourceFile]) -> set[str]:
    """Names of the files whose size and modification time are the ones
    recorded when their current content was read: they need no reading."""
    listed = pa.table({
        "source_name": pa.array([f.source_name for f in files], pa.string()),
        "size_bytes": pa.array([f.size_bytes for f in files], pa.int64()),
        "modified_at": pa.array([f.modified_at for f in files], pa.timestamp("us")),
    })
    with arrow_view(con, "listed_files", listed):
        return {r[0] for r in con.execute(f"""
            select l.source_name from listed_files l
            join {RAW}.source_files s
              on s.source_root = ? and s.source_name = l.source_name
             and s.size_bytes = l.size_bytes and s.modified_at = l.modified_at""", [source_root]).fetchall()}


def load_read_batch(con: duckdb.DuckDBPyConnection, batch: ReadBatch) -> RawLoadStats:
    """Land one batch of read files in raw, in one transaction.

    New content adds an article; a file whose content changed points at the
    new article and the old one goes (with its parsed rows) unless another file
    still holds it; a file that is now rejected stops pointing anywhere.
    """
    stats = RawLoadStats()
    articles = to_arrow(batch.articles, RawArticle)
    files = to_arrow(batch.files, SourceFileRow)
    rejected = to_arrow(batch.rejected, Rejection)
    with transaction(con, ["batch_articles", "batch_files", "batch_rejected"]):
        con.register("batch_articles", articles)
        con.register("batch_files", files)
        con.register("batch_rejected", rejected)
        stats.articles_added = con.execute(f"""
            insert into {RAW}.articles by name
            select b.*, (now() at time zone 'UTC') as ingested_at from batch_articles b
            where b.article_id not in (select article_id from {RAW}.articles)""").fetchone()[0]
        counts = con.execute(f"""
            select count(*) filter (where s.article_id is null),
                   count(*) filter (where s.article_id <> b.article_id),
                   count(*) filter (where s.article_id = b.article_id)
            from batch_files b left join {RAW}.source_files s
              on s.source_root = b.source_root and s.source_name = b.source_name""").fetchone()
        stats.files_new, stats.files_changed, stats.files_unchanged = counts
        # articles that files of this batch pointed at before (changed or now rejected)
        con.execute(f"""
            create or replace temp table displaced as
            select s.article_id from {RAW}.source_files s
            join batch_files b on s.source_root = b.source_root and s.source_name = b.source_name
            where s.article_id <> b.article_id
            union
            select s.article_id from {RAW}.source_files s
            join batch_rejected r on s.source_root = r.source_root and s.source_name = r.source_name""")
        con.execute(f"""
            delete from {RAW}.source_files s where exists (
                select 1 from batch_rejected r where r.source_root = s.source_root and r.source_name = s.source_name)""")
        con.execute(f"""
            delete from {RAW}.source_files s using batch_files b
            where s.source_root = b.source_root and s.source_name = b.source_name and s.article_id <> b.article_id""")
        # the same content read again (a touched file): remember its new size
        # and time, so that the next run need not read it
        con.execute(f"""
            update {RAW}.source_files s set size_bytes = b.size_bytes, modified_at = b.modified_at
            from batch_files b
            where s.source_root = b.source_root and s.source_name = b.source_name and s.article_id = b.article_id""")
        con.execute(f"""
            insert into {RAW}.source_files by name
            select b.*, (now() at time zone 'UTC') as first_seen_at from batch_files b
            where not exists (select 1 from {RAW}.source_files s
                              where s.source_root = b.source_root and s.source_name = b.source_name)""")
        con.execute(f"""
            create or replace temp table orphaned as
            select distinct article_id from displaced
            where article_id not in (select article_id from {RAW}.source_files)""")
        stats.articles_removed = _delete_articles(con, "orphaned")
        # a file that reads now has no business in the list of unreadable files
        # (its parse-stage verdict is kept: the parse step owns that one)
        con.execute(f"""
            delete from {RAW}.rejected_files r using batch_files b
            where r.source_root = b.source_root and r.source_name = b.source_name and r.stage <> 'parse'""")
        stats.files_rejected = len(batch.rejected)
        con.execute(f"""
            insert into {RAW}.rejected_files by name
            select b.*, (now() at time zone 'UTC') as rejected_at from batch_rejected b
            where not exists (select 1 from {RAW}.rejected_files r
                              where r.source_root = b.source_root and r.source_name = b.source_name
                                and r.stage = b.stage and r.reason = b.reason
                                and r.content_sha256 is not distinct from b.content_sha256)""")
        if stats.articles_added or stats.articles_removed or stats.files_new or stats.files_changed:
            _bump_generation(con)
    return stats


def load_parsed_batch(con: duckdb.DuckDBPyConnection, batch: ArrowBatch, source_root: str) -> None:
    """Replace the parse-output rows of the batch's articles, in one transaction."""
    ids = _id_table(batch.article_ids)
    failures = pa.table({
        "article_id": pa.array([f.article_id for f in batch.failures], pa.string()),
        "source_name": pa.array([f.source_name for f in batch.failures], pa.string()),
        "reason": pa.array([f.reason for f in batch.failures], pa.string()),
    })
    registered = ["batch_ids"]
    with transaction(con, registered):
        con.register("batch_ids", ids)
        # Only articles parsed before have rows to replace: a first parse (the
        # usual case) skips the deletes, which scan every parse table and made
        # storing grow with the warehouse (120 s of 258 s at 10,000 articles).
        reparsed = con.execute(f"""select count(*) from {RAW}.parsed_articles
                                   where article_id in (select article_id from batch_ids)""").fetchall()[0][0]
        for table in PARSED_TABLES:
            if reparsed:
                con.execute(f"delete from {RAW}.{table} where article_id in (select article_id from batch_ids)")
            rows = batch.tables[table]
            if rows.num_rows:
                view = f"batch_{table}"
                con.register(view, rows)
                registered.append(view)
                con.execute(f"insert into {RAW}.{table} by name select * from {view}")
        # parse rejections of these articles are re-decided by this parse
        con.execute(f"""
            delete from {RAW}.rejected_files where stage = 'parse' and content_sha256 in (
                select content_sha256 from {RAW}.articles where article_id in (select article_id from batch_ids))""")
        if failures.num_rows:
            con.register("batch_failures", failures)
            registered.append("batch_failures")
            con.execute(f"""
                insert into {RAW}.rejected_files by name
                select coalesce(s.source_root, ?) as source_root, coalesce(s.source_name, f.source_name) as source_name,
                       a.content_sha256, 'parse' as stage, f.reason, (now() at time zone 'UTC') as rejected_at
                from batch_failures f join {RAW}.articles a using (article_id)
                left join {RAW}.source_files s using (article_id)""", [source_root])
        _bump_generation(con)


def articles_needing_parse(con: duckdb.DuckDBPyConnection, parser_version: str) -> list[str]:
    """Ids of stored articles not yet parsed by this version of the parser, in
    storage order (so that a batch of them is a narrow range of rows)."""
    return [r[0] for r in con.execute(f"""
        select a.article_id from {RAW}.articles a
        left join {RAW}.parsed_articles p using (article_id)
        where p.article_id is null or p.parser_version <> ?
        order by a.rowid""", [parser_version]).fetchall()]


def unparsed_among(con: duckdb.DuckDBPyConnection, article_ids: list[str], parser_version: str) -> set[str]:
    """Which of these stored articles this version of the parser has not parsed."""
    with arrow_view(con, "wanted_ids", _id_table(article_ids)):
        return {r[0] for r in con.execute(f"""
            select w.article_id from wanted_ids w
            left join {RAW}.parsed_articles p using (article_id)
            where p.article_id is null or p.parser_version <> ?""", [parser_version]).fetchall()}


def fetch_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> pa.Table:
    """(article_id, source_name, raw_text, content_kind) of the given ids, as Arrow.
    The scan is bounded to the ids' range of rows: selecting by id alone made
    DuckDB read every stored page (2.5 s per 200 of 10,000 articles, and more
    memory than a 400 MB cap allowed)."""
    with arrow_view(con, "wanted_ids", _id_table(article_ids)):
        first, last = con.execute(f"""
            select min(a.rowid), max(a.rowid) from {RAW}.articles a
            where a.article_id in (select article_id from wanted_ids)""").fetchall()[0]
        return con.execute(f"""
            select article_id, source_name, raw_text, content_kind from {RAW}.articles
            where rowid between ? and ? and article_id in (select article_id from wanted_ids)
            order by article_id""", [first, last]).to_arrow_table()
