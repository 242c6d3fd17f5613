"""A catalogue of hostile and broken inputs, each with the error code it must end with.

Shared by the core test (tests/newsdesk/test_bad_inputs.py) and the worker test
(tests/integration/reliability/test_bad_inputs_worker.py). Every text here was
written for these tests. An entry carries what a producer would send a worker
(`payload`, the JSON of an ArticleIn, possibly invalid) and/or what a user would
hand `newsdesk submit` (`file`, raw bytes). `heavy` entries are too big to push
through a broker in a quick test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ENGLISH = (
    "The council voted on Thursday to close two of the town's libraries, a decision that "
    "residents said would leave older people without a place to read. The mayor, who had "
    "opposed the plan, told reporters that the budget left her no choice."
)
FRENCH = (
    "Le conseil municipal a voté jeudi la fermeture de deux bibliothèques de la ville, une "
    "décision qui, selon les habitants, privera les personnes âgées d'un lieu de lecture. Le "
    "maire, qui s'était opposé au projet, a déclaré que le budget ne lui laissait pas le choix."
)
TURKISH = (
    "Belediye meclisi perşembe günü kentteki iki kütüphanenin kapatılmasına karar verdi; "
    "mahalle sakinleri bu kararın yaşlıları okuma yerinden yoksun bırakacağını söyledi. Plana "
    "karşı çıkan belediye başkanı, bütçenin kendisine başka seçenek bırakmadığını anlattı."
)
CHINESE = (
    "市议会星期四投票决定关闭本市的两座图书馆。居民们说，这个决定将使老年人失去读书的地方。"
    "曾经反对这一计划的市长对记者说，预算让她别无选择。"
)
RUSSIAN = (
    "Городской совет в четверг проголосовал за закрытие двух библиотек, и жители говорят, "
    "что пожилые люди останутся без места для чтения."
)
ENGLISH_HTML = f"<html><head><title>Libraries</title></head><body><p>{ENGLISH}</p></body></html>"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(1, 200))


@dataclass(frozen=True)
class BadInput:
    name: str
    code: str
    payload: dict[str, Any] | None = None
    file: bytes | None = None
    heavy: bool = False


def _text(text: str, **extra: Any) -> dict[str, Any]:
    return {"text": text, **extra}


CATALOGUE: list[BadInput] = [
    BadInput("empty", "empty", payload=_text(""), file=b""),
    BadInput("whitespace only", "empty", payload=_text(" \n\t \n"), file=b"  \n\t\r\n  "),
    BadInput("BOM and blank lines", "empty", file=b"\xef\xbb\xbf\n\n\n"),
    BadInput("zero-width spaces only", "empty", payload=_text("\u200b" * 500)),
    BadInput("digits and punctuation only", "empty", payload=_text("12.5, 13.7; 99% -- 2,000 / 7")),
    BadInput("100,000 quote marks alone", "empty", payload=_text('"' * 100_000)),
    BadInput(
        "100,000 quote marks after a sentence",
        "too_large",
        payload=_text(ENGLISH + " " + '"' * 100_000),
    ),
    BadInput("NUL bytes", "binary", payload=_text(ENGLISH + "\x00" * 20), file=b"ab\x00\x00cd"),
    BadInput("PNG image", "binary", file=PNG_HEADER + bytes(range(256)) * 4),
    BadInput("gzip archive", "binary", file=GZIP_HEADER),
    BadInput("control characters", "binary", payload=_text(ENGLISH + "\x01\x02\x03\x07" * 20)),
    BadInput("Latin-1 bytes", "not_utf8", file="Le café est fermé à midi.".encode("latin-1")),
    BadInput("Windows-1252 quotes", "not_utf8", file=b"He said \x93no\x94 to the plan."),
    BadInput("UTF-16 with BOM", "not_utf8", file=ENGLISH.encode("utf-16")),
    BadInput("unpaired surrogate", "not_utf8", payload=_text(ENGLISH + "\ud800" + ENGLISH)),
    BadInput("text over 200,000 characters", "too_large", payload=_text(ENGLISH * 1_000)),
    BadInput(
        "50 MB single line",
        "too_large",
        payload=_text("word " * 10_000_000),
        file=b"word " * 10_000_000,
        heavy=True,
    ),
    BadInput("French", "not_english", payload=_text(FRENCH), file=FRENCH.encode()),
    BadInput("Turkish", "not_english", payload=_text(TURKISH), file=TURKISH.encode()),
    BadInput("Chinese", "not_english", payload=_text(CHINESE), file=CHINESE.encode()),
    BadInput("Russian", "not_english", payload=_text(RUSSIAN)),
    BadInput(
        "French HTML page",
        "not_english",
        payload={"html": f"<html><body><article><p>{FRENCH}</p></article></body></html>"},
    ),
    BadInput(
        "HTML with scripts and styles only",
        "empty",
        payload={
            "html": "<html><head><style>p{color:red}</style></head><body>"
            "<script>document.write('x')</script></body></html>"
        },
        file=b"<!doctype html><html><body><script>var a = 1;</script></body></html>",
    ),
    BadInput(
        "10,000 nested HTML elements",
        "empty",
        payload={"html": "<html><body>" + "<div>" * 10_000 + "</div>" * 10_000 + "</body></html>"},
    ),
    BadInput(
        "HTML over 10 MB",
        "too_large",
        payload={"html": "<html><body>" + f"<p>{ENGLISH}</p>" * 50_000 + "</body></html>"},
    ),
    BadInput(
        "200 MB text node",
        "too_large",
        payload={"html": "<html><body><p>" + "x" * 200_000_000 + "</p></body></html>"},
        heavy=True,
    ),
    BadInput("invalid published date", "invalid", payload=_text(ENGLISH, published="2022-02-30")),
    BadInput("published date not a date", "invalid", payload=_text(ENGLISH, published="soon")),
    BadInput("no body at all", "invalid", payload={"title": "Libraries"}),
    BadInput("both text and HTML", "invalid", payload={"text": ENGLISH, "html": ENGLISH_HTML}),
    BadInput("unknown field", "invalid", payload=_text(ENGLISH, author="someone")),
    BadInput("text is not a string", "invalid", payload={"text": ["a", "list"]}),
    BadInput("URL only, never fetched", "pipeline", payload={"url": "https://example.com/a"}),
]
