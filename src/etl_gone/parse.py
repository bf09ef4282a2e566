"""One article's raw text in, every parsed record out: the pure parse stage.

`parse_batch` is what a flow task wraps: it cleans, splits and parses a batch
of articles and returns rows for each parse-output table. An article that
breaks a parser, or holds no article text, becomes a rejection; the rest of
the batch goes on.
"""
from __future__ import annotations

from etl_gone import claims, entities, htmlclean, quotes, textclean, timex
from etl_gone.decode import DEFAULT_LIMITS, Limits
from etl_gone.parser_version import PARSER_VERSION
from etl_gone.records import (CAPTION, EMBED, PARSED_TABLES, ArticleToParse, ParagraphRecord, ParsedArticle,
                              ParsedBatch, ParseFailure, RemovedBlockRecord)

STATUS_OK = "ok"
STATUS_NO_TEXT = "no_article_text"
STATUS_ERROR = "parser_error"


def parse_article(article: ArticleToParse, limits: Limits = DEFAULT_LIMITS) -> dict[str, list]:
    """All parse-output rows of one article. Raises only on a parser bug."""
    aid = article.article_id
    if article.content_kind == "html":
        doc = htmlclean.clean_html(article.raw_text)
    else:
        doc = textclean.clean_plain_text(article.raw_text)
    body = doc.body
    # A paragraph longer than the limit is stored whole but parsed only up to
    # the limit, and past the article budget paragraphs are stored but not
    # parsed: bounded work for pathological inputs (one 1 MB line, 35 MB files).
    # a paragraph's line breaks are where a copy wrapped it ("rejected a\npeace deal"): it is
    # stored and parsed with the spaces they stand for (one character each, so offsets hold)
    texts = [b.text.replace("\n", " ") for b in body]
    parse_texts = []
    budget = limits.max_article_chars
    for t in texts:
        piece = t[: min(limits.max_paragraph_chars, max(budget, 0))]
        budget -= len(piece)
        parse_texts.append(piece)
    out: dict[str, list] = {name: [] for name in PARSED_TABLES}
    out["parsed_paragraphs"] = [
        ParagraphRecord(aid, i, text, b.char_start, b.char_end) for i, (text, b) in enumerate(zip(texts, body))
    ]
    out["parsed_removed_blocks"] = [
        RemovedBlockRecord(aid, i, b.label, b.rule, b.text, b.char_start, b.char_end)
        for i, b in enumerate(doc.blocks) if b.label != "body"
    ]
    status = STATUS_OK if body else STATUS_NO_TEXT
    out["parsed_articles"] = [ParsedArticle(
        article_id=aid, parser_version=PARSER_VERSION, parse_status=status,
        content_kind=article.content_kind, title=doc.title, outlet=doc.outlet, author=doc.author,
        published_at=doc.published_at, published_source=doc.published_source, language=doc.language,
        body_text="\n\n".join(texts), paragraph_count=len(texts),
    )]
    if not body:
        return out
    published = doc.published_at.date() if doc.published_at else None
    index = entities.build_entities(aid, ([doc.title] if doc.title else []) + parse_texts,
                                    has_title=bool(doc.title))
    # entity records see the title; paragraph indexes elsewhere are body-only
    out["parsed_entities"] = list(index.records)
    out["parsed_unresolved_mentions"] = list(index.unresolved)
    found = quotes.extract_quotes(aid, parse_texts, index)
    out["parsed_quotes"] = list(found.quotes)
    out["parsed_works"] = list(found.works)
    captions = [b.text[: limits.max_paragraph_chars] for b in doc.blocks if b.label == CAPTION]
    times = timex.extract_time_expressions(aid, parse_texts, published)
    caption_times = timex.extract_time_expressions(aid, captions, published) if captions else []
    reference = None if published else timex.reference_date(times + caption_times)
    if reference is not None:  # no date of its own: read as of the latest day it writes out in full
        times = timex.extract_time_expressions_as_of(aid, parse_texts, reference)
        caption_times = timex.extract_time_expressions_as_of(aid, captions, reference) if captions else []
    out["parsed_time_expressions"] = times
    extracted = claims.extract_claims(aid, parse_texts, index, found, times, published)
    out["parsed_claims"] = list(extracted.claims)
    out["parsed_event_candidates"] = list(extracted.events)
    out["parsed_amounts"] = list(extracted.amounts)
    # A photo caption states a real, dated event ("X performs at Y, April 26,
    # 2014"): its claims count, marked source_block='caption' and indexed
    # among the captions. Other furniture (banners, related links) never does.
    if captions:
        from_captions = claims.extract_claims(aid, captions, index, quotes.QuoteResult(), caption_times,
                                              published, block="caption")
        out["parsed_claims"] += from_captions.claims
        out["parsed_event_candidates"] += from_captions.events
        out["parsed_amounts"] += from_captions.amounts
    # The label under an embedded clip may date a named occasion ("From the
    # Foo Anniversary Celebration (September 2001)"): that, and nothing else.
    labels = [b.text[: limits.max_paragraph_chars] for b in doc.blocks if b.label == EMBED]
    if labels:
        label_times = timex.extract_time_expressions(aid, labels, published)
        from_labels = claims.extract_occasions(aid, labels, label_times, block=EMBED)
        out["parsed_claims"] += from_labels.claims
        out["parsed_event_candidates"] += from_labels.events
        out["parsed_amounts"] += from_labels.amounts
    return out


def failed_article_rows(article: ArticleToParse) -> dict[str, list]:
    """The rows of an article the parser failed on: its parsed_articles row
    with status parser_error (so it is not retried until the parser changes)."""
    rows: dict[str, list] = {name: [] for name in PARSED_TABLES}
    rows["parsed_articles"] = [ParsedArticle(
        article_id=article.article_id, parser_version=PARSER_VERSION, parse_status=STATUS_ERROR,
        content_kind=article.content_kind, title=None, outlet=None, author=None, published_at=None,
        published_source=None, language=None, body_text="", paragraph_count=0)]
    return rows


def parse_batch(articles: list[ArticleToParse], limits: Limits = DEFAULT_LIMITS) -> ParsedBatch:
    batch = ParsedBatch()
    for article in articles:
        try:
            rows = parse_article(article, limits)
        except Exception as exc:  # a parser bug must not sink the batch  # noqa: BLE001
            batch.failures.append(ParseFailure(article.article_id, article.source_name,
                                               f"parser error: {type(exc).__name__}: {exc}"[:500]))
            rows = failed_article_rows(article)
        else:
            if rows["parsed_articles"][0].parse_status == STATUS_NO_TEXT:
                batch.failures.append(ParseFailure(article.article_id, article.source_name,
                                                   "no article text: cleaning found no body paragraphs "
                                                   "(only site furniture, scripts or markup)"))
        for name, table_rows in rows.items():
            batch.tables[name].extend(table_rows)
        batch.article_ids.append(article.article_id)
    return batch
