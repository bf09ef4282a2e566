#!/usr/bin/env python3
"""The plain-text path on copies of real pages of other stories (dev tool).

    .venv/bin/python bench/check_text_copies.py [-v] [--keep DIR]

The sample's articles are text copies of web pages: the article's region of
the page, block by block, with its headline, byline, captions, sharing
buttons and newsletter boxes. This makes such copies of the 40 pages that
`bench/data/quotes_aeb40.json` annotates: the element of each page that holds
most of its reference body's paragraphs, two levels up (so that the headline
and the furniture around the body come along), one line per block element,
the headline first. The reference for each copy:

- quotes, speakers and titles: the annotated ones;
- title: the annotated headline (the copy starts with it);
- body_starts: the first 40 characters of each reference paragraph;
- boilerplate: every line of the copy (two words or more) whose words are
  not in the reference body: captions, credits, appeals, related links,
  code. Some are subheadings the reference leaves out, so a few "leaks" are
  lines a reader would keep.

It runs the pipeline on the copies, without Prefect, and scores them with
the official scorer (../shared/eval/score.py).
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import lxml.html
from shared_reference import AEB_BODIES, AEB_SOURCE, ROOT, dev_scorer_parser, score_text, shared_tree_missing

sys.path.insert(0, str(ROOT / "src"))

from etl_gone import pipeline  # noqa: E402

REFERENCE = ROOT / "bench" / "data" / "quotes_aeb40.json"
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "pre", "td", "dt", "dd",
              "caption", "address", "time"}
SKIPPED_TAGS = {"script", "style", "noscript", "svg", "form", "button", "iframe", "template", "select", "input",
                "nav", "footer"}
KEY_WORDS = 8  # a paragraph is found on the page by its first words
REGION_SHARE = 0.8  # the region holds this share of the body's paragraphs
LEVELS_UP = 2
MIN_LOOSE_TEXT_WORDS = 4  # text outside a block element counts from this length
BODY_START_CHARS = 40
MIN_BODY_START_WORDS = 6


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def render(el, lines: list[str]) -> None:
    """One line per block element, in page order."""
    if not isinstance(el.tag, str) or el.tag in SKIPPED_TAGS:
        return
    if el.tag in BLOCK_TAGS:
        if text := " ".join(el.text_content().split()):
            lines.append(text)
        return
    if el.text and len(el.text.split()) >= MIN_LOOSE_TEXT_WORDS:
        lines.append(" ".join(el.text.split()))
    for child in el:
        render(child, lines)
        if child.tail and len(child.tail.split()) >= MIN_LOOSE_TEXT_WORDS:
            lines.append(" ".join(child.tail.split()))


def article_region(tree, paragraphs: list[str]):
    """The smallest element holding most of the body's paragraphs, two levels up."""
    keys = {" ".join(words(p)[:KEY_WORDS]) for p in paragraphs}
    found = [el for el in tree.iter("p") if " ".join(words(el.text_content())[:KEY_WORDS]) in keys]
    if not found:
        return None
    holders: Counter = Counter(a for el in found for a in el.iterancestors())
    region = min((a for a, n in holders.items() if n >= REGION_SHARE * len(found)),
                 key=lambda a: sum(1 for _ in a.iter()))
    for _ in range(LEVELS_UP):
        parent = region.getparent()
        if parent is not None and parent.tag not in ("body", "html"):
            region = parent
    return region


def make_copies(dest: Path) -> dict:
    """Write the copies to `dest` and return their reference."""
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    bodies = json.loads(AEB_BODIES.read_text(encoding="utf-8"))
    articles = {}
    for name, gold in reference["articles"].items():
        html = gzip.decompress((AEB_SOURCE / name).read_bytes()).decode("utf-8", "replace")
        body = bodies[name]
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        region = article_region(lxml.html.fromstring(html), paragraphs)
        if region is None:
            continue
        lines: list[str] = []
        render(region, lines)
        if gold.get("title") and not any(gold["title"] in line for line in lines[:3]):
            lines.insert(0, gold["title"])
        lines = list(dict.fromkeys(lines))
        copy_name = name.removesuffix(".html.gz")[:16] + ".txt"
        (dest / copy_name).write_text("\n\n".join(lines), encoding="utf-8")
        body_words = " ".join(words(body))
        articles[copy_name] = {
            **gold, "published": None, "outlet": None,
            "boilerplate": [line for line in lines
                            if len(words(line)) >= 2 and " ".join(words(line)) not in body_words],
            "body_starts": [p[:BODY_START_CHARS] for p in paragraphs if len(p.split()) >= MIN_BODY_START_WORDS],
        }
    return {"articles": articles, "events": [], "corroborated_claims": [], "disputes": []}


def main() -> int:
    ap = dev_scorer_parser(__doc__, "list every miss")
    ap.add_argument("--keep", type=Path, help="write the copies and their reference here instead of a temp folder")
    args = ap.parse_args()
    if shared_tree_missing():
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        copies = work / "copies"
        copies.mkdir(parents=True, exist_ok=True)
        gold = work / "reference.json"
        gold.write_text(json.dumps(make_copies(copies), indent=1, ensure_ascii=False), encoding="utf-8")
        warehouse = work / "copies.duckdb"
        pipeline.run_without_prefect(copies, warehouse, processes=None)
        print(score_text(warehouse, gold, args.verbose), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
