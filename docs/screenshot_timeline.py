"""Screenshot the timeline of the bundled sample into docs/timeline.png.

    .venv/bin/python docs/screenshot_timeline.py [--warehouse FILE] [--html OUT.html]

Builds the sample warehouse in a temporary folder (unless --warehouse is
given), renders `etl_gone.timeline` to HTML and photographs it with Debian's
headless chromium (`apt-get install -y chromium`), fully offline.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from etl_gone.timeline import write_timeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_tables_md import build_sample  # noqa: E402  (the sample, built through the real command)

DOCS_DIR = Path(__file__).resolve().parent
PNG = DOCS_DIR / "timeline.png"
WINDOW = "1400,1000"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
# everything that could reach the network or the user's profile is off
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars")


def chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("screenshot_timeline: no chromium found (apt-get install -y chromium)")


def screenshot(html: Path, png: Path, window: str = WINDOW) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                        f"--window-size={window}", html.resolve().as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, help="a built warehouse (default: build the sample)")
    parser.add_argument("--html", type=Path, help="also keep the rendered page here")
    parser.add_argument("--png", type=Path, default=PNG, help="where to write the screenshot (default: %(default)s)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = args.warehouse
        if warehouse is None:
            warehouse = Path(tmp) / "sample.duckdb"
            build_sample(warehouse)
        html = args.html or Path(tmp) / "timeline.html"
        write_timeline(warehouse, html)
        # show what a click reveals: the first event's evidence, opened
        page = html.read_text(encoding="utf-8")
        shot = Path(tmp) / "shot.html"
        shot.write_text(page.replace('<details class="evidence">', '<details class="evidence" open>', 1),
                        encoding="utf-8")
        screenshot(shot, args.png)
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
