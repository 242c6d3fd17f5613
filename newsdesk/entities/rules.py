"""A pipeline component that corrects en_core_web_sm's entity spans where it slips in news.

It runs after `ner` and rewrites `doc.ents`, so every later step (quotes, the CoNLL
evaluation, users of the Doc) sees the corrected spans:

- model designators (S-400, F-35A, MiG-29s) and known weapon families (Patriot, Bayraktar)
  become PRODUCT, replacing whatever the statistical model made of them;
- "<head> of <ORG>" is extended over the head ("Presidency of" + "Defense Industries"), and
  a parenthesised acronym after an organisation ("(SSB)") becomes an ORG span of its own;
- a surname that the model tagged ORG or GPE, or missed, becomes PERSON when the full
  name occurs in the same article ("Altun" after "Fahrettin Altun").

Rule spans win over model spans they overlap; the model's other spans are kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsdesk.entities import lexicon

COMPONENT = "newsdesk_entity_rules"

_DESIGNATOR = re.compile(
    r"^(?P<prefix>[A-Z][A-Za-z]{0,3})-(?P<number>\d{1,4}[A-Z]{0,2}\d?)(?:s|'s|’s)?$"
)
_MODEL_TOKEN = re.compile(r"^[A-Z]{0,3}\d{1,4}[A-Z]{0,2}\d?$")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_POSSESSIVE_TOKENS = frozenset({"'s", "’s"})
_LOCATIVE = frozenset({"in", "at", "to", "from", "near", "across", "into", "inside", "outside"})
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_RELABEL_AS_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def is_designator(text: str) -> bool:
    """True for a letter-dash-number model name such as S-400, F-35A, MiG-29s or Su-57."""
    match = _DESIGNATOR.match(text)
    return bool(match) and match["prefix"] not in lexicon.designator_stop_prefixes()


def designator_root(text: str) -> str:
    """The designator without a plural or possessive ending (`S-400s` -> `S-400`)."""
    for ending in ("'s", "’s", "s"):
        stem = text.removesuffix(ending)
        if stem != text and is_designator(text) and _DESIGNATOR.match(stem):
            return stem
    return text


def _noun_key(token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_.removesuffix("s")


def _before_product_noun(span: Span) -> bool:
    """Whether a product noun follows within two tokens ("Patriot missile batteries")."""
    doc = span.doc
    following = doc[span.end : min(span.end + 2, len(doc))]
    nouns = lexicon.product_nouns()
    return any(_noun_key(token) in nouns for token in following if not token.is_punct)


def _with_model_number(span: Span) -> Span:
    """Extend a family name over a model number that follows it ("Leopard 2", "Bayraktar TB2")."""
    doc = span.doc
    if span.end < len(doc) and _MODEL_TOKEN.match(doc[span.end].text):
        return doc[span.start : span.end + 1]
    return span


def designator_spans(doc: Doc) -> list[Span]:
    return [Span(doc, t.i, t.i + 1, label="PRODUCT") for t in doc if is_designator(t.text)]


class _Families:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.by_name = {family.name: family for family in lexicon.product_families()}
        self.matcher.add("FAMILY", [nlp.make_doc(name) for name in self.by_name])

    def spans(self, doc: Doc) -> list[Span]:
        """Family mentions that are products; an ambiguous family needs one clear use.

        One sense per article: once "Patriot batteries" shows that Patriot is the weapon,
        "to buy the Patriot" is the weapon too. Inside a longer PERSON name ("Selcuk
        Bayraktar") the family name stays part of the name unless a product noun follows.
        """
        found = [doc[start:end] for _, start, end in self.matcher(doc)]
        found = [span for span in filter_spans(found) if not _inside_person(span)]
        clear = {
            span.text
            for span in found
            if not self.by_name[span.text].ambiguous
            or _before_product_noun(span)
            or _MODEL_TOKEN.match(_next_text(span))
        }
        return [Span(doc, s.start, s.end, label="PRODUCT") for s in found if s.text in clear]


class _Regions:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("REGION", [nlp.make_doc(name) for name in lexicon.region_names()])

    def spans(self, doc: Doc) -> list[Span]:
        """Province and state names the model missed or split into a "person" ("Nova")."""
        found = filter_spans([doc[start:end] for _, start, end in self.matcher(doc)])
        kept = []
        for region in found:
            overlapping = [e for e in doc.ents if e.start < region.end and region.start < e.end]
            if all(
                e.label_ == "PERSON" and region.start <= e.start and e.end <= region.end
                for e in overlapping
            ):
                kept.append(Span(doc, region.start, region.end, label="GPE"))
        return kept


def _next_text(span: Span) -> str:
    return span.doc[span.end].text if span.end < len(span.doc) else ""


def _inside_person(span: Span) -> bool:
    ent = span.doc[span.start].ent_type_
    if ent != "PERSON" or _before_product_noun(span):
        return False
    doc = span.doc
    continues = span.end < len(doc) and doc[span.end].ent_iob_ == "I"
    return doc[span.start].ent_iob_ == "I" or continues


def _extend_over_head(ent: Span) -> Span:
    doc, start = ent.doc, ent.start
    heads = lexicon.org_heads()
    while start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in heads:
        start -= 2
    return doc[start : ent.end] if start != ent.start else ent


def _acronym_at(doc: Doc, i: int) -> Span | None:
    """The acronym in "(ACR)" when doc[i] is the opening parenthesis."""
    if (
        i + 2 < len(doc)
        and doc[i].text == "("
        and doc[i + 2].text == ")"
        and _ACRONYM.match(doc[i + 1].text)
    ):
        return doc[i + 1 : i + 2]
    return None


def _initials(tokens: Iterable) -> str:
    return "".join(
        t.text[0] for t in tokens if t.lower_ not in _CONNECTORS and t.text[:1].isupper()
    )


def _expansion_before(acronym: Span) -> Span | None:
    """A title-case name before "(ACR)" whose initials spell the acronym, when NER missed it."""
    doc = acronym.doc
    end = acronym.start - 1
    start = end
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _CONNECTORS):
        start -= 1
    while start < end and doc[start].lower_ in _CONNECTORS:
        start += 1
    for begin in range(start, end):
        candidate = doc[begin:end]
        if doc[begin].is_title and _initials(candidate) == acronym.text.replace("&", ""):
            return candidate
    return None


def organisation_spans(doc: Doc, ents: list[Span]) -> tuple[list[Span], list[Span]]:
    """Organisation spans extended over their names, and every mention of their acronyms.

    An acronym is defined by "<name> (ACR)"; after that, each bare "ACR" in the article is
    a mention too, since the model tags acronyms far less reliably than names.
    """
    extended: list[Span] = []
    for ent in ents:
        if ent.label_ == "ORG":
            wider = _extend_over_head(ent)
            if wider is not ent:
                extended.append(Span(doc, wider.start, wider.end, label="ORG"))
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    defined: dict[str, str] = {}
    for token in doc:
        acronym = _acronym_at(doc, token.i)
        if acronym is None:
            continue
        previous = next((ent for ent in ents if ent.end == token.i), None)
        if previous is not None and previous.label_ in {"ORG", "GPE", "FAC", "NORP"}:
            defined.setdefault(
                acronym.text, "ORG" if previous.label_ == "NORP" else previous.label_
            )
        elif previous is None and (name := _expansion_before(acronym)) is not None:
            extended.append(Span(doc, name.start, name.end, label="ORG"))
            defined.setdefault(acronym.text, "ORG")
    acronyms = [
        Span(doc, t.i, t.i + 1, label=defined[t.text])
        for t in doc
        if t.text in defined and t.i not in covered
    ]
    return extended, acronyms


def person_words(words: list[str]) -> list[str]:
    """A person's name words without leading titles and trailing honours ("Dr." / "QC")."""
    titles, honours = _titles(), lexicon.person_postnominals()
    words = [w for w in words if w not in _POSSESSIVE_TOKENS]
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(",") in honours:
        words = words[:-1]
    return words


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
    """A title or an agency acronym before a name: "Cpl.", "Premier", "RCMP" in a PERSON span."""
    bare = token.text.rstrip(".")
    acronym = len(bare) >= 2 and bare.isalpha() and bare.isupper()
    region = token.text in lexicon.region_abbreviations()
    return bare in _titles() or acronym or region or token.is_punct


def _fix_person(ent: Span) -> Span | None:
    """A PERSON span cleaned of slips: scores after names, titles before, non-people.

    Returns None when nothing of a name is left ("4-43", "RCMP Cpl."). All-capital names
    ("JOHN OKAFOR" in a headline) keep their words: only the lead-in before a name goes.
    """
    doc, start, end = ent.doc, ent.start, ent.end
    while end > start and (any(c.isdigit() for c in doc[end - 1].text) or doc[end - 1].is_punct):
        end -= 1
    name_start = start
    while name_start < end and _is_lead_in(doc[name_start]):
        name_start += 1
    if name_start < end:
        start = name_start
    elif any(t.text.rstrip(".") in _titles() or t.is_punct for t in doc[start:end]):
        return None
    while start > 0 and _is_initial(doc[start - 1]):
        start -= 1
    span = doc[start:end]
    if not person_words([t.text for t in span]):
        return None
    label = "PERSON"
    if lexicon.country_code(span.text) is not None:
        label = "GPE"
    elif span[0].lower_ == "the" and len(span) > 2:
        label = "ORG"
    elif span[-1].text in lexicon.name_tails():
        label = lexicon.name_tails()[span[-1].text]
    return Span(doc, start, end, label=label)


def person_fixes(ents: list[Span]) -> list[Span]:
    fixed = []
    for ent in ents:
        if ent.label_ == "PERSON":
            ent = _fix_person(ent)
        if ent is not None:
            fixed.append(ent)
    return fixed


def _is_place_use(token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


def surname_spans(doc: Doc, ents: list[Span]) -> tuple[list[Span], list[Span]]:
    """Relabelled and newly found surname mentions of the article's full-named people.

    A surname that is also a place ("Jordan", "Washington") and that the model tagged as a
    place becomes the person only where it acts ("Washington said"); "visited Jordan" and
    "in Jordan" stay places.
    """
    surnames = set()
    for ent in ents:
        words = person_words([t.text for t in ent])
        if ent.label_ == "PERSON" and len(words) >= 2:
            surnames.add(words[-1])
    places = lexicon.capitals()

    def is_place(text: str) -> bool:
        return text in places or lexicon.country_code(text) is not None

    relabelled = [
        Span(doc, ent.start, ent.end, label="PERSON")
        for ent in ents
        if ent.label_ in _RELABEL_AS_PERSON
        and ent.text in surnames
        and not (is_place(ent.text) and ent.label_ in {"GPE", "LOC"} and not _acts(ent))
    ]
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    found = [
        Span(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.text in surnames
        and t.i not in covered
        and t.pos_ in ("PROPN", "")
        and not (is_place(t.text) and _is_place_use(t))
    ]
    return relabelled, found


def _acts(ent: Span) -> bool:
    return ent.doc.has_annotation("DEP") and is_agent(ent.root)


def is_agent(root: Token) -> bool:
    """Whether a name acts or speaks: subject, possessor, or the "by" of a passive."""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in _AGENT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


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
        self.families = _Families(nlp)
        self.regions = _Regions(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = self.correct(doc)
        return doc

    def correct(self, doc: Doc) -> list[Span]:
        products = designator_spans(doc) + [
            _with_model_number(span) for span in self.families.spans(doc)
        ]
        products = [Span(doc, s.start, s.end, label="PRODUCT") for s in filter_spans(products)]
        product_tokens = {i for span in products for i in range(span.start, span.end)}
        ents = [e for e in doc.ents if not product_tokens.intersection(range(e.start, e.end))]
        ents = person_fixes(ents)
        extended, acronyms = organisation_spans(doc, ents)
        relabelled, found = surname_spans(doc, ents)
        regions = self.regions.spans(doc)
        return _first_come([products, extended, relabelled, regions, ents, acronyms, found])


@Language.factory(COMPONENT)
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules(nlp)
