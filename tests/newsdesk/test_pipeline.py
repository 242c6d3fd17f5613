"""The analyzer a worker's parent warms up before it forks its pool."""

from __future__ import annotations

from newsdesk.amounts.local_dollar import local_dollars
from newsdesk.entities import gazetteer, lexicon


def test_warm_up_builds_the_tables_the_stages_load_on_first_use(analyzer) -> None:
    tables = [
        lexicon.given_names,
        lexicon.surnames,
        gazetteer.cities,
        gazetteer.census_frequencies,
        local_dollars,
    ]
    for table in tables:
        table.cache_clear()

    analyzer.warm_up()

    assert {table.__name__: table.cache_info().currsize > 0 for table in tables} == {
        table.__name__: True for table in tables
    }
