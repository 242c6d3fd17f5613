"""Assertions the reliability tests share: every job done once in effect, nothing doubled."""

from __future__ import annotations

from collections.abc import Sequence

from store import Store


def assert_stored_once(store: Store, job_ids: Sequence[str], *, articles: int) -> None:
    """Every job succeeded and the store holds exactly the rows one run of each leaves."""
    records = [store.job(job_id) for job_id in job_ids]
    failed = [(r.id, r.error_code, r.error_message) for r in records if r.state != "succeeded"]
    assert failed == []
    stats = store.stats()
    assert stats["articles"] == articles
    article_ids = {r.article_id for r in records}
    assert len(article_ids) == articles
    analyses = [store.analysis(article_id) for article_id in article_ids]
    assert stats["quotes"] == sum(len(a.quotes) for a in analyses)
    assert stats["entities"] == sum(len(a.entities) for a in analyses)
