"""Job rows: the record of every job, written before it is published.

Each function runs inside the caller's transaction, so that `Store.save_result` can
store an analysis and finish its job atomically.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select, update

from store.errors import JobNotFound
from store.models import JobRow, utcnow
from store.records import JobRecord, JobState
from store.upsert import insert_for

_jobs = JobRow.__table__
_RECORD_COLUMNS = [_jobs.c[name] for name in JobRecord.model_fields]


def record_job(
    connection: Connection, job_id: str, kind: str, payload: dict[str, Any], payload_hash: str
) -> JobRecord:
    now = utcnow()
    statement = (
        insert_for(connection, _jobs)
        .values(
            id=job_id,
            kind=kind,
            state=JobState.QUEUED.value,
            payload=payload,
            payload_hash=payload_hash,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=[_jobs.c.id])
    )
    connection.execute(statement)
    record = get_job(connection, job_id)
    if record is None:  # only if another process deleted it in between
        raise JobNotFound(job_id)
    return record


def get_job(connection: Connection, job_id: str) -> JobRecord | None:
    query = select(*_RECORD_COLUMNS).where(_jobs.c.id == job_id)
    row = connection.execute(query).mappings().first()
    return JobRecord.model_validate(dict(row)) if row is not None else None


def job_payload(connection: Connection, job_id: str) -> dict[str, Any] | None:
    return connection.execute(select(_jobs.c.payload).where(_jobs.c.id == job_id)).scalar()


def mark_started(connection: Connection, job_id: str) -> int:
    now = utcnow()
    _update(
        connection,
        job_id,
        state=JobState.STARTED.value,
        attempts=_jobs.c.attempts + 1,
        started_at=now,
        updated_at=now,
    )
    attempts = connection.execute(select(_jobs.c.attempts).where(_jobs.c.id == job_id)).scalar()
    return int(attempts)


def mark_succeeded(connection: Connection, job_id: str, article_id: str) -> None:
    now = utcnow()
    _update(
        connection,
        job_id,
        state=JobState.SUCCEEDED.value,
        article_id=article_id,
        error_code=None,
        error_message=None,
        updated_at=now,
        finished_at=now,
    )


def mark_failed(connection: Connection, job_id: str, code: str, message: str) -> None:
    """Fail a job unless it already succeeded: a success is final.

    A late duplicate run (a redelivery racing the first run, or the parent recording a
    hard time limit after the child committed) must not turn a stored result into a failure.
    """
    now = utcnow()
    _update(
        connection,
        job_id,
        _unless_state=JobState.SUCCEEDED,
        state=JobState.FAILED.value,
        error_code=code,
        error_message=message,
        updated_at=now,
        finished_at=now,
    )


def mark_queued(connection: Connection, job_id: str, *, reset_attempts: bool = False) -> None:
    values: dict[str, Any] = {
        "state": JobState.QUEUED.value,
        "error_code": None,
        "error_message": None,
        "updated_at": utcnow(),
        "finished_at": None,
    }
    if reset_attempts:
        values["attempts"] = 0
    _update(connection, job_id, **values)


def stale_jobs(connection: Connection, older_than: dt.timedelta, limit: int) -> list[JobRecord]:
    cutoff = utcnow() - older_than
    query = (
        select(*_RECORD_COLUMNS)
        .where(_jobs.c.state.in_([JobState.QUEUED.value, JobState.STARTED.value]))
        .where(_jobs.c.updated_at < cutoff)
        .order_by(_jobs.c.updated_at, _jobs.c.id)
        .limit(limit)
    )
    return [JobRecord.model_validate(dict(row)) for row in connection.execute(query).mappings()]


def requeue_stale(connection: Connection, older_than: dt.timedelta, limit: int) -> list[JobRecord]:
    """Claim stale jobs for re-publishing: back to queued, in the state they are in now.

    The rows are locked while they are claimed (SKIP LOCKED on PostgreSQL, the write
    lock on SQLite), so two reconcilers never claim the same job, and a job that a worker
    finished in the meantime is not flipped back to queued.
    """
    now = utcnow()
    stale = (
        select(_jobs.c.id)
        .where(_jobs.c.state.in_([JobState.QUEUED.value, JobState.STARTED.value]))
        .where(_jobs.c.updated_at < now - older_than)
        .order_by(_jobs.c.updated_at, _jobs.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(connection.execute(stale).scalars())
    if not ids:
        return []
    connection.execute(
        update(_jobs)
        .where(_jobs.c.id.in_(ids))
        .values(state=JobState.QUEUED.value, error_code=None, error_message=None, updated_at=now)
    )
    claimed = select(*_RECORD_COLUMNS).where(_jobs.c.id.in_(ids)).order_by(_jobs.c.id)
    return [JobRecord.model_validate(dict(row)) for row in connection.execute(claimed).mappings()]


def failed_jobs(connection: Connection, limit: int | None) -> list[JobRecord]:
    query = (
        select(*_RECORD_COLUMNS)
        .where(_jobs.c.state == JobState.FAILED.value)
        .order_by(_jobs.c.updated_at.desc(), _jobs.c.id)
        .limit(limit)
    )
    return [JobRecord.model_validate(dict(row)) for row in connection.execute(query).mappings()]


def _update(
    connection: Connection, job_id: str, *, _unless_state: JobState | None = None, **values: Any
) -> None:
    statement = update(_jobs).where(_jobs.c.id == job_id)
    if _unless_state is not None:
        statement = statement.where(_jobs.c.state != _unless_state.value)
    result = connection.execute(statement.values(**values))
    if result.rowcount == 0 and (_unless_state is None or get_job(connection, job_id) is None):
        raise JobNotFound(job_id)
