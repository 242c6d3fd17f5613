"""`analyze_article` called directly, as a worker process calls it, on a real SQLite store.

Every ending is a job row: success with the article id, or failure with a code.
"""

from __future__ import annotations

import random
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import Store
from tasks.analyze import analyze_article
from tasks.base import JobFailed, backoff_delay
from worker import constants, resources
from worker.producer import payload_hash
from worker.settings import Settings

TEXT = (
    "Lakeside Foods said on Tuesday it had bought two bakeries for 4 million euros. "
    '"Bread is a good business," said Paula Grant, its founder.'
)


@pytest.fixture
def store(tmp_path):
    settings = Settings(data_dir=tmp_path, store_url=f"sqlite:///{tmp_path / 'store.sqlite'}")
    resources.install(settings)
    yield resources.store()
    resources.close_store()


def _job(store: Store, payload: dict) -> str:
    job_id = str(uuid.uuid4())
    store.record_job(job_id, constants.KIND_ANALYZE, payload, payload_hash(payload))
    return job_id


def test_an_article_is_analysed_stored_and_its_job_succeeds(store):
    job_id = _job(store, {"text": TEXT, "published": "2026-02-03"})

    summary = analyze_article(job_id, {"text": TEXT, "published": "2026-02-03"})

    record = store.job(job_id)
    assert record.state == "succeeded"
    assert record.attempts == 1
    assert summary == {
        "job_id": job_id,
        "article_id": record.article_id,
        "entities": len(store.analysis(record.article_id).entities),
        "quotes": len(store.analysis(record.article_id).quotes),
    }


def test_a_duplicate_message_of_a_finished_job_changes_nothing(store):
    job_id = _job(store, {"text": TEXT})
    analyze_article(job_id, {"text": TEXT})
    before = store.job(job_id)

    assert analyze_article(job_id, {"text": TEXT}) == {"job_id": job_id, "state": "skipped"}
    assert store.job(job_id) == before
    assert store.stats()["articles"] == 1


@pytest.mark.parametrize(
    ("payload", "code", "reason"),
    [
        ({"title": "no body"}, "invalid", "needs one of text, html or url"),
        ({"text": "x", "colour": "red"}, "invalid", "colour"),
        ({"text": "\x00\x01\x02" * 50}, "binary", "binary"),
        ({"text": "   "}, "empty", "empty"),
        ({"html": "<html><body><script>1</script></body></html>"}, "empty", "no article text"),
    ],
)
def test_bad_payloads_fail_at_once_with_a_code_and_reason(store, payload, code, reason):
    job_id = _job(store, payload)

    with pytest.raises(JobFailed) as failed:
        analyze_article(job_id, payload)

    assert failed.value.code == code
    record = store.job(job_id)
    assert (record.state, record.error_code, record.attempts) == ("failed", code, 1)
    assert reason in record.error_message


def test_a_job_whose_process_died_three_times_fails_as_worker_lost(store):
    job_id = _job(store, {"text": TEXT})
    for _ in range(constants.MAX_ATTEMPTS):
        store.mark_started(job_id)  # three deliveries whose process never finished

    with pytest.raises(JobFailed, match="worker_lost"):
        analyze_article(job_id, {"text": TEXT})

    record = store.job(job_id)
    assert (record.state, record.error_code) == ("failed", constants.CODE_WORKER_LOST)
    assert store.stats()["articles"] == 0


def test_a_message_for_an_unknown_job_is_dropped(store):
    assert analyze_article("not-recorded", {"text": TEXT}) == {
        "job_id": "not-recorded",
        "state": "unknown",
    }


@given(retries=st.integers(min_value=0, max_value=50), seed=st.integers())
def test_backoff_grows_exponentially_within_its_cap_and_is_jittered(retries, seed):
    delay = backoff_delay(retries, cap=60.0, rng=random.Random(seed))
    assert 0 <= delay <= min(60.0, 2**retries)
