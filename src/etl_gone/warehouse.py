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
# No memory cap of our own on the writer by default: under a cap DuckDB can
# fail to checkpoint at commit ("failed to pin block", a FATAL error that
# invalidates the connection), measured with 400MB while landing 10,000 pages.
# DuckDB's own default (80% of the machine's memory) applies unless
# ETL_GONE_DUCKDB_MEMORY_LIMIT sets one.
MEMORY_LIMIT_ENV = "ETL_GONE_DUCKDB_MEMORY_LIMIT"
# DuckDB checkpoints when its write-ahead log passes 16 MB, i.e. after every
# batch of pages, and each checkpoint rewrites the raw table's growing row
# group: landing 10,000 pages took 55 s and peaked at 1.5-1.8 GB. Checkpointing
# every 512 MB of log: 34 s and ~1 GB. A killed run replays the log on open.
CHECKPOINT_THRESHOLD = "512MB"
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
    config = {"checkpoint_threshold": CHECKPOINT_THRESHOLD}
    limit = os.environ.get(MEMORY_LIMIT_ENV)
    if limit:
        config["memory_limit"] = limit
    return config


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
