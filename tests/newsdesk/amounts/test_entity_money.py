"""A currency name before the number counts when spaCy tags the stretch MONEY."""

from __future__ import annotations

from newsdesk.amounts import extract_amounts


def test_a_leading_currency_name_inside_a_money_entity(nlp) -> None:
    (amount,) = extract_amounts(nlp("The price starts at dollar 22.5 million."))
    assert (amount.text, amount.value, amount.currency) == ("dollar 22.5 million", 22.5e6, "USD")


def test_the_dollar_as_a_subject_is_not_a_marker(nlp) -> None:
    amounts = extract_amounts(nlp("The dollar rose 1.5 percent to 110 yen."))
    assert [(a.text, a.currency, a.unit) for a in amounts] == [
        ("1.5 percent", None, "percent"),
        ("110 yen", "JPY", None),
    ]
