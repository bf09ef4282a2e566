#!/usr/bin/env python3
"""Score quote extraction on the seed articles without building a warehouse.

    .venv/bin/python bench/check_quotes_seeds.py [-v] [--gold PATH] [--seeds DIR] [--scorer PATH]

Reproduces the quote metrics of the official scorer (`score.py`,
`match_quotes` and `speaker_ok`, imported from it) by calling
`entities.build_entities` and `quotes.extract_quotes` directly. Paragraphs:
each seed is normalised, split on blank lines, and the blocks that contain a
gold `body_starts` entry are kept (what the cleaner produces); entities also
see the gold title where there is one. Every Quote row counts, as it would
in staging.quotes.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

from etl_gone import entities, quotes
from etl_gone.normalize import normalize_text

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("official_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body_paragraphs(raw: str, body_starts: list[str], norm) -> list[str]:
    text = normalize_text(raw).text
    blocks = [b.strip() for b in BLANK_LINE_RE.split(text) if b.strip()]
    return [b for b in blocks if any(norm(s) in norm(b) for s in body_starts)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.json")
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sc = load_scorer(args.scorer)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))

    q_tp = q_pred = q_gold = q_named = q_named_ok = q_spk = 0
    n_tp = n_gold = n_spk = 0
    title_fp = 0
    details: list[str] = []
    for name, g in gold["articles"].items():
        raw = (args.seeds / name).read_text(encoding="utf-8")
        paras = body_paragraphs(raw, g["body_starts"], sc.norm)
        title = g.get("title")
        index = entities.build_entities(name, ([title] if title else []) + paras, has_title=bool(title))
        found = quotes.extract_quotes(name, paras, index)
        top = [(q.quote_text, q.speaker) for q in found.quotes if q.parent_quote_id is None]
        nested = [(q.quote_text, q.speaker) for q in found.quotes if q.parent_quote_id is not None]
        titles = {sc.squash(t) for t in g.get("titles_not_quotes", [])}
        title_fp += sum(1 for t, _ in top if sc.squash(t) in titles)
        pairs, extra, missed = sc.match_quotes(top, g["quotes"], g.get("optional_quotes", []))
        q_tp += len(pairs)
        q_pred += len(pairs) + len(extra)
        q_gold += len(g["quotes"])
        q_spk += sum(sc.speaker_ok(p[1], gq["speaker"]) for gq, p in pairs)
        named = [(gq, p) for gq, p in pairs if gq["speaker"] is not None]
        q_named += len(named)
        q_named_ok += sum(sc.speaker_ok(p[1], gq["speaker"]) for gq, p in named)
        npairs, _, nmissed = sc.match_quotes(nested, g.get("nested_quotes", []), [])
        n_tp += len(npairs)
        n_gold += len(g.get("nested_quotes", []))
        n_spk += sum(sc.speaker_ok(p[1], gq["speaker"]) for gq, p in npairs)
        for gq, p in named:
            if not sc.speaker_ok(p[1], gq["speaker"]):
                details.append(f"{name}: speaker {p[1]!r} for '{gq['text'][:50]}', expected {gq['speaker']}")
        for gq, p in npairs:
            if not sc.speaker_ok(p[1], gq["speaker"]):
                details.append(f"{name}: nested speaker {p[1]!r} for '{gq['text'][:50]}', expected {gq['speaker']}")
        details += [f"{name}: quote missed: '{gq['text'][:60]}'" for gq in missed]
        details += [f"{name}: extra quote ({s}): '{t[:60]}'" for t, s in extra]
        details += [f"{name}: nested quote missed: '{gq['text'][:60]}'" for gq in nmissed]
        if args.verbose:
            print(f"== {name}: {len(paras)} paragraphs")
            for q in found.quotes:
                indent = "    " if q.parent_quote_id else "  "
                print(f"{indent}[{q.paragraph_index} {q.quote_type} {q.speaker_source}"
                      f"{'' if q.is_closed else ' UNCLOSED'}] {q.speaker!r} <- {q.speaker_mention!r}"
                      f" cue={q.cue!r} medium={q.medium!r}: {q.quote_text[:70]!r}")
            for w in found.works:
                print(f"  [title p{w.paragraph_index} {w.work_kind}] {w.title!r}")

    p, r, f = sc.prf(q_tp, q_pred, q_gold)
    _, _, e2e_f = sc.prf(q_spk, q_pred, q_gold)
    report = {
        "quote_precision": round(p, 3), "quote_recall": round(r, 3), "quote_f1": round(f, 3),
        "speaker_accuracy": round(q_named_ok / q_named, 3) if q_named else None,
        "quote_speaker_f1": round(e2e_f, 3),
        "titles_taken_as_quotes": title_fp,
        "nested_quote_recall": round(n_tp / n_gold, 3) if n_gold else None,
        "nested_speaker_accuracy": round(n_spk / n_tp, 3) if n_tp else None,
    }
    if args.json:
        print(json.dumps(report))
    else:
        for k, v in report.items():
            print(f"{k:28} {v}")
        for d in details:
            print("  - " + d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
