"""Regular expressions for temporal expressions, built from the lexicon data.

Each rule pattern is used twice: `finditer` over an article finds spans, and
`fullmatch` on a span's text picks the rule that normalises it, so the span
finder and the normaliser can never disagree about what a rule covers.
Month and weekday names must be capitalised (`May`, not the modal `may`);
everything else matches in any case.
"""

from __future__ import annotations

import functools
import re

from newsdesk.dates.lexicon import alternation, key, lexicon

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
ORDINALS |= {"fourth": 4, "4th": 4}
QUALIFIERS = (
    "about|around|nearly|almost|some|roughly|approximately|more than|less than|fewer than|"
    "at least|at most|no more than|no less than|over|under|just|only|up to|barely|"
    "the better part of|a full|a whole|another|an additional|an estimated"
).replace(" ", r"\s+")
TIME_ZONES = "EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|PT"


def _cap(words: str) -> str:
    """An alternation whose first letter must be upper case."""
    return rf"(?-i:(?=[A-Z]))(?:{words})"


def _spaced(pattern: str) -> str:
    """Let an escaped multi-word phrase match across any run of white space."""
    return pattern.replace(r"\ ", r"\s+")


def _written_out(forms: tuple[str, ...]) -> list[str]:
    """Month names in full or abbreviated with a period: `Jan` alone is more often a name."""
    full: dict[int, str] = {}
    for form in forms:
        number = lexicon().months[key(form)]
        if len(form) > len(full.get(number, "")):
            full[number] = form
    return [form for form in forms if form in full.values() or form.endswith(".")]


def _apostrophes(pattern: str) -> str:
    return pattern.replace("'", "['\u2019]").replace("S\\ ", "s\\ ")


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2] not in "aeiou":
        return rf"{word[:-1]}(?:y|ies)"
    return rf"{word}s?"


@functools.cache
def fragments() -> dict[str, str]:
    lex = lexicon()
    fixed_numbers = [word for word, value in lex.numbers.items() if value is not None]
    vague_numbers = [word for word, value in lex.numbers.items() if value is None]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    fixed = _spaced(alternation(fixed_numbers))
    number = rf"(?:\d{{1,3}}(?:\.\d+)?(?:\s+1/2)?|(?:{tens})[-\s](?:{ones})|{fixed})"
    units = "|".join(_plural(word) for word in lex.units)
    return {
        "MONTH": _cap(alternation(list(lex.month_forms))) + r"(?![a-z])",
        "MONTH_LONG": _cap(alternation(_written_out(lex.month_forms))) + r"(?![a-z])",
        "HOLIDAY": _cap(_apostrophes(alternation([h.title() for h in lex.holidays]))),
        "YEAR_WORDS": (
            rf"(?:nineteen|twenty)[-\s](?:(?:{tens})(?:[-\s](?:{ones}))?|oh[-\s](?:{ones})|"
            r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
            rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{ones}|ten))?"
        ),
        "WEEKDAY": _cap(alternation([w.capitalize() for w in lex.weekdays])),
        "SEASON": alternation(list(lex.seasons)),
        "PART": alternation(list(lex.parts_of_day)),
        "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)",
        "NUM": number,
        "VAGUE": _spaced(alternation(vague_numbers)),
        "UNIT": f"(?:{units})",
        "ORD": alternation(list(ORDINALS)),
        "QUAL": f"(?:{QUALIFIERS})",
        "QUAL_THE": r"(?:at\s+least|nearly|almost|more\s+than|less\s+than|only|just)",
        "CLOCK": (
            r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![a-z])|noon|midnight|midday|"
            r"\d{1,2}(?::\d\d)?\s+(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening))"
            rf"(?:\s+(?-i:{TIME_ZONES})(?![a-z]))?)"
        ),
        "WORDS": _spaced(alternation(list(lex.words))),
        "CENTURY_ORD": rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_spaced(alternation(list(lex.ordinals)))})",
        "DECADE_WORD": alternation(list(lex.decades)),
    }


def _expand(template: str) -> str:
    out = template
    for name, fragment in fragments().items():
        out = out.replace("{" + name + "}", fragment)
    return out


