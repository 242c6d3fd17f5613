"""Entities: spaCy NER corrected by rules, resolved within the article to canonical names.

`add_entity_rules(nlp)` adds the rule component once, when the pipeline is built;
`extract_entities(doc)` groups the corrected spans into entities; `entity_at` finds the
entity behind a span (how quotes resolve speakers).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.contracts import Entity
from newsdesk.entities.resolve import ENTITY_LABELS, resolve_entities
from newsdesk.entities.rules import COMPONENT

__all__ = ["ENTITY_LABELS", "add_entity_rules", "entity_at", "extract_entities"]


def add_entity_rules(nlp: Language) -> None:
    """Add the rule component that corrects the statistical NER (after it, when present)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    else:
        nlp.add_pipe(COMPONENT)


def extract_entities(doc: Doc) -> list[Entity]:
    return resolve_entities(doc)


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
