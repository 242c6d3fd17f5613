"""Teams named after places: result lines, standings rows and match verbs make them ORG."""

from __future__ import annotations

import pytest
import spacy

from newsdesk.entities import add_entity_rules
from tests.newsdesk.entities.test_rules import corrected


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    add_entity_rules(nlp)
    return nlp


def test_both_sides_of_a_result_line_are_teams_and_stay_so_except_as_a_venue(blank):
    text = "Scores on Saturday:\nLeeds 2 Hull 1\nLeeds fans partied in Hull."
    ents = [("Leeds", "GPE"), ("Hull", "PERSON"), ("Leeds", "GPE"), ("Hull", "GPE")]
    assert corrected(blank, text, ents) == [
        ("Leeds", "ORG"),
        ("Hull", "ORG"),
        ("Leeds", "ORG"),
        ("Hull", "GPE"),
    ]


def test_a_score_inside_a_person_span_splits_it_into_teams(blank):
    text = "Late games:\nNorwich 1 Wolverhampton 0\n"
    ents = [("Norwich 1 Wolverhampton", "PERSON")]
    assert corrected(blank, text, ents) == [("Norwich", "ORG"), ("Wolverhampton", "ORG")]


def test_a_place_heading_a_standings_row_is_a_team(blank):
    text = "Standings:\nRegina 10 4 1 21\nMarta Lopez 10 4 1\n"
    ents = [("Regina", "GPE"), ("Marta Lopez", "PERSON")]
    assert corrected(blank, text, ents) == [("Regina", "ORG"), ("Marta Lopez", "PERSON")]


def test_a_place_that_beat_another_side_makes_both_teams(blank):
    text = "Saskatoon beat Glenrock 4-1 on Friday."
    assert corrected(blank, text, [("Saskatoon", "GPE")]) == [
        ("Saskatoon", "ORG"),
        ("Glenrock", "ORG"),
    ]


def test_national_sides_stay_countries(blank):
    text = "Canada beat Sweden 3-2 in overtime."
    ents = [("Canada", "GPE"), ("Sweden", "GPE")]
    assert corrected(blank, text, ents) == ents


def test_a_name_the_article_gives_a_person_is_no_club(blank):
    text = "Jane Durham won. Durham beat Hull in the final."
    ents = [("Jane Durham", "PERSON"), ("Durham", "PERSON"), ("Hull", "GPE")]
    assert corrected(blank, text, ents) == ents


def test_a_dateline_place_stays_a_place(blank):
    text = "Kingston (CP) - Kingston beat Oshawa 5-2 on Friday."
    ents = [("Kingston", "GPE"), ("Kingston", "GPE"), ("Oshawa", "GPE")]
    assert corrected(blank, text, ents) == [
        ("Kingston", "GPE"),
        ("Kingston", "ORG"),
        ("Oshawa", "ORG"),
    ]


def test_month_columns_of_a_statistics_table_are_no_teams(blank):
    text = "Bank assets\nJuly 96 June 96\n"
    assert corrected(blank, text, [("July 96", "DATE"), ("June 96", "DATE")]) == [
        ("July 96", "DATE"),
        ("June 96", "DATE"),
    ]


def test_a_standings_row_with_games_behind_names_a_team(blank):
    text = "EASTERN DIVISION\nHALIFAX 74 59 .556 -\nSASKATOON 69 65 .515 5 1/2\n"
    assert corrected(blank, text, [("HALIFAX", "GPE")]) == [
        ("HALIFAX", "ORG"),
        ("SASKATOON", "ORG"),
    ]
