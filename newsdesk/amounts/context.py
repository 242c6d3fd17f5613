"""What the characters around a number say about it: glued to a word, qualified, a rate.

Pure functions of the text, so every rule is testable without a spaCy pipeline.
"""

from __future__ import annotations

import functools
import re

from newsdesk.amounts.lexicon import qualifiers, rate_nouns
from newsdesk.amounts.numbers import NumberMatch


def is_embedded(text: str, number: NumberMatch) -> bool:
    """True when the number belongs to a word or a code: S-400, 11a, 1990s, 555-1234-5678."""
    before = text[number.start - 1] if number.start > 0 else " "
    if before.isalpha() or before == "_":
        return True
    if before in "-–" and number.start > 1 and text[number.start - 2].isalpha():
        return True
    if before in ":/" and number.start > 1 and text[number.start - 2].isdigit():
        return True
    after = text[number.end] if number.end < len(text) else " "
    if after in ":/" and text[number.end + 1 : number.end + 2].isdigit():
        return True
    return not number.spelled and _in_code_run(text, number)


def _in_code_run(text: str, number: NumberMatch) -> bool:
    """Digits joined by hyphens into a phone number, an id or a span of years: '555-1234-5678',
    '2019-2020'. Two short groups ('$5-7 million', '$1500-2000') are a range."""
    start = number.start
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in "-–"):
        start -= 1
    end = number.start
    while end < len(text) and (text[end].isdigit() or text[end] in "-–"):
        end += 1
    groups = [g for g in re.split(r"[-–]", text[start:end]) if g]
    if len(groups) < 2:
        return False
    if len(groups) > 2 or any(len(g) >= 5 for g in groups):
        return True
    return all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups)


def glued_right(text: str, end: int) -> bool:
    """A letter right after the number that no currency or scale explained: '11a', '3rd'."""
    return end < len(text) and (text[end].isalpha() or text[end] == "_")


@functools.cache
def _qualifier_pattern() -> re.Pattern[str]:
    phrases = sorted(qualifiers(), key=len, reverse=True)
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![^\W\d_])(?P<q>{alternation})\s+\Z", re.IGNORECASE)


def qualifier_before(text: str, position: int) -> tuple[int, str] | None:
    """The qualifier phrase ending right before `position`: its start and its symbol."""
    match = _qualifier_pattern().search(text, max(0, position - 24), position)
    if match is None:
        return None
    phrase = " ".join(match["q"].lower().split())
    return match.start("q"), qualifiers()[phrase]


@functools.cache
def _rate_pattern() -> re.Pattern[str]:
    nouns = sorted(rate_nouns(), key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    return re.compile(
        rf"[ \t]*-?[ \t]*(?:a|an|per)[ \t]*-?[ \t]*(?P<noun>{alternation})\b"
        r"(?!\s*(?:earlier|ago|before|later|on\s+year))",
        re.IGNORECASE,
    )


def rate_after(text: str, position: int) -> str | None:
    """'per share' when the amount ending at `position` is followed by 'a share' or 'per share'."""
    match = _rate_pattern().match(text, position)
    if match is None:
        return None
    return "per " + " ".join(match["noun"].lower().split())
