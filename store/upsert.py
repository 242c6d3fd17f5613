"""INSERT .. ON CONFLICT on both dialects, so concurrent writers never collide."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite


def insert_for(connection: Connection, table: Any) -> Any:
    """The dialect's own INSERT, which knows `on_conflict_do_nothing/do_update`."""
    name = connection.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"the store supports SQLite and PostgreSQL, not {name}")
