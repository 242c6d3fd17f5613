"""Who is speaking: the subject of a cue, the mention as written, and the canonical name.

The parse gives the mention ("he", "the top official", "Altun"); the entity list gives
canonical names. Pronouns and definite role nouns are resolved against the article so far:
the speaker of the previous quote first (reporters keep one speaker across consecutive
quotes), unless another person has since become the subject of a main clause.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Token

from newsdesk.contracts import Entity
from newsdesk.quotes.cues import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    is_reporting_noun,
    is_role_noun,
    phrase_at,
    verb_frames,
)
from newsdesk.quotes.gender import PRONOUN_GENDER, article_genders
from newsdesk.quotes.lines import within_line

#: Entity types that can speak.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Clause links through which a participle or conjoined cue shares its head's subject.
_SHARED_SUBJECT = frozenset(
    {"advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "parataxis", "prep", "acomp"}
)
_NP_LEFT = frozenset({"det", "compound", "amod", "poss", "nummod", "nmod", "case", "quantmod"})
_NP_RIGHT = frozenset({"compound", "flat", "case"})
_NP_RIGHT_PREPS = frozenset({"of", "for", "at", "with", "from", "in"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_INVERTED_DEPS = frozenset({"nsubj", "compound", "dobj", "npadvmod", "attr", "appos", "dep"})
_WHEN = frozenset({"DATE", "TIME"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "it"})
_DEFINITE = frozenset({"the", "this", "that"})
#: Pronouns by which an organisation speaks ("The BPI ... It said").
_THING_PRONOUNS = frozenset({"it", "its"})
#: Verbs whose "it" is a dummy subject ("it seems", "it means"), never an organisation.
_DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "mean", "remain", "look", "sound"})


@functools.cache
def _document_nouns() -> frozenset[str]:
    text = resources.files("newsdesk").joinpath("data", "quote_document_nouns.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


#: Heads that speak for the organisation in their noun phrase.
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "statement", "release"})
#: How far back (characters) a pronoun or role noun may find its person.
_RESOLUTION_WINDOW = 2500
_MAX_CLIMB = 4


def _ok_subject(token: Token) -> Token | None:
    if token.dep_ == "nsubjpass":
        return None
    return token


def _own_subject(cue: Token) -> Token | None:
    # Of two subjects (a name closing a quotation misread as one), the nearer one speaks.
    for child in sorted(cue.children, key=lambda c: abs(c.i - cue.i)):
        if child.dep_ in ("nsubj", "csubj"):
            return _ok_subject(child)
        if child.dep_ == "nsubjpass":
            for agent in cue.children:
                if agent.dep_ == "agent":
                    return next((t for t in agent.children if t.dep_ == "pobj"), None)
            return None
    return None


def _inverted_subject(cue: Token) -> Token | None:
    """`..., said Altun`: a name right after a saying verb that the parser did not make subject."""
    doc = cue.doc
    if "object-to" in verb_frames(cue) or cue.i + 1 >= len(doc) or cue.i == 0:
        return None
    if cue.tag_ == "VBG":
        # `..., saying he would ...`: a participle is never inverted; "he" opens the content.
        return None
    nxt = doc[cue.i + 1]
    before = doc[cue.i - 1]
    if not (before.is_punct or before.is_space) or nxt.lower_ in _OBJECT_PRONOUNS:
        return None
    if nxt.pos_ in ("PROPN", "PRON") and nxt.dep_ in _INVERTED_DEPS and nxt.ent_type_ not in _WHEN:
        while nxt.dep_ == "compound" and nxt.head.i > nxt.i:
            nxt = nxt.head
        return nxt
    for child in cue.rights:
        # `..., said a senior official`: a noun phrase that opens right after the cue.
        if (
            child.left_edge.i == cue.i + 1
            and child.dep_ in _INVERTED_DEPS
            and child.pos_ in ("NOUN", "PROPN")
            and child.ent_type_ not in _WHEN
        ):
            return child
    return None


def colon_speaker(colon: Token) -> Token | None:
    """`Mayor Lin on Tuesday: "..."`: a name or pronoun opening the lead-in speaks; so does
    a person's name closing it (`..., says pollster Dana Wu:` without a cue verb)."""
    before = colon.doc[colon.i - 1] if colon.i > 0 else None
    if before is not None and before.ent_type_ == "PERSON" and before.ent_iob_ != "O":
        return before
    for token in colon.sent:
        if token.i >= colon.i:
            break
        if (
            token.ent_type_ in _SPEAKER_ENTS
            or (token.pos_ == "PROPN" and not token.ent_type_)
            or token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
        ):
            while token.dep_ in ("compound", "flat") and colon.i > token.head.i > token.i:
                token = token.head
            return token
        if not (token.is_space or token.is_punct):
            return None
    return None


