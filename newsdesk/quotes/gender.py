"""Which people in an article are "he" and which are "she", learnt from the article itself.

No name lists: a person who is the only person in a sentence with "she" or "her" in it,
or who is named with "Ms." or "Mr.", shows their pronoun. That is enough to stop "she said" from
going to the man quoted just before.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}
_REFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
#: Evidence for one gender must outweigh the other this many times over.
_MARGIN = 2


def article_genders(
    doc: Doc, people: list[tuple[int, int, str]], inside_quote: Callable[[int], bool]
) -> dict[str, str]:
    """Person name -> "m" or "f" for the people the article shows clearly.

    `people` holds (start, end, canonical name) of every person mention.
    """
    votes: dict[str, Counter[str]] = {}
    sentences = list(doc.sents)
    starts = [sent.start_char for sent in sentences]
    by_sentence: dict[int, set[str]] = {}
    for start, end, name in people:
        if inside_quote(start):
            continue
        index = max(0, bisect.bisect_right(starts, start) - 1)
        by_sentence.setdefault(index, set()).add(name)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.start > 0:
            honorific = _HONORIFICS.get(doc[span.start - 1].lower_)
            if honorific:
                votes.setdefault(name, Counter())[honorific] += _MARGIN + 1
    for index, names in by_sentence.items():
        if len(names) != 1:
            continue
        [name] = names
        for token in sentences[index]:
            gender = PRONOUN_GENDER.get(token.lower_)
            # Subjects and possessives mostly refer back to the sentence's person; objects
            # ("disagreed with him") often to someone else.
            if gender and token.dep_ in _REFERRING_DEPS and not inside_quote(token.idx):
                votes.setdefault(name, Counter())[gender] += 1
    genders = {}
    for name, count in votes.items():
        if count["m"] > _MARGIN * count["f"]:
            genders[name] = "m"
        elif count["f"] > _MARGIN * count["m"]:
            genders[name] = "f"
    return genders
