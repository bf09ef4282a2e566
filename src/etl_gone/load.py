"""Bulk, transactional loading of records into DuckDB.

Table schemas are derived from the record dataclasses (a field is a column),
rows go in as Arrow tables (hundreds of thousands of rows a second, where
row-by-row INSERTs manage under two thousand), and each batch lands in one
transaction: an article's rows arrive all together or not at all.
"""
from __future__ import annotations

import os
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from etl_gone.arrow_tables import ArrowBatch, column_types, to_arrow  # noqa: F401  (re-exported)
from etl_gone.records import PARSED_TABLES
from etl_gone.sources import RawArticle, ReadBatch, Rejection, SourceFile, SourceFileRow

RAW = "raw"
META = "meta"

# Core raw tables: what arrived. Timestamp columns are filled by the loader.
CORE_TABLES: dict[str, type] = {
    "source_files": SourceFileRow,
    "rejected_files": Rejection,
}
CORE_TIMESTAMPS = {"rejected_files": "rejected_at", "source_files": "first_seen_at"}

# raw.articles is a view: the article rows are in raw.article_store and their
# text in Parquet files beside the warehouse (one per landed batch), which
# raw.articles joins back. Appending pages of raw HTML to a DuckDB table made
# every checkpoint rewrite its growing row group: the writer's memory grew
# with the corpus (2.3 GB at 10,000 pages) and so did the time to land a batch.
ARTICLE_STORE = "article_store"
ARTICLES_VIEW = "articles"
ARTICLE_TEXT_COLUMN = "raw_text"
TEXT_FILE_COLUMN = "text_file"
TEXT_DIR_SUFFIX = "_raw_text"
TEXT_FILE_SUFFIX = ".parquet"
# a schema-only file, so that the view's glob always matches something
EMPTY_TEXT_FILE = "0-empty.parquet"
TEXT_SCHEMA = pa.schema([("article_id", pa.string()), (ARTICLE_TEXT_COLUMN, pa.string())])
TEXT_COMPRESSION = "zstd"
TEMP_SUFFIX = ".tmp"  # a text file being written; renamed when complete


def _table_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple[str, str]]:
    return con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()


def text_dir(con: duckdb.DuckDBPyConnection) -> Path:
    """The folder of Parquet files holding the articles' raw text: beside the
    warehouse file, named after it."""
    path = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchall()[0][0]
    if not path:
        raise ValueError("raw text is kept in files beside the warehouse: an in-memory database has no place for it")
    db = Path(path).resolve()
    return db.with_name(db.stem + TEXT_DIR_SUFFIX)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _new_text_file_name(tag: str) -> str:
    """Names sort in the order the files were written."""
    return f"{time.time_ns():020d}-{tag}{TEXT_FILE_SUFFIX}"


def _write_texts(folder: Path, texts: pa.Table) -> str:
    """Write (article_id, raw_text) rows to a new Parquet file in `folder`;
    return its name. Written under a temporary name and renamed, so the view
    never sees half a file."""
    name = _new_text_file_name(uuid.uuid4().hex[:8])
    pq.write_table(texts.select(TEXT_SCHEMA.names).cast(TEXT_SCHEMA), folder / (name + TEMP_SUFFIX),
                   compression=TEXT_COMPRESSION)
    _publish(folder, name)
    return name


def _publish(folder: Path, name: str) -> None:
    """Give a written text file its final name, once it is on disk: the
    warehouse commits rows pointing at it right after."""
    tmp = folder / (name + TEMP_SUFFIX)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, folder / name)


