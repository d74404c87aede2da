"""Places, clubs, companies and world-news names (issue 7, round 14).

Each case is a short hand-made sentence, labelled by hand before the change: which words are a name and of which
type (PER, ORG, GPE, LOC; MISC for a capitalised name that is none of them). The comments name the article of the
round-14 sample (tests/fixtures/devset/e7) whose miss the case stands for.
"""

from __future__ import annotations

from analysis.entities import find_entities
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article


def _types(text: str) -> dict[str, str]:
    """Surface -> NER type of every recognised name of ``text`` (the last one when a surface repeats)."""
    doc = parse_article(Article("t", text, title=""))
    return {m.surface.removesuffix("'s").removesuffix("’s"): m.ner_type for m in find_entities(doc, Settings())}


def _actors(text: str) -> dict[str, str]:
    doc = parse_article(Article("t", text, title=""))
    return {m.surface.removesuffix("'s"): m.actor for m in find_entities(doc, Settings())}


def test_arabic_article_names_are_candidates():
    # KPw1mwfvycpsGv0D: "joined Washington's fight against al-Qaida"
    found = _types("The king joined the fight against al-Qaida in Yemen.")
    assert found["al-Qaida"] == "ORG"
    assert _types("He fought al-Qaeda for years.")["al-Qaeda"] == "ORG"  # listed since round 2, never matched
    assert "Bashar al-Assad" in _types("Rebels fought Bashar al-Assad for a decade.")
    assert "al" not in _types("He said it was all over.")


def test_religious_adjectives_are_no_names():
    # KPw1mwfvycpsGv0D: "counter the influence of rival, mainly Shiite Iran"; "Sunni Arab monarchs"
    found = _types("He tried to counter the influence of rival, mainly Shiite Iran in the region.")
    assert found["Iran"] == "GPE"
    assert "Shiite Iran" not in found
    found = _types("He backed Sunni Muslim factions, and Sunni Arab monarchs opposed the uprisings.")
    assert not [s for s, t in found.items() if t == "PERSON"]
    # a body's name or a listed organisation keeps the word
    assert _types("The Muslim World League met in Mecca.")["Muslim World League"] == "ORG"
    assert _types("The Muslim Brotherhood said it would run.")["Muslim Brotherhood"] == "ORG"
    assert _types("Students of Aligarh Muslim University protested.")["Aligarh Muslim University"] == "ORG"


def test_saudi_is_a_demonym():
    # KPw1mwfvycpsGv0D: "according to Saudi state TV"; "Two Saudi officials"
    found = _types("Saudi state TV said the king had died. Two Saudi officials flew to Riyadh.")
    assert not [s for s, t in found.items() if t == "PERSON"]
    assert _actors("Saudi Arabia's King Abdullah has died.")["Saudi Arabia"] == "Saudi Arabia"


def test_buildings_named_before_mosque_or_mall_are_locations():
    # 5651_center: "the entrance to the Eid Gah Mosque in the heart of Kabul"; 5858_right: "the Maponya Mall in Soweto"
    found = _types("The blast hit the entrance to the Eid Gah Mosque in Kabul.")
    assert found["Eid Gah Mosque"] == "LOC"
    assert _types("Armed men defended the Maponya Mall from looters.")["Maponya Mall"] == "LOC"


def test_brewing_and_brewery_end_company_names():
    # IJDH3orN296iXPjD: "its Blue Moon Brewing facility", "AC Golden Brewing", "the Golden-based Coors Brewery"
    found = _types("It runs the Blue Moon Brewing facility, AC Golden Brewing and the old Coors Brewery.")
    assert (found["Blue Moon Brewing"], found["AC Golden Brewing"], found["Coors Brewery"]) == ("ORG", "ORG", "ORG")


def test_river_before_a_name_is_a_location():
    # IJDH3orN296iXPjD: "its facility in Denver's River North" (a neighbourhood) was a person by the given name River
    assert _types("The brewery sits in Denver's River North district.")["River North"] == "LOC"
    assert _types("The River Thames burst its banks.")["River Thames"] == "LOC"


def test_a_demonym_before_army_or_navy_names_the_service():
    # 5949_left: "The Russian Navy is conducting what Russian officials call its largest exercise"
    found = _types("The Russian Navy is conducting its largest exercise in years.")
    assert found["Russian Navy"] == "ORG"
    assert _types("The British Army withdrew its last unit.")["British Army"] == "ORG"
    # a demonym before another cue word still only describes
    assert "Lebanese TV" not in _types("The Lebanese TV station said so.")


def test_a_town_and_a_plural_nickname_in_sport_copy_is_a_club():
    # 2Spq5gQmthECCOy5: "Dallas' 113-97 victory over the visiting Denver Nuggets"
    found = _types("Dallas won 113-97 over the visiting Denver Nuggets, and the New York Yankees lost their game.")
    assert (found["Denver Nuggets"], found["New York Yankees"]) == ("ORG", "ORG")
    # not a group noun, a town's plural place word, or outside a sentence about sport
    found = _types("Texas Democrats met in Colorado Springs to play a game.")
    assert found.get("Colorado Springs") == "GPE"
    assert found.get("Texas Democrats") is None
    assert _types("Officials said Virginia Districts were redrawn last year.").get("Virginia Districts") != "ORG"
    # a given name that is also a town abroad opens a person's name ("George", South Africa)
    assert _types("ABC's George Stephanopoulos asked about the game.")["George Stephanopoulos"] == "PERSON"


