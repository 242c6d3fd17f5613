"""Every input in the catalogue ends with its own error code, never a crash or a hang.

A payload goes the way a worker takes it (validated into ArticleIn, then the core);
a file goes the way `newsdesk submit` and `newsdesk analyze` take it (read_article,
then the core). A pydantic ValidationError is how the task learns a payload is
invalid, and it records it as `invalid` (tasks/base.py).
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsdesk.contracts import ArticleIn
from newsdesk.errors import NewsdeskError
from tests.newsdesk.bad_inputs import CATALOGUE, ENGLISH, ENGLISH_HTML, BadInput
from worker.inputs import read_article

PAYLOADS = [entry for entry in CATALOGUE if entry.payload is not None]
FILES = [entry for entry in CATALOGUE if entry.file is not None]


def error_code_of_payload(analyzer, payload: dict) -> str | None:
    try:
        article = ArticleIn.model_validate(payload)
    except ValidationError:
        return "invalid"
    try:
        analyzer.analyze(article)
    except NewsdeskError as exc:
        assert str(exc), "every error carries a message the user can read"
        return exc.code
    return None


def error_code_of_file(analyzer, path: str) -> str | None:
    try:
        analyzer.analyze(read_article(path))
    except NewsdeskError as exc:
        assert path in str(exc) or exc.code in ("not_english", "too_large", "empty")
        return exc.code
    return None


def test_the_catalogue_covers_every_kind_of_bad_input() -> None:
    assert len(CATALOGUE) >= 20
    codes = {entry.code for entry in CATALOGUE}
    assert codes >= {"empty", "binary", "not_utf8", "too_large", "not_english", "invalid"}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("entry", PAYLOADS, ids=[e.name for e in PAYLOADS])
def test_a_bad_payload_ends_with_its_code(analyzer, entry: BadInput) -> None:
    assert error_code_of_payload(analyzer, entry.payload) == entry.code


@pytest.mark.timeout(120)
@pytest.mark.parametrize("entry", FILES, ids=[e.name for e in FILES])
def test_a_bad_file_ends_with_its_code(analyzer, entry: BadInput, tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(entry.file)
    assert error_code_of_file(analyzer, str(path)) == entry.code


@pytest.mark.parametrize(
    "payload", [{"text": ENGLISH}, {"html": ENGLISH_HTML}, {"text": ENGLISH, "published": None}]
)
def test_the_good_inputs_beside_them_are_analysed(analyzer, payload: dict) -> None:
    assert error_code_of_payload(analyzer, payload) is None
