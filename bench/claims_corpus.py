"""Run claims over the aeb_dev reference bodies: timing, never-raise, and a
sample of events/claims from news that is not the sample story.

    .venv/bin/python bench/claims_corpus.py [N_SHOWN]
"""
import json
import sys
import time

from etl_gone import claims, entities, quotes, timex

bodies = json.load(open("/work/shared/corpora/aeb_dev/bodies.json"))
shown = int(sys.argv[1]) if len(sys.argv) > 1 else 40
total = 0.0
n_claims = n_events = 0
events = []
reported = []
for name, body in sorted(bodies.items()):
    paras = [p for p in body.split("\n\n") if p.strip()]
    index = entities.build_entities(name, paras)
    found = quotes.extract_quotes(name, paras, index)
    times = timex.extract_time_expressions(name, paras, None)
    t0 = time.perf_counter()
    res = claims.extract_claims(name, paras, index, found, times, None)
    total += time.perf_counter() - t0
    n_claims += len(res.claims)
    n_events += len(res.events)
    for c in res.claims:
        assert 0 <= c.char_start <= c.char_end <= len(paras[c.paragraph_index])
        assert paras[c.paragraph_index][c.char_start:c.char_end] == c.claim_text
        if c.claim_kind == "reported":
            reported.append((name, c))
    events += [(name, e) for e in res.events if e.event_date]
print(f"{len(bodies)} pages, {n_claims} claims, {n_events} candidates, {sum(1 for _ in events)} dated; "
      f"claims time {total:.2f}s")
for name, e in events[:shown]:
    print(f"E {name[:8]} {e.event_type:13} {e.trigger!r:18} work={e.work_title} venue={e.venue} "
          f"parts={list(e.participants)[:3]} {e.event_date} {e.date_precision} {e.time_text!r} :: {e.evidence_text[:110]}")
for name, c in reported[:shown // 2]:
    print(f"R {name[:8]} [{c.claimant}] pred={c.predicate} :: {c.claim_text[:120]}")
