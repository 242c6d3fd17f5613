"""`newsdesk submit|status|result|failures|stats`: jobs via the broker, read from the store."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsdesk.contracts import ArticleIn
from newsdesk.errors import NewsdeskError
from store import JobRecord
from worker import producer
from worker.cli.analyze import ArticlePaths, PublishedOption
from worker.cli.common import job_or_exit, load_settings, open_store, wait_for_jobs
from worker.inputs import read_article
from worker.report import print_report

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
JobArgument = Annotated[str, typer.Argument(help="A job id, as printed by `newsdesk submit`.")]


def register(app: typer.Typer) -> None:
    for command in (submit, status, result, failures, stats):
        app.command()(command)


def submit(
    paths: ArticlePaths,
    published: PublishedOption = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="Show progress until the jobs end, then the results.")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="With --wait: give up waiting after this many s.")
    ] = 600.0,
) -> None:
    """Queue articles for analysis by the workers and print one job id per line.

    Each file is checked first: an empty, binary or non-UTF-8 file is refused with a
    message and is not queued (exit code 1). Jobs are recorded in the store before
    they are sent, so a job is never lost even when the broker is down.
    Follow them with `newsdesk status JOB` and read them with `newsdesk result JOB`.
    """
    settings = load_settings()
    err = Console(stderr=True)
    date = published.date() if published else None
    articles: list[tuple[str, ArticleIn]] = []
    refused = 0
    for path in paths:
        try:
            articles.append((path, read_article(path, published=date)))
        except NewsdeskError as exc:
            refused += 1
            err.print(f"[red]refused[/red] ({exc.code}): {exc}", highlight=False)
    if articles:
        store = open_store(settings)
        try:
            submission = producer.submit([a for _, a in articles], settings, store=store)
            for job_id in submission.job_ids:
                typer.echo(job_id)
            if submission.broker_error:
                err.print(
                    f"[yellow]warning[/yellow]: the broker is unreachable "
                    f"({submission.broker_error}); {len(submission.unpublished)} job(s) are "
                    "recorded as queued and will be sent when it is back (`newsdesk reconcile`).",
                    highlight=False,
                )
            elif wait:
                refused += _wait_and_show(store, submission.job_ids, articles, timeout, err)
        finally:
            store.dispose()
    if refused:
        raise typer.Exit(1)


def _wait_and_show(store, job_ids, articles, timeout: float, err: Console) -> int:
    """Print each job's result or error; returns how many did not succeed."""
    out = Console()
    records = wait_for_jobs(store, job_ids, timeout=timeout, console=err)
    unsuccessful = 0
    for job_id, (path, _) in zip(job_ids, articles, strict=True):
        record = records[job_id]
        if record.state == "succeeded":
            analysis = store.analysis_for_job(job_id)
            if analysis is not None:
                print_report(analysis, out, heading=f"{path} (job {job_id})")
                continue
        unsuccessful += 1
        err.print(f"{path} (job {job_id}): {_describe(record)}", highlight=False)
    return unsuccessful


def status(job_id: JobArgument, as_json: JsonOption = False) -> None:
    """Show a job's state (queued, started, succeeded, failed), attempts and error."""
    settings = load_settings()
    store = open_store(settings)
    try:
        record = job_or_exit(store, job_id)
    finally:
        store.dispose()
    if as_json:
        typer.echo(record.model_dump_json())
        return
    typer.echo(f"job       {record.id}")
    typer.echo(f"kind      {record.kind}")
    typer.echo(f"state     {record.state}")
    typer.echo(f"attempts  {record.attempts}")
    typer.echo(f"updated   {record.updated_at.isoformat(timespec='seconds')}")
    if record.article_id:
        typer.echo(f"article   {record.article_id}")
    if record.error_code:
        typer.echo(f"error     {record.error_code}: {record.error_message}")


def result(
    job_id: JobArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Analysis JSON.")] = False,
) -> None:
    """Print the analysis a job produced (exit 1 while it is pending or when it failed)."""
    settings = load_settings()
    store = open_store(settings)
    try:
        record = job_or_exit(store, job_id)
        analysis = store.analysis_for_job(job_id) if record.state == "succeeded" else None
    finally:
        store.dispose()
    if analysis is None:
        typer.echo(f"job {job_id}: {_describe(record)}", err=True)
        raise typer.Exit(1)
    if as_json:
        typer.echo(analysis.model_dump_json())
    else:
        print_report(analysis, Console(), heading=f"job {job_id}")


def failures(as_json: JsonOption = False) -> None:
    """List failed jobs, most recent first, with their error code and reason."""
    settings = load_settings()
    store = open_store(settings)
    try:
        failed = store.failed_jobs()
    finally:
        store.dispose()
    if as_json:
        typer.echo(json.dumps([_failure_json(record) for record in failed]))
        return
    if not failed:
        typer.echo("no failed jobs")
        return
    table = Table(header_style="bold")
    table.add_column("job", no_wrap=True, min_width=36)
    table.add_column("code", no_wrap=True)
    table.add_column("reason", overflow="fold", ratio=1)
    table.add_column("attempts", justify="right")
    table.add_column("failed at", no_wrap=True)
    for record in failed:
        table.add_row(
            record.id,
            record.error_code or "",
            record.error_message or "",
            str(record.attempts),
            _when(record.updated_at),
        )
    Console().print(table)


def stats(as_json: JsonOption = False) -> None:
    """Count stored articles, quotes and entities, and jobs by state."""
    settings = load_settings()
    store = open_store(settings)
    try:
        counts, where = store.stats(), store.url
    finally:
        store.dispose()
    if as_json:
        typer.echo(json.dumps(counts))
        return
    jobs = counts["jobs"]
    typer.echo(f"articles  {counts['articles']}")
    typer.echo(f"quotes    {counts['quotes']}")
    typer.echo(f"entities  {counts['entities']}")
    typer.echo(
        f"jobs      {jobs['pending']} pending, {jobs['succeeded']} succeeded, "
        f"{jobs['failed']} failed"
    )
    typer.echo(f"store     {where}")


def _describe(record: JobRecord) -> str:
    if record.state == "failed":
        return f"failed ({record.error_code}): {record.error_message}"
    if record.state == "succeeded":
        return "succeeded, but its analysis is missing from the store"
    return f"{record.state} (attempts {record.attempts}); no result yet"


def _failure_json(record: JobRecord) -> dict:
    return {
        "job_id": record.id,
        "kind": record.kind,
        "code": record.error_code,
        "message": record.error_message,
        "attempts": record.attempts,
        "failed_at": record.updated_at.isoformat(),
    }


def _when(moment: dt.datetime) -> str:
    return moment.isoformat(sep=" ", timespec="seconds")
