"""Lone one-word "people" that no full name backs: places become GPE, ordinary words go."""

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
    nlp.get_pipe(COMPONENT).words = Dictionary(nouns=frozenset({"attendance", "riot", "kent"}))
    return nlp


def test_a_county_tagged_as_a_person_is_a_place(blank):
    text = "Fans cheered as Surrey closed in on the title."
    assert corrected(blank, text, [("Surrey", "PERSON")]) == [("Surrey", "GPE")]


def test_a_city_in_a_capitalised_dateline_is_a_place(blank):
    text = "SASKATOON - The river rose overnight."
    assert corrected(blank, text, [("SASKATOON", "PERSON")]) == [("SASKATOON", "GPE")]


def test_a_place_name_that_a_full_name_in_the_article_backs_stays_a_person(blank):
    text = "Dana Kent spoke first. Later Kent said little."
    ents = [("Dana Kent", "PERSON"), ("Kent", "PERSON")]
    assert corrected(blank, text, ents) == ents


def test_a_place_name_after_a_title_stays_a_person(blank):
    text = "Mayor Kent spoke first. Kent said little."
    ents = [("Kent", "PERSON"), ("Kent", "PERSON")]
    assert corrected(blank, text, ents) == ents


def test_an_ordinary_word_opening_a_line_is_no_person(blank):
    text = "The match ended level.\nAttendance: 12,500"
    assert corrected(blank, text, [("Attendance", "PERSON")]) == []


def test_an_ordinary_word_inside_a_sentence_is_left_to_the_model(blank):
    text = "Police later praised Riot for her calm."
    assert corrected(blank, text, [("Riot", "PERSON")]) == [("Riot", "PERSON")]


def test_a_person_span_loses_a_trailing_line_break(blank):
    text = "Troops on alert.\nJohanna Pike\nREGINA 2026-03-01\nMore troops came."
    ents = [("Johanna Pike\n", "PERSON")]
    assert ("Johanna Pike", "PERSON") in corrected(blank, text, ents)


def test_a_plural_ordinary_word_opening_a_line_is_no_person(blank):
    text = "Ten runs came.\nRiots (three nights) 4"
    assert corrected(blank, text, [("Riots", "PERSON")]) == []


def test_a_lone_word_opening_an_organisation_s_name_is_that_organisation(blank):
    text = "Quarry Lane Holdings posted a loss. Later Quarry said sales fell."
    ents = [("Quarry Lane Holdings", "ORG"), ("Quarry", "PERSON")]
    assert corrected(blank, text, ents) == [("Quarry Lane Holdings", "ORG"), ("Quarry", "ORG")]


def test_a_law_or_a_headline_named_after_a_person_is_no_company(blank):
    text = "Under the Tessier-Frank Act, Tessier said. Tessier Wins Again"
    ents = [("Tessier-Frank Act", "ORG"), ("Tessier", "PERSON"), ("Tessier Wins Again", "ORG")]
    assert corrected(blank, text, ents) == ents


def test_a_person_the_article_names_in_full_keeps_a_word_shared_with_a_company(blank):
    text = "Ford Motor Co. cut jobs. Premier Doug Ford said Ford would act."
    ents = [("Ford Motor Co.", "ORG"), ("Doug Ford", "PERSON"), ("Ford", "PERSON")]
    assert corrected(blank, text, ents) == ents


def test_a_language_name_taken_for_a_person_is_its_people(blank):
    text = "Troops moved in as Kurdish fighters withdrew."
    assert corrected(blank, text, [("Kurdish", "PERSON")]) == [("Kurdish", "NORP")]


def test_a_title_on_its_own_is_no_person(blank):
    text = "They told him: Mr. President, this is bad."
    assert corrected(blank, text, [("President", "PERSON")]) == []


def test_a_small_region_that_is_a_common_surname_stays_a_person(blank):
    text = "The Bush administration agreed, and Bush said so."
    ents = [("Bush", "PERSON"), ("Bush", "PERSON")]
    assert corrected(blank, text, ents) == ents


def test_a_city_that_is_a_given_name_stays_a_person(blank):
    text = "They had two daughters, Elizabeth and Carol."
    ents = [("Elizabeth", "PERSON"), ("Carol", "PERSON")]
    assert corrected(blank, text, ents) == ents
