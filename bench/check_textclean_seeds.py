#!/usr/bin/env python3
"""Score the plain-text cleaner directly against the seed gold (dev tool).

    .venv/bin/python bench/check_textclean_seeds.py            # summary
    .venv/bin/python bench/check_textclean_seeds.py -v         # every miss
    .venv/bin/python bench/check_textclean_seeds.py --blocks   # print labelled blocks

Mirrors the checks of /work/shared/eval/score.py (body_starts contained in a
BODY block after `norm`; boilerplate neither equal to a BODY block nor, when
longer than 20 characters, contained in one; title/outlet by `norm` equality,
published by the first 10 characters) without building a warehouse.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

from etl_gone.textclean import clean_plain_text

SEEDS_DIR = Path("/work/shared/seeds")
GOLD_PATH = Path("/work/shared/gold/seeds.json")
QUOTE_CHARS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}


def norm(text: str | None) -> str:
    """score.py's norm: NFKC, straight quotes, one space, lower case."""
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in QUOTE_CHARS.items():
        text = text.replace(a, b)
    return re.sub(r"\s+", " ", text).strip().lower()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--blocks", action="store_true")
    args = ap.parse_args()
    gold = json.loads(GOLD_PATH.read_text(encoding="utf-8"))["articles"]
    body_hit = body_n = leaks = meta_ok = meta_n = 0
    details = []
    timings = []
    for name, g in gold.items():
        raw = (SEEDS_DIR / name).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        doc = clean_plain_text(raw)
        timings.append((name, len(raw), (time.perf_counter() - t0) * 1000))
        if args.blocks:
            print(f"== {name}: title={doc.title!r} outlet={doc.outlet!r} author={doc.author!r} "
                  f"published={doc.published_at} ({doc.published_source})")
            for b in doc.blocks:
                print(f"  {b.label:14} {b.rule:30} {b.text[:70]!r}")
        paras = [norm(b.text) for b in doc.body]
        for s in g["body_starts"]:
            body_n += 1
            if any(norm(s) in p for p in paras):
                body_hit += 1
            else:
                details.append(f"{name}: body paragraph missing: {s[:60]}")
        for b in g["boilerplate"]:
            nb = norm(b)
            if any(nb == p or (len(nb) > 20 and nb in p) for p in paras):
                leaks += 1
                details.append(f"{name}: boilerplate kept: {b[:60]}")
        values = {"title": doc.title, "outlet": doc.outlet, "published": doc.published_at}
        for key in ("title", "published", "outlet"):
            if key not in g or g[key] is None:
                continue
            meta_n += 1
            val = values[key]
            ok = (str(val)[:10] == g[key]) if key == "published" else (norm(str(val)) == norm(g[key]))
            meta_ok += ok
            if not ok:
                details.append(f"{name}: {key} is {val!r}, expected {g[key]!r}")
    print(f"body_paragraph_recall        {body_hit / body_n:.3f} ({body_hit}/{body_n})")
    print(f"boilerplate_leaks            {leaks}")
    print(f"metadata_accuracy            {meta_ok / meta_n:.3f} ({meta_ok}/{meta_n})")
    for name, size, ms in timings:
        print(f"time {name:28} {size:6d} chars {ms:7.2f} ms")
    if args.verbose or details:
        for d in details:
            print("  - " + d)
    return 0 if body_hit == body_n and leaks == 0 and meta_ok == meta_n else 1


if __name__ == "__main__":
    sys.exit(main())
