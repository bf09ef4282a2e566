"""The SQL that merges event mentions into marts.events, and builds
marts.event_sources, marts.facts and marts.disputes: run on a temporary
DuckDB whose staging tables hold a few hand-made records."""
from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from etl_gone import claims, models
from etl_gone.load import to_arrow
from etl_gone.records import Amount

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
# the models and audits this test covers (the rest of sql/ reads raw tables)
EVENT_SQL = ["intermediate/event_mentions.sql", "intermediate/event_links.sql", "intermediate/event_clusters.sql",
             "intermediate/claim_keys.sql", "marts/events.sql", "marts/event_sources.sql", "marts/facts.sql",
             "marts/disputes.sql", "tests/events_dates_valid.sql", "tests/events_sources_agree.sql",
             "tests/events_disputes_two_sides.sql", "tests/events_facts_sources.sql"]

ARTICLES = [("a1", "Daily Ledger", datetime(2019, 5, 2)), ("a2", "Evening Post", datetime(2019, 5, 1)),
            ("a3", None, None)]


def candidate(cid: str, article: str, event_type: str, when: date | None, precision: str | None, *,
              work: str | None = None, venue: str | None = None, participants: tuple[str, ...] = (),
              end: date | None = None, action: str | None = None, status: str | None = None
              ) -> claims.EventCandidate:
    return claims.EventCandidate(
        candidate_id=cid, article_id=article, claim_id="c-" + cid, paragraph_index=0, char_start=0, char_end=5,
        event_type=event_type, trigger="x", participants=participants, work_title=work, container_title=None,
        venue=venue, event_date=when, date_end=end, date_precision=precision,
        date_status=status or ("resolved" if when else "none"), time_text=None, evidence_text=f"sentence {cid}",
        source_block="body", action_text=action)


def claim(cid: str, article: str, *, claimant: str | None = None, predicate: str | None = None,
          subject: str | None = None, topic: str | None = None, work: str | None = None,
          number: int | None = None, chart: str | None = None, text: str = "",
          death_count: int | None = None, answers: str | None = None, paragraph: int = 0) -> claims.Claim:
    return claims.Claim(
        claim_id=cid, article_id=article, paragraph_index=paragraph, char_start=0, char_end=len(text), claim_text=text,
        claimant=claimant, claim_kind="reported" if claimant else "outlet_voice", subject=subject,
        predicate=predicate, object=None, topic=topic, work_title=work, number=number, chart=chart,
        time_text=None, time_value=None, time_precision=None, date_start=None, date_end=None, source_block="body",
        death_count=death_count, answers_claim_id=answers)


def amount(aid: str, claim_id: str, article: str, text: str, value: float, unit: str, about: str | None, *,
           words: tuple[str, ...] = ("fin",), counted: str | None = None, exactness: str = "exact",
           rounding: float = 1.0) -> Amount:
    return Amount(amount_id=aid, claim_id=claim_id, article_id=article, paragraph_index=0, char_start=0,
                  char_end=len(text), amount_text=text, value=value, unit=unit, rounding=rounding,
                  exactness=exactness, counted=counted, about=about, measure_words=words)


def build(tmp_path: Path, events: list, claim_rows: list | None = None,
          amount_rows: list | None = None) -> duckdb.DuckDBPyConnection:
    sql_dir = tmp_path / "sql"
    for rel in EVENT_SQL:
        (sql_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SQL_DIR / rel, sql_dir / rel)
    con = duckdb.connect()
    con.execute("create schema staging")
    con.execute("create table staging.articles(article_id varchar, outlet varchar, published_at timestamp)")
    con.executemany("insert into staging.articles values (?, ?, ?)", ARTICLES)
    cand_arrow = to_arrow(events, claims.EventCandidate)  # noqa: F841 - read by name below
    claim_arrow = to_arrow(claim_rows or [], claims.Claim)  # noqa: F841
    con.execute("create table staging.event_candidates as select * from cand_arrow")
    con.execute("create table staging.claims as select * from claim_arrow")
    amount_arrow = to_arrow(amount_rows or [], Amount)  # noqa: F841
    con.execute("create table staging.amounts as select * from amount_arrow")
    models.build_models(con, sql_dir)
    failed = [a for a in models.run_audits(con, sql_dir) if not a.passed]
    assert not failed, failed
    return con


def events_of(con) -> list[tuple]:
    return con.execute("select event_type, event_date, date_end, date_precision, source_count, summary "
                       "from marts.events order by event_date, event_type").fetchall()


def test_year_mention_joins_the_day_inside_it_and_takes_its_date(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "release", date(2015, 3, 3), "day", work="Northern Lights"),
        candidate("e2", "a2", "release", date(2015, 1, 1), "year", work="NORTHERN LIGHTS"),
        candidate("e3", "a3", "release", date(2016, 1, 1), "year", work="Northern Lights"),  # another year
    ])
    rows = events_of(con)
    assert [(r[1], r[3], r[4]) for r in rows] == [(date(2015, 3, 3), "day", 2), (date(2016, 1, 1), "year", 1)]
    assert "Northern Lights" in rows[0][5]


