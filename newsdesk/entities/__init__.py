"""Entities: spaCy NER, merged by name, one canonical name each."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.contracts import Entity, Span

#: Entity labels worth reporting; numbers, dates and money have their own extractors.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW"}
)


def add_entity_rules(nlp: Language) -> None:
    """Add the rule components that correct the statistical NER."""


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping the character span [start, end), if any.

    Quotes resolve a speaker span ("Altun", "Washington", "SSB") to its canonical entity
    with this. When several entities overlap the span, the largest overlap wins, so
    "SSB's Demir" as a speaker span resolves to Demir rather than to SSB.
    """
    best: Entity | None = None
    best_overlap = 0
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


def extract_entities(doc: Doc) -> list[Entity]:
    grouped: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        key = (ent.text, ent.label_)
        grouped.setdefault(key, []).append(
            Span(start=ent.start_char, end=ent.end_char, text=ent.text)
        )
    return [
        Entity(name=name, type=label, aliases=[name], mentions=mentions)
        for (name, label), mentions in grouped.items()
    ]
