"""Entity extraction never raises on odd input, and every mention lies inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.entities import entity_at, extract_entities

WORDS = st.sampled_from(
    [
        "S-400s",
        "F-35",
        "Patriot",
        "(",
        ")",
        "SSB",
        "Altun",
        "Fahrettin",
        "'s",
        "’s",
        "Washington",
        "argues",
        "the",
        "U.S.",
        "Inc.",
        "Presidency",
        "of",
        "Ministry",
        "Türkiye",
        "\n",
        ".",
        ",",
        "Bayraktar",
        "TB2",
        "NATO",
        "said",
        "COVID-19",
        "The",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join),
)


@settings(max_examples=80, deadline=None)
@given(text=TEXTS)
def test_extract_entities_never_raises_and_mentions_are_in_the_text(nlp, text):
    entities = extract_entities(nlp(text))
    for entity in entities:
        assert entity.name and entity.type and entity.mentions
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text
            assert entity_at(entities, mention.start, mention.end) is not None
