"""What handlers share: sentence hints, count words, units, and which year a date is in."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from newsdesk.dates import calendar as cal
from newsdesk.dates.lexicon import key, lexicon

Tense = Literal["past", "future"]
Result = tuple[str, str | None]
Match = re.Match[str]
Anchor = dt.date | None


@dataclass(frozen=True)
class Hints:
    """What the sentence around an expression tells about it.

    `tense`: "past" or "future" when the governing verb says so. `quarterly`: the
    text speaks of quarters, so "a year earlier" means the same quarter a year
    before (earnings reports compare quarter with quarter). `results`: the article
    reports business results, so a bare "the second half" is a half-year. `next_word`:
    the word after the expression, lower case ("the year ended June 30" is a span of
    time, a duration).

    What the text said before the expression: `reference` is the value of the latest
    calendar date or period, the time a narrative has reached ("the following year",
    "later that day" count from it, as in TimeML); `reported_quarter` is the quarter an
    earnings report is about ("the quarter", "a year earlier" refer to it).
    """

    tense: Tense | None = None
    quarterly: bool = False
    results: bool = False
    next_word: str = ""
    reference: str | None = None
    reported_quarter: str | None = None


NO_HINTS = Hints()
ENDING = {"ended", "ending", "ends", "to", "through"}
_PAST_RELS = {"last", "the past", "the last", "the previous", "this past", "past", "the latest"}
_FUTURE_RELS = {"next", "the next", "the coming", "coming", "this coming", "the following"}


def parse_count(text: str) -> float | None:
    """A count written in digits or words; None for a vague one (`several`)."""
    text = key(text)
    if re.fullmatch(r"half an?", text):
        return 0.5
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


def parse_unit(text: str) -> tuple[str, bool]:
    """TIMEX3 unit code and whether it is a clock unit (`hours` -> ("H", True))."""
    word = key(text)
    units = lexicon().units
    for form in (word, word[:-1], word[:-3] + "y"):
        if form in units:
            return units[form].code, units[form].clock
    raise ValueError(f"not a time unit: {text!r}")


def year_in_words(text: str) -> int:
    """`nineteen ninety-four` -> 1994, `two thousand and one` -> 2001."""
    words = re.split(r"[-\s]+", key(text))
    numbers = lexicon().numbers
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(numbers.get(w) or 0 for w in words[2:] if w != "and")
    return (numbers[words[0]] or 0) * 100 + sum(numbers.get(w) or 0 for w in words[1:])


def stated_year(m: Match) -> int | None:
    """The year a match writes in digits (group `year`) or words (group `year_words`)."""
    if m.group("year"):
        return int(m.group("year"))
    return year_in_words(m.group("year_words")) if m.group("year_words") else None


def rel_direction(rel: str | None) -> int:
    """-1 for a past reading, +1 for a future one, 0 for the current period."""
    rel = key(rel or "")
    return -1 if rel in _PAST_RELS else 1 if rel in _FUTURE_RELS else 0


def day_of_year(month: int, day: int = 1) -> int:
    return dt.date(2001, month, min(day, 28 if month == 2 else day)).timetuple().tm_yday


def year_for(anchor: dt.date, rel: str | None, hints: Hints, first: int, last: int) -> int:
    """The year of a recurring period (days `first`..`last` of the year) from the anchor."""
    rel = key(rel or "")
    today = anchor.timetuple().tm_yday
    if rel == "this":
        return anchor.year
    if rel_direction(rel) < 0:
        return anchor.year if last < today else anchor.year - 1
    if rel_direction(rel) > 0:
        return anchor.year if first > today else anchor.year + 1
    return cal.nearest_year(anchor, first, last, hints.tense)
