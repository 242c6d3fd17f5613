"""Handlers for stretches of time: quarters, seasons, decades, relative periods,
durations and sets (pure, like the day handlers)."""

from __future__ import annotations

import datetime as dt

from newsdesk.dates import calendar as cal
from newsdesk.dates.context import (
    ENDING,
    Anchor,
    Hints,
    Match,
    Result,
    day_of_year,
    parse_count,
    parse_unit,
    rel_direction,
    stated_year,
    year_for,
)
from newsdesk.dates.lexicon import key, lexicon
from newsdesk.dates.patterns import ORDINALS


def season(m: Match, anchor: Anchor, hints: Hints) -> Result:
    code, first_month = lexicon().seasons[key(m.group("season"))]
    written = stated_year(m)
    if written is not None:
        return "DATE", f"{written:04d}-{code}"
    if key(m.group("rel") or "") in ("", "the") and key(m.group("season")) == "fall":
        return "DATE", None
    if anchor is None:
        return "DATE", None
    first = day_of_year(first_month)
    year = year_for(anchor, m.group("rel"), hints, first, first + 90)
    return "DATE", f"{year:04d}-{code}"


def decade(m: Match, anchor: Anchor, hints: Hints) -> Result:
    digits = m.group("decade").lstrip("'")
    if len(digits) == 2:
        century = 19 if int(digits) >= 30 or anchor is None else anchor.year // 100
        digits = f"{century}{digits}"
    return "DATE", digits[:3]


