"""marts.events as one self-contained HTML page: a timeline for people.

Everything is inline (CSS, a small SVG overview, a few lines of optional JS):
the page opens from disk with no network. Events are grouped by year in
collapsible sections; inside a year each event is a row whose lane shows its
date at its precision (a day is a dot, a month or a year a band, a range a
bar), with its source count, single-source and dispute marks, and its
evidence sentences with their outlets in a <details>. Every event row carries
`data-event-id`. All text from the warehouse is escaped.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from pathlib import Path

import duckdb

# Above this many events the year sections start collapsed (the overview and
# the filter box lead the reader to the years that matter).
OPEN_ALL_MAX_EVENTS = 200
# Widest span of years drawn one bar per year in the overview; wider spans
# are drawn per decade, then per century.
OVERVIEW_MAX_BARS = 120
OVERVIEW_WIDTH = 1300
OVERVIEW_HEIGHT = 90
MONTH_INITIALS = "JFMAMJJASOND"
UNDATED = "undated"
PAGE_TITLE = "Events timeline"


@dataclass
class Source:
    article_id: str
    outlet: str | None
    title: str | None
    published_at: datetime | date | None
    evidence_text: str | None
    claim_id: str | None


@dataclass
class DisputeSide:
    dispute_id: str
    topic: str | None
    claimant: str | None
    claim_text: str | None
    article_id: str | None
    outlet: str | None


@dataclass
class Event:
    event_id: str
    event_type: str | None
    summary: str | None
    participants: list[str]
    event_date: date | None
    date_end: date | None
    date_precision: str | None
    source_count: int | None
    sources: list[Source] = field(default_factory=list)
    disputes: list[str] = field(default_factory=list)  # dispute ids

    @property
    def year(self) -> int | None:
        return self.event_date.year if self.event_date else None

    @property
    def sources_known(self) -> int:
        if self.source_count is not None:
            return self.source_count
        return len({s.article_id for s in self.sources})


# ---------------------------------------------------------------- reading


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for schema, table, column in con.execute("""
            select schema_name, table_name, column_name from duckdb_columns()
            where database_name = current_database()""").fetchall():
        out[f"{schema}.{table}"].add(column)
    return out


def _col(cols: set[str], name: str, alias: str, fallback: str = "null") -> str:
    return f"{alias}.{name}" if name in cols else fallback


def load_events(con: duckdb.DuckDBPyConnection) -> tuple[list[Event], dict[str, list[DisputeSide]], list[str]]:
    """(events in date order, dispute sides by dispute_id, notes about missing tables)."""
    tables = _tables(con)
    notes: list[str] = []
    if "marts.events" not in tables:
        return [], {}, ["marts.events does not exist in this warehouse: run `etl-gone run` first."]
    ev = tables["marts.events"]
    rows = con.execute(f"""
        select e.event_id, {_col(ev, 'event_type', 'e')}, {_col(ev, 'summary', 'e')},
               {_col(ev, 'participants', 'e')}, {_col(ev, 'event_date', 'e')}, {_col(ev, 'date_end', 'e')},
               {_col(ev, 'date_precision', 'e')}, {_col(ev, 'source_count', 'e')}
        from marts.events as e
        order by 5 nulls last, 6 nulls first, 3, 1""").fetchall()
    events = [Event(str(r[0]), r[1], r[2], [p for p in (r[3] or []) if p], _as_date(r[4]), _as_date(r[5]),
                    r[6], r[7]) for r in rows]
    by_id = {e.event_id: e for e in events}

    art = tables.get("staging.articles", set())
    # an article whose outlet was not found is named by its file
    outlet = f"coalesce({_col(art, 'outlet', 'a')}, {_col(art, 'source_name', 'a')})"
    title = _col(art, "title", "a")
    published = _col(art, "published_at", "a")
    article_join = "left join staging.articles as a using (article_id)" if art else ""
    if not art:
        outlet = title = published = "null"
    es = tables.get("marts.event_sources")
    if es is None:
        notes.append("marts.event_sources does not exist: evidence is not shown.")
    else:
        for r in con.execute(f"""
                select s.event_id, s.article_id, {outlet}, {title}, {published},
                       {_col(es, 'evidence_text', 's')}, {_col(es, 'claim_id', 's')}
                from marts.event_sources as s {article_join}
                order by s.event_id, 3 nulls last, s.article_id, 6""").fetchall():
            event = by_id.get(str(r[0]))
            if event is not None:
                event.sources.append(Source(str(r[1]), r[2], r[3], r[4], r[5], r[6]))

    disputes: dict[str, list[DisputeSide]] = {}
    dp = tables.get("marts.disputes")
    if dp is not None:
        sides = con.execute(f"""
            select d.dispute_id, {_col(dp, 'topic', 'd')}, {_col(dp, 'claimant', 'd')},
                   {_col(dp, 'claim_text', 'd')}, {_col(dp, 'article_id', 'd')}, {outlet},
                   {_col(dp, 'event_id', 'd')}, {_col(dp, 'claim_id', 'd')}
            from marts.disputes as d {article_join}
            order by d.dispute_id, 3 nulls first, 4""").fetchall()
        claim_events: dict[str, set[str]] = defaultdict(set)
        text_events: dict[tuple, set[str]] = defaultdict(set)
        for e in events:
            for s in e.sources:
                if s.claim_id:
                    claim_events[s.claim_id].add(e.event_id)
                if s.evidence_text:
                    text_events[(s.article_id, s.evidence_text.strip())].add(e.event_id)
        for d_id, topic, claimant, text, article_id, d_outlet, event_id, claim_id in sides:
            d_id = str(d_id)
            disputes.setdefault(d_id, []).append(DisputeSide(d_id, topic, claimant, text, article_id, d_outlet))
            # a side belongs to an event named by it, or whose evidence is its claim
            linked = {str(event_id)} if event_id else set()
            linked |= claim_events.get(claim_id, set()) if claim_id else set()
            if text:
                linked |= text_events.get((article_id, text.strip()), set())
            for eid in linked:
                if eid in by_id and d_id not in by_id[eid].disputes:
                    by_id[eid].disputes.append(d_id)
    return events, disputes, notes


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------- geometry


def _year_end(d: date) -> date:
    return date(d.year, 12, 31)


def _month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def span(event: Event) -> tuple[date, date]:
    """First and last day the event's date covers."""
    start = event.event_date
    assert start is not None
    if event.date_end and event.date_end > start:
        return start, event.date_end
    if event.date_precision == "year":
        return start, _year_end(start)
    if event.date_precision == "month":
        return start, _month_end(start)
    return start, start


