"""`newsdesk demo`: the whole path on this machine, with nothing configured.

Starts what it needs (the embedded broker unless one runs, one worker process), submits
the bundled sample articles, shows progress and the results, and stops what it started,
also on Ctrl-C or an error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources as package_files
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsdesk.contracts import ArticleIn
from worker import embedded, producer
from worker.cli.common import load_settings, open_store, wait_for_jobs
from worker.inputs import read_article
from worker.report import print_report
from worker.settings import Settings

_WORKER_LOG = "demo-worker.log"


def register(app: typer.Typer) -> None:
    app.command()(demo)


def sample_articles() -> list[tuple[str, ArticleIn]]:
    """The articles bundled in newsdesk/samples, each with the publication date it assumes."""
    folder = package_files.files("newsdesk").joinpath("samples")
    index = json.loads(folder.joinpath("samples.json").read_text(encoding="utf-8"))
    samples = []
    for entry in index["articles"]:
        with package_files.as_file(folder.joinpath(entry["file"])) as path:
            published = dt.date.fromisoformat(entry["published"])
            samples.append((entry["file"], read_article(str(path), published=published)))
    return samples


def demo(
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, max=8, help="Worker processes to run.")
    ] = 2,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Give up after this many seconds.")
    ] = 300.0,
) -> None:
    """Analyse the bundled sample articles through the broker, a worker and the store.

    Needs no configuration: it uses DATA_DIR's embedded broker and SQLite store (or
    whatever NEWSDESK_* points at), and leaves no process behind.
    """
    settings = load_settings()
    out, err = Console(), Console(stderr=True)
    samples = sample_articles()
    store = open_store(settings)
    try:
        with _embedded_server(settings, err), _worker(settings, concurrency, err):
            submission = producer.submit([a for _, a in samples], settings, store=store)
            if submission.broker_error:
                err.print(f"[red]error[/red]: the broker is unreachable: {submission.broker_error}")
                raise typer.Exit(1)
            records = wait_for_jobs(store, submission.job_ids, timeout=timeout, console=err)
        failed = 0
        for (name, _), job_id in zip(samples, submission.job_ids, strict=True):
            analysis = store.analysis_for_job(job_id)
            if analysis is None:
                failed += 1
                record = records[job_id]
                err.print(f"[red]{name}[/red] (job {job_id}): {record.state} {record.error_code}")
                continue
            print_report(analysis, out, heading=f"{name} (job {job_id})")
        out.print(f"\nResults are stored in {store.url}")
        if settings.embedded:
            out.print(f"Broker files (embedded Valkey server) are in {settings.data_dir}")
        out.print("Read one again with `newsdesk result JOB`, or count with `newsdesk stats`.")
    finally:
        store.dispose()
    if failed:
        excerpt = _log_excerpt(settings.data_dir / _WORKER_LOG)
        err.print(f"last lines of the worker's log:\n{excerpt}", highlight=False)
        raise typer.Exit(1)


@contextlib.contextmanager
def _embedded_server(settings: Settings, err: Console) -> Iterator[None]:
    """Start DATA_DIR's broker if needed; stop it afterwards only if this call started it."""
    if not settings.embedded:
        yield
        return
    try:
        server = embedded.ensure_running(settings.data_dir)
    except embedded.EmbeddedServerError as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        raise typer.Exit(1) from exc
    note = "started" if server.started else "already running, left running afterwards"
    err.print(f"embedded broker: pid {server.pid} ({note}), socket {server.files.socket}")
    try:
        yield
    finally:
        if server.started:
            embedded.stop(settings.data_dir)
            err.print("embedded broker stopped")


@contextlib.contextmanager
def _worker(settings: Settings, concurrency: int, err: Console) -> Iterator[None]:
    """A `celery -A worker worker` process in its own session, stopped with its children."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log_path = settings.data_dir / _WORKER_LOG
    command = [
        sys.executable, "-m", "celery", "-A", "worker", "worker",
        "--pool", "prefork", "--concurrency", str(concurrency), "--loglevel", "WARNING",
        "--without-heartbeat", "--without-gossip", "--without-mingle",
        "--hostname", f"demo-{os.getpid()}@%h",
    ]  # fmt: skip
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    err.print(f"worker: pid {process.pid}, {concurrency} processes, log {log_path}")
    try:
        yield
    finally:
        _stop_group(process, grace=settings.soft_shutdown_timeout + 20)
        err.print("worker stopped")


def _stop_group(process: subprocess.Popen, *, grace: float) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    # Pool children that outlived their parent share its process group.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _log_excerpt(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:] if path.exists() else ""
