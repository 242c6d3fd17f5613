"""newsdesk's durable result store: articles, analyses and the record of every job.

    from store import Store
    store = Store.open("sqlite:///newsdesk.sqlite")   # or postgresql+psycopg://...
    store.record_job(job_id, "analyze", payload, payload_hash)

The same code runs on SQLite (WAL, the embedded default) and PostgreSQL (at scale);
Alembic migrations are applied by `Store.open`. Call `Store.open` in the process that
uses the store, after any fork. Errors are drawn in `store.errors`.
"""

from store.api import Store
from store.errors import JobNotFound, StoreError, StoreUnavailable
from store.records import JobRecord, JobState

__all__ = [
    "JobNotFound",
    "JobRecord",
    "JobState",
    "Store",
    "StoreError",
    "StoreUnavailable",
]
