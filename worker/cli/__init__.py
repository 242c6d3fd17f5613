"""The `newsdesk` command line: one Typer app assembled from small command modules."""

from __future__ import annotations

import typer

from worker.cli import analyze, demo, evaluate, jobs, maintenance, run, server

app = typer.Typer(
    name="newsdesk",
    help="Turn news articles into structured facts: entities, quotes and speakers, money, dates.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    add_completion=False,
    pretty_exceptions_enable=False,
)
analyze.register(app)
jobs.register(app)
maintenance.register(app)
run.register(app)
app.add_typer(server.app, name="server")
demo.register(app)
app.add_typer(evaluate.app, name="eval")


def main() -> None:
    app()
