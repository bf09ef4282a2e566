"""Generate docs/tables.md from the header comments of the SQL models.

    .venv/bin/python docs/make_tables_md.py [--warehouse FILE] [--check]

Descriptions come from `sql/<layer>/<table>.sql` (see `etl_gone.catalog`);
column order and types from a built warehouse: FILE when given, else the
bundled sample built into a temporary folder by `etl-gone run`. With
--check, exit 1 (and write nothing) when docs/tables.md is out of date.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

from etl_gone import catalog
from etl_gone.warehouse import sql_dir

DOCS_DIR = Path(__file__).resolve().parent
TABLES_MD = DOCS_DIR / "tables.md"


def build_sample(warehouse: Path) -> None:
    """The bundled sample, through the real command."""
    done = subprocess.run([sys.executable, "-m", "etl_gone.cli", "run", "--warehouse", str(warehouse)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"building the sample warehouse failed (exit {done.returncode})")


def render(warehouse: Path) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns = catalog.table_columns(con)
    finally:
        con.close()
    docs = catalog.read_catalog(sql_dir())
    for problem in catalog.problems(docs, columns):
        print(f"make_tables_md: {problem}", file=sys.stderr)
    return catalog.tables_markdown(docs, columns)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, help="a built warehouse to read column types from")
    parser.add_argument("--check", action="store_true", help="only check that docs/tables.md is up to date")
    args = parser.parse_args(argv)
    if args.warehouse:
        text = render(args.warehouse)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            wh = Path(tmp) / "sample.duckdb"
            build_sample(wh)
            text = render(wh)
    if args.check:
        current = TABLES_MD.read_text(encoding="utf-8") if TABLES_MD.exists() else ""
        if current != text:
            print("docs/tables.md is out of date: run .venv/bin/python docs/make_tables_md.py", file=sys.stderr)
            return 1
        return 0
    TABLES_MD.write_text(text, encoding="utf-8")
    print(f"wrote {TABLES_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
