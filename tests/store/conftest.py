"""Every store test runs twice: on a SQLite file and on a real PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator

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


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database of each dialect (PostgreSQL: the session database, emptied)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
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
