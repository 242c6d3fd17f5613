"""Speaker labels: a paragraph that opens with a name and a colon speaks for that name.

Transcripts (`TAPPER: And what did you ...`) and headlines (`Sanders: Wall Street is the
problem`) attribute this way, without a reporting verb. A label counts when it is short,
capitalised and names a person of the article (transcripts write participants' surnames
in upper case), a person, organisation or group the parser recognised, or is one role or
source noun (`Officials: ...`, `Poll: ...`).
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsdesk.contracts import Entity
from newsdesk.quotes.candidate import Candidate
from newsdesk.quotes.cues import is_role_noun

#: Longest label, in tokens ("Former Senate Majority Leader Harry Reid").
MAX_LABEL_TOKENS = 6
#: Shortest content, in words, that a label introduces.
MIN_CONTENT_WORDS = 3
_LABEL_ENTS = frozenset({"PERSON", "ORG", "NORP"})
_LABEL_PUNCT = frozenset({".", "-", "'", "’", "&"})


def _data(name: str) -> frozenset[str]:
    text = resources.files("newsdesk").joinpath("data", name)
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


@functools.cache
def _stopwords() -> frozenset[str]:
    return _data("quote_label_stopwords.txt")


@functools.cache
def _source_nouns() -> frozenset[str]:
    return _data("quote_label_sources.txt")


def _paragraph_starts(doc: Doc) -> list[int]:
    return [
        token.i
        for token in doc
        if not token.is_space and (token.i == 0 or "\n" in doc[token.i - 1].text)
    ]


def _is_label(label: Span, surnames: frozenset[str]) -> bool:
    words = [t for t in label if not t.is_punct]
    if not words or any(t.text not in _LABEL_PUNCT and not t.text[0].isupper() for t in label):
        return False
    if label.text.casefold() in _stopwords() or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if label.text.casefold() in surnames:
        return True
    if len(words) == 1 and (is_role_noun(words[0]) or words[0].lemma_.lower() in _source_nouns()):
        return True
    return not label.text.isupper() and label.root.ent_type_ in _LABEL_ENTS


def _content_end(doc: Doc, colon: Token) -> int:
    end = colon.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return end


def find_labelled(doc: Doc, entities: list[Entity], text: str) -> list[Candidate]:
    """Paragraphs led by a speaker label; the colon is the cue, the label the speaker."""
    surnames = frozenset(
        name.casefold()
        for entity in entities
        if entity.type == "PERSON"
        for name in (entity.name, entity.name.split()[-1])
    )
    found = []
    for start in _paragraph_starts(doc):
        window = doc[start : start + MAX_LABEL_TOKENS + 1]
        colon = next((t for t in window if t.text == ":" or "\n" in t.text), None)
        if colon is None or colon.text != ":" or colon.i == start:
            continue
        label = doc[start : colon.i]
        end = _content_end(doc, colon)
        content = doc[colon.i + 1 : end]
        if sum(not t.is_punct and not t.is_space for t in content) < MIN_CONTENT_WORDS:
            continue
        if not _is_label(label, surnames):
            continue
        first = content[0].idx
        last = content[-1].idx + len(content[-1])
        kind = "direct" if label.text.isupper() else "indirect"
        found.append(Candidate(kind, first, last, text[first:last], cue=colon, speaker=label.root))
    return found
