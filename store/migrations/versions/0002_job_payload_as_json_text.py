"""Job payloads as JSON text on PostgreSQL, so that any submitted payload can be recorded.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

jsonb refuses the escape \\u0000, so a payload carrying a NUL character (bad input that
the worker must fail with a readable reason) could not even be recorded. The json type
keeps the text as given. Payloads are read whole and never queried by content, so
nothing is lost. SQLite keeps JSON as text already: nothing to do there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "jobs",
            "payload",
            type_=postgresql.JSON(),
            existing_nullable=False,
            postgresql_using="payload::json",
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "jobs",
            "payload",
            type_=postgresql.JSONB(),
            existing_type=sa.JSON(),
            existing_nullable=False,
            postgresql_using="payload::jsonb",
        )
