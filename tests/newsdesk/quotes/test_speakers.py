"""Speakers: the mention as written, and a canonical name that is never a pronoun."""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.contracts import Entity, Quote, Span
from newsdesk.quotes import extract_quotes
from newsdesk.quotes.cues import lexicon
from newsdesk.quotes.gender import given_name_gender
from newsdesk.quotes.speakers import mention_extent


def names(found: list[Quote]) -> list[str | None]:
    return [quote.speaker_name for quote in found]


def test_pronoun_resolves_to_the_person_before_it(quotes):
    found = quotes("Maria Chen opened the new clinic. “It serves the whole valley,” she said.")
    assert [q.speaker.text for q in found] == ["she"]
    assert names(found) == ["Maria Chen"]


def test_speaker_continuity_survives_a_person_named_inside_a_subordinate_clause(quotes):
    text = (
        "“The market is calm,” said Daniel Okafor, recalling that former governor Ruth Adams "
        "had predicted a crash.\n"
        "“Nobody is selling in a panic,” he said."
    )
    assert names(quotes(text))[-1] == "Daniel Okafor"


def test_a_new_main_clause_subject_takes_over_the_pronoun(quotes):
    text = (
        "“The market is calm,” Daniel Okafor said.\n"
        "Ruth Adams disagreed with him at the meeting.\n"
        "“Prices are far too high,” she said."
    )
    assert names(quotes(text)) == ["Daniel Okafor", "Ruth Adams"]


def test_role_noun_resolves_to_the_person_given_that_role(quotes):
    text = (
        "Finance Minister Maria Chen presented the budget on Monday.\n"
        "The minister said taxes would not rise this year."
    )
    [quote] = quotes(text)
    assert quote.speaker.text == "The minister"
    assert quote.speaker_name == "Maria Chen"


def test_surname_resolves_to_the_full_name(quotes):
    text = "Maria Chen presented the budget on Monday.\nChen said taxes would not rise this year."
    [quote] = quotes(text)
    assert (quote.speaker.text, quote.speaker_name) == ("Chen", "Maria Chen")


def test_unresolvable_pronoun_leaves_the_name_empty(quotes):
    [quote] = quotes("“The roads are closed until noon,” he said.")
    assert quote.speaker.text == "he"
    assert quote.speaker_name is None


def test_the_entity_list_supplies_the_canonical_name(nlp):
    """Whatever the entity work merged (here a surname mapped by hand) is the name used."""
    text = "Okafor said the harbour would reopen next week."
    doc = nlp(text)
    entity = Entity(
        name="Daniel Okafor",
        type="PERSON",
        aliases=["Daniel Okafor", "Okafor"],
        mentions=[Span(start=0, end=6, text="Okafor")],
    )
    [quote] = extract_quotes(doc, [entity])
    assert quote.speaker_name == "Daniel Okafor"


def test_names_are_never_pronouns(quotes):
    text = (
        "“We will appeal,” they said. “I am confident,” he said. "
        "According to her, the deal “is dead.”"
    )
    for quote in quotes(text):
        assert quote.speaker_name is None or quote.speaker_name.lower() not in {
            "he",
            "she",
            "they",
            "her",
            "him",
            "i",
            "we",
        }


def test_the_cue_lexicon_is_data_with_known_frames():
    words = lexicon()
    assert {"say", "tell", "add", "write", "argue", "insist", "stress"} <= set(words.verbs)
    assert {"urge", "warn", "claim", "note"} <= set(words.verbs)
    assert ("according", "to") in words.phrases
    assert "official" in words.roles and "minister" in words.roles


def test_pronoun_skips_a_person_of_the_other_gender(quotes):
    text = (
        "Ruth Adams runs the harbour authority, and she has held the post since 2019.\n"
        "Daniel Okafor leads the dockworkers' union, and he called a strike last week.\n"
        "“We cannot accept the new shifts,” Okafor said.\n"
        "“The shifts are not negotiable,” she said."
    )
    assert names(quotes(text)) == ["Daniel Okafor", "Ruth Adams"]


