"""Places: provinces and states the model splits, and place names that act as agents."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsdesk.entities import lexicon

_LOCATIVE = frozenset({"in", "at", "to", "from", "near", "across", "into", "inside", "outside"})
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})


class Regions:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("REGION", [nlp.make_doc(name) for name in lexicon.region_names()])

    def spans(self, doc: Doc) -> list[Span]:
        """Province and state names the model missed or split into a "person" ("Nova")."""
        found = filter_spans([doc[start:end] for _, start, end in self.matcher(doc)])
        kept = []
        for region in found:
            overlapping = [e for e in doc.ents if e.start < region.end and region.start < e.end]
            if all(
                e.label_ == "PERSON" and region.start <= e.start and e.end <= region.end
                for e in overlapping
            ):
                kept.append(Span(doc, region.start, region.end, label="GPE"))
        return kept


def is_agent(root: Token) -> bool:
    """Whether a name acts or speaks: subject, possessor, or the "by" of a passive."""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in _AGENT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def is_place_use(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE
