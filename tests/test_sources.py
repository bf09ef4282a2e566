"""Discovering and reading article files from a source folder."""
from __future__ import annotations

import os

from etl_gone.sources import discover, read_files

STORY = "The mayor opened the new bridge on Monday. Traffic resumed at noon."


def test_discovery_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<p>x</p>")
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "three.txt.gz").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY)
    files, rejected = discover(tmp_path)
    # a folder's own files first, then its sub-folders, each sorted
    assert [f.source_name for f in files] == ["one.txt", "three.txt.gz", "b/two.html"]
    assert rejected == []


def test_other_suffixes_are_accounted_for(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    files, rejected = discover(tmp_path)
    assert files == []
    assert [r.source_name for r in rejected] == ["notes.docx"]
    assert "not an article file" in rejected[0].reason


def test_symlink_loop_does_not_trap_discovery(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(STORY)
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    files, _ = discover(tmp_path)
    assert [f.source_name for f in files] == ["a/story.txt"]


def test_names_with_spaces_and_non_ascii_letters(tmp_path):
    (tmp_path / "Économie du café 2024.txt").write_text(STORY, encoding="utf-8")
    files, _ = discover(tmp_path)
    batch = read_files(str(tmp_path), files)
    assert [a.source_name for a in batch.articles] == ["Économie du café 2024.txt"]


def test_same_content_under_two_names_is_one_article_two_files(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "copy of a.txt").write_text(STORY)
    files, _ = discover(tmp_path)
    batch = read_files(str(tmp_path), files)
    assert len(batch.articles) == 1
    assert {f.source_name for f in batch.files} == {"a.txt", "copy of a.txt"}
    assert len({f.article_id for f in batch.files}) == 1


def test_bad_file_is_rejected_and_good_ones_still_read(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    files, _ = discover(tmp_path)
    batch = read_files(str(tmp_path), files)
    assert [a.source_name for a in batch.articles] == ["good.txt"]
    assert [(r.source_name, r.stage) for r in batch.rejected] == [("empty.txt", "read")]
    assert "empty" in batch.rejected[0].reason
