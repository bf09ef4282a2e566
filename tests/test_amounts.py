"""Figures a sentence states (etl_gone.amounts): value, unit, exactness, owner and what they measure."""
from __future__ import annotations

import pytest

from etl_gone.amounts import find_amounts, stem


def names_in(text: str, *names: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name's first occurrence in text."""
    return [(text.index(n), text.index(n) + len(n), n) for n in names]


@pytest.mark.parametrize("text, expected", [
    # (amount_text, value, unit, rounding)
    ("Barclays was fined $453 million by regulators.", [("$453 million", 453e6, "USD", 1e6)]),
    ("It cost US$1.2 billion.", [("US$1.2 billion", 1.2e9, "USD", 1e8)]),
    ("It cost £290m.", [("£290m", 290e6, "GBP", 1e6)]),
    ("a fine of 360 million euros", [("360 million euros", 360e6, "EUR", 1e6)]),
    ("He earns $787,637 a year.", [("$787,637", 787637, "USD", 1)]),
    ("The deal included a 19% pay raise.", [("19%", 19, "percent", 1)]),
    ("The no side won 50.21 percent, or 50.2 per cent.", [("50.21 percent", 50.21, "percent", 0.01),
                                                          ("50.2 per cent", 50.2, "percent", 0.1)]),
    ("It exploded six seconds after launch.", [("six seconds", 6, "second", 1)]),
    ("He got a four-month ban.", [("four-month", 4, "month", 1)]),
    ("He had flown 603 hours.", [("603 hours", 603, "hour", 1)]),
    ("363 miners were rescued.", [("363 miners", 363, "count", 1)]),
    ("Some 20,000 people marched.", [("20,000 people", 20000, "count", 1)]),
    ("2 million people fled.", [("2 million people", 2e6, "count", 1e6)]),
    ("The 68-year-old captain was arrested.", [("68-year-old", 68, "age", 1)]),
    ("She was aged 45 then.", [("aged 45", 45, "age", 1)]),
    # not figures of anything: a year before a noun, a weight in pounds, a bare number
    ("The 2009 floods and the 1990s were hard.", []),
    ("It carried 5,000 pounds of supplies.", []),
    ("He scored in the 89th minute on May 14, 2015.", []),
    ("He is 3 years old.", [("3 years old", 3, "age", 1)]),
])
def test_figures_are_read_with_value_unit_and_rounding(text, expected):
    found = [(f.text, f.value, f.unit, f.rounding) for f in find_amounts(text)]
    assert found == [(t, pytest.approx(v), u, pytest.approx(r)) for t, v, u, r in expected]


@pytest.mark.parametrize("text, exactness", [
    ("It fined them $453 million.", "exact"),
    ("Some 20,000 people marched.", "about"),
    ("An estimated 20,000 people marched.", "about"),
    ("Nearly 450 workers were rescued.", "bound"),
    ("At least 37 hostages died.", "bound"),
    ("He makes more than $600,000.", "bound"),
])
def test_a_guess_and_a_bound_are_told_from_a_reading(text, exactness):
    assert [f.exactness for f in find_amounts(text)] == [exactness]


@pytest.mark.parametrize("text, names, owners", [
    # the nearest name before the figure
    ("Rizzo was earning a $787,637 annual salary, Adams $457,000.", ("Rizzo", "Adams"), ["Rizzo", "Adams"]),
    # a source and a preposition's object own nothing
    ("Kilpatrick, according to Reuters, spent $840,000.", ("Kilpatrick", "Reuters"), ["Kilpatrick"]),
    ("Some 20,000 people took to the streets of Bucharest to see 25,000 people.", ("Bucharest",), [None, None]),
    # not a name after it: "Spaccia, who earns $375,000 and Adams" is Spaccia's
    ("It pays $375,000 to Angela Spaccia.", ("Angela Spaccia",), [None]),
    # an age: the name it stands before, or in apposition to
    ("The 28-year-old co-pilot Andreas Lubitz flew.", ("Andreas Lubitz",), ["Andreas Lubitz"]),
    ("Lubitz, a 28-year-old from Montabaur, flew.", ("Lubitz", "Montabaur"), ["Lubitz"]),
    ("Lee Joon-seok, 69, faces charges.", ("Lee Joon-seok",), ["Lee Joon-seok"]),
    ("The 23-year-old flew to London.", ("London",), [None]),
    ("The 68-year-old captain of the ferry that sank off Jindo was held.", ("Jindo",), [None]),
])
def test_a_figure_belongs_to_the_name_that_owns_it(text, names, owners):
    assert [f.about for f in find_amounts(text, names=names_in(text, *names))] == owners


def test_a_number_after_a_name_and_a_comma_is_no_age_when_it_goes_on():
    # "Christmas Island, 1,600 miles": the head of a bigger number, one figure at one place
    text = "Christmas Island, 1,600 miles north-west of Perth, is the first land such vessels encounter."
    found = find_amounts(text, names=names_in(text, "Christmas Island", "Perth"))
    assert [(f.text, f.unit) for f in found] == [("1,600 miles", "count")]


def test_a_conversion_in_parentheses_measures_what_the_figure_before_it_measures():
    text = "Barclays was fined a total of £290 million ($455 million, 360 million euros) by regulators."
    found = find_amounts(text, names=names_in(text, "Barclays"))
    assert [(f.text, f.unit, f.about) for f in found] == [
        ("£290 million", "GBP", "Barclays"), ("$455 million", "USD", "Barclays"),
        ("360 million euros", "EUR", "Barclays")]
    assert found[0].measure_words == found[1].measure_words == found[2].measure_words
    assert "fin" in found[1].measure_words


@pytest.mark.parametrize("text, has, lacks", [
    ("Barclays was fined $453 million by regulators.", {"fin", "regulator"}, {"barclays", "million"}),
    ("Rizzo was earning a $787,637 annual salary.", {"earn", "salary", "annual"}, {"rizzo", "was"}),
    ("Kilpatrick spent $800,000 more than he earned.", {"spend", "earn"}, {"more", "than"}),
    # movement verbs say the figure changed, not which figure it is
    ("Profit fell 13% this year.", set(), {"fell", "fall"}),
])
def test_measure_words_are_the_content_words_beside_a_figure(text, has, lacks):
    (found,) = find_amounts(text)
    assert has <= set(found.measure_words) and not lacks & set(found.measure_words)


@pytest.mark.parametrize("words", [("fined", "fine", "fines"), ("salary", "salaries"), ("rescued", "rescue"),
                                   ("spent", "spending", "spend")])
def test_forms_of_one_word_share_a_stem(words):
    assert len({stem(w) for w in words}) == 1


def test_only_the_span_asked_for_is_read():
    text = "He paid $5 million. She paid $7 million."
    assert [f.text for f in find_amounts(text, 20, len(text))] == ["$7 million"]
