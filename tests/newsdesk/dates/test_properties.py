"""Property tests: odd input never breaks the date parser, and spans stay inside the text."""

from __future__ import annotations

import datetime as dt
import itertools

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.dates import extract_dates, normalise
from newsdesk.dates.spans import find_spans, longest_first, matches

_BLANK = spacy.blank("en")
_WORDS = st.sampled_from(
    [
        *("last", "next", "this", "the", "a", "two", "10", "ago", "years", "week", "Monday"),
        *("Feb.", "24", ",", "2019", "1990s", "quarter", "third", "morning", "p.m.", "3"),
        *("every", "daily", "now", "past", "future", "recent", "weeks", "of", "early", "late"),
        *("year-ago", "Q1", "Christmas", "summer", "mid-", "half", "1/2", "/", "-", "'", "May"),
        *("following", "that", "same", "later", "nineties", "20th", "century", "an", "hour"),
        *("FY", "H1", "until", "in", "evening", "Mondays", "nights", "period", "latest"),
    ]
)
_DATE_LIKE = st.lists(_WORDS, max_size=12).map(" ".join)
_TEXT = st.one_of(st.text(max_size=200), _DATE_LIKE)
_ANCHOR = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1)))


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, anchor=_ANCHOR)
def test_normalise_never_raises_and_returns_a_timex_type(text, anchor):
    type_, value = normalise(text, anchor)
    assert type_ in ("DATE", "TIME", "DURATION", "SET")
    assert value is None or isinstance(value, str)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT)
def test_found_spans_lie_inside_the_text_and_do_not_overlap(text):
    found = find_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(found))


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=40).map(" ".join))
def test_scanning_only_near_trigger_words_finds_what_a_full_scan_finds(text):
    assert find_spans(text) == longest_first(matches(text, [(0, len(text))]))


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, anchor=_ANCHOR)
def test_extracted_dates_quote_the_text_exactly(text, anchor):
    doc = _BLANK(text)
    for date in extract_dates(doc, anchor):
        assert doc.text[date.start : date.end] == date.text
