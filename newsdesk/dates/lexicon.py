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
class Lexicon:
    month_forms: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[str, int]]
    parts_of_day: dict[str, str]
    numbers: dict[str, int | None]
    units: dict[str, Unit]
    words: dict[str, FixedWord]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsdesk.data").joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def key(word: str) -> str:
    """Lookup key: lower case, single spaces, no trailing period (`Sept.` -> `sept`)."""
    return re.sub(r"\s+", " ", word.strip().lower()).rstrip(".")


@functools.cache
def lexicon() -> Lexicon:
    month_rows = _rows("timex_months.tsv")
    return Lexicon(
        month_forms=tuple(name for name, _ in month_rows),
        months={key(name): int(number) for name, number in month_rows},
        weekdays={key(name): int(number) for name, number in _rows("timex_weekdays.tsv")},
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
    )


def alternation(words: list[str]) -> str:
    """A regex alternation, longest first so that `Sept.` wins over `Sept`."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
