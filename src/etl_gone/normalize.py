"""Unicode normalisation that remembers where every character came from.

Cleaning works on normalised text (one kind of space, no zero-width marks,
NFC, glued sentences split), but every paragraph, quote and claim must be
traceable to the raw text. `normalize_text` returns the normalised string
with an `OffsetMap` from its positions back to positions in the raw string.
Typographic quotes and dashes are kept as they are: they carry meaning.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Every kind of horizontal space becomes a plain space (one for one).
SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
# Invisible characters that only get in the way of matching; dropped.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# C0/C1 control characters other than newline; dropped (NUL bytes included).
CONTROL_CHARS_RE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
LINE_BREAKS_RE = r"\r\n|\r|\u2028|\u2029|\x85"
# "talking about right?You can see": a sentence end glued to the next sentence.
# Two lower-case letters before a full stop keep "U.S" and "J.Smith" out;
# ? and ! need only one.
GLUED_SENTENCE_RE = r"(?<=[a-z]{2}[.])(?=[A-Z][a-z])|(?<=[a-z][?!])(?=[A-Z][a-z])"

NORMALIZE_RE = re.compile(
    "|".join([
        f"(?P<newline>{LINE_BREAKS_RE})",
        f"(?P<space>[{SPACE_CHARS}])",
        f"(?P<drop>[{INVISIBLE_CHARS}]|{CONTROL_CHARS_RE})",
        f"(?P<glued>{GLUED_SENTENCE_RE})",
    ])
)
REPLACEMENTS = {"newline": "\n", "space": " ", "drop": "", "glued": " "}


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from normalised offsets to raw offsets.

    Segment k starts at normalised offset `norm_starts[k]`, which corresponds
    to raw offset `raw_starts[k]`; inside a copied segment the offsets advance
    together, an inserted or replaced segment maps wholly to its raw start.
    """

    norm_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    copied: tuple[bool, ...]
    raw_length: int
    # only when NFC changed the text: normalised offset -> pre-NFC offset
    nfc_index: tuple[int, ...] | None = None

    def to_raw(self, offset: int) -> int:
        """Raw offset of a normalised offset (an end offset maps to an end offset)."""
        if self.nfc_index is not None:
            offset = self.nfc_index[min(max(offset, 0), len(self.nfc_index) - 1)]
        k = bisect_right(self.norm_starts, offset) - 1
        if k < 0:
            return 0
        raw = self.raw_starts[k] + (offset - self.norm_starts[k] if self.copied[k] else 0)
        return min(raw, self.raw_length)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        raw_start = self.to_raw(start)
        raw_end = self.to_raw(end) if end > start else raw_start
        return raw_start, max(raw_start, raw_end)


@dataclass(frozen=True)
class NormalizedText:
    text: str
    offsets: OffsetMap


def normalize_text(raw: str) -> NormalizedText:
    """Normalise spaces, line breaks, invisible characters, glued sentences and
    Unicode composition (NFC), keeping a map back to `raw`."""
    pieces: list[str] = []
    norm_starts: list[int] = [0]
    raw_starts: list[int] = [0]
    copied: list[bool] = [True]
    out_len = 0
    pos = 0
    for m in NORMALIZE_RE.finditer(raw):
        if m.start() > pos:
            if not copied[-1] or raw_starts[-1] + (out_len - norm_starts[-1]) != pos:
                norm_starts.append(out_len)
                raw_starts.append(pos)
                copied.append(True)
            pieces.append(raw[pos:m.start()])
            out_len += m.start() - pos
        replacement = REPLACEMENTS[m.lastgroup]
        if m.lastgroup == "space":
            # one for one: the copied segment simply continues
            if not copied[-1] or raw_starts[-1] + (out_len - norm_starts[-1]) != m.start():
                norm_starts.append(out_len)
                raw_starts.append(m.start())
                copied.append(True)
        else:
            norm_starts.append(out_len)
            raw_starts.append(m.start())
            copied.append(False)
        pieces.append(replacement)
        out_len += len(replacement)
        pos = m.end()
        if m.lastgroup != "space":
            # what follows is a fresh copied segment
            norm_starts.append(out_len)
            raw_starts.append(pos)
            copied.append(True)
    if pos < len(raw):
        pieces.append(raw[pos:])
    text = "".join(pieces)
    nfc_index = None
    if not unicodedata.is_normalized("NFC", text):
        text, nfc_index = _nfc_with_index(text)
    offsets = OffsetMap(tuple(norm_starts), tuple(raw_starts), tuple(copied), len(raw), nfc_index)
    return NormalizedText(text, offsets)


def _nfc_with_index(text: str) -> tuple[str, tuple[int, ...]]:
    """NFC by clusters (a base character and its combining marks), so each
    output character can point at the start of the cluster it came from."""
    out: list[str] = []
    index: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        out.append(cluster)
        index.extend([i] * len(cluster))
        i = j
    index.append(n)  # the end offset
    return "".join(out), tuple(index)
