"""Numbers as news writes them: digits, spelled-out words and scale words.

`find_numbers` scans a text for number expressions with their offsets; `parse_number` reads
one expression to a float and returns None (never raises) for anything it cannot read.
Comma-grouped digits are thousands ("1,234.5") or Indian lakh grouping ("12,34,567");
a comma with one or two digits is a decimal comma only in front of a scale word ("20,7 billion").
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from newsdesk.amounts.lexicon import Scale, number_words, scales

_DIGITS = (
    r"\d+,\d{1,2}(?=[ -]?(?:million|billion|trillion|bn|mn)\b)"
    r"|\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d+\s\d/\d{1,2}(?!\d)"
    r"|\d+/\d{1,2}(?![\d/])"
    r"|\d+(?:\.\d+)?"
    r"|\.\d+"
)


#: Market prices are quoted in halves, quarters, eighths...; "24/7" and "9/11" are no fractions.
_DENOMINATORS = {2, 3, 4, 5, 8, 10, 16, 32, 64}

#: Above this a digit string is an identifier, not an amount (and may not even be finite).
_IMPLAUSIBLE = 1e21

#: Fraction words count only in front of a scale word ("half a million", "a quarter billion").
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}


@dataclass(frozen=True)
class NumberMatch:
    """A number expression in a text; `scale` is the scale word's multiplier, or None."""

    start: int
    end: int
    value: float
    spelled: bool
    scale: float | None
    money_only_scale: bool


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = scales()
    spaced = _alternation([w for w, s in table.items() if s.attach in ("spaced", "both")])
    joined = _alternation([w for w, s in table.items() if s.attach in ("joined", "both")])
    scale = rf"(?:(?:[ \t]|[ \t]?-[ \t]?)(?P<spaced>{spaced})\b|(?P<joined>{joined})(?![\w]))"
    digits = re.compile(
        rf"(?<![\d.,/])(?P<number>{_DIGITS})(?!\d)(?:{scale})?",
        re.IGNORECASE,
    )
    words = _alternation([w for w in number_words() if w not in ("a", "an")])
    large = r"(?:hundred|thousand|million|billion|trillion)"
    fraction = rf"(?:half|quarters?)(?=[ \t]+(?:of[ \t]+)?(?:a[ \t]+)?{large}\b)"
    glue = rf"(?<=half[ \t])a(?=[ \t]+{large}\b)|(?<=quarter[ \t])of(?=[ \t]+a[ \t]+{large}\b)"
    article = rf"(?<=of[ \t])a(?=[ \t]+{large}\b)"
    word = rf"(?:{words}|{large}|{fraction}|{glue}|{article})"
    spelled = re.compile(
        rf"\b(?P<number>(?:(?:a|an)[ \t]+(?={word}))?{word}"
        rf"(?:(?:[ \t]+and[ \t]+|[ \t]*-[ \t]*|[ \t]+)(?={word}\b){word})*)\b",
        re.IGNORECASE,
    )
    return digits, spelled


def _digit_value(text: str) -> float | None:
    text = text.strip()
    if "/" in text:
        whole, _, fraction = text.rpartition(" ")
        numerator, _, denominator = fraction.partition("/")
        if not numerator.isdigit() or not denominator.isdigit():
            return None
        if int(denominator) not in _DENOMINATORS or int(numerator) >= int(denominator):
            return None
        value = int(numerator) / int(denominator)
        return value + int(whole) if whole.isdigit() else value if not whole else None
    if re.fullmatch(r"\d+,\d{1,2}", text):
        return float(text.replace(",", "."))
    plain = text.replace(",", "")
    if not re.fullmatch(r"\d*\.?\d+|\d+\.", plain):
        return None
    return float(plain)


def _words_value(text: str) -> float | None:
    """'two hundred and five' -> 205; 'a dozen' -> 12; None for anything else."""
    values = number_words()
    big = {w: s.multiplier for w, s in scales().items() if s.multiplier >= 1000}
    total = current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if not word or word == "and":
            continue
        if word in _FRACTIONS:
            current = (current or 1) * _FRACTIONS[word]
        elif word in ("a", "of") and seen:
            continue
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in big:
            total += (current or 1) * big[word]
            current = 0.0
        elif word in values:
            current += values[word]
        else:
            return None
        seen = True
    return total + current if seen else None


def _scale_of(word: str | None) -> Scale | None:
    return scales().get(word.lower()) if word else None


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in `text`, in order, each with its scale word when present."""
    digits, spelled = _patterns()
    found: list[NumberMatch] = []
    for match in digits.finditer(text):
        value = _digit_value(match["number"])
        if value is None or value >= _IMPLAUSIBLE:
            continue
        scale = _scale_of(match["spaced"] or match["joined"])
        found.append(
            NumberMatch(
                start=match.start(),
                end=match.end(),
                value=value * (scale.multiplier if scale else 1),
                spelled=False,
                scale=scale.multiplier if scale else None,
                money_only_scale=bool(scale and scale.money_only),
            )
        )
    digit_starts = [n.start for n in found]
    digit_ends = [n.end for n in found]
    for match in spelled.finditer(text):
        before_end = bisect.bisect_left(digit_starts, match.end()) - 1
        if before_end >= 0 and digit_ends[before_end] > match.start():
            continue
        words = match["number"]
        value = _words_value(words)
        if value is None or value >= _IMPLAUSIBLE or words.lower() in ("a", "an"):
            continue
        scale_words = [w for w in re.split(r"[\s-]+", words.lower()) if w in scales()]
        found.append(
            NumberMatch(
                start=match.start(),
                end=match.end(),
                value=value,
                spelled=True,
                scale=scales()[scale_words[-1]].multiplier if scale_words else None,
                money_only_scale=False,
            )
        )
    return sorted(found, key=lambda n: n.start)


@functools.cache
def _scale_after_pattern() -> re.Pattern[str]:
    spaced = _alternation([w for w, s in scales().items() if s.attach in ("spaced", "both")])
    return re.compile(rf"[ \t]+(?P<scale>{spaced})\b", re.IGNORECASE)


def scale_after(text: str, position: int) -> tuple[int, float] | None:
    """A scale word written after the currency ('75 USD million'): its end and multiplier."""
    match = _scale_after_pattern().match(text, position)
    if match is None:
        return None
    return match.end(), scales()[match["scale"].lower()].multiplier


def parse_number(text: str) -> float | None:
    """The value of one whole number expression ('1.4 billion', 'two dozen'), else None."""
    if not isinstance(text, str):
        return None
    stripped = text.strip()
    matches = find_numbers(stripped)
    if len(matches) != 1 or matches[0].start != 0 or matches[0].end != len(stripped):
        return None
    return matches[0].value
