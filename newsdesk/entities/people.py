"""People: PERSON spans cleaned of titles, scores and non-people; surnames found again."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from newsdesk.entities import lexicon
from newsdesk.entities.places import is_agent, is_place_use
from newsdesk.entities.search import tokens_matching, words_pattern

_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_POSSESSIVE_TOKENS = frozenset({"'s", "’s"})
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el"}
    | {"la", "le", "du", "dos", "das", "ter", "ten", "zu", "st"}
)
_QUOTES = frozenset('"“”')
_FIXTURE = frozenset({"v", "vs", "vs."})
_SEPARATORS = frozenset({"-", "–", "—", ",", ":", ";", "|", "/"}) | _FIXTURE
_RELABEL_AS_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def person_words(words: list[str]) -> list[str]:
    """A person's name words without leading titles, trailing honours ("Dr." / "QC") and
    a quoted nickname (Roberto "Hands of Stone" Duran -> Roberto Duran)."""
    titles, honours = _titles(), lexicon.person_postnominals()
    words = [w for w in _without_nickname(words) if w not in _POSSESSIVE_TOKENS]
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(",") in honours:
        words = words[:-1]
    return words


def _without_nickname(words: list[str]) -> list[str]:
    opening = next((i for i, w in enumerate(words) if w[:1] in _QUOTES), None)
    if opening is None or opening == 0:
        return words
    closing = next(
        (
            i
            for i in range(len(words) - 1, opening - 1, -1)
            if words[i][-1:] in _QUOTES and (i > opening or len(words[i]) > 1)
        ),
        None,
    )
    if closing is None or closing == len(words) - 1:
        return words
    return words[:opening] + words[closing + 1 :]


def _is_initial(token: Token) -> bool:
    return (
        bool(_INITIAL.match(token.text))
        and not token.ent_type_
        and token.text not in lexicon.region_abbreviations()
    )


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(title.rstrip(".") for title in lexicon.person_titles())


def _is_lead_in(token: Token) -> bool:
    """What comes before a name in a PERSON span: "Cpl.", "Premier", "RCMP", "a", "former".

    Lower-case words go, except the particles that begin names ("de Silva", "van Dyke").
    """
    bare = token.text.rstrip(".")
    acronym = len(bare) >= 2 and bare.isalpha() and bare.isupper()
    region = token.text in lexicon.region_abbreviations()
    lower = token.is_lower and token.lower_ not in _NAME_PARTICLES
    return bare in _titles() or acronym or region or lower or token.is_punct


def _is_not_name(token: Token) -> bool:
    """A capitalised word before a name that is no part of it: a nationality ("Russian
    Dmitriy Bogdanov") or a sentence's opening verb ("Describing Mr Jackson, she said").
    Words that are also given names or surnames stay ("German Efromovich")."""
    text = token.text
    if text in lexicon.given_names() or text in lexicon.surnames():
        return False
    gerund = token.pos_ == "VERB" and token.lower_.endswith("ing")
    return gerund or text in lexicon.demonyms()


def _one_name(ent: Span) -> tuple[int, int]:
    """Token bounds of the one name in a span that runs across a list or a nickname.

    A free-standing separator (spaced dash, comma, colon, line break) ends what came before
    ("Sri Lanka - Arjuna Ranatunga"), when a name follows it; a hyphen inside a name
    ("Lewis-Francis") is not one. A number between names is a score ("Leeds 2 Hull"), a
    separator too, as is "v" in a fixture. A quotation mark or bracket starts a nickname
    or an aside, which ends the name (Roberto "Hands of Stone" Duran).
    """
    doc, start, end = ent.doc, ent.start, ent.end
    for token in ent[1:-1]:
        if token.is_quote or token.is_bracket:
            end = token.i
            break
        spaced = bool(token.whitespace_ or doc[token.i - 1].whitespace_)
        separator = token.is_space or token.is_digit or (token.text in _SEPARATORS and spaced)
        if separator and any(t.is_alpha for t in doc[token.i + 1 : ent.end]):
            start = token.i + 1
    return start, max(start, end)


def _trailing_slip(token: Token) -> bool:
    """A score, a stop, a line break or a fixture's "v" the model ran on into after a name."""
    return (
        any(c.isdigit() for c in token.text)
        or token.is_punct
        or token.is_space
        or token.text in _FIXTURE
    )


def _fix_person(ent: Span, words: lexicon.Dictionary) -> Span | None:
    """A PERSON span cleaned of slips: scores after names, titles before, non-people.

    Returns None when nothing of a name is left ("4-43", "RCMP Cpl.", a lone letter: "X.").
    All-capital names ("JOHN OKAFOR" in a headline) keep their words: only the lead-in
    before a name goes.
    """
    if ent[0].lower_ == "the" and len(ent) > 2:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    doc, (start, end) = ent.doc, _one_name(ent)
    while end > start and _trailing_slip(doc[end - 1]):
        end -= 1
    if _town(doc[start:end]):
        return Span(doc, start, end, label="GPE")
    name_start = start
    while name_start < end and (
        _is_lead_in(doc[name_start]) or (name_start < end - 1 and _is_not_name(doc[name_start]))
    ):
        name_start += 1
    if name_start < end:
        start = name_start
    elif not all(t.is_alpha and t.is_upper for t in doc[start:end]):
        return None
    while start > 0 and _is_initial(doc[start - 1]):
        start -= 1
    span = doc[start:end]
    name = person_words([t.text for t in span])
    if not name or all(len(word.rstrip(".")) == 1 for word in name):
        return None
    label = "PERSON"
    if lexicon.country_code(span.text) is not None:
        label = "GPE"
    elif span.text in lexicon.person_misreadings():
        label = lexicon.person_misreadings()[span.text]
    elif span[-1].text in lexicon.name_tails():
        label = lexicon.name_tails()[span[-1].text]
    elif len(span) > 1 and (
        span[-1].text in lexicon.org_suffixes()
        or any(_place_not_name(t.text) for t in span)
        or (span[0].text not in lexicon.given_names() and _plural_not_name(span[-1].text, words))
    ):
        label = "ORG"
    return Span(doc, start, end, label=label)


def _town(span: Span) -> bool:
    """A name of several words that is a town's or a region's ("Santa Barbara", "Tamil
    Nadu"), unless it reads as a given name and a surname that is no given name too: many
    towns are named for people ("Benito Juarez"), fewer for two given names."""
    words = [t.text for t in span]
    if len(words) < 2 or not (lexicon.is_town(span.text) or lexicon.is_place(span.text)):
        return False
    given, surnames = lexicon.given_names(), lexicon.surnames()
    return not (words[0] in given and words[-1] in surnames and words[-1] not in given)


def towns_as_places(spans: list[Span]) -> list[Span]:
    """The spans with "people" of several words that are towns ("Santa Barbara") as GPEs;
    last, since the given-name rule reads "Santa Barbara" as a name too."""
    return [
        Span(span.doc, span.start, span.end, label="GPE")
        if span.label_ == "PERSON" and _town(span)
        else span
        for span in spans
    ]


def _plural_not_name(word: str, words: lexicon.Dictionary) -> bool:
    """A plural noun that is no surname ends a team's or a company's name ("Toronto
    Raptors", "Pirelli Cables"), not a person's ("Fields" is a surname); a given name
    before it says person ("Chris Shays")."""
    return words.is_plural_noun(word) and word not in lexicon.surnames()


def _place_not_name(word: str) -> bool:
    """A country's name that is neither a given name nor a surname: in a longer name it
    makes a company or a club ("Bangladesh Lamps"), not a person. (Cities are left out:
    too many foreign names are also towns, "Wang Donghai".)"""
    if not word[:1].isupper() or word in lexicon.given_names() or word in lexicon.surnames():
        return False
    return lexicon.country_code(word) is not None


def person_fixes(ents: list[Span], words: lexicon.Dictionary) -> list[Span]:
    fixed = []
    for ent in ents:
        if ent.label_ == "PERSON":
            ent = _fix_person(ent, words)
        if ent is not None:
            fixed.append(ent)
    return fixed


def surname_spans(doc: Doc, text: str, ents: list[Span]) -> tuple[list[Span], list[Span]]:
    """Relabelled and newly found surname mentions of the article's full-named people.

    A name word the model tagged as something else is relabelled when it is the last or
    the first word of a full name (family names come first in Chinese or Korean names:
    "Wang" after "Wang Junxia"); untagged tokens are taken only for last words, since
    first names ("Mark", "Bill") are ordinary words too often. A name that is also a place
    ("Jordan", "Washington") and that the model tagged as a place becomes the person only
    where it acts ("Washington said"); "visited Jordan" and "in Jordan" stay places.
    Headlines and bylines in capitals name the same people ("SHEARER", "ROBERTO DURAN").
    """
    surnames: set[str] = set()
    name_words: set[str] = set()
    for ent in ents:
        words = person_words([t.text for t in ent])
        if ent.label_ == "PERSON" and len(words) >= 2:
            surnames.add(words[-1])
            name_words.update((words[0], words[-1]))
    places = lexicon.capitals()

    def is_place(name: str) -> bool:
        return name in places or lexicon.country_code(name) is not None

    capitals = {word.upper() for word in name_words if not word.isupper()}
    relabelled = [
        Span(doc, ent.start, ent.end, label="PERSON")
        for ent in ents
        if ent.label_ in _RELABEL_AS_PERSON
        and (ent.text in name_words or all(t.text in capitals for t in ent))
        and not (is_place(ent.text) and ent.label_ in {"GPE", "LOC"} and not _acts(ent))
    ]
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    pattern = words_pattern(surnames | {word.upper() for word in surnames})
    found = [
        _with_capitalised_given_name(t, capitals, covered)
        for t in (tokens_matching(doc, text, pattern) if pattern else ())
        if t.i not in covered
        and t.pos_ in ("PROPN", "")
        and not (is_place(t.text) and is_place_use(t))
    ]
    return relabelled, found


def _with_capitalised_given_name(token: Token, capitals: set[str], covered: set[int]) -> Span:
    """A surname's PERSON span, over the given name before it in a capitalised headline
    ("ROBERTO DURAN" once the article has named Roberto Duran)."""
    start = token.i
    if token.is_upper and start > 0 and start - 1 not in covered:
        previous = token.doc[start - 1]
        if previous.text in capitals:
            start -= 1
    return Span(token.doc, start, token.i + 1, label="PERSON")


def _acts(ent: Span) -> bool:
    return ent.doc.has_annotation("DEP") and is_agent(ent.root)
