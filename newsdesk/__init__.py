"""newsdesk's analysis core: pure functions from an article to an Analysis.

from newsdesk import analyze
analysis = analyze("Text of the article ...", published=date(2022, 3, 23))
"""

__version__ = "0.1.0"

from newsdesk.contracts import (
    Amount,
    Analysis,
    ArticleIn,
    ArticleMeta,
    Entity,
    Quote,
    Span,
    TimeExpr,
)
from newsdesk.errors import InputError, NewsdeskError

_PIPELINE_NAMES = {"Analyzer", "analyze", "load_nlp"}


def __getattr__(name: str) -> object:
    # The pipeline imports spaCy (seconds); commands that never analyse should not pay for it.
    if name in _PIPELINE_NAMES:
        from newsdesk import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsdesk' has no attribute {name!r}")


__all__ = [
    "Amount",
    "Analysis",
    "Analyzer",
    "ArticleIn",
    "ArticleMeta",
    "Entity",
    "InputError",
    "NewsdeskError",
    "Quote",
    "Span",
    "TimeExpr",
    "__version__",
    "analyze",
    "load_nlp",
]
