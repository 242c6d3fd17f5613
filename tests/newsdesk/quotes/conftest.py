"""`quotes(text)`: the quotes the whole pipeline finds in a text written for a test.

Every cue and speaker it returns is checked against the text at its offsets first.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsdesk.contracts import Quote
from newsdesk.entities import extract_entities
from newsdesk.quotes import extract_quotes


@pytest.fixture
def quotes(nlp: Language) -> Callable[[str], list[Quote]]:
    def run(text: str) -> list[Quote]:
        doc = nlp(text)
        found = extract_quotes(doc, extract_entities(doc))
        for quote in found:
            for span in (quote.cue, quote.speaker):
                assert span is None or text[span.start : span.end] == span.text
        return found

    return run
