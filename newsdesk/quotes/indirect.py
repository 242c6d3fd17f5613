"""Reported speech: a cue with its complement clause, the clause being the content.

Frames, from the lexicon: a complement clause (`Demir said Turkey does not plan ...`,
`..., said Altun`), an object with an infinitive (`urging the West to deliver ...`), an
infinitive of the speaker's own act (`vowed to veto ...`), a reporting phrase
(`According to him, ...`) and a reporting noun with a that-clause (`his claim that ...`).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsdesk.quotes.candidate import Candidate
from newsdesk.quotes.cues import (
    CLAUSE,
    OBJECT,
    OBJECT_OF,
    OBJECT_PREDICATE,
    OBJECT_TO,
    ON_TO,
    PREP,
    QUESTION,
    TO,
    is_reporting_noun,
    phrase_at,
    verb_frames,
)
from newsdesk.quotes.lines import within_line

#: Content shorter than this many tokens is not worth reporting ("he said so").
MIN_CONTENT_TOKENS = 2
_QUOTE_MARKS = frozenset('"“”„«»')
_OPENING_MARKS = frozenset('"“„«')
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Fewest tokens before the comma of a trailing attribution (`<clause>, he said`).
_TRAILING_MIN_TOKENS = 4
#: How the parser hangs a fronted reported clause on the cue when it misses the ccomp.
_LOOSE_CLAUSE_DEPS = frozenset({"dep", "dobj", "punct"})


def _trim(doc: Doc, left: int, right: int) -> tuple[int, int]:
    """Drop a leading "that" and punctuation at either end, but keep quotation marks."""
    while left <= right and (
        (doc[left].is_punct and doc[left].text not in _OPENING_MARKS)
        or (doc[left].dep_ == "mark" and doc[left].lower_ == "that")
    ):
        left += 1
    while right >= left and doc[right].is_punct and doc[right].text not in _QUOTE_MARKS:
        right -= 1
    return left, right


def _cut_nested_cues(root: Token, right: int) -> int:
    """Stop the clause before a participle that reports something else (`..., urging ...`)."""
    for token in root.subtree:
        if (
            token.i > root.i
            and token.dep_ == "advcl"
            and token.tag_ == "VBG"
            and verb_frames(token)
        ):
            right = min(right, token.left_edge.i - 1)
    return right


def _clause(root: Token) -> tuple[int, int]:
    return root.left_edge.i, _cut_nested_cues(root, root.right_edge.i)


def _same_paragraph(cue: Token, other: Token) -> bool:
    low, high = sorted((cue.i, other.i))
    return not any("\n" in token.text for token in cue.doc[low:high])


def _clause_range(cue: Token) -> tuple[int, int] | None:
    frames = verb_frames(cue)
    children = list(cue.children)
    if CLAUSE in frames:
        # A sentence split missed at a paragraph break hangs the next paragraph's clause
        # on this cue too; only a clause of the cue's own paragraph can be its content.
        clauses = [
            c
            for c in children
            if (
                c.dep_ == "ccomp"
                or (c.dep_ == "xcomp" and not any(a.lower_ == "to" for a in c.lefts))
            )
            and _same_paragraph(cue, c)
        ]
        if QUESTION in frames and not clauses:
            clauses = [
                c
                for c in children
                if c.dep_ == "advcl"
                and c.i > cue.i
                and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.lefts)
            ]
        right = [c for c in clauses if c.i > cue.i]
        if right or clauses:
            return _clause(right[0] if right else clauses[-1])
        if cue.dep_ == "parataxis":
            # `X, he said, Y` and `X, he said`: the head clause around the cue is the content.
            head = cue.head
            if head.i > cue.i:
                return head.left_edge.i, _cut_nested_cues(head, head.right_edge.i)
            return head.left_edge.i, cue.left_edge.i - 1
        trailing = _trailing_range(cue)
        if trailing is not None:
            return trailing
    objects = [c for c in children if c.dep_ in ("dobj", "dative")]
    infinitives = [
        c for c in children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)
    ]
    if OBJECT_TO in frames and objects and infinitives and objects[0].i < infinitives[0].i:
        return objects[0].left_edge.i, _cut_nested_cues(infinitives[0], infinitives[0].right_edge.i)
    if TO in frames and infinitives and not objects:
        return _clause(infinitives[0])
    if (OBJECT in frames or OBJECT_PREDICATE in frames) and len(objects) == 1:
        # `called the move unjust`, `described it as a hoax`: the predicate belongs to it.
        right = objects[0].right_edge.i
        for child in children:
            if child.i > right and (
                child.dep_ in ("oprd", "xcomp", "ccomp")
                or (child.dep_ == "prep" and child.lower_ == "as")
            ):
                right = child.right_edge.i
        if right > objects[0].right_edge.i or (OBJECT in frames and objects[0].pos_ != "PRON"):
            return objects[0].left_edge.i, right
    return _prepositional_range(cue, frames, objects, infinitives)


def _trailing_range(cue: Token) -> tuple[int, int] | None:
    """`<clause>, he told reporters.` parsed with the clause as the cue's head or loose
    dependent rather than its complement: the clause before the comma is the content."""
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    comma = cue.doc[subject.left_edge.i - 1]
    start = cue.sent.start
    if comma.text != "," or comma.i - start < _TRAILING_MIN_TOKENS:
        return None
    if cue.right_edge.i + 1 < cue.sent.end and not cue.doc[cue.right_edge.i + 1].is_punct:
        return None
    before = [c for c in cue.lefts if c.i < comma.i]
    if cue.dep_ == "conj" and start <= cue.head.i < comma.i:
        return start, comma.i - 1
    if before and all(c.dep_ in _LOOSE_CLAUSE_DEPS for c in before):
        return start, comma.i - 1
    return None


def _prep(cue: Token, word: str) -> Token | None:
    """The preposition `word` hanging on the cue within a few words of it."""
    return next(
        (c for c in cue.rights if c.dep_ == "prep" and c.lower_ == word and c.i - cue.i <= 3),
        None,
    )


def _prepositional_range(
    cue: Token, frames: frozenset[str], objects: list[Token], infinitives: list[Token]
) -> tuple[int, int] | None:
    """`called for a ban`, `called on the mayor to resign`, `accused the firm of lying`."""
    for frame in frames:
        if frame.startswith(PREP) and not objects:
            prep = _prep(cue, frame[len(PREP) :])
            if prep is not None and prep.right_edge.i > prep.i:
                # `called for a prosecutor to investigate ...`: the infinitive is the demand's.
                right = prep.right_edge.i
                following = [
                    c
                    for c in cue.rights
                    if c.dep_ in ("xcomp", "advcl")
                    and c.left_edge.i == right + 1
                    and c.left_edge.lower_ == "to"
                ]
                return prep.i + 1, following[0].right_edge.i if following else right
    if ON_TO in frames and (prep := _prep(cue, "on")) is not None:
        inner = [c for c in prep.subtree if c.dep_ in ("xcomp", "relcl", "acl")]
        if infinitives and infinitives[0].i > prep.i:
            return prep.i + 1, infinitives[0].right_edge.i
        if inner:
            return prep.i + 1, prep.right_edge.i
    if OBJECT_OF in frames and objects and (prep := _prep_after(cue, "of", objects[0])):
        return objects[0].left_edge.i, prep.right_edge.i
    return None


def _prep_after(cue: Token, word: str, obj: Token) -> Token | None:
    return next(
        (c for c in cue.rights if c.dep_ == "prep" and c.lower_ == word and c.i > obj.i), None
    )


def _phrase_range(cue: Token) -> tuple[int, int] | None:
    """`According to X, <clause>` or `<clause>, according to X`."""
    head = cue.head
    if head.i == cue.i:
        return None
    if not _same_paragraph(cue, head) and head.i > cue.i:
        # A missed sentence split hung the phrase on the next paragraph's verb: the report
        # is what precedes the phrase in its own paragraph (`..., according to the FAA.`).
        left = cue.i
        while left > 0 and "\n" not in cue.doc[left - 1].text:
            left -= 1
        return left, cue.i - 1
    left, right = head.left_edge.i, head.right_edge.i
    if cue.right_edge.i < head.i:
        left = cue.right_edge.i + 1
    else:
        right = min(right, cue.left_edge.i - 1)
        if cue.i > 0 and cue.doc[cue.i - 1].text == ",":
            # `<sentence>, according to X.` reports the whole sentence before the comma,
            # however the parser attached the phrase inside it.
            left = min(left, cue.sent.start)
    return left, right


def _noun_range(cue: Token) -> tuple[int, int] | None:
    for child in cue.rights:
        if child.dep_ in ("acl", "ccomp") and any(
            t.dep_ == "mark" and t.lower_ == "that" for t in child.lefts
        ):
            return _clause(child)
    return None


def content_range(cue: Token) -> tuple[int, int] | None:
    """Token range (inclusive) of what `cue` reports, or None when it reports nothing here."""
    if phrase_at(cue) is not None:
        found = _phrase_range(cue)
    elif is_reporting_noun(cue):
        found = _noun_range(cue)
    elif verb_frames(cue):
        found = _clause_range(cue)
    else:
        return None
    if found is None:
        return None
    left, right = found
    if left < cue.i <= right and cue.doc[left].tag_ in _RELATIVE_TAGS:
        # `a deal which officials said will cut costs`: the relative pronoun is the subject
        # of the reported clause; the report is what follows the cue.
        left = cue.i + 1
    left, right = _trim(cue.doc, *within_line(cue, left, right))
    if right - left + 1 < MIN_CONTENT_TOKENS:
        return None
    if left <= cue.i <= right and cue.dep_ != "parataxis":
        return None
    return left, right


def find_indirect(doc: Doc, quoted: list[tuple[int, int]], text: str) -> list[Candidate]:
    """Every cue with reported content; cues inside quotations are the quoted person's own.

    `quoted` holds the (start, end) offsets of the quotations, sorted and disjoint;
    `text` is `doc.text`, which spaCy rebuilds on every access.
    """
    found: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    starts = [start for start, _ in quoted]
    for cue in doc:
        k = bisect.bisect_left(starts, cue.idx) - 1
        if k >= 0 and cue.idx < quoted[k][1]:
            continue
        bounds = content_range(cue)
        if bounds is None:
            continue
        start = doc[bounds[0]].idx
        end = doc[bounds[1]].idx + len(doc[bounds[1]])
        if (start, end) in seen:
            continue
        seen.add((start, end))
        found.append(Candidate("indirect", start, end, text[start:end], cue=cue))
    return found
