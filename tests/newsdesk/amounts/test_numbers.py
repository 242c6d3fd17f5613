"""Reading numbers as news writes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.amounts import parse_number
from newsdesk.amounts.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.4", 1.4),
        ("1,234.5", 1234.5),
        ("13,000", 13000),
        ("20,7 billion", 20.7e9),
        ("12,34,567.89", 1234567.89),
        ("two", 2),
        ("a dozen", 12),
        ("two hundred and five", 205),
        ("twenty-five million", 25e6),
        ("half a million", 5e5),
        ("three quarters billion", 7.5e8),
        ("5bn", 5e9),
        ("5 bn", 5e9),
        ("3.2m", 3.2e6),
        ("500k", 5e5),
        ("1.4 billion", 1.4e9),
        ("2 trillion", 2e12),
        ("35 lakh", 3.5e6),
        ("5 crore", 5e7),
        ("7 3/4", 7.75),
        ("1/4", 0.25),
        ("$5-million"[1:], 5e6),
    ],
)
def test_parse_number_reads_digits_words_and_scales(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["", "abc", "S-400", "1990s", "5 apples", "quarter", "1/0", "a", "24/7", "9/11"]
)
def test_parse_number_returns_none_for_anything_but_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_digit_strings_too_long_for_an_amount_are_identifiers() -> None:
    assert parse_number("9" * 400) is None
    assert find_numbers(f"order {'1' * 30} shipped") == []


def test_a_comma_before_three_digits_groups_thousands_not_decimals() -> None:
    assert parse_number("20,700") == 20700
    assert parse_number("5,6") is None
    assert [n.value for n in find_numbers("sizes 5, 6 and 7")] == [5, 6, 7]


def test_fractions_count_only_in_front_of_a_scale_word() -> None:
    assert find_numbers("in the third quarter to June") == []


def test_find_numbers_reports_the_scale_word() -> None:
    (number,) = find_numbers("raised $5m")
    assert (number.start, number.end, number.scale, number.money_only_scale) == (8, 10, 1e6, True)


@given(st.text())
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(st.text(alphabet=st.sampled_from(list("0123456789,./- abmkhundredtwoilx$")), max_size=40))
def test_found_numbers_lie_in_the_text(text: str) -> None:
    for number in find_numbers(text):
        assert 0 <= number.start < number.end <= len(text)
