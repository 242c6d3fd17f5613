"""Datelines: the capitalised place opening a story is a GPE, whatever the model said."""

from __future__ import annotations

import pytest
import spacy

from newsdesk.entities import add_entity_rules
from tests.newsdesk.entities.test_rules import corrected


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    return nlp


def test_a_place_before_a_date_is_a_place_even_if_unknown(blank):
    text = "Floods hit farms.\nKAPUSKASING, Ont. 2026-04-02\nThe river rose."
    ents = [("KAPUSKASING", "ORG")]
    assert corrected(blank, text, ents) == [("KAPUSKASING", "GPE"), ("Ont.", "GPE")]


def test_a_known_place_before_an_agency_or_a_dash_is_a_place(blank):
    text = "WINNIPEG (CP) - Snow fell.\nHALIFAX — Rain fell."
    assert corrected(blank, text) == [("WINNIPEG", "GPE"), ("HALIFAX", "GPE")]


def test_a_headline_topic_before_a_dash_is_no_place(blank):
    assert corrected(blank, "HOCKEY - LEAFS WIN AGAIN.\nThe Leafs won.") == []
