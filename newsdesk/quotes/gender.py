"""Which people in an article are "he" and which are "she".

The article shows it first: a person who is the only person in a sentence with "she" or
"her" in it, or who is named with "Ms." or "Mr.", shows their pronoun. Where the article
says nothing, a given name that the 1990 US Census gives almost only to one sex (the lists
shipped in the `names` package) decides. Either stops "she said" from going to the man
quoted just before.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from newsdesk.entities.gazetteer import census_frequencies

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}
_REFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
#: Evidence for one gender must outweigh the other this many times over.
_MARGIN = 2
#: A given name speaks for a gender when that gender bears it this many times more often.
_NAME_MARGIN = 10
#: Rarer given names (percent of their sex) are mostly other languages' names or surnames
#: (Chinese "Lu", "Li" written surname first), where the US lists say nothing reliable.
_NAME_MIN_FREQUENCY = 0.01
_CENSUS_LISTS = {"m": "dist.male.first", "f": "dist.female.first", "last": "dist.all.last"}


def _census_frequencies(gender: str) -> dict[str, float]:
    """Name (title case) -> percentage of that sex (or of everyone, for surnames) bearing it."""
    return census_frequencies(_CENSUS_LISTS[gender])


def given_name_gender(name: str) -> str | None:
    """ "m" or "f" when the first given name of `name` is clearly one sex's, else None."""
    words = name.split()
    if len(words) < 2:
        # A lone word is as often a surname ("Jordan", "Ford") as a given name.
        return None
    given = words[0].strip(".").title()
    for candidate in (given, given.split("-")[0]):
        male = _census_frequencies("m").get(candidate, 0.0)
        female = _census_frequencies("f").get(candidate, 0.0)
        if not (male or female):
            continue
        common = max(male, female)
        if common < _NAME_MIN_FREQUENCY or common <= _census_frequencies("last").get(candidate, 0):
            return None
        if male > _NAME_MARGIN * female:
            return "m"
        if female > _NAME_MARGIN * male:
            return "f"
        return None
    return None


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
    genders = {name: g for _, _, name in people if (g := given_name_gender(name)) is not None}
    for name, count in votes.items():
        if count["m"] > _MARGIN * count["f"]:
            genders[name] = "m"
        elif count["f"] > _MARGIN * count["m"]:
            genders[name] = "f"
    return genders
