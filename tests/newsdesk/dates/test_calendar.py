"""Calendar arithmetic behind the TIMEX3 values."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.dates import calendar as cal

WEDNESDAY = dt.date(2022, 3, 23)


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (3, "past_or_same", dt.date(2022, 3, 23)),
        (3, "past", dt.date(2022, 3, 16)),
        (3, "future", dt.date(2022, 3, 30)),
        (3, "future_or_same", dt.date(2022, 3, 23)),
        (1, "this_week", dt.date(2022, 3, 21)),
        (7, "this_week", dt.date(2022, 3, 27)),
        (5, "past_or_same", dt.date(2022, 3, 18)),
    ],
)
def test_weekday_dates(weekday, direction, expected):
    assert cal.weekday_date(WEDNESDAY, weekday, direction) == expected


def test_iso_weeks_cross_the_year_boundary():
    assert cal.week(dt.date(2021, 1, 1)) == "2020-W53"
    assert cal.shift(dt.date(2022, 1, 5), "W", -1) == "2021-W52"


@pytest.mark.parametrize(
    ("unit", "amount", "expected"),
    [
        ("D", -1, "2022-03-22"),
        ("M", -3, "2021-12"),
        ("Q", 1, "2022-Q2"),
        ("Y", -2, "2020"),
        ("DE", 0, "202"),
        ("CE", -1, "19"),
        ("WE", 0, "2022-W12-WE"),
    ],
)
def test_shift_writes_the_unit_granularity(unit, amount, expected):
    assert cal.shift(WEDNESDAY, unit, amount) == expected


def test_nth_weekday_of_a_month():
    assert cal.nth_weekday(2022, 11, 4, 4) == dt.date(2022, 11, 24)
    assert cal.nth_weekday(2021, 5, -1, 1) == dt.date(2021, 5, 31)


def test_durations():
    assert cal.duration(3, "D", clock=False) == "P3D"
    assert cal.duration(2, "H", clock=True) == "PT2H"
    assert cal.duration(None, "Y", clock=False) == "PXY"
    assert cal.duration(2, "DE", clock=False) == "P20Y"
    assert cal.duration(None, "DE", clock=False) == "PXDE"


def test_a_fraction_is_written_in_the_next_smaller_unit_as_timebank_does():
    assert cal.duration(1.5, "Y", clock=False) == "P1Y6M"
    assert cal.duration(5.5, "H", clock=True) == "PT5H30M"
    assert cal.duration(1.5, "M", clock=True) == "PT1M30S"
    assert cal.duration(0.5, "D", clock=False) == "PT12H"
    assert cal.duration(2.5, "D", clock=False) == "P2DT12H"
    assert cal.duration(1.5, "M", clock=False) == "P1.5M"


def test_a_calendar_point_is_its_first_day_and_granularity():
    assert cal.point("1998-10-23") == (dt.date(1998, 10, 23), "D")
    assert cal.point("2022-03-23TMO") == (dt.date(2022, 3, 23), "D")
    assert cal.point("2022-W12") == (dt.date(2022, 3, 21), "W")
    assert cal.point("1989-Q3") == (dt.date(1989, 7, 1), "Q")
    assert cal.point("1989-04") == (dt.date(1989, 4, 1), "M")
    assert cal.point("1995") == (dt.date(1995, 1, 1), "Y")
    assert cal.point("1998-FA") == (dt.date(1998, 1, 1), "Y")
    for vague in ("P1D", "PRESENT_REF", "199", "1989-13", "2022-W60"):
        assert cal.point(vague) is None
