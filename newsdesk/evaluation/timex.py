"""`newsdesk eval timex`: TempEval-3-style scores of the date extractor on TimeML files.

Each `.tml` file's <TEXT> is stripped of its XML to give the article text and the
gold TIMEX3 spans with offsets; the document creation time (the DCT TIMEX3,
functionInDocument="CREATION_TIME") is the publication date and is not scored.
Spans match when they overlap (TempEval-3 "relaxed" match, one gold per
prediction); `strict` counts exact offsets. Value accuracy is over matched spans;
value F1 counts a prediction right only when it matches a gold span and has its
value (TempEval-3 attribute F1).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsdesk.contracts import TimeExpr
from newsdesk.dates import extract_dates
from newsdesk.evaluation.report import EvalReport

_TAG = re.compile(r"<(/?)(\w+)([^>]*?)/?>", re.S)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDoc:
    name: str
    text: str
    published: dt.date | None
    timexes: list[GoldTimex]


def read_timeml(path: Path) -> TimemlDoc:
    """The plain text of a TimeML file's <TEXT>, its gold TIMEX3 spans and its DCT."""
    markup = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*)</TEXT>", markup, re.S)
    text, timexes = _strip(body.group(1) if body else "")
    return TimemlDoc(path.stem, text, _creation_date(markup), timexes)


def _creation_date(markup: str) -> dt.date | None:
    for tag in re.finditer(r"<TIMEX3\b([^>]*)>", markup):
        attributes = dict(_ATTRIBUTE.findall(tag.group(1)))
        if attributes.get("functionInDocument") == "CREATION_TIME":
            try:
                return dt.date.fromisoformat(attributes.get("value", "")[:10])
            except ValueError:
                return None
    return None


def _strip(markup: str) -> tuple[str, list[GoldTimex]]:
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(markup):
        chunk = html.unescape(markup[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif open_timex is not None:
            start, attributes = open_timex
            open_timex = None
            span_text = "".join(parts)[start:length]
            if span_text.strip():
                timexes.append(
                    GoldTimex(
                        start,
                        length,
                        span_text,
                        attributes.get("type", "DATE"),
                        attributes.get("value", ""),
                    )
                )
    parts.append(html.unescape(markup[position:]))
    return "".join(parts), timexes


def _matches(gold: list[GoldTimex], predicted: list[TimeExpr]) -> list[tuple[GoldTimex, TimeExpr]]:
    """Pair each gold span with at most one overlapping prediction, largest overlap first."""
    pairs = sorted(
        (
            (min(g.end, p.end) - max(g.start, p.start), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if min(g.end, p.end) > max(g.start, p.start)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched = []
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            matched.append((gold[gi], predicted[pi]))
    return matched


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def tml_files(path: Path) -> list[Path]:
    return [path] if path.is_file() else sorted(path.rglob("*.tml"))


def evaluate(path: Path, files: Iterable[Path] | None = None) -> EvalReport:
    """Score extract_dates on every .tml file under `path` (or on the given files)."""
    from newsdesk.pipeline import load_nlp

    documents = [read_timeml(file) for file in (files or tml_files(path))]
    nlp = load_nlp()
    gold_total = predicted_total = matched_total = strict = right_value = right_type = 0
    misses: list[str] = []
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        predicted = extract_dates(doc, document.published)
        matched = _matches(document.timexes, predicted)
        gold_total += len(document.timexes)
        predicted_total += len(predicted)
        matched_total += len(matched)
        for gold, guess in matched:
            strict += (gold.start, gold.end) == (guess.start, guess.end)
            right_type += gold.type == guess.type
            if gold.value == guess.value:
                right_value += 1
            else:
                misses.append(
                    f"{document.name}: {gold.text!r} gold {gold.type} {gold.value}, "
                    f"got {guess.text!r} {guess.type} {guess.value}"
                )
        found_gold = {id(gold) for gold, _ in matched}
        found_predicted = {id(guess) for _, guess in matched}
        misses += [
            f"{document.name}: missed {g.text!r} {g.type} {g.value}"
            for g in document.timexes
            if id(g) not in found_gold
        ]
        misses += [
            f"{document.name}: spurious {p.text!r} {p.type} {p.value}"
            for p in predicted
            if id(p) not in found_predicted
        ]
    precision = _ratio(matched_total, predicted_total)
    recall = _ratio(matched_total, gold_total)
    value_precision = _ratio(right_value, predicted_total)
    value_recall = _ratio(right_value, gold_total)
    return EvalReport(
        name=f"timex: TempEval-3-style scores on {len(documents)} TimeML files in {path}",
        metrics={
            "span_precision": precision,
            "span_recall": recall,
            "span_f1": _f1(precision, recall),
            "strict_span_f1": _f1(_ratio(strict, predicted_total), _ratio(strict, gold_total)),
            "value_accuracy": _ratio(right_value, matched_total),
            "value_precision": value_precision,
            "value_recall": value_recall,
            "value_f1": _f1(value_precision, value_recall),
            "type_accuracy": _ratio(right_type, matched_total),
        },
        counts={
            "documents": len(documents),
            "gold": gold_total,
            "predicted": predicted_total,
            "matched": matched_total,
            "strict_matched": strict,
            "value_correct": right_value,
        },
        misses=misses,
    )
