"""Datelines: the capitalised place that opens a story ("OTTAWA —", "BONN 1996-08-30").

The model often misses a dateline's place or takes it for an organisation, since it is
written in capitals at the head of a line. A line that opens with one to three capitalised
words, an optional region ("IRVINE, Calif."), then a date, an agency in brackets or a dash
is a dateline. With a date the shape alone is sure; before an agency or a dash the words
must name a known place, since headlines open the same way ("SOCCER - ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsdesk.entities import lexicon

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})"
    r"(?:, (?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*)?))?"
    r" *(?:(?P<date>\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4})|\([A-Za-z ]+\)|[—–-] )",
    re.MULTILINE,
)


def dateline_spans(doc: Doc, text: str) -> list[Span]:
    """GPE spans for each dateline's place and region."""
    spans = []
    for match in _DATELINE.finditer(text):
        if not (match["date"] or lexicon.is_place(match["place"])):
            continue
        for group in ("place", "region"):
            if match[group]:
                span = doc.char_span(match.start(group), match.end(group), label="GPE")
                if span is not None:
                    spans.append(span)
    return spans
