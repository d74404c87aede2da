"""Names the chunker cut or joined wrongly on real text (issue 7, ninth round), checked against hand labels.

Each case is a short excerpt of an article of ../shared/corpora (id in the comment), labelled by hand before
the change: what the names are and of which type.
"""

from __future__ import annotations

import pytest

from analysis.entities import find_actor_mentions
from analysis.entities.tokens import name_of
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.segment import tokenize


def _actors(text: str) -> dict[str, str]:
    doc = parse_article(Article("t", text, title=""))
    return {m.actor: m.kind for m in find_actor_mentions(doc, Settings())}


@pytest.mark.parametrize(("text", "body", "person"), [
    # 5675_left: was one organisation "Centers for Disease Control and Prevention Director Dr. Rochelle Walensky"
    ("Centers for Disease Control and Prevention Director Dr. Rochelle Walensky said the risk was low.",
     "Centers for Disease Control and Prevention", "Rochelle Walensky"),
    # DJvv3WJS3bzz33Bu
    ("Centers for Disease Control and Prevention Director Tom Frieden warned on Tuesday.",
     "Centers for Disease Control and Prevention", "Tom Frieden"),
    # 3fSJ9j1aSZIJ5xg9 (headline-like opening sentence)
    ("Department of Homeland Security Secretary Kirstjen Nielsen defended the policy.",
     "Department of Homeland Security", "Kirstjen Nielsen"),
    # BxReX8CCCgObgL3c
    ("Michigan Board of Education President John Austin said the vote was close.",
     "Michigan Board of Education", "John Austin"),
    # hand-made in the same shape
    ("Department of Health and Human Services Secretary Xavier Becerra spoke.",
     "Department of Health and Human Services", "Xavier Becerra"),
])
def test_a_body_with_of_then_its_officer_is_two_names(text: str, body: str, person: str):
    found = _actors(text)
    assert found.get(body) == "organisation"
    assert found.get(person) == "person"
    assert not any(person in a and a != person for a in found)  # the person is not inside a longer name


@pytest.mark.parametrize("text", [
    "Office of the High Commissioner for Refugees officials arrived.",  # a title word inside a name goes on
    "The Secretary General of the United Nations spoke.",
])
def test_titles_inside_a_name_do_not_split_it(text: str):
    found = _actors(text)
    assert not any(k == "person" for k in found.values())


def test_a_title_word_before_jr_is_a_surname():
    # 3Y4BdRpIM17u7ZKX: "Martin Luther King Jr." was the person "Martin Luther" and a person "Jr." (King read as a
    # royal title); by hand one person, and the later "King's" is the same person
    found = _actors("The march honoured Martin Luther King Jr. on Monday. King's speech was read aloud.")
    assert found == {"Martin Luther King Jr.": "person"}


