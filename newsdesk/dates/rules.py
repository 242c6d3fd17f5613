"""One handler per grammar rule: a regex match and the anchor date -> (type, value).

Handlers are pure. A relative expression gets the value None when there is no
anchor; an absolute one resolves regardless. `tense` ("past", "future" or None)
is a hint from the sentence: a bare `Thursday` in "will meet Thursday" lies
ahead, in "met Thursday" behind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from newsdesk.dates import calendar as cal
from newsdesk.dates.lexicon import key, lexicon
from newsdesk.dates.patterns import ORDINALS, compiled

Tense = Literal["past", "future"]
Result = tuple[str, str | None]
Handler = Callable[[re.Match[str], dt.date | None, Tense | None], Result]


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
    word = key(text)
    units = lexicon().units
    for form in (word, word[:-1], word[:-3] + "y"):
        if form in units:
            return units[form].code, units[form].clock
    raise ValueError(f"not a time unit: {text!r}")


def _month(text: str) -> int:
    return lexicon().months[key(text)]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _year(text: str) -> int:
    return int(text)


def _direction(rel: str | None, tense: Tense | None) -> int:
    """-1 for a past reading, +1 for a future one, 0 for the current period."""
    rel = key(rel or "")
    if rel in ("last", "the past", "the last", "the previous", "this past", "past"):
        return -1
    if rel in ("next", "the next", "the coming", "coming", "this coming", "the following"):
        return 1
    return 0


def _resolve_month_day(month: int, day: int, year: int | None, anchor, tense) -> str | None:
    if year is not None:
        date = cal.safe_date(year, month, day)
        return cal.day(date) if date else None
    if anchor is None:
        return None
    date = cal.safe_date(anchor.year, month, day)
    if date is None:
        return None
    if tense == "past" and date > anchor + dt.timedelta(days=31):
        date = cal.safe_date(anchor.year - 1, month, day) or date
    elif tense == "future" and date < anchor - dt.timedelta(days=31):
        date = cal.safe_date(anchor.year + 1, month, day) or date
    return cal.day(date)


def iso(m, anchor, tense) -> Result:
    text = m.group()
    if "T" in text:
        return "TIME", text[:16]
    return ("DATE", text) if cal.safe_date(*map(int, text.split("-"))) else ("DATE", None)


def numeric(m, anchor, tense) -> Result:
    month, day, year = (int(part) for part in m.group().split("/"))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    date = cal.safe_date(year, month, day)
    return "DATE", cal.day(date) if date else None


def _day_of(text: str, anchor, tense) -> dt.date | None:
    """The calendar day a day word (`Wednesday`, `yesterday`, `March 3`) names."""
    value = normalise_day(text, anchor, tense)
    return dt.date.fromisoformat(value) if value else None


def normalise_day(text: str, anchor, tense) -> str | None:
    for name in ("weekday", "month_day", "words"):
        found = compiled()[name].fullmatch(text.strip())
        if found:
            value = HANDLERS[name](found, anchor, tense)[1]
            return value if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value) else None
    return None


def clock(m, anchor, tense) -> Result:
    day_text = m.group("after") or m.group("before")
    time_text = m.group().lower()
    date = _day_of(day_text, anchor, tense) if day_text else anchor
    found = re.search(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])", time_text)
    if found:
        hour, minute = int(found.group(1)) % 12, int(found.group(2) or 0)
        hour += 12 if found.group(3) == "p" else 0
    else:
        hour, minute = (12, 0) if "noon" in time_text else (0, 0)
    if hour > 23 or minute > 59 or date is None:
        return "TIME", None
    return "TIME", f"{cal.day(date)}T{hour:02d}:{minute:02d}"


def part_of_day(m, anchor, tense) -> Result:
    part = lexicon().parts_of_day[key(m.group("part"))]
    day_text = m.group("day")
    if anchor is None:
        return "TIME", None
    if key(day_text).endswith("this"):
        date: dt.date | None = anchor
    elif key(day_text) == "last":
        date = anchor - dt.timedelta(days=1)
    else:
        date = _day_of(re.sub(r"^(?i:early|late)\s+", "", day_text), anchor, tense)
    return "TIME", f"{cal.day(date)}T{part}" if date else None


def weekday(m, anchor, tense) -> Result:
    if m.group("date"):
        return "DATE", normalise_day(m.group("date"), anchor, tense)
    if anchor is None:
        return "DATE", None
    number = lexicon().weekdays[key(m.group("wd"))]
    direction = _direction(m.group("rel"), tense)
    if key(m.group("rel") or "") == "this":
        mode: cal.Direction = "this_week"
    elif direction < 0:
        mode = "past"
    elif direction > 0:
        mode = "future"
    else:
        mode = "future_or_same" if tense == "future" else "past_or_same"
    return "DATE", cal.day(cal.weekday_date(anchor, number, mode))


def month_day(m, anchor, tense) -> Result:
    month = _month(m.group("m1") or m.group("m2"))
    day = _day(m.group("d1") or m.group("d2"))
    year = _year(m.group("year")) if m.group("year") else None
    return "DATE", _resolve_month_day(month, day, year, anchor, tense)


def month(m, anchor, tense) -> Result:
    number = _month(m.group("month"))
    if m.group("year"):
        return "DATE", cal.month(_year(m.group("year")), number)
    if anchor is None:
        return "DATE", None
    direction = _direction(m.group("rel"), tense)
    year = anchor.year
    if direction < 0 or (direction == 0 and tense == "past"):
        year -= number > anchor.month or (direction < 0 and number == anchor.month)
    elif direction > 0 or tense == "future":
        year += number < anchor.month or (direction > 0 and number == anchor.month)
    return "DATE", cal.month(year, number)


def season(m, anchor, tense) -> Result:
    code, first_month = lexicon().seasons[key(m.group("season"))]
    if m.group("year"):
        return "DATE", f"{_year(m.group('year')):04d}-{code}"
    if key(m.group("rel") or "") in ("", "the") and m.group("season").lower() == "fall":
        return "DATE", None
    if anchor is None:
        return "DATE", None
    start = dt.date(anchor.year, first_month, 1)
    direction = _direction(m.group("rel"), tense)
    year = anchor.year
    if direction < 0 and start + dt.timedelta(days=91) > anchor:
        year -= 1
    elif direction > 0 and start <= anchor:
        year += 1
    return "DATE", f"{year:04d}-{code}"


def decade(m, anchor, tense) -> Result:
    digits = m.group("decade").lstrip("'")
    if len(digits) == 2:
        century = 19 if int(digits) >= 30 or anchor is None else anchor.year // 100
        digits = f"{century}{digits}"
    return "DATE", digits[:3]


def quarter(m, anchor, tense) -> Result:
    number = ORDINALS[key(m.group("ord"))]
    prefix = "H" if key(m.group("unit")) == "half" else "Q"
    if prefix == "H" and number > 2:
        return "DATE", None
    year_text = m.group("yr2") or (m.group("yr") if not m.group("rel_year") else None)
    if year_text and year_text[0].isdigit():
        year: int | None = _year(year_text)
    elif anchor is None:
        year = None
    else:
        year = anchor.year + _direction(m.group("rel_year"), None)
        if m.group("ago"):
            year -= 1
    return "DATE", f"{year:04d}-{prefix}{number}" if year is not None else None


def quarter_code(m, anchor, tense) -> Result:
    number = int(m.group("q"))
    if m.group("yr"):
        year: int | None = _year(m.group("yr"))
    elif m.group("yy"):
        year = 2000 + int(m.group("yy"))
    else:
        year = anchor.year if anchor else None
    return "DATE", f"{year:04d}-Q{number}" if year is not None else None


def this_quarter(m, anchor, tense) -> Result:
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


def year(m, anchor, tense) -> Result:
    return "DATE", f"{_year(m.group('year')):04d}"


def relative(m, anchor, tense) -> Result:
    unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE"}.get(
        key(m.group("unit")), "CE"
    )
    rel = key(m.group("rel"))
    if rel in ("the past", "the last", "the next", "the coming", "the following") and unit in (
        "W",
        "M",
        "DE",
        "CE",
    ):
        return "DURATION", cal.duration(1, unit, clock=False)
    if anchor is None:
        return "DATE", None
    if rel == "the" and unit == "WE":
        direction = 1 if tense == "future" else -1 if anchor.isoweekday() < 6 else 0
        return "DATE", cal.shift(anchor, "WE", direction)
    return "DATE", cal.shift(anchor, unit, _direction(rel, tense))


def ago(m, anchor, tense) -> Result:
    amount = _number(m.group("num"))
    unit, clock_unit = _unit(m.group("unit"))
    sign = 1 if key(m.group("dir")) in ("later", "from now", "hence") else -1
    if anchor is None:
        return "DATE", None
    if amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if clock_unit or not amount.is_integer():
        return "DATE", cal.day(anchor)
    return "DATE", cal.shift(anchor, unit, sign * int(amount))


def duration(m, anchor, tense) -> Result:
    unit, clock_unit = _unit(m.group("unit"))
    return "DURATION", cal.duration(_number(m.group("num")), unit, clock_unit)


def vague_duration(m, anchor, tense) -> Result:
    rel = key(m.group("rel"))
    if rel == "recent":
        return "DATE", "PAST_REF"
    if rel == "coming" or (rel == "the coming" and not m.group("ahead")):
        return "DATE", "FUTURE_REF"
    unit, clock_unit = _unit(m.group("unit"))
    return "DURATION", cal.duration(None, unit, clock_unit)


def plural_units(m, anchor, tense) -> Result:
    unit, clock_unit = _unit(m.group("unit"))
    return "DURATION", cal.duration(None, unit, clock_unit)


def set_(m, anchor, tense) -> Result:
    if m.group("wd"):
        return "SET", f"XXXX-WXX-{lexicon().weekdays[key(m.group('wd'))]}"
    unit, clock_unit = _unit(m.group("unit") or m.group("unit2"))
    amount = _number(m.group("num")) if m.group("num") else 1.0
    return "SET", cal.duration(amount, unit, clock_unit)


def words(m, anchor, tense) -> Result:
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
    "words": words,
}
