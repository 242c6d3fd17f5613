"""Quotations and their speakers: direct, indirect and mixed speech.

Quote marks are scanned at character level (marks.py), reported clauses come from the
parse (indirect.py) and from speaker labels (`TAPPER: ...`, labels.py), and they are
reconciled here: a reported clause that contains a quotation becomes one mixed quote; one
that merely re-reads a quotation lends it its cue. Speakers are then resolved in article
order (speakers.py), so that a pronoun can lean on the quote before it, and a quotation
without a cue continues the speaker of the last attributed one.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsdesk.contracts import Entity, Quote, Span
from newsdesk.quotes.candidate import Candidate
from newsdesk.quotes.cues import cue_extent
from newsdesk.quotes.direct import DirectFinder
from newsdesk.quotes.indirect import find_indirect
from newsdesk.quotes.labels import find_labelled
from newsdesk.quotes.marks import QuotedSpan, find_quoted_spans
from newsdesk.quotes.speakers import SpeakerResolver, mention_extent, subject_of

__all__ = ["extract_quotes"]

#: A reported clause with fewer words than this outside its quotation is that quotation.
_MIXED_MIN_OWN_WORDS = 2
#: Paragraph breaks a cue-less quotation may be from the previous one and keep its speaker.
_CONTINUITY_BREAKS = 2


def _words_outside(candidate: Candidate, text: str, spans: list[QuotedSpan]) -> int:
    kept = list(text[candidate.start : candidate.end])
    for span in spans:
        for i in range(max(span.start, candidate.start), min(span.end, candidate.end)):
            kept[i - candidate.start] = " "
    return len("".join(kept).split())


def _outermost(clauses: list[Candidate]) -> list[Candidate]:
    """Drop reports nested in another report's content: the article asserts only the outer one."""
    return [
        clause
        for clause in clauses
        if clause.cue is None
        or not any(
            other is not clause and other.start <= clause.cue.idx < other.end for other in clauses
        )
    ]


def _reconcile(
    text: str, direct: list[Candidate], indirect: list[Candidate], spans: list[QuotedSpan]
) -> list[Candidate]:
    absorbed: set[int] = set()
    kept: list[Candidate] = []
    for clause in indirect:
        inner = [s for s in spans if clause.start < s.end and s.start < clause.end]
        touching = [d for d in direct if d.overlap(clause.start, clause.end)]
        held = [d for d in touching if d.overlap(clause.start, clause.end) * 2 > d.end - d.start]
        if touching and (
            _words_outside(clause, text, inner) < _MIXED_MIN_OWN_WORDS or len(held) < len(touching)
        ):
            # The parse of a quotation (or of part of one): it only lends its cue.
            if touching[0].cue is None:
                touching[0].cue = clause.cue
            continue
        if inner:
            clause.kind = "mixed"
            clause.start = min(clause.start, *(s.start for s in inner))
            clause.end = max(clause.end, *(s.end for s in inner))
            clause.text = text[clause.start : clause.end]
            absorbed.update(id(d) for d in held)
        kept.append(clause)
    kept += [d for d in direct if id(d) not in absorbed]
    return sorted(kept, key=lambda c: (c.start, c.end))


def _to_quote(
    candidate: Candidate, resolver: SpeakerResolver, previous: Quote | None, text: str
) -> Quote:
    cue = speaker = None
    name: str | None = None
    if candidate.cue is not None:
        start, end = cue_extent(candidate.cue)
        cue = Span(start=start, end=end, text=text[start:end])
        subject = candidate.speaker or subject_of(candidate.cue, candidate.contains)
        if subject is not None and (
            subject.head == candidate.cue or not candidate.contains(subject.idx)
        ):
            start, end = mention_extent(subject)
            speaker = Span(start=start, end=end, text=text[start:end])
            name = resolver.resolve(subject, start, end)
    elif (
        previous is not None
        and previous.speaker is not None
        and text.count("\n", previous.end, candidate.start) <= _CONTINUITY_BREAKS
    ):
        # `"X," she said. "Y."`: the attribution of X carries on to Y.
        cue, speaker, name = previous.cue, previous.speaker, previous.speaker_name
    return Quote(
        kind=candidate.kind,  # type: ignore[arg-type]
        text=candidate.text,
        start=candidate.start,
        end=candidate.end,
        cue=cue,
        speaker=speaker,
        speaker_name=name,
    )


def extract_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    """Direct, indirect and mixed quotations of `doc`, in text order, with their speakers."""
    text = doc.text
    spans = find_quoted_spans(text)
    quotations = [s for s in spans if not s.is_scare_quote()]
    direct = DirectFinder(doc, quotations, text).find()
    labelled = find_labelled(doc, entities, text)
    indirect = find_indirect(doc, [(s.start, s.end) for s in quotations], text)
    indirect = _outermost(sorted(labelled + indirect, key=lambda c: c.start))
    candidates = _reconcile(text, direct, indirect, spans)
    resolver = SpeakerResolver(doc, entities, [(s.start, s.end) for s in quotations])
    quotes: list[Quote] = []
    attributed: Quote | None = None
    for candidate in candidates:
        quote = _to_quote(candidate, resolver, attributed, text)
        quotes.append(quote)
        if quote.speaker is not None:
            attributed = quote
    return quotes
