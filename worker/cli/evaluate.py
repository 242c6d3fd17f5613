"""`newsdesk eval ...`: score the extractors on the development data in ../shared/eval."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated

import typer

from newsdesk.evaluation.report import EvalReport

app = typer.Typer(
    help="Score the extractors on annotated development data and list their misses.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)

_SHARED = Path("..") / "shared"
JsonOption = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
MissesOption = Annotated[int, typer.Option("--misses", help="How many misses to list.")]


def _run(module: str, path: Path, as_json: bool, misses: int) -> None:
    if not path.exists():
        typer.echo(f"error: {path} does not exist", err=True)
        raise typer.Exit(2)
    evaluation = importlib.import_module(f"newsdesk.evaluation.{module}")
    report: EvalReport = evaluation.evaluate(path)
    typer.echo(report.model_dump_json(indent=2) if as_json else report.to_text(misses))


@app.command()
def quotes(
    path: Annotated[Path, typer.Argument(help="PolNeAR split folder or a *.gold.json file.")] = (
        _SHARED / "eval" / "quotes" / "polnear" / "dev"
    ),
    as_json: JsonOption = False,
    misses: MissesOption = 20,
) -> None:
    """Quote content P/R/F1, source and cue accuracy (PolNeAR brat data or a gold JSON)."""
    _run("quotes", path, as_json, misses)


@app.command()
def timex(
    path: Annotated[Path, typer.Argument(help="Folder of TimeML .tml files.")] = (
        _SHARED / "eval" / "timex"
    ),
    as_json: JsonOption = False,
    misses: MissesOption = 20,
) -> None:
    """TempEval-3 style: relaxed span match, value accuracy and value F1."""
    _run("timex", path, as_json, misses)


@app.command()
def ner(
    path: Annotated[Path, typer.Argument(help="CoNLL-2003 file (IOB1).")] = (
        _SHARED / "eval" / "ner" / "conll2003-testa.txt"
    ),
    as_json: JsonOption = False,
    misses: MissesOption = 20,
) -> None:
    """PER/LOC/ORG precision, recall and F1 against CoNLL-2003."""
    _run("ner", path, as_json, misses)


@app.command()
def amounts(
    path: Annotated[Path, typer.Argument(help="currency-model.json sentences.")] = (
        _SHARED / "eval" / "amounts" / "currency-model.json"
    ),
    as_json: JsonOption = False,
    misses: MissesOption = 20,
) -> None:
    """Money value and currency precision and recall."""
    _run("amounts", path, as_json, misses)
