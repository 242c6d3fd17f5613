"""SQLite is set up for several processes at once: WAL, a busy timeout, enforced foreign keys."""

from __future__ import annotations

from sqlalchemy import text

from store import Store
from store.engine import SQLITE_BUSY_TIMEOUT_S, create_store_engine


def test_sqlite_connections_use_wal_a_busy_timeout_and_foreign_keys(sqlite_url: str) -> None:
    engine = create_store_engine(sqlite_url)
    try:
        with engine.connect() as connection:

            def pragma(name: str) -> object:
                return connection.execute(text(f"PRAGMA {name}")).scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("busy_timeout") == SQLITE_BUSY_TIMEOUT_S * 1000
            assert pragma("foreign_keys") == 1
    finally:
        engine.dispose()


def test_the_sqlite_file_and_its_folder_are_created_on_open(tmp_path) -> None:
    path = tmp_path / "data" / "nested" / "newsdesk.sqlite"

    store = Store.open(f"sqlite:///{path}")
    store.dispose()

    assert path.is_file()


def test_an_in_memory_store_works_for_quick_experiments() -> None:
    store = Store.open("sqlite://")
    store.record_job("job-1", "analyze", {}, "h")

    assert store.stats()["jobs"]["pending"] == 1
    store.dispose()


def test_the_url_shown_to_users_hides_the_password() -> None:
    store = Store(create_store_engine("postgresql+psycopg://newsdesk:s3cret@db.example/newsdesk"))

    assert "s3cret" not in store.url
    assert "db.example" in store.url
    assert "s3cret" not in repr(store)
    store.dispose()
