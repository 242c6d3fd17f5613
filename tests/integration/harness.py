"""Real processes for integration tests: workers, the CLI, Redis databases, cleanup.

Every helper that starts a process gives a way to stop it, and the fixtures in
tests/integration/conftest.py call those in their finalizers, so a failing test
leaves nothing running. The reliability tests (tests/integration/reliability/)
reuse all of this.

    env = newsdesk_env(data_dir, broker_url=..., store_url=..., NEWSDESK_VISIBILITY_TIMEOUT="12")
    worker = WorkerProcess(env, log_path=tmp_path / "worker.log").start()
    job_ids = submit_articles(settings_from_env(env), articles)
    records = wait_for_jobs(store, job_ids, timeout=60)
    worker.kill_group()            # SIGKILL the parent and every pool child at once
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import redis

from newsdesk.contracts import ArticleIn
from store import JobRecord, Store
from worker import constants, embedded, producer
from worker.app import create_app
from worker.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
WORKER_READY_TIMEOUT = 120.0

#: Fast start-up for tests: no gossip, mingle or heartbeats between workers.
QUIET_WORKER_OPTIONS = ("--without-heartbeat", "--without-gossip", "--without-mingle")


def newsdesk_env(
    data_dir: Path,
    *,
    broker_url: str | None = None,
    store_url: str | None = None,
    **extra: str,
) -> dict[str, str]:
    """This process's environment without any NEWSDESK_* variable, plus the given ones.

    `extra` takes full variable names: `NEWSDESK_VISIBILITY_TIMEOUT="12"`.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["NEWSDESK_DATA_DIR"] = str(data_dir)
    if broker_url:
        env["NEWSDESK_BROKER_URL"] = broker_url
    if store_url:
        env["NEWSDESK_STORE_URL"] = store_url
    env.update(extra)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def settings_from_env(env: Mapping[str, str]) -> Settings:
    """The Settings a process started with `env` builds (read without touching os.environ)."""
    values = {
        key.removeprefix("NEWSDESK_").lower(): value
        for key, value in env.items()
        if key.startswith("NEWSDESK_")
    }
    return Settings.model_validate(values)


def newsdesk_command() -> list[str]:
    """The installed `newsdesk` console script of this interpreter's environment."""
    script = Path(sys.executable).parent / "newsdesk"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from worker.cli import main; main()"]


def run_cli(
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    input: bytes | None = None,
    timeout: float = 180.0,
) -> subprocess.CompletedProcess[str]:
    """Run `newsdesk ARGS...` to completion; stdout and stderr are captured as text."""
    completed = subprocess.run(
        [*newsdesk_command(), *args],
        env=dict(env),
        input=input,
        capture_output=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode(errors="replace"),
        completed.stderr.decode(errors="replace"),
    )


def invoke_cli(args: Sequence[str], env: Mapping[str, str], *, input: bytes | None = None):
    """Run a `newsdesk` command in this process (fast; same code as the console script).

    Returns typer's Result: `exit_code`, `stdout`, `stderr`. Only NEWSDESK_* variables of
    `env` apply; any other NEWSDESK_* variable of this process is hidden meanwhile.
    """
    from typer.testing import CliRunner

    from worker.cli import app

    overrides: dict[str, str | None] = {k: None for k in os.environ if k.startswith("NEWSDESK_")}
    overrides.update({k: v for k, v in env.items() if k.startswith("NEWSDESK_")})
    return CliRunner().invoke(app, list(args), env=overrides, input=input, catch_exceptions=False)


