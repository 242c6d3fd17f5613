"""The reconciler: jobs the broker lost are published again from the store's record.

The store's job rows, not the broker, are the record of every job. A job left
`queued` or `started` past a deadline has lost its message (a Redis that died
without persistence, a publish that failed while the broker was down, a worker
whose message was never restored): it is marked `queued` again and re-published.
Re-publishing is safe because tasks are idempotent: a job already finished skips
a duplicate message, and results are upserted by content hash. The store claims
stale jobs atomically and touches their `updated_at`, so a job is re-published at
most once per deadline, even with several reconcilers.

`newsdesk retry` re-drives failed jobs the same way, with their attempts reset.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from store import JobRecord, Store
from worker import constants, producer, resources
from worker.celery import app
from worker.settings import Settings

log = logging.getLogger(__name__)

#: publish(jobs, kind): send already-recorded jobs to the broker (worker.producer.publish).
Publisher = Callable[[Sequence[tuple[str, dict[str, Any]]], str], None]


@dataclass
class Redrive:
    """What one reconcile or retry pass did; `unpublished` jobs stay queued for the next."""

    republished: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    broker_error: str | None = None
    #: Jobs whose payload is gone or whose kind no task handles: failed with a reason.
    abandoned: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "republished": len(self.republished),
            "unpublished": len(self.unpublished),
            "abandoned": len(self.abandoned),
            "broker_error": self.broker_error,
        }


def default_deadline(settings: Settings) -> dt.timedelta:
    """Past the visibility timeout a job's message would have come back if the broker had it."""
    return dt.timedelta(seconds=settings.visibility_timeout)


def reconcile(store: Store, publish: Publisher, *, older_than: dt.timedelta) -> Redrive:
    """Re-publish every job left queued or started for longer than `older_than`."""
    # Claimed atomically: a job that a worker finishes meanwhile is not flipped back to
    # queued, and two reconcilers never both publish the same job.
    stale = store.requeue_stale(older_than)
    if stale:
        log.warning("reconciler: %d jobs pending over %s; re-publishing", len(stale), older_than)
    return _redrive(store, publish, stale, requeue=False)


def retry(store: Store, publish: Publisher, records: Iterable[JobRecord]) -> Redrive:
    """Queue failed jobs again with their attempts reset, as if newly submitted."""
    return _redrive(store, publish, list(records), requeue=True)


def _redrive(
    store: Store, publish: Publisher, records: list[JobRecord], *, requeue: bool
) -> Redrive:
    outcome = Redrive()
    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for record in records:
        payload = store.job_payload(record.id)
        if payload is None or record.kind not in constants.TASK_FOR_KIND:
            reason = "its payload is gone" if payload is None else f"no task runs {record.kind!r}"
            message = f"cannot run the job again: {reason}"
            store.mark_failed(record.id, constants.CODE_INVALID, message)
            outcome.abandoned.append(record.id)
            continue
        if requeue:
            # Queued first: a message that a worker takes at once then finds a pending job.
            store.mark_queued(record.id, reset_attempts=True)
        by_kind[record.kind].append((record.id, payload))
    for kind, jobs in by_kind.items():
        ids = [job_id for job_id, _ in jobs]
        try:
            publish(jobs, kind)
        except Exception as exc:  # the broker is down: they stay queued for the next sweep
            outcome.unpublished.extend(ids)
            outcome.broker_error = f"{type(exc).__name__}: {exc}"
            log.warning("reconciler: broker unreachable, %d jobs stay queued: %s", len(ids), exc)
        else:
            outcome.republished.extend(ids)
    return outcome


def publisher(settings: Settings, celery_app: Any = None) -> Publisher:
    """A Publisher through the project's producer (a fresh app unless one is given)."""

    def publish(jobs: Sequence[tuple[str, dict[str, Any]]], kind: str) -> None:
        producer.publish(jobs, settings, app=celery_app, kind=kind)

    return publish


@app.task(name=constants.RECONCILE_JOBS, ignore_result=True)
def reconcile_jobs(older_than: float | None = None) -> dict[str, Any]:
    """The periodic sweep beat runs; `older_than` in seconds, default the visibility timeout."""
    settings = resources.settings()
    deadline = (
        dt.timedelta(seconds=older_than) if older_than is not None else default_deadline(settings)
    )
    return reconcile(resources.store(), publisher(settings, app), older_than=deadline).summary()
