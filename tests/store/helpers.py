"""Helpers for store tests: a hand-made analysis and row counts read around the store."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, func, select

from newsdesk.contracts import Analysis, ArticleMeta, Entity, Quote, Span
from newsdesk.text import content_hash
from store.models import Base

TABLES = ("articles", "analyses", "entities", "mentions", "quotes", "jobs")

# Written for these tests; the offsets index into it.
ARTICLE_TEXT = (
    'Harbour Board chair Mina Okafor said the dredging would cost $12 million. "We will '
    'not wait for another flood," Okafor told the Lagos Port Authority on Monday.'
)

# The rows one save of `make_analysis(entities=3)` writes: Okafor has two mentions.
ONE_SAVE_OF_THREE_ENTITIES = {
    "articles": 1,
    "analyses": 1,
    "entities": 3,
    "mentions": 4,
    "quotes": 1,
    "jobs": 0,
}


def row_counts(url: str) -> dict[str, int]:
    """Rows per table, read through a connection of its own (not the store's)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(
                    select(func.count()).select_from(Base.metadata.tables[name])
                ).scalar_one()
                for name in TABLES
            }
    finally:
        engine.dispose()


def make_analysis(
    *, pipeline_version: str = "test-1", entities: int = 2, title: str | None = "Dredging"
) -> Analysis:
    """An analysis of ARTICLE_TEXT with entities, mentions and a quote with its speaker."""

    def span(surface: str, occurrence: int = 0) -> Span:
        start = -1
        for _ in range(occurrence + 1):
            start = ARTICLE_TEXT.index(surface, start + 1)
        return Span(start=start, end=start + len(surface), text=surface)

    people = [
        Entity(
            name="Mina Okafor",
            type="PERSON",
            aliases=["Okafor"],
            mentions=[span("Mina Okafor"), span("Okafor", 1)],
        ),
        Entity(name="Lagos Port Authority", type="ORG", mentions=[span("Lagos Port Authority")]),
        Entity(name="Harbour Board", type="ORG", mentions=[span("Harbour Board")]),
    ][:entities]
    content = span("We will not wait for another flood,")
    quote = Quote(
        kind="direct",
        text=content.text,
        start=content.start,
        end=content.end,
        cue=span("told"),
        speaker=span("Okafor", 1),
        speaker_name="Mina Okafor",
    )
    return Analysis(
        pipeline_version=pipeline_version,
        article=ArticleMeta(
            id=content_hash(ARTICLE_TEXT),
            title=title,
            url=None,
            source="test",
            published=dt.date(2026, 3, 2),
        ),
        entities=people,
        quotes=[quote],
        summary="Dredging will cost $12 million.",
        keywords=["dredging"],
    )
