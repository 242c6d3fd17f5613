"""Turning submitted bytes and strings into the article text that every offset refers to."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from newsdesk.errors import BinaryInput, EmptyInput, NotUtf8, TooLarge

#: Above this share of control characters a "text" is binary data.
_MAX_CONTROL_SHARE = 0.01
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Limits:
    """Caps on the work one article may cause; documented in docs/reliability.md.

    200,000 characters is twice the longest long-read and about 10 s of parsing.
    spaCy's tokenizer splits a run of punctuation marks one mark at a time in
    quadratic time (10,000 quote marks take half a minute), so such runs are capped.
    """

    max_text_chars: int = 200_000
    max_html_bytes: int = 10_000_000
    max_symbol_run: int = 200


DEFAULT_LIMITS = Limits()


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode UTF-8 (with or without BOM), refusing other encodings with the byte position."""
    if data.startswith(_UTF16_BOMS):
        raise NotUtf8(f"{name} is UTF-16 text, not UTF-8; convert it to UTF-8 first")
    if b"\x00" in data[:8192]:
        raise BinaryInput(f"{name} looks like binary data (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotUtf8(
            f"{name} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first"
        ) from exc


def normalise_text(text: str, *, limits: Limits = DEFAULT_LIMITS, name: str = "article") -> str:
    """Return the canonical article text, or raise an InputError saying what is wrong.

    Offsets in an Analysis index into this string, so it is computed once and stored.
    """
    if len(text) > limits.max_text_chars:
        raise TooLarge(
            f"{name} has {len(text):,} characters; the limit is {limits.max_text_chars:,}"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise NotUtf8(
            f"{name} contains an unpaired surrogate (U+{ord(surrogate.group()):04X}) at "
            f"offset {surrogate.start()}, which is not valid Unicode text"
        )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\x00" in text:
        raise BinaryInput(f"{name} looks like binary data (it contains NUL characters), not text")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise BinaryInput(
            f"{name} looks like binary data ({controls} control characters), not text"
        )
    text = text.strip()
    if not text:
        raise EmptyInput(f"{name} is empty: there is no text to analyse")
    if not _LETTER.search(text):
        raise EmptyInput(f"{name} has no words to analyse, only digits, symbols or punctuation")
    run = _symbol_run(limits.max_symbol_run).search(text)
    if run:
        raise TooLarge(
            f"{name} has {len(run.group()):,} punctuation marks or symbols in a row at offset "
            f"{run.start()}; the limit is {limits.max_symbol_run:,}"
        )
    return text


@functools.cache
def _symbol_run(limit: int) -> re.Pattern[str]:
    return re.compile(rf"[^\w\s]{{{limit + 1},}}")


def content_hash(text: str) -> str:
    """The article's identity: a hash of its normalised text, whitespace folded.

    A feed entry, a URL and a pasted copy of the same article hash alike.
    """
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
