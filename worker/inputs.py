"""Reading the articles a user names on the command line into ArticleIn contracts."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from newsdesk.contracts import ArticleIn
from newsdesk.errors import EmptyInput, InvalidArticle
from newsdesk.language import ensure_english
from newsdesk.text import decode_bytes, normalise_text

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article)", re.IGNORECASE)
STDIN = "-"


def read_article(path: str, *, published: dt.date | None = None) -> ArticleIn:
    """Read a file (or `-` for standard input) and check it is an article we can analyse.

    Raises an InputError whose message names the file and says what is wrong.
    """
    name = "standard input" if path == STDIN else path
    if path == STDIN:
        data = sys.stdin.buffer.read()
    else:
        file = Path(path)
        if not file.exists():
            raise InvalidArticle(f"{name}: no such file")
        if file.is_dir():
            raise InvalidArticle(f"{name} is a folder, not a file")
        data = file.read_bytes()
    if not data.strip():
        raise EmptyInput(f"{name} is empty: there is no text to analyse")
    body = decode_bytes(data, name=name)
    if Path(path).suffix.lower() in _HTML_SUFFIXES or _HTML_START.match(body):
        return ArticleIn(html=body, published=published, source=_source(path))
    title = _first_line(body)
    ensure_english(normalise_text(body, name=name), name=name)
    return ArticleIn(text=body, title=title, published=published, source=_source(path))


def _first_line(body: str) -> str | None:
    line = body.strip().split("\n", 1)[0].strip()
    return line[:200] if line else None


def _source(path: str) -> str | None:
    return None if path == STDIN else Path(path).name
