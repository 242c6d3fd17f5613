"""Reported speech: a cue with its complement, the complement being the content."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsdesk.quotes.indirect import content_range


def test_said_with_a_bare_complement_clause(quotes):
    [quote] = quotes("Maria Chen also said the company does not plan to close the factory.")
    assert quote.kind == "indirect"
    assert quote.text == "the company does not plan to close the factory"
    assert (quote.cue.text, quote.speaker.text) == ("said", "Maria Chen")
    assert quote.speaker_name == "Maria Chen"


def test_that_clause_excludes_the_complementizer(quotes):
    [quote] = quotes("The union argues that the new contract cuts overtime pay.")
    assert quote.text == "the new contract cuts overtime pay"
    assert (quote.cue.text, quote.speaker.text) == ("argues", "The union")


def test_content_before_the_cue(quotes):
    [quote] = quotes("The strike is over and the trains will run tomorrow, the union said.")
    assert quote.text == "The strike is over and the trains will run tomorrow"
    assert quote.speaker.text == "the union"


def test_attribution_in_the_middle_of_the_content(quotes):
    [quote] = quotes("The new rules, Maria Chen said, will take effect in January.")
    assert quote.text.startswith("The new rules")
    assert quote.text.endswith("will take effect in January")
    assert quote.speaker_name == "Maria Chen"


def test_according_to_with_a_partial_quote_is_mixed(quotes):
    text = "Maria Chen met the mayor. According to her, the city “can afford the new bridge.”"
    [quote] = quotes(text)
    assert quote.kind == "mixed"
    assert quote.cue.text == "According to"
    assert quote.text == "the city “can afford the new bridge.”"
    assert quote.speaker.text == "her"
    assert quote.speaker_name == "Maria Chen"


def test_object_and_infinitive_after_a_directive_verb(quotes):
    [quote] = quotes("Senator Paul Grant urged the ministry to publish the full report.")
    assert quote.text == "the ministry to publish the full report"
    assert quote.cue.text == "urged"
    assert quote.speaker_name == "Paul Grant"


def test_passive_cue_takes_the_agent_as_speaker(quotes):
    [quote] = quotes("Residents were told by the mayor that the water is safe to drink.")
    assert quote.text == "the water is safe to drink"
    assert quote.speaker.text == "the mayor"


def test_organisation_as_speaker(quotes):
    [quote] = quotes("The ministry said the border would reopen on Monday.")
    assert quote.speaker.text == "The ministry"
    assert quote.speaker_name is None


def test_report_nested_in_another_report_is_not_a_second_quote(quotes):
    found = quotes("Maria Chen said the auditors claimed the accounts were wrong.")
    assert [q.cue.text for q in found] == ["said"]


def test_verbs_that_report_nothing_are_not_cues(quotes):
    assert quotes("The company built a factory that makes batteries for electric cars.") == []


def test_calling_something_something_is_reported_but_calling_a_strike_is_not(quotes):
    [quote] = quotes("Daniel Okafor called the new schedule a disaster for families.")
    assert quote.text == "the new schedule a disaster for families"
    assert quote.cue.text == "called"
    assert quotes("The union called a strike for Monday.") == []
    [inquiry] = quotes("The senator called for a special prosecutor to investigate the contracts.")
    assert inquiry.text == "a special prosecutor to investigate the contracts"


def test_speech_act_with_a_noun_phrase_object(quotes):
    [quote] = quotes("The ministry denied the reports of a data breach.")
    assert quote.text == "the reports of a data breach"
    assert quote.speaker.text == "The ministry"


def test_a_clause_hung_on_the_cue_from_the_next_paragraph_is_not_its_content():
    """A missed sentence split makes the next paragraph's verb a second complement of
    "said"; the complement in the cue's own paragraph is still the content."""
    words = ["The", "town", "has", "no", "money", ",", "he", "said", ".", "\n\n"]
    words += ["Prices", "will", "rise", "."]
    heads = [1, 2, 7, 4, 2, 7, 7, 7, 7, 8, 12, 12, 7, 12]
    deps = ["det", "nsubj", "ccomp", "det", "dobj", "punct", "nsubj", "ROOT", "punct", "dep"]
    deps += ["nsubj", "aux", "ccomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "SPACE"]
    pos += ["NOUN", "AUX", "VERB", "PUNCT"]
    lemmas = ["the", "town", "have", "no", "money", ",", "he", "say", ".", "\n\n"]
    lemmas += ["price", "will", "rise", "."]
    spaces = [True] * 4 + [False, True, True, False, False, False, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    left, right = content_range(doc[7])
    assert doc[left : right + 1].text == "The town has no money"


def test_a_reporting_verb_the_model_lemmatises_wrongly_is_still_a_cue(nlp, quotes):
    text = "The mayor hopes the new bridge will open before the winter."
    assert [t.lemma_ for t in nlp(text) if t.text == "hopes"] == ["hop"]
    [quote] = quotes(text)
    assert quote.text == "the new bridge will open before the winter"
    assert quote.cue.text == "hopes"


def test_a_question_reported_with_if_is_the_content_of_ask(quotes):
    [quote] = quotes("She toured the plant and asked workers if they planned to join the strike.")
    assert quote.text == "if they planned to join the strike"
    assert quote.cue.text == "asked"
    assert quote.speaker.text == "She"


def test_a_report_inside_a_relative_clause_is_what_follows_the_cue(quotes):
    text = "The council approved the new tolls, which officials said will pay for the repairs."
    [quote] = quotes(text)
    assert quote.text == "will pay for the repairs"
    assert (quote.cue.text, quote.speaker.text) == ("said", "officials")


def test_demands_and_accusations_report_their_prepositional_content(quotes):
    [demand] = quotes("The mayor called for a ban on trucks in the old town.")
    assert (demand.text, demand.cue.text) == ("a ban on trucks", "called")
    [appeal] = quotes("The senator called on the governor to resign over the water crisis.")
    assert appeal.text == "the governor to resign over the water crisis"
    [charge] = quotes("Critics accused the ministry of hiding the report from the public.")
    assert charge.text == "the ministry of hiding the report from the public"
    assert charge.speaker.text == "Critics"
    assert quotes("The union called a strike for Monday.") == []
    [inquiry] = quotes("The senator called for a special prosecutor to investigate the contracts.")
    assert inquiry.text == "a special prosecutor to investigate the contracts"


def test_dismissing_something_as_something_is_reported_but_dismissing_staff_is_not(quotes):
    [quote] = quotes("The mayor dismissed the audit as a political stunt.")
    assert (quote.text, quote.cue.text) == ("the audit as a political stunt", "dismissed")
    assert quotes("The mayor dismissed the staff early on Friday.") == []


def test_describing_how_something_happened_reports_the_clause(quotes):
    [quote] = quotes("In her book, Maria Chen described how the mill closed in a single winter.")
    assert quote.text == "how the mill closed in a single winter"
    assert quote.speaker_name == "Maria Chen"


def test_a_warning_of_something_reports_its_object(quotes):
    [quote] = quotes("The central bank warned of a long recession in the spring.")
    assert quote.text.startswith("a long recession")
    assert (quote.cue.text, quote.speaker.text) == ("warned", "The central bank")


def test_according_to_at_a_paragraph_end_the_parser_ran_past(quotes):
    """An abbreviation's full stop hides the sentence end, so the parse hangs "according to"
    on the next paragraph; the report and its source stay in their own paragraph."""
    text = (
        "The plane is now cleared to fly again, according to the F.A.A.\n\n"
        "Most people who own aircraft do not have more than one or two.\n"
    )
    [quote] = quotes(text)
    assert quote.text == "The plane is now cleared to fly again"
    assert (quote.cue.text, quote.speaker.text) == ("according to", "F.A.A.")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # The parser makes the cue a conjunct of the reported clause instead of its head.
        (
            "Harbour master Ian Cole spoke on Monday. Officials should publish their data and "
            "not hide behind words like “maybe” and “soon”, he told reporters.",
            "Officials should publish their data and not hide behind words like “maybe” and “soon”",
            "told",
        ),
        # ... or hangs the clause's subject on the cue as a loose dependent.
        (
            "Harbour master Ian Cole spoke on Monday. Those who rent in the city struggle, "
            "even with a good salary, he said.",
            "Those who rent in the city struggle, even with a good salary",
            "said",
        ),
    ],
)
def test_a_clause_before_a_trailing_attribution_is_its_content(quotes, text, content, cue):
    [quote] = quotes(text)
    assert (quote.text, quote.cue.text, quote.speaker.text) == (content, cue, "he")
    assert quote.speaker_name == "Ian Cole"


def test_according_to_after_a_sentence_reports_all_of_it(quotes):
    text = (
        "Teenage undergraduates with no savings might not be so lucky, "
        "according to Ruth Adams, an economist."
    )
    [quote] = quotes(text)
    assert quote.text == "Teenage undergraduates with no savings might not be so lucky"
    assert quote.speaker_name == "Ruth Adams"
