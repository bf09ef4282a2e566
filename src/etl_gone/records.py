"""Records shared by the cleaning stage and the loader.

Every record is a small frozen dataclass whose fields are the columns of the
table it lands in (see `etl_gone.load`, which derives the DuckDB schema from
the field types). The records of every stage are here, so that the loader,
which needs their columns, does not import the parsers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Labels of the blocks a page is cut into. Only BODY blocks become paragraphs;
# every other block is kept, with the rule that labelled it, in the audit trail.
BODY = "body"
TITLE = "title"
DEK = "dek"  # standfirst, subtitle, pull quote
BYLINE = "byline"
DATELINE = "dateline"
CAPTION = "caption"
CREDIT = "credit"  # photo / media credit
RELATED_LINK = "related_link"
EMBED = "embed"  # embedded media titles and labels
CALL_TO_ACTION = "call_to_action"
SITE_CHROME = "site_chrome"  # banners, navigation, section labels
BLOCK_LABELS = (
    BODY, TITLE, DEK, BYLINE, DATELINE, CAPTION, CREDIT,
    RELATED_LINK, EMBED, CALL_TO_ACTION, SITE_CHROME,
)


@dataclass(frozen=True)
class Block:
    """One block of an article page, as labelled by the cleaner.

    `text` is the normalised text of the block; `char_start`/`char_end` are
    character offsets of the block in the article's raw text (for HTML, the
    span of the element that holds it; None when it cannot be located).
    """

    label: str
    rule: str
    text: str
    char_start: int | None
    char_end: int | None


@dataclass(frozen=True)
class Document:
    """The cleaner's result for one article: metadata and labelled blocks in
    reading order. Pure data, no ids: the parse stage attaches those."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    # where published_at came from ("dateline", "meta:article:published_time", ...)
    published_source: str | None = None
    language: str | None = None
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.label == BODY]


# ---- rows of the parse-output tables (schema raw, table name in brackets) ----


@dataclass(frozen=True)
class ParsedArticle:
    """[raw.parsed_articles] one row per article after cleaning."""

    article_id: str
    parser_version: str
    parse_status: str  # 'ok', 'no_article_text' or 'parser_error'
    content_kind: str  # 'text' or 'html'
    title: str | None
    outlet: str | None
    author: str | None
    published_at: datetime | None
    published_source: str | None
    language: str | None
    body_text: str
    paragraph_count: int


@dataclass(frozen=True)
class ParagraphRecord:
    """[raw.parsed_paragraphs] one row per body paragraph, in reading order."""

    article_id: str
    paragraph_index: int
    text: str
    char_start: int | None
    char_end: int | None


@dataclass(frozen=True)
class RemovedBlockRecord:
    """[raw.parsed_removed_blocks] one row per non-body block: the audit trail
    of what cleaning removed and why."""

    article_id: str
    block_index: int
    label: str
    rule: str
    text: str
    char_start: int | None
    char_end: int | None


@dataclass(frozen=True)
class EntityRecord:
    """[raw.parsed_entities] one row per entity named in an article."""

    article_id: str
    entity_id: str
    canonical_name: str
    entity_kind: str  # 'person', 'group', 'organization', 'event', 'work', 'other'
    aliases: tuple[str, ...]  # every other way the article writes it
    mention_count: int
    first_text_index: int  # index into the texts given to build_entities (title first)


@dataclass(frozen=True)
class UnresolvedMention:
    """[raw.parsed_unresolved_mentions] one row per pronoun or short name that
    could not be tied to one entity."""

    article_id: str
    stage: str  # 'entities' (an alias) or 'quotes' (a speaker mention)
    paragraph_index: int | None  # body paragraph; None for the title
    char_start: int
    char_end: int
    mention: str
    reason: str  # 'ambiguous', 'no_antecedent', 'not_a_known_name', ...
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    """[raw.parsed_quotes] one row per quotation (per paragraph of one that runs over several)."""

    quote_id: str
    article_id: str
    paragraph_index: int  # body paragraph of the quoted words (0-based)
    char_start: int  # offsets of the quoted words, without the marks, in paragraph_index
    char_end: int
    quote_text: str
    speaker: str | None  # canonical name; None when unknown
    speaker_mention: str | None  # as written: "he", "Doe", "a spokeswoman"
    speaker_source: str  # 'cue_after', 'cue_before', 'previous_quote', 'colon_subject', 'repeated_quote', 'discourse', 'nested_cue', 'lyric_context', 'none'
    cue: str | None  # reporting verb: 'said', 'told', 'according to'
    medium: str | None  # "via Channel 4", "told reporters", "in the clip"
    quote_type: str  # 'speech', 'partial' (a fragment in a sentence), 'scare' (1-3 words, or words spoken of), 'lyric'
    parent_quote_id: str | None
    depth: int  # 0 for a top-level quote
    is_closed: bool
    mark: str  # the opening quotation mark
    # a quotation over several paragraphs is a row per paragraph: the row of the
    # paragraph before that this one continues; None for a quotation's first row
    continues_quote_id: str | None


@dataclass(frozen=True)
class WorkTitle:
    """[raw.parsed_works] one row per title of a work written in quotation marks."""

    title_id: str
    article_id: str
    paragraph_index: int
    char_start: int
    char_end: int
    title: str
    work_kind: str | None  # the word that says what it is: 'song', 'album', 'show', ...
    parent_quote_id: str | None  # the quote it appears in, if any


