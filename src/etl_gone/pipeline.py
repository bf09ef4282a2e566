"""The steps of a run, each a plain function over a DuckDB connection.

The Prefect flow (`flows/etl_flow.py`) wraps each of these in a task and
wires them; everything here also works without Prefect, which is how the
tests exercise the incremental and failure cases cheaply.
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from etl_gone import catalog, load, models
from etl_gone.decode import DEFAULT_LIMITS, Limits
from etl_gone.arrow_tables import ArrowBatch, to_arrow
from etl_gone.allocator import return_large_blocks_to_os
from etl_gone.parallel import ParsePool, parse_to_arrow
from etl_gone.parser_version import PARSER_VERSION
from etl_gone.records import ArticleToParse
from etl_gone.sources import RawArticle, SourceFile, discover, read_files

log = logging.getLogger(__name__)

# The columns of a landed article that parsing needs (ArticleToParse's fields).
PARSE_INPUT_COLUMNS = [f.name for f in fields(ArticleToParse)]

# Tables whose row counts the run summary reports.
SUMMARY_TABLES = (
    "raw.articles", "raw.rejected_files", "staging.articles", "staging.paragraphs",
    "staging.removed_blocks", "staging.quotes", "staging.claims", "staging.time_expressions",
    "marts.events", "marts.event_sources", "marts.quotes", "marts.disputes",
)


@dataclass
class RunStats(load.RawLoadStats):
    source_root: str = ""
    files_seen: int = 0
    articles_parsed: int = 0
    parse_failures: int = 0
    models_rebuilt: bool = False
    texts_compacted: int = 0
    audits: list[dict] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    model_seconds: dict[str, float] = field(default_factory=dict)

    def add_raw(self, s: load.RawLoadStats) -> None:
        for f in fields(load.RawLoadStats):
            setattr(self, f.name, getattr(self, f.name) + getattr(s, f.name))


def open_warehouse(path: str | Path, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    from etl_gone.warehouse import connect_writer

    con = connect_writer(path, wait_seconds)
    try:
        load.ensure_schema(con)
    except BaseException:
        con.close()  # else this process keeps the file open with the failed configuration
        raise
    return con


# Stale raw text (texts of replaced or removed articles, left in the text
# files) is compacted at the end of a run once it is this share of all texts.
AUTO_COMPACT_SHARE = 0.25


def compact_stale_texts(con: duckdb.DuckDBPyConnection, min_share: float = AUTO_COMPACT_SHARE
                        ) -> load.CompactionStats | None:
    """Compact the raw-text files when at least `min_share` of their texts
    are stale; None when they were left as they are."""
    return load.compact_texts(con, min_stale_share=min_share)


def discover_files(source: str | Path) -> tuple[str, list[SourceFile], list]:
    files, rejected = discover(source)
    return str(Path(source).resolve()), files, rejected


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def files_to_read(con: duckdb.DuckDBPyConnection, source_root: str, files: list[SourceFile],
                  reread: bool = False) -> tuple[list[SourceFile], int]:
    """The listed files that need reading, and how many do not: a file whose
    size and modification time are the ones recorded when its content was
    read is not read again (unless `reread`). One query for the whole
    listing, so that a run over unchanged files starts no ingest work."""
    if reread or not files:
        return list(files), 0
    unchanged = load.unchanged_files(con, source_root, files)
    return [f for f in files if f.source_name not in unchanged], len(unchanged)


def ingest_files(con: duckdb.DuckDBPyConnection, source_root: str, files: list[SourceFile],
                 discovery_rejections: list | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> tuple[load.RawLoadStats, pa.Table]:
    """Read one batch of files and land it in raw (one transaction). Also
    returns the batch's articles that this parser version has not parsed,
    text in hand: reading them back from DuckDB costs more than parsing."""
    batch = read_files(source_root, files, limits)
    if discovery_rejections:
        batch.rejected.extend(discovery_rejections)
    # one Arrow copy of the text serves the text file and the parse workers;
    # the Python strings go as soon as it exists (a batch of web pages is
    # tens of MB in each form)
    articles = to_arrow(batch.articles, RawArticle)
    batch.articles.clear()
    stats = load.load_read_batch(con, batch, articles)
    unparsed = load.unparsed_among(con, articles.column("article_id").to_pylist(), PARSER_VERSION)
    to_parse = articles.select(PARSE_INPUT_COLUMNS)
    if len(unparsed) < to_parse.num_rows:
        to_parse = to_parse.filter(pc.is_in(to_parse["article_id"], pa.array(sorted(unparsed), pa.string())))
    return stats, to_parse


def ingest_chunks(files: list[SourceFile], discovery_rejections: list, batch_size: int) -> list[list[SourceFile]]:
    """The batches of files to ingest: none when there is nothing to read and
    nothing rejected at discovery (a run over unchanged files)."""
    return batches(files, batch_size) or ([[]] if discovery_rejections else [])


def parse_pool_for(chunks: list[list[SourceFile]], processes: int | None) -> ParsePool:
    """Worker processes for the run's parsing (None: one per core). A single
    batch parses in the calling process: starting workers would cost more
    than they save."""
    return ParsePool(processes if len(chunks) > 1 else 1)


def pending_parse(con: duckdb.DuckDBPyConnection) -> list[str]:
    return load.articles_needing_parse(con, PARSER_VERSION)


def fetch_for_parse(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> pa.Table:
    """Stored articles read back for parsing (ArticleToParse rows)."""
    return load.fetch_articles(con, article_ids)


def parse_articles(articles: pa.Table, limits: Limits = DEFAULT_LIMITS,
                   pool: ParsePool | None = None) -> ArrowBatch:
    """Parse a batch into Arrow tables: in this process, or on `pool`'s
    worker processes."""
    return pool.parse(articles, limits) if pool is not None else parse_to_arrow(articles, limits)


def store_parsed(con: duckdb.DuckDBPyConnection, parsed: ArrowBatch, source_root: str) -> None:
    load.load_parsed_batch(con, parsed, source_root)


def build_marts(con: duckdb.DuckDBPyConnection, sql_dir: Path, force: bool = False,
                gate=None, model_seconds: dict[str, float] | None = None) -> tuple[bool, list[models.AuditResult]]:
    """Rebuild staging, intermediate and marts and run the audits, all in one
    transaction: a failed audit, a failed `gate(con)` (the accuracy gate) or a
    crash leaves the previous build in place. Skipped when neither the raw data
    nor the SQL changed since the last successful build. Returns (rebuilt,
    audit results); `model_seconds`, when given, receives each model's build time."""
    fingerprint = f"{load.state_value(con, 'raw_generation') or '0'}:{models.sql_fingerprint(sql_dir)}"
    if not force and load.state_value(con, "models_fingerprint") == fingerprint:
        return False, []
    with load.transaction(con):
        built = models.build_models(con, sql_dir)
        if model_seconds is not None:
            model_seconds.update({name: round(secs, 3) for name, secs in built.items()})
        # create-or-replace drops comments: the descriptions go back on every build
        for problem in catalog.apply_comments(con, sql_dir):
            log.warning("table docs: %s", problem)
        results = models.run_audits(con, sql_dir)
        failed = [r for r in results if not r.passed]
        if failed:
            raise models.AuditFailure(failed)
        if gate is not None:
            gate(con)
        load.set_state(con, "models_fingerprint", fingerprint)
    return True, results


