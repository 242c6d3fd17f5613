"""The specifying article: every direct quote with its speaker, most indirect ones too."""

from __future__ import annotations

import pytest

from newsdesk.contracts import ArticleIn, Quote

pytestmark = pytest.mark.golden

#: Share of a gold quote's characters a prediction must cover (as in `newsdesk eval quotes`).
COVERAGE = 0.3


@pytest.fixture(scope="module")
def quotes(analyzer, turkey_text, turkey_published) -> list[Quote]:
    return analyzer.analyze(ArticleIn(text=turkey_text, published=turkey_published)).quotes


def covering(quotes: list[Quote], gold: dict) -> list[Quote]:
    length = gold["end"] - gold["start"]
    return [
        q
        for q in quotes
        if min(q.end, gold["end"]) - max(q.start, gold["start"]) > COVERAGE * length
    ]


def test_all_direct_quotes_with_the_right_speaker(quotes, turkey_gold):
    direct = [g for g in turkey_gold["quotes"] if g["kind"] == "direct"]
    assert len(direct) == 11
    for gold in direct:
        found = covering(quotes, gold)
        assert found, gold["text"]
        assert found[0].speaker_name == gold["speaker"], gold["text"]
        assert found[0].kind in ("direct", "mixed")
        assert gold["text"] in found[0].text


def test_direct_quote_spans_include_their_marks(quotes, turkey_gold, turkey_text):
    by_span = {(q.start, q.end): q for q in quotes if q.kind == "direct"}
    exact = [g for g in turkey_gold["quotes"] if (g["start"], g["end"]) in by_span]
    assert len(exact) >= 10
    for gold in exact:
        assert by_span[gold["start"], gold["end"]].text == gold["text"]
        assert turkey_text[gold["start"]] in '"“'


def test_most_indirect_quotes_with_the_right_speaker(quotes, turkey_gold):
    indirect = [g for g in turkey_gold["quotes"] if g["kind"] == "indirect"]
    right = [
        g for g in indirect if any(q.speaker_name == g["speaker"] for q in covering(quotes, g))
    ]
    assert len(indirect) == 9
    assert len(right) >= 7, [g["text"] for g in indirect if g not in right]


def test_every_span_points_into_the_article(quotes, turkey_text):
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(turkey_text)
        for span in (quote.cue, quote.speaker):
            assert span is None or turkey_text[span.start : span.end] == span.text
