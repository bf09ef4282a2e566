"""The warehouse file: where it is, and opening it safely.

One writer at a time: DuckDB locks the file for a read-write connection, so a
second run waits (bounded, configurable) for the first to finish instead of
failing with a lock traceback. Readers use read-only connections.
"""
from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_DIR = PACKAGE_DIR / "_bundled"  # present in a built wheel
REPO_ROOT = PACKAGE_DIR.parents[1]  # an editable install or a checkout
DEFAULT_WAREHOUSE = Path("warehouse") / "etl_gone.duckdb"
LOCK_ERROR_RE = re.compile(r"lock", re.I)
LOCK_HOLDER_RE = re.compile(r"PID (\d+)")
DEFAULT_LOCK_WAIT_SECONDS = 600.0
# The writer's DuckDB memory cap (ETL_GONE_DUCKDB_MEMORY_LIMIT overrides it;
# DuckDB's own default is 80% of the machine). Under it DuckDB evicts cached
# table blocks and the model build spills to disk instead of growing. At
# 10,000 articles the build added 1.2 GB to the writer without a cap, 0.5 GB
# at 512MB and 0.3 GB at 256MB, in the same 11-13 s. (A 400MB cap once made
# DuckDB fail to checkpoint at commit, FATAL, while raw HTML was stored in a
# DuckDB table; the text now lives in Parquet files.)
MEMORY_LIMIT_ENV = "ETL_GONE_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "256MB"
# DuckDB checkpoints when its write-ahead log passes this size. Its 16 MB
# default meant a checkpoint after every batch of parse output; every 512 MB
# held that much un-checkpointed data in memory. 64 MB: ~4 batches.
CHECKPOINT_THRESHOLD = "64MB"
LOCK_POLL_SECONDS = 0.25


class MemoryCapTooLow(Exception):
    """DuckDB ran out of the memory the writer allows it."""

    def __init__(self, duckdb_error: BaseException):
        limit = os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT
        super().__init__(f"DuckDB needed more memory than the writer allows it ({limit}): set {MEMORY_LIMIT_ENV} "
                         f"higher (e.g. {MEMORY_LIMIT_ENV}=2GB) and run again; nothing of this run's failed step "
                         f"was committed. DuckDB said: {duckdb_error}")


class WarehouseBusy(Exception):
    """Another process holds the warehouse for writing and did not let go in time."""


class WarehouseMissing(Exception):
    pass


def _project_dir(name: str) -> Path:
    bundled = BUNDLED_DIR / name
    if bundled.is_dir():
        return bundled
    return REPO_ROOT / name


def sql_dir() -> Path:
    return _project_dir("sql")


def sample_dir() -> Path:
    """The bundled sample articles (the default source)."""
    bundled = BUNDLED_DIR / "landing"
    return bundled if bundled.is_dir() else REPO_ROOT / "warehouse" / "landing"


def lock_wait_seconds() -> float:
    return float(os.environ.get("ETL_GONE_LOCK_WAIT_SECONDS", DEFAULT_LOCK_WAIT_SECONDS))


def is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and bool(LOCK_ERROR_RE.search(str(exc)))


def writer_config() -> dict[str, str]:
    return {"checkpoint_threshold": CHECKPOINT_THRESHOLD,
            "memory_limit": os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT}


def connect_writer(path: str | os.PathLike, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """A read-write connection, waiting up to `wait_seconds` for another writer."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wait = lock_wait_seconds() if wait_seconds is None else wait_seconds
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), config=writer_config())
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            if time.monotonic() >= deadline:
                holder = LOCK_HOLDER_RE.search(str(exc))
                who = f" (process {holder.group(1)})" if holder else ""
                raise WarehouseBusy(f"warehouse {path} is being written by another run{who}; "
                                    f"gave up after waiting {wait:.0f} s "
                                    f"(set ETL_GONE_LOCK_WAIT_SECONDS to wait longer)") from None
            time.sleep(LOCK_POLL_SECONDS)


@contextmanager
def writer(path: str | os.PathLike, wait_seconds: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect_writer(path, wait_seconds)
    try:
        yield con
    finally:
        con.close()


def connect_reader(path: str | os.PathLike, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; waits while a writer holds the file."""
    path = Path(path)
    if not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `etl-gone run` first")
    wait = lock_wait_seconds() if wait_seconds is None else wait_seconds
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.IOException as exc:
            if not is_lock_error(exc) or time.monotonic() >= deadline:
                if is_lock_error(exc):
                    raise WarehouseBusy(f"warehouse {path} is locked by a running write; try again when it ends") from None
                raise
            time.sleep(LOCK_POLL_SECONDS)
