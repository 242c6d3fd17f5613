"""Temporal expressions normalised to TIMEX3 values against the publication date.

`extract_dates(doc, published)` finds the expressions with the rule grammar in
`patterns.py` and normalises each with `normalise()` (pure, usable without
spaCy). Relative expressions in an article without a publication date keep
their span with the value None.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from newsdesk.contracts import TimeExpr
from newsdesk.dates.discourse import Discourse
from newsdesk.dates.normalise import normalise
from newsdesk.dates.spans import (
    article_cues,
    find_spans,
    hints_at,
    inside_name,
    looks_like_a_title,
)

__all__ = ["extract_dates", "normalise"]

#: Any fixed date tells a relative expression from text the grammar cannot read.
_PROBE_ANCHOR = dt.date(2000, 6, 15)


def extract_dates(doc: Doc, published: dt.date | None) -> list[TimeExpr]:
    """Every temporal expression in the doc, in text order, with its TIMEX3 value.

    Spans the grammar finds but cannot read (`fall` the verb) or that are part of a name
    (`Tom May`, `Jan Kavan`, by the doc's entities) are left out; with no
    publication date a relative expression stays, with the value None.
    """
    dates = []
    # spaCy rebuilds doc.text from its tokens on every access: read it once.
    article = doc.text
    cues = article_cues(article)
    discourse = Discourse(published)
    for start, end in find_spans(article):
        if inside_name(doc, start, end) or looks_like_a_title(article, start, end):
            continue
        text = article[start:end]
        hints = discourse.hints(hints_at(doc, article, cues, start, end))
        type_, value = normalise(text, published, hints)
        if value is None and (published is not None or normalise(text, _PROBE_ANCHOR)[1] is None):
            continue
        discourse.saw(type_, value)
        dates.append(TimeExpr(text=text, start=start, end=end, type=type_, value=value))
    return dates
