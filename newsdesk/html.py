"""Article text from HTML, with the boilerplate removed."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from newsdesk.errors import EmptyInput, TooLarge
from newsdesk.text import DEFAULT_LIMITS, Limits


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None


def extract_article(html: str, *, limits: Limits = DEFAULT_LIMITS) -> ExtractedPage:
    size = len(html.encode("utf-8", errors="replace"))
    if size > limits.max_html_bytes:
        raise TooLarge(f"the HTML has {size:,} bytes; the limit is {limits.max_html_bytes:,}")
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise EmptyInput("no article text could be extracted from the HTML")
    meta = trafilatura.extract_metadata(html)
    return ExtractedPage(
        text=text,
        title=meta.title if meta else None,
        published=meta.date if meta else None,
    )
