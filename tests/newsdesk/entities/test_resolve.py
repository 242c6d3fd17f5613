"""Within-article resolution: which mentions become one entity, and under which name.

Most tests set the model's spans by hand on a blank pipeline, so they pin the resolution
rules and not the statistical model; capitals need the dependency parse and use `nlp`.
"""

from __future__ import annotations

import pytest
import spacy

from newsdesk.contracts import Entity
from newsdesk.entities import add_entity_rules, extract_entities
from newsdesk.entities.people import person_words
from newsdesk.entities.rules import COMPONENT


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    return nlp


def resolve(nlp, text: str, ents: list[tuple[str, str]]) -> list[Entity]:
    doc = nlp.make_doc(text)
    spans, position = [], 0
    for surface, label in ents:
        start = text.index(surface, position)
        spans.append(doc.char_span(start, start + len(surface), label=label))
        position = start + len(surface)
    doc.ents = spans
    entities = extract_entities(nlp.get_pipe(COMPONENT)(doc))
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    return entities


def summary(entities: list[Entity]) -> list[tuple[str, str, list[str], int]]:
    return [(e.name, e.type, e.aliases, len(e.mentions)) for e in entities]


def test_a_surname_and_its_possessive_join_the_full_name(blank):
    text = "Maria Okonjo spoke. Okonjo's aides agreed, and Okonjo left."
    ents = [("Maria Okonjo", "PERSON"), ("Okonjo", "PERSON"), ("Okonjo", "PERSON")]
    assert summary(resolve(blank, text, ents)) == [
        ("Maria Okonjo", "PERSON", ["Maria Okonjo", "Okonjo"], 3)
    ]


def test_a_titled_name_joins_the_full_name_and_its_mention_drops_the_title(blank):
    text = "Dr. Okonjo arrived before Maria Okonjo's speech."
    ents = [("Dr. Okonjo", "PERSON"), ("Maria Okonjo", "PERSON")]
    assert summary(resolve(blank, text, ents)) == [
        ("Maria Okonjo", "PERSON", ["Okonjo", "Maria Okonjo"], 2)
    ]


def test_a_shared_surname_goes_to_the_first_introduced_bearer(blank):
    text = "Ann Smith met her son Tom Smith. Smith said no."
    ents = [("Ann Smith", "PERSON"), ("Tom Smith", "PERSON"), ("Smith", "PERSON")]
    names = {e.name: len(e.mentions) for e in resolve(blank, text, ents)}
    assert names == {"Ann Smith": 2, "Tom Smith": 1}


def test_a_surname_before_any_full_name_joins_the_full_name_that_follows(blank):
    text = "Okonjo won. Maria Okonjo thanked voters."
    ents = [("Okonjo", "PERSON"), ("Maria Okonjo", "PERSON")]
    assert [e.name for e in resolve(blank, text, ents)] == ["Maria Okonjo"]


def test_the_tail_of_a_long_name_joins_it(blank):
    text = "Daw Aung San Suu Kyi spoke; Suu Kyi then left."
    ents = [("Aung San Suu Kyi", "PERSON"), ("Suu Kyi", "PERSON")]
    assert summary(resolve(blank, text, ents)) == [
        ("Aung San Suu Kyi", "PERSON", ["Aung San Suu Kyi", "Suu Kyi"], 2)
    ]


def test_names_match_whatever_their_case(blank):
    text = "Charles van Commenee arrived; Van Commenee spoke."
    ents = [("Charles van Commenee", "PERSON"), ("Van Commenee", "PERSON")]
    assert [e.name for e in resolve(blank, text, ents)] == ["Charles van Commenee"]


def test_honours_after_a_name_do_not_split_the_person(blank):
    text = "Ian Ross QC argued, and Ross won."
    ents = [("Ian Ross QC", "PERSON"), ("Ross", "PERSON")]
    assert summary(resolve(blank, text, ents)) == [
        ("Ian Ross", "PERSON", ["Ian Ross QC", "Ross"], 2)
    ]