def test_brigades_end_an_armed_groups_name_and_a_knife_is_a_thing():
    # corpus actors after the round's rules: "The Ezzedeen al-Qassam Brigades said by e-mail" was a person,
    # "compared AR-15s to Swiss Army knives" an organisation
    found = _types("The Ezzedeen al-Qassam Brigades said by e-mail that the raid failed.")
    assert found["Ezzedeen al-Qassam Brigades"] == "ORG"
    assert _types("The ruling compared rifles to Swiss Army knives.").get("Swiss Army") != "ORG"


def test_usa_before_a_name_is_a_national_body():
    # 5699_left: "Biles blamed USA Gymnastics, the U.S. Olympics committee and the FBI"
    found = _types("Biles blamed USA Gymnastics and the FBI for the abuse.")
    assert found["USA Gymnastics"] == "ORG"
    assert _actors("The USA beat Canada 3-1, and he left the USA in May.")["USA"] == "United States"
    assert _types("Congress renewed the USA Freedom Act.").get("USA Freedom Act") == "MISC"
    assert _types("Shortly after USA Freedom passed the House, he left.").get("USA Freedom") != "ORG"  # a law


def test_a_clubs_nickname_after_the_is_the_club():
    # 2Spq5gQmthECCOy5: "after a Utah Jazz player tested positive" ... "Rudy Gobert of the Jazz"
    text = ("The NBA suspended its season after a Utah Jazz player tested positive. The player is Rudy Gobert of "
            "the Jazz, sources said.")
    assert _types(text)["Jazz"] == "ORG"
    text = "The Denver Nuggets won the game, and the Nuggets will play again."
    assert _types(text)["Nuggets"] == "ORG"
    # a newspaper's cue word is no nickname: "the Times" stays as it was
    assert _types("The Los Angeles Times reported it, the Times said.").get("Times") != "ORG"


def test_a_shouted_verb_after_a_name_in_a_headline_ends_it():
    # 5691_right (Daily Mail): "Macron RECALLS French ambassador to the US over 'unacceptable' AUKUS submarine pact"
    body = "French President Emmanuel Macron recalled the ambassador on Friday."
    doc = parse_article(Article("t", body, title="Macron RECALLS French ambassador to the US"))
    headline = {m.surface: m.ner_type for m in find_entities(doc, Settings()) if m.sentence_index == -1}
    assert headline["Macron"] == "PERSON"


def test_a_compass_word_before_a_state_or_country_names_a_region():
    # devset YfeSxy4MqBqUhfkt: "another in the West Texas cities of Midland and Odessa"
    found = _types("These shootings were followed by another in the West Texas cities of Midland and Odessa.")
    assert found["West Texas"] == "LOC"
    found = _types("Fires spread across Southern California, and Central Florida was spared.")
    assert (found["Southern California"], found["Central Florida"]) == ("LOC", "LOC")
    # a state or country named so is found whole; former states stay states
    found = _types("He visited West Virginia, South Sudan and North Korea.")
    assert (found["West Virginia"], found["South Sudan"], found["North Korea"]) == ("GPE", "GPE", "GPE")
    assert _types("He was born in East Germany in 1960.").get("East Germany") != "LOC"


def test_a_name_inside_a_hyphenated_word_is_found():
    # devset: "Hezbollah-backed Al Manar", "then-IRS Commissioner John Koskinen", "A Reuters-Ipsos national poll",
    # "World Bank-backed projects"; e7 KPw1mwfvycpsGv0D: "the Israel-Palestinian conflict"
    found = _types("Assad spoke to Hezbollah-backed Al Manar on Monday.")
    assert found["Hezbollah"] == "ORG"
    found = _types("He tried to impeach then-IRS Commissioner John Koskinen.")
    assert (found["IRS"], found["John Koskinen"]) == ("ORG", "PERSON")
    found = _types("A Reuters-Ipsos national poll showed a tie.")
    assert (found["Reuters"], found["Ipsos"]) == ("ORG", "ORG")
    assert _types("Millions were displaced by World Bank-backed projects.")["World Bank"] == "ORG"
    assert _types("He was frustrated by the Israel-Palestinian conflict.")["Israel"] == "GPE"
    # the mention is the name's characters only
    doc = parse_article(Article("t", "Assad spoke to Hezbollah-backed Al Manar.", title=""))
    assert next(m.surface for m in find_entities(doc, Settings()) if m.ner_type == "ORG") == "Hezbollah"


def test_hyphenated_names_stay_whole():
    found = _types("Jean-Yves LeDrian met Coca-Cola and the AFL-CIO at the University of California-Berkeley.")
    assert found["Jean-Yves LeDrian"] == "PERSON"
    assert "University of California-Berkeley" in found and "Berkeley" not in found
    assert "CIO" not in found and "Yves" not in found
    found = _types("The Mexican-American Legal Defense Fund sued, and anti-Semitic and pro-Western groups objected.")
    assert found["Mexican-American Legal Defense Fund"] == "ORG"
    assert "Semitic" not in found and "Western" not in found
    # an apposition goes on over a split word: "Github, a Microsoft-owned company"
    assert _types("Github, a Microsoft-owned company that hosts code, is changing it.")["Github"] == "ORG"


def test_a_possessive_name_before_a_thing_head_is_the_possessor():
    # e7 KPw1mwfvycpsGv0D: "staunchly opposed the Middle East's wave of pro-democracy uprisings"
    found = _types("Monarchs opposed the Middle East's wave of uprisings, and the Delta variant spread.")
    assert found["Middle East"] == "LOC"
    assert found.get("Delta") != "GPE"
