"""Every error the store raises, in one tree.

    StoreError                 permanent: a bug or a broken invariant; retrying will not help
    +-- JobNotFound            no job row has this id (jobs are recorded before they are published)
    +-- StoreUnavailable       transient: the database cannot be reached, is locked, restarting,
                               or aborted the transaction (deadlock, serialisation); retry later

SQLAlchemy and driver exceptions never leave the store: `translate_errors` turns
them into this tree at the boundary (`raise ... from exc`, so the cause is kept).
Constructors pass their arguments to `super().__init__` so that the errors survive
pickling and Celery's serialisation of exception info.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic.util import CommandError
from sqlalchemy import exc as sa_exc


class StoreError(Exception):
    """The store could not do what was asked, and asking again will not change that."""

    code = "store_error"


class JobNotFound(StoreError, KeyError):
    code = "job_not_found"

    def __str__(self) -> str:
        return f"no job with id {self.args[0]!r}" if self.args else "no such job"


class StoreUnavailable(StoreError):
    """The database is out of reach for now; the same call may succeed after a pause."""

    code = "store_unavailable"


# Errors that say "the connection or the transaction failed", not "the statement is wrong".
_TRANSIENT = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
)


@contextmanager
def translate_errors(action: str) -> Iterator[None]:
    """Re-raise SQLAlchemy's and Alembic's exceptions as StoreUnavailable or StoreError."""
    try:
        yield
    except StoreError:
        raise
    except _TRANSIENT as exc:
        raise StoreUnavailable(f"{action}: database unavailable: {_first_line(exc)}") from exc
    except sa_exc.DBAPIError as exc:
        if exc.connection_invalidated:
            raise StoreUnavailable(f"{action}: connection lost: {_first_line(exc)}") from exc
        raise StoreError(f"{action}: {_first_line(exc)}") from exc
    except (sa_exc.SQLAlchemyError, CommandError) as exc:
        raise StoreError(f"{action}: {_first_line(exc)}") from exc
    except OSError as exc:
        raise StoreError(f"{action}: {exc}") from exc


def _first_line(exc: BaseException) -> str:
    """Driver messages carry the whole SQL statement; users need the reason."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
