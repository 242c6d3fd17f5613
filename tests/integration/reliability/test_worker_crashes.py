"""Workers that die: a pool child, a whole worker, a job that kills every process it runs in.

acks_late with reject_on_worker_lost puts the job of a dead child back at once; the
messages of a dead worker come back after the visibility timeout; the attempt cap
turns a job that kills its process every time into a `worker_lost` failure.
"""

from __future__ import annotations

import json
import os
import signal
import time

import pytest

from tests.integration.harness import (
    distinct_articles,
    publish_recorded,
    submit_articles,
    wait_for_jobs,
    wait_until_some_finished,
)
from tests.integration.reliability.checks import assert_stored_once
from tests.integration.reliability.poison_tasks import POISON, SLOW_ANALYZE
from worker import constants, producer

pytestmark = pytest.mark.integration


def test_1_a_pool_child_killed_mid_task_loses_nothing(redis_url, deployment, start_worker):
    env, settings, store = deployment(redis_url)
    # One pool child, and one job whose first attempt is slow: when that job is started,
    # the only child is certainly in the middle of it, so the kill interrupts a job.
    worker = start_worker(
        env, concurrency=1, args=("--include", "tests.integration.reliability.poison_tasks")
    )
    _publish_slow_job(settings, store, distinct_articles(1, prefix="Interrupted. ")[0])
    job_ids = submit_articles(settings, distinct_articles(99, prefix="Child. "), store=store)

    wait_until_some_started(store, ["slow-job"])
    (victim,) = worker.children()
    os.kill(victim, signal.SIGKILL)

    wait_for_jobs(store, ["slow-job", *job_ids], timeout=120)
    assert_stored_once(store, ["slow-job", *job_ids], articles=100)
    assert worker.alive()
    assert store.job("slow-job").attempts == 2, "the interrupted job ran again"


@pytest.mark.parametrize("broker", ["redis", "embedded"])
def test_2_a_worker_killed_as_a_whole_loses_nothing(broker, request, deployment, start_worker):
    broker_url = request.getfixturevalue("redis_url") if broker == "redis" else None
    env, settings, store = deployment(broker_url)
    first = start_worker(env, concurrency=2)
    job_ids = submit_articles(settings, distinct_articles(150, prefix="Group. "), store=store)

    wait_until_some_finished(store, job_ids, 10)
    first.kill_group()
    assert any(store.job(job_id).pending for job_id in job_ids), "killed mid-batch"

    # As deployed, beat runs the reconciler: it covers the moment kombu's Redis transport
    # has taken a message from the queue but not yet recorded it as unacknowledged.
    schedule = {"reconcile": {"task": constants.RECONCILE_JOBS, "every": 5, "args": [20]}}
    env["NEWSDESK_SCHEDULE"] = json.dumps(schedule)
    start_worker(env, concurrency=2, args=("--beat",))
    wait_for_jobs(store, job_ids, timeout=150)
    assert_stored_once(store, job_ids, articles=150)


def test_3_a_job_that_kills_its_process_every_time_fails_as_worker_lost(
    redis_url, deployment, start_worker
):
    env, settings, store = deployment(redis_url)
    worker = start_worker(
        env, concurrency=2, args=("--include", "tests.integration.reliability.poison_tasks")
    )
    poison_id = "poison-job"
    payload = {"text": "This article is never analysed: its task kills the process."}
    publish_recorded(settings, store, poison_id, payload, task=POISON)
    job_ids = submit_articles(settings, distinct_articles(99, prefix="Poison. "), store=store)

    records = wait_for_jobs(store, [poison_id, *job_ids], timeout=150)

    lost = records[poison_id]
    assert (lost.state, lost.error_code) == ("failed", "worker_lost")
    assert "died during 3 attempts" in lost.error_message
    assert_stored_once(store, job_ids, articles=99)
    # No loop: the poison message is gone, and the worker kept running.
    time.sleep(2)
    assert store.job(poison_id).attempts == constants.MAX_ATTEMPTS + 1
    deaths = worker.log().count("Task handler raised error: WorkerLostError")
    assert 1 <= deaths <= constants.MAX_ATTEMPTS
    assert worker.alive()


def test_4_a_job_running_longer_than_the_visibility_timeout_is_redelivered_and_stored_once(
    redis_url, sqlite_env, deployment, start_worker
):
    include = ("--include", "tests.integration.reliability.poison_tasks")
    # The first worker may run a job for long; the second restores messages after 12 s.
    patient = sqlite_env(
        redis_url,
        NEWSDESK_VISIBILITY_TIMEOUT="600",
        NEWSDESK_TASK_SOFT_TIME_LIMIT="60",
        NEWSDESK_TASK_TIME_LIMIT="90",
    )
    hasty, settings, store = deployment(redis_url)
    slow_worker = start_worker(patient, concurrency=1, args=include)
    _publish_slow_job(settings, store, distinct_articles(1, prefix="Slow. ")[0])
    wait_until_some_started(store, ["slow-job"])

    start_worker(hasty, concurrency=1, args=include)
    wait_for_jobs(store, ["slow-job"], timeout=90)
    assert store.job("slow-job").attempts == 2, "the message came back to the second worker"

    finished = "Task newsdesk-test.slow_analyze[slow-job] succeeded"
    deadline = time.monotonic() + 60
    while finished not in slow_worker.log() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert finished in slow_worker.log(), "the first run ended too"
    assert_stored_once(store, ["slow-job"], articles=1)


def wait_until_some_started(store, job_ids, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not any(store.job(job_id).state == "started" for job_id in job_ids):
        if time.monotonic() > deadline:
            raise TimeoutError("no job started")
        time.sleep(0.1)


def _publish_slow_job(settings, store, article) -> None:
    """Record and publish job `slow-job`, whose first attempt sleeps 30 s before analysing."""
    payload = producer.payload_of(article)
    publish_recorded(settings, store, "slow-job", payload, task=SLOW_ANALYZE, extra_args=[30])