def _phrase_object(last: Token) -> Token | None:
    """The noun after "according to"; when the parse ran on into the next paragraph (or lost
    the object), the last word before the paragraph break ends the phrase and stands for it."""
    found = next((t for t in last.children if t.dep_ == "pobj"), None)
    end = last.i + 1
    doc = last.doc
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if found is not None and found.i < end:
        return found
    tail = doc[end - 1]
    return tail if tail.i > last.i and not tail.is_punct else None


def subject_of(cue: Token, quoted: Callable[[int], bool] = lambda _: False) -> Token | None:
    """The token that heads the speaker mention of `cue`, or None.

    `quoted(offset)` says whether an offset lies in the reported content: a subject met
    there while climbing from a participle belongs to the quoted person's own clauses."""
    if cue.text == ":":
        return colon_speaker(cue)
    last = phrase_at(cue)
    if last is not None:
        return _phrase_object(last)
    if is_reporting_noun(cue):
        for child in cue.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                return next((t for t in child.children if t.dep_ == "pobj"), None)
        verb = cue.head.head
        if cue.dep_ == "pobj" and cue.head.dep_ == "prep" and verb_frames(verb):
            # `The union said in a statement that ...`: whoever made the statement.
            return subject_of(verb, quoted)
        return None
    subject = _own_subject(cue) or _inverted_subject(cue)
    if subject is not None or cue.dep_ not in _SHARED_SUBJECT:
        return subject
    if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl"):
        # `Asked whether ..., the minister replied`: the minister was asked, not asking.
        return None
    head = cue.head
    if (
        cue.tag_ == "VBG"
        and cue.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in _SPOKES_NOUNS
        and not is_reporting_noun(head)
    ):
        # `voters saying they want ...`, `calls saying shots were fired`: the noun speaks.
        return head
    if cue.dep_ == "acl" and head.dep_ == "dobj" and head.lower_ in _SPOKES_NOUNS:
        # `His office put out a statement saying ...`: whoever issued the statement.
        return _own_subject(head.head)
    fallback: Token | None = None
    head = cue
    for _ in range(_MAX_CLIMB):
        if head.dep_ not in _SHARED_SUBJECT or head.head.i == head.i:
            break
        head = head.head
        own = _own_subject(head)
        if own is not None and quoted(own.idx):
            continue
        if own is not None and verb_frames(head):
            return own
        if own is not None and fallback is None:
            fallback = own
    return fallback


def mention_extent(token: Token) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by `token`, without clauses or appositions."""
    if token.pos_ == "PRON":
        return token.idx, token.idx + len(token)
    left, right = token.i, token.i
    for child in token.lefts:
        if child.dep_ in _NP_LEFT:
            left = min(left, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in _NP_RIGHT or (
            child.dep_ == "prep" and child.lower_ in _NP_RIGHT_PREPS and token.pos_ == "NOUN"
        ):
            right = max(right, child.right_edge.i)
    doc = token.doc
    if token.ent_type_:
        start, end = token.i, token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        left, right = min(left, start), max(right, end)
    # A headline word the parser attached to the next paragraph's subject
    # ("turnaround\n\nEuroDisney") is no part of the mention.
    left, right = within_line(token, left, right)
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _modifiers(role: Token) -> set[str]:
    return {
        t.lower_
        for t in role.lefts
        if t.dep_ in ("amod", "compound") and t.ent_type_ != "PERSON" and t.pos_ != "PROPN"
    } | {t.lower_ for t in role.lefts if t.ent_type_ in ("NORP", "GPE", "ORG")}


def _is_age(token: Token) -> bool:
    """ "the 52-year-old": a person described by age alone."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "years") for c in token.children)


class _Unnamed:
    """A person the article refers to without a name ("the spokesman")."""


UNNAMED = _Unnamed()


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity


