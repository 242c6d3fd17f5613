"""Quote marks are found at character level; bad marks cost at most one paragraph."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.quotes.marks import find_quoted_spans


def texts(text: str) -> list[str]:
    return [span.text for span in find_quoted_spans(text)]


def test_curly_and_straight_double_quotes_are_quotations():
    assert texts('“We will win,” she said. He said "we lost the vote."') == [
        "We will win,",
        "we lost the vote.",
    ]


def test_span_includes_the_marks_and_text_excludes_them():
    text = 'Mayor Lin said: "The bridge opens in May."'
    [span] = find_quoted_spans(text)
    assert text[span.start : span.end] == '"The bridge opens in May."'
    assert span.text == "The bridge opens in May."
    assert text[span.content_start : span.content_end] == span.text


def test_single_quotes_nested_inside_double_quotes_stay_inside():
    assert texts("“They called it ‘a farce’ and walked out,” he said.") == [
        "They called it ‘a farce’ and walked out,"
    ]


def test_apostrophes_are_not_quotation_marks():
    assert texts("The council’s plan isn't the mayor's.") == []


def test_doubled_apostrophes_work_as_double_marks():
    assert texts("''We are ready,'' the coach said.") == ["We are ready,"]


def test_multi_paragraph_quote_is_one_quotation():
    text = "“The first part goes on.\n\n“The second part ends here.”\nNext paragraph."
    [span] = find_quoted_spans(text)
    assert span.text == "The first part goes on.\n\nThe second part ends here."
    assert text[span.end :] == "\nNext paragraph."


def test_unclosed_quote_does_not_swallow_the_rest_of_the_article():
    text = "He said “this never closes.\nThe next paragraph has “a real quote here.”"
    assert texts(text) == ["a real quote here."]


def test_stray_closing_mark_is_ignored():
    assert texts("Odd ” mark. Then “a proper quote follows.”") == ["a proper quote follows."]


def test_scare_quotes_of_one_or_two_words_are_terms_not_quotations():
    scare, real, short_sentence = find_quoted_spans(
        'The so-called "peace dividend" was "never going to arrive," he said. "No way."'
    )
    assert scare.is_scare_quote()
    assert not real.is_scare_quote()
    assert not short_sentence.is_scare_quote()


MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "''", "«", "»", "„", "\n", " ", ","])


@given(st.lists(st.one_of(MARKS, st.text(max_size=8)), max_size=60))
def test_any_text_with_random_marks_gives_spans_inside_the_text(pieces):
    text = "".join(pieces)
    for span in find_quoted_spans(text):
        assert 0 <= span.start < span.content_start <= span.content_end <= span.end <= len(text)
        assert "\n" not in text[span.start : span.end] or span.continuations


def test_quote_left_open_at_the_next_opening_mark_ends_with_its_sentence():
    """Text whose line breaks were lost: `said: "A. "B," he told ...`."""
    assert texts('She said: "We will not give up. "We know what it takes," she told us.') == [
        "We will not give up.",
        "We know what it takes,",
    ]
