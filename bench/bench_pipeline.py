"""Throughput benchmark: N articles end to end, per stage, and Prefect's share.

    .venv/bin/python bench/bench_pipeline.py --articles 1000 10000

For each N it builds a corpus from the bundled sample (and, when present, the
development HTML pages of ../shared/corpora/aeb_dev), each copy varied by a
line so that content ids differ, then:

1. runs the pipeline steps directly in Python, timing each stage (articles/s);
2. runs the Prefect flow (`etl-gone run`) on a fresh warehouse in a child
   process, measuring wall time and peak memory (sampled: the flow process
   alone, and with its parse workers and Prefect's ephemeral server);
3. runs the flow again over the same files (the no-op re-run);
4. runs a trivial Prefect flow in the same environment (same Prefect home,
   right after the re-run), for comparison.

Prefect's share of wall time = (flow wall − plain pipeline wall) / flow wall,
the flow's including Prefect's start-up (its ephemeral server). On a shared
2-core machine the parse workers' CPU time for the same work varies by ~15%
from one run to the next, more than Prefect's whole share, so the bench also
counts CPU seconds per process and reports Prefect's share of the CPU:
(Prefect's server + the flow process's CPU beyond the plain pipeline's own
process) / the flow's whole process tree. With every core busy, wall time
follows CPU time, and this figure leaves the workers' noise out. `--repeat R`
runs the plain pipeline and the flow R times, alternately, and reports medians.
`--prefect server` runs every flow against a `prefect server start` of its
own (the setup the README gives for monitoring; the server's CPU during each
run is counted as Prefect's) instead of Prefect's ephemeral mode.
Results go to stdout as a table and to bench/out/pipeline.json.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from etl_gone import load, pipeline  # noqa: E402
from etl_gone.warehouse import sample_dir  # noqa: E402

AEB = ROOT.parent / "shared" / "corpora" / "aeb_dev" / "source"
VARIATION_LINE = "\n\nEditor's note: this copy is number {i} of the benchmark corpus.\n"
TRIVIAL_FLOW = """
import time
t0 = time.perf_counter()
from prefect import flow, task
@task
def step(x):
    return x + 1
@flow
def trivial():
    return step(1)
