"""Amounts a sentence states: sums of money, percentages, durations and
counts ("fined $453 million", "a 19% pay raise", "15 seconds after launch",
"363 miners were rescued"), each with what it measures.

Two outlets that give one fact different figures disagree, and only a
figure that knows what it is a figure of can be compared. So each amount
carries:

- its value and unit ('USD', 'GBP', 'percent', 'second', 'count', ...), the
  step of its last written digit (`rounding`: "$1.2 billion" is 1e8, so
  "$1.23 billion" does not contradict it) and whether it is exact, a guess
  ("about 20,000") or a bound ("nearly $800,000", "at least 37");
- `counted`: for a count, the noun counted ("miners");
- `about`: the named person, organisation or thing it belongs to, the
  nearest one before it in the clause ("Rizzo was earning a $787,637 annual salary,
  Adams $457,000": Rizzo's, then Adams's);
- `measure_words`: stems of the content words beside it ("fined", "annual
  salary", "pay raise"), which tell the figures of one fact from the
  other figures of the same party.

A figure in parentheses right after another ("£290 million ($455 million,
360 million euros)") converts it: it measures what that one measures.

Pure: strings and name spans in, `FoundAmount`s out.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Numbers written as words (counts and durations: "six seconds", "nine matches").
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "dozen": 12})
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b)"
MULTIPLIERS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
               "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
MULTIPLIER = rf"(?:\s?(?P<mult>{'|'.join(sorted(MULTIPLIERS, key=len, reverse=True))})\b)?"
# Symbols before the number and words after it. "$" alone is read as US
# dollars: it is how most English news writes them.
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
                    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
                    "Rs.": "INR", "Rs": "INR"}
CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "sterling": "GBP",
                  "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "roubles": "RUB",
                  "rubles": "RUB", "francs": "CHF", "pesos": "MXN", "rand": "ZAR", "won": "KRW"}
DURATION_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
                  "month": "month", "year": "year", "decade": "decade"}
# Counted nouns whose plural has no "s".
PLURALS_WITHOUT_S = ("people", "children", "men", "women", "police", "personnel", "staff", "cattle", "sheep",
                     "fish", "aircraft")
CURRENCY_SYMBOL = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
AMOUNT_RE = re.compile(
    # "$453 million", "£290m", "US$ 1.2 billion"
    rf"(?<![\w$£€¥])(?P<sym>{CURRENCY_SYMBOL})\s?(?P<n1>{DIGITS}){MULTIPLIER.replace('mult', 'mult1')}"
    # "360 million euros" (not "5,000 pounds of supplies": a weight)
    rf"|\b(?P<n2>{NUMBER}){MULTIPLIER.replace('mult', 'mult2')}\s+(?P<curword>{'|'.join(CURRENCY_WORDS)})\b"
    rf"(?!\s+of\b)"
    # "19%", "50.21 percent", "50.2 per cent"
    rf"|\b(?P<n3>{DIGITS})\s?(?:%|(?:percent|per\s?cent)\b)"
    # "15 seconds", "a four-month ban", "six years"
    rf"|\b(?P<n4>{NUMBER})[\s-](?P<dur>{'|'.join(DURATION_UNITS)})s?\b(?![\s-]+old\b)"
    # "the 68-year-old captain", "aged 68"
    rf"|\b(?P<n6>{NUMBER})[\s-]years?[\s-]old\b|\baged\s+(?P<n7>\d{{1,3}})\b"
    # "363 miners", "37 foreign hostages", "2 million people"
    rf"|(?<![\w.,$£€¥])(?P<n5>{NUMBER}){MULTIPLIER.replace('mult', 'mult5')}\s+"
    rf"(?:(?P<adj>[a-z]+)\s+)?(?P<noun>[a-z]{{3,}}s|{'|'.join(PLURALS_WITHOUT_S)})\b",
    re.IGNORECASE)
# A person's age in apposition: "Lee Joon-seok, 69, faces charges".
# (not the head of a bigger number: "Christmas Island, 1,600 miles north-west")
AGE_AFTER_NAME_RE = re.compile(r",\s*(?P<age>\d{1,3}),(?!\d)")
MAX_AGE = 130
# Whose an age is: the name it stands before, across at most a few words that
# are not prepositions ("the 28-year-old co-pilot Andreas Lubitz", not "The
# 23-year-old flew to London"), or the name it is in apposition to ("Lubitz,
# a 28-year-old", "Doe, aged 45"). Else nobody's: "the 68-year-old captain".
AGE_OWNER_AFTER_GAP_RE = re.compile(r"(?:\s+(?!(?:of|in|at|to|from|with|for|by|on|and|or|who|was|is)\b)"
                                    r"[a-z][a-z-]*){0,3}\s+")
AGE_OWNER_BEFORE_GAP_RE = re.compile(r",\s+(?:(?:a|an|the|now|then|who is|who was)\s+)?(?:aged\s+)?")
# A number that is a year before a noun ("the 2009 floods"), not a count.
YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
# What every figure holds: a digit or a number word.
AMOUNT_HINT_RE = re.compile(rf"\d|\b(?:{'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE)
# Words before a figure that make it a guess ("about 20,000") or a bound
# ("at least 37", "nearly $800,000": consistent with any figure on its side).
ABOUT_BEFORE_RE = re.compile(
    r"\b(?:about|around|approximately|roughly|some|an estimated|estimated|circa|an approximate)\s+(?:a\s+)?$",
    re.IGNORECASE)
BOUND_BEFORE_RE = re.compile(
    r"\b(?:nearly|almost|over|under|more than|less than|fewer than|at least|at most|up to|as many as|"
    r"as much as|close to|upwards of|just over|just under|in excess of|no more than|no fewer than)\s+(?:a\s+)?$",
    re.IGNORECASE)
QUALIFIER_LOOKBACK_CHARS = 20
# Plural nouns after a number that are not things counted.
NOT_COUNTED = frozenset("""
years months weeks days hours minutes seconds decades times points percent cents others ones votes
pounds dollars euros yen yuan rupees francs pesos
""".split())
# Words that never say what a figure measures.
STOP_WORDS = frozenset("""
a an the and or but of to in on at by for from with as that this these those its his her their our your
was were is are be been being has have had will would could should may might can did does do not no
than then more less most least about around approximately roughly nearly almost some over under just
up down out into onto per each every total totaling totalling worth only also still even already
who whom which what when where while after before since until during among between through
he she it they we you him them us me i one ones other others another such very much many few
said says told reported according percent cent million billion trillion thousand dollars euros pounds
year years month months week weeks day days time times last next first second third new
estimated estimate figure figures number numbers amount info www com net org http https
""".split())
# Verbs of movement say a figure changed, not which figure it is ("profit
# fell 13%" and "shares fell 15%" are not one fact).
GENERIC_MEASURE_STEMS = frozenset("""
rise rose fall fell drop gain lose lost increas decreas grow grew jump climb slip plung surg reach
hit stand stood come came total get got go went make made
""".split())
# Irregular forms brought to the stem of their regular one ("spent" / "spending").
IRREGULAR_STEMS = {"spent": "spend", "paid": "pay", "won": "win", "lost": "lose", "sold": "sell",
                   "bought": "buy", "gave": "give", "given": "give", "took": "take", "taken": "take",
                   "left": "leave", "kept": "keep", "held": "hold", "brought": "bring", "saw": "see",
                   "seen": "see", "died": "die", "dead": "die", "deaths": "die", "death": "die"}
SUFFIX_RE = re.compile(r"(?:ies|ing|ed|es|s|e)$")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# How many words either side of a figure say what it measures.
MEASURE_WINDOW_WORDS = 4
MIN_STEM_CHARS = 3
# A name this far back still owns a figure ("Adams, who earns $475,000").
ABOUT_LOOKBACK_CHARS = 200
PAREN_RE = re.compile(r"\([^()]*\)")
# Names that do not own the figures beside them: a source ("according to
# Reuters") and a preposition's object ("the streets of Bucharest", "flying
# with Germanwings").
NOT_OWNER_LEAD_RE = re.compile(
    r"\b(?:according to|told|reported by|said|of|in|at|to|from|with|for|by|on|off|near|into|onto|across|"
    r"against|over|under|toward|towards|through|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE)
NOT_OWNER_LOOKBACK_CHARS = 30


@dataclass(frozen=True)
class FoundAmount:
    start: int
    end: int
    text: str
    value: float
    unit: str
    rounding: float
    exactness: str  # 'exact', 'about' (a guess) or 'bound' (at least, nearly, ...)
    counted: str | None
    about: str | None
    measure_words: tuple[str, ...]


def stem(word: str) -> str:
    """A crude stem, enough to match "fined"/"fine", "salary"/"salaries", "rescued"/"rescue"."""
    w = word.lower().replace("\u2019", "'").split("'")[0]
    if w in IRREGULAR_STEMS:
        return IRREGULAR_STEMS[w]
    s = SUFFIX_RE.sub("", w)
    if len(s) < MIN_STEM_CHARS:
        return w
    return s + ("y" if w.endswith("ies") else "")


def _number(text: str) -> tuple[float, float]:
    """(value, step of the last written digit) of a number as written."""
    word = NUMBER_WORDS.get(text.lower())
    if word is not None:
        return float(word), 1.0
    digits = text.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits), 10.0 ** -decimals


def _paren_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The (unnested) parenthesised stretches of text[lo:hi]."""
    return [(m.start(), m.end()) for m in PAREN_RE.finditer(text, lo, hi)]


