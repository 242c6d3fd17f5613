"""Quotation marks, found at character level so that sentence splits inside quotes do not matter.

Only double marks open a quotation: single marks are apostrophes far more often than
quotation marks in English news, and where they do quote it is nested inside double ones.
A quotation never runs past the end of its paragraph unless the next paragraph opens
with a quotation mark again (the newspaper convention for multi-paragraph quotes), so an
unbalanced mark costs at most one paragraph and never the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
ALL_MARKS = OPENING | CLOSING | {STRAIGHT}

#: Characters after which a straight mark opens a quotation rather than closing one.
_OPENS_AFTER = frozenset(" \t\n([{—–-/:;")
#: Punctuation that ends a real quotation inside its marks; scare quotes lack it.
_FINAL_PUNCT = (".", ",", "!", "?", "…", ":", ";")
#: Quotations of at most this many words without final punctuation are scare quotes.
SCARE_QUOTE_MAX_WORDS = 2

_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: `start` is the opening mark, `end` is just after the closing mark."""

    start: int
    end: int
    text: str
    #: Opening marks repeated at the start of continued paragraphs, inside the span.
    continuations: tuple[int, ...] = ()

    @property
    def content_start(self) -> int:
        return self.start + 1

    @property
    def content_end(self) -> int:
        return self.end - 1

    def word_count(self) -> int:
        return len(_WORD.findall(self.text))

    def is_scare_quote(self) -> bool:
        """One or two words with no punctuation of their own: a term, not a quotation."""
        return self.word_count() <= SCARE_QUOTE_MAX_WORDS and not self.text.rstrip().endswith(
            _FINAL_PUNCT
        )


def _role(text: str, i: int, inside: bool = False) -> str:
    """'open' or 'close' for the mark at i; a straight mark is judged by its neighbours."""
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if inside:
        return "open" if before in _OPENS_AFTER and after.isalnum() else "close"
    if after.isspace() or i + 1 == len(text):
        return "close"
    return "open"


def _paragraph_starts_with_opening(text: str, newline: int) -> int | None:
    """Index of the opening mark that starts the paragraph after `newline`, if there is one."""
    i = newline
    while i < len(text) and text[i].isspace():
        i += 1
    if i < len(text) and text[i] in ALL_MARKS and _role(text, i) == "open":
        return i
    return None


def _content(text: str, start: int, end: int, continuations: tuple[int, ...]) -> str:
    pieces, cursor = [], start + 1
    for mark in continuations:
        pieces.append(text[cursor:mark])
        cursor = mark + 1
    pieces.append(text[cursor : end - 1])
    return "".join(pieces)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every balanced double quotation in `text`, in order, scare quotes included."""
    spans: list[QuotedSpan] = []
    opened: int | None = None
    continuations: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\n" and opened is not None:
            resume = _paragraph_starts_with_opening(text, i)
            if resume is None:
                opened, continuations = None, []
            else:
                continuations.append(resume)
                i = resume
        elif char in ALL_MARKS:
            role = _role(text, i, inside=opened is not None)
            if role == "open":
                opened, continuations = i, []
            elif opened is not None:
                cont = tuple(continuations)
                spans.append(QuotedSpan(opened, i + 1, _content(text, opened, i + 1, cont), cont))
                opened, continuations = None, []
        i += 1
    return spans