def shape(event: Event) -> str:
    """How the lane draws the date: 'range', 'year', 'month' or 'day'."""
    if event.date_end and event.event_date and event.date_end > event.event_date:
        return "range"
    if event.date_precision in ("year", "month"):
        return event.date_precision
    return "day"


def lane_position(event: Event) -> tuple[float, float, bool]:
    """(left %, width %, continues past the year) of the mark within its year."""
    start, end = span(event)
    first = date(start.year, 1, 1)
    days = 366 if calendar.isleap(start.year) else 365
    continues = end.year > start.year
    last = _year_end(start) if continues else end
    left = (start - first).days / days * 100
    width = ((last - start).days + 1) / days * 100
    if shape(event) == "day":
        left = ((start - first).days + 0.5) / days * 100
        width = 0.0
    return round(left, 3), round(width, 3), continues


def date_label(event: Event) -> str:
    d = event.event_date
    if d is None:
        return "date unknown"
    precision = event.date_precision or "day"

    def fmt(x: date) -> str:
        if precision == "year":
            return str(x.year)
        if precision == "month":
            return f"{calendar.month_abbr[x.month]} {x.year}"
        return f"{x.day} {calendar.month_abbr[x.month]} {x.year}"

    if shape(event) == "range":
        end = event.date_end
        # drop what both ends share: "4–17 Sep 2023", "Oct 2016 – Aug 2021"
        if precision == "day" and (d.year, d.month) == (end.year, end.month):
            return f"{d.day}–{fmt(end)}"
        if precision == "day" and d.year == end.year:
            return f"{d.day} {calendar.month_abbr[d.month]} – {fmt(end)}"
        if precision == "month" and d.year == end.year:
            return f"{calendar.month_abbr[d.month]} – {fmt(end)}"
        return f"{fmt(d)} – {fmt(end)}"
    return fmt(d)


