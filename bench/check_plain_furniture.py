#!/usr/bin/env python3
"""The plain-text cleaner on real furniture it was not written for (dev tool).

    .venv/bin/python bench/check_plain_furniture.py [--seed N] [-v]

Sample articles arrive as text copies of web pages, with the page's related
headlines, captions and calls to action between the paragraphs. This builds
such copies from ../shared/corpora/aeb_dev: each page's reference body, with
three of the page's own link, caption or heading texts (4-14 words, not in
the body) put between random paragraphs and one stock line ("Leave a Reply",
"Advertisement", ...) at the end. It reports the reference paragraphs the
cleaner drops and the inserted lines it keeps as body. The reference bodies
keep the pages' own subheadings, so some losses are lines a reader would
also call furniture.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from etl_gone.textclean import clean_plain_text  # noqa: E402

AEB = ROOT.parent / "shared" / "corpora" / "aeb_dev"
STOCK_LINES = ["Leave a Reply", "Advertisement", "Share this article", "Related Articles",
               "Sign up for our newsletter", "Click here to subscribe", "Read More", "More From This Site",
               "Photo: Getty Images", "Image: Reuters"]
FURNITURE_TAGS = ("a", "figcaption", "h2", "h3", "h4")
MIN_FURNITURE_WORDS, MAX_FURNITURE_WORDS = 4, 14
INSERTED_PER_PAGE = 3
MIN_BODY_PARAGRAPHS = 3


def page_furniture(html: str, body_text: str) -> list[str]:
    """The page's own short link, caption and heading texts that are not body."""
    tree = lxml.html.fromstring(html)
    found = []
    for element in tree.iter(*FURNITURE_TAGS):
        text = " ".join(element.text_content().split())
        if MIN_FURNITURE_WORDS <= len(text.split()) <= MAX_FURNITURE_WORDS and text not in body_text \
                and not text.endswith("..."):
            found.append(text)
    return list(dict.fromkeys(found))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7, help="where the lines go (default 7)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every kept line and lost paragraph")
    args = ap.parse_args()
    if not AEB.is_dir():
        print(f"no development corpus at {AEB}", file=sys.stderr)
        return 1
    rng = random.Random(args.seed)
    bodies = json.loads((AEB / "bodies.json").read_text(encoding="utf-8"))
    lost, kept, n_body, n_furniture = [], [], 0, 0
    for name, body in sorted(bodies.items()):
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        if len(paragraphs) < MIN_BODY_PARAGRAPHS:
            continue
        html = gzip.decompress((AEB / "source" / name).read_bytes()).decode("utf-8", "replace")
        furniture = page_furniture(html, " ".join(paragraphs))
        rng.shuffle(furniture)
        inserted = furniture[:INSERTED_PER_PAGE] + [rng.choice(STOCK_LINES)]
        lines = list(paragraphs)
        for line in inserted[:-1]:
            lines.insert(rng.randrange(1, len(lines)), line)
        lines.append(inserted[-1])
        body_blocks = [b.text.strip() for b in clean_plain_text("\n\n".join(lines)).body]
        exact = set(body_blocks)
        lost += [(name, p) for p in paragraphs if p not in exact and not any(p in b for b in body_blocks)]
        kept += [(name, line) for line in inserted if line in exact]
        n_body += len(paragraphs)
        n_furniture += len(inserted)
    print(f"body paragraphs lost {len(lost)}/{n_body} ({len(lost) / n_body:.1%}); "
          f"furniture kept as body {len(kept)}/{n_furniture} ({len(kept) / n_furniture:.1%})")
    if args.verbose:
        for title, rows in (("kept", kept), ("lost", lost)):
            print(f"{title}:")
            for name, text in rows:
                print(f"  {name[:12]}  {text[:110]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
