"""A readable report of one Analysis, for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsdesk.contracts import Analysis

_SHOWN_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT")


def render(analysis: Analysis, *, heading: str | None = None) -> Panel:
    parts: list[Table | Text] = []
    article = analysis.article
    meta = f"id {article.id[:12]}"
    if article.published:
        meta += f" · published {article.published.isoformat()}"
    parts.append(Text(meta, style="dim"))
    if analysis.summary:
        parts.append(Text(analysis.summary, style="italic"))

    people = Table(title="Entities", show_header=True, header_style="bold", expand=True)
    people.add_column("type")
    people.add_column("name")
    people.add_column("mentions", justify="right")
    people.add_column("also written")
    for type_ in _SHOWN_TYPES:
        for entity in (e for e in analysis.entities if e.type == type_):
            aliases = ", ".join(a for a in entity.aliases if a != entity.name)
            people.add_row(type_, entity.name, str(len(entity.mentions)), aliases)
    parts.append(people)

    if analysis.quotes:
        quotes = Table(title="Quotes", header_style="bold", expand=True)
        quotes.add_column("speaker")
        quotes.add_column("kind")
        quotes.add_column("quote", ratio=1)
        for quote in analysis.quotes:
            speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else "?")
            quotes.add_row(speaker, quote.kind, _clip(quote.text, 160))
        parts.append(quotes)

    if analysis.amounts:
        amounts = Table(title="Amounts", header_style="bold", expand=True)
        for column in ("text", "value", "currency / unit", "converts"):
            amounts.add_column(column)
        for amount in analysis.amounts:
            converts = (
                analysis.amounts[amount.equivalent_of].text
                if amount.equivalent_of is not None
                else ""
            )
            value = "" if amount.value is None else f"{amount.qualifier or ''}{amount.value:,.10g}"
            amounts.add_row(amount.text, value, amount.currency or amount.unit or "", converts)
        parts.append(amounts)

    if analysis.dates:
        dates = Table(title="Dates", header_style="bold", expand=True)
        for column in ("text", "type", "value"):
            dates.add_column(column)
        for date in analysis.dates:
            dates.add_row(date.text, date.type, date.value or "(unresolved)")
        parts.append(dates)

    title = heading or article.title or article.source or article.id[:12]
    return Panel(Group(*parts), title=Text(title, style="bold"), title_align="left")


def print_report(analysis: Analysis, console: Console, *, heading: str | None = None) -> None:
    console.print(render(analysis, heading=heading))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