def test_undated_mention_joins_a_dated_event_of_its_type_and_work(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "broadcast", date(2019, 5, 5), "day", work="Harbor Town"),
        candidate("e2", "a2", "broadcast", None, None, work="Harbor Town"),
        candidate("e3", "a3", "release", None, None, work="Harbor Town"),  # other type: stays out
    ])
    assert [(r[0], r[4]) for r in events_of(con)] == [("broadcast", 2)]
    sources = con.execute("select article_id from marts.event_sources order by 1").fetchall()
    assert sources == [("a1",), ("a2",)]


def test_two_days_of_one_year_stay_apart_even_with_a_year_mention(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "performance", date(2014, 4, 26), "day", venue="Blue Note"),
        candidate("e2", "a2", "performance", date(2014, 9, 1), "day", venue="Blue Note"),
        candidate("e3", "a3", "performance", date(2014, 1, 1), "year", venue="the Blue Note"),
    ])
    rows = events_of(con)
    assert len(rows) == 2
    assert sum(r[4] for r in rows) == 3  # the year mention joined exactly one of them


def test_no_work_merges_on_shared_participants_and_venue(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "death", date(2011, 6, 1), "month", participants=("Alan Reed",)),
        candidate("e2", "a2", "death", None, None, participants=("ALAN REED",)),
        candidate("e3", "a1", "death", date(2011, 6, 1), "month", participants=("Other Person",)),
        candidate("e4", "a1", "performance", date(2001, 1, 1), "year", work="Pop", venue="Music Awards"),
        candidate("e5", "a2", "performance", date(2001, 1, 1), "year", venue="Music Awards"),
    ])
    got = {(r[0], r[4]) for r in events_of(con)}
    assert got == {("death", 2), ("death", 1), ("performance", 2)}


def test_one_days_release_told_with_other_names_is_one_event(tmp_path):
    """Two outlets name different people around one day's publication: the
    words of what happened ("paper") join them; a release of something else
    that day, and two testimonies of different people, stay apart."""
    con = build(tmp_path, [
        candidate("e1", "a1", "release", date(2019, 11, 18), "day", participants=("Europa Clipper",),
                  action="paper published in the journal Nature Astronomy"),
        candidate("e2", "a2", "release", date(2019, 11, 18), "day", participants=("Lucas Paganini",),
                  action="paper published online"),
        candidate("e3", "a3", "release", date(2019, 11, 18), "day", action="statement released"),
        candidate("e4", "a1", "testimony", date(2019, 11, 18), "day", participants=("Ira Vance",),
                  action="testified at the public hearing"),
        candidate("e5", "a2", "testimony", date(2019, 11, 18), "day", participants=("Ruth Kell",),
                  action="testified at the public hearing"),
    ])
    got = sorted((r[0], r[4]) for r in events_of(con))
    assert got == [("release", 1), ("release", 2), ("testimony", 1), ("testimony", 1)]


def test_one_days_fire_told_by_three_outlets_is_one_event(tmp_path):
    """A fire that names no one, told three ways on one day, is one incident
    with three sources; a crash the same day shares no word with it."""
    con = build(tmp_path, [
        candidate("e1", "a1", "incident", date(2020, 3, 3), "day", participants=("Harbour City",),
                  action="fire destroyed a warehouse on the waterfront"),
        candidate("e2", "a2", "incident", date(2020, 3, 3), "day", participants=("Brightline Logistics",),
                  action="fire tore through a Brightline Logistics warehouse"),
        candidate("e3", "a3", "incident", date(2020, 3, 3), "day", action="warehouse fire"),
        candidate("e4", "a3", "incident", date(2020, 3, 3), "day", action="bus crashed on the ring road"),
    ])
    assert sorted(r[4] for r in events_of(con)) == [1, 3]


def test_one_days_accident_told_by_place_and_by_what_crashed_is_one_event(tmp_path):
    """One outlet names the junction where a train derailed, another the crash
    of the train in the city; a word of what happened or a name joins them,
    the venue of one notwithstanding. A crash of that day sharing no word stays apart."""
    con = build(tmp_path, [
        candidate("e1", "a1", "incident", date(2015, 5, 12), "day", venue="Frankford Junction",
                  participants=("Frankford Junction", "Philadelphia"), action="derailed at Frankford Junction"),
        candidate("e2", "a2", "incident", date(2015, 5, 12), "day", participants=("Amtrak",),
                  action="crash of the train in Philadelphia"),
        candidate("e3", "a3", "incident", date(2015, 5, 12), "day", participants=("Ruritania",),
                  action="helicopter went down over the sea"),
    ])
    assert sorted(r[4] for r in events_of(con)) == [1, 2]