def _measure_words(text: str, start: int, end: int, lo: int, hi: int, parens: list[tuple[int, int]],
                   figures: list[tuple[int, int]]) -> tuple[str, ...]:
    """Stems of the content words within MEASURE_WINDOW_WORDS of text[start:end]
    inside text[lo:hi]: not names, not other figures, not in parentheses the
    figure is not in."""
    skips = [p for p in parens if not p[0] <= start < p[1]] + figures

    def usable(m: re.Match) -> bool:
        w = m.group()
        return not any(p[0] <= m.start() < p[1] for p in skips) and w.lower() not in STOP_WORDS \
            and w.lower() not in NUMBER_WORDS and not w[0].isupper()
    before = [m for m in WORD_RE.finditer(text, lo, start) if usable(m)][-MEASURE_WINDOW_WORDS:]
    after = [m for m in WORD_RE.finditer(text, end, hi) if usable(m)][:MEASURE_WINDOW_WORDS]
    stems = {stem(m.group()) for m in before + after}
    return tuple(sorted(s for s in stems if len(s) >= MIN_STEM_CHARS and s not in GENERIC_MEASURE_STEMS))


def _about(text: str, start: int, lo: int, names: Sequence[tuple[int, int, str]]
           ) -> str | None:
    """The named party a figure at text[start:end] belongs to: the nearest name
    before it in text[lo:hi] that is not a source or a preposition's object
    (not one after it: "Spaccia, who earns $375,000, and Adams" is not Adams's)."""
    def owner(n: tuple[int, int, str]) -> bool:
        return not NOT_OWNER_LEAD_RE.search(text, max(lo, n[0] - NOT_OWNER_LOOKBACK_CHARS), n[0])
    before = [n for n in names if lo <= n[0] and n[1] <= start and start - n[1] <= ABOUT_LOOKBACK_CHARS
              and owner(n)]
    return max(before, key=lambda n: n[1])[2] if before else None


