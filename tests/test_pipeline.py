"""The run's steps without Prefect: a file that has not changed since it was
read is not read again."""
from __future__ import annotations

import os

import pytest

from etl_gone import pipeline


@pytest.fixture
def reads(monkeypatch) -> list[list[str]]:
    """The names of the files each ingest batch actually read."""
    seen: list[list[str]] = []
    real = pipeline.read_files

    def recording(source_root, files, limits):
        seen.append([f.source_name for f in files])
        return real(source_root, files, limits)

    monkeypatch.setattr(pipeline, "read_files", recording)
    return seen


def read_names(reads: list[list[str]]) -> list[str]:
    return sorted(name for batch in reads for name in batch)


def test_unchanged_files_are_not_read_again(sample_copy, tmp_path, reads):
    wh = tmp_path / "w.duckdb"
    first = pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert len(read_names(reads)) == 4 and first.files_new == 4
    reads.clear()
    again = pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert read_names(reads) == []
    assert (again.files_unchanged, again.articles_parsed, again.models_rebuilt) == (4, 0, False)

    touched = sorted(sample_copy.iterdir())[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    reads.clear()
    after_touch = pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert read_names(reads) == [touched.name]  # read, found the same content
    assert (after_touch.files_unchanged, after_touch.files_changed, after_touch.models_rebuilt) == (4, 0, False)
    reads.clear()
    pipeline.run_without_prefect(sample_copy, wh, batch_size=2)
    assert read_names(reads) == []  # its new time was remembered


def test_same_size_new_content_is_read_when_its_time_changes(sample_copy, tmp_path, reads):
    wh = tmp_path / "w.duckdb"
    pipeline.run_without_prefect(sample_copy, wh, batch_size=4)
    edited = sorted(sample_copy.iterdir())[1]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("a", "e", 1), encoding="utf-8")  # same size
    os.utime(edited, ns=(edited.stat().st_atime_ns, edited.stat().st_mtime_ns + 10**9))
    reads.clear()
    stats = pipeline.run_without_prefect(sample_copy, wh, batch_size=4)
    assert read_names(reads) == [edited.name]
    assert (stats.files_changed, stats.articles_parsed) == (1, 1)


def test_reread_reads_every_file(sample_copy, tmp_path, reads):
    wh = tmp_path / "w.duckdb"
    pipeline.run_without_prefect(sample_copy, wh, batch_size=4)
    reads.clear()
    stats = pipeline.run_without_prefect(sample_copy, wh, batch_size=4, reread=True)
    assert len(read_names(reads)) == 4 and stats.files_unchanged == 4 and stats.articles_parsed == 0
