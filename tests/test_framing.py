"""Generic frames (Semetko & Valkenburg 2000): item detectors, frame arithmetic, rules files, seeds."""

import math
import re
import warnings
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.metrics import FAMILIES, Settings, framing
from analysis.metrics.framing import clear_frame_rules_cache, frame_rules, frame_score, load_frame_rules
from analysis.model import Article, MediacompareError
from analysis.parse import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return {a.article_id: parse_article(a) for a in load_corpus(SEEDS)}


def _run(text: str, title: str = "", settings: Settings | None = None):
    doc = parse_article(Article("t", text, outlet="Test", title=title))
    return doc, FAMILIES["framing"](doc, settings or Settings())


def _values(result, metric: str) -> dict[str, float]:
    return {m.target: m.value for m in result.measurements if m.metric == metric}


def _fired(text: str) -> set[str]:
    _, res = _run(text)
    return {item for item, v in _values(res, "item_present").items() if v == 1.0}


def test_bundled_rules_follow_the_codebook():
    rules = load_frame_rules()
    assert [f.key for f in rules.frames] == ["responsibility", "human_interest", "conflict", "morality",
                                             "economic"]
    assert [len(f.items) for f in rules.frames] == [5, 5, 4, 3, 3]
    assert [len(f.applicable_items) for f in rules.frames] == [5, 4, 4, 3, 3]
    visual = next(i for i in rules.items if not i.applicable)
    assert visual.id == "human_interest.emotional_visuals" and "visual" in visual.reason
    assert rules.name == "frames" and rules.version


# (item, sentence that should fire it, sentence that should not)
CASES = [
    ("responsibility.government_can_alleviate", "The government must address the housing shortage.",
     "The charity must address the housing shortage."),
    ("responsibility.government_can_alleviate", "The government must address the housing shortage.",
     "The government discussed the housing shortage."),
    ("responsibility.government_responsible", "Critics blamed the government for the floods.",
     "Critics blamed the storm for the floods."),
    ("responsibility.solution", "The mayor proposed a solution.", "The mayor spoke on Monday."),
    ("responsibility.individual_responsible", "Police said the smugglers were to blame.",
     "Critics said officials were to blame."),
    ("responsibility.urgent_action", "Aid groups called for urgent help.", "The aid arrived on time."),
    ("responsibility.urgent_action", "Lawmakers must act swiftly.", "Lawmakers acted swiftly."),
    # a treaty obligation to act quickly is a party's commitment, not the story saying the problem is urgent
    ("responsibility.urgent_action", "Officials must act quickly to contain the outbreak.",
     "The treaty says both nations must act quickly in the event of an attack."),
    ("responsibility.urgent_action", "Aid groups want the aid delivered without delay.",
     "Either party shall provide assistance without delay."),
    ("human_interest.human_face", "Maria Lopez, 34, lost her home.", "The nearly three-year-old conflict goes on."),
    ("human_interest.human_face", "A 34-year-old teacher spoke.", "The ministry spoke."),
    ("human_interest.emotional_language", "It was a tragic day.", "It was a long day."),
    ("human_interest.affected_people", "Thousands of civilians were killed.", "Thousands of civilians voted."),
    ("human_interest.affected_people", "The victims were named.", "The winners were named."),
    ("human_interest.private_lives", "He spoke about his daughter.", "He spoke about the budget."),
    ("conflict.disagreement", "The two parties disagree on taxes.", "The two parties met on taxes."),
    ("conflict.disagreement", "Russia's war in Ukraine continued.", "Ties date back to the Cold War era."),
    ("conflict.reproach", "Seoul accused Pyongyang of lying.", "Seoul welcomed the talks."),
    ("conflict.reproach", "Moscow says Washington is flooding the region with weapons.",
     "The storm was flooding the streets with water."),
    ("conflict.reproach", "Pyongyang called the drills a provocation.", "Pyongyang called the drills routine."),
    ("conflict.two_sides", "Both sides claimed progress.",
     "If either party is attacked, the other side shall provide assistance."),
    # a topic-shift "meanwhile" is not a second side (needs actor information; see docs/framing.md)
    ("conflict.two_sides", "Both sides claimed progress.", "The Pentagon, meanwhile, confirmed the troop numbers."),
    ("conflict.winners_losers", "The party won a landslide victory.", "The vote was held on Sunday."),
    ("morality.moral_message", "Church leaders called the strikes immoral.", "Leaders called the strikes legal."),
    ("morality.religion", "Villagers prayed at the church.", "Both sides negotiated in good faith."),
    ("morality.social_prescription", "Citizens should conserve water.", "Citizens conserved water."),
    ("economic.financial_loss_gain", "The firm lost $2 million.", "The army lost 3 tanks."),
    ("economic.financial_loss_gain", "The company reported a profit.", "The company reported news."),
    ("economic.costs", "The project will cost $5 billion.", "The project will start soon."),
    ("economic.consequences", "Sanctions will hurt the economy.", "The economy was discussed."),
    # the scope of a cooperation deal is not a consequence of acting or not acting
    ("economic.consequences", "Sanctions will hurt the economy.",
     "The pact promises the expansion and development of cooperation in trade and investment."),
]


