"""Many workers, one article: concurrent writers never duplicate rows or crash."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from store import JobState, Store
from tests.store.helpers import (
    ARTICLE_TEXT,
    ONE_SAVE_OF_THREE_ENTITIES,
    make_analysis,
    row_counts,
)

# Forked children inherit the imported core, so they start in milliseconds; each one
# opens its own Store after the fork, as a Celery pool child does.
_fork = multiprocessing.get_context("fork")


def _run_in_processes(count: int, work: Callable[[Store, int], None], url: str) -> list[int]:
    barrier = _fork.Barrier(count)

    def child(index: int) -> None:
        store = Store.open(url)
        barrier.wait(timeout=60)
        work(store, index)
        store.dispose()

    processes = [_fork.Process(target=child, args=(i,)) for i in range(count)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    return [process.exitcode for process in processes]


def test_the_same_article_saved_by_four_processes_at_once_is_stored_once(
    store: Store, database_url: str
) -> None:
    analysis = make_analysis(entities=3)

    def save_five_times(worker: Store, _index: int) -> None:
        for _ in range(5):
            worker.save_analysis(analysis, ARTICLE_TEXT)

    assert _run_in_processes(4, save_five_times, database_url) == [0, 0, 0, 0]
    assert row_counts(database_url) == ONE_SAVE_OF_THREE_ENTITIES


def test_the_same_article_saved_from_eight_threads_is_stored_once(
    store: Store, database_url: str
) -> None:
    analysis = make_analysis(entities=3)
    barrier = threading.Barrier(8)

    def save() -> str:
        barrier.wait(timeout=60)
        return store.save_analysis(analysis, ARTICLE_TEXT)

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = {future.result() for future in [pool.submit(save) for _ in range(8)]}

    assert ids == {analysis.article.id}
    assert row_counts(database_url) == ONE_SAVE_OF_THREE_ENTITIES


def test_two_jobs_for_the_same_article_finishing_at_once_store_it_once(
    store: Store, database_url: str
) -> None:
    for job_id in ("job-0", "job-1", "job-2", "job-3"):
        store.record_job(job_id, "analyze", {}, "same-text")
    analysis = make_analysis()

    def finish(worker: Store, index: int) -> None:
        worker.mark_started(f"job-{index}")
        worker.save_result(f"job-{index}", analysis, ARTICLE_TEXT)

    assert _run_in_processes(4, finish, database_url) == [0, 0, 0, 0]
    counts = row_counts(database_url)
    assert (counts["articles"], counts["analyses"], counts["quotes"]) == (1, 1, 1)
    for job_id in ("job-0", "job-1", "job-2", "job-3"):
        record = store.job(job_id)
        assert record is not None and record.state is JobState.SUCCEEDED
        assert record.article_id == analysis.article.id


def test_recording_one_job_from_eight_threads_at_once_gives_one_row(
    store: Store, database_url: str
) -> None:
    barrier = threading.Barrier(8)

    def record(index: int):
        barrier.wait(timeout=60)
        return store.record_job("job-1", "analyze", {"from": index}, f"hash-{index}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        records = list(pool.map(record, range(8)))

    assert len({record.payload_hash for record in records}) == 1
    assert row_counts(database_url)["jobs"] == 1


def test_a_store_used_in_a_forked_child_leaves_the_parents_connections_working(
    store: Store,
) -> None:
    store.record_job("parent-job", "analyze", {}, "h")

    def child() -> None:
        store.record_job("child-job", "analyze", {}, "h")

    process = _fork.Process(target=child)
    process.start()
    process.join(timeout=60)

    assert process.exitcode == 0
    assert store.job("child-job") is not None
    assert store.stats()["jobs"]["pending"] == 2


def test_two_reconcilers_at_once_never_claim_the_same_stale_job(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("store.jobs.utcnow", lambda: dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    for index in range(40):
        store.record_job(f"job-{index:02d}", "analyze", {}, "h")
    monkeypatch.undo()
    barrier = threading.Barrier(4)

    def claim() -> list[str]:
        barrier.wait(timeout=60)
        ids: list[str] = []
        # A claimed job is fresh again, so each loop ends once all 40 are claimed.
        while batch := store.requeue_stale(dt.timedelta(hours=1), limit=3):
            ids.extend(record.id for record in batch)
        return ids

    with ThreadPoolExecutor(max_workers=4) as pool:
        claims = [future.result() for future in [pool.submit(claim) for _ in range(4)]]

    every_claim = [job_id for ids in claims for job_id in ids]
    assert sorted(every_claim) == [f"job-{index:02d}" for index in range(40)]
    assert store.stats()["jobs"]["pending"] == 40
