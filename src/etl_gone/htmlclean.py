"""HTML article cleaning: main content, metadata, and an audit trail of what was removed.

`clean_html(raw_html)` returns an `etl_gone.records.Document`:

- metadata from JSON-LD (headline, datePublished, author, publisher), `<meta>`
  (og:title, og:site_name, article:published_time, author, ...), `<title>` and
  `<html lang>`; the title is the headline the page shows over its body (its
  h1) when that tells the same story as the metadata's headline;
- BODY blocks: the paragraphs of the main content (p, headings inside the
  article, list items, block quotes, table rows; the paragraphs of a layout
  table's cell one by one), in reading order; an element the page marks as a
  byline stays a BYLINE even where the extractor kept it;
- labelled non-body blocks found inside or near the main content: TITLE (the
  h1, else the metadata title), CAPTION (figcaption), CREDIT, BYLINE, DATELINE,
  RELATED_LINK, CALL_TO_ACTION, SITE_CHROME, each with the rule that labelled it.

Blocks come in reading order: the TITLE first, then body paragraphs and the
labelled blocks near them in page order. Block text goes through
`normalize_text` with whitespace runs collapsed.
`char_start`/`char_end` are the span, in `raw_html`, from the first to the last
character of the block's text (markup in between included). They are found by
looking the block's words up, in order, in an index of the words of the raw
page, and are left None whenever that lookup is not exact or is ambiguous.
`published_at` is the publisher's local wall-clock time as written (a UTC
offset is dropped, not applied: the date is the one the page shows).

Choice of extractor. Measured with bench/bench_html_bodies.py on aeb_dev (95
pages; the metric of score_bodies: 4-word shingles, P and R averaged over
pages). F1 is deterministic; speed is pages per CPU-second of one process
(the shared 2-core machine was loaded, which makes wall-clock rates noisy).

trafilatura.extract() alone, by option:

    options                                        P      R      F1     pages/cpu-s
    defaults                                       0.931  0.978  0.954  46
    favor_precision                                0.949  0.967  0.958  48
    favor_recall                                   0.931  0.978  0.954  75
    include_comments=False                         0.937  0.978  0.957  51
    include_comments=False, include_tables=False   0.938  0.968  0.953  51
    include_comments=False, fast                   0.937  0.978  0.957  72
    include_comments=False, favor_precision, fast  0.926  0.919  0.923  83
    include_comments=False, favor_recall           0.938  0.978  0.958  76
    include_comments=False, favor_precision        0.955  0.967  0.961  45-47

The whole cleaner, clean_html(extractor=...):

    extractor                                      P      R      F1     pages/cpu-s
    "density": our own readability-style extractor 0.911  0.728  0.809  120
    "trafilatura": trafilatura's paragraph tree    0.968  0.966  0.967  45
    "auto" (default): trafilatura + density        0.979  0.974  0.976  45
                      fallback

How trafilatura runs inside "auto" (its readability/justext comparison is
about a third of its time):

    trafilatura mode                               P      R      F1     pages/cpu-s
    full (with the comparison), every page         0.979  0.974  0.976  35
    fast (no comparison), every page               0.949  0.936  0.943  51
    fast, again in full when under 200 words       0.979  0.974  0.976  45
      (default)

Decision: trafilatura (include_comments=False, favor_precision=True) finds the
main content, and its paragraph tree (not its flat text) becomes the BODY
blocks. It runs in fast mode, and again in full only when the fast text is
short (under FALLBACK_MAX_TRAFILATURA_WORDS): the comparison only ever
replaced short extractions (5 pages, all under 60 words in fast mode), and
without it those pages lose their body, which the density extractor does not
give back. 14 of the 95 pages take the second run; on all 95 the output is
the same as when trafilatura always runs in full.
Our own density extractor is far behind on its own (it misses pages
without <p> paragraphs), so it only stands in when trafilatura returns
nothing, or little text while the page plainly holds several times more:
trafilatura discards some articles whole (e.g. text inside a "paywall"
container). On top of either, general relabelling raises precision: the
headline repeated as the first heading becomes TITLE, short reader appeals
and copyright lines inside the text become CALL_TO_ACTION / SITE_CHROME, and
headings dangling after the last paragraph (other articles' headlines)
become RELATED_LINK. Metadata and the non-body blocks are our own:
trafilatura's metadata pass costs more than its body extraction and keeps no
provenance. Per page (mean CPU on aeb_dev): trafilatura 14 ms (11 for the
fast run, about 1 of it the copy it makes of the tree it is given, as
bare_extraction has no public way to take a tree it may change; 3 for the
second runs), parsing 2 ms, our page units 2.5 ms, word index 1.5 ms, the
rest of the blocks 2 ms, metadata 0.6 ms.
"""
from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from itertools import accumulate, islice

import lxml.html
import trafilatura
from lxml import etree

from etl_gone.furniture import content_words, is_reader_appeal, is_related_link, is_site_notice
from etl_gone.normalize import normalize_text
from etl_gone.records import (
    BODY,
    BYLINE,
    CALL_TO_ACTION,
    CAPTION,
    CREDIT,
    DATELINE,
    DEK,
    RELATED_LINK,
    SITE_CHROME,
    TITLE,
    Block,
    Document,
)

# ---------------------------------------------------------------- extractor
# A page unit's text nodes and line breaks, in document order (a <br> separates words).
BR_OR_TEXT_XPATH = etree.XPath("descendant::text() | descendant::br")
EXTRACTORS = ("auto", "trafilatura", "density")
# Measured best on aeb_dev (see module docstring); comments are never article text.
TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
    "with_metadata": False,
    "output_format": "xml",  # we read the tree; skips trafilatura's own text rendering
}
# Tags of trafilatura's output tree that hold whole blocks.
TRAF_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "code", "div", "section"})
# Blocks that may hold other blocks (expanded), and table rows (cells joined).
TRAF_CONTAINER_TAGS = frozenset({"list", "item", "quote", "table", "div", "section", "body"})
TRAF_ROW_TAG = "row"
# HTML elements trafilatura sometimes passes through whose text is never the
# article's (<noscript>: "Please enable JavaScript"). Its own "head" is a heading.
TRAF_HIDDEN_TAGS = frozenset({"noscript", "script", "style", "template"})
TRAF_LINE_BREAK_TAG = "lb"

# trafilatura's text is short below this many words: then trafilatura runs
# again with its own readability/justext comparison (skipped in its fast first
# run, a third of its time), and the density fallback may replace it when it
# finds several times more words.
FALLBACK_MAX_TRAFILATURA_WORDS = 200
FALLBACK_MIN_WORDS = 120
FALLBACK_MIN_RATIO = 3.0

# Density extractor: paragraphs that vote for their container.
DENSITY_SCORED_TAGS = frozenset({"p", "pre", "blockquote"})
DENSITY_MIN_PARAGRAPH_CHARS = 40
DENSITY_GRANDPARENT_SHARE = 0.5
DENSITY_MAX_LENGTH_BONUS = 3
# Blocks the density extractor keeps inside the chosen container.
DENSITY_BODY_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"})
MAX_BODY_LINK_DENSITY = 0.5

