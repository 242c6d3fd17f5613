"""Test-only tasks a worker loads with `--include tests.integration.reliability.poison_tasks`.

They go through the same JobTask policy as the real tasks; production never imports
this module.
"""

from __future__ import annotations

import os
import signal
import time

from newsdesk.errors import TooLarge
from tasks.analyze import analyze_article
from tasks.base import JobTask
from worker import resources
from worker.celery import app

POISON = "newsdesk-test.poison"
SLOW_ANALYZE = "newsdesk-test.slow_analyze"
RAISES = "newsdesk-test.raises"
LEAKS_50_MB = "newsdesk-test.leaks_50_mb"


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


#: Memory the leaking task keeps for the rest of its process's life.
_LEAKED: list[bytearray] = []


@app.task(bind=True, base=JobTask, name=RAISES)
def raises(self: JobTask, job_id: str, article: dict) -> dict:
    """A bug: an unexpected exception, recorded as `internal`."""
    raise ValueError(f"job {job_id} hit a bug")


@app.task(bind=True, base=JobTask, name=LEAKS_50_MB)
def leaks_50_mb(self: JobTask, job_id: str, article: dict) -> dict:
    """Keeps 50 MB for good, then fails as too large, as a leaking extension might."""
    block = bytearray(50 * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
    _LEAKED.append(block)
    raise TooLarge(f"job {job_id} kept 50 MB")
