"""A job's whole path with real processes: producer -> broker -> worker -> core -> store.

Run on each deployment shape: Redis + SQLite, Redis + PostgreSQL, and the embedded
Valkey server + SQLite that a user gets with nothing configured. Jobs are submitted
before any worker runs, so they must wait durably in the broker.
"""

from __future__ import annotations

import pytest

from newsdesk.contracts import ArticleIn
from tests.integration.harness import (
    distinct_articles,
    newsdesk_env,
    settings_from_env,
    submit_articles,
    wait_for_jobs,
)

pytestmark = pytest.mark.integration

SCRIPT_ONLY_HTML = "<html><body><script>var a = 1;</script></body></html>"


@pytest.fixture(params=["redis+sqlite", "redis+postgresql", "embedded+sqlite"])
def env(request, data_dir):
    broker, database = request.param.split("+")
    broker_url = request.getfixturevalue("redis_url") if broker == "redis" else None
    if database == "postgresql":
        store_url = request.getfixturevalue("fresh_postgres_url")()
    else:
        store_url = f"sqlite:///{data_dir / 'store.sqlite'}"
    return newsdesk_env(data_dir, broker_url=broker_url, store_url=store_url)


def test_submitted_jobs_are_analysed_by_a_worker_started_later_and_stored(
    env, start_worker, open_store
):
    settings = settings_from_env(env)
    store = open_store(settings.resolved_store_url)
    articles = distinct_articles(5)
    # The first article twice: two jobs, one stored article.
    good = submit_articles(settings, [*articles, articles[0]], store=store)
    bad = submit_articles(settings, [ArticleIn(html=SCRIPT_ONLY_HTML)], store=store)
    assert all(store.job(job_id).state == "queued" for job_id in good + bad)

    start_worker(env)
    records = wait_for_jobs(store, good + bad, timeout=120)

    assert [records[job_id].state for job_id in good] == ["succeeded"] * 6
    assert records[good[0]].article_id == records[good[5]].article_id
    failed = records[bad[0]]
    assert failed.state == "failed"
    assert failed.error_code == "empty"
    assert "no article text" in failed.error_message
    stats = store.stats()
    assert stats["articles"] == 5
    assert stats["jobs"] == {"pending": 0, "succeeded": 6, "failed": 1}
    _assert_spans_point_into_the_stored_text(store, records[good[1]])


def _assert_spans_point_into_the_stored_text(store, record) -> None:
    analysis = store.analysis_for_job(record.id)
    text = store.article_text(record.article_id)
    assert analysis.article.id == record.article_id
    spans = [m for entity in analysis.entities for m in entity.mentions]
    spans += [q.cue for q in analysis.quotes if q.cue]
    spans += [q.speaker for q in analysis.quotes if q.speaker]
    assert spans, "the article names people and companies"
    for span in spans:
        assert text[span.start : span.end] == span.text
    for item in [*analysis.quotes, *analysis.amounts, *analysis.dates]:
        assert 0 <= item.start <= item.end <= len(text)