def test_one_discovery_reported_by_two_outlets_a_day_apart_is_one_event(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "discovery", date(2024, 3, 14), "day", status="from_publication",
                  action="detected water vapour in the atmosphere"),
        candidate("e2", "a2", "discovery", date(2024, 3, 15), "day", status="from_publication",
                  action="found evidence of water vapour on the planet"),
    ])
    assert [r[4] for r in events_of(con)] == [2]


def test_news_dated_by_publication_joins_across_a_day_on_the_earliest_date(tmp_path):
    """Two outlets publish the lede's undated news a day apart: one event, on
    the earlier day; a day an article states wins; two days apart is too far,
    and the sources say they gave no date."""
    con = build(tmp_path, [
        candidate("e1", "a1", "cancellation", date(2019, 11, 20), "day", participants=("Julian Assange",),
                  status="from_publication"),
        candidate("e2", "a2", "cancellation", date(2019, 11, 19), "day", participants=("Assange",),
                  status="from_publication"),
        candidate("e3", "a1", "death", date(2019, 11, 20), "day", participants=("Ira Vance",),
                  status="from_publication"),
        candidate("e4", "a2", "death", date(2019, 11, 19), "day", participants=("Ira Vance",)),
        candidate("e5", "a1", "arrest", date(2019, 11, 20), "day", participants=("Ruth Kell",),
                  status="from_publication"),
        candidate("e6", "a2", "arrest", date(2019, 11, 18), "day", participants=("Ruth Kell",)),
    ])
    assert [(r[0], r[1], r[4]) for r in events_of(con)] == [
        ("arrest", date(2019, 11, 18), 1), ("cancellation", date(2019, 11, 19), 2),
        ("death", date(2019, 11, 19), 2), ("arrest", date(2019, 11, 20), 1)]
    reported = con.execute("select candidate_id, reported_date, date_status from marts.event_sources "
                           "order by candidate_id").fetchall()
    assert reported[:4] == [("e1", None, "from_publication"), ("e2", None, "from_publication"),
                            ("e3", None, "from_publication"), ("e4", date(2019, 11, 19), "resolved")]


def test_one_day_mentions_joined_through_each_other_are_one_event(tmp_path):
    """Each article names whom its sentence names: one outlet's "Trump" is
    another's "Donald Trump", and a mention that shares nobody with the first
    joins through one that shares someone with both."""
    con = build(tmp_path, [
        candidate("e1", "a1", "meeting", date(2019, 7, 25), "day", participants=("Donald Trump", "Ira Vance")),
        candidate("e2", "a2", "meeting", date(2019, 7, 25), "day", participants=("Trump", "Volodymyr Zelensky")),
        candidate("e3", "a3", "meeting", date(2019, 7, 25), "day", participants=("Ira Vance", "Ruth Kell")),
        candidate("e4", "a3", "meeting", date(2019, 7, 25), "day", participants=("Hunter Biden",)),  # nobody shared
        candidate("e5", "a2", "meeting", date(2019, 7, 26), "day", participants=("Donald Trump",)),  # another day
    ])
    got = {(r[1], r[4]) for r in events_of(con)}
    assert got == {(date(2019, 7, 25), 3), (date(2019, 7, 25), 1), (date(2019, 7, 26), 1)}
    [participants] = con.execute("select participants from marts.events where source_count = 3").fetchall()[0]
    assert "Trump" not in participants and "Donald Trump" in participants


@pytest.mark.parametrize("kwargs, summary", [
    # no work and no venue: what happened, as the mention the event is dated by says it
    ({"action": "approved an extradition request", "participants": ("Sajid Javid",)},
     "decision: approved an extradition request (Sajid Javid)"),
    ({"action": "protests began peacefully"}, "decision: protests began peacefully"),
    ({"participants": ("Sajid Javid",)}, "decision: Sajid Javid"),
    ({"action": "approved", "participants": ("Sajid Javid",)}, "decision: approved (Sajid Javid)"),
    ({"action": "decision", "participants": ("Sajid Javid",)}, "decision: Sajid Javid"),
    ({}, "decision: unnamed"),
    # a work names the event better than a clause
    ({"action": "released", "work": "Northern Lights"}, 'decision: "Northern Lights"'),
    # a venue says where, and the clause what happened there
    ({"action": "outage", "venue": "Facebook", "participants": ("WhatsApp",)},
     "decision: outage at Facebook (WhatsApp)"),
    ({"action": "seized power in", "venue": "Harare"}, "decision: seized power at Harare"),
    ({"action": "decision", "venue": "Harare"}, "decision: at Harare"),
])
def test_summary_says_what_happened(tmp_path, kwargs, summary):
    con = build(tmp_path, [candidate("e1", "a1", "decision", date(2019, 6, 1), "month", **kwargs)])
    assert [r[5] for r in events_of(con)] == [summary]


