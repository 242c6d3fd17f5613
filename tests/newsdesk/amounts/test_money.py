"""Money amounts: value, ISO currency, span, qualifier, ranges and conversions.

Money rules read the text alone, so these tests run on a blank English pipeline.
"""

from __future__ import annotations

import pytest
import spacy

from newsdesk.amounts import extract_amounts
from newsdesk.contracts import Amount

blank = spacy.blank("en")


def money(text: str) -> list[Amount]:
    return [a for a in extract_amounts(blank(text)) if a.currency is not None]


def only(text: str) -> Amount:
    (amount,) = money(text)
    assert amount.text == text[amount.start : amount.end]
    return amount


@pytest.mark.parametrize(
    ("text", "span", "value", "currency"),
    [
        ("The deal is worth $1.4 billion.", "$1.4 billion", 1.4e9, "USD"),
        ("Turkey paid TL 20.7 billion.", "TL 20.7 billion", 20.7e9, "TRY"),
        ("It raised £3.2m last year.", "£3.2m", 3.2e6, "GBP"),
        ("A fine of €500,000 was imposed.", "€500,000", 5e5, "EUR"),
        ("Sales reached US$2.5bn.", "US$2.5bn", 2.5e9, "USD"),
        ("The loan is EUR 5 million.", "EUR 5 million", 5e6, "EUR"),
        ("The loan is 5 million EUR.", "5 million EUR", 5e6, "EUR"),
        ("Budget: Rs 500 crore.", "Rs 500 crore", 5e9, "INR"),
        ("He borrowed 35 lakh rupees.", "35 lakh rupees", 3.5e6, "INR"),
        ("A Rs 1.5 lakh crore plan.", "Rs 1.5 lakh crore", 1.5e12, "INR"),
        ("In 1995 it cost DM 5 million.", "DM 5 million", 5e6, "DEM"),
        ("A ₹5,000 note.", "₹5,000", 5000, "INR"),
        ("Exports hit 100 billion yuan.", "100 billion yuan", 1e11, "CNY"),
        ("The firm paid 5 million Swiss francs.", "5 million Swiss francs", 5e6, "CHF"),
        ("A grant of 10,000 Turkish lira.", "10,000 Turkish lira", 1e4, "TRY"),
        ("The bill came to five million yen.", "five million yen", 5e6, "JPY"),
        ("They lost 30 MUSD in the year.", "30 MUSD", 3e7, "USD"),
        ("Revenue was C$300 million.", "C$300 million", 3e8, "CAD"),
        ("Revenue was HK$10 billion.", "HK$10 billion", 1e10, "HKD"),
        ("Each ticket costs 15 €.", "15 €", 15, "EUR"),
        ("The vote cost them 75 USD million.", "75 USD million", 7.5e7, "USD"),
        ("A coin worth 6.25 BTC.", "6.25 BTC", 6.25, "XBT"),
        ("It sold for $2.5-billion.", "$2.5-billion", 2.5e9, "USD"),
        ("He bid a billion dollars.", "a billion dollars", 1e9, "USD"),
        ("Prices rose to 309,381 yen.", "309,381 yen", 309381, "JPY"),
    ],
)
def test_money_value_currency_and_span(text: str, span: str, value: float, currency: str) -> None:
    amount = only(text)
    assert (amount.text, amount.currency) == (span, currency)
    assert amount.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("The stock rose 50 cents.", 0.5, "USD"),
        ("Shares closed at 197 pence.", 1.97, "GBP"),
        ("A 12-cent dividend was paid.", 0.12, "USD"),
        ("It cost 3 dollars 50 cents.", 3.5, "USD"),
        ("It cost thirteen dollars and forty-five cents.", 13.45, "USD"),
        ("It costs 15 dollars 50.", 15.5, "USD"),
    ],
)
def test_subunits_are_converted_to_the_main_unit(text: str, value: float, currency: str) -> None:
    amount = only(text)
    assert (amount.value, amount.currency) == (pytest.approx(value), currency)


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("They spent more than $247 million.", "more than $247 million", ">"),
        ("Sales of about $14 million.", "about $14 million", "~"),
        ("Nearly €2 billion was lost.", "Nearly €2 billion", "<"),
        ("Fines of up to £10,000 apply.", "up to £10,000", "<="),
        ("At least $5 million went missing.", "At least $5 million", ">="),
        ("It raised under $1 million.", "under $1 million", "<"),
    ],
)
def test_the_span_includes_the_qualifier(text: str, span: str, qualifier: str) -> None:
    amount = only(text)
    assert (amount.text, amount.qualifier) == (span, qualifier)


def test_a_parenthetical_conversion_links_to_the_amount_it_converts() -> None:
    amounts = money("It demanded its $1.4 billion (TL 20.7 billion) payment back.")
    assert [(a.text, a.currency, a.equivalent_of) for a in amounts] == [
        ("$1.4 billion", "USD", None),
        ("TL 20.7 billion", "TRY", 0),
    ]


