#!/usr/bin/env python3
"""Quotes, speakers and metadata on real pages of other stories (dev tool).

    .venv/bin/python bench/check_quotes_aeb.py [-v]

The sample's four articles are one story; the hidden checks use others. This
scores the parser against `bench/data/quotes_aeb40.json`: the quotations,
speakers, nested quotations and metadata of 40 English pages of
../shared/corpora/aeb_dev, annotated by hand from the reference bodies and
the pages (how: `bench/data/quotes_aeb40_GUIDE.md`). It runs the pipeline
twice, without Prefect, into a temporary folder:

- on the HTML pages as served (body extraction, metadata, quotes);
- on the reference bodies as plain text (quotes alone, whatever the body
  extraction does).

and scores each warehouse with the official scorer (../shared/eval/score.py).
Tune nothing to single pages: fix the shape of English a miss shows.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from shared_reference import (AEB_BODIES, AEB_SOURCE, ROOT, dev_scorer_parser, score_json, score_text,
                              shared_tree_missing)

sys.path.insert(0, str(ROOT / "src"))

from etl_gone import pipeline  # noqa: E402

REFERENCE = ROOT / "bench" / "data" / "quotes_aeb40.json"
HEADLINE_KEYS = ("articles_found", "metadata_accuracy", "quote_precision", "quote_recall", "quote_f1",
                 "speaker_accuracy", "quote_speaker_f1", "titles_taken_as_quotes", "nested_quote_recall",
                 "nested_speaker_accuracy")


def text_reference(reference: dict) -> dict:
    """The same reference for the bodies as text files: named <page>.txt, no metadata."""
    articles = {}
    for name, gold in reference["articles"].items():
        articles[name.removesuffix(".html.gz") + ".txt"] = {**gold, "title": None, "published": None,
                                                             "outlet": None}
    return {**reference, "articles": articles}


def score(warehouse: Path, gold: Path, verbose: bool) -> dict:
    if verbose:  # the scorer lists its misses only in its text form
        print("\n".join(line for line in score_text(warehouse, gold, True).splitlines() if line.startswith("  - ")))
    return score_json(warehouse, gold)


def main() -> int:
    ap = dev_scorer_parser(__doc__, "list every miss")
    args = ap.parse_args()
    if shared_tree_missing():
        return 2
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    bodies = json.loads(AEB_BODIES.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        html_dir, text_dir = work / "html", work / "text"
        html_dir.mkdir()
        text_dir.mkdir()
        for name in reference["articles"]:
            (html_dir / name).write_bytes((AEB_SOURCE / name).read_bytes())
            (text_dir / (name.removesuffix(".html.gz") + ".txt")).write_text(bodies[name], encoding="utf-8")
        text_gold = work / "text.json"
        text_gold.write_text(json.dumps(text_reference(reference)), encoding="utf-8")
        rows = {}
        for label, source, gold in (("HTML pages", html_dir, REFERENCE), ("bodies as text", text_dir, text_gold)):
            warehouse = work / f"{source.name}.duckdb"
            pipeline.run_without_prefect(source, warehouse, processes=None)
            print(f"== {label}")
            rows[label] = score(warehouse, gold, args.verbose)
    print(f"\n{'':28s}" + "".join(f"{label:>16s}" for label in rows))
    for key in HEADLINE_KEYS:
        print(f"{key:28s}" + "".join(f"{str(report.get(key)):>16s}" for report in rows.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