# ---------------------------------------------------------------- rendering


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _source_li(s: Source) -> str:
    outlet = s.outlet or s.title or s.article_id
    published = ""
    if isinstance(s.published_at, (date, datetime)):
        published = f' <span class="pub">{_e(s.published_at.strftime("%d %b %Y"))}</span>'
    tip = f' title="{_e(s.title)}"' if s.title else ""
    text = f'<q>{_e(s.evidence_text)}</q>' if s.evidence_text else '<span class="muted">(no sentence kept)</span>'
    return f'<li><span class="outlet"{tip}>{_e(outlet)}</span>{published} {text}</li>'


def _summary_text(event: Event) -> str:
    """The summary without a leading "<event type>:" (the type is shown as a tag)."""
    text = (event.summary or "").strip()
    if event.event_type:
        prefix = event.event_type.strip().lower() + ":"
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
    return text or "(no summary)"


def _side_li(side: DisputeSide) -> str:
    """One side of a dispute: who asserts what, where."""
    if side.claimant:
        who = f'<b>{_e(side.claimant)}</b>' + (f' <span class="muted">in</span> {_e(side.outlet)}' if side.outlet else "")
    else:
        who = f'<b>{_e(side.outlet or "the article")}</b> <span class="muted">(in its own voice)</span>'
    return f'<li>{who}: <q>{_e(side.claim_text)}</q></li>'


def _event_li(event: Event, disputes: dict[str, list[DisputeSide]]) -> str:
    n = event.sources_known
    kind = shape(event)
    classes = ["ev", f"p-{kind}"]
    if n <= 1:
        classes.append("single")
    if event.disputes:
        classes.append("disputed")
    if event.event_date is not None:
        left, width, continues = lane_position(event)
        style = f"left:{left}%" + (f";width:{max(width, 0.6)}%" if kind != "day" else "")
        more = '<span class="more" title="continues into a later year">▸</span>' if continues else ""
        mark_tip = f"{date_label(event)} · {event.date_precision or 'day'} precision"
        lane = (f'<div class="lane"><span class="mark {kind}" style="{style}" title="{_e(mark_tip)}"></span>'
                f'{more}</div>')
    else:
        lane = '<div class="lane none"></div>'
    badges = [f'<span class="badge src" title="distinct articles reporting it">{_e(_plural(n, "source"))}</span>']
    if n <= 1:
        badges.append('<span class="badge single" title="only one article reports this">single source</span>')
    for d_id in event.disputes:
        badges.append(f'<a class="badge dispute" href="#d-{_e(d_id)}" title="accounts disagree">disputed</a>')
    summary = _summary_text(event)
    # the participants line only when the summary does not already name them all
    named = all(p.lower() in summary.lower() for p in event.participants)
    who = (f'<div class="who">{", ".join(_e(p) for p in event.participants)}</div>'
           if event.participants and not named else "")
    evidence = "".join(_source_li(s) for s in event.sources)
    dispute_notes = ""
    for d_id in event.disputes:
        sides = disputes.get(d_id, [])
        topic = next((s.topic for s in sides if s.topic), None)
        items = "".join(_side_li(s) for s in sides)
        dispute_notes += (f'<div class="dnote"><b>Disputed{": " + _e(topic) if topic else ""}</b>'
                          f'<ul>{items}</ul></div>')
    details = ""
    if evidence or dispute_notes:
        articles = len({s.article_id for s in event.sources})
        what = _plural(len(event.sources), "sentence")
        if len(event.sources) > 1:
            what += f" from {_plural(articles, 'article')}"
        details = (f'<details class="evidence"><summary>evidence: {_e(what)}</summary>'
                   f'<ul>{evidence}</ul>{dispute_notes}</details>')
    etype = f'<span class="type">{_e(event.event_type)}</span> ' if event.event_type else ""
    return (f'<li class="{" ".join(classes)}" id="e-{_e(event.event_id)}" data-event-id="{_e(event.event_id)}">'
            f'<div class="when">{_e(date_label(event))}</div>{lane}'
            f'<div class="what"><div class="sum">{etype}{_e(summary)} '
            f'{"".join(badges)}</div>{who}{details}</div></li>')