# ---------------------------------------------------------------- page units
# Elements read as one block when labelling the page (innermost wins).
UNIT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "pre", "dt", "dd")
# Elements whose content is never page text.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "title", "select"})
# Containers whose class names describe the whole page, not one region of it
# (e.g. <body class="... unsubscribed">): their classes are not read.
CONTENT_ROOT_TAGS = frozenset({"html", "body", "main", "article"})
ARTICLE_TAGS = frozenset({"article", "main"})
# tag -> (label, rule); <header>/<footer> only outside the article (an article has its own header).
TAG_LABELS = {
    "nav": (SITE_CHROME, "tag:nav"),
    "menu": (SITE_CHROME, "tag:menu"),
    "aside": (SITE_CHROME, "tag:aside"),
    "figcaption": (CAPTION, "tag:figcaption"),
}
PAGE_EDGE_TAGS = frozenset({"header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar"})
# Class/id names (lowercased "class id"), each alternative at the start of a name part.
CLASS_LABEL_RE = re.compile(
    r"(?<![a-z])(?:"
    r"(?P<caption>wp-caption-text|caption|figcaption)"
    r"|(?P<credit>credit|photographer|image-source)"
    r"|(?P<byline>byline|author|contributor)"
    r"|(?P<date>dateline|timestamp|publish|pubdate|date(?![a-z]))"
    r"|(?P<related>related|recommend|more-?(?:stories|news|articles|from|on)|read-?(?:more|next|also)"
    r"|also-?(?:read|like)|most-?(?:read|popular|viewed)|popular|trending|outbrain|taboola|you-?may"
    r"|suggest|further-?reading|tags?(?![a-z]))"
    r"|(?P<cta>shar(?:e(?!d)|ing)|social|newsletter|subscri|signup|sign-up|follow|donat|promo|register"
    r"|cta(?![a-z])|login)"
    # the standfirst under a headline ("dek", "article__deck", "standfirst", "subtitle"): not the story's text
    r"|(?P<dek>dek(?![a-z])|deck(?![a-z])|standfirst|sub-?title|sub-?head(?:line)?(?![a-z]))"
    r"|(?P<chrome>nav|menu|breadcrumb|footer|masthead|sidebar|cookie|consent|topbar|toolbar|skip-?link"
    r"|ad-|ads(?![a-z])|advert|banner)"
    r")"
)
# Labels an element's own class gives it over the extractor's keeping it as body.
SELF_NAMED_LABELS = frozenset({BYLINE, DEK})
CLASS_LABELS = {
    "caption": (CAPTION, "class:caption"),
    "credit": (CREDIT, "class:credit"),
    "byline": (BYLINE, "class:byline"),
    "date": (DATELINE, "class:date"),
    "related": (RELATED_LINK, "class:related"),
    "cta": (CALL_TO_ACTION, "class:cta"),
    "dek": (DEK, "class:dek"),
    "chrome": (SITE_CHROME, "class:chrome"),
}
# Short texts that ask the reader to do something.
CTA_TEXT_RE = re.compile(
    r"^(?:sign up|subscribe|follow (?:us|me|@)|share (?:this|on)|click here|download (?:the|our)|get (?:the|our)"
    r"|join (?:us|our)|support (?:us|our)|read more|log ?in|register|become a (?:member|subscriber)"
    r"|like us on|email this|print this|send us)",
    re.I,
)
ADVERT_TEXT_RE = re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below)\W*$", re.I)
CTA_MAX_WORDS = 25
# Short paragraphs that the main-content extractor kept but that are appeals to
# the reader, newsletter labels or copyright lines: relabelled, not body.
NEWSLETTER_RE = re.compile(r"\bnewsletters?\b", re.I)
NEWSLETTER_MAX_WORDS = 6
COPYRIGHT_RE = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
COPYRIGHT_MAX_WORDS = 30
LINK_LIST_MIN_DENSITY = 0.8
# Labelled elements are reported when within this many text elements of the body
# (of its main run: body paragraphs further apart than twice this start a new run).
NEAR_BODY_UNITS = 15
# Paragraphs left out of the extractor's container: how far from the body
# they may sit (in page units), and how long one must be to count as prose.
SPLIT_BODY_MAX_GAP = 4
SIBLING_ANCESTOR_LEVELS = 2
SIBLING_MIN_WORDS = 12
CLOSING_QUOTES = "\"'\u201d\u2019\u00bb)"

# ---------------------------------------------------------------- locating
WORD_RE = re.compile(r"\w+")
# Raw markup blanked out before words are indexed: comments, elements whose
# content is never page text, tags, and character references (so "don&#8217;t"
# reads as the words "don" "t", as in the cleaned text).
RAW_HIDDEN_TAGS = ("script", "style", "noscript", "template", "svg", "textarea", "title")
# "Up to the first closing mark" is written as an unrolled loop (runs of
# [^<] or [^-] between single checked characters) rather than a lazy .*?,
# which tries the closing alternatives at every character of long scripts:
# the same matches, four times faster.
RAW_MARKUP_SPLIT_RE = re.compile(
    r"(<(?:!--[^-]*(?:-(?!->)[^-]*)*(?:-->|\Z)|"
    + "|".join(rf"{tag}\b[^<]*(?:<(?!/{tag}\s*>)[^<]*)*(?:</{tag}\s*>|\Z)" for tag in RAW_HIDDEN_TAGS)
    + r"|[a-zA-Z/!?][^>]*(?:>|\Z))|&#?\w+;)",
    re.S | re.I,
)
# Joins the raw text pieces left between markup; a non-word character, so words
# never run across markup, and one that raw text cannot contain (replaced first).
TEXT_JOINER = "\x01"
NON_WORD_SPLIT_RE = re.compile(r"(\W+)")
WORD_SEPARATOR = "\x00"  # never part of a \w word
# A block of fewer words must be unambiguous to be located (titles, "Share").
SHORT_BLOCK_WORDS = 8
MAX_SHORT_BLOCK_GAP_CHARS = 100_000

# ---------------------------------------------------------------- metadata
JSONLD_TYPE_RE = re.compile(r"ld\+json", re.I)
JSON_WRAPPER_RE = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>|;)\s*$")
JSONLD_MAX_NODES = 20000
ARTICLE_TYPE_RE = re.compile(r"Article|BlogPosting|LiveBlogPosting|Report", re.I)
PUBLISHER_TYPE_RE = re.compile(r"Organization|WebSite|NewsMediaOrganization|Corporation", re.I)
TITLE_META_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
# The page's h1 is the title over the metadata's when it has this many words
# and shares this share of its content words with the metadata title.
MIN_SHOWN_HEADLINE_WORDS = 4
MIN_SHOWN_HEADLINE_SHARED = 0.3
OUTLET_META_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")
AUTHOR_META_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "dcterms.creator")
PUBLISHED_META_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "publish-date", "publish_date", "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "article.published", "original-publish-date",
)
LANGUAGE_META_KEYS = ("og:locale", "content-language", "language", "dc.language")
ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|…)\s*$")
# Run-together outlet names: "TheHill", "CBSSports", "Spokesman.com".
INNER_CAPITAL_RE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
# An acronym run into a newsroom's word ("CBSSports", "NBCNews"): a reader
# writes two. Other run-together names are brands ("SFGate", "MSPoweruser").
ACRONYM_AND_WORD_RE = re.compile(r"(?P<acronym>[A-Z]{2,})(?P<word>News|Sports|Today|Times|Post|Daily|Weekly|"
                                 r"Radio|Business|Politics|Money|Health|Online)")
