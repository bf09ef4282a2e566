"""Near-duplicate articles (the same story syndicated under two outlets) are
flagged and linked to their original, never merged."""
from __future__ import annotations

import duckdb

from etl_gone import pipeline

STORY = [
    "Harbor City Council Approves Budget",
    "By Dana Reyes",
    "March 3, 2023",
    "The Harbor City council approved a $2.1 billion budget on Tuesday after a six-hour debate "
    "that ran past midnight, officials said.",
    "The plan raises spending on public transit by 12 percent and freezes property taxes for a "
    "second year, according to the finance department.",
    "\"This budget keeps our promises to working families,\" Mayor Ana Ortiz said after the vote.",
    "Council member Luis Park voted against the plan, saying it relied on optimistic revenue "
    "forecasts. \"We are spending money we do not have yet,\" he said.",
    "The budget takes effect on July 1.",
]
OTHER = [
    "Storm Closes Schools Across the County",
    "Heavy snow closed every public school in Lake County on Monday, the district said, and "
    "forecasters expect another eight inches overnight.",
    "\"Safety comes first,\" Superintendent Mark Hale said in a statement.",
]


def write(path, blocks):
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def test_syndicated_copy_links_to_its_original(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "a_original.txt", STORY)
    # the same wire story under another outlet: other furniture, a trimmed last line
    write(src / "b_syndicated.txt", ["Breaking News"] + STORY[:2] + ["March 4, 2023"] + STORY[3:-1]
          + ["Leave a Reply"])
    write(src / "c_other.txt", OTHER)
    wh = tmp_path / "w.duckdb"
    pipeline.run_without_prefect(src, wh, lock_wait_seconds=0)
    with duckdb.connect(str(wh), read_only=True) as con:
        ids = dict(con.execute("select source_name, article_id from raw.articles").fetchall())
        rows = con.execute("select article_id, original_article_id, similarity from marts.near_duplicates").fetchall()
        assert con.execute("select count(*) from staging.articles").fetchone()[0] == 3  # flagged, not merged
    assert len(rows) == 1
    copy, original, similarity = rows[0]
    assert (copy, original) == (ids["b_syndicated.txt"], ids["a_original.txt"])  # published a day later
    assert 0.5 <= similarity <= 1.0


def test_different_stories_are_not_near_duplicates(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    write(src / "a.txt", STORY)
    write(src / "b.txt", OTHER)
    wh = tmp_path / "w.duckdb"
    pipeline.run_without_prefect(src, wh, lock_wait_seconds=0)
    with duckdb.connect(str(wh), read_only=True) as con:
        assert con.execute("select count(*) from marts.near_duplicates").fetchone()[0] == 0
