"""Direct quotations: marks from the text, cue and speaker from the parse next to them."""

from __future__ import annotations


def test_quote_before_its_attribution(quotes):
    text = '"The bridge will open in May," Mayor Ana Lopez said on Tuesday.'
    [quote] = quotes(text)
    assert quote.kind == "direct"
    assert quote.text == "The bridge will open in May,"
    assert text[quote.start : quote.end] == '"The bridge will open in May,"'
    assert quote.cue.text == "said"
    assert quote.speaker.text == "Mayor Ana Lopez"
    assert quote.speaker_name == "Ana Lopez"


def test_inverted_attribution(quotes):
    [quote] = quotes("“Nobody expected the storm to turn north,” said Daniel Okafor.")
    assert (quote.cue.text, quote.speaker.text, quote.speaker_name) == (
        "said",
        "Daniel Okafor",
        "Daniel Okafor",
    )


def test_quote_split_by_its_attribution_is_one_quote(quotes):
    text = "“We are ready,” coach Maria Silva said, “and we will play to win on Sunday.”"
    [quote] = quotes(text)
    assert quote.text == "We are ready, and we will play to win on Sunday."
    assert (quote.start, quote.end) == (0, len(text))
    assert quote.speaker_name == "Maria Silva"


def test_colon_lead_in(quotes):
    text = "Ana Lopez spoke to reporters, adding: “The funding is secured for three years.”"
    [quote] = quotes(text)
    assert quote.text == "The funding is secured for three years."
    assert quote.cue.text == "adding"
    assert quote.speaker_name == "Ana Lopez"


def test_multi_paragraph_quote_is_attributed_once(quotes):
    text = (
        "Ana Lopez said: “The first phase is finished.\n\n"
        "“The second phase starts next year and will cost more.”\n"
    )
    [quote] = quotes(text)
    assert (
        quote.text
        == "The first phase is finished.\n\nThe second phase starts next year and will cost more."
    )
    assert quote.speaker_name == "Ana Lopez"


def test_partial_quote_inside_a_sentence_is_mixed(quotes):
    text = "Ana Lopez urged the council to approve the budget “without any further delay.”"
    [quote] = quotes(text)
    assert quote.kind == "mixed"
    assert "“without any further delay.”" in quote.text
    assert quote.cue.text == "urged"
    assert quote.speaker_name == "Ana Lopez"


def test_scare_quotes_are_not_quotations(quotes):
    assert quotes("The plan, known as “Project Blue”, was shelved by the board last year.") == []


def test_unbalanced_marks_do_not_break_the_next_paragraph(quotes):
    text = (
        "The plan was “risky from the very start.\n"
        "“Prices will fall next year,” Daniel Okafor said."
    )
    [quote] = quotes(text)
    assert quote.text == "Prices will fall next year,"
    assert quote.speaker_name == "Daniel Okafor"


def test_colon_after_a_name_is_the_cue_when_there_is_no_verb(quotes):
    text = "Ana Lopez on Tuesday: “We will rebuild the bridge this year.”"
    [quote] = quotes(text)
    assert quote.cue.text == ":"
    assert quote.speaker_name == "Ana Lopez"


def test_inverted_attribution_to_an_unnamed_noun_phrase(quotes):
    [quote] = quotes("“We were never told about the plan,” said a senior council official.")
    assert quote.speaker.text == "a senior council official"
    assert quote.speaker_name is None


def test_colon_closing_the_paragraph_before_leads_in_a_block_quote(quotes):
    text = (
        "Daniel Okafor spoke to reporters after the vote. He said:\n\n"
        '"The harbour will stay open through the winter. Nobody will lose a job."\n'
    )
    [quote] = quotes(text)
    assert quote.cue.text == "said"
    assert quote.speaker.text == "He"
    assert quote.speaker_name == "Daniel Okafor"


def test_a_name_closing_a_lead_in_without_a_verb_speaks(quotes):
    text = (
        "The early lead does not surprise pollster Dana Wu: "
        "“Unknown candidates always rise after the first debate.”"
    )
    [quote] = quotes(text)
    assert (quote.cue.text, quote.speaker_name) == (":", "Dana Wu")


def test_a_barked_order_is_a_quotation(quotes):
    [quote] = quotes("“Get off my boat,” the captain barked at the reporters.")
    assert (quote.cue.text, quote.speaker.text) == ("barked", "the captain")


def test_a_short_sentence_after_an_attributed_quote_continues_its_speaker(quotes):
    text = (
        "“Every ferry on the coast is running late again,” Councillor Nadia Brooks told "
        "reporters. “We complained.”"
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "Every ferry on the coast is running late again,",
        "We complained.",
    ]
    assert [q.speaker_name for q in found] == ["Nadia Brooks", "Nadia Brooks"]


def test_a_short_quoted_term_after_an_attributed_quote_is_not_a_quotation(quotes):
    text = (
        "“Every ferry on the coast is running late again,” Councillor Nadia Brooks told "
        "reporters. The timetable was “a mess.”"
    )
    assert [q.text for q in quotes(text)] == ["Every ferry on the coast is running late again,"]


def test_a_short_sentence_quote_in_a_new_paragraph_is_not_continued(quotes):
    text = (
        "“Every ferry on the coast is running late again,” Councillor Nadia Brooks told "
        "reporters.\n\n“We apologise.” Those words hung on a sign at the terminal."
    )
    assert [q.text for q in quotes(text)] == ["Every ferry on the coast is running late again,"]


def test_several_short_sentences_after_an_attributed_quote_all_continue_it(quotes):
    text = (
        "“Every ferry on the coast is running late again,” Councillor Nadia Brooks told "
        "reporters. “We complained.” “Nobody answered.”"
    )
    found = quotes(text)
    assert [q.text for q in found][1:] == ["We complained.", "Nobody answered."]
    assert [q.speaker_name for q in found] == ["Nadia Brooks"] * 3