DOMAIN_END_RE = re.compile(r"\.(?:com|org|net|co\.uk|com\.au)$", re.I)
HANDLE_MARK_RE = re.compile(r"^@(?=\w)")
URL_LIKE_RE = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", re.I)
BYLINE_PREFIX_RE = re.compile(r"^\s*by\s+", re.I)
# " | Outlet", " - Outlet" ... at the end (or start) of a <title>.
TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-–—:·•»]{1,2}\s+")
TITLE_SUFFIX_MAX_WORDS = 6
# An outlet's name before the headline ends in a colon: "The Space Review: Headline".
TITLE_PREFIX_END_RE = re.compile(r":\s+$")
# A section's label around a headline in its meta title ("Opinion | Headline",
# "Headline | Editorial"): the page's kind, not its title.
SECTION_LABELS = (r"opinion|editorial|analysis|commentary|perspective|op-ed|column|review|explainer|exclusive|"
                  r"breaking|live|watch|video|podcast|obituary|letters?")
SECTION_LABEL_RE = re.compile(rf"^(?:{SECTION_LABELS})\s+[|\u2013\u2014]\s+|\s+[|\u2013\u2014]\s+(?:{SECTION_LABELS})$",
                              re.I)
LANGUAGE_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
ISO_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
COMPACT_DATE_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")
UNIX_TIME_RE = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d")
# A publication time written in UTC ("...T02:59:46Z", "+00:00") gives the date
# in Greenwich, not the one the page shows its readers: another time the page
# gives for the same instant in local time (a whole number of quarter hours
# away, at most 14 hours) gives the date, as written.
UTC_MARK_RE = re.compile(r"(?:\d(?:Z|[+-]00:?00)|\s(?:GMT|UTC|Z))\s*$", re.I)
CLOCK_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
MAX_UTC_OFFSET = timedelta(hours=14)
UTC_OFFSET_STEP = timedelta(minutes=15)
LOCAL_TIME_MAX_ELEMENTS = 10  # <time datetime> elements tried for the local time
# The date in the page's own address, last resort ("/2019/nov/18/slug",
# "/2019/11/18/slug"): news sites file articles by publication day.
URL_META_KEYS = ("og:url", "twitter:url")
URL_DATE_RE = re.compile(
    r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/([0-3]?\d)(?:/|$)", re.I)
# A site name that is only the first label of the page's own host
# ("Hosted" on hosted.ap.org) names a platform; a wire agency's credit in
# the dateline of the lede ("WASHINGTON (AP) —") names who published the story.
URL_HOST_RE = re.compile(r"^[a-z][a-z0-9+.-]*://(?P<host>[^/:?#]+)", re.I)
WIRE_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .,'/-]{0,60}\((?P<agency>AP|Reuters|AFP|UPI|AAP|CP)\)\s*[\u2014\u2013-]")
WIRE_AGENCIES = {"AP": "Associated Press", "Reuters": "Reuters", "AFP": "Agence France-Presse",
                 "UPI": "United Press International", "AAP": "Australian Associated Press", "CP": "The Canadian Press"}
URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MIN_YEAR, MAX_YEAR = 1990, 2100
ITEMPROP_XPATH = etree.XPath("descendant-or-self::*[@itemprop]")
# JSON-LD as some sites write it: a comma before "]" or "}" (not JSON, read anyway)
JSON_TRAILING_COMMA_RE = re.compile(r",\s*(?=[\]}])")
# JSON-LD objects that describe the page itself: a Yoast-style graph gives the
# post's datePublished on its WebPage, with no Article object at all.
WEBPAGE_TYPE_RE = re.compile(r"WebPage", re.I)
# The page's own shown date, last resort: an element whose class or id says
# it is the publication date ("publish-date", "article_date", "entry-date",
# "datetime"),
# with a short text (or a hidden input's value) that holds a date.
PUBLISHED_CLASS_XPATH = etree.XPath(
    "descendant-or-self::*[contains(translate(concat(' ', @class, ' ', @id, ' '), 'PUBLISHDATE', 'publishdate'),"
    " 'publish') or contains(translate(concat(' ', @class, ' ', @id, ' '), 'DATE', 'date'), 'date ')"
    " or contains(translate(concat(' ', @class, ' ', @id, ' '), 'DATE', 'date'), 'date_')"
    " or contains(translate(concat(' ', @class, ' ', @id, ' '), 'DATE', 'date'), 'date-')"
    " or contains(translate(concat(' ', @class, ' ', @id, ' '), 'DATEIM', 'dateim'), ' datetime ')]")
# "Posted Sept. 3rd, 2019" -> "Sep 3 2019", a form DATE_FORMATS reads
ORDINAL_OR_STOP_RE = re.compile(r"(?<=\d)(?:st|nd|rd|th)|[.,]")
SHOWN_DATE_MAX_CHARS = 100
SHOWN_DATE_MAX_ELEMENTS = 30  # how many such elements are tried, in page order
SHOWN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
SHOWN_DATE_RE = re.compile(
    r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d(?:[ T][0-2]\d:[0-5]\d(?::[0-5]\d)?)?)"
    rf"|{SHOWN_MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|[0-3]?\d(?:st|nd|rd|th)?\s+{SHOWN_MONTH},?\s+(?:19|20)\d\d")


@dataclass
class _Unit:
    """One text element of the parsed page, with the label its context gives it."""

    el: etree._Element
    tag: str
    text: str  # whitespace collapsed, not yet normalised
    label: str | None
    rule: str | None
    words_key: str  # _words_key(text), computed once: units are matched and located by it


@dataclass
class _Piece:
    """A block before it becomes a record: `unit` is its index among the page
    units (document order) when known, `span` its raw offsets when located."""

    label: str
    rule: str
    text: str
    words_key: str
    unit: int | None = None
    span: tuple[int, int] | None = None


