"""Which handler normalises a match of each grammar rule (see `patterns.TEMPLATES`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsdesk.dates.context import NO_HINTS, Hints, Result, Tense
from newsdesk.dates.rules_days import (
    clock,
    holiday,
    iso,
    month,
    month_day,
    numeric,
    part_of_day,
    week_of,
    weekday,
    words,
    year,
)
from newsdesk.dates.rules_discourse import anaphoric, sequel
from newsdesk.dates.rules_periods import (
    ago,
    century,
    decade,
    duration,
    fiscal_code,
    per_unit,
    plural_units,
    quarter,
    quarter_code,
    relative,
    season,
    set_,
    this_quarter,
    vague_duration,
    word_decade,
    year_ago,
)

__all__ = ["HANDLERS", "NO_HINTS", "Handler", "Hints", "Result", "Tense"]

Handler = Callable[[re.Match[str], dt.date | None, Hints], Result]

HANDLERS: dict[str, Handler] = {
    "iso": iso,
    "numeric": numeric,
    "clock": clock,
    "part_of_day": part_of_day,
    "weekday": weekday,
    "week_of": week_of,
    "month_day": month_day,
    "month": month,
    "season": season,
    "century": century,
    "word_decade": word_decade,
    "decade": decade,
    "quarter": quarter,
    "quarter_code": quarter_code,
    "fiscal_code": fiscal_code,
    "sequel": sequel,
    "anaphoric": anaphoric,
    "this_quarter": this_quarter,
    "year": year,
    "relative": relative,
    "ago": ago,
    "duration": duration,
    "vague_duration": vague_duration,
    "plural_units": plural_units,
    "set": set_,
    "per_unit": per_unit,
    "holiday": holiday,
    "year_ago": year_ago,
    "words": words,
}