def _table_type(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> str | None:
    row = con.execute("select table_type from information_schema.tables where table_schema = ? and table_name = ?",
                      [schema, table]).fetchone()
    return row[0] if row else None


def _ensure_article_store(con: duckdb.DuckDBPyConnection) -> None:
    """raw.article_store, the text files' folder, and the raw.articles view
    (re-created on every open, so that a warehouse moved with its folder
    finds its text again)."""
    folder = text_dir(con)
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / EMPTY_TEXT_FILE).exists():
        pq.write_table(TEXT_SCHEMA.empty_table(), folder / EMPTY_TEXT_FILE)
    if _table_type(con, RAW, ARTICLES_VIEW) == "BASE TABLE":
        # a warehouse from before the text files: move its text out, once
        with transaction(con):
            name = _new_text_file_name("migrated")
            con.execute(f"""copy (select article_id, {ARTICLE_TEXT_COLUMN} from {RAW}.{ARTICLES_VIEW})
                            to {_sql_string(str(folder / name))} (format parquet, compression {TEXT_COMPRESSION})""")
            con.execute(f"""create table {RAW}.{ARTICLE_STORE} as
                            select * exclude ({ARTICLE_TEXT_COLUMN}), {_sql_string(name)} as {TEXT_FILE_COLUMN}
                            from {RAW}.{ARTICLES_VIEW}""")
            con.execute(f"drop table {RAW}.{ARTICLES_VIEW}")
    cols = [(n, d) for n, d, _ in column_types(RawArticle) if n != ARTICLE_TEXT_COLUMN]
    cols += [(TEXT_FILE_COLUMN, "VARCHAR"), ("ingested_at", "TIMESTAMP")]
    _ensure_table(con, RAW, ARTICLE_STORE, cols)
    names = [n for n, _, _ in column_types(RawArticle)] + ["ingested_at"]
    select = ", ".join(f"t.{n}" if n == ARTICLE_TEXT_COLUMN else f"s.{n}" for n in names)
    glob = _sql_string(str(folder / f"*{TEXT_FILE_SUFFIX}"))
    con.execute(f"""
        create or replace view {RAW}.{ARTICLES_VIEW} as
        select {select}
        from {RAW}.{ARTICLE_STORE} as s
        left join read_parquet({glob}, filename = true) as t
          on t.article_id = s.article_id and parse_filename(t.filename) = s.{TEXT_FILE_COLUMN}""")