class _WordIndex:
    """The words of the raw page's visible text, to locate blocks in it.

    The text pieces between markup are joined by TEXT_JOINER; `joined` holds
    every word of that text between separators, so a block's word sequence is
    found with one str.find. The raw offset of a word comes from cumulative
    lengths (of words and separators, then of raw pieces). All of it is built
    by C-level str/re operations: no Python loop per word or per tag."""

    def __init__(self, raw: str) -> None:
        if TEXT_JOINER in raw:
            raw = raw.replace(TEXT_JOINER, " ")  # same length: offsets unchanged
        pieces = RAW_MARKUP_SPLIT_RE.split(raw)  # [text, markup, text, ..., text]
        self.piece_ends = list(accumulate(map(len, pieces)))
        self.text = TEXT_JOINER.join(pieces[0::2])
        self.parts = NON_WORD_SPLIT_RE.split(self.text)  # [word, separator, ..., word]
        self.part_ends = list(accumulate(map(len, self.parts)))
        self.joined = WORD_SEPARATOR + WORD_SEPARATOR.join(self.parts[0::2]) + WORD_SEPARATOR
        # last (position, count) asked of each counter: blocks are located in
        # page order, so counting on from there keeps the whole pass linear
        self._counts: dict[str, tuple[int, int]] = {}

    def _count(self, haystack: str, char: str, pos: int) -> int:
        """Occurrences of `char` in haystack[:pos]."""
        last_pos, last_count = self._counts.get(char, (0, 0))
        if pos < last_pos:
            last_pos, last_count = 0, 0
        count = last_count + haystack.count(char, last_pos, pos)
        self._counts[char] = (pos, count)
        return count

    def _raw_offset(self, pos: int) -> int:
        """Raw offset of the character at `pos` in `self.text` (not a joiner)."""
        piece = self._count(self.text, TEXT_JOINER, pos)
        piece_text_start = self.text.rfind(TEXT_JOINER, 0, pos) + 1
        piece_raw_start = self.piece_ends[2 * piece - 1] if piece > 0 else 0
        return piece_raw_start + (pos - piece_text_start)

    def locate(self, words_key: str, cursor: int, anchored: bool) -> tuple[int, int, int] | None:
        """(raw start, raw end, next cursor) of the first occurrence of a text's
        words (its `_words_key`) at or after `cursor` (a position in `joined`);
        None when absent or, for a short text, ambiguous."""
        if not words_key:
            return None
        word_count = words_key.count(" ") + 1
        key = WORD_SEPARATOR + words_key.replace(" ", WORD_SEPARATOR) + WORD_SEPARATOR
        found = self.joined.find(key, cursor)
        if found < 0:
            return None
        end = found + len(key) - 1
        if word_count < SHORT_BLOCK_WORDS:
            if anchored and found - cursor > MAX_SHORT_BLOCK_GAP_CHARS:
                return None
            again = self.joined.find(key, end)
            if again >= 0 and (not anchored or again - end <= MAX_SHORT_BLOCK_GAP_CHARS):
                return None
        first = self._count(self.joined, WORD_SEPARATOR, found + 1) - 1
        last = first + word_count - 1
        if 2 * last >= len(self.parts):
            return None
        text_start = self.part_ends[2 * first - 1] if first > 0 else 0
        text_end = self.part_ends[2 * last]
        return self._raw_offset(text_start), self._raw_offset(text_end - 1) + 1, end


# ---------------------------------------------------------------- public API


def clean_html(raw_html: str, *, extractor: str = "auto") -> Document:
    """Clean one HTML page into metadata and labelled blocks. Never raises.

    `extractor` chooses the main-content finder: "auto" (trafilatura, with the
    density extractor as fallback), "trafilatura" or "density" (for measuring).
    """
    if not isinstance(raw_html, str) or not raw_html.strip():
        return Document()
    if extractor not in EXTRACTORS:
        extractor = "auto"
    tree = _parse(raw_html)
    if tree is None:
        return Document()
    try:
        units = _page_units(tree)
    except Exception:  # lxml on pathological trees; labels are an extra
        units = []
    try:
        meta = _metadata(tree, units)
    except Exception:  # malformed attributes or JSON must not cost the body
        meta = {}
    try:
        pieces, rule = _main_content(tree, units, extractor)
        blocks = _blocks(raw_html, meta.get("title"), pieces, rule, units)
    except Exception:  # last guard: a page we cannot cut still has its metadata
        blocks = ()
    return Document(
        title=_shown_headline(meta.get("title"), blocks),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        published_at=meta.get("published_at"),
        published_source=meta.get("published_source"),
        language=meta.get("language"),
        blocks=blocks,
    )


# ---------------------------------------------------------------- parsing


def _parse(raw_html: str) -> etree._Element | None:
    # trafilatura's loader first, so its extraction sees the tree it would build itself.
    try:
        tree = trafilatura.load_html(raw_html)
    except Exception:
        tree = None
    if tree is not None and isinstance(tree.tag, str):
        return tree
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        return lxml.html.document_fromstring(raw_html.encode("utf-8", "replace"), parser=parser)
    except Exception:  # lxml refuses documents with no element at all
        return None


def _collapse(text: str) -> str:
    # str.split() splits on exactly the characters \s matches, and faster than a regex
    return " ".join(text.split())


def _clean_text(text: str | None) -> str:
    """Block and metadata text: normalised, whitespace runs collapsed."""
    if not text:
        return ""
    return _collapse(normalize_text(text).text)


def _clean_meta_text(text: object) -> str:
    """Metadata strings: entities left over from double escaping decoded too."""
    if not isinstance(text, str):
        return ""
    if "&" in text:
        text = html.unescape(text)
    return _clean_text(text)


def _element_text(el: etree._Element) -> str:
    return _collapse("".join(el.itertext()))


def _unit_text(el: etree._Element) -> str:
    """A page unit's text, a line break a space: "by Jane Doe<br>Monday" is
    the words trafilatura gives, "by Jane Doe Monday"."""
    if next(el.iterdescendants("br"), None) is None:
        return _element_text(el)
    return _collapse("".join(" " if isinstance(node, etree._Element) else node for node in BR_OR_TEXT_XPATH(el)))


def _link_density(el: etree._Element, text_length: int) -> float:
    if text_length <= 0:
        return 0.0
    linked = sum(len(_element_text(a)) for a in el.iter("a"))
    return linked / text_length


def _words_key(text: str) -> str:
    return " ".join(WORD_RE.findall(text))


# ---------------------------------------------------------------- page units

# (label, rule, inside an article, hidden) of an element's region
_Context = tuple[str | None, str | None, bool, bool]
ROOT_CONTEXT: _Context = (None, None, False, False)


def _own_label(el: etree._Element, tag: str, in_article: bool) -> tuple[str, str] | None:
    """The label an element gives its region by its tag, role or class names."""
    if tag in TAG_LABELS:
        return TAG_LABELS[tag]
    if tag in PAGE_EDGE_TAGS and not in_article:
        return SITE_CHROME, f"tag:{tag}"
    role = el.get("role")
    if role and role.lower() in CHROME_ROLES:
        return SITE_CHROME, f"role:{role.lower()}"
    if tag in CONTENT_ROOT_TAGS:
        return None
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if len(names) > 1:
        m = CLASS_LABEL_RE.search(names.lower())
        if m:
            return CLASS_LABELS[m.lastgroup]
    return None


def _context(el: etree._Element, memo: dict) -> _Context:
    """Context of `el`, computed down from its nearest ancestor already known
    (iterative, each element once: linear even on deeply nested pages)."""
    chain = []
    node = el
    while node is not None and node not in memo:
        chain.append(node)
        node = node.getparent()
    context = memo[node] if node is not None else ROOT_CONTEXT
    for node in reversed(chain):
        label, rule, in_article, hidden = context
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        hidden = hidden or tag in HIDDEN_TAGS
        own = None if hidden else _own_label(node, tag, in_article)
        if own is not None:
            label, rule = own
        context = (label, rule, in_article or tag in ARTICLE_TAGS, hidden)
        memo[node] = context
    return context


def _page_units(tree: etree._Element) -> list[_Unit]:
    """Text elements of the page in document order (the innermost of nested
    ones), each with the label of its nearest labelled ancestor or its own."""
    units: list[_Unit] = []
    memo: dict = {}
    for el in tree.iter(*UNIT_TAGS):
        if next(el.iterdescendants(*UNIT_TAGS), None) is not None:
            continue  # the smaller units inside it count instead
        label, rule, _, hidden = _context(el, memo)
        if hidden:
            continue
        text = _unit_text(el)
        if text:
            units.append(_Unit(el, el.tag, text, label, rule, _words_key(text)))
    for unit in units:
        if unit.tag == "h1":
            unit.label, unit.rule = TITLE, "tag:h1"
        elif unit.label is None:
            unit.label, unit.rule = _text_label(unit)
    return units


