"""Fuzzing the whole core: any text ends in an Analysis whose spans lie in the text, or in
one of the declared errors (a NewsdeskError subclass) — never in anything else.

Arbitrary Unicode mostly stops at the input checks, so a second strategy builds
English-looking text from news words, names, quote marks, amounts and dates mixed
with arbitrary fragments, which reaches every extractor.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.contracts import Analysis, ArticleIn
from newsdesk.errors import NewsdeskError

NEWS_WORDS = [
    "the", "of", "and", "to", "that", "which", "was", "is", "said", "told", "says", "added",
    "according", "he", "she", "they", "it", "minister", "company", "Ana Ruiz", "Lars Berg",
    "Harbor Freight Lines", "the United States", "U.S.", "Ankara", "NATO", "Mr. Berg",
    "$5 million", "5 million dollars", "€1.2bn", "(about $300)", "200 jobs", "12.5%", "~40",
    "more than 3,000", "last week", "on Monday", "March 3, 2022", "2021", "next year",
    "two weeks", "every day", '"', "“", "”", "‘", "’", "'", "«", "»", ",", ".", ":", ";", "—",
    "(", ")", "\n", "\n\n", "said.", '," she said.', "told reporters", "In a statement,",
]  # fmt: skip

# Fragments without control characters, which would stop most texts at the binary check.
fragments = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=6)
english_like = st.lists(
    st.one_of(st.sampled_from(NEWS_WORDS), fragments), min_size=1, max_size=120
).map(" ".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=3_000)
published = st.one_of(st.none(), st.dates())


def spans_of(analysis: Analysis):
    for entity in analysis.entities:
        yield from entity.mentions
    for quote in analysis.quotes:
        yield from (span for span in (quote.cue, quote.speaker) if span is not None)
    yield from analysis.amounts
    yield from analysis.dates


def check(analyzer, text: str, date) -> None:
    try:
        canonical, meta = analyzer.prepare(ArticleIn(text=text, published=date))
        analysis = analyzer.analyze_doc(analyzer.nlp(canonical), meta)
    except NewsdeskError as exc:
        assert exc.code and str(exc)
        return
    Analysis.model_validate_json(analysis.model_dump_json())
    for span in spans_of(analysis):
        assert 0 <= span.start <= span.end <= len(canonical)
        assert canonical[span.start : span.end] == span.text
    for quote in analysis.quotes:
        assert 0 <= quote.start <= quote.end <= len(canonical)
        assert quote.speaker_name is None or quote.speaker_name.casefold() not in {
            "he", "she", "they", "it", "i", "we", "you",
        }  # fmt: skip
    for amount in analysis.amounts:
        assert amount.equivalent_of is None or 0 <= amount.equivalent_of < len(analysis.amounts)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=any_text, date=published)
def test_arbitrary_unicode_ends_in_an_analysis_or_a_declared_error(analyzer, text, date) -> None:
    check(analyzer, text, date)


@FUZZ
@given(text=english_like, date=published)
def test_english_looking_text_ends_in_an_analysis_or_a_declared_error(analyzer, text, date) -> None:
    check(analyzer, text, date)
