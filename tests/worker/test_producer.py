"""Submitting records every job before publishing, and survives a broker that is down."""

from __future__ import annotations

from newsdesk.contracts import ArticleIn
from store import Store
from worker.producer import payload_hash, payload_of, submit
from worker.settings import Settings


def test_the_payload_is_the_article_contract_and_its_hash_ignores_key_order():
    article = ArticleIn(text="Some news.", title="T")
    payload = payload_of(article)
    assert payload == {"text": "Some news.", "title": "T"}
    assert payload_hash(payload) == payload_hash(dict(reversed(payload.items())))
    assert payload_hash(payload) != payload_hash({**payload, "title": "U"})


def test_a_broker_that_is_down_leaves_the_jobs_queued_for_the_reconciler(tmp_path):
    # Port 9 on localhost refuses connections: a broker that is down, not a mock.
    settings = Settings(data_dir=tmp_path, broker_url="redis://127.0.0.1:9/0")
    store = Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}")
    try:
        articles = [ArticleIn(text="First story."), ArticleIn(text="Second story.")]
        submission = submit(articles, settings, store=store)

        assert len(submission.job_ids) == 2
        assert submission.unpublished == submission.job_ids
        assert submission.broker_error
        for job_id in submission.job_ids:
            record = store.job(job_id)
            assert record.state == "queued"
            assert store.job_payload(job_id) == payload_of(
                articles[submission.job_ids.index(job_id)]
            )
    finally:
        store.dispose()


def test_every_submit_makes_new_jobs(tmp_path):
    settings = Settings(data_dir=tmp_path, broker_url="redis://127.0.0.1:9/0")
    store = Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}")
    try:
        article = ArticleIn(text="Same story.")
        first = submit([article], settings, store=store).job_ids
        second = submit([article], settings, store=store).job_ids
        assert first != second
        assert store.stats()["jobs"]["pending"] == 2
    finally:
        store.dispose()
