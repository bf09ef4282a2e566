"""The parse stage on a 2-worker local Dask cluster gives the same warehouse
as the default run (timestamps of ingestion aside)."""
from __future__ import annotations

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.etl_flow import flow_for

pytest.importorskip("prefect_dask")
TIMESTAMP_COLUMNS = {"ingested_at", "rejected_at", "first_seen_at"}


def content(wh) -> dict[str, list]:
    con = duckdb.connect(str(wh), read_only=True)
    try:
        out = {}
        for schema, table in con.execute(
                "select table_schema, table_name from information_schema.tables "
                "where table_schema in ('raw', 'staging', 'marts') order by 1, 2").fetchall():
            cols = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema=? and table_name=? "
                "order by ordinal_position", [schema, table]).fetchall() if c not in TIMESTAMP_COLUMNS]
            rows = con.execute(f"select {', '.join(cols)} from {schema}.{table}").fetchall()
            out[f"{schema}.{table}"] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def test_two_dask_workers_build_the_same_tables(sample_copy, tmp_path):
    with prefect_test_harness(server_startup_timeout=120):
        default = tmp_path / "default.duckdb"
        dask = tmp_path / "dask.duckdb"
        flow_for()(source=str(sample_copy), warehouse=str(default), batch_size=2)
        result = flow_for(workers=2)(source=str(sample_copy), warehouse=str(dask), batch_size=2)
    assert result["articles_parsed"] == 4
    a, b = content(default), content(dask)
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], f"{table} differs between the default and the Dask run"
    assert a["marts.events"], "the comparison must cover real rows"