trivial()
print(time.perf_counter() - t0)
"""


def build_corpus(dest: Path, n: int) -> None:
    templates = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(sample_dir().glob("*.txt"))]
    if AEB.is_dir():
        for p in sorted(AEB.glob("*.html.gz")):
            templates.append((p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes()).decode("utf-8", "replace")))
    dest.mkdir(parents=True)
    for i in range(n):
        name, text = templates[i % len(templates)]
        variation = VARIATION_LINE.format(i=i)
        if name.endswith(".html"):
            text = text.replace("</body>", f"<p>{variation.strip()}</p></body>", 1)
        else:
            text = text + variation
        sub = dest / f"d{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}_{name}").write_text(text, encoding="utf-8")


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def plain_pipeline(source: Path, warehouse: Path, batch_size: int) -> dict:
    """The flow's steps without Prefect: the baseline for Prefect's share."""
    t_all = time.perf_counter()
    own0, workers0 = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    stats = pipeline.run_without_prefect(source, warehouse, batch_size, processes=None)
    times = {**stats.stage_seconds, "total": time.perf_counter() - t_all}
    # the parse workers have been joined, so their CPU counts as this process's children's
    cpu = {"process": round(cpu_seconds(resource.RUSAGE_SELF) - own0, 1),
           "workers": round(cpu_seconds(resource.RUSAGE_CHILDREN) - workers0, 1)}
    n = stats.articles_parsed
    return {"articles": n, "seconds": times, "cpu_s": cpu, "slowest_models": dict(sorted(
                stats.model_seconds.items(), key=lambda item: -item[1])[:5]),
            "articles_per_second": {k: round(n / v, 1) if v else None for k, v in times.items()}}


def rss_mb(proc: psutil.Process) -> tuple[int, int]:
    """Resident memory of a process alone and with all its descendants (parse
    workers, Prefect's ephemeral server), in MB."""
    own = proc.memory_info().rss
    total = own
    for p in proc.children(recursive=True):
        try:
            total += p.memory_info().rss
        except psutil.Error:  # exited between listing and reading
            pass
    return own // 2**20, total // 2**20


def remove_warehouse(path: Path) -> None:
    """A warehouse file and what lives beside it (its WAL, raw-text folder, timeline)."""
    shutil.rmtree(path.with_name(path.stem + load.TEXT_DIR_SUFFIX), ignore_errors=True)
    for leftover in (path, path.with_name(path.name + ".wal"), pipeline.timeline_path(path)):
        leftover.unlink(missing_ok=True)


def process_kind(proc: psutil.Process, root_pid: int) -> str:
    if proc.pid == root_pid:
        return "process"
    cmdline = " ".join(proc.cmdline())
    return "prefect_server" if "uvicorn" in cmdline or "prefect.server" in cmdline else "workers"


SERVER_STARTUP_TIMEOUT_SECONDS = 120


def tree_cpu_seconds(proc: psutil.Process) -> float:
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = p.cpu_times()
            total += times.user + times.system
    return total


SERVER_IDLE_CPU_PER_SECOND = 0.1
SERVER_SETTLE_MAX_SECONDS = 60


def settle(server: psutil.Process) -> None:
    """Wait until a running Prefect server is back to idle."""
    deadline = time.monotonic() + SERVER_SETTLE_MAX_SECONDS
    while time.monotonic() < deadline:
        before = tree_cpu_seconds(server)
        time.sleep(1.0)
        if tree_cpu_seconds(server) - before < SERVER_IDLE_CPU_PER_SECOND:
            return


@contextlib.contextmanager
def running_prefect_server(home: Path):
    """A `prefect server start` on a free loopback port with its own home:
    yields (its API URL, its process); stopped on exit."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "server.log", "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + SERVER_STARTUP_TIMEOUT_SECONDS
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start:\n{(home / 'server.log').read_text()[-3000:]}")
            try:
                if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        yield api_url, psutil.Process(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_child(cmd: list[str], env: dict, server: psutil.Process | None = None) -> tuple[float, dict, dict]:
    """Wall seconds; peak resident memory in MB of the child alone ("process")
    and with all its worker processes ("tree"); and CPU seconds by kind of
    process: the child, Prefect's server (its ephemeral one, sampled, or the
    running `server`'s CPU over the child's run), the parse workers (sampled
    every 0.1 s, so a process's last 0.1 s may be missed)."""
    server_cpu_before = tree_cpu_seconds(server) if server is not None else 0.0
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, text=True)
        peak = {"process": 0, "tree": 0}
        cpu_by_pid: dict[int, tuple[str, float]] = {}
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                own, tree = rss_mb(watched)
                family = [watched, *watched.children(recursive=True)]
            except psutil.Error:
                break
            peak = {"process": max(peak["process"], own), "tree": max(peak["tree"], tree)}
            for p in family:
                try:
                    times = p.cpu_times()
                    kind = cpu_by_pid[p.pid][0] if p.pid in cpu_by_pid else process_kind(p, proc.pid)
                    cpu_by_pid[p.pid] = (kind, times.user + times.system)
                except psutil.Error:  # exited between listing and reading
                    pass
            time.sleep(0.1)
        proc.wait()
        wall = time.perf_counter() - t
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd} failed:\n{err.read()[-3000:]}")
        cpu = {"process": 0.0, "prefect_server": 0.0, "workers": 0.0}
        for kind, secs in cpu_by_pid.values():
            cpu[kind] += secs
        if server is not None:
            settle(server)  # the server records the run's events in the background, after the run too
            cpu["prefect_server"] += tree_cpu_seconds(server) - server_cpu_before
        return wall, peak, {k: round(v, 1) for k, v in cpu.items()}


