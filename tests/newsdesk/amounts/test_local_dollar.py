"""A bare "$" is the local dollar in local news from a dollar country, else US dollars.

The places an article names are given as GPE entities by hand, so each test says exactly
which places the article mentions.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsdesk.amounts import extract_amounts
from newsdesk.amounts.local_dollar import is_bare_dollar, local_dollar, local_dollars

blank = spacy.blank("en")


def article(text: str, places: list[str]) -> Doc:
    """`text` with each listed place tagged GPE wherever it is written."""
    doc = blank(text)
    spans = []
    for place in places:
        start = text.find(place)
        while start != -1:
            spans.append(doc.char_span(start, start + len(place), label="GPE"))
            start = text.find(place, start + 1)
    doc.ents = sorted(spans, key=lambda span: span.start)
    return doc


def currencies(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.text, a.currency) for a in extract_amounts(doc) if a.currency]


ONTARIO = (
    "Ontario will spend $210 million on smaller classes. Parents in Ontario pay 50 cents "
    "more a day for lunches, and the board borrowed 3 million dollars."
)


def test_local_news_from_canada_means_canadian_dollars() -> None:
    doc = article(ONTARIO, ["Ontario"])
    assert local_dollar(doc) == "CAD"
    assert currencies(doc) == [
        ("$210 million", "CAD"),
        ("50 cents", "CAD"),
        ("3 million dollars", "CAD"),
    ]


def test_an_explicit_us_dollar_stays_american_in_local_news() -> None:
    text = ONTARIO + " The parts cost US$4 million and 2 million U.S. dollars."
    assert currencies(article(text, ["Ontario"]))[-2:] == [
        ("US$4 million", "USD"),
        ("2 million U.S. dollars", "USD"),
    ]


def test_wire_copy_that_writes_c_dollars_keeps_bare_dollars_american() -> None:
    text = "Canada sold C$5 billion of bonds. Canada also bought $2 billion of U.S. debt."
    assert currencies(article(text, ["Canada"])) == [
        ("C$5 billion", "CAD"),
        ("$2 billion", "USD"),
    ]


def test_one_mention_is_not_enough_to_call_an_article_local() -> None:
    text = "A mine in Queensland was sold for $80 million."
    assert currencies(article(text, ["Queensland"])) == [("$80 million", "USD")]


def test_where_the_united_states_is_named_as_often_the_dollar_stays_american() -> None:
    text = (
        "Australia and the United States agreed: "
        "Australia pays $1 billion, the United States $3 billion."
    )
    assert local_dollar(article(text, ["Australia", "the United States"])) == "USD"


def test_a_country_whose_dollar_is_not_written_as_a_bare_sign_changes_nothing() -> None:
    text = "Hong Kong spent $9 billion. Hong Kong's budget grew."
    assert "HK" not in local_dollars()
    assert local_dollar(article(text, ["Hong Kong"])) == "USD"


def test_the_local_dollar_countries_come_from_cldr() -> None:
    dollars = local_dollars()
    assert {dollars["CA"], dollars["AU"], dollars["NZ"], dollars["SG"]} == {
        "CAD",
        "AUD",
        "NZD",
        "SGD",
    }
    assert "US" not in dollars and "MX" not in dollars


def test_what_counts_as_a_bare_dollar() -> None:
    assert is_bare_dollar("$5")
    assert is_bare_dollar("about 5 dollars")
    assert not is_bare_dollar("US$5")
    assert not is_bare_dollar("5 American dollars")
    assert not is_bare_dollar("€5")
