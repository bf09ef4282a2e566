"""Property-based tests of the pure parsers: on any Unicode text they never
raise, and every record they return points inside the text it came from, at
the very words it reports.

Two kinds of input: arbitrary Unicode (hypothesis' own text strategy), and
"news-shaped" text assembled from the pieces parsers react to (quotation
marks of every family, reporting verbs, capitalised names, dates, line
breaks, markup), which reaches far more of their rules.
"""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl_gone import claims, entities, htmlclean, normalize, parse, quotes, sentences, textclean, timex

PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

NEWS_PIECES = [
    # quotation marks of every family, apostrophes
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''", "'s ", "'90s ",
    # words, names, reporting cues
    "the ", "mayor ", "minister ", "said ", "says ", "told reporters ", "according to ", "he ", "she ", "they ",
    "Ana Ortiz ", "Ortiz ", "Dr. Lee ", "J. K. Smith ", "the Central Bank ", "United ", "FC Porto ",
    "released ", "signed ", "won ", "was elected ", "the album ", "the song ", "in ", "on ", "at the ",
    # dates and numbers
    "Tuesday ", "May 8, 2014 ", "2001 ", "last week ", "two years later ", "the '90s ", "No. 11 ", "10/31/2001 ",
    "from October 2000 to August 2001 ", "this summer ",
    # punctuation and layout
    ". ", ", ", "? ", "! ", "\u2026 ", " -- ", "\u2014", ":", ";", "(", ")", "\n", "\n\n", " ", "\t", "\u00a0",
    # oddities
    "\x00", "\ufffd", "\u200b", "\ufeff", "e\u0301", "\U0001f600", "\r\n", "\u2028",
]
HTML_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<h1>", "</h1>", "<script>", "</script>",
    "<style>", "</style>", "<figcaption>", "</figcaption>", "<a href='x'>", "</a>", "<br>", "<!--", "-->",
    "&amp;", "&quot;", "&#8220;", "&lt;", "<meta property='og:title' content='A Title'>", "<title>", "</title>",
    "<script type='application/ld+json'>{\"headline\": \"H\", \"datePublished\": \"2014-05-08\"}</script>",
    "<html lang='en'>", "<body>", "</body>", "<noscript>", "<li>", "<table><tr><td>", "</td></tr></table>",
]

news_text = st.lists(st.sampled_from(NEWS_PIECES), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=400), news_text)
paragraph = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(NEWS_PIECES), max_size=50).map("".join))
# body paragraphs as the cleaners give them: no blank lines inside
paragraphs = st.lists(paragraph.map(lambda p: p.replace("\n\n", "\n")), max_size=6)
html_text = st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.sampled_from(NEWS_PIECES)), max_size=80).map("".join)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def _check_blocks(doc, raw: str) -> None:
    for b in doc.blocks:
        assert isinstance(b.text, str)
        if b.char_start is not None or b.char_end is not None:
            assert b.char_start is not None and b.char_end is not None, b
            assert 0 <= b.char_start <= b.char_end <= len(raw), (b, len(raw))


def _check_in_paragraph(paras: list[str], index: int, start: int, end: int, text: str, what) -> None:
    assert 0 <= index < len(paras), what
    assert 0 <= start <= end <= len(paras[index]), what
    assert paras[index][start:end] == text, what


# ---------------------------------------------------------------- normalisation and sentences


@PROPERTY_SETTINGS
@given(any_text)
def test_normalize_maps_every_offset_into_the_raw_text(raw):
    result = normalize.normalize_text(raw)
    text, offsets = result.text, result.offsets
    previous = 0
    for i in range(len(text) + 1):
        r = offsets.to_raw(i)
        assert 0 <= r <= len(raw)
        assert r >= previous  # reading order is kept
        previous = r
        if i < len(text) and text[i].isascii() and text[i].isalnum():
            assert raw[r] == text[i], (i, r)
    s, e = offsets.span_to_raw(0, len(text))
    assert 0 <= s <= e <= len(raw)


@PROPERTY_SETTINGS
@given(any_text)
def test_sentences_cover_every_non_space_character_once(text):
    spans = sentences.split_sentences(text)
    covered = 0
    end_before = 0
    for s, e in spans:
        assert end_before <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        covered += sum(not c.isspace() for c in text[s:e])
        end_before = e
    assert covered == sum(not c.isspace() for c in text)


