"""Scratch bench for claims + the events SQL: parse the seeds, build a scratch
DuckDB with the staging tables the SQL reads, run the models, score events
and disputes with the official scorer's functions.

    .venv/bin/python bench/claims_bench.py [--show]
"""
from __future__ import annotations

import dataclasses
import glob
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

from etl_gone import claims, entities, textclean, timex
from etl_gone.load import column_types, to_arrow
from etl_gone.models import build_models, run_audits

ROOT = Path(__file__).resolve().parents[1]
SEEDS = "/work/shared/seeds"
MY_SQL = ["intermediate/event_*.sql", "marts/events.sql", "marts/event_sources.sql", "marts/disputes.sql",
          "marts/facts.sql", "tests/events_*.sql", "intermediate/claim_*.sql"]

try:
    from etl_gone import quotes as quotes_mod
except ImportError:
    quotes_mod = None


@dataclasses.dataclass(frozen=True)
class StubQuote:
    quote_id: str
    paragraph_index: int
    char_start: int
    char_end: int
    quote_text: str
    speaker: str | None
    parent_quote_id: str | None = None


@dataclasses.dataclass(frozen=True)
class StubWork:
    paragraph_index: int
    char_start: int
    char_end: int
    title: str


@dataclasses.dataclass
class StubResult:
    quotes: list
    works: list


QUOTE_RE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]|(?<![\w])['\u2018]([A-Z][^'\u2018\u2019]{0,40}?)['\u2019](?![\w])")


def stub_quotes(paragraphs, index):
    qs, ws = [], []
    for i, p in enumerate(paragraphs):
        for m in QUOTE_RE.finditer(p):
            g = 1 if m.group(1) is not None else 2
            text = m.group(g)
            s, e = m.start(g), m.end(g)
            if len(text.split()) <= 6 and text.strip(" ,.")[:1].isupper() and not re.search(r"\b(I|I'm|we|you)\b", text):
                ws.append(StubWork(i, s, e, text.strip(" ,.")))
            elif g == 1:
                ms = [x for x in index.find_mentions(p) if x.kind == "person"]
                after = [x for x in ms if x.start >= e and x.start - e < 40]
                before = [x for x in ms if x.end <= s]
                spk = after[0].canonical if after else (before[-1].canonical if before else None)
                qs.append(StubQuote(f"q{i}_{s}", i, s, e, text, spk))
    return StubResult(qs, ws)


def parse_seeds():
    rows = {"articles": [], "claims": [], "events": []}
    for path in sorted(glob.glob(f"{SEEDS}/*.txt")):
        name = Path(path).name
        aid = name[:3]
        doc = textclean.clean_plain_text(Path(path).read_text())
        body = [b.text for b in doc.body]
        pub = doc.published_at.date() if doc.published_at else None
        index = entities.build_entities(aid, ([doc.title] if doc.title else []) + body, has_title=bool(doc.title))
        found = quotes_mod.extract_quotes(aid, body, index) if quotes_mod else stub_quotes(body, index)
        times = timex.extract_time_expressions(aid, body, pub)
        res = claims.extract_claims(aid, body, index, found, times, pub)
        if "--captions" in sys.argv:
            captions = [b.text for b in doc.blocks if b.label == "caption"]
            ctimes = timex.extract_time_expressions(aid, captions, pub)
            empty = quotes_mod.QuoteResult() if quotes_mod else StubResult([], [])
            extra = claims.extract_claims(aid, captions, index, empty, ctimes, pub, block="caption")
            rows["claims"] += extra.claims
            rows["events"] += extra.events
        rows["articles"].append((aid, name, doc.title, doc.outlet, doc.published_at))
        rows["claims"] += res.claims
        rows["events"] += res.events
    return rows


def build(rows, db=":memory:"):
    con = duckdb.connect(db)
    for s in ("raw", "staging"):
        con.execute(f"create schema if not exists {s}")
    con.execute("create table raw.articles(article_id varchar, source_name varchar)")
    con.executemany("insert into raw.articles values (?, ?)", [(a, n) for a, n, *_ in rows["articles"]])
    con.execute("create table staging.articles(article_id varchar, source_name varchar, title varchar, "
                "outlet varchar, published_at timestamp)")
    con.executemany("insert into staging.articles values (?, ?, ?, ?, ?)", rows["articles"])
    for table, cls, recs in (("claims", claims.Claim, rows["claims"]),
                             ("event_candidates", claims.EventCandidate, rows["events"])):
        arrow = to_arrow(recs, cls)  # noqa: F841
        con.execute(f"create table staging.{table} as select * from arrow")
    tmp = Path(tempfile.mkdtemp())
    for pattern in MY_SQL:
        for f in (ROOT / "sql").glob(pattern):
            dest = tmp / f.relative_to(ROOT / "sql")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
    for layer in ("staging", "intermediate", "marts", "tests"):
        (tmp / layer).mkdir(exist_ok=True)
    build_models(con, tmp)
    audits = run_audits(con, tmp)
    shutil.rmtree(tmp)
    return con, audits


def score(con):
    spec = importlib.util.spec_from_file_location("score", "/work/shared/eval/score.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    gold = json.load(open("/work/shared/gold/seeds.json"))
    gold["articles"] = {}
    report = {}
    sc.score_events(con, gold, report, True)
    sc.score_disputes(con, gold, report, True)
    return report


if __name__ == "__main__":
    rows = parse_seeds()
    show = "--show" in sys.argv
    if show:
        for c in rows["claims"]:
            print(f"C {c.article_id}/{c.paragraph_index} [{c.claim_kind}:{c.claimant}] pred={c.predicate} "
                  f"subj={c.subject} obj={c.object} work={c.work_title} n={c.number} chart={c.chart} "
                  f"t={c.time_value} topic={c.topic} :: {c.claim_text[:90]}")
        for e in rows["events"]:
            print(f"E {e.article_id}/{e.paragraph_index} {e.event_type:13} {e.trigger!r:16} work={e.work_title} "
                  f"cont={e.container_title} venue={e.venue} parts={list(e.participants)} "
                  f"date={e.event_date}..{e.date_end} {e.date_precision} {e.date_status} {e.time_text!r}")
    con, audits = build(rows)
    for a in audits:
        print("AUDIT", a.name, "ok" if a.passed else f"FAILED {a.violation_count} {a.sample[:3]}")
    if "--marts" in sys.argv:
        for t in ("marts.events", "marts.disputes", "marts.facts"):
            try:
                rel = con.execute(f"select * from {t}")
                cols = [d[0] for d in rel.description]
                print("==", t)
                for row in rel.fetchall():
                    print("  ", {k: v for k, v in zip(cols, row) if v is not None})
            except Exception as exc:  # noqa: BLE001
                print(t, exc)
    report = score(con)
    print(json.dumps(report, indent=1))
