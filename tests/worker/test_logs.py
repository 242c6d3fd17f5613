"""NEWSDESK_LOG_FORMAT=json: one JSON object a line, with the task's name and id."""

from __future__ import annotations

import json
import logging
import sys

from worker.logs import JsonFormatter


def _record(**extra: object) -> logging.LogRecord:
    record = logging.LogRecord(
        "tasks.analyze", logging.WARNING, __file__, 1, "job %s", ("j1",), None
    )
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_a_record_becomes_one_json_line():
    line = JsonFormatter().format(_record(task_name="newsdesk.analyze_article", task_id="j1"))

    entry = json.loads(line)
    assert "\n" not in line
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "tasks.analyze"
    assert entry["message"] == "job j1"
    assert (entry["task_name"], entry["task_id"]) == ("newsdesk.analyze_article", "j1")
    assert entry["time"].endswith("+00:00")


def test_celery_placeholders_outside_a_task_are_left_out():
    entry = json.loads(JsonFormatter().format(_record(task_name="???", task_id="???")))
    assert "task_name" not in entry and "task_id" not in entry


def test_an_exception_keeps_its_traceback():
    try:
        raise ValueError("bad payload")
    except ValueError:
        record = _record()
        record.exc_info = sys.exc_info()
    entry = json.loads(JsonFormatter().format(record))
    assert "ValueError: bad payload" in entry["exception"]
