"""A pipeline component that corrects en_core_web_sm's entity spans where it slips in news.

It runs after `ner` and rewrites `doc.ents`, so every later step (quotes, the CoNLL
evaluation, users of the Doc) sees the corrected spans:

- model designators (S-400, F-35A, MiG-29s) and known weapon families (Patriot, Bayraktar)
  become PRODUCT, replacing whatever the statistical model made of them;
- names lose the lower-case words the model ran on into ("Interfax news agency");
- "<head> of <ORG>" is extended over the head ("Presidency of" + "Defense Industries"); an
  acronym defined in parentheses ("(SSB)") is an ORG span there and wherever it recurs
  (after a place, only when it spells the place's initials: "Regina (CP)" is the agency);
- PERSON spans lose titles, agency acronyms and scores around the name ("RCMP Cpl.",
  "4-43"), a score or "v" between two names splits them, and spans that are countries,
  end like an organisation ("Pirelli SpA") or in a plural noun ("Toronto Raptors") or
  hold a country's name ("Uganda Breweries") are relabelled;
- a census given name followed by a surname-shaped word is a PERSON the model missed or
  mislabelled ("Leah Pells" tagged ORG in a result line), unless it is part of a longer
  name or ends in an ordinary word; so are initials or an abbreviated title before a
  surname ("P. Simmons", "Sgt. Okonkwo") and a name followed by an age ("Lemieux, 42,")
  (see `names`);
- a surname that the model tagged ORG or GPE, or missed, becomes PERSON when the full
  name occurs in the same article ("Altun" after "Fahrettin Altun"), in capitals too
  ("ALTUN" in a headline);
- a place name naming a sports team (a result line, a standings row, "Surrey beat Kent")
  is an ORG throughout the article, except as a venue or a dateline (see `teams`);
- in a list of surnames ("Poilievre, Carney and Blanchet") with one of a person named in
  full, the other members are people too (see `lists`);
- a lone one-word PERSON that no full name or title backs is an ORG when it opens an
  organisation's name in the article ("Magna" after "Magna International"), a NORP when
  it names a language ("Tajik troops"), a GPE when
  it is a place ("Surrey", a capitalised dateline) and no entity when it is an ordinary
  word opening its sentence ("Attendance: 2,000") (see `lone`);
- a province or state the model split into a "person" ("Nova" of Nova Scotia) is a GPE;
- a dateline's place ("OTTAWA —", "BONN 1996-08-30") is a GPE (see `datelines`).
- a PERSON span loses a nationality or an opening "-ing" verb before the name ("Russian
  Dmitriy Bogdanov", "Describing Mr Jackson"); a "person" of several words that is a town
  ("Santa Barbara") is a GPE;
- ordinary words before an office ("Education Minister") are no ORG, and a possessive
  name before a place noun ("Queen's Park") is one FAC (see `titles`).

Rule spans win over model spans they overlap, in that order of precedence (see
`EntityRules.correct`); the model's other spans are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsdesk.entities import lexicon
from newsdesk.entities.datelines import dateline_spans
from newsdesk.entities.lists import list_people
from newsdesk.entities.lone import lone_name_fixes
from newsdesk.entities.names import given_name_spans
from newsdesk.entities.organisations import organisation_spans, without_common_words
from newsdesk.entities.people import person_fixes, surname_spans, towns_as_places
from newsdesk.entities.places import Regions
from newsdesk.entities.products import Families, designator_spans, with_model_number
from newsdesk.entities.teams import team_spans
from newsdesk.entities.titles import possessive_places, without_portfolios

COMPONENT = "newsdesk_entity_rules"


def _first_come(groups: Iterable[Iterable[Span]]) -> list[Span]:
    """Non-overlapping spans, earlier groups winning over later ones."""
    taken: set[int] = set()
    kept: list[Span] = []
    for group in groups:
        for span in group:
            if not taken.intersection(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                kept.append(span)
    return sorted(kept, key=lambda span: span.start)


class EntityRules:
    def __init__(self, nlp: Language) -> None:
        self.families = Families(nlp)
        self.regions = Regions(nlp)
        self.words = lexicon.dictionary_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = self.correct(doc)
        return doc

    def correct(self, doc: Doc) -> list[Span]:
        text = doc.text
        products = designator_spans(doc, text) + [
            with_model_number(span) for span in self.families.spans(doc)
        ]
        products = [Span(doc, s.start, s.end, label="PRODUCT") for s in filter_spans(products)]
        product_tokens = {i for span in products for i in range(span.start, span.end)}
        ents = [e for e in doc.ents if not product_tokens.intersection(range(e.start, e.end))]
        ents = person_fixes([without_common_words(e) for e in ents], self.words)
        ents = _first_come([given_name_spans(doc, text, ents, self.words), ents])
        extended, acronyms = organisation_spans(doc, text, ents)
        relabelled, found = surname_spans(doc, text, ents)
        teams = team_spans(doc, text, ents)
        regions = self.regions.spans(doc)
        datelines = dateline_spans(doc, text)
        spans = _first_come(
            [products, datelines, extended, relabelled, teams, regions, ents, acronyms, found]
        )
        spans = lone_name_fixes(list_people(doc, text, spans, self.words), self.words)
        spans = possessive_places(doc, without_portfolios(towns_as_places(spans), self.words))
        return spans


@Language.factory(COMPONENT)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules(nlp)