class WorkerProcess:
    """`celery -A worker worker` (or any command) in its own process group."""

    def __init__(
        self,
        env: Mapping[str, str],
        *,
        log_path: Path,
        concurrency: int = 2,
        args: Sequence[str] = (),
        command: Sequence[str] | None = None,
    ) -> None:
        self.env = dict(env)
        self.log_path = log_path
        self.command = list(command) if command is not None else [
            sys.executable, "-m", "celery", "-A", "worker", "worker",
            "--pool", "prefork", "--concurrency", str(concurrency), "--loglevel", "INFO",
            *QUIET_WORKER_OPTIONS, *args,
        ]  # fmt: skip
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None, "the worker was not started"
        return self.process.pid

    def start(self, *, wait_ready: bool = True) -> WorkerProcess:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=REPO_ROOT,
                start_new_session=True,
            )
        if wait_ready:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = WORKER_READY_TIMEOUT) -> None:
        """Block until the worker logs that it consumes, or fail with its log."""
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"worker exited with {self.process.returncode}:\n{self.log()}")
            if re.search(r"celery@\S+ ready\.", self.log()[max(0, offset - 200) :]):
                return
            time.sleep(0.1)
        raise TimeoutError(f"worker not ready after {timeout:.0f} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def children(self) -> list[int]:
        """Pids of the pool processes (direct children of the worker's main process)."""
        return children_of(self.pid)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill_group(self, signum: int = signal.SIGKILL) -> None:
        """Signal the whole process group at once, as a crash or an OOM kill of a host would."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signum)
        if signum == signal.SIGKILL:
            self.process.wait(timeout=30)
            wait_group_gone(self.pid)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (warm shutdown), then SIGKILL whatever is left of the group."""
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        wait_group_gone(self.pid)


def _live_processes() -> list[tuple[int, int, int]]:
    """(pid, parent pid, process group) of every live, non-zombie process, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            found.append((int(stat.parent.name), int(fields[1]), int(fields[2])))
    return found


def children_of(pid: int) -> list[int]:
    return [child for child, parent, _ in _live_processes() if parent == pid]


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes in a process group."""
    return [member for member, _, group in _live_processes() if group == pgid]


def wait_group_gone(pgid: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)


def processes_for_data_dir(data_dir: Path) -> list[int]:
    """Live processes started for DATA_DIR: its env names it, or its command line does.

    Valkey rewrites its process title over its environment, so its command line
    (`valkey-server unixsocket:DATA_DIR/broker.sock`) is what names it.
    """
    needle_env = f"NEWSDESK_DATA_DIR={data_dir}".encode() + b"\0"
    needle_cmd = str(data_dir).encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            environ = (proc / "environ").read_bytes()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        named = environ.startswith(needle_env) or b"\0" + needle_env in environ
        if state != "Z" and (named or needle_cmd in cmdline):
            found.append(int(proc.name))
    return [pid for pid in found if pid != os.getpid()]


def submit_articles(
    settings: Settings, articles: Iterable[ArticleIn], *, store: Store
) -> list[str]:
    """Record and publish through the real producer; fails if the broker refused them."""
    submission = producer.submit(list(articles), settings, store=store)
    assert submission.broker_error is None, submission.broker_error
    return submission.job_ids


def publish_recorded(
    settings: Settings,
    store: Store,
    job_id: str,
    payload: dict,
    *,
    task: str | None = None,
    extra_args: Sequence[object] = (),
    payload_hash: str | None = None,
) -> None:
    """Record a job as a producer would, then publish its message by hand.

    Without `task` the message is the analysis task's; with it, a test task such as the
    poison tasks, called with `(job_id, payload, *extra_args)`.
    """
    digest = payload_hash if payload_hash is not None else producer.payload_hash(payload)
    store.record_job(job_id, constants.KIND_ANALYZE, payload, digest)
    if task is None:
        producer.publish([(job_id, payload)], settings)
        return
    app = create_app(settings)
    try:
        app.send_task(task, args=[job_id, payload, *extra_args], task_id=job_id)
    finally:
        app.close()


def wait_for_jobs(
    store: Store, job_ids: Sequence[str], *, timeout: float = 120.0
) -> dict[str, JobRecord]:
    """Poll the store until no job is pending; raise with the stragglers on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        records = {job_id: store.job(job_id) for job_id in job_ids}
        pending = [r for r in records.values() if r is None or r.pending]
        if not pending:
            return records  # type: ignore[return-value]
        if time.monotonic() > deadline:
            stragglers = pending[:3]
            raise TimeoutError(f"{len(pending)} of {len(job_ids)} jobs pending: {stragglers}")
        time.sleep(0.2)


def wait_until_some_finished(store: Store, job_ids: Sequence[str], count: int) -> int:
    """Block until at least `count` jobs have finished; returns how many have."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        finished = sum(1 for j in job_ids if (r := store.job(j)) is not None and not r.pending)
        if finished >= count:
            return finished
        time.sleep(0.05)
    raise TimeoutError(f"fewer than {count} jobs finished within 120 s")


def distinct_articles(count: int, *, prefix: str = "") -> list[ArticleIn]:
    """Short, distinct articles with a person, an organisation, a quote, money and a date."""
    people = ["Ana Ruiz", "Lars Berg", "Mei Tanaka", "Omar Haddad", "Nina Petrova", "Joel Okafor"]
    articles = []
    for i in range(count):
        person = people[i % len(people)]
        text = (
            f"{prefix}Harbor Freight Lines said on Monday it would spend ${i + 2} million on "
            f'{i + 3} new cranes at the port of Calder. "We expect the cranes to arrive in '
            f"{['March', 'April', 'May'][i % 3]},\" said {person}, the company's operations "
            f"director. She added that shipment number {1000 + i} had been delayed."
        )
        articles.append(ArticleIn(text=text, title=f"Cranes {i}", source=f"test-{i}"))
    return articles


def stop_embedded(data_dir: Path) -> None:
    embedded.stop(data_dir)


class RedisDatabase:
    """One Redis database number claimed for this test run, flushed before and after."""

    _CLAIM = "newsdesk-test:claim:{}"

    def __init__(self, number: int, client: redis.Redis) -> None:
        self.number = number
        self.url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{number}"
        self._claims = client

    @classmethod
    def claim(cls) -> RedisDatabase:
        """Claim a free database 1-15 (a key in DB 0 marks it taken, so parallel runs differ)."""
        client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=0, socket_timeout=5)
        client.ping()
        start = os.getpid() % 15
        for step in range(15):
            number = 1 + (start + step) % 15
            if client.set(cls._CLAIM.format(number), os.getpid(), nx=True, ex=1800):
                database = cls(number, client)
                database.flush()
                return database
        raise RuntimeError("every Redis database 1-15 is claimed by another test run")

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=5)

    def flush(self) -> None:
        with contextlib.closing(self.client()) as client:
            client.flushdb()

    def release(self) -> None:
        self.flush()
        self._claims.delete(self._CLAIM.format(self.number))
        self._claims.close()