def test_an_unnamed_spokesman_is_not_given_the_previous_speaker_name(quotes):
    text = (
        "“The plan is unfair,” said Daniel Okafor.\n"
        "A government spokesman said the plan was fair.\n"
        "The spokesman said the talks would resume on Friday.\n"
        "“Nobody has been left out,” he added."
    )
    found = quotes(text)
    assert names(found) == ["Daniel Okafor", None, None, None]
    assert [q.speaker.text for q in found][1:] == ["A government spokesman", "The spokesman", "he"]


def test_place_in_a_role_phrase_is_not_the_speaker(quotes):
    text = "Hazel Blears spoke on Monday. The threat is serious, the Salford MP told the BBC."
    [quote] = quotes(text)
    assert quote.speaker.text == "the Salford MP"
    assert quote.speaker_name == "Hazel Blears"


def test_name_closing_a_role_phrase_is_the_speaker(quotes):
    text = "“The squad is fit,” said the club's director of rugby Rob Andrew."
    [quote] = quotes(text)
    assert quote.speaker_name == "Rob Andrew"


def test_continuity_carries_an_unnamed_speaker_past_a_clause_of_the_attribution(quotes):
    text = (
        "“We will rebuild the pier,” the harbour master told reporters when asked about "
        "the storm. “It will take a year.”"
    )
    found = quotes(text)
    assert [q.speaker.text if q.speaker else None for q in found if q.kind == "direct"] == [
        "the harbour master",
        "the harbour master",
    ]


def test_a_participle_cue_takes_its_head_clause_subject_not_the_content_subject(quotes):
    text = "Maria Chen criticised the mayor, saying he would close three clinics."
    [quote] = quotes(text)
    assert quote.text == "he would close three clinics"
    assert quote.speaker.text == "Maria Chen"
    assert quote.speaker_name == "Maria Chen"


def test_a_name_closing_the_quotation_is_not_the_speaker(nlp, quotes):
    """The parser makes both "Ottawa" and "Okafor" subjects of "said"; the nearer speaks."""
    text = "“Like Toronto. Or Ottawa,” Okafor said."
    [said] = [t for t in nlp(text) if t.text == "said"]
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Ottawa", "Okafor"]
    [quote] = quotes(text)
    assert quote.speaker.text == "Okafor"


def test_a_participle_after_a_preposition_takes_the_subject_of_the_clause(quotes):
    found = quotes(
        "Maria Chen explained the decision by saying: “We had no money left for the ferry.”\n\n"
        "After saying he was nervous, the fisherman asked about the new quota."
    )
    assert [(q.cue.text, q.speaker.text) for q in found if q.cue.text == "saying"] == [
        ("saying", "Maria Chen"),
        ("saying", "the fisherman"),
    ]


def test_climbing_from_a_participle_skips_subjects_inside_the_quotation(quotes):
    text = (
        "Daniel Okafor did not seem impressed by the plan, telling reporters, "
        '"A lot of people said the mayor should resign."'
    )
    [quote] = quotes(text)
    assert (quote.cue.text, quote.speaker.text) == ("telling", "Daniel Okafor")


def test_a_noun_modified_by_a_saying_participle_is_the_speaker(quotes):
    [quote] = quotes("Police received calls saying shots had been fired inside the mall.")
    assert quote.speaker.text == "calls"


def test_a_statement_saying_something_is_spoken_by_whoever_issued_it(quotes):
    [quote] = quotes("The port authority put out a statement saying the docks would stay shut.")
    assert quote.speaker.text == "The port authority"


def test_a_role_named_long_ago_is_found_past_unnamed_definite_mentions(quotes):
    text = (
        "Mayor Ruth Adams opened the harbour on Monday.\n\n"
        "The mayor was cheered by the crowd.\n\n"
        "The mayor said the new pier would open in June."
    )
    [quote] = quotes(text)
    assert (quote.speaker.text, quote.speaker_name) == ("The mayor", "Ruth Adams")


def test_a_role_with_other_modifiers_is_not_the_person_named_before(quotes):
    text = (
        "The Liberal candidate Ruth Adams spoke first.\n\n"
        "The Green candidate said the pier should never have been built."
    )
    [quote] = quotes(text)
    assert quote.speaker.text == "The Green candidate"
    assert quote.speaker_name is None


def test_the_maker_of_a_statement_speaks_its_that_clause(quotes):
    [quote] = quotes("The nurses' union said in a statement that it would file a grievance.")
    assert quote.text == "it would file a grievance"
    assert quote.speaker.text == "The nurses' union"


