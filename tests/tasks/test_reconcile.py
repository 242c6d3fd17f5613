"""The reconciler re-publishes jobs the broker lost, and `retry` re-drives failed ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from store import Store
from tasks.reconcile import reconcile, retry
from worker import constants

PAYLOAD = {"text": "The harbour master said the new cranes would arrive in May."}


class Broker:
    """Records what was published; `down` makes every publish fail as a dead broker does."""

    def __init__(self) -> None:
        self.published: list[tuple[str, dict[str, Any], str]] = []
        self.down = False

    def __call__(self, jobs, kind: str) -> None:
        if self.down:
            raise ConnectionError("Connection refused")
        self.published.extend((job_id, payload, kind) for job_id, payload in jobs)


@pytest.fixture
def store(tmp_path) -> Store:
    opened = Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield opened
    opened.dispose()


def record(store: Store, job_id: str) -> None:
    store.record_job(job_id, constants.KIND_ANALYZE, PAYLOAD, "hash-" + job_id)


NOW = dt.timedelta(0)


def test_pending_jobs_past_the_deadline_are_queued_again_and_published(store) -> None:
    broker = Broker()
    record(store, "queued-job")
    record(store, "started-job")
    store.mark_started("started-job")
    record(store, "done-job")
    store.mark_started("done-job")
    store.mark_failed("done-job", "empty", "nothing to read")

    outcome = reconcile(store, broker, older_than=NOW)

    assert sorted(outcome.republished) == ["queued-job", "started-job"]
    assert {job_id for job_id, _, _ in broker.published} == {"queued-job", "started-job"}
    assert all(p == PAYLOAD and k == constants.KIND_ANALYZE for _, p, k in broker.published)
    assert store.job("started-job").state == "queued"
    assert store.job("done-job").state == "failed"


def test_jobs_younger_than_the_deadline_are_left_alone(store) -> None:
    broker = Broker()
    record(store, "fresh-job")
    outcome = reconcile(store, broker, older_than=dt.timedelta(hours=1))
    assert outcome.republished == [] and broker.published == []


def test_a_second_sweep_within_the_deadline_publishes_nothing_again(store) -> None:
    broker = Broker()
    record(store, "job")
    reconcile(store, broker, older_than=NOW)
    again = reconcile(store, broker, older_than=dt.timedelta(minutes=5))
    assert again.republished == []
    assert len(broker.published) == 1


def test_a_broker_that_is_down_leaves_the_jobs_queued_for_the_next_sweep(store) -> None:
    broker = Broker()
    broker.down = True
    record(store, "job")
    outcome = reconcile(store, broker, older_than=NOW)
    assert outcome.unpublished == ["job"]
    assert "Connection refused" in outcome.broker_error
    assert store.job("job").state == "queued"

    broker.down = False
    assert reconcile(store, broker, older_than=NOW).republished == ["job"]


def test_retry_queues_failed_jobs_with_their_attempts_reset(store) -> None:
    broker = Broker()
    record(store, "job")
    for _ in range(3):
        store.mark_started("job")
    store.mark_failed("job", constants.CODE_WORKER_LOST, "died three times")

    outcome = retry(store, broker, store.failed_jobs())

    assert outcome.republished == ["job"]
    after = store.job("job")
    assert (after.state, after.attempts, after.error_code) == ("queued", 0, None)
    assert broker.published == [("job", PAYLOAD, constants.KIND_ANALYZE)]


def test_a_job_of_a_kind_no_task_runs_is_failed_with_a_reason(store) -> None:
    broker = Broker()
    store.record_job("odd-job", "translate", PAYLOAD, "hash")
    outcome = reconcile(store, broker, older_than=NOW)
    assert outcome.abandoned == ["odd-job"]
    failed = store.job("odd-job")
    assert failed.error_code == constants.CODE_INVALID
    assert "translate" in failed.error_message
    assert broker.published == []
