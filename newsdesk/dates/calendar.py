"""Calendar arithmetic that yields TIMEX3 value strings (pure, no text involved)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Direction = Literal["past", "past_or_same", "future", "future_or_same", "this_week"]


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, month_: int) -> str:
    return f"{year:04d}-{month_:02d}"


def week(d: dt.date) -> str:
    iso_year, iso_week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def weekend(d: dt.date) -> str:
    return week(d) + "-WE"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(year: int, month_: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month_ - 1) + delta
    return index // 12, index % 12 + 1


def shift_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def safe_date(year: int, month_: int, day_: int) -> dt.date | None:
    try:
        return dt.date(year, month_, day_)
    except ValueError:
        return None


def weekday_date(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The date of an ISO weekday (Monday = 1) seen from the anchor date.

    News convention: a bare weekday in a report is the most recent such day, the
    publication day itself included ("said Wednesday" in Wednesday's paper).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "future_or_same":
        return anchor + dt.timedelta(days=ahead)
    if direction == "this_week":
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    return anchor - dt.timedelta(days=back)


def shift(anchor: dt.date, unit: str, amount: int) -> str | None:
    """The anchor moved by `amount` units, written at that unit's granularity."""
    if unit == "D":
        return day(anchor + dt.timedelta(days=amount))
    if unit in ("W", "WE"):
        moved = anchor + dt.timedelta(weeks=amount)
        return weekend(moved) if unit == "WE" else week(moved)
    if unit == "M":
        return month(*shift_months(anchor.year, anchor.month, amount))
    if unit == "Q":
        year, quarter = shift_quarters(anchor.year, quarter_of(anchor), amount)
        return f"{year:04d}-Q{quarter}"
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + amount:02d}"
    return None


#: Granularity of a TIMEX3 value -> the unit `shift` moves it by.
_POINT = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?"), "D"),
    (re.compile(r"(\d{4})-W(\d\d)"), "W"),
    (re.compile(r"(\d{4})-Q([1-4])"), "Q"),
    (re.compile(r"(\d{4})-(\d\d)"), "M"),
    (re.compile(r"(\d{4})(?:-(?:H[12]|SP|SU|FA|WI))?"), "Y"),
]


def point(value: str) -> tuple[dt.date, str] | None:
    """The first day of the time a DATE value names, and its granularity (a unit code);
    None for a value that is no calendar point (P1D, PRESENT_REF, 199)."""
    for pattern, unit in _POINT:
        found = pattern.fullmatch(value)
        if found:
            first = _first_day(unit, [int(part) for part in found.groups() if part])
            return (first, unit) if first else None
    return None


def _first_day(unit: str, parts: list[int]) -> dt.date | None:
    year, *rest = parts
    try:
        if unit == "D":
            return dt.date(year, rest[0], rest[1])
        if unit == "W":
            return dt.date.fromisocalendar(year, rest[0], 1)
        if unit in ("Q", "M"):
            return dt.date(year, 3 * rest[0] - 2 if unit == "Q" else rest[0], 1)
        return dt.date(year, 1, 1)
    except ValueError:
        return None


#: ISO 8601 durations have no quarter, decade or century: counted ones become months or
#: years (TimeBank writes "two decades" P20Y); vague ones keep the TIMEX unit (PXDE).
_IN_SMALLER_UNITS = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}


#: A fraction of a unit is written in the next smaller one, as TimeBank does: 2 1/2 years is
#: P2Y6M, 5 1/2 hours PT5H30M. (unit, clock) -> (factor, smaller unit, smaller is a clock unit).
_FRACTION_IN = {
    ("Y", False): (12, "M", False),
    ("W", False): (7, "D", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
}


def duration(amount: float | None, unit: str, clock: bool) -> str:
    """A TIMEX3 duration: P3D, PT2H, PXY for a vague count, P2Y6M for a fraction."""
    if amount is None:
        count = "X"
    else:
        factor, unit = _IN_SMALLER_UNITS.get(unit, (1, unit))
        amount = amount * factor
        if not float(amount).is_integer() and (unit, clock) in _FRACTION_IN:
            return _with_fraction(amount, unit, clock)
        count = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"P{'T' if clock else ''}{count}{unit}"


def _with_fraction(amount: float, unit: str, clock: bool) -> str:
    factor, smaller, smaller_clock = _FRACTION_IN[(unit, clock)]
    whole = int(amount)
    rest = round((amount - whole) * factor, 3)
    if not float(rest).is_integer():
        return f"P{'T' if clock else ''}{amount:g}{unit}"
    head = f"{whole}{unit}" if whole else ""
    tail = f"{int(rest)}{smaller}"
    if clock:
        return f"PT{head}{tail}"
    return f"P{head}T{tail}" if smaller_clock else f"P{head}{tail}"


def nth_weekday(year: int, month_: int, nth: int, weekday: int) -> dt.date:
    """The nth ISO weekday of a month; nth = -1 for the last one."""
    if nth > 0:
        first = dt.date(year, month_, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    next_year, next_month = shift_months(year, month_, 1)
    last = dt.date(next_year, next_month, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def nearest_year(anchor: dt.date, first: int, last: int, when: str | None) -> int:
    """The year in which a recurring period (day-of-year ordinals `first`..`last`) lies
    closest to the anchor; `when` = "past" keeps it from starting after the anchor,
    "future" from ending before it."""
    best: tuple[int, int] | None = None
    day_of_year = anchor.timetuple().tm_yday
    if when is not None:
        closest = nearest_year(anchor, first, last, None)
        offset = (closest - anchor.year) * 365
        if min(abs(first + offset - day_of_year), abs(last + offset - day_of_year)) <= 45:
            return closest
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        offset = (year - anchor.year) * 365
        start, end = first + offset, last + offset
        if (when == "past" and start > day_of_year) or (when == "future" and end < day_of_year):
            continue
        distance = (
            0
            if start <= day_of_year <= end
            else min(abs(start - day_of_year), abs(end - day_of_year))
        )
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else anchor.year
