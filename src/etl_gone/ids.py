"""Deterministic ids: the same inputs always give the same id."""
from __future__ import annotations

import hashlib

ID_HEX_CHARS = 16


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_id(*parts: object) -> str:
    """A short stable id from any parts (joined with an unprintable separator
    so that ("ab", "c") and ("a", "bc") differ)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HEX_CHARS]