def _text_label(unit: _Unit) -> tuple[str | None, str | None]:
    """Labels read from the text of an element that its context left unlabelled."""
    if ADVERT_TEXT_RE.match(unit.text):
        return SITE_CHROME, "text:advertisement"
    if len(unit.text.split()) <= CTA_MAX_WORDS and CTA_TEXT_RE.match(unit.text):
        return CALL_TO_ACTION, "text:cta"
    if unit.tag == "li" and _link_density(unit.el, len(unit.text)) >= LINK_LIST_MIN_DENSITY:
        return RELATED_LINK, "link_list"
    return None, None


# ---------------------------------------------------------------- main content

# (tag, text, index of the page unit it came from when known)
_Paragraph = tuple[str, str, int | None]


def _main_content(tree: etree._Element, units: list[_Unit], extractor: str) -> tuple[list[_Paragraph], str]:
    """The body paragraphs, and the name of the extractor that found them."""
    if extractor == "density":
        return _density_paragraphs(units), "density"
    paragraphs = _trafilatura_paragraphs(tree, fast=True)
    trafilatura_words = _word_count(paragraphs)
    if trafilatura_words < FALLBACK_MAX_TRAFILATURA_WORDS:
        paragraphs = _trafilatura_paragraphs(tree, fast=False)
        trafilatura_words = _word_count(paragraphs)
    if extractor == "trafilatura":
        return paragraphs, "trafilatura"
    if trafilatura_words < FALLBACK_MAX_TRAFILATURA_WORDS:
        dense = _density_paragraphs(units)
        dense_words = _word_count(dense)
        if trafilatura_words == 0 and dense_words:  # trafilatura drops short pages whole
            return dense, "density"
        if dense_words >= FALLBACK_MIN_WORDS and dense_words >= FALLBACK_MIN_RATIO * trafilatura_words:
            return dense, "density"
    return paragraphs, "trafilatura"


def _word_count(paragraphs: list[_Paragraph]) -> int:
    return sum(len(WORD_RE.findall(text)) for _, text, _ in paragraphs)


def _trafilatura_paragraphs(tree: etree._Element, *, fast: bool) -> list[_Paragraph]:
    try:
        result = trafilatura.bare_extraction(tree, fast=fast, **TRAFILATURA_OPTIONS)
    except Exception:  # trafilatura raises on some malformed trees; the fallback takes over
        return []
    body = getattr(result, "body", None)
    if body is None:
        return []
    for line_break in body.iter(TRAF_LINE_BREAK_TAG):
        line_break.text = " "  # so the words on either side stay apart
    paragraphs: list[_Paragraph] = []
    todo: list[object] = [body]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            text = _collapse(item)
            if text:
                paragraphs.append(("text", text, None))
            continue
        el = item
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in TRAF_HIDDEN_TAGS:
            continue
        if tag == TRAF_ROW_TAG and any(child.tag in TRAF_BLOCK_TAGS for cell in el for child in cell):
            # a layout table's row (a whole article in one cell): its cells'
            # paragraphs and headings are blocks of their own, not one row
            todo.extend(reversed([part for cell in el for part in _contents(cell)]))
        elif tag == TRAF_ROW_TAG:
            text = " ".join(t for t in (_element_text(cell) for cell in el) if t)
            if text:
                paragraphs.append((tag, text, None))
        elif tag in TRAF_CONTAINER_TAGS and any(child.tag in TRAF_BLOCK_TAGS for child in el):
            todo.extend(reversed(_contents(el)))
        else:
            text = _element_text(el)
            if text:
                paragraphs.append((tag, text, None))
    return paragraphs


def _contents(el: etree._Element) -> list[object]:
    """An element's own text, then each child followed by its tail (blank text left out)."""
    parts: list[object] = [el.text or ""]
    for child in el:
        parts.append(child)
        parts.append(child.tail or "")
    return [p for p in parts if not isinstance(p, str) or p.strip()]


