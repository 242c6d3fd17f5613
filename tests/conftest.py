"""Fixtures every tier shares: the real spaCy pipeline and the data in ../shared."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsdesk.pipeline import Analyzer, load_nlp

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("NEWSDESK_SHARED_DIR", REPO_ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or a clean skip when that data is not beside the checkout."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent; this test reads it from ../shared")
    return path


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def analyzer(nlp) -> Analyzer:
    return Analyzer(nlp)


@pytest.fixture(scope="session")
def turkey_text() -> str:
    return shared_path("fixtures", "turkey-s400.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def turkey_gold() -> dict[str, Any]:
    return json.loads(shared_path("fixtures", "turkey-s400.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def turkey_published(turkey_gold) -> dt.date:
    return dt.date.fromisoformat(turkey_gold["published"])
