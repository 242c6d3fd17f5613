"""People the small model misses: a known given name, or initials, before a surname.

en_core_web_sm misses or mislabels many full names outside running prose (result lines,
line-ups, lists) and foreign names in prose ("Leah Pells" as an ORG). A title-case given
name from the census lists followed by one or two capitalised words is a person unless
what surrounds it says otherwise: the last word is an ordinary English word that is not
also a surname ("Crystal Palace"), the first word is a place ("Cleveland Indians"), a
capitalised word before it makes it part of a longer name ("Lake Louise"), or a model
span runs on past it ("Mary Kay Cosmetics"). Initials before a surname-shaped word
("P. Simmons", "J.R. Okafor") are a person too, unless they abbreviate a place ("U.S."),
and so is a given name and a surname around a quoted nickname (Roberto "Hands of Stone"
Duran), a surname after an abbreviated title ("Sgt. Okonkwo") and a name followed by an
age ("Lemieux, 42, was arrested").
"""

from __future__ import annotations

import calendar
import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from newsdesk.entities import lexicon

#: Latin capitals and small letters with their accented forms ("Légaré", "Çelik").
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿĀ-ž"
_SURNAME = rf"[{_UP}](?:[{_LOW}]+|['’][{_UP}][{_LOW}]+)(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
#: Zero-width, so that a rejected start ("Mexican Ariel") does not hide the next ("Ariel Cruz").
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)
_CANDIDATE = re.compile(
    r"(?<![\w'’.-])(?=(?P<given>[A-Z][a-z]+)(?:-[A-Z][a-z]+)?(?: [A-Z]\.)?"
    rf" (?P<last>{_SURNAME})(?: (?P<third>{_SURNAME}))?(?![\w'’-]))"
)
#: A given name, a quoted nickname and a surname: Roberto "Hands of Stone" Duran.
_NICKNAMED = re.compile(
    r"(?<![\w'’.-])(?P<given>[A-Z][a-z]+) [\"“] ?[A-Z][^\"“”\n]{0,30}? ?[\"”]"
    rf" (?P<last>{_SURNAME})(?![\w'’-])"
)
#: An abbreviated title before a surname: "Sgt. Okonkwo", "Coun. Brockington".
_TITLED = re.compile(
    rf"(?<![\w'’.-])(?P<title>[A-Z][a-z]{{1,4}}\.) (?P<last>{_SURNAME})(?![\w'’-])"
)
#: A name with the age news gives after it: "Lemieux, 42, was arrested".
_AGED = re.compile(
    rf"(?<![\w'’.-])(?P<name>(?:[{_UP}][{_LOW}]+ ){{0,2}}(?P<last>{_SURNAME})), "
    r"(?:1[01]\d|[1-9]?\d),"
)
#: One or two initials before a surname, as scorecards and bylines write names ("P. Simmons").
_INITIALLED = re.compile(
    rf"(?<![\w'’.-])(?P<initials>(?:[A-Z]\.){{1,2}}) ?(?P<last>{_SURNAME})(?![\w'’-])"
)


def _surname_like(word: str, words: lexicon.Dictionary) -> bool:
    """Whether a capitalised word can end a person's name.

    Not a word that ends names of places and organisations ("Palace"), a place, a verb or
    adjective ("Wins", "Questioned", "Golden"), a plural noun ("Hurricanes") or a surname
    with the "s" of a shop's name ("Hortons"), unless it is a common surname ("Fields",
    "Hamilton").
    Singular nouns pass: WordNet lists famous people among them ("Seles").
    """
    if word in lexicon.name_tails() or word in lexicon.org_suffixes():
        return False
    if word.lower() in STOP_WORDS:
        return False
    if word in lexicon.surnames():
        return True
    if lexicon.is_shop_name(word):
        return False
    lower = word.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}
    forms |= {lower.removesuffix("ed"), lower.removesuffix("d"), lower.removesuffix("ing")}
    return not (
        lexicon.is_place(word) or forms.intersection(words.others) or words.is_plural_noun(word)
    )


