"""A worker killed mid-batch loses nothing: its jobs are redelivered and stored once.

The whole process group gets SIGKILL (parent and pool children together), as when a
host or container dies. Messages the dead worker had taken stay unacknowledged in the
broker and come back after the visibility timeout, which this test sets short.
"""

from __future__ import annotations

import pytest

from tests.integration.harness import (
    distinct_articles,
    newsdesk_env,
    settings_from_env,
    submit_articles,
    wait_for_jobs,
    wait_until_some_finished,
)
from worker import embedded

pytestmark = pytest.mark.integration

BATCH = 60
SHORT_TIMEOUTS = {
    "NEWSDESK_VISIBILITY_TIMEOUT": "12",
    "NEWSDESK_TASK_SOFT_TIME_LIMIT": "6",
    "NEWSDESK_TASK_TIME_LIMIT": "9",
}


def test_jobs_of_a_killed_worker_are_redelivered_to_a_new_one_and_stored_once(
    data_dir, start_worker, open_store
):
    env = newsdesk_env(data_dir, **SHORT_TIMEOUTS)
    settings = settings_from_env(env)
    store = open_store(settings.resolved_store_url)
    articles = distinct_articles(BATCH)
    first = start_worker(env, concurrency=2)
    job_ids = submit_articles(settings, articles, store=store)

    wait_until_some_finished(store, job_ids, 5)
    first.kill_group()

    finished = [j for j in job_ids if not store.job(j).pending]
    assert len(finished) < BATCH, "the worker must die in the middle of the batch"
    files = embedded.BrokerFiles.of(data_dir)
    assert embedded.queue_lengths(files, [])["unacknowledged"] >= 1, "it had taken messages"

    start_worker(env, concurrency=2)
    records = wait_for_jobs(store, job_ids, timeout=120)

    assert {r.state for r in records.values()} == {"succeeded"}
    assert embedded.queue_lengths(files, [])["unacknowledged"] == 0
    stats = store.stats()
    assert stats["articles"] == BATCH
    analyses = [store.analysis_for_job(job_id) for job_id in job_ids]
    assert stats["quotes"] == sum(len(a.quotes) for a in analyses)
