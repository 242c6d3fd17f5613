"""What each stage of the core costs on top of the spaCy parse, measured side by side.

The parse and every stage run on the same articles in each round, one after the other in one
process, and each figure is the median CPU time over the rounds, so a machine busy with other
work slows both sides alike. Issue 3 budgets quote extraction at under 10% of the parse.

    python benchmarks/stage_cost.py                      # BBC corpus in ../shared, else samples
    python benchmarks/stage_cost.py --corpus DIR --articles 500 --rounds 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from importlib import resources as package_files
from pathlib import Path

from spacy.tokens import Doc

from newsdesk.amounts import extract_amounts
from newsdesk.dates import extract_dates
from newsdesk.entities import extract_entities
from newsdesk.pipeline import load_nlp
from newsdesk.quotes import extract_quotes
from newsdesk.summary import extract_keywords, summarize

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "eval" / "corpus" / "bbc"
#: The budget issue 3 sets for quote extraction, as a share of the parse.
QUOTE_BUDGET = 0.10
#: Any fixed date: the benchmark measures cost, and relative dates need one to resolve.
PUBLISHED = dt.date(2005, 6, 1)

Stage = Callable[[Doc], object]


def corpus_texts(folder: Path | None, limit: int) -> tuple[str, list[str]]:
    """Article texts from a folder of .txt files (recursively), or the bundled samples."""
    if folder is not None and folder.is_dir():
        files = [path for path in sorted(folder.rglob("*.txt")) if path.name != "README.TXT"]
        # An even spread, so that every topic folder of a corpus is represented.
        files = files[:: max(1, len(files) // limit)][:limit]
        texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
        return str(folder), texts
    samples = package_files.files("newsdesk").joinpath("samples")
    texts = [
        entry.read_text(encoding="utf-8")
        for entry in sorted(samples.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".txt")
    ]
    return "newsdesk/samples (the BBC corpus in ../shared is absent)", texts[:limit]


def stages() -> dict[str, Stage]:
    """Each stage alone; quotes get their entities outside the timed call, as in the pipeline."""
    entities_of: dict[int, list] = {}

    def entities(doc: Doc) -> object:
        entities_of[id(doc)] = found = extract_entities(doc)
        return found

    return {
        "entities": entities,
        "quotes": lambda doc: extract_quotes(doc, entities_of[id(doc)]),
        "amounts": extract_amounts,
        "dates": lambda doc: extract_dates(doc, PUBLISHED),
        "summary": summarize,
        "keywords": lambda doc: extract_keywords(doc, entities_of[id(doc)]),
    }


def measure(texts: list[str], rounds: int) -> dict[str, float]:
    """Median CPU seconds per round for the parse and for each stage over all texts."""
    nlp = load_nlp()
    timings: dict[str, list[float]] = {"parse": []}
    steps = stages()
    for name in steps:
        timings[name] = []
    for _ in range(rounds):
        started = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=16))
        timings["parse"].append(time.process_time() - started)
        for name, step in steps.items():
            started = time.process_time()
            for doc in docs:
                step(doc)
            timings[name].append(time.process_time() - started)
    return {name: statistics.median(values) for name, values in timings.items()}


def report(source: str, texts: list[str], medians: dict[str, float]) -> str:
    words = sum(len(text.split()) for text in texts)
    parse = medians["parse"]
    lines = [
        f"corpus: {source}",
        f"articles: {len(texts)}, words: {words:,}",
        f"{'stage':<10} {'cpu s':>8} {'% of parse':>11}",
        f"{'parse':<10} {parse:>8.3f} {100.0:>10.1f}%  ({words / parse:,.0f} words/s)",
    ]
    core = 0.0
    for name, seconds in medians.items():
        if name == "parse":
            continue
        core += seconds
        lines.append(f"{name:<10} {seconds:>8.3f} {100 * seconds / parse:>10.1f}%")
    lines.append(f"{'core':<10} {core:>8.3f} {100 * core / parse:>10.1f}%  (all stages)")
    quote_share = medians["quotes"] / parse
    verdict = "within" if quote_share < QUOTE_BUDGET else "OVER"
    lines.append(
        f"quotes cost {100 * quote_share:.1f}% of the parse: {verdict} the "
        f"{100 * QUOTE_BUDGET:.0f}% budget"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="folder of .txt articles (default: the BBC corpus in ../shared/eval/corpus/bbc)",
    )
    parser.add_argument("--articles", type=int, default=300, help="how many articles to use")
    parser.add_argument("--rounds", type=int, default=3, help="rounds to take the median of")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")
    source, texts = corpus_texts(args.corpus, args.articles)
    print(report(source, texts, measure(texts, args.rounds)))


if __name__ == "__main__":
    main()