def _density_paragraphs(units: list[_Unit]) -> list[_Paragraph]:
    """Readability-style: paragraphs vote for their parent (and, half, their
    grandparent); the blocks of the winning container are the body."""
    scores: dict[etree._Element, float] = {}
    for unit in units:
        if unit.label is not None or unit.tag not in DENSITY_SCORED_TAGS:
            continue
        if len(unit.text) < DENSITY_MIN_PARAGRAPH_CHARS:
            continue
        if _link_density(unit.el, len(unit.text)) > MAX_BODY_LINK_DENSITY:
            continue
        vote = 1 + unit.text.count(",") + min(len(unit.text) // 100, DENSITY_MAX_LENGTH_BONUS)
        parent = unit.el.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + vote
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + vote * DENSITY_GRANDPARENT_SHARE
    if not scores:
        return []
    best = max(scores, key=lambda el: scores[el])
    paragraphs: list[_Paragraph] = []
    for i, unit in enumerate(units):
        if unit.label is not None or unit.tag not in DENSITY_BODY_TAGS:
            continue
        if not any(ancestor is best for ancestor in unit.el.iterancestors()):
            continue
        if _link_density(unit.el, len(unit.text)) > MAX_BODY_LINK_DENSITY:
            continue
        paragraphs.append((unit.tag, unit.text, i))
    return paragraphs


# ---------------------------------------------------------------- blocks


def _blocks(raw_html: str, title: str | None, paragraphs: list[_Paragraph], rule: str,
            units: list[_Unit]) -> tuple[Block, ...]:
    index = _WordIndex(raw_html)
    units_by_key: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        units_by_key.setdefault(unit.words_key, []).append(i)

    body: list[_Piece] = []
    cursor, anchored, last_unit = 0, False, -1
    for tag, text, unit in paragraphs:
        key = _words_key(text)
        if unit is None:  # the first page unit with the same words after the previous one
            candidates = units_by_key.get(key, [])
            k = bisect_right(candidates, last_unit)
            unit = candidates[k] if k < len(candidates) else None
        if unit is not None:
            last_unit = unit
        found = index.locate(key, cursor, anchored)
        if found is not None:
            cursor, anchored = found[2], True
        label, piece_rule = BODY, f"{rule}:{tag}"
        if unit is not None and units[unit].label in SELF_NAMED_LABELS \
                and _own_label(units[unit].el, units[unit].tag, True) == (units[unit].label, units[unit].rule):
            # an element that names itself a byline ("by Jane Doe<br>Monday") or a standfirst
            # (<p class="dek">), even where the extractor kept it
            label, piece_rule = units[unit].label, units[unit].rule
        body.append(_Piece(label, piece_rule, text, key, unit, found[:2] if found else None))

    title_unit = _title_unit(units, next((p.unit for p in body if p.unit is not None), None))
    body = _with_left_out_paragraphs(body, units, title_unit, rule)
    _relabel_body(body)
    title_key = units[title_unit].words_key if title_unit is not None else _words_key(title or "")
    for piece in body:
        # trafilatura often repeats the headline as the body's first heading
        if piece.rule.endswith(":head") and title_key and piece.words_key == title_key:
            piece.label, piece.rule = TITLE, "title_in_body"
    # the h1 itself is reported once, as the title block
    body = [p for p in body if not (p.label == TITLE and title_unit is not None and p.unit == title_unit)]
    near: list[int] = []
    run = _main_run([p.unit for p in body if p.unit is not None and p.label == BODY])
    if run is not None:
        body_keys = {p.words_key for p in body}
        lo = max(0, run[0] - NEAR_BODY_UNITS)
        hi = min(len(units), run[1] + NEAR_BODY_UNITS + 1)
        near = [i for i in range(lo, hi)
                if units[i].label not in (None, TITLE) and units[i].words_key not in body_keys]

    # locate the labelled units in document order
    others: list[_Piece] = []
    head: list[_Piece] = []
    cursor, anchored = 0, False
    for i in sorted(set(near + ([title_unit] if title_unit is not None else []))):
        unit = units[i]
        found = index.locate(unit.words_key, cursor, anchored)
        if found is not None:
            cursor, anchored = found[2], True
        piece = _Piece(unit.label or "", unit.rule or "", unit.text, unit.words_key, i, found[:2] if found else None)
        (head if i == title_unit else others).append(piece)
    if not head and title:
        title_words = _words_key(title)
        found = index.locate(title_words, 0, False)
        head.append(_Piece(TITLE, "metadata", title, title_words, None, found[:2] if found else None))

    blocks = []
    for piece in _merge(head, body, others):
        text = _clean_text(piece.text)
        if not text:
            continue
        start, end = piece.span if piece.span is not None else (None, None)
        blocks.append(Block(piece.label, piece.rule, text, start, end))
    return tuple(blocks)


def _with_left_out_paragraphs(body: list[_Piece], units: list[_Unit], title_unit: int | None,
                              rule: str) -> list[_Piece]:
    """The body with the paragraphs the extractor left out of its own
    container: a body that goes on in sibling containers of the same kind
    after an advert or an aside (Wired), and a lead paragraph that sits in
    the container around the body's (Barron's). A page unit joins when it is
    unlabelled prose whose parent element is of the body's kind (tag and
    class), or holds the body, with at most SPLIT_BODY_MAX_GAP other units
    between it and the body."""
    body_units = sorted(p.unit for p in body if p.unit is not None)
    run = _main_run(body_units)
    if run is None:
        return body
    parents = [units[i].el.getparent() for i in body_units if run[0] <= i <= run[1]]
    kinds = Counter(_element_kind(el) for el in parents if el is not None)
    if not kinds:
        return body
    body_kind = kinds.most_common(1)[0][0]
    # containers of one kind under one close ancestor hold one body (lxml gives
    # one proxy per node while it is referenced, so the set holds the nodes)
    holders = {a for el in parents if el is not None for a in _close_ancestors(el)}
    taken = set(body_units) | {title_unit}
    body_keys = {p.words_key for p in body}

    def joins(i: int) -> bool:
        unit = units[i]
        parent = unit.el.getparent()
        return (i not in taken and unit.label is None and unit.words_key not in body_keys
                and parent is not None and _element_kind(parent) == body_kind
                and any(a in holders for a in _close_ancestors(parent)) and _is_prose(unit.text))

    added: list[int] = []
    for step, start, stop in ((-1, run[0] - 1, title_unit if title_unit is not None else -1),
                              (1, run[1] + 1, len(units))):
        gap = 0
        for i in range(start, stop, step):
            if joins(i):
                added.append(i)
                gap = 0
            else:
                gap += 1
                if gap > SPLIT_BODY_MAX_GAP:
                    break
    if not added:
        return body
    out = list(body)
    for i in sorted(added):  # each after the last body piece that comes before it on the page
        at = next((k + 1 for k in range(len(out) - 1, -1, -1) if out[k].unit is not None and out[k].unit < i), 0)
        out.insert(at, _Piece(BODY, f"{rule}:sibling_{units[i].tag}", units[i].text, units[i].words_key, i))
    return out


def _close_ancestors(el: etree._Element) -> list[etree._Element]:
    """The parent and grandparent of a paragraph's container."""
    return list(islice(el.iterancestors(), SIBLING_ANCESTOR_LEVELS))


def _element_kind(el: etree._Element) -> tuple[str, str]:
    return (el.tag if isinstance(el.tag, str) else "", " ".join(sorted((el.get("class") or "").split())))


def _is_prose(text: str) -> bool:
    """A paragraph of sentences: enough words, and a sentence's end at its end."""
    return len(text.split()) >= SIBLING_MIN_WORDS and text.rstrip(CLOSING_QUOTES + " ")[-1:] in ".!?\u2026"


def _relabel_body(body: list[_Piece]) -> None:
    """Reader appeals, copyright lines, site notices, links to other stories ("SEE MORE: ...")
    and the headings left dangling at the end (headlines of other articles) are not body,
    whoever kept them."""
    for piece in body:
        words = len(piece.text.split())
        if is_reader_appeal(piece.text):
            piece.label, piece.rule = CALL_TO_ACTION, "text:cta_in_body"
        elif words <= NEWSLETTER_MAX_WORDS and NEWSLETTER_RE.search(piece.text):
            piece.label, piece.rule = CALL_TO_ACTION, "text:newsletter"
        elif words <= COPYRIGHT_MAX_WORDS and COPYRIGHT_RE.match(piece.text):
            piece.label, piece.rule = SITE_CHROME, "text:copyright"
        elif is_site_notice(piece.text):
            piece.label, piece.rule = SITE_CHROME, "text:site_notice"
        elif is_related_link(piece.text):
            piece.label, piece.rule = RELATED_LINK, "text:related_link"
    for piece in reversed(body):
        if piece.label != BODY:
            continue
        if not piece.rule.endswith(":head"):
            break
        piece.label, piece.rule = RELATED_LINK, "trailing_heading"


def _main_run(body_units: list[int]) -> tuple[int, int] | None:
    """First and last page unit of the longest run of body paragraphs (by
    count) whose neighbours are at most 2 * NEAR_BODY_UNITS units apart: a
    stray body paragraph far from the article does not widen the window."""
    ordered = sorted(body_units)
    if not ordered:
        return None
    best = current = (ordered[0], ordered[0], 1)
    for unit in ordered[1:]:
        if unit - current[1] <= 2 * NEAR_BODY_UNITS:
            current = (current[0], unit, current[2] + 1)
        else:
            current = (unit, unit, 1)
        if current[2] > best[2]:
            best = current
    return best[0], best[1]


def _title_unit(units: list[_Unit], first_body_unit: int | None) -> int | None:
    """The h1 closest before the body, else the first h1 of the page."""
    h1s = [i for i, unit in enumerate(units) if unit.label == TITLE]
    if not h1s:
        return None
    if first_body_unit is not None:
        before = [i for i in h1s if i <= first_body_unit]
        if before:
            return before[-1]
    return h1s[0]


def _merge(head: list[_Piece], body: list[_Piece], others: list[_Piece]) -> list[_Piece]:
    """Title first, then body and nearby labelled blocks in page order (a body
    block whose page unit is unknown stays after the one before it)."""
    out = list(head)
    j = 0
    for piece in body:
        if piece.unit is not None:
            while j < len(others) and others[j].unit is not None and others[j].unit < piece.unit:
                out.append(others[j])
                j += 1
        out.append(piece)
    out.extend(others[j:])
    return out


# ---------------------------------------------------------------- metadata


def _metadata(tree: etree._Element, units: list[_Unit]) -> dict:
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "")
        key = key.strip().lower()
        content = el.get("content")
        if key and content and content.strip() and key not in metas:
            metas[key] = content
    objects = _jsonld_objects(tree)
    article = next((o for o in objects if ARTICLE_TYPE_RE.search(_jsonld_type(o))), None)
    if article is None:
        article = next((o for o in objects if "headline" in o), {})

    page_title = _clean_meta_text(next((t.text for t in tree.iter("title")), None))
    outlet = _outlet_name(
        [metas.get(k) for k in OUTLET_META_KEYS[:1]]
        + [_jsonld_name(article.get("publisher"))]
        + [metas.get(k) for k in OUTLET_META_KEYS[1:]]
        + [_jsonld_name(o) for o in objects if PUBLISHER_TYPE_RE.search(_jsonld_type(o))],
        _title_suffix(page_title),
    )
    addresses = tuple(metas.get(k) for k in URL_META_KEYS) \
        + tuple(el.get("href") for el in tree.iter("link") if el.get("rel", "").lower() == "canonical")
    if outlet and _names_its_host(outlet, addresses):
        lede = _first_text([metas.get("og:description"), metas.get("description")]
                           + [u.text for u in units if u.tag == "p"][:1])
        wire = WIRE_DATELINE_RE.match(lede)
        if wire is not None:
            outlet = WIRE_AGENCIES[wire["agency"]]
    headline = _clean_meta_text(article.get("headline"))
    if ELLIPSIS_END_RE.search(headline):
        headline = ""  # JSON-LD headlines are often cut at 110 characters
    h1 = next((u.text for u in units if u.tag == "h1"), "")
    title = _first_text([headline] + [metas.get(k) for k in TITLE_META_KEYS] + [h1, page_title])
    if title and outlet:
        title = _strip_outlet(title, outlet)
    if not outlet and page_title and title:
        outlet = _outlet_from_page_title(page_title, title)
    title = SECTION_LABEL_RE.sub("", title).strip() or title

    author = _jsonld_authors(article.get("author"))
    if not author:
        for key in AUTHOR_META_KEYS:
            value = BYLINE_PREFIX_RE.sub("", _clean_meta_text(metas.get(key)))
            if value and not URL_LIKE_RE.search(value) and value.lower() != (outlet or "").lower():
                author = value
                break

    page = next((o for o in objects if WEBPAGE_TYPE_RE.search(_jsonld_type(o)) and "datePublished" in o), None)
    published_at, published_source = _published(article, metas, tree, page, addresses)
    return {
        "title": title or None,
        "outlet": outlet or None,
        "author": author or None,
        "published_at": published_at,
        "published_source": published_source,
        "language": _language(tree, metas, article),
    }


