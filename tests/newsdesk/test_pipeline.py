"""The analyzer a worker's parent warms up before it forks its pool."""

from __future__ import annotations

from types import ModuleType

from newsdesk.amounts.local_dollar import local_dollars
from newsdesk.entities import gazetteer, lexicon


def cached_functions(module: ModuleType) -> list:
    return [value for value in vars(module).values() if hasattr(value, "cache_clear")]


def test_warm_up_builds_the_tables_the_stages_load_on_first_use(analyzer) -> None:
    for table in [*cached_functions(lexicon), *cached_functions(gazetteer), local_dollars]:
        table.cache_clear()
    tables = [
        gazetteer.given_names,
        gazetteer.ranked_surnames,
        gazetteer.cities,
        gazetteer.census_frequencies,
        local_dollars,
    ]

    analyzer.warm_up()

    assert {table.__name__: table.cache_info().currsize > 0 for table in tables} == {
        table.__name__: True for table in tables
    }
