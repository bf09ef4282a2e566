"""Landing raw articles: rows in raw.article_store, text in Parquet files
beside the warehouse, both read back through the raw.articles view."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl_gone import load, pipeline
from etl_gone.decode import decode_article


def land(wh: Path, source: Path, batch_size: int = 2) -> duckdb.DuckDBPyConnection:
    con = pipeline.open_warehouse(wh)
    root, files, rejected = pipeline.discover_files(source)
    for i, chunk in enumerate(pipeline.batches(files, batch_size)):
        pipeline.ingest_files(con, root, chunk, rejected if i == 0 else [])
    return con


def decoded_texts(source: Path) -> dict[str, str]:
    return {p.name: decode_article(p.name, p.read_bytes()).text for p in sorted(source.iterdir())}


def stored_texts(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("select source_name, raw_text from raw.articles").fetchall())


def text_files(wh: Path) -> list[str]:
    return sorted(p.name for p in wh.with_name(wh.stem + load.TEXT_DIR_SUFFIX).glob("*.parquet")
                  if p.name != load.EMPTY_TEXT_FILE)


def test_raw_articles_give_back_the_decoded_text_of_every_file(sample_copy, tmp_path):
    wh = tmp_path / "w.duckdb"
    con = land(wh, sample_copy, batch_size=3)
    assert stored_texts(con) == decoded_texts(sample_copy)
    assert len(text_files(wh)) == 2  # one file per landed batch
    con.close()
    with duckdb.connect(str(wh), read_only=True) as reader:  # analysts' connections read it too
        assert stored_texts(reader) == decoded_texts(sample_copy)


def test_fetch_articles_reads_back_the_stored_text(sample_copy, tmp_path):
    con = land(tmp_path / "w.duckdb", sample_copy)
    ids = dict(con.execute("select source_name, article_id from raw.article_store").fetchall())
    wanted = sorted(ids.values())[1:3]
    fetched = load.fetch_articles(con, wanted)
    assert fetched.column("article_id").to_pylist() == wanted
    by_id = {v: k for k, v in ids.items()}
    texts = decoded_texts(sample_copy)
    assert fetched.column("raw_text").to_pylist() == [texts[by_id[i]] for i in wanted]
    con.close()


def test_a_failed_landing_leaves_no_row_and_no_text_file(sample_copy, tmp_path, monkeypatch):
    wh = tmp_path / "w.duckdb"
    con = pipeline.open_warehouse(wh)
    root, files, _ = pipeline.discover_files(sample_copy)

    def fail(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load, "_land_files", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        pipeline.ingest_files(con, root, files)
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == 0
    assert text_files(wh) == []
    monkeypatch.undo()
    pipeline.ingest_files(con, root, files)  # and the next attempt lands everything
    assert stored_texts(con) == decoded_texts(sample_copy)
    con.close()


def test_a_moved_warehouse_finds_its_text_again_when_next_opened(sample_copy, tmp_path):
    wh = tmp_path / "old" / "w.duckdb"
    land(wh, sample_copy).close()
    new = tmp_path / "new"
    shutil.move(wh.parent, new)
    con = pipeline.open_warehouse(new / "w.duckdb")
    assert stored_texts(con) == decoded_texts(sample_copy)
    con.close()


def test_a_warehouse_with_text_in_its_raw_table_is_migrated(sample_copy, tmp_path):
    """Warehouses written before the text files kept raw_text in a
    raw.articles table: the next run moves it out and loses nothing."""
    wh = tmp_path / "w.duckdb"
    con = land(wh, sample_copy)
    before = con.execute("select * from raw.articles order by article_id").fetchall()
    con.execute("create table raw.articles_old as select * from raw.articles")
    con.execute("drop view raw.articles")
    con.execute("drop table raw.article_store")
    con.execute("alter table raw.articles_old rename to articles")
    con.close()
    shutil.rmtree(tmp_path / ("w" + load.TEXT_DIR_SUFFIX))

    con = pipeline.open_warehouse(wh)
    assert con.execute("select * from raw.articles order by article_id").fetchall() == before
    assert con.execute("select table_type from information_schema.tables "
                       "where table_schema = 'raw' and table_name = 'articles'").fetchone()[0] == "VIEW"
    root, files, _ = pipeline.discover_files(sample_copy)
    stats, to_parse = pipeline.ingest_files(con, root, files)  # same content: nothing new to store
    assert (stats.articles_added, stats.files_unchanged) == (0, 4)
    con.close()


def test_changed_content_replaces_the_article_and_its_text(sample_copy, tmp_path):
    wh = tmp_path / "w.duckdb"
    land(wh, sample_copy).close()
    first = sorted(sample_copy.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nA correction was appended.\n", encoding="utf-8")
    con = land(wh, sample_copy)
    assert stored_texts(con) == decoded_texts(sample_copy)
    assert con.execute("select count(*) from raw.article_store").fetchone()[0] == 4
    con.close()


def texts_in_files(wh: Path) -> int:
    import pyarrow.parquet as pq

    folder = wh.with_name(wh.stem + load.TEXT_DIR_SUFFIX)
    return sum(pq.ParquetFile(folder / name).metadata.num_rows for name in text_files(wh))


def replace_contents(source: Path, indexes: list[int]) -> None:
    files = sorted(source.iterdir())
    for i in indexes:
        files[i].write_text(files[i].read_text(encoding="utf-8") + f"\n\nCorrection {i} was appended.\n",
                            encoding="utf-8")


def test_compaction_drops_only_the_texts_no_article_points_at(sample_copy, tmp_path):
    wh = tmp_path / "w.duckdb"
    land(wh, sample_copy).close()  # two files of two texts
    before = text_files(wh)
    replace_contents(sample_copy, [0, 1, 2])  # the first file all stale, the second half stale
    con = land(wh, sample_copy)
    assert texts_in_files(wh) == 7 and load.orphaned_text_share(con) == pytest.approx(3 / 7)
    done = load.compact_texts(con)
    assert (done.texts_dropped, done.texts_moved, done.files_before, done.files_after) == (3, 1, 4, 3)
    assert done.bytes_after < done.bytes_before
    assert not set(before) & set(text_files(wh))  # both old files are gone
    assert texts_in_files(wh) == 4 and load.orphaned_text_share(con) == 0
    assert stored_texts(con) == decoded_texts(sample_copy)
    again = load.compact_texts(con)  # nothing left to do
    assert (again.texts_dropped, again.texts_moved, again.files_after) == (0, 0, 3)
    con.close()
    with duckdb.connect(str(wh), read_only=True) as reader:
        assert stored_texts(reader) == decoded_texts(sample_copy)


def test_a_failed_compaction_keeps_every_text_and_leaves_no_new_file(sample_copy, tmp_path, monkeypatch):
    wh = tmp_path / "w.duckdb"
    land(wh, sample_copy).close()
    replace_contents(sample_copy, [2])
    con = land(wh, sample_copy)
    files = text_files(wh)
    folder = wh.with_name(wh.stem + load.TEXT_DIR_SUFFIX)
    (folder / ("0123-dead-writer" + load.TEXT_FILE_SUFFIX + load.TEMP_SUFFIX)).write_bytes(b"half a file")

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load, "transaction", fail)  # the rows are never repointed
    with pytest.raises(RuntimeError, match="disk full"):
        load.compact_texts(con)
    assert text_files(wh) == files
    assert not list(folder.glob("*" + load.TEMP_SUFFIX))  # the dead writer's leftover went too
    assert stored_texts(con) == decoded_texts(sample_copy)
    monkeypatch.undo()
    assert load.compact_texts(con).texts_dropped == 1
    assert stored_texts(con) == decoded_texts(sample_copy)
    con.close()


@pytest.mark.parametrize("replaced, compacted", [([0], False), ([0, 1], True)])
def test_runs_compact_once_a_quarter_of_the_stored_texts_are_stale(sample_copy, tmp_path, replaced, compacted):
    wh = tmp_path / "w.duckdb"
    land(wh, sample_copy).close()
    replace_contents(sample_copy, replaced)
    con = land(wh, sample_copy)  # 1 stale of 5 texts (20%), or 2 of 6 (33%)
    done = pipeline.compact_stale_texts(con)
    assert (done is not None) == compacted
    assert load.orphaned_text_share(con) == (0 if compacted else pytest.approx(1 / 5))
    con.close()
