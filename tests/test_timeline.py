"""The HTML timeline: every event drawn at its precision, evidence and
disputes shown, text escaped, nothing fetched from the network, and it holds
up with thousands of events."""
from __future__ import annotations

from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from etl_gone import timeline

CONTRACT_DDL = """
create schema staging; create schema marts;
create table staging.articles (article_id varchar, source_name varchar, title varchar, outlet varchar,
                               published_at timestamp);
create table marts.events (event_id varchar, event_type varchar, summary varchar, participants varchar[],
                           event_date date, date_end date, date_precision varchar, source_count integer);
create table marts.event_sources (event_id varchar, article_id varchar, claim_id varchar, evidence_text varchar);
create table marts.disputes (dispute_id varchar, topic varchar, claimant varchar, claim_text varchar,
                             article_id varchar, claim_id varchar);
"""
ARTICLES = [
    ("a1", "a1.txt", "Council passes budget", "The Ledger", "2024-03-01 09:00"),
    ("a2", "a2.txt", "Budget fight", "Harbour Herald", "2024-03-02 10:00"),
    ("a3", "a3.html", None, None, None),  # an outlet the cleaner did not find
]
# (event_id, type, summary, participants, date, end, precision, source_count)
EVENTS = [
    ("vote", "vote", "The council passed the budget 7-4", ["Dana Ortiz", "City Council"],
     "2023-07-02", None, "day", 2),
    ("hire", "appointment", "Lee Park named club coach", ["Lee Park"], "2022-05-01", None, "month", 1),
    ("found", "founding", "Harbour trust founded", [], "2019-01-01", None, "year", 1),
    ("term", "tenure", "Ortiz served as mayor", ["Dana Ortiz"], "2016-10-01", "2021-08-31", "month", 2),
    ("strike", "strike", "Drivers' strike", ["Transit Union"], "2023-09-04", "2023-09-17", "day", 1),
    ("xss", "scandal", "<script>alert('x')</script> & \"friends\"", ["<b>Bold</b>"], "2020-02-29", None, "day", 1),
    ('odd"id<1>', "merger", "Acme buys Globex", ["Acme", "Globex"], "2023-11-01", None, "month", 1),
    ("nodate", "resignation", "Finance chief resigned", ["Sam Roe"], None, None, None, 1),
]
SOURCES = [
    ("vote", "a1", "c1", "Councillors passed the budget 7-4 on Sunday."),
    ("vote", "a2", "c2", "The budget passed on Sunday, the mayor said."),
    ("hire", "a2", "c3", "Park was named coach in May 2022."),
    ("found", "a3", "c4", "The trust was founded in 2019."),
    ("term", "a1", "c5", "Ortiz was mayor from October 2016 to August 2021."),
    ("term", "a2", "c6", "Ortiz led the city for five years."),
    ("strike", "a1", "c7", "Drivers walked out from 4 to 17 September."),
    ("xss", "a1", "c8", "It began <img src=x onerror=alert(1)> on 29 February."),
    ('odd"id<1>', "a2", "c9", "Acme agreed in November to buy Globex."),
    ("nodate", "a3", "c10", "The finance chief has resigned."),
]
DISPUTES = [
    ("d1", "the budget vote", "Dana Ortiz", "The budget passed unanimously.", "a2", "c2"),
    ("d1", "the budget vote", None, "Councillors passed the budget 7-4 on Sunday.", "a1", "c1"),
]


def contract_db(events=EVENTS, sources=SOURCES, disputes=DISPUTES) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(CONTRACT_DDL)
    con.executemany("insert into staging.articles values (?, ?, ?, ?, ?)", ARTICLES)
    if events:
        con.executemany("insert into marts.events values (?, ?, ?, ?, ?, ?, ?, ?)", events)
    if sources:
        con.executemany("insert into marts.event_sources values (?, ?, ?, ?)", sources)
    if disputes:
        con.executemany("insert into marts.disputes values (?, ?, ?, ?, ?, ?)", disputes)
    return con