def prefect_cpu_share(flow_cpu: dict, plain_cpu: dict) -> float:
    """Prefect's share of the flow's CPU: its server, and what the flow
    process spent beyond the plain pipeline's process (Prefect's client,
    imports included)."""
    prefect = flow_cpu["prefect_server"] + max(0.0, flow_cpu["process"] - plain_cpu["process"])
    return prefect / max(sum(flow_cpu.values()), 1e-9)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, nargs="+", default=[1000])
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the plain pipeline and the flow this many times each, alternately; report medians")
    ap.add_argument("--prefect", choices=("ephemeral", "server"), default="ephemeral",
                    help="Prefect's ephemeral mode (default), or a `prefect server start` the flows report to")
    args = ap.parse_args()
    cli = str(Path(sys.executable).parent / "etl-gone")
    results = []
    with tempfile.TemporaryDirectory() as tmp_s, contextlib.ExitStack() as stack:
        tmp = Path(tmp_s)
        # a fresh Prefect home migrates its database first: on a loaded machine
        # that can pass Prefect's 20 s limit for the ephemeral server to start
        env = dict(os.environ, PREFECT_HOME=str(tmp / "prefect-home"),
                   PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
        server = None
        if args.prefect == "server":
            api_url, server = stack.enter_context(running_prefect_server(tmp / "server-home"))
            env["PREFECT_API_URL"] = api_url
        t_flow, _, _ = run_child([sys.executable, "-c", TRIVIAL_FLOW], env, server)
        trivial = {"wall_s": round(t_flow, 2)}
        for n in args.articles:
            corpus = tmp / f"corpus{n}"
            build_corpus(corpus, n)
            rounds = []
            for r in range(args.repeat):
                plain_wh, wh = tmp / f"plain{n}_{r}.duckdb", tmp / f"flow{n}_{r}.duckdb"
                plain = plain_pipeline(corpus, plain_wh, args.batch_size)
                cmd = [cli, "run", "--source", str(corpus), "--warehouse", str(wh),
                       "--batch-size", str(args.batch_size)]
                wall, peak_mb, flow_cpu = run_child(cmd, env, server)
                rounds.append({
                    "flow_wall_s": round(wall, 2), "plain_wall_s": round(plain["seconds"]["total"], 2),
                    # Prefect's start-up (its ephemeral server) counts as its overhead
                    "prefect_share_of_wall": round(max(0.0, (wall - plain["seconds"]["total"]) / wall), 3),
                    "flow_cpu_s": flow_cpu, "plain_cpu_s": plain["cpu_s"],
                    "prefect_share_of_cpu": round(prefect_cpu_share(flow_cpu, plain["cpu_s"]), 3),
                    "peak_rss_mb": peak_mb, "plain_pipeline": plain,
                })
                remove_warehouse(plain_wh)
            rerun, _, _ = run_child(cmd, env, server)  # over the last round's warehouse
            trivial_now, _, _ = run_child([sys.executable, "-c", TRIVIAL_FLOW], env, server)  # same home, warm

            def median(key: str) -> float:
                return round(statistics.median(r[key] for r in rounds), 3)

            wall = median("flow_wall_s")
            results.append({
                "articles": n, "rounds": len(rounds), "flow_wall_s": wall, "articles_per_s": round(n / wall, 1),
                "plain_wall_s": median("plain_wall_s"),
                "peak_rss_mb": {k: max(r["peak_rss_mb"][k] for r in rounds) for k in ("process", "tree")},
                "noop_rerun_s": round(rerun, 2), "trivial_flow_s": round(trivial_now, 2),
                "noop_minus_trivial_s": round(rerun - trivial_now, 2),
                "prefect_share_of_wall": median("prefect_share_of_wall"),
                "prefect_share_of_cpu": median("prefect_share_of_cpu"),
                "plain_pipeline": min(rounds, key=lambda r: r["plain_wall_s"])["plain_pipeline"],
                "per_round": [{k: v for k, v in r.items() if k != "plain_pipeline"} for r in rounds],
            })
            shutil.rmtree(corpus)
    report = {"prefect": args.prefect, "trivial_flow": trivial, "runs": results}
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    out_name = "pipeline.json" if args.prefect == "ephemeral" else "pipeline_server.json"
    (ROOT / "bench" / "out" / out_name).write_text(json.dumps(report, indent=2))
    print(f"Prefect: {args.prefect}; trivial Prefect flow, first run: {trivial['wall_s']} s")
    for r in results:
        print(f"\n{r['articles']} articles ({r['rounds']} rounds, medians): flow {r['flow_wall_s']} s "
              f"({r['articles_per_s']}/s), plain {r['plain_wall_s']} s, "
              f"peak memory {r['peak_rss_mb']['process']} MB (flow process), {r['peak_rss_mb']['tree']} MB "
              f"(with workers and Prefect's server), no-op re-run {r['noop_rerun_s']} s "
              f"({r['noop_minus_trivial_s']:+} s vs a trivial flow run just after it: {r['trivial_flow_s']} s), "
              f"Prefect share {r['prefect_share_of_wall']:.1%} of wall, {r['prefect_share_of_cpu']:.1%} of CPU")
        for rnd in r["per_round"]:
            print(f"  round: flow {rnd['flow_wall_s']} s, plain {rnd['plain_wall_s']} s, "
                  f"flow CPU {rnd['flow_cpu_s']}, plain CPU {rnd['plain_cpu_s']}")
        for stage, secs in r["plain_pipeline"]["seconds"].items():
            aps = r["plain_pipeline"]["articles_per_second"][stage]
            print(f"  {stage:16} {secs:7.2f} s  {aps} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
