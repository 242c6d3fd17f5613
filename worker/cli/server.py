"""`newsdesk server status|start|stop`: the embedded broker of DATA_DIR."""

from __future__ import annotations

import typer

from worker import constants, embedded
from worker.cli.common import load_settings
from worker.settings import Settings

app = typer.Typer(
    help=(
        "Manage the embedded broker: the Valkey server newsdesk runs in DATA_DIR when "
        "NEWSDESK_BROKER_URL is unset. Commands that need it start it by themselves."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
)


def _embedded_settings() -> Settings:
    settings = load_settings()
    if not settings.embedded:
        typer.echo(
            f"NEWSDESK_BROKER_URL is set ({settings.broker_url}); the embedded server is not used."
        )
        raise typer.Exit(0)
    return settings


@app.command()
def status() -> None:
    """Say whether the server runs, where its files are and how many messages wait."""
    settings = _embedded_settings()
    files = embedded.BrokerFiles.of(settings.data_dir)
    pid = embedded.running_pid(files)
    typer.echo(f"data dir  {files.data_dir}")
    typer.echo(f"socket    {files.socket}")
    typer.echo(f"aof       {files.aof_dir}")
    typer.echo(f"log       {files.log}")
    if pid is None:
        typer.echo("state     stopped (it starts when a command needs it)")
        raise typer.Exit(3)
    typer.echo(f"state     running, pid {pid}")
    counts = embedded.queue_lengths(files, [constants.ANALYSIS_QUEUE, constants.DEFAULT_QUEUE])
    for name, count in counts.items():
        typer.echo(f"queue     {name}: {count}")


@app.command()
def start() -> None:
    """Start the server for DATA_DIR unless one already runs; print its pid."""
    settings = _embedded_settings()
    try:
        server = embedded.ensure_running(settings.data_dir)
    except embedded.EmbeddedServerError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    verb = "started" if server.started else "already running"
    typer.echo(f"{verb}: pid {server.pid}, socket {server.files.socket}")


@app.command()
def stop() -> None:
    """Stop the server after it writes its append-only file (queued jobs are kept)."""
    settings = _embedded_settings()
    try:
        pid = embedded.stop(settings.data_dir)
    except embedded.EmbeddedServerError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"stopped pid {pid}" if pid else "not running")
