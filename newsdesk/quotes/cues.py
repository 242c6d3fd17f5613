"""The cue lexicon (reporting verbs, nouns, phrases, role nouns) and how a cue is spotted."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

CLAUSE, OBJECT_TO, TO, OBJECT = "clause", "object-to", "to", "object"
OBJECT_PREDICATE, QUESTION = "object-predicate", "question"
ON_TO, OBJECT_OF = "on-to", "object-of"
#: `prep-for`, `prep-of`, ...: the object of that preposition ("called for a ban").
PREP = "prep-"
_FRAMES = frozenset({CLAUSE, OBJECT_TO, TO, OBJECT, OBJECT_PREDICATE, QUESTION, ON_TO, OBJECT_OF})

#: Pronouns that can stand for a person or a group that speaks.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
#: Particles that belong to a phrasal reporting verb ("pointed out").
_PARTICLES = frozenset({"out", "up"})


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, frozenset[str]]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    roles: frozenset[str]

    @functools.cached_property
    def phrase_starts(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self.phrases)


def _lines(name: str) -> list[str]:
    text = resources.files("newsdesk").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _frames(field: str) -> frozenset[str]:
    frames = frozenset(part.strip() for part in field.split(",") if part.strip())
    unknown = {frame for frame in frames - _FRAMES if not frame.startswith(PREP)}
    if unknown:
        raise ValueError(f"unknown reporting-verb frames {sorted(unknown)} in reporting_verbs.txt")
    return frames


@functools.cache
def lexicon() -> Lexicon:
    verbs: dict[str, frozenset[str]] = {}
    for line in _lines("reporting_verbs.txt"):
        lemma, _, frames = line.partition("\t")
        verbs[lemma.strip()] = _frames(frames) if frames.strip() else frozenset({CLAUSE})
    return Lexicon(
        verbs=verbs,
        nouns=frozenset(_lines("reporting_nouns.txt")),
        phrases=tuple(tuple(line.lower().split()) for line in _lines("reporting_phrases.txt")),
        roles=frozenset(_lines("role_nouns.txt")),
    )


#: Inflections stripped from a verb whose lemma the model got wrong.
_SUFFIXES = ("ing", "ed", "es", "s", "d")


def _stems(word: str) -> list[str]:
    """Lemmas a regular inflected form may come from: "hoping" -> "hop", "hope"."""
    stems = []
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            stems += [stem, stem + "e"]
    return stems


def verb_frames(token: Token) -> frozenset[str]:
    """The frames in which `token` reports speech; empty when it is no reporting verb.

    The small model lemmatises some reporting verbs wrongly ("hopes" -> "hop"), so when
    the lemma is not in the lexicon the surface form is stripped of its inflection."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
        return frozenset()
    verbs = lexicon().verbs
    frames = verbs.get(token.lemma_.lower())
    if frames is not None:
        return frames
    return next((verbs[s] for s in _stems(token.lower_) if s in verbs), frozenset())


def is_reporting_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().nouns


def phrase_at(token: Token) -> Token | None:
    """The last token of a reporting phrase ("according to") that starts at `token`."""
    words = lexicon()
    if token.lower_ not in words.phrase_starts:
        return None
    doc = token.doc
    for phrase in words.phrases:
        end = token.i + len(phrase)
        if end <= len(doc) and all(
            doc[token.i + k].lower_ == word for k, word in enumerate(phrase)
        ):
            return doc[end - 1]
    return None


def cue_extent(token: Token) -> tuple[int, int]:
    """Character offsets of the cue: the verb with its particle, or the whole phrase."""
    last = phrase_at(token)
    if last is not None:
        return token.idx, last.idx + len(last)
    end = token.idx + len(token)
    for child in token.rights:
        if child.dep_ == "prt" and child.lower_ in _PARTICLES and child.i == token.i + 1:
            end = child.idx + len(child)
    return token.idx, end


def is_role_noun(token: Token) -> bool:
    return token.lemma_.lower() in lexicon().roles or token.lower_ in lexicon().roles
