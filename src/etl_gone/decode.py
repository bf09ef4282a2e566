"""From the bytes of an article file to its text, or a reason it cannot be used.

Pure: takes the file name and its bytes. Handles gzip, byte-order marks,
UTF-8, UTF-16 and the Windows-1252/Latin-1 family; rejects binary content and
files with no text. Nothing here is normalised: `raw_text` is the faithful
decoding of the bytes (normalisation comes later and keeps an offset map).
"""
from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from itertools import islice
from dataclasses import dataclass

from charset_normalizer import from_bytes

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
GZIP_SUFFIX = ".gz"
HTML_SUFFIXES = (".html", ".htm")
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Share of control characters (other than tab/newline/carriage return) above
# which decoded content is taken for binary data rather than text.
MAX_CONTROL_CHAR_SHARE = 0.05
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Share of U+FFFD replacement characters above which a decoding is garbage.
MAX_REPLACEMENT_SHARE = 0.02
# Some text a person could read: a few letters in a row.
WORDS_RE = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 3
# A .txt that is really a saved web page; matched on the decoded text, so a
# byte-order mark or UTF-16 does not hide it.
HTML_SNIFF_RE = re.compile(r"^[\s\ufeff]*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>]|<article)", re.I)
WINDOWS_1252 = "cp1252"
# How much of a decoded file is sniffed for control and replacement
# characters: enough to judge, little enough to stay cheap on big files.
SNIFF_CHARS = 50_000
# At most this share of bytes outside ASCII: too little evidence for the
# guesser to pick an exotic code page (ASCII English with one "Peña" comes back
# as cp1250 "Peńa", with three stray bytes as Japanese cp932); Windows-1252 it is.
FEW_NON_ASCII_SHARE = 0.02
NON_ASCII_BYTES_RE = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class Limits:
    """Documented bounds on the work one file may cause (see README)."""

    max_file_bytes: int = 64 * 1024 * 1024  # after gunzip, too
    max_paragraph_chars: int = 100_000
    # an article's paragraphs past this many characters are stored, not parsed
    max_article_chars: int = 1_000_000


DEFAULT_LIMITS = Limits()


class RejectedInput(Exception):
    """The file cannot be used; the message is the reason a person reads."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    content_kind: str  # 'text' or 'html'


def is_article_name(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(GZIP_SUFFIX):
        lower = lower[: -len(GZIP_SUFFIX)]
    return lower.endswith(ARTICLE_SUFFIXES)


def content_kind_of(name: str, text: str) -> str:
    lower = name.lower()
    if lower.endswith(GZIP_SUFFIX):
        lower = lower[: -len(GZIP_SUFFIX)]
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    # a .txt that is really a saved web page
    return "html" if HTML_SNIFF_RE.match(text[:512]) else "text"


def gunzip_bounded(data: bytes, max_bytes: int) -> bytes:
    """Gunzip, refusing to inflate past `max_bytes` (a gzip bomb stays small here)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise RejectedInput(f"corrupt gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise RejectedInput(f"file too large after gunzip (over {max_bytes:,} bytes; limit max_file_bytes)")
    return out


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding + "-bom"
            except UnicodeDecodeError:
                pass
            # a damaged or truncated file: keep the good text when the damage is small
            text = data[len(bom):].decode(encoding, errors="replace")
            if text.count("\ufffd") <= MAX_REPLACEMENT_SHARE * len(text):
                return text, encoding + "-bom (invalid bytes replaced)"
            raise RejectedInput(f"byte-order mark says {encoding} but the bytes are not valid {encoding}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte is NUL in Latin text.
    if len(data) >= 4 and len(data) % 2 == 0:
        even_nuls = data[0::2].count(0) / (len(data) / 2)
        odd_nuls = data[1::2].count(0) / (len(data) / 2)
        if odd_nuls > 0.3 and even_nuls < 0.05:
            try:
                return data.decode("utf-16-le"), "utf-16-le"
            except UnicodeDecodeError:
                pass
        if even_nuls > 0.3 and odd_nuls < 0.05:
            try:
                return data.decode("utf-16-be"), "utf-16-be"
            except UnicodeDecodeError:
                pass
    # Mostly UTF-8 with a few bad bytes (a damaged file): keep the good text,
    # mark the bad bytes; judged below by the share of replacement characters.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad and bad / max(len(text), 1) <= MAX_REPLACEMENT_SHARE and _has_multibyte_utf8(data):
        return text, "utf-8 (invalid bytes replaced)"
    sample = data[:200_000]
    few_non_ascii = len(NON_ASCII_BYTES_RE.findall(sample)) <= FEW_NON_ASCII_SHARE * len(sample)
    guess = None if few_non_ascii else from_bytes(sample).best()
    # the guesser names one of several code pages that read these bytes alike:
    # take Windows-1252 when it is one of them
    if few_non_ascii or (guess is not None and WINDOWS_1252 in (guess.could_be_from_charset or ())):
        try:
            return data.decode(WINDOWS_1252), WINDOWS_1252
        except UnicodeDecodeError:
            guess = guess or from_bytes(sample).best()  # a byte Windows-1252 leaves undefined
    if guess is not None and guess.encoding:
        try:
            return data.decode(guess.encoding), guess.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    # Windows-1252 is the usual suspect for Western news text; Latin-1 decodes anything.
    try:
        return data.decode(WINDOWS_1252), WINDOWS_1252
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _has_multibyte_utf8(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", data[:1_000_000]) is not None


def decode_article(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> DecodedText:
    """Decode one article file, or raise RejectedInput with a readable reason."""
    if len(data) > limits.max_file_bytes:
        raise RejectedInput(f"file too large ({len(data):,} bytes; limit max_file_bytes={limits.max_file_bytes:,})")
    if name.lower().endswith(GZIP_SUFFIX):
        data = gunzip_bounded(data, limits.max_file_bytes)
    if not data.strip():
        raise RejectedInput("empty file: no article text")  # no bytes, or ASCII white space only
    text, encoding = _decode(data)
    if not text.strip():  # Unicode spaces (no-break, ideographic) only
        raise RejectedInput("empty file: only white space, no article text")
    sample = text[:SNIFF_CHARS]
    controls = len(CONTROL_CHARS_RE.findall(sample))
    if controls / max(len(sample), 1) > MAX_CONTROL_CHAR_SHARE:
        raise RejectedInput("binary content, not text (too many control characters)")
    if sample.count("\ufffd") / max(len(sample), 1) > MAX_REPLACEMENT_SHARE:
        raise RejectedInput(f"undecodable bytes: not valid text in {encoding}")
    if len(list(islice(WORDS_RE.finditer(text), MIN_WORDS))) < MIN_WORDS:
        raise RejectedInput("no article text (no words found)")
    return DecodedText(text=text, encoding=encoding, content_kind=content_kind_of(name, text))
