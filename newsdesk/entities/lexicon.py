"""Entity vocabulary, read once from `newsdesk/data/`; countries come from pycountry, names
and cities from the packages behind `gazetteer`."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

import pycountry
from babel import Locale
from spacy.language import Language

from newsdesk.entities import gazetteer


@dataclass(frozen=True)
class ProductFamily:
    name: str
    kind: str
    ambiguous: bool


def _lines(name: str) -> list[str]:
    text = resources.files("newsdesk.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _pairs(name: str) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _lines(name))


def country_key(name: str) -> str:
    """Lookup key for a place name: no case, no periods, no leading "the" (`the U.S.` -> `us`)."""
    key = re.sub(r"\s+", " ", name.replace(".", "").strip().lower())
    return key.removeprefix("the ")


@functools.cache
def product_families() -> tuple[ProductFamily, ...]:
    rows = (json.loads(line) for line in _lines("product_families.jsonl"))
    return tuple(
        ProductFamily(row["name"], row["kind"], bool(row.get("ambiguous", False))) for row in rows
    )


@functools.cache
def product_nouns() -> frozenset[str]:
    return frozenset(_lines("product_nouns.txt"))


@functools.cache
def designator_stop_prefixes() -> frozenset[str]:
    return frozenset(_lines("designator_stop_prefixes.txt"))


@functools.cache
def designator_stop_before() -> frozenset[str]:
    return frozenset(_lines("designator_stop_before.txt"))


@functools.cache
def org_suffixes() -> frozenset[str]:
    return frozenset(_lines("org_suffixes.txt"))


@functools.cache
def org_heads() -> frozenset[str]:
    return frozenset(_lines("org_heads.txt"))


@functools.cache
def publication_heads() -> tuple[str, ...]:
    return tuple(_lines("publication_heads.txt"))


@functools.cache
def place_nouns() -> frozenset[str]:
    return frozenset(_lines("entity_place_nouns.txt"))


@functools.cache
def office_nouns() -> frozenset[str]:
    return frozenset(_lines("entity_office_nouns.txt"))


@functools.cache
def company_nouns() -> frozenset[str]:
    return frozenset(_lines("entity_company_nouns.txt"))


@functools.cache
def person_titles() -> frozenset[str]:
    return frozenset(_lines("person_titles.txt"))


@functools.cache
def person_postnominals() -> frozenset[str]:
    return frozenset(_lines("person_postnominals.txt"))


@functools.cache
def name_tails() -> dict[str, str]:
    """Last word of a name -> the label it implies (ORG, FAC)."""
    return _pairs("name_tails.tsv")


@functools.cache
def person_misreadings() -> dict[str, str]:
    """Names the model tags PERSON -> the label they should have (Twitter -> ORG)."""
    return _pairs("person_misreadings.tsv")


@functools.cache
def region_abbreviations() -> frozenset[str]:
    return frozenset(_lines("region_abbreviations.txt"))


_REGION_TYPES = frozenset({"Province", "State", "Territory", "Union territory"})
_MAJOR_REGION_TYPES = _REGION_TYPES | {"Country", "Nation"}


@functools.cache
def region_names() -> tuple[str, ...]:
    """Names of several words of provinces, states and territories (pycountry, ISO 3166-2).

    One-word names are left out: the model tags "Alberta" well, and "Georgia" or
    "Washington" are people as often as places; it is "Nova Scotia" it splits.
    """
    return tuple(
        sorted(
            {
                sub.name
                for sub in pycountry.subdivisions
                if sub.type in _REGION_TYPES and " " in sub.name and "," not in sub.name
            }
        )
    )


@functools.cache
def _country_index() -> dict[str, str]:
    """Every name pycountry knows, plus newsroom exonyms and abbreviations, -> ISO alpha-2.

    ISO codes themselves are left out ("CAN", "IN", "IT" are words far more often); the few
    abbreviations news uses for countries (US, UK, UAE) are in country_aliases.tsv.
    """
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index[country_key(value)] = country.alpha_2
    for alias, code in _pairs("country_aliases.tsv").items():
        index[country_key(alias)] = code
    return index


@functools.cache
def _canonical_names() -> dict[str, str]:
    return _pairs("country_names.tsv")


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country name or abbreviation (`U.S.`, `the United States`, `Türkiye`)."""
    return _country_index().get(country_key(name))


