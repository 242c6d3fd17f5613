"""A line break ends a sentence, unless the text is hard-wrapped at a fixed width."""

from __future__ import annotations

from newsdesk.paragraphs import COMPONENT, hard_wrapped
from newsdesk.pipeline import load_nlp

HEADLINE_AND_LEAD = (
    "Port authority chief quits over dredging contract\n"
    "The head of the Kestrel Bay port authority resigned on Monday, two weeks after auditors "
    "questioned a dredging contract.\n\n"
    "She said she had done nothing wrong."
)

WRAPPED = (
    "The council met on Tuesday evening to discuss the new\n"
    "budget for the harbour district, which had been delayed\n"
    "twice since the spring because of a dispute over the\n"
    "cost of repairing the old sea wall near the ferry pier.\n"
    "\n"
    "The mayor said the work would start in June."
)


def sentences(text: str) -> list[str]:
    return [sentence.text.strip() for sentence in load_nlp()(text).sents]


def test_the_component_runs_before_the_parser() -> None:
    names = load_nlp().pipe_names
    assert names.index(COMPONENT) < names.index("parser")


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own() -> None:
    assert sentences(HEADLINE_AND_LEAD) == [
        "Port authority chief quits over dredging contract",
        "The head of the Kestrel Bay port authority resigned on Monday, two weeks after "
        "auditors questioned a dredging contract.",
        "She said she had done nothing wrong.",
    ]


def test_hard_wrapped_lines_join_and_only_blank_lines_separate() -> None:
    assert hard_wrapped(WRAPPED)
    assert sentences(WRAPPED)[-1] == "The mayor said the work would start in June."
    assert "\n" in sentences(WRAPPED)[0]


def test_one_paragraph_a_line_is_not_hard_wrapped() -> None:
    assert not hard_wrapped(HEADLINE_AND_LEAD)
    assert not hard_wrapped("One line.\nTwo lines.\nThree.\nFour.")