class Page(HTMLParser):
    """Elements by data-event-id, with every tag and text inside each event."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.events: dict[str, dict] = {}
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        current = self.stack[-1][1] if self.stack else None
        eid = attrs.get("data-event-id")
        if eid is not None:
            assert eid not in self.events, f"two elements for event {eid}"
            self.events[eid] = {"classes": set(attrs.get("class", "").split()), "text": [], "tags": []}
            current = eid
        if current is not None:
            self.events[current]["tags"].append((tag, attrs))
        self._in_script = tag == "script"
        if tag not in ("meta", "input", "br", "img", "link", "rect", "circle", "path", "line"):
            self.stack.append((tag, current))

    def handle_endtag(self, tag):
        self._in_script = False
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        if self.stack and self.stack[-1][1] is not None:
            self.events[self.stack[-1][1]]["text"].append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def text_of(page: Page, eid: str) -> str:
    return " ".join("".join(page.events[eid]["text"]).split())


def mark_of(page: Page, eid: str) -> dict:
    marks = [a for t, a in page.events[eid]["tags"] if "mark" in a.get("class", "").split()]
    assert len(marks) == 1, f"event {eid} should have one mark, has {len(marks)}"
    return marks[0]


@pytest.fixture(scope="module")
def page() -> Page:
    con = contract_db()
    html = timeline.render_timeline(con)
    con.close()
    return parse(html)


@pytest.fixture(scope="module")
def raw_html() -> str:
    con = contract_db()
    try:
        return timeline.render_timeline(con)
    finally:
        con.close()


def test_every_event_has_one_element(page):
    assert set(page.events) == {e[0] for e in EVENTS}


@pytest.mark.parametrize("eid, shape", [
    ("vote", "day"), ("hire", "month"), ("found", "year"), ("term", "range"), ("strike", "range"),
])
def test_precision_is_drawn(page, eid, shape):
    assert shape in mark_of(page, eid)["class"].split()


@pytest.mark.parametrize("eid, left, width", [
    ("vote", (182 + 0.5) / 365 * 100, None),  # 2 July: a point in the middle of the year
    ("hire", 120 / 365 * 100, 31 / 365 * 100),  # May 2022
    ("found", 0.0, 100.0),  # the whole of 2019
    ("strike", 246 / 365 * 100, 14 / 365 * 100),  # 4-17 September 2023
])
def test_marks_sit_at_their_dates(page, eid, left, width):
    style = dict(part.split(":") for part in mark_of(page, eid)["style"].split(";"))
    assert float(style["left"].rstrip("%")) == pytest.approx(left, abs=0.01)
    if width is None:
        assert "width" not in style
    else:
        assert float(style["width"].rstrip("%")) == pytest.approx(width, abs=0.01)


def test_range_into_later_years_is_marked_as_continuing(page):
    classes = [set(a.get("class", "").split()) for t, a in page.events["term"]["tags"]]
    assert {"more"} in classes
    assert "Oct 2016 – Aug 2021" in text_of(page, "term")


@pytest.mark.parametrize("eid, sources, single", [
    ("vote", "2 sources", False), ("term", "2 sources", False), ("hire", "1 source", True), ("nodate", "1 source", True),
])
def test_source_count_and_single_source_mark(page, eid, sources, single):
    text = text_of(page, eid)
    assert sources in text
    assert ("single" in page.events[eid]["classes"]) is single
    assert ("single source" in text) is single


def test_evidence_with_outlets_in_a_details(page):
    tags = [t for t, _ in page.events["vote"]["tags"]]
    assert "details" in tags and "summary" in tags
    text = text_of(page, "vote")
    assert "Councillors passed the budget 7-4 on Sunday." in text and "The Ledger" in text
    assert "The budget passed on Sunday, the mayor said." in text and "Harbour Herald" in text
    # no outlet found: the article is named by its file
    assert "a3.html" in text_of(page, "found")


def test_dispute_marks_its_event_and_lists_both_sides(page, raw_html):
    assert "disputed" in page.events["vote"]["classes"]
    assert "disputed" not in page.events["term"]["classes"]
    vote = text_of(page, "vote")
    assert "The budget passed unanimously." in vote and "Dana Ortiz" in vote
    assert 'id="d-d1"' in raw_html and "the budget vote" in raw_html


def test_undated_event_is_listed_apart(page, raw_html):
    assert "date unknown" in text_of(page, "nodate")
    assert 'id="yundated"' in raw_html


def test_text_is_escaped(page, raw_html):
    assert "<script>alert('x')</script>" in text_of(page, "xss")  # shown as text
    assert "<img" in text_of(page, "xss")
    assert all(t != "img" for t, _ in page.tags)
    assert raw_html.count("<script>") == 1  # ours only
    assert "&lt;b&gt;Bold&lt;/b&gt;" in raw_html
    assert 'odd"id<1>' in page.events


def test_page_is_self_contained(page, raw_html):
    for tag, attrs in page.tags:
        for attr in ("src", "href", "action", "data"):
            value = attrs.get(attr) or ""
            assert not value.startswith(("http:", "https:", "//")), f"{tag} {attr}={value}"
        assert tag not in ("link", "iframe", "img", "object", "embed")
    assert "@import" not in raw_html and "url(" not in raw_html
    assert "<svg" in raw_html and "<style>" in raw_html


@pytest.mark.parametrize("event, label", [
    (("x", None, None, [], "2014-05-11", None, "day", 1), "11 May 2014"),
    (("x", None, None, [], "2001-09-01", None, "month", 1), "Sep 2001"),
    (("x", None, None, [], "2001-01-01", None, "year", 1), "2001"),
    (("x", None, None, [], "2000-10-01", "2001-08-31", "month", 1), "Oct 2000 – Aug 2001"),
    (("x", None, None, [], "2001-01-01", "2001-04-30", "month", 1), "Jan – Apr 2001"),
    (("x", None, None, [], "2023-09-04", "2023-09-17", "day", 1), "4–17 Sep 2023"),
    (("x", None, None, [], "2023-09-28", "2023-10-02", "day", 1), "28 Sep – 2 Oct 2023"),
    (("x", None, None, [], "2004-01-01", "2006-12-31", "year", 1), "2004 – 2006"),
    (("x", None, None, [], None, None, None, 1), "date unknown"),
])
def test_date_labels(event, label):
    e = timeline.Event(*event[:4], date.fromisoformat(event[4]) if event[4] else None,
                       date.fromisoformat(event[5]) if event[5] else None, event[6], event[7])
    assert timeline.date_label(e) == label


def test_missing_tables_give_a_page_not_a_crash():
    con = duckdb.connect()
    html = timeline.render_timeline(con)
    assert "marts.events does not exist" in html
    con.execute("create schema marts")
    con.execute("create table marts.events (event_id varchar, event_type varchar, summary varchar, "
                "participants varchar[], event_date date, date_end date, date_precision varchar, "
                "source_count integer)")
    con.execute("insert into marts.events values ('e', 'vote', 'A vote', ['X'], '2020-01-05', null, 'day', 1)")
    page = parse(timeline.render_timeline(con))
    assert set(page.events) == {"e"}


def test_two_thousand_events_stay_readable():
    # the page's speed is bench/bench_large_inputs.py's to check
    con = contract_db([], [], [])
    # 2,000 events over 30 years, days, months and years in turn
    con.execute("""
        insert into marts.events
        select 'e' || i, 'vote', 'Event ' || i, ['P'],
               case i % 3 when 0 then d when 1 then date_trunc('month', d)::date else date_trunc('year', d)::date end,
               null, ['day', 'month', 'year'][i % 3 + 1], 1 + i % 3
        from (select i, date '1990-01-01' + cast((i * 97) % (30 * 365) as integer) as d from range(2000) t(i))""")
    con.execute("insert into marts.event_sources select 'e' || i, 'a1', 'c' || i, 'Sentence ' || i || '.' "
                "from range(2000) t(i)")
    events = [(f"e{i}",) for i in range(2000)]
    html = timeline.render_timeline(con)
    page = parse(html)
    assert set(page.events) == {e[0] for e in events}
    years = [a for t, a in page.tags if t == "details" and "year" in a.get("class", "").split()]
    assert len(years) == 30
    assert not any("open" in a for a in years), "with thousands of events the years start collapsed"
    links = {a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#y")}
    assert len(links) == 30, "the overview links to every year"


def test_few_events_open_every_year(page):
    years = [a for t, a in page.tags if t == "details" and "year" in a.get("class", "").split()]
    assert years and all("open" in a for a in years)


# ---- against a warehouse built by the pipeline from the bundled sample ----


def build_sample_warehouse(path: Path) -> Path:
    from etl_gone import pipeline
    from etl_gone.warehouse import sample_dir

    pipeline.run_without_prefect(sample_dir(), path, lock_wait_seconds=0)
    return path


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory) -> Path:
    return build_sample_warehouse(tmp_path_factory.mktemp("timeline") / "sample.duckdb")


def test_sample_timeline_has_every_event_of_the_mart(sample_warehouse, tmp_path):
    out = timeline.write_timeline(sample_warehouse, tmp_path / "out" / "timeline.html")
    page = parse(out.read_text(encoding="utf-8"))
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        ids = {r[0] for r in con.execute("select event_id from marts.events").fetchall()}
        evidence = con.execute("select event_id, evidence_text from marts.event_sources "
                               "where evidence_text is not null limit 5").fetchall()
    assert ids, "the sample should yield events"
    assert set(page.events) == ids
    for eid, text in evidence:
        assert " ".join(text.split()) in text_of(page, eid)
