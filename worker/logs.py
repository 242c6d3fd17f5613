"""Log format for worker and beat processes: Celery's text lines, or one JSON object a line.

JSON lines are for log shippers (Loki, Elasticsearch): every record keeps its level,
logger, process and, inside a task, the task's name and id.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from celery import signals

from worker.settings import Settings

_STANDARD_FIELDS = ("task_name", "task_id")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "process": record.process,
            "message": record.getMessage(),
        }
        for name in _STANDARD_FIELDS:
            value = getattr(record, name, None)
            if value not in (None, "???"):
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def install(settings: Settings) -> None:
    """Switch Celery's handlers to JSON lines when NEWSDESK_LOG_FORMAT=json."""
    if settings.log_format != "json":
        return
    signals.after_setup_logger.connect(_use_json, weak=False, dispatch_uid="newsdesk.json")
    signals.after_setup_task_logger.connect(
        _use_json, weak=False, dispatch_uid="newsdesk.json_task"
    )


def _use_json(logger: logging.Logger, **_: object) -> None:
    for handler in logger.handlers:
        handler.setFormatter(JsonFormatter())
