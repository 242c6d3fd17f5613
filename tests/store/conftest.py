"""Every store test runs twice: on a SQLite file and on a real PostgreSQL database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

from store import Store
from store.models import Base


@pytest.fixture(scope="session")
def _postgres_cleaner(postgres_url: str) -> Iterator[Engine]:
    engine = create_engine(postgres_url, poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; copying it is much faster than migrating per test.

    Fresh, unmigrated files are what test_migrations and test_engine open instead.
    """
    path = tmp_path_factory.mktemp("template") / "newsdesk.sqlite"
    Store.open(f"sqlite:///{path}").dispose()  # the last close checkpoints the WAL
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database of each dialect (PostgreSQL: the session's, emptied)."""
    if request.param == "sqlite":
        path = tmp_path / "newsdesk.sqlite"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        return f"sqlite:///{path}"
    cleaner: Engine = request.getfixturevalue("_postgres_cleaner")
    with cleaner.begin() as connection:
        if connection.dialect.has_table(connection, "jobs"):
            # DELETE, not TRUNCATE: on tables this small it is many times faster.
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
    return cleaner.url.render_as_string(hide_password=False)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.dispose()
