"""`normalise(text, anchor)`: one temporal expression -> its TIMEX3 type and value."""

from __future__ import annotations

import datetime as dt

from newsdesk.dates.patterns import compiled
from newsdesk.dates.rules import HANDLERS, NO_HINTS, Hints, Result


def normalise(text: str, anchor: dt.date | None, hints: Hints = NO_HINTS) -> Result:
    """TIMEX3 (type, value) of a temporal expression seen from the anchor date.

    Unrecognised text and relative expressions without an anchor get the value None;
    the type then defaults to DATE, the commonest.
    """
    text = text.strip()
    for name, pattern in compiled().items():
        found = pattern.fullmatch(text)
        if found:
            try:
                return HANDLERS[name](found, anchor, hints)
            except (ValueError, KeyError, OverflowError):
                return "DATE", None
    return "DATE", None
