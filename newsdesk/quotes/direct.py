"""Direct quotations: quoted spans tied to the reporting cue next to them.

The marks come from the character scan; the parse only says which word is the cue. A
cue after the quote (`"...," he said`) is preferred when the quote ends with a comma, a
cue before it when a colon leads in (`adding: "..."`). `"X," he said, "Y."` is one quote.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsdesk.quotes.candidate import Candidate
from newsdesk.quotes.cues import phrase_at, verb_frames
from newsdesk.quotes.marks import QuotedSpan
from newsdesk.quotes.speakers import colon_speaker

#: How many tokens after a quote may separate it from its cue (`"...," Mr. Smith, 54, said`).
_AFTER_WINDOW = 10
#: Gap text between two halves of one quote that share an attribution.
_MAX_SPLIT_GAP = 80
#: Tokens after a quote beyond which its attribution cannot lie.
_STOPS = frozenset({".", "!", "?", ";", "“", '"', "''"})
#: Quotations without any cue are kept only when they read like sentences.
MIN_UNCUED_WORDS = 4
#: Marks that end a sentence inside a quotation.
_TERMINAL = (".", "!", "?")
_CLOSING_MARKS = "\"'’”»"


def is_cue(token: Token) -> bool:
    return bool(verb_frames(token)) or phrase_at(token) is not None


def _has_own_content(cue: Token, quotes: list[QuotedSpan]) -> bool:
    """The cue reports an unquoted clause of its own, so it is no quote's cue."""
    return any(
        child.dep_ in ("ccomp", "xcomp")
        and child.idx > cue.idx
        and not any(quote.start <= child.idx < quote.end for quote in quotes)
        and child.right_edge.i - child.left_edge.i >= 2
        for child in cue.children
    )


def _ends_with_comma(quote: QuotedSpan) -> bool:
    return quote.text.rstrip().rstrip("'’‘").endswith(",")


class DirectFinder:
    def __init__(self, doc: Doc, spans: list[QuotedSpan], text: str) -> None:
        self.doc = doc
        self.text = text
        self.spans = spans
        self._offsets = [token.idx for token in doc]

    def _first_token_from(self, offset: int) -> Token | None:
        i = bisect.bisect_left(self._offsets, offset)
        return self.doc[i] if i < len(self.doc) else None

    def _last_token_before(self, offset: int) -> Token | None:
        i = bisect.bisect_left(self._offsets, offset) - 1
        return self.doc[i] if i >= 0 else None

    def is_sentence(self, quote: QuotedSpan) -> bool:
        """`... told reporters. "We listened."`: a short quotation that is a whole sentence
        (capitalised after a sentence end, closed by terminal punctuation, with a verb)."""
        content = quote.text.strip()
        if not content or not content[0].isupper() or not content.endswith(_TERMINAL):
            return False
        before = self.text[: quote.start].rstrip().rstrip(_CLOSING_MARKS)
        if (
            before
            and before[-1] not in _TERMINAL
            and "\n" not in self.text[len(before) : quote.start]
        ):
            return False
        first = bisect.bisect_left(self._offsets, quote.content_start)
        last = bisect.bisect_left(self._offsets, quote.content_end)
        return any(token.pos_ in ("VERB", "AUX") for token in self.doc[first:last])

    def _continues(self, found: list[Candidate], quote: QuotedSpan) -> bool:
        """A short sentence quotation right after an attributed quote of the same paragraph
        carries on that quote's speaker; on its own it is too short to trust."""
        end = quote.start
        for previous in reversed(found):
            if "\n" in self.text[previous.end : end]:
                return False
            if previous.cue is not None:
                return self.is_sentence(quote)
            # An uncued quotation between them carries the same speaker on.
            end = previous.start
        return False

    def cue_after(self, quote: QuotedSpan, limit: int) -> Token | None:
        first = self._first_token_from(quote.end)
        if first is None:
            return None
        for token in self.doc[first.i : min(first.i + _AFTER_WINDOW, len(self.doc))]:
            if token.idx >= limit or token.text in (".", "!", "?", ";") or token.text in '“"':
                return None
            if is_cue(token):
                return None if _has_own_content(token, self.spans) else token
        return None

    def cue_before(self, quote: QuotedSpan, floor: int) -> Token | None:
        last = self._last_token_before(quote.start)
        if last is None or last.idx < floor:
            return None
        window = [t for t in self.doc[last.sent.start : last.i + 1] if t.idx >= floor]
        for k in range(len(window) - 1, -1, -1):
            if window[k].text in (".", "!", "?") or "\n" in window[k].text:
                window = window[k + 1 :]
                break
        if not window:
            return None
        lead_in = window[-1].text in (":", ",")
        quoted = self._first_token_from(quote.content_start)
        for token in reversed(window):
            if not is_cue(token):
                continue
            linked = quoted is not None and token in quoted.ancestors
            if lead_in or linked or window[-1].i - token.i <= 2:
                return token
            return None
        if window[-1].text == ":" and colon_speaker(window[-1]) is not None:
            return window[-1]
        return None

    def colon_cue(self, quote: QuotedSpan, floor: int) -> Token | None:
        """A paragraph that opens with a quote, led in by a colon at the end of the one before."""
        last = self._last_token_before(quote.start)
        while last is not None and last.is_space and last.i > 0:
            last = self.doc[last.i - 1]
        if last is None or last.idx < floor or last.text != ":":
            return None
        return next((t for t in reversed(self.doc[last.sent.start : last.i]) if is_cue(t)), None)

    def attribute(self, index: int, floor: int) -> tuple[Token | None, bool]:
        """The cue of spans[index] and whether it stands after the quote."""
        quote = self.spans[index]
        limit = self.spans[index + 1].start if index + 1 < len(self.spans) else len(self.text)
        after = self.cue_after(quote, limit)
        before = self.cue_before(quote, floor) or self.colon_cue(quote, floor)
        ends_with_comma = _ends_with_comma(quote)
        if after is not None and (ends_with_comma or before is None):
            return after, True
        return before, False

    def find(self) -> list[Candidate]:
        found: list[Candidate] = []
        floor = 0
        index = 0
        while index < len(self.spans):
            quote = self.spans[index]
            cue, cue_is_after = self.attribute(index, floor)
            group = [quote]
            while cue is not None and cue_is_after and index + 1 < len(self.spans):
                nxt = self.spans[index + 1]
                gap = self.text[group[-1].end : nxt.start]
                if not (
                    _ends_with_comma(group[-1])
                    and len(gap) <= _MAX_SPLIT_GAP
                    and gap.rstrip().endswith((",", ":"))
                    and "\n" not in gap
                    and group[-1].end <= cue.idx < nxt.start
                ):
                    break
                group.append(nxt)
                index += 1
            floor = group[-1].end
            index += 1
            if len(group) == 1 and quote.is_scare_quote():
                continue
            if (
                cue is None
                and quote.word_count() < MIN_UNCUED_WORDS
                and not self._continues(found, quote)
            ):
                continue
            found.append(
                Candidate(
                    kind="direct",
                    start=group[0].start,
                    end=group[-1].end,
                    text=" ".join(span.text.strip() for span in group),
                    cue=cue,
                    spans=group,
                )
            )
        return found
