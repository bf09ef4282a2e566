"""Sentence splitting: abbreviations of news copy, quotes, offsets, robustness."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl_gone.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    # titles never end a sentence
    ("Gov. Andrew Cuomo met Mrs. Clinton and Dr. Fauci. The meeting ran late.",
     ["Gov. Andrew Cuomo met Mrs. Clinton and Dr. Fauci.", "The meeting ran late."]),
    ("Mr. Powell and Ms. Yellen spoke first. Sen. Warren followed.",
     ["Mr. Powell and Ms. Yellen spoke first.", "Sen. Warren followed."]),
    # dotted acronyms: not before a name, yes before a sentence opener
    ("The U.S. Senate voted 51-49. The bill goes to the House.",
     ["The U.S. Senate voted 51-49.", "The bill goes to the House."]),
    ("Talks stalled in the U.S. The U.K. delegation walked out.",
     ["Talks stalled in the U.S.", "The U.K. delegation walked out."]),
    ("Polls close at 8 p.m. Friday in Ohio. Results follow.",
     ["Polls close at 8 p.m. Friday in Ohio.", "Results follow."]),
    # company and name suffixes
    ("Shares of Acme Inc. fell 4%. Acme Inc. The company declined to comment.",
     ["Shares of Acme Inc. fell 4%.", "Acme Inc.", "The company declined to comment."]),
    ("Martin Luther King Jr. led the march. Crowds followed.",
     ["Martin Luther King Jr. led the march.", "Crowds followed."]),
    ("The rally moved to St. Louis on Monday. It rained.",
     ["The rally moved to St. Louis on Monday.", "It rained."]),
    # month and number abbreviations before a number
    ("The vote is set for Oct. 30 in Ohio. Jan. 6 was different.",
     ["The vote is set for Oct. 30 in Ohio.", "Jan. 6 was different."]),
    ("The striker wore No. 9 for the club. He left in June.",
     ["The striker wore No. 9 for the club.", "He left in June."]),
    # initials
    ("Author J. K. Rowling spoke. So did Michael J. Fox at the gala.",
     ["Author J. K. Rowling spoke.", "So did Michael J. Fox at the gala."]),
    ("The bill was signed by George H. W. Bush in 1990.",
     ["The bill was signed by George H. W. Bush in 1990."]),
    # ellipses
    ("The coach paused... Then he resigned.", ["The coach paused...", "Then he resigned."]),
    ("We were going to ... well, win it all.", ["We were going to ... well, win it all."]),
    ("Markets wobbled\u2026 Investors fled.", ["Markets wobbled\u2026", "Investors fled."]),
    # closing quotes after the stop, question and exclamation marks
    ('"We will win," she said. "No doubt about it." Then she left.',
     ['"We will win," she said.', '"No doubt about it."', "Then she left."]),
    ("\u201cIt is over.\u201d The minister left the room.",
     ["\u201cIt is over.\u201d", "The minister left the room."]),
    ('"Why now?" he asked. Nobody answered.', ['"Why now?" he asked.', "Nobody answered."]),
    ("Did they win? Yes! By two goals.", ["Did they win?", "Yes!", "By two goals."]),
    ("Shares of Yahoo! rose sharply.", ["Shares of Yahoo! rose sharply."]),
    # numbers and lower-case continuations
    ("Prices rose 3.5 percent. Analysts expected 3.2 percent.",
     ["Prices rose 3.5 percent.", "Analysts expected 3.2 percent."]),
    ("The firm (est. 1990) grew fast. It then sold.", ["The firm (est. 1990) grew fast.", "It then sold."]),
    # line breaks
    ("Election Results\nThe incumbent won easily.", ["Election Results", "The incumbent won easily."]),
    ("The budget, which was\nwidely criticised, passed.", ["The budget, which was\nwidely criticised, passed."]),
    ("First part\n\nsecond part", ["First part", "second part"]),
    ("  A sentence without a stop  ", ["A sentence without a stop"]),
])
def test_splits_news_copy(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "...", "?!?!", ".", '"', '"' * 500, "\x00\x01\x02", "\ud800 broken surrogate.",
    "a." * 5000, "Mr." * 3000, "U.S. " * 2000, "\u201c" * 100 + ". " + "\u201d" * 100,
    "No. No. No. 1. 2. 3.", "\n" * 1000 + "x", " . " * 1000,
])
def test_never_raises_and_offsets_stay_inside(text):
    spans = split_sentences(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def test_rejects_non_strings_quietly():
    assert split_sentences(None) == []  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aA .?!\u2026\"'\u201d\u2019()\n1U.S.Mr")), max_size=200))
def test_spans_are_trimmed_ordered_and_cover_all_text(text):
    spans = split_sentences(text)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip() and end > start
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())


def test_long_text_splits_every_sentence():
    # its speed is bench/bench_large_inputs.py's to check
    text = "Mr. Lee met U.S. officials on Oct. 3. They agreed... \"Fine,\" he said! " * 4000
    spans = split_sentences(text)
    assert len(spans) == 3 * 4000


def test_cached_spans_are_not_shared_lists():
    text = "One sentence here. Another one there."
    first = split_sentences(text)
    first.append((0, 1))
    assert split_sentences(text) == [(0, 18), (19, 37)]
