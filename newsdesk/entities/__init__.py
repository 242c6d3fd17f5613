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
