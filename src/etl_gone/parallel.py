"""Parse batches on several local processes: how one run uses every core.

Parsing is CPU-bound pure Python, so threads share one core (the GIL). A
`ParsePool` sends each batch to a worker process and returns its Arrow
tables; the caller (the flow's single writer) stores them. The processes are
started on the first batch, so a run with nothing to parse never pays for
them, and are recycled after `MAX_BATCHES_PER_PROCESS` batches so that
memory the allocator keeps after a large page does not accumulate.

Workers are spawned, not forked: the parent runs Prefect's threads and event
loop, and forking a threaded process can copy a held lock into the child.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from etl_gone.arrow_tables import ArrowBatch, batch_to_arrow
from etl_gone.decode import DEFAULT_LIMITS, Limits
from etl_gone.parse import ArticleToParse, parse_batch

# A fresh process per this many batches keeps a worker's memory flat; a
# spawn costs ~1 s, against ~10 s of parsing per batch of 200 pages.
MAX_BATCHES_PER_PROCESS = 10
START_METHOD = "spawn"


def default_processes() -> int:
    """One parse process per core the run may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def parse_to_arrow(articles: list[ArticleToParse], limits: Limits = DEFAULT_LIMITS) -> ArrowBatch:
    """Parse a batch and hand it over as Arrow tables (cheap to send between
    processes, and what the loader inserts in bulk)."""
    return batch_to_arrow(parse_batch(articles, limits))


class ParsePool:
    """A lazily started pool of `processes` parse workers. With one process
    (or fewer) it parses in the calling process and starts nothing."""

    def __init__(self, processes: int | None = None):
        self.processes = default_processes() if processes is None else max(1, processes)
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, articles: list[ArticleToParse], limits: Limits = DEFAULT_LIMITS) -> Future:
        if self.processes <= 1:
            done: Future = Future()
            try:
                done.set_result(parse_to_arrow(articles, limits))
            except BaseException as exc:  # delivered like a worker's error  # noqa: BLE001
                done.set_exception(exc)
            return done
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes, mp_context=multiprocessing.get_context(START_METHOD),
                max_tasks_per_child=MAX_BATCHES_PER_PROCESS)
        return self._executor.submit(parse_to_arrow, articles, limits)

    def parse(self, articles: list[ArticleToParse], limits: Limits = DEFAULT_LIMITS) -> ArrowBatch:
        return self.submit(articles, limits).result()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> "ParsePool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
