"""Names the model misreads inside a longer phrase: a portfolio before "Minister" and a
possessive name before a place noun."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsdesk.entities import lexicon

_POSSESSIVE = frozenset({"'s", "’s"})


def without_portfolios(spans: list[Span], words: lexicon.Dictionary) -> list[Span]:
    """The spans less the ORGs that are a portfolio: ordinary capitalised words right before
    an office ("Education Minister Priya Chandrasekar", "Home Secretary") belong to the
    title. A name that is no English word ("Unifor", "NATO") stays an organisation."""
    return [span for span in spans if not _portfolio(span, words)]


def _portfolio(span: Span, words: lexicon.Dictionary) -> bool:
    if span.label_ != "ORG" or span.end >= len(span.doc):
        return False
    if span.doc[span.end].text not in lexicon.office_nouns():
        return False
    return all(
        token.is_title and (token.lower_ in words or token.lower_.removesuffix("s") in words)
        for token in span
    )


def possessive_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """The spans with each possessive name before a place noun ("Queen's Park", "St
    Mary's Hospital") one FAC, replacing what the model made of its parts ("Queen")."""
    places = []
    for token in doc[1:-1]:
        name, noun = doc[token.i - 1], doc[token.i + 1]
        if token.text in _POSSESSIVE and name.is_title and noun.text in lexicon.place_nouns():
            places.append(Span(doc, name.i, noun.i + 1, label="FAC"))
    if not places:
        return spans
    taken = {i for place in places for i in range(place.start, place.end)}
    kept = [s for s in spans if not taken.intersection(range(s.start, s.end))]
    return sorted(kept + places, key=lambda span: span.start)