# ---------------------------------------------------------------- cleaners


@PROPERTY_SETTINGS
@given(any_text)
def test_clean_plain_text_blocks_lie_inside_the_raw_text(raw):
    doc = textclean.clean_plain_text(raw)
    _check_blocks(doc, raw)


@PROPERTY_SETTINGS
@given(st.one_of(html_text, st.text(max_size=300)))
def test_clean_html_blocks_lie_inside_the_raw_page(raw):
    doc = htmlclean.clean_html(raw)
    _check_blocks(doc, raw)
    for b in doc.blocks:
        assert b.text == b.text.strip() and "\n" not in b.text  # whitespace runs collapsed


# ---------------------------------------------------------------- parsers


@PROPERTY_SETTINGS
@given(paragraphs)
def test_quotes_and_works_are_the_text_at_their_offsets(paras):
    index = entities.build_entities("a" * 16, paras)
    found = quotes.extract_quotes("a" * 16, paras, index)
    by_id = {q.quote_id: q for q in found.quotes}
    for q in found.quotes:
        # a quotation over several paragraphs is a row per paragraph, each continuing the one before
        _check_in_paragraph(paras, q.paragraph_index, q.char_start, q.char_end, q.quote_text, q)
        if q.continues_quote_id is not None:
            assert by_id[q.continues_quote_id].paragraph_index == q.paragraph_index - 1, q
    ids = {q.quote_id for q in found.quotes}
    assert len(ids) == len(found.quotes)
    assert all(q.parent_quote_id is None or q.parent_quote_id in ids for q in found.quotes)
    for w in found.works:
        _check_in_paragraph(paras, w.paragraph_index, w.char_start, w.char_end, w.title, w)
    for u in found.unresolved:
        _check_in_paragraph(paras, u.paragraph_index, u.char_start, u.char_end, u.mention, u)


@PROPERTY_SETTINGS
@given(paragraphs)
def test_entity_mentions_are_the_text_at_their_offsets(paras):
    index = entities.build_entities("a" * 16, paras)
    for u in index.unresolved:
        _check_in_paragraph(paras, u.paragraph_index, u.char_start, u.char_end, u.mention, u)
    for r in index.records:
        assert 0 <= r.first_text_index < len(paras) and r.mention_count >= 1, r
    for p in paras:
        for m in index.find_mentions(p):
            assert 0 <= m.start < m.end <= len(p) and p[m.start:m.end] == m.surface, m


@PROPERTY_SETTINGS
@given(paragraphs, published)
def test_time_expressions_are_the_text_at_their_offsets(paras, pub):
    for t in timex.extract_time_expressions("a" * 16, paras, pub):
        _check_in_paragraph(paras, t.paragraph_index, t.char_start, t.char_end, t.text, t)
        if t.date_start and t.date_end:
            assert t.date_start <= t.date_end, t


@PROPERTY_SETTINGS
@given(paragraphs, published)
def test_claims_and_event_triggers_are_the_text_at_their_offsets(paras, pub):
    index = entities.build_entities("a" * 16, paras)
    found = quotes.extract_quotes("a" * 16, paras, index)
    times = timex.extract_time_expressions("a" * 16, paras, pub)
    result = claims.extract_claims("a" * 16, paras, index, found, times, pub)
    claim_ids = {c.claim_id for c in result.claims}
    assert len(claim_ids) == len(result.claims)
    for c in result.claims:
        _check_in_paragraph(paras, c.paragraph_index, c.char_start, c.char_end, c.claim_text, c)
    for e in result.events:
        _check_in_paragraph(paras, e.paragraph_index, e.char_start, e.char_end, e.trigger, e)
        assert e.claim_id in claim_ids, e


# ---------------------------------------------------------------- the whole parse of one article

# Parse-output tables whose rows carry (paragraph_index, char_start, char_end)
# into the body paragraph, and the field holding the text at those offsets.
TEXT_AT_OFFSETS = {
    "parsed_works": "title",
    "parsed_time_expressions": "text",
    "parsed_claims": "claim_text",
    "parsed_event_candidates": "trigger",
    "parsed_unresolved_mentions": "mention",
}