def _outlet_name(values: list[object], title_suffix: str) -> str:
    """The first outlet name the page's metadata gives, written as a reader
    would: a handle loses its @ ("@politifact"), and a run-together form
    ("TheHill", "politifact", "Spokesman.com") gives way to another of the
    page's names that spells it out ("The Hill", "The Spokesman-Review"), from
    its metadata or the end of its <title>, or else loses its domain when it
    is written in inner capitals ("SpaceNews.com"), and an acronym run into
    a word comes apart ("CBSSports"). A domain that is the brand
    ("Space.com", "Phys.org") stays as it is."""
    outlet = HANDLE_MARK_RE.sub("", _first_text(values))
    if not outlet or " " in outlet or not (outlet.islower() or INNER_CAPITAL_RE.search(outlet)
                                           or DOMAIN_END_RE.search(outlet)):
        return outlet
    key = _squash(DOMAIN_END_RE.sub("", outlet))
    for value in values + [title_suffix]:
        other = _clean_meta_text(value)
        if " " in other and key in _squash(other):
            return other
    if INNER_CAPITAL_RE.search(outlet):
        outlet = DOMAIN_END_RE.sub("", outlet)  # "SpaceNews.com" is SpaceNews; "Space.com" stays
        split = ACRONYM_AND_WORD_RE.fullmatch(outlet)
        return f"{split['acronym']} {split['word']}" if split else outlet
    return outlet


def _names_its_host(outlet: str, addresses: tuple[str | None, ...]) -> bool:
    """Whether `outlet` is only the first label of a subdomain the page's
    address is on ("Hosted" for hosted.ap.org), not the brand the domain is."""
    for address in addresses:
        m = URL_HOST_RE.match((address or "").strip())
        if m is not None:
            labels = m["host"].lower().split(".")
            return len(labels) >= 3 and labels[0] != "www" and labels[0] == outlet.lower()
    return False


def _title_suffix(page_title: str) -> str:
    """The short last piece of a <title> ('Headline | The Hill'), or ''."""
    separators = list(TITLE_SEPARATOR_RE.finditer(page_title))
    if not separators:
        return ""
    suffix = page_title[separators[-1].end():].strip()
    return suffix if len(suffix.split()) <= TITLE_SUFFIX_MAX_WORDS else ""


def _first_text(values: list[object]) -> str:
    for value in values:
        text = _clean_meta_text(value)
        if text:
            return text
    return ""


def _jsonld_objects(tree: etree._Element) -> list[dict]:
    """Every JSON object in the page's JSON-LD scripts (walked iteratively)."""
    objects: list[dict] = []
    for script in tree.iter("script"):
        if not JSONLD_TYPE_RE.search(script.get("type") or "") or not script.text:
            continue
        text = JSON_WRAPPER_RE.sub("", script.text)
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            try:
                data = json.loads(JSON_TRAILING_COMMA_RE.sub("", text), strict=False)
            except (ValueError, RecursionError):
                continue
        except RecursionError:
            continue
        todo = [data]
        seen = 0
        while todo and seen < JSONLD_MAX_NODES:
            node = todo.pop()
            seen += 1
            if isinstance(node, dict):
                objects.append(node)
                todo.extend(reversed([v for v in node.values() if isinstance(v, (dict, list))]))
            elif isinstance(node, list):
                todo.extend(reversed(node))
    return objects


def _jsonld_type(obj: dict) -> str:
    value = obj.get("@type")
    if isinstance(value, list):
        return " ".join(v for v in value if isinstance(v, str))
    return value if isinstance(value, str) else ""


def _jsonld_name(value: object) -> str:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name")
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
    return _clean_meta_text(value) if isinstance(value, str) else ""


def _jsonld_authors(value: object) -> str:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = BYLINE_PREFIX_RE.sub("", _jsonld_name(item))
        if name and not URL_LIKE_RE.search(name) and name not in names:
            names.append(name)
    return ", ".join(names)


def _shown_headline(meta_title: str | None, blocks: tuple[Block, ...]) -> str | None:
    """The headline as the page shows it (its h1 over the body) rather than
    the metadata's, which sites rewrite for search and sharing ("Sweden drops
    Assange rape investigation" for "Julian Assange: Sweden drops rape
    investigation"), when the two tell the same story: a full headline that
    shares words with the metadata one, not a section's or the site's name."""
    shown = next((b.text for b in blocks[:1] if b.label == TITLE and b.rule != "metadata"), None)
    if not shown or not meta_title:
        return meta_title or shown
    shown_words, meta_words = content_words(shown), content_words(meta_title)
    if len(WORD_RE.findall(shown)) < MIN_SHOWN_HEADLINE_WORDS or not shown_words or not meta_words:
        return meta_title
    shared = len(shown_words & meta_words) / min(len(shown_words), len(meta_words))
    return shown if shared >= MIN_SHOWN_HEADLINE_SHARED else meta_title


