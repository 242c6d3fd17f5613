"""One handler per grammar rule: a regex match and the anchor date -> (type, value).

Handlers are pure. A relative expression gets the value None when there is no
anchor; an absolute one resolves regardless. `Hints` carry what the sentence
says: a bare `Thursday` in "will meet Thursday" lies ahead, in "met Thursday"
behind; without a hint a bare date is the occurrence nearest the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from newsdesk.dates import calendar as cal
from newsdesk.dates.lexicon import key, lexicon
from newsdesk.dates.patterns import ORDINALS, compiled

Tense = Literal["past", "future"]
Result = tuple[str, str | None]


@dataclass(frozen=True)
class Hints:
    """What the sentence around an expression tells about it.

    `tense`: "past" or "future" when the governing verb says so. `quarterly`: the
    text speaks of quarters, so "a year earlier" means the same quarter a year
    before (earnings reports compare quarter with quarter). `next_word`: the word after
    the expression, lower case ("the year ended June 30" is a span of time, a duration).
    """

    tense: Tense | None = None
    quarterly: bool = False
    next_word: str = ""


NO_HINTS = Hints()
Handler = Callable[[re.Match[str], dt.date | None, Hints], Result]
_ENDING = {"ended", "ending", "ends", "to", "through"}
_PAST_RELS = {"last", "the past", "the last", "the previous", "this past", "past"}
_FUTURE_RELS = {"next", "the next", "the coming", "coming", "this coming", "the following"}


def _number(text: str) -> float | None:
    """A count written in digits or words; None for a vague one (`several`)."""
    text = key(text)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+\s+1/2", text):
        return float(text.split()[0]) + 0.5
    numbers = lexicon().numbers
    if text in numbers:
        value = numbers[text]
        return None if value is None else float(value)
    parts = re.split(r"[-\s]", text)
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return float((numbers[parts[0]] or 0) + (numbers[parts[1]] or 0))
    return None


def _unit(text: str) -> tuple[str, bool]:
    """TIMEX3 unit code and whether it is a clock unit (`hours` -> ("H", True))."""
    word = key(text)
    units = lexicon().units
    for form in (word, word[:-1], word[:-3] + "y"):
        if form in units:
            return units[form].code, units[form].clock
    raise ValueError(f"not a time unit: {text!r}")


def _direction(rel: str | None) -> int:
    """-1 for a past reading, +1 for a future one, 0 for the current period."""
    rel = key(rel or "")
    return -1 if rel in _PAST_RELS else 1 if rel in _FUTURE_RELS else 0


def _day_of_year(month: int, day: int = 1) -> int:
    return dt.date(2001, month, min(day, 28 if month == 2 else day)).timetuple().tm_yday


def _year_for(anchor: dt.date, rel: str | None, hints: Hints, first: int, last: int) -> int:
    """The year of a recurring period (days `first`..`last` of the year) from the anchor."""
    rel = key(rel or "")
    today = anchor.timetuple().tm_yday
    if rel == "this":
        return anchor.year
    if _direction(rel) < 0:
        return anchor.year if last < today else anchor.year - 1
    if _direction(rel) > 0:
        return anchor.year if first > today else anchor.year + 1
    return cal.nearest_year(anchor, first, last, hints.tense)


def iso(m, anchor, hints) -> Result:
    text = m.group()
    if "T" in text:
        return "TIME", text[:16]
    return ("DATE", text) if cal.safe_date(*map(int, text.split("-"))) else ("DATE", None)


def numeric(m, anchor, hints) -> Result:
    month, day, year = (int(part) for part in m.group().split("/"))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    date = cal.safe_date(year, month, day)
    return "DATE", cal.day(date) if date else None


def normalise_day(text: str, anchor, hints) -> str | None:
    """The calendar day a day phrase (`Wednesday`, `yesterday`, `March 3`) names."""
    for name in ("weekday", "month_day", "words"):
        found = compiled()[name].fullmatch(text.strip())
        if found:
            value = HANDLERS[name](found, anchor, hints)[1]
            return value if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
    return None


def clock(m, anchor, hints) -> Result:
    day_text = m.group("after") or m.group("before")
    day = normalise_day(day_text, anchor, hints) if day_text else anchor and cal.day(anchor)
    time_text = m.group().lower()
    found = re.search(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])", time_text)
    if found:
        hour, minute = int(found.group(1)) % 12, int(found.group(2) or 0)
        hour += 12 if found.group(3) == "p" else 0
    else:
        hour, minute = (0, 0) if "midnight" in time_text else (12, 0)
    if hour > 23 or minute > 59 or day is None:
        return "TIME", None
    return "TIME", f"{day}T{hour:02d}:{minute:02d}"


def part_of_day(m, anchor, hints) -> Result:
    part = lexicon().parts_of_day[key(m.group("part"))]
    day_text = m.group("day")
    if anchor is None:
        return "TIME", None
    if key(day_text).endswith("this"):
        day: str | None = cal.day(anchor)
    elif key(day_text) == "last":
        day = cal.day(anchor - dt.timedelta(days=1))
    else:
        day = normalise_day(re.sub(r"^(?i:early|late)\s+", "", day_text), anchor, hints)
    return "TIME", f"{day}T{part}" if day else None


def weekday(m, anchor, hints) -> Result:
    if m.group("date"):
        return "DATE", _on_weekday(m.group("date"), m.group("wd"), anchor, hints)
    if anchor is None:
        return "DATE", None
    number = lexicon().weekdays[key(m.group("wd"))]
    direction = _direction(m.group("rel"))
    if key(m.group("rel") or "") == "this":
        mode: cal.Direction = "this_week"
    elif direction:
        mode = "past" if direction < 0 else "future"
    else:
        mode = "future_or_same" if hints.tense == "future" else "past_or_same"
    return "DATE", cal.day(cal.weekday_date(anchor, number, mode))


def month_day(m, anchor, hints) -> Result:
    month = lexicon().months[key(m.group("m1") or m.group("m2"))]
    day = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group())  # type: ignore[union-attr]
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif anchor is None:
        year = None
    else:
        ordinal = _day_of_year(month, day)
        year = _year_for(anchor, m.group("rel"), hints, ordinal, ordinal)
    date = cal.safe_date(year, month, day) if year is not None else None
    return "DATE", cal.day(date) if date else None


def _on_weekday(month_day_text: str, weekday_name: str, anchor, hints) -> str | None:
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


def month(m, anchor, hints) -> Result:
    number = lexicon().months[key(m.group("month"))]
    if m.group("year"):
        return "DATE", cal.month(int(m.group("year")), number)
    if anchor is None:
        return "DATE", None
    if m.group("rel_year"):
        return "DATE", cal.month(anchor.year + _direction(m.group("rel_year")), number)
    first = _day_of_year(number)
    year = _year_for(anchor, m.group("rel"), hints, first, first + 27)
    return "DATE", cal.month(year, number)


def season(m, anchor, hints) -> Result:
    code, first_month = lexicon().seasons[key(m.group("season"))]
    if m.group("year"):
        return "DATE", f"{int(m.group('year')):04d}-{code}"
    if key(m.group("rel") or "") in ("", "the") and key(m.group("season")) == "fall":
        return "DATE", None
    if anchor is None:
        return "DATE", None
    first = _day_of_year(first_month)
    year = _year_for(anchor, m.group("rel"), hints, first, first + 90)
    return "DATE", f"{year:04d}-{code}"


def decade(m, anchor, hints) -> Result:
    digits = m.group("decade").lstrip("'")
    if len(digits) == 2:
        century = 19 if int(digits) >= 30 or anchor is None else anchor.year // 100
        digits = f"{century}{digits}"
    return "DATE", digits[:3]


def quarter(m, anchor, hints) -> Result:
    number = ORDINALS[key(m.group("ord"))]
    prefix = "H" if key(m.group("unit")) == "half" else "Q"
    if prefix == "H" and number > 2:
        return "DATE", None
    year_text = m.group("yr2") or (m.group("yr") if not m.group("rel_year") else None)
    if year_text and year_text[0].isdigit():
        year: int | None = int(year_text)
    elif anchor is None:
        year = None
    else:
        year = anchor.year + _direction(m.group("rel_year")) - bool(m.group("ago"))
    return "DATE", f"{year:04d}-{prefix}{number}" if year is not None else None


def quarter_code(m, anchor, hints) -> Result:
    number = int(m.group("q"))
    if m.group("yr"):
        year: int | None = int(m.group("yr"))
    elif m.group("yy"):
        year = 2000 + int(m.group("yy"))
    else:
        year = anchor.year if anchor else None
    return "DATE", f"{year:04d}-Q{number}" if year is not None else None


def this_quarter(m, anchor, hints) -> Result:
    """`the quarter` in business news is the one just reported: the last completed one."""
    if anchor is None:
        return "DATE", None
    rel = key(m.group("rel"))
    if rel in ("this", "the current"):
        delta = 0
    elif rel in ("next", "the next", "the coming"):
        delta = 1
    elif rel in ("the year-ago", "the year-earlier"):
        delta = -5
    else:
        delta = -1
    return "DATE", cal.shift(anchor, "Q", delta)


def year(m, anchor, hints) -> Result:
    if m.group("year"):
        return "DATE", f"{int(m.group('year')):04d}"
    words = re.split(r"[-\s]+", key(m.group("words")))
    numbers = lexicon().numbers
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return "DATE", f"{2000 + sum(numbers.get(w) or 0 for w in rest):04d}"
    century = numbers[words[0]] or 0
    return "DATE", f"{century * 100 + sum(numbers.get(w) or 0 for w in words[1:]):04d}"


def relative(m, anchor, hints) -> Result:
    unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}.get(
        key(m.group("unit")), "CE"
    )
    rel = key(m.group("rel"))
    if unit == "Y" and rel in ("the", "the fiscal") and hints.next_word in _ENDING:
        return "DURATION", "P1Y"
    if anchor is None:
        return "DATE", None
    if rel == "the" and unit == "WE":
        direction = 1 if hints.tense == "future" else -1 if anchor.isoweekday() < 6 else 0
        return "DATE", cal.shift(anchor, "WE", direction)
    if rel in ("the", "the full", "the fiscal", "the calendar"):
        return "DATE", cal.shift(anchor, unit, 0)
    return "DATE", cal.shift(anchor, unit, _direction(rel))


def _year_back(anchor: dt.date, hints: Hints) -> str:
    if hints.quarterly:
        year, number = cal.shift_quarters(anchor.year, cal.quarter_of(anchor), -5)
        return f"{year:04d}-Q{number}"
    return f"{anchor.year - 1:04d}"


def ago(m, anchor, hints) -> Result:
    amount = _number(m.group("num"))
    unit, clock_unit = _unit(m.group("unit"))
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


def year_ago(m, anchor, hints) -> Result:
    return "DATE", _year_back(anchor, hints) if anchor else None


def _not_a_count(number: str, unit: str) -> bool:
    """`a second` is an ordinal and `a quarter` a fraction far more often than a duration."""
    return key(number) in ("a", "an") and unit in ("S", "Q")


def duration(m, anchor, hints) -> Result:
    unit, clock_unit = _unit(m.group("unit"))
    if _not_a_count(m.group("num"), unit):
        return "DURATION", None
    if unit == "Q" and "-" in m.group():
        return "DURATION", None  # "three-quarters" is a fraction
    return "DURATION", cal.duration(_number(m.group("num")), unit, clock_unit)


def vague_duration(m, anchor, hints) -> Result:
    rel = key(m.group("rel"))
    if rel == "recent":
        return "DATE", "PAST_REF"
    if rel == "coming" or (rel == "the coming" and not m.group("ahead")):
        return "DATE", "FUTURE_REF"
    unit, clock_unit = _unit(m.group("unit"))
    return "DURATION", cal.duration(None, unit, clock_unit)


def plural_units(m, anchor, hints) -> Result:
    unit, clock_unit = _unit(m.group("unit"))
    return "DURATION", cal.duration(None, unit, clock_unit)


def set_(m, anchor, hints) -> Result:
    if m.group("wd"):
        return "SET", f"XXXX-WXX-{lexicon().weekdays[key(m.group('wd'))]}"
    unit, clock_unit = _unit(m.group("unit") or m.group("unit2"))
    if unit == "S" and not m.group("num"):
        return "SET", None
    amount = _number(m.group("num")) if m.group("num") else 1.0
    return "SET", cal.duration(amount, unit, clock_unit)


def per_unit(m, anchor, hints) -> Result:
    unit, clock_unit = _unit(m.group("unit"))
    if unit in ("S", "Q"):
        return "SET", None
    return "SET", cal.duration(1, unit, clock_unit)


def holiday(m, anchor, hints) -> Result:
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
    return "DATE", cal.day(date_in(_year_for(anchor, m.group("rel"), hints, ordinal, ordinal)))


def words(m, anchor, hints) -> Result:
    word = lexicon().words[key(m.group("word"))]
    shifted = re.fullmatch(r"DAY([+-]\d+)(?::(\w+))?", word.value)
    if not shifted:
        return word.type, word.value
    if anchor is None:
        return word.type, None
    date = cal.day(anchor + dt.timedelta(days=int(shifted.group(1))))
    return word.type, f"{date}T{shifted.group(2)}" if shifted.group(2) else date


HANDLERS: dict[str, Handler] = {
    "iso": iso,
    "numeric": numeric,
    "clock": clock,
    "part_of_day": part_of_day,
    "weekday": weekday,
    "month_day": month_day,
    "month": month,
    "season": season,
    "decade": decade,
    "quarter": quarter,
    "quarter_code": quarter_code,
    "this_quarter": this_quarter,
    "year": year,
    "relative": relative,
    "ago": ago,
    "duration": duration,
    "vague_duration": vague_duration,
    "plural_units": plural_units,
    "set": set_,
    "per_unit": per_unit,
    "holiday": holiday,
    "year_ago": year_ago,
    "words": words,
}
