"""The temporal vocabulary, read once from the data files in `newsdesk/data/`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Unit:
    code: str
    clock: bool


@dataclass(frozen=True)
class FixedWord:
    type: str
    value: str


@dataclass(frozen=True)
class Holiday:
    """A fixed day (`day`) or the nth weekday of the month (`nth`, `weekday`), plus `offset`."""

    month: int
    day: int | None = None
    nth: int | None = None
    weekday: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Lexicon:
    month_forms: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[str, int]]
    parts_of_day: dict[str, str]
    numbers: dict[str, int | None]
    units: dict[str, Unit]
    words: dict[str, FixedWord]
    holidays: dict[str, Holiday]
    ordinals: dict[str, int]
    decades: dict[str, int]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsdesk.data").joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def key(word: str) -> str:
    """Lookup key: lower case, single spaces, straight apostrophes, no final period."""
    return re.sub(r"\s+", " ", word.strip().lower()).replace("\u2019", "'").rstrip(".")


@functools.cache
def lexicon() -> Lexicon:
    month_rows = _rows("timex_months.tsv")
    return Lexicon(
        month_forms=tuple(name for name, _ in month_rows),
        months={key(name): int(number) for name, number in month_rows},
        weekdays=lexicon_weekdays(),
        seasons={key(name): (code, int(month)) for name, code, month in _rows("timex_seasons.tsv")},
        parts_of_day={key(name): code for name, code in _rows("timex_parts_of_day.tsv")},
        numbers={
            key(word): None if value == "X" else int(value)
            for word, value in _rows("timex_numbers.tsv")
        },
        units={
            key(word): Unit(code, kind == "clock") for word, code, kind in _rows("timex_units.tsv")
        },
        words={
            key(text): FixedWord(type_, value) for text, type_, value in _rows("timex_words.tsv")
        },
        holidays={key(row[0]): _holiday(row[1:]) for row in _rows("timex_holidays.tsv")},
        ordinals={key(word): int(number) for word, number in _rows("timex_ordinals.tsv")},
        decades={key(word): int(digit) for word, digit in _rows("timex_decades.tsv")},
    )


def _holiday(columns: list[str]) -> Holiday:
    month, when, *offset = columns
    extra = int(offset[0]) if offset else 0
    if " " not in when:
        return Holiday(int(month), day=int(when), offset=extra)
    nth, weekday = when.split()
    weekdays = {name[:3]: number for name, number in lexicon_weekdays().items()}
    return Holiday(int(month), nth=int(nth), weekday=weekdays[key(weekday)], offset=extra)


@functools.cache
def results_words() -> frozenset[str]:
    """Words of a business-results report ("profit", "sales")."""
    return frozenset(key(row[0]) for row in _rows("timex_results_words.tsv"))


@functools.cache
def proper_words() -> frozenset[str]:
    """Words written with a capital in running text: month, weekday and holiday names
    (plurals too: "on Fridays"), and what some house styles capitalise (seasons, "the
    21st Century")."""
    lex = lexicon()
    holiday_words = {key(word) for name in lex.holidays for word in name.split()}
    names = set(lex.months) | set(lex.weekdays) | holiday_words
    styled = set(lex.seasons) | {"century", "centuries"}
    return frozenset(names | {name + "s" for name in names} | styled)


def lexicon_weekdays() -> dict[str, int]:
    return {key(name): int(number) for name, number in _rows("timex_weekdays.tsv")}


def alternation(words: list[str]) -> str:
    """A regex alternation, longest first so that `Sept.` wins over `Sept`."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
