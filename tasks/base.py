"""The one retry and failure policy that every job task shares.

A job task's body only does its work. `JobTask` wraps it:

- before: a job already finished is not run again (a duplicate message), and a job
  whose process died on every one of MAX_ATTEMPTS attempts fails with `worker_lost`;
- permanent errors (the article is at fault, the payload is invalid, the time limit
  passed, a bug: code `internal`) mark the job failed at once with a code and a message;
- transient errors (the database or the broker out of reach) retry with exponential
  backoff and full jitter, at most `NEWSDESK_TASK_MAX_RETRIES` times, then fail with
  `retries_exhausted`.

Every ending is written to the store, which users read back with `newsdesk status`.
"""

from __future__ import annotations

import contextlib
import logging
import random
from typing import Any

import kombu.exceptions
import redis.exceptions
from billiard.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from celery import Task
from pydantic import ValidationError

from newsdesk.errors import NewsdeskError
from store import JobNotFound, Store, StoreError, StoreUnavailable
from store.records import JobState
from worker import constants, resources

log = logging.getLogger(__name__)

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    StoreUnavailable,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)

_BACKOFF_BASE_SECONDS = 1.0
_BACKOFF_CAP_SECONDS = 60.0


class JobFailed(Exception):
    """Raised after a job was recorded as failed, so Celery logs it without a traceback."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def backoff_delay(retries: int, *, cap: float, rng: random.Random | None = None) -> float:
    """Seconds before retry number `retries + 1`: full jitter over a doubling window."""
    window = min(cap, _BACKOFF_BASE_SECONDS * 2**retries)
    return (rng or random).uniform(0, window)


class JobTask(Task):
    """Base of every task whose first argument is a job id recorded in the store."""

    abstract = True
    throws = (JobFailed,)
    # Retries are driven by __call__ with the count from settings.
    max_retries = None

    def __call__(self, job_id: str, *args: Any, **kwargs: Any) -> Any:
        try:
            if not self._start(job_id):
                return {"job_id": job_id, "state": "skipped"}
            return self.run(job_id, *args, **kwargs)
        except JobFailed:
            raise
        except TRANSIENT_ERRORS as exc:
            return self._retry_or_give_up(job_id, exc)
        except JobNotFound:
            log.error("job %s is not in the store; its message is dropped", job_id)
            return {"job_id": job_id, "state": "unknown"}
        except NewsdeskError as exc:
            self._fail(job_id, exc.code, exc.message)
        except ValidationError as exc:
            self._fail(job_id, constants.CODE_INVALID, _validation_message(exc))
        except SoftTimeLimitExceeded:
            limit = resources.settings().task_soft_time_limit
            self._fail(
                job_id,
                constants.CODE_TIME_LIMIT,
                f"the job ran longer than the {limit} seconds allowed "
                "(NEWSDESK_TASK_SOFT_TIME_LIMIT)",
            )
        except StoreError as exc:
            self._fail(job_id, exc.code, str(exc))
        except Exception as exc:  # a bug: record it so the job does not look pending forever
            log.exception("job %s hit an unexpected error", job_id)
            self._fail(job_id, constants.CODE_INTERNAL, f"{type(exc).__name__}: {exc}")

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:  # type: ignore[override]
        """Runs in the worker's parent when the hard time limit killed the job's process."""
        if isinstance(exc, TimeLimitExceeded) and args:
            message = f"the job's process was killed after the hard time limit ({exc.args[0]} s)"
            _record_from_parent(args[0], constants.CODE_TIME_LIMIT, message)

    def _start(self, job_id: str) -> bool:
        store = resources.store()
        record = store.job(job_id)
        if record is None:
            raise JobNotFound(job_id)
        if record.state in (JobState.SUCCEEDED, JobState.FAILED):
            log.info("job %s is already %s; duplicate message ignored", job_id, record.state)
            return False
        attempts = store.mark_started(job_id)
        # Planned retries also count as attempts; only unexplained restarts hit the cap.
        lost = attempts - 1 - self.request.retries
        if lost >= constants.MAX_ATTEMPTS:
            self._fail(
                job_id,
                constants.CODE_WORKER_LOST,
                f"the worker process died during {lost} attempts; not trying again",
            )
        return True

    def _fail(self, job_id: str, code: str, message: str) -> None:
        resources.store().mark_failed(job_id, code, message)
        raise JobFailed(code, message)

    def _retry_or_give_up(self, job_id: str, exc: BaseException) -> Any:
        current = resources.settings()
        retries = self.request.retries
        if retries >= current.task_max_retries:
            message = f"gave up after {retries} retries: {type(exc).__name__}: {exc}"
            self._fail(job_id, constants.CODE_RETRIES_EXHAUSTED, message)
        # Shorter than the visibility timeout, or the waiting message would be redelivered.
        cap = min(_BACKOFF_CAP_SECONDS, current.visibility_timeout / 2)
        delay = backoff_delay(retries, cap=cap)
        log.warning("job %s: %s; retry %d in %.1f s", job_id, exc, retries + 1, delay)
        with contextlib.suppress(StoreError):
            resources.store().mark_queued(job_id)
        raise self.retry(exc=exc, countdown=delay, max_retries=current.task_max_retries)


def _record_from_parent(job_id: str, code: str, message: str) -> None:
    # The parent holds no Store (engines must not cross a fork): open one for this write.
    try:
        store = Store.open(resources.settings().resolved_store_url)
    except StoreError:
        log.exception("could not record %s for job %s; the reconciler will see it", code, job_id)
        return
    try:
        store.mark_failed(job_id, code, message)
    except StoreError:
        log.exception("could not record %s for job %s; the reconciler will see it", code, job_id)
    finally:
        store.dispose()


def _validation_message(exc: ValidationError) -> str:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or 'article'}: {error['msg']}"
        for error in exc.errors()
    )
    return f"the job's payload is not a valid article: {problems}"
