"""Shared fixtures: temporary warehouses and copies of the bundled sample.
Tests never touch warehouse/ itself."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl_gone.warehouse import sample_dir

SAMPLE_DIR = sample_dir()
SNAPSHOT_SCHEMAS = ("raw", "staging", "intermediate", "marts")


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for every test that runs a flow: each start
    costs 10-20 s here, and the runs need no server of their own."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled sample articles."""
    dest = tmp_path / "source"
    shutil.copytree(SAMPLE_DIR, dest)
    return dest


# Columns that record when a run happened, or when a file was last written:
# they differ between two equal builds.
# (text_file: the name of the Parquet file holding an article's text is new each run)
RUN_TIME_COLUMNS = frozenset({"ingested_at", "rejected_at", "first_seen_at", "modified_at", "text_file"})


def snapshot(con, skip_columns: frozenset[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every row of every data table, in a stable order, for equality checks
    (without `skip_columns`)."""
    out = {}
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('raw', 'staging', 'intermediate', 'marts') order by 1, 2").fetchall()
    for schema, table in tables:
        cols = [c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
            "order by ordinal_position", [schema, table]).fetchall() if c not in skip_columns]
        rows = con.execute(f"select {', '.join(cols)} from {schema}.{table}").fetchall()
        out[f"{schema}.{table}"] = sorted(rows, key=repr)
    return out


def warehouse_snapshot(path: Path, skip_columns: frozenset[str] = RUN_TIME_COLUMNS) -> dict[str, list[tuple]]:
    """`snapshot` of a warehouse file, opened read-only."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return snapshot(con, skip_columns)
    finally:
        con.close()
