"""Organisation names: "<head> of <name>" spans and acronyms defined in parentheses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsdesk.entities import lexicon

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})


def _extend_over_head(ent: Span) -> Span:
    doc, start = ent.doc, ent.start
    heads = lexicon.org_heads()
    while start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in heads:
        start -= 2
    return doc[start : ent.end] if start != ent.start else ent


def _acronym_at(doc: Doc, i: int) -> Span | None:
    """The acronym in "(ACR)" when doc[i] is the opening parenthesis."""
    if (
        i + 2 < len(doc)
        and doc[i].text == "("
        and doc[i + 2].text == ")"
        and _ACRONYM.match(doc[i + 1].text)
    ):
        return doc[i + 1 : i + 2]
    return None


def _initials(tokens: Iterable[Token]) -> str:
    return "".join(
        t.text[0] for t in tokens if t.lower_ not in _CONNECTORS and t.text[:1].isupper()
    )


def _expansion_before(acronym: Span) -> Span | None:
    """A title-case name before "(ACR)" whose initials spell the acronym, when NER missed it."""
    doc = acronym.doc
    end = acronym.start - 1
    start = end
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _CONNECTORS):
        start -= 1
    while start < end and doc[start].lower_ in _CONNECTORS:
        start += 1
    for begin in range(start, end):
        candidate = doc[begin:end]
        if doc[begin].is_title and _initials(candidate) == acronym.text.replace("&", ""):
            return candidate
    return None


def organisation_spans(doc: Doc, ents: list[Span]) -> tuple[list[Span], list[Span]]:
    """Organisation spans extended over their names, and every mention of their acronyms.

    An acronym is defined by "<name> (ACR)"; after that, each bare "ACR" in the article is
    a mention too, since the model tags acronyms far less reliably than names.
    """
    extended: list[Span] = []
    for ent in ents:
        if ent.label_ == "ORG":
            wider = _extend_over_head(ent)
            if wider is not ent:
                extended.append(Span(doc, wider.start, wider.end, label="ORG"))
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    defined: dict[str, str] = {}
    for token in doc:
        acronym = _acronym_at(doc, token.i)
        if acronym is None:
            continue
        previous = next((ent for ent in ents if ent.end == token.i), None)
        if previous is not None and previous.label_ in {"ORG", "GPE", "FAC", "NORP"}:
            defined.setdefault(
                acronym.text, "ORG" if previous.label_ == "NORP" else previous.label_
            )
        elif previous is None and (name := _expansion_before(acronym)) is not None:
            extended.append(Span(doc, name.start, name.end, label="ORG"))
            defined.setdefault(acronym.text, "ORG")
    acronyms = [
        Span(doc, t.i, t.i + 1, label=defined[t.text])
        for t in doc
        if t.text in defined and t.i not in covered
    ]
    return extended, acronyms
