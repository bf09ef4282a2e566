"""Date and time-expression extraction and normalisation for news paragraphs.

`extract_time_expressions(article_id, paragraphs, published)` finds every
date mention in the body paragraphs and resolves it to a calendar period:

- absolute dates: `May 8, 2014`, `Oct. 30, 2001`, `30 October 2001`,
  `September of 2001`, `2014-05-08`, `5/8/2014`, years (`in 2001`, `their 2001
  hit`), decades (`the '90s` -> `1990/1999`), centuries, seasons, quarters and
  halves with a year, holidays;
- ranges: `from October 2000 to August 2001`, `between January and April of
  2001` (the year applies to both ends), `2000-2001`, `May 8-11, 2014`;
- year-less dates (`Sunday, May 11th`, `in October`): with a weekday, the year
  in which that day falls on that weekday closest to the publication date, or
  without one to the latest year the article mentions (anchor
  'context_year'); without a weekday, the publication year, or the year
  before (after) when that puts a date told in the past (in the future, with
  a modal) two months or more after (before) publication; else unresolved.
  A bare month is a date after a preposition (`in May`) or between a
  determiner and a noun for something that takes place (`a September
  conversation`);
- relative to the publication date (anchor 'publication_date'): `today`,
  `yesterday`, `this Sunday`, `on Sunday`, `last week`, `next month`, `this
  year`, `two years ago`, `last October`, `this summer`;
- relative to the event they follow (anchor 'event'): `the following year`,
  `12 years later`, `a year later`, `that same year`, `the day before`.
  The anchor is the nearest preceding calendar expression (absolute, or
  year-less but resolved) in the same or an earlier paragraph; relative
  expressions never anchor others, so errors do not chain.

Conventions (documented choices):
- `value` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a period that is not one
  calendar unit is `start/end`, each end written at its own precision
  (`2000-10/2001-08`, `1990/1999`, `2014-04-28/2014-05-04`); `precision` is
  the coarser of the two ends. `date_start`/`date_end` are always the first
  and last day of the whole period.
- Weeks (`last week`, `the following week`) are Monday-Sunday ranges at
  'day' precision; weekends Saturday-Sunday.
- Seasons are meteorological month ranges (spring Mar-May, summer Jun-Aug,
  fall Sep-Nov); `winter 2001` is the winter whose January is in 2001
  (`2000-12/2001-02`); `winter 2013-14` the same as `winter 2014`.
- A bare weekday (`on Sunday`, `said Sunday`) is the occurrence within a
  week of publication in the direction of the nearest tense cue in its
  sentence (`will`, `said`, `-ed`...), the past one without a cue (news
  mostly reports what happened); the publication day itself counts;
  `this Sunday` is on or after publication, `next Sunday` strictly after,
  `last Sunday` strictly before.
- The century of a two-digit decade (`the '90s`) is the latest that has
  begun by the publication year (else the article's latest year, else 2019).
- `early/mid/late`, `the end of` and hedges (`nearly`) are kept in `text` and
  `modifier` but do not narrow the value.
- Times of day, durations (`12 years`, `the past year`), ordinals and
  numbers that are not years (`No. 11`, `#14`, `Hot 100`, `2,000`) are not
  extracted; nor are season/quarter words without a year (`the fourth
  quarter` of a game).
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from etl_gone.ids import make_id
from etl_gone.records import TimeExpression
from etl_gone.sentences import SHORT_PAST_VERBS, split_sentences

# ---------------------------------------------------------------- word lists

MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
FULL_MONTH_NAMES = tuple(name for name, _ in list(MONTH_NUMBERS.items())[:12])
WEEKDAY_NUMBERS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
FULL_WEEKDAY_NAMES = tuple(name for name, n in WEEKDAY_NUMBERS.items() if len(name) > 5)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "a couple of": 2,
}
# Counts that make an offset too vague to resolve ("a few years ago").
VAGUE_COUNT_WORDS = frozenset({"a few", "several", "many", "some"})
ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4,
                   "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# Months of each season, by offset from the season's named year (winter
# starts in December of the year before the January it contains).
SEASON_MONTHS = {
    "spring": ((0, 3), (0, 5)), "summer": ((0, 6), (0, 8)), "fall": ((0, 9), (0, 11)),
    "autumn": ((0, 9), (0, 11)), "winter": ((-1, 12), (0, 2)),
}
# Fixed-date holidays: (month, day).
FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1),
    "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
    "fourth of july": (7, 4), "july fourth": (7, 4), "boxing day": (12, 26),
    "veterans day": (11, 11),
}
# Holidays on the n-th (or last, -1) weekday of a month: (month, weekday, n).
WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
    "memorial day": (5, 0, -1), "labor day": (9, 0, 1),
}
# Holidays at a fixed offset in days from Easter Sunday.
EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "good friday": -2}

# Words before a bare month or holiday that make it a date ("in May", "by Christmas").
DATE_PREPOSITIONS = frozenset({
    "in", "since", "until", "till", "by", "from", "through", "during", "before", "after",
    "of", "between", "throughout", "around", "on", "at", "over", "for", "early", "late",
    "mid", "until", "as", "into",
})
# "a key September conversation", "the June election": a bare month between a
# determiner (and at most one lowercase word) and a noun for something that
# takes place dates that thing.
MONTH_ATTRIBUTE_LEAD_RE = re.compile(r"\b(?i:a|an|the|that|its|his|her|their)\s+(?:[a-z][\w-]*\s+)?$")
MONTH_ATTRIBUTE_LOOKBACK = 40
MONTH_ATTRIBUTE_NOUN_RE = re.compile(
    r"\s+(?:(?:phone |telephone )?call|meeting|conversation|talks|election|vote|referendum|primary|summit|visit|"
    r"trip|hearing|speech|interview|announcement|decision|ruling|verdict|trial|debate|rally|attack|raid|crash|"
    r"storm|flood|earthquake|shooting|protest|strike|launch|concert|deadline|session|conference)s?\b")
# Words that join the two ends of a range, or two items of a list of dates.
RANGE_JOINERS = frozenset({"-", "\u2013", "\u2014", "to", "until", "till", "through", "thru", "and"})
# A place named after "in" or "at" right before a weekday that ends its phrase:
# "toured the damage in Lahaina Thursday, he said" is the day, not a name.
PLACE_THEN_WEEKDAY_RE = re.compile(r"\b(?:in|at)\s+[A-Z][\w'\u2019.-]*\s+$")
WEEKDAY_END_RE = re.compile(r"\s*(?:[,.;:!?)]|\s(?:morning|afternoon|evening|night)\b)")
# Before a bare weekday: words that make it a date even when capitalised.
WEEKDAY_LEAD_WORDS = frozenset({
    "on", "by", "until", "till", "since", "from", "through", "and", "or", "late", "early",
    "before", "after", "every", "each", "last", "this", "next", "past", "coming", "as", "of",
})
# Words before a 4-digit number that make it a label, not a year.
YEAR_BLOCKING_PREVIOUS_WORDS = frozenset({
    "no", "nos", "number", "num", "route", "highway", "interstate", "flight", "room", "suite",
    "apt", "page", "p", "pp", "section", "article", "chapter", "rule", "bill", "hr", "h.r",
    "channel", "box", "pin", "code", "model", "vol", "issue", "episode", "ep", "exit", "lot",
    "unit", "gate", "platform", "bus", "train", "batch", "item", "ticket", "account",
    "case", "reference", "ref", "order", "patent", "serial", "invoice", "extension", "ext",
    "over", "about", "nearly", "almost", "some", "approximately", "roughly", "only", "than",
    "scored", "totaled", "totalled", "totaling", "totalling",
})
# "a total score of 2072", "a population of 1500": a quantity, not a year.
QUANTITY_OF_BEFORE_RE = re.compile(
    r"\b(?:score|scores|total|sum|tally|count|average|rating|price|cost|value|population|attendance|"
    r"crowd|balance|reading|capacity|figure|fee|salary|income|revenue|depth|height|altitude|"
    r"distance|weight|length|mileage)\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+)?$",
    re.I)
QUANTITY_LOOKBACK_CHARS = 48
# Words after a 4-digit number that make it a count or a clock time.
YEAR_BLOCKING_NEXT_WORDS = frozenset({
    "people", "persons", "votes", "voters", "points", "pts", "yards", "yds", "metres",
    "meters", "m", "km", "kilometres", "kilometers", "miles", "mi", "feet", "ft", "inches",
    "tons", "tonnes", "pounds", "lbs", "kg", "kilograms", "grams", "units", "shares", "jobs",
    "employees", "workers", "staff", "troops", "soldiers", "cases", "deaths", "dead",
    "victims", "dollars", "euros", "pesos", "yen", "rupees", "residents", "members",
    "copies", "seats", "times", "calories", "pages", "words", "cars", "vehicles", "homes",
    "houses", "acres", "hectares", "students", "fans", "spectators", "attendees",
    "participants", "gmt", "utc", "bst", "est", "edt", "pst", "pdt", "cet", "hours", "hrs",
    "h", "rpm", "mph", "kph", "degrees", "percent", "bps", "barrels", "megawatts", "mw",
    "patients", "children", "kids", "men", "women", "signatures", "cc", "applications",
    "tickets", "companies", "firms", "flights", "officers", "police", "protesters",
    "migrants", "refugees", "users", "customers", "subscribers", "views", "likes",
    "followers", "downloads", "games", "matches", "runs", "goals", "wins", "laps",
    "pixels", "px", "x", "\u00d7",
})
# "of 1909 Jolinda Drive": a house number, not a year.
STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
    "ln", "way", "court", "ct", "place", "pl", "highway", "hwy", "parkway", "pkwy", "circle",
    "terrace", "square", "trail",
})
# After a two-digit decade without apostrophe ("in the 90s"): temperatures, not decades.
DECADE_BLOCKING_NEXT_WORDS = frozenset({"degrees", "percent", "f", "c", "mph", "range"})
# Tense cues for a bare weekday ("will air Sunday" / "died Sunday").
FUTURE_CUE_WORDS = frozenset({
    "will", "shall", "'ll", "\u2019ll", "won't", "won\u2019t", "upcoming", "scheduled", "set",
    "due", "expected", "plans", "plan", "planned", "premieres", "airs", "kicks", "begins",
    "starts", "opens", "going", "gonna", "tune", "watch", "ahead",
})
# Future cues that are often nouns: after a determiner or a possessive they tell no tense.
NOUN_CUE_WORDS = frozenset({"plan", "plans", "set", "watch"})
NOUN_CUE_BEFORE_RE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['\u2019]s)\s+$", re.I)
PAST_CUE_WORDS = SHORT_PAST_VERBS | {"announced", "last", "ago", "earlier"}

# Before a year-less date, words that make it a bound or a target, which may
# lie on either side of publication whatever the tense ("postponed until December").
YEAR_SHIFT_BLOCKING_PREVIOUS_WORDS = frozenset({"until", "till", "by", "to", "through", "before", "after", "from"})
YEAR_SHIFT_MIN_DAYS = 60
# What makes a sentence's future plain ("plans" and "set" are often nouns or past).
FUTURE_MODAL_RE = re.compile(r"\b(?i:will|shall|won['\u2019]t|going to|scheduled|expected to|set to|due to|slated|"
                             r"upcoming)\b|['\u2019]ll\b")

# ---------------------------------------------------------------- regexes


def _alternation(words) -> str:
    """Title-case and upper-case variants, longest first (so "Sept" beats "Sep")."""
    variants = {v for w in words for v in (w.title(), w.upper())}
    return "|".join(sorted((re.escape(v) for v in variants), key=len, reverse=True))


MONTH_FULL = rf"(?:{_alternation(FULL_MONTH_NAMES)})"
MONTH_ANY = rf"(?:{_alternation(MONTH_NUMBERS)})"
WEEKDAY_FULL = rf"(?:{_alternation(FULL_WEEKDAY_NAMES)})"
WEEKDAY_ANY = rf"(?:{_alternation(WEEKDAY_NUMBERS)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|[.,]\d|\s*(?:%|percent))"
YEAR_AFTER_DAY = r"(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>[12]\d{3})(?![\d%]|[.,]\d))?"
SEASON_WORDS = rf"(?i:{'|'.join(SEASON_MONTHS)})"
HOLIDAY_NAMES = (
    r"Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['\u2019]s\s+Eve|"
    r"New\s+Year['\u2019]s\s+Day|New\s+Year['\u2019]s|Halloween|Valentine['\u2019]s\s+Day|"
    r"Independence\s+Day|Fourth\s+of\s+July|July\s+Fourth|Thanksgiving(?:\s+Day)?|"
    r"Easter\s+Sunday|Easter|Good\s+Friday|Memorial\s+Day|Labor\s+Day|Boxing\s+Day|"
    r"Veterans\s+Day"
)

# Each pattern's match is one candidate expression; its handler (below) reads
# the named groups. Overlaps are settled leftmost-longest.
ISO_DATE_RE = re.compile(
    r"(?<![\w/.-])(?P<year>[12]\d{3})(?P<sep>[-/])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?![\w/-])")
NUMERIC_DATE_RE = re.compile(
    r"(?<![\w/.-])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>[12]\d{3})(?![\w/])")
MONTH_DAY_YEAR_RE = re.compile(
    rf"(?:(?P<weekday>{WEEKDAY_ANY})\b\.?,?\s+)?(?P<month>{MONTH_ANY})\b\.?\s+{DAY}{YEAR_AFTER_DAY}")
DAY_MONTH_YEAR_RE = re.compile(
    rf"(?:(?P<weekday>{WEEKDAY_ANY})\b\.?,?\s+)?(?<![\d.,\u2013-])(?P<day>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_ANY})\b\.?"
    rf"(?:,?\s+(?P<year>[12]\d{{3}})(?![\d%]|[.,]\d))?")
MONTH_DAY_RANGE_RE = re.compile(
    rf"(?P<month>{MONTH_ANY})\b\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|through)\s*"
    rf"(?P<day_end>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%]|[.,]\d){YEAR_AFTER_DAY}")
DAY_MONTH_RANGE_RE = re.compile(
    rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014)\s*(?P<day_end>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_ANY})\b\.?"
    rf"(?:,?\s+(?P<year>[12]\d{{3}})(?![\d%]|[.,]\d))?")
MONTH_YEAR_RE = re.compile(
    rf"(?P<month>{MONTH_ANY})\b\.?,?\s+(?:of\s+)?(?P<year>[12]\d{{3}})(?![\d%]|[.,]\d)")
YEAR_RANGE_RE = re.compile(
    r"(?<![\w$\u00a3\u20ac\u00a5#@.,/:-])(?P<year>(?:1[5-9]|20)\d{2})\s?[-\u2013\u2014/]\s?"
    r"(?P<year_end>(?:1[5-9]|20)?\d{2})(?![\w%-]|[.,:/]\d)")
YEAR_RE = re.compile(
    r"(?<![\w$\u00a3\u20ac\u00a5#@.,/:'\u2019])(?<![A-Z\d][-\u2013])"
    r"(?P<year>(?:19|20)\d{2})(?![\w%\u00b0]|[.,:/]\d|\s?[-\u2013]\s?\d)")
# Years before 1900 are counts as often as dates ("1500 people"): only after a
# preposition of time ("born in 1889", "since 1850"), and still subject to
# the blocking words (`_year`).
OLD_YEAR_RE = re.compile(
    r"(?<![\w])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ff]rom|[Bb]y|[Cc]irca|c\.)\s+"
    r"(?P<year>1[5-8]\d{2})(?![\w%\u00b0]|[.,:/]\d|\s?[-\u2013]\s?\d)")
DECADE_RE = re.compile(
    r"(?P<the>(?i:the)\s+)?(?:(?P<modifier>(?i:early|mid|late))[\s-]+)?"
    r"(?P<decade>(?:1[5-9]|20)\d0s|['\u2019\u2018]\d0s|(?<=\s)[1-9]0s)(?!\w)")
CENTURY_RE = re.compile(
    r"(?:(?i:the)\s+)?(?:(?P<modifier>(?i:early|mid|late))[\s-]+)?"
    r"(?P<century>1[5-9]|2[01])(?:st|nd|rd|th)[\s-](?i:century)\b")
SEASON_YEAR_RE = re.compile(
    rf"(?P<season>{SEASON_WORDS})\s+(?:of\s+)?(?P<year>[12]\d{{3}})"
    r"(?:\s?[-\u2013/]\s?(?P<year_end>\d{2}|[12]\d{3}))?(?![\d%]|[.,]\d)")
QUARTER_RE = re.compile(
    r"(?:(?i:the)\s+)?(?P<ordinal>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]"
    r"(?P<part>(?i:quarter|half))\s+(?:of\s+)?(?:(?i:fiscal)\s+(?:(?i:year)\s+)?)?"
    r"(?P<year>[12]\d{3})(?![\d%]|[.,]\d)"
    r"|\b(?P<letter>[QH])(?P<number>[1-4])\s*(?:of\s+)?(?P<year2>[12]\d{3})(?![\d%])"
    r"|(?<![\w.,])(?P<year3>[12]\d{3})\s+(?P<letter3>[QH])(?P<number3>[1-4])\b")
FISCAL_YEAR_RE = re.compile(
    r"\b(?:(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)(?P<year>[12]\d{3})(?![\d%]|[.,]\d)")
BARE_MONTH_RE = re.compile(rf"(?<![\w'\u2019-])(?P<month>{MONTH_FULL})\b(?!['\u2019]s\s+[A-Z])")
WEEKDAY_RE = re.compile(rf"(?<![\w'\u2019-])(?P<weekday>{WEEKDAY_FULL})\b(?!-)")
HOLIDAY_RE = re.compile(
    rf"(?<![\w'\u2019-])(?:the\s+)?(?P<holiday>{HOLIDAY_NAMES})\b"
    r"(?:,?\s+(?P<year>[12]\d{3})(?![\d%]|[.,]\d))?")
SEASON_RE = re.compile(rf"\b(?P<season>{SEASON_WORDS})\b")
RELATIVE_UNIT_RE = re.compile(
    r"(?:(?P<modifier>(?i:earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|rest)\s+of))[\s-]+)?"
    r"(?P<relation>(?i:this\s+past|this\s+coming|this|last|next))\s+(?P<unit>(?i:week|weekend|month|year))\b")
DAY_WORD_RE = re.compile(
    r"\b(?P<word>(?i:today|tonight|yesterday|tomorrow|last\s+night|"
    r"this\s+(?:morning|afternoon|evening)))\b")
EVENT_RELATIVE_RE = re.compile(
    r"\b(?P<relation>(?i:the\s+(?:following|next|previous|preceding|prior|same)|that(?:\s+same)?|"
    r"(?:later|earlier)\s+that(?:\s+same)?|the\s+(?:very\s+)?same))\s+"
    r"(?P<unit>(?i:day|night|morning|evening|afternoon|week|weekend|month|year))\b"
    r"|\b(?i:the)\s+(?P<unit2>(?i:day|night|week|month|year))\s+(?P<direction>(?i:before|after))"
    r"(?=\s*(?:[.,;:!?)\u2014]|$))")
OFFSET_RE = re.compile(
    r"\b(?:(?P<hedge>(?i:nearly|almost|about|around|roughly|some|more\s+than|over|less\s+than|"
    r"just\s+over|just\s+under|just|only|barely))\s+)?"
    r"(?:(?P<count>(?i:a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|several|many|some)|\d{1,3})\s+)?"
    r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+"
    r"(?P<direction>(?i:ago|later|earlier|before|after|afterwards?|on|back|from\s+now|prior|hence))\b")
# Years counted back from the article's own day ("more than eight years ago"):
# an article without a date that writes one is told long after its full dates.
YEARS_AGO_RE = re.compile(r"\b(?:years?|decades?)\s+ago\b", re.IGNORECASE)
# "two years before" / "after" / "on" only stand alone before punctuation or
# "that"; "two years before the election" refers to the election, not a date.
OFFSET_TAIL_RE = re.compile(r"\s*(?:[.,;:!?)\u2014\u2013]|$)|\s+(?:that|then)\b")

# Prefilter cues. Most paragraphs hold no date, and scanning each one with
# every pattern is most of this module's cost. Every match of a pattern
# contains each of its cues (see PATTERNS), so a pattern only runs on
# paragraphs where all of them occur. *_CUE_RE are searched in the paragraph
# as written, for the patterns' case-sensitive parts; *_FOLDED_CUE_RE, all
# lower case, in the case-folded paragraph, for their (?i:...) parts (which
# re scans for slowly).
YEAR_CUE_RE = re.compile(r"[12]\d{3}")  # in every year: (?:19|20)\d{2}, (?:1[5-9]|20)\d{2}...
DECADE_CUE_RE = re.compile(r"\d0s")
MONTH_CUE_RE = re.compile(MONTH_ANY)  # MONTH_FULL is a subset
WEEKDAY_CUE_RE = re.compile(WEEKDAY_FULL)
HOLIDAY_CUE_RE = re.compile(HOLIDAY_NAMES)
CENTURY_FOLDED_CUE_RE = re.compile(r"century")
SEASON_FOLDED_CUE_RE = re.compile("|".join(SEASON_MONTHS))
QUARTER_FOLDED_CUE_RE = re.compile(r"quarter|half|[qh][1-4]")
# "this past week": the relation's last word is "past" (or "coming").
RELATIVE_UNIT_FOLDED_CUE_RE = re.compile(r"(?:this|last|next|past|coming)\s+(?:week|month|year)")
DAY_WORD_FOLDED_CUE_RE = re.compile(r"today|yesterday|tomorrow|night|morning|afternoon|evening")
EVENT_UNIT_FOLDED_CUE_RE = re.compile(r"day|night|morning|evening|afternoon|week|month|year")
OFFSET_FOLDED_CUE_RE = re.compile(
    r"(?:day|week|month|year|decade)s?\s+(?:ago|later|earlier|before|after|on|back|from|prior|hence)")
# Letters that re's IGNORECASE equates with an ASCII letter but str.lower()
# does not turn into it (the dotted capital I lower-cases to two characters).
CASE_FOLD_EXTRAS = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}

# Context around a candidate.
PREVIOUS_WORD_RE = re.compile(r"([\w.'\u2019]+)\W{0,3}$")
NEXT_WORD_RE = re.compile(r"\W{0,3}?([\w'\u2019]+)")
RELATIVE_PREFIX_RE = re.compile(
    r"(?P<relation>(?i:this\s+past|this\s+coming|this|last|next|coming|past))\s+$")
MODIFIER_PREFIX_RE = re.compile(
    r"(?P<modifier>(?i:early|mid|late|the\s+(?:end|beginning|start|middle|turn)\s+of))[\s-]+$")
RANGE_OPENER_RE = re.compile(r"(?P<opener>(?i:from|between))\s+$")
RANGE_GAP_RE = re.compile(r"\s*(?P<joiner>-|\u2013|\u2014|(?i:to|until|till|through|thru|and))\s*")
# "May this year", "October of last year".
YEAR_PHRASE_GAP_RE = re.compile(r"\s*(?:,\s*|(?i:of)\s+)?")
LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:(?i:and|or)\s+)?|(?i:and|or)\s+)")
TENSE_WORD_RE = re.compile(r"[\w'\u2019]+")
# A tense cue past a clause break speaks less for the date: in "The deal,
# approved by both boards on Monday, is expected to close in 2023" Monday is
# the approval's, past, and so it is in "approved the declaration on Thursday
# and will visit on Saturday". It counts as this many characters farther.
CLAUSE_BREAK_RE = re.compile(r"[,;:\u2014\u2013]|\b(?:and|but)\b")
CLAUSE_BREAK_PENALTY_CHARS = 40
SPACES_RE = re.compile(r"\s+")
ORDINAL_SUFFIX_RE = re.compile(r"st|nd|rd|th")
CONTEXT_CHARS = 30
# Century for "the '90s" when the article gives no year: '00s and '10s are 20xx.
TWO_DIGIT_DECADE_DEFAULT_REFERENCE = 2019

# ---------------------------------------------------------------- record

PUBLICATION_DATE = "publication_date"
# An article that shows no publication date is read as of the latest full date
# it writes out ("... in Toronto on Friday, Nov. 15, 2013"): news tells of
# days just past, so "Friday" elsewhere in it is that week's.
REFERENCE_DATE = "latest_full_date"
EVENT = "event"
CONTEXT_YEAR = "context_year"
DAY_PRECISION, MONTH_PRECISION, YEAR_PRECISION = "day", "month", "year"
PRECISION_RANK = {YEAR_PRECISION: 1, MONTH_PRECISION: 2, DAY_PRECISION: 3}
# Kinds of expression that other, event-relative ones may be anchored to.
ANCHOR_KINDS = frozenset({"date", "month", "year", "range", "season", "quarter", "holiday"})
# Precision of a value `count` units away ("two weeks ago" is a day).
UNIT_PRECISION = {"year": YEAR_PRECISION, "month": MONTH_PRECISION, "week": DAY_PRECISION,
                  "weekend": DAY_PRECISION, "day": DAY_PRECISION}
RELATION_OFFSETS = {"last": -1, "this": 0, "next": 1}


# ---------------------------------------------------------------- internals


@dataclass
class _Calendar:
    """A calendar expression, possibly without its year."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    period: str | None = None  # season, 'Q1'..'Q4', 'H1'/'H2', or a holiday name


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    calendar: _Calendar | None = None
    calendar_end: _Calendar | None = None
    fixed: tuple[date, date, str] | None = None  # decades, centuries: (start, end, precision)
    relation: str | None = None  # last, this, next, ago, ahead, later, earlier, same, tense
    unit: str | None = None  # day, week, weekend, month, year, decade
    count: int | None = None
    modifier: str | None = None
    note: str | None = None  # a reason to leave it unresolved, set while parsing
    weak: bool = False  # a bare month only kept as the end of a range
    point: bool = False  # "N units ago/later": a point in time, not a calendar unit
    year_from_list: bool = False
    year_offset: int | None = None  # "May last year": the year relative to publication


