"""The specifying article: its amounts exactly as the hand-made gold in ../shared."""

from __future__ import annotations

import pytest

from newsdesk.contracts import ArticleIn

pytestmark = pytest.mark.golden


def test_turkey_amounts_match_the_gold(analyzer, turkey_text, turkey_gold, turkey_published):
    analysis = analyzer.analyze(ArticleIn(text=turkey_text, published=turkey_published))
    amounts = analysis.amounts
    got = sorted(
        (a.start, a.end, a.text, a.value, a.currency, a.unit, a.qualifier) for a in amounts
    )
    expected = sorted(
        (
            g["span"][0],
            g["span"][1],
            g["text"],
            float(g["value"]),
            g.get("currency"),
            g.get("unit"),
            g.get("qualifier"),
        )
        for g in turkey_gold["amounts"]
    )
    assert got == expected


def test_turkey_conversion_is_linked(analyzer, turkey_text, turkey_gold, turkey_published):
    analysis = analyzer.analyze(ArticleIn(text=turkey_text, published=turkey_published))
    by_text = {a.text: index for index, a in enumerate(analysis.amounts)}
    for gold in turkey_gold["amounts"]:
        linked = analysis.amounts[by_text[gold["text"]]].equivalent_of
        assert linked == (by_text[gold["same_as"]] if "same_as" in gold else None)
