"""Whatever Unicode an article carries, the store gives back exactly what it was given."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.contracts import Analysis, ArticleMeta, Entity, Quote, Span
from newsdesk.text import content_hash
from store import Store, StoreError, StoreUnavailable
from tests.store.helpers import make_analysis

# Surrogates cannot be encoded at all, and NUL is refused on purpose (test below).
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
)


def _analysis_of(text: str, name: str, title: str) -> Analysis:
    whole = Span(start=0, end=len(text), text=text)
    return Analysis(
        pipeline_version="property",
        article=ArticleMeta(id=content_hash(text), title=title),
        entities=[Entity(name=name, type="PERSON", aliases=[title], mentions=[whole])],
        quotes=[
            Quote(
                kind="direct", text=text, start=0, end=len(text), speaker=whole, speaker_name=name
            )
        ],
        summary=text,
        keywords=[name],
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=_text, name=_text, title=_text)
def test_any_unicode_round_trips(store: Store, text: str, name: str, title: str) -> None:
    analysis = _analysis_of(text, name, title)

    article_id = store.save_analysis(analysis, text)

    assert store.analysis(article_id) == analysis
    assert store.article_text(article_id) == text


@pytest.mark.parametrize("where", ["text", "title", "entity"])
def test_a_nul_character_is_refused_alike_on_every_dialect(store: Store, where: str) -> None:
    analysis = make_analysis()
    text = "before\x00after" if where == "text" else "clean text"
    if where == "title":
        analysis = analysis.model_copy(
            update={"article": analysis.article.model_copy(update={"title": "a\x00b"})}
        )
    if where == "entity":
        analysis = analysis.model_copy(
            update={"entities": [Entity(name="Nul\x00Person", type="PERSON")]}
        )

    with pytest.raises(StoreError) as raised:
        store.save_analysis(analysis, text)

    assert not isinstance(raised.value, StoreUnavailable)
    assert "NUL" in str(raised.value)
    assert store.stats()["articles"] == 0
