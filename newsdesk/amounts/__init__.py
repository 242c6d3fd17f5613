"""Money with ISO 4217 currencies, and other quantities with their units.

`extract_amounts(doc)` is the entry point; the conventions for spans, subunits, rates, ranges
and conversions are in `newsdesk.amounts.extract`. `parse_number` reads one number expression
("1.4 billion", "a dozen", "12,34,567") and never raises.
"""

from __future__ import annotations

from newsdesk.amounts.extract import extract_amounts
from newsdesk.amounts.numbers import parse_number

__all__ = ["extract_amounts", "parse_number"]
