"""The Analysis contract: field names, JSON round trip, offsets inside the text."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsdesk import Analysis, ArticleIn, analyze

TEXT = (
    "Mayor Jane Okafor said on Monday that the city will spend $12 million on new buses.\n"
    '"We cannot wait any longer," Okafor told reporters in Riverton.'
)


def test_analysis_has_the_contract_fields():
    analysis = analyze(TEXT)
    assert set(analysis.model_dump()) == {
        "schema_version",
        "pipeline_version",
        "article",
        "entities",
        "quotes",
        "amounts",
        "dates",
        "summary",
        "keywords",
    }
    assert set(analysis.article.model_dump()) == {"id", "title", "url", "source", "published"}


def test_json_round_trip_is_lossless():
    analysis = analyze(TEXT)
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis


def test_every_span_lies_inside_the_text_and_matches_it():
    analysis = analyze(TEXT)
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert TEXT[mention.start : mention.end] == mention.text
    for item in [*analysis.quotes, *analysis.amounts, *analysis.dates]:
        assert 0 <= item.start <= item.end <= len(TEXT)


def test_the_same_text_gets_the_same_id():
    assert analyze(TEXT).article.id == analyze(TEXT + "\n\n").article.id


def test_an_article_needs_a_body():
    with pytest.raises(ValidationError, match="one of text, html or url"):
        ArticleIn(title="no body")
