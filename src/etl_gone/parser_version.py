"""The version of the parsing code, without importing it.

The loader and the flow's process compare stored rows against this version
to decide what to parse; they need the number, not the parsers (importing
those costs ~0.7 s and ~18 MB in a process that does not parse).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

# Modules whose code decides what the parse produces: their source is hashed
# into PARSER_VERSION, so any change to a rule re-parses the stored articles
# (and nothing needs a hand-bumped version number).
# tests/test_parser_version.py checks that every module parse.py reaches is here.
PARSE_MODULES = ("normalize", "records", "textclean", "htmlclean", "furniture", "entities", "quotes",
                 "sentences", "timex", "claims", "amounts", "parse", "ids", "decode")


def _source_digest(modules: tuple[str, ...]) -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in modules:
        digest.update(name.encode())
        path = here / f"{name}.py"
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:12]


PARSER_VERSION = _source_digest(PARSE_MODULES)
