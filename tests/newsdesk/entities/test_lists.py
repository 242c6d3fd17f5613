"""Lists of surnames: one member named in full makes the others people too."""

from __future__ import annotations

import pytest
import spacy

from newsdesk.entities import add_entity_rules
from newsdesk.entities.lexicon import Dictionary
from newsdesk.entities.rules import COMPONENT
from tests.newsdesk.entities.test_rules import corrected


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    return nlp


def test_a_list_with_a_known_surname_makes_its_other_members_people(blank):
    text = "Leader Dana Okafor spoke. Later Tessier, Okafor and Brandt debated."
    ents = [("Dana Okafor", "PERSON"), ("Tessier", "NORP"), ("Okafor", "PERSON")]
    assert corrected(blank, text, ents) == [
        ("Dana Okafor", "PERSON"),
        ("Tessier", "PERSON"),
        ("Okafor", "PERSON"),
        ("Brandt", "PERSON"),
    ]


def test_a_place_in_the_list_stays_a_place(blank):
    text = "Leader Dana Okafor spoke. Okafor and Regina agreed."
    ents = [("Dana Okafor", "PERSON"), ("Okafor", "PERSON"), ("Regina", "GPE")]
    assert corrected(blank, text, ents) == ents


def test_a_word_only_the_model_calls_a_person_makes_no_list_of_people(blank):
    text = "Firms including Mobil, Shell and Caltex came."
    ents = [("Mobil", "ORG"), ("Shell", "ORG"), ("Caltex", "PERSON")]
    assert corrected(blank, text, ents) == ents


def test_a_list_ends_where_a_longer_name_begins(blank):
    text = "Speaker Dana Okafor spoke. Then came Okafor and Senate Leader Ann Brandt."
    ents = [("Dana Okafor", "PERSON"), ("Okafor", "PERSON"), ("Ann Brandt", "PERSON")]
    assert corrected(blank, text, ents) == ents


def test_an_ordinary_word_in_the_list_is_no_person():
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    nlp.get_pipe(COMPONENT).words = Dictionary(nouns=frozenset({"democrat"}))
    text = "Senator Ada Brandt spoke. Democrats and Brandt agreed."
    ents = [("Ada Brandt", "PERSON"), ("Democrats", "NORP"), ("Brandt", "PERSON")]
    assert corrected(nlp, text, ents) == ents


@pytest.mark.timeout(10)
def test_a_long_comma_list_without_and_is_read_in_linear_time(blank):
    text = ", ".join(["Okafor"] * 400) + " spoke."
    assert corrected(blank, text) == []
