"""Non-money quantities: percentages and counted things, with precision first.

Counted nouns come from the dependency parse, so these tests use the real pipeline.
"""

from __future__ import annotations

import pytest

from newsdesk.amounts import extract_amounts
from newsdesk.contracts import Amount


@pytest.fixture
def quantities(nlp):
    def run(text: str) -> list[Amount]:
        return [a for a in extract_amounts(nlp(text)) if a.currency is None]

    return run


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Growth was 5 percent last year.", "5 percent", 5, "percent"),
        ("Sales fell 27 % in the quarter.", "27 %", 27, "percent"),
        ("Inflation hit 8.5% in May.", "8.5%", 8.5, "percent"),
        ("Rates rose 2 percentage points.", "2 percentage points", 2, "percentage points"),
        ("Shares fell 5pc on Monday.", "5pc", 5, "percent"),
    ],
)
def test_percentages(quantities, text: str, span: str, value: float, unit: str) -> None:
    (amount,) = quantities(text)
    assert (amount.text, amount.value, amount.unit) == (span, value, unit)


def test_a_percent_range_is_two_bounds(quantities) -> None:
    amounts = quantities("Prices will rise 10-15 percent next year.")
    assert [(a.value, a.unit, a.qualifier) for a in amounts] == [
        (10, "percent", ">="),
        (15, "percent", "<="),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        ("The plant employs 13,000 workers.", "13,000", 13000, "workers", None),
        ("Ankara ordered more than 100 F-35 jets.", "more than 100", 100, "F-35 jets", ">"),
        ("The storm displaced about 2 million people.", "about 2 million", 2e6, "people", "~"),
        ("The agency signed 126 contracts.", "126", 126, "contracts", None),
        ("It took more than 2 million pre-orders.", "more than 2 million", 2e6, "pre-orders", ">"),
    ],
)
def test_counted_nouns(
    quantities, text: str, span: str, value: float, unit: str, qualifier: str | None
) -> None:
    (amount,) = quantities(text)
    assert (amount.text, amount.value, amount.unit, amount.qualifier) == (
        span,
        value,
        unit,
        qualifier,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Washington blacklisted three other employees.",
        "The two allies disagree.",
        "The removal came in 2019.",
        "It happened on Feb. 24 at 10:30.",
        "She finished 3rd in the race.",
        "Turkey bought S-400 systems.",
        "Call 555-1234-5678 for details.",
        "The company reported its 1988 results.",
        "Prices peaked in the 1990s.",
        "The 9/11 attacks changed everything.",
        "The shop offers 24/7 services.",
    ],
)
def test_not_quantities(quantities, text: str) -> None:
    assert quantities(text) == []


def test_a_scaled_number_after_a_percentage_does_not_become_a_percentage(quantities) -> None:
    amounts = quantities("Output will increase by 46% to 420 million by 2050.")
    assert [(a.text, a.unit) for a in amounts] == [("46%", "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "Boeing unveiled its much-anticipated 787 Dreamliner plane.",
        "The launch is at 2200 GMT.",
        "Consumers make up about two-thirds of spending.",
        "Almost five times as many people signed up.",
        "The disc holds up to 6 times more data.",
        "The gearbox saves at least 20 seconds per lap.",
    ],
)
def test_designators_clock_times_fractions_and_multipliers_are_not_counts(
    quantities, text: str
) -> None:
    assert quantities(text) == []


def test_a_count_range_shares_its_unit(quantities) -> None:
    amounts = quantities("The new aircraft seats 110 to 135 passengers.")
    assert [(a.text, a.unit, a.qualifier) for a in amounts] == [
        ("110", "passengers", ">="),
        ("135", "passengers", "<="),
    ]


def test_a_score_is_not_a_range_of_games(quantities) -> None:
    amounts = quantities("They won 3-1 in 12 games.")
    assert [(a.text, a.unit, a.qualifier) for a in amounts] == [("12", "games", None)]
