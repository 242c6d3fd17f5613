"""A short extractive summary and keywords, from the parse the pipeline already made.

Summary: the lead sentence (news puts the story first) plus the sentences closest to the
article's centroid, a bag of content lemmas; a sentence never crosses a line break, so a
headline line that spaCy glues to the first sentence stays apart. Keywords: entities and
noun phrases ranked by how often and how early they occur. No model beyond the parse.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdesk.contracts import Entity
from newsdesk.entities.lexicon import person_titles

_QUOTE_OPENERS = frozenset("\"'“‘«")
_CLOSING = frozenset('"”')
_MIN_WORDS = 6
_KEYWORD_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class _Sentence:
    text: str
    tokens: tuple[Token, ...]

    @property
    def words(self) -> int:
        return sum(1 for token in self.tokens if not token.is_punct and not token.is_space)

    @property
    def is_heading(self) -> bool:
        """A line without closing punctuation: a headline, a byline, a section title."""
        return not self.text.rstrip("\"'”’»)").endswith((".", "!", "?"))


def _content(token: Token) -> str | None:
    """The word as a keyword would spell it: nouns in the singular, other words as written."""
    if token.is_stop or token.is_punct or token.is_space or token.like_num:
        return None
    if sum(ch.isalpha() for ch in token.text) < 2 or token.text.rstrip(".") in _titles():
        return None
    word = token.lemma_ if token.pos_ == "NOUN" and token.lemma_ else token.text
    return word.lower()


@functools.cache
def _titles() -> frozenset[str]:
    """Honorifics ("Mr", "Sir") are frequent and capitalised but never a keyword."""
    return frozenset(title.rstrip(".") for title in person_titles())


def sentences(doc: Doc) -> list[_Sentence]:
    """spaCy's sentences, cut again at every line break."""
    result = []
    for sent in doc.sents:
        for line in _LINE.finditer(sent.text):
            text = line.group().strip()
            if not text:
                continue
            start = sent.start_char + line.start() + len(line.group()) - len(line.group().lstrip())
            end = start + len(text)
            result.append(_Sentence(text, tuple(t for t in sent if start <= t.idx < end)))
    return _closing_quotes_back(result)


def _closing_quotes_back(found: list[_Sentence]) -> list[_Sentence]:
    """Give a sentence back the closing quotation mark that spaCy put on the next one.

    ('... to repair the relationship.' + '" The ...'): a sentence with an open quotation
    takes back a mark glued to its end; a mark opening the next line is left alone.
    """
    result: list[_Sentence] = []
    for sentence in found:
        previous = result[-1] if result else None
        mark = sentence.text[:1]
        if (
            previous is not None
            and mark in _CLOSING
            and _open_quote(previous.text)
            and _glued(previous.tokens, sentence.tokens)
        ):
            result[-1] = _Sentence(previous.text + mark, previous.tokens + sentence.tokens[:1])
            sentence = _Sentence(sentence.text[1:].lstrip(), sentence.tokens[1:])
            if not sentence.text:
                continue
        result.append(sentence)
    return result


def _glued(before: tuple[Token, ...], after: tuple[Token, ...]) -> bool:
    """Whether `after` starts right where `before` ends: no space, no line break."""
    if not before or not after:
        return False
    last = before[-1]
    return last.idx + len(last.text) == after[0].idx


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def summarize(doc: Doc, max_sentences: int = 3) -> str:
    """The lead sentence and the most central others, in article order."""
    candidates = [s for s in sentences(doc) if not s.is_heading and s.words >= _MIN_WORDS]
    if not candidates:
        candidates = sentences(doc)
    if not candidates:
        return ""
    bags = [Counter(w for t in s.tokens if (w := _content(t))) for s in candidates]
    centroid: Counter[str] = Counter()
    for bag in bags:
        centroid.update(bag)
    lead, rest = 0, range(1, len(candidates))
    ranked = sorted(
        rest,
        key=lambda i: (
            _cosine(bags[i], centroid - bags[i])
            * (0.5 if candidates[i].text[0] in _QUOTE_OPENERS else 1.0)
        ),
        reverse=True,
    )
    chosen = sorted([lead, *ranked[: max_sentences - 1]])
    return " ".join(candidates[i].text for i in chosen)


def _phrase(tokens: list[Token]) -> str | None:
    """A noun phrase as lowercase lemmas: content words only, ending in a noun."""
    words = [t for t in tokens if _content(t) and t.pos_ in _KEYWORD_POS]
    while words and words[-1].pos_ == "ADJ":
        words.pop()
    words = words[-3:]
    if not words:
        return None
    return " ".join(_content(t) or "" for t in words)


def extract_keywords(doc: Doc, entities: list[Entity], limit: int = 10) -> list[str]:
    """Up to `limit` lowercase keywords: frequent, early entities and noun phrases.

    A noun phrase scores its own count plus how common its words are in the article, so
    "transit plan" outranks a phrase met once even when each wording is counted apart.
    """
    length = max(doc[-1].idx + len(doc[-1]) if len(doc) else 0, 1)
    scores: Counter[str] = Counter()
    for entity in entities:
        first = entity.mentions[0].start / length if entity.mentions else 1.0
        scores[entity.name.lower()] += 2.0 * len(entity.mentions) + (1.0 - first)
    entity_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    frequency = Counter(w for t in doc if t.i not in entity_tokens and (w := _content(t)))
    phrases: Counter[str] = Counter()
    first_seen: dict[str, float] = {}
    for chunk in doc.noun_chunks if doc.has_annotation("DEP") else ():
        phrase = _phrase([t for t in chunk if t.i not in entity_tokens])
        if phrase is not None:
            phrases[phrase] += 1
            first_seen.setdefault(phrase, chunk.start_char / length)
    for phrase, count in phrases.items():
        words = phrase.split()
        common = sum(frequency[w] for w in words) / len(words)
        scores[phrase] += count + common + (1.0 - first_seen[phrase])
    keywords: list[str] = []
    for word, _ in scores.most_common():
        words = set(word.split())
        squeezed = re.sub(r"[\s-]", "", word)
        if any(
            words <= set(kept.split())
            or set(kept.split()) <= words
            or squeezed == re.sub(r"[\s-]", "", kept)
            for kept in keywords
        ):
            continue
        keywords.append(word)
        if len(keywords) == limit:
            break
    return keywords