def timeline_path(warehouse: str | Path) -> Path:
    """Where a run leaves the HTML timeline: beside the warehouse file."""
    wh = Path(warehouse)
    return wh.with_name(wh.stem + "_timeline.html")


def write_timeline(con: duckdb.DuckDBPyConnection, warehouse: str | Path) -> tuple[Path, list[dict]]:
    """Render the events mart to HTML beside the warehouse; also return the
    timeline rows for a table artifact."""
    from etl_gone import timeline

    out = timeline_path(warehouse)
    out.write_text(timeline.render_timeline(con), encoding="utf-8")
    have = models.existing_tables(con)
    rows = []
    if "marts.events" in have:
        cols = ["event_date", "date_precision", "event_type", "summary", "source_count"]
        rows = [dict(zip(cols, (str(v) if v is not None else None for v in r))) for r in con.execute(
            f"select {', '.join(cols)} from marts.events order by event_date nulls last, event_id limit 200").fetchall()]
    return out.resolve(), rows


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    have = models.existing_tables(con)
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in SUMMARY_TABLES if t in have}


def rejections(con: duckdb.DuckDBPyConnection, source_root: str) -> list[tuple[str, str, str]]:
    return con.execute("""select source_name, stage, reason from raw.rejected_files
                          where source_root = ? order by source_name""", [source_root]).fetchall()


def record_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None, started_at: datetime,
               stats: RunStats, status: str) -> None:
    con.execute("insert or replace into meta.runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        run_id, flow_run_id, started_at, datetime.now(timezone.utc).replace(tzinfo=None), stats.source_root,
        status, stats.files_seen, stats.files_new, stats.files_changed, stats.files_unchanged,
        stats.files_rejected, stats.articles_parsed, stats.models_rebuilt, json.dumps(asdict(stats), default=str)])