@dataclass
class _Resolved:
    start: date
    end: date
    start_precision: str
    end_precision: str
    anchor: str | None = None
    anchor_text: str | None = None
    anchor_value: str | None = None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_key(name: str) -> str:
    key = _words(name.replace("\u2019", "'"))
    return key[4:] if key.startswith("the ") else key


def _holiday_date(name: str, year: int) -> date | None:
    key = _holiday_key(name)
    if key in FIXED_HOLIDAYS:
        return date(year, *FIXED_HOLIDAYS[key])
    if key in WEEKDAY_HOLIDAYS:
        return _nth_weekday(year, *WEEKDAY_HOLIDAYS[key])
    if key in EASTER_HOLIDAYS:
        return _easter(year) + timedelta(days=EASTER_HOLIDAYS[key])
    return None


def _calendar_span(cal: _Calendar, year: int) -> _Resolved | None:
    """The period a calendar expression names in `year` (None if invalid)."""
    try:
        period = cal.period
        if period in SEASON_MONTHS:
            (start_shift, start_month), (end_shift, end_month) = SEASON_MONTHS[period]
            return _Resolved(date(year + start_shift, start_month, 1),
                             _month_end(year + end_shift, end_month), MONTH_PRECISION, MONTH_PRECISION)
        if period and period[0] in "QH" and period[1:].isdigit():
            months = 3 if period[0] == "Q" else 6
            first = (int(period[1:]) - 1) * months + 1
            return _Resolved(date(year, first, 1), _month_end(year, first + months - 1),
                             MONTH_PRECISION, MONTH_PRECISION)
        if period:
            day = _holiday_date(period, year)
            return None if day is None else _Resolved(day, day, DAY_PRECISION, DAY_PRECISION)
        if cal.day is not None and cal.month is not None:
            day = date(year, cal.month, cal.day)
            return _Resolved(day, day, DAY_PRECISION, DAY_PRECISION)
        if cal.month is not None:
            return _Resolved(date(year, cal.month, 1), _month_end(year, cal.month),
                             MONTH_PRECISION, MONTH_PRECISION)
        return _Resolved(date(year, 1, 1), date(year, 12, 31), YEAR_PRECISION, YEAR_PRECISION)
    except (ValueError, OverflowError):
        return None


