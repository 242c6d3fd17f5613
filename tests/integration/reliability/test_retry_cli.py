"""`newsdesk retry` re-drives failed jobs through a real worker, with their attempts reset."""

from __future__ import annotations

import pytest

from newsdesk.contracts import ArticleIn
from tests.integration.harness import (
    distinct_articles,
    run_cli,
    submit_articles,
    wait_for_jobs,
)
from tests.newsdesk.bad_inputs import FRENCH

pytestmark = pytest.mark.integration


def test_retry_runs_failed_jobs_again_and_refuses_jobs_that_did_not_fail(
    redis_url, deployment, start_worker
):
    env, settings, store = deployment(redis_url)
    start_worker(env, concurrency=2)
    failing = submit_articles(settings, [ArticleIn(text=FRENCH), ArticleIn(text="")], store=store)
    good = submit_articles(settings, distinct_articles(1, prefix="Retry. "), store=store)
    wait_for_jobs(store, failing + good, timeout=90)
    assert [store.job(job_id).error_code for job_id in failing] == ["not_english", "empty"]

    refused = run_cli(["retry", good[0]], env)
    assert refused.returncode == 1
    assert "only failed jobs can be retried" in refused.stderr

    one = run_cli(["retry", failing[0]], env)
    assert one.returncode == 0, one.stderr
    assert one.stdout.split() == [failing[0]]
    wait_for_jobs(store, failing, timeout=90)
    again = store.job(failing[0])
    assert (again.state, again.error_code, again.attempts) == ("failed", "not_english", 1)

    every = run_cli(["retry", "--all-failed"], env)
    assert every.returncode == 0, every.stderr
    assert sorted(every.stdout.split()) == sorted(failing)
    records = wait_for_jobs(store, failing, timeout=90)
    assert [records[job_id].error_code for job_id in failing] == ["not_english", "empty"]
    assert store.job(good[0]).state == "succeeded"
