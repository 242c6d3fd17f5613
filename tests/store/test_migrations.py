"""The schema is brought to head by Store.open, once, however many processes start together."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from store import Store
from store.engine import alembic_config
from store.models import Base
from tests.store.helpers import TABLES

_fork = multiprocessing.get_context("fork")


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _versions(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
            )
    finally:
        engine.dispose()


def test_open_creates_every_table_at_the_head_revision(store: Store, database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        assert set(TABLES) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert _versions(database_url) == [_head()]


def test_the_migrated_schema_matches_the_models(store: Store, database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_the_indexes_the_queries_rely_on_exist(store: Store, database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        inspector = inspect(engine)
        indexed = {
            (table, tuple(index["column_names"]))
            for table in TABLES
            for index in inspector.get_indexes(table)
        }
    finally:
        engine.dispose()
    assert {
        ("jobs", ("state", "updated_at")),
        ("quotes", ("speaker_name",)),
        ("articles", ("url",)),
    } <= indexed


def test_opening_an_already_migrated_store_again_keeps_its_data(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")

    again = Store.open(store.url)
    try:
        assert again.job("job-1") is not None
    finally:
        again.dispose()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_four_processes_opening_a_new_database_at_once_migrate_it_once(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    url = (
        request.getfixturevalue("sqlite_url")
        if dialect == "sqlite"
        else request.getfixturevalue("fresh_postgres_url")()
    )
    barrier = _fork.Barrier(4)

    def open_store() -> None:
        barrier.wait(timeout=60)
        Store.open(url).dispose()

    processes = [_fork.Process(target=open_store) for _ in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)

    assert [process.exitcode for process in processes] == [0, 0, 0, 0]
    assert _versions(url) == [_head()]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_store_left_at_the_first_revision_is_upgraded_on_open_and_keeps_its_jobs(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    url = (
        request.getfixturevalue("sqlite_url")
        if dialect == "sqlite"
        else request.getfixturevalue("fresh_postgres_url")()
    )
    engine = create_engine(url)
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO jobs (id, kind, state, payload, payload_hash, attempts, "
                "created_at, updated_at) VALUES ('old-job', 'analyze', 'queued', "
                """'{"text": "kept"}', 'h', 0, :now, :now)"""
            ),
            {"now": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
        )
        connection.commit()
    engine.dispose()
    assert _versions(url) == ["0001"]

    store = Store.open(url)

    assert _versions(url) == [_head()]
    assert store.job_payload("old-job") == {"text": "kept"}
    record = store.job("old-job")
    assert record is not None and record.created_at == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    store.dispose()
