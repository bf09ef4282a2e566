"""The accuracy gate: sample scores agree with the official scorer, a small
hand-made warehouse scores as expected, and floors are checked both ways."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl_gone.accuracy import (
    DEFAULT_FLOORS,
    AccuracyBelowFloor,
    check_floors,
    expected_path,
    floor_table,
    load_expected,
    score_sample,
)
from etl_gone.warehouse import sample_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
COMPARED_METRICS = ["body_paragraph_recall", "boilerplate_leaks", "metadata_accuracy", "quote_f1",
                    "speaker_accuracy", "titles_taken_as_quotes", "nested_quote_recall", "event_recall",
                    "event_corroboration"]
CLI = "from etl_gone.cli import main; raise SystemExit(main())"


# --- the bundled sample, built by the real command ------------------------------------
@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory, prefect_harness) -> Path:
    from prefect.settings import PREFECT_API_URL

    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(sample_dir(), root / "source")
    wh = root / "w.duckdb"
    # the session's test server: a server of the run's own costs 10-20 s
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_API_URL": PREFECT_API_URL.value()}
    out = subprocess.run([sys.executable, "-c", CLI, "run", "--source", str(root / "source"),
                          "--warehouse", str(wh)], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return wh


def degrade(src: Path, dest: Path) -> Path:
    """A copy of the warehouse with mistakes of every kind the metrics count."""
    shutil.copy(src, dest)
    with duckdb.connect(str(dest)) as con:
        first, second, third = [r[0] for r in con.execute(
            "select article_id from raw.articles order by source_name limit 3").fetchall()]
        con.execute("delete from raw.article_store where article_id = ?", [first])  # 3 of 4 found
        con.execute("delete from staging.paragraphs where article_id = ? and paragraph_index % 3 = 0", [second])
        con.execute("update staging.quotes set speaker = 'Someone Else' where article_id = ? "
                    "and quote_id in (select quote_id from staging.quotes where article_id = ? "
                    "order by quote_id limit 2)", [second, second])
        con.execute("delete from staging.quotes where article_id = ? and parent_quote_id is null and "
                    "quote_id in (select quote_id from staging.quotes where article_id = ? "
                    "order by quote_id limit 2)", [third, third])
        con.execute("insert into staging.quotes (quote_id, article_id, paragraph_index, quote_text) "
                    "values ('x1', ?, 0, 'an invented quotation nobody expects')", [third])
        con.execute("update staging.articles set title = 'Not the title'")
        # furniture kept as body, a song title taken for a quote
        name = con.execute("select source_name from raw.articles where article_id = ?", [second]).fetchone()[0]
        want = load_expected()["articles"][Path(name).name]
        con.execute("insert into staging.paragraphs (article_id, paragraph_index, text) values (?, 999, ?)",
                    [second, want["boilerplate"][0]])
        con.execute("insert into staging.quotes (quote_id, article_id, paragraph_index, quote_text) "
                    "values ('x2', ?, 0, ?)", [second, want["titles_not_quotes"][0]])
        con.execute("delete from marts.events where event_id in "
                    "(select event_id from marts.events order by event_id limit 3)")
        con.execute("update marts.events set source_count = 1")
        con.execute("delete from marts.disputes")
    return dest


def official_scores(wh: Path, gold: Path | None = None) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), "--warehouse", str(wh), "--gold", str(gold or expected_path()),
                          "--json"], capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def assert_agrees(ours: dict, theirs: dict) -> None:
    for metric in COMPARED_METRICS:
        if theirs.get(metric) is None:
            assert metric not in ours
        else:
            assert ours[metric] == pytest.approx(theirs[metric]), metric
    found, total = (int(n) for n in theirs["disputes_found"].split()[0].split("/"))
    assert ours["disputes_found"] == pytest.approx(round(found / total, 3))
    found, total = (int(n) for n in theirs["articles_found"].split("/"))
    assert ours["articles_found"] == pytest.approx(round(found / total, 3))


def test_expected_file_is_the_gold():
    assert expected_path().is_file()
    if (SHARED / "gold" / "seeds.json").exists():
        assert load_expected() == json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    assert set(load_expected()["articles"]) == {p.name for p in sample_dir().iterdir()}


def test_sample_scores_pass_the_default_floors(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        scores = score_sample(con, load_expected())
    assert scores["articles_found"] == 1.0
    assert set(DEFAULT_FLOORS) <= set(scores)
    assert check_floors(scores, DEFAULT_FLOORS) == [], scores


@pytest.mark.skipif(not SCORER.exists(), reason="the official scorer is not next to the repository")
def test_sample_scores_agree_with_the_official_scorer(sample_warehouse, tmp_path):
    for wh in (sample_warehouse, degrade(sample_warehouse, tmp_path / "degraded.duckdb")):
        with duckdb.connect(str(wh), read_only=True) as con:
            ours = score_sample(con, load_expected())
        assert_agrees(ours, official_scores(wh))
    # the degraded copy really exercises the metrics
    assert ours["articles_found"] == 0.75 and ours["quote_f1"] < 0.9 and ours["disputes_found"] == 0.0
    assert ours["metadata_accuracy"] < 1.0 and ours["event_recall"] < 0.846
    assert ours["boilerplate_leaks"] >= 1 and ours["titles_taken_as_quotes"] >= 1


# --- a small hand-made warehouse (other kinds of news) ----------------------------------
WAREHOUSE_DDL = """
create schema raw; create schema staging; create schema marts;
create table raw.articles (article_id varchar, source_name varchar);
create table staging.articles (article_id varchar, title varchar, outlet varchar, published_at timestamp);
create table staging.paragraphs (article_id varchar, paragraph_index integer, text varchar);
create table staging.quotes (quote_id varchar, article_id varchar, quote_text varchar, speaker varchar,
                             parent_quote_id varchar);