@dataclass
class SpeakerResolver:
    """Resolves speaker mentions to canonical names, in article order."""

    doc: Doc
    entities: list[Entity]
    quoted: list[tuple[int, int]]
    _mentions: list[_Mention] = field(init=False)
    _starts: list[int] = field(init=False)
    _last: tuple[int, Entity | _Unnamed] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        mentions = [
            _Mention(span.start, span.end, entity)
            for entity in self.entities
            if entity.type in SPEAKER_TYPES
            for span in entity.mentions
        ]
        self._mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self._mentions]

    def _overlapping(self, start: int, end: int) -> list[_Mention]:
        lo = bisect.bisect_left(self._starts, start - 200)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self._mentions[lo:hi] if m.start < end and start < m.end]

    def _after_preposition(self, offset: int) -> bool:
        """`a spokesman for Ruth Adams`: the name after "for" is not the one speaking."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span is not None and span.start > 0 and self.doc[span.start - 1].pos_ == "ADP"

    def _inside_quote(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.quoted)

    def _entity_at(self, token: Token, start: int, end: int) -> Entity | None:
        found = self._overlapping(start, end)
        on_head = [m for m in found if m.start <= token.idx < m.end]
        # A common-noun head ("the Salford MP") is not the place or person that modifies it.
        common = token.pos_ == "NOUN" or is_role_noun(token)
        closing = [
            m
            for m in found
            if m.entity.type == "PERSON" and m.end == end and not self._after_preposition(m.start)
        ]
        if common and closing and not on_head:
            # `director of rugby Rob Andrew said`: a name that closes the phrase is its head.
            return closing[-1].entity
        groups = (on_head,) if common else (on_head, found)
        for group in groups:
            people = [m for m in group if m.entity.type == "PERSON"]
            if people:
                return people[-1].entity
            if group and (group is on_head or token.lower_ in _SPOKES_NOUNS):
                return group[-1].entity
        if token.lower_ in _SPOKES_NOUNS:
            organisations = [m for m in found if m.entity.type != "PERSON"]
            if organisations:
                return organisations[-1].entity
        return None

    def _main_clause_people_before(self, offset: int, after: int) -> list[Entity]:
        """People who are subjects of a main clause in (after, offset), latest first."""
        lo = bisect.bisect_right(self._starts, after)
        hi = bisect.bisect_left(self._starts, offset)
        found = []
        for mention in reversed(self._mentions[lo:hi]):
            if mention.entity.type != "PERSON" or self._inside_quote(mention.start):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ in _SUBJECTS and root.head.dep_ in ("ROOT", "conj"):
                found.append(mention.entity)
        return found

    def _people_before(self, offset: int) -> list[Entity]:
        hi = bisect.bisect_left(self._starts, offset)
        found = []
        for mention in reversed(self._mentions[:hi]):
            if offset - mention.start > _RESOLUTION_WINDOW:
                break
            if mention.entity.type == "PERSON" and not self._inside_quote(mention.start):
                found.append(mention.entity)
        return found

    def _organisation_before(self, pronoun: Token) -> Entity | None:
        """What "it" says for: the organisation, or place acting as a government ("Ottawa
        said"), that was the latest subject before it; failing that, the latest organisation
        named. None when "it" is a dummy subject ("it seems") or the latest subject was a
        document ("The report ... It said")."""
        head = pronoun.head
        if pronoun.dep_ == "nsubj" and (head.lemma_ in _DUMMY_IT_VERBS or not verb_frames(head)):
            return None
        doc = self.doc
        for token in reversed(doc[: pronoun.i]):
            if pronoun.idx - token.idx > _RESOLUTION_WINDOW:
                break
            if token.dep_ not in _SUBJECTS or self._inside_quote(token.idx):
                continue
            if token.lemma_.lower() in _document_nouns():
                return None
            found = self._overlapping(token.idx, token.idx + len(token))
            places = [m.entity for m in found if m.entity.type in ("ORG", "GPE")]
            if places:
                return places[-1]
        hi = bisect.bisect_left(self._starts, pronoun.idx)
        for mention in reversed(self._mentions[:hi]):
            if pronoun.idx - mention.start > _RESOLUTION_WINDOW:
                break
            if mention.entity.type == "ORG" and not self._inside_quote(mention.start):
                return mention.entity
        return None

    def _person_for(self, offset: int, pronoun: str | None = None) -> Entity | None:
        """Speaker continuity first, then the most recent person in a main clause, then any
        recent person; a pronoun skips people the article has shown to be of the other gender."""
        candidates: list[Entity] = []
        last = self._last
        if last is not None and offset - last[0] <= _RESOLUTION_WINDOW:
            candidates += self._main_clause_people_before(offset, last[0])[:1]
            if last[1] is UNNAMED:
                return candidates[0] if candidates else None
            if last[1].type == "PERSON":
                candidates.append(last[1])
        # Exclusive of `floor`, so -1 lets a person opening the article count.
        floor = max(-1, offset - _RESOLUTION_WINDOW)
        candidates += self._main_clause_people_before(offset, floor)
        candidates += self._people_before(offset)
        wanted = PRONOUN_GENDER.get(pronoun or "")
        for entity in candidates:
            known = self._genders.get(entity.name) if wanted else None
            if known is None or known == wanted:
                return entity
        return None

    @functools.cached_property
    def _genders(self) -> dict[str, str]:
        people = [
            (m.start, m.end, m.entity.name) for m in self._mentions if m.entity.type == "PERSON"
        ]
        return article_genders(self.doc, people, self._inside_quote)

    def _role_holder(self, role: Token) -> Entity | _Unnamed | None:
        """The person an earlier mention gave this role ("Communications Director X"),
        UNNAMED when the role was introduced without a name ("a spokesman said"), None when
        the role was not mentioned before (or only for someone else)."""
        other_holder = False
        for token in reversed(self.doc[: role.i]):
            if role.idx - token.idx > _RESOLUTION_WINDOW * 2:
                break
            if token.lemma_.lower() != role.lemma_.lower():
                continue
            if not _modifiers(role) <= _modifiers(token):
                # "the Democratic nominee" is not the "Republican nominee" named before.
                other_holder = True
                continue
            for candidate in (token.head, *token.children):
                if candidate.ent_type_ == "PERSON":
                    entity = self._entity_at(candidate, candidate.idx, candidate.idx + 1)
                    if entity is not None and entity.type == "PERSON":
                        return entity
            if any(t.lower_ in _DEFINITE for t in token.lefts):
                # An earlier "the president" without a name refers back too: look further.
                continue
            return UNNAMED
        # A role the article gave someone else is no cue to guess the latest person.
        return UNNAMED if other_holder else None

    def _surname_match(self, text: str) -> Entity | None:
        """The one person of the article with this surname; transcripts write it in capitals."""
        wanted = text.casefold()
        people = [
            e
            for e in self.entities
            if e.type == "PERSON" and e.name.split()[-1].casefold() == wanted
        ]
        return people[0] if len(people) == 1 else None

    def resolve(self, token: Token, start: int, end: int) -> str | None:
        entity = self._resolve_entity(token, start, end)
        if isinstance(entity, Entity):
            self._last = (start, entity)
            return entity.name
        if entity is UNNAMED or is_role_noun(token):
            # An unnamed person now holds the floor: "he" after them is them, not a name.
            self._last = (start, UNNAMED)
            return None
        if token.pos_ == "PROPN" and not self._inside_quote(token.idx):
            return (
                " ".join(
                    t.text
                    for t in self.doc.char_span(start, end, alignment_mode="expand") or []
                    if t.pos_ == "PROPN" and not is_role_noun(t)
                )
                or None
            )
        return None

    def _named_in_apposition(self, token: Token) -> Entity | None:
        """`Its spokesperson, Jean Dubois, said`: the person named beside a role speaks, also
        when the parser hangs the name on the role's complement (`The MP for X, Jean Dubois`)."""
        if token.ent_type_ == "PERSON":
            return None
        for child in token.subtree:
            if (
                child.i > token.i
                and child.dep_ == "appos"
                and child.ent_type_ == "PERSON"
                and (child.head == token or child.head.dep_ == "pobj")
            ):
                entity = self._entity_at(child, *mention_extent(child))
                if entity is not None and entity.type == "PERSON":
                    return entity
        return None

    def _author_of(self, token: Token) -> Entity | None:
        """`according to a report released Wednesday by Rentals.ca`: a document speaks for
        whoever it is by."""
        if token.lemma_.lower() not in _document_nouns():
            return None
        for child in token.subtree:
            if child.dep_ == "pobj" and child.head.lower_ == "by" and child.ent_type_:
                entity = self._entity_at(child, *mention_extent(child))
                if entity is not None:
                    return entity
        return None

    def _resolve_entity(self, token: Token, start: int, end: int) -> Entity | _Unnamed | None:
        if token.tag_ in _RELATIVE_TAGS and token.head.dep_ in ("relcl", "acl"):
            # `Ruth Adams, who said ...`: the mention is "who", the speaker its antecedent.
            antecedent = token.head.head
            return self._resolve_entity(antecedent, *mention_extent(antecedent))
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            return self._person_for(token.idx, lower)
        if lower in _THING_PRONOUNS:
            return self._organisation_before(token)
        if lower in GROUP_PRONOUNS:
            last = self._last
            if last is not None and isinstance(last[1], Entity) and last[1].type != "PERSON":
                return last[1]
            return None
        if token.pos_ == "PRON":
            return None
        named = self._named_in_apposition(token) or self._author_of(token)
        if named is not None:
            return named
        if token.is_upper and len(token) > 1 and end - start == len(token):
            # A surname in capitals (a transcript's speaker label) is often tagged as an
            # organisation; the person of that surname is the better reading.
            person = self._surname_match(token.text)
            if person is not None:
                return person
        entity = self._entity_at(token, start, end)
        if entity is not None:
            return entity
        capitalised = token.pos_ == "PROPN" or token.is_title or token.is_upper
        if capitalised and not is_role_noun(token):
            return self._surname_match(token.text)
        definite = any(t.lower_ in _DEFINITE for t in token.lefts)
        if definite and _is_age(token):
            # `the 52-year-old said`: the person the article last spoke of.
            return self._person_for(token.idx)
        if definite and is_role_noun(token):
            holder = self._role_holder(token)
            return holder if holder is not None else self._person_for(token.idx)
        return None