def _ensure_table(con: duckdb.DuckDBPyConnection, schema: str, table: str, cols: list[tuple[str, str]]) -> None:
    existing = _table_columns(con, schema, table)
    if not existing:
        con.execute(f"create table {schema}.{table} ({', '.join(f'{n} {d}' for n, d in cols)})")
    else:
        have = {n for n, _ in existing}
        for name, duck in cols:
            if name not in have:  # additive migration keeps what arrived
                con.execute(f"alter table {schema}.{table} add column {name} {duck}")


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
        _ensure_table(con, RAW, table, [(n, d) for n, d, _ in column_types(cls)] + [(CORE_TIMESTAMPS[table], "TIMESTAMP")])
    _ensure_article_store(con)
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
        select content_sha256 from {RAW}.{ARTICLE_STORE} where article_id in (select article_id from {ids_view}))""")
    # (their text stays in its Parquet file, no longer joined to any row)
    return con.execute(f"""delete from {RAW}.{ARTICLE_STORE}
                           where article_id in (select article_id from {ids_view})""").fetchone()[0]


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


def load_read_batch(con: duckdb.DuckDBPyConnection, batch: ReadBatch,
                    articles: pa.Table | None = None) -> RawLoadStats:
    """Land one batch of read files in raw, in one transaction.

    New content adds an article; a file whose content changed points at the
    new article and the old one goes (with its parsed rows) unless another file
    still holds it; a file that is now rejected stops pointing anywhere.
    `articles`: the batch's articles already as Arrow (RawArticle columns).
    """
    stats = RawLoadStats()
    articles = to_arrow(batch.articles, RawArticle) if articles is None else articles
    files = to_arrow(batch.files, SourceFileRow)
    rejected = to_arrow(batch.rejected, Rejection)
    text_file: Path | None = None
    try:
        with transaction(con, ["batch_articles", "batch_files", "batch_rejected"]):
            con.register("batch_articles", articles)
            con.register("batch_files", files)
            con.register("batch_rejected", rejected)
            text_file = _land_articles(con, articles, stats)
            _land_files(con, batch, stats)
    except BaseException:
        if text_file is not None:  # rolled back: no row points at it
            text_file.unlink(missing_ok=True)
        raise
    return stats


def _land_articles(con: duckdb.DuckDBPyConnection, articles: pa.Table, stats: RawLoadStats) -> Path | None:
    """Store the batch's new articles: text to a new Parquet file, rows to
    raw.article_store. Returns the file written, if any."""
    new_ids = con.execute(f"""select article_id from batch_articles
                              where article_id not in (select article_id from {RAW}.{ARTICLE_STORE})""").fetchall()
    if not new_ids:
        return None
    # the rows and the text file come from the same table, so they always match
    new = articles if len(new_ids) == articles.num_rows else articles.filter(
        pc.is_in(articles["article_id"], pa.array([r[0] for r in new_ids], pa.string())))
    folder = text_dir(con)
    name = _write_texts(folder, new)
    with arrow_view(con, "new_articles", new):
        con.execute(f"""
            insert into {RAW}.{ARTICLE_STORE} by name
            select n.* exclude ({ARTICLE_TEXT_COLUMN}), ? as {TEXT_FILE_COLUMN},
                   (now() at time zone 'UTC') as ingested_at
            from new_articles n""", [name])
    stats.articles_added = new.num_rows
    return folder / name


def _land_files(con: duckdb.DuckDBPyConnection, batch: ReadBatch, stats: RawLoadStats) -> None:
    """Point the batch's file names at their articles; record its rejections."""
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
                select content_sha256 from {RAW}.{ARTICLE_STORE} where article_id in (select article_id from batch_ids))""")
        if failures.num_rows:
            con.register("batch_failures", failures)
            registered.append("batch_failures")
            con.execute(f"""
                insert into {RAW}.rejected_files by name
                select coalesce(s.source_root, ?) as source_root, coalesce(s.source_name, f.source_name) as source_name,
                       a.content_sha256, 'parse' as stage, f.reason, (now() at time zone 'UTC') as rejected_at
                from batch_failures f join {RAW}.{ARTICLE_STORE} a using (article_id)
                left join {RAW}.source_files s using (article_id)""", [source_root])
        _bump_generation(con)


def articles_needing_parse(con: duckdb.DuckDBPyConnection, parser_version: str) -> list[str]:
    """Ids of stored articles not yet parsed by this version of the parser, in
    storage order (so that a batch of them is a narrow range of rows)."""
    return [r[0] for r in con.execute(f"""
        select a.article_id from {RAW}.{ARTICLE_STORE} a
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
    """(article_id, source_name, raw_text, content_kind) of the given stored
    articles, as Arrow: only the text files that hold them are read."""
    with arrow_view(con, "wanted_ids", _id_table(article_ids)):
        rows = con.sql(f"""
            select {TEXT_FILE_COLUMN}, article_id, source_name, content_kind from {RAW}.{ARTICLE_STORE}
            where article_id in (select article_id from wanted_ids)""").to_arrow_table()
    by_file: dict[str, list[str]] = {}
    for name, article_id in zip(rows.column(TEXT_FILE_COLUMN).to_pylist(), rows.column("article_id").to_pylist()):
        by_file.setdefault(name, []).append(article_id)
    folder = text_dir(con)
    texts = pa.concat_tables([
        pq.read_table(folder / name, columns=TEXT_SCHEMA.names, filters=[("article_id", "in", ids)]).cast(TEXT_SCHEMA)
        for name, ids in sorted(by_file.items())] or [TEXT_SCHEMA.empty_table()])
    joined = rows.join(texts, "article_id", join_type="left outer")
    return joined.select(["article_id", "source_name", ARTICLE_TEXT_COLUMN, "content_kind"]).sort_by("article_id")


# A compacted text file holds at most this many texts (~20 MB of zstd HTML):
# rewriting reads and writes one such file's worth at a time.
COMPACT_FILE_TEXTS = 2_000


@dataclass
class CompactionStats:
    files_before: int = 0
    files_after: int = 0
    bytes_before: int = 0
    bytes_after: int = 0
    texts_dropped: int = 0
    texts_moved: int = 0


def _text_files(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.glob(f"*{TEXT_FILE_SUFFIX}") if p.name != EMPTY_TEXT_FILE}


def _text_file_rows(folder: Path) -> dict[str, tuple[Path, int]]:
    """Each text file's path and number of texts, from its footer."""
    return {name: (path, pq.ParquetFile(path).metadata.num_rows) for name, path in _text_files(folder).items()}


def _text_inventory(con: duckdb.DuckDBPyConnection, folder: Path) -> tuple[dict[str, tuple[Path, int]],
                                                                            dict[str, int], int, int]:
    """(each text file's path and texts, live texts per file, texts stored,
    texts no stored article points at)."""
    on_disk = _text_file_rows(folder)
    live = dict(con.execute(f"""select {TEXT_FILE_COLUMN}, count(*) from {RAW}.{ARTICLE_STORE}
                                group by {TEXT_FILE_COLUMN}""").fetchall())
    stored = sum(rows for _, rows in on_disk.values())
    stale = sum(rows - live.get(name, 0) for name, (_, rows) in on_disk.items())
    return on_disk, live, stored, stale


