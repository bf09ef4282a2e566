"""Parse batches on several local processes: how one run uses every core.

Parsing is CPU-bound pure Python, so threads share one core (the GIL). A
`ParsePool` sends each batch to a worker process and returns its Arrow
tables; the caller (the flow's single writer) stores them. The processes are
started on the first batch, so a run with nothing to parse never pays for
them. A worker's memory stays flat (~180 MB over 1,000 pages, measured), so
workers live for the whole run: `max_tasks_per_child` would recycle them,
but on Python 3.11-3.13 it can deadlock the pool (CPython gh-115634).

Workers are spawned, not forked: the parent runs Prefect's threads and event
loop, and forking a threaded process can copy a held lock into the child.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

import pyarrow as pa

from etl_gone.allocator import return_large_blocks_to_os
from etl_gone.arrow_tables import ArrowBatch, articles_from_arrow, batch_to_arrow, merge_batches
from etl_gone.decode import DEFAULT_LIMITS, Limits
from etl_gone.records import ParsedBatch, ParseFailure

START_METHOD = "spawn"
# A batch is cut into this many pieces per worker, so that every worker has
# work until the run's end: whole batches left one worker parsing the last
# one alone (at 1,000 articles, the fifth of five batches: a sixth of the
# parse time on one core). Pieces smaller than MIN_PIECE_ARTICLES are not
# worth a trip to a worker.
PIECES_PER_WORKER = 2
MIN_PIECE_ARTICLES = 10
PARENT_CHECK_SECONDS = 1.0
ISOLATED_ATTEMPTS = 2
WORKER_CRASH_REASON = ("parser crashed: parsing this article killed its worker process "
                       "(a crash in a C library, or out of memory)")


def _exit_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker when the run that started it is
    gone (killed with SIGKILL, say), instead of idling as an orphan."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _start_worker(parent_pid: int) -> None:
    """Worker initializer: a worker holds a batch of pages at a time, like
    the writer, so it returns freed page buffers to the system too."""
    return_large_blocks_to_os()
    _exit_with_parent(parent_pid)


def default_processes() -> int:
    """One parse process per core the run may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def parse_to_arrow(articles: pa.Table, limits: Limits = DEFAULT_LIMITS) -> ArrowBatch:
    """Parse a batch (an Arrow table of ArticleToParse rows) and hand it over
    as Arrow tables: cheap to send between processes, and what the loader
    inserts in bulk."""
    # imported here: the parsers load only in a process that parses, not in
    # the flow's process when workers do the parsing
    from etl_gone.parse import parse_batch

    return batch_to_arrow(parse_batch(articles_from_arrow(articles), limits))


def _rows(table: pa.Table, start: int, stop: int) -> pa.Table:
    """Rows start..stop as a table of their own: a slice would be pickled to
    the worker with its parent's whole buffers (the whole batch's text)."""
    return table.take(pa.array(range(start, stop), type=pa.int64()))


class ParsePool:
    """A lazily started pool of `processes` parse workers. With one process
    (or fewer) it parses in the calling process and starts nothing.

    A page that kills its worker (a crash inside a C library, the kernel's
    out-of-memory killer) breaks the whole process pool: the pool is started
    again and the batches that were running are parsed one article at a
    time, so only the article that kills a worker again becomes a parse
    failure and the run goes on."""

    def __init__(self, processes: int | None = None, worker: Callable[..., ArrowBatch] = parse_to_arrow):
        self.processes = default_processes() if processes is None else max(1, processes)
        self.worker = worker  # what a worker process runs on a batch (a test swaps it)
        self._executor: ProcessPoolExecutor | None = None
        self._waiters: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._isolation_lock = threading.Lock()

    def parse(self, articles: pa.Table, limits: Limits = DEFAULT_LIMITS) -> ArrowBatch:
        """Parse one batch (ArticleToParse rows); blocks until it is done."""
        if self.processes <= 1:
            return self.worker(articles, limits)
        executor = self._workers()
        try:
            futures = [executor.submit(self.worker, piece, limits) for piece in self._pieces(articles)]
            parts = [f.result() for f in futures]
            return parts[0] if len(parts) == 1 else merge_batches(parts)
        except BrokenProcessPool:
            self._replace(executor)
        parts = []
        # One article at a time across the whole pool, so that a crash is that
        # article's; tried twice, as a batch of another thread may have broken
        # the pool under it.
        with self._isolation_lock:
            for i in range(articles.num_rows):
                one = _rows(articles, i, i + 1)
                for _ in range(ISOLATED_ATTEMPTS):
                    executor = self._workers()
                    try:
                        parts.append(executor.submit(self.worker, one, limits).result())
                        break
                    except BrokenProcessPool:
                        self._replace(executor)
                else:
                    from etl_gone.parse import failed_article_rows  # as in parse_to_arrow

                    [article] = articles_from_arrow(one)
                    parts.append(batch_to_arrow(ParsedBatch(
                        failed_article_rows(article),
                        [ParseFailure(article.article_id, article.source_name, WORKER_CRASH_REASON)],
                        [article.article_id])))
        return merge_batches(parts) if parts else self.worker(articles, limits)

    def _pieces(self, articles: pa.Table) -> list[pa.Table]:
        """The batch in contiguous pieces, in order: their results are merged back."""
        n = articles.num_rows
        count = min(self.processes * PIECES_PER_WORKER, n // MIN_PIECE_ARTICLES)
        if count <= 1:
            return [articles]
        bounds = [n * i // count for i in range(count + 1)]
        return [_rows(articles, start, stop) for start, stop in zip(bounds, bounds[1:])]

    def submit(self, articles: pa.Table, limits: Limits = DEFAULT_LIMITS) -> Future:
        """`parse` without waiting: a future of its result."""
        if self._waiters is None:
            self._waiters = ThreadPoolExecutor(max_workers=self.processes + 1, thread_name_prefix="parse-wait")
        return self._waiters.submit(self.parse, articles, limits)

    def _workers(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self.processes, mp_context=multiprocessing.get_context(START_METHOD),
                    initializer=_start_worker, initargs=(os.getpid(),))
            return self._executor

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Drop a broken process pool (once, however many batches saw it break)."""
        with self._lock:
            if self._executor is broken:
                self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._waiters is not None:
            self._waiters.shutdown(wait=True, cancel_futures=True)
            self._waiters = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> "ParsePool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
