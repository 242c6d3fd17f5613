"""Within-article name resolution: mentions grouped into entities with one canonical name.

Rules, each the way news names things a second time:
- a surname or a titled name refers back to the full name ("Altun" -> "Fahrettin Altun");
- an acronym refers to the name it follows in parentheses, or whose initials it spells;
- country names and abbreviations resolve through pycountry to one short English name
  ("U.S.", "the United States", "America" -> "United States"; "Türkiye" -> "Turkey");
- a capital used as the agent of a statement or action stands for its country, and then
  does so throughout the article ("Washington argues" -> United States);
- organisations lose a leading "the" and a legal-form suffix ("Lockheed Martin Corp.");
- headline words glued to a known person's name are cut off ("Crooked Hillary Clinton"),
  and a lone one-word "person" the model tags otherwise more often takes that label.
The canonical name is the fullest form; aliases are the surface forms as written.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsdesk.contracts import Entity, Span
from newsdesk.entities import lexicon
from newsdesk.entities.people import person_words
from newsdesk.entities.places import is_agent
from newsdesk.entities.products import designator_root, is_designator

#: Entity labels worth reporting; numbers, dates and money have their own extractors.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW"}
)
_POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass
class _Mention:
    span: Span
    label: str
    key: str
    name: str
    tokens: tuple[int, int] = (0, 0)


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)


def _trimmed(ent: SpacySpan) -> SpacySpan:
    """The entity without a trailing possessive ("Demir's" -> "Demir")."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].text in _POSSESSIVES:
        end -= 1
    return ent if end == ent.end else SpacySpan(ent.doc, ent.start, end, label=ent.label_)


def _without_article(text: str) -> str:
    for article in ("the ", "The "):
        if text.startswith(article) and len(text) > len(article):
            return text[len(article) :]
    return text


def _organisation_name(text: str) -> str:
    words = _without_article(text).split()
    suffixes = lexicon.org_suffixes()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    if len(words) > 1 and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    name = " ".join(words).rstrip(",")
    if text.lower().startswith("the ") and name.endswith(lexicon.publication_heads()):
        return f"The {name}"
    return name


def _acronym_key(text: str) -> str | None:
    letters = text.replace(".", "").replace("&", "")
    if len(letters) >= 2 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _initials(name: str) -> str:
    skip = {"of", "for", "and", "on", "the", "&"}
    return "".join(w[0] for w in name.split() if w.lower() not in skip and w[:1].isupper())


class _Resolver:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ents = [
            _trimmed(ent) for ent in doc.ents if ent.label_ in ENTITY_LABELS and ent.text.strip()
        ]
        capitals = lexicon.capitals()
        self.agent_capitals = {
            ent.text for ent in self.ents if ent.text in capitals and is_agent(ent.root)
        }

    def mention(self, ent: SpacySpan) -> _Mention:
        mention = self._mention(ent)
        mention.tokens = (ent.start, ent.end)
        return mention

    def _mention(self, ent: SpacySpan) -> _Mention:
        span = Span(start=ent.start_char, end=ent.end_char, text=ent.text)
        label, text = ent.label_, ent.text
        if label == "PERSON":
            words = person_words(text.split())
            return _Mention(span, label, "person:" + " ".join(words), " ".join(words))
        if label == "PRODUCT" and is_designator(text):
            root = designator_root(text)
            return _Mention(span, label, "product:" + root.lower(), root)
        if label in {"GPE", "LOC", "ORG", "NORP"}:
            place = text.title() if text.isupper() and len(text) > 3 else text
            code = lexicon.country_code(text) if label != "NORP" else None
            if code is None and place in self.agent_capitals:
                code = lexicon.capitals()[place]
            if code is not None:
                return _Mention(span, "GPE", "country:" + code, lexicon.country_name(code))
            if place != text and place in lexicon.capitals():
                return _Mention(span, "GPE", "name:" + place.lower(), place)
        name = _organisation_name(text) if label == "ORG" else _without_article(text)
        key = _acronym_key(name) or name.lower()
        return _Mention(span, label, "name:" + key, name)

    def resolve(self) -> list[Entity]:
        mentions = [m for m in map(self.mention, self.ents) if m.name.strip()]
        people = _group_people([m for m in mentions if m.label == "PERSON"], self.doc)
        others = [m for m in mentions if m.label != "PERSON"]
        others += _reclaim_lone_names(people, others)
        clusters = people + _group_others(others, self.doc)
        entities = [_entity(cluster) for cluster in clusters]
        return sorted(entities, key=lambda entity: entity.mentions[0].start)


def _group_people(mentions: list[_Mention], doc: Doc) -> list[_Cluster]:
    """Longest names first; a shorter form joins a full name it is part of.

    When a surname fits several people ("Clinton" after Hillary and Chelsea Clinton), it
    goes to the one introduced first: news names the main figure first and tells the
    others apart by their first names.
    """
    clusters: dict[str, _Cluster] = {}
    full: list[tuple[int, list[str], _Cluster]] = []
    mentions = _without_headline_words(mentions, doc)
    for mention in sorted(mentions, key=lambda m: (-len(m.name.split()), m.span.start)):
        words = mention.name.lower().split()
        match = _person_match(words, mention.span.start, full)
        if match is None:
            match = clusters.setdefault(mention.key.lower(), _Cluster())
            if len(words) >= 2:
                full.append((mention.span.start, words, match))
        match.add(mention)
    return list(clusters.values())


