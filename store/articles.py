"""Articles and their analyses: one idempotent write per analysed article.

`save_analysis` first upserts the article row with ON CONFLICT DO UPDATE. On PostgreSQL
that takes the row lock, so a second worker saving the same article waits there until
the first commits, and then replaces the first one's rows instead of adding to them.
On SQLite the write transaction holds the database lock from BEGIN IMMEDIATE. Either
way a redelivered job leaves exactly the rows that one run leaves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, delete, func, select

from newsdesk.contracts import Analysis, Entity, Quote
from store.errors import StoreError
from store.models import AnalysisRow, ArticleRow, EntityRow, MentionRow, QuoteRow, utcnow
from store.upsert import insert_for

_articles = ArticleRow.__table__
_analyses = AnalysisRow.__table__
_entities = EntityRow.__table__
_mentions = MentionRow.__table__
_quotes = QuoteRow.__table__


def save_analysis(connection: Connection, analysis: Analysis, text: str) -> str:
    _refuse_nul(analysis, text)
    article_id = analysis.article.id
    _upsert_article(connection, analysis, text)
    _upsert_analysis(connection, analysis)
    connection.execute(delete(_entities).where(_entities.c.article_id == article_id))
    connection.execute(delete(_quotes).where(_quotes.c.article_id == article_id))
    _insert_entities(connection, article_id, analysis.entities)
    if analysis.quotes:
        connection.execute(
            _quotes.insert(),
            [_quote_row(article_id, idx, quote) for idx, quote in enumerate(analysis.quotes)],
        )
    return article_id


def _refuse_nul(analysis: Analysis, text: str) -> None:
    """PostgreSQL cannot store NUL in text or JSON; refuse it on SQLite too, the same way."""
    if "\x00" in text or any("\x00" in value for value in _strings(analysis.model_dump())):
        raise StoreError(
            f"article {analysis.article.id[:12]}: the analysis contains a NUL character, "
            "which the store cannot keep"
        )


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _upsert_article(connection: Connection, analysis: Analysis, text: str) -> None:
    meta = analysis.article
    now = utcnow()
    insert = insert_for(connection, _articles).values(
        id=meta.id,
        title=meta.title,
        url=meta.url,
        source=meta.source,
        published=meta.published,
        text=text,
        created_at=now,
        updated_at=now,
    )
    # The same text may arrive from a feed, a URL and a paste: keep what any of them knew.
    # The text itself is the newest one, the one the newest analysis's offsets point into
    # (texts that differ only in case or spacing share a content hash).
    excluded = insert.excluded
    statement = insert.on_conflict_do_update(
        index_elements=[_articles.c.id],
        set_={
            "text": excluded.text,
            "title": _coalesce(excluded.title, _articles.c.title),
            "url": _coalesce(excluded.url, _articles.c.url),
            "source": _coalesce(excluded.source, _articles.c.source),
            "published": _coalesce(excluded.published, _articles.c.published),
            "updated_at": excluded.updated_at,
        },
    )
    connection.execute(statement)


def _coalesce(new: Any, old: Any) -> Any:
    return func.coalesce(new, old)


def _upsert_analysis(connection: Connection, analysis: Analysis) -> None:
    now = utcnow()
    insert = insert_for(connection, _analyses).values(
        article_id=analysis.article.id,
        pipeline_version=analysis.pipeline_version,
        schema_version=analysis.schema_version,
        json=analysis.model_dump(mode="json"),
        created_at=now,
        updated_at=now,
    )
    statement = insert.on_conflict_do_update(
        index_elements=[_analyses.c.article_id, _analyses.c.pipeline_version],
        set_={
            "schema_version": insert.excluded.schema_version,
            "json": insert.excluded.json,
            "updated_at": insert.excluded.updated_at,
        },
    )
    connection.execute(statement)


def _insert_entities(connection: Connection, article_id: str, entities: list[Entity]) -> None:
    if not entities:
        return
    rows = [
        {
            "article_id": article_id,
            "idx": idx,
            "name": entity.name,
            "type": entity.type,
            "aliases": list(entity.aliases),
        }
        for idx, entity in enumerate(entities)
    ]
    ids = connection.execute(
        _entities.insert().returning(_entities.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    mentions = [
        {"entity_id": entity_id, "start": m.start, "end": m.end, "text": m.text}
        for entity_id, entity in zip(ids, entities, strict=True)
        for m in entity.mentions
    ]
    if mentions:
        connection.execute(_mentions.insert(), mentions)


def _quote_row(article_id: str, idx: int, quote: Quote) -> dict[str, Any]:
    cue, speaker = quote.cue, quote.speaker
    return {
        "article_id": article_id,
        "idx": idx,
        "kind": quote.kind,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker_text": speaker.text if speaker else None,
        "speaker_start": speaker.start if speaker else None,
        "speaker_end": speaker.end if speaker else None,
        "speaker_name": quote.speaker_name,
    }


def get_analysis(connection: Connection, article_id: str) -> Analysis | None:
    """The newest analysis of an article (there is one per pipeline version)."""
    document = connection.execute(
        select(_analyses.c.json)
        .where(_analyses.c.article_id == article_id)
        .order_by(_analyses.c.updated_at.desc(), _analyses.c.pipeline_version.desc())
        .limit(1)
    ).scalar()
    return Analysis.model_validate(document) if document is not None else None


def article_text(connection: Connection, article_id: str) -> str | None:
    return connection.execute(select(_articles.c.text).where(_articles.c.id == article_id)).scalar()