def _format_end(day: date, precision: str) -> str:
    if precision == DAY_PRECISION:
        return day.isoformat()
    if precision == MONTH_PRECISION:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _format_value(res: _Resolved) -> str:
    first = _format_end(res.start, res.start_precision)
    last = _format_end(res.end, res.end_precision)
    return first if first == last else f"{first}/{last}"


def _coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] <= PRECISION_RANK[b] else b


def _words(phrase: str) -> str:
    """Lower case, single spaces: "This  Past" -> "this past"."""
    return SPACES_RE.sub(" ", phrase.lower()).strip()


def _previous_word(text: str, pos: int) -> str:
    match = PREVIOUS_WORD_RE.search(text[max(0, pos - CONTEXT_CHARS):pos])
    return match.group(1).rstrip(".") if match else ""


def _next_word(text: str, pos: int) -> str:
    match = NEXT_WORD_RE.match(text, pos, min(len(text), pos + CONTEXT_CHARS))
    return match.group(1) if match else ""


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - CONTEXT_CHARS):pos].rstrip(" \"'\u201c\u2018(")
    return not before or before[-1] in ".!?:;\n\u2014-"


def _prefix(regex: re.Pattern, text: str, start: int) -> re.Match | None:
    window_start = max(0, start - CONTEXT_CHARS)
    return regex.search(text, window_start, start)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= (calendar.monthrange(year, month)[1] if year else (29 if month == 2 else 31))


