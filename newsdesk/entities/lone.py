"""One-word "people" that no full name in the article backs: places and ordinary words.

News introduces a person by full name or with a title ("President Clinton"); a lone
capitalised word the model tags PERSON is far more often something else. Two kinds are
corrected, and only when no multi-word PERSON in the article shares the word and no
mention of it follows a title:

- the first word of an organisation's name in the article is that organisation
  ("Pirelli" after "Pirelli SpA", "Magna" after "Magna International"), and so is a name
  before a company's noun ("Sagem shares", "Acme's profits") or listed with two
  organisations or more and no person ("Nokia, Sagem, Sony and Thomson");
- the name of a language is the people who speak it ("Tajik troops"), a NORP;
- a place (a country, a large city, a county or province: "Surrey", "Volgograd",
  "NOUAKCHOTT" in a dateline) becomes a GPE;
- a title on its own ("Mr. President") is no person;
- an ordinary English word that opens its sentence or line ("Attendance: 2,000",
  "Death toll rises") and is neither a given name nor a surname is no entity.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsdesk.entities import lexicon
from newsdesk.entities.people import person_words

_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "-", "—", "–"})


def _opens_sentence(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    previous = token.doc[token.i - 1]
    return previous.is_space or "\n" in previous.whitespace_ or previous.text in _OPENERS


def _company(span: Span) -> bool:
    """An organisation whose first word is its short name: "Magna International",
    "Pirelli SpA" (not "Dodd-Frank", nor a headline's "Putin's Potential Involvement")."""
    if len(span) < 2 or not span[0].is_title or not span[0].whitespace_:
        return False
    last = span[-1].text
    return last in lexicon.org_suffixes() or lexicon.name_tails().get(last) == "ORG"


def _after_title(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].text in lexicon.person_titles()


def lone_name_fixes(spans: list[Span], words: lexicon.Dictionary) -> list[Span]:
    """The spans with lone one-word PERSON places relabelled and ordinary words dropped."""
    name_words: set[str] = set()
    titled: set[str] = set()
    organisations: set[str] = set()
    for span in spans:
        if span.label_ == "ORG" and _company(span):
            organisations.add(span[0].text)
        if span.label_ != "PERSON":
            continue
        found = person_words([t.text for t in span])
        if len(found) >= 2:
            name_words.update(word.title() if word.isupper() else word for word in found)
        if _after_title(span):
            titled.add(span.text)
    labels = {i: span.label_ for span in spans for i in range(span.start, span.end)}
    fixed = []
    for span in spans:
        word = span.text.title() if span.text.isupper() else span.text
        if span.label_ != "PERSON" or len(span) != 1 or word in name_words or span.text in titled:
            fixed.append(span)
        elif word in lexicon.person_titles() or _ordinary_opening(span, word, words):
            continue
        elif (
            span.text in organisations
            or _before_company_noun(span)
            or _among_organisations(span, labels)
        ):
            fixed.append(Span(span.doc, span.start, span.end, label="ORG"))
        elif word in lexicon.language_names() and word not in lexicon.given_names():
            fixed.append(Span(span.doc, span.start, span.end, label="NORP"))
        elif lexicon.is_major_place(word) or (
            lexicon.is_place(word)
            and word not in lexicon.common_surnames()
            and word not in lexicon.given_names()
        ):
            fixed.append(Span(span.doc, span.start, span.end, label="GPE"))
        else:
            fixed.append(span)
    return fixed


def _among_organisations(span: Span, labels: dict[int, str]) -> bool:
    """A name listed with two organisations or more and no person ("Nokia, Sagem, Sony
    and Thomson"): a company among companies."""
    if not span.doc.has_annotation("DEP"):
        return False
    kinds = [labels.get(token.i, "") for token in span.root.conjuncts]
    return kinds.count("ORG") >= 2 and "PERSON" not in kinds


def _before_company_noun(span: Span) -> bool:
    """A name a company's noun follows, possessive or not ("Sagem shares fell", "Acme's
    profits"): people have no shares or profits in news."""
    doc, after = span.doc, span.end
    if after < len(doc) and doc[after].text in {"'s", "’s"}:
        after += 1
    return after < len(doc) and doc[after].lower_ in lexicon.company_nouns()


def _ordinary_opening(span: Span, word: str, words: lexicon.Dictionary) -> bool:
    """An English word, no given name or surname, that opens its sentence or line."""
    return (
        _opens_sentence(span[0])
        and any(form in words for form in (word.lower(), word.lower().removesuffix("s")))
        and word not in lexicon.surnames()
        and word not in lexicon.given_names()
        and not lexicon.is_place(word)
    )
