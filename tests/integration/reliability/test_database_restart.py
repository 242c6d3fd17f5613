"""A PostgreSQL restarted mid-run: jobs retry with backoff and succeed, with no partial rows.

The test runs its own PostgreSQL cluster (initdb in a temporary folder, a free port),
so restarting it touches no other database. PostgreSQL refuses to run as root, so as
root the cluster runs as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.harness import (
    distinct_articles,
    newsdesk_env,
    settings_from_env,
    submit_articles,
    wait_for_jobs,
    wait_until_some_finished,
)
from tests.integration.reliability.checks import assert_stored_once
from tests.integration.reliability.conftest import SHORT_TIMEOUTS, free_port

pytestmark = pytest.mark.integration


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    return found[-1]


class PrivatePostgres:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *args: str) -> None:
        command = ["runuser", "-u", self.user, "--", *args] if self.user else list(args)
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self) -> PrivatePostgres:
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.directory, entry.pw_uid, entry.pw_gid)
        self._run(_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")
        return self.start()

    def start(self) -> PrivatePostgres:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "postgres.log")
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        pytest.skip("initdb and pg_ctl are not installed")
    directory = Path(tempfile.mkdtemp(prefix="nd-pg-", dir="/tmp"))
    server = PrivatePostgres(directory)
    try:
        server.init()
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(directory, ignore_errors=True)


def test_9_postgresql_restarted_mid_run_jobs_retry_and_succeed(
    private_postgres, redis_url, data_dir, start_worker, open_store
):
    env = newsdesk_env(
        data_dir, broker_url=redis_url, store_url=private_postgres.url, **SHORT_TIMEOUTS
    )
    settings = settings_from_env(env)
    store = open_store(settings.resolved_store_url)
    worker = start_worker(env, concurrency=2)
    job_ids = submit_articles(settings, distinct_articles(100, prefix="Database. "), store=store)

    wait_until_some_finished(store, job_ids, 10)
    private_postgres.stop("fast")
    time.sleep(3)
    private_postgres.start()

    wait_for_jobs(store, job_ids, timeout=180)
    assert_stored_once(store, job_ids, articles=100)
    assert worker.alive()
    assert "retry" in worker.log().lower(), "some jobs met the database down and retried"
