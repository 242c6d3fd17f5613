"""Which currency a marker next to a number stands for."""

from __future__ import annotations

import pytest

from newsdesk.amounts.currencies import currency_after, currency_before, currency_named


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("$5", "USD"),
        ("US$ 5", "USD"),
        ("us $ 5", "USD"),
        ("C$5", "CAD"),
        ("c $ 5", "CAD"),
        ("A$5", "AUD"),
        ("HK$5", "HKD"),
        ("hk $ 5", "HKD"),
        ("€5", "EUR"),
        ("£5", "GBP"),
        ("¥5", "JPY"),
        ("₺5", "TRY"),
        ("₹5", "INR"),
        ("TL 5", "TRY"),
        ("Rs 5", "INR"),
        ("Rs.5", "INR"),
        ("USD 5", "USD"),
        ("EUR5", "EUR"),
        ("rmb 5", "CNY"),
        ("nzd$5", "NZD"),
        ("₿5", "XBT"),
    ],
)
def test_markers_before_the_number(text: str, code: str) -> None:
    found = currency_before(text, len(text) - 1)
    assert found is not None
    assert found.marker.code == code
    assert found.start == 0


@pytest.mark.parametrize("text", ["a $5", "ALL 5", "all 5", "try 5", "abc$5", "TOP 5"])
def test_articles_and_words_that_spell_codes_are_not_currencies(text: str) -> None:
    found = currency_before(text, len(text) - 1)
    assert found is None or (found.marker.code == "USD" and found.start == len(text) - 2)


@pytest.mark.parametrize(
    ("text", "code", "multiplier"),
    [
        ("5 euros", "EUR", 1),
        ("5 Turkish lira", "TRY", 1),
        ("5 Turkish liras", "TRY", 1),
        ("5 Swiss francs", "CHF", 1),
        ("5 Hong Kong dollars", "HKD", 1),
        ("5 Finnish markka", "FIM", 1),
        ("5 rupees", "INR", 1),
        ("5 yuan", "CNY", 1),
        ("5 yen", "JPY", 1),
        ("5 dollars", "USD", 1),
        ("5 €", "EUR", 1),
        ("5元", "CNY", 1),
        ("5 cents", "USD", 0.01),
        ("5 pence", "GBP", 0.01),
        ("5-cent", "USD", 0.01),
        ("5 MUSD", "USD", 1e6),
    ],
)
def test_markers_after_the_number(text: str, code: str, multiplier: float) -> None:
    found = currency_after(text, 1)
    assert found is not None
    assert (found.marker.code, found.marker.multiplier) == (code, multiplier)
    assert found.end == len(text)


@pytest.mark.parametrize("text", ["5 p.m.", "5 dollarsx", "5 try", "3 USD50"])
def test_no_marker_after_the_number(text: str) -> None:
    assert currency_after(text, 1) is None


def test_units_that_may_be_weights_are_flagged_ambiguous() -> None:
    found = currency_after("200 pounds", 3)
    assert found is not None and found.marker.ambiguous


def test_currency_names_resolve_through_the_same_lexicon() -> None:
    assert currency_named("pound sterling").code == "GBP"  # type: ignore[union-attr]
    assert currency_named("Chinese yuan").code == "CNY"  # type: ignore[union-attr]
    assert currency_named("penny").multiplier == 0.01  # type: ignore[union-attr]
    assert currency_named("workers") is None
