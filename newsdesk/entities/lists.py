"""Lists of surnames: "Poilievre, Carney and Blanchet will debate".

News lists people it has named before by surname alone, and the model labels each word of
such a list on its own, so that one of them comes out a nationality or a place. When one
member of a list of single capitalised words is the surname of a person the article has
named in full, the others are people too, unless they name a place, a language or a
people, or are ordinary words ("Carney and Ottawa", "Sanders and Democrats"); a list
ends where a longer name begins ("Ryan and Senate Majority Leader Mitch McConnell"). A
lone word the model alone calls a person is no such evidence ("Mobil, Shell and Caltex").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsdesk.entities import lexicon

#: Possessive, so that a long list without "and" fails at once instead of backtracking.
_WORD = r"[A-Z][\w'’-]*+"
_LIST = re.compile(rf"(?<![\w.'’-]){_WORD}(?:, {_WORD})*,? (?:and|or) {_WORD}(?![\w'’-]| [A-Z])")
_MEMBER = re.compile(_WORD)
_RELABELLED = frozenset({"NORP", "GPE", "LOC", "ORG", ""})


def _ordinary(word: str, words: lexicon.Dictionary) -> bool:
    """An English word ("Senate", "Democrats") that is no given name or surname."""
    if word in lexicon.surnames() or word in lexicon.given_names():
        return False
    return word.lower() in words or words.is_plural_noun(word)


def list_people(doc: Doc, text: str, spans: list[Span], words: lexicon.Dictionary) -> list[Span]:
    """The spans, with the members of a list that holds a PERSON made PERSON too."""
    surnames = {span[-1].text for span in spans if span.label_ == "PERSON" and len(span) > 1}
    label_at = {span.start: span for span in spans if len(span) == 1}
    covered = {i for span in spans for i in range(span.start, span.end)}
    people: list[Span] = []
    for match in _LIST.finditer(text):
        members = [
            doc.char_span(match.start() + m.start(), match.start() + m.end())
            for m in _MEMBER.finditer(match.group())
        ]
        if any(member is None or len(member) != 1 or member.text.isupper() for member in members):
            continue
        labels = [label_at[m.start].label_ if m.start in label_at else "" for m in members]
        backed = any(
            label == "PERSON" and m.text in surnames
            for m, label in zip(members, labels, strict=True)
        )
        if not backed:
            continue
        for member, label in zip(members, labels, strict=True):
            word = member.text
            if label not in _RELABELLED or (label == "" and member.start in covered):
                continue
            if lexicon.is_place(word) or word in lexicon.language_names():
                continue
            if _ordinary(word, words):
                continue
            people.append(Span(doc, member.start, member.end, label="PERSON"))
    if not people:
        return spans
    taken = {span.start for span in people}
    kept = [span for span in spans if not (len(span) == 1 and span.start in taken)]
    return sorted(kept + people, key=lambda span: span.start)