def test_ranges_keep_their_end_and_a_month_inside_joins_them(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "recording", date(2000, 10, 1), "month", work="Invicta", end=date(2001, 8, 31)),
        candidate("e2", "a2", "recording", date(2001, 1, 1), "year", work="Invicta"),  # not inside: apart
    ])
    rows = events_of(con)
    assert (date(2000, 10, 1), date(2001, 8, 31)) in {(r[1], r[2]) for r in rows}
    assert len(rows) == 2


def test_first_report_is_the_earliest_published_article_and_ids_are_stable(tmp_path):
    cands = [candidate("e1", "a1", "release", date(2015, 3, 3), "day", work="Northern Lights"),
             candidate("e2", "a2", "release", date(2015, 1, 1), "year", work="Northern Lights"),
             candidate("e3", "a3", "release", None, None, work="Northern Lights")]
    con = build(tmp_path, cands)
    first = con.execute("select event_id, first_reported_article_id, first_outlet, is_single_source "
                        "from marts.events").fetchall()
    assert [r[1:] for r in first] == [("a2", "Evening Post", False)]
    again = build(tmp_path / "again", list(reversed(cands)))
    assert again.execute("select event_id from marts.events").fetchall() == [(first[0][0],)]


def test_an_undated_mention_at_an_occasion_the_article_dates_takes_its_date(tmp_path):
    con = build(tmp_path, [
        candidate("e1", "a1", "occasion", date(2001, 9, 1), "month", venue="Jane Doe 30th Anniversary Celebration"),
        candidate("e2", "a1", "performance", None, None, work="Dance Floor",
                  venue="Jane Doe 30th Anniversary Celebration"),
        # another article's occasion of that name dates nothing here: names like "the Awards" recur
        candidate("e3", "a2", "performance", None, None, work="Other Song",
                  venue="Jane Doe 30th Anniversary Celebration"),
    ])
    assert [r[:4] + r[5:] for r in events_of(con)] == [
        ("occasion", date(2001, 9, 1), None, "month", "occasion: Jane Doe 30th Anniversary Celebration"),
        ("performance", date(2001, 9, 1), None, "month",
         'performance: "Dance Floor" at Jane Doe 30th Anniversary Celebration'),
    ]
    statuses = con.execute("select candidate_id, date_status from marts.event_sources order by 1")
    assert statuses.fetchall() == [("e1", "resolved"), ("e2", "from_occasion")]


def test_events_need_a_date(tmp_path):
    con = build(tmp_path, [candidate("e1", "a1", "release", None, None, work="Undated")])
    assert events_of(con) == []
    assert con.execute("select count(*) from marts.event_sources").fetchone() == (0,)


def test_same_fact_in_other_words_is_one_corroborated_fact(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", predicate="chart", work="Paper Boats", number=11, chart="Billboard Hot 100",
              text="It hit #11 on the Billboard Hot 100."),
        claim("c2", "a2", predicate="chart", number=11, chart="Billboard Hot 100 chart",
              text="it hit No. 11 on the Billboard Hot 100 chart"),
        claim("c3", "a3", predicate="chart", work="Paper Boats", number=3, chart="UK Singles",
              text="It reached No. 3 in Britain."),
    ])
    facts = con.execute("select work_title, number, source_count, is_corroborated from marts.facts "
                        "order by number").fetchall()
    assert facts == [("Paper Boats", 3, 1, False), ("Paper Boats", 11, 2, True)]


def test_competing_causes_from_different_claimants_are_a_dispute(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", claimant="Ana Ruiz", predicate="cause", subject="Pedro Alvarez", topic="governor run",
              text="Ruiz said it was Pedro Alvarez who convinced her to run for governor."),
        claim("c2", "a2", claimant="Luis Ortega", predicate="cause", subject="Marta Gil", topic="governor",
              text="Ortega thinks Marta Gil pushed her to run for governor."),
        # one claimant naming two causes of something else is not a dispute
        claim("c3", "a3", claimant="Ana Ruiz", predicate="cause", subject="Tom Hale", topic="budget",
              text="Ruiz said Tom Hale inspired the budget."),
        claim("c4", "a3", claimant="Ana Ruiz", predicate="cause", subject="Rosa Lima", topic="budget",
              text="Ruiz said Rosa Lima prompted the budget."),
    ])
    rows = con.execute("select dispute_id, topic, claimant from marts.disputes order by claimant").fetchall()
    assert {r[0] for r in rows} == {rows[0][0]}  # one dispute ...
    assert [(r[1], r[2]) for r in rows] == [("cause of: governor", "Ana Ruiz"), ("cause of: governor", "Luis Ortega")]
    assert con.execute("select count(*) from marts.disputes where claim_id in ('c3', 'c4')").fetchone() == (0,)


