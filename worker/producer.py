"""Submitting jobs: record each in the store first, then publish it to the broker.

The store's row is the record of the job; the message is only a notification. If the
broker cannot take a message (down, unreachable), the job stays `queued` and the
reconciler publishes it later, so submitting never loses a job and never fails
because of the broker.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from celery import Celery

from newsdesk.contracts import ArticleIn
from store import Store
from worker import constants, embedded
from worker.app import create_app
from worker.settings import Settings

log = logging.getLogger(__name__)

_PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


@dataclass
class Submission:
    job_ids: list[str] = field(default_factory=list)
    #: Recorded but not yet published (the broker was unreachable); the reconciler will.
    unpublished: list[str] = field(default_factory=list)
    broker_error: str | None = None


def payload_of(article: ArticleIn) -> dict[str, Any]:
    """The JSON the task receives: the article contract, nothing else."""
    return article.model_dump(mode="json", exclude_none=True)


def payload_hash(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def submit(
    articles: Sequence[ArticleIn],
    settings: Settings,
    *,
    store: Store,
    app: Celery | None = None,
) -> Submission:
    """Record one `analyze` job per article, then publish them; returns their ids in order.

    Every call makes new jobs (uuid4 ids); the store keys the articles themselves by
    content hash, so the same article submitted twice is analysed twice but stored once.
    """
    submission = Submission()
    payloads = []
    for article in articles:
        job_id = str(uuid.uuid4())
        payload = payload_of(article)
        store.record_job(job_id, constants.KIND_ANALYZE, payload, payload_hash(payload))
        submission.job_ids.append(job_id)
        payloads.append((job_id, payload))
    if not payloads:
        return submission
    try:
        if settings.embedded:
            embedded.ensure_running(settings.data_dir)
        publish(payloads, settings, app=app)
    except Exception as exc:  # any broker failure: the jobs are safe in the store
        submission.unpublished = [job_id for job_id, _ in payloads]
        submission.broker_error = f"{type(exc).__name__}: {exc}"
        log.warning("broker unreachable; %d jobs stay queued: %s", len(payloads), exc)
    return submission


def publish(
    jobs: Sequence[tuple[str, dict[str, Any]]],
    settings: Settings,
    *,
    app: Celery | None = None,
    kind: str = constants.KIND_ANALYZE,
) -> None:
    """Publish already-recorded jobs (the reconciler re-publishes with this too)."""
    owned = app is None
    app = app or create_app(settings)
    try:
        with app.producer_or_acquire() as producer:
            for job_id, payload in jobs:
                app.send_task(
                    constants.TASK_FOR_KIND[kind],
                    args=[job_id, payload],
                    task_id=job_id,
                    producer=producer,
                    retry=True,
                    retry_policy=_PUBLISH_RETRY,
                    ignore_result=True,  # the store, not the result backend, records jobs
                )
    finally:
        if owned:
            app.close()
