"""Product names: letter-dash-number designators and known weapon families, as PRODUCT spans."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsdesk.entities import lexicon
from newsdesk.entities.search import tokens_matching

_DESIGNATOR = re.compile(
    r"^(?P<prefix>[A-Z][A-Za-z]{0,3})-(?P<number>\d{1,4}[A-Z]{0,2}\d?)(?:s|'s|’s)?$"
)
_DESIGNATOR_CANDIDATE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}-\d[\w'’]*")
_MODEL_TOKEN = re.compile(r"^[A-Z]{0,3}\d{1,4}[A-Z]{0,2}\d?$")


def is_designator(text: str) -> bool:
    """True for a letter-dash-number model name such as S-400, F-35A, MiG-29s or Su-57."""
    match = _DESIGNATOR.match(text)
    return bool(match) and match["prefix"] not in lexicon.designator_stop_prefixes()


def designator_root(text: str) -> str:
    """The designator without a plural or possessive ending (`S-400s` -> `S-400`)."""
    for ending in ("'s", "’s", "s"):
        stem = text.removesuffix(ending)
        if stem != text and is_designator(text) and _DESIGNATOR.match(stem):
            return stem
    return text


def _noun_key(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_.removesuffix("s")


def _before_product_noun(span: Span) -> bool:
    """Whether a product noun follows within two tokens ("Patriot missile batteries")."""
    doc = span.doc
    following = doc[span.end : min(span.end + 2, len(doc))]
    nouns = lexicon.product_nouns()
    return any(_noun_key(token) in nouns for token in following if not token.is_punct)


def with_model_number(span: Span) -> Span:
    """Extend a family name over a model number that follows it ("Leopard 2", "Bayraktar TB2")."""
    doc = span.doc
    if span.end < len(doc) and _MODEL_TOKEN.match(doc[span.end].text):
        return doc[span.start : span.end + 1]
    return span


def designator_spans(doc: Doc, text: str) -> list[Span]:
    return [
        Span(doc, t.i, t.i + 1, label="PRODUCT")
        for t in tokens_matching(doc, text, _DESIGNATOR_CANDIDATE)
        if is_designator(t.text)
        and not (t.i > 0 and doc[t.i - 1].lower_ in lexicon.designator_stop_before())
    ]


class Families:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.by_name = {family.name: family for family in lexicon.product_families()}
        self.matcher.add("FAMILY", [nlp.make_doc(name) for name in self.by_name])

    def spans(self, doc: Doc) -> list[Span]:
        """Family mentions that are products; an ambiguous family needs one clear use.

        One sense per article: once "Patriot batteries" shows that Patriot is the weapon,
        "to buy the Patriot" is the weapon too. Inside a longer PERSON name ("Selcuk
        Bayraktar") the family name stays part of the name unless a product noun follows.
        """
        found = [doc[start:end] for _, start, end in self.matcher(doc)]
        found = [span for span in filter_spans(found) if not _inside_person(span)]
        clear = {
            span.text
            for span in found
            if not self.by_name[span.text].ambiguous
            or _before_product_noun(span)
            or _MODEL_TOKEN.match(_next_text(span))
        }
        return [Span(doc, s.start, s.end, label="PRODUCT") for s in found if s.text in clear]


def _next_text(span: Span) -> str:
    return span.doc[span.end].text if span.end < len(span.doc) else ""


def _inside_person(span: Span) -> bool:
    ent = span.doc[span.start].ent_type_
    if ent != "PERSON" or _before_product_noun(span):
        return False
    doc = span.doc
    continues = span.end < len(doc) and doc[span.end].ent_iob_ == "I"
    return doc[span.start].ent_iob_ == "I" or continues
