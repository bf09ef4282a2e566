"""Cleaning speed: pages per second for plain text and for HTML.

    .venv/bin/python bench/bench_clean.py [--rounds 5]

Plain text: the bundled sample articles; HTML: the development pages of
../shared/corpora/aeb_dev (skipped when absent). Reports the best of several
rounds (CPU time, so other load on the machine matters less).
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from etl_gone.htmlclean import clean_html  # noqa: E402
from etl_gone.textclean import clean_plain_text  # noqa: E402
from etl_gone.warehouse import sample_dir  # noqa: E402

AEB = ROOT.parent / "shared" / "corpora" / "aeb_dev" / "source"


def pages_per_second(fn, pages: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        for page in pages:
            fn(page)
        best = min(best, time.process_time() - t)
    return len(pages) / best if best else float("inf")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.txt"))] * 25
    print(f"plain text: {pages_per_second(clean_plain_text, texts, args.rounds):8.1f} pages/s "
          f"({len(texts)} pages a round)")
    if AEB.is_dir():
        pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted(AEB.glob("*.html.gz"))]
        print(f"HTML:       {pages_per_second(clean_html, pages, max(1, args.rounds // 2)):8.1f} pages/s "
              f"({len(pages)} pages a round)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