def _plausible_year(year: int) -> bool:
    return 1000 <= year <= 2099


def _two_digit_year_end(first: int, end_text: str) -> int:
    if len(end_text) == 4:
        return int(end_text)
    century = first // 100 * 100
    end = century + int(end_text)
    return end if end > first else end + 100


def _with_modifier(text: str, mention: _Mention) -> _Mention:
    """Extend a mention leftwards over "early"/"mid-"/"the end of"."""
    match = _prefix(MODIFIER_PREFIX_RE, text, mention.start)
    if match and mention.modifier is None:
        mention.start = match.start()
        mention.modifier = _words(match.group("modifier"))
    return mention


def _with_relation(text: str, mention: _Mention) -> _Mention:
    """Extend a mention leftwards over "last"/"this"/"next" (relative to publication)."""
    match = _prefix(RELATIVE_PREFIX_RE, text, mention.start)
    if match:
        if _previous_word(text, match.start()).lower() == "the":
            return mention  # "the last May of his life", "the next Sunday"
        mention.start = match.start()
        relation = _words(match.group("relation"))
        mention.relation = {"this past": "last", "past": "last", "this coming": "next",
                            "coming": "next"}.get(relation, relation)
    return mention


# ---------------------------------------------------------------- handlers
# Each takes (text, match) and returns a _Mention or None.


def _iso_date(text: str, m: re.Match) -> _Mention | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    if not (_plausible_year(year) and _valid_day(year, month, day)):
        return None
    return _Mention(m.start(), m.end(), "date", _Calendar(year, month, day))


def _numeric_date(text: str, m: re.Match) -> _Mention | None:
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    # month/day as in US copy, unless only day/month is a valid reading
    month, day = (second, first) if first > 12 >= second else (first, second)
    if not (_plausible_year(year) and _valid_day(year, month, day)):
        return None
    return _Mention(m.start(), m.end(), "date", _Calendar(year, month, day))


def _day_date(text: str, m: re.Match) -> _Mention | None:
    month = MONTH_NUMBERS[m["month"].lower()]
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else None
    if year is not None and not _plausible_year(year):
        return None
    if not _valid_day(year, month, day):
        return None
    weekday = WEEKDAY_NUMBERS[m["weekday"].lower()] if m["weekday"] else None
    end = m.end()
    if year is None:
        suffix = ORDINAL_SUFFIX_RE.match(text, m.end("day"))
        end = suffix.end() if suffix else m.end("day")
    mention = _Mention(m.start(), end, "date", _Calendar(year, month, day, weekday))
    return _with_relation(text, mention) if weekday is None and year is None else mention


def _day_range(text: str, m: re.Match) -> _Mention | None:
    month = MONTH_NUMBERS[m["month"].lower()]
    day, day_end = int(m["day"]), int(m["day_end"])
    year = int(m["year"]) if m["year"] else None
    if year is not None and not _plausible_year(year):
        return None
    if not (_valid_day(year, month, day) and _valid_day(year, month, day_end) and day < day_end):
        return None
    return _Mention(m.start(), m.end(), "range", _Calendar(year, month, day),
                    _Calendar(year, month, day_end))


