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
#: Two apostrophes stand for a straight double mark in some wire and newspaper text.
DOUBLED = "''"
ALL_MARKS = OPENING | CLOSING | {STRAIGHT}

#: Characters after which a straight mark opens a quotation rather than closing one.
_OPENS_AFTER = frozenset(" \t\n([{—–-/:;")
#: Punctuation that ends a real quotation inside its marks; scare quotes lack it.
_FINAL_PUNCT = (".", ",", "!", "?", "…", ":", ";")
#: Quotations of at most this many words without final punctuation are scare quotes.
SCARE_QUOTE_MAX_WORDS = 2

#: Characters where the scan has something to decide.
_INTERESTING = re.compile("[\n\"“”„«»]|''")
_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: `start` is the opening mark, `end` is just after the closing mark."""

    start: int
    end: int
    text: str
    #: Opening marks (offset, width) repeated at the start of continued paragraphs.
    continuations: tuple[tuple[int, int], ...] = ()
    open_width: int = 1
    close_width: int = 1

    @property
    def content_start(self) -> int:
        return self.start + self.open_width

    @property
    def content_end(self) -> int:
        return self.end - self.close_width

    def word_count(self) -> int:
        return len(_WORD.findall(self.text))

    def is_scare_quote(self) -> bool:
        """One or two words with no punctuation of their own: a term, not a quotation."""
        return self.word_count() <= SCARE_QUOTE_MAX_WORDS and not self.text.rstrip().endswith(
            _FINAL_PUNCT
        )


def mark_width(text: str, i: int) -> int:
    """Width of the quotation mark at i (0 when there is none)."""
    if text[i] in ALL_MARKS:
        return 1
    return 2 if text.startswith(DOUBLED, i) else 0


def _role(text: str, i: int, inside: bool = False) -> str:
    """'open' or 'close' for the mark at i; a straight mark is judged by its neighbours."""
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    width = mark_width(text, i)
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    if inside:
        return "open" if before in _OPENS_AFTER and after.isalnum() else "close"
    if after.isspace() or i + width == len(text):
        return "close"
    return "open"


def _paragraph_starts_with_opening(text: str, newline: int) -> int | None:
    """Index of the opening mark that starts the paragraph after `newline`, if there is one."""
    i = newline
    while i < len(text) and text[i].isspace():
        i += 1
    if i < len(text) and mark_width(text, i) and _role(text, i) == "open":
        return i
    return None


def _opens_a_sentence(text: str, start: int) -> bool:
    """Multi-paragraph quotes quote whole sentences; a stray mark mid-sentence does not."""
    for char in text[start : start + 40]:
        if char.isalnum():
            return char.isupper() or char.isdigit()
    return False


def _unclosed_end(text: str, opened: int | None, mark: int) -> int | None:
    """Where a quotation still open at a new opening mark ends, if it ends a sentence there."""
    if opened is None:
        return None
    end = len(text[:mark].rstrip())
    if end > opened + 1 and end < mark and text[end - 1] in ".!?":
        return end
    return None


def _content(
    text: str,
    start: int,
    end: int,
    widths: tuple[int, int],
    continuations: tuple[tuple[int, int], ...],
) -> str:
    pieces, cursor = [], start + widths[0]
    for mark, width in continuations:
        pieces.append(text[cursor:mark])
        cursor = mark + width
    pieces.append(text[cursor : end - widths[1]])
    return "".join(pieces)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every balanced double quotation in `text`, in order, scare quotes included."""
    spans: list[QuotedSpan] = []
    opened: int | None = None
    opened_width = 1
    continuations: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        found = _INTERESTING.search(text, i)
        if found is None:
            break
        i = found.start()
        char = text[i]
        width = 1
        if char == "\n" and opened is not None:
            resume = _paragraph_starts_with_opening(text, i)
            if resume is None or not _opens_a_sentence(text, opened + opened_width):
                opened, continuations = None, []
            else:
                width = mark_width(text, resume)
                continuations.append((resume, width))
                i = resume
        elif mark_width(text, i):
            width = mark_width(text, i)
            if _role(text, i, inside=opened is not None) == "open":
                unclosed = _unclosed_end(text, opened, i)
                if opened is not None and unclosed is not None:
                    # `"A. "B."` in text whose line breaks were lost: A ends where B opens.
                    cont = tuple(continuations)
                    content = _content(text, opened, unclosed, (opened_width, 0), cont)
                    spans.append(QuotedSpan(opened, unclosed, content, cont, opened_width, 0))
                opened, opened_width, continuations = i, width, []
            elif opened is not None:
                end, cont = i + width, tuple(continuations)
                content = _content(text, opened, end, (opened_width, width), cont)
                spans.append(QuotedSpan(opened, end, content, cont, opened_width, width))
                opened, continuations = None, []
        i += width
    return spans
