"""The store's public API is what `store/__init__.py` exports; the worker codes against it."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import store


def test_the_public_names_are_pinned() -> None:
    assert sorted(store.__all__) == [
        "JobNotFound",
        "JobRecord",
        "JobState",
        "Store",
        "StoreError",
        "StoreUnavailable",
    ]


def test_the_store_methods_the_worker_relies_on_exist() -> None:
    methods = {name for name, _ in inspect.getmembers(store.Store, inspect.isfunction)}
    assert {
        "dispose",
        "record_job",
        "mark_started",
        "mark_succeeded",
        "mark_failed",
        "mark_queued",
        "save_analysis",
        "save_result",
        "job",
        "analysis",
        "analysis_for_job",
        "article_text",
        "stats",
        "failed_jobs",
        "stale_jobs",
        "job_payload",
    } <= methods
    assert isinstance(inspect.getattr_static(store.Store, "open"), classmethod)


def test_the_job_states_are_the_strings_users_read() -> None:
    assert [state.value for state in store.JobState] == ["queued", "started", "succeeded", "failed"]


def test_unavailable_is_a_store_error_so_one_except_catches_both() -> None:
    assert issubclass(store.StoreUnavailable, store.StoreError)
    assert issubclass(store.JobNotFound, store.StoreError)


def test_the_store_never_imports_celery() -> None:
    package = Path(store.__file__).parent
    imported = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    assert {"sqlalchemy", "alembic", "newsdesk"} <= imported
    assert not imported & {"celery", "kombu", "redis", "tasks", "worker"}
