"""The etl-gone Prefect flow: article files -> raw -> staging -> marts.

Wiring only: each task is a thin wrapper over a function of
`etl_gone.pipeline`. Tasks take batches of articles, never one article: a task
run costs milliseconds of flow time and tens of milliseconds of server CPU.
"""
from __future__ import annotations

import sys
import time
import uuid
from collections import deque
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from etl_gone import accuracy, pipeline
from etl_gone.allocator import return_large_blocks_to_os
from etl_gone.decode import Limits
from etl_gone.warehouse import DEFAULT_WAREHOUSE, MemoryCapTooLow, WarehouseBusy, sample_dir, sql_dir

DEFAULT_BATCH_SIZE = 200
SUMMARY_ARTIFACT_KEY = "etl-gone-run-summary"
AUDIT_ARTIFACT_KEY = "etl-gone-audits"
PROGRESS_ARTIFACT_KEY = "etl-gone-progress"
TIMELINE_ARTIFACT_KEY = "etl-gone-timeline"
ACCURACY_ARTIFACT_KEY = "etl-gone-accuracy"
# Each progress-artifact update is a synchronous API call that costs the
# server about as much CPU as a task run (~35 ms, measured): publish steps of
# at least this many percentage points, or after this long without one, and
# the finish. The terminal bar still moves with every batch.
PROGRESS_ARTIFACT_STEP_PCT = 5.0
PROGRESS_ARTIFACT_MAX_SILENCE_SECONDS = 30.0


