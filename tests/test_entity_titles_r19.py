"""Titles before a person's name (actors.yaml 2.15): the person is the name, the title is no part of it.

Sentences constructed in the shape of the allsides_dev errors (names of public figures, hand-known answers).
"""

import pytest

from analysis.entities import analyse_actors
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article


def persons(text: str) -> list[str]:
    doc = parse_article(Article(article_id="t", text=text, outlet="Test outlet"))
    return sorted({m.actor for m in analyse_actors(doc, Settings()).mentions if m.ner_type == "PERSON"})


@pytest.mark.parametrize(("text", "expected"), [
    ("National Security Adviser John Bolton said the talks failed.", ["John Bolton"]),
    ("Deputy White House Counsel Patrick Philbin explained the rules.", ["Patrick Philbin"]),
    ("Seattle Police Chief Carmen Best said in a statement that the order stood.", ["Carmen Best"]),
    ("Secretary of Defense Mark Esper said the troops would stay.", ["Mark Esper"]),
    ("Chief of Staff Mark Meadows said the talks failed.", ["Mark Meadows"]),
    ("Campaign Manager Brad Parscale said the rally was full.", ["Brad Parscale"]),
    ("One of these voices, Maj. James Gant wrote a famous paper.", ["James Gant"]),
    ("The decision, Special Agent Otto Cabrera said, was final.", ["Otto Cabrera"]),
    ("Homicide Sergeant Dave Walker said the men fled.", ["Dave Walker"]),
    ("Army Colonel Jamie Davis said the base was closed.", ["Jamie Davis"]),
    ("Chief Operating Officer Sheryl Sandberg said the firm grew.", ["Sheryl Sandberg"]),
    ("Marine Corps Lance Cpl. Rylee McCollum was killed in the blast.", ["Rylee McCollum"]),
    ("Army Staff Sgt. Ryan Knauss died.", ["Ryan Knauss"]),
    ("Congressman Elijah Cummings said the hearing would go on.", ["Elijah Cummings"]),
    ("Actor Kevin Spacey was charged.", ["Kevin Spacey"]),
    ("Rachel Maddow said so on The Rachel Maddow Show on Monday.", ["Rachel Maddow"]),  # a show is no person
])
def test_the_title_is_no_part_of_the_name(text, expected):
    assert persons(text) == expected


def test_words_that_only_look_like_titles_make_no_person():
    assert persons("Agent Orange was sprayed by the planes.") == []  # "Agent" alone is no title
    assert persons("The Singer Building was sold.") == []  # "Singer" is no title (a surname and a company)


def test_a_company_before_an_officer_title_is_the_company():
    doc = parse_article(Article(article_id="t", outlet="Test outlet",
                                text="Morgan Stanley Chief Financial Officer Jon Pruzan said costs rose."))
    found = {(m.actor, m.ner_type) for m in analyse_actors(doc, Settings()).mentions}
    assert found == {("Morgan Stanley", "ORG"), ("Jon Pruzan", "PERSON")}
