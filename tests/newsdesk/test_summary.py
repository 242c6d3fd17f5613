"""Summary (lead plus the most central sentences) and keywords, on articles written for tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.entities import extract_entities
from newsdesk.summary import extract_keywords, sentences, summarize

ARTICLE = (
    "Brandon council approves transit plan\n"
    "Brandon city council approved a new transit plan on Tuesday after a long debate "
    "about bus routes and fares.\n"
    "Light snow fell across the region during the afternoon, forecasters said.\n"
    "The transit plan adds six bus routes and cuts fares for students and seniors.\n"
    '"We listened to riders," said Mayor Jeff Fawcett, who backed the transit plan.\n'
    "Council expects the new bus routes and lower fares to draw more riders to transit by "
    "next spring, and Fawcett said the plan would be reviewed in a year.\n"
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(ARTICLE)


def test_a_headline_line_is_never_glued_to_the_first_sentence(doc):
    texts = [s.text for s in sentences(doc)]
    assert texts[0] == "Brandon council approves transit plan"
    assert texts[1].startswith("Brandon city council approved")


def test_the_summary_opens_with_the_lead_not_the_headline(doc):
    assert summarize(doc).startswith("Brandon city council approved a new transit plan")
    assert "approves transit plan\n" not in summarize(doc)


def test_the_summary_adds_central_sentences_and_leaves_out_the_aside(doc):
    summary = summarize(doc, max_sentences=3)
    assert "snow" not in summary
    assert "six bus routes" in summary or "lower fares" in summary


def test_summary_sentences_are_verbatim_and_in_article_order(doc):
    summary = summarize(doc, max_sentences=3)
    picked = [s.text for s in sentences(doc) if s.text in summary]
    assert len(picked) == 3
    assert " ".join(picked) == summary
    positions = [ARTICLE.index(text) for text in picked]
    assert positions == sorted(positions)


def test_one_sentence_summaries_are_the_lead(doc):
    assert summarize(doc, max_sentences=1) == sentences(doc)[1].text


def test_empty_and_tiny_texts_summarise_without_error(nlp):
    assert summarize(nlp("")) == ""
    assert summarize(nlp("Short note")) == "Short note"


def test_keywords_are_lowercase_distinct_and_at_most_ten(doc):
    keywords = extract_keywords(doc, extract_entities(doc))
    assert 0 < len(keywords) <= 10
    assert all(k == k.lower() for k in keywords)
    assert len(set(keywords)) == len(keywords)


def test_keywords_lead_with_what_the_article_is_about(doc):
    keywords = extract_keywords(doc, extract_entities(doc))
    assert "transit plan" in keywords[:3] or "transit" in keywords[:3]
    assert "jeff fawcett" in keywords
    assert "snow" not in keywords[:5]


def test_the_keyword_limit_is_respected(doc):
    assert len(extract_keywords(doc, extract_entities(doc), limit=2)) == 2


def test_a_closing_quotation_mark_stays_with_its_sentence(nlp):
    text = (
        'The province expects fair treatment, said Lee, adding: "It would take real steps, '
        'not so-called informal talks, to repair the relationship."\n'
        '"For example, Ottawa blocked the sale."'
    )
    assert [s.text for s in sentences(nlp(text))] == [
        'The province expects fair treatment, said Lee, adding: "It would take real steps, '
        'not so-called informal talks, to repair the relationship."',
        '"For example, Ottawa blocked the sale."',
    ]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab C.\n\"”“'!? -"), max_size=120) | st.text(max_size=80)
)
def test_summary_and_keywords_never_raise_and_quote_the_text(nlp, text):
    doc = nlp(text)
    found = [s.text for s in sentences(doc)]
    assert all(sentence and sentence in text for sentence in found)
    summary = summarize(doc)
    assert summary == "" or any(summary.startswith(sentence) for sentence in found)
    keywords = extract_keywords(doc, extract_entities(doc))
    assert len(keywords) <= 10
    assert all(k == k.lower() for k in keywords)
    assert len(set(keywords)) == len(keywords)


def test_keywords_spelt_with_and_without_a_space_are_one(nlp):
    text = (
        "Time Warner said profits rose. TimeWarner shares gained. "
        "Analysts said Time Warner and TimeWarner investors were pleased."
    )
    doc = nlp(text)
    squeezed = [k.replace(" ", "") for k in extract_keywords(doc, extract_entities(doc))]
    assert len(squeezed) == len(set(squeezed))
