#!/usr/bin/env python3
"""Events, corroboration and disputes on a real story of another kind (dev tool).

    .venv/bin/python bench/check_events_aeb.py [-v]

The sample's events are one story's. `bench/data/events_aeb_impeachment.json`
annotates by hand the events and disputes of the three aeb_dev pages about
the US House impeachment hearings of 19 November 2019 (CBS News, AP, Deccan
Herald): testimony, the July 25 call, meetings, statements, with the pages
that report each. This runs the pipeline on those pages, without Prefect,
into a temporary folder, and scores the warehouse with the official scorer.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from shared_reference import AEB_SOURCE, ROOT, dev_scorer_parser, score_text, shared_tree_missing

sys.path.insert(0, str(ROOT / "src"))

from etl_gone import pipeline  # noqa: E402

REFERENCE = ROOT / "bench" / "data" / "events_aeb_impeachment.json"


def main() -> int:
    ap = dev_scorer_parser(__doc__, "list every miss, and the mart's events")
    args = ap.parse_args()
    if shared_tree_missing():
        return 2
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        source, warehouse = Path(tmp) / "pages", Path(tmp) / "w.duckdb"
        source.mkdir()
        for page in reference["pages"]:
            shutil.copy(AEB_SOURCE / page["file"], source / page["file"])
        pipeline.run_without_prefect(source, warehouse)
        print(score_text(warehouse, REFERENCE, args.verbose), end="")
        if args.verbose:
            import duckdb
            with duckdb.connect(str(warehouse), read_only=True) as con:
                for row in con.execute("select event_date, date_precision, source_count, summary "
                                       "from marts.events order by event_date").fetchall():
                    print("   ", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
