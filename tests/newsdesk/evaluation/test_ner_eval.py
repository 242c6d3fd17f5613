"""`newsdesk eval ner`: reading CoNLL-2003, rebuilding text with offsets, and scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.contracts import Entity, Span
from newsdesk.evaluation.ner import Name, evaluate, predicted_names, read_conll
from tests.support import shared_path

SAMPLE = """-DOCSTART- -X- O O

Angela NNP I-NP I-PER
Merkel NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
( ( O O
France NNP I-NP I-LOC
) ) O O
, , O O
said VBD I-VP O
Reuters NNP I-NP I-ORG
. . O O

-DOCSTART- -X- O O

Leeds NNP I-NP I-ORG
Arsenal NNP I-NP B-ORG
drew VBD I-VP O
in IN I-PP O
London NNP I-NP I-LOC
's POS O O
north NN I-NP O
. . O O
"""


@pytest.fixture()
def sample(tmp_path) -> Path:
    path = tmp_path / "sample.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def names_as_text(document) -> list[tuple[str, str]]:
    return [(document.text[n.start : n.end], n.label) for n in document.names]


def test_each_docstart_opens_a_document_with_its_text_rebuilt(sample):
    first, second = read_conll(sample)
    assert first.text == "Angela Merkel visited Paris (France), said Reuters.\n"
    assert second.text == "Leeds Arsenal drew in London's north.\n"


def test_iob1_names_become_offsets_and_b_splits_adjacent_names(sample):
    first, second = read_conll(sample)
    assert names_as_text(first) == [
        ("Angela Merkel", "PER"),
        ("Paris", "LOC"),
        ("France", "LOC"),
        ("Reuters", "ORG"),
    ]
    assert names_as_text(second) == [("Leeds", "ORG"), ("Arsenal", "ORG"), ("London", "LOC")]


def test_shipped_types_map_to_conll_labels_and_misc_types_are_left_out():
    text = "the United States and Ottawa met Ann Lee of Acme, using the F-35."

    def entity(name: str, type_: str, surface: str) -> Entity:
        start = text.index(surface)
        return Entity(
            name=name,
            type=type_,
            mentions=[Span(start=start, end=start + len(surface), text=surface)],
        )

    entities = [
        entity("United States", "GPE", "the United States"),
        entity("Ann Lee", "PERSON", "Ann Lee"),
        entity("Acme", "ORG", "Acme"),
        entity("F-35", "PRODUCT", "F-35"),
    ]
    assert predicted_names(text, entities) == [
        Name(4, 17, "LOC"),
        Name(33, 40, "PER"),
        Name(44, 48, "ORG"),
    ]


def test_the_sample_is_scored_against_every_gold_name(sample):
    report = evaluate(sample)
    assert report.counts["documents"] == 2
    assert (report.counts["PER_gold"], report.counts["LOC_gold"], report.counts["ORG_gold"]) == (
        1,
        3,
        3,
    )
    assert report.counts["PER_matched"] == 1
    assert report.counts["LOC_matched"] >= 2
    assert all(0.0 <= value <= 1.0 for value in report.metrics.values())


#: Measured on the CoNLL-2003 development set (conll2003-testa), minus a margin of 0.01
#: (2026-11-26: PER 0.882, LOC 0.857, ORG 0.678, micro 0.820, people 0.896).
FLOORS = {
    "PER_f1": 0.872,
    "LOC_f1": 0.847,
    "ORG_f1": 0.668,
    "micro_f1": 0.81,
    "people_f1": 0.886,
}


@pytest.mark.golden
def test_conll_development_scores_stay_above_their_floors():
    report = evaluate(shared_path("eval", "ner", "conll2003-testa.txt"))
    assert report.counts["documents"] == 216
    below = {
        k: round(report.metrics[k], 3) for k, floor in FLOORS.items() if report.metrics[k] < floor
    }
    assert not below, f"below the pinned floors {FLOORS}: {below}"
