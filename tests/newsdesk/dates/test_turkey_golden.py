"""The specifying article: every gold date with its span and value (gold read from ../shared)."""

from __future__ import annotations

import pytest

from newsdesk.contracts import ArticleIn

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def dates(analyzer, turkey_text, turkey_published):
    return analyzer.analyze(ArticleIn(text=turkey_text, published=turkey_published)).dates


def test_every_gold_date_is_found_with_its_value(dates, turkey_gold):
    found = {(d.start, d.end): (d.text, d.value) for d in dates}
    for gold in turkey_gold["dates"]:
        start, end = gold["span"]
        assert found.get((start, end)) == (gold["text"], gold["value"]), gold


def test_dates_outside_the_gold_are_resolved_temporal_expressions(dates, turkey_gold):
    """The gold lists calendar dates only; other expressions (`today`, `the past`) may be
    reported, but each must carry a value."""
    gold_spans = {tuple(gold["span"]) for gold in turkey_gold["dates"]}
    extras = [d for d in dates if (d.start, d.end) not in gold_spans]
    assert all(d.value for d in extras), extras
