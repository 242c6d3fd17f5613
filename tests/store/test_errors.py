"""Failures cross the store's boundary as StoreUnavailable (retry) or StoreError (give up)."""

from __future__ import annotations

import pickle
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from sqlalchemy.engine import make_url

from store import JobNotFound, JobState, Store, StoreError, StoreUnavailable
from tests.store.helpers import make_analysis


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_postgres_server_that_does_not_answer_is_unavailable() -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/newsdesk"

    with pytest.raises(StoreUnavailable) as raised:
        Store.open(url)

    assert "opening the store" in str(raised.value)
    assert raised.value.__cause__ is not None


def test_a_database_that_disappears_under_an_open_store_is_unavailable(
    fresh_postgres_url, postgres_databases
) -> None:
    url = fresh_postgres_url()
    store = Store.open(url)
    store.record_job("job-1", "analyze", {}, "h")
    postgres_databases.drop(url)

    with pytest.raises(StoreUnavailable):
        store.job("job-1")
    store.dispose()


def test_a_store_comes_back_when_its_database_does(fresh_postgres_url) -> None:
    url = fresh_postgres_url()
    store = Store.open(url)
    store.record_job("job-1", "analyze", {}, "h")
    _terminate_connections_to(url)

    assert store.job("job-1") is not None
    store.dispose()


def _terminate_connections_to(url: str) -> None:
    """What a PostgreSQL restart does to a pool: every open connection is cut."""
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def test_a_sqlite_path_that_cannot_be_created_is_a_permanent_error(tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")

    with pytest.raises(StoreError) as raised:
        Store.open(f"sqlite:///{blocker / 'newsdesk.sqlite'}")

    assert not isinstance(raised.value, StoreUnavailable)


def test_a_broken_invariant_is_a_permanent_error_not_a_retry(store: Store) -> None:
    store.record_job("job-1", "analyze", {}, "h")

    with pytest.raises(StoreError) as raised:
        store.mark_succeeded("job-1", "no-such-article")

    assert not isinstance(raised.value, StoreUnavailable)
    record = store.job("job-1")
    assert record is not None and record.article_id is None


def test_store_errors_survive_pickling() -> None:
    for error in (StoreError("boom"), StoreUnavailable("down"), JobNotFound("job-1")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)


def test_a_connection_cut_mid_transaction_is_unavailable_and_leaves_no_partial_rows(
    fresh_postgres_url,
) -> None:
    url = fresh_postgres_url()
    store = Store.open(url)
    store.record_job("job-1", "analyze", {}, "h")
    admin = psycopg.connect(_libpq(url))
    # Hold the job row, so that save_result stops half-way: its article rows are written
    # and it waits to mark the job. Then cut its connection, as a server restart would.
    admin.execute("SELECT id FROM jobs WHERE id = 'job-1' FOR UPDATE")
    with ThreadPoolExecutor(max_workers=1) as pool:
        saving = pool.submit(store.save_result, "job-1", make_analysis(), "text")
        _wait_for_lock_waiter(admin)
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        with pytest.raises(StoreUnavailable):
            saving.result(timeout=60)
    admin.rollback()

    assert admin.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    assert admin.execute("SELECT count(*) FROM entities").fetchone() == (0,)
    admin.close()
    record = store.job("job-1")
    assert record is not None and record.state is JobState.QUEUED
    store.dispose()


def _wait_for_lock_waiter(admin: psycopg.Connection) -> None:
    for _ in range(600):
        waiting = admin.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()
        if waiting and waiting[0]:
            return
        time.sleep(0.05)
    raise AssertionError("save_result never reached the locked job row")


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.mark.parametrize("url", ["not a url", "mysql://root@127.0.0.1/newsdesk"])
def test_a_url_the_store_cannot_use_is_a_permanent_error(url: str) -> None:
    with pytest.raises(StoreError) as raised:
        Store.open(url)

    assert not isinstance(raised.value, StoreUnavailable)
