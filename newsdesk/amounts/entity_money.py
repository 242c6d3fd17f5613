"""spaCy's MONEY entities as a second source: a currency word written before the number.

News and transcripts sometimes put the currency name first ("dollar 22.5 million"); the
marker rules read names only after the number, because "the dollar 1.5% higher" is not money.
When the statistical model has tagged such a stretch MONEY, its leading word is trusted.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span

from newsdesk.amounts.candidates import Candidate
from newsdesk.amounts.currencies import currency_named
from newsdesk.amounts.numbers import NumberMatch


def entity_money(
    text: str, entities: list[Span], numbers: list[NumberMatch], taken: set[int]
) -> list[Candidate]:
    """MONEY entities that open with a currency name and hold one number nobody has read yet."""
    found: list[Candidate] = []
    starts = [n.start for n in numbers]
    for entity in entities:
        first = bisect.bisect_left(starts, entity.start_char)
        last = bisect.bisect_left(starts, entity.end_char)
        inside = [n for n in numbers[first:last] if n.end <= entity.end_char]
        if len(inside) != 1 or inside[0].start in taken:
            continue
        number = inside[0]
        lead = text[entity.start_char : number.start].strip()
        marker = currency_named(lead) if lead else None
        if marker is None:
            continue
        found.append(
            Candidate(
                number=number,
                start=entity.start_char,
                end=number.end,
                value=number.value * marker.multiplier,
                currency=marker.code,
            )
        )
    return found