def _check_parsed(rows: dict, raw: str) -> None:
    paras = [p.text for p in sorted(rows["parsed_paragraphs"], key=lambda p: p.paragraph_index)]
    assert [p.paragraph_index for p in sorted(rows["parsed_paragraphs"], key=lambda p: p.paragraph_index)] == \
        list(range(len(paras)))
    for p in rows["parsed_paragraphs"]:
        if p.char_start is not None:
            assert 0 <= p.char_start <= p.char_end <= len(raw), p
    for table, field in TEXT_AT_OFFSETS.items():
        for r in rows[table]:
            if r.paragraph_index is None:  # the title
                continue
            _check_in_paragraph(paras, r.paragraph_index, r.char_start, r.char_end, getattr(r, field), r)
    for q in rows["parsed_quotes"]:
        _check_in_paragraph(paras, q.paragraph_index, q.char_start, q.char_end, q.quote_text, q)


@PROPERTY_SETTINGS
@given(st.one_of(news_text, st.text(max_size=400)))
def test_parse_article_records_point_into_its_paragraphs(raw):
    rows = parse.parse_article(parse.ArticleToParse("a" * 16, "x.txt", raw, "text"))
    _check_parsed(rows, raw)


@PROPERTY_SETTINGS
@given(html_text)
def test_parse_article_of_html_records_point_into_its_paragraphs(raw):
    rows = parse.parse_article(parse.ArticleToParse("a" * 16, "x.html", raw, "html"))
    _check_parsed(rows, raw)


def test_unresolved_entity_mentions_of_a_titled_article_point_at_their_paragraph():
    """The title goes to the entity index first: body indexes must not shift."""
    raw = ("Council Backs New Budget\n\nThe council met on Monday. Jane Doe and John Doe spoke first.\n\n"
           "Doe said the plan was fair, and Doe added that taxes would not rise.\n")
    rows = parse.parse_article(parse.ArticleToParse("a" * 16, "x.txt", raw, "text"))
    assert rows["parsed_articles"][0].title == "Council Backs New Budget"
    paras = [p.text for p in rows["parsed_paragraphs"]]
    mentions = rows["parsed_unresolved_mentions"]
    assert mentions, "the ambiguous 'Doe' is reported"
    for u in mentions:
        _check_in_paragraph(paras, u.paragraph_index, u.char_start, u.char_end, u.mention, u)


def test_a_paragraph_wrapped_by_its_copy_is_stored_and_parsed_as_one_line():
    """A copy that broke its paragraphs into short lines: the breaks are the
    spaces they stand for, so a verb and its object on two lines are one event."""
    raw = ("Voters reject the peace deal\n\nOctober 3, 2016\n\nColombians narrowly rejected a\n"
           "peace deal with the rebels in a referendum on Sunday, plunging\nthe nation into uncertainty.\n")
    rows = parse.parse_article(parse.ArticleToParse("a" * 16, "x.txt", raw, "text"))
    [para] = rows["parsed_paragraphs"]
    assert "\n" not in para.text and raw[para.char_start:para.char_end].replace("\n", " ") == para.text
    assert [(e.event_type, e.event_date.isoformat()) for e in rows["parsed_event_candidates"]] == [
        ("decision", "2016-10-02")]


def test_an_article_without_a_date_dates_its_weekdays_by_the_full_date_in_its_caption():
    raw = ("Council strips mayor of his powers after a long night\n\n"
           "The city council voted overwhelmingly Friday to strip Mayor Rob Ford of some of his powers.\n\n"
           "Mayor Rob Ford walks to the council chamber in Toronto on Friday, Nov. 15, 2013. (AP Photo/Jo Doe)\n\n"
           "Ford vowed to challenge the measure in court, and his lawyer said he would file it soon.\n")
    rows = parse.parse_article(parse.ArticleToParse("a" * 16, "x.txt", raw, "text"))
    assert rows["parsed_articles"][0].published_at is None
    assert [(e.event_type, e.event_date) for e in rows["parsed_event_candidates"] if e.source_block == "body"] == [
        ("decision", date(2013, 11, 15))]