def century(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`the 20th century` is the 1900s, written as its first two digits (19)."""
    ordinal = key(m.group("ord"))
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else lexicon().ordinals[ordinal]
    return "DATE", f"{number - 1:02d}" if 1 <= number <= 21 else None


def word_decade(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`the nineties`: news means the decade of the 1900s."""
    return "DATE", f"19{lexicon().decades[key(m.group('word'))]}"


def _latest_year_of(anchor: dt.date, number: int, per_year: int, hints: Hints) -> int:
    """The year of the latest period numbered `number` (quarters: per_year = 4) that has
    begun by the anchor, or of the coming one when it lies more than one period ahead and
    the sentence does not look back: "the fourth quarter" in January is the one just
    reported, "the third quarter" in May the one to come."""
    current = (anchor.month - 1) * per_year // 12 + 1
    if number <= current or hints.tense == "future":
        return anchor.year
    if hints.tense == "past" or current + per_year - number == 1:
        return anchor.year - 1
    return anchor.year


def _anchored_half(m: Match, year_text: str | None) -> bool:
    """A half with its year or fiscal word: a half-year in any article."""
    return bool(year_text or m.group("rel_year") or m.group("ago")) or "fiscal" in key(m.group())


def quarter(m: Match, anchor: Anchor, hints: Hints) -> Result:
    number = ORDINALS.get(key(m.group("ord")), 2)
    prefix = "H" if key(m.group("unit")) == "half" else "Q"
    if prefix == "H" and number > 2:
        return "DATE", None
    year_text = m.group("yr2") or (m.group("yr") if not m.group("rel_year") else None)
    if prefix == "H" and not _anchored_half(m, year_text) and not hints.results:
        return "DATE", None  # half of a match, not of a year
    if year_text and year_text[0].isdigit():
        year: int | None = int(year_text)
    elif anchor is None:
        year = None
    elif m.group("rel_year") or m.group("ago"):
        year = anchor.year + rel_direction(m.group("rel_year")) - bool(m.group("ago"))
    else:
        year = _latest_year_of(anchor, number, 4 if prefix == "Q" else 2, hints)
    return "DATE", f"{year:04d}-{prefix}{number}" if year is not None else None


def quarter_code(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`Q3 2021`, `Q1 '22`, `H1 2022` (a bare H1 is too often something else)."""
    prefix, number = ("H", m.group("h")) if m.group("h") else ("Q", m.group("q"))
    written = m.group("yr") or m.group("hyr")
    short = m.group("yy") or m.group("hyy")
    if written:
        year: int | None = int(written)
    elif short:
        year = 2000 + int(short)
    else:
        year = anchor.year if anchor else None
    return "DATE", f"{year:04d}-{prefix}{number}" if year is not None else None


def fiscal_code(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`FY2022`, `FY 22`: the fiscal year is named by the calendar year it ends in."""
    if m.group("yr"):
        return "DATE", m.group("yr")
    short = int(m.group("yy"))
    return "DATE", f"{(2000 if short < 50 else 1900) + short:04d}"


#: `the quarter` and its kin name the quarter the report is about.
_REPORTED = {"the", "the latest", "the just-ended", "the just ended", "the recent"}


def this_quarter(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`the quarter` in business news is the one the report is about (the reported
    quarter, see `Discourse`), else the last completed one; `the year-ago quarter` is
    that one a year before."""
    if anchor is None:
        return "DATE", None
    rel = key(m.group("rel"))
    reported = hints.reported_quarter or cal.shift(anchor, "Q", -1)
    if m.group("year"):
        return "DATE", f"{m.group('year')}{reported[4:]}" if reported else None
    if rel in _REPORTED:
        return "DATE", reported
    if rel in ("the year-ago", "the year-earlier"):
        return "DATE", _quarter_before(reported, 4)
    if rel in ("this", "the current"):
        delta = 0
    elif rel in ("next", "the next", "the coming"):
        delta = 1
    elif rel in ("the year-ago", "the year-earlier"):
        delta = -5
    else:
        delta = -1
    return "DATE", cal.shift(anchor, "Q", delta)


def relative(m: Match, anchor: Anchor, hints: Hints) -> Result:
    unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}.get(
        key(m.group("unit")), "CE"
    )
    rel = key(m.group("rel"))
    if unit == "Y" and rel in ("the", "the fiscal") and hints.next_word in ENDING:
        return "DURATION", "P1Y"
    if anchor is None:
        return "DATE", None
    if rel == "the" and unit == "WE":
        direction = 1 if hints.tense == "future" else -1 if anchor.isoweekday() < 6 else 0
        return "DATE", cal.shift(anchor, "WE", direction)
    if rel in ("the", "the full", "the fiscal", "the calendar"):
        return "DATE", cal.shift(anchor, unit, 0)
    return "DATE", cal.shift(anchor, unit, rel_direction(rel))


def _quarter_before(value: str | None, quarters: int) -> str | None:
    if value is None:
        return None
    year, number = cal.shift_quarters(int(value[:4]), int(value[-1]), -quarters)
    return f"{year:04d}-Q{number}"


def _year_back(anchor: dt.date, hints: Hints) -> str | None:
    if hints.quarterly:
        return _quarter_before(hints.reported_quarter or cal.shift(anchor, "Q", -1), 4)
    return f"{anchor.year - 1:04d}"


def ago(m: Match, anchor: Anchor, hints: Hints) -> Result:
    amount = parse_count(m.group("num"))
    unit, clock_unit = parse_unit(m.group("unit"))
    sign = 1 if key(m.group("dir")) in ("from now", "hence") else -1
    if key(m.group("dir")) == "earlier" and unit != "Y":
        return "DURATION", cal.duration(amount, unit, clock_unit)
    if amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if anchor is None:
        return "DATE", None
    if clock_unit or not amount.is_integer():
        return "DATE", cal.day(anchor)
    if (unit, amount, sign) == ("Y", 1, -1):
        return "DATE", _year_back(anchor, hints)
    return "DATE", cal.shift(anchor, unit, sign * int(amount))


def year_ago(m: Match, anchor: Anchor, hints: Hints) -> Result:
    return "DATE", _year_back(anchor, hints) if anchor else None


def _not_a_count(number: str, unit: str) -> bool:
    """`a second` is an ordinal and `a quarter` a fraction far more often than a duration."""
    return key(number) in ("a", "an") and unit in ("S", "Q")


def duration(m: Match, anchor: Anchor, hints: Hints) -> Result:
    unit, clock_unit = parse_unit(m.group("unit"))
    if _not_a_count(m.group("num"), unit):
        return "DURATION", None
    if unit == "Q" and "-" in m.group():
        return "DURATION", None  # "three-quarters" is a fraction
    amount = parse_count(m.group("num"))
    if amount is not None and m.group("half"):
        amount += 0.5
    return "DURATION", cal.duration(amount, unit, clock_unit)


def vague_duration(m: Match, anchor: Anchor, hints: Hints) -> Result:
    rel = key(m.group("rel"))
    if rel == "recent":
        return "DATE", "PAST_REF"
    if rel == "coming" or (rel == "the coming" and not m.group("ahead")):
        return "DATE", "FUTURE_REF"
    unit, clock_unit = parse_unit(m.group("unit"))
    return "DURATION", cal.duration(None, unit, clock_unit)


def plural_units(m: Match, anchor: Anchor, hints: Hints) -> Result:
    unit, clock_unit = parse_unit(m.group("unit"))
    return "DURATION", cal.duration(None, unit, clock_unit)


def set_(m: Match, anchor: Anchor, hints: Hints) -> Result:
    if m.group("month"):
        return "SET", f"XXXX-{lexicon().months[key(m.group('month'))]:02d}"
    if m.group("season"):
        return "SET", f"XXXX-{lexicon().seasons[key(m.group('season'))][0]}"
    weekday = m.group("wd") or m.group("wds")
    if weekday:
        part = m.group("part") or m.group("parts")
        code = lexicon().parts_of_day[key(part)] if part else ""
        return "SET", f"XXXX-WXX-{lexicon().weekdays[key(weekday)]}{'T' + code if code else ''}"
    unit, clock_unit = parse_unit(m.group("unit") or m.group("unit2"))
    if unit == "S" and not m.group("num"):
        return "SET", None
    amount = parse_count(m.group("num")) if m.group("num") else 1.0
    return "SET", cal.duration(amount, unit, clock_unit)


def per_unit(m: Match, anchor: Anchor, hints: Hints) -> Result:
    unit, clock_unit = parse_unit(m.group("unit"))
    if unit in ("S", "Q"):
        return "SET", None
    return "SET", cal.duration(1, unit, clock_unit)