def _without_headline_words(mentions: list[_Mention], doc: Doc) -> list[_Mention]:
    """Cut a name out of a longer "name" that also holds other words ("Crooked Hillary
    Clinton", "Hillary Clinton Plan" in title-case headlines) when the article also names
    that person on their own; the mention then covers the name alone.

    Words after a full name are never part of it; words before it are cut only on a
    heading line, since "Aung San Suu Kyi" is one name that holds "Suu Kyi".
    """
    names = {m.name for m in mentions if len(m.name.split()) >= 2}
    result = []
    for mention in mentions:
        inner = max(
            (n for n in names if n != mention.name and f" {n} " in f" {mention.name} "),
            key=len,
            default=None,
        )
        offset = mention.span.text.find(inner) if inner else -1
        trailing = inner is not None and not mention.name.endswith(inner)
        if offset < 0 or not (trailing or _on_heading_line(doc, mention)):
            result.append(mention)
            continue
        start = mention.span.start + offset
        span = Span(start=start, end=start + len(inner or ""), text=inner or "")
        result.append(_Mention(span, mention.label, "person:" + span.text, span.text))
    return result


def _on_heading_line(doc: Doc, mention: _Mention) -> bool:
    """Whether the mention's line is a headline: mostly capitalised, no closing stop."""
    text = doc.text
    start = text.rfind("\n", 0, mention.span.start) + 1
    end = text.find("\n", mention.span.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised >= 0.6 * len(words) and not line.endswith(".")


def _fit(words: list[str], names: list[str]) -> int:
    """How well a shorter name fits a full one: 2 surname or tail, 1 first name, 0 not."""
    if words == names or len(words) >= len(names):
        return 0
    if words == names[-len(words) :]:
        return 2
    if len(words) >= 2 and words[0] == names[0] and words[-1] == names[-1]:
        return 2
    return 1 if words == names[:1] else 0


def _person_match(
    words: list[str], start: int, full: list[tuple[int, list[str], _Cluster]]
) -> _Cluster | None:
    fits = [(_fit(words, names), position, cluster) for position, names, cluster in full]
    fits = [fit for fit in fits if fit[0]]
    if not fits:
        return None
    best = max(fit for fit, _, _ in fits)
    fits = [fit for fit in fits if fit[0] == best]
    earlier = [fit for fit in fits if fit[1] <= start]
    return min(earlier or fits, key=lambda fit: fit[1])[2]


def _reclaim_lone_names(people: list[_Cluster], others: list[_Mention]) -> list[_Mention]:
    """A lone one-word "person" the model tags otherwise more often is not a person.

    ("Everton" tagged ORG three times and PERSON once is the club each time.)
    """
    other_counts = Counter(m.span.text for m in others)
    labels = {m.span.text: m for m in others}
    moved: list[_Mention] = []
    for cluster in list(people):
        texts = {m.span.text for m in cluster.mentions}
        if len(texts) != 1 or any(len(m.name.split()) > 1 for m in cluster.mentions):
            continue
        (text,) = texts
        if other_counts[text] > len(cluster.mentions):
            people.remove(cluster)
            like = labels[text]
            moved += [
                _Mention(m.span, like.label, like.key, like.name, m.tokens)
                for m in cluster.mentions
            ]
    return moved


def _group_others(mentions: list[_Mention], doc: Doc) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for mention in mentions:
        clusters.setdefault(mention.key, _Cluster()).add(mention)
    links = {**_short_name_links(mentions), **_acronym_links(mentions, doc)}
    for short, full in links.items():
        if short in clusters and full in clusters and short != full:
            for mention in clusters.pop(short).mentions:
                clusters[full].add(mention)
    return list(clusters.values())


def _short_name_links(mentions: list[_Mention]) -> dict[str, str]:
    """Key of a company's short name -> key of its full name ("Nordane" -> "Nordane
    Construction"): the full name is the short one followed only by words that end
    organisation names, and no other organisation of the article fits."""
    tails = lexicon.name_tails()
    names = {m.key: m.name for m in mentions if m.key.startswith("name:") and m.label == "ORG"}
    links: dict[str, str] = {}
    for key, name in names.items():
        longer = [
            other
            for other, full in names.items()
            if full.startswith(name + " ")
            and all(tails.get(word) == "ORG" for word in full[len(name) + 1 :].split())
        ]
        if len(longer) == 1:
            links[key] = longer[0]
    return links


def _acronym_links(mentions: list[_Mention], doc: Doc) -> dict[str, str]:
    """Acronym key -> key of its expansion: "<name> (ACR)" first, then matching initials."""
    links: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for previous, mention in itertools.pairwise(ordered):
        between = doc[previous.tokens[1] : mention.tokens[0]]
        if len(between) == 1 and between[0].text == "(" and _acronym_key(mention.span.text):
            links.setdefault(mention.key, previous.key)
    names = {m.key: m.name for m in mentions if m.key.startswith("name:") and m.label == "ORG"}
    for key, name in names.items():
        acronym = _acronym_key(name)
        if acronym is None or key in links:
            continue
        spelled = [k for k, n in names.items() if k != key and _initials(n) == acronym]
        if len(spelled) == 1:
            links[key] = spelled[0]
    return links


def _entity(cluster: _Cluster) -> Entity:
    mentions = sorted(cluster.mentions, key=lambda m: m.span.start)
    labels = Counter(m.label for m in mentions)
    label = "PERSON" if "PERSON" in labels else labels.most_common(1)[0][0]
    name = max(
        (m.name for m in mentions),
        key=lambda n: (len(n.split()), len(n), _acronym_key(n) is None),
    )
    if any(m.key.startswith("country:") for m in mentions):
        name = next(m.name for m in mentions if m.key.startswith("country:"))
    aliases = list(dict.fromkeys(m.span.text for m in mentions))
    return Entity(name=name, type=label, aliases=aliases, mentions=[m.span for m in mentions])


def resolve_entities(doc: Doc) -> list[Entity]:
    return _Resolver(doc).resolve()