@pytest.mark.parametrize(("text", "name"), [
    # AQTLbiO5nY6VSTHw: was "Bureau of Alcohol"
    ("Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives arrived.",
     "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
    # eiFpj3AyQIbmiAox: with the serial comma
    ("He asked the Bureau of Alcohol, Tobacco, Firearms, and Explosives to help.",
     "Bureau of Alcohol, Tobacco, Firearms, and Explosives"),
    # DHM5CgBkUGE0E1bL
    ("The study appeared in the Journal of Elections, Public Opinion and Parties last year.",
     "Journal of Elections, Public Opinion and Parties"),
    # UOtW3OfxR3V3krxZ (the leading "American" is dropped as a demonym: a known limit, not this rule's)
    ("The American Federation of State, County and Municipal Employees endorsed him.",
     "Federation of State, County and Municipal Employees"),
])
def test_a_list_inside_a_body_name_is_one_organisation(text: str, name: str):
    assert _actors(text).get(name) == "organisation"


@pytest.mark.parametrize(("text", "bodies"), [
    # hTNKk8mdwH1LlVvX: an enumeration of universities, not one name
    ("The University of Arizona, the University of Pennsylvania, and Yale released statements.",
     {"University of Arizona", "University of Pennsylvania"}),  # ("Yale" alone is not found: a recall miss)
    # 8wEB1tfe2d6pkNTk: list items that are bodies themselves
    ("Researchers at the University of Oregon, Princeton University and Georgetown University found it.",
     {"University of Oregon", "Princeton University", "Georgetown University"}),
    # AQTLbiO5nY6VSTHw: two items with a serial comma end an enumeration
    ("Officials of the FBI, the Department of Justice, and DHS met.", {"Department of Justice", "DHS"}),
])
def test_enumerations_of_bodies_stay_apart(text: str, bodies: set[str]):
    found = _actors(text)
    assert bodies <= set(found)
    assert not any("," in a for a in found)


def test_name_of_keeps_the_commas_of_a_list_and_nothing_else():
    toks = tokenize("Bureau of Alcohol, Tobacco, Firearms and Explosives")
    assert name_of(toks, 0, len(toks)) == "Bureau of Alcohol, Tobacco, Firearms and Explosives"
    toks = tokenize("Jonas E. Smith Jr.")
    assert name_of(toks, 0, len(toks)) == "Jonas E. Smith Jr."


@pytest.mark.parametrize(("text", "expected"), [
    # 0XRTf70E1LCwlcrU: "I'm" was a person (by a reporting verb), in 18 mentions of 400 articles
    ("What I'm saying to you this morning is that communism forgets that life is individual.", {}),
    ("We’ve seen it before, said John Smith.", {"John Smith": "person"}),
    # 76roajWLtZTeiAO6: "Chapter" was an organisation (a cue word) in 16 mentions
    ("While Chapter 7 is the usual route for consumer filings, Chapter 13 is available.", {}),
    ("Title IX protects students, said Betsy DeVos.", {"Betsy DeVos": "person"}),
    # 32LRPR9yH8oK1MyA: "Crutcher's sister" made him an organisation (possessor of a role: "Sister" is a title)
    ("Crutcher's sister described him as a father.", {"Crutcher": "person"}),
    ("Disney's sister company sold it.", {"Disney": "organisation"}),
    # 19ZQHT2ggIh0CJSM: "Democratic" was a city ("place before 'region'")
    ("In the ensuing decades, the South transformed from a one-party, Democratic region into another.", {}),
])
def test_words_that_are_no_names_and_possessors_of_kin(text: str, expected: dict[str, str]):
    found = _actors(text)
    assert {a: k for a, k in found.items() if a in expected or k == "person" or a in ("Chapter", "IX", "Democratic")} \
        == expected


def test_a_listed_persons_surname_before_camp_is_no_place():
    # E6SXzyY6ycbXyODn: "the Biden camp" typed Biden as a location (site before "camp"), and every later "Biden"
    found = _actors("Joe Biden spoke on Monday. I think the view in the Biden camp is that it works. Biden agreed.")
    assert found == {"Joe Biden": "person"}


@pytest.mark.parametrize("text", [
    "My colleague wrote about a black Georgia Democrat who is standing with police.",  # 0ZyDQA7Zo7njZ1vC
    "A federal judge denied an effort to restore 98,000 Georgia voters. Georgia appealed.",  # EynFpxa17kaMNdiI
])
def test_georgia_in_us_news_is_the_state_in_every_use(text: str):
    # by hand: the US state in all 12 articles of the first 400 of each corpus that name Georgia; the recogniser
    # typed it a state and the actor list's country of that name overrode it (31 mentions)
    assert _actors(text).get("Georgia") == "state"


def test_dc_alone_is_the_district():
    # 9YLy0kcUGqpThXhg: "DC" was an organisation by the acronym rule (21 mentions in the first 400 articles)
    found = _actors("A firm could spend $1 million on ads on the side of DC buses.")
    assert found == {"District of Columbia": "state"}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The story, WSB-TV reported, was false.", "WSB-TV", "organisation"),  # a call sign (4 stations in 400 articles)
    ("On Monday FactSet said earnings rose.", "FactSet", "organisation"),  # a capital inside the word
    ("AL.com and ProPublica reported in September that sheriffs release inmates.", "ProPublica",
     "organisation"),  # 5isjeNLsZ5W8rQC0: 8 mentions were a person
    ("On Monday McConnell said no.", "McConnell", "person"),  # a surname prefix explains the capital
    ("On Monday DeSantis said yes.", "DeSantis", "person"),
    ("On Monday O'Rourke said so.", "O'Rourke", "person"),
])
def test_organisation_shaped_names_before_a_reporting_verb(text: str, name: str, kind: str):
    assert _actors(text).get(name) == kind


