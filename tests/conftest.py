"""Shared fixtures: temporary warehouses and copies of the bundled sample.
Tests never touch warehouse/ itself."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl_gone.warehouse import sample_dir

SAMPLE_DIR = sample_dir()
SNAPSHOT_SCHEMAS = ("raw", "staging", "intermediate", "marts")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled sample articles."""
    dest = tmp_path / "source"
    shutil.copytree(SAMPLE_DIR, dest)
    return dest


def snapshot(con) -> dict[str, list[tuple]]:
    """Every row of every data table, in a stable order, for equality checks."""
    out = {}
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('raw', 'staging', 'intermediate', 'marts') order by 1, 2").fetchall()
    for schema, table in tables:
        rows = con.execute(f"select * from {schema}.{table}").fetchall()
        out[f"{schema}.{table}"] = sorted(rows, key=repr)
    return out
