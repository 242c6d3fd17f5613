"""Whatever the text and its quotation marks, extraction never raises and stays inside it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.entities import extract_entities
from newsdesk.quotes import extract_quotes

WORDS = st.sampled_from(
    [
        "said", "says", "told", "according", "to", "he", "she", "they", "Maria", "Chen",
        "the", "minister", "argued", "that", "prices", "will", "rise", "adding", "urged",
        "Ottawa", "company", "warned", "We", "are", "ready", ",", ".", ":", "(", ")",
    ]
)  # fmt: skip
MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "''", "«", "»", "\n", "\n\n"])
PIECES = st.one_of(WORDS, MARKS, st.text(max_size=5))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PIECES, st.booleans()), max_size=40))
def test_random_quote_marks_never_raise_and_spans_stay_inside(nlp, pieces):
    text = "".join(piece + (" " if spaced else "") for piece, spaced in pieces)
    doc = nlp(text)
    for quote in extract_quotes(doc, extract_entities(doc)):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.kind in ("direct", "indirect", "mixed")
        for span in (quote.cue, quote.speaker):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert quote.speaker_name is None or quote.speaker_name.lower() not in {"he", "she", "they"}