def summary_markdown(stats: RunStats, counts: dict[str, int], rejected: list[tuple[str, str, str]],
                     warehouse: str) -> str:
    lines = [
        "# etl-gone run summary", "",
        f"Warehouse: `{warehouse}`  ",
        f"Source: `{stats.source_root}`", "",
        "| files seen | new | changed | unchanged | rejected | articles parsed | marts rebuilt |",
        "|---:|---:|---:|---:|---:|---:|:---:|",
        f"| {stats.files_seen} | {stats.files_new} | {stats.files_changed} | {stats.files_unchanged} | "
        f"{stats.files_rejected} | {stats.articles_parsed} | {'yes' if stats.models_rebuilt else 'no (nothing changed)'} |",
        "", "## Rows per table", "", "| table | rows |", "|---|---:|",
    ]
    lines += [f"| `{t}` | {n} |" for t, n in counts.items()]
    if stats.texts_compacted:
        lines += ["", f"Raw text compacted: {stats.texts_compacted} texts of replaced or removed articles dropped."]
    if rejected:
        lines += ["", "## Rejected files", "", "| file | stage | reason |", "|---|---|---|"]
        lines += [f"| `{n}` | {s} | {r.replace('|', '/')} |" for n, s, r in rejected]
    if stats.audits:
        lines += ["", "## Audits", "", "| audit | violations |", "|---|---:|"]
        lines += [f"| {a['name']} | {a['violations']} |" for a in stats.audits]
    return "\n".join(lines) + "\n"


def run_without_prefect(source: str | Path, warehouse: str | Path, batch_size: int = 500,
                        limits: Limits = DEFAULT_LIMITS, sql_path: Path | None = None,
                        lock_wait_seconds: float | None = None, run_id: str | None = None,
                        processes: int | None = 1, reread: bool = False) -> RunStats:
    """The flow's steps in plain Python, in the same order: for tests and the
    benchmark's Prefect-free baseline (`stats.stage_seconds` times each step).
    Scheduled runs use the flow. `processes` as for the flow (None: one per
    core); the default, 1, parses in this process."""
    import time
    from collections import deque
    import uuid

    from etl_gone.warehouse import sql_dir

    started_at = datetime.now(timezone.utc).replace(tzinfo=None)
    return_large_blocks_to_os()  # as the flow does
    stats = RunStats()
    seconds = stats.stage_seconds

    def timed(stage: str, fn, *args):
        t = time.perf_counter()
        try:
            return fn(*args)
        finally:
            seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - t

    con = open_warehouse(warehouse, lock_wait_seconds)
    try:
        stats.source_root, files, rejected = timed("read+load raw", discover_files, source)
        stats.files_seen = len(files)
        to_read, stats.files_unchanged = timed("read+load raw", files_to_read, con, stats.source_root,
                                               files, reread)
        chunks = ingest_chunks(to_read, rejected, batch_size)
        with parse_pool_for(chunks, processes) as pool:
            # as in the flow: each batch of files is landed, then its new
            # articles parse while the next batch lands; a bounded window of
            # batches is in flight, and this process stores them in order
            in_flight: deque = deque()

            def store_oldest() -> None:
                parsed = timed("parse", in_flight.popleft().result)
                timed("load parsed", store_parsed, con, parsed, stats.source_root)
                stats.articles_parsed += len(parsed.article_ids)
                stats.parse_failures += len(parsed.failures)

            def submit(articles: pa.Table) -> None:
                in_flight.append(pool.submit(articles, limits))
                if len(in_flight) > pool.processes:
                    store_oldest()

            for i, chunk in enumerate(chunks):
                raw_stats, to_parse = timed("read+load raw", ingest_files, con, stats.source_root, chunk,
                                            rejected if i == 0 else [], limits)
                stats.add_raw(raw_stats)
                if to_parse.num_rows:
                    submit(to_parse)
            while in_flight:
                store_oldest()
            # left over from an interrupted run, or parsed by an older parser
            for ids in batches(pending_parse(con), batch_size):
                submit(timed("read back", fetch_for_parse, con, ids))
            while in_flight:
                store_oldest()
        stats.models_rebuilt, audits = timed("models+audits", build_marts, con, sql_path or sql_dir(),
                                                  False, None, stats.model_seconds)
        stats.audits = [{"name": a.name, "violations": a.violation_count} for a in audits]
        if stats.articles_removed:
            compacted = timed("compact raw text", compact_stale_texts, con)
            stats.texts_compacted = compacted.texts_dropped if compacted else 0
        record_run(con, run_id or uuid.uuid4().hex, None, started_at, stats, "completed")
    finally:
        con.close()
    return stats

