"""What the store hands back about jobs: plain frozen values, never ORM objects."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class JobState(StrEnum):
    QUEUED = "queued"
    STARTED = "started"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


PENDING_STATES = (JobState.QUEUED, JobState.STARTED)


class JobRecord(BaseModel):
    """One job as the store knows it; the user-facing record of every job."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    state: JobState
    payload_hash: str
    attempts: int
    article_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None

    @property
    def pending(self) -> bool:
        return self.state in PENDING_STATES
