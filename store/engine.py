"""Engines and schema migrations: one engine per process, the schema at head on open.

An engine owns a pool of open connections, and a pool must not cross a fork: a child
that reuses its parent's sockets corrupts both. `Store.open` is therefore called in the
process that uses the store (in a Celery pool child, from `worker_process_init`), or the
child calls `Store.dispose()` first. `Store` also checks the process id on every call and
drops an inherited pool without closing the parent's connections.
"""

from __future__ import annotations

import fcntl
import functools
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from store.errors import StoreError

SQLITE_BUSY_TIMEOUT_S = 30
# libpq options: give up on an unreachable server quickly, and notice a half-open
# connection (a server that vanished without a FIN) within about a minute.
PG_CONNECT_ARGS = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# One key for every newsdesk process that migrates the same PostgreSQL database.
_PG_MIGRATION_LOCK = zlib.crc32(b"newsdesk.store.migrations")

# An execution option that makes a SQLite transaction take the write lock at BEGIN,
# so that two writers queue on busy_timeout instead of failing a lock upgrade.
WRITE = "newsdesk_write"


def create_store_engine(url: str) -> Engine:
    """An engine for this process, configured for the store on either dialect."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args=dict(PG_CONNECT_ARGS))
    raise StoreError(f"the store runs on SQLite or PostgreSQL, not {backend!r} ({url!r})")


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if in_memory:
        engine = create_engine(
            url,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S},
        )
    else:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module; `_on_begin` issues BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        if not in_memory:
            _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (persistent, so usually already done).

    Changing the journal mode needs the database to itself and may answer "database is
    locked" at once, without waiting on busy_timeout, while another process creates the
    same new file: retry it for as long as the busy timeout would have waited.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the packaged migrations, bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str | None:
    """The newest packaged revision; read from disk once per process."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration, serialised across all processes that open the store.

    A store already at head (every open but the first) costs one query and no lock.
    """
    if current_revision(engine) == head_revision():
        return
    with _migration_lock(engine), engine.connect() as connection:
        command.upgrade(alembic_config(connection), "head")
        connection.commit()


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    backend = engine.url.get_backend_name()
    if backend == "postgresql":
        with engine.connect() as connection:
            connection.execute(select(func.pg_advisory_lock(_PG_MIGRATION_LOCK)))
            connection.commit()
            try:
                yield
            finally:
                connection.execute(select(func.pg_advisory_unlock(_PG_MIGRATION_LOCK)))
                connection.commit()
    elif backend == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        lock_path = Path(f"{engine.url.database}.migrate.lock")
        with lock_path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    else:
        yield