def _month_year(text: str, m: re.Match) -> _Mention | None:
    year = int(m["year"])
    if not _plausible_year(year):
        return None
    mention = _Mention(m.start(), m.end(), "month", _Calendar(year, MONTH_NUMBERS[m["month"].lower()]))
    return _with_modifier(text, mention)


def _year_range(text: str, m: re.Match) -> _Mention | None:
    first = int(m["year"])
    last = _two_digit_year_end(first, m["year_end"])
    if not (first < last <= first + 100 and _plausible_year(last)):
        return None
    return _Mention(m.start(), m.end(), "range", _Calendar(first), _Calendar(last))


def _year(text: str, m: re.Match) -> _Mention | None:
    """A four-digit number as a year, unless its neighbours make it a label,
    a quantity or a house number. The mention is the year alone (OLD_YEAR_RE's
    preposition only licenses it)."""
    start, end = m.span("year")
    previous = _previous_word(text, start).lower()
    following = _next_word(text, end).lower()
    if previous in YEAR_BLOCKING_PREVIOUS_WORDS or following in YEAR_BLOCKING_NEXT_WORDS:
        return None
    if previous == "of" and QUANTITY_OF_BEFORE_RE.search(text, max(0, start - QUANTITY_LOOKBACK_CHARS), start):
        return None
    next_two = TENSE_WORD_RE.findall(text, end, min(len(text), end + 2 * CONTEXT_CHARS))[:2]
    if len(next_two) == 2 and next_two[0][:1].isupper() and next_two[1].lower() in STREET_WORDS:
        return None
    return _with_modifier(text, _Mention(start, end, "year", _Calendar(int(m["year"]))))


def _decade(text: str, m: re.Match) -> _Mention | None:
    raw = m["decade"]
    digits = raw.lstrip("'\u2019\u2018")[:-1]
    if len(digits) == 4:
        first = int(digits)
    else:
        if raw[0].isdigit() and (not m["the"] or _next_word(text, m.end()).lower() in DECADE_BLOCKING_NEXT_WORDS):
            return None  # "in his 20s", "the 90s degrees"
        first = None  # two-digit decade: century chosen at resolution
        first_two = int(digits)
    mention = _Mention(m.start(), m.end(), "decade", modifier=m["modifier"].lower() if m["modifier"] else None)
    if first is None:
        mention.count = first_two  # resolved against the article's years
    else:
        mention.fixed = (date(first, 1, 1), date(first + 9, 12, 31), YEAR_PRECISION)
    return mention


def _century(text: str, m: re.Match) -> _Mention | None:
    number = int(m["century"])
    return _Mention(m.start(), m.end(), "century",
                    fixed=(date((number - 1) * 100 + 1, 1, 1), date(number * 100, 12, 31), YEAR_PRECISION),
                    modifier=m["modifier"].lower() if m["modifier"] else None)


def _season_year(text: str, m: re.Match) -> _Mention | None:
    season = m["season"].lower()
    year = int(m["year"])
    if m["year_end"]:
        # "winter 2013-14" is the winter that ends in 2014; other seasons keep the first year
        end = _two_digit_year_end(year, m["year_end"])
        if end != year + 1:
            return None
        if season == "winter":
            year = end
    if not _plausible_year(year):
        return None
    mention = _Mention(m.start(), m.end(), "season", _Calendar(year, period=season))
    return _with_modifier(text, mention)


def _quarter(text: str, m: re.Match) -> _Mention | None:
    if m["ordinal"]:
        number = ORDINAL_NUMBERS[m["ordinal"].lower()]
        letter = "Q" if m["part"].lower() == "quarter" else "H"
        year = int(m["year"])
    else:
        letter = m["letter"] or m["letter3"]
        number = int(m["number"] or m["number3"])
        year = int(m["year2"] or m["year3"])
    if (letter == "H" and number > 2) or not _plausible_year(year):
        return None
    return _Mention(m.start(), m.end(), "quarter", _Calendar(year, period=f"{letter}{number}"))


def _fiscal_year(text: str, m: re.Match) -> _Mention | None:
    year = int(m["year"])
    return _Mention(m.start(), m.end(), "year", _Calendar(year)) if _plausible_year(year) else None


def _bare_month(text: str, m: re.Match) -> _Mention | None:
    mention = _Mention(m.start(), m.end(), "month", _Calendar(None, MONTH_NUMBERS[m["month"].lower()]))
    _with_relation(text, mention)
    if mention.relation:
        return mention
    _with_modifier(text, mention)
    previous = _previous_word(text, mention.start).lower()
    if mention.modifier or previous in DATE_PREPOSITIONS:
        return mention
    if MONTH_ATTRIBUTE_NOUN_RE.match(text, mention.end) and MONTH_ATTRIBUTE_LEAD_RE.search(
            text, max(0, mention.start - MONTH_ATTRIBUTE_LOOKBACK), mention.start):
        return mention
    if previous in RANGE_JOINERS or previous == "or" or text[max(0, mention.start - 2):mention.start].strip() in ("-", "\u2013", ","):
        mention.weak = True  # "January to April": kept only inside a range or a list
        return mention
    return None


def _weekday(text: str, m: re.Match) -> _Mention | None:
    weekday = WEEKDAY_NUMBERS[m["weekday"].lower()]
    mention = _with_relation(text, _Mention(m.start(), m.end(), "relative", _Calendar(weekday=weekday)))
    if mention.relation:
        return mention
    previous = _previous_word(text, m.start())
    following = _next_word(text, m.end())
    if previous.lower() in ("every", "each"):
        mention.start = text.rindex(previous, max(0, m.start() - CONTEXT_CHARS), m.start())
        mention.kind, mention.note = "recurring", "recurring"
        return mention
    if previous.lower() not in WEEKDAY_LEAD_WORDS:
        # "Bloody Sunday", "Super Tuesday", "the Sunday Times": names, not dates (but "said in
        # Lahaina Thursday, ..." is a place, then the day)
        if previous[:1].isupper() and not _at_sentence_start(text, m.start()) and not (
                PLACE_THEN_WEEKDAY_RE.search(text, max(0, m.start() - CONTEXT_CHARS), m.start())
                and WEEKDAY_END_RE.match(text, m.end())):
            return None
        if following[:1].isupper() and following.lower() not in MONTH_NUMBERS:
            return None
        if previous.lower() == "the":
            return None
    mention.relation = "tense"
    return mention


def _holiday(text: str, m: re.Match) -> _Mention | None:
    key = _holiday_key(m["holiday"])
    year = int(m["year"]) if m["year"] else None
    if year is not None and not _plausible_year(year):
        return None
    mention = _Mention(m.start(), m.end(), "holiday", _Calendar(year, period=key))
    if year is None:
        _with_relation(text, mention)
        if not mention.relation and _previous_word(text, m.start()).lower() not in DATE_PREPOSITIONS:
            return None  # "a Christmas album"
    return mention


def _relative_season(text: str, m: re.Match) -> _Mention | None:
    mention = _with_relation(text, _Mention(m.start(), m.end(), "season",
                                            _Calendar(None, period=m["season"].lower())))
    return _with_modifier(text, mention) if mention.relation else None


def _relative_unit(text: str, m: re.Match) -> _Mention | None:
    relation = _words(m["relation"])
    relation = {"this past": "last", "this coming": "next"}.get(relation, relation)
    start = m.start("relation") if m["modifier"] is None else m.start()
    previous = _previous_word(text, start).lower()
    if previous == "the":
        if relation != "next" or _previous_word(text, text.rfind("the", 0, start)).lower() in (
                "in", "within", "over", "during", "for"):
            return None  # "the last year", "in the next month": durations
        return _Mention(text.rfind("the", 0, start), m.end(), "relative", relation="later",
                        unit=m["unit"].lower(), count=1)
    return _Mention(m.start(), m.end(), "relative", relation=relation, unit=m["unit"].lower(),
                    modifier=_words(m["modifier"]) if m["modifier"] else None)


def _day_word(text: str, m: re.Match) -> _Mention | None:
    word = _words(m["word"])
    if m["word"][0].isupper() and not _at_sentence_start(text, m.start()):
        return None  # the "Today" show, "The Tonight Show"
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    return _Mention(m.start(), m.end(), "relative", relation="ahead", unit="day", count=offset)