def test_a_numbered_part_inside_a_longer_name_stays_in_it():
    # devset allsides (Article III Project, p3): the numbered-part rule must not cut a name that goes on
    assert _actors("He founded the Article III Project in 2019.") == {"Article III Project": "organisation"}


def test_party_words_come_from_the_actor_lexicon(tmp_path) -> None:
    # "party_words" (actors.yaml 2.9) is a rule list like the others: a user file adds to it. "Whig" is no listed
    # party word, so before the user file the place cue types it as a town ("a Whig region"); with it, no place.
    text = "In the ensuing decades, the South transformed from a one-party, Whig region into another."
    assert _actors(text) == {"Whig": "city", "South": "location"}  # "the South": a region (round 13)
    user = tmp_path / "actors.yaml"
    user.write_text("meta: {name: mine, version: '1', source: me, licence: MIT}\nparty_words: [Whig]\n",
                    encoding="utf-8")
    doc = parse_article(Article("t", text, title=""))
    assert {m.actor for m in find_actor_mentions(doc, Settings(actors_file=str(user)))} == {"South"}


@pytest.mark.parametrize("text", [
    # 8ERd4PuIPYTEeq7t: "Southern" was a person ("states" read as a reporting verb)
    "The legislature moved the primary to coincide with the SEC primary of mostly Southern states.",
    # Cou4Tn7mwDFwSJNA: "Arab" was a person
    "Other Arab states gave carefully worded initial responses to the plan.",
    # 3BalWtLANFZZtx1L: "Bluetooth" was a person ("signals")
    "They don't allow developers to constantly broadcast Bluetooth signals, as that has been exploited.",
    # E6SXzyY6ycbXyODn: "Democratic Midwestern" was a person
    "There are the historically Democratic Midwestern states that flipped to Trump's column.",
    # 6nGggC9h7TpahLL2 (after an ellipsis, mid-sentence): "Economists" was a person
    "Wages rose 2.9 percent in December...Economists say job gains are being driven by demand.",
    # 7X4DsQSFGY8U8X3M: "Iowans" was a person
    "He told Iowans that they had shocked the nation.",
])
def test_a_modifier_or_group_plural_before_a_reporting_verb_is_no_person(text: str) -> None:
    assert not any(kind == "person" for kind in _actors(text).values())


@pytest.mark.parametrize(("text", "person"), [
    ("The economy is strong, as Smith notes.", "Smith"),  # a clause opener before the name
    ("The economy is strong, Evans says.", "Evans"),  # a surname ending in -ans
    ("Pete Buttigieg told Iowans that they had shocked the nation.", "Pete Buttigieg"),
])
def test_speakers_before_noun_like_verbs_stay_persons(text: str, person: str) -> None:
    assert _actors(text).get(person) == "person"


@pytest.mark.parametrize(("text", "short", "company"), [
    # A9oVogFEOfjnl65L: "Sprint" (by "added", a reporting verb) was a person in all nine mentions
    ("The Justice Department approved T-Mobile US Inc.'s acquisition of Sprint Corp., a deal it rejected. "
     "T-Mobile and Sprint agreed to sell assets. T-Mobile rose 6.6%, while Sprint added 8.3% to $8.06.",
     "Sprint", "Sprint Corp"),
    # 3iYOTKflaH8hji3C: "Neptune said" was a person
    ("Canopy made a similar move, as did Neptune Wellness Solutions Inc. on Friday. "
     "\u201cWe regret the market conditions,\u201d Neptune said in a statement.", "Neptune",
     "Neptune Wellness Solutions Inc"),
])
def test_a_one_word_name_opening_a_company_name_is_the_company(text: str, short: str, company: str) -> None:
    doc = parse_article(Article("t", text, title=""))
    kinds = {(m.surface, m.actor, m.kind) for m in find_actor_mentions(doc, Settings())}
    assert (short, company, "organisation") in kinds
    assert not any(surface == short and kind == "person" for surface, _, kind in kinds)