def _age_owner(text: str, start: int, end: int, lo: int, hi: int, names: Sequence[tuple[int, int, str]]
               ) -> str | None:
    """The name an age at text[start:end] belongs to (see AGE_OWNER_AFTER_GAP_RE)."""
    after = next((n for n in sorted(names) if end <= n[0] and n[1] <= hi), None)
    if after is not None and AGE_OWNER_AFTER_GAP_RE.fullmatch(text, end, after[0]):
        return after[2]
    before = max((n for n in names if lo <= n[0] and n[1] <= start), key=lambda n: n[1], default=None)
    if before is not None and AGE_OWNER_BEFORE_GAP_RE.fullmatch(text, before[1], start):
        return before[2]
    return None


def find_amounts(text: str, lo: int = 0, hi: int | None = None,
                 names: Sequence[tuple[int, int, str]] = ()) -> list[FoundAmount]:
    """The amounts in text[lo:hi]. `names` are (start, end, canonical name)
    of the people and organisations named in the text (offsets in `text`)."""
    hi = len(text) if hi is None else hi
    if not AMOUNT_HINT_RE.search(text, lo, hi):
        return []  # most clauses state no figure: one cheap look before the long pattern
    found: list[FoundAmount] = []
    parens = _paren_spans(text, lo, hi)
    matches = list(AMOUNT_RE.finditer(text, lo, hi))
    figures = [m.span() for m in matches]
    for m in matches:
        n = next(g for g in ("n1", "n2", "n3", "n4", "n5", "n6", "n7") if m.group(g))
        value, rounding = _number(m.group(n))
        mult = m.group("mult1") or m.group("mult2") or m.group("mult5")
        if mult:
            value, rounding = value * MULTIPLIERS[mult.lower()], rounding * MULTIPLIERS[mult.lower()]
        counted = None
        if n == "n1":
            unit = CURRENCY_SYMBOLS[m.group("sym")]
        elif n == "n2":
            unit = CURRENCY_WORDS[m.group("curword").lower()]
        elif n == "n3":
            unit = "percent"
        elif n == "n4":
            unit = DURATION_UNITS[m.group("dur").lower()]
        elif n in ("n6", "n7"):
            unit = "age"
        else:
            noun = m.group("noun").lower()
            word = m.group(n).replace(",", "")
            if noun in NOT_COUNTED or noun in STOP_WORDS or (not mult and YEAR_RE.fullmatch(word)):
                continue  # "in 2009 floods", "2,000 years", "a few others"
            unit, counted = "count", noun
        lead = text[max(lo, m.start() - QUALIFIER_LOOKBACK_CHARS):m.start()]
        exactness = "bound" if BOUND_BEFORE_RE.search(lead) else "about" if ABOUT_BEFORE_RE.search(lead) else "exact"
        start, end = m.start(), m.end()
        inside = next((p for p in parens if p[0] <= start < p[1]), None)
        owner = next((f for f in reversed(found) if inside and f.end <= inside[0]
                      and not text[f.end:inside[0]].strip()), None)
        if owner is not None:
            # "£290 million ($455 million, 360 million euros)": converts the figure before
            about, words = owner.about, owner.measure_words
        else:
            words = _measure_words(text, start, end, lo, hi, parens, figures)
            about = _about(text, start, lo, names)
        if unit == "age":
            if value > MAX_AGE:
                continue
            about = _age_owner(text, start, end, lo, hi, names)
        found.append(FoundAmount(start, end, m.group(), value, unit, rounding, exactness, counted, about, words))
    for name_start, name_end, name in names:
        age = AGE_AFTER_NAME_RE.match(text, name_end, hi)
        if age and lo <= name_start and 0 < int(age.group("age")) <= MAX_AGE \
                and not any(f.start < age.end("age") and age.start("age") < f.end for f in found):
            found.append(FoundAmount(age.start("age"), age.end("age"), age.group("age"), float(age.group("age")),
                                     "age", 1.0, "exact", None, name, ()))
    return sorted(found, key=lambda f: f.start)

