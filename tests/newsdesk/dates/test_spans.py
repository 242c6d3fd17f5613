"""Where expressions are found, and how far their spans reach (TimeBank conventions)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.dates import extract_dates
from newsdesk.dates.spans import find_spans, looks_like_a_title

WEDNESDAY = dt.date(2022, 3, 23)


def spans(text: str) -> list[str]:
    return [text[start:end] for start, end in find_spans(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister spoke on Wednesday in Ankara.", ["Wednesday"]),
        ("Profit rose in the third quarter.", ["the third quarter"]),
        ("Sales fell 5% from a year earlier.", ["a year earlier"]),
        ("The plant closed last week after 10 years.", ["last week", "10 years"]),
        ("Prices have doubled over the past two months.", ["the past two months"]),
        ("She was born in the 1990s.", ["the 1990s"]),
        ("The vote is set for March 3, 2021, in the capital.", ["March 3, 2021"]),
        ("A six-year-old boy and his 52-year-old father survived.", []),
        ("The director, 52 years old, resigned after years of losses.", ["years"]),
        ("The fund grew through the nineties.", ["the nineties"]),
        ("It was sold the following month.", ["the following month"]),
        ("The hearing is set for the week of June 12.", ["the week of June 12"]),
        ("Prices peaked in the summer of nineteen ninety.", ["the summer of nineteen ninety"]),
        ("A flu strain, H1N1, spread.", []),
        ("Prices may rise as stocks march higher.", []),
        ("Jan Kavan met the envoy.", []),
        ("It earned $5 million a year.", ["a year"]),
        ("Turnover was 2019 units, up 5 percent.", ["2019"]),
    ],
)
def test_span_extent(sentence, expected):
    assert spans(sentence) == expected


def test_spans_do_not_overlap_and_the_longest_wins():
    assert spans("He left Wednesday morning, two years ago.") == [
        "Wednesday morning",
        "two years ago",
    ]


def test_extracted_dates_carry_offsets_into_the_text(nlp):
    text = "The talks began on Feb. 24 and ended last week, officials said Wednesday."
    dates = extract_dates(nlp(text), WEDNESDAY)
    assert [(d.text, d.type, d.value) for d in dates] == [
        ("Feb. 24", "DATE", "2022-02-24"),
        ("last week", "DATE", "2022-W11"),
        ("Wednesday", "DATE", "2022-03-23"),
    ]
    assert all(text[d.start : d.end] == d.text for d in dates)


def test_the_tense_of_the_sentence_points_a_weekday_forwards_or_back(nlp):
    ahead = extract_dates(nlp("The ministers will meet Thursday in Brussels."), WEDNESDAY)
    behind = extract_dates(nlp("The ministers met Thursday in Brussels."), WEDNESDAY)
    planned = extract_dates(nlp("The team planned to leave on Friday."), WEDNESDAY)
    assert [d.value for d in ahead] == ["2022-03-24"]
    assert [d.value for d in behind] == ["2022-03-17"]
    assert [d.value for d in planned] == ["2022-03-25"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board declared a dividend payable Jan. 15 to holders.", "2023-01-15"),
        ("The board named a new treasurer, effective Feb. 1.", "2023-02-01"),
        ("The shares are to resume trading Tuesday.", "2022-03-29"),
        ("The envoy said he would fly home Friday.", "2022-03-25"),
        ("The envoy would have flown home Friday.", "2022-03-18"),
        ("The court gave the parties until Monday to reply.", "2022-03-28"),
        ("The clinic had stayed closed until Monday.", "2022-03-21"),
    ],
)
def test_due_dates_arrangements_and_reported_plans_lie_ahead(nlp, sentence, expected):
    assert [d.value for d in extract_dates(nlp(sentence), WEDNESDAY)] == [expected]


def test_a_bare_clock_time_falls_on_the_day_the_story_has_reached(nlp):
    text = "The fire broke out on March 3. Crews arrived at 10 p.m. and stayed."
    dates = extract_dates(nlp(text), WEDNESDAY)
    assert [(d.text, d.value) for d in dates] == [
        ("March 3", "2022-03-03"),
        ("10 p.m.", "2022-03-03T22:00"),
    ]


def test_a_weekday_glued_to_a_name_is_still_a_date(nlp):
    dates = extract_dates(nlp("President Anna Berg Tuesday vowed to fight on."), WEDNESDAY)
    assert [(d.text, d.value) for d in dates] == [("Tuesday", "2022-03-22")]


def test_without_a_publication_date_relative_spans_stay_with_no_value(nlp):
    text = "The deal collapsed last week, two years after it was signed in December 2019."
    dates = extract_dates(nlp(text), None)
    assert [(d.text, d.value) for d in dates] == [
        ("last week", None),
        ("two years", "P2Y"),
        ("December 2019", "2019-12"),
    ]


def test_text_the_grammar_cannot_read_is_left_out(nlp):
    assert extract_dates(nlp("Leaves fall in the fall."), WEDNESDAY) == []


def test_an_earnings_report_compares_quarters(nlp):
    text = "Third-quarter profit rose 8%. Revenue was $2 billion, up from $1.8 billion a year ago."
    dates = extract_dates(nlp(text), dt.date(1989, 10, 26))
    assert [(d.text, d.value) for d in dates] == [
        ("Third-quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),
    ]


def test_the_reported_quarter_anchors_later_comparisons(nlp):
    text = (
        "The retailer earned $20 million in its fiscal first quarter, up from $15 million "
        "a year earlier. It expects a weaker fourth quarter. Sales rose in the quarter."
    )
    dates = extract_dates(nlp(text), dt.date(1989, 10, 26))
    assert [(d.text, d.value) for d in dates] == [
        ("fiscal first quarter", "1989-Q1"),
        ("a year earlier", "1988-Q1"),
        ("fourth quarter", "1989-Q4"),
        ("the quarter", "1989-Q1"),
    ]


def test_a_narrative_carries_its_reference_time_forward(nlp):
    text = (
        "The firm was founded in March 1995. The following year it moved, "
        "and later that year it listed."
    )
    dates = extract_dates(nlp(text), WEDNESDAY)
    assert [(d.text, d.value) for d in dates] == [
        ("March 1995", "1995-03"),
        ("The following year", "1996"),
        ("later that year", "1996"),
    ]


def test_halves_and_quarters_of_a_match_are_no_dates(nlp):
    match = "United scored twice in the second half and reached the quarter-finals."
    report = "Sales rose 4% in the second half, the retailer said."
    assert extract_dates(nlp(match), WEDNESDAY) == []
    assert [d.value for d in extract_dates(nlp(report), WEDNESDAY)] == ["2021-H2"]


def test_a_temporal_word_capitalised_in_a_title_is_no_date(nlp):
    text = 'The envoy told the talk show "This Week" on Sunday. The clip ran on Radio Today.'
    dates = extract_dates(nlp(text), WEDNESDAY)
    assert [d.text for d in dates] == ["Sunday"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ratings rose for Morning Tonight.", True),
        ("Tonight the council votes.", False),
        ("The council votes Next Week.", True),
        ("The parade is on Christmas Day.", False),
        ("The vote closes at 8 p.m. EST Tuesday.", False),
        ("The show moves to Sundays.", False),
        ("An election is expected in the Spring.", False),
        ("It is the great puzzle of the 21st Century.", False),
    ],
)
def test_what_looks_like_a_title(text, title):
    start, end = find_spans(text)[0]
    assert looks_like_a_title(text, start, end) is title


def test_a_month_inside_a_name_is_no_date(nlp):
    dates = extract_dates(nlp("The winger Tom May scored twice in May."), WEDNESDAY)
    assert [(d.text, d.start) for d in dates] == [("May", 35)]
