"""What an article has said so far about time, for expressions that refer back to it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from newsdesk.dates import calendar as cal
from newsdesk.dates.context import Hints

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


class Discourse:
    """The reference time and the reported quarter, updated expression by expression.

    The reference time is the latest calendar value seen. The reported quarter is the
    first quarter named among those begun in the year up to publication: an earnings
    report leads with its own quarter, and later mentions of other quarters (an outlook
    for the next one, "the year-ago quarter") do not replace it. Measured on TimeBank,
    the first quarter named beats the latest one and the most frequent one.
    """

    def __init__(self, published: dt.date | None) -> None:
        self._published = published
        self._reference: str | None = None
        self._quarter: str | None = None

    def hints(self, hints: Hints) -> Hints:
        return dataclasses.replace(hints, reference=self._reference, reported_quarter=self._quarter)

    def saw(self, type_: str, value: str | None) -> None:
        if value is None or type_ not in ("DATE", "TIME") or cal.point(value) is None:
            return
        self._reference = value
        if self._quarter is None and self._is_recent_quarter(value):
            self._quarter = value

    def _is_recent_quarter(self, value: str) -> bool:
        found = _QUARTER.fullmatch(value)
        if found is None or self._published is None:
            return False
        year, number = int(found.group(1)), int(found.group(2))
        back = (self._published.year - year) * 4 + cal.quarter_of(self._published) - number
        return 0 <= back < 4