def _year_section(key: str, events: list[Event], disputes: dict[str, list[DisputeSide]], open_: bool) -> str:
    single = sum(1 for e in events if e.sources_known <= 1)
    disputed = sum(1 for e in events if e.disputes)
    facts = [_plural(len(events), "event")]
    if single:
        facts.append(f"{single} single-source")
    if disputed:
        facts.append(f"{disputed} disputed")
    axis = "".join(f"<span>{m}</span>" for m in MONTH_INITIALS) if key != UNDATED else ""
    label = "Undated" if key == UNDATED else key
    rows = "".join(_event_li(e, disputes) for e in events)
    return (f'<details class="year" id="y{_e(key)}"{" open" if open_ else ""}>'
            f'<summary><span class="yl">{_e(label)}</span> <span class="yf">{_e(" · ".join(facts))}</span></summary>'
            f'<div class="axis"><span></span><div class="months">{axis}</div><span></span></div>'
            f'<ol class="events">{rows}</ol></details>')


def _overview_svg(by_year: dict[int, list[Event]]) -> str:
    if not by_year:
        return ""
    lo, hi = min(by_year), max(by_year)
    step = 1
    while (hi - lo) // step + 1 > OVERVIEW_MAX_BARS:
        step *= 10
    lo -= lo % step
    bins: list[tuple[int, int, int]] = []  # (first year, corroborated, single)
    for start in range(lo, hi + 1, step):
        evs = [e for y in range(start, start + step) for e in by_year.get(y, [])]
        bins.append((start, sum(1 for e in evs if e.sources_known > 1), sum(1 for e in evs if e.sources_known <= 1)))
    peak = max(c + s for _, c, s in bins) or 1
    bar_w = OVERVIEW_WIDTH / len(bins)
    plot_h = OVERVIEW_HEIGHT - 18
    parts = [f'<svg class="overview" viewBox="0 0 {OVERVIEW_WIDTH} {OVERVIEW_HEIGHT}" '
             f'width="100%" height="{OVERVIEW_HEIGHT}" preserveAspectRatio="none" role="img" '
             f'aria-label="events per {"year" if step == 1 else f"{step} years"}">']
    label_every = max(1, round(len(bins) / 24))
    for i, (start, corroborated, single) in enumerate(bins):
        x = i * bar_w
        total = corroborated + single
        name = str(start) if step == 1 else f"{start}–{start + step - 1}"
        target = next((y for y in range(start, start + step) if y in by_year), None)
        h_c = corroborated / peak * plot_h
        h_s = single / peak * plot_h
        bar = (f'<title>{_e(name)}: {_e(_plural(total, "event"))} ({single} single-source)</title>'
               f'<rect x="{x:.1f}" y="0" width="{bar_w:.1f}" height="{plot_h}" class="hit"/>'
               f'<rect x="{x + 1:.1f}" y="{plot_h - h_c:.1f}" width="{max(bar_w - 2, 1):.1f}" '
               f'height="{h_c:.1f}" class="bc"/>'
               f'<rect x="{x + 1:.1f}" y="{plot_h - h_c - h_s:.1f}" width="{max(bar_w - 2, 1):.1f}" '
               f'height="{h_s:.1f}" class="bs"/>')
        if i % label_every == 0:
            bar += (f'<text x="{x + bar_w / 2:.1f}" y="{OVERVIEW_HEIGHT - 4}" '
                    f'text-anchor="middle">{_e(name if step == 1 else start)}</text>')
        parts.append(f'<a href="#y{target}">{bar}</a>' if target is not None else f"<g>{bar}</g>")
    parts.append("</svg>")
    return "".join(parts)