#: Rule name -> pattern template. The order decides which rule normalises a span
#: when several match all of it; the span finder prefers the longest match.
TEMPLATES: dict[str, str] = {
    "iso": r"\d{4}-[01]\d-[0-3]\d(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?)?",
    "numeric": r"(?<![\d/.])[01]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?![\d/])",
    "clock": (
        r"(?:{CLOCK}(?:,?\s+(?P<after>{WEEKDAY}|today|yesterday|tomorrow|{MONTH}\s+{DAYNUM}))?"
        r"|(?P<before>{WEEKDAY}|today|yesterday|tomorrow|{MONTH}\s+{DAYNUM}),?\s+(?:at\s+)?"
        r"{CLOCK})"
    ),
    "part_of_day": (
        r"(?P<day>(?:(?:last|next|this|this\s+past)\s+)?{WEEKDAY}|today|yesterday|tomorrow|this|last|"
        r"(?:early|late)\s+(?:this|yesterday|tomorrow|{WEEKDAY})|{MONTH}\s+{DAYNUM})"
        r"\s+(?:mid-?)?(?P<part>{PART})"
        r"|(?P<mid>mid-?|mid\s+)(?P<part2>{PART})(?:\s+(?P<day2>{WEEKDAY}|yesterday|today|tomorrow))?"
    ),
    "weekday": (
        r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?(?P<wd>{WEEKDAY})"
        r"(?:,?\s+(?P<date>{MONTH}\s+{DAYNUM}(?:,?\s+{YEAR})?|{DAYNUM}\s+{MONTH}(?:,?\s+{YEAR})?))?"
    ),
    "week_of": r"the\s+week\s+of\s+(?P<date>{MONTH}\s+{DAYNUM}(?:,?\s+{YEAR})?)",
    "month_day": (
        r"(?:(?P<rel>last|next|this)\s+)?(?:(?P<m1>{MONTH})\s+(?P<d1>{DAYNUM})|(?:the\s+)?"
        r"(?P<d2>{DAYNUM})\s+(?:of\s+)?(?P<m2>{MONTH}))(?:,?\s+(?P<year>{YEAR}))?"
    ),
    "month": (
        r"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of)[-\s]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|"
        r"the\s+coming|the\s+past)\s+)?(?P<month>{MONTH_LONG})"
        r"(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<year_words>{YEAR_WORDS}))"
        r"|\s+(?:of\s+)?(?P<rel_year>last|this|next)\s+year)?"
    ),
    "season": (
        r"(?:(?P<mod>early|mid|late)[-\s]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|"
        r"the\s+coming|the\s+past|the)\s+)?(?P<season>{SEASON})"
        r"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<year_words>{YEAR_WORDS})))?"
    ),
    "century": r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<ord>{CENTURY_ORD})[-\s]+century",
    "word_decade": r"the\s+(?:(?P<mod>early|mid|late)[-\s]+)?(?P<word>{DECADE_WORD})",
    "decade": (
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?(?P<decade>(?:19|20)\d0|'\d0)'?s(?![a-z])"
    ),
    "quarter": (
        r"(?:the\s+)?(?:(?P<yr>{YEAR}|(?P<rel_year>last|this|next)\s+year's|"
        r"(?P<ago>year-ago|year-earlier|prior-year))\s+)?(?:fiscal[-\s]+)?"
        r"(?P<ord>{ORD}|last(?=\s+half))[-\s]+(?P<unit>quarter|half)(?!-?finals?)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<yr2>{YEAR}))?"
    ),
    "quarter_code": (
        r"(?-i:Q(?P<q>[1-4]))(?:\s+(?P<yr>{YEAR})|\s*'(?P<yy>\d\d))?"
        r"|(?-i:H(?P<h>[12]))(?:\s+(?P<hyr>{YEAR})|\s*'(?P<hyy>\d\d))"
    ),
    "fiscal_code": r"(?-i:FY)\s?(?:(?P<yr>{YEAR})|(?P<yy>\d\d)(?!\d))",
    "sequel": (
        r"the\s+(?:(?P<rel>following|previous|preceding|prior)\s+"
        r"(?:(?P<unit>day|week|weekend|month|quarter|year|decade|century)|(?P<wd>{WEEKDAY}))"
        r"|(?P<next>next)\s+(?P<next_unit>day))"
    ),
    "anaphoric": (
        r"(?:(?P<adv>earlier|later|early|late)\s+)?(?:that|that\s+same|the\s+same)\s+"
        r"(?P<unit>day|week|month|year)"
    ),
    "this_quarter": (
        r"(?P<rel>the\s+(?:latest|last|previous|past|current|same|recent|year-ago|"
        r"year-earlier|just-ended|just\s+ended)|the|last|this|next|the\s+next|the\s+coming|"
        r"the\s+(?P<year>{YEAR}))\s+(?:fiscal\s+)?"
        r"(?:quarter(?!-?finals?)|(?<={YEAR}\s)period|(?<=latest\s)period)"
    ),
    "year": (
        r"(?<![$€£¥#\d.,])(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|"
        r"the\s+start\s+of|the\s+middle\s+of)[-\s]+)?(?:(?:the\s+)?(?:fiscal|calendar|"
        r"the\s+year)\s+(?:year\s+)?)?(?:(?P<year>{YEAR})(?!\s*(?:%|percent))|(?P<words>{YEAR_WORDS})(?![-\s]+{UNIT}))"
    ),
    "relative": (
        r"(?:(?P<adv>earlier|later|early|late)\s+)?(?P<rel>last|this|next|the\s+past|the\s+last|"
        r"the\s+current|the\s+latest|the\s+coming|the\s+next|the\s+full|the\s+fiscal|"
        r"the\s+calendar|the)\s+(?:fiscal\s+)?(?P<unit>week|month|year|weekend|decade|century)"
        r"(?!-)"
    ),
    "ago": (
        r"(?:{QUAL}\s+)?(?P<num>{NUM}|{VAGUE})[-\s]+(?P<unit>{UNIT})\s+"
        r"(?P<dir>ago|earlier|from\s+now|hence|back)"
    ),
    "duration": (
        r"(?:(?:{QUAL_THE}\s+)?the\s+(?P<rel>past|last|next|first|coming|previous|latest|"
        r"following|final|remaining|same|initial|last\s+few|past\s+few|next\s+few)\s+"
        r"(?:{QUAL}\s+)?|(?:{QUAL}\s+)?)"
        r"(?P<num>{NUM}|{VAGUE}|half\s+an?)[-\s]+(?:(?:more|additional|full|trading|business|working)\s+)?"
        r"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:-long)?(?![-\w]*(?:\s+|-)old\b)"
    ),
    "vague_duration": (
        r"(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|recent|"
        r"coming)\s+(?P<unit>(?:days|weeks|months|years|decades|centuries))(?P<ahead>\s+ahead)?"
    ),
    "plural_units": (r"(?<!\d\s)(?P<unit>weeks|months|years|decades|centuries)(?![-\s]+old\b)"),
    "set": (
        r"(?:(?:every|each|per)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})"
        r"|(?P<times>once|twice|\d+\s+times|{NUM}\s+times)\s+(?:a|an|per|each)\s+(?P<unit2>{UNIT})"
        r"|(?:every|each)\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?"
        r"|(?:every|each)\s+(?:(?P<month>{MONTH_LONG})|(?P<season>{SEASON}))"
        r"|(?P<wds>{WEEKDAY})(?:s|\s+(?P<parts>{PART})s))"
    ),
    "per_unit": (
        r"(?:(?<=\d\s)|(?<=\d%\s)|(?<=lion\s)|(?<=sand\s)|(?<=dred\s)|(?<=times\s))"
        r"(?:a|an|per)\s+(?P<unit>{UNIT})"
    ),
    "holiday": (
        r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<name>{HOLIDAY})"
        r"(?:,?\s+(?P<year>{YEAR}))?"
    ),
    "year_ago": r"(?:the\s+)?(?:comparable\s+)?(?:year-ago|year-earlier)(?:\s+period)?",
    "words": r"(?P<word>{WORDS})",
}


#: Every rule's match holds a digit or one of these: the span finder runs the rules only in short
#: windows around them, which saves most of the cost on long articles.
TRIGGER = (
    r"{MONTH}|{WEEKDAY}|{UNIT}|{SEASON}|{PART}|{WORDS}|{HOLIDAY}|half|nineteen|twenty|"
    r"thousand|year-ago|year-earlier|every|each|per|once|twice|times|noon|midnight|midday|"
    r"period|{DECADE_WORD}"
)


@functools.cache
def trigger() -> re.Pattern[str]:
    return re.compile(rf"\d|(?<![\w'])(?:{_expand(TRIGGER)})", re.IGNORECASE)


@functools.cache
def compiled() -> dict[str, re.Pattern[str]]:
    return {
        name: re.compile(rf"(?<![\w'])(?:{_expand(template)})(?![\w])", re.IGNORECASE)
        for name, template in TEMPLATES.items()
    }
