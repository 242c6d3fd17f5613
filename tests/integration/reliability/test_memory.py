"""Many failing jobs, some leaking memory: each failure has its code, memory stays bounded.

`worker_max_memory_per_child` replaces a pool process whose memory grew past the
limit after its job, so a leak cannot grow without end.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.integration.harness import wait_for_jobs
from tests.integration.reliability.poison_tasks import LEAKS_50_MB, RAISES
from worker import constants
from worker.app import create_app

pytestmark = pytest.mark.integration

LIMIT_KIB = 600_000


def resident_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def test_14_failing_and_leaking_jobs_keep_their_codes_and_memory_bounded(
    redis_url, deployment, start_worker
):
    env, settings, store = deployment(redis_url, NEWSDESK_MAX_MEMORY_PER_CHILD=str(LIMIT_KIB))
    worker = start_worker(
        env, concurrency=2, args=("--include", "tests.integration.reliability.poison_tasks")
    )
    jobs = [(f"raises-{i}", RAISES) for i in range(500)]
    jobs += [(f"leaks-{i}", LEAKS_50_MB) for i in range(200)]
    for job_id, _ in jobs:
        store.record_job(job_id, constants.KIND_ANALYZE, {}, job_id)

    peak = {"kib": 0}
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            for child in worker.children():
                peak["kib"] = max(peak["kib"], resident_kib(child))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    app = create_app(settings)
    try:
        for job_id, task in jobs:
            app.send_task(task, args=[job_id, {}], task_id=job_id)
    finally:
        app.close()
    try:
        records = wait_for_jobs(store, [job_id for job_id, _ in jobs], timeout=240)
    finally:
        done.set()
        watcher.join()

    codes = {job_id: records[job_id].error_code for job_id, _ in jobs}
    assert {codes[f"raises-{i}"] for i in range(500)} == {constants.CODE_INTERNAL}
    assert {codes[f"leaks-{i}"] for i in range(200)} == {"too_large"}
    assert all(records[job_id].error_message for job_id, _ in jobs)
    # 200 leaks of 50 MB over two processes would pass 5 GB each without the limit.
    assert 0 < peak["kib"] < LIMIT_KIB + 2 * 50 * 1024
    assert worker.alive()
