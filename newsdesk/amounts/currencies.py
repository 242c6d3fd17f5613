"""Currency markers next to a number: symbols, ISO 4217 codes, newsroom abbreviations, names.

ISO 4217 codes come from pycountry (the current list) and English currency names, singular and
plural, from Babel's CLDR data, so "Finnish markka" or "Hong Kong dollars" need no table of
ours. `currency_markers.tsv` adds what those libraries lack: "TL", "Rs", "C$", narrow symbols,
the currency a bare "$" or "francs" means to a news reader, subunits ("cents"), and the codes
that are English words ("ALL") and so never count. A code glued to an "M" is a million
("30 MUSD", "MEUR 120"), as Nordic and German business reporting writes it.

The one non-ISO code is XBT for bitcoin, the de facto code that market data vendors use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry
from babel import Locale
from babel.numbers import get_currency_name

from newsdesk.amounts.lexicon import rows

_MILLION = 1_000_000.0


@dataclass(frozen=True)
class Marker:
    """A currency written next to a number; `multiplier` scales the number ("cents" = 0.01)."""

    code: str
    multiplier: float = 1.0
    ambiguous: bool = False


@dataclass(frozen=True)
class CurrencyMatch:
    start: int
    end: int
    marker: Marker


@dataclass(frozen=True)
class _Side:
    """The markers on one side of a number: exact-case ones and case-free ones."""

    cased: dict[str, Marker]
    folded: dict[str, Marker]
    patterns: tuple[re.Pattern[str], re.Pattern[str]]


def _fold(surface: str) -> str:
    """Lookup key for case-free markers: lower case, no spaces ("US $" -> "us$")."""
    return re.sub(r"\s+", "", surface.lower())


def _surface_pattern(surface: str) -> str:
    """A marker as a regex that tolerates a space between words and in "hk $" (not "a $")."""
    parts = [re.escape(part) for part in surface.split()]
    pattern = r"\s+".join(parts)
    return re.sub(r"(?<=[\w.][\w.])\\\$", r"\\s?\\$", pattern)


def _babel_names() -> dict[str, str]:
    """English currency names (singular and plural, lower case) -> ISO code, current first."""
    current = {currency.alpha_3 for currency in pycountry.currencies}
    locale = Locale("en")
    names: dict[str, str] = {}
    for code, name in locale.currencies.items():
        forms = [name, get_currency_name(code, 1, locale), get_currency_name(code, 2, locale)]
        for form in forms:
            form = re.sub(r"\s*\(.*?\)", "", form).strip().lower()
            if not form or any(ch.isdigit() for ch in form) or " " not in form:
                continue
            for variant in (form, form if form.endswith("s") else form + "s"):
                if variant not in names or (code in current and names[variant] not in current):
                    names[variant] = code
    return names


def _codes() -> list[str]:
    """Current ISO 4217 codes plus the pre-euro ones news archives still mention."""
    historic = ["DEM", "FRF", "ITL", "ESP", "NLG", "FIM", "ATS", "BEF", "IEP", "PTE", "GRD"]
    return sorted({currency.alpha_3 for currency in pycountry.currencies} | set(historic))


def _alternation(surfaces: list[str]) -> str:
    ordered = sorted(set(surfaces), key=len, reverse=True)
    return "|".join(_surface_pattern(surface) for surface in ordered)


@functools.cache
def _sides() -> dict[str, _Side]:
    sides = ("before", "after", "glued")
    cased: dict[str, dict[str, Marker]] = {side: {} for side in sides}
    folded: dict[str, dict[str, Marker]] = {side: {} for side in sides}
    spelled: dict[str, list[str]] = {side: [] for side in sides}
    never: set[str] = set()

    def add(surface: str, marker: Marker, case: str, position: str) -> None:
        for side in ("before", "after") if position == "both" else (position,):
            if case == "cased":
                cased[side].setdefault(surface, marker)
            else:
                folded[side].setdefault(_fold(surface), marker)
                spelled[side].append(surface)

    for row in rows("currency_markers.tsv"):
        surface, code, case, position = row[:4]
        if code == "-":
            never.add(surface)
            continue
        multiplier = float(row[4]) if len(row) > 4 else 1.0
        marker = Marker(code, multiplier, ambiguous=position.endswith("?"))
        add(surface, marker, case, position.rstrip("?"))
    for code in _codes():
        if code not in never:
            add(code, Marker(code), "cased", "both")
            add(f"M{code}", Marker(code, _MILLION), "cased", "both")
    for name, code in _babel_names().items():
        add(name, Marker(code), "any", "after")

    def patterns(side: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
        separator = {"before": "", "after": r"(?:[ \t]|[ \t]?-[ \t]?)?", "glued": ""}[side]
        if side == "before":
            template = r"(?<![^\W\d_])(?P<marker>{})[ \t]?\Z"
        else:
            template = separator + r"(?P<marker>{})(?![^\W_]|\.[^\W\d_])"
        return (
            re.compile(template.format(_alternation(list(cased[side])))),
            re.compile(template.format(_alternation(spelled[side])), re.IGNORECASE),
        )

    return {side: _Side(cased[side], folded[side], patterns(side)) for side in sides}


def _marker(side: _Side, surface: str) -> Marker | None:
    return side.cased.get(surface) or side.folded.get(_fold(surface))


def currency_before(text: str, position: int, window: int = 16) -> CurrencyMatch | None:
    """The currency marker that ends at `position` (allowing one space), if any."""
    side = _sides()["before"]
    start = max(0, position - window)
    found = [p.search(text, start, position) for p in side.patterns]
    matches = [m for m in found if m is not None and _marker(side, m["marker"])]
    if not matches:
        return None
    best = min(matches, key=lambda m: m.start("marker"))
    return CurrencyMatch(best.start("marker"), best.end("marker"), _marker(side, best["marker"]))


def currency_after(text: str, position: int) -> CurrencyMatch | None:
    """The currency marker that starts at `position` (after a space or hyphen), if any."""
    matches = [
        (match, side)
        for side in (_sides()["after"], _sides()["glued"])
        for pattern in side.patterns
        if (match := pattern.match(text, position)) is not None and _marker(side, match["marker"])
    ]
    if not matches:
        return None
    best, side = max(matches, key=lambda pair: pair[0].end("marker"))
    return CurrencyMatch(best.start("marker"), best.end("marker"), _marker(side, best["marker"]))


def currency_named(name: str) -> Marker | None:
    """The currency a written name or code stands for ('Swiss francs', 'cent', 'EUR'), if any."""
    for side in _sides().values():
        marker = _marker(side, name.strip())
        if marker is not None:
            return marker
    return None
