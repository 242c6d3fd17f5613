"""Articles and analyses: stored once per content hash, replaced wholesale on a re-run."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, select

from newsdesk.contracts import Analysis, ArticleIn, ArticleMeta
from newsdesk.pipeline import Analyzer
from newsdesk.text import content_hash
from store import JobNotFound, JobState, Store
from store.models import ArticleRow
from tests.store.helpers import (
    ARTICLE_TEXT,
    ONE_SAVE_OF_THREE_ENTITIES,
    make_analysis,
    row_counts,
)


def test_a_saved_analysis_reads_back_equal(store: Store) -> None:
    analysis = make_analysis()

    article_id = store.save_analysis(analysis, ARTICLE_TEXT)

    assert article_id == analysis.article.id
    assert store.analysis(article_id) == analysis
    assert store.article_text(article_id) == ARTICLE_TEXT


def test_one_save_writes_the_article_its_entities_mentions_and_quotes(
    store: Store, database_url: str
) -> None:
    store.save_analysis(make_analysis(entities=3), ARTICLE_TEXT)

    assert row_counts(database_url) == ONE_SAVE_OF_THREE_ENTITIES


def test_saving_the_same_analysis_three_times_leaves_the_rows_of_one_save(
    store: Store, database_url: str
) -> None:
    analysis = make_analysis(entities=3)
    store.save_analysis(analysis, ARTICLE_TEXT)
    once = row_counts(database_url)

    store.save_analysis(analysis, ARTICLE_TEXT)
    store.save_analysis(analysis, ARTICLE_TEXT)

    assert row_counts(database_url) == once
    assert store.stats()["articles"] == 1


def test_a_new_analysis_of_an_article_replaces_its_entities_and_quotes(
    store: Store, database_url: str
) -> None:
    store.save_analysis(make_analysis(entities=3), ARTICLE_TEXT)

    store.save_analysis(make_analysis(entities=1), ARTICLE_TEXT)

    counts = row_counts(database_url)
    assert (counts["entities"], counts["mentions"], counts["quotes"]) == (1, 2, 1)
    stored = store.analysis(make_analysis().article.id)
    assert stored is not None and [e.name for e in stored.entities] == ["Mina Okafor"]


def test_each_pipeline_version_keeps_its_analysis_and_the_newest_is_read(
    store: Store, database_url: str
) -> None:
    store.save_analysis(make_analysis(pipeline_version="v1"), ARTICLE_TEXT)
    newer = make_analysis(pipeline_version="v2", entities=1)

    article_id = store.save_analysis(newer, ARTICLE_TEXT)

    assert row_counts(database_url)["analyses"] == 2
    assert store.analysis(article_id) == newer


def test_saving_again_without_metadata_keeps_what_the_first_save_knew(store: Store) -> None:
    store.save_analysis(make_analysis(title="Dredging to cost $12 million"), ARTICLE_TEXT)

    store.save_analysis(make_analysis(title=None), ARTICLE_TEXT)

    stored = store.analysis(make_analysis().article.id)
    assert stored is not None
    assert stored.article.title is None  # the analysis document is the newest, as produced
    assert _article_title(store) == "Dredging to cost $12 million"


def _article_title(store: Store) -> str | None:
    engine = create_engine(store.url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(ArticleRow.title)).scalar_one()
    finally:
        engine.dispose()


def test_save_result_stores_the_analysis_and_finishes_the_job_together(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")
    store.mark_started("job-1")
    analysis = make_analysis()

    article_id = store.save_result("job-1", analysis, ARTICLE_TEXT)

    record = store.job("job-1")
    assert record is not None
    assert record.state is JobState.SUCCEEDED and record.article_id == article_id
    assert store.analysis_for_job("job-1") == analysis


def test_save_result_for_an_unknown_job_stores_nothing(store: Store, database_url: str) -> None:
    with pytest.raises(JobNotFound):
        store.save_result("missing", make_analysis(), ARTICLE_TEXT)

    assert set(row_counts(database_url).values()) == {0}


def test_a_pending_or_failed_job_has_no_analysis(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")
    assert store.analysis_for_job("job-1") is None
    store.mark_failed("job-1", "empty", "nothing there")
    assert store.analysis_for_job("job-1") is None


def test_unknown_articles_read_as_none(store: Store) -> None:
    assert store.analysis("f" * 64) is None
    assert store.article_text("f" * 64) is None


def test_a_real_analysis_of_the_core_round_trips(store: Store, analyzer: Analyzer) -> None:
    text = (
        "The city of Duluth will spend $3.5 million on a new ferry, mayor Carla Benning said "
        'on Friday. "The old boat has served us for forty years," Benning told the council.'
    )
    prepared, _ = analyzer.prepare(ArticleIn(text=text))
    analysis = analyzer.analyze(ArticleIn(text=text, published=dt.date(2026, 11, 20)))

    article_id = store.save_analysis(analysis, prepared)

    assert store.analysis(article_id) == analysis
    assert isinstance(store.analysis(article_id), Analysis)
    stored_text = store.article_text(article_id)
    assert stored_text is not None
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert stored_text[mention.start : mention.end] == mention.text


def test_a_text_differing_only_in_case_and_spacing_is_the_same_article_with_the_newest_text(
    store: Store, database_url: str
) -> None:
    first, second = "Ada  Lovelace wrote the notes.", "ADA LOVELACE WROTE THE NOTES."
    analysis_of_first = make_analysis().model_copy(
        update={"article": ArticleMeta(id=content_hash(first)), "entities": [], "quotes": []}
    )
    analysis_of_second = analysis_of_first.model_copy(update={"summary": second})
    store.save_analysis(analysis_of_first, first)

    article_id = store.save_analysis(analysis_of_second, second)

    assert row_counts(database_url)["articles"] == 1
    assert store.article_text(article_id) == second
    assert store.analysis(article_id) == analysis_of_second
