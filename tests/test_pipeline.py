"""The run's steps without Prefect: a file that has not changed since it was
read is not read again."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from etl_gone import pipeline


@pytest.fixture
def reads(monkeypatch) -> list[list[str]]:
    """The names of the files each ingest batch actually read."""
    seen: list[list[str]] = []
    real = pipeline.read_files

    def recording(source_root, files, limits):
        seen.append([f.source_name for f in files])
        return real(source_root, files, limits)

    monkeypatch.setattr(pipeline, "read_files", recording)
    return seen


def read_names(reads: list[list[str]]) -> list[str]:
    return sorted(name for batch in reads for name in batch)


def test_unchanged_files_are_not_read_again(sample_copy, tmp_path, reads):
    wh = tmp_path / "w.duckdb"
    first = pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert len(read_names(reads)) == 4 and first.files_new == 4
    reads.clear()
    again = pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert read_names(reads) == []
    assert (again.files_unchanged, again.articles_parsed, again.models_rebuilt) == (4, 0, False)

    touched = sorted(sample_copy.iterdir())[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    reads.clear()
    after_touch = pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert read_names(reads) == [touched.name]  # read, found the same content
    assert (after_touch.files_unchanged, after_touch.files_changed, after_touch.models_rebuilt) == (4, 0, False)
    reads.clear()
    pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert read_names(reads) == []  # its new time was remembered


def test_same_size_new_content_is_read_when_its_time_changes(sample_copy, tmp_path, reads):
    wh = tmp_path / "w.duckdb"
    pipeline.run_without_prefect(sample_copy, wh, batch_size=4)
    edited = sorted(sample_copy.iterdir())[1]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("a", "e", 1), encoding="utf-8")  # same size
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 10**9))
    reads.clear()
    stats = pipeline.run_without_prefect(sample_copy, wh, batch_size=4)
    assert read_names(reads) == [edited.name]
    assert (stats.files_changed, stats.articles_parsed) == (1, 1)


def test_reread_reads_every_file(sample_copy, tmp_path, reads):
    wh = tmp_path / "w.duckdb"
    pipeline.run_without_prefect(sample_copy, wh, batch_size=4)
    reads.clear()
    stats = pipeline.run_without_prefect(sample_copy, wh, batch_size=4, reread=True)
    assert len(read_names(reads)) == 4 and stats.files_unchanged == 4 and stats.articles_parsed == 0


# ---------------------------------------------------------------- a story of another kind

BRIDGE_STORY = Path(__file__).parent / "data" / "bridge_story"


@pytest.fixture(scope="module")
def bridge_warehouse(tmp_path_factory):
    """Three outlets' accounts of one bridge collapse (written for these tests:
    the rules must hold for news that is not the sample's music story)."""
    import duckdb

    wh = tmp_path_factory.mktemp("bridge") / "w.duckdb"
    pipeline.run_without_prefect(BRIDGE_STORY, wh, lock_wait_seconds=0)
    con = duckdb.connect(str(wh), read_only=True)
    yield con
    con.close()


def test_each_outlet_has_its_name_and_date(bridge_warehouse):
    rows = bridge_warehouse.execute(
        "select source_name, outlet, cast(published_at as date) from staging.articles order by 1").fetchall()
    assert [(r[0], r[1], str(r[2])) for r in rows] == [
        ("a_ledger.txt", "The Daily Ledger", "2020-03-04"),
        ("b_post.txt", "The Evening Post", "2020-03-03"),
        ("c_herald.txt", "Harbour Herald", "2020-03-06")]


def test_one_collapse_reported_by_three_outlets_and_a_dated_arrest(bridge_warehouse):
    events = bridge_warehouse.execute(
        "select event_type, cast(event_date as varchar), source_count from marts.events").fetchall()
    assert ("incident", "2020-03-03", 3) in events
    assert ("arrest", "2020-03-05", 1) in events


def test_competing_causes_and_death_tolls_are_disputes(bridge_warehouse):
    sides = bridge_warehouse.execute(
        "select topic, claimant, position from marts.disputes order by topic, position").fetchall()
    assert sides == [
        ("cause of: collapse", "Dana Ortiz", "corrosion in the main cables"),
        ("cause of: collapse", "Lee Park", "heavy traffic"),
        # the articles' own voices: their outlets
        ("death toll of: incident Harbour Bridge on 2020-03-03", "The Daily Ledger", "12"),
        ("death toll of: incident Harbour Bridge on 2020-03-03", "The Evening Post", "15")]


def test_related_headline_and_reply_box_stay_out_of_the_body(bridge_warehouse):
    body = " ".join(t for (t,) in bridge_warehouse.execute("select text from staging.paragraphs").fetchall())
    assert "Tesla to build factory" not in body and "Leave a Reply" not in body