def orphaned_text_share(con: duckdb.DuckDBPyConnection) -> float:
    """The share of texts in the text files that no stored article points at
    (texts of replaced or removed articles), from the files' footers."""
    _, _, stored, stale = _text_inventory(con, text_dir(con))
    return stale / stored if stored else 0.0


def compact_texts(con: duckdb.DuckDBPyConnection, min_stale_share: float = 0.0) -> CompactionStats | None:
    """Drop the texts no stored article points at. Files with none of their
    texts in use are deleted; the texts still in use in partly stale files
    are rewritten into new files, the rows repointed in one transaction, and
    only then the old files deleted: a crash at any point leaves every row
    pointing at a complete file (and at worst files that the next compaction
    removes). Leaves everything as it is, and returns None, when fewer than
    `min_stale_share` of the stored texts are stale. Needs the writer's
    connection; readers that are reading a deleted file at that moment fail
    and can simply retry."""
    folder = text_dir(con)
    for leftover in folder.glob(f"*{TEMP_SUFFIX}"):  # from a writer that died mid-write
        leftover.unlink(missing_ok=True)
    on_disk, live, stored, stale_texts = _text_inventory(con, folder)
    if min_stale_share > 0 and (not stored or stale_texts / stored < min_stale_share):
        return None
    stats = CompactionStats(files_before=len(on_disk), texts_dropped=stale_texts,
                            bytes_before=sum(path.stat().st_size for path, _ in on_disk.values()))
    unused = [path for name, (path, _) in on_disk.items() if not live.get(name)]
    stale = sorted(name for name, (_, rows) in on_disk.items() if 0 < live.get(name, 0) < rows)
    # the live texts' ids, for every partly stale file at once
    live_ids: dict[str, list[str]] = {name: [] for name in stale}
    if stale:
        with arrow_view(con, "stale_files", pa.table({"name": pa.array(stale, pa.string())})):
            for name, article_id in con.execute(f"""select {TEXT_FILE_COLUMN}, article_id from {RAW}.{ARTICLE_STORE}
                                                   where {TEXT_FILE_COLUMN} in (select name from stale_files)""").fetchall():
                live_ids[name].append(article_id)
    moved: list[tuple[str, str]] = []  # (article_id, new file)
    written: list[Path] = []
    try:
        writer, new_name, count = None, "", 0
        for old in stale:
            texts = pq.read_table(on_disk[old][0], columns=TEXT_SCHEMA.names,
                                  filters=[("article_id", "in", live_ids[old])]).cast(TEXT_SCHEMA)
            if writer is not None and count + texts.num_rows > COMPACT_FILE_TEXTS:
                writer.close()
                _publish(folder, new_name)
                writer = None
            if writer is None:
                new_name, count = _new_text_file_name("compacted"), 0
                written.append(folder / new_name)
                writer = pq.ParquetWriter(folder / (new_name + TEMP_SUFFIX), TEXT_SCHEMA, compression=TEXT_COMPRESSION)
            writer.write_table(texts)
            count += texts.num_rows
            moved.extend((a, new_name) for a in texts.column("article_id").to_pylist())
        if writer is not None:
            writer.close()
            _publish(folder, new_name)
        if moved:
            repoint = pa.table({"article_id": pa.array([a for a, _ in moved], pa.string()),
                                "new_file": pa.array([f for _, f in moved], pa.string())})
            with transaction(con, ["repoint"]):
                con.register("repoint", repoint)
                con.execute(f"""update {RAW}.{ARTICLE_STORE} s set {TEXT_FILE_COLUMN} = r.new_file
                                from repoint r where s.article_id = r.article_id""")
    except BaseException:
        for path in written:  # nothing points at them
            path.unlink(missing_ok=True)
            path.with_name(path.name + TEMP_SUFFIX).unlink(missing_ok=True)
        raise
    for path in unused + [on_disk[name][0] for name in stale]:
        path.unlink(missing_ok=True)
    stats.texts_moved = len(moved)
    after = _text_files(folder)
    stats.files_after, stats.bytes_after = len(after), sum(p.stat().st_size for p in after.values())
    return stats