@pytest.mark.parametrize(("text", "names"), [
    # DmV9rQ5TcLiss8Zw: "America" was the United States and "Dow Chemical" a person (by the given name "Dow");
    # after the fix of "of America", the list must not become one organisation either
    ("The committee raised $1 million each from Bank of America, Boeing, Dow Chemical, Pfizer, and Qualcomm.",
     {"Bank of America": "organisation", "Boeing": "organisation", "Dow Chemical": "organisation",
      "Pfizer": "organisation", "Qualcomm": "organisation"}),
    # hand-made in the shapes the first 400 articles of both corpora hold ("Planned Parenthood Federation of
    # America", "Bank of China", "Civil Aviation Administration of China" were cut before "of PLACE")
    ("The Planned Parenthood Federation of America sued the state.",
     {"Planned Parenthood Federation of America": "organisation"}),
    ("The Bank of Japan raised rates, and the Church of England voted.",
     {"Bank of Japan": "organisation", "Church of England": "organisation"}),
    ("The Civil Aviation Administration of China grounded the planes.",
     {"Civil Aviation Administration of China": "organisation"}),
])
def test_an_organisation_named_after_a_place_is_one_organisation(text: str, names: dict[str, str]) -> None:
    assert _actors(text) == names


def test_a_republic_of_a_listed_country_is_no_organisation_named_after_it() -> None:
    # "Republic of Korea" is an alias of South Korea (actors.yaml): the rule for "Bank of Japan" leaves it alone
    assert _actors("The Republic of Korea protested on Monday.") == {"South Korea": "country"}


def test_the_complement_of_a_name_before_a_reporting_verb_is_no_person() -> None:
    # Ayo07qI1h3L5ztwl: "Rights" was a person in 21 mentions ("the Bill of Rights stated:")
    assert _actors('The Preamble of the Bill of Rights stated: "The Conventions agreed."') == {}


@pytest.mark.parametrize(("text", "body"), [
    # 5616_left, 8fdb3fGjVz9IHFOm: "Drug Administration" (the country before "Food" ended the "X and Y CUE" name)
    ("Vaccine advisers to the US Food and Drug Administration voted unanimously Thursday.",
     "Food and Drug Administration"),
    ("The drugs are approved by the U.S. Food and Drug Administration to treat arthritis.",
     "U.S. Food and Drug Administration"),
    # allsides, first 400 articles: "Immigration Services", "Steel Association"
    ("The forms go to U.S. Citizenship and Immigration Services for review.",
     "U.S. Citizenship and Immigration Services"),
    ("Output fell, according to the China Iron and Steel Association.", "China Iron and Steel Association"),
])
def test_a_country_before_an_x_and_y_body_keeps_the_body_whole(text: str, body: str) -> None:
    assert _actors(text).get(body) == "organisation"


@pytest.mark.parametrize(("text", "names"), [
    # 2gvt1Cv97rWWIRij: "George" was a city (George, South Africa) and "Washington" the United States
    ("The fact that George Washington was a slaveholder does not render his status moot.",
     {"George Washington": "person"}),
    # 5658_center: "Delta" was a city (Delta, British Columbia)
    ("New infections fell by 25% — another sign that the worst of the Delta wave may be behind us.", {}),
    # a place standing for its country is still the country after a word that is no English given name
    ("Valid U.S. federal, state or local government issued ID.", {"United States": "country"}),
    ("Will Washington act?", {"United States": "country"}),
])
def test_a_given_name_before_a_capital_makes_a_person(text: str, names: dict[str, str]) -> None:
    assert _actors(text) == names


@pytest.mark.parametrize("text", [
    # allsides articles 400-800 of allsides_dev (ids in brackets): each made a person of the marked word
    "An emergency room physician who has recovered from Ebola said Tuesday that he was fine.",  # GJkFtgL1 "Ebola"
    "Trump's comments saying that he is open to keeping parts of Obamacare suggest that he sees the risk.",  # LFWm
    "A panel of the U.S. Court of Appeals for the 4th Circuit said the rule was wrong.",  # 5869_left "Circuit"
    "The Texas Attorney General\u2019s Office, which handles collections, has won in court.",  # FiUt55u8 "Office"
    "Rioters forced their way to barricaded doors leading to the Speaker\u2019s Lobby.",  # 5761_right "Lobby"
    "The Los Angeles and Orange County Sheriff Departments have created a loophole.",  # LNbVoUlG "Departments"
    "Supporters wait before the Iowa Democratic Party's Liberty and Justice Celebration on Nov. 1.",  # FnEaZUJX
    "The American people might object if they realized the Democratic administration was meddling.",  # Uxy7QyB6
])
def test_no_person_from_a_preposition_a_possessive_title_or_a_noun_after_a_title(text: str) -> None:
    assert not any(kind == "person" for kind in _actors(text).values())


