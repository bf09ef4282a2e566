"""End to end on news stories of other kinds than the sample's.

Each folder of tests/data/stories holds two or three outlets' accounts of
one made-up story, written the way news of that kind is written (a court
verdict, a takeover, a fire, an election, a shooting, a match, two songwriting
feuds, an obituary, a storm, a treaty, a product launch, a protest, an
earthquake, a plane crash, a study, a policy U-turn, a live blog, a discovery), plus three
single pages: a council meeting full of quotations, and one local news page
copied as text and as HTML with its menus, captions and comment box. The
pipeline runs on each folder without Prefect, and the tables are checked
against what a reader of the story finds in it: the events with their dates
and how many outlets tell them, the disputes with their sides, speakers, and
the page's metadata and body. An event is found as the scorer finds one: its
type, its date, and each term in its summary or participants.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl_gone import pipeline

STORIES = Path(__file__).parent / "data" / "stories"

# (type, first day, least number of outlets, terms of its summary or participants)
EVENTS = {
    "court": [("investigation", "2018-02-27", 1, ["City Hall"]),
              ("resignation", "2018-03-01", 2, ["Paul Dresner"]),
              ("verdict", "2021-06-11", 2, ["Paul Dresner"]),
              ("lawsuit", "2021-06-12", 1, ["appeal"])],
    "biz": [("acquisition", "2022-08-02", 2, ["Orion Foods", "Pella Snacks"]),
            ("appointment", "2019-01-01", 1, ["Sandra Voss"]),
            ("decision", "2017-01-01", 1, ["Federal Trade Commission"])],
    "fire": [("incident", "2020-03-03", 3, ["Brightline Logistics"]),
             ("acquisition", "2015-01-01", 3, ["Brightline Logistics"]),
             ("meeting", "2020-03-04", 2, ["Ana Ortiz"])],
    "elect": [("election", "2020-11-03", 2, ["Elena Marquez"]),
              ("election", "2012-01-01", 2, ["Tom Hale"])],
    "crime": [("death", "2021-10-10", 2, ["Marcus Bell"]),
              ("arrest", "2021-10-10", 2, ["Darnell Price"])],
    "sport": [("victory", "2022-05-14", 2, ["Harbour United", "Rivertown"]),
              ("appointment", "2019-01-01", 1, ["Petra Sol"])],
    "feud": [("writing", "2014-06-01", 2, ["Dex Malone", "Nova Reyes"]),
             ("release", "2015-04-01", 1, ["Paper Moon"]),
             ("nomination", "2016-01-01", 1, ["Nova Reyes"])],
    "feud2": [("release", "2021-10-08", 2, ["Glass Houses"]),
              ("award", "2022-04-01", 1, ["Glass Houses"])],
    "obit": [("birth", "1931-03-03", 2, ["Ruth Calder"]),
             ("marriage", "1958-01-01", 1, ["Ruth Calder", "Erik Lund"]),
             ("award", "1980-01-01", 1, ["Stirling Prize"]),
             ("award", "2004-01-01", 2, ["Royal Gold Medal", "Ruth Calder"]),
             ("death", "2022-07-06", 2, ["Ruth Calder"])],
    "storm": [("incident", "2022-09-28", 2, ["Port Oriel"]),
              ("decision", "2022-09-26", 2, ["Ray Mills"]),
              ("decision", "2022-09-29", 1, ["Alan Brooks"])],
    "diplo": [("signing", "2023-06-14", 2, ["Latvia", "Lithuania", "Estonia"])],
    "tech": [("launch", "2023-10-03", 2, ["Zentra Fold"]),
             ("founding", "2009-01-01", 1, ["Mira Tan", "Eli Brandt"]),
             ("resignation", "2016-01-01", 1, ["Eli Brandt"])],
    "protest": [("protest", "2023-03-11", 2, ["Port Alden"])],
    "quake": [("incident", "2023-04-05", 2, ["Veldra"])],
    "crash": [("incident", "2024-01-15", 2, ["Lakeview Regional Airport"]),
              ("investigation", "2024-01-16", 1, ["National Transportation Safety Board"])],
    "study": [("release", "2024-09-10", 2, ["study"])],
    "policy": [("cancellation", "2024-02-08", 1, ["hospitals"]),
               ("launch", "2024-01-18", 1, ["plan"]),
               ("protest", "2024-02-01", 2, ["Kelby General Hospital"])],
    "live": [("incident", "2023-07-18", 2, ["Highway 9"]),
             ("decision", "2023-07-19", 2, ["Ana Duarte"])],
    "space": [("discovery", "2024-03-14", 2, ["water vapour"])],
}

# each dispute: its sides as (claimant or None for the article's voice, words of its claim)
DISPUTES = {
    "court": [[(None, "$200,000"), ("Paul Dresner", "denied taking any money")]],
    "biz": [[("Raj Mehta", "overpaying"), ("Orion Foods", "disputed that view")],
            [("Orion Foods", "no plans to close"), ("Jo Barnes", "move to Ohio")]],
    "elect": [[("Tom Hale", "accused Marquez"), ("Elena Marquez", "denied the accusation")]],
    "feud": [[("Dex Malone", "co-wrote"), ("Nova Reyes", "contradicting")],
             [("Nova Reyes", "by herself"), ("Dex Malone", "rejected")],
             [(None, "No. 3"), (None, "No. 2")]],
    "feud2": [[("Mara Quinn", "inspired her 2021 album"), ("Ivan Cole", "death of Quinn's father")],
              [(None, "No. 1"), (None, "No. 2")]],
    "storm": [[(None, "at least 12"), (None, "At least 17")]],
    "quake": [[("Pavel Brek", "poor construction"), ("Ivan Rusk", "too strong")]],
    "crash": [[("Joan Pike", "engine trouble"), ("Eric Weiss", "too early to say")]],
}

# (the first words of a quotation, its speaker)
QUOTES = {
    "quotes": [("We owe it to taxpayers", "Alma Ortiz"), ("Every month we wait", "Frank Dunn"),
               ("This stadium is a giveaway", "Greg Hall"), ("We need schools", "Greg Hall"),
               ("I'm not against a stadium", "Alma Ortiz")],
    "crime": [("This was a senseless act", "Linda Carr"), ("He feared for his life", "Sam Whitley"),
              ("Marcus was the guy", "Tina Lowe")],
}

# the local news page as text and as HTML: (title, outlet, author, day, furniture that is not body)
PAGES = {
    "messy": ("Bridge reopens two years after collapse", "Millbrook Times", "Dana Cole", "2023-08-14"),
    "html": ("Bridge reopens two years after collapse", "Millbrook Times", "Dana Cole", "2023-08-14"),
}
PAGE_FURNITURE = ["News | Local", "Crews work on the Millbrook Bridge", "Related", "Sign up for our",
                  "Contact her at", "Your email address will not be published", "All rights reserved",
                  "Repairs cost $48 million, more than double the first estimate\n"]
PAGE_BODY_START = "The Millbrook Bridge reopened to traffic on Monday"


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    """One warehouse per story folder, built on first use."""
    built: dict[str, duckdb.DuckDBPyConnection] = {}

    def get(name: str) -> duckdb.DuckDBPyConnection:
        if name not in built:
            wh = tmp_path_factory.mktemp(name) / "w.duckdb"
            pipeline.run_without_prefect(STORIES / name, wh, lock_wait_seconds=0, processes=1)
            built[name] = duckdb.connect(str(wh), read_only=True)
        return built[name]

    yield get
    for con in built.values():
        con.close()


def _found(rows: list[tuple], event_type: str, day: str, outlets: int, terms: list[str]) -> bool:
    for r_type, r_day, r_count, r_text in rows:
        if r_type == event_type and r_day == day and r_count >= outlets \
                and all(t.lower() in r_text.lower() for t in terms):
            return True
    return False


@pytest.mark.parametrize("story, event", [(s, e) for s, events in EVENTS.items() for e in events],
                         ids=lambda v: v if isinstance(v, str) else f"{v[0]}-{v[1]}")
def test_each_story_tells_its_events(warehouses, story, event):
    rows = warehouses(story).execute(
        "select event_type, cast(event_date as varchar), source_count, "
        "summary || ' ' || array_to_string(participants, ' ') from marts.events").fetchall()
    assert _found(rows, *event), sorted(rows)


@pytest.mark.parametrize("story, sides", [(s, d) for s, ds in DISPUTES.items() for d in ds],
                         ids=lambda v: v if isinstance(v, str) else "/".join(str(c) for c, _ in v))
def test_each_story_shows_where_accounts_disagree(warehouses, story, sides):
    # (a side in the article's own voice names its outlet as claimant: None here)
    rows = warehouses(story).execute("select dispute_id, if(claim_kind = 'outlet_voice', null, claimant), "
                                     "claim_text from marts.disputes").fetchall()
    by_dispute: dict[str, list[tuple]] = {}
    for dispute_id, claimant, text in rows:
        by_dispute.setdefault(dispute_id, []).append((claimant, text))
    assert any(all(any(c == claimant and words in text for c, text in found) for claimant, words in sides)
               for found in by_dispute.values()), rows


@pytest.mark.parametrize("story, quote", [(s, q) for s, qs in QUOTES.items() for q in qs],
                         ids=lambda v: v if isinstance(v, str) else v[0][:20])
def test_each_quotation_has_its_speaker(warehouses, story, quote):
    words, speaker = quote
    rows = warehouses(story).execute("select quote_text, speaker from staging.quotes").fetchall()
    assert [s for text, s in rows if text.startswith(words)] == [speaker], rows


@pytest.mark.parametrize("story", sorted(PAGES))
def test_a_local_news_page_keeps_its_story_and_drops_its_furniture(warehouses, story):
    con = warehouses(story)
    title, outlet, author, day = PAGES[story]
    assert con.execute("select title, outlet, author, cast(published_at as date)::varchar "
                       "from staging.articles").fetchall() == [(title, outlet, author, day)]
    paragraphs = [t for (t,) in con.execute("select text from staging.paragraphs order by paragraph_index")
                  .fetchall()]
    assert paragraphs[0].startswith(PAGE_BODY_START) and len(paragraphs) == 5
    body = "\n".join(paragraphs) + "\n"
    assert [f for f in PAGE_FURNITURE if f in body] == []