@pytest.mark.parametrize("bare_article, merged", [
    ("a1", True),   # "the shooting death of a bouncer ... Sunday" and "Bell died ..." in one article
    ("a2", False),  # another article's bare mention may be another death
])
def test_a_mention_naming_nothing_joins_its_articles_mention_of_that_day(tmp_path, bare_article, merged):
    con = build(tmp_path, [
        candidate("e1", "a1", "death", date(2021, 10, 10), "day", participants=("Marcus Bell",)),
        candidate("e2", bare_article, "death", date(2021, 10, 10), "day", action="death of a bouncer"),
    ])
    assert len(events_of(con)) == (1 if merged else 2)


@pytest.mark.parametrize("others", [
    [candidate("e2", "a1", "death", date(2021, 10, 11), "day", action="death of a bouncer")],  # another day
    # two named deaths that day: the bare one may be either
    [candidate("e2", "a1", "death", date(2021, 10, 10), "day", action="death of a bouncer"),
     candidate("e3", "a1", "death", date(2021, 10, 10), "day", participants=("Ana Ruiz",))],
])
def test_a_mention_naming_nothing_stays_apart_when_it_may_be_another_event(tmp_path, others):
    con = build(tmp_path, [candidate("e1", "a1", "death", date(2021, 10, 10), "day",
                                     participants=("Marcus Bell",))] + others)
    assert len(events_of(con)) == 1 + len(others)


def test_a_claim_and_the_claims_answering_it_are_a_dispute(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", claimant="Ray Dunn", text="Dunn said others had raised concerns about Ruiz leaking"),
        claim("c2", "a1", claimant="Ana Ruiz", answers="c1",
              text="others had raised concerns about Ruiz leaking, a prospect Ruiz denied"),
        claim("c3", "a1", claimant="Lee Park", answers="c1", text="But Park said nobody had raised concerns"),
        # an answer from the same claimant is none
        claim("c4", "a2", claimant="Ray Dunn", answers="c1", text="Dunn later said he had not meant Ruiz"),
    ])
    rows = con.execute("select dispute_id, topic, claimant, position from marts.disputes "
                       "order by claim_id").fetchall()
    assert len({r[0] for r in rows}) == 1
    assert [r[1:] for r in rows] == [("account of: Ray Dunn", "Ray Dunn", "asserts"),
                                     ("account of: Ray Dunn", "Ana Ruiz", "denies"),
                                     ("account of: Ray Dunn", "Lee Park", "contradicts")]


def test_two_claims_of_one_wording_are_one_side(tmp_path):
    # "Reyes says she wrote it alone and recorded it in May, contradicting ...": a clause with
    # two events is two claims of one wording, and one side of the dispute
    text = "Reyes says she wrote it alone, contradicting a claim by Malone that he co-wrote it."
    con = build(tmp_path, [], [
        claim("c1", "a1", claimant="Dex Malone", text="he co-wrote it."),
        claim("c2", "a1", claimant="Nova Reyes", answers="c1", text=text),
        claim("c3", "a1", claimant="Nova Reyes", answers="c1", text=text),
    ])
    rows = con.execute("select claimant, position from marts.disputes order by claimant").fetchall()
    assert rows == [("Dex Malone", "asserts"), ("Nova Reyes", "contradicts")]


def test_a_denial_of_the_articles_own_claim_is_a_dispute_with_the_article(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", text="Paul Dresner was charged with bribery in May."),
        claim("c2", "a1", claimant="Paul Dresner", answers="c1", text="He has denied the charges."),
    ])
    rows = con.execute("select topic, claimant, claim_kind, position from marts.disputes order by claim_id").fetchall()
    # the article's own voice is its outlet's
    assert rows == [("account of: the article", "Daily Ledger", "outlet_voice", "asserts"),
                    ("account of: the article", "Paul Dresner", "reported", "denies")]
    # the article's voice counts as a side of its own for the two-sides audit
    assert [a.name for a in models.run_audits(con, tmp_path / "sql") if not a.passed] == []


