"""Handlers for days, months and years: calendar dates, weekdays, clock times, holidays.

Handlers are pure: a regex match, the anchor date and the sentence hints -> (type, value).
A relative expression gets the value None when there is no anchor; an absolute one
resolves regardless. Without a hint a bare date is the occurrence nearest the anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.dates import calendar as cal
from newsdesk.dates.context import (
    Anchor,
    Hints,
    Match,
    Result,
    day_of_year,
    rel_direction,
    stated_year,
    year_for,
    year_in_words,
)
from newsdesk.dates.lexicon import key, lexicon
from newsdesk.dates.patterns import compiled


def iso(m: Match, anchor: Anchor, hints: Hints) -> Result:
    text = m.group()
    if "T" in text:
        return "TIME", text[:16]
    return ("DATE", text) if cal.safe_date(*map(int, text.split("-"))) else ("DATE", None)


def numeric(m: Match, anchor: Anchor, hints: Hints) -> Result:
    month, day, year = (int(part) for part in m.group().split("/"))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    date = cal.safe_date(year, month, day)
    return "DATE", cal.day(date) if date else None


def normalise_day(text: str, anchor: Anchor, hints: Hints) -> str | None:
    """The calendar day a day phrase (`Wednesday`, `yesterday`, `March 3`) names."""
    for name in ("weekday", "month_day", "words"):
        found = compiled()[name].fullmatch(text.strip())
        if found:
            value = _DAY_HANDLERS[name](found, anchor, hints)[1]
            return value if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
    return None


#: The hour of a clock phrase and the half of the day it is in: 10:35 a.m., 4 in the morning.
_CLOCK_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d\d))?\s*"
    r"(?:(?P<half>a|p)\.?m|(?:o'clock\s+)?in\s+the\s+(?P<part>morning|afternoon|evening))"
)


_AFTER_NOON = {"p", "afternoon", "evening"}


def _day_in_view(anchor: Anchor, hints: Hints) -> str | None:
    """The day a bare clock time falls on: the day the narrative has reached, else the
    publication day ("was shot on Oct. 23 ... at 10 p.m.")."""
    found = cal.point(hints.reference) if hints.reference else None
    if found and found[1] == "D":
        return cal.day(found[0])
    return cal.day(anchor) if anchor else None


def clock(m: Match, anchor: Anchor, hints: Hints) -> Result:
    day_text = m.group("after") or m.group("before")
    day = normalise_day(day_text, anchor, hints) if day_text else _day_in_view(anchor, hints)
    time_text = m.group().lower()
    found = _CLOCK_TIME.search(time_text)
    if found:
        hour, minute = int(found.group("hour")) % 12, int(found.group("minute") or 0)
        hour += 12 if (found.group("half") or found.group("part")) in _AFTER_NOON else 0
    else:
        hour, minute = (0, 0) if "midnight" in time_text else (12, 0)
    if hour > 23 or minute > 59 or day is None:
        return "TIME", None
    return "TIME", f"{day}T{hour:02d}:{minute:02d}"


def part_of_day(m: Match, anchor: Anchor, hints: Hints) -> Result:
    part = lexicon().parts_of_day[key(m.group("part") or m.group("part2"))]
    day_text = m.group("day") or m.group("day2") or "today"
    if anchor is None:
        return "TIME", None
    if key(day_text).endswith("this"):
        day: str | None = cal.day(anchor)
    elif key(day_text) == "last":
        day = cal.day(anchor - dt.timedelta(days=1))
    else:
        day = normalise_day(re.sub(r"^(?i:early|late)\s+", "", day_text), anchor, hints)
    return "TIME", f"{day}T{part}" if day else None


def weekday(m: Match, anchor: Anchor, hints: Hints) -> Result:
    if m.group("date"):
        return "DATE", _on_weekday(m.group("date"), m.group("wd"), anchor, hints)
    if anchor is None:
        return "DATE", None
    number = lexicon().weekdays[key(m.group("wd"))]
    direction = rel_direction(m.group("rel"))
    if key(m.group("rel") or "") == "this":
        mode: cal.Direction = "this_week"
    elif direction:
        mode = "past" if direction < 0 else "future"
    else:
        mode = "future_or_same" if hints.tense == "future" else "past_or_same"
    return "DATE", cal.day(cal.weekday_date(anchor, number, mode))


def month_day(m: Match, anchor: Anchor, hints: Hints) -> Result:
    month = lexicon().months[key(m.group("m1") or m.group("m2"))]
    day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group())  # type: ignore[union-attr]
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif anchor is None:
        year = None
    else:
        ordinal = day_of_year(month, day)
        year = year_for(anchor, m.group("rel"), hints, ordinal, ordinal)
    date = cal.safe_date(year, month, day) if year is not None else None
    return "DATE", cal.day(date) if date else None


def _on_weekday(month_day_text: str, weekday_name: str, anchor: Anchor, hints: Hints) -> str | None:
    """`Saturday, April 25`: the year near the anchor in which April 25 is a Saturday."""
    value = normalise_day(month_day_text, anchor, hints)
    if value is None or anchor is None or re.search(r"\d{4}\s*$", month_day_text):
        return value
    wanted = lexicon().weekdays[key(weekday_name)]
    date = dt.date.fromisoformat(value)
    for year in (date.year, date.year + 1, date.year - 1):
        candidate = cal.safe_date(year, date.month, date.day)
        if candidate and candidate.isoweekday() == wanted:
            return cal.day(candidate)
    return value


def month(m: Match, anchor: Anchor, hints: Hints) -> Result:
    number = lexicon().months[key(m.group("month"))]
    written = stated_year(m)
    if written is not None:
        return "DATE", cal.month(written, number)
    if anchor is None:
        return "DATE", None
    if m.group("rel_year"):
        return "DATE", cal.month(anchor.year + rel_direction(m.group("rel_year")), number)
    first = day_of_year(number)
    year = year_for(anchor, m.group("rel"), hints, first, first + 27)
    return "DATE", cal.month(year, number)


def year(m: Match, anchor: Anchor, hints: Hints) -> Result:
    if m.group("year"):
        return "DATE", f"{int(m.group('year')):04d}"
    return "DATE", f"{year_in_words(m.group('words')):04d}"


def holiday(m: Match, anchor: Anchor, hints: Hints) -> Result:
    rule = lexicon().holidays[key(m.group("name"))]

    def date_in(year: int) -> dt.date:
        if rule.day is not None:
            start = dt.date(year, rule.month, rule.day)
        else:
            start = cal.nth_weekday(year, rule.month, rule.nth or 1, rule.weekday or 1)
        return start + dt.timedelta(days=rule.offset)

    if m.group("year"):
        return "DATE", cal.day(date_in(int(m.group("year"))))
    if anchor is None:
        return "DATE", None
    ordinal = date_in(anchor.year).timetuple().tm_yday
    return "DATE", cal.day(date_in(year_for(anchor, m.group("rel"), hints, ordinal, ordinal)))


def words(m: Match, anchor: Anchor, hints: Hints) -> Result:
    word = lexicon().words[key(m.group("word"))]
    shifted = re.fullmatch(r"DAY([+-]\d+)(?::(\w+))?", word.value)
    if not shifted:
        return word.type, word.value
    if anchor is None:
        return word.type, None
    date = cal.day(anchor + dt.timedelta(days=int(shifted.group(1))))
    return word.type, f"{date}T{shifted.group(2)}" if shifted.group(2) else date


def week_of(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`the week of March 6`: the ISO week that holds the day."""
    value = normalise_day(m.group("date"), anchor, hints)
    return "DATE", cal.week(dt.date.fromisoformat(value)) if value else None


_DAY_HANDLERS = {"weekday": weekday, "month_day": month_day, "words": words}
