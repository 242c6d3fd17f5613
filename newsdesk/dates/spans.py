"""Where the temporal expressions are in a text, and what their surroundings tell."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsdesk.dates.context import Hints
from newsdesk.dates.lexicon import alternation, key, lexicon, proper_words, results_words
from newsdesk.dates.patterns import compiled, trigger
from newsdesk.dates.tense import tense_at

#: Characters a rule may match before its first trigger word ("at least the past", "the
#: end of") and after its last one ("ago", "from now", "-long").
_LOOK_BEHIND, _LOOK_AHEAD = 60, 20
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}
_NEXT_WORD = re.compile(r"\s+(\w+)")
#: Quarter-finals and quarterbacks are sport, not fiscal quarters.
_QUARTER = re.compile(r"\bquarter(?!-?finals?|backs?)", re.IGNORECASE)
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


@dataclass(frozen=True)
class ArticleCues:
    """What the whole article tells, read once: where it first speaks of quarters, and
    whether it reports business results (a bare "the first half" is then a half-year,
    not half of a match)."""

    first_quarter_end: int | None
    results: bool


def article_cues(text: str) -> ArticleCues:
    quarter = _QUARTER.search(text)
    return ArticleCues(quarter.end() if quarter else None, bool(_results_pattern().search(text)))


@functools.cache
def _results_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(list(results_words()))})\b", re.IGNORECASE)


def hints_at(doc: Doc, text: str, cues: ArticleCues, start: int, end: int) -> Hints:
    """The sentence's tense, whether the text so far speaks of quarters (an earnings
    report), whether it reports results, and the next word. `text` is `doc.text`."""
    following = _NEXT_WORD.match(text, end)
    return Hints(
        tense=tense_at(doc, start, end, text),
        quarterly=cues.first_quarter_end is not None and cues.first_quarter_end <= end,
        results=cues.results,
        next_word=following.group(1).lower() if following else "",
    )