create table marts.events (event_id varchar, event_type varchar, summary varchar, participants varchar[],
                           event_date date, date_precision varchar, source_count integer);
create table marts.disputes (dispute_id varchar, claimant varchar, claim_text varchar);
insert into raw.articles values ('a1', 'feeds/budget.txt'), ('a2', 'other\\final.html');
insert into staging.articles values
  ('a1', 'Budget passes after all-night session', 'Capital Times', '2023-03-02 18:00:00'),
  ('a2', 'Cup final report', 'Sports Desk', null);
insert into staging.paragraphs values
  ('a1', 0, 'The budget passed at dawn after an all\u00a0night session.'),
  ('a1', 1, 'Subscribe to our newsletter'),
  ('a1', 2, 'The minister called it “a turning point for the country,” and left.'),
  ('a2', 0, 'The home side won the final 2-1.'),
  ('a2', 1, 'Related: all the highlights from the whole season in one place');
insert into staging.quotes values
  ('q1', 'a1', 'a turning point for the country,', 'Maria Lopez', null),
  ('q2', 'a1', 'Yesterday', null, null),
  ('q3', 'a1', 'this is an invented remark', 'Maria Lopez', null),
  ('q4', 'a2', 'We never stopped believing,', 'Tom Reed', null),
  ('q5', 'a2', 'keep going', 'Tom Reed', 'q4'),
  ('q6', 'a2', 'it was for the city fans, truly', null, null);
insert into marts.events values
  ('e1', 'vote', 'budget approved', ['Maria Lopez'], '2023-03-02', 'day', 2),
  ('e2', 'match', 'final won', [], '2023-05-01', 'year', 3);
insert into marts.disputes values
  ('d1', 'Maria Lopez', 'the deficit will fall'), ('d1', 'Sam Ortiz', 'the deficit will rise');