def test_a_conversion_after_or_about_is_linked_too() -> None:
    amounts = money("The fine was €2 million, or about $2.2 million, the court said.")
    assert [a.equivalent_of for a in amounts] == [None, 0]


def test_amounts_in_a_list_are_not_conversions() -> None:
    amounts = money("It paid €2 million, $3 million and £1 million.")
    assert [a.equivalent_of for a in amounts] == [None, None, None]


def test_a_bracketed_amount_in_the_same_currency_is_not_a_conversion() -> None:
    amounts = money("Profit was $5 million ($3 million after tax).")
    assert [a.equivalent_of for a in amounts] == [None, None]


def test_a_compact_range_is_two_bounds_sharing_currency_and_scale() -> None:
    amounts = money("The project will cost $5-7 million.")
    assert [(a.text, a.value, a.currency, a.qualifier) for a in amounts] == [
        ("$5", 5e6, "USD", ">="),
        ("7 million", 7e6, "USD", "<="),
    ]


def test_a_between_range_is_two_bounds() -> None:
    amounts = money("It will cost between $5 million and $7 million.")
    assert [(a.text, a.value, a.qualifier) for a in amounts] == [
        ("$5 million", 5e6, ">="),
        ("$7 million", 7e6, "<="),
    ]


def test_a_range_with_the_currency_written_last() -> None:
    amounts = money("Estimates range from 5 to 7 million euros.")
    assert [(a.value, a.currency, a.qualifier) for a in amounts] == [
        (5e6, "EUR", None),
        (7e6, "EUR", None),
    ]


def test_two_amounts_joined_by_and_are_not_a_range() -> None:
    amounts = money("It paid $5 million in May and $7 million in June.")
    assert [a.qualifier for a in amounts] == [None, None]


def test_a_money_rate_keeps_what_it_is_per() -> None:
    amount = only("The bid values the company at $70 a share.")
    assert (amount.value, amount.unit) == (70, "per share")


def test_a_year_earlier_is_not_a_rate() -> None:
    assert only("Revenue rose from $1.2 billion a year earlier.").unit is None


def test_each_currency_marker_goes_to_one_number() -> None:
    assert [(a.value, a.currency) for a in money("rmb 10 usd 20")] == [(10, "CNY"), (20, "USD")]
    assert [(a.value, a.currency) for a in money("10 rmb 20 usd")] == [(10, "CNY"), (20, "USD")]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey bought the S-400 system in 2019.",
        "ALL 5 solutions are wrong.",
        "She paid a $ fee.",
        "Call 555-1234-5678 for details.",
        "The F-35 costs a lot.",
        "Meet at 5 p.m. on 12/03/2022.",
        "The athlete weighs 200 pounds.",
        "The index passed the 1,000 mark.",
    ],
)
def test_no_money_without_a_currency(text: str) -> None:
    assert money(text) == []


def test_a_scale_word_makes_pounds_money() -> None:
    assert only("Profit was 361 million pounds.").currency == "GBP"


def test_a_bare_dollar_sign_means_us_dollars_and_a_lone_article_is_not_australian() -> None:
    assert only("He won a $48.2 million contract.").currency == "USD"


def test_conversions_listed_in_one_bracket_all_link_to_the_original() -> None:
    amounts = money("The EU will deliver 3m euros (£2.1m; $4.1m) of aid.")
    assert [(a.currency, a.equivalent_of) for a in amounts] == [
        ("EUR", None),
        ("GBP", 0),
        ("USD", 0),
    ]


def test_two_complete_amounts_joined_by_to_are_a_change_not_a_range() -> None:
    amounts = money("The budget will rise by $19bn to $419.3bn.")
    assert [(a.value, a.qualifier) for a in amounts] == [(19e9, None), (419.3e9, None)]


def test_pence_glued_to_the_number() -> None:
    assert only("Shares closed at 1130p on Thursday.").value == pytest.approx(11.30)
    assert money("We meet at 5 p.m. and at 5p.m. again.") == []


def test_a_quarter_of_a_million() -> None:
    assert only("It cost a quarter of a million dollars.").value == 250_000


def test_a_milestone_mark_is_not_german_marks() -> None:
    assert money("Unemployment stayed around the three million mark.") == []


def test_swedish_kronor() -> None:
    assert only("Profit rose to 9.5bn kronor.").currency == "SEK"


def test_a_year_never_borrows_a_currency_from_a_range_partner() -> None:
    amounts = money("Spending grew from 2019 to $5 million this year.")
    assert [a.text for a in amounts] == ["$5 million"]


def test_four_digit_bounds_with_a_currency_still_make_a_range() -> None:
    amounts = money("Tickets cost $1500-2000 each.")
    assert [(a.value, a.qualifier) for a in amounts] == [(1500, ">="), (2000, "<=")]
