"""Quotations and their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.contracts import Entity, Quote


def extract_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    return []
