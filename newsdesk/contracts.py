"""The pydantic contracts between producer, worker, store and users.

Field names here are a public contract: `newsdesk analyze --json`, the store and
external tools all read them. Every span carries character offsets into the
article text that the analysis was made from (the plain text, or the text that
was extracted from the HTML).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"


class _Contract(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Contract):
    """A stretch of the article text: `text == article_text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Contract):
    name: str = Field(description="Canonical name: the fullest form found in the article.")
    type: str = Field(description="PERSON, ORG, GPE, LOC, NORP, PRODUCT, EVENT, ...")
    aliases: list[str] = Field(default_factory=list, description="Surface forms merged into it.")
    mentions: list[Span] = Field(default_factory=list)


QuoteKind = Literal["direct", "indirect", "mixed"]


class Quote(_Contract):
    kind: QuoteKind
    text: str = Field(description="The quoted or reported content, without quotation marks.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cue: Span | None = None
    speaker: Span | None = Field(default=None, description="The speaker mention as written.")
    speaker_name: str | None = Field(
        default=None, description="Canonical name of the speaker; never a pronoun."
    )


Qualifier = Literal[">", "<", "~", ">=", "<="]


class Amount(_Contract):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: float | None = None
    currency: str | None = Field(default=None, description="ISO 4217 code for money.")
    unit: str | None = Field(default=None, description="What a non-money quantity counts.")
    qualifier: Qualifier | None = None
    equivalent_of: int | None = Field(
        default=None, description="Index into `amounts` of the amount this one converts."
    )


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class TimeExpr(_Contract):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str | None = Field(default=None, description="TIMEX3 value, null when unresolvable.")


class ArticleMeta(_Contract):
    id: str = Field(description="Content hash of the normalised article text.")
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


class Analysis(_Contract):
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str
    article: ArticleMeta
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    dates: list[TimeExpr] = Field(default_factory=list)
    summary: str = ""
    keywords: list[str] = Field(default_factory=list)


class ArticleIn(_Contract):
    """An article as a producer submits it: exactly one of text, html or url."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("an article needs one of text, html or url")
        if self.text is not None and self.html is not None:
            raise ValueError("give either text or html, not both")
        return self
