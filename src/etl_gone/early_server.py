"""Start Prefect's temporary API server at once, beside the run's own start-up.

With no Prefect server configured, a flow run starts a temporary ("ephemeral")
one when it first calls the API: the flow's process imports Prefect's whole
server package (~2.5 s of CPU) only to spawn a subprocess that imports it again
(~6 s) before it answers. All of that waits in line before the first task.

`etl-gone run` instead spawns that same server as its first act, before it
imports Prefect itself: the server's start-up runs on the other core while the
CLI imports Prefect, DuckDB and the flow, and the CLI's process never imports
the server package. Measured on the 2-core machine: a trivial flow ends ~3 s
sooner (13.8 -> 11.0 s), and the flow's process spends ~2.5 s less CPU.

The server is the one Prefect would start (its uvicorn app in ephemeral mode,
UI off), on the same Prefect home, so runs land in the same history. It is
only started when nothing points Prefect at a server: no PREFECT_API_URL in the
environment or the active profile, and Prefect's own settings, read once it is
imported, agree (else it is stopped unused). If it does not come up, Prefect
starts its own as before. It stops when the process exits, after Prefect has
flushed the run's last logs and events to it, and on Linux also when the
process is killed outright.

Imports no Prefect at module level: the point is to act before that import.
"""
from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10: Prefect's own dependency reads TOML too
    import toml as tomllib

# What Prefect's own SubprocessASGIServer runs (prefect 3.x), and the variables
# it sets: ephemeral services, no UI.
SERVER_APP = "prefect.server.api.server:create_app"
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
# uvicorn's exit status when it cannot bind its port (taken in the meantime)
PORT_IN_USE_EXIT_CODE = 3
PORT_ATTEMPTS = 3
HEALTH_POLL_SECONDS = 0.05
STOP_WAIT_SECONDS = 5.0
API_URL_VARIABLE = "PREFECT_API_URL"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass
class EarlyServer:
    process: subprocess.Popen
    port: int

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def server_configured_cheaply(environ: dict[str, str] | None = None) -> bool:
    """Whether a Prefect API URL is set in the environment or in the active
    profile, read without importing Prefect (which takes ~2 s)."""
    env = os.environ if environ is None else environ
    if env.get(API_URL_VARIABLE):
        return True
    home = Path(env.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    path = Path(env.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # (toml's decode error is a ValueError too)
        return False  # no profiles file: Prefect's defaults, which have no URL
    active = env.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    profile = profiles.get("profiles", {}).get(active, {})
    return bool(isinstance(profile, dict) and profile.get(API_URL_VARIABLE))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _end_with_parent():
    """On Linux, what the child runs before the server: the kernel sends it
    SIGTERM when the run's process dies, so a run killed outright (SIGKILL,
    out of memory) leaves no server behind holding its port and Prefect's
    database. None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: the child only calls it

    def arm() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)

    return arm


def _spawn(port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", SERVER_APP, "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "error", "--lifespan", "on"],
        env={**os.environ, **SERVER_ENV}, stdin=subprocess.DEVNULL, preexec_fn=_end_with_parent())


def start() -> EarlyServer | None:
    """Spawn the temporary server now, unless a server is configured. Does not wait."""
    if "prefect" in sys.modules:  # already paid for: ask Prefect's own settings
        if not prefect_would_start_one():
            return None
    elif server_configured_cheaply():
        return None
    server = EarlyServer(_spawn(port := _free_port()), port)
    # registered before Prefect is imported, so it runs after Prefect's own
    # exit handlers, which send the run's last logs and events to this server
    atexit.register(server.stop)
    return server


def prefect_would_start_one() -> bool:
    """Prefect's view: no API URL, and temporary servers allowed."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    return not settings.api.url and bool(settings.server.ephemeral.enabled)


def wait_healthy(server: EarlyServer, timeout: float) -> bool:
    """Wait for /health to answer; a port taken meanwhile gets a new one."""
    import urllib.request  # here: parse workers import the CLI module, and need none of this

    deadline = time.monotonic() + timeout
    attempts = 1
    while time.monotonic() < deadline:
        code = server.process.poll()
        if code is not None:
            if code != PORT_IN_USE_EXIT_CODE or attempts >= PORT_ATTEMPTS:
                return False
            attempts += 1
            server.port = _free_port()
            server.process = _spawn(server.port)
            continue
        try:
            with urllib.request.urlopen(f"{server.api_url}/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(HEALTH_POLL_SECONDS)
    return False


@contextlib.contextmanager
def serving(server: EarlyServer | None) -> Iterator[str | None]:
    """Point Prefect at the early server for the block; yields its API URL,
    or None when Prefect goes its own way (a configured server, or the early
    one did not come up: then Prefect starts its own as usual)."""
    if server is None:
        yield None
        return
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings

    if not prefect_would_start_one() or not wait_healthy(server, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()):
        server.stop()
        yield None
        return
    # the environment too, for processes the run starts (Dask workers)
    previous = os.environ.get(API_URL_VARIABLE)
    os.environ[API_URL_VARIABLE] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        if previous is None:
            os.environ.pop(API_URL_VARIABLE, None)
        else:
            os.environ[API_URL_VARIABLE] = previous
