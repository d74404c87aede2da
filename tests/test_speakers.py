"""Speakers of direct quotes: hand-labelled real excerpts of several outlets and hand-made cases per rule."""

import re
from pathlib import Path

import pytest
import yaml

from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import find_quotes, find_scare_quotes
from analysis.sourcing.speakers import load_pronoun_cues, mention_gender_cues, phrase_gender

EXCERPTS = yaml.safe_load((Path(__file__).parent / "fixtures" / "speakers" / "excerpts.yaml").read_text("utf-8"))


def _quote(text: str, prefix: str):
    doc = parse_article(Article("t", text.replace("\n\n", "\n")))
    quotes = find_quotes(doc)
    # the quote that starts with the words, else one holding them (a mixed quote: 'X said that “…”')
    found = [q for q in quotes if q.text.startswith(prefix)] or [q for q in quotes if prefix in q.text]
    return found[0] if found else None


def _speaker_is(q, accepted: list[str]) -> bool:
    """Whether the quote's speaker is one of ``accepted`` (whole words, case-insensitive); [] = no speaker."""
    spoken = "" if q is None else q.speaker
    if not accepted:
        return not spoken
    printed = "" if q is None or q.speaker_surface.lower() in {"he", "she", "they", "it", "we", "i"} \
        else q.speaker_surface
    hay = f"{spoken} | {printed}".lower()
    return any(re.search(rf"\b{re.escape(a.lower())}\b", hay) for a in accepted)


@pytest.mark.parametrize("case", EXCERPTS, ids=[f"{c['outlet']}: {c['rule']}" for c in EXCERPTS])
def test_hand_labelled_excerpt(case):
    q = _quote(case["text"], case["quote"])
    assert _speaker_is(q, case["speaker"]), (q, case["speaker"])


def test_excerpts_cover_several_outlets_and_house_styles():
    outlets = {c["outlet"] for c in EXCERPTS}
    assert len(outlets) >= 7 and "New York Times" in outlets
    assert sum("Mr." in c["text"] or "Ms." in c["text"] for c in EXCERPTS) >= 5


# ---------------------------------------------------------------- honorifics (the tokenizer keeps "Mr.")

@pytest.mark.parametrize("title", ["Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
                                   "Sgt.", "Prof.", "Rev."])
def test_title_and_name_after_and_before_the_quote(title):
    after = _quote(f"“We will respond,” {title} Steele said.", "We will")
    assert after.speaker_surface == f"{title} Steele" and after.rule == "speaker_after"
    inverted = _quote(f"“We will respond,” said {title} Steele.", "We will")
    assert inverted.speaker_surface == f"{title} Steele"
    before = _quote(f"{title} Steele said: “We will respond.”", "We will")
    assert before.speaker_surface == f"{title} Steele" and before.rule == "speaker_before"


def test_saint_before_a_name_is_part_of_the_speaker():
    q = _quote("“The bridge is closed,” St. Louis Mayor Tishaura Jones said.", "The bridge")
    assert q.speaker_surface == "St. Louis Mayor Tishaura Jones"


# ---------------------------------------------------------------- pronouns

def test_pronoun_takes_the_nearest_person_of_its_gender():
    text = ("Ms. Pelosi met Mr. Schumer on Monday.\n"
            "“We have a deal,” she said.\n"
            "“It is not done,” he said.")
    assert _quote(text, "We have").speaker == "Pelosi"
    assert _quote(text, "It is not").speaker == "Schumer"


def test_pronoun_without_a_compatible_antecedent_stays_unresolved():
    q = _quote("The storm hit the coast on Monday.\n“It was terrible,” she said.", "It was")
    assert (q.speaker, q.speaker_surface) == ("", "she")
    assert "no compatible antecedent" in q.speaker_rule


def test_pronoun_does_not_take_a_name_inside_the_quote():
    q = _quote("“I told Mr. Obama it would fail,” he said.", "I told")
    assert q.speaker == ""


def test_pronoun_is_not_carried_from_an_earlier_quote_in_a_new_paragraph():
    # "he told a press conference" in a new paragraph is not the earlier speaker (the mayor's words)
    text = ("“The city is ready,” said the mayor of Washington, Muriel Bowser.\n"
            "The governor, Mr. Hogan, announced new restrictions on Tuesday.\n"
            "“We will not wait,” he told a press conference.")
    assert _quote(text, "We will not").speaker == "Hogan"


