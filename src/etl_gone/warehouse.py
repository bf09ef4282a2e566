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
# DuckDB's own default is 80% of the machine). Under it the model build spills
# to disk instead of growing: at 10,000 articles the writer peaked at 1.6 GB
# during the build without a cap, 0.9 GB with 600MB. (A 400MB cap once made
# DuckDB fail to checkpoint at commit, FATAL, while raw HTML was still stored
# in a DuckDB table; the text now lives in Parquet files.)
MEMORY_LIMIT_ENV = "ETL_GONE_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "512MB"
# DuckDB checkpoints when its write-ahead log passes this size. Its 16 MB
# default meant a checkpoint after every batch of parse output; every 512 MB
# held that much un-checkpointed data in memory. 64 MB: ~4 batches.
CHECKPOINT_THRESHOLD = "64MB"
LOCK_POLL_SECONDS = 0.25


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