@pytest.mark.parametrize(("item", "positive", "negative"), CASES)
def test_item_detector_positive_and_negative(item, positive, negative):
    assert item in _fired(positive)
    assert item not in _fired(negative)


def test_government_blame_is_not_individual_blame():
    fired = _fired("Critics said officials were to blame.")
    assert "responsibility.individual_responsible" not in fired
    assert "responsibility.government_responsible" in fired


def test_frame_score_arithmetic():
    assert frame_score(2, 4) == 0.5
    assert frame_score(0, 3) == 0.0
    assert math.isnan(frame_score(0, 0)) and frame_score(0, 0).reason
    # reproach + disagreement: 2 of the 4 conflict items
    _, res = _run("Seoul accused Pyongyang of lying. The war went on. The weather was mild.")
    assert _values(res, "frame_score")["conflict"] == 0.5
    assert _values(res, "frame_present")["conflict"] == 1.0
    # one human-interest item of the 4 applicable ones (visuals not applicable to text)
    _, res = _run("It was a tragic day.")
    assert _values(res, "frame_score")["human_interest"] == 0.25
    assert _values(res, "frame_score")["morality"] == 0.0 and _values(res, "frame_present")["morality"] == 0.0


def test_item_hits_count_sentences_and_evidence_points_at_the_match():
    doc, res = _run("The war and the war again. Peace came. Then war returned.")
    assert _values(res, "item_hits")["conflict.disagreement"] == 2
    ev = [e for e in res.evidence if e.target == "conflict.disagreement"]
    assert [e.sentence_index for e in ev] == [0, 0, 2]  # one row per matched span
    for e in ev:
        assert e.metric == "item_present"
        assert doc.body[e.start:e.end].lower() == "war"
        assert e.text == doc.sentences[e.sentence_index].text
        assert e.cue.startswith("armed_conflict [")


def test_not_applicable_item_is_nan_with_reason():
    _, res = _run("It was a tragic day.")
    m = next(m for m in res.measurements if m.metric == "item_present"
             and m.target == "human_interest.emotional_visuals")
    assert math.isnan(m.value) and m.note.startswith("not applicable")


def test_headline_is_coded_with_sentence_index_minus_one():
    _, res = _run("The talks were held on Monday.", title="Seoul accuses Pyongyang")
    assert _values(res, "item_present")["conflict.reproach"] == 1.0
    ev = [e for e in res.evidence if e.target == "conflict.reproach"]
    assert len(ev) == 1 and ev[0].sentence_index == -1 and ev[0].text == "Seoul accuses Pyongyang"


def test_co_occurrence_cue_names_the_supporting_groups():
    _, res = _run("The government must address the housing shortage.")
    ev = [e for e in res.evidence if e.target == "responsibility.government_can_alleviate"]
    assert len(ev) == 1
    assert ev[0].cue == ('government_can_solve [address] "address" + government_actor [government*] "government"'
                         ' + ability_modal [must] "must"')


USER_RULES = """\
meta:
  name: my_frames
  version: "1"
  source: test
  licence: CC0
groups:
  money: ["re:\\\\$\\\\d"]
frames:
  policy:
    label: Policy
    items:
      - id: policy.tax
        question: Does the story mention taxes?
        applicable: true
        cues:
          - id: tax_words
            match: [tax*]
      - id: policy.spending
        question: Does the story mention spending with an amount?
        cues:
          - id: spend_amount
            match: [spend*]
            with: [money]
"""


def test_user_rules_file_replaces_the_bundled_rules(tmp_path):
    path = tmp_path / "my_frames.yaml"
    path.write_text(USER_RULES, encoding="utf-8")
    settings = Settings(frames_file=path)
    _, res = _run("Taxes rose. Seoul accused Pyongyang. They will spend more.", settings=settings)
    assert _values(res, "item_present") == {"policy.tax": 1.0, "policy.spending": 0.0}
    assert _values(res, "frame_score") == {"policy": 0.5}
    assert "conflict" not in _values(res, "frame_score")
    _, res = _run("They will spend $5 more.", settings=settings)
    assert _values(res, "item_present")["policy.spending"] == 1.0