def test_an_answer_takes_on_the_account_just_before_the_answered_claim(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", claimant="Ray Dunn", paragraph=0, text="Dunn said the hearing was a sham"),
        claim("c2", "a1", claimant="Lee Park", paragraph=1, text="Park said the hearing was fair"),
        claim("c3", "a1", claimant="Ray Dunn", paragraph=2, text="Dunn said the charges were debunked"),
        claim("c4", "a1", paragraph=3, text="Dunn urged voters to ignore it."),  # the outlet's voice
        claim("c5", "a1", claimant="Ray Dunn", paragraph=4, text="Dunn said the Democrats were blinded"),
        claim("c6", "a1", claimant="Ana Ruiz", answers="c5", paragraph=5, text="But Ruiz said the call was improper"),
        claim("c7", "a1", claimant="Ray Dunn", paragraph=6, text="Dunn said he would not testify"),
        # more than 4 paragraphs before the answered claim is another account
        claim("d1", "a2", claimant="Ray Dunn", paragraph=0, text="Dunn said the vote was rigged"),
        claim("d2", "a2", claimant="Ray Dunn", paragraph=5, text="Dunn said the count was late"),
        claim("d3", "a2", claimant="Ana Ruiz", answers="d2", paragraph=6, text="But Ruiz said it was on time"),
    ])
    rows = con.execute("select article_id, claim_id, position from marts.disputes order by claim_id").fetchall()
    assert rows == [("a1", "c3", "asserts"), ("a1", "c5", "asserts"), ("a1", "c6", "contradicts"),
                    ("a2", "d2", "asserts"), ("a2", "d3", "contradicts")]
    assert con.execute("select count(distinct dispute_id) from marts.disputes").fetchall() == [(2,)]


def test_an_answer_that_names_a_competing_cause_stays_in_that_dispute(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", claimant="Ana Ruiz", predicate="cause", subject="Pedro Alvarez", topic="governor",
              text="Ruiz said it was Pedro Alvarez who convinced her to run for governor."),
        claim("c2", "a1", claimant="Luis Ortega", predicate="cause", subject="Marta Gil", topic="governor",
              answers="c1", text="But Ortega said Marta Gil pushed her to run for governor."),
    ])
    assert con.execute("select distinct topic from marts.disputes").fetchall() == [("cause of: governor",)]


def test_different_numbers_for_one_fact_are_a_dispute(tmp_path):
    con = build(tmp_path, [], [
        claim("c1", "a1", predicate="chart", work="Paper Boats", number=11, chart="Billboard Hot 100"),
        claim("c2", "a2", predicate="chart", work="Paper Boats", number=12, chart="Billboard Hot 100"),
    ])
    rows = con.execute("select topic, position from marts.disputes order by position").fetchall()
    assert rows == [('chart: "Paper Boats" on Billboard Hot 100', "11"),
                    ('chart: "Paper Boats" on Billboard Hot 100', "12")]


@pytest.mark.parametrize("counts, articles, floors, disputed", [
    ((12, 15), ("a1", "a2"), (), True),      # two outlets, two tolls for one collapse
    ((12, 12), ("a1", "a2"), (), False),     # they agree
    ((12, 15), ("a1", "a1"), (), False),     # one article updating itself is no dispute
    ((48, 37), ("a1", "a2"), (0,), True),    # "at least 48" / "37 were killed"
    ((3, 5), ("a1", "a2"), (0,), False),     # "at least three" / "five": both hold
    ((12, 17), ("a1", "a2"), (0, 1), True),  # "at least 12" / "at least 17": the reports differ
    ((77, 8), ("a1", "a2"), (), False),      # "killed 77" / "a bomb that killed eight": a part
])
def test_different_death_tolls_for_one_event_are_a_dispute(tmp_path, counts, articles, floors, disputed):
    events = [candidate(f"e{i}", art, "incident", date(2020, 3, 3), "day", participants=("Harbour Bridge",))
              for i, art in enumerate(articles)]
    claim_rows = [claim(f"c-e{i}", art, predicate="happen", death_count=n)
                  for i, (art, n) in enumerate(zip(articles, counts))]
    floor_amounts = [amount(f"m{i}", f"c-e{i}", articles[i], f"at least {counts[i]} people", counts[i], "count",
                            None, counted="people", exactness="bound") for i in floors]
    con = build(tmp_path, events, claim_rows, floor_amounts)
    rows = con.execute("select topic, position from marts.disputes order by position").fetchall()
    expected = [("death toll of: incident Harbour Bridge on 2020-03-03", str(n)) for n in sorted(counts, key=str)]
    assert rows == (expected if disputed else [])


FINE_453 = ("$453 million", 453e6, "USD", "Barclays")