def _strip_outlet(title: str, outlet: str) -> str:
    """'Headline | Outlet' -> 'Headline' (also 'Outlet - Headline')."""
    key = _squash(outlet)
    separators = list(TITLE_SEPARATOR_RE.finditer(title))
    if not separators or not key:
        return title
    last, first = separators[-1], separators[0]
    if _squash(title[last.end():]) == key:
        return title[:last.start()].strip()
    if _squash(title[:first.start()]) == key:
        return title[first.end():].strip()
    return title


def _outlet_from_page_title(page_title: str, title: str) -> str:
    """<title> = the headline (known from elsewhere) + separator + a short name,
    or the name + separator + the headline ('The Space Review: Headline'):
    that name is the outlet. A <title> alone is not split: 'Headline - Subtitle'
    and 'Headline - Outlet' look the same."""
    if page_title == title:
        return ""
    if page_title.startswith(title):
        match = TITLE_SEPARATOR_RE.match(page_title, len(title))
        name = page_title[match.end():].strip() if match else ""
    elif page_title.endswith(title):
        head = page_title[:len(page_title) - len(title)]
        match = TITLE_SEPARATOR_RE.search(head) or TITLE_PREFIX_END_RE.search(head)
        name = head[:match.start()].strip() if match and match.end() == len(head) else ""
    else:
        return ""
    if not name or len(name.split()) > TITLE_SUFFIX_MAX_WORDS:
        return ""
    return name


def _squash(text: str) -> str:
    return "".join(WORD_RE.findall(text.lower()))


def _published(article: dict, metas: dict[str, str], tree: etree._Element,
               page: dict | None = None, addresses: tuple[str | None, ...] = ()) -> tuple[datetime | None, str | None]:
    page = page or {}
    candidates: list[tuple[str, object]] = [
        ("jsonld:datePublished", article.get("datePublished")),
        ("jsonld:dateCreated", article.get("dateCreated")),
        ("jsonld:WebPage.datePublished", page.get("datePublished")),
    ]
    candidates += [(f"meta:{key}", metas.get(key)) for key in PUBLISHED_META_KEYS]
    for el in ITEMPROP_XPATH(tree):  # not a Python walk over every element
        if el.get("itemprop").lower() == "datepublished":
            candidates.append(("itemprop:datePublished", el.get("content") or el.get("datetime") or el.text))
            break
    for el in tree.iter("time"):
        if el.get("datetime"):
            candidates.append(("time:datetime", el.get("datetime")))
            break
    for i, (source, value) in enumerate(candidates):
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        parsed = _parse_datetime(value) if isinstance(value, str) else None
        if parsed is not None:
            if UTC_MARK_RE.search(value) and CLOCK_TIME_RE.search(value):
                local = _local_time(parsed, candidates[i + 1:], tree)
                if local is not None:
                    return local
            return parsed, source
    shown = _shown_date(tree)
    if shown is not None:
        return shown, "class:date"
    in_address = _url_date(addresses)  # the page's own address: og:url, twitter:url, canonical link
    return (in_address, "url") if in_address is not None else (None, None)


def _local_time(utc: datetime, later: list[tuple[str, object]],
                tree: etree._Element) -> tuple[datetime, str] | None:
    """Another time the page gives for the instant `utc` that is its local
    wall-clock time: written with a clock time, not in UTC itself, and a whole
    number of quarter hours (at most 14 hours) away from it."""
    others = [(source, value) for source, value in later if isinstance(value, str)]
    others += [("time:datetime", el.get("datetime"))
               for el in islice((el for el in tree.iter("time") if el.get("datetime")), LOCAL_TIME_MAX_ELEMENTS)]
    for source, value in others:
        if UTC_MARK_RE.search(value) or not CLOCK_TIME_RE.search(value):
            continue
        local = _parse_datetime(value)
        if local is None or local == utc:
            continue
        offset = local - utc
        if abs(offset) <= MAX_UTC_OFFSET and offset % UTC_OFFSET_STEP == timedelta(0):
            return local, source
    return None


def _url_date(urls: tuple[str | None, ...]) -> datetime | None:
    """The publication day filed in the page's address ("/2019/nov/18/")."""
    for url in urls:
        m = URL_DATE_RE.search(url or "")
        if m is None:
            continue
        month = m.group(2).lower()
        month_number = URL_MONTHS.index(month) + 1 if month in URL_MONTHS else int(month)
        try:
            day = datetime(int(m.group(1)), month_number, int(m.group(3)))
        except ValueError:
            continue
        if MIN_YEAR <= day.year <= MAX_YEAR:
            return day
    return None


def _shown_date(tree: etree._Element) -> datetime | None:
    """The date the page shows as its publication date ("Published 10:02 AM
    EST Nov 19, 2019" in a "publish-date" element); "publish" classes first."""
    elements = PUBLISHED_CLASS_XPATH(tree)[:SHOWN_DATE_MAX_ELEMENTS]
    marked = [el for el in elements if "publish" in (f"{el.get('class')} {el.get('id')}").lower()]
    for el in marked + [el for el in elements if el not in marked]:
        if el.tag in ("script", "style", "html", "body"):
            continue
        text = el.get("value") if el.tag == "input" else _collapse(el.text_content())
        if not text or len(text) > SHOWN_DATE_MAX_CHARS:
            continue
        m = SHOWN_DATE_RE.search(text)
        if m is None:
            continue
        written = m.group("iso") or _collapse(ORDINAL_OR_STOP_RE.sub("", m.group(0))).replace("Sept ", "Sep ")
        parsed = _parse_datetime(written)  # "Nov 19 2019", "20 November 2019", ISO
        if parsed is not None:
            return parsed
    return None


def _parse_datetime(value: str) -> datetime | None:
    """The publisher's local wall-clock time (offset dropped, not converted:
    the date a reader of the page sees)."""
    value = value.strip()[:100]
    if not value:
        return None
    parsed = None
    m = ISO_DATE_RE.match(value) or COMPACT_DATE_RE.match(value)
    if m:
        y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
        try:
            parsed = datetime(y, mo, d, h, mi, s)
        except ValueError:
            parsed = None
    if parsed is None and (m := UNIX_TIME_RE.match(value)):
        try:
            parsed = datetime.fromtimestamp(int(m.group(1)), tz=timezone.utc).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            parsed = None
    if parsed is None:
        try:
            parsed = parsedate_to_datetime(value).replace(tzinfo=None)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        for fmt in DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed


def _language(tree: etree._Element, metas: dict[str, str], article: dict) -> str | None:
    root = tree.getroottree().getroot()
    values = [root.get("lang"), root.get("xml:lang")]
    values += [metas.get(k) for k in LANGUAGE_META_KEYS]
    values.append(article.get("inLanguage"))
    for value in values:
        if isinstance(value, str) and (m := LANGUAGE_RE.match(value.strip())):
            return m.group(1).lower()
    return None
