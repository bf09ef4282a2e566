"""Decoding article files: encodings, gzip, and readable rejections."""
from __future__ import annotations

import codecs
import gzip
import os

import pytest

from etl_gone.decode import Limits, RejectedInput, decode_article

TEXT = "The minister said “we will not raise taxes” on Tuesday — in Zürich."


@pytest.mark.parametrize("name, data, encoding_prefix", [
    ("a.txt", TEXT.encode("utf-8"), "utf-8"),
    ("a.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-bom"),
    ("a.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le-bom"),
    ("a.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be-bom"),
    ("a.txt", TEXT.encode("cp1252"), ""),
    ("a.txt.gz", gzip.compress(TEXT.encode("utf-8")), "utf-8"),
])
def test_encodings_decode_to_the_same_text(name, data, encoding_prefix):
    decoded = decode_article(name, data)
    assert decoded.text == TEXT
    assert decoded.encoding.startswith(encoding_prefix)


def test_windows_1252_smart_quotes_survive():
    data = "He called it \x93a disaster\x94 and left\x85 Markets fell.".encode("latin-1")
    assert decode_article("a.txt", data).text == "He called it “a disaster” and left… Markets fell."


def test_invalid_utf8_in_the_middle_keeps_the_good_text():
    good = ("The council voted on the budget. " * 40).encode("utf-8")
    decoded = decode_article("a.txt", good + b"\xff\xfe\xfa" + "Café owners “agreed”.".encode("utf-8") + good)
    assert "Café owners “agreed”." in decoded.text
    assert decoded.text.count("\ufffd") == 3


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\r\n  ", "empty file"),
    ("bin.txt", os.urandom(4096), "binary content|undecodable|no article text"),
    ("bin.html", bytes(range(256)) * 40, "binary content|undecodable|no article text"),
    ("nuls.txt", b"\x00" * 2000, "binary content|empty|no article text"),
    ("bad.txt.gz", b"\x1f\x8b\x08\x00garbage-not-gzip", "corrupt gzip"),
    ("digits.txt", b"12345 67890 ... 42", "no article text"),
])
def test_unusable_files_are_rejected_with_a_reason(name, data, reason):
    with pytest.raises(RejectedInput, match=reason):
        decode_article(name, data)


def test_size_limit_is_enforced_before_and_after_gunzip():
    limits = Limits(max_file_bytes=1000)
    with pytest.raises(RejectedInput, match="too large"):
        decode_article("big.txt", b"word " * 400, limits)
    bomb = gzip.compress(b"word " * 100_000)
    assert len(bomb) < 1000
    with pytest.raises(RejectedInput, match="too large after gunzip"):
        decode_article("bomb.txt.gz", bomb, limits)


@pytest.mark.parametrize("name, data, kind", [
    ("page.html", b"<p>Hello there world</p>", "html"),
    ("page.htm.gz", gzip.compress(b"<p>Hello there world</p>"), "html"),
    ("saved.txt", b"<!DOCTYPE html><html><body><p>Hello there world</p></body></html>", "html"),
    ("story.txt", b"Hello there world, a story.", "text"),
])
def test_content_kind(name, data, kind):
    assert decode_article(name, data).content_kind == kind
