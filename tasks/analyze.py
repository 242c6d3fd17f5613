"""`newsdesk.analyze_article`: one article in, one stored Analysis out."""

from __future__ import annotations

from newsdesk.contracts import ArticleIn
from tasks.base import JobTask
from worker import constants, resources
from worker.celery import app


@app.task(bind=True, base=JobTask, name=constants.ANALYZE_ARTICLE)
def analyze_article(self: JobTask, job_id: str, article: dict) -> dict:
    """Validate the payload, run the core, store the result with the job's success.

    The store keys the article by its content hash, so a redelivered job or the same
    article submitted twice leaves one article row.
    """
    article_in = ArticleIn.model_validate(article)
    analyzer = resources.analyzer()
    text, meta = analyzer.prepare(article_in)
    analysis = analyzer.analyze_doc(analyzer.nlp(text), meta)
    article_id = resources.store().save_result(job_id, analysis, text)
    return {
        "job_id": job_id,
        "article_id": article_id,
        "entities": len(analysis.entities),
        "quotes": len(analysis.quotes),
    }