def test_a_lone_name_the_model_mostly_tags_as_a_club_is_the_club(blank):
    text = "Everton won. Everton fans sang. Everton played Leeds."
    ents = [("Everton", "PERSON"), ("Everton", "ORG"), ("Everton", "ORG"), ("Leeds", "GPE")]
    assert summary(resolve(blank, text, ents))[0] == ("Everton", "ORG", ["Everton"], 3)


def test_a_middle_initial_does_not_split_a_person(blank):
    text = "Donald J. Trump and Donald Trump are one man."
    ents = [("Donald J. Trump", "PERSON"), ("Donald Trump", "PERSON")]
    assert [e.name for e in resolve(blank, text, ents)] == ["Donald J. Trump"]


def test_an_acronym_in_brackets_names_the_organisation_before_it(blank):
    text = "Directorate of Rail Safety (DRS) staff met. Later the DRS ruled."
    ents = [("Rail Safety", "ORG"), ("DRS", "ORG")]
    assert summary(resolve(blank, text, ents)) == [
        ("Directorate of Rail Safety", "ORG", ["Directorate of Rail Safety", "DRS"], 3)
    ]


def test_an_acronym_joins_the_name_its_initials_spell(blank):
    text = "The North Atlantic Treaty Organization met. NATO said yes."
    ents = [("North Atlantic Treaty Organization", "ORG"), ("NATO", "ORG")]
    assert summary(resolve(blank, text, ents)) == [
        (
            "North Atlantic Treaty Organization",
            "ORG",
            ["North Atlantic Treaty Organization", "NATO"],
            2,
        )
    ]


def test_every_name_of_the_united_states_is_one_country(blank):
    text = "the United States, the U.S., US troops and America."
    ents = [("the United States", "GPE"), ("U.S.", "GPE"), ("US", "GPE"), ("America", "GPE")]
    assert summary(resolve(blank, text, ents)) == [
        ("United States", "GPE", ["the United States", "U.S.", "US", "America"], 4)
    ]


def test_turkiye_and_turkey_are_one_country_named_as_english_news_names_it(blank):
    text = "Türkiye said Turkey would wait."
    ents = [("Türkiye", "GPE"), ("Turkey", "GPE")]
    assert summary(resolve(blank, text, ents)) == [("Turkey", "GPE", ["Türkiye", "Turkey"], 2)]


def test_an_official_country_name_gets_the_short_name(blank):
    text = "The Russian Federation and Iran signed."
    ents = [("Russian Federation", "GPE"), ("Iran", "GPE")]
    assert [e.name for e in resolve(blank, text, ents)] == ["Russia", "Iran"]


def test_an_organisation_loses_its_legal_form_and_article(blank):
    text = "Maple Grain Foods Inc. sued the European Commission."
    ents = [("Maple Grain Foods Inc.", "ORG"), ("the European Commission", "ORG")]
    assert summary(resolve(blank, text, ents)) == [
        ("Maple Grain Foods", "ORG", ["Maple Grain Foods Inc."], 1),
        ("European Commission", "ORG", ["the European Commission"], 1),
    ]


def test_a_newspaper_keeps_the_the_of_its_masthead(blank):
    text = "He wrote in the Toronto Star and the Globe and Mail."
    ents = [("the Toronto Star", "ORG"), ("the Globe and Mail", "ORG")]
    assert [e.name for e in resolve(blank, text, ents)] == [
        "The Toronto Star",
        "The Globe and Mail",
    ]


def test_a_plural_designator_joins_its_singular(blank):
    text = "India bought S-400s; the S-400 arrived."
    assert summary(resolve(blank, text, [])) == [("S-400", "PRODUCT", ["S-400s", "S-400"], 2)]