def _event_relative(text: str, m: re.Match) -> _Mention | None:
    if m["unit2"]:
        unit = m["unit2"].lower()
        relation, count = ("earlier", 1) if m["direction"].lower() == "before" else ("later", 1)
    else:
        unit = m["unit"].lower()
        phrase = _words(m["relation"])
        if phrase.endswith(("following", "next")):
            relation, count = "later", 1
        elif phrase.endswith(("previous", "preceding", "prior")):
            relation, count = "earlier", 1
        else:
            relation, count = "same", 0
    unit = {"night": "day", "morning": "day", "evening": "day", "afternoon": "day"}.get(unit, unit)
    return _Mention(m.start(), m.end(), "relative", relation=relation, unit=unit, count=count)


def _offset(text: str, m: re.Match) -> _Mention | None:
    direction = _words(m["direction"])
    if direction in ("before", "after", "on", "prior") and not OFFSET_TAIL_RE.match(text, m.end()):
        return None
    unit = m["unit"].lower().rstrip("s")
    count_text = _words(m["count"]) if m["count"] else None
    plural = m["unit"].lower().endswith("s")
    mention = _Mention(m.start(), m.end(), "relative", unit=unit, point=True,
                       modifier=_words(m["hedge"]) if m["hedge"] else None)
    if count_text is None or count_text in VAGUE_COUNT_WORDS:
        if not plural and count_text is None:
            return None  # "year later" without a number is not an expression
        mention.note = "vague duration"
    elif count_text.isdigit():
        mention.count = int(count_text)
    else:
        mention.count = NUMBER_WORDS.get(count_text)
    if mention.count is not None and plural != (mention.count != 1):
        return None  # "a years", "two year" — not a well-formed offset
    if unit == "decade" and mention.count is not None:
        unit, mention.count = "year", mention.count * 10
        mention.unit = unit
    if direction in ("ago", "back"):
        mention.relation, mention.count = "ahead", -(mention.count or 0)
    elif direction in ("from now", "hence"):
        mention.relation = "ahead"
    elif direction in ("later", "after", "afterward", "afterwards", "on"):
        mention.relation = "later"
    else:
        mention.relation = "earlier"
    return mention


# (regex, handler, cues, folded cues): every candidate found by any of them
# competes; see _candidates. Every match of the regex contains each cue.
PATTERNS = (
    (ISO_DATE_RE, _iso_date, (YEAR_CUE_RE,), ()),
    (NUMERIC_DATE_RE, _numeric_date, (YEAR_CUE_RE,), ()),
    (MONTH_DAY_RANGE_RE, _day_range, (MONTH_CUE_RE,), ()),
    (DAY_MONTH_RANGE_RE, _day_range, (MONTH_CUE_RE,), ()),
    (MONTH_DAY_YEAR_RE, _day_date, (MONTH_CUE_RE,), ()),
    (DAY_MONTH_YEAR_RE, _day_date, (MONTH_CUE_RE,), ()),
    (MONTH_YEAR_RE, _month_year, (MONTH_CUE_RE, YEAR_CUE_RE), ()),
    (QUARTER_RE, _quarter, (YEAR_CUE_RE,), (QUARTER_FOLDED_CUE_RE,)),
    (FISCAL_YEAR_RE, _fiscal_year, (YEAR_CUE_RE,), ()),
    (SEASON_YEAR_RE, _season_year, (YEAR_CUE_RE,), (SEASON_FOLDED_CUE_RE,)),
    (YEAR_RANGE_RE, _year_range, (YEAR_CUE_RE,), ()),
    (DECADE_RE, _decade, (DECADE_CUE_RE,), ()),
    (CENTURY_RE, _century, (), (CENTURY_FOLDED_CUE_RE,)),
    (HOLIDAY_RE, _holiday, (HOLIDAY_CUE_RE,), ()),
    (YEAR_RE, _year, (YEAR_CUE_RE,), ()),
    (OLD_YEAR_RE, _year, (YEAR_CUE_RE,), ()),
    (RELATIVE_UNIT_RE, _relative_unit, (), (RELATIVE_UNIT_FOLDED_CUE_RE,)),
    (DAY_WORD_RE, _day_word, (), (DAY_WORD_FOLDED_CUE_RE,)),
    (EVENT_RELATIVE_RE, _event_relative, (), (EVENT_UNIT_FOLDED_CUE_RE,)),
    (OFFSET_RE, _offset, (), (OFFSET_FOLDED_CUE_RE,)),
    (WEEKDAY_RE, _weekday, (WEEKDAY_CUE_RE,), ()),
    (SEASON_RE, _relative_season, (), (SEASON_FOLDED_CUE_RE,)),
    (BARE_MONTH_RE, _bare_month, (MONTH_CUE_RE,), ()),
)
CUES = tuple(dict.fromkeys(cue for _, _, cues, _ in PATTERNS for cue in cues))
FOLDED_CUES = tuple(dict.fromkeys(cue for _, _, _, cues in PATTERNS for cue in cues))


def _case_folded(text: str) -> str:
    """`text` in lower case, such that wherever a (?i:...) regex matches
    `text`, its lower-case pattern matches the result."""
    if not text.isascii():
        for letter, ascii_letter in CASE_FOLD_EXTRAS.items():
            text = text.replace(letter, ascii_letter)
    return text.lower()


def _candidates(text: str) -> list[_Mention]:
    found: list[tuple[int, int, int, _Mention]] = []
    folded = _case_folded(text)
    present = {cue for cue in CUES if cue.search(text)}
    present_folded = {cue for cue in FOLDED_CUES if cue.search(folded)}
    for priority, (regex, handler, cues, folded_cues) in enumerate(PATTERNS):
        if not (present.issuperset(cues) and present_folded.issuperset(folded_cues)):
            continue  # no match possible
        for match in regex.finditer(text):
            mention = handler(text, match)
            if mention is not None and 0 <= mention.start < mention.end <= len(text):
                found.append((mention.start, -(mention.end - mention.start), priority, mention))
    found.sort(key=lambda item: item[:3])
    chosen: list[_Mention] = []
    covered_to = 0
    for start, _, _, mention in found:
        if start >= covered_to:
            chosen.append(mention)
            covered_to = mention.end
    return chosen


def _is_calendar(mention: _Mention) -> bool:
    """A calendar date, possibly year-less (not a relative or bare weekday)."""
    return mention.calendar is not None and mention.relation is None


def _fill_year(source: _Calendar, target: _Calendar, target_is_end: bool) -> None:
    """Give a year-less end of a range or list the other end's year ("between
    January and April of 2001"), stepping a year when the months wrap."""
    if target.year is not None or source.year is None:
        return
    year = source.year
    if source.month and target.month:
        if target_is_end and target.month < source.month:
            year += 1
        elif not target_is_end and target.month > source.month:
            year -= 1
    target.year = year


def _merge_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Join "from A to B" / "between A and B" / "A-B" into one range, and give a
    year-less list item the year of the next one ("October and November 2001")."""
    merged: list[_Mention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        second = mentions[i + 1] if i + 1 < len(mentions) else None
        if second is not None and _is_calendar(first) and first.calendar.year is None \
                and first.calendar_end is None and second.unit == "year" and second.modifier is None \
                and second.relation in RELATION_OFFSETS and first.calendar.weekday is None \
                and YEAR_PHRASE_GAP_RE.fullmatch(text, first.end, second.start):
            first.end, first.year_offset, first.weak = second.end, RELATION_OFFSETS[second.relation], False
            merged.append(first)
            i += 2
            continue
        if second is not None and _is_calendar(first) and _is_calendar(second) \
                and first.calendar_end is None and second.calendar_end is None \
                and first.kind not in ("decade", "century") and second.kind not in ("decade", "century"):
            gap = RANGE_GAP_RE.fullmatch(text, first.end, second.start)
            opener = _prefix(RANGE_OPENER_RE, text, first.start)
            joiner = gap.group("joiner").lower() if gap else None
            if gap and (joiner != "and" or (opener and opener.group("opener").lower() == "between")):
                start_cal, end_cal = first.calendar, second.calendar
                _fill_year(end_cal, start_cal, target_is_end=False)
                _fill_year(start_cal, end_cal, target_is_end=True)
                if _ordered(start_cal, end_cal):
                    merged.append(_Mention(opener.start() if opener else first.start, second.end, "range",
                                           start_cal, end_cal, modifier=first.modifier))
                    i += 2
                    continue
            if LIST_GAP_RE.fullmatch(text, first.end, second.start) and first.calendar.year is None:
                _fill_year(second.calendar, first.calendar, target_is_end=False)
                first.year_from_list = first.calendar.year is not None
        if not first.weak or first.year_from_list:
            merged.append(first)
        i += 1
    return merged


def _ordered(first: _Calendar, second: _Calendar) -> bool:
    """Whether a range's ends are in order (when both years are known)."""
    if first.year is None or second.year is None:
        return True
    a = _calendar_span(first, first.year)
    b = _calendar_span(second, second.year)
    return a is not None and b is not None and a.start <= b.end


