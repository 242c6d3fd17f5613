"""Finding tokens by a regular expression over the text, not by walking every token.

Walking a Doc token by token from Python costs more than the rest of the rules together;
a regex over `doc.text` finds the few candidates, and only those become Token objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token


def tokens_matching(
    doc: Doc, text: str, pattern: re.Pattern[str], group: int = 0
) -> Iterator[Token]:
    """Tokens whose text is exactly a match (or a group of a match) of `pattern` in `text`.

    `text` is `doc.text`, passed in because spaCy rebuilds it from the tokens on each access.
    """
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(group), match.end(group))
        if span is not None and len(span) == 1:
            yield span[0]


def words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for any of `words` as a whole word, or None when there are none."""
    alternatives = sorted({re.escape(word) for word in words}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
