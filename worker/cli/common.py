"""What the job commands share: opening the store, finding a job, waiting for jobs."""

from __future__ import annotations

import time
from collections.abc import Sequence

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from store import JobRecord, Store, StoreError
from worker.settings import Settings

#: After this long with no job started, tell the user that a worker may be missing.
_NO_WORKER_HINT_SECONDS = 15.0


def load_settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:
        typer.echo(f"error: invalid NEWSDESK_* settings: {exc}", err=True)
        raise typer.Exit(2) from exc


def open_store(settings: Settings) -> Store:
    try:
        return Store.open(settings.resolved_store_url)
    except StoreError as exc:
        typer.echo(f"error: cannot open the result store: {exc}", err=True)
        raise typer.Exit(1) from exc


def job_or_exit(store: Store, job_id: str) -> JobRecord:
    record = store.job(job_id)
    if record is None:
        typer.echo(
            f"error: no job with id {job_id!r} in {store.url} "
            "(job ids are printed by `newsdesk submit`)",
            err=True,
        )
        raise typer.Exit(1)
    return record


def wait_for_jobs(
    store: Store, job_ids: Sequence[str], *, timeout: float, console: Console
) -> dict[str, JobRecord]:
    """Poll the store until every job has finished or `timeout` passes; show a progress bar."""
    records: dict[str, JobRecord] = {}
    hinted = False
    started = time.monotonic()
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        bar = progress.add_task("analysing", total=len(job_ids), detail="")
        while True:
            records = {job_id: store.job(job_id) for job_id in job_ids}  # type: ignore[misc]
            done = [r for r in records.values() if r is not None and not r.pending]
            failed = sum(1 for r in done if r.state == "failed")
            running = sum(1 for r in records.values() if r is not None and r.state == "started")
            detail = f"{running} running" + (f", {failed} failed" if failed else "")
            progress.update(bar, completed=len(done), detail=detail)
            if len(done) == len(job_ids):
                return records
            elapsed = time.monotonic() - started
            if elapsed > timeout:
                return records
            if not hinted and elapsed > _NO_WORKER_HINT_SECONDS and not done and not running:
                hinted = True
                console.print(
                    "[yellow]no job has started yet: is a worker running? "
                    "Start one with `newsdesk worker`.[/yellow]"
                )
            time.sleep(0.2)
