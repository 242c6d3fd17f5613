"""Token ranges kept within one line: news puts one paragraph on a line, and neither a
speaker mention nor reported content runs across a paragraph break, even where the parse
of a headline or a missed sentence split does."""

from __future__ import annotations

from spacy.tokens import Token


def within_line(anchor: Token, left: int, right: int) -> tuple[int, int]:
    """The inclusive token range [left, right] cut back to the line `anchor` stands on."""
    doc = anchor.doc
    for i in range(anchor.i - 1, left - 1, -1):
        if "\n" in doc[i].text:
            left = i + 1
            break
    for i in range(anchor.i + 1, right + 1):
        if "\n" in doc[i].text:
            right = i - 1
            break
    return left, right
