"""Temporal expressions normalised to TIMEX3 values against the publication date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from newsdesk.contracts import TimeExpr


def extract_dates(doc: Doc, published: dt.date | None) -> list[TimeExpr]:
    return []
