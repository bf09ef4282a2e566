"""Records shared by the cleaning stage and the loader.

Every record is a small frozen dataclass whose fields are the columns of the
table it lands in (see `etl_gone.load`, which derives the DuckDB schema from
the field types). Parsers of later stages (quotes, time expressions, claims)
define their own records beside their code, in the same style.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

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
