"""A broker that restarts, loses its data, hangs, or is not there at all loses no job.

Each test runs its own redis-server on a free port (see conftest.py), so killing it
touches nothing else. The store's job rows are the record: what the broker keeps
comes back by itself, and what it lost `newsdesk reconcile` publishes again.
"""

from __future__ import annotations

import json
import signal
import time

import pytest

from tests.integration.harness import (
    distinct_articles,
    run_cli,
    submit_articles,
    wait_for_jobs,
    wait_until_some_finished,
)
from tests.integration.reliability.checks import assert_stored_once
from worker import constants, producer

pytestmark = pytest.mark.integration


def wait_until_settled(store, job_ids, *, quiet: float = 4.0, timeout: float = 90.0) -> None:
    """Block until no job has changed state for `quiet` seconds (the worker has drained)."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        states = [(r.state, r.attempts) for r in (store.job(j) for j in job_ids)]
        if states != last:
            last, since = states, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.2)
    raise TimeoutError("jobs kept changing state")


def test_5_redis_restarted_with_persistence_the_worker_resumes_by_itself(
    private_redis, deployment, start_worker
):
    redis_server = private_redis(persistent=True)
    # As deployed, beat runs the reconciler beside the worker (see docs/reliability.md, note 1).
    schedule = {"reconcile": {"task": constants.RECONCILE_JOBS, "every": 5, "args": [20]}}
    env, settings, store = deployment(redis_server.url)
    env["NEWSDESK_SCHEDULE"] = json.dumps(schedule)
    worker = start_worker(env, concurrency=2, args=("--beat",))
    job_ids = submit_articles(settings, distinct_articles(100, prefix="Restart. "), store=store)

    wait_until_some_finished(store, job_ids, 10)
    redis_server.stop()
    assert any(store.job(job_id).pending for job_id in job_ids), "stopped mid-run"
    redis_server.start()

    wait_for_jobs(store, job_ids, timeout=150)
    assert_stored_once(store, job_ids, articles=100)
    assert worker.alive()


def test_6_redis_killed_without_persistence_then_reconcile_stores_everything(
    private_redis, deployment, start_worker
):
    redis_server = private_redis(persistent=False)
    env, settings, store = deployment(redis_server.url)
    worker = start_worker(env, concurrency=2)
    job_ids = submit_articles(settings, distinct_articles(100, prefix="Lost. "), store=store)

    wait_until_some_finished(store, job_ids, 10)
    redis_server.kill()
    redis_server.start()  # empty: every queued message is gone
    wait_until_settled(store, job_ids)
    lost = [job_id for job_id in job_ids if store.job(job_id).pending]
    assert lost, "the broker lost messages"

    reconciled = run_cli(["reconcile", "--older-than", "1"], env)
    assert reconciled.returncode == 0, reconciled.stderr
    assert f"re-published {len(lost)} job(s)" in reconciled.stdout

    wait_for_jobs(store, job_ids, timeout=150)
    assert_stored_once(store, job_ids, articles=100)
    assert worker.alive()


def test_7_redis_paused_past_the_socket_timeout_the_worker_carries_on(
    private_redis, deployment, start_worker
):
    redis_server = private_redis(persistent=True)
    env, settings, store = deployment(redis_server.url)
    worker = start_worker(env, concurrency=2)
    job_ids = submit_articles(settings, distinct_articles(100, prefix="Paused. "), store=store)

    wait_until_some_finished(store, job_ids, 10)
    redis_server.signal(signal.SIGSTOP)
    time.sleep(3 * settings.broker_socket_timeout)
    redis_server.signal(signal.SIGCONT)

    wait_for_jobs(store, job_ids, timeout=150)
    assert_stored_once(store, job_ids, articles=100)
    assert worker.alive()


def test_8_broker_down_at_worker_start_and_at_submit_drops_nothing(
    private_redis, deployment, start_worker, tmp_path
):
    redis_server = private_redis(persistent=True, start=False)
    env, settings, store = deployment(redis_server.url)
    worker = start_worker(env, concurrency=2, wait_ready=False)

    submission = producer.submit(distinct_articles(40, prefix="Down. "), settings, store=store)
    assert submission.broker_error and submission.unpublished == submission.job_ids
    files = []
    for index, article in enumerate(distinct_articles(10, prefix="Down by CLI. ")):
        files.append(tmp_path / f"article-{index}.txt")
        files[-1].write_text(article.text, encoding="utf-8")
    submitted = run_cli(["submit", *map(str, files)], env)
    assert submitted.returncode == 0, submitted.stderr
    assert "broker is unreachable" in submitted.stderr
    job_ids = [*submission.job_ids, *submitted.stdout.split()]
    assert len(job_ids) == 50
    assert {store.job(job_id).state for job_id in job_ids} == {"queued"}

    redis_server.start()
    worker.wait_ready()
    reconciled = run_cli(["reconcile", "--older-than", "0"], env)
    assert reconciled.returncode == 0, reconciled.stderr

    wait_for_jobs(store, job_ids, timeout=150)
    assert_stored_once(store, job_ids, articles=50)
