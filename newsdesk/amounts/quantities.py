"""Counts of things: a number that the parse attaches to the noun it counts ("13,000 workers").

Precision first: a count is reported only when it is written in digits or with a scale word
("2 million people"), or carries a qualifier ("more than 100 F-35 jets"). Small spelled-out
counts ("the two allies", "three other employees") refer to things already named more often
than they measure anything, and numbers inside dates, times and ordinals never count; nor
does a bare four-digit year ("the 1988 quarter"), a duration ("20 seconds", left to the dates
extractor) or a multiplier ("eight times faster").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.amounts.candidates import Candidate
from newsdesk.amounts.context import glued_right, is_embedded
from newsdesk.amounts.lexicon import uncounted_nouns
from newsdesk.amounts.numbers import NumberMatch

#: A count is a plain cardinal; a number inside a name ("Boeing 737", "Article 5") is not.
_COUNT_ENTITIES = {"", "CARDINAL", "QUANTITY"}
_NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"}
#: Counted things are plural: "787 Dreamliner plane" and "2200 GMT" are names and clock times.
_PLURAL_TAGS = {"NNS", "NNPS"}
_MAX_GAP = 4
#: What may stand between a number and its noun: "100 F-35 jets", "13,000 new jobs";
#: not "five times as many people".
_MODIFIERS = {"ADJ", "NOUN", "PROPN", "NUM"}
#: "two-thirds", "a 12-month deal", "777-200LR": a compound word, not a count.
_HYPHENATED = re.compile(r"[-–]\w")


def count_candidates(doc: Doc, numbers: list[NumberMatch], qualified: set[int]) -> list[Candidate]:
    """Counted-noun quantities; `qualified` are number starts with a qualifier in front."""
    found: list[Candidate] = []
    text = doc.text  # Doc.text joins every token anew: once, not once per number
    for number in numbers:
        if not _may_count(text, number, number.start in qualified):
            continue
        span = doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is None or any(token.ent_type_ not in _COUNT_ENTITIES for token in span):
            continue
        noun = _counted_noun(span[-1])
        if noun is None or noun.ent_type_ in _NOT_COUNTS or noun.lemma_ in uncounted_nouns():
            continue
        unit = doc[span[-1].i + 1 : _word_end(noun)].text.lstrip("- ")
        if unit:
            found.append(Candidate(number, number.start, number.end, number.value, unit=unit))
    return found


def _may_count(text: str, number: NumberMatch, qualified: bool) -> bool:
    if number.money_only_scale or is_embedded(text, number) or glued_right(text, number.end):
        return False
    if _HYPHENATED.match(text, number.end):
        return False
    if number.spelled:
        return number.scale is not None or qualified
    written = text[number.start : number.end]
    return not (written.isdigit() and len(written) == 4 and 1000 <= number.value <= 2100)


def _word_end(token: Token) -> int:
    """The end of the hyphenated word a token starts ("pre" -> "pre-orders"), as a token index."""
    doc, end = token.doc, token.i + 1
    while (
        end + 1 < len(doc)
        and doc[end - 1].whitespace_ == ""
        and doc[end].text in "-–"
        and doc[end].whitespace_ == ""
    ):
        end += 2
    return end


def _counted_noun(token: Token) -> Token | None:
    """The noun a number token counts: its head when the number is its numeric modifier."""
    head = token.head
    if token.dep_ != "nummod" or head.tag_ not in _PLURAL_TAGS:
        return None
    if not 0 < head.i - token.i <= _MAX_GAP:
        return None
    between = token.doc[token.i + 1 : head.i]
    if any(t.pos_ not in _MODIFIERS and t.text not in "-–" for t in between):
        return None
    if any(t.lemma_ in uncounted_nouns() for t in between):
        return None
    return head