def _disputes_section(disputes: dict[str, list[DisputeSide]], events: list[Event]) -> str:
    if not disputes:
        return ""
    linked: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        for d_id in e.disputes:
            linked[d_id].append(e)
    items = []
    for d_id, sides in disputes.items():
        topic = next((s.topic for s in sides if s.topic), None) or "accounts disagree"
        rows = "".join(_side_li(s) for s in sides)
        about = "".join(f'<li><a href="#e-{_e(e.event_id)}" data-goto="{_e(e.event_id)}">'
                        f'{_e(date_label(e))}: {_e(e.summary)}</a></li>' for e in linked.get(d_id, []))
        about = f'<div class="muted">events concerned:</div><ul>{about}</ul>' if about else ""
        items.append(f'<li class="dispute" id="d-{_e(d_id)}"><div class="topic">{_e(topic)}</div>'
                     f'<ul class="sides">{rows}</ul>{about}</li>')
    return (f'<section id="disputes"><h2>Disputed accounts <span class="muted">'
            f'({len(disputes)})</span></h2><ol class="disputes">{"".join(items)}</ol></section>')


CSS = """
:root{--ink:#1d2330;--muted:#667085;--line:#e4e7ec;--accent:#1f6f78;--single:#d9822b;--dispute:#c0392b;--bg:#f7f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 28px 10px}
h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:22px 0 8px}
.stats{color:var(--muted);margin-bottom:8px}.stats b{color:var(--ink)}.stats a{color:var(--dispute)}.stats a b{color:var(--dispute)}
.muted{color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:18px;align-items:center;color:var(--muted);font-size:12.5px;margin:6px 0}
.legend .lane{width:70px;display:inline-block;vertical-align:middle}
.tools{display:flex;gap:14px;align-items:center;flex-wrap:wrap;margin:8px 0 0;font-size:13px}
.tools input[type=search]{padding:5px 8px;border:1px solid #cfd4dc;border-radius:6px;width:260px;font:inherit}
.tools button{font:inherit;padding:4px 10px;border:1px solid #cfd4dc;background:#fff;border-radius:6px;cursor:pointer}
.overview{display:block;margin:8px 0 2px;background:#fff;border:1px solid var(--line);border-radius:6px}
.overview .hit{fill:transparent}.overview a:hover .hit{fill:#eef4f5}
.overview .bc{fill:var(--accent)}.overview .bs{fill:var(--single)}
.overview text{font-size:11px;fill:var(--muted)}
.ocap{font-size:12px;color:var(--muted);margin-bottom:2px}
.ocap i{display:inline-block;width:10px;height:10px;border-radius:2px;vertical-align:-1px;margin:0 3px 0 8px}
main{padding:6px 28px 40px}
.notes{color:var(--dispute)}
details.year{background:#fff;border:1px solid var(--line);border-radius:8px;margin:6px 0}
details.year[open]{margin:10px 0}
details.year>summary{cursor:pointer;padding:7px 14px;font-weight:600;list-style-position:inside}
details.year>summary .yl{font-size:17px}details.year>summary .yf{color:var(--muted);font-weight:400;margin-left:8px}
.axis,.ev{display:grid;grid-template-columns:165px 300px 1fr;gap:18px}
.ev.disputed{box-shadow:inset 3px 0 0 var(--dispute);padding-left:8px;margin-left:-8px}
.axis{padding:0 14px;color:var(--muted);font-size:11px}
.axis .months{display:grid;grid-template-columns:repeat(12,1fr)}.axis .months span{padding-left:2px;border-left:1px solid var(--line)}
ol.events{list-style:none;margin:0;padding:0 14px 6px}
.ev{padding:7px 0;border-top:1px solid #eef0f3;align-items:start}
.when{font-variant-numeric:tabular-nums;color:#344054;padding-top:1px}
.lane{position:relative;height:20px;margin-top:1px;background-color:#f3f5f8;border-radius:4px;
 background-image:linear-gradient(to right,#dde2e8 1px,transparent 1px);background-size:calc(100%/12) 100%}
.lane.none{background:repeating-linear-gradient(45deg,#f3f5f8 0 6px,#fff 6px 12px)}
.mark{position:absolute;top:5px;height:10px;background:var(--accent);border-radius:3px}
.mark.day{width:12px;height:12px;top:4px;margin-left:-6px;border-radius:50%;box-shadow:0 0 0 2px #fff}
.mark.month{opacity:.8}
.mark.year{opacity:.28;top:3px;height:14px}
.mark.range{top:7px;height:6px;border-radius:3px;box-shadow:0 0 0 1px #fff}
.single .mark{background:var(--single)}
.single .mark.day{background:#fff;border:3px solid var(--single)}
.more{position:absolute;right:-13px;top:0;color:var(--accent);font-size:14px}
.sum{font-weight:500}
.type{display:inline-block;font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
 border:1px solid var(--line);border-radius:4px;padding:0 5px;margin-right:4px;font-weight:600}
.badge{display:inline-block;font-size:11.5px;border-radius:10px;padding:0 7px;margin-left:4px;font-weight:600;text-decoration:none;white-space:nowrap}
.badge.src{background:#e6f1f2;color:var(--accent)}
.single .badge.src{background:#fdf0e3;color:#9a5a16}
.badge.single{background:#fff;color:#9a5a16;border:1px dashed var(--single)}
.badge.dispute{background:#fbe9e7;color:var(--dispute)}
.who{color:var(--muted);font-size:12.5px}
details.evidence>summary{cursor:pointer;color:var(--accent);font-size:12.5px;width:max-content}
details.evidence ul{margin:4px 0 4px;padding-left:18px}
details.evidence li{margin:2px 0}
.outlet{font-weight:600;color:#344054}.pub{color:var(--muted);font-size:12px}
q{quotes:"\\201C" "\\201D"}
.dnote{border-left:3px solid var(--dispute);padding:2px 10px;margin:6px 0;background:#fdf6f5}
.dnote ul{margin:2px 0;padding-left:18px}
ol.disputes{padding-left:20px}
li.dispute{background:#fff;border:1px solid var(--line);border-left:3px solid var(--dispute);border-radius:6px;padding:8px 12px;margin:8px 0}
li.dispute .topic{font-weight:600}
li.dispute:target{box-shadow:0 0 0 3px #f5c6c0}
.ev.hidden,.year.hidden{display:none}
.empty{padding:30px;color:var(--muted)}
"""