def test_saying_after_an_adjective_takes_the_subject_of_the_clause(quotes):
    [quote] = quotes("Older voters were more likely to say the economy was their top issue.")
    assert quote.text == "the economy was their top issue"
    assert quote.speaker.text == "Older voters"


def test_a_given_name_tells_the_pronoun_when_the_article_does_not(quotes):
    # Nothing in the article shows either person's pronoun; only their given names do.
    text = (
        "Jason Stilwell, the city manager, presented the budget to Karen Liu on Tuesday.\n\n"
        "“We cannot afford a new arena while the roads are falling apart,” she said."
    )
    assert names(quotes(text)) == ["Karen Liu"]


def test_the_article_outweighs_the_given_name():
    assert (given_name_gender("Jason Stilwell"), given_name_gender("Karen Liu")) == ("m", "f")
    # Shared by both sexes, a lone word, or an initial: the name says nothing.
    assert given_name_gender("Jordan Ash") is None
    assert given_name_gender("Stilwell") is None
    assert given_name_gender("J. Stilwell") is None
    # Rare in the US lists and as common there as a surname: written surname first.
    assert given_name_gender("Lu Kang") is None


def test_honorific_overrides_the_given_name(quotes):
    text = (
        "Ms. Robert Hale chairs the board. Daniel Okafor runs the port.\n\n"
        "“The board will vote in March,” she said."
    )
    assert names(quotes(text)) == ["Robert Hale"]


def test_it_speaks_for_the_organisation_before_it(quotes):
    text = (
        "The Canadian Federation of Independent Business surveyed 4,000 owners in June. "
        "It said most of them expect to raise prices this year."
    )
    [quote] = quotes(text)
    assert quote.speaker.text == "It"
    assert quote.speaker_name == "Canadian Federation of Independent Business"


def test_a_speaker_mention_stops_at_a_line_break(nlp):
    # The parse of a headline run into the next paragraph, as the parser sometimes makes it.
    words = ["Park", "turnaround", "\n\n", "Lakeside", "said", "sales", "rose", "."]
    spaces = [True, False, False, True, True, True, False, False]
    heads = [1, 3, 3, 4, 4, 6, 4, 4]
    deps = ["compound", "compound", "dep", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    start, end = mention_extent(doc[3])
    assert doc.text[start:end] == "Lakeside"


def test_a_person_named_beside_a_role_is_the_speaker(quotes):
    text = (
        "The food bank expects a hard winter. Its spokesperson, Omar Haddad, said "
        "donations had fallen by a third."
    )
    [quote] = quotes(text)
    assert (quote.speaker.text, quote.speaker_name) == ("Its spokesperson", "Omar Haddad")


def test_a_person_named_beside_a_role_with_a_complement_is_the_speaker(quotes):
    # The parser hangs the name on "South", the role's complement, not on the role.
    text = (
        "Daniel Okafor opened the debate. The NDP MLA for Dartmouth South, Nadia Brooks, "
        "said the ferry plan was too expensive. “Nobody asked the islanders,” she said."
    )
    assert names(quotes(text)) == ["Nadia Brooks", "Nadia Brooks"]


def test_a_person_described_by_age_is_the_person_before(quotes):
    text = (
        "Principal Nadia Brooks said the school would reopen on Monday. "
        "“The children are safe,” the 52-year-old said."
    )
    assert names(quotes(text)) == ["Nadia Brooks", "Nadia Brooks"]


def test_it_after_a_document_is_the_document_not_an_organisation(quotes):
    text = (
        "The Canadian Federation of Independent Business surveyed 4,000 owners in June. "
        "Its report was released on Monday. It said most of them expect to raise prices."
    )
    [quote] = quotes(text)
    assert (quote.speaker.text, quote.speaker_name) == ("It", None)


def test_a_document_speaks_for_whoever_it_is_by(quotes):
    text = (
        "Average rents in Halifax rose 11 per cent last year, according to a report "
        "released Wednesday by the Nova Scotia Housing Trust."
    )
    [quote] = quotes(text)
    assert (quote.speaker.text, quote.speaker_name) == ("a report", "Nova Scotia Housing Trust")
