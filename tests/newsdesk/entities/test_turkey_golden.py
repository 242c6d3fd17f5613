"""The specifying article: the whole entity set against its hand-made gold (from ../shared)."""

from __future__ import annotations

import pytest

from newsdesk.entities import extract_entities

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def entities(nlp, turkey_text):
    return extract_entities(nlp(turkey_text))


@pytest.fixture(scope="module")
def gold_types(turkey_gold) -> set[str]:
    """The gold annotates these types completely; NORP and LOC are not annotated."""
    return {entity["type"] for entity in turkey_gold["entities"]}


def test_the_people_are_exactly_the_three_named_in_the_article(entities):
    people = sorted(e.name for e in entities if e.type == "PERSON")
    assert people == ["Donald Trump", "Fahrettin Altun", "Ismail Demir"]


def test_the_weapons_are_products(entities):
    types = {e.name: e.type for e in entities}
    for name in ("S-400", "F-35", "Patriot", "Bayraktar"):
        assert types.get(name) == "PRODUCT", name


def test_the_entity_set_of_the_gold_types_is_the_gold(entities, turkey_gold, gold_types):
    produced = {(e.name, e.type, frozenset(e.aliases)) for e in entities if e.type in gold_types}
    expected = {
        (g["canonical"], g["type"], frozenset(g["aliases"])) for g in turkey_gold["entities"]
    }
    assert produced == expected


def test_every_mention_is_the_text_at_its_offsets(entities, turkey_text):
    for entity in entities:
        for mention in entity.mentions:
            assert turkey_text[mention.start : mention.end] == mention.text


def test_speaker_mentions_resolve_through_entity_mentions(entities, turkey_text):
    """Quotes look speakers up by overlap: surnames, capitals and acronyms must be mentions."""
    names = {}
    for entity in entities:
        for mention in entity.mentions:
            names.setdefault(mention.text, set()).add(entity.name)
    assert names["Altun"] == {"Fahrettin Altun"}
    assert names["Demir"] == {"Ismail Demir"}
    assert names["Washington"] == {"United States"}
    assert names["Ankara"] == {"Turkey"}
    assert names["SSB"] == {"Presidency of Defense Industries"}
    assert turkey_text.count("Altun") == sum(
        1 for e in entities for m in e.mentions if m.text == "Altun" or m.text.endswith(" Altun")
    )
