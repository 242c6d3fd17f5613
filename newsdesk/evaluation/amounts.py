"""Money extraction measured on sentences with gold values and currency names (CQE format).

The file is a JSON list of `{"text", "quantities": [{"value", "normalized_unit"}]}` without
offsets, so amounts are matched per sentence by value (relative tolerance 1e-6). A gold
quantity is money when its unit names a currency ("dollar", "pound sterling", "cent per
share"); subunits are converted to the main unit as the extractor does ("50" "cent" is 0.5
USD). Currency recall and precision also require the ISO code to agree. Percentages are
scored alongside as a check on the non-money side.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from newsdesk.amounts import extract_amounts
from newsdesk.amounts.currencies import currency_named
from newsdesk.contracts import Amount
from newsdesk.evaluation.report import EvalReport
from newsdesk.pipeline import load_nlp

#: Gold unit names that neither Babel nor our markers spell this way; None = currency unknown.
_GOLD_ALIASES: dict[str, str | None] = {
    "netherlands guilde": "NLG",
    "lao kip": "LAK",
    "mark": "DEM",
    "sen": None,
}
_PERCENT_UNITS = {"percentage", "percentage per year"}
_UNKNOWN = "?"


@dataclass(frozen=True)
class GoldAmount:
    value: float
    currency: str | None
    percent: bool = False


def read_gold(path: Path) -> list[tuple[str, list[GoldAmount]]]:
    """Sentences with their gold money and percent amounts; other quantities are left out."""
    items = json.loads(path.read_text(encoding="utf-8"))
    return [(item["text"], _gold_amounts(item["quantities"])) for item in items]


def _gold_amounts(quantities: list[dict[str, str]]) -> list[GoldAmount]:
    gold: list[GoldAmount] = []
    for quantity in quantities:
        unit = quantity["normalized_unit"].strip().lower()
        value = float(quantity["value"])
        if unit in _PERCENT_UNITS:
            gold.append(GoldAmount(value, None, percent=True))
            continue
        base = unit.split(" per ")[0]
        if base in _GOLD_ALIASES:
            gold.append(GoldAmount(value, _GOLD_ALIASES[base] or _UNKNOWN))
            continue
        marker = currency_named(base)
        if marker is not None:
            gold.append(GoldAmount(value * marker.multiplier, marker.code))
    return gold


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    value_matched: int = 0
    currency_matched: int = 0


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _match(
    text: str, gold: list[GoldAmount], predicted: list[Amount], tally: _Tally, misses: list[str]
) -> None:
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    free = list(predicted)
    for item in gold:
        same_value = [a for a in free if a.value is not None and _close(a.value, item.value)]
        if not same_value:
            misses.append(f"missed {item.value:g} {item.currency or '%'}: {text[:140]}")
            continue
        exact = [a for a in same_value if a.currency == item.currency]
        chosen = (exact or same_value)[0]
        free.remove(chosen)
        tally.value_matched += 1
        if exact:
            tally.currency_matched += 1
        else:
            misses.append(
                f"currency {chosen.currency} for {item.currency} in {chosen.text!r}: {text[:140]}"
            )
    misses.extend(
        f"spurious {a.text!r} = {a.value:g} {a.currency or a.unit}: {text[:140]}" for a in free
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def evaluate(path: Path) -> EvalReport:
    nlp = load_nlp()
    sentences = read_gold(Path(path))
    money, percent = _Tally(), _Tally()
    misses: list[str] = []
    docs = nlp.pipe(text for text, _ in sentences)
    for (text, gold), doc in zip(sentences, docs, strict=True):
        amounts = extract_amounts(doc)
        _match(
            text,
            [g for g in gold if not g.percent],
            [a for a in amounts if a.currency is not None],
            money,
            misses,
        )
        _match(
            text,
            [g for g in gold if g.percent],
            [a for a in amounts if a.unit == "percent"],
            percent,
            misses,
        )
    return EvalReport(
        name=f"amounts: money value and currency on {Path(path).name}",
        metrics={
            "money_value_recall": _ratio(money.value_matched, money.gold),
            "money_value_precision": _ratio(money.value_matched, money.predicted),
            "money_currency_recall": _ratio(money.currency_matched, money.gold),
            "money_currency_precision": _ratio(money.currency_matched, money.predicted),
            "percent_recall": _ratio(percent.value_matched, percent.gold),
            "percent_precision": _ratio(percent.value_matched, percent.predicted),
        },
        counts={
            "sentences": len(sentences),
            "gold_money": money.gold,
            "predicted_money": money.predicted,
            "money_value_matched": money.value_matched,
            "money_currency_matched": money.currency_matched,
            "gold_percent": percent.gold,
            "predicted_percent": percent.predicted,
        },
        misses=misses,
    )
