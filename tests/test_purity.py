"""The parsing and cleaning core stays pure: no Prefect, no DuckDB."""
from __future__ import annotations

import subprocess
import sys

PURE_MODULES = ["normalize", "records", "ids", "decode", "textclean", "htmlclean", "entities",
                "quotes", "sentences", "timex", "claims", "parse"]


def test_pure_modules_load_neither_prefect_nor_duckdb():
    code = (
        "import sys\n"
        + "".join(f"import etl_gone.{m}\n" for m in PURE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('prefect', 'duckdb'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"pure modules pulled in: {out.stdout.strip()}"


def test_core_does_not_name_the_sample_story():
    from pathlib import Path

    import etl_gone

    words = ("Timberlake", "SYNC", "N Sync", "Michael Jackson", "Lance Bass", "Diddy", "Xscape", "Oprah")
    src = Path(etl_gone.__file__).parent
    for path in src.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = [w for w in words if w in text]
        assert not found, f"{path.name} names the sample story: {found}"
