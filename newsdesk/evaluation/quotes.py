"""Score quote extraction on PolNeAR (brat standoff) or on a hand-made `*.gold.json` article.

A gold quote is found (recall) when a predicted quote covers more than 30% of its content
characters, the Gender Gap Tracker's fuzzy threshold; a prediction is right (precision)
when it finds a gold quote or more than 30% of it lies inside one. On the matched pairs,
source accuracy asks whether the predicted speaker mention overlaps the gold source span
(PolNeAR) or whether the resolved name equals the gold speaker (gold JSON), and cue
accuracy whether the predicted cue overlaps the gold cue (or equals its text).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.contracts import Quote
from newsdesk.entities import extract_entities
from newsdesk.evaluation.report import EvalReport
from newsdesk.pipeline import load_nlp
from newsdesk.quotes import extract_quotes

#: A gold quote is found when a prediction covers more than this share of its characters.
COVERAGE = 0.3
_IGNORED_ROLES = frozenset({"Discard", "Discuss"})

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldQuote:
    content: Ranges
    source: Ranges = ()
    cue: Ranges = ()
    speaker: str | None = None
    cue_text: str | None = None

    def length(self) -> int:
        return sum(end - start for start, end in self.content)

    def covered_by(self, start: int, end: int) -> int:
        return sum(max(0, min(end, e) - max(start, s)) for s, e in self.content)


@dataclass
class GoldArticle:
    name: str
    text: str
    published: dt.date | None
    quotes: list[GoldQuote] = field(default_factory=list)


def _ranges(field_text: str) -> Ranges:
    pairs = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        pairs.append((int(start), int(end)))
    return tuple(pairs)


def parse_brat(ann: str) -> list[GoldQuote]:
    """The attributions of one brat .ann file that have content."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            if label not in _IGNORED_ROLES and offsets:
                spans[parts[0]] = _ranges(offsets)
        elif parts[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    quotes = []
    for roles in events:
        content = tuple(r for ref in roles.get("Content", []) for r in spans.get(ref, ()))
        if not content:
            continue
        quotes.append(
            GoldQuote(
                content=tuple(sorted(content)),
                source=tuple(r for ref in roles.get("Source", []) for r in spans.get(ref, ())),
                cue=tuple(r for ref in roles.get("Cue", []) for r in spans.get(ref, ())),
            )
        )
    return quotes


def _publication_dates(split: Path) -> dict[str, dt.date]:
    metadata = split.parent / "metadata.tsv"
    if not metadata.exists():
        return {}
    with metadata.open(encoding="utf-8", newline="") as handle:
        return {
            row["filename"]: dt.date.fromisoformat(row["publication_date"])
            for row in csv.DictReader(handle, delimiter="\t")
            if row.get("publication_date")
        }


def read_polnear(split: Path) -> Iterator[GoldArticle]:
    """Articles of a PolNeAR split; of several annotators' files the first is the gold."""
    dates = _publication_dates(split)
    annotations: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for text_path in sorted((split / "text").glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is None:
            continue
        yield GoldArticle(
            name=text_path.stem,
            text=text_path.read_text(encoding="utf-8"),
            published=dates.get(text_path.stem),
            quotes=parse_brat(ann.read_text(encoding="utf-8")),
        )


def read_gold_json(path: Path) -> GoldArticle:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
    return GoldArticle(
        name=path.name,
        text=text,
        published=dt.date.fromisoformat(gold["published"]) if gold.get("published") else None,
        quotes=[
            GoldQuote(
                content=((q["start"], q["end"]),),
                speaker=q.get("speaker"),
                cue_text=q.get("cue"),
            )
            for q in gold["quotes"]
        ],
    )


def match(gold: list[GoldQuote], predicted: list[Quote]) -> dict[int, int]:
    """Gold index -> the predicted quote that covers most of it (more than COVERAGE)."""
    matched: dict[int, int] = {}
    for g, quote in enumerate(gold):
        length = quote.length()
        shares = [
            (quote.covered_by(guess.start, guess.end) / length if length else 0.0, p)
            for p, guess in enumerate(predicted)
        ]
        best = max(shares, default=(0.0, -1))
        if best[0] > COVERAGE:
            matched[g] = best[1]
    return matched


def supported(gold: list[GoldQuote], guess: Quote) -> bool:
    """A prediction is right when it finds a gold quote or lies mostly inside one.

    The second clause keeps a quote split by its attribution (`"X," she said, "Y."`)
    from counting against precision when the gold joins both halves into one quote.
    """
    length = guess.end - guess.start
    for quote in gold:
        covered = quote.covered_by(guess.start, guess.end)
        if covered > COVERAGE * quote.length() or (length and covered > COVERAGE * length):
            return True
    return False


def _overlaps(ranges: Ranges, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _source_right(gold: GoldQuote, guess: Quote) -> bool | None:
    """None when the gold names no source, so the pair does not count."""
    if gold.speaker is not None:
        return (guess.speaker_name or "").casefold() == gold.speaker.casefold()
    if not gold.source:
        return None
    return guess.speaker is not None and _overlaps(
        gold.source, guess.speaker.start, guess.speaker.end
    )


def _cue_right(gold: GoldQuote, guess: Quote) -> bool | None:
    if gold.cue_text is not None:
        return guess.cue is not None and guess.cue.text.casefold() == gold.cue_text.casefold()
    if not gold.cue:
        return None
    return guess.cue is not None and _overlaps(gold.cue, guess.cue.start, guess.cue.end)


def _snippet(text: str, start: int, end: int, width: int = 90) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width - 3] + "..."


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    right: int = 0
    source_total: int = 0
    source_right: int = 0
    cue_total: int = 0
    cue_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, article: GoldArticle, predicted: list[Quote]) -> None:
        pairs = match(article.quotes, predicted)
        self.gold += len(article.quotes)
        self.predicted += len(predicted)
        self.matched += len(pairs)
        right = [supported(article.quotes, guess) for guess in predicted]
        self.right += sum(right)
        text = article.text
        for g, quote in enumerate(article.quotes):
            start, end = quote.content[0][0], quote.content[-1][1]
            if g not in pairs:
                self.misses.append(f"{article.name}: missed {_snippet(text, start, end)!r}")
                continue
            guess = predicted[pairs[g]]
            source = _source_right(quote, guess)
            if source is not None:
                self.source_total += 1
                self.source_right += source
                if not source:
                    want = quote.speaker or " / ".join(text[s:e] for s, e in quote.source)
                    got = guess.speaker.text if guess.speaker else None
                    self.misses.append(
                        f"{article.name}: source {got!r} ({guess.speaker_name!r}) "
                        f"instead of {want!r} for {_snippet(text, start, end, 50)!r}"
                    )
            cue = _cue_right(quote, guess)
            if cue is not None:
                self.cue_total += 1
                self.cue_right += cue
        for guess, ok in zip(predicted, right, strict=True):
            if not ok:
                self.misses.append(
                    f"{article.name}: spurious {guess.kind} "
                    f"{_snippet(text, guess.start, guess.end)!r}"
                )

    def report(self, name: str) -> EvalReport:
        precision = self.right / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return EvalReport(
            name=name,
            metrics={
                "content_precision": precision,
                "content_recall": recall,
                "content_f1": f1,
                "source_accuracy": self.source_right / self.source_total
                if self.source_total
                else 0.0,
                "cue_accuracy": self.cue_right / self.cue_total if self.cue_total else 0.0,
            },
            counts={
                "gold": self.gold,
                "predicted": self.predicted,
                "matched": self.matched,
                "predicted_right": self.right,
                "with_source": self.source_total,
                "source_right": self.source_right,
            },
            misses=self.misses,
        )


def predict(texts: list[str]) -> list[list[Quote]]:
    """What newsdesk finds in each text, parsed as the pipeline parses it."""
    nlp = load_nlp()
    return [extract_quotes(doc, extract_entities(doc)) for doc in nlp.pipe(texts, batch_size=16)]


def evaluate(path: Path, every: int = 1) -> EvalReport:
    """Score a PolNeAR split folder (every n-th article) or a `*.gold.json` article."""
    articles = [read_gold_json(path)] if path.is_file() else list(read_polnear(path))[::every]
    tally = _Tally()
    for article, predicted in zip(articles, predict([a.text for a in articles]), strict=True):
        tally.add(article, predicted)
    return tally.report(f"quotes on {path} ({len(articles)} articles)")
