"""The amount vocabulary, read once from the data files in `newsdesk/data/`."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Scale:
    multiplier: float
    attach: str
    money_only: bool


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, without comments and blank lines."""
    text = resources.files("newsdesk.data").joinpath(name).read_text(encoding="utf-8")
    return [
        line.rstrip("\n").split("\t")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@functools.cache
def scales() -> dict[str, Scale]:
    return {
        word: Scale(float(multiplier), attach, money_only == "yes")
        for word, multiplier, attach, money_only in rows("amount_scales.tsv")
    }


@functools.cache
def number_words() -> dict[str, int]:
    return {word: int(value) for word, value in rows("amount_number_words.tsv")}


@functools.cache
def qualifiers() -> dict[str, str]:
    return {phrase: symbol for phrase, symbol in rows("amount_qualifiers.tsv")}


@functools.cache
def rate_nouns() -> tuple[str, ...]:
    return tuple(row[0] for row in rows("amount_rate_nouns.txt"))


@functools.cache
def uncounted_nouns() -> frozenset[str]:
    return frozenset(row[0] for row in rows("amount_uncounted_nouns.txt"))
