"""`Store`: the one object the rest of newsdesk uses to read and write results.

Every method is one transaction and translates database failures into the tree in
`store.errors` (StoreUnavailable for the transient ones, so that tasks retry them).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from newsdesk.contracts import Analysis
from store import articles, jobs, queries
from store.engine import WRITE, create_store_engine, upgrade_to_head
from store.errors import translate_errors
from store.records import JobRecord

T = TypeVar("T")


class Store:
    """The durable result store on SQLite or PostgreSQL.

    Open it in the process that uses it (`Store.open(url)` after fork, e.g. in
    Celery's `worker_process_init`): an engine's pool must not cross a fork. A Store
    that notices it now runs in a child process drops the inherited pool, without
    closing the parent's connections, and opens fresh ones.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE: True})
        self._pid = os.getpid()

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and bring the schema to head; safe when many processes open at once."""
        with translate_errors("opening the store"):
            engine = create_store_engine(url)
            try:
                upgrade_to_head(engine)
            except BaseException:
                engine.dispose()
                raise
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        """Close every pooled connection (at exit, or in a child after fork)."""
        self._engine.dispose(close=os.getpid() == self._pid)
        self._pid = os.getpid()

    # -- jobs -------------------------------------------------------------------------

    def record_job(
        self, job_id: str, kind: str, payload: dict[str, Any], payload_hash: str
    ) -> JobRecord:
        """Record a job as queued; recording the same id again returns the existing row."""
        return self._write("recording a job", jobs.record_job, job_id, kind, payload, payload_hash)

    def mark_started(self, job_id: str) -> int:
        """Mark a job started and count the attempt; returns the attempts so far."""
        return self._write("starting a job", jobs.mark_started, job_id)

    def mark_succeeded(self, job_id: str, article_id: str) -> None:
        self._write("finishing a job", jobs.mark_succeeded, job_id, article_id)

    def mark_failed(self, job_id: str, code: str, message: str) -> None:
        self._write("failing a job", jobs.mark_failed, job_id, code, message)

    def mark_queued(self, job_id: str, *, reset_attempts: bool = False) -> None:
        """Back to queued for a re-publish; `reset_attempts` when a user re-drives it."""
        self._write("re-queueing a job", jobs.mark_queued, job_id, reset_attempts=reset_attempts)

    def job(self, job_id: str) -> JobRecord | None:
        return self._read("reading a job", jobs.get_job, job_id)

    def job_payload(self, job_id: str) -> dict[str, Any] | None:
        return self._read("reading a job payload", jobs.job_payload, job_id)

    def failed_jobs(self, limit: int | None = None) -> list[JobRecord]:
        """Failed jobs, most recently failed first."""
        return self._read("listing failed jobs", jobs.failed_jobs, limit)

    def stale_jobs(self, older_than: dt.timedelta, limit: int = 1000) -> list[JobRecord]:
        """Jobs queued or started but untouched for `older_than`, oldest first."""
        return self._read("listing stale jobs", jobs.stale_jobs, older_than, limit)

    def requeue_stale(self, older_than: dt.timedelta, limit: int = 1000) -> list[JobRecord]:
        """Atomically move stale jobs back to queued and return them, for re-publishing.

        Prefer this to `stale_jobs` + `mark_queued` in a reconciler: a job that a worker
        finishes between those two calls would be flipped back to queued.
        """
        return self._write("re-queueing stale jobs", jobs.requeue_stale, older_than, limit)

    # -- results ----------------------------------------------------------------------

    def save_analysis(self, analysis: Analysis, text: str) -> str:
        """Store an article and its analysis, replacing earlier rows; returns the article id."""
        return self._write("saving an analysis", articles.save_analysis, analysis, text)

    def save_result(self, job_id: str, analysis: Analysis, text: str) -> str:
        """Save the analysis and mark its job succeeded, both or neither."""

        def save(connection: Connection) -> str:
            article_id = articles.save_analysis(connection, analysis, text)
            jobs.mark_succeeded(connection, job_id, article_id)
            return article_id

        return self._write("saving a job's result", save)

    def analysis(self, article_id: str) -> Analysis | None:
        return self._read("reading an analysis", articles.get_analysis, article_id)

    def analysis_for_job(self, job_id: str) -> Analysis | None:
        def read(connection: Connection) -> Analysis | None:
            record = jobs.get_job(connection, job_id)
            if record is None or record.article_id is None:
                return None
            return articles.get_analysis(connection, record.article_id)

        return self._read("reading a job's analysis", read)

    def article_text(self, article_id: str) -> str | None:
        return self._read("reading an article", articles.article_text, article_id)

    def stats(self) -> dict[str, Any]:
        """`{"articles", "quotes", "entities", "jobs": {"pending", "succeeded", "failed"}}`."""
        return self._read("counting", queries.stats)

    # -- plumbing ---------------------------------------------------------------------

    def _write(self, action: str, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._transaction(action, self._writer) as connection:
            return work(connection, *args, **kwargs)

    def _read(self, action: str, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._transaction(action, self._engine) as connection:
            return work(connection, *args, **kwargs)

    @contextmanager
    def _transaction(self, action: str, engine: Engine) -> Iterator[Connection]:
        if os.getpid() != self._pid:
            self.dispose()
        with translate_errors(action), engine.begin() as connection:
            yield connection

    def __repr__(self) -> str:
        return f"Store({self.url!r})"
