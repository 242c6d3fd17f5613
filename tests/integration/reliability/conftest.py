"""Fixtures for the reliability tests: a private Redis each test may kill, and short timeouts.

A test that kills, pauses or restarts Redis gets its own `redis-server` on a free
port with its files in the test's directory, never the shared server on 6379.
Every process started here is stopped in a finalizer.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
import redis

from store import Store
from tests.integration.harness import newsdesk_env, settings_from_env
from worker.settings import Settings

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"

#: Short enough that a redelivery after the visibility timeout fits in a quick test.
SHORT_TIMEOUTS = {
    "NEWSDESK_VISIBILITY_TIMEOUT": "12",
    "NEWSDESK_TASK_SOFT_TIME_LIMIT": "6",
    "NEWSDESK_TASK_TIME_LIMIT": "9",
    "NEWSDESK_BROKER_SOCKET_TIMEOUT": "3",
    "NEWSDESK_BROKER_HEALTH_CHECK_INTERVAL": "2",
    "NEWSDESK_TASK_MAX_RETRIES": "8",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A redis-server of this test only: start, SIGKILL, SIGSTOP/SIGCONT, restart."""

    def __init__(self, directory: Path, *, persistent: bool) -> None:
        self.directory = directory
        self.persistent = persistent
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        directory.mkdir(parents=True, exist_ok=True)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=3)

    def start(self) -> PrivateRedis:
        persistence = ["--appendonly", "yes", "--appendfsync", "always"]
        if not self.persistent:
            persistence = ["--appendonly", "no"]
        command = [
            REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.directory), "--save", "", *persistence,
            "--protected-mode", "no", "--daemonize", "no",
        ]  # fmt: skip
        with open(self.directory / "redis.log", "ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 20
        while True:
            try:
                with contextlib.closing(self.client()) as client:
                    client.ping()
                    return self
            except redis.RedisError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start: {self.log()}") from None
                time.sleep(0.05)

    def log(self) -> str:
        path = self.directory / "redis.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def signal(self, signum: int) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signum)

    def kill(self) -> None:
        """SIGKILL: whatever was not persisted is gone."""
        self.signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """SIGTERM: Redis flushes its append-only file and exits."""
        if self.process is None:
            return
        self.signal(signal.SIGCONT)
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def queued(self, queue: str) -> int:
        with contextlib.closing(self.client()) as client:
            return int(client.llen(queue)) + int(client.hlen("unacked"))


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[Callable[..., PrivateRedis]]:
    """`private_redis(persistent=False, start=True)`; every server is stopped after the test."""
    made: list[PrivateRedis] = []

    def make(*, persistent: bool = False, start: bool = True) -> PrivateRedis:
        server = PrivateRedis(tmp_path / f"redis-{len(made)}", persistent=persistent)
        made.append(server)
        return server.start() if start else server

    yield make
    for server in made:
        server.stop()


@pytest.fixture
def sqlite_env(data_dir: Path) -> Callable[..., dict[str, str]]:
    """`sqlite_env(broker_url=None, **extra)`: a worker environment on SQLite in DATA_DIR."""

    def make(broker_url: str | None = None, **extra: str) -> dict[str, str]:
        values = {**SHORT_TIMEOUTS, **extra}
        store_url = f"sqlite:///{data_dir / 'store.sqlite'}"
        return newsdesk_env(data_dir, broker_url=broker_url, store_url=store_url, **values)

    return make


class Deployment(NamedTuple):
    """One deployment under test: the workers' environment, its settings and its store."""

    env: dict[str, str]
    settings: Settings
    store: Store


@pytest.fixture
def deployment(
    sqlite_env: Callable[..., dict[str, str]], open_store: Callable[[str], Store]
) -> Callable[..., Deployment]:
    """`deployment(broker_url=None, **extra)`: `sqlite_env` plus its settings and open store."""

    def make(broker_url: str | None = None, **extra: str) -> Deployment:
        env = sqlite_env(broker_url, **extra)
        settings = settings_from_env(env)
        return Deployment(env, settings, open_store(settings.resolved_store_url))

    return make
