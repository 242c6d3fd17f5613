"""`newsdesk eval ner`: PER/LOC/ORG precision, recall and F1 of the entity extractor on CoNLL-2003.

The CoNLL file is one token per line (`token POS chunk NER`, IOB1 tags), a blank line
between sentences and `-DOCSTART-` between documents. Each document's text is rebuilt
from its tokens (spaces between tokens except before closing punctuation and after
opening brackets, one sentence per line) with every token's character offsets, so the
real pipeline runs on text and its entity mentions are compared by offsets.

What is scored is what newsdesk ships: every mention of every entity from
`extract_entities`, labelled with its entity's resolved type (so a capital resolved to its
country counts as a location, a surname resolved to a person as a person). Labels map to
CoNLL as follows; mentions of other types count as MISC, which is not scored:

    PERSON             -> PER
    GPE, LOC, FAC      -> LOC   (CoNLL tags countries, cities, regions and sites as LOC)
    ORG                -> ORG
    NORP, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE -> MISC (not scored)

`people_*` scores the people each document mentions, the way people-mentioned counts are
reported (Gender Gap Tracker): per document, the set of distinct people, each known by
the last word of its name (case-folded), gold PER names against PERSON entities.

A leading "the" is dropped from a predicted mention, since CoNLL names never include
it ("the United States" is tagged "United States"). A mention matches a gold name only
with the same CoNLL label and exactly the same start and end (CoNLL exact match);
precision, recall and F1 are given per label and micro-averaged over PER, LOC and ORG.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.contracts import Entity
from newsdesk.evaluation.report import EvalReport

SCORED = ("PER", "LOC", "ORG")
LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", ")", "]", "}", "%", "'s", "'", "n't", "?", "!"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    label: str


@dataclass
class ConllDoc:
    text: str = ""
    names: list[Name] = field(default_factory=list)


def _names(offsets: list[tuple[int, int]], tags: list[str]) -> list[Name]:
    """Names from IOB1 tags: I-X continues X; B-X starts a new X right after another X."""
    names: list[Name] = []
    current: tuple[int, int, str] | None = None
    for (start, end), tag in zip(offsets, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if current and (prefix != "I" or label != current[2]):
            names.append(Name(*current))
            current = None
        if prefix in ("I", "B"):
            current = (current[0], end, label) if current else (start, end, label)
    if current:
        names.append(Name(*current))
    return names


def _document(sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    parts: list[str] = []
    position = 0
    names: list[Name] = []
    for sentence in sentences:
        offsets: list[tuple[int, int]] = []
        previous = ""
        for i, (token, _) in enumerate(sentence):
            if i and token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
                parts.append(" ")
                position += 1
            parts.append(token)
            offsets.append((position, position + len(token)))
            position += len(token)
            previous = token
        names += _names(offsets, [tag for _, tag in sentence])
        parts.append("\n")
        position += 1
    return ConllDoc(text="".join(parts), names=names)


def read_conll(path: Path) -> list[ConllDoc]:
    """The documents of a CoNLL-2003 file, with texts rebuilt and gold names as offsets."""
    documents: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []

    def close_document() -> None:
        if sentence:
            sentences.append(list(sentence))
            sentence.clear()
        if sentences:
            documents.append(_document(sentences))
            sentences.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            if sentence:
                sentences.append(list(sentence))
                sentence.clear()
        elif fields[0] == "-DOCSTART-":
            close_document()
        else:
            sentence.append((fields[0], fields[-1]))
    close_document()
    return documents


def predicted_names(text: str, entities: list[Entity]) -> list[Name]:
    """Every shipped mention as a CoNLL name (MISC types left out)."""
    names = []
    for entity in entities:
        label = LABEL_MAP.get(entity.type)
        if label is None:
            continue
        for mention in entity.mentions:
            start = mention.start
            if text[start : start + 4].lower() == "the " and mention.end > start + 4:
                start += 4
            names.append(Name(start, mention.end, label))
    return names


def _scores(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path) -> EvalReport:
    """Score extract_entities on a CoNLL-2003 file."""
    from newsdesk.entities import extract_entities
    from newsdesk.pipeline import load_nlp

    documents = read_conll(path)
    nlp = load_nlp()
    gold_counts: Counter[str] = Counter()
    predicted_counts: Counter[str] = Counter()
    matched_counts: Counter[str] = Counter()
    misses: list[str] = []
    people: Counter[str] = Counter()
    texts = (document.text for document in documents)
    for number, (document, doc) in enumerate(zip(documents, nlp.pipe(texts), strict=True)):
        gold = {name for name in document.names if name.label in SCORED}
        entities = extract_entities(doc)
        predicted = set(predicted_names(document.text, entities))
        gold_people = {
            _person_key(document.text[n.start : n.end]) for n in gold if n.label == "PER"
        }
        found_people = {_person_key(e.name) for e in entities if e.type == "PERSON"}
        people.update(
            gold=len(gold_people),
            predicted=len(found_people),
            matched=len(gold_people & found_people),
        )
        gold_counts.update(name.label for name in gold)
        predicted_counts.update(name.label for name in predicted)
        matched_counts.update(name.label for name in gold & predicted)
        for name in sorted(gold - predicted, key=lambda n: n.start):
            misses.append(f"doc {number}: missed {name.label} {_quote(document.text, name)}")
        for name in sorted(predicted - gold, key=lambda n: n.start):
            misses.append(f"doc {number}: spurious {name.label} {_quote(document.text, name)}")
    metrics: dict[str, float] = {}
    for label in SCORED:
        precision, recall, f1 = _scores(
            matched_counts[label], predicted_counts[label], gold_counts[label]
        )
        metrics |= {f"{label}_precision": precision, f"{label}_recall": recall, f"{label}_f1": f1}
    precision, recall, f1 = _scores(
        sum(matched_counts.values()), sum(predicted_counts.values()), sum(gold_counts.values())
    )
    metrics |= {"micro_precision": precision, "micro_recall": recall, "micro_f1": f1}
    precision, recall, f1 = _scores(people["matched"], people["predicted"], people["gold"])
    metrics |= {"people_precision": precision, "people_recall": recall, "people_f1": f1}
    counts = {"documents": len(documents)}
    for label in SCORED:
        counts |= {
            f"{label}_gold": gold_counts[label],
            f"{label}_predicted": predicted_counts[label],
            f"{label}_matched": matched_counts[label],
        }
    return EvalReport(
        name=f"ner: CoNLL-2003 exact-match PER/LOC/ORG on {len(documents)} documents in {path}",
        metrics=metrics,
        counts=counts,
        misses=misses,
    )


def _person_key(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def _quote(text: str, name: Name) -> str:
    return repr(text[name.start : name.end])
