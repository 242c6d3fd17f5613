"""Whatever the text, amounts are well-formed: spans inside it and matching their text."""

from __future__ import annotations

import math

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.amounts import extract_amounts
from newsdesk.amounts.currencies import currency_after, currency_before

blank = spacy.blank("en")

_PIECES = [*"0123456789 ,.-–()$€£¥₺₹%abcdeilmnorstuvyTLUSDRsC", "million ", "bn ", "cents "]
_NEWSY = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), _NEWSY))
def test_spans_lie_in_the_text_and_links_point_backwards(text: str) -> None:
    amounts = extract_amounts(blank(text))
    for index, amount in enumerate(amounts):
        assert 0 <= amount.start < amount.end <= len(text)
        assert amount.text == text[amount.start : amount.end]
        assert amount.value is not None and math.isfinite(amount.value)
        assert amount.equivalent_of is None or 0 <= amount.equivalent_of < index
    assert [a.start for a in amounts] == sorted(a.start for a in amounts)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), _NEWSY), st.integers(min_value=0, max_value=60))
def test_currency_markers_lie_in_the_text(text: str, position: int) -> None:
    position = min(position, len(text))
    for found in (currency_before(text, position), currency_after(text, position)):
        if found is not None:
            assert 0 <= found.start < found.end <= len(text)
