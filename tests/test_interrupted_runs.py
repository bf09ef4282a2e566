"""Runs killed with SIGKILL, and runs after a change of parsing code.

A real `etl-gone run` (a subprocess, talking to this module's Prefect test
server) is killed with SIGKILL at several points of the same warehouse's
life: while landing files, while storing a parse batch, while parsing, while
building the SQL models. After each kill the warehouse must open and hold no
half-stored article; one more run then completes it, and the result must
equal a clean build of the same files, table for table (timestamps aside).

The kill points are found by timing: each run is killed a fixed delay after a
log line of the step of interest appears (startup takes seconds and varies
with machine load, so a delay from process start would hit a different step
on every machine).
"""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import warehouse_snapshot
from etl_gone.warehouse import sample_dir

# Columns filled with the time of loading: they differ between any two builds.
COPIES = 15  # x 4 sample articles: a run of ~10 s, long enough to be hit anywhere
RUN_TIMEOUT_SECONDS = 180
CLI = [sys.executable, "-m", "etl_gone.cli", "run"]


# ---------------------------------------------------------------- helpers (also used by test_concurrent_runs)


def make_corpus(dest: Path, copies: int) -> Path:
    """`copies` copies of the sample articles, each with a line of its own
    (distinct content, so distinct articles)."""
    dest.mkdir(parents=True, exist_ok=True)
    samples = sorted(p for p in sample_dir().iterdir() if p.is_file())
    for i in range(copies):
        for p in samples:
            text = p.read_text(encoding="utf-8")
            (dest / f"copy{i:03d}_{p.name}").write_text(
                text + f"\n\nThis copy is number {i} of the archive.\n", encoding="utf-8")
    return dest


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every data table, run times aside, in a stable order."""
    return warehouse_snapshot(path)


def assert_same_warehouse(have: dict, want: dict) -> None:
    assert sorted(have) == sorted(want), "different tables"
    for table in want:
        assert len(have[table]) == len(want[table]), f"{table}: {len(have[table])} rows, clean build has {len(want[table])}"
        assert have[table] == want[table], f"{table} differs from a clean build"


@pytest.fixture(scope="module")
def prefect_env(prefect_harness):
    """The session's Prefect test server, for subprocess runs to talk to
    (otherwise every `etl-gone run` starts its own server: ~10 s each)."""
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")
    env.pop("ETL_GONE_LOCK_WAIT_SECONDS", None)
    return env


class Run:
    """An `etl-gone run` subprocess whose output is read as it comes."""

    def __init__(self, source: Path, warehouse: Path, env: dict, *extra: str):
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.proc = subprocess.Popen([*CLI, "--source", str(source), "--warehouse", str(warehouse), *extra],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     cwd=Path(__file__).resolve().parents[1])
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, pattern: str, count: int = 1, timeout: float = RUN_TIMEOUT_SECONDS) -> bool:
        """Wait until `pattern` has appeared `count` times; False if the run ended first."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self.changed:
            while sum(bool(regex.search(line)) for line in self.lines) < count:
                if self.proc.poll() is not None and not self.reader.is_alive():
                    return False
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no {pattern!r} after {timeout} s:\n" + "\n".join(self.lines[-20:]))
                self.changed.wait(0.05)
        return True

    def kill(self) -> str:
        """SIGKILL; returns the last step the run had logged."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(RUN_TIMEOUT_SECONDS)
        self.reader.join(10)
        steps = [m.group(1) for line in self.lines if (m := re.search(r"Task run '([a-z-]+?)-\w{3}'", line))]
        return steps[-1] if steps else "startup"

    def finish(self) -> int:
        rc = self.proc.wait(RUN_TIMEOUT_SECONDS)
        self.reader.join(10)
        return rc


def check_consistent(path: Path) -> None:
    """What a killed run may leave: committed batches only, never half an article."""
    with duckdb.connect(str(path), read_only=True) as con:
        have = {f"{s}.{t}" for s, t in con.execute(
            "select table_schema, table_name from information_schema.tables").fetchall()}
        if "raw.articles" not in have:
            return
        assert con.execute("select count(*) from raw.source_files where article_id not in "
                           "(select article_id from raw.articles)").fetchone()[0] == 0
        if "raw.parsed_articles" in have:
            # every parsed article has all its paragraphs (they land in one transaction)
            torn = con.execute("""
                select p.article_id from raw.parsed_articles p
                left join (select article_id, count(*) n from raw.parsed_paragraphs group by 1) c using (article_id)
                where coalesce(c.n, 0) <> p.paragraph_count""").fetchall()
            assert torn == []
            assert con.execute("select count(*) from raw.parsed_articles where article_id not in "
                               "(select article_id from raw.articles)").fetchone()[0] == 0
            assert con.execute("select count(*) - count(distinct article_id) from raw.parsed_articles").fetchone()[0] == 0


# ---------------------------------------------------------------- SIGKILL


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "articles", COPIES)


@pytest.fixture
def killable_env(prefect_env, tmp_path) -> dict:
    """Runs whose parse results cannot come from Prefect's cache of an
    earlier test (persisted parse batches): a result store of their own, so
    that they parse, and so that a later run of the same test may pick up
    what a killed run had already cached, as it would in real life."""
    return dict(prefect_env, PREFECT_LOCAL_STORAGE_PATH=str(tmp_path / "prefect-results"))


@pytest.fixture(scope="module")
def clean_build(corpus, prefect_env, tmp_path_factory) -> dict:
    """Snapshot of a clean build of the corpus, and how long its SQL models
    take to build on this machine (to time a kill inside them)."""
    from etl_gone import pipeline
    from etl_gone.warehouse import sql_dir
    from flows.etl_flow import etl_gone

    folder = tmp_path_factory.mktemp("clean")
    wh = folder / "clean.duckdb"
    etl_gone(source=str(corpus), warehouse=str(wh))
    shutil.copy(wh, folder / "timing.duckdb")
    con = pipeline.open_warehouse(folder / "timing.duckdb", 5)
    try:
        started = time.monotonic()
        pipeline.build_marts(con, sql_dir(), force=True)
        models_seconds = time.monotonic() - started
    finally:
        con.close()
    return {"snapshot": snapshot(wh), "models_seconds": models_seconds}


STORED = r"store-parsed-\w+' - Finished"
# the last step before the SQL models: looking for articles left to parse
BEFORE_MODELS = r"find-articles-to-parse-\w+' - Finished"
# (where, log line to wait for, how many times, delay after it or None for half the
# models' build time, extra CLI options). A parse batch logs "parsed ..." when it
# runs and "Cached" when an earlier, killed, run had already parsed it.
KILL_POINTS = [
    ("while landing files", r"discover-files-\w+' - Finished", 1, 0.05, ["--batch-size", "10"]),
    ("while parsing and storing", r"parse-batch-\w+' - (parsed|Finished in state Cached)", 1, 0.3,
     ["--batch-size", "10"]),
    ("while parsing and storing, later", STORED, 2, 0.2, ["--batch-size", "10"]),
    ("while building the SQL models", BEFORE_MODELS, 1, None, ["--batch-size", "1000"]),
]


def test_runs_killed_at_any_point_then_rerun_equal_a_clean_build(corpus, clean_build, killable_env, tmp_path):
    wh = tmp_path / "killed.duckdb"
    hit = []
    for label, pattern, count, delay, extra in KILL_POINTS:
        run = Run(corpus, wh, killable_env, "--lock-wait", "30", *extra)
        if run.wait_for(pattern, count):
            time.sleep(clean_build["models_seconds"] / 2 if delay is None else delay)
        step = run.kill()
        hit.append((label, step, run.proc.returncode))
        check_consistent(wh)
    print("kill points (intended, last step logged, exit status):", *hit, sep="\n  ")
    assert all(rc == -signal.SIGKILL for _, _, rc in hit), f"a run ended before it could be killed: {hit}"
    # parse batches the killed runs cached: every other one cut short, as a
    # kill in the middle of writing it would leave it (Prefect writes in place)
    cached = sorted(Path(killable_env["PREFECT_LOCAL_STORAGE_PATH"]).glob("*"))
    for path in cached[::2]:
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    final = Run(corpus, wh, killable_env, "--lock-wait", "30")
    assert final.finish() == 0, "\n".join(final.lines[-30:])
    assert_same_warehouse(snapshot(wh), clean_build["snapshot"])


def test_kill_during_a_rebuild_keeps_the_previous_build(corpus, clean_build, killable_env, tmp_path):
    """A changed file makes the next run rebuild the models; killed during
    that rebuild, the warehouse still holds the previous build, and the run
    after it completes the change."""
    from flows.etl_flow import etl_gone

    source = tmp_path / "articles"
    shutil.copytree(corpus, source)
    wh = tmp_path / "w.duckdb"
    etl_gone(source=str(source), warehouse=str(wh))
    before = snapshot(wh)
    changed = sorted(source.iterdir())[0]
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\nThe club confirmed the transfer on Friday.\n", encoding="utf-8")
    run = Run(source, wh, killable_env, "--lock-wait", "30")
    assert run.wait_for(BEFORE_MODELS)
    time.sleep(clean_build["models_seconds"] / 2)
    step = run.kill()
    assert run.proc.returncode == -signal.SIGKILL
    assert step == "find-articles-to-parse", f"the kill came after {step!r}, not during the models"
    after_kill = snapshot(wh)
    for table in before:
        if not table.startswith("raw."):  # raw holds the committed new parse; the models are the old build
            assert after_kill[table] == before[table], f"{table} changed by a run that was killed"
    changed.write_text(original, encoding="utf-8")  # back to the clean build's files
    final = Run(source, wh, killable_env, "--lock-wait", "30")
    assert final.finish() == 0, "\n".join(final.lines[-30:])
    # the same files under another folder: source_root aside, it is the clean build
    have, want = snapshot(wh), clean_build["snapshot"]
    for table in want:
        if table in ("raw.source_files", "raw.rejected_files"):
            strip = lambda rows: sorted((r[1:] for r in rows), key=repr)  # noqa: E731  source_root first
            assert strip(have[table]) == strip(want[table]), table
        else:
            assert have[table] == want[table], f"{table} differs from a clean build"


# ---------------------------------------------------------------- re-runs after a code change


def _steps_run(source: Path, wh: Path) -> dict:
    """One run through the pipeline's steps (no Prefect): counts of what it did."""
    from etl_gone import pipeline

    stats = pipeline.run_without_prefect(source, wh, lock_wait_seconds=5)
    return {"parsed": stats.articles_parsed, "rebuilt": stats.models_rebuilt}


