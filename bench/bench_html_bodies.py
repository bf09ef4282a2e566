"""Body-extraction benchmark of `etl_gone.htmlclean.clean_html` on an HTML corpus.

    .venv/bin/python bench/bench_html_bodies.py
    .venv/bin/python bench/bench_html_bodies.py --extractor trafilatura   # or density
    .venv/bin/python bench/bench_html_bodies.py --worst 10                # list the weakest pages

Runs the cleaner over `<source>/*.html.gz`, joins each page's BODY blocks with
blank lines, and scores them against `bodies.json` with the metric of
`score_bodies` in shared/eval/score.py: 4-word shingles (\\w+ tokens), precision
and recall averaged over pages, pages with empty output counting for recall
only, F1 from the two averages. Also reports pages per second of cleaning
(not decompression or decoding), by wall clock and by CPU time of this
process: the CPU figure is the one to compare on a shared, loaded machine.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from etl_gone.htmlclean import EXTRACTORS, clean_html

DEFAULT_CORPUS = Path("/work/shared/corpora/aeb_dev")
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def shingles(text: str, n: int = 4) -> Counter:
    """Exactly score.py's shingles."""
    toks = re.findall(r"\w+", text or "")
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_scores(ref: str, got: str) -> tuple[float | None, float]:
    """(precision or None when the output is empty, recall) of one page, as score.py."""
    g, p = shingles(ref), shingles(got)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    precision = (tp / (tp + fp) if tp + fp else 1.0) if sum(p.values()) else None
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def decode(data: bytes) -> str:
    """UTF-8, else the declared charset, else a best guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = CHARSET_RE.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:
        pass
    return data.decode("utf-8", "replace")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=DEFAULT_CORPUS / "source")
    ap.add_argument("--bodies", type=Path, default=DEFAULT_CORPUS / "bodies.json")
    ap.add_argument("--extractor", choices=EXTRACTORS, default="auto")
    ap.add_argument("--baseline", action="store_true",
                    help="also score trafilatura.extract() alone (same options) on the same pages")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    ap.add_argument("--require-f1", type=float, default=None, help="exit 1 when body F1 is below this")
    args = ap.parse_args()

    bodies = json.loads(args.bodies.read_text(encoding="utf-8"))
    pages = {}
    for name in bodies:
        path = args.source / name
        pages[name] = decode(gzip.decompress(path.read_bytes())) if path.exists() else ""

    if args.baseline:
        import trafilatura

        from etl_gone.htmlclean import TRAFILATURA_OPTIONS
        options = {k: v for k, v in TRAFILATURA_OPTIONS.items() if k != "output_format"}
        clock = (time.perf_counter(), time.process_time())
        baseline = {name: trafilatura.extract(raw, **options) or "" for name, raw in pages.items()}
        report("trafilatura.extract alone", bodies, baseline, clock, 0)
        print()

    got: dict[str, str] = {}
    clock = (time.perf_counter(), time.process_time())
    for name, raw in pages.items():
        doc = clean_html(raw, extractor=args.extractor)
        got[name] = "\n\n".join(b.text for b in doc.body)
    f1 = report(f"clean_html extractor={args.extractor}", bodies, got, clock, args.worst)
    if args.require_f1 is not None and f1 < args.require_f1:
        return 1
    return 0


def report(title: str, bodies: dict[str, str], got: dict[str, str], clock: tuple[float, float],
           worst: int) -> float:
    """Print P, R, F1 and speed since `clock` (wall, cpu) (and the weakest pages); return F1."""
    wall = time.perf_counter() - clock[0]
    cpu = time.process_time() - clock[1]
    ps, rs, per_page = [], [], []
    for name, ref in bodies.items():
        p, r = page_scores(ref, got.get(name, ""))
        if p is not None:
            ps.append(p)
        rs.append(r)
        f = 2 * p * r / (p + r) if p and p + r else 0.0
        per_page.append((f, p, r, name))
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(title)
    print(f"pages            {len(bodies)} ({len(ps)} with a body)")
    print(f"body_precision   {precision:.3f}")
    print(f"body_recall      {recall:.3f}")
    print(f"body_f1          {f1:.3f}")
    print(f"pages_per_second {len(bodies) / wall:.1f} wall, {len(bodies) / cpu:.1f} cpu")
    for f, p, r, name in sorted(per_page, key=lambda row: (row[0], row[3]))[:worst]:
        print(f"  F1 {f:.2f}  P {'-' if p is None else f'{p:.2f}'}  R {r:.2f}  {name}")
    return f1


if __name__ == "__main__":
    sys.exit(main())