"""
EXPECTED = {
    "articles": {
        "budget.txt": {
            "title": "Budget passes after all-night session", "published": "2023-03-02",
            "outlet": "Capital Times",
            "boilerplate": ["Subscribe to our newsletter"],
            "body_starts": ["The budget passed at dawn after an all night", "The minister called it"],
            "titles_not_quotes": ["Yesterday"],
            "quotes": [{"text": "a turning point for the country,", "speaker": "Maria Lopez"}],
            "optional_quotes": [],
        },
        "final.html": {
            "title": "Cup final report", "outlet": "Sport Desk", "published": None,
            # short boilerplate counts only as a whole paragraph; long ones inside one
            "boilerplate": ["Related:", "all the highlights from the whole season"],
            "body_starts": ["The home side won", "The coach resigned"],
            # 5 of the 7 words of q6: an overlap of 0.71 is not a match
            "quotes": [{"text": "We never stopped believing", "speaker": "Tom Reed Jr."},
                       {"text": "It was for the fans", "speaker": None}],
            "nested_quotes": [{"text": "keep going", "speaker": "Tom Reed"}],
            "optional_quotes": [],
        },
        "absent.txt": {"boilerplate": [], "body_starts": ["Never ingested"], "quotes": []},
    },
    "events": [
        {"date": "2023-03-02", "precision": "day", "terms": ["budget"], "min_sources": 2},
        {"date": "2023-05", "precision": "month", "terms": ["final"], "min_sources": 1},  # only a year known
        {"date": "2023", "precision": "year", "terms": ["Maria Lopez"], "min_sources": 3},
    ],
    "disputes": [
        {"sides": [{"claimant": "Maria Lopez", "terms": ["fall"]}, {"claimant": "Ortiz", "terms": ["rise"]}]},
        {"sides": [{"claimant": "Sam Ortiz", "terms": ["taxes"]}, {"claimant": "Maria Lopez", "terms": ["fall"]}]},
    ],
}


@pytest.fixture
def small_warehouse():
    con = duckdb.connect()
    con.execute(WAREHOUSE_DDL)
    yield con
    con.close()


@pytest.mark.parametrize("metric, value", [
    ("articles_found", 2 / 3),
    ("body_paragraph_recall", 0.6),      # 3 of 5 (the absent article's line is missed too)
    ("boilerplate_leaks", 2.0),          # the newsletter line and the long related-link text
    ("metadata_accuracy", 0.8),          # 4 of 5: the outlet differs
    ("titles_taken_as_quotes", 1.0),
    ("speaker_accuracy", 1.0),           # "Jr." is not the surname of "Tom Reed Jr." 
    ("nested_quote_recall", 1.0),
    ("event_recall", 0.667),             # the final is known only to the year
    ("event_corroboration", 0.333),      # the year event has 2 sources, 3 expected
    ("disputes_found", 0.5),
])
def test_small_warehouse_scores(small_warehouse, metric, value):
    scores = score_sample(small_warehouse, EXPECTED)
    assert scores[metric] == pytest.approx(value, abs=1e-3)


def test_quote_f1_counts_titles_and_inventions_as_wrong(small_warehouse):
    # produced top-level: 2 matched + "Yesterday" + the invented remark + the
    # loose wording = 5; expected: 1 + 2 = 3 -> precision 0.4, recall 0.667, F1 0.5
    assert score_sample(small_warehouse, EXPECTED)["quote_f1"] == pytest.approx(0.5, abs=1e-3)


def test_optional_quotes_are_neither_right_nor_wrong(small_warehouse):
    expected = json.loads(json.dumps(EXPECTED))
    expected["articles"]["budget.txt"]["optional_quotes"] = [{"text": "This is an invented remark."}]
    assert score_sample(small_warehouse, expected)["quote_f1"] == pytest.approx(0.571, abs=1e-3)


def test_gate_does_not_apply_without_expected_articles(small_warehouse):
    assert score_sample(small_warehouse, {"articles": {"elsewhere.txt": {}}}) == {}
    assert score_sample(small_warehouse, {}) == {}


def test_sections_without_expectations_are_left_out(small_warehouse):
    expected = {"articles": {"final.html": {"boilerplate": [], "body_starts": [], "quotes": []}}}
    scores = score_sample(small_warehouse, expected)
    assert "event_recall" not in scores and "disputes_found" not in scores
    assert "body_paragraph_recall" not in scores and "metadata_accuracy" not in scores
    assert scores["boilerplate_leaks"] == 0.0


@pytest.mark.skipif(not SCORER.exists(), reason="the official scorer is not next to the repository")
def test_small_warehouse_agrees_with_the_official_scorer(tmp_path):
    wh, gold = tmp_path / "small.duckdb", tmp_path / "expected.json"
    gold.write_text(json.dumps(EXPECTED), encoding="utf-8")
    with duckdb.connect(str(wh)) as con:
        con.execute(WAREHOUSE_DDL)
        ours = score_sample(con, EXPECTED)
    assert_agrees(ours, official_scores(wh, gold))


def test_missing_disputes_mart_finds_none(small_warehouse):
    small_warehouse.execute("drop table marts.disputes")
    assert score_sample(small_warehouse, EXPECTED)["disputes_found"] == 0.0


# --- floors ------------------------------------------------------------------------------
@pytest.mark.parametrize("scores, floors, violated", [
    ({"quote_f1": 0.91}, {"quote_f1": 0.9}, []),
    ({"quote_f1": 0.9}, {"quote_f1": 0.9}, []),
    ({"quote_f1": 0.89}, {"quote_f1": 0.9}, ["quote_f1"]),
    ({"boilerplate_leaks": 1.0}, {"boilerplate_leaks": 1}, []),
    ({"boilerplate_leaks": 2.0}, {"boilerplate_leaks": 1}, ["boilerplate_leaks"]),
    ({"titles_taken_as_quotes": 0.0}, {"titles_taken_as_quotes": 0}, []),
    ({"titles_taken_as_quotes": 3.0}, {"titles_taken_as_quotes": 0}, ["titles_taken_as_quotes"]),
    ({"event_recall": 0.5, "boilerplate_leaks": 5.0, "quote_f1": 1.0},
     {"event_recall": 0.75, "boilerplate_leaks": 1, "quote_f1": 0.9}, ["event_recall", "boilerplate_leaks"]),
    ({}, DEFAULT_FLOORS, []),                               # the gate does not apply
    ({"quote_f1": 0.2}, {"event_recall": 0.75}, []),        # no floor for that metric
    ({"event_recall": 0.9}, {"quote_f1": 0.9}, []),         # no score for that floor
])
def test_check_floors(scores, floors, violated):
    messages = check_floors(scores, floors)
    assert [m.split(" ")[0] for m in messages] == violated


def test_check_floors_defaults_and_readable_messages():
    perfect = {m: (0.0 if m in ("boilerplate_leaks", "titles_taken_as_quotes") else 1.0) for m in DEFAULT_FLOORS}
    assert check_floors(perfect) == []
    (message,) = check_floors({**perfect, "quote_f1": 0.5})
    assert "quote_f1" in message and "0.5" in message and "0.9" in message
    (message,) = check_floors({**perfect, "titles_taken_as_quotes": 4.0})
    assert "titles_taken_as_quotes" in message and "4" in message


def test_floor_table_marks_each_metric():
    rows = floor_table({"quote_f1": 0.8, "boilerplate_leaks": 0.0, "articles_found": 1.0},
                       {"quote_f1": 0.9, "boilerplate_leaks": 1})
    by_metric = {r["metric"]: r for r in rows}
    assert by_metric["quote_f1"]["passes"] is False and by_metric["quote_f1"]["floor_is"] == "minimum"
    assert by_metric["boilerplate_leaks"]["passes"] is True and by_metric["boilerplate_leaks"]["floor_is"] == "maximum"
    assert by_metric["articles_found"]["floor"] is None and by_metric["articles_found"]["passes"] is True


def test_gate_failure_names_every_missed_floor():
    exc = AccuracyBelowFloor(check_floors({"quote_f1": 0.5, "titles_taken_as_quotes": 3.0}))
    assert "quote_f1" in str(exc) and "titles_taken_as_quotes" in str(exc) and len(exc.violations) == 2
