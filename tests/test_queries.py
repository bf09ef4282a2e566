"""Ready analyst queries: headers and parameters, each example run against a
warehouse built from the bundled sample, and the three output formats."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pytest

from etl_gone import queries

REQUIRED_QUERIES = {"timeline_of_person", "quotes_by_speaker", "corroborated_facts", "disputes",
                    "single_source_claims", "what_changed_in_last_run", "full_timeline"}
# a default must be general: empty, a number, a date or a truth value, never a name
GENERAL_DEFAULT_RE = re.compile(r"^(|-?\d+(\.\d+)?|\d{4}-\d{2}-\d{2}|true|false)$")


def write(tmp_path: Path, name: str, sql: str) -> Path:
    (tmp_path / f"{name}.sql").write_text(sql, encoding="utf-8")
    return tmp_path


# ---- headers and parameters ----


def test_every_required_query_exists_with_a_description():
    found = {q.name: q for q in queries.list_queries()}
    assert REQUIRED_QUERIES <= set(found)
    for q in found.values():
        assert q.description and len(q.description) > 20, q.name


def test_defaults_are_general():
    for q in queries.list_queries():
        for p in q.params:
            assert p.description, f"{q.name}.{p.name} needs a description"
            if p.default is not None:
                assert GENERAL_DEFAULT_RE.match(p.default), f"{q.name}.{p.name} default {p.default!r}"


@pytest.mark.parametrize("line, name, ptype, default, required", [
    ("-- @param team: a club's name", "team", "text", None, True),
    ("-- @param min_goals (integer) = 2: at least this many", "min_goals", "integer", "2", False),
    ("-- @param since (date) = 2020-01-01: from this day", "since", "date", "2020-01-01", False),
    ("-- @param party = '': a party, or empty for all", "party", "text", "", False),
    ("-- @param live (boolean) = false: only live results", "live", "boolean", "false", False),
])
def test_param_header_lines(line, name, ptype, default, required):
    sql = f"-- q: a test query about election results\n{line}\nselect ${name} as v"
    q = queries.parse_query(sql, "q")
    assert q.params == (queries.Param(name, ptype, default, q.params[0].description),)
    assert q.params[0].required is required


@pytest.mark.parametrize("sql, message", [
    ("select 1", "first line"),
    ("-- other_name: wrong name\nselect 1", "first line"),
    ("-- q: uses a parameter it does not declare\nselect $team", "undeclared"),
    ("-- q: declares one it never uses\n-- @param team: a team\nselect 1", "unused"),
    ("-- q: bad type\n-- @param n (integr) = 1: a number\nselect $n", "unknown type"),
    ("-- q: typo in a tag\n-- @parm n: a number\nselect $n", "cannot read"),
])
def test_malformed_headers_are_refused(sql, message):
    with pytest.raises(ValueError, match=message):
        queries.parse_query(sql, "q")


def test_dollar_signs_in_strings_and_comments_are_not_parameters():
    q = queries.parse_query("-- q: prices\nselect '$5' as price -- costs $x\n", "q")
    assert q.params == ()


def test_unknown_query_lists_the_known_names():
    with pytest.raises(queries.UnknownQuery) as info:
        queries.get_query("who_won_the_derby")
    message = str(info.value)
    assert "who_won_the_derby" in message
    assert all(name in message for name in REQUIRED_QUERIES)


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


def test_parameters_are_checked_and_converted(tmp_path, con):
    d = write(tmp_path, "scores", "-- scores: goals by team\n"
                                  "-- @param team: a team\n"
                                  "-- @param min_goals (integer) = 1: at least this many goals\n"
                                  "-- @param played (date) = 2024-01-01: match day\n"
                                  "select $team as team, $min_goals + 1 as n, $played as played")
    cols, rows = queries.run_query(con, "scores", {"team": "Rovers"}, directory=d)
    assert cols == ["team", "n", "played"] and rows == [("Rovers", 2, date(2024, 1, 1))]
    assert queries.run_query(con, "scores", {"team": "Rovers", "min_goals": "4"}, directory=d)[1][0][1] == 5
    with pytest.raises(queries.QueryParamError, match="needs parameter team"):
        queries.run_query(con, "scores", {}, directory=d)
    with pytest.raises(queries.QueryParamError, match="no parameter coach.*team, min_goals, played"):
        queries.run_query(con, "scores", {"team": "Rovers", "coach": "X"}, directory=d)
    with pytest.raises(queries.QueryParamError, match="min_goals must be an integer"):
        queries.run_query(con, "scores", {"team": "Rovers", "min_goals": "many"}, directory=d)
    with pytest.raises(queries.QueryParamError, match="played must be a date"):
        queries.run_query(con, "scores", {"team": "Rovers", "played": "last week"}, directory=d)


def test_a_parameter_is_data_not_sql(tmp_path, con):
    d = write(tmp_path, "echo", "-- echo: returns its parameter\n-- @param s: anything\nselect $s as s")
    hostile = "x'; drop table t; --"
    assert queries.run_query(con, "echo", {"s": hostile}, directory=d)[1] == [(hostile,)]


# ---- output formats ----

COLUMNS = ["team", "goals", "played", "scorers", "note"]
ROWS = [
    ("Rovers", 3, date(2024, 5, 4), ["Ann Lee", "Bo Kim"], None),
    ("City, \"the Blues\"", 12, datetime(2024, 5, 5, 15, 0), [], "a very long note " * 10),
    ("Line\nbreak", None, None, None, "short"),
]


def test_table_format_aligns_and_truncates():
    out = queries.format_rows(COLUMNS, ROWS, "table", max_width=30)
    lines = out.splitlines()
    assert lines[0].split() == COLUMNS
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(3 rows)"
    body = lines[2:-1]
    assert len(body) == 3, "a newline inside a cell must not break the row"
    assert all(len(line) <= len(lines[1]) for line in body)
    assert "…" in body[1] and "a very long note a very long" in body[1]
    assert "Ann Lee, Bo Kim" in body[0]
    # numbers right-aligned: the ones digit of 3 sits under the ones digit of 12
    assert body[0].index(" 3 ") + 1 == body[1].index("12 ") + 1
    assert "2024-05-05 15:00:00" in body[1]


def test_csv_format_round_trips():
    out = queries.format_rows(COLUMNS, ROWS, "csv")
    back = list(csv.reader(io.StringIO(out)))
    assert back[0] == COLUMNS
    assert back[2][0] == 'City, "the Blues"' and back[3][0] == "Line\nbreak"
    assert back[1][2] == "2024-05-04" and json.loads(back[1][3]) == ["Ann Lee", "Bo Kim"]
    assert back[3][1] == "" and len(back) == 4


def test_json_format_is_a_list_of_objects():
    data = json.loads(queries.format_rows(COLUMNS, ROWS, "json"))
    assert data[0] == {"team": "Rovers", "goals": 3, "played": "2024-05-04", "scorers": ["Ann Lee", "Bo Kim"],
                       "note": None}
    assert data[1]["played"] == "2024-05-05T15:00:00"


def test_empty_result_and_unknown_format():
    assert queries.format_rows(["a"], [], "table").splitlines()[-1] == "(0 rows)"
    assert json.loads(queries.format_rows(["a"], [], "json")) == []
    with pytest.raises(ValueError, match="table, csv, json"):
        queries.format_rows(["a"], [], "xml")


# ---- every example against a warehouse built from the bundled sample ----


def build_sample_warehouse(path: Path) -> Path:
    from etl_gone import pipeline
    from etl_gone.warehouse import sample_dir

    pipeline.run_without_prefect(sample_dir(), path, lock_wait_seconds=0, run_id="run-1")
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = build_sample_warehouse(tmp_path_factory.mktemp("queries") / "sample.duckdb")
    c = duckdb.connect(str(path), read_only=True)
    yield c
    c.close()


def rows_as_dicts(result) -> list[dict]:
    cols, rows = result
    return [dict(zip(cols, r)) for r in rows]


def a_participant(con) -> str:
    return con.execute("select p from marts.events, unnest(participants) t(p) "
                       "group by p order by count(*) desc, p limit 1").fetchone()[0]


def test_every_example_runs_on_the_sample(sample):
    for q in queries.list_queries():
        params = {p.name: "a" for p in q.params if p.required}
        cols, rows = queries.run_query(sample, q.name, params)
        assert cols and len(set(cols)) == len(cols), q.name
        assert queries.format_rows(cols, rows, "table").endswith("rows)\n")


def test_full_timeline_lists_every_event_in_date_order(sample):
    rows = rows_as_dicts(queries.run_query(sample, "full_timeline", {}))
    assert {r["event_id"] for r in rows} == {r[0] for r in sample.execute("select event_id from marts.events").fetchall()}
    dated = [r["event_date"] for r in rows if r["event_date"] is not None]
    assert dated == sorted(dated)
    assert all(r["outlets"] for r in rows), "every event names where it was reported"


def test_full_timeline_filters(sample):
    everything = rows_as_dicts(queries.run_query(sample, "full_timeline", {}))
    dated = sorted(r["event_date"] for r in everything if r["event_date"])
    middle = dated[len(dated) // 2]
    later = rows_as_dicts(queries.run_query(sample, "full_timeline", {"since": middle.isoformat(),
                                                                     "include_undated": "false"}))
    assert later and all((r["date_end"] or r["event_date"]) >= middle for r in later)
    assert len(later) < len(everything)
    corroborated = rows_as_dicts(queries.run_query(sample, "full_timeline", {"min_sources": 2}))
    assert all(r["source_count"] >= 2 for r in corroborated)


def test_timeline_of_person_matches_part_of_a_name_in_any_case(sample):
    name = a_participant(sample)
    part = name.split()[-1].swapcase()
    rows = rows_as_dicts(queries.run_query(sample, "timeline_of_person", {"person": part}))
    expected = {r[0] for r in sample.execute("select event_id from marts.events where list_contains(participants, ?)",
                                             [name]).fetchall()}
    got = {r["event_id"] for r in rows if r["role"] == "participant"}
    assert expected <= got
    assert all(part.lower() in (r["participants"] + " " + r["summary"]).lower() for r in rows)
    nobody = queries.run_query(sample, "timeline_of_person", {"person": "Zzyzx Quorble"})[1]
    assert nobody == []


def test_quotes_by_speaker_with_outlets(sample):
    speaker = sample.execute("select speaker from marts.quotes where speaker is not null "
                             "group by speaker order by count(*) desc, speaker limit 1").fetchone()[0]
    rows = rows_as_dicts(queries.run_query(sample, "quotes_by_speaker", {"speaker": speaker.lower()}))
    expected = sample.execute("select count(*) from marts.quotes where speaker = ?", [speaker]).fetchone()[0]
    assert len([r for r in rows if r["speaker"] == speaker]) == expected > 0
    assert all(r["outlets"] for r in rows)


def test_corroborated_facts_have_two_sources(sample):
    rows = rows_as_dicts(queries.run_query(sample, "corroborated_facts", {}))
    expected = sample.execute("select count(*) from marts.facts where source_count >= 2").fetchone()[0]
    assert len(rows) == expected
    assert all(r["source_count"] >= 2 and r["outlets"] for r in rows)
    counts = [r["source_count"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert len(rows_as_dicts(queries.run_query(sample, "corroborated_facts", {"min_sources": 1}))) >= len(rows)


def test_single_source_claims_come_from_one_article(sample):
    rows = rows_as_dicts(queries.run_query(sample, "single_source_claims", {}))
    assert rows
    assert {r["kind"] for r in rows} <= {"fact", "event"}
    single_events = sample.execute("select count(*) from marts.events where source_count = 1").fetchone()[0]
    if single_events:
        assert any(r["kind"] == "event" for r in rows)
    only_facts = rows_as_dicts(queries.run_query(sample, "single_source_claims", {"kind": "fact"}))
    assert all(r["kind"] == "fact" for r in only_facts)


def test_disputes_one_row_per_side(sample):
    rows = rows_as_dicts(queries.run_query(sample, "disputes", {}))
    assert len(rows) == sample.execute("select count(*) from marts.disputes").fetchone()[0]
    for r in rows:
        assert r["sides"] == sum(1 for x in rows if x["dispute_id"] == r["dispute_id"]) >= 2
    assert queries.run_query(sample, "disputes", {"topic": "no such topic at all"})[1] == []


def test_what_changed_in_the_sample_run(sample):
    rows = rows_as_dicts(queries.run_query(sample, "what_changed_in_last_run", {}))
    assert rows[0]["change"] == "run completed" and rows[0]["run_id"] == "run-1"
    stored = {r["item"] for r in rows if r["change"] == "article stored"}
    assert stored == {r[0] for r in sample.execute("select source_name from raw.articles").fetchall()}


def test_what_changed_picks_the_latest_run_or_the_one_asked(con):
    con.execute("""
        create schema meta; create schema raw; create schema staging;
        create table meta.runs (run_id varchar, flow_run_id varchar, started_at timestamp, finished_at timestamp,
            source_root varchar, status varchar, files_seen integer, files_new integer, files_changed integer,
            files_unchanged integer, files_rejected integer, articles_parsed integer, models_rebuilt boolean,
            summary_json varchar);
        create table raw.articles (article_id varchar, source_name varchar, ingested_at timestamp);
        create table raw.rejected_files (source_name varchar, stage varchar, reason varchar, rejected_at timestamp);
        create table staging.articles (article_id varchar, title varchar, outlet varchar);
        insert into meta.runs values
            ('r1', null, '2024-06-01 10:00', '2024-06-01 10:05', '/in', 'completed', 3, 2, 0, 0, 1, 2, true, '{}'),
            ('r2', null, '2024-06-02 10:00', '2024-06-02 10:01', '/in', 'completed', 3, 0, 0, 2, 1, 0, false, '{}');
        insert into raw.articles values ('a', 'vote.txt', '2024-06-01 10:01'), ('b', 'match.html', '2024-06-01 10:02');
        insert into raw.rejected_files values ('empty.txt', 'read', 'no article text', '2024-06-01 10:03');
        insert into staging.articles values ('a', 'Council votes', 'The Ledger');
    """)
    latest = rows_as_dicts(queries.run_query(con, "what_changed_in_last_run", {}))
    assert [r["change"] for r in latest] == ["run completed"]
    assert "0 new" in latest[0]["detail"] and "marts unchanged" in latest[0]["detail"]
    first = rows_as_dicts(queries.run_query(con, "what_changed_in_last_run", {"run_id": "r1"}))
    assert [(r["change"], r["item"]) for r in first] == [
        ("run completed", "/in"), ("article stored", "vote.txt"), ("article stored", "match.html"),
        ("file rejected", "empty.txt")]
    assert "Council votes" in first[1]["detail"] and "no article text" in first[3]["detail"]