def test_a_new_parser_version_replaces_rows_never_duplicates(sample_copy, tmp_path, monkeypatch):
    from etl_gone import parse, pipeline

    wh = tmp_path / "w.duckdb"
    assert _steps_run(sample_copy, wh)["parsed"] == 4
    before = snapshot(wh)
    assert _steps_run(sample_copy, wh) == {"parsed": 0, "rebuilt": False}
    monkeypatch.setattr(parse, "PARSER_VERSION", "code-changed")
    monkeypatch.setattr(pipeline, "PARSER_VERSION", "code-changed")
    assert _steps_run(sample_copy, wh) == {"parsed": 4, "rebuilt": True}
    after = snapshot(wh)
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("select distinct parser_version from raw.parsed_articles").fetchall() == [("code-changed",)]
        assert con.execute("select distinct parser_version from staging.articles").fetchall() == [("code-changed",)]
    for table, rows in before.items():
        assert len(after[table]) == len(rows), f"{table}: {len(rows)} rows before, {len(after[table])} after"
        if table not in ("raw.parsed_articles", "staging.articles"):  # these carry the version
            assert after[table] == rows, f"{table} changed although only the version did"
    assert _steps_run(sample_copy, wh) == {"parsed": 0, "rebuilt": False}


def test_a_new_parser_version_with_different_output_replaces_old_rows(sample_copy, tmp_path, monkeypatch):
    """The new code finds something else: no row of the old rules survives."""
    from etl_gone import parse, pipeline

    wh = tmp_path / "w.duckdb"
    _steps_run(sample_copy, wh)
    real_clean = parse.textclean.clean_plain_text

    def fewer_paragraphs(raw):  # "new rules": drop every second body block
        doc = real_clean(raw)
        body = [b for b in doc.blocks if b.label == "body"]
        keep = set(map(id, body[::2]))
        return dataclasses.replace(doc, blocks=tuple(b for b in doc.blocks if b.label != "body" or id(b) in keep))

    monkeypatch.setattr(parse.textclean, "clean_plain_text", fewer_paragraphs)
    monkeypatch.setattr(parse, "PARSER_VERSION", "fewer-paragraphs")
    monkeypatch.setattr(pipeline, "PARSER_VERSION", "fewer-paragraphs")
    _steps_run(sample_copy, wh)
    with duckdb.connect(str(wh), read_only=True) as con:
        counts = con.execute("""select a.article_id, a.paragraph_count, count(p.article_id)
                                from staging.articles a left join staging.paragraphs p using (article_id)
                                group by all""").fetchall()
        assert len(counts) == 4 and all(n == c for _, n, c in counts)
        dupes = con.execute("select article_id, paragraph_index from raw.parsed_paragraphs "
                            "group by all having count(*) > 1").fetchall()
        assert dupes == []
        assert con.execute("select count(*) from staging.paragraphs where paragraph_index >= "
                           "(select max(paragraph_count) from staging.articles)").fetchone()[0] == 0
