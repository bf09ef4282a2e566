"""Against a real Prefect server: `etl-gone run` leaves a completed flow run,
its task runs and its artifacts where the UI and API show them.

Starts `prefect server start` on a free port with a private PREFECT_HOME,
runs the command line on a copy of the sample, reads the run back over the
REST API, and always stops the server. Takes ~40 s (server start is most of it).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from etl_gone.warehouse import sample_dir

# fresh SQLite database + migrations + imports: ~25 s on a busy 2-core machine
SERVER_STARTUP_TIMEOUT_SECONDS = 90
SERVER_STOP_TIMEOUT_SECONDS = 15
RUN_TIMEOUT_SECONDS = 180
# task-run states reach the database through the server's event pipeline,
# shortly after the client has exited
TASK_RUNS_WAIT_SECONDS = 20
POLL_SECONDS = 0.5
CLI = "from etl_gone.cli import main; raise SystemExit(main())"
EXPECTED_ARTIFACT_KEYS = {"etl-gone-run-summary", "etl-gone-accuracy", "etl-gone-audits", "etl-gone-progress",
                          "etl-gone-timeline", "etl-gone-timeline-events"}
FLOW_NAME = "etl-gone"

pytestmark = pytest.mark.slow  # still part of the normal suite: nothing deselects it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(prefect_home: Path) -> dict[str, str]:
    """This environment on a Prefect home of its own, pointing at no server."""
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_PROFILE")}
    env.update(PREFECT_HOME=str(prefect_home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


def stop(proc: subprocess.Popen) -> None:
    """Terminate, then kill the server's whole process group (it was started
    in a session of its own, so nothing else is in it)."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(SERVER_STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.wait(SERVER_STOP_TIMEOUT_SECONDS)


def wait_healthy(proc: subprocess.Popen, api_url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"prefect server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(POLL_SECONDS)
    pytest.fail(f"prefect server not healthy after {SERVER_STARTUP_TIMEOUT_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    """(api url, environment for clients) of a real server, stopped afterwards."""
    home = tmp_path_factory.mktemp("prefect-home")
    log = home / "server.log"
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = base_env(home)
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_healthy(proc, api_url, log)
        yield api_url, {**env, "PREFECT_API_URL": api_url}
    finally:
        stop(proc)


def post(api_url: str, path: str, body: dict) -> list[dict]:
    response = httpx.post(f"{api_url}{path}", json=body, timeout=10)
    response.raise_for_status()
    return response.json()


def test_run_is_recorded_by_a_real_server(prefect_server, tmp_path):
    api_url, env = prefect_server
    source, wh = tmp_path / "source", tmp_path / "w.duckdb"
    shutil.copytree(sample_dir(), source)

    out = subprocess.run([sys.executable, "-c", CLI, "run", "--source", str(source), "--warehouse", str(wh)],
                         env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS)
    assert out.returncode == 0, out.stderr[-3000:]
    with duckdb.connect(str(wh), read_only=True) as con:
        (flow_run_id,) = con.execute("select flow_run_id from meta.runs").fetchone()
    assert flow_run_id, "the run did not record its Prefect flow run id"

    # the flow run, by the id the warehouse recorded
    flow_run = httpx.get(f"{api_url}/flow_runs/{flow_run_id}", timeout=10).raise_for_status().json()
    assert flow_run["state_type"] == "COMPLETED", flow_run["state"]
    flow = httpx.get(f"{api_url}/flows/{flow_run['flow_id']}", timeout=10).raise_for_status().json()
    assert flow["name"] == FLOW_NAME

    # its task runs, once the server has recorded them
    by_flow_run = {"flow_runs": {"id": {"any_": [flow_run_id]}}}
    deadline = time.monotonic() + TASK_RUNS_WAIT_SECONDS
    while not (task_runs := post(api_url, "/task_runs/filter", by_flow_run)) and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
    assert len(task_runs) > 0
    assert any(t["name"].startswith("parse-batch") for t in task_runs), [t["name"] for t in task_runs]

    # its artifacts
    artifacts = post(api_url, "/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    by_key = {a["key"]: a for a in artifacts}
    assert EXPECTED_ARTIFACT_KEYS <= set(by_key), sorted(by_key)
    summary = by_key["etl-gone-run-summary"]
    assert summary["type"] == "markdown" and "files seen" in summary["data"]
    audits = by_key["etl-gone-audits"]
    assert audits["type"] == "table"
    rows = json.loads(audits["data"]) if isinstance(audits["data"], str) else audits["data"]
    assert rows and all(row["violations"] == 0 for row in rows), rows
