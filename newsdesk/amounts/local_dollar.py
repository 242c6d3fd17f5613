"""Which dollar a bare "$" means in an article: the local one where local press writes it so.

A Canadian paper's "$210 million" is Canadian dollars, an Australian paper's is Australian,
while wire copy about the same places writes "C$" or "A$" and keeps "$" for US dollars. So a
bare "$" (or "dollars", "cents") is the local currency when the places the article names are
mostly in one English-speaking country whose own dollar English writes as "$", and the
article never writes that currency's prefixed form; otherwise it stays US dollars.

Which countries those are comes from CLDR (Babel): English is official there and the English
locale's symbol for the local currency is "$" (Canada, Australia, New Zealand, Singapore,
Jamaica, ...). Places are read from the model's GPE entities: countries and their capitals,
and provinces and states (pycountry's ISO 3166-2).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from babel.core import get_global
from babel.numbers import get_currency_symbol, get_territory_currencies
from spacy.tokens import Doc

from newsdesk.entities.lexicon import capitals, country_code, region_country

US_DOLLAR = "USD"
#: A place must be named this often before the article counts as local news there.
_MIN_MENTIONS = 2
_BARE = re.compile(r"\$|\bdollars?\b|\bcents?\b", re.IGNORECASE)
_EXPLICIT_US = re.compile(r"\bU\.?S\.?|\bUSD\b|\bamerican\b|\bgreenbacks?\b", re.IGNORECASE)
#: "C$", "A$", "NZ$", "S$", "Can$", "AU$": one to three letters glued to the dollar sign.
_PREFIXED = r"(?<![A-Za-z]){prefix}\$"


@functools.cache
def local_dollars() -> dict[str, str]:
    """Territory (ISO alpha-2) -> its currency, for English-speaking "$" territories but the US."""
    today = dt.date.today()
    found: dict[str, str] = {}
    for territory, languages in get_global("territory_languages").items():
        if not languages.get("en", {}).get("official_status"):
            continue
        currencies = get_territory_currencies(territory, today)
        if not currencies or currencies[0] == US_DOLLAR:
            continue
        try:
            symbol = get_currency_symbol(currencies[0], f"en_{territory}")
        except ValueError:
            continue
        if symbol == "$":
            found[territory] = currencies[0]
    return found


def _country_of(place: str) -> str | None:
    return country_code(place) or region_country(place) or capitals().get(place)


def _prefixed_forms(currency: str) -> re.Pattern[str]:
    """The prefixed ways of writing a local dollar: 'C$', 'CA$', 'Can$' for CAD, 'A$' for AUD."""
    letters = {currency[:1], currency[:2]}
    if currency == "CAD":
        letters.add("Can")
    alternation = "|".join(sorted(letters, key=len, reverse=True))
    return re.compile(_PREFIXED.format(prefix=f"(?:{alternation})"))


def local_dollar(doc: Doc) -> str:
    """The ISO code a bare "$" stands for in this article (USD unless local news says otherwise)."""
    counts = Counter(
        country
        for entity in doc.ents
        if entity.label_ == "GPE" and (country := _country_of(entity.text)) is not None
    )
    if not counts:
        return US_DOLLAR
    country, mentions = counts.most_common(1)[0]
    currency = local_dollars().get(country)
    if currency is None or mentions < _MIN_MENTIONS or mentions <= counts.get("US", 0):
        return US_DOLLAR
    if _prefixed_forms(currency).search(doc.text):
        return US_DOLLAR
    return currency


def is_bare_dollar(written: str) -> bool:
    """Whether an amount as written names its dollar without saying which ('$5', '5 dollars')."""
    return _BARE.search(written) is not None and _EXPLICIT_US.search(written) is None