def country_name(code: str) -> str:
    """The short English name news uses for a country (`TR` -> `Turkey`, `RU` -> `Russia`)."""
    if code in _canonical_names():
        return _canonical_names()[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city -> ISO alpha-2 of its country."""
    return _pairs("capitals.tsv")


@functools.cache
def given_names() -> frozenset[str]:
    """Census given names (see `gazetteer.given_names`), with the model's dictionary."""
    from newsdesk.pipeline import resolve_model_name

    return gazetteer.given_names(resolve_model_name())


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(gazetteer.ranked_surnames())


@functools.cache
def common_surnames() -> frozenset[str]:
    """The thousand most frequent surnames."""
    return frozenset(gazetteer.ranked_surnames()[:1000])


@functools.cache
def language_names() -> frozenset[str]:
    """English names of languages (babel's CLDR data), which news uses for peoples too
    ("Welsh referee", "Tajik troops"); short ones are left out ("Yao", "Mari")."""
    return frozenset(
        name for name in Locale("en").languages.values() if len(name) >= 5 and name.isalpha()
    )


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i")


@functools.cache
def demonyms() -> frozenset[str]:
    """Words for a country's people ("Russian", "Kenyan", "Canadian", "Pakistani"): the
    language names plus the regular demonym forms of one-word country names (pycountry and
    the aliases), the country's final vowel dropped or kept. Irregular ones ("Dutch",
    "Welsh") are languages; a form no country has ("Fijiese") is harmless, never met."""
    countries = {country_key(name) for name in _country_index()}
    stems = {name for name in countries if name.isalpha()}
    stems |= {name[:-1] for name in stems if name[-1] in "aeiouy"}
    forms = {(stem + ending).title() for stem in stems for ending in _DEMONYM_ENDINGS}
    return frozenset(forms) | language_names()


def is_shop_name(word: str) -> bool:
    """A surname with the "s" of a shop's name ("Hortons"), not a surname itself."""
    return word.endswith("s") and word not in surnames() and word[:-1] in surnames()


@functools.cache
def _regions() -> frozenset[str]:
    """Keys of provinces, states, counties and districts (pycountry, ISO 3166-2)."""
    names = {sub.name for sub in pycountry.subdivisions if not set(sub.name) & set(",(")}
    return frozenset(country_key(name) for name in _each_name(names))


@functools.cache
def _region_countries() -> dict[str, str]:
    """Keys of provinces, states and territories -> ISO alpha-2 of their country; a name
    that regions of two countries share is left out."""
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.type in _REGION_TYPES:
            for name in _each_name({sub.name}):
                found.setdefault(country_key(name), set()).add(sub.country_code)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


def region_country(name: str) -> str | None:
    """ISO alpha-2 of the country a province, state or territory is in (`Ontario` -> `CA`)."""
    return _region_countries().get(country_key(name))


def _each_name(names: set[str]) -> set[str]:
    """pycountry gives a bilingual region both names ("Conwy; Conway") or the local one in
    brackets ("Wales [Cymru GB-CYM]"): each name counts, the bracket aside, and so does
    its spelling without accents ("Tamil Nadu" for "Tamil Nādu"), as news writes it."""
    bare = (re.sub(r"\s*\[[^]]*\]", "", name) for name in names)
    parts = {part.strip() for name in bare for part in name.split(";") if part.strip()}
    return parts | {gazetteer.fold_to_ascii(part) for part in parts}


@functools.cache
def _cities() -> frozenset[str]:
    """Keys of cities of 100,000 people or more (GeoNames)."""
    return frozenset(country_key(name) for name in gazetteer.cities())


@functools.cache
def _major_places() -> frozenset[str]:
    """Keys of capitals and of the provinces, states and nations within a country."""
    major = {sub.name for sub in pycountry.subdivisions if sub.type in _MAJOR_REGION_TYPES}
    return frozenset(country_key(name) for name in _each_name(major) | set(capitals()))


def is_place(name: str) -> bool:
    """Whether a name is a country, a capital, a large city or a region (`Surrey`, `Volgograd`,
    `ST LOUIS`): case and periods aside, as a dateline or a standings table writes it."""
    key = country_key(name)
    return is_major_place(name) or key in _cities() or key in _regions()


@functools.cache
def _towns() -> frozenset[str]:
    """Keys of towns of several words (see `gazetteer.towns`)."""
    return frozenset(country_key(name) for name in gazetteer.towns())


def is_town(name: str) -> bool:
    """Whether a name of several words is a town of 15,000 people or more."""
    return country_key(name) in _towns()


def is_major_place(name: str) -> bool:
    """Whether a name is a country, a capital, a province or a state (England, Ontario);
    cities and smaller regions left out, since many share a name with people ("Bush")."""
    return country_key(name) in _major_places() or country_code(name) is not None


@dataclass(frozen=True)
class Dictionary:
    """Lower-case English words, WordNet's index as the model's lemmatizer ships it.

    Nouns apart: WordNet lists famous people and places among them ("seles", "surrey").
    """

    nouns: frozenset[str] = frozenset()
    others: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return word in self.nouns or word in self.others

    def is_plural_noun(self, word: str) -> bool:
        """ "Hurricanes", "Cables": a noun's plural (not a word that merely ends in s)."""
        lower = word.lower()
        if not lower.endswith("s"):
            return False
        sibilant = lower.endswith(("ches", "shes", "sses", "xes", "zes"))
        return (lower[:-2] if sibilant else lower[:-1]) in self.nouns


def dictionary_words(nlp: Language) -> Dictionary:
    """The pipeline's English dictionary; empty for a pipeline without those tables (a blank
    one), where the rules that tell "Attendance" from a surname leave such words alone."""
    if "lemmatizer" not in nlp.pipe_names:
        return Dictionary()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return Dictionary()
    table = lookups.get_table("lemma_index")
    others = {word for pos in ("verb", "adj", "adv") for word in table.get(pos, ())}
    return Dictionary(frozenset(table.get("noun", ())), frozenset(others))