def _name_word(word: str, words: lexicon.Dictionary) -> bool:
    """Whether a capitalised word before an age can be part of the name ("Judge", "On",
    "Monday" cannot)."""
    calendar_or_title = word in _CALENDAR or word in lexicon.person_titles()
    return not calendar_or_title and _surname_like(word, words)


def _embedded(doc: Doc, start: int) -> bool:
    """Whether a capitalised word before the name makes it part of a longer name.

    A title ("Premier"), a nationality ("Mexican") or a word opening its sentence or line
    ("Yesterday") does not.
    """
    if start == 0:
        return False
    previous = doc[start - 1]
    if not (previous.is_alpha and previous.is_title) or previous.ent_type_ == "NORP":
        return False
    if previous.text in lexicon.person_titles() or previous.i == 0:
        return False
    before = doc[previous.i - 1]
    return not (before.is_punct or before.is_space or "\n" in before.whitespace_)


def _clashes(span: Span, ents: list[Span]) -> bool:
    """Whether a model span says otherwise: a longer person, a name running on past it, a
    name with an article ("the Venice Film Festival") or a holiday ("Victoria Day")."""
    doc = span.doc
    for ent in ents:
        if ent.end <= span.start or span.end <= ent.start:
            continue
        if ent.label_ == "PERSON" and (ent.start < span.start or ent.end > span.end):
            return True
        if ent[0].lower_ == "the" or ent.label_ in {"DATE", "TIME"}:
            return True
        if ent.end > span.end and doc[span.end].is_title:
            return True
        if ent.start < span.start and doc[span.start - 1].is_title:
            return True
    return False


def _candidates(text: str, words: lexicon.Dictionary) -> list[tuple[int, int]]:
    """Character bounds of possible names: a given name, or initials, before a surname,
    unless the whole is a place's name ("Nova Scotia", "Santa Clara")."""
    given_names = lexicon.given_names()
    bounds = []
    for match in _CANDIDATE.finditer(text):
        given = match["given"]
        if given not in given_names or lexicon.is_place(given):
            continue
        if not _surname_like(match["last"], words):
            continue
        third = match["third"]
        end = match.end("third" if third and _surname_like(third, words) else "last")
        bounds.append((match.start("given"), end))
    for match in _NICKNAMED.finditer(text):
        if match["given"] in given_names and _surname_like(match["last"], words):
            bounds.append((match.start(), match.end()))
    for match in _TITLED.finditer(text):
        last = match["last"]
        titles = lexicon.person_titles()
        if match["title"] in titles and last not in titles and _surname_like(last, words):
            bounds.append((match.start("last"), match.end("last")))
    for match in _AGED.finditer(text):
        start, name = match.start("name"), match["name"]
        while name and not _name_word(name.split()[0], words):
            skipped = name.index(" ") + 1 if " " in name else len(name)
            start, name = start + skipped, name[skipped:]
        if name:
            bounds.append((start, match.end("name")))
    for match in _INITIALLED.finditer(text):
        initials = match["initials"]
        place = initials in lexicon.region_abbreviations() or lexicon.country_code(initials)
        if not place and _surname_like(match["last"], words):
            bounds.append((match.start(), match.end()))
    return sorted(bound for bound in bounds if not lexicon.is_place(text[slice(*bound)]))


def given_name_spans(
    doc: Doc, text: str, ents: list[Span], words: lexicon.Dictionary
) -> list[Span]:
    """PERSON spans for full names the model missed or labelled as something else.

    A word that is the surname of someone the model named in full is that person, not a
    given name ("Clinton White House" after "Hillary Clinton").
    """
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    found: list[Span] = []
    taken: set[int] = set()
    for start, end in _candidates(text, words):
        span = doc.char_span(start, end, label="PERSON")
        if (
            span is None
            or span[0].text in surnames
            or taken.intersection(range(span.start, span.end))
            or _embedded(doc, span.start)
            or _clashes(span, ents)
        ):
            continue
        taken.update(range(span.start, span.end))
        found.append(span)
    return found