class Progress:
    """Progress of a run: a Prefect progress artifact updated as batches
    finish, and (from the CLI) a one-line bar on the terminal."""

    def __init__(self, total: int, show_bar: bool, clock=time.monotonic):
        self.total, self.done, self.show_bar, self.clock = max(total, 1), 0, show_bar, clock
        self.artifact_id = create_progress_artifact(0.0, key=PROGRESS_ARTIFACT_KEY,
                                                    description="batches of files and articles processed")
        self.published_pct, self.published_at = 0.0, clock()

    def advance(self, units: int, label: str) -> None:
        self.done = min(self.total, self.done + units)
        pct = 100.0 * self.done / self.total
        now = self.clock()
        if pct > self.published_pct and (pct >= 100.0 or pct - self.published_pct >= PROGRESS_ARTIFACT_STEP_PCT
                                         or now - self.published_at >= PROGRESS_ARTIFACT_MAX_SILENCE_SECONDS):
            update_progress_artifact(self.artifact_id, pct)
            self.published_pct, self.published_at = pct, now
        if self.show_bar:
            filled = int(pct // 4)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (25 - filled)}] {pct:5.1f}% {label:<40}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.show_bar:
            sys.stderr.write("\n")


@task(name="discover-files", cache_policy=NO_CACHE)
def discover_files(source: str):
    return pipeline.discover_files(source)


@task(name="select-files-to-read", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def select_files_to_read(con, source_root, files, reread=False):
    to_read, unchanged = pipeline.files_to_read(con, source_root, files, reread)
    get_run_logger().info("%d files listed: %d to read, %d unchanged since read", len(files), len(to_read), unchanged)
    return to_read, unchanged


@task(name="ingest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def ingest_batch(con, source_root, files, discovery_rejections, limits):
    stats, to_parse = pipeline.ingest_files(con, source_root, files, discovery_rejections, limits)
    get_run_logger().info("ingested %d files: %d new, %d changed, %d unchanged, %d rejected; %d articles to parse",
                          len(files), stats.files_new, stats.files_changed, stats.files_unchanged,
                          stats.files_rejected, to_parse.num_rows)
    return stats, to_parse


@task(name="find-articles-to-parse", cache_policy=NO_CACHE)
def find_articles_to_parse(con):
    return pipeline.pending_parse(con)


@task(name="fetch-articles", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def fetch_articles(con, article_ids):
    return pipeline.fetch_for_parse(con, article_ids)


class Handoff:
    """A task's return value that the flow takes once. Prefect keeps a
    submitted task's future, state and result in a reference cycle, freed
    only when Python's cyclic garbage collector next runs over old objects,
    which can take most of a run: parsed batches returned as they are piled
    up in the flow process (a steady climb of its memory over 10,000 pages).
    Taking the value out leaves Prefect holding an empty box."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def take(self):
        value, self.value = self.value, None
        return value


# No Prefect result cache on parsing: the warehouse is the cache. Each
# article's parse output is stored with the parser version (a hash of the
# parsing code) and only articles whose content or parser version is new are
# parsed again; persisting every batch's results to Prefect's storage as well
# cost ~100 MB per large batch and never pruned itself.
@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_batch(articles, limits, pool=None):
    parsed = pipeline.parse_articles(articles, limits, pool)
    counts = ", ".join(f"{n} {t.removeprefix('parsed_')}" for t, n in parsed.row_counts().items() if n)
    get_run_logger().info("parsed %d articles: %s; %d failed", articles.num_rows, counts, len(parsed.failures))
    return Handoff(parsed)


@task(name="store-parsed", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def store_parsed(con, parsed, source_root):
    pipeline.store_parsed(con, parsed, source_root)


def accuracy_gate(floors: dict[str, float]):
    """Score the bundled sample's rows when they are in the warehouse; publish
    the scores; fail (and so roll back the build) below a floor."""

    def gate(con) -> None:
        scores = accuracy.score_sample(con, accuracy.load_expected())
        if not scores:
            get_run_logger().info("accuracy gate: the bundled sample is not in this warehouse; not applied")
            return
        create_table_artifact(key=ACCURACY_ARTIFACT_KEY, table=accuracy.floor_table(scores, floors),
                              description="the bundled sample scored against its expected results")
        violations = accuracy.check_floors(scores, floors)
        if violations:
            raise accuracy.AccuracyBelowFloor(violations)
        get_run_logger().info("accuracy gate passed: %s", scores)

    return gate


@task(name="build-models-and-audit", cache_policy=NO_CACHE)
def build_models(con, sql_path: str, floors: dict[str, float]):
    logger = get_run_logger()
    model_seconds: dict[str, float] = {}
    rebuilt, audits = pipeline.build_marts(con, Path(sql_path), gate=accuracy_gate(floors),
                                           model_seconds=model_seconds)
    if rebuilt:
        slowest = sorted(model_seconds.items(), key=lambda item: -item[1])[:5]
        logger.info("models rebuilt; %d audits passed; slowest models: %s", len(audits),
                    ", ".join(f"{name} {secs:.2f} s" for name, secs in slowest))
    else:
        logger.info("nothing changed since the last build: models and audits skipped")
    return rebuilt, audits, model_seconds


@task(name="compact-raw-text", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[1, 5])
def compact_raw_text(con):
    compacted = pipeline.compact_stale_texts(con)
    if compacted is not None:
        get_run_logger().info("raw text compacted: %d stale texts dropped, %d files -> %d, %.1f -> %.1f MB",
                              compacted.texts_dropped, compacted.files_before, compacted.files_after,
                              compacted.bytes_before / 1e6, compacted.bytes_after / 1e6)
        return compacted.texts_dropped
    return 0


@task(name="publish-timeline", cache_policy=NO_CACHE)
def publish_timeline(con, warehouse: str):
    path, rows = pipeline.write_timeline(con, warehouse)
    create_markdown_artifact(
        key=TIMELINE_ARTIFACT_KEY, description="the events timeline of this warehouse",
        markdown=f"# Events timeline\n\nOpen [{path.name}]({path.as_uri()}) in a browser "
                 f"(`etl-gone timeline --warehouse {warehouse}` writes it again).\n\n"
                 f"{len(rows)} events below, in date order.")
    if rows:
        create_table_artifact(key=TIMELINE_ARTIFACT_KEY + "-events", table=rows,
                              description="marts.events in date order")
    get_run_logger().info("timeline written to %s (%d events)", path, len(rows))
    return str(path)


@task(name="publish-summary", cache_policy=NO_CACHE)
def publish_summary(con, stats, warehouse: str, run_id: str, flow_run_id, started_at):
    counts = pipeline.table_counts(con)
    rejected = pipeline.rejections(con, stats.source_root)
    markdown = pipeline.summary_markdown(stats, counts, rejected, warehouse)
    pipeline.record_run(con, run_id, flow_run_id, started_at, stats, "completed")
    create_markdown_artifact(key=SUMMARY_ARTIFACT_KEY, markdown=markdown, description="etl-gone run summary")
    if stats.audits:
        create_table_artifact(key=AUDIT_ARTIFACT_KEY, table=stats.audits, description="SQL audits of this run")
    get_run_logger().info("rows per table: %s", counts)
    return markdown


@flow(name="etl-gone")
def etl_gone(source: str | None = None, warehouse: str = str(DEFAULT_WAREHOUSE),
             batch_size: int = DEFAULT_BATCH_SIZE, max_file_bytes: int = Limits.max_file_bytes,
             max_paragraph_chars: int = Limits.max_paragraph_chars,
             max_article_chars: int = Limits.max_article_chars,
             lock_wait_seconds: float | None = None, show_progress: bool = False,
             processes: int | None = None, accuracy_floors: dict[str, float] | None = None,
             reread: bool = False) -> dict:
    """Process every article file under `source` (default: the bundled sample)
    into the DuckDB file `warehouse`: only new or changed files are parsed,
    then staging and marts are rebuilt and audited. Parsing uses `processes`
    local worker processes (default: one per core; 1 parses in the flow's
    own process) unless the flow runs on Dask, whose workers parse instead.
    Files with the size and modification time they had when read are not
    read again unless `reread`."""
    started_at = datetime.now(timezone.utc).replace(tzinfo=None)
    return_large_blocks_to_os()  # keeps this process's memory flat over a long run
    ctx = get_run_context()
    flow_run_id = str(ctx.flow_run.id) if getattr(ctx, "flow_run", None) else None
    run_id = flow_run_id or uuid.uuid4().hex
    source = source or str(sample_dir())
    limits = Limits(max_file_bytes=max_file_bytes, max_paragraph_chars=max_paragraph_chars,
                    max_article_chars=max_article_chars)
    stats = pipeline.RunStats()
    try:
        con = pipeline.open_warehouse(warehouse, lock_wait_seconds)
    except WarehouseBusy as exc:
        # a state, not an exception: the run fails with one line, no traceback
        return Failed(message=str(exc))
    except duckdb.OutOfMemoryException as exc:
        raise MemoryCapTooLow(exc) from exc
    try:
        source_root, files, discovery_rejections = discover_files(source)
        stats.source_root, stats.files_seen = source_root, len(files)
        # quote() here and on each batch's files and parsed tables: Prefect
        # would otherwise walk them item by item to track dependencies (~0.6 s
        # for a listing of 10,000 files, ~12 ms per batch task)
        to_read, stats.files_unchanged = select_files_to_read(con, source_root, quote(files), reread)
        chunks = pipeline.ingest_chunks(to_read, discovery_rejections, batch_size)
        # progress units: files read, articles parsed (estimated as files
        # until known), one unit for the models
        progress = Progress(2 * len(to_read) + 1, show_progress)
        # Each batch of files is landed, then its new articles parse on local
        # worker processes (or, with another task runner such as Dask's, on its
        # workers) while the next batch lands; this process, the single writer,
        # stores finished batches in order, and a bounded window of batches in
        # flight keeps memory flat.
        local_runner = isinstance(getattr(ctx, "task_runner", None), ThreadPoolTaskRunner)
        pool = pipeline.parse_pool_for(chunks, processes) if local_runner else None
        window = (pool.processes if pool else 1) + 1
        in_flight: deque = deque()
        parse_total = 0

        def store_oldest() -> None:
            parsed = in_flight.popleft().result().take()
            store_parsed(con, quote(parsed), source_root)
            stats.articles_parsed += len(parsed.article_ids)
            stats.parse_failures += len(parsed.failures)
            progress.advance(len(parsed.article_ids), f"parsed {stats.articles_parsed} articles")

        def submit(articles) -> None:
            in_flight.append(parse_batch.submit(articles, limits, pool))
            if len(in_flight) >= window:
                store_oldest()

        try:
            for i, chunk in enumerate(chunks):
                raw_stats, to_parse = ingest_batch(con, source_root, quote(chunk),
                                                   discovery_rejections if i == 0 else [], limits)
                stats.add_raw(raw_stats)
                parse_total += to_parse.num_rows
                progress.advance(len(chunk), f"read {min((i + 1) * batch_size, len(to_read))}/{len(to_read)} files")
                if to_parse.num_rows:
                    submit(to_parse)
            while in_flight:
                store_oldest()
            # left over from an interrupted run, or parsed by an older parser
            leftover = find_articles_to_parse(con)
            progress.total = len(to_read) + parse_total + len(leftover) + 1
            for ids in pipeline.batches(leftover, batch_size):
                submit(fetch_articles(con, ids))
            while in_flight:
                store_oldest()
        finally:
            if pool is not None:
                pool.close()
        floors = {**accuracy.DEFAULT_FLOORS, **(accuracy_floors or {})}
        stats.models_rebuilt, audits, stats.model_seconds = build_models(con, str(sql_dir()), floors)
        progress.advance(1, "models built and audited")
        progress.close()
        stats.audits = [{"name": a.name, "violations": a.violation_count} for a in audits]
        if stats.articles_removed:  # only replaced or removed articles leave stale text behind
            stats.texts_compacted = compact_raw_text(con)
        if stats.models_rebuilt or not pipeline.timeline_path(warehouse).exists():
            publish_timeline(con, warehouse)
        publish_summary(con, stats, warehouse, run_id, flow_run_id, started_at)
    except duckdb.OutOfMemoryException as exc:
        raise MemoryCapTooLow(exc) from exc
    finally:
        con.close()
    return {"run_id": run_id, **{k: v for k, v in vars(stats).items() if k != "audits"},
            "audits": stats.audits}


def flow_for(workers: int | None = None, dask_address: str | None = None):
    """The flow with its task runner: the default thread pool, a local Dask
    cluster of `workers` processes, or an existing Dask scheduler."""
    if not workers and not dask_address:
        return etl_gone
    from prefect_dask import DaskTaskRunner

    if dask_address:
        runner = DaskTaskRunner(address=dask_address)
    else:
        # one thread per worker process: parsing is CPU-bound Python
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                                "processes": True, "dashboard_address": None})
    return etl_gone.with_options(task_runner=runner)