@pytest.mark.parametrize("other, kwargs, disputed", [
    (("$455 million", 455e6, "USD", "Barclays"), {}, True),            # two outlets, two fines
    (("$453 million", 453e6, "USD", "Barclays"), {}, False),           # they agree
    (("$453.2 million", 453.2e6, "USD", "Barclays"), {}, False),       # within the rounding of "$453 million"
    (("$455 million", 455e6, "USD", "Deutsche Bank"), {}, False),      # another party's fine
    (("£455 million", 455e6, "GBP", "Barclays"), {}, False),           # another currency
    (("$455 million", 455e6, "USD", "Barclays"), {"words": ("profit",)}, False),  # another figure of the bank
    (("$455 million", 455e6, "USD", "Barclays"), {"exactness": "bound"}, False),  # "more than $455 million"
    (("$455 million", 455e6, "USD", "Barclays"), {"exactness": "about"}, False),  # a guess within a tenth
    (("$520 million", 520e6, "USD", "Barclays"), {"exactness": "about"}, True),   # a guess further off
    (("$1.2 billion", 1.2e9, "USD", "Barclays"), {}, False),           # more than twice: another fact
    (("$455 million", 455e6, "USD", None), {}, False),                 # nobody's figure
])
def test_different_figures_for_one_partys_fact_are_a_dispute(tmp_path, other, kwargs, disputed):
    text, value, unit, about = other
    claim_rows = [claim("c1", "a1", text="Barclays was fined $453 million"), claim("c2", "a2", text="fined " + text)]
    amounts = [amount("m1", "c1", "a1", FINE_453[0], FINE_453[1], FINE_453[2], FINE_453[3], rounding=1e6),
               amount("m2", "c2", "a2", text, value, unit, about, rounding=1e5 if "." in text else 1e6, **kwargs)]
    con = build(tmp_path, [], claim_rows, amounts)
    rows = con.execute("select topic, claimant, position from marts.disputes order by article_id").fetchall()
    assert rows == ([("figure for: Barclays (USD)", "Daily Ledger", "$453 million"),
                     ("figure for: Barclays (USD)", "Evening Post", text)] if disputed else [])


def test_an_article_that_also_gives_the_others_figure_agrees_with_it(tmp_path):
    # "$4 million in damages" / "$4 million in damages plus $3.4 million in profits": two facts
    claim_rows = [claim("c1", "a1", text="won $4 million"), claim("c2", "a2", text="$4 million plus $3.4 million")]
    amounts = [amount("m1", "c1", "a1", "$4 million", 4e6, "USD", "Marvin Gaye", words=("award", "damag"), rounding=1e6),
               amount("m2", "c2", "a2", "$4 million", 4e6, "USD", "Marvin Gaye", words=("award", "damag"), rounding=1e6),
               amount("m3", "c2", "a2", "$3.4 million", 3.4e6, "USD", "Marvin Gaye", words=("award", "profit"),
                      rounding=1e5)]
    con = build(tmp_path, [], claim_rows, amounts)
    assert con.execute("select * from marts.disputes").fetchall() == []


@pytest.mark.parametrize("unit, counted, words, other_owner, disputed", [
    ("age", None, (), "Lee Joon-seok", True),                 # "Lee, 69," / "Lee, 68,": an age needs no words
    ("age", None, (), "Joon-seok", True),                     # a person by the last word of the name
    ("count", "passengers", ("carry", "crew"), "Lee Joon-seok", True),  # "carrying 475 passengers and crew"
    ("count", "passengers", ("carry",), "Lee Joon-seok", False),       # one word is not enough for a count
    ("percent", None, ("vot",), "Lee Joon-seok", False),               # nor for a percentage
])
def test_words_a_figure_dispute_needs_in_common(tmp_path, unit, counted, words, other_owner, disputed):
    claim_rows = [claim("c1", "a1", text="one"), claim("c2", "a2", text="two")]
    amounts = [amount("m1", "c1", "a1", "69", 69, unit, "Lee Joon-seok", words=words, counted=counted),
               amount("m2", "c2", "a2", "68", 68, unit, other_owner, words=words, counted=counted)]
    con = build(tmp_path, [], claim_rows, amounts)
    assert len(con.execute("select * from marts.disputes").fetchall()) == (2 if disputed else 0)


@pytest.mark.parametrize("event_type, kwargs, dates, disputed", [
    # an event that happens once, dated differently by two outlets
    ("death", {"participants": ("Alan Reed",)}, [(date(2011, 6, 1), "day"), (date(2011, 6, 2), "day")], True),
    ("release", {"work": "Northern Lights"}, [(date(2015, 1, 1), "year"), (date(2016, 1, 1), "year")], True),
    # a month and a day inside it agree: one event
    ("death", {"participants": ("Alan Reed",)}, [(date(2011, 6, 1), "month"), (date(2011, 6, 2), "day")], False),
    # a performance may well happen twice
    ("performance", {"participants": ("Alan Reed",)}, [(date(2011, 6, 1), "day"), (date(2011, 6, 2), "day")],
     False),
])
def test_different_dates_for_an_event_that_happens_once_are_a_dispute(tmp_path, event_type, kwargs, dates,
                                                                        disputed):
    events = [candidate(f"e{i}", art, event_type, when, precision, **kwargs)
              for i, (art, (when, precision)) in enumerate(zip(("a1", "a2"), dates))]
    con = build(tmp_path, events, [claim(f"c-e{i}", art) for i, art in enumerate(("a1", "a2"))])
    topics = {t for (t,) in con.execute("select topic from marts.disputes").fetchall()}
    about = kwargs.get("work") or kwargs["participants"][0]
    assert topics == ({f"date of: {event_type} of {about}"} if disputed else set())


