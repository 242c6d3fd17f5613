"""The pure normaliser, rule by rule: text and publication date in, TIMEX3 type and value out.

Publication date throughout: Wednesday 2022-03-23 (ISO week 12), unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.dates import normalise
from newsdesk.dates.context import Hints

WEDNESDAY = dt.date(2022, 3, 23)


def value(text: str, anchor: dt.date | None = WEDNESDAY, **hints) -> str | None:
    return normalise(text, anchor, Hints(**hints))[1]


def kind(text: str) -> str:
    return normalise(text, WEDNESDAY)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feb. 24", "2022-02-24"),
        ("February 24", "2022-02-24"),
        ("24 February", "2022-02-24"),
        ("December 2020", "2020-12"),
        ("Dec. 2020", "2020-12"),
        ("2019", "2019"),
        ("March 3, 2021", "2021-03-03"),
        ("Sept. 30, 1998", "1998-09-30"),
        ("3/4/2021", "2021-03-04"),
        ("2021-05-06", "2021-05-06"),
        ("mid-1990", "1990"),
        ("fiscal 2021", "2021"),
        ("nineteen ninety-six", "1996"),
        ("March nineteen ninety-two", "1992-03"),
        ("the week of March 7", "2022-W10"),
        ("the year two thousand", "2000"),
    ],
)
def test_absolute_dates(text, expected):
    assert value(text) == expected
    assert kind(text) == "DATE"


def test_a_month_day_without_year_takes_the_nearest_year():
    assert value("Dec. 28", dt.date(2022, 1, 5)) == "2021-12-28"
    assert value("Jan. 4", dt.date(2021, 12, 20)) == "2022-01-04"


def test_tense_decides_a_far_month_day_but_not_a_near_one():
    assert value("Nov. 25", WEDNESDAY) == "2021-11-25"
    assert value("Nov. 25", WEDNESDAY, tense="future") == "2022-11-25"
    assert value("April 2", WEDNESDAY, tense="past") == "2022-04-02"


def test_a_weekday_with_a_date_picks_the_year_where_the_date_falls_on_it():
    assert value("Saturday, March 26") == "2022-03-26"
    assert value("Friday, March 26") == "2021-03-26"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday", "2022-03-23"),
        ("Tuesday", "2022-03-22"),
        ("Thursday", "2022-03-17"),
        ("last Wednesday", "2022-03-16"),
        ("next Friday", "2022-03-25"),
        ("this Friday", "2022-03-25"),
        ("Monday, March 21", "2022-03-21"),
    ],
)
def test_weekdays_follow_the_news_convention(text, expected):
    assert value(text) == expected


def test_a_weekday_in_a_future_sentence_lies_ahead():
    assert value("Thursday", tense="future") == "2022-03-24"
    assert value("Wednesday", tense="future") == "2022-03-23"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2022-03-23"),
        ("yesterday", "2022-03-22"),
        ("tomorrow", "2022-03-24"),
        ("last week", "2022-W11"),
        ("the last week", "2022-W11"),
        ("this week", "2022-W12"),
        ("next week", "2022-W13"),
        ("this month", "2022-03"),
        ("next month", "2022-04"),
        ("last month", "2022-02"),
        ("this year", "2022"),
        ("last year", "2021"),
        ("the past year", "2021"),
        ("next year", "2023"),
        ("two years ago", "2020"),
        ("three days ago", "2022-03-20"),
        ("a month ago", "2022-02"),
        ("two weeks ago", "2022-W10"),
        ("earlier this month", "2022-03"),
        ("late last year", "2021"),
        ("early next year", "2023"),
        ("the weekend", "2022-W11-WE"),
        ("next weekend", "2022-W13-WE"),
        ("last decade", "201"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("right now", "PRESENT_REF"),
        ("the past", "PAST_REF"),
        ("recently", "PAST_REF"),
        ("recent weeks", "PAST_REF"),
        ("several years ago", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("the near future", "FUTURE_REF"),
        ("coming months", "FUTURE_REF"),
    ],
)
def test_vague_references(text, expected):
    assert value(text) == expected
    assert value(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a month", "P1M"),
        ("10 years", "P10Y"),
        ("three days", "P3D"),
        ("24 hours", "PT24H"),
        ("twenty four hours", "PT24H"),
        ("45 minutes", "PT45M"),
        ("five-year", "P5Y"),
        ("2 1/2 years", "P2Y6M"),
        ("about 5 1/2 hours", "PT5H30M"),
        ("a minute and a half", "PT1M30S"),
        ("eight trading days", "P8D"),
        ("three business days", "P3D"),
        ("half an hour", "PT30M"),
        ("half a century", "P50Y"),
        ("decades", "PXDE"),
        ("several weeks", "PXW"),
        ("the past two months", "P2M"),
        ("at least the past 18 months", "P18M"),
        ("more than a week", "P1W"),
        ("a couple of years", "P2Y"),
        ("two decades", "P20Y"),
        ("three quarters", "P9M"),
        ("the next few days", "PXD"),
    ],
)
def test_durations(text, expected):
    assert normalise(text, WEDNESDAY) == ("DURATION", expected)


def test_durations_need_no_publication_date():
    assert normalise("three days", None) == ("DURATION", "P3D")


def test_the_year_is_this_year_unless_it_is_a_fiscal_year_ending_on_a_date():
    assert normalise("the year", WEDNESDAY) == ("DATE", "2022")
    assert normalise("the year", WEDNESDAY, Hints(next_word="ended")) == ("DURATION", "P1Y")


def test_a_second_and_a_quarter_are_not_durations():
    assert value("a second") is None
    assert value("a quarter") is None
    assert value("two seconds") == "PT2S"


def test_an_age_is_not_a_duration():
    assert value("six-year-old") is None
    assert value("52 years old") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the third quarter", "2022-Q3"),
        ("third-quarter", "2022-Q3"),
        ("the fourth quarter of 2020", "2020-Q4"),
        ("Q1 2021", "2021-Q1"),
        ("Q2", "2022-Q2"),
        ("last year's second quarter", "2021-Q2"),
        ("the first half of 2021", "2021-H1"),
        ("the current quarter", "2022-Q1"),
        ("the quarter", "2021-Q4"),
        ("the year-ago quarter", "2020-Q4"),
        ("the 2021 quarter", "2021-Q4"),
        ("the last half of 2020", "2020-H2"),
        ("H1 2022", "2022-H1"),
        ("FY2021", "2021"),
        ("FY 99", "1999"),
    ],
)
def test_quarters_and_halves(text, expected):
    assert value(text) == expected


def test_a_year_back_in_an_earnings_report_is_the_same_quarter_a_year_before():
    assert value("a year earlier", dt.date(1989, 10, 26), quarterly=True) == "1988-Q3"
    assert value("a year earlier", dt.date(1989, 10, 26)) == "1988"


def test_an_earnings_report_refers_back_to_the_quarter_it_reports():
    published = dt.date(1989, 10, 26)
    assert value("a year ago", published, quarterly=True, reported_quarter="1989-Q1") == "1988-Q1"
    assert value("the quarter", published, reported_quarter="1989-Q1") == "1989-Q1"
    assert value("the latest period", published, reported_quarter="1989-Q2") == "1989-Q2"
    assert value("the year-ago quarter", published, reported_quarter="1989-Q2") == "1988-Q2"
    assert value("the 1988 period", published, reported_quarter="1989-Q1") == "1988-Q1"
    assert value("the latest period", published) == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "expected"),
    [
        ("the fourth quarter", dt.date(2022, 1, 20), None, "2021-Q4"),
        ("the fourth quarter", dt.date(2022, 10, 20), None, "2022-Q4"),
        ("the third quarter", dt.date(2022, 5, 20), None, "2022-Q3"),
        ("the third quarter", dt.date(2022, 5, 20), "past", "2021-Q3"),
        ("the second half", dt.date(2022, 1, 20), None, "2021-H2"),
        ("the second half", dt.date(2022, 1, 20), "future", "2022-H2"),
    ],
)
def test_a_quarter_without_a_year_is_the_latest_one_begun_or_the_coming_one(
    text, anchor, tense, expected
):
    assert value(text, anchor, tense=tense, results=True) == expected


def test_a_bare_half_is_a_half_year_only_in_a_results_report():
    assert value("the second half", results=True) == "2021-H2"
    assert value("the second half") is None
    assert value("the second half of 2021") == "2021-H2"
    assert value("the fiscal first half") == "2022-H1"


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("the following year", "1995-05-22", "1996"),
        ("The following month", "1989-03", "1989-04"),
        ("the previous Friday", "2022-03-18", "2022-03-11"),
        ("the following week", None, "2022-W13"),
        ("the next day", "2021-06-30", "2021-07-01"),
        ("the previous decade", None, "201"),
        ("the following day", "1995", None),
        ("that year", "1998-06", "1998"),
        ("later that year", "1998-06-12", "1998"),
        ("that same day", "2021-10-23", "2021-10-23"),
        ("that day", "1998-10", None),
        ("that year", None, None),
    ],
)
def test_sequels_count_from_the_reference_time(text, reference, expected):
    assert value(text, reference=reference) == expected


def test_the_current_and_the_latest_fiscal_year():
    assert value("the current fiscal year") == "2022"
    assert value("the latest fiscal year") == "2021"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last summer", "2021-SU"),
        ("this summer", "2022-SU"),
        ("next winter", "2022-WI"),
        ("last winter", "2021-WI"),
        ("the spring of 1998", "1998-SP"),
        ("fall 2020", "2020-FA"),
        ("the winter of nineteen eighty-seven", "1987-WI"),
    ],
)
def test_seasons(text, expected):
    assert value(text) == expected


def test_fall_alone_is_the_verb_not_the_season():
    assert value("fall") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the 1990s", "199"), ("the early 1980s", "198"), ("the '70s", "197"), ("2010s", "201")],
)
def test_decades(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the nineties", "199"),
        ("the early seventies", "197"),
        ("the 20th century", "19"),
        ("the nineteenth century", "18"),
        ("11th century", "10"),
        ("the twenty-first century", "20"),
    ],
)
def test_centuries_and_decades_in_words(text, expected):
    assert normalise(text, WEDNESDAY) == ("DATE", expected)
    assert normalise(text, None) == ("DATE", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday morning", "2022-03-23TMO"),
        ("Tuesday night", "2022-03-22TNI"),
        ("this morning", "2022-03-23TMO"),
        ("last night", "2022-03-22TNI"),
        ("tonight", "2022-03-23TNI"),
        ("yesterday afternoon", "2022-03-22TAF"),
        ("last Sunday night", "2022-03-20TNI"),
        ("3 p.m.", "2022-03-23T15:00"),
        ("10:35 a.m.", "2022-03-23T10:35"),
        ("noon", "2022-03-23T12:00"),
        ("10 p.m. Tuesday", "2022-03-22T22:00"),
        ("Monday at 9 a.m.", "2022-03-21T09:00"),
        ("5 p.m. EST", "2022-03-23T17:00"),
        ("4 in the morning", "2022-03-23T04:00"),
        ("8 in the evening", "2022-03-23T20:00"),
        ("mid-afternoon", "2022-03-23TAF"),
        ("mid afternoon yesterday", "2022-03-22TAF"),
    ],
)
def test_times_of_day(text, expected):
    assert normalise(text, WEDNESDAY) == ("TIME", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every week", "P1W"),
        ("each year", "P1Y"),
        ("weekly", "P1W"),
        ("daily", "P1D"),
        ("hourly", "PT1H"),
        ("twice a month", "P1M"),
        ("every Monday", "XXXX-WXX-1"),
        ("Mondays", "XXXX-WXX-1"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("each Friday morning", "XXXX-WXX-5TMO"),
        ("every August", "XXXX-08"),
        ("each winter", "XXXX-WI"),
    ],
)
def test_sets(text, expected):
    assert normalise(text, WEDNESDAY) == ("SET", expected)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Christmas", dt.date(2022, 1, 10), "2021-12-25"),
        ("Thanksgiving", dt.date(2022, 11, 20), "2022-11-24"),
        ("Election Day", dt.date(2022, 11, 1), "2022-11-08"),
        ("Memorial Day 2021", WEDNESDAY, "2021-05-31"),
        ("New Year’s Day", dt.date(2022, 1, 3), "2022-01-01"),
    ],
)
def test_holidays(text, anchor, expected):
    assert value(text, anchor) == expected


@pytest.mark.parametrize(
    "text", ["Wednesday", "last week", "next month", "two years ago", "Feb. 24", "today"]
)
def test_relative_expressions_have_no_value_without_a_publication_date(text):
    assert value(text, None) is None


@pytest.mark.parametrize(
    ("text", "expected"), [("March 3, 2021", "2021-03-03"), ("December 2020", "2020-12")]
)
def test_absolute_expressions_with_a_year_resolve_without_a_publication_date(text, expected):
    assert value(text, None) == expected


@pytest.mark.parametrize("text", ["", "banana", "may", "the", "2/30/2021", "Feb. 30, 2021"])
def test_text_that_is_no_date_gets_no_value(text):
    assert value(text) is None
