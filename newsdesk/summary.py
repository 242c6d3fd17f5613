"""A short extractive summary and keywords."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.contracts import Entity


def summarize(doc: Doc, max_sentences: int = 3) -> str:
    return " ".join(sent.text.strip() for sent in list(doc.sents)[:max_sentences])


def extract_keywords(doc: Doc, entities: list[Entity], limit: int = 10) -> list[str]:
    return []
