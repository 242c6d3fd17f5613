"""The app that `celery -A worker` finds: the settings of this process, plus worker hooks."""

from __future__ import annotations

from worker import logs, resources
from worker.app import create_app
from worker.settings import Settings

settings = Settings()
app = create_app(settings)
resources.install(settings)
logs.install(settings)
