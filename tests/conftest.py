"""Fixtures every tier shares: the real spaCy pipeline and the data in ../shared."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from newsdesk.pipeline import Analyzer, load_nlp
from tests.support import shared_path

pytest_plugins = ["tests.plugins.databases"]


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
