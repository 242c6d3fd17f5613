"""Real databases for any test tier: a PostgreSQL database per session, fresh ones on demand.

Register with `pytest_plugins = ["tests.plugins.databases"]` in tests/conftest.py.

PostgreSQL is found at 127.0.0.1:5432 with trust authentication (user `postgres`, then
`root`), or at the admin URL in `NEWSDESK_TEST_POSTGRES_URL`. Each database this plugin
creates is named `newsdesk_test_<pid>_<random>` and dropped at the end of the session.
When no server answers, the tests that need one skip, unless CI=true: then they fail,
because CI must not pass by testing nothing.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL, make_url

_CANDIDATES = [
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/postgres",
]


def _admin_candidates() -> list[str]:
    configured = os.environ.get("NEWSDESK_TEST_POSTGRES_URL")
    return [configured] if configured else _CANDIDATES


def _find_admin_url() -> tuple[str | None, str]:
    reasons = []
    for candidate in _admin_candidates():
        try:
            with psycopg.connect(_libpq(candidate), connect_timeout=5, autocommit=True):
                return candidate, ""
        except psycopg.Error as exc:
            reasons.append(f"{candidate}: {str(exc).strip().splitlines()[0]}")
    return None, "; ".join(reasons)


def _libpq(url: str) -> str:
    """psycopg wants a plain postgresql:// URL, without SQLAlchemy's +driver."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresDatabases:
    """Creates uniquely named databases on one server and drops them all at the end."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.created: list[str] = []

    def create(self) -> str:
        """A new empty database; returns its SQLAlchemy URL (psycopg 3 driver)."""
        name = f"newsdesk_test_{os.getpid()}_{secrets.token_hex(4)}"
        with psycopg.connect(_libpq(self.admin_url), autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.created.append(name)
        url: URL = make_url(self.admin_url).set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with psycopg.connect(_libpq(self.admin_url), autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if name in self.created:
            self.created.remove(name)

    def drop_all(self) -> None:
        for name in list(self.created):
            url = make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)
            self.drop(url)


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    """The server's database factory; skips (or fails under CI=true) when none answers."""
    admin_url, reasons = _find_admin_url()
    if admin_url is None:
        message = f"PostgreSQL is not reachable ({reasons})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    databases = PostgresDatabases(admin_url)
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def postgres_url(postgres_databases: PostgresDatabases) -> str:
    """One database for the whole session (callers clean their own tables)."""
    return postgres_databases.create()


@pytest.fixture
def fresh_postgres_url(postgres_databases: PostgresDatabases) -> Iterator[Callable[[], str]]:
    """A factory of brand-new databases, each dropped when the test ends."""
    made: list[str] = []

    def make() -> str:
        url = postgres_databases.create()
        made.append(url)
        return url

    yield make
    for url in made:
        postgres_databases.drop(url)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A SQLite database file in the test's own directory."""
    return f"sqlite:///{tmp_path / 'newsdesk.sqlite'}"