# ---------------------------------------------------------------- resolution


@dataclass
class _Context:
    """What resolution knows about the article so far."""

    published: date | None
    latest_year: int | None  # the latest year the article writes out
    last_anchor: tuple[_Resolved, str] | None = None  # the latest calendar expression and its text


def _nearest_weekday_year(cal: _Calendar, reference: date) -> int | None:
    """Year in which cal's day-month falls on cal's weekday, closest to `reference`."""
    best: tuple[int, int, int] | None = None
    for year in range(reference.year - 14, reference.year + 15):
        try:
            day = date(year, cal.month, cal.day)
        except ValueError:
            continue
        if day.weekday() == cal.weekday:
            distance = abs((day - reference).days)
            key = (distance, -year, year)
            if best is None or key < best:
                best = key
    return None if best is None else best[2]


def _resolve_yearless(cal: _Calendar, ctx: _Context) -> tuple[int | None, str | None, str | None]:
    """(year, anchor, note) for a calendar expression written without a year."""
    if cal.weekday is not None and cal.day is not None and cal.month is not None:
        if ctx.published is not None:
            return _nearest_weekday_year(cal, ctx.published), PUBLICATION_DATE, None
        if ctx.latest_year is not None:
            return _nearest_weekday_year(cal, date(ctx.latest_year, 7, 1)), CONTEXT_YEAR, None
        return None, None, "no year and no publication date"
    if ctx.published is not None:
        return ctx.published.year, PUBLICATION_DATE, None
    return None, None, "no year and no publication date"


def _resolve_calendar(mention: _Mention, ctx: _Context, sentence_of) -> tuple[_Resolved | None, str | None]:
    start_cal, end_cal = mention.calendar, mention.calendar_end
    anchor = None
    anchor_value = None
    if start_cal.year is None and mention.year_offset is not None:
        if ctx.published is None:
            return None, "no publication date"
        start_cal = _Calendar(ctx.published.year + mention.year_offset, start_cal.month, start_cal.day,
                              start_cal.weekday, start_cal.period)
        anchor, anchor_value = PUBLICATION_DATE, ctx.published.isoformat()
    if start_cal.year is None:
        year, anchor, note = _resolve_yearless(start_cal, ctx)
        if year is None:
            return None, note or "no year"
        if anchor == PUBLICATION_DATE and end_cal is None:
            year += _tense_year_shift(start_cal, year, ctx.published, *sentence_of(mention.start))
        start_cal = _Calendar(year, start_cal.month, start_cal.day, start_cal.weekday, start_cal.period)
        anchor_value = ctx.published.isoformat() if anchor == PUBLICATION_DATE else str(ctx.latest_year)
    first = _calendar_span(start_cal, start_cal.year)
    if first is None:
        return None, "invalid date"
    if end_cal is not None:
        if end_cal.year is None:
            end_cal = _Calendar(None, end_cal.month, end_cal.day, end_cal.weekday, end_cal.period)
            _fill_year(start_cal, end_cal, target_is_end=True)
        last = _calendar_span(end_cal, end_cal.year)
        if last is None or last.end < first.start:
            return None, "invalid range"
        first = _Resolved(first.start, last.end, first.start_precision, last.end_precision)
    first.anchor, first.anchor_value = anchor, anchor_value
    return first, None


def _occurrence(cal: _Calendar, relation: str, published: date) -> _Resolved | None:
    """last/this/next occurrence of a month, season or holiday around `published`."""
    spans = [s for s in (_calendar_span(cal, y) for y in range(published.year - 2, published.year + 3)) if s]
    if relation == "last":
        past = [s for s in spans if s.end < published]
        return past[-1] if past else None
    if relation == "next":
        future = [s for s in spans if s.start > published]
        return future[0] if future else None
    containing = [s for s in spans if s.start <= published <= s.end]
    if containing:
        return containing[0]
    if cal.period in SEASON_MONTHS:
        return min(spans, key=lambda s: min(abs((s.start - published).days), abs((s.end - published).days)),
                   default=None)
    return _calendar_span(cal, published.year)


def _tense_year_shift(cal: _Calendar, year: int, published: date, sentence: str, offset: int) -> int:
    """-1 when a year-less date would fall after publication in a sentence
    told in the past ("He was arrested in December", published in January:
    the December before), +1 when it would fall before publication in one
    told in the future ("The trial will open in March", published in
    November); else 0. Only for dates YEAR_SHIFT_MIN_DAYS or more away ("the
    December debate" they "haven't qualified" for, in late November, is
    next month's), and a future needs a modal: "shelved its plans on
    September 30" is past. A bound ("until December") keeps the year."""
    if cal.weekday is not None:
        return 0  # the weekday already chose the year
    span = _calendar_span(cal, year)
    if span is None or span.start <= published <= span.end:
        return 0
    if _previous_word(sentence, offset).lower() in YEAR_SHIFT_BLOCKING_PREVIOUS_WORDS:
        return 0
    tense = _tense_near(sentence, offset)
    modal = FUTURE_MODAL_RE.search(sentence) is not None
    if (span.start - published).days >= YEAR_SHIFT_MIN_DAYS and tense == "past" and not modal:
        return -1
    if (published - span.end).days >= YEAR_SHIFT_MIN_DAYS and tense == "future" and modal:
        return 1
    return 0


def _weekday_date(weekday: int, relation: str, published: date, sentence: str, offset: int) -> date:
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if relation == "this":
        return published + timedelta(days=ahead)
    if relation == "next":
        return published + timedelta(days=ahead or 7)
    if relation == "last":
        return published - timedelta(days=behind or 7)
    tense = _tense_near(sentence, offset)
    if tense == "future":
        return published + timedelta(days=ahead)
    return published - timedelta(days=behind)  # news reports mostly look back


def _tense_near(sentence: str, offset: int) -> str | None:
    """'future' or 'past' from the cue word nearest to `offset` in `sentence`."""
    best: tuple[int, str] | None = None
    for word in TENSE_WORD_RE.finditer(sentence):
        lowered = word.group(0).lower()
        if lowered in FUTURE_CUE_WORDS or lowered.endswith(("'ll", "\u2019ll")):
            if lowered in NOUN_CUE_WORDS and NOUN_CUE_BEFORE_RE.search(sentence, 0, word.start()):
                continue  # "the government's plan to raise ...": a noun, no tense
            tense = "future"
        elif lowered in PAST_CUE_WORDS or (len(lowered) > 4 and lowered.endswith("ed")):
            tense = "past"
        else:
            continue
        distance = abs(word.start() - offset)
        lo, hi = sorted((word.start(), offset))
        if CLAUSE_BREAK_RE.search(sentence, lo, hi):
            distance += CLAUSE_BREAK_PENALTY_CHARS
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _unit_period(unit: str, base: date, count: int) -> _Resolved:
    """The `unit` that is `count` units away from the one containing `base`."""
    if unit == "year":
        year = base.year + count
        return _Resolved(date(year, 1, 1), date(year, 12, 31), YEAR_PRECISION, YEAR_PRECISION)
    if unit == "month":
        year, month = _add_months(base.year, base.month, count)
        return _Resolved(date(year, month, 1), _month_end(year, month), MONTH_PRECISION, MONTH_PRECISION)
    if unit in ("week", "weekend"):
        monday, sunday = _week_of(base + timedelta(days=7 * count))
        if unit == "weekend":
            monday = sunday - timedelta(days=1)
        return _Resolved(monday, sunday, DAY_PRECISION, DAY_PRECISION)
    day = base + timedelta(days=count)
    return _Resolved(day, day, DAY_PRECISION, DAY_PRECISION)