@dataclass(frozen=True)
class TimeExpression:
    """[raw.parsed_time_expressions] one row per date or time mention.

    `char_start`/`char_end` are offsets in the paragraph's text, so that
    `paragraph[char_start:char_end] == text`. `anchor` is None for absolute
    dates, else what the value was resolved against: 'publication_date',
    'event' (the nearest earlier calendar expression, `anchor_text`) or
    'context_year' (a year the article mentions). `note` says why an
    expression is unresolved (`value` None)."""

    time_expression_id: str
    article_id: str
    paragraph_index: int
    char_start: int
    char_end: int
    text: str
    kind: str  # date, month, year, range, decade, century, season, quarter, holiday, relative, recurring
    value: str | None
    precision: str | None  # day, month, year
    date_start: date | None
    date_end: date | None
    anchor: str | None
    anchor_text: str | None
    anchor_value: str | None
    modifier: str | None  # early, mid, late, the end of, earlier, nearly...
    is_resolved: bool
    note: str | None


@dataclass(frozen=True)
class Claim:
    """[raw.parsed_claims] one row per factual claim (a sentence or a clause of one).

    `claimant` is who asserts it: the speaker of quoted words, the subject of
    a reporting verb, or None for the outlet's own voice. `predicate` is the
    normalised trigger ('release', 'write', 'chart', 'cause', ...); for a
    cause, `subject` is who caused it and `topic` the content words of what
    was caused. Offsets are in the paragraph's text."""

    claim_id: str
    article_id: str
    paragraph_index: int
    char_start: int
    char_end: int
    claim_text: str
    claimant: str | None
    claim_kind: str  # 'outlet_voice', 'quoted' or 'reported'
    subject: str | None
    predicate: str | None
    object: str | None
    topic: str | None
    work_title: str | None
    number: int | None  # a chart position: "#11", "No. 11"
    chart: str | None
    time_text: str | None
    time_value: str | None
    time_precision: str | None
    date_start: date | None
    date_end: date | None
    source_block: str  # 'body', or 'caption' / 'embed' for claims read from photo captions / clip labels
    # how many people the clause says died ("killing 12 people", "at least 15 dead")
    death_count: int | None = None
    # the claim this one denies or contradicts ("..., a prospect Doe denied",
    # "..., but Doe has said ..."): a side of a dispute
    answers_claim_id: str | None = None


@dataclass(frozen=True)
class Amount:
    """[raw.parsed_amounts] one row per figure a claim states: a sum of money,
    a percentage, a duration or a count (see `amounts`). Offsets are in the
    paragraph's text, like the claim's."""

    amount_id: str
    claim_id: str
    article_id: str
    paragraph_index: int
    char_start: int
    char_end: int
    amount_text: str
    value: float
    unit: str  # 'USD', 'GBP', 'EUR', ..., 'percent', 'second' ... 'year', or 'count'
    rounding: float  # the step of its last written digit ("$1.2 billion": 1e8)
    exactness: str  # 'exact', 'about' (a guess: "about", "some") or 'bound' ("at least", "nearly", "more than")
    counted: str | None  # for a count, the noun counted ("miners")
    about: str | None  # the named person, organisation or thing it belongs to (not a place)
    measure_words: tuple[str, ...]  # stems of the words beside it that say what it measures


@dataclass(frozen=True)
class EventCandidate:
    """[raw.parsed_event_candidates] one row per event mention.

    `event_date` is the first day of the period the clause's date names
    (None when the date is relative and could not be resolved, or the clause
    has none but names a work or venue to join on); `date_end` the last day
    of a range, else None."""

    candidate_id: str
    article_id: str
    claim_id: str
    paragraph_index: int
    char_start: int  # the trigger, in the paragraph's text
    char_end: int
    event_type: str
    trigger: str
    participants: tuple[str, ...]
    work_title: str | None
    container_title: str | None  # the album a single is "off", ...
    venue: str | None
    event_date: date | None
    date_end: date | None
    date_precision: str | None  # 'day', 'month', 'year'
    # 'resolved', 'unresolved' (relative, no anchor), 'none', or 'from_publication'
    # (the lede's undated news in the present perfect, dated by publication)
    date_status: str
    time_text: str | None
    evidence_text: str
    source_block: str  # 'body', 'caption' or 'embed' (an embedded clip's label: occasions only)
    # what happened, in the article's words: the trigger and what follows it
    # up to the clause's end or its date ("approved an extradition request")
    action_text: str | None = None


# ---- the parse stage's input and output ----


@dataclass(frozen=True)
class ArticleToParse:
    article_id: str
    source_name: str
    raw_text: str
    content_kind: str  # 'text' or 'html'


@dataclass(frozen=True)
class ParseFailure:
    article_id: str
    source_name: str
    reason: str


@dataclass
class ParsedBatch:
    tables: dict[str, list] = field(default_factory=lambda: {name: [] for name in PARSED_TABLES})
    failures: list[ParseFailure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def row_counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


# Parse-output tables (schema raw) and the record type of their rows. Every
# one has an article_id column: an article's rows are replaced together.
PARSED_TABLES: dict[str, type] = {
    "parsed_articles": ParsedArticle,
    "parsed_paragraphs": ParagraphRecord,
    "parsed_removed_blocks": RemovedBlockRecord,
    "parsed_entities": EntityRecord,
    "parsed_unresolved_mentions": UnresolvedMention,
    "parsed_quotes": Quote,
    "parsed_works": WorkTitle,
    "parsed_time_expressions": TimeExpression,
    "parsed_claims": Claim,
    "parsed_amounts": Amount,
    "parsed_event_candidates": EventCandidate,
}
