"""Handlers for expressions that count from the narrative's reference time, not from the
publication date: `the following year`, `the previous Friday`, `later that day`.

TimeML anchors these to the time the text has reached (`Hints.reference`, the latest
date before them); with none, the publication date stands in, as for `next year`.
"""

from __future__ import annotations

import datetime as dt

from newsdesk.dates import calendar as cal
from newsdesk.dates.context import Anchor, Hints, Match, Result
from newsdesk.dates.lexicon import key, lexicon

_UNITS = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y"}
_UNITS |= {"decade": "DE", "century": "CE"}
#: Coarse to fine: a reference can be cut down to a coarser unit, never refined.
_GRANULARITY = ["CE", "DE", "Y", "Q", "M", "W", "D"]


def _reference(anchor: Anchor, hints: Hints) -> tuple[dt.date, str] | None:
    """The reference time's first day and granularity, else the publication date."""
    found = cal.point(hints.reference) if hints.reference else None
    return found or ((anchor, "D") if anchor else None)


def _coarser_than(granularity: str, unit: str) -> bool:
    return _GRANULARITY.index(granularity) < _GRANULARITY.index("W" if unit == "WE" else unit)


def sequel(m: Match, anchor: Anchor, hints: Hints) -> Result:
    reference = _reference(anchor, hints)
    unit = "D" if m.group("wd") or m.group("next") else _UNITS[key(m.group("unit"))]
    if reference is None or _coarser_than(reference[1], unit):
        return "DATE", None
    step = 1 if key(m.group("rel") or m.group("next")) in ("following", "next") else -1
    if m.group("wd"):
        weekday = lexicon().weekdays[key(m.group("wd"))]
        direction: cal.Direction = "future" if step > 0 else "past"
        return "DATE", cal.day(cal.weekday_date(reference[0], weekday, direction))
    return "DATE", cal.shift(reference[0], unit, step)


def anaphoric(m: Match, anchor: Anchor, hints: Hints) -> Result:
    """`that year`, `later that day`: the reference time cut to the unit, when the
    reference is at least that fine (after `in 1998`, `that day` names no day)."""
    found = cal.point(hints.reference) if hints.reference else None
    unit = _UNITS[key(m.group("unit"))]
    if found is None or _coarser_than(found[1], unit):
        return "DATE", None
    return "DATE", cal.shift(found[0], unit, 0)
