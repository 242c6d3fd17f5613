"""Job records: the store, not the broker, is the record of every job."""

from __future__ import annotations

import datetime as dt

import pytest

from store import JobNotFound, JobRecord, JobState, Store, StoreError
from tests.store.helpers import make_analysis


def test_a_recorded_job_is_queued_with_aware_utc_timestamps(store: Store) -> None:
    record = store.record_job("job-1", "analyze", {"text": "Some text."}, "hash-1")

    assert record.id == "job-1"
    assert record.kind == "analyze"
    assert record.state is JobState.QUEUED
    assert record.payload_hash == "hash-1"
    assert record.attempts == 0
    assert record.article_id is None
    assert record.error_code is None and record.error_message is None
    assert record.created_at.tzinfo is not None
    assert record.created_at.utcoffset() == dt.timedelta(0)
    assert record.updated_at == record.created_at
    assert store.job("job-1") == record
    assert store.job_payload("job-1") == {"text": "Some text."}


def test_recording_the_same_job_again_returns_the_first_row(store: Store) -> None:
    first = store.record_job("job-1", "analyze", {"text": "first"}, "hash-1")
    store.mark_started("job-1")

    again = store.record_job("job-1", "analyze", {"text": "second"}, "hash-2")

    assert again.payload_hash == "hash-1"
    assert again.created_at == first.created_at
    assert again.state is JobState.STARTED
    assert store.job_payload("job-1") == {"text": "first"}
    assert store.stats()["jobs"] == {"pending": 1, "succeeded": 0, "failed": 0}


def test_job_records_are_frozen(store: Store) -> None:
    record = store.record_job("job-1", "analyze", {}, "h")
    with pytest.raises(ValueError):
        record.state = JobState.FAILED  # type: ignore[misc]


