"""Duplicated, hostile and broken messages: each has one effect or none, and the worker lives.

Producers submit the same articles concurrently, the same message arrives three
times, and messages no producer of ours would send (pickle, an unknown task, JSON
cut short, the bad-input catalogue) are injected straight into the queues.
"""

from __future__ import annotations

import signal
import subprocess
import time

import pytest
import redis
from kombu import Connection

from tests.integration.harness import (
    distinct_articles,
    newsdesk_command,
    publish_recorded,
    submit_articles,
    wait_for_jobs,
    wait_until_some_finished,
)
from tests.integration.reliability.checks import assert_stored_once
from tests.newsdesk.bad_inputs import CATALOGUE
from worker import constants, producer

pytestmark = pytest.mark.integration


def wait_until_drained(broker_url: str, timeout: float = 60.0) -> None:
    """Block until no message waits in a queue or sits unacknowledged."""
    client = redis.Redis.from_url(broker_url, socket_timeout=5)
    queues = (constants.ANALYSIS_QUEUE, constants.DEFAULT_QUEUE)
    deadline = time.monotonic() + timeout
    try:
        while sum(client.llen(q) for q in queues) + client.hlen("unacked"):
            if time.monotonic() > deadline:
                raise TimeoutError("messages are still queued or unacknowledged")
            time.sleep(0.2)
    finally:
        client.close()


def test_10_the_same_articles_submitted_three_times_at_once_are_stored_once(
    redis_url, deployment, start_worker, tmp_path
):
    env, _, store = deployment(redis_url)
    files = []
    for index, article in enumerate(distinct_articles(50, prefix="Thrice. ")):
        files.append(str(tmp_path / f"article-{index}.txt"))
        (tmp_path / f"article-{index}.txt").write_text(article.text, encoding="utf-8")
    start_worker(env, concurrency=2)

    submitters = [
        subprocess.Popen(
            [*newsdesk_command(), "submit", *files],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    job_ids = []
    for submitter in submitters:
        out, err = submitter.communicate(timeout=180)
        assert submitter.returncode == 0, err.decode(errors="replace")
        job_ids.extend(out.decode().split())
    assert len(job_ids) == 150

    wait_for_jobs(store, job_ids, timeout=150)
    assert_stored_once(store, job_ids, articles=50)


def test_11_the_same_task_message_published_three_times_leaves_one_row(
    redis_url, deployment, start_worker
):
    env, settings, store = deployment(redis_url)
    start_worker(env, concurrency=2)
    article = distinct_articles(1, prefix="Once. ")[0]
    payload = producer.payload_of(article)

    publish_recorded(settings, store, "same-job", payload)
    producer.publish([("same-job", payload)] * 2, settings)

    wait_for_jobs(store, ["same-job"], timeout=60)
    wait_until_drained(redis_url)
    assert_stored_once(store, ["same-job"], articles=1)


def test_12_pickle_unknown_task_and_truncated_json_are_rejected_and_logged(
    redis_url, deployment, start_worker
):
    env, settings, store = deployment(redis_url)
    worker = start_worker(env, concurrency=2)
    before = submit_articles(settings, distinct_articles(10, prefix="Before. "), store=store)
    route = {"exchange": constants.ANALYSIS_QUEUE, "routing_key": constants.ANALYSIS_QUEUE}

    def headers(task_id: str, task: str = constants.ANALYZE_ARTICLE) -> dict:
        return {"lang": "py", "task": task, "id": task_id, "root_id": task_id}

    with Connection(redis_url) as connection:
        injector = connection.Producer()
        injector.publish(
            [["pickled-job", {"text": "x"}], {}, {}],
            serializer="pickle",
            headers=headers("pickled-job"),
            **route,
        )
        injector.publish(
            [["unknown-job", {"text": "x"}], {}, {}],
            serializer="json",
            headers=headers("unknown-job", task="newsdesk.no_such_task"),
            **route,
        )
        injector.publish(
            '[["truncated-job", {"text": "The mayor sa',
            content_type="application/json",
            content_encoding="utf-8",
            headers=headers("truncated-job"),
            **route,
        )
    after = submit_articles(settings, distinct_articles(10, prefix="After. "), store=store)

    wait_for_jobs(store, before + after, timeout=120)
    wait_until_drained(redis_url)
    assert_stored_once(store, before + after, articles=20)
    log = worker.log()
    assert "untrusted content of type pickle" in log
    assert "unregistered task of type 'newsdesk.no_such_task'" in log
    assert "decode message body" in log.lower() or "JSONDecodeError" in log
    assert worker.alive()


def test_13_sigterm_during_load_requeues_at_once_not_after_the_visibility_timeout(
    redis_url, deployment, start_worker
):
    # The visibility timeout is far longer than the test may wait.
    env, settings, store = deployment(
        redis_url, NEWSDESK_VISIBILITY_TIMEOUT="3600", NEWSDESK_SOFT_SHUTDOWN_TIMEOUT="2"
    )
    first = start_worker(env, concurrency=2)
    job_ids = submit_articles(settings, distinct_articles(100, prefix="Deploy. "), store=store)

    wait_until_some_finished(store, job_ids, 10)
    first.process.send_signal(signal.SIGTERM)
    first.process.wait(timeout=60)
    assert any(store.job(job_id).pending for job_id in job_ids), "stopped mid-load"

    start_worker(env, concurrency=2)
    wait_for_jobs(store, job_ids, timeout=180)
    assert_stored_once(store, job_ids, articles=100)


def test_15_the_bad_input_catalogue_through_a_worker_fails_each_job_with_its_code(
    redis_url, deployment, start_worker
):
    env, settings, store = deployment(redis_url)
    worker = start_worker(env, concurrency=2)
    entries = [e for e in CATALOGUE if e.payload is not None and not e.heavy]
    bad = [f"bad-{index}" for index in range(len(entries))]
    for job_id, entry in zip(bad, entries, strict=True):
        publish_recorded(settings, store, job_id, entry.payload, payload_hash=job_id)
    good = submit_articles(settings, distinct_articles(5, prefix="Good. "), store=store)

    records = wait_for_jobs(store, bad + good, timeout=180)

    codes = {entry.name: records[f"bad-{i}"].error_code for i, entry in enumerate(entries)}
    assert codes == {entry.name: entry.code for entry in entries}
    assert all(records[f"bad-{i}"].error_message for i in range(len(entries)))
    assert_stored_once(store, good, articles=5)
    assert worker.alive()
    assert "WorkerLostError" not in worker.log()
    wait_until_drained(redis_url)
