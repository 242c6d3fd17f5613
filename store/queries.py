"""Read-only summaries over the whole store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from store.models import ArticleRow, EntityRow, JobRow, QuoteRow
from store.records import PENDING_STATES, JobState


def stats(connection: Connection) -> dict[str, Any]:
    """Counts in the shape `newsdesk stats --json` prints; pending = queued + started."""

    def count(table: Any) -> int:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    jobs = JobRow.__table__
    counted = select(jobs.c.state, func.count()).group_by(jobs.c.state)
    by_state = {state: int(n) for state, n in connection.execute(counted).all()}
    return {
        "articles": count(ArticleRow.__table__),
        "quotes": count(QuoteRow.__table__),
        "entities": count(EntityRow.__table__),
        "jobs": {
            "pending": sum((by_state.get(state.value, 0)) for state in PENDING_STATES),
            "succeeded": (by_state.get(JobState.SUCCEEDED.value, 0)),
            "failed": (by_state.get(JobState.FAILED.value, 0)),
        },
    }
