"""The parse stage on a 2-worker local Dask cluster gives the same warehouse
as the default run, which parses on local worker processes (timestamps of
ingestion aside)."""
from __future__ import annotations

import pytest
from conftest import warehouse_snapshot

from flows.etl_flow import flow_for

pytest.importorskip("prefect_dask")


def test_two_dask_workers_build_the_same_tables(sample_copy, tmp_path, prefect_harness):
    default = tmp_path / "default.duckdb"
    dask = tmp_path / "dask.duckdb"
    flow_for()(source=str(sample_copy), warehouse=str(default), batch_size=2)
    result = flow_for(workers=2)(source=str(sample_copy), warehouse=str(dask), batch_size=2)
    assert result["articles_parsed"] == 4
    a, b = warehouse_snapshot(default), warehouse_snapshot(dask)
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], f"{table} differs between the default and the Dask run"
    assert a["marts.events"], "the comparison must cover real rows"
