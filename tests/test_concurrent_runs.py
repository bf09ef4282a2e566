"""Two runs on one warehouse at the same time.

The second run waits for the first one's writer lock and then proceeds (both
exit 0, and the warehouse equals a clean build); with `--lock-wait 0` a run
that finds the warehouse held gives up at once with one clear line.
"""
from __future__ import annotations

import re
import subprocess
import time

import duckdb
import pytest

from test_interrupted_runs import CLI, Run, assert_same_warehouse, make_corpus, prefect_env, snapshot  # noqa: F401

COPIES = 5  # x 4 sample articles


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus") / "articles", COPIES)


def test_two_runs_at_once_both_succeed_and_equal_a_clean_build(corpus, prefect_env, tmp_path):
    """Both runs are started while the warehouse is held, and both have begun
    (and so are waiting for the lock) when it is let go: one writes, the
    other waits for it, finds the work done, and succeeds too."""
    from flows.etl_flow import etl_gone

    wh = tmp_path / "shared.duckdb"
    holder = duckdb.connect(str(wh))
    try:
        runs = [Run(corpus, wh, prefect_env, "--batch-size", "10") for _ in range(2)]
        for run in runs:
            assert run.wait_for(r"Beginning flow run"), "\n".join(run.lines[-30:])
        time.sleep(0.5)
        assert all(run.proc.poll() is None for run in runs), "a run did not wait for the lock"
    finally:
        holder.close()
    for run in runs:
        assert run.finish() == 0, "\n".join(run.lines[-30:])
    with duckdb.connect(str(wh), read_only=True) as con:
        log = con.execute("select started_at, finished_at, articles_parsed from meta.runs "
                          "order by finished_at").fetchall()
    assert len(log) == 2
    (_, first_end, parsed_first), (second_start, _, parsed_second) = log
    assert second_start < first_end, "the runs did not overlap: nothing was tested"
    assert (parsed_first, parsed_second) == (4 * COPIES, 0)  # the second found the work done
    clean = tmp_path / "clean.duckdb"
    etl_gone(source=str(corpus), warehouse=str(clean))
    assert_same_warehouse(snapshot(wh), snapshot(clean))


@pytest.fixture(scope="module")
def busy_run(corpus, prefect_env, tmp_path_factory):
    """`--lock-wait 0` while another process holds the warehouse for writing."""
    wh = tmp_path_factory.mktemp("busy") / "busy.duckdb"
    holder = duckdb.connect(str(wh))  # another process's point of view: a writer holds the file
    try:
        proc = subprocess.run([*CLI, "--source", str(corpus), "--warehouse", str(wh), "--lock-wait", "0"],
                              env=prefect_env, capture_output=True, text=True, timeout=180)
    finally:
        holder.close()
    return proc


def test_a_run_that_cannot_wait_exits_nonzero_with_one_clear_line(busy_run):
    assert busy_run.returncode == 1
    ours = [line for line in busy_run.stderr.splitlines() if line.startswith("etl-gone:")]
    assert len(ours) == 1, busy_run.stderr
    assert re.search(r"warehouse .*busy\.duckdb is being written by another run", ours[0])
    assert busy_run.stdout == ""


def test_a_run_that_cannot_wait_prints_no_traceback(busy_run):
    assert "Traceback" not in busy_run.stderr