def test_a_capital_acting_for_its_government_is_the_country(nlp):
    text = (
        "Washington argues that the tariff is unfair. Officials in Washington met Canadian envoys."
    )
    entities = extract_entities(nlp(text))
    country = next(e for e in entities if "Washington" in e.aliases)
    assert (country.name, country.type, len(country.mentions)) == ("United States", "GPE", 2)


def test_a_capital_that_is_only_a_place_stays_a_city(nlp):
    entities = extract_entities(nlp("The delegates stayed in Ottawa for a week."))
    assert [(e.name, e.type) for e in entities] == [("Ottawa", "GPE")]


def test_a_capital_as_the_subject_of_an_action_is_the_country(nlp):
    entities = extract_entities(nlp("Ottawa blocked the sale of drones to Ankara last year."))
    assert ("Canada", "GPE") in [(e.name, e.type) for e in entities]


def test_a_place_abbreviation_is_not_read_as_an_organisation_acronym(blank):
    text = "Surrey, B.C. officials met the Bank of Canada."
    ents = [("Surrey", "GPE"), ("B.C.", "GPE"), ("Bank of Canada", "ORG")]
    assert [e.name for e in resolve(blank, text, ents)] == ["Surrey", "B.C.", "Bank of Canada"]


def test_a_generational_suffix_does_not_hide_the_surname(blank):
    text = "Joseph R. Biden Jr. spoke. Biden left."
    ents = [("Joseph R. Biden Jr.", "PERSON"), ("Biden", "PERSON")]
    assert [(e.name, len(e.mentions)) for e in resolve(blank, text, ents)] == [
        ("Joseph R. Biden", 2)
    ]


def test_headline_words_around_a_known_name_are_cut_off(blank):
    text = "Crooked Maria Okonjo Plan Fails\nMaria Okonjo said the plan would work."
    ents = [("Crooked Maria Okonjo Plan", "PERSON"), ("Maria Okonjo", "PERSON")]
    assert summary(resolve(blank, text, ents)) == [("Maria Okonjo", "PERSON", ["Maria Okonjo"], 2)]


def test_words_after_a_known_full_name_are_cut_off_anywhere(blank):
    text = "Maria Okonjo spoke. The Maria Okonjo Plan won support."
    ents = [("Maria Okonjo", "PERSON"), ("Maria Okonjo Plan", "PERSON")]
    assert summary(resolve(blank, text, ents)) == [("Maria Okonjo", "PERSON", ["Maria Okonjo"], 2)]


def test_a_capital_in_a_capitals_dateline_is_that_city(blank):
    text = "OTTAWA - The budget passed. Officials in Ottawa cheered."
    ents = [("OTTAWA", "ORG"), ("Ottawa", "GPE")]
    assert summary(resolve(blank, text, ents)) == [("Ottawa", "GPE", ["OTTAWA", "Ottawa"], 2)]


def test_a_quoted_nickname_is_left_out_of_the_canonical_name():
    assert person_words(["Carlos", '"The', 'Wall"', "Okafor"]) == ["Carlos", "Okafor"]
    assert person_words(["Carlos", '"', "Wall", '"', "Okafor"]) == ["Carlos", "Okafor"]


def test_a_company_named_without_its_trade_word_joins_its_full_name(blank):
    text = "Halvorsen Shipping won the contract. Halvorsen said its bid was the lowest."
    ents = [("Halvorsen Shipping", "ORG"), ("Halvorsen", "ORG")]
    assert summary(resolve(blank, text, ents)) == [
        ("Halvorsen Shipping", "ORG", ["Halvorsen Shipping", "Halvorsen"], 2)
    ]


def test_a_short_name_that_fits_two_companies_joins_neither(blank):
    text = "Halvorsen Shipping and Halvorsen Energy merged. Halvorsen said so."
    ents = [("Halvorsen Shipping", "ORG"), ("Halvorsen Energy", "ORG"), ("Halvorsen", "ORG")]
    assert [name for name, *_ in summary(resolve(blank, text, ents))] == [
        "Halvorsen Shipping",
        "Halvorsen Energy",
        "Halvorsen",
    ]