def test_they_takes_a_group_and_it_an_organisation():
    text = ("Officials at the ministry said on Monday that the figures were final.\n"
            "“The numbers are clear,” they said.")
    q = _quote(text, "The numbers")
    assert (q.speaker_surface, q.speaker) == ("they", "Officials at the ministry")
    text = "The Pentagon released the figures on Monday.\n“The numbers are clear,” it said."
    assert _quote(text, "The numbers").speaker_rule.startswith("pronoun 'it': nearest")


# ---------------------------------------------------------------- paragraphs and continuations

def test_continuation_keeps_the_speaker_in_the_same_and_next_paragraph_only():
    text = ("“We will win,” Mr. Kim said.\n"
            "“The vote is ours.”\n"
            "The results come on Friday.\n"
            "Analysts expect a close race.\n"
            "“Nothing is decided.”")
    assert _quote(text, "The vote").speaker == "Kim"
    assert _quote(text, "Nothing").speaker == ""


def test_continuation_stops_at_another_reporting_clause():
    text = "“We will win,” Mr. Kim said. Mr. Lee said the plan had failed. “The vote is ours.”"
    assert _quote(text, "The vote").speaker == ""


def test_continuation_skips_filler_lines():
    text = "“We will win,” Mr. Kim said.\nPhoto\n“The vote is ours.”"
    assert _quote(text, "The vote").speaker == "Kim"


# ---------------------------------------------------------------- quote marks, colons, fragments

@pytest.mark.parametrize("text", ['"We will respond,” Kim said.', '“We will respond," Kim said.'])
def test_mixed_straight_and_curly_marks_pair_up(text):
    q = _quote(text, "We will")
    assert q.text == "We will respond" and q.speaker_surface == "Kim"


def test_colon_after_a_name_introduces_speech():
    q = _quote("Washington Examiner: “The senator delivered a hefty dose of criticism.”", "The senator")
    assert q.speaker_surface == "Washington Examiner"


def test_colon_label_is_no_speaker():
    assert _quote("Update: “The road is open again.”", "The road").speaker == ""


def test_a_fragment_is_never_a_speaker():
    # the subject before "said" would be "workplace and": no speaker rather than a fragment
    q = _quote("She spoke about discrimination in the workplace and said “we must do better.”", "we must")
    assert q.speaker_surface not in {"workplace and", "the workplace and"}


def test_quoted_words_attributed_by_a_frame_are_speech_not_scare_quotes():
    doc = parse_article(Article("t", "Mr. Trump said the report was “fake.”"))
    assert find_scare_quotes(doc) == []
    (q,) = [q for q in find_quotes(doc) if "fake" in q.text]
    assert q.speaker == "Trump"


def test_short_quote_without_a_frame_stays_a_scare_quote():
    doc = parse_article(Article("t", "The so-called “peace plan” was published on Monday."))
    assert [t for _, _, t in find_scare_quotes(doc)] == ["peace plan"]


# ---------------------------------------------------------------- gender cues

def test_gender_cues_from_honorifics_and_role_nouns():
    cues = load_pronoun_cues()
    assert phrase_gender(["a", "campaign", "spokeswoman"], cues) == "female"
    assert phrase_gender(["the", "first", "lady"], cues) == "female"
    assert phrase_gender(["a", "spokesman"], cues) == "male"
    assert phrase_gender(["a", "spokesperson"], cues) == ""
    body = "Mr. Steele spoke. Amanda Henneberg, a campaign spokeswoman, said no."
    assert mention_gender_cues(body, 4, 10, cues) == {"male"}
    assert mention_gender_cues(body, 18, 34, cues) == {"female"}


# ---------------------------------------------------------------- speaker phrases that are not fragments

@pytest.mark.parametrize(("text", "speaker"), [
    ("Mary Kay Storhaug, 45, from Andover, Minn., said the rally was fun.", "Mary Kay Storhaug"),
    ("Senate Minority Leader Chuck Schumer, D-N.Y., said Democrats remain against a wall.", "Chuck Schumer"),
    ("Sen. Lindsey Graham, R-S.C., said Trump had made concessions.", "Lindsey Graham"),
    ("Tim Lukasek, 45, who has insurance, said the law works.", "Tim Lukasek"),
    ("The governor, Mr. Hogan, announced that schools would close.", "Hogan"),
    ("Kavanaugh also faces allegations from Deborah Ramirez, who claims the nominee lied.", "Deborah Ramirez"),
    ("Blumenthal reportedly said the war had changed him.", "Blumenthal"),
])
def test_comma_pieces_affiliations_and_relative_clauses(text, speaker):
    (q,) = find_quotes(parse_article(Article("t", text)))
    assert q.speaker == speaker


