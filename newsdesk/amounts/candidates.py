"""Numbers that carry a currency or a percent sign: the text-level half of amount extraction.

A currency written before the number wins over one written after it, unless an earlier number
already took it as its own trailing currency: "10 rmb 20 usd" and "rmb 10 usd 20" both read as
CNY 10 and USD 20.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from newsdesk.amounts.context import glued_right, is_embedded, rate_after
from newsdesk.amounts.currencies import CurrencyMatch, currency_after, currency_before
from newsdesk.amounts.numbers import NumberMatch, scale_after

_SUBUNIT = 0.01
_SUBUNIT_JOIN = re.compile(r"[ \t]+(?:and[ \t]+)?|[ \t]*,[ \t]*", re.IGNORECASE)
_SENTENCE_GOES_ON = re.compile(r"[ \t]*(?:[.!?;,)]|more\b|\Z)", re.IGNORECASE)
_PERCENT = re.compile(
    r"[ \t]?(?:(?P<sign>%)|(?P<points>percentage\s+points?)\b|(?:percent|per\s+cent|pct)\b)"
    r"|(?:pc|pct)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """One amount before it becomes an `Amount`: span, value and what it measures."""

    number: NumberMatch
    start: int
    end: int
    value: float
    currency: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    #: Index of the candidate this one converts (filled in once all are known and ordered).
    equivalent_of: int | None = None

    @property
    def is_money(self) -> bool:
        return self.currency is not None


def money_candidates(
    text: str, numbers: list[NumberMatch], money_numbers: set[int]
) -> list[Candidate]:
    """Numbers with a currency marker; `money_numbers` are starts that spaCy tagged MONEY."""
    taken: set[tuple[int, int]] = set()
    found: list[Candidate] = []
    for number in numbers:
        before = currency_before(text, number.start)
        if before is not None and (before.start, before.end) in taken:
            before = None
        after = currency_after(text, number.end)
        if after is not None and not _plausible(after, number, money_numbers):
            after = None
        marker = before or after
        if marker is None or not _stands_alone(text, number, before, after):
            continue
        taken.add((marker.start, marker.end))
        start, end = (marker.start, number.end) if marker is before else (number.start, marker.end)
        late_scale = scale_after(text, end) if number.scale is None else None
        if late_scale is not None:
            end, multiplier = late_scale
            number = replace(number, value=number.value * multiplier, scale=multiplier)
        found.append(
            Candidate(
                number=number,
                start=start,
                end=end,
                value=number.value * marker.marker.multiplier,
                currency=marker.marker.code,
                unit=rate_after(text, end),
            )
        )
    return _join_bare_cents(text, numbers, _join_subunits(text, found))


def _join_subunits(text: str, found: list[Candidate]) -> list[Candidate]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents' are one amount each.

    The second part is a subunit: its marker scaled it down ("cents" x 0.01, "mao" x 0.1).
    """
    joined: list[Candidate] = []
    for candidate in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and candidate.currency == previous.currency
            and candidate.value < previous.value
            and candidate.number.value < 100
            and previous.number.scale is None
            and candidate.value < candidate.number.value
            and _SUBUNIT_JOIN.fullmatch(text, previous.end, candidate.start)
        ):
            value = previous.value + candidate.value
            joined[-1] = replace(previous, end=candidate.end, value=value)
            continue
        joined.append(candidate)
    return joined


def _plausible(after: CurrencyMatch, number: NumberMatch, money_numbers: set[int]) -> bool:
    """An ambiguous unit ('200 pounds') is money only when scaled or tagged MONEY by spaCy."""
    if not after.marker.ambiguous:
        return True
    return number.scale is not None or number.start in money_numbers


def _stands_alone(
    text: str,
    number: NumberMatch,
    before: CurrencyMatch | None,
    after: CurrencyMatch | None,
) -> bool:
    """A number glued to letters counts only when the glue is its currency ('USD50', '100元')."""
    if (before is None or before.end != number.start) and is_embedded(text, number):
        return False
    return not glued_right(text, number.end) or (after is not None and after.start == number.end)


def percent_candidates(text: str, numbers: list[NumberMatch]) -> list[Candidate]:
    found: list[Candidate] = []
    for number in numbers:
        match = _PERCENT.match(text, number.end)
        if match is None or number.money_only_scale or is_embedded(text, number):
            continue
        unit = "percentage points" if match["points"] else "percent"
        found.append(Candidate(number, number.start, match.end(), number.value, unit=unit))
    return found


def _join_bare_cents(
    text: str, numbers: list[NumberMatch], found: list[Candidate]
) -> list[Candidate]:
    """'15 dollars 50.', '17 USD 25 more', 'C$ 100 and fifty.': a trailing count of cents."""
    starts = {c.number.start for c in found}
    following = {a.start: b for a, b in itertools.pairwise(numbers)}
    joined: list[Candidate] = []
    for candidate in found:
        cents = following.get(candidate.number.start)
        if (
            cents is not None
            and cents.start not in starts
            and candidate.number.scale is None
            and candidate.value == candidate.number.value
            and candidate.value.is_integer()
            and cents.scale is None
            and cents.value.is_integer()
            and 0 < cents.value < 100
            and _SUBUNIT_JOIN.fullmatch(text, candidate.end, cents.start)
            and _SENTENCE_GOES_ON.match(text, cents.end)
        ):
            value = candidate.value + cents.value * _SUBUNIT
            candidate = replace(candidate, end=cents.end, value=value)
        joined.append(candidate)
    return joined
