"""From a parsed document to `Amount`s: money first, then percentages, then counted things;
ranges are joined among money and percentages, then among counts.

Conventions (part of what `extract_amounts` promises):

- A span covers the qualifier, the currency and the scale word ("more than $247 million"),
  but not the counted noun, which goes to `unit` ("more than 100" with unit "F-35 jets").
- Subunits are converted: "50 cents" is 0.5 USD, "470 pence" 4.70 GBP.
- A money rate keeps its amount as the value and says what it is per in `unit`:
  "$70 a share" is 70 USD with unit "per share".
- A range is two amounts, the lower bound with qualifier ">=" and the upper with "<=", each
  spanning its own number; a currency, scale or percent sign written once applies to both.
  "$5-7 million" gives "$5" (5e6 USD, ">=") and "7 million" (7e6 USD, "<="); "between $5
  million and $7 million" gives "$5 million" and "$7 million"; "110 to 135 passengers" gives
  "110" and "135", both with unit "passengers". "from X to Y" is a change,
  not a range: both bounds are read but neither is qualified.
- A bare "$", "dollars" or "cents" is US dollars unless the article is local news from an
  English-speaking country with a dollar of its own (see `local_dollar`).
- A conversion written in brackets ("$1.4 billion (TL 20.7 billion)") or after "or about"
  right behind a money amount in another currency points to it with `equivalent_of`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from spacy.tokens import Doc

from newsdesk.amounts.candidates import Candidate, money_candidates, percent_candidates
from newsdesk.amounts.context import is_embedded, qualifier_before
from newsdesk.amounts.entity_money import entity_money
from newsdesk.amounts.local_dollar import US_DOLLAR, is_bare_dollar, local_dollar
from newsdesk.amounts.numbers import NumberMatch, find_numbers
from newsdesk.amounts.quantities import count_candidates
from newsdesk.contracts import Amount

_RANGE_JOIN = re.compile(
    r"[ \t]*(?P<dash>-|–|—)[ \t]*|[ \t]+to[ \t]+|[ \t]+(?P<and>and)[ \t]+", re.IGNORECASE
)
_BETWEEN = re.compile(r"(?<![^\W\d_])between\s+\Z", re.IGNORECASE)
_FROM = re.compile(r"(?<![^\W\d_])from\s+\Z", re.IGNORECASE)
_BRACKETED = re.compile(
    r"\s*[(\[]\s*(?:or\s+|i\.e\.,?\s+|equivalent\s+to\s+|about\s+)?", re.IGNORECASE
)
_LIST_IN_BRACKET = re.compile(r"\s*[;,/]\s*")
_OR_ABOUT = re.compile(r",?\s*or\s+", re.IGNORECASE)


def extract_amounts(doc: Doc) -> list[Amount]:
    """Every amount of money, percentage and counted quantity in `doc`, in text order."""
    text = doc.text
    numbers = find_numbers(text)
    entities = list(doc.ents)
    money_starts = {t.idx for e in entities if e.label_ == "MONEY" for t in e}
    time_starts = {t.idx for e in entities if e.label_ in ("DATE", "TIME") for t in e}
    found = money_candidates(text, numbers, money_starts)
    money_entities = [e for e in entities if e.label_ == "MONEY"]
    found += entity_money(text, money_entities, numbers, {c.number.start for c in found})
    found = _localise(text, found, local_dollar(doc))
    taken = {c.number.start for c in found}
    found += percent_candidates(text, [n for n in numbers if n.start not in taken])
    taken = {c.number.start for c in found}
    bounds = [n for n in numbers if n.start in taken or _may_be_bare(text, n, time_starts)]
    found = _join_ranges(text, bounds, found)
    taken = {c.number.start for c in found}
    rest = [n for n in numbers if n.start not in taken]
    qualified = {n.start for n in rest if qualifier_before(text, n.start)}
    counts = count_candidates(doc, rest, qualified)
    counted = {c.number.start for c in counts}
    count_bounds = [n for n in rest if n.start in counted or _may_be_bare(text, n, time_starts)]
    found += _join_ranges(text, count_bounds, counts)
    found = sorted((_qualify(text, c) for c in found), key=lambda c: c.start)
    return [_to_amount(text, c) for c in _link_conversions(text, found)]


def _localise(text: str, found: list[Candidate], dollar: str) -> list[Candidate]:
    if dollar == US_DOLLAR:
        return found
    return [
        replace(c, currency=dollar)
        if c.currency == US_DOLLAR and is_bare_dollar(text[c.start : c.end])
        else c
        for c in found
    ]


def _may_be_bare(text: str, number: NumberMatch, time_starts: set[int]) -> bool:
    """A number without a measure may borrow one from a range partner, unless it is a date or
    part of a word or code ('COVID-19'); a bare year joins only with a dash ('$1500-2000', not
    'from 2019 to $5 million')."""
    return number.start not in time_starts and not is_embedded(text, number)


def _year_like(text: str, number: NumberMatch) -> bool:
    written = text[number.start : number.end]
    return written.isdigit() and len(written) == 4


def _join_ranges(text: str, numbers: list[NumberMatch], found: list[Candidate]) -> list[Candidate]:
    """Pair neighbouring bounds; `numbers` are those a range may join (see _may_be_bare)."""
    by_start = {c.number.start: c for c in found}
    for low_number, high_number in itertools.pairwise(numbers):
        low, high = by_start.get(low_number.start), by_start.get(high_number.start)
        if low is None and high is None:
            continue
        low_start = low.start if low else low_number.start
        join = _RANGE_JOIN.fullmatch(
            text, low.end if low else low_number.end, high.start if high else high_number.start
        )
        if join is None or not _joins_a_range(text, join, low_start, low, high):
            continue
        bare_years = [n for n, c in ((low_number, low), (high_number, high)) if c is None]
        if join["dash"] is None and any(_year_like(text, n) for n in bare_years):
            continue
        low = low or _bare(low_number, high)
        high = high or _bare(high_number, low)
        if low is None or high is None:
            continue
        low, high = _share_measure(low, high), _share_measure(high, low)
        if low.value >= high.value:
            continue
        if not _FROM.search(text, max(0, low_start - 8), low_start):
            low, high = replace(low, qualifier=">="), replace(high, qualifier="<=")
        by_start[low.number.start], by_start[high.number.start] = low, high
    return list(by_start.values())


def _joins_a_range(
    text: str, join: re.Match[str], low_start: int, low: Candidate | None, high: Candidate | None
) -> bool:
    """'5-7', '5 to 7 million', 'between 5 and 7': not '$19bn to $419bn' (a change)."""
    if join["and"]:
        return _BETWEEN.search(text, max(0, low_start - 12), low_start) is not None
    if low is not None and high is not None:
        return join["dash"] is not None and _same_measure(low, high)
    return True


def _bare(number: NumberMatch, other: Candidate) -> Candidate | None:
    """A bound written without its measure; a scaled one is no percentage ('46% to 420 million')."""
    if other.unit is not None and other.currency is None and number.scale is not None:
        return None
    return Candidate(number, number.start, number.end, number.value)


def _same_measure(low: Candidate, high: Candidate) -> bool:
    """'rose 6.2% to $1.45 billion' joins a percent to money: a change, never a range."""
    return low.currency == high.currency and (low.currency is not None or low.unit == high.unit)


def _share_measure(this: Candidate, other: Candidate) -> Candidate:
    """Give `this` bound the currency, percent sign and scale written only on the `other`."""
    if this.currency is None and other.currency is None:
        return replace(this, unit=this.unit or other.unit)
    value = this.value
    if _lacks_scale_of(this.number, other.number):
        value *= other.number.scale or 1.0
    if this.currency is not None:
        return replace(this, value=value)
    multiplier = other.value / other.number.value if other.number.value else 1.0
    return replace(this, value=value * multiplier, currency=other.currency, unit=other.unit)


def _lacks_scale_of(this: NumberMatch, other: NumberMatch) -> bool:
    """'$5-7 million': the lower bound is in millions too, as long as it stays the lower one."""
    if this.scale is not None or other.scale is None:
        return False
    return this.value < other.value / other.scale


def _qualify(text: str, candidate: Candidate) -> Candidate:
    if candidate.qualifier is not None:
        return candidate
    found = qualifier_before(text, candidate.start)
    if found is None:
        return candidate
    start, symbol = found
    return replace(candidate, start=start, qualifier=symbol)


def _link_conversions(text: str, found: list[Candidate]) -> list[Candidate]:
    """Link each conversion to its original; '$186m (£98m; 143m euros)' links both to '$186m'."""
    linked = list(found)
    original: int | None = None
    for index in range(1, len(found)):
        previous, conversion = found[index - 1], found[index]
        if original is not None and _also_converts(text, found[original], previous, conversion):
            linked[index] = replace(conversion, equivalent_of=original)
            continue
        original = None
        if not (previous.is_money and conversion.is_money):
            continue
        if previous.currency == conversion.currency or previous.end > conversion.start:
            continue
        bracketed = _BRACKETED.fullmatch(text, previous.end, conversion.start)
        approximated = conversion.qualifier == "~" and _OR_ABOUT.fullmatch(
            text, previous.end, conversion.start
        )
        if bracketed or approximated:
            linked[index] = replace(conversion, equivalent_of=index - 1)
            original = index - 1 if bracketed else None
    return linked


def _also_converts(
    text: str, original: Candidate, previous: Candidate, conversion: Candidate
) -> bool:
    """A further conversion in the same brackets, after a semicolon, comma or slash."""
    if not conversion.is_money or conversion.currency == original.currency:
        return False
    return _LIST_IN_BRACKET.fullmatch(text, previous.end, conversion.start) is not None


def _to_amount(text: str, candidate: Candidate) -> Amount:
    return Amount(
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        value=float(f"{candidate.value:.12g}"),
        currency=candidate.currency,
        unit=candidate.unit,
        qualifier=candidate.qualifier,  # type: ignore[arg-type]
        equivalent_of=candidate.equivalent_of,
    )
