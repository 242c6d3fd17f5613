"""Speaker labels: transcripts and headlines that give a paragraph to a name and a colon."""

from __future__ import annotations


def test_transcript_labels_in_capitals_are_the_speakers_surnames(quotes):
    text = (
        "Jake Tapper interviewed Governor Mary Fallin on Sunday.\n\n"
        "TAPPER: Do you think the nominee can heal the divisions in the country?\n\n"
        "FALLIN: I think the whole nation needs to work together on this.\n"
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "Do you think the nominee can heal the divisions in the country?",
        "I think the whole nation needs to work together on this.",
    ]
    assert [q.cue.text for q in found] == [":", ":"]
    assert [q.speaker.text for q in found] == ["TAPPER", "FALLIN"]
    assert [q.speaker_name for q in found] == ["Jake Tapper", "Mary Fallin"]


def test_headline_label_gives_the_line_to_the_person_named(quotes):
    text = "Sanders: Wall Street banks still run the economy.\n\nBernie Sanders spoke in Iowa.\n"
    [quote] = quotes(text)
    assert quote.text.startswith("Wall Street banks still run the economy")
    assert (quote.speaker.text, quote.speaker_name) == ("Sanders", "Bernie Sanders")


def test_section_labels_and_labels_with_a_verb_are_not_speakers(quotes):
    text = (
        "Maria Chen runs the port.\n\n"
        "CORRECTION: An earlier version of this story misspelled a name.\n\n"
        "Here is what we know: the port reopens on Monday at noon.\n"
    )
    assert quotes(text) == []


def test_a_source_or_role_noun_label_attributes_the_headline(quotes):
    found = quotes(
        "Poll: Most residents want the old ferry back.\n\nOfficials: The ferry is too old.\n"
    )
    assert [(q.speaker.text, q.text) for q in found] == [
        ("Poll", "Most residents want the old ferry back."),
        ("Officials", "The ferry is too old."),
    ]
