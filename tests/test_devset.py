"""The hand-labelled development set (tests/fixtures/devset) and the scorer of benchmarks/bench_entities.py.

Fixture checks: schema (always), and with ../shared/corpora present every label found at its stated
place in the article. Scorer checks: matching and scores on tiny hand-made articles whose precision and
recall are worked out by hand in the comments.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_entities", ROOT / "benchmarks" / "bench_entities.py")
bench = importlib.util.module_from_spec(_spec)
assert _spec.loader is not None
sys.modules.setdefault("bench_entities", bench)
_spec.loader.exec_module(bench)

FIXTURES = bench.fixture_paths()
HELDOUT = bench.fixture_paths(bench.DEVSET / "heldout")
CORPORA_PRESENT = all((bench.CORPORA / s).is_file() for s in bench.SOURCES)
needs_corpora = pytest.mark.skipif(not CORPORA_PRESENT, reason="../shared/corpora is absent")


# ------------------------------------------------------------------------------------------ fixtures

@pytest.mark.parametrize("path", FIXTURES + HELDOUT, ids=[p.stem for p in FIXTURES + HELDOUT])
def test_fixture_schema(path: Path) -> None:
    data = bench.load_fixture(path)
    bench.check_schema(data, path.name)
    assert path.stem == f"{data['source'].split('_')[0]}_{data['article_id']}"  # one file per article, named by id
    assert data["main"], "every article names 1-3 main entities"
    assert 1 <= len(data["main"]) <= 3


def test_fixtures_hold_short_excerpts_only() -> None:
    # Labels are surfaces and short excerpts: no string in a fixture is longer than a long sentence.
    for path in FIXTURES + HELDOUT:
        def strings(x: object) -> list[str]:
            if isinstance(x, str):
                return [x]
            if isinstance(x, dict):
                return [s for v in x.values() for s in strings(v)]
            if isinstance(x, list):
                return [s for v in x for s in strings(v)]
            return []
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        labels = {k: v for k, v in data.items() if k != "notes"}
        assert max(len(s) for s in strings(labels)) <= 120, path.name


def test_aliases_file() -> None:
    aliases = bench.load_aliases()
    assert all(isinstance(v, set) and v for v in aliases.values())


@pytest.fixture(scope="module")
def devset() -> list:
    """Every fixture resolved against the corpora (read once per module)."""
    return bench.load_devset()


@needs_corpora
def test_every_label_occurs_in_its_article(devset: list) -> None:
    # load_devset raises DevsetError for any label not found, in reading order, in its paragraph.
    articles = devset
    assert len(articles) == len(FIXTURES)
    for art in articles:
        for m in art.mentions:
            assert bench.same_spaces(art.text[m.span.start:m.span.end]) == m.surface
        for q in art.quotes:
            assert bench.same_spaces(art.text[q.span.start:q.span.end]) == q.excerpt
        for n in art.numbers:
            assert bench.same_spaces(art.text[n.span.start:n.span.end]) == n.surface
        assert all(m.span.end <= art.limit for m in art.mentions)


@needs_corpora
def test_heldout_split_resolves_and_is_disjoint_from_the_devset() -> None:
    # The held-out split (entities and main entities only) reads its texts like the devset, shares its
    # aliases, and holds none of the devset's articles.
    held = bench.load_devset(bench.DEVSET / "heldout")
    assert len(held) == len(HELDOUT) >= 15
    assert all(a.scope == "entities" and not a.quotes and not a.numbers for a in held)
    for art in held:
        for m in art.mentions:
            assert bench.same_spaces(art.text[m.span.start:m.span.end]) == m.surface
    assert not {p.name for p in HELDOUT} & {p.name for p in FIXTURES}
    assert len({a.outlet_group for a in held}) >= 8
    assert bench.load_aliases(bench.DEVSET / "heldout") == bench.load_aliases()


@pytest.mark.parametrize(("split", "articles", "groups"), [("e5", 12, 12), ("e6", 15, 9), ("e7", 16, 15)])
def test_entity_samples_are_disjoint_from_every_other_split(split: str, articles: int, groups: int) -> None:
    # The round-5 entity sample holds 12 articles of 12 outlet groups, the round-13 one 15 articles of 9 (wire,
    # business, sport and world news), the round-14 one 16 of 15 (places, sport, business, world), entities only,
    # found in no other fixture folder (compared by file name only: the held-out labels are not read). One known
    # overlaps: e6's AP excerpt 5630_center is also in the round-12 speaker sample s10 (quotes only there), e7's NYT
    # excerpt 5856_left in s11.
    sample = bench.fixture_paths(bench.DEVSET / split)
    assert len(sample) == articles
    folders = (bench.DEVSET, bench.DEVSET / "heldout", bench.DEVSET / "e5", bench.DEVSET / "e6", bench.DEVSET / "e7",
               bench.DEVSET / "m7", bench.DEVSET / "m18", bench.HELDOUT_SPEAKERS, bench.R4_SPEAKERS, bench.S6_SPEAKERS,
               bench.S7_SPEAKERS,
               bench.S8_SPEAKERS, bench.S9_SPEAKERS, bench.S10_SPEAKERS, bench.S11_SPEAKERS,
               bench.S12_SPEAKERS, bench.S13_SPEAKERS)
    others = {p.name for folder in folders if folder != bench.DEVSET / split for p in bench.fixture_paths(folder)}
    # (e7 and the round-13 speaker sample s11 were drawn at the same time by two helpers: both hold the NYT excerpt
    # 5856_left, entities labelled in e7 and quotes in s11; each is scored on its own labels only)
    known = {"e6": {"roundups_5630_center.yaml"}, "e7": {"roundups_5856_left.yaml"}}.get(split, set())
    assert {p.name for p in sample} & others == known
    data = [bench.load_fixture(p) for p in sample]
    assert all(d["scope"] == "entities" and not d["quotes"] and not d["numbers"] for d in data)
    assert len({d["outlet_group"] for d in data}) == groups
    assert bench.split_folders(split) == [bench.DEVSET / split]


@needs_corpora
def test_devset_coverage(devset: list) -> None:
    articles = devset
    groups = {a.outlet_group for a in articles}
    # Issue 7: at least 30 articles from at least 8 outlets, NYT-style "Mr./Ms." text among them.
    assert len(articles) >= 30
    assert len(groups) >= 8
    nyt_style = [a for a in articles if any(m.surface.startswith(("Mr. ", "Ms. ", "Mrs. ")) for m in a.mentions)]
    assert len(nyt_style) >= 3
    assert sum(len(a.quotes) for a in articles) >= 200


# ------------------------------------------------------------------------------------- label reading

TEXT = ("Mr. Trump met Angela Merkel in Berlin on Monday.\n\n"
        "“We agree,” Ms. Merkel said. Officials said 3,000 troops would stay, and one of them was 45.\n\n"
        "Trailer paragraph with Paris.")


def tiny(**over: object) -> dict:
    data = {
        "article_id": "t1", "source": "allsides_dev.jsonl.gz", "outlet": "Test", "outlet_group": "Test",
        "labelled_paragraphs": 2, "labelled_by": "test",
        "entities": {"Donald Trump": "PER", "Angela Merkel": "PER", "Berlin": "GPE"},
        "main": ["Angela Merkel"],
        "mentions": {0: ["Mr. Trump = Donald Trump", "Angela Merkel", "Berlin"], 1: ["Ms. Merkel = Angela Merkel"]},
        "quotes": [{"p": 1, "text": "We agree", "kind": "direct", "speaker": "Angela Merkel"},
                   {"p": 1, "text": "3,000 troops would stay", "kind": "indirect", "speaker": "Officials",
                    "speaker_kind": "description"}],
        "numbers": {1: ["3,000 troops", {"non": "one", "why": "pronoun"}, {"non": "45", "why": "age"}]},
    }
    data.update(over)
    return data


def resolved(**over: object) -> bench.LabelledArticle:
    return bench.resolve_article(tiny(**over), TEXT, Path("t.yaml"))


def test_paragraphs_are_non_blank_lines() -> None:
    spans = bench.paragraphs(TEXT)
    assert [TEXT[s.start:s.end][:6] for s in spans] == ["Mr. Tr", "“We ag", "Traile"]


def test_labels_resolve_to_offsets() -> None:
    art = resolved()
    assert [(TEXT[m.span.start:m.span.end], m.entity) for m in art.mentions] == [
        ("Mr. Trump", "Donald Trump"), ("Angela Merkel", "Angela Merkel"), ("Berlin", "Berlin"),
        ("Ms. Merkel", "Angela Merkel")]
    assert art.mentions[0].span == bench.Span(0, 9)
    assert art.limit == TEXT.index("\n\nTrailer")  # two labelled paragraphs
    assert [n.claim for n in art.numbers] == [True, False, False]
    assert art.quotes[1].speaker_kind == "description"


@pytest.mark.parametrize("over, message", [
    ({"mentions": {0: ["Berlin", "Angela Merkel = Angela Merkel"]}}, "not found"),  # out of reading order
    ({"mentions": {0: ["Trump = Donald Trump", "Angela Merkel", "Berlin"], 1: ["Merkel = Angela Merkel"]},
      "entities": {"Donald Trump": "PER", "Angela Merkel": "PER", "Berlin": "CITY"}}, "type"),
    ({"mentions": {2: ["Paris"]}}, "outside the labelled paragraphs"),
    ({"numbers": {1: ["000 troops"]}}, "longer number"),  # what an unquoted "3,000 troops" becomes in YAML
    ({"numbers": {1: [{"non": "one", "why": "because"}]}}, "reason"),
    ({"main": ["Emmanuel Macron"]}, "main entity"),
    ({"quotes": [{"p": 1, "text": "We agree", "kind": "direct", "speaker": "Olaf Scholz"}]}, "not in entities"),
    ({"entities": {"Donald Trump": "PER", "Angela Merkel": "PER", "Berlin": "GPE", "Paris": "GPE"}}, "no mention"),
    ({"extra": 1}, "unknown key"),
    ({"scope": "claims"}, "scope must be"),
    ({"scope": "quotes"}, "numbers are not"),  # quote-only scope (held-out speakers) with numbers present
    ({"scope": "entities"}, "not labelled"),  # entity-only scope with quotes and numbers present
])
def test_bad_fixtures_are_refused(over: dict, message: str) -> None:
    with pytest.raises(bench.DevsetError, match=message):
        resolved(**over)


def test_a_surface_is_never_found_inside_a_longer_word() -> None:
    assert bench.find_word("Trumpism and Trump", "Trump", 0, 18) == 13


# ------------------------------------------------------------------------------------------- matching

def test_normalise_name() -> None:
    assert bench.normalise_name("Mr. Trump’s") == "trump"
    assert bench.normalise_name("the White House") == "white house"
    assert bench.normalise_name("U.S.") == "us"
    assert bench.normalise_name("President") == "president"  # a lone title stays


@pytest.mark.parametrize("system, names, person, expected", [
    ("Trump", {"donald trump"}, True, True),  # surname of a person
    ("Donald J. Trump", {"donald trump"}, True, True),  # initials ignored
    ("Mrs. Clinton", {"hillary clinton"}, True, True),
    ("Bill Clinton", {"hillary clinton", "clinton"}, True, False),  # conflicting given name
    ("Department", {"justice department"}, False, False),  # no suffix rule outside persons
    ("Despite Trump", {"donald trump", "trump"}, True, False),
    ("the Kremlin", {"kremlin"}, False, True),
])
def test_names_match(system: str, names: set[str], person: bool, expected: bool) -> None:
    assert bench.names_match(system, names, person) is expected


def test_greedy_overlap_is_one_to_one_largest_first() -> None:
    S = bench.Span
    system = [S(0, 9), S(4, 9), S(14, 27)]
    gold = [S(0, 9), S(14, 20)]
    # S(0,9) overlaps gold 0 by 9, S(4,9) by 5: the larger wins, S(4,9) stays unmatched.
    assert bench.greedy_overlap(system, gold) == {0: 0, 2: 1}


def test_kind_to_type() -> None:
    assert [bench.kind_to_type(k) for k in ("person", "organisation", "country", "location", "other")] == [
        "PER", "ORG", "GPE", "LOC", "OTHER"]
    # the ner_type vocabulary of the entity layer
    assert [bench.kind_to_type(k) for k in ("PERSON", "ORG", "GPE", "LOC", "MISC", "city", "region")] == [
        "PER", "ORG", "GPE", "LOC", "OTHER", "GPE", "LOC"]


# -------------------------------------------------------------------------------------------- scoring

def sysout(mentions=(), actors=(), quotes=(), claims=()) -> bench.SystemOutput:
    return bench.SystemOutput(list(mentions), list(actors), list(quotes), list(claims))


def span_of(text: str, nth: int = 0) -> bench.Span:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(text, i + 1)
    return bench.Span(i, i + len(text))


def test_mention_scores_by_hand() -> None:
    art = resolved()
    out = sysout(mentions=[
        bench.SysMention(span_of("Trump"), "Trump", "PER"),  # overlaps "Mr. Trump": PER tp
        bench.SysMention(span_of("Angela Merkel"), "Angela Merkel", "ORG"),  # right span, wrong type
        bench.SysMention(span_of("Monday"), "Monday", "PER"),  # no gold: PER fp
        bench.SysMention(span_of("Paris"), "Paris", "GPE"),  # beyond the labelled paragraphs: ignored
    ])
    s = bench.score_mentions(art, out)
    # PER: gold Mr. Trump, Angela Merkel, Ms. Merkel (3); system PER Trump, Monday -> tp 1, fp 1, fn 2.
    assert (s["PER"].tp, s["PER"].fp, s["PER"].fn) == (1, 1, 2)
    assert s["PER"].precision == 0.5 and s["PER"].recall == pytest.approx(1 / 3)
    assert s["PER"].f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    # ORG: no gold, one system -> P 0/1; GPE: Berlin missed -> R 0/1.
    assert (s["ORG"].tp, s["ORG"].fp, s["ORG"].fn) == (0, 1, 0)
    assert (s["GPE"].tp, s["GPE"].fp, s["GPE"].fn) == (0, 0, 1)
    # Type-blind: Trump and Angela Merkel overlap gold -> tp 2 of 3 system, 2 of 4 gold.
    assert (s["ALL"].tp, s["ALL"].fp, s["ALL"].fn) == (2, 1, 2)
    assert math.isnan(s["LOC"].precision) and math.isnan(s["LOC"].recall)


def test_document_scores_by_hand() -> None:
    art = resolved()
    out = sysout(mentions=[
        bench.SysMention(span_of("Trump"), "Trump", "PER"),  # Donald Trump found (surname rule)
        bench.SysMention(span_of("Merkel"), "Merkel", "PER"),  # Angela Merkel found
        bench.SysMention(span_of("Berlin"), "Berlin", "PER"),  # Berlin typed as a person: PER fp, GPE fn
        bench.SysMention(span_of("Officials"), "Officials", "ORG"),  # not an entity: ORG fp
    ])
    s = bench.score_documents(art, out, {})
    # (found, gold, right, system): PER 2 of 2 entities found, 2 of 3 PER actors right (Berlin is wrong);
    # ORG no entity, 1 wrong actor; GPE Berlin not found as a GPE.
    assert (s["PER"].found, s["PER"].gold, s["PER"].right, s["PER"].system) == (2, 2, 2, 3)
    assert (s["ORG"].found, s["ORG"].gold, s["ORG"].right, s["ORG"].system) == (0, 0, 0, 1)
    assert (s["GPE"].found, s["GPE"].gold, s["GPE"].right, s["GPE"].system) == (0, 1, 0, 0)
    assert s["PER"].precision == pytest.approx(2 / 3) and s["PER"].recall == 1.0


def test_two_system_actors_for_one_entity_find_it_once() -> None:
    art = resolved()
    out = sysout(mentions=[bench.SysMention(span_of("Mr. Trump"), "Trump", "PER"),
                           bench.SysMention(span_of("Angela Merkel"), "Angela Merkel", "PER"),
                           bench.SysMention(span_of("Merkel", 1), "Merkel", "PER")])
    s = bench.score_documents(art, out, {})["PER"]
    # 3 system actors, all right; 2 labelled persons, both found (Merkel once, though found twice).
    assert (s.found, s.gold, s.right, s.system) == (2, 2, 3, 3)


def test_aliases_let_a_system_name_match() -> None:
    art = resolved()
    out = sysout(mentions=[bench.SysMention(span_of("Berlin"), "German capital", "GPE")])
    assert bench.score_documents(art, out, {})["GPE"].found == 0
    assert bench.score_documents(art, out, {"Berlin": {"German capital"}})["GPE"].found == 1


def test_main_entity_hits_top_three_by_prominence() -> None:
    art = resolved(main=["Angela Merkel", "Donald Trump"])
    actors = [bench.SysActor("Merkel", "PER", 2.0), bench.SysActor("Berlin", "GPE", 1.5),
              bench.SysActor("Officials", "ORG", 1.2), bench.SysActor("Trump", "PER", 1.0)]
    # Top 3: Merkel, Berlin, Officials -> Angela Merkel hit, Donald Trump (4th) missed.
    assert bench.main_entity_hits(art, sysout(actors=actors), {}) == (1, 2)


def test_outlet_naming_itself_is_reported_apart() -> None:
    # An ORG entity that the system flags as the outlet's own name is not found (not counted), and the report
    # says how many such entities there are and the ORG recall counting them: here 1 ORG entity, found 0 + 1 of 1.
    art = resolved(entities={"Donald Trump": "PER", "Angela Merkel": "PER", "Berlin": "GPE", "Officials": "ORG"},
                   mentions={0: ["Mr. Trump = Donald Trump", "Angela Merkel", "Berlin"],
                             1: ["Ms. Merkel = Angela Merkel", "Officials"]})
    out = sysout()
    out.flagged = ["Officials"]
    text = bench.report([art], {art.path.stem: out}, {})
    assert "1 labelled ORG entities; ORG document recall counting them as found: 1.00" in text


def test_speaker_scores_by_hand() -> None:
    art = resolved()
    we_agree, troops = art.quotes
    right = bench.SysQuote(span_of("We agree"), "Angela Merkel", "Ms. Merkel", "direct")
    surface_only = bench.SysQuote(span_of("We agree"), "", "Ms. Merkel", "direct")
    wrong = bench.SysQuote(span_of("We agree"), "Donald Trump", "Mr. Trump", "direct")
    officials = bench.SysQuote(span_of("3,000 troops would stay"), "officials", "Officials", "indirect")
    assert bench.speaker_correct(we_agree, right, art, {})
    assert bench.speaker_correct(we_agree, surface_only, art, {})
    assert not bench.speaker_correct(we_agree, wrong, art, {})
    assert not bench.speaker_correct(we_agree, None, art, {})  # a missed quote is wrong
    assert bench.speaker_correct(troops, officials, art, {})  # description head noun "official(s)"
    # Two labelled quotes; the system finds only the first, with the right speaker: 2 labelled, 1 found, 1 right.
    assert bench.score_quotes(art, sysout(quotes=[right]), {}) == (2, 1, 1)


def test_unattributed_quote_needs_no_speaker() -> None:
    art = resolved(quotes=[{"p": 1, "text": "We agree", "kind": "direct", "speaker": None}])
    (gold,) = art.quotes
    assert bench.speaker_correct(gold, bench.SysQuote(span_of("We agree"), "", "", "direct"), art, {})
    assert not bench.speaker_correct(gold, bench.SysQuote(span_of("We agree"), "Angela Merkel", "Merkel",
                                                          "direct"), art, {})


def test_claim_scores_by_hand() -> None:
    art = resolved()
    out = sysout(claims=[span_of("3,000"), span_of("one"), span_of("45"), span_of("Monday")])
    prf, wrong = bench.score_claims(art, out)
    # 1 labelled claim, found; 3 other system claims are false positives: P 1/4, R 1/1.
    assert (prf.tp, prf.fp, prf.fn) == (1, 3, 0)
    assert prf.precision == 0.25 and prf.recall == 1.0
    assert wrong == {"pronoun": 1, "age": 1}


def test_offset_map_maps_body_offsets_to_raw_text() -> None:
    raw = "By A Writer\n\nFirst sentence here.\u00a0Second one.\n"
    sentences = [{"start": 0, "end": 20, "text": "First sentence here."},
                 {"start": 21, "end": 32, "text": "Second one."}]
    omap = bench.OffsetMap(raw, sentences)
    assert omap.span(6, 14) == bench.Span(19, 27)
    assert raw[19:27] == "sentence"
    assert raw[omap(21):omap(27)] == "Second"
    assert omap(40) is None


def test_offset_map_skips_the_zero_width_spaces_cleaning_removes() -> None:
    # allsides_DT4ThOTlioRElLHc: a paragraph opening '"\u200bUSMCA will …' could not be placed
    raw = 'Title\n\n"\u200bUSMCA will help," Chrystia Freeland said.\n'
    sentences = [{"start": 0, "end": 44, "text": '"USMCA will help," Chrystia Freeland said.'}]
    omap = bench.OffsetMap(raw, sentences)
    span = omap.span(19, 36)
    assert span is not None and raw[span.start:span.end] == "Chrystia Freeland"
    assert raw[omap(1):omap(6, is_end=True)] == "USMCA"


def test_speaker_phrase_containing_the_full_name_counts() -> None:
    art = resolved()
    we_agree = art.quotes[0]
    phrase = bench.SysQuote(span_of("We agree"), "German Chancellor Angela Merkel", "", "direct")
    other = bench.SysQuote(span_of("We agree"), "Angela Merkelson", "", "direct")
    assert bench.speaker_correct(we_agree, phrase, art, {})
    assert not bench.speaker_correct(we_agree, other, art, {})
    assert bench.normalise_name("Pakistan Cricket Board (PCB)") == "pakistan cricket board"


def test_wilson_interval_by_hand() -> None:
    # 8/10: p = 0.8, z² = 3.8416; centre (0.8 + 0.19208) / 1.38416 = 0.71674,
    # half 1.96·√(0.016 + 0.009604) / 1.38416 = 0.22658 -> (0.4902, 0.9433).
    low, high = bench.wilson_interval(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)
    assert all(math.isnan(x) for x in bench.wilson_interval(0, 0))


def test_one_system_quote_may_cover_two_labelled_quotes() -> None:
    art = resolved(quotes=[{"p": 1, "text": "We agree", "kind": "direct", "speaker": "Angela Merkel"},
                           {"p": 1, "text": "Merkel said", "kind": "direct", "speaker": "Angela Merkel"}])
    both = bench.SysQuote(bench.Span(span_of("We agree").start, span_of("Merkel said").end), "Angela Merkel",
                          "Ms. Merkel", "direct")
    assert bench.score_quotes(art, sysout(quotes=[both]), {}) == (2, 2, 2)
    assert bench.best_overlap(span_of("We agree"), [span_of("Monday"), both.span]) == 1


# ------------------------------------------------------------------------------------ end to end (tiny)

def tiny_corpora(tmp_path: Path, outlet: str = "Test") -> tuple[Path, Path]:
    """A corpora folder holding TEXT as article t1, and a devset folder holding tiny()'s labels."""
    import gzip
    import json

    corpora, devset = tmp_path / "corpora", tmp_path / "devset"
    corpora.mkdir()
    devset.mkdir()
    with gzip.open(corpora / "allsides_dev.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"article_id": "t1", "outlet": outlet, "text": TEXT}) + "\n")
    (corpora / "roundups_dev.jsonl").write_text("", encoding="utf-8")
    (devset / "allsides_t1.yaml").write_text(yaml.safe_dump(tiny(), allow_unicode=True), encoding="utf-8")
    return corpora, devset


def test_outlet_must_match_the_corpus(tmp_path: Path) -> None:
    corpora, devset = tiny_corpora(tmp_path, outlet="Other Outlet")
    with pytest.raises(bench.DevsetError, match="outlet"):
        bench.load_devset(devset, corpora)


def test_missing_corpora_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--corpora", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("error: corpora not found")


def test_benchmark_runs_the_pipeline_end_to_end(tmp_path: Path) -> None:
    corpora, devset = tiny_corpora(tmp_path)
    out = tmp_path / "entities.md"
    assert bench.main(["--corpora", str(corpora), "--devset", str(devset), "--out", str(out), "--label", "t"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Entities, speakers and numeric claims")
    assert ("Devset: 1 articles, 1 outlet groups, 4 entity mentions, 2 quotes, 1 claims and 2 labelled "
            "non-claims.") in text
    assert "| Test | 1 | 2 |" in text  # outlet row: 1 article, 2 labelled quotes
