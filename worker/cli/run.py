"""`newsdesk worker` and `newsdesk beat`: Celery with the project's app, as `celery -A worker`."""

from __future__ import annotations

import typer

from worker import embedded
from worker.cli.common import load_settings

_PASSTHROUGH = {"allow_extra_args": True, "ignore_unknown_options": True}


def register(app: typer.Typer) -> None:
    app.command(context_settings=_PASSTHROUGH)(worker)
    app.command(context_settings=_PASSTHROUGH)(beat)


def worker(ctx: typer.Context) -> None:
    """Run a worker that analyses queued jobs; extra options go to `celery worker`.

    Example: `newsdesk worker --concurrency 4 --loglevel INFO`. Every option of
    `celery -A worker worker --help` works. With no NEWSDESK_BROKER_URL, the embedded
    server of DATA_DIR is started first. Stop with Ctrl-C: running jobs get
    NEWSDESK_SOFT_SHUTDOWN_TIMEOUT seconds, then go back to the queue.
    """
    _start_celery("worker", ctx.args)


def beat(ctx: typer.Context) -> None:
    """Run the scheduler (one per deployment) for the periodic tasks in NEWSDESK_SCHEDULE.

    Extra options go to `celery beat` (see `celery -A worker beat --help`).
    """
    _start_celery("beat", ctx.args)


def _start_celery(command: str, args: list[str]) -> None:
    settings = load_settings()
    if settings.embedded:
        try:
            embedded.ensure_running(settings.data_dir)
        except embedded.EmbeddedServerError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if not {"-l", "--loglevel"} & {arg.split("=", 1)[0] for arg in args}:
        args = [*args, "--loglevel", settings.log_level]
    from worker.celery import app

    app.start(argv=[command, *args])
