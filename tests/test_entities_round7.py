"""Round-7 main-entity work (issue 7): the m7 main-entity sample and the "of the" organisation-name rule.

The m7 labels (tests/fixtures/devset/m7) were written from each article's headline and lead before the toolkit
was run on it; the expected actors of the excerpts below were read off the text, not printed by the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_devset import bench  # the scorer, loaded once by the devset tests

from analysis.entities import find_actor_mentions
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article

M7 = bench.DEVSET / "m7"
CORPORA_PRESENT = all((bench.CORPORA / s).is_file() for s in bench.SOURCES)
needs_corpora = pytest.mark.skipif(not CORPORA_PRESENT, reason="../shared/corpora is absent")


def _actors(text: str) -> dict[str, str]:
    doc = parse_article(Article("t", text, title=""))
    return {m.actor: m.kind for m in find_actor_mentions(doc, Settings())}


# ------------------------------------------------------------------ organisation names with "of/on/for the"


def test_commission_on_the_supreme_court_is_one_organisation():
    # roundups 5611_left (HuffPost), paragraph 0, shortened; the name was cut to "Presidential Commission"
    found = _actors("Democrats criticized President Joe Biden's recently formed Presidential Commission on the "
                    "Supreme Court, saying its findings fall short.")
    # by hand: Joe Biden (person); the commission's whole name (organisation)
    assert found.get("Presidential Commission on the Supreme Court") == "organisation"
    assert "Presidential Commission" not in found


def test_bodies_with_a_complement_after_the():
    # hand-made: an organisation cue, then of/on/for, "the" and a capitalised complement (which may go on with
    # "of": "the Director of National Intelligence"); no name was found at all before
    found = _actors("Officials from the Department of the Interior briefed the Committee on the Judiciary and the "
                    "Office of the Director of National Intelligence on Monday.")
    assert {"Department of the Interior", "Committee on the Judiciary",
            "Office of the Director of National Intelligence"} <= {a for a, k in found.items() if k == "organisation"}


def test_a_title_after_the_complement_starts_a_person():
    # hand-made after allsides_dev text: a person's title right after the body's name ends the name
    found = _actors("He met National Association for the Advancement of Colored People President Kweisi Mfume.")
    assert found.get("National Association for the Advancement of Colored People") == "organisation"
    assert found.get("Kweisi Mfume") == "person"


def test_no_complement_without_an_organisation_cue():
    # "for the" after a word that is no organisation cue joins nothing ("voted for the Democrats")
    found = _actors("Voters in Ohio voted for the Democrats, Senator Sherrod Brown said.")
    assert not any(" for the " in a for a in found)


def test_a_cue_before_on_types_an_organisation_not_a_person():
    # hand-made: "on" after a cue, as "of" and "for" ("warned" had made the name a person by the reporting verb)
    found = _actors("The Intergovernmental Panel on Climate Change warned on Monday.")
    assert found.get("Intergovernmental Panel on Climate Change") == "organisation"


def test_pipelines_and_buildings_are_named():
    # actors.yaml 2.7, hand-made after roundups 5982 (the Colonial Pipeline hack) and allsides_dev texts
    found = _actors("A hack shut down Colonial Pipeline last week. Aides met at the Longworth House Office "
                    "Building on Tuesday.")
    assert found.get("Colonial Pipeline") == "organisation"
    assert found.get("Longworth House Office Building") == "location"


def test_a_campus_is_part_of_its_universitys_name():
    # roundups 5891_right (Washington Examiner, e5): "University of North Carolina at Chapel Hill" was cut before "at"
    found = _actors("The board of trustees at the University of North Carolina at Chapel Hill voted on Wednesday. "
                    "She taught at the University of Michigan at the time.")
    assert found.get("University of North Carolina at Chapel Hill") == "organisation"
    assert found.get("University of Michigan") == "organisation"  # "at the time": no campus


def test_a_bare_surname_beside_a_namesake_junior_is_the_father():
    # hand-made: father and son share the given name, so "Trump said" is the father (the son is written
    # "Trump Jr." or in full); two Scotts of different given names stay ambiguous
    found = [(m.surface, m.actor) for m in find_actor_mentions(parse_article(Article(
        "t", "President Donald Trump spoke. Donald Trump Jr. tweeted. Trump said so. Mayor Frank Scott Jr. met "
             "Rep. Jamie Scott. Scott said no.", title="")), Settings())]
    assert ("Trump", "Donald Trump") in found
    assert not any(s == "Scott" for s, _ in found)  # ambiguous: not counted


def test_a_surname_written_with_jr_apart_leaves_the_bare_surname_to_the_father():
    # after allsides XACULsZZexIlKVGC (CNN, m7): the son is "Michael Flynn Jr." and "Flynn Jr.", the father only
    # "Mr. Flynn" and "Flynn"; the bare surname was ambiguous between the two forms of the son and never counted
    doc = parse_article(Article("t", "Sources said Mr. Flynn met the ambassador. Michael Flynn Jr. was also "
                                     "there, and Flynn Jr. tweeted about it. Flynn pleaded guilty.", title=""))
    found = [(m.surface, m.actor) for m in find_actor_mentions(doc, Settings())]
    father = {a for s, a in found if s == "Flynn"}  # "Mr. Flynn", "Flynn pleaded": one person, by hand
    assert len(father) == 1 and not next(iter(father)).endswith("Jr.")
    assert sum(a in father for _, a in found) == 2


@pytest.mark.parametrize("text", [
    # a son written "X Jr." beside a person of the same surname and another given name: the bare surname is
    # either of them (review of round 7; invented sentences, read by hand)
    "Michael Flynn Jr. tweeted on Monday. Flynn Jr. deleted the post. Former adviser Charles Flynn said nothing. "
    "Flynn later apologised.",
    "Mayor Frank Scott Jr. met Rep. Jamie Scott on Monday. Mr. Scott Jr. spoke first. Scott said no.",
])
def test_a_junior_written_apart_leaves_a_surname_of_two_given_names_ambiguous(text):
    found = [(m.surface, m.actor) for m in find_actor_mentions(parse_article(Article("t", text)), Settings())]
    assert not any(s in ("Flynn", "Scott") for s, _ in found)  # ambiguous: not counted for anyone


def test_cnn_video_boxes_are_not_body():
    # allsides XACULsZZexIlKVGC: a CNN video box ("JUST WATCHED <title> Replay More Videos ... MUST WATCH <title>
    # 01:33") is page furniture; its title made a person "Michael Flynn Replay"
    from analysis.clean import clean_text
    text = ("Flynn pleaded guilty on Friday.\n"
            "JUST WATCHED See Michael Flynn walk into court Replay More Videos ... MUST WATCH See Michael Flynn walk "
            "into court 01:33\nThe judge set no date.")
    cleaned = clean_text(text)
    assert cleaned.body == "Flynn pleaded guilty on Friday.\nThe judge set no date."
    assert "video box (paragraph 2)" in cleaned.removed
    # a paragraph that goes on with text after the box is not the box's shape: kept whole (review of round 7)
    text = ("JUST WATCHED Flynn pleads guilty Replay More Videos ... MUST WATCH Flynn pleads guilty 01:33 Michael "
            "Flynn, the former national security adviser, pleaded guilty.")
    assert clean_text(text).body == text


# ------------------------------------------------------------------ the m7 sample


def test_m7_fixtures_follow_the_main_only_schema():
    paths = bench.fixture_paths(M7)
    assert len(paths) == 20
    for path in paths:
        data = bench.load_fixture(path)
        bench.check_schema(data, path.name)
        assert data["scope"] == "main" and 1 <= len(data["main"]) <= 3
        assert set(data["entities"]) == set(data["main"])
        assert path.stem == f"{data['source'].split('_')[0]}_{data['article_id']}"
    assert bench.split_folders("m7") == [M7]


def test_m7_is_disjoint_from_every_other_fixture_folder():
    others: set[tuple[str, str]] = set()
    for folder in (bench.DEVSET, bench.DEVSET / "heldout", bench.DEVSET / "e5", bench.HELDOUT_SPEAKERS,
                   bench.R4_SPEAKERS, bench.S6_SPEAKERS):
        others |= bench.fixture_ids(folder)
    assert not bench.fixture_ids(M7) & others
    # s7 was drawn at the same time as m7 by another session: one roundup excerpt is in both, labelled for main
    # entities here and for quotes there (different labels of one text; neither sample is held out)
    assert bench.fixture_ids(M7) & bench.fixture_ids(bench.S7_SPEAKERS) == {("roundups_dev.jsonl", "5971_left")}


def test_scope_main_needs_exactly_the_main_entities():
    data = bench.load_fixture(bench.fixture_paths(M7)[0])
    data["entities"] = {**data["entities"], "Paris": "GPE"}
    with pytest.raises(bench.DevsetError, match="exactly the main entities"):
        bench.check_schema(data, "x.yaml")


def test_main_only_report_scores_main_entities_only():
    # a main-only article: its system mentions are not scored; one main entity, in the top 3 -> 1/1
    text = "Justin Trudeau won. Canada voted on Monday.\n"
    data = {"article_id": "t", "source": "roundups_dev.jsonl", "outlet": "T", "outlet_group": "T",
            "labelled_paragraphs": "all", "labelled_by": "test", "scope": "main",
            "entities": {"Justin Trudeau": "PER"}, "main": ["Justin Trudeau"],
            "mentions": {0: ["Justin Trudeau"]}, "quotes": [], "numbers": {}}
    art = bench.resolve_article(data, text, Path("t.yaml"))
    out = bench.SystemOutput(mentions=[bench.SysMention(bench.Span(20, 26), "Canada", "GPE")],
                             actors=[bench.SysActor("Trudeau", "PER", 1.0), bench.SysActor("Canada", "GPE", 0.5)])
    report = bench.report([art], {"t": out}, {})
    assert "Main entities among each article's top 3 actors by prominence: 1/1 = 1.00" in report
    assert "mention P" not in report
    # a quotes-only article (scope: quotes) still gets its speaker table
    quotes = bench.resolve_article({**data, "scope": "quotes", "main": [],
                                    "quotes": [{"p": 0, "text": "Justin Trudeau won", "kind": "direct",
                                                "speaker": "Justin Trudeau"}]}, text, Path("q.yaml"))
    assert "Quote speakers by outlet" in bench.report([quotes], {"q": bench.SystemOutput()}, {})


@pytest.fixture(scope="module")
def m7_outputs() -> tuple[list, dict]:
    arts = bench.load_devset(M7)
    return arts, bench.system_output(arts)


# Hand-labelled main entities (from headline and lead, before any run) of five m7 articles: each in its
# article's top 3 actors by prominence.
CASES = [
    ("roundups_5685_center", "Justin Trudeau"),  # Reuters: "Canada's Trudeau vows cooperation ..."
    ("roundups_5977_left", "Food and Drug Administration"),  # NYT: "F.D.A. Approves Alzheimer's Drug ..."
    ("roundups_5971_left", "Shelley Moore Capito"),  # HuffPost: talks with Capito end
    ("roundups_5700_right", "Gavin Newsom"),  # Fox News: "Gov. Gavin Newsom survives ..."
    ("allsides_bDVG52n9dP6UjIBF", "Mitt Romney"),  # CNN: "Obama accuses Romney ..."
]


@needs_corpora
@pytest.mark.parametrize("stem, entity", CASES)
def test_m7_main_entity_in_the_top_three(m7_outputs: tuple[list, dict], stem: str, entity: str) -> None:
    arts, outputs = m7_outputs
    art = next(a for a in arts if a.path.stem == stem)
    assert entity in art.main
    one = bench.LabelledArticle(art.article_id, art.source, art.outlet, art.outlet_group, art.path, art.text,
                                art.limit, art.entities, [entity], art.scope, art.title, mentions=art.mentions)
    assert bench.main_entity_hits(one, outputs[stem], bench.load_aliases(M7)) == (1, 1)


@needs_corpora
def test_m7_main_entities_in_the_top_three_overall(m7_outputs: tuple[list, dict]) -> None:
    # 26 of the 32 labelled main entities before round 7 (benchmarks/entities.md): a floor, not a snapshot
    arts, outputs = m7_outputs
    hits = [bench.main_entity_hits(a, outputs[a.path.stem], bench.load_aliases(M7)) for a in arts]
    assert sum(h for h, _ in hits) / sum(n for _, n in hits) >= 0.8


@pytest.mark.parametrize(("text", "names"), [
    # "on the" after a body that takes a subject is part of its name; after other cues it is a preposition
    # (review of round 7; the first is allsides_dev text, the others invented, all read by hand)
    ("The general will brief Congress on the Iraq surge next week.", {"Congress", "Iraq"}),
    ("He spoke to NBC News on the Senate floor on Monday.", {"NBC News", "Senate"}),
    ("The Senate Committee on the Judiciary said no.", {"Senate Committee on the Judiciary"}),
    # a campus is one to three words after "University of X at", not another body or a possessor
    ("Students from the University of Oregon at Portland State University protested.",
     {"University of Oregon", "Portland State University"}),
    # roundups 5891_right (e5): "declined the University of North Carolina at Chapel Hill's offer for tenure"
    ("She declined the University of North Carolina at Chapel Hill's offer for tenure.",
     {"University of North Carolina at Chapel Hill"}),
    ("He lectures at the University of Texas at Austin’s School of Law.", {"University of Texas at Austin"}),
])
def test_complements_and_campuses_end_where_the_name_ends(text, names):
    found = {m.actor for m in find_actor_mentions(parse_article(Article("t", text)), Settings())}
    assert names <= found
    assert not any(" on the " in a for a in found - names)


def test_a_headline_acronym_is_the_organisation_it_abbreviates():
    # roundups 5828_center (The Hill): headline "CDC: Vaccinated people should now wear masks …", body "The Centers
    # for Disease Control and Prevention (CDC) …": the headline's CDC was an actor of its own beside the full name
    doc = parse_article(Article("t", "The Centers for Disease Control and Prevention (CDC) on Tuesday reversed its "
                                     "guidance. The CDC said masks help.",
                                title="CDC: Vaccinated people should now wear masks"))
    found = [(m.sentence_index, m.surface, m.actor) for m in find_actor_mentions(doc, Settings())]
    assert (-1, "CDC", "Centers for Disease Control and Prevention") in found
    assert {a for _, _, a in found} == {"Centers for Disease Control and Prevention"}
