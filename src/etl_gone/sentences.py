"""News-aware sentence splitting that keeps character offsets.

`split_sentences(text)` returns `(start, end)` spans into `text`, trimmed of
surrounding whitespace, in order, covering every non-space character once.
A sentence ends at `.`, `?`, `!` or an ellipsis (with any closing quotes or
brackets that follow) when the next word starts a sentence, and at a line
break unless the break looks like hard-wrapped prose. Abbreviations common
in news copy are handled by class, not by listing sentences:

- titles (`Mr.`, `Dr.`, `Sen.`) and `vs.` never end a sentence;
- `No.`/`Oct.`-style abbreviations do not end one before a number;
- single capital initials (`J. K. Rowling`, `George W. Bush`), dotted acronyms
  (`U.S.`, `a.m.`) and company/name suffixes (`Inc.`, `Jr.`, `St.`) end one
  only when a typical sentence-opening word follows (`U.S. The ...`).

One regex pass over the text, bounded look-around per candidate: linear.
"""
from __future__ import annotations

import re
from functools import lru_cache

# A run of terminal punctuation, then closing quotes/brackets, then a space
# or the end; or a line break. The two alternatives are the only places a
# sentence can end.
BOUNDARY_CANDIDATE_RE = re.compile(
    r"(?P<term>(?:\. \. \.|[.?!\u2026])+)(?P<close>[\"'\u201d\u2019\u00bb)\]]*)(?=\s|$)"
    r"|(?P<newline>\n\s*)"
)
# Paragraphs whose spans are kept (an article's worth and more).
SPLIT_CACHE_SIZE = 1024
# Whitespace after a candidate, to find where the next sentence starts.
WHITESPACE_RUN_RE = re.compile(r"\s*")
# The token just before a full stop ("U.S", "Mr", "P", "Inc").
TOKEN_BEFORE_RE = re.compile(r"[\w.&'\u2019-]+$")
TOKEN_LOOKBACK_CHARS = 40
# Characters that may open a sentence before its first letter ("'Tis", "(AP").
OPENING_PUNCTUATION = "\"'\u201c\u2018\u00ab([*#\u2014\u2013-"
OPENING_SKIP_MAX = 3
# The first word of what follows a candidate boundary.
NEXT_WORD_RE = re.compile(r"[\"'\u201c\u2018\u00ab(\[]*([A-Za-z]+)")
# "U.S", "a.m", "Ph.D", "U.S.A" (the final full stop is not part of the token).
DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}$")

