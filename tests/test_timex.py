"""Time expressions: what is found, how it is normalised and what it is anchored to."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl_gone import timex
from etl_gone.timex import TimeExpression, extract_time_expressions

PUBLISHED = date(2014, 5, 8)  # a Thursday


def rows(paragraphs, published=None) -> list[TimeExpression]:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return extract_time_expressions("article-1", paragraphs, published)


def row_for(paragraphs, text, published=None) -> TimeExpression:
    found = [r for r in rows(paragraphs, published) if r.text == text]
    assert found, f"{text!r} not found in {[r.text for r in rows(paragraphs, published)]}"
    return found[0]


# (sentence, expression as written, value, precision, kind)
ABSOLUTE = [
    ("The treaty was signed on May 8, 2014, in Geneva.", "May 8, 2014", "2014-05-08", "day", "date"),
    ("The central bank cut rates on Oct. 30, 2001.", "Oct. 30, 2001", "2001-10-30", "day", "date"),
    ("The minister resigned on 30 October 2001.", "30 October 2001", "2001-10-30", "day", "date"),
    ("The tariff bill passed on July 24th 2001.", "July 24th 2001", "2001-07-24", "day", "date"),
    ("The court ruled on October 30th, 2001, against the state.", "October 30th, 2001", "2001-10-30", "day", "date"),
    ("Filings dated 2014-05-08 show the sale.", "2014-05-08", "2014-05-08", "day", "date"),
    ("The lawsuit was filed 5/8/2014 in Delaware.", "5/8/2014", "2014-05-08", "day", "date"),
    ("The verdict came on 25/12/2014.", "25/12/2014", "2014-12-25", "day", "date"),
    ("The merger closed in September of 2001.", "September of 2001", "2001-09", "month", "month"),
    ("Unemployment peaked in June 2009.", "June 2009", "2009-06", "month", "month"),
    ("Exports slumped in Sept. 2019.", "Sept. 2019", "2019-09", "month", "month"),
    ("The party last won a majority in 1997.", "1997", "1997", "year", "year"),
    ("Their 2001 title run ended in the semifinal.", "2001", "2001", "year", "year"),
    ("The striker joined at Euro 2016.", "2016", "2016", "year", "year"),
    ("The fund was created in the 1990s.", "the 1990s", "1990/1999", "year", "decade"),
    ("The stadium was built in the '90s.", "the '90s", "1990/1999", "year", "decade"),
    ("Margins shrank in the third quarter of 2019.", "the third quarter of 2019", "2019-07/2019-09", "month", "quarter"),
    ("Q1 2020 revenue beat forecasts.", "Q1 2020", "2020-01/2020-03", "month", "quarter"),
    ("Exports fell in the first half of 2019.", "the first half of 2019", "2019-01/2019-06", "month", "quarter"),
    ("Guidance for fiscal 2020 was cut.", "fiscal 2020", "2020", "year", "year"),
    ("The league was founded in the summer of 2016.", "summer of 2016", "2016-06/2016-08", "month", "season"),
    ("The winter of 2013-14 froze the harbour.", "winter of 2013-14", "2013-12/2014-02", "month", "season"),
    ("Talks collapsed on Christmas Eve 2018.", "Christmas Eve 2018", "2018-12-24", "day", "holiday"),
    ("Markets reopened after Thanksgiving 2019.", "Thanksgiving 2019", "2019-11-28", "day", "holiday"),
    ("The union was formed in the 19th century.", "the 19th century", "1801/1900", "year", "century"),
    ("He was born on 4 July 1776 in Boston.", "4 July 1776", "1776-07-04", "day", "date"),
    # a year before 1900 stands alone after a preposition of time
    ("Although he was born in Braunau in 1889, he left.", "1889", "1889", "year", "year"),
    ("In 1851, the firm opened its first shop.", "1851", "1851", "year", "year"),
    ("The church has stood here since 1790.", "1790", "1790", "year", "year"),
]


@pytest.mark.parametrize("sentence, text, value, precision, kind", ABSOLUTE)
def test_absolute_dates(sentence, text, value, precision, kind):
    row = row_for(sentence, text)
    assert (row.value, row.precision, row.kind, row.anchor, row.is_resolved) == (value, precision, kind, None, True)


RANGES = [
    ("The squad trained from October 2000 to August 2001.", "from October 2000 to August 2001",
     "2000-10/2001-08", "month", date(2000, 10, 1), date(2001, 8, 31)),
    ("Talks ran between January and April of 2001.", "between January and April of 2001",
     "2001-01/2001-04", "month", date(2001, 1, 1), date(2001, 4, 30)),
    ("Production halted from November to February 2002.", "from November to February 2002",
     "2001-11/2002-02", "month", date(2001, 11, 1), date(2002, 2, 28)),
    ("He coached the club in 2000-2001.", "2000-2001", "2000/2001", "year", date(2000, 1, 1), date(2001, 12, 31)),
    ("They won the league in the 2001-02 season.", "2001-02", "2001/2002", "year", date(2001, 1, 1), date(2002, 12, 31)),
    ("Inflation stayed high between 2004 and 2006.", "between 2004 and 2006", "2004/2006", "year",
     date(2004, 1, 1), date(2006, 12, 31)),
    ("The Fed meets Dec. 10-11, 2019.", "Dec. 10-11, 2019", "2019-12-10/2019-12-11", "day",
     date(2019, 12, 10), date(2019, 12, 11)),
    ("The summit runs 18-24 November 2019.", "18-24 November 2019", "2019-11-18/2019-11-24", "day",
     date(2019, 11, 18), date(2019, 11, 24)),
    ("Sales grew from 2010 to 2015 in Asia.", "from 2010 to 2015", "2010/2015", "year",
     date(2010, 1, 1), date(2015, 12, 31)),
]


@pytest.mark.parametrize("sentence, text, value, precision, start, end", RANGES)
def test_ranges(sentence, text, value, precision, start, end):
    row = row_for(sentence, text)
    assert (row.kind, row.value, row.precision, row.date_start, row.date_end) == ("range", value, precision, start, end)


@pytest.mark.parametrize("sentence, not_a_date", [
    ("The single hit No. 11 on the chart.", "11"),
    ("The track peaked at #14 on the airplay chart.", "14"),
    ("The club celebrated its 30th anniversary.", "30th"),
    ("The network released 2 teasers for the show.", "2"),
    ("The song entered the Hot 100 this week.", "100"),
    ("She led the company for 12 years.", "12 years"),
    ("She scored 2014 points in her career.", "2014"),
    ("The strike drew 1,999 workers and cost $2001.", "1999"),
    ("He wore No. 1999 on his jersey.", "1999"),
    ("The screen is 1080 pixels by 1920 pixels.", "1920"),
    ("Police searched 1909 Jolinda Drive.", "1909"),
    ("Over the past year, prices rose.", "the past year"),
    ("They led by ten points in the fourth quarter.", "the fourth quarter"),
    ("The senator, in his 40s, ran again.", "40s"),
    ("The Bloody Sunday inquiry reported.", "Sunday"),
    ("Voters turned out on Super Tuesday.", "Tuesday"),
    ("The Sunday Times broke the story.", "Sunday"),
    ("He read it in The Sunday Times.", "Sunday"),
    ("She spoke at Ash Wednesday services.", "Wednesday"),
    ("The band released a Christmas album.", "Christmas"),
    ("May I ask a question, Prime Minister?", "May"),
    ("Theresa May said the deal was done.", "May"),
    ("April Ryan asked the first question.", "April"),
    ("The May team meeting was short.", "May"),          # a month only right before the noun
    ("Her April Ryan interview aired.", "April"),
    ("The bill cleared the House 12 to 3.", "12"),
    # before 1900 a bare number is a count unless a preposition of time comes first
    ("The plant employs 1850 workers in 1850 Main Street.", "1850"),
    ("Turnout rose to 1750 in the ward.", "1750"),
    ("In 1500 homes the power failed.", "1500"),
])
def test_numbers_and_names_that_are_not_dates(sentence, not_a_date):
    found = rows(sentence, PUBLISHED)
    assert all(not_a_date not in r.text for r in found), [r.text for r in found]


# relative to the publication date 2014-05-08 (a Thursday)
RELATIVE_TO_PUBLICATION = [
    ("The premier will address the nation this Sunday.", "this Sunday", "2014-05-11", "day"),
    ("The final was played on Sunday in Madrid.", "Sunday", "2014-05-04", "day"),
    ("The team will play on Sunday in Madrid.", "Sunday", "2014-05-11", "day"),
    ("The company reported earnings Monday.", "Monday", "2014-05-05", "day"),
    # a place after "in" and then the weekday, ending its phrase
    ("He toured the fire damage in Lahaina Monday, officials said.", "Monday", "2014-05-05", "day"),
    ("Crowds gathered in Derry Monday morning.", "Monday", "2014-05-05", "day"),
    # a future verb after "and" is another predicate's
    ("The president approved the declaration on Wednesday and will visit the region.", "Wednesday", "2014-05-07",
     "day"),
    # "the government's plan" is a noun: no future
    ("Crowds marched through central Port Alden on Saturday to protest the government's plan to raise taxes.",
     "Saturday", "2014-05-03", "day"),
    # a tense past a comma speaks less for the weekday than the verb beside it
    ("The deal, approved by both boards on Monday, is expected to close in June.", "Monday", "2014-05-05",
     "day"),
    ("Shares fell last Sunday.", "last Sunday", "2014-05-04", "day"),
    ("The board meets next Thursday.", "next Thursday", "2014-05-15", "day"),
    ("Fans celebrated this weekend in the square.", "this weekend", "2014-05-10/2014-05-11", "day"),
    ("The index fell last week.", "last week", "2014-04-28/2014-05-04", "day"),
    ("The minister resigned yesterday.", "yesterday", "2014-05-07", "day"),
    ("The market is closed today.", "today", "2014-05-08", "day"),
    ("The coach will decide tomorrow.", "tomorrow", "2014-05-09", "day"),
    ("The budget will be published next month.", "next month", "2014-06", "month"),
    ("Profits fell last month.", "last month", "2014-04", "month"),
    ("Turnout was high this year.", "this year", "2014", "year"),
    ("The party lost last year.", "last year", "2013", "year"),
    ("The club was promoted two years ago.", "two years ago", "2012", "year"),
    ("The deal was struck three weeks ago.", "three weeks ago", "2014-04-17", "day"),
    ("The plant closed a decade ago.", "a decade ago", "2004", "year"),
    ("The strike began last October.", "last October", "2013-10", "month"),
    ("Elections are due next spring.", "next spring", "2015-03/2015-05", "month"),
    ("The reform passed earlier this year.", "earlier this year", "2014", "year"),
    ("The firm listed in May last year.", "May last year", "2013-05", "month"),
    ("The talks resumed in March.", "March", "2014-03", "month"),
    # a bare month between a determiner and a thing that takes place
    ("He witnessed a key April conversation in Warsaw.", "April", "2014-04", "month"),
    ("The March election was close.", "March", "2014-03", "month"),
    ("The deadline is April 26.", "April 26", "2014-04-26", "day"),
    # a short past form far from the month still tells the past: last October, not next
    ("Back in October, music producer Brandon Lee aka Don Lee sued the rapper and his label.", "October",
     "2013-10", "month"),
]


@pytest.mark.parametrize("sentence, text, value, precision", RELATIVE_TO_PUBLICATION)
def test_relative_to_publication_date(sentence, text, value, precision):
    row = row_for(sentence, text, PUBLISHED)
    assert (row.value, row.precision, row.anchor, row.anchor_value) == (value, precision, "publication_date",
                                                                        "2014-05-08")


def test_publication_datetime_is_accepted():
    row = row_for("The index fell yesterday.", "yesterday", datetime(2014, 5, 8, 12, 30))
    assert row.value == "2014-05-07"


# relative to the date of the event they follow; (paragraphs, text, value, precision, anchor text)
RELATIVE_TO_EVENT = [
    (["The company listed in 2001 and was sold 12 years later."], "12 years later", "2013", "year", "2001"),
    (["The album came out in 2001; the sequel arrived the following year."], "the following year",
     "2002", "year", "2001"),
    (["He was elected in November 2008.", "A year later he won the prize."], "A year later", "2009", "year",
     "November 2008"),
    (["The plant closed in 2015. Two years earlier, workers had struck."], "Two years earlier", "2013", "year",
     "2015"),
    (["The strike began on March 3, 2015. The next day, talks collapsed."], "The next day", "2015-03-04", "day",
     "March 3, 2015"),
    (["The bank failed in October 2008. The following month, rates were cut."], "The following month",
     "2008-11", "month", "October 2008"),
    (["The club was founded in 1905.", "A decade later it won the league."], "A decade later", "1915", "year",
     "1905"),
    (["The trial opened on May 3rd, 2015. A week later the jury retired."], "A week later", "2015-05-10", "day",
     "May 3rd, 2015"),
    (["The coalition formed in 2010. That same year it passed a budget."], "That same year", "2010", "year",
     "2010"),
    (["The league ran from 2000 to 2004, and folded two years later."], "two years later", "2006", "year",
     "from 2000 to 2004"),
    (["In 2008 the bank failed. The year before, it had boomed."], "The year before", "2007", "year", "2008"),
]


@pytest.mark.parametrize("paragraphs, text, value, precision, anchor_text", RELATIVE_TO_EVENT)
def test_relative_to_event(paragraphs, text, value, precision, anchor_text):
    row = row_for(paragraphs, text, PUBLISHED)
    assert (row.value, row.precision, row.anchor, row.anchor_text) == (value, precision, "event", anchor_text)


def test_event_anchor_is_the_nearest_earlier_date_not_a_relative_one():
    paragraphs = ["The firm was founded in 1998.", "Profits fell last year.", "The following year it merged."]
    assert row_for(paragraphs, "The following year", PUBLISHED).value == "1999"


def test_event_anchor_may_be_in_an_earlier_paragraph_only():
    paragraphs = ["A year later, the firm merged.", "It was founded in 1998."]
    row = row_for(paragraphs, "A year later", PUBLISHED)
    assert (row.value, row.is_resolved, row.note) == (None, False, "no earlier date to anchor to")


# year-less dates; (paragraphs, published, text, value, anchor)
YEARLESS = [
    (["The 2014 budget was tabled.", "The vote is on Sunday, May 11th."], None, "Sunday, May 11th",
     "2014-05-11", "context_year"),
    # the weekday decides: May 11 was a Sunday in 2014, not in 2016
    (["The 2016 season ended.", "The parade is on Sunday, May 11th."], None, "Sunday, May 11th",
     "2014-05-11", "context_year"),
    (["The summit opens on Friday, Jan. 3."], date(2019, 12, 30), "Friday, Jan. 3", "2020-01-03",
     "publication_date"),
    (["The deadline is April 26."], PUBLISHED, "April 26", "2014-04-26", "publication_date"),
    (["Talks ran from May 8 to May 11."], PUBLISHED, "from May 8 to May 11", "2014-05-08/2014-05-11",
     "publication_date"),
    (["The freeze lasted from November to February."], PUBLISHED, "from November to February",
     "2014-11/2015-02", "publication_date"),
    # the tense moves a date that would fall on the wrong side of publication
    (["He was arrested in December."], date(2020, 1, 10), "December", "2019-12", "publication_date"),
    (["On December 3, the firm announced cuts."], date(2020, 1, 10), "December 3", "2019-12-03",
     "publication_date"),
    (["The trial will open in March."], date(2019, 11, 19), "March", "2020-03", "publication_date"),
    (["The trial will open in December."], date(2020, 1, 10), "December", "2020-12", "publication_date"),
    (["The vote was postponed until December."], date(2019, 11, 19), "December", "2019-12",
     "publication_date"),
]


@pytest.mark.parametrize("paragraphs, published, text, value, anchor", YEARLESS)
def test_yearless_dates_take_a_year(paragraphs, published, text, value, anchor):
    row = row_for(paragraphs, text, published)
    assert (row.value, row.anchor) == (value, anchor)


def test_list_item_takes_the_year_of_the_next_one():
    row = row_for("Exports fell in October and November 2001.", "October", PUBLISHED)
    assert (row.value, row.anchor) == ("2001-10", None)


# expressions that stay unresolved; (paragraphs, published, text, note)
UNRESOLVED = [
    (["The show airs this Sunday."], None, "this Sunday", "no publication date"),
    (["Profits fell last week."], None, "last week", "no publication date"),
    (["The ceasefire was agreed on June 5."], None, "June 5", "no year and no publication date"),
    (["The deal collapsed two days later."], PUBLISHED, "two days later", "no earlier date to anchor to"),
    (["The firm was founded in 1998. Two days later it hired staff."], PUBLISHED, "Two days later",
     "anchor too coarse for a day"),
    (["The coach left a few years ago."], PUBLISHED, "a few years ago", "vague duration"),
    (["The council meets every Monday."], PUBLISHED, "every Monday", "recurring"),
]


@pytest.mark.parametrize("paragraphs, published, text, note", UNRESOLVED)
def test_unresolved_expressions_say_why(paragraphs, published, text, note):
    row = row_for(paragraphs, text, published)
    assert (row.value, row.precision, row.date_start, row.is_resolved, row.note) == (None, None, None, False, note)


@pytest.mark.parametrize("sentence, text, modifier, value", [
    ("The strike began in early March 2019.", "early March 2019", "early", "2019-03"),
    ("Rates peaked in mid-2014.", "mid-2014", "mid", "2014"),
    ("Debt hit $1 trillion by the end of 2018.", "the end of 2018", "the end of", "2018"),
    ("The scheme ran through the late 1990s.", "the late 1990s", "late", "1990/1999"),
    ("The club was relegated nearly a year ago.", "nearly a year ago", "nearly", "2013"),
])
def test_modifiers_are_kept_but_do_not_narrow_the_value(sentence, text, modifier, value):
    row = row_for(sentence, text, PUBLISHED)
    assert (row.modifier, row.value) == (modifier, value)


def test_record_shape_offsets_and_ids():
    paragraphs = ["Markets fell on May 8, 2014.", "", "They recovered the following year, in 2015."]
    found = rows(paragraphs, PUBLISHED)
    assert [(r.paragraph_index, r.text) for r in found] == [
        (0, "May 8, 2014"), (2, "the following year"), (2, "2015")]
    for r in found:
        assert paragraphs[r.paragraph_index][r.char_start:r.char_end] == r.text
        assert r.article_id == "article-1"
    assert len({r.time_expression_id for r in found}) == 3
    assert [r.time_expression_id for r in rows(paragraphs, PUBLISHED)] == [r.time_expression_id for r in found]
    assert TimeExpression.__doc__.startswith("[raw.parsed_time_expressions] one row per")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].value = "x"  # type: ignore[misc]


@pytest.mark.parametrize("paragraph", [
    "", " ", "\x00\x01", "\ud800", "May", "2001-", "31/31/2001", "February 30, 2014", "Sunday, February 29th",
    "the 00s", "Q9 2014", "winter 2013-19", "99999999999", "May " * 2000, "2001 " * 2000,
    "12 years later " * 500, "Sunday " * 1000, "from 2001 to 1999", "between May and", '"' * 300,
])
def test_never_raises_and_offsets_hold(paragraph):
    for published in (None, PUBLISHED):
        for r in rows(paragraph, published):
            assert paragraph[r.char_start:r.char_end] == r.text
            assert r.is_resolved == (r.value is not None)


def test_invalid_calendar_dates_are_not_extracted():
    assert not [r for r in rows("It happened on February 30, 2014.", PUBLISHED) if "February 30" in r.text]


def test_odd_arguments_do_not_raise():
    assert extract_time_expressions("a", None, None) == []  # type: ignore[arg-type]
    assert extract_time_expressions("a", [None, 5, b"2001"], "2014") == []  # type: ignore[list-item,arg-type]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(
    ["May", "8", "2014", ",", "Sunday", "last", "week", "ago", "years", "later", "the", "following",
     "year", "from", "to", "between", "and", "-", "'90s", "Oct.", "of", "th", "1", "0", "\n", "."]),
    max_size=14).map(" ".join))
def test_fuzzed_phrases_keep_the_invariants(paragraph):
    for r in rows(paragraph, PUBLISHED):
        assert paragraph[r.char_start:r.char_end] == r.text
        assert (r.date_start is None) == (r.value is None) == (not r.is_resolved)
        if r.date_start is not None:
            assert r.date_start <= r.date_end


# Upper case, and letters that re's IGNORECASE equates with "i" and "s" but
# str.lower() does not lower-case to them.
ODD_CASE = [
    ("Profits fell THİS WEEK.", "THİS WEEK"), ("Profits fell thıs past year.", "thıs past year"),
    ("Sales rose last ſummer.", "last ſummer"), ("He left TWO DAYS AGO.", "TWO DAYS AGO"),
    ("Margins shrank in the third QUARTER of 2019.", "the third QUARTER of 2019"),
    ("The union was formed in the 19th CENTURY.", "the 19th CENTURY"), ("TOMORROW talks resume.", "TOMORROW"),
]


@pytest.mark.parametrize("sentence, text", ODD_CASE)
def test_case_insensitive_words_are_found_in_any_case(sentence, text):
    row_for(sentence, text, PUBLISHED)


def _documented_paragraphs():
    for sentence, *_ in ABSOLUTE + RANGES + RELATIVE_TO_PUBLICATION:
        yield sentence
    for paragraphs, *_ in RELATIVE_TO_EVENT + YEARLESS + UNRESOLVED:
        yield from paragraphs
    for sentence, _ in ODD_CASE:
        yield sentence


def _assert_matches_hold_their_cues(paragraph):
    for regex, _, cues, folded_cues in timex.PATTERNS:
        for match in regex.finditer(paragraph):
            folded = timex._case_folded(match.group(0))
            assert all(cue.search(match.group(0)) for cue in cues), (regex.pattern, match)
            assert all(cue.search(folded) for cue in folded_cues), (regex.pattern, match)


@pytest.mark.parametrize("paragraph", list(_documented_paragraphs()))
def test_every_pattern_match_holds_its_prefilter_cues(paragraph):
    """A pattern is skipped on paragraphs without its cues, which is only right if no match lacks them."""
    _assert_matches_hold_their_cues(paragraph)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["May", "MAY", "8", "2014", "1990s", "'90s", "Sunday", "this", "THİS", "past", "last", "next", "week",
     "YEAR", "months", "ago", "years", "later", "the", "following", "year", "DAYS", "ſummer", "Q1", "third",
     "QUARTER", "half", "of", "19th", "CENTURY", "fiscal", "FY", "Christmas", "Eve", "tonight", "Today", "-",
     "/", ","]),
    max_size=10).map(" ".join))
def test_fuzzed_pattern_matches_hold_their_prefilter_cues(paragraph):
    _assert_matches_hold_their_cues(paragraph)


@pytest.mark.parametrize("sentence", [
    "The new chip earned a total score of 2072 in the benchmark.",
    "The quarterback scored 2045 fantasy points over his career.",
    "A crowd of 1998 watched the final at the county ground.",
    "Shares closed at a price of about 2150 pence.",
])
def test_quantities_that_look_like_years_are_not_dates(sentence):
    assert extract_time_expressions("a", [sentence], None) == []


def test_an_article_without_a_date_is_read_as_of_the_latest_full_date_it_writes():
    paragraphs = ["The council voted Friday to strip the mayor of his powers.",
                  "He took office on December 1, 2010, and the motion was filed in March 2013.",
                  "The mayor walks to the chamber on Friday, Nov. 15, 2013."]
    rows = extract_time_expressions("a", paragraphs, None)
    assert timex.reference_date(rows) == date(2013, 11, 15)  # not the month, nor the earlier day
    friday = next(r for r in timex.extract_time_expressions_as_of("a", paragraphs, date(2013, 11, 15))
                  if r.text == "Friday")
    assert (friday.date_start, friday.anchor) == (date(2013, 11, 15), "latest_full_date")


def test_no_reference_date_without_a_full_date():
    rows = extract_time_expressions("a", ["It opened in March 2013 and closed on Friday."], None)
    assert timex.reference_date(rows) is None


def test_no_reference_date_when_the_article_writes_a_later_year():
    # the full date is history ("Gone" in 2001), the story is about 2014
    rows = extract_time_expressions("a", ["The song came out on October 29, 2001.",
                                          "Last week their 2014 duet was all over the radio."], None)
    assert timex.reference_date(rows) is None


@pytest.mark.parametrize("paragraphs, reference", [
    # the only full date is the story's past: the article is told years after it
    (["A woman found near Vienna has been identified as a girl who went missing more than eight years ago.",
      "She vanished on her way to school on March 2, 1998."], None),
    (["The plant closed a decade ago.", "It first opened on May 4, 1971."], None),
    # counting weeks back says nothing of years
    (["The mayor resigned three weeks ago.", "The vote is set for Friday, Nov. 15, 2013."], date(2013, 11, 15)),
])
def test_no_reference_date_when_the_article_counts_years_back_from_its_own_day(paragraphs, reference):
    rows = extract_time_expressions("a", paragraphs, None)
    assert timex.reference_date(rows) == reference
