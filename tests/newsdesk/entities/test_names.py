"""Full names the model missed: a census given name followed by a surname-shaped word."""

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
    nlp.get_pipe(COMPONENT).words = Dictionary(
        nouns=frozenset({"hurricane", "seles"}), others=frozenset({"win", "national"})
    )
    return nlp


def test_a_name_in_a_result_line_is_a_person_whatever_the_model_said(blank):
    text = "Heather Okonkwo (Canada) beat Dennis Vasko (Ukraine) 6-4 6-2"
    ents = [("Heather Okonkwo", "ORG"), ("Canada", "GPE"), ("Ukraine", "GPE")]
    assert corrected(blank, text, ents) == [
        ("Heather Okonkwo", "PERSON"),
        ("Canada", "GPE"),
        ("Dennis Vasko", "PERSON"),
        ("Ukraine", "GPE"),
    ]


def test_a_model_span_swallowing_the_name_and_more_gives_way(blank):
    text = "Seeded second, Lindsay Marrow (Australia was out."
    assert corrected(blank, text, [("Lindsay Marrow (Australia", "ORG")]) == [
        ("Lindsay Marrow", "PERSON")
    ]


def test_a_middle_initial_and_a_second_surname_belong_to_the_name(blank):
    text = "Officials said Carla J. Mendez Ortiz left early."
    assert corrected(blank, text) == [("Carla J. Mendez Ortiz", "PERSON")]


def test_a_headline_verb_after_the_name_is_not_a_surname(blank):
    assert corrected(blank, "Monica Tellier Wins Again") == [("Monica Tellier", "PERSON")]


def test_an_ordinary_word_that_is_no_surname_ends_a_place_or_club(blank):
    assert corrected(blank, "They played at Crystal Palace on Sunday.") == []


def test_a_place_as_first_word_is_a_team_not_a_given_name(blank):
    assert corrected(blank, "The Houston Astros and the Carolina Hurricanes won.") == []


def test_a_capitalised_word_before_makes_it_part_of_a_longer_name(blank):
    assert corrected(blank, "We skied at the Lake Louise resort.") == []


def test_a_title_or_a_sentence_opening_word_before_the_name_is_fine(blank):
    text = "Premier Wanda Kostiuk spoke. Yesterday Trevor Amadi replied."
    assert corrected(blank, text) == [("Wanda Kostiuk", "PERSON"), ("Trevor Amadi", "PERSON")]


def test_a_longer_model_person_is_kept_as_it_is(blank):
    text = "Mary Ellen Tran spoke."
    assert corrected(blank, text, [("Mary Ellen Tran", "PERSON")]) == [
        ("Mary Ellen Tran", "PERSON")
    ]


def test_a_model_organisation_running_on_past_the_name_is_kept(blank):
    text = "Shares of Mary Kay Cosmetics rose."
    assert corrected(blank, text, [("Mary Kay Cosmetics", "ORG")]) == [
        ("Mary Kay Cosmetics", "ORG")
    ]


def test_a_surname_that_a_dictionary_lists_as_a_noun_still_ends_a_name(blank):
    text = "Stefan Seles (Canada) advanced."
    assert corrected(blank, text, [("Canada", "GPE")]) == [
        ("Stefan Seles", "PERSON"),
        ("Canada", "GPE"),
    ]


def test_a_model_span_with_an_article_is_no_person(blank):
    text = "She won at the Marion Arts Prize gala."
    ents = [("the Marion Arts Prize", "EVENT")]
    assert corrected(blank, text, ents) == [("the Marion Arts Prize", "EVENT")]


def test_initials_before_a_surname_make_a_person(blank):
    text = "Bowling: P. Okafor 4-38, J.R. Lindqvist 2-10."
    assert corrected(blank, text) == [("P. Okafor", "PERSON"), ("J.R. Lindqvist", "PERSON")]


def test_abbreviated_places_and_bodies_are_not_initials(blank):
    text = "The U.S. Senate and the U.N. Ambassador met in N.B. Moncton."
    assert corrected(blank, text) == []


def test_a_holiday_the_model_dated_is_no_person(blank):
    text = "Crowds grew over Ellen Day weekend."
    assert corrected(blank, text, [("Ellen Day weekend", "DATE")]) == [
        ("Ellen Day weekend", "DATE")
    ]


def test_a_quoted_nickname_inside_a_name_belongs_to_the_mention(blank):
    text = 'Veteran Carlos "The Wall" Okafor retired. Okafor was 38.'
    assert corrected(blank, text, [("Carlos", "PERSON"), ("Okafor", "GPE")]) == [
        ('Carlos "The Wall" Okafor', "PERSON"),
        ("Okafor", "PERSON"),
    ]


def test_a_surname_with_a_shop_s_plural_s_is_a_business_not_a_person(blank):
    text = "Lines formed outside Tim Hortons on Monday."
    ents = [("Tim Hortons", "ORG")]
    assert corrected(blank, text, ents) == [("Tim Hortons", "ORG")]


def test_an_accented_surname_ends_a_name(blank):
    text = "Councillor Diane Légaré (Gatineau) voted no."
    assert corrected(blank, text) == [("Diane Légaré", "PERSON")]


def test_an_ordinary_middle_word_stops_a_three_word_name(blank):
    text = "Crews reached Jasper National Park at noon."
    assert corrected(blank, text) == []


def test_a_place_that_opens_with_a_given_name_is_no_person(blank):
    text = "A Nova Scotia judge ruled on Monday."
    assert corrected(blank, text, [("Nova Scotia", "GPE")]) == [("Nova Scotia", "GPE")]


def test_a_surname_after_an_abbreviated_title_is_a_person(blank):
    text = "Witnesses spoke to Sgt. Okonkwo and Const. Marchetti."
    ents = [("Marchetti", "ORG")]
    assert corrected(blank, text, ents) == [("Okonkwo", "PERSON"), ("Marchetti", "PERSON")]


def test_a_name_followed_by_an_age_is_a_person(blank):
    text = "Lemieux, 42, was arrested. Judge Ada Okafor, 61, presided."
    assert corrected(blank, text, [("Lemieux", "ORG")]) == [
        ("Lemieux", "PERSON"),
        ("Ada Okafor", "PERSON"),
    ]


def test_a_place_or_a_day_before_a_number_is_no_aged_person(blank):
    text = "In Regina, 3, were hurt. On Monday, 12, came."
    assert corrected(blank, text, [("Regina", "GPE")]) == [("Regina", "GPE")]


def test_a_past_tense_verb_in_a_headline_is_no_surname(blank):
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    nlp.get_pipe(COMPONENT).words = Dictionary(others=frozenset({"question"}))
    assert corrected(nlp, "Why Zoe Questioned Everything") == []


def test_al_opens_arabic_names_of_groups_not_a_given_name(blank):
    assert corrected(blank, "Fighters of Al Shabaab attacked.") == []


def test_the_surname_of_a_person_named_in_full_is_no_given_name(blank):
    text = "Hillary Clinton spoke. The Clinton White House had said so."
    ents = [("Hillary Clinton", "PERSON"), ("Clinton White House", "ORG")]
    assert corrected(blank, text, ents) == ents
