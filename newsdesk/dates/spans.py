"""Where the temporal expressions are in a text, and which way their sentence looks."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.dates.context import Hints, Tense
from newsdesk.dates.lexicon import key, lexicon, proper_words
from newsdesk.dates.patterns import compiled, trigger

#: Characters a rule may match before its first trigger word ("at least the past", "the
#: end of") and after its last one ("ago", "from now", "-long").
_LOOK_BEHIND, _LOOK_AHEAD = 60, 20
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
#: A date these qualify lies ahead whatever the verb ("payable Dec. 15", "effective Feb. 1").
_DUE_LEMMAS = {"payable", "effective", "due"}
_PLAN_LEMMAS = {"schedule", "plan", "expect", "set", "due", "slate", "intend", "aim"}
_AHEAD = re.compile(r"\bas (?:soon|early) as\s+$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_QUARTER = re.compile(r"\bquarter", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*")


def find_spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) offsets of temporal expressions, longest match first."""
    return longest_first(matches(text, _windows(text)))


def matches(text: str, windows: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Every rule's matches inside the given stretches of the text."""
    return {
        (found.start(), found.end())
        for start, end in windows
        for pattern in compiled().values()
        for found in pattern.finditer(text, start, end)
        if found.end() > found.start()
    }


def longest_first(candidates: set[tuple[int, int]]) -> list[tuple[int, int]]:
    taken = bytearray(max((end for _, end in candidates), default=0))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda span: (span[0] - span[1], span[0])):
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end))
    return sorted(chosen)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches around each trigger word, wide enough for any match that holds
    it, cut at word boundaries so that the rules' edge checks see what they would see
    in the whole text."""
    windows: list[tuple[int, int]] = []
    for found in trigger().finditer(text):
        start = max(0, found.start() - _LOOK_BEHIND)
        end = min(len(text), found.end() + _LOOK_AHEAD)
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def inside_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a span lies within a named entity that is not itself temporal or an event.

    A weekday is never part of a name: the small model glues it to the person before it
    ("President Bill Clinton Saturday vowed")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(key(token.text) in lexicon().weekdays for token in span):
        return False
    return all(token.ent_type_ in _NAME_LABELS for token in span)


def looks_like_a_title(text: str, start: int, end: int) -> bool:
    """Whether a span is part of a title: a word that is lower case in running text is
    capitalised after the first word ("This Week" the programme), or the first word is,
    mid-sentence ("VOA Today", "High Noon"). Month, weekday and holiday names and
    all-capital words are capitalised anyway and prove nothing."""
    words = _WORD.findall(text, start, end)
    titled = [i for i, word in enumerate(words) if _capitalised_for_no_reason(word)]
    if any(i > 0 for i in titled):
        return True
    if not titled:
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1].isalnum()


def _capitalised_for_no_reason(word: str) -> bool:
    if not word[0].isupper() or word.isupper():
        return False
    return key(word) not in proper_words()


def quarter_mentions(text: str) -> list[int]:
    """End offsets of every mention of quarters, so each span asks in O(log n)."""
    return [found.end() for found in _QUARTER.finditer(text)]


def hints_at(doc: Doc, text: str, quarters: list[int], start: int, end: int) -> Hints:
    """The sentence's tense, whether the text so far speaks of quarters (an earnings
    report), and the next word. `text` is `doc.text`, `quarters` its quarter_mentions."""
    following = _NEXT_WORD.match(text, end)
    return Hints(
        tense=tense_at(doc, start, end, text),
        quarterly=bool(quarters) and quarters[0] <= end,
        next_word=following.group(1).lower() if following else "",
    )


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
