"""Words the model glues onto names or takes for names inside a longer phrase: nationalities
and opening verbs before a person, portfolios before "Minister", possessive place names,
towns read as people and companies read as people. Run on the full pipeline, since the
rules read its part-of-speech tags and dictionary."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsdesk.entities import add_entity_rules, extract_entities
from newsdesk.entities.rules import COMPONENT


def named(nlp, text: str, kind: str) -> set[str]:
    return {entity.name for entity in extract_entities(nlp(text)) if entity.type == kind}


def test_a_nationality_before_a_name_is_no_part_of_it(nlp):
    text = "Chilean Ana Rojas took silver and Ugandan Joseph Kato took bronze."
    assert named(nlp, text, "PERSON") == {"Ana Rojas", "Joseph Kato"}


def test_an_opening_gerund_is_no_part_of_the_name_after_it():
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    words = ["Describing", "Mr", "Okafor", ",", "she", "said", "."]
    pos = ["VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, pos=pos)
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    doc = nlp.get_pipe(COMPONENT)(doc)
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("Okafor", "PERSON")]


def test_a_portfolio_before_minister_is_no_organisation(nlp):
    text = "Education Minister Dana Whitfield announced the plan on Thursday."
    assert named(nlp, text, "ORG") == set()
    assert named(nlp, text, "PERSON") == {"Dana Whitfield"}


def test_a_possessive_name_before_a_place_noun_is_one_place(nlp):
    text = "Hundreds of nurses rallied outside Queen's Park on Wednesday morning."
    entities = extract_entities(nlp(text))
    assert {(e.type, e.name) for e in entities} == {("FAC", "Queen's Park")}


def test_a_town_of_several_words_is_no_person(nlp):
    text = "Firefighters in Santa Barbara worked through the night to contain the blaze."
    assert named(nlp, text, "PERSON") == set()
    assert "Santa Barbara" in named(nlp, text, "GPE")


def test_a_name_before_shares_or_profits_is_a_company(nlp):
    text = "Investors were nervous. Zentrica shares fell 6% after the results."
    assert named(nlp, text, "PERSON") == set()
    assert named(nlp, text, "ORG") == {"Zentrica"}


def _rules_on(words: list[str], ents: list[tuple[int, int, str]], **parse) -> list[tuple]:
    """The rules run on a Doc whose tokens, parse and model spans are set by hand."""
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    doc = Doc(nlp.vocab, words=words, **parse)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    doc = nlp.get_pipe(COMPONENT)(doc)
    return [(ent.text, ent.label_) for ent in doc.ents]


def test_a_name_listed_among_companies_is_a_company():
    words = ["Toyota", ",", "Brenvik", "and", "Honda", "cut", "prices", "."]
    heads = [5, 0, 0, 2, 2, 5, 5, 5]
    deps = ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "dobj", "punct"]
    ents = [(0, 1, "ORG"), (2, 3, "PERSON"), (4, 5, "ORG")]
    assert _rules_on(words, ents, heads=heads, deps=deps) == [
        ("Toyota", "ORG"),
        ("Brenvik", "ORG"),
        ("Honda", "ORG"),
    ]


def test_wales_taken_for_a_person_is_a_place():
    words = ["Wales", "won", "again", "."]
    assert _rules_on(words, [(0, 1, "PERSON")]) == [("Wales", "GPE")]


def test_a_region_taken_for_a_person_keeps_its_language_word():
    words = ["Floods", "hit", "Tamil", "Nadu", "."]
    assert _rules_on(words, [(2, 4, "PERSON")]) == [("Tamil Nadu", "GPE")]
