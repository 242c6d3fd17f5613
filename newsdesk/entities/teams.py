"""Sports teams named after places: "Surrey beat Kent", "Leeds 2 Arsenal 1", standings rows.

Clubs take the names of their towns, counties and states, and the model tags them as
places (or as people). Three newsroom shapes name a team for certain:

- a result line, "<name> <score> <name> <score>" or a fixture "<name> v <name>";
- a standings row, a place name followed by three or more numbers ("Hamilton 3 1 1 1 3 2 4");
- a place name as the winner or loser of a match: "<name> beat <name>", "drew with",
  "lost to", "victory over <name>".

Countries are left alone (a national side is the country, as CoNLL and OntoNotes tag it),
and so is a name the article gives to a person. Once a name is a team, it is the team
throughout the article, except after a preposition of place ("at Leeds" is the ground).
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc, Span

from newsdesk.entities import lexicon
from newsdesk.entities.search import words_pattern

_NAME = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"


def _side(group: str) -> str:
    """A team's name, with the country a tournament table adds in brackets."""
    return rf"(?P<{group}>{_NAME})(?: \([A-Z][\w ]*\))?"


_RESULT = re.compile(
    rf"^{_side('a')} \d+ {_side('b')} \d+\b|^{_side('c')} vs?\.? {_side('d')}[ \t]*$",
    re.MULTILINE,
)
#: Won, lost, points, percentage, games behind ("-" for the leader, "5 1/2").
_STANDING = re.compile(
    rf"^(?P<a>{_NAME})(?:[ \t]+[-+]?[\d./]+){{3,}}(?:[ \t]+-)?[ \t]*$", re.MULTILINE
)
_MATCH_VERBS = (
    r"beat|beats|defeated|thrashed|routed|edged|downed|crushed|drew with|drew|lost to"
    r"|(?:victory|win|winners|defeat|loss) (?:over|against|to)"
)
#: Prepositions before a venue: "at Leeds" is the ground, not the club.
_GROUND = frozenset({"in", "at", "near", "inside", "outside", "across", "into"})
_MATCH = re.compile(rf"(?<![\w.])(?P<a>{_NAME}) (?:{_MATCH_VERBS}) (?P<b>{_NAME})")
#: What follows a place in a dateline: a date, a dash or the agency ("TORONTO (CP) -").
_DATELINE_TAIL = re.compile(r"(?:,[ \w.]+)? *(?:\d{4}-\d\d-\d\d|[—–-]|\()")
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def _team_names(text: str, people: set[str]) -> set[str]:
    """Names of teams: both sides of a result line; a place heading a standings row; both
    sides of a match verb when one of them is a place (the other is then a club too).

    A result line names teams whoever the model took them for; elsewhere a name the
    article gives a person is not a club. Month and day names head statistics tables.
    """

    def possible(name: str) -> bool:
        return lexicon.country_code(name) is None and name.split()[0].title() not in _CALENDAR

    def possible_club(name: str) -> bool:
        return possible(name) and not people.intersection(name.split())

    teams: set[str] = set()
    for match in _RESULT.finditer(text):
        teams.update(match[g] for g in "abcd" if match[g] and possible(match[g]))
    for match in _STANDING.finditer(text):
        if possible_club(match["a"]) and lexicon.is_place(match["a"]):
            teams.add(match["a"])
    for match in _MATCH.finditer(text):
        sides = (match["a"], match["b"])
        if all(map(possible_club, sides)) and any(map(lexicon.is_place, sides)):
            teams.update(sides)
    return teams


def team_spans(doc: Doc, text: str, ents: list[Span]) -> list[Span]:
    """ORG spans for every mention of the teams the article names in those shapes."""
    people = {t.text for e in ents if e.label_ == "PERSON" for t in e}
    teams = _team_names(text, people)
    pattern = words_pattern(teams)
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end(), label="ORG")
        if span is None or (span.start and doc[span.start - 1].lower_ in _GROUND):
            continue
        line_start = match.start() == 0 or text[match.start() - 1] == "\n"
        if not (line_start and _DATELINE_TAIL.match(text, match.end())):
            spans.append(span)
    return spans
