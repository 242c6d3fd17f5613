"""Organisation names: "<head> of <name>" spans and acronyms defined in parentheses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsdesk.entities import lexicon
from newsdesk.entities.search import tokens_matching, words_pattern

_BRACKETED = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})


_NAMED = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def without_common_words(ent: Span) -> Span:
    """A name without the lower-case words the model ran on into ("Interfax news agency"
    -> "Interfax"): a name ends in a capitalised word or a number. A span with no
    capitalised word ("the defence ministry") is left as the model made it."""
    if ent.label_ not in _NAMED or len(ent) < 2:
        return ent
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].is_lower and ent.doc[end - 1].is_alpha:
        end -= 1
    named = any(token.text[:1].isupper() for token in ent.doc[ent.start : end])
    if end == ent.end or not named:
        return ent
    return Span(ent.doc, ent.start, end, label=ent.label_)


def _extend_over_head(ent: Span) -> Span:
    doc, start = ent.doc, ent.start
    heads = lexicon.org_heads()
    while start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in heads:
        start -= 2
    return doc[start : ent.end] if start != ent.start else ent


def _bracketed_acronyms(doc: Doc, text: str) -> list[Span]:
    """Every acronym written as "(ACR)", as a one-token span."""
    return [
        doc[t.i : t.i + 1]
        for t in tokens_matching(doc, text, _BRACKETED, group=1)
        if 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"
    ]


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


def _defines(name: Span, acronym: Span) -> bool:
    """Whether "(ACR)" after a name is that name's acronym.

    A place's acronym spells its initials ("United Arab Emirates (UAE)"); other letters
    after a place are a news agency in a dateline ("Regina (CP)").
    """
    if name.label_ == "GPE":
        return _initials(name) == acronym.text.replace("&", "")
    return name.label_ in {"ORG", "FAC", "NORP"}


def organisation_spans(doc: Doc, text: str, ents: list[Span]) -> tuple[list[Span], list[Span]]:
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
    for acronym in _bracketed_acronyms(doc, text):
        previous = next((ent for ent in ents if ent.end == acronym.start - 1), None)
        if previous is not None and _defines(previous, acronym):
            defined.setdefault(
                acronym.text, "ORG" if previous.label_ == "NORP" else previous.label_
            )
        elif previous is None and (name := _expansion_before(acronym)) is not None:
            extended.append(Span(doc, name.start, name.end, label="ORG"))
            defined.setdefault(acronym.text, "ORG")
    pattern = words_pattern(defined)
    acronyms = [
        Span(doc, t.i, t.i + 1, label=defined[t.text])
        for t in (tokens_matching(doc, text, pattern) if pattern else ())
        if t.i not in covered
    ]
    return extended, acronyms
