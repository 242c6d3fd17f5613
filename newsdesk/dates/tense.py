"""Which way the clause around a temporal expression looks: back, ahead, or unclear."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.dates.context import Tense

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
#: A date these qualify lies ahead whatever the verb ("payable Dec. 15", "effective Feb. 1").
_DUE_LEMMAS = {"payable", "effective", "due"}
_PLAN_LEMMAS = {"schedule", "plan", "expect", "set", "due", "slate", "intend", "aim"}
_AHEAD = re.compile(r"\bas (?:soon|early) as\s+$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)


def tense_at(doc: Doc, start: int, end: int, text: str | None = None) -> Tense | None:
    """Tense of the clause that governs a span: 'past', 'future' or None when unclear.

    Plans and schedules look ahead even in the past tense ("planned to leave on
    Thursday"), and so do "as soon as", "as early as" and deadlines ("postponed until
    Tuesday"; not "had waited until Tuesday"). Needs a parsed doc; without a parser it
    answers None.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    before = (text if text is not None else doc.text)[max(0, start - 16) : start]
    if _AHEAD.search(before):
        return "future"
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        if token.lemma_ in _DUE_LEMMAS:
            return "future"
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    if _UNTIL.search(before) and not _past_perfect(token):
        return "future"
    if any(child.lower_ in _FUTURE_AUX for child in auxiliaries):
        return "future"
    if _future_in_the_past(auxiliaries):
        return "future"
    if _be_to(token, auxiliaries):
        return "future"
    if token.lemma_ in _PLAN_LEMMAS or token.head.lemma_ in _PLAN_LEMMAS:
        return "future"
    if token.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and any(child.lemma_ == "have" for child in auxiliaries):
        return "past"
    return None


def _be_to(verb: Token, auxiliaries: list[Token]) -> bool:
    """`is to resume`, `was to meet`: an arrangement, which looks ahead."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and any(child.lower_ == "to" for child in auxiliaries)
    )


def _future_in_the_past(auxiliaries: list[Token]) -> bool:
    """`said he would leave Thursday` looks ahead from the saying; `would have left` does not."""
    lowered = {child.lower_ for child in auxiliaries}
    return "would" in lowered and not lowered & {"have", "'ve"}


def _past_perfect(verb: Token) -> bool:
    """`had stayed (closed)`: the verb or the one it complements has `had`."""
    return any(
        child.dep_ == "aux" and child.lower_ == "had"
        for token in (verb, verb.head)
        for child in token.children
    )
