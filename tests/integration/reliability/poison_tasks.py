"""Test-only tasks a worker loads with `--include tests.integration.reliability.poison_tasks`.

They go through the same JobTask policy as the real tasks; production never imports
this module.
"""

from __future__ import annotations

import os
import signal
import time

from tasks.analyze import analyze_article
from tasks.base import JobTask
from worker import resources
from worker.celery import app

POISON = "newsdesk-test.poison"
SLOW_ANALYZE = "newsdesk-test.slow_analyze"


@app.task(bind=True, base=JobTask, name=POISON)
def poison(self: JobTask, job_id: str, article: dict) -> dict:
    """Kills its own process on every attempt, as a segfault in a C extension would."""
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


@app.task(bind=True, base=JobTask, name=SLOW_ANALYZE)
def slow_analyze(self: JobTask, job_id: str, article: dict, seconds: float) -> dict:
    """The real analysis; its first attempt sleeps `seconds` first (past a visibility timeout)."""
    if resources.store().job(job_id).attempts == 1:
        time.sleep(seconds)
    return analyze_article.run(job_id, article)