def test_a_verb_followed_by_a_subordinate_clause_reports_nothing():
    quotes = find_quotes(parse_article(Article("t", "The president tweeted Sunday after a Democrat said he was "
                                                    "hopeful Mueller would testify.")))
    assert [(q.speaker_surface, q.verb) for q in quotes] == [("a Democrat", "say")]


def test_a_sentence_opening_pronoun_carries_its_antecedent_forward():
    # "He has now decided …" names Sasse again, so the next "he said" is Sasse's, not Trump's
    text = ("Even less credible is Sen. Ben Sasse, who never met a pseudo-scandal he did not like.\n"
            "He has now decided that it is troubling to see Trump turning a blind eye.\n"
            "“I’ve been hearing from military families,” he said.")
    assert _quote(text, "I’ve been hearing").speaker == "Ben Sasse"


def test_participle_after_a_reported_clause_takes_that_clause_subject():
    q = _quote("Prosecutors have said Patrick Crusius surrendered to police saying, “I’m the shooter.”", "I’m the")
    assert q.speaker == "Patrick Crusius"


def test_a_second_verb_after_and_takes_the_clause_subject():
    text = ("The head of the Hindu nationalist RSS organisation, Mohan Bhagwat, echoed Sinha’s comments and "
            "said his group welcomed the decision.")
    (q,) = find_quotes(parse_article(Article("t", text)))
    assert q.speaker_surface == "Mohan Bhagwat"


# ---------------------------------------------------------------- round 2 (issue 7 §3): hand-made cases per rule

def test_passive_and_clause_subjects_name_no_speaker():
    # "he would be asked": a passive's subject is not the speaker; "said in a research (note)": a phrase holding
    # a reporting verb is a clause, not a speaker.
    doc = parse_article(Article("t", "He instructed a member of staff that, if no Santa could be found, he would be "
                                     "asked to don the suit. The plan worked, the aide said in a research note."))
    surfaces = {q.speaker_surface for q in find_quotes(doc)}
    assert "he would be" not in surfaces and "said in a research" not in surfaces
    assert "the aide" in surfaces


def test_embedded_posts_are_direct_quotes_of_their_signature():
    from analysis.sourcing.quotes import embedded_posts

    text = ("Mr. Lee answered online. We will win. Count on it! — Jane Lee (@janelee) May 3, 2019 "
            "Second post here. — Jane Lee (@janelee) May 4, 2019\nA paragraph without a post — nothing to see.")
    doc = parse_article(Article("t", text))
    posts = embedded_posts(doc)
    # two signatures, so two posts; the first runs from the paragraph start, the second from the first's date
    assert [doc.body[a:b] for a, b, _, _ in posts] == ["Mr. Lee answered online. We will win. Count on it!",
                                                       "Second post here."]
    assert {doc.body[c:d] for _, _, c, d in posts} == {"Jane Lee"}
    quotes = [q for q in find_quotes(doc) if q.rule == "embedded_post"]
    assert len(quotes) == 2 and all(q.kind == "direct" and q.speaker_surface == "Jane Lee" for q in quotes)


def test_inverted_attribution_needs_a_speaker_not_a_report():
    # "…, said Kit Darby." names a speaker; "Nelson Tebbe, a law expert, said the ruling moves …" reports.
    darby = _quote("He is among a legion of U.S. pilots now flying abroad, said Kit Darby, an aviation consultant.",
                   "He is among")
    assert darby is not None and darby.speaker_surface == "Kit Darby" and darby.rule == "clause_then_speaker"
    tebbe = _quote("Nelson Tebbe, a religious law expert at Cornell, said the ruling moves beyond previous questions.",
                   "the ruling moves")
    assert tebbe is not None and tebbe.speaker_surface == "Nelson Tebbe"


def test_frame_verbs_make_speech_but_not_every_short_quote():
    # hand-made: "called it “…”" attributes the quoted words; "called for" does not; a bare short quote stays
    # a scare quote
    doc = parse_article(Article("t", "Ms. Lane called the plan “a disaster” on Monday. Mr. Cole called for "
                                     "“fair play” at once. The “reform” passed."))
    direct = {q.text: q.speaker_surface for q in find_quotes(doc) if q.kind == "direct"}
    assert direct == {"a disaster": "Ms. Lane"}
    assert {t for _, _, t in find_scare_quotes(doc)} == {"fair play", "reform"}
