"""Fixtures that start real processes and always stop them (see harness.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis

from store import Store
from tests.integration.harness import RedisDatabase, WorkerProcess, stop_embedded


@pytest.fixture(scope="session")
def redis_database() -> Iterator[RedisDatabase]:
    """A Redis database of the server on 127.0.0.1:6379 claimed for this run."""
    try:
        database = RedisDatabase.claim()
    except (redis.ConnectionError, OSError) as exc:
        message = f"Redis is not reachable on 127.0.0.1:6379 ({exc})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield database
    database.release()


@pytest.fixture
def redis_url(redis_database: RedisDatabase) -> Iterator[str]:
    """The claimed database, empty at the start and the end of the test."""
    redis_database.flush()
    yield redis_database.url
    redis_database.flush()


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A short DATA_DIR (Unix socket paths are limited); its embedded server is stopped after."""
    path = Path(tempfile.mkdtemp(prefix="nd-", dir="/tmp"))
    yield path
    stop_embedded(path)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """`start_worker(env, concurrency=2, args=(), wait_ready=True)`; every one is stopped after."""
    started: list[WorkerProcess] = []

    def start(env, *, wait_ready: bool = True, **options) -> WorkerProcess:
        log_path = tmp_path / f"worker-{len(started)}.log"
        worker = WorkerProcess(env, log_path=log_path, **options)
        started.append(worker)
        return worker.start(wait_ready=wait_ready)

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def open_store() -> Iterator[Callable[[str], Store]]:
    """`open_store(url)`: a Store for the test process, disposed after."""
    opened: list[Store] = []

    def open_(url: str) -> Store:
        opened.append(Store.open(url))
        return opened[-1]

    yield open_
    for store in opened:
        store.dispose()
