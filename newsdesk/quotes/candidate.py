"""A quotation found but not yet attributed: the shape the finders hand to the resolver."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsdesk.quotes.marks import QuotedSpan


@dataclass
class Candidate:
    kind: str
    start: int
    end: int
    text: str
    cue: Token | None = None
    #: The speaker when the finder knows it without the cue's parse (a speaker label).
    speaker: Token | None = None
    #: Direct quotations it stands for (one, or several joined by their attribution).
    spans: list[QuotedSpan] = field(default_factory=list)

    def contains(self, offset: int) -> bool:
        """Whether `offset` lies in the content (for joined quotes: not in the gap between)."""
        if self.spans and self.kind == "direct":
            return any(span.start <= offset < span.end for span in self.spans)
        return self.start <= offset < self.end

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))
