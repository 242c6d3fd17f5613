"""`newsdesk reconcile` and `newsdesk retry`: re-drive jobs from the store's record of them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from store import JobRecord, Store
from worker import embedded
from worker.cli.common import job_or_exit, load_settings, open_store
from worker.settings import Settings

if TYPE_CHECKING:
    from tasks.reconcile import Redrive


def register(app: typer.Typer) -> None:
    app.command()(reconcile)
    app.command()(retry)


def reconcile(
    older_than: Annotated[
        float | None,
        typer.Option(
            "--older-than",
            min=0,
            help="Seconds a job must have been pending; default NEWSDESK_VISIBILITY_TIMEOUT.",
        ),
    ] = None,
) -> None:
    """Re-publish jobs left queued or started past a deadline (their message was lost).

    Run it once after the broker lost its data (a Redis restarted without
    persistence) or was down while jobs were submitted; beat also runs it every
    5 minutes. Safe to repeat: a job already done skips a duplicate message.
    """
    from tasks import reconcile as reconciler

    settings = load_settings()
    deadline = (
        dt.timedelta(seconds=older_than)
        if older_than is not None
        else reconciler.default_deadline(settings)
    )
    store = open_store(settings)
    try:
        _ensure_broker(settings)
        outcome = reconciler.reconcile(store, reconciler.publisher(settings), older_than=deadline)
    finally:
        store.dispose()
    typer.echo(f"re-published {len(outcome.republished)} job(s) pending for over {deadline}")
    _report_leftovers(outcome)


def retry(
    job_ids: Annotated[
        list[str] | None, typer.Argument(help="Failed job ids, as `newsdesk failures` lists.")
    ] = None,
    all_failed: Annotated[
        bool, typer.Option("--all-failed", help="Retry every failed job.")
    ] = False,
) -> None:
    """Run failed jobs again, with their attempts reset; prints each job id re-queued."""
    from tasks import reconcile as reconciler

    if bool(job_ids) == all_failed:
        typer.echo("error: give job ids or --all-failed (not both)", err=True)
        raise typer.Exit(2)
    settings = load_settings()
    store = open_store(settings)
    try:
        records = store.failed_jobs() if all_failed else _failed(store, job_ids or [])
        _ensure_broker(settings)
        outcome = reconciler.retry(store, reconciler.publisher(settings), records)
    finally:
        store.dispose()
    for job_id in [*outcome.republished, *outcome.unpublished]:
        typer.echo(job_id)
    if not records:
        typer.echo("no failed jobs", err=True)
    _report_leftovers(outcome)


def _failed(store: Store, job_ids: list[str]) -> list[JobRecord]:
    records = [job_or_exit(store, job_id) for job_id in job_ids]
    unfinished = [r.id for r in records if r.state != "failed"]
    if unfinished:
        typer.echo(
            f"error: only failed jobs can be retried; not failed: {', '.join(unfinished)}",
            err=True,
        )
        raise typer.Exit(1)
    return records


def _ensure_broker(settings: Settings) -> None:
    if settings.embedded:
        try:
            embedded.ensure_running(settings.data_dir)
        except embedded.EmbeddedServerError as exc:
            typer.echo(f"warning: {exc}", err=True)


def _report_leftovers(outcome: Redrive) -> None:
    if outcome.unpublished:
        typer.echo(
            f"warning: the broker is unreachable ({outcome.broker_error}); "
            f"{len(outcome.unpublished)} job(s) stay queued for the next `newsdesk reconcile`",
            err=True,
        )
    if outcome.abandoned:
        typer.echo(
            f"{len(outcome.abandoned)} job(s) could not be run again and were marked failed: "
            + ", ".join(outcome.abandoned),
            err=True,
        )
    if outcome.unpublished or outcome.abandoned:
        raise typer.Exit(1)
