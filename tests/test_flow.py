"""The Prefect flow end to end: contract tables, idempotence, incremental
runs, rejected files and failing audits. Runs against Prefect's test harness
(a temporary local API), never against warehouse/."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import snapshot
from flows.etl_flow import etl_gone
from etl_gone import pipeline
from etl_gone.warehouse import sql_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"
CONTRACT_COLUMNS = {
    "raw.articles": ["article_id", "source_name", "content_sha256", "raw_text", "ingested_at"],
    "raw.rejected_files": ["source_name", "reason", "rejected_at"],
    "staging.articles": ["article_id", "title", "outlet", "published_at", "body_text"],
    "staging.paragraphs": ["article_id", "paragraph_index", "text"],
    "staging.quotes": ["quote_id", "article_id", "paragraph_index", "quote_text", "speaker", "parent_quote_id"],
    "staging.claims": ["claim_id", "article_id", "paragraph_index", "claim_text", "claimant"],
    "staging.time_expressions": ["article_id", "paragraph_index", "text", "value", "precision", "anchor"],
    "marts.events": ["event_id", "event_type", "summary", "participants", "event_date", "date_end",
                     "date_precision", "source_count"],
    "marts.event_sources": ["event_id", "article_id", "claim_id", "evidence_text"],
    "marts.quotes": ["quote_key", "speaker", "quote_text", "source_count"],
    "marts.disputes": ["dispute_id", "topic", "claimant", "claim_text", "article_id"],
}
NON_EMPTY = ["raw.articles", "staging.articles", "staging.paragraphs", "staging.quotes", "staging.claims",
             "staging.time_expressions", "marts.events", "marts.event_sources", "marts.quotes"]


pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(source: Path, wh: Path, **kw) -> dict:
    return etl_gone(source=str(source), warehouse=str(wh), **kw)


def read(wh: Path):
    return duckdb.connect(str(wh), read_only=True)


def test_sample_builds_every_contract_table(sample_copy, tmp_path):
    wh = tmp_path / "w.duckdb"
    result = run(sample_copy, wh)
    assert result["files_seen"] == 4 and result["articles_parsed"] == 4 and result["models_rebuilt"]
    with read(wh) as con:
        for table, cols in CONTRACT_COLUMNS.items():
            schema, name = table.split(".")
            have = {r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema=? and table_name=?",
                [schema, name]).fetchall()}
            assert set(cols) <= have, f"{table} lacks {set(cols) - have}"
        for table in NON_EMPTY:
            assert con.execute(f"select count(*) from {table}").fetchone()[0] > 0, f"{table} is empty"
        # every staging row traces to raw
        assert con.execute("select count(*) from staging.paragraphs where article_id not in "
                           "(select article_id from raw.articles)").fetchone()[0] == 0
        summary = con.execute("select status, files_seen from meta.runs").fetchall()
        assert summary == [("completed", 4)]
    if (SHARED / "eval" / "score.py").exists():
        out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--warehouse", str(wh),
                              "--gold", str(SHARED / "gold" / "seeds.json"), "--json"],
                             capture_output=True, text=True)
        assert "contract violation" not in out.stderr, out.stderr
        assert out.returncode in (0, 1)
        assert json.loads(out.stdout)["articles_found"] == "4/4"


def test_second_run_changes_nothing(sample_copy, tmp_path, monkeypatch):
    wh = tmp_path / "w.duckdb"
    run(sample_copy, wh)
    with read(wh) as con:
        before = snapshot(con)
    ingested: list[int] = []
    real = pipeline.ingest_files
    monkeypatch.setattr(pipeline, "ingest_files", lambda con, root, files, *a: ingested.append(len(files)) or
                        real(con, root, files, *a))
    again = run(sample_copy, wh)
    assert again["files_unchanged"] == 4 and again["articles_parsed"] == 0 and not again["models_rebuilt"]
    assert ingested == []  # one query found every file unchanged: no ingest task ran
    with read(wh) as con:
        assert snapshot(con) == before


def test_changed_file_replaces_its_rows_and_new_file_adds_only_its_own(sample_copy, tmp_path):
    wh = tmp_path / "w.duckdb"
    run(sample_copy, wh)
    with read(wh) as con:
        old = dict(con.execute("select source_name, article_id from raw.articles").fetchall())
        ingested = dict(con.execute("select article_id, ingested_at from raw.articles").fetchall())
    name = sorted(old)[0]
    path = sample_copy / name
    path.write_text(path.read_text(encoding="utf-8") + "\n\nThe club confirmed the transfer on Friday.\n",
                    encoding="utf-8")
    (sample_copy / "new_story.txt").write_text(
        "Council Approves New Budget\n\nThe city council approved the budget on Tuesday, "
        "officials said.\n\n\"This is a fair plan,\" Mayor Ana Ortiz said.\n", encoding="utf-8")
    result = run(sample_copy, wh)
    assert (result["files_new"], result["files_changed"], result["files_unchanged"]) == (1, 1, 3)
    assert result["articles_parsed"] == 2
    with read(wh) as con:
        now = dict(con.execute("select source_name, article_id from raw.articles").fetchall())
        assert now[name] != old[name]
        for table in ("raw.articles", "staging.paragraphs", "staging.quotes", "staging.articles"):
            n = con.execute(f"select count(*) from {table} where article_id = ?", [old[name]]).fetchone()[0]
            assert n == 0, f"{table} still holds the old version of {name}"
        assert con.execute("select count(*) from staging.paragraphs where article_id = ? and text like "
                           "'%confirmed the transfer%'", [now[name]]).fetchone()[0] == 1
        # untouched articles keep their ids and ingestion times
        for other in sorted(old)[1:]:
            assert now[other] == old[other]
            assert con.execute("select ingested_at from raw.articles where article_id = ?",
                               [old[other]]).fetchone()[0] == ingested[old[other]]
        assert con.execute("select count(*) from staging.quotes q join raw.articles a using (article_id) "
                           "where a.source_name = 'new_story.txt'").fetchone()[0] == 1


def test_bad_files_are_quarantined_and_the_run_goes_on(sample_copy, tmp_path):
    (sample_copy / "empty.txt").write_bytes(b"")
    (sample_copy / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (sample_copy / "broken.html.gz").write_bytes(b"\x1f\x8bnot really")
    (sample_copy / "furniture.html").write_text("<html><head><script>var a=1;</script></head></html>")
    wh = tmp_path / "w.duckdb"
    result = run(sample_copy, wh)
    assert result["articles_parsed"] >= 4
    with read(wh) as con:
        rejected = dict(con.execute("select source_name, reason from raw.rejected_files").fetchall())
        assert set(rejected) == {"empty.txt", "binary.txt", "broken.html.gz", "furniture.html"}
        assert "empty" in rejected["empty.txt"] and "gzip" in rejected["broken.html.gz"]
        assert con.execute("select count(*) from staging.articles").fetchone()[0] == 4
    again = run(sample_copy, wh)  # re-running does not repeat the rejections
    with read(wh) as con:
        assert con.execute("select count(*) from raw.rejected_files").fetchone()[0] == 4
    assert again["articles_parsed"] == 0


def test_failing_audit_fails_the_run_and_keeps_the_previous_build(sample_copy, tmp_path, monkeypatch):
    wh = tmp_path / "w.duckdb"
    run(sample_copy, wh)
    with read(wh) as con:
        before = snapshot(con)
    broken = tmp_path / "sql"
    shutil.copytree(sql_dir(), broken)
    (broken / "tests" / "always_fails.sql").write_text(
        "-- audit that finds every article\nselect article_id from staging.articles")
    monkeypatch.setattr("flows.etl_flow.sql_dir", lambda: broken)
    with pytest.raises(Exception, match="always_fails"):
        run(sample_copy, wh)
    with read(wh) as con:
        assert snapshot(con) == before


def test_too_low_a_duckdb_memory_cap_fails_the_run_naming_the_setting(sample_copy, tmp_path, monkeypatch):
    from etl_gone.warehouse import MEMORY_LIMIT_ENV, MemoryCapTooLow

    monkeypatch.setenv(MEMORY_LIMIT_ENV, "1MB")
    with pytest.raises(MemoryCapTooLow, match=f"set {MEMORY_LIMIT_ENV} higher"):
        run(sample_copy, tmp_path / "w.duckdb")
    monkeypatch.delenv(MEMORY_LIMIT_ENV)
    result = run(sample_copy, tmp_path / "w.duckdb")  # with the default cap the same warehouse builds
    assert result["models_rebuilt"] and result["articles_parsed"] == 4


def test_stored_parse_batches_are_freed_during_the_run(sample_copy, tmp_path, monkeypatch):
    """Prefect keeps each submitted task's future, state and result in a
    reference cycle; a parsed batch must not ride along until the cyclic
    garbage collector happens to run (the flow's memory climbed over a long
    run). With the collector off, every stored batch is gone when the next
    one is stored."""
    import gc
    import weakref

    stored: list[weakref.ref] = []
    still_alive: list[int] = []
    real = pipeline.store_parsed

    def store_and_track(con, parsed, root):
        real(con, parsed, root)
        still_alive.append(sum(ref() is not None for ref in stored))
        stored.append(weakref.ref(parsed))

    monkeypatch.setattr(pipeline, "store_parsed", store_and_track)
    gc.collect()
    gc.disable()
    try:
        result = run(sample_copy, tmp_path / "w.duckdb", batch_size=1, processes=1)
    finally:
        gc.enable()
    assert result["articles_parsed"] == 4 and len(stored) == 4
    assert still_alive == [0, 0, 0, 0]


def test_a_run_that_replaces_many_articles_compacts_their_old_text(sample_copy, tmp_path, capsys):
    from etl_gone import cli, load

    wh = tmp_path / "w.duckdb"
    run(sample_copy, wh)
    for path in sorted(sample_copy.iterdir())[:2]:  # 2 stale texts of 6: over the 25% that triggers it
        path.write_text(path.read_text(encoding="utf-8") + "\n\nA correction was appended.\n", encoding="utf-8")
    result = run(sample_copy, wh)
    assert result["articles_removed"] == 2 and result["texts_compacted"] == 2
    with read(wh) as con:
        assert con.execute("select count(*) from raw.articles where raw_text is null").fetchone()[0] == 0
        summary = con.execute("select summary_json from meta.runs order by finished_at desc limit 1").fetchone()[0]
    assert json.loads(summary)["texts_compacted"] == 2
    # the command does the same on demand: nothing is stale any more
    assert cli.main(["compact", "--warehouse", str(wh)]) == 0
    assert "0 stale texts dropped" in capsys.readouterr().out
    assert cli.main(["compact", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    with read(wh) as con:
        assert load.orphaned_text_share(con) == 0


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("advances, expected_published", [
    # (units, seconds elapsed before the advance) over a total of 100 units
    ([(1, 1.0)] * 100, [5.0 * k for k in range(1, 21)]),  # one point at a time: every 5 points
    ([(1, 40.0)] * 3, [1.0, 2.0, 3.0]),  # slow progress: after 30 s of silence
    ([(30, 1.0), (70, 1.0)], [30.0, 100.0]),  # big steps: each one
    ([(2, 1.0), (1, 1.0), (97, 0.0)], [100.0]),  # the finish always
])
def test_progress_artifact_is_published_in_steps_not_per_batch(monkeypatch, advances, expected_published):
    from flows import etl_flow

    published = []
    monkeypatch.setattr(etl_flow, "create_progress_artifact", lambda *a, **kw: "artifact-id")
    monkeypatch.setattr(etl_flow, "update_progress_artifact", lambda artifact_id, pct: published.append(pct))
    clock = FakeClock()
    progress = etl_flow.Progress(100, show_bar=False, clock=clock)
    for units, elapsed in advances:
        clock.now += elapsed
        progress.advance(units, "")
    assert published == pytest.approx(expected_published)
