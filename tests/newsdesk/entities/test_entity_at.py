"""entity_at: how quotes find the entity behind a speaker span."""

from __future__ import annotations

from newsdesk.contracts import Entity, Span
from newsdesk.entities import entity_at

TEXT = "Premier Anna Kowalski said Warsaw's plan works; Kowalski left."
KOWALSKI = Entity(
    name="Anna Kowalski",
    type="PERSON",
    aliases=["Anna Kowalski", "Kowalski"],
    mentions=[Span(start=8, end=21, text="Anna Kowalski"), Span(start=48, end=56, text="Kowalski")],
)
POLAND = Entity(
    name="Poland", type="GPE", aliases=["Warsaw"], mentions=[Span(start=27, end=33, text="Warsaw")]
)


def test_the_offsets_in_the_fixture_match_the_text():
    for entity in (KOWALSKI, POLAND):
        for mention in entity.mentions:
            assert TEXT[mention.start : mention.end] == mention.text


def test_a_span_equal_to_a_mention_finds_its_entity():
    assert entity_at([KOWALSKI, POLAND], 48, 56) is KOWALSKI


def test_a_partly_overlapping_span_finds_the_entity():
    assert entity_at([KOWALSKI, POLAND], 0, 12) is KOWALSKI


def test_the_largest_overlap_wins():
    assert entity_at([POLAND, KOWALSKI], 27, 40) is POLAND
    assert entity_at([POLAND, KOWALSKI], 20, 33) is POLAND


def test_no_overlap_gives_none():
    assert entity_at([KOWALSKI, POLAND], 22, 26) is None
    assert entity_at([], 0, 10) is None


def test_touching_spans_do_not_overlap():
    assert entity_at([KOWALSKI], 21, 26) is None