def test_each_start_counts_an_attempt(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")

    assert store.mark_started("job-1") == 1
    assert store.mark_started("job-1") == 2

    record = store.job("job-1")
    assert record is not None
    assert record.state is JobState.STARTED
    assert record.attempts == 2
    assert record.started_at is not None


def test_a_job_runs_from_queued_through_started_to_succeeded(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")
    store.mark_started("job-1")
    article_id = store.save_analysis(make_analysis(), "text")

    store.mark_succeeded("job-1", article_id)

    record = store.job("job-1")
    assert record is not None
    assert record.state is JobState.SUCCEEDED
    assert record.article_id == article_id
    assert record.finished_at is not None
    assert record.updated_at >= record.created_at


def test_a_failed_job_keeps_its_code_and_reason(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")
    store.mark_started("job-1")

    store.mark_failed("job-1", "not_english", "the article is in Turkish")

    record = store.job("job-1")
    assert record is not None
    assert record.state is JobState.FAILED
    assert (record.error_code, record.error_message) == ("not_english", "the article is in Turkish")


def test_a_late_failure_does_not_undo_a_success(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")
    store.mark_started("job-1")
    article_id = store.save_analysis(make_analysis(), "text")
    store.mark_succeeded("job-1", article_id)

    store.mark_failed("job-1", "time_limit", "a duplicate run hit the hard time limit")

    record = store.job("job-1")
    assert record is not None
    assert record.state is JobState.SUCCEEDED
    assert record.article_id == article_id
    assert record.error_code is None


def test_requeueing_clears_the_error_and_keeps_attempts_unless_reset(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")
    store.mark_started("job-1")
    store.mark_failed("job-1", "worker_lost", "the worker died")
    failed = store.job("job-1")
    assert failed is not None

    store.mark_queued("job-1")
    requeued = store.job("job-1")
    assert requeued is not None
    assert requeued.state is JobState.QUEUED
    assert requeued.error_code is None and requeued.error_message is None
    assert requeued.attempts == 1
    assert requeued.updated_at > failed.updated_at

    store.mark_queued("job-1", reset_attempts=True)
    reset = store.job("job-1")
    assert reset is not None and reset.attempts == 0


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.mark_started("missing"),
        lambda s: s.mark_succeeded("missing", "a" * 64),
        lambda s: s.mark_failed("missing", "invalid", "no"),
        lambda s: s.mark_queued("missing"),
    ],
    ids=["started", "succeeded", "failed", "queued"],
)
def test_changing_an_unknown_job_raises_job_not_found(store: Store, change) -> None:
    with pytest.raises(JobNotFound) as raised:
        change(store)
    assert isinstance(raised.value, StoreError)
    assert "missing" in str(raised.value)


def test_reading_an_unknown_job_gives_none(store: Store) -> None:
    assert store.job("missing") is None
    assert store.job_payload("missing") is None
    assert store.analysis_for_job("missing") is None


def test_stats_counts_articles_quotes_entities_and_jobs_by_outcome(store: Store) -> None:
    assert store.stats() == {
        "articles": 0,
        "quotes": 0,
        "entities": 0,
        "jobs": {"pending": 0, "succeeded": 0, "failed": 0},
    }
    for job_id in ("queued", "started", "succeeded", "failed"):
        store.record_job(job_id, "analyze", {}, job_id)
    store.mark_started("started")
    store.save_result("succeeded", make_analysis(entities=3), "text")
    store.mark_failed("failed", "empty", "nothing to analyse")

    assert store.stats() == {
        "articles": 1,
        "quotes": 1,
        "entities": 3,
        "jobs": {"pending": 2, "succeeded": 1, "failed": 1},
    }


def test_failed_jobs_lists_the_most_recent_failure_first(store: Store) -> None:
    for job_id in ("first", "second", "third", "fine"):
        store.record_job(job_id, "analyze", {}, job_id)
    for job_id in ("first", "second", "third"):
        store.mark_failed(job_id, "invalid", f"{job_id} was bad")

    failed = store.failed_jobs()

    assert [record.id for record in failed] == ["third", "second", "first"]
    assert all(isinstance(record, JobRecord) for record in failed)
    assert [record.id for record in store.failed_jobs(limit=2)] == ["third", "second"]


def test_stale_jobs_are_pending_ones_untouched_for_longer_than_the_deadline(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_hours_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    monkeypatch.setattr("store.jobs.utcnow", lambda: two_hours_ago)
    for job_id in ("old-queued", "old-started", "old-succeeded", "old-failed"):
        store.record_job(job_id, "analyze", {}, job_id)
    store.mark_started("old-started")
    store.mark_succeeded("old-succeeded", store.save_analysis(make_analysis(), "text"))
    store.mark_failed("old-failed", "invalid", "bad")
    monkeypatch.undo()
    store.record_job("new-queued", "analyze", {}, "new")

    stale = store.stale_jobs(dt.timedelta(hours=1))

    assert {record.id for record in stale} == {"old-queued", "old-started"}
    assert store.stale_jobs(dt.timedelta(hours=3)) == []
    assert len(store.stale_jobs(dt.timedelta(hours=1), limit=1)) == 1


def test_a_requeued_job_is_no_longer_stale(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("store.jobs.utcnow", lambda: dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    store.record_job("job-1", "analyze", {}, "h")
    monkeypatch.undo()
    assert [record.id for record in store.stale_jobs(dt.timedelta(minutes=5))] == ["job-1"]

    store.mark_queued("job-1")

    assert store.stale_jobs(dt.timedelta(minutes=5)) == []


def test_requeue_stale_claims_pending_jobs_past_the_deadline_and_requeues_them(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("store.jobs.utcnow", lambda: dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    for job_id in ("old-queued", "old-started", "old-failed"):
        store.record_job(job_id, "analyze", {}, job_id)
    store.mark_started("old-started")
    store.mark_failed("old-failed", "invalid", "bad")
    monkeypatch.undo()
    store.record_job("new-queued", "analyze", {}, "new")

    claimed = store.requeue_stale(dt.timedelta(minutes=5))

    assert [record.id for record in claimed] == ["old-queued", "old-started"]
    assert all(record.state is JobState.QUEUED for record in claimed)
    assert [record.attempts for record in claimed] == [0, 1]
    assert store.stale_jobs(dt.timedelta(minutes=5)) == []
    assert store.requeue_stale(dt.timedelta(minutes=5)) == []
    failed = store.job("old-failed")
    assert failed is not None and failed.state is JobState.FAILED


def test_requeue_stale_takes_at_most_limit_jobs_oldest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day, job_id in ((3, "third"), (1, "first"), (2, "second")):
        moment = dt.datetime(2020, 1, day, tzinfo=dt.UTC)
        monkeypatch.setattr("store.jobs.utcnow", lambda moment=moment: moment)
        store.record_job(job_id, "analyze", {}, job_id)
    monkeypatch.undo()

    claimed = store.requeue_stale(dt.timedelta(minutes=5), limit=2)

    assert sorted(record.id for record in claimed) == ["first", "second"]
    assert [record.id for record in store.stale_jobs(dt.timedelta(minutes=5))] == ["third"]


def test_a_payload_with_odd_characters_is_recorded_as_given(store: Store) -> None:
    payload = {"text": "a NUL \x00 here", "title": "Zoë’s \U0001f4f0", "n": [1, 2.5, None]}

    store.record_job("job-1", "analyze", payload, "h")

    assert store.job_payload("job-1") == payload