def test_a_date_of_another_participant_is_no_date_dispute(tmp_path):
    """'Acme said it would buy Brightline, its largest deal since it was
    founded in 1998': that founding names Brightline second, and is Acme's."""
    con = build(tmp_path, [
        candidate("e0", "a1", "founding", date(1998, 1, 1), "year", participants=("Acme Corp", "Brightline")),
        candidate("e1", "a2", "founding", date(2010, 1, 1), "year", participants=("Brightline",)),
    ], [claim("c-e0", "a1"), claim("c-e1", "a2")])
    assert con.execute("select topic from marts.disputes").fetchall() == []


@pytest.mark.parametrize("broken", ["backwards range", "month not on the 1st"])
def test_date_audit_catches_broken_events(tmp_path, broken):
    con = build(tmp_path, [candidate("e1", "a1", "release", date(2015, 3, 3), "day", work="X")])
    if broken == "backwards range":
        con.execute("update marts.events set date_end = date '2014-01-01'")
    else:
        con.execute("update marts.events set date_precision = 'month'")
    failed = [a.name for a in models.run_audits(con, tmp_path / "sql") if not a.passed]
    assert failed == ["events_dates_valid"]


def test_real_extraction_round_trip(tmp_path):
    """Records straight from extract_claims load and merge (field types match the SQL)."""
    from etl_gone import entities, quotes, timex
    texts = {"a1": ["The band released \u201cPaper Boats\u201d on June 4, 2010."],
             "a2": ["\u201cPaper Boats\u201d was released in 2010 and hit No. 11 on the Billboard Hot 100."]}
    all_events, all_claims = [], []
    for aid, paras in texts.items():
        index = entities.build_entities(aid, paras)
        res = claims.extract_claims(aid, paras, index, quotes.extract_quotes(aid, paras, index),
                                    timex.extract_time_expressions(aid, paras, None), None)
        all_events += res.events
        all_claims += res.claims
    con = build(tmp_path, all_events, all_claims)
    rows = events_of(con)
    assert [(r[0], r[1], r[4]) for r in rows if r[0] == "release"] == [("release", date(2010, 6, 4), 2)]
    # replace() keeps records frozen dataclasses the loader accepts
    assert replace(all_events[0], trigger="y").trigger == "y"


def test_one_days_attack_told_at_two_venues_is_one_event(tmp_path):
    """"bit Chiellini at the World Cup" / "bit Chiellini at the Dunas arena":
    an incident of one day sharing a name or a word of what happened is one,
    whatever venue each outlet names."""
    con = build(tmp_path, [
        candidate("e1", "a1", "incident", date(2014, 6, 24), "day", venue="World Cup",
                  participants=("Giorgio Chiellini",), action="bit Chiellini during the victory"),
        candidate("e2", "a2", "incident", date(2014, 6, 24), "day", venue="Dunas",
                  participants=("Giorgio Chiellini", "Natal"), action="bit Italian defender Giorgio Chiellini"),
    ])
    assert sorted(r[4] for r in events_of(con)) == [2]


@pytest.mark.parametrize("event_type, summary", [
    # where the venue frames the event it says enough; elsewhere the clause says what happened there
    ("performance", "performance: at AMAs (Taylor Swift)"),
    ("incident", "incident: performing her hits at AMAs (Taylor Swift)"),
])
def test_a_venue_frames_a_performance_but_not_an_incident(tmp_path, event_type, summary):
    con = build(tmp_path, [candidate("e1", "a1", event_type, date(2019, 11, 24), "day", venue="AMAs",
                                     participants=("Taylor Swift",), action="performing her hits at")])
    assert [r[5] for r in events_of(con)] == [summary]


def test_a_week_that_holds_the_day_of_another_report_agrees_with_it(tmp_path):
    """"last week's memorial service" (a Monday-Sunday range) and "the funeral
    ... on Friday" of that week are one event dated Friday; the week's
    source agrees with that date, for the event_sources audit too."""
    con = build(tmp_path, [
        candidate("e1", "a1", "funeral", date(2014, 1, 27), "day", end=date(2014, 2, 2),
                  participants=("James Dickman",)),
        candidate("e2", "a2", "funeral", date(2014, 1, 31), "day", participants=("James Dickman",)),
    ])
    assert [(r[1], r[4]) for r in events_of(con)] == [(date(2014, 1, 31), 2)]
    assert con.execute("select reported_date_end from marts.event_sources where candidate_id = 'e1'"
                       ).fetchall() == [(date(2014, 2, 2),)]
    assert [a.name for a in models.run_audits(con, tmp_path / "sql") if not a.passed] == []
