"""Whatever the text, amounts are well-formed: spans inside it and matching their text."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.amounts import extract_amounts

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
        assert amount.value is not None
        assert amount.equivalent_of is None or 0 <= amount.equivalent_of < index
    assert [a.start for a in amounts] == sorted(a.start for a in amounts)