def _resolve_offset(mention: _Mention, base: date, base_precision: str) -> tuple[_Resolved | None, str | None]:
    needed = UNIT_PRECISION.get(mention.unit or "", YEAR_PRECISION)
    if PRECISION_RANK[base_precision] < PRECISION_RANK[needed]:
        return None, f"anchor too coarse for a {mention.unit}"
    count = mention.count or 0
    if mention.relation == "earlier":
        count = -count
    if mention.unit == "week" and mention.point:
        day = base + timedelta(days=7 * count)  # "two weeks ago" is a day, "last week" a week
        return _Resolved(day, day, DAY_PRECISION, DAY_PRECISION), None
    return _unit_period(mention.unit or "day", base, count), None


def _resolve(mention: _Mention, ctx: _Context, sentence_of) -> tuple[_Resolved | None, str | None]:
    """(resolution, None) or (None, why it stays unresolved)."""
    if mention.note:
        return None, mention.note
    if mention.fixed is not None:
        start, end, precision = mention.fixed
        return _Resolved(start, end, precision, precision), None
    if mention.kind == "decade":
        # "the '90s": the latest such decade that has begun by the reference
        # year; without one, the 1920s-1990s or the 2000s/2010s
        # (a naming convention, so the anchor stays None like other absolute dates)
        reference = (ctx.published.year if ctx.published else ctx.latest_year) or TWO_DIGIT_DECADE_DEFAULT_REFERENCE
        decade = mention.count
        century = reference // 100 * 100
        first = century + decade if century + decade <= reference else century - 100 + decade
        return _Resolved(date(first, 1, 1), date(first + 9, 12, 31), YEAR_PRECISION, YEAR_PRECISION), None
    if mention.relation in ("later", "earlier", "same"):
        if ctx.last_anchor is None:
            return None, "no earlier date to anchor to"
        anchor_res, anchor_text = ctx.last_anchor
        use_end = mention.relation == "later"
        base = anchor_res.end if use_end else anchor_res.start
        base_precision = anchor_res.end_precision if use_end else anchor_res.start_precision
        resolved, note = _resolve_offset(mention, base, base_precision)
        if resolved is not None:
            resolved.anchor, resolved.anchor_text = EVENT, anchor_text
            resolved.anchor_value = _format_value(anchor_res)
        return resolved, note
    if mention.calendar is not None and mention.relation is None:
        return _resolve_calendar(mention, ctx, sentence_of)
    # everything else is relative to the publication date
    if ctx.published is None:
        return None, "no publication date"
    published = ctx.published
    resolved: _Resolved | None
    if mention.calendar is not None and mention.calendar.weekday is not None and mention.calendar.month is None:
        sentence_text, offset = sentence_of(mention.start)
        day = _weekday_date(mention.calendar.weekday, mention.relation, published, sentence_text, offset)
        resolved = _Resolved(day, day, DAY_PRECISION, DAY_PRECISION)
    elif mention.calendar is not None:
        resolved = _occurrence(mention.calendar, mention.relation, published)
        if resolved is None:
            return None, "invalid date"
    elif mention.relation in RELATION_OFFSETS:
        resolved = _unit_period(mention.unit, published, RELATION_OFFSETS[mention.relation])
    else:  # "ahead": today, yesterday, two years ago, three days from now
        resolved, note = _resolve_offset(mention, published, DAY_PRECISION)
        if resolved is None:
            return None, note
    resolved.anchor, resolved.anchor_value = PUBLICATION_DATE, published.isoformat()
    return resolved, None


def _explicit_years(mention: _Mention) -> list[int]:
    return [c.year for c in (mention.calendar, mention.calendar_end) if c is not None and c.year is not None
            and mention.relation is None and not mention.year_from_list]


def _as_date(published) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return None


def _sentence_locator(paragraph: str):
    """A function offset -> (sentence text, offset in it), splitting lazily."""
    spans: list[tuple[int, int]] = []
    starts: list[int] = []

    def locate(offset: int) -> tuple[str, int]:
        if not spans:
            spans.extend(split_sentences(paragraph) or [(0, len(paragraph))])
            starts.extend(start for start, _ in spans)
        index = max(0, bisect_right(starts, offset) - 1)
        start, end = spans[index]
        return paragraph[start:end], offset - start

    return locate


def reference_date(rows: Sequence[TimeExpression]) -> date | None:
    """The latest full date (day, month and year all written out) among an
    article's time expressions: what an article without a publication date
    is read as of. None when the article writes a later year than that date
    ("their 2014 duet" after "released on October 29, 2001"), or counts years
    back from its own day ("went missing more than eight years ago" beside
    "vanished on March 2, 1998"): its full dates are then history, not the
    days it reports."""
    if any(r.kind == "relative" and YEARS_AGO_RE.search(r.text) for r in rows):
        return None
    days = [r.date_start for r in rows
            if r.anchor is None and r.precision == "day" and r.kind == "date" and r.date_start is not None]
    if not days:
        return None
    latest = max(days)
    latest_year = max((r.date_start.year for r in rows if r.anchor is None and r.date_start is not None),
                      default=latest.year)
    return latest if latest.year >= latest_year else None


def extract_time_expressions_as_of(article_id: str, paragraphs: Sequence[str],
                                   reference: date) -> list[TimeExpression]:
    """As extract_time_expressions with `reference` standing in for a
    publication date the article does not show: what is resolved against it
    says so (anchor 'latest_full_date')."""
    return [replace(r, anchor=REFERENCE_DATE) if r.anchor == PUBLICATION_DATE else r
            for r in extract_time_expressions(article_id, paragraphs, reference)]


def extract_time_expressions(article_id: str, paragraphs: Sequence[str],
                             published: date | None) -> list[TimeExpression]:
    """Every date or time mention in the paragraphs, resolved where possible.

    `published` (a date or datetime, or None) anchors relative expressions.
    Never raises: a paragraph that cannot be parsed yields no rows."""
    published_date = _as_date(published)
    per_paragraph: list[tuple[int, str, list[_Mention]]] = []
    for index, paragraph in enumerate(paragraphs or ()):
        if not isinstance(paragraph, str) or not paragraph:
            continue
        try:
            mentions = _merge_ranges(paragraph, _candidates(paragraph))
        except Exception:  # one odd paragraph must not stop the article
            continue
        per_paragraph.append((index, paragraph, mentions))

    years = [y for _, _, ms in per_paragraph for m in ms for y in _explicit_years(m)]
    ctx = _Context(published_date, max(years) if years else None)
    rows: list[TimeExpression] = []
    for index, paragraph, mentions in per_paragraph:
        locate = _sentence_locator(paragraph)
        for mention in mentions:
            try:
                resolved, note = _resolve(mention, ctx, locate)
            except Exception:
                resolved, note = None, "could not resolve"
            rows.append(_record(article_id, index, paragraph, mention, resolved, note))
            if resolved is not None and mention.kind in ANCHOR_KINDS and mention.relation is None:
                ctx.last_anchor = (resolved, paragraph[mention.start:mention.end])
    return rows


def _record(article_id: str, index: int, paragraph: str, mention: _Mention,
            resolved: _Resolved | None, note: str | None) -> TimeExpression:
    text = paragraph[mention.start:mention.end]
    common = dict(
        time_expression_id=make_id("time_expression", article_id, index, mention.start, mention.end),
        article_id=article_id, paragraph_index=index, char_start=mention.start,
        char_end=mention.end, text=text, kind=mention.kind, modifier=mention.modifier,
    )
    if resolved is None:
        return TimeExpression(**common, value=None, precision=None, date_start=None, date_end=None,
                              anchor=None, anchor_text=None, anchor_value=None, is_resolved=False,
                              note=note or "unresolved")
    return TimeExpression(
        **common, value=_format_value(resolved),
        precision=_coarser(resolved.start_precision, resolved.end_precision),
        date_start=resolved.start, date_end=resolved.end, anchor=resolved.anchor,
        anchor_text=resolved.anchor_text, anchor_value=resolved.anchor_value,
        is_resolved=True, note=None,
    )