@pytest.mark.parametrize(("text", "name", "kind"), [
    # NwbtZhNd: "Macy" was a person
    ("On Monday morning, Macy\u2019s announced that it is furloughing its employees.", "Macy", "organisation"),
    # kept: a subject after "than", a title before a name ending like a noun but in the gazetteer
    ("She has campaigned for 46 years, far longer than Trump suggested.", "Trump", "person"),  # 7bPH9i3P
    ("Sen. Vance said no.", "Vance", "person"),
    ("President Trump said no.", "Trump", "person"),
])
def test_possessive_shop_names_and_kept_persons(text: str, name: str, kind: str) -> None:
    assert _actors(text).get(name) == kind


@pytest.mark.parametrize("text", [
    # articles 0-800 of allsides_dev, 0-400 of roundups_dev: each name was a person (or an organisation)
    "Copperhead Democrats opposed fighting and winning the Civil War.",
    "The bill would restore the Voting Rights Act and expand the First Amendment's reach.",
    "A group of young people is agitating for a Green New Deal.",
    "The Dow Jones Industrial Average fell 2 percent on Monday.",
    "Happy Anzac Day to all who served.",
    # the law's acronym goes with it: "FISA" was an organisation
    "The Foreign Intelligence Surveillance Act (FISA) allows it. FISA was passed in 1978.",
])
def test_names_of_laws_wars_indices_and_holidays_are_no_actors(text: str) -> None:
    assert _actors(text) == {}


def test_a_person_named_like_a_holiday_stays_a_person() -> None:
    assert _actors("Former governor Nathan Deal said no.") == {"Nathan Deal": "person"}


@pytest.mark.parametrize(("text", "names"), [
    # NPanwdHDONwRKNME: "Washington" was the United States and "Free Beacon" a person
    ("An email obtained by the Washington Free Beacon said 96 members were cut.",
     {"Washington Free Beacon": "organisation"}),
    # Gg1pK0IfW3EDnq4j: "Marine Corps" was a person (given name "Marine")
    ("He is a former Marine Corps officer who deployed twice.", {"Marine Corps": "organisation"}),
    ("The Des Moines Register reported it first.", {"Des Moines Register": "organisation"}),
    # Hm8Mki9DKKwK5cXT: "North Fulton" was a person (two surnames)
    ("North Fulton is home to some of the most conservative turf in the district.", {}),
])
def test_newspaper_and_corps_names_and_compass_words(text: str, names: dict[str, str]) -> None:
    assert _actors(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("AOC said the bill would pass.", {"Alexandria Ocasio-Cortez": "person"}),  # was an organisation "AOC"
    ("The House Ways and Means Committee met on Friday.", {"House Ways and Means Committee": "organisation"}),
    ("The state's budget for FY 2018 includes the HB 2 changes.", {}),  # FY, HB were organisations
])
def test_initials_of_persons_bill_numbers_and_the_house_committee(text: str, names: dict[str, str]) -> None:
    assert _actors(text) == names


def test_an_airline_name_ends_before_its_flight_number() -> None:
    # allsides_1vutnmyxCAhCGzMo (devset): "Saratov Airlines Flight 703" was no actor
    assert _actors("Saratov Airlines Flight 703, with 65 passengers and a crew of six, was bound for Orsk.") == {
        "Saratov Airlines": "organisation", "Orsk": "city"}


def test_a_listed_company_wins_over_a_city_of_its_name() -> None:
    # I69Eqrc1TwPlRUzK: "Toyota" was the city of Toyota (Aichi)
    assert _actors("Within hours, the magnitude of the loss was evident to Toyota.") == {"Toyota": "organisation"}