# Optional: the page reads fine without it (the <details> need no script).
JS = """
(function(){
  var box=document.getElementById('q'),corr=document.getElementById('corr'),disp=document.getElementById('disp');
  function apply(){
    var q=(box.value||'').toLowerCase().trim(),c=corr.checked,d=disp.checked,shown=0;
    document.querySelectorAll('details.year').forEach(function(sec){
      var n=0;
      sec.querySelectorAll('li.ev').forEach(function(li){
        var ok=(!q||li.textContent.toLowerCase().indexOf(q)>=0)&&(!c||!li.classList.contains('single'))
          &&(!d||li.classList.contains('disputed'));
        li.classList.toggle('hidden',!ok); if(ok)n++;
      });
      sec.classList.toggle('hidden',n===0); shown+=n;
      if((q||c||d)&&n>0&&n<=50)sec.open=true;
    });
    document.getElementById('shown').textContent=(q||c||d)?shown+' shown':'';
  }
  [box,corr,disp].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  document.getElementById('openall').onclick=function(){document.querySelectorAll('details.year').forEach(function(s){s.open=true;});};
  document.getElementById('closeall').onclick=function(){document.querySelectorAll('details.year').forEach(function(s){s.open=false;});};
  document.addEventListener('click',function(ev){
    var a=ev.target.closest('a[href^="#y"],a[data-goto]');if(!a)return;
    var id=a.getAttribute('data-goto'),el=id?document.querySelector('li[data-event-id="'+CSS.escape(id)+'"]'):document.querySelector(a.getAttribute('href'));
    if(!el)return; var sec=el.closest('details.year')||el; sec.open=true; if(el.tagName==='DETAILS')el.open=true;
    ev.preventDefault(); el.scrollIntoView({block:'start'});
  });
})();
"""