BAD_RULES = [
    ("        question: Does the story mention taxes?\n", "", "needs a 'question'"),
    ("match: [tax*]", "match: ['re:tax(']", "not a valid regular expression"),
    ("with: [money]", "with: [cash]", "unknown group 'cash'"),
    ("match: [tax*]", "matches: [tax*]", "unknown key 'matches'"),
    ("match: [tax*]", "match: ['re:x*']", "matches the empty string"),
    ("applicable: true\n", "applicable: false\n", "needs a 'reason'"),
    ("- id: policy.spending", "- id: spending", "must start with their frame"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_RULES)
def test_malformed_rules_file_names_file_and_item(tmp_path, old, new, message):
    path = tmp_path / "bad_frames.yaml"
    assert old in USER_RULES
    path.write_text(USER_RULES.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(MediacompareError) as err:
        _run("Taxes rose.", settings=Settings(frames_file=path))
    text = str(err.value)
    assert str(path) in text and message in text
    assert "policy." in text or "'spending'" in text


def test_rules_file_without_frames_or_meta(tmp_path):
    path = tmp_path / "no_frames.yaml"
    path.write_text("meta: {name: x, version: '1', source: s, licence: l}\ngroups: {}\n", encoding="utf-8")
    with pytest.raises(MediacompareError, match="needs a 'frames' mapping"):
        load_frame_rules(path)
    path = tmp_path / "no_meta.yaml"
    path.write_text("frames: {}\n", encoding="utf-8")
    with pytest.raises(MediacompareError, match=r"no_meta\.yaml"):
        load_frame_rules(path)


def test_seed_hits_checked_by_hand(seeds):
    d0 = seeds["000_dc77826089423d0b"]
    res = FAMILIES["framing"](d0, Settings())
    ev = {(e.target, e.sentence_index, d0.body[e.start:e.end]) for e in res.evidence}
    # "… the U.S., South Korea, and Ukraine accuse North Korea of dispatching thousands of troops …"
    assert ("conflict.reproach", 1, "accuse") in ev
    # … a reproach between states, not a government held responsible for a problem (no government actor named)
    assert _values(res, "item_present")["responsibility.government_responsible"] == 0.0
    # "… Ukrainian officials reported small-scale confrontations between Ukrainian forces and North Korean troops …"
    assert ("conflict.disagreement", 10, "confrontations") in ev
    # "… since the Cold War era." is history, not a current conflict
    assert not any(e.sentence_index == 3 for e in res.evidence if e.target == "conflict.disagreement")
    # "The stipulations of the treaty dictate that both nations must swiftly provide military support …":
    # a treaty paraphrase, not the story saying the problem needs urgent action
    assert _values(res, "item_present")["responsibility.urgent_action"] == 0.0
    assert _values(res, "frame_score")["responsibility"] == 0.0
    assert _values(res, "frame_score")["conflict"] == 0.5  # disagreement + reproach of 4
    d2 = seeds["002_3725b521bb5f0d30"]
    res = FAMILIES["framing"](d2, Settings())
    ev = {(e.target, e.sentence_index, d2.body[e.start:e.end]) for e in res.evidence}
    # "… help Moscow in its war against Ukraine."
    assert ("conflict.disagreement", 0, "war") in ev
    # "… the other side shall provide military and other assistance without delay …" is quoted treaty text
    assert _values(res, "item_present")["responsibility.urgent_action"] == 0.0
    assert _values(res, "frame_score")["responsibility"] == 0.0
    # Rudenko: U.S. policy "involves flooding [the Korean Peninsula] with weapons …" reproaches the U.S.
    assert ("conflict.reproach", 8, "flooding [the Korean Peninsula] with weapons") in ev
    assert _values(res, "item_hits")["conflict.reproach"] == 1.0
    # disagreement (war), reproach (Rudenko), winners/losers (occupied, regain territory); two sides not detected
    assert _values(res, "item_present")["conflict.two_sides"] == 0.0
    assert _values(res, "frame_score")["conflict"] == 0.75
    # "The pact also promises the expansion and development of cooperation in the fields of trade, economy,
    # investment …" describes the treaty's scope, not economic consequences
    assert _values(res, "item_present")["economic.consequences"] == 0.0
    assert _values(res, "frame_present")["economic"] == 0.0
    # neither text has a moral or religious reference
    for doc in seeds.values():
        assert _values(FAMILIES["framing"](doc, Settings()), "frame_present")["morality"] == 0.0


def test_rules_are_compiled_once_per_file_version_not_per_article(monkeypatch, tmp_path):
    calls: list[object] = []
    real = framing.compile_rules

    def counting(lexicon):
        calls.append(lexicon.path)
        return real(lexicon)

    monkeypatch.setattr(framing, "compile_rules", counting)
    clear_frame_rules_cache()
    settings = Settings()
    for text in ["The war went on.", "Seoul accused Pyongyang.", "It was a tragic day."]:
        _run(text, settings=settings)
    _run("The war went on.", settings=Settings())  # an equal Settings reuses the same rules
    assert len(calls) == 1
    assert frame_rules(settings) is frame_rules(Settings())
    path = tmp_path / "my_frames.yaml"
    path.write_text(USER_RULES, encoding="utf-8")
    user = Settings(frames_file=path)
    assert [f.key for f in frame_rules(user).frames] == ["policy"] and len(calls) == 2
    frame_rules(user)
    assert len(calls) == 2
    # an edited rules file is picked up in the same session (new modification time)
    path.write_text(USER_RULES.replace("policy", "policy2"), encoding="utf-8")
    import os

    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert [f.key for f in frame_rules(user).frames] == ["policy2"] and len(calls) == 3


@pytest.mark.parametrize("text", ["", "  \n \n"])
def test_empty_body_gives_nan_with_reason_and_no_warnings(text):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, res = _run(text)
    assert res.measurements and not res.evidence
    for m in res.measurements:
        assert math.isnan(m.value) and m.note


def test_regex_with_global_flag_still_matches(tmp_path):
    """A user regex with a global inline flag cannot join the cue's fast alternation; it is tested alone."""
    path = tmp_path / "flag_frames.yaml"
    path.write_text(USER_RULES.replace("match: [tax*]", "match: ['re:(?i)\\btax\\b', levy]"), encoding="utf-8")
    rules = load_frame_rules(path)
    assert rules.items[0].cues[0].prefilter is None
    _, res = _run("A new tax came.", settings=Settings(frames_file=path))
    assert _values(res, "item_present")["policy.tax"] == 1.0


# ---------------------------------------------------------------- the anchor index (speed, same hits)

@pytest.mark.parametrize(("phrase", "anchor"), [
    ("accus*", "accus"), ("the public", "public"), ("white house", "white"), ("far-right", "right"),
    ("children's", "children"), ("*gate", ""), ("U.S.", "u"), ("no-fly zone", "zone"), ("self-*", "self"),
])
def test_phrase_anchor_is_the_longest_word_start_literal(phrase, anchor):
    assert framing.phrase_anchor(phrase) == anchor


@pytest.mark.parametrize(("regex", "anchors"), [
    (r"\barticle\s+\d+", ("article",)),
    (r"(?<!cold )\bwars?\b", ("war",)),
    (r"\b(?:lost|gained)\s+\d", ("lost", "gained")),
    (r"\b(won|lost)\b", ("won", "lost")),
    (r"[$€]\s?\d", ()),  # no word boundary first: no anchor
    (r"\b\d{1,3}-year-old\b", ()),  # starts with a class, not a literal
    (r"\b(?:his|\w+ly)\b", ()),  # one alternative without a literal
    (r"\b(?-i:Mr)\.", ()),  # scoped flags: not looked into
    (r"war|peace", ()),  # top-level alternation without \b
])
def test_regex_anchors(regex, anchors):
    assert framing.regex_anchors(regex) == anchors


def _brute_force(doc, rules):
    """Every applicable item's cues on every sentence, no index and no prefilter (the definition)."""
    out = {}
    for item in rules.items:
        if item.applicable:
            out[item.id] = [h for s in framing.coded_sentences(doc)
                            for h in framing.item_hits(item, s, rules.groups, item.cues, frozenset(
                                id(p) for c in item.cues for p in c.patterns) | frozenset(
                                id(p) for g in rules.groups.values() for p in g))]
    return out


def test_index_finds_the_same_hits_as_every_rule_on_every_sentence(seeds):
    rules = load_frame_rules()
    texts = [doc for doc in seeds.values()]
    texts.append(parse_article(Article("x", "They held the minister responsible. Her husband and her children "
                                            "wept; the 34-year-old lost $5 million. No one should accept the "
                                            "War's toll, in good faith.", title="Cold war talk")))
    for doc in texts:
        got = framing.detect_items(doc, rules)
        want = _brute_force(doc, rules)
        assert {k: [(h.sentence.index, h.start, h.end, h.cue) for h in v] for k, v in got.items()} == \
            {k: [(h.sentence.index, h.start, h.end, h.cue) for h in v] for k, v in want.items()}
    assert any(got.values())


def test_characters_that_fold_to_ascii_are_still_matched(tmp_path):
    """re.IGNORECASE matches the Kelvin sign to k and the long s to s: such sentences skip the index."""
    path = tmp_path / "fold_frames.yaml"
    path.write_text(USER_RULES.replace("match: [tax*]", "match: [ask*]"), encoding="utf-8")
    settings = Settings(frames_file=path)
    assert re.search(r"(?i)ask", "a\u017f\u212a") and not "a\u017f\u212aed".lower().startswith("ask")
    _, res = _run("They a\u017f\u212aed twice.", settings=settings)
    assert _values(res, "item_present")["policy.tax"] == 1.0