# Never end a sentence: they always precede a name or another word.
# Past forms that a "-ed" ending does not show ("took", "said", "sued"): a
# clause told in the past, and a verb after its subject ("Rock ... took").
SHORT_PAST_VERBS = frozenset("""
was were had did said told came went made took gave got met won lost ran left began became saw spoke wrote
sang held sent brought thought felt found kept stood sat threw hit put led paid fell rose sold shot bought
quit sued
""".split())
TITLE_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "messrs", "mmes", "mme", "dr", "prof", "sen", "sens", "rep", "reps",
    "gov", "govs", "gen", "lt", "col", "sgt", "capt", "cmdr", "cmdr", "adm", "maj", "rev",
    "hon", "rt", "pres", "supt", "det", "insp", "msgr", "fr", "atty", "amb", "vs", "v", "ca",
})
# Do not end a sentence when a number follows ("No. 11", "Oct. 30", "p. 4").
NUMBER_ABBREVIATIONS = frozenset({
    "no", "nos", "vol", "vols", "art", "fig", "figs", "p", "pp", "ch", "sec", "op", "ed",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
# End a sentence only before a typical sentence opener ("Apple Inc. The ...").
AMBIGUOUS_ABBREVIATIONS = frozenset({
    "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "st", "ste", "ave", "blvd",
    "rd", "mt", "ft", "etc", "al", "approx", "est", "dept", "univ", "assn", "intl", "gov't",
})
# Words that, capitalised after an ambiguous abbreviation, start a new sentence.
SENTENCE_STARTERS = frozenset({
    "the", "a", "an", "he", "she", "it", "they", "we", "you", "his", "her", "its", "their",
    "our", "my", "this", "that", "these", "those", "there", "here", "but", "and", "or", "so",
    "yet", "in", "on", "at", "for", "from", "with", "by", "to", "of", "as", "after", "before",
    "when", "while", "if", "although", "though", "because", "since", "however", "meanwhile",
    "still", "now", "then", "last", "next", "some", "many", "most", "all", "both", "each",
    "one", "two", "three", "what", "why", "how", "who", "where", "which", "officials",
    "during", "earlier", "later", "also", "according", "asked", "instead", "other",
})


def _next_start(text: str, pos: int) -> int:
    """Index of the first non-space character at or after `pos`."""
    return WHITESPACE_RUN_RE.match(text, pos).end()


def _first_letter(text: str, pos: int) -> str:
    """The first character of the next word, skipping a little opening punctuation."""
    limit = min(len(text), pos + OPENING_SKIP_MAX + 1)
    while pos < limit and text[pos] in OPENING_PUNCTUATION:
        pos += 1
    return text[pos] if pos < len(text) else ""


def _starts_sentence_word(text: str, pos: int) -> bool:
    match = NEXT_WORD_RE.match(text, pos, min(len(text), pos + 40))
    return bool(match) and match.group(1).lower() in SENTENCE_STARTERS


def _full_stop_ends_sentence(text: str, stop: int, next_pos: int) -> bool:
    """Whether the single full stop at `stop` ends a sentence, given that the
    next word starts with a capital or a digit at `next_pos`."""
    window = text[max(0, stop - TOKEN_LOOKBACK_CHARS):stop]
    found = TOKEN_BEFORE_RE.search(window)
    token = found.group(0).lstrip("'\u2019-&") if found else ""
    if not token:
        return True
    lowered = token.lower()
    next_char = _first_letter(text, next_pos)
    if lowered in TITLE_ABBREVIATIONS:
        return False
    if lowered in NUMBER_ABBREVIATIONS and next_char.isdigit():
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        # an initial: "J. K. Rowling", "George W. Bush"
        return _starts_sentence_word(text, next_pos)
    if lowered in AMBIGUOUS_ABBREVIATIONS or DOTTED_ACRONYM_RE.match(token):
        return _starts_sentence_word(text, next_pos)
    return True


def _ends_sentence(text: str, match: re.Match) -> bool:
    """Decide one candidate from BOUNDARY_CANDIDATE_RE."""
    next_pos = _next_start(text, match.end())
    if next_pos >= len(text):
        return True
    is_newline = match.group("newline") is not None
    gap = text[match.start() if is_newline else match.end():next_pos]
    next_char = _first_letter(text, next_pos)
    if gap.count("\n") > 1:
        return True  # a blank line always separates
    if is_newline:
        # a line break ends a sentence unless it wraps running prose
        before = text[max(0, match.start() - TOKEN_LOOKBACK_CHARS):match.start()].rstrip(" ")[-1:]
        wrapped = next_char.islower() and (before.isalpha() or before in ",;:-")
        return not wrapped
    if "\n" in gap:
        return True
    if not next_char or next_char.islower():
        return False
    term = match.group("term")
    if "." not in term or "\u2026" in term or term.count(".") > 1:
        # ?, !, ellipsis: the capital (or digit, or symbol) is enough
        return True
    if match.group("close"):
        # said." Next — a closing quote after the stop settles it
        return True
    return _full_stop_ends_sentence(text, match.start("term") + term.rindex("."), next_pos)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` of `text`, whitespace trimmed, in order.

    Never raises; an empty or blank text gives an empty list."""
    if not isinstance(text, str) or not text.strip():
        return []
    return list(_sentence_spans(text))


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of a non-blank text, cached as a tuple: quotes, time
    expressions and claims each split the same paragraphs."""
    try:
        spans: list[tuple[int, int]] = []
        start = _next_start(text, 0)
        for match in BOUNDARY_CANDIDATE_RE.finditer(text):
            if match.start() < start or not _ends_sentence(text, match):
                continue
            end = match.end() if match.group("newline") is None else match.start()
            stripped_end = len(text[start:end].rstrip()) + start
            if stripped_end > start:
                spans.append((start, stripped_end))
            start = _next_start(text, match.end())
        tail_end = len(text.rstrip())
        if tail_end > start:
            spans.append((start, tail_end))
        return tuple(spans)
    except Exception:  # never fail a pipeline on one odd paragraph
        return ((_next_start(text, 0), len(text.rstrip())),)