def _legend() -> str:
    def sample(kind: str, style: str, extra: str = "") -> str:
        return f'<span class="lane{extra}"><span class="mark {kind}" style="{style}"></span></span>'

    return ('<div class="legend">'
            f'<span>{sample("day", "left:40%")} a day</span>'
            f'<span>{sample("month", "left:33%;width:9%")} a month</span>'
            f'<span>{sample("year", "left:0;width:100%")} a year</span>'
            f'<span>{sample("range", "left:20%;width:55%")} a range</span>'
            f'<span class="single">{sample("day", "left:40%")} single source</span>'
            '<span><span class="badge dispute">disputed</span> accounts disagree</span>'
            '<span>lanes run January to December of the event’s year</span></div>')


def render_timeline(con: duckdb.DuckDBPyConnection, title: str = PAGE_TITLE) -> str:
    """The whole page, as a string: marts.events drawn as a timeline."""
    events, disputes, notes = load_events(con)
    by_year: dict[int, list[Event]] = defaultdict(list)
    undated: list[Event] = []
    for e in events:
        (by_year[e.year] if e.year is not None else undated).append(e)
    open_all = len(events) <= OPEN_ALL_MAX_EVENTS
    sections = [_year_section(str(y), by_year[y], disputes, open_all) for y in sorted(by_year)]
    if undated:
        sections.append(_year_section(UNDATED, undated, disputes, open_all))
    outlets = {s.outlet or s.article_id for e in events for s in e.sources}
    single = sum(1 for e in events if e.sources_known <= 1)
    years = f"{min(by_year)}–{max(by_year)}" if by_year else "no dated events"
    disputes_text = f'<b>{len(disputes)}</b> {"dispute" if len(disputes) == 1 else "disputes"}'
    if disputes:
        disputes_text = f'<a href="#disputes">{disputes_text}</a>'
    stats = (f'<b>{len(events)}</b> {"event" if len(events) == 1 else "events"} · '
             f'<b>{len(events) - single}</b> reported by two or more articles · '
             f'<b>{single}</b> single-source · {disputes_text} · '
             f'<b>{len(outlets)}</b> {"outlet" if len(outlets) == 1 else "outlets"} · {_e(years)}')
    note_html = "".join(f'<p class="notes">{_e(n)}</p>' for n in notes)
    body = "".join(sections) or '<div class="empty">No events in marts.events.</div>'
    hint = "" if open_all else ('<p class="muted">Many events: years start collapsed. Click a bar of the '
                                'overview or a year to open it, or filter.</p>')
    caption = ('<div class="ocap">events per year:<i style="background:var(--accent)"></i>two or more sources'
               '<i style="background:var(--single)"></i>single source · click a bar to open its year</div>'
               if by_year else "")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><div class=\"stats\">{stats}</div>{_legend()}"
        "<div class=\"tools\"><input type=\"search\" id=\"q\" placeholder=\"filter: name, word, outlet…\">"
        "<label><input type=\"checkbox\" id=\"corr\"> two or more sources</label>"
        "<label><input type=\"checkbox\" id=\"disp\"> disputed only</label>"
        "<button type=\"button\" id=\"openall\">open all years</button>"
        "<button type=\"button\" id=\"closeall\">close all</button><span id=\"shown\" class=\"muted\"></span></div>"
        f"{_overview_svg(by_year)}{caption}</header>"
        f"<main>{note_html}{hint}{body}{_disputes_section(disputes, events)}</main>"
        f"<script>{JS}</script></body></html>\n")


def write_timeline(warehouse_path: str | Path, out_path: str | Path) -> Path:
    """Render the timeline of a warehouse file (opened read-only) to out_path."""
    from etl_gone.warehouse import connect_reader

    con = connect_reader(warehouse_path)
    try:
        page = render_timeline(con)
    finally:
        con.close()
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
