"""`newsdesk analyze` and `newsdesk schema`: the core, in process, without a broker."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer
from rich.console import Console

from newsdesk.contracts import Analysis
from newsdesk.errors import NewsdeskError
from worker.inputs import read_article
from worker.report import print_report
from worker.settings import Settings

ArticlePaths = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Text or HTML files; '-' reads standard input."),
]
PublishedOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--published",
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="Publication date (YYYY-MM-DD); relative dates like 'last week' resolve to it.",
    ),
]


def register(app: typer.Typer) -> None:
    app.command()(analyze)
    app.command()(schema)


def analyze(
    paths: ArticlePaths,
    published: PublishedOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one Analysis JSON object per line (JSON Lines).")
    ] = False,
) -> None:
    """Analyse articles in this process (no broker, no store) and print the results.

    Exits 1 when any input could not be analysed; the others are still printed.
    """
    from newsdesk.pipeline import Analyzer, load_nlp

    settings = Settings()
    out, err = Console(), Console(stderr=True)
    analyzer = Analyzer(load_nlp(settings.spacy_model))
    date = published.date() if published else None
    failed = 0
    for path in paths:
        try:
            analysis = analyzer.analyze(read_article(path, published=date))
        except NewsdeskError as exc:
            failed += 1
            err.print(f"[red]error[/red] ({exc.code}): {exc}", highlight=False)
            continue
        if as_json:
            typer.echo(analysis.model_dump_json())
        else:
            print_report(analysis, out, heading=path)
    if failed:
        raise typer.Exit(1)


def schema() -> None:
    """Print the JSON Schema of the Analysis contract."""
    typer.echo(json.dumps(Analysis.model_json_schema(), indent=2))
