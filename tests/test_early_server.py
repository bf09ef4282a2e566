"""`etl-gone run` starts Prefect's temporary server itself, at once, when no
server is configured: the run reports to it, and it is gone afterwards."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_prefect_server import base_env

from etl_gone import early_server
from etl_gone.warehouse import sample_dir

CLI = "from etl_gone.cli import main; raise SystemExit(main())"
PREFECTS_OWN_START_MESSAGE = "Starting temporary server"
URL = "http://127.0.0.1:4200/api"


def profiles(active: str | None, **by_name: dict) -> str:
    lines = [f'active = "{active}"'] if active else []
    for name, values in by_name.items():
        lines.append(f"[profiles.{name}]")
        lines += [f'{k} = "{v}"' for k, v in values.items()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("env_url, profile_text, profile_env, configured", [
    (URL, None, None, True),                                                      # exported
    (None, None, None, False),                                                    # no profiles file
    (None, profiles("local", local={"PREFECT_API_URL": URL}), None, True),        # `prefect config set`
    (None, profiles("local", local={"PREFECT_LOGGING_LEVEL": "DEBUG"}), None, False),
    (None, profiles("local", local={}, remote={"PREFECT_API_URL": URL}), "remote", True),  # PREFECT_PROFILE
    (None, profiles(None, ephemeral={"PREFECT_API_URL": URL}), None, True),       # default profile name
    (None, "this is [not toml", None, False),                                      # unreadable: Prefect's defaults
])
def test_a_configured_server_is_found_without_importing_prefect(tmp_path, env_url, profile_text, profile_env,
                                                                 configured):
    env = {"PREFECT_HOME": str(tmp_path)}
    if env_url:
        env["PREFECT_API_URL"] = env_url
    if profile_env:
        env["PREFECT_PROFILE"] = profile_env
    if profile_text is not None:
        (tmp_path / "profiles.toml").write_text(profile_text)
    assert early_server.server_configured_cheaply(env) is configured


def test_profiles_path_setting_is_honoured(tmp_path):
    path = tmp_path / "elsewhere.toml"
    path.write_text(profiles("x", x={"PREFECT_API_URL": URL}))
    env = {"PREFECT_HOME": str(tmp_path / "home"), "PREFECT_PROFILES_PATH": str(path)}
    assert early_server.server_configured_cheaply(env)


def test_no_early_server_when_prefect_already_points_at_one():
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: URL}):
        assert early_server.start() is None


def failing_process(code: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", f"raise SystemExit({code})"])


def test_a_server_that_dies_is_reported_not_waited_for():
    server = early_server.EarlyServer(failing_process(1), 1)
    assert early_server.wait_healthy(server, timeout=60) is False


def test_a_taken_port_is_retried_a_bounded_number_of_times(monkeypatch):
    spawned = []

    def spawn(port):
        spawned.append(port)
        return failing_process(early_server.PORT_IN_USE_EXIT_CODE)

    monkeypatch.setattr(early_server, "_spawn", spawn)
    server = early_server.EarlyServer(failing_process(early_server.PORT_IN_USE_EXIT_CODE), 1)
    assert early_server.wait_healthy(server, timeout=60) is False
    assert len(spawned) == early_server.PORT_ATTEMPTS - 1


def test_serving_nothing_leaves_prefect_alone():
    before = os.environ.get("PREFECT_API_URL")
    with early_server.serving(None) as url:
        assert url is None
        assert os.environ.get("PREFECT_API_URL") == before


def server_processes_of(home: Path) -> list[int]:
    """Pids of Prefect server processes running on `home` (Linux /proc)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if early_server.SERVER_APP.encode() in cmdline and f"PREFECT_HOME={home}".encode() in environ:
            found.append(int(proc.name))
    return found


def run_without_a_server(tmp_path: Path) -> tuple[Path, list[str], dict[str, str], Path]:
    """(Prefect home, command, environment, warehouse) of an `etl-gone run`
    over a copy of the sample, on a fresh Prefect home with no server set."""
    home, source, wh = tmp_path / "prefect-home", tmp_path / "source", tmp_path / "w.duckdb"
    shutil.copytree(sample_dir(), source)
    env = base_env(home)
    # a fresh home migrates its database first: slow on a loaded machine
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "120"
    return home, [sys.executable, "-c", CLI, "run", "--source", str(source), "--warehouse", str(wh)], env, wh


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_a_run_without_a_server_reports_to_the_early_one_and_stops_it(tmp_path):
    home, cmd, env, wh = run_without_a_server(tmp_path)
    # output to a file, not a pipe: a server left behind would hold a pipe open
    log = tmp_path / "run.log"
    try:
        with open(log, "w") as out:
            code = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=300).returncode
        left_behind = server_processes_of(home)
    finally:
        for pid in server_processes_of(home):
            os.kill(pid, signal.SIGKILL)
    output = log.read_text()
    assert code == 0, output[-3000:]
    assert left_behind == [], "the early server outlived the run"
    assert PREFECTS_OWN_START_MESSAGE not in output, "Prefect started its own server: ours was not used"
    assert "Error logging to API" not in output, "the server stopped before the last logs"

    with duckdb.connect(str(wh), read_only=True) as con:
        (flow_run_id,) = con.execute("select flow_run_id from meta.runs").fetchone()
    with sqlite3.connect(home / "prefect.db") as db:
        state = db.execute("select state_type from flow_run where id = ?", [flow_run_id]).fetchone()
        logs = db.execute("select count(*) from log where flow_run_id = ?", [flow_run_id]).fetchone()[0]
    assert state == ("COMPLETED",), "the run is not in the Prefect home's history"
    assert logs > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_run_killed_outright_leaves_no_server_behind(tmp_path):
    home, cmd, env, _ = run_without_a_server(tmp_path)
    with open(tmp_path / "run.log", "w") as out:
        run = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not server_processes_of(home) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server_processes_of(home), "no early server was started"
        run.kill()  # SIGKILL: no exit handlers run
        run.wait()
        deadline = time.monotonic() + 30
        while server_processes_of(home) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server_processes_of(home) == [], "the server outlived its killed run"
    finally:
        run.kill()
        for pid in server_processes_of(home):
            os.kill(pid, signal.SIGKILL)
