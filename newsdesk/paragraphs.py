"""Line breaks end sentences: headlines, datelines and paragraphs are never run together.

spaCy's parser sees text as one stream, so a headline without a full stop ("Minister
quits over leak") merges with the first sentence below it, and the parse of both goes
wrong. News text puts one paragraph on a line, so a line break is a sentence boundary,
set before the parser, which keeps boundaries it is given. Text hard-wrapped at a fixed
width (most lines short and unfinished) is the exception: there only blank lines count.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "newsdesk_line_breaks"
#: A line ending in one of these finished a sentence, whatever follows.
_FINISHED = (".", "!", "?", ":", '"', "'", "”", "’", ")", "»")
#: Wrapped lines are at most this long; a paragraph on one line is usually longer.
_WRAP_WIDTH = 100


def hard_wrapped(text: str) -> bool:
    """Whether the text looks wrapped at a fixed width rather than one paragraph a line."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    short = sum(1 for line in lines if len(line) <= _WRAP_WIDTH)
    unfinished = sum(1 for line in lines if not line.endswith(_FINISHED))
    return short >= 0.9 * len(lines) and unfinished > len(lines) / 2


@Language.component(COMPONENT)
def mark_line_breaks(doc: Doc) -> Doc:
    breaks = "\n\n" if hard_wrapped(doc.text) else "\n"
    for token in doc[:-1]:
        if token.is_space and breaks in token.text.replace(" ", "").replace("\t", ""):
            doc[token.i + 1].is_sent_start = True
    return doc


def add_line_breaks(nlp: Language) -> None:
    """Add the component before the parser (it must come before the parse to steer it)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT, first=True)
