"""Round-14 speaker rules (issue 7 §3: "a speaker is an actor or a description of one, never a fragment"), each on a
short excerpt of a corpus article (ids given; ../shared/corpora), shortened, or a worked example; the expected
speakers were read off the text by hand, not printed by the code."""

from speaker_helpers import quotes as _quotes
from speaker_helpers import speaker as _speaker


def _surfaces(text: str) -> set[str]:
    return {q.speaker_surface for q in _quotes(text)}


# ---- a reduced relative clause ("-ing …") after a people noun, cut short by a clause word inside it

EXPERTS = (  # roundups 5729_left, paragraph 1, shortened
    "But health experts advising the government on that decision say the August announcement was premature.")


def test_people_noun_before_a_reduced_relative_clause_speaks():
    # the speaker was "decision": "that" inside the relative clause ended the subject
    assert _speaker(EXPERTS, "the August announcement")[1] == "health experts"


def test_subject_without_a_clause_word_inside_stays_as_before():
    # worked example: nothing cut the subject short, so the rule does not apply
    assert _speaker("Officials investigating the case said the plane crashed.", "the plane crashed")[1] \
        == "Officials investigating the case"


# ---- a document and its author: "according to estimates released Wednesday by the SSA" is the SSA

COLA = (  # roundups 5621_left, paragraph 1, shortened
    "The COLA amounts to $92 a month for the average retiree, according to estimates released Wednesday by the "
    "Social Security Administration.")
COUNT = "Brazil surpassed Russia, according to a count kept by Johns Hopkins University."  # allsides wUw10X9eTsV5FVq9
RECALL = (  # roundups 6099_center, shortened
    "The effort qualified for the ballot, according to data released by the California secretary of state on Monday.")


def test_author_after_by_speaks_for_its_document():
    # the speakers were the whole phrase "estimates released Wednesday by the Social Security Administration" and
    # "a count kept by Johns Hopkins University"; "a Politico report" is Politico (round 12), so the author speaks
    assert _speaker(COLA, "$92 a month")[1] == "the Social Security Administration"
    assert _speaker(COUNT, "Brazil surpassed Russia")[1] == "Johns Hopkins University"


def test_a_date_after_the_author_is_no_part_of_it():
    assert _speaker(RECALL, "qualified for the ballot")[1] == "the California secretary of state"


def test_content_of_a_poll_with_its_author_is_the_clause_before():
    # worked example: before, the speaker was "a poll" and the content "published last week by Gallup."
    found = [q for q in _quotes("Support fell sharply, according to a poll published last week by Gallup.")]
    assert [(q.speaker_surface, q.text) for q in found] == [("Gallup", "Support fell sharply")]


def test_a_person_citing_a_document_is_no_document():
    # allsides 5715_right, shortened: the professor (not "the agency") is the source of "according to"
    text = ("The lab created the viruses, according to an infectious disease professor citing documents recently "
            "released by the agency.")
    assert any(q.kind == "according_to" and q.speaker_surface.startswith("an infectious disease professor")
               for q in _quotes(text))


def test_adverb_and_participle_after_a_determiner_modify_the_head():
    # roundups 6017_center, shortened: the speaker was "a"
    text = ("Three researchers sought hospital care, according to a previously undisclosed U.S. intelligence report "
            "that could add weight to calls for a probe.")
    assert [q.speaker_surface for q in _quotes(text) if q.kind == "according_to"] \
        == ["a previously undisclosed U.S. intelligence report"]


# ---- noun uses of reporting-verb forms: no report, so no fragment as its speaker

def test_claims_after_an_opening_ing_modifier_is_a_noun():
    # roundups 5618_left and 6047_right, shortened: the speakers were "Continuing" and "get"
    assert _quotes("Continuing claims, which indicate the number of people collecting benefits, dropped to 2.59 "
                   "million.") == []
    assert _quotes("Continuing claims—which get reported with a week’s delay—fell to 3,655,000.") == []
    assert _quotes("Continuing claims for unemployment claims during the week was 3,771,000.") == []


def test_states_after_a_quantifier_or_modifier_is_a_noun():
    # roundups 5916_right; allsides MhOGrxw8kMxTEx00, BDvlEb5lpDQZO24Q (shortened): "Other", "swing", "coastal"
    assert _quotes("Other states, such as Florida, have done so through executive rulemaking.") == []
    assert _quotes("The fortunes of Democrats in red states and swing states continues to dim.") == []
    assert _quotes("Coastal states such as Virginia and Georgia want an exemption.") == []
    # worked examples: a subject before "states" still reports
    assert _speaker("The agreement states that troops must leave.", "troops must leave")[1] == "The agreement"
    assert _speaker("Two states said they would sue.", "they would sue")[1] == "Two states"


def test_news_reports_and_media_reports_as_nouns():
    # allsides 1Rsmj3XNrft7jrcb: the speaker was "News"; roundups 5690_center: "… concurred with previous media"
    assert _speaker("News reports said Beijing wants 15% tariffs removed.", "Beijing wants")[1] == "News reports"
    assert _quotes("Marine Gen. Frank McKenzie concurred with previous media reports that the strike had killed "
                   "10 people.") == []
    # worked examples: a name ending in "News", and "state media", still report
    assert _speaker("The Galveston County Daily News reports that the drug works.", "the drug works")[1] \
        == "The Galveston County Daily News"
    assert _speaker("State media reports that the talks failed.", "the talks failed")[1] == "State media"
    assert _speaker("When a poll is good for Trump, the so-called mainstream media reports that it is wrong.",
                    "it is wrong")[1] == "the so-called mainstream media"


def test_opening_infinitive_or_perfect_participle_reports_nothing():
    # allsides EcKUGKLEwhIXnRKJ and SWb0RaOCgLim8K5X, shortened: the speakers were "To" and "Having"
    assert _quotes("To accuse Mr. Bannon and Breitbart of anti-Semitism is Orwellian.") == []
    assert "Having" not in _surfaces("Having said that, on Sunday, you announced that no one in your family will be "
                                     "involved.")


def test_according_to_is_no_part_of_a_direct_quotes_speaker():
    # allsides EDAZQqCEHMn8eW0p, shortened: the direct quote's speaker was "According to the annual National
    # Coalition of Anti-Violence Programs" ("report" read as a verb)
    text = ("According to the annual National Coalition of Anti-Violence Programs report on violence against gay "
            "communities, “hate violence related homicides rose sharply.”")
    assert not any(s.lower().startswith("according to") for s in _surfaces(text))


# ---- a lone word that names no one is no speaker

def test_lone_adverb_or_opener_is_no_speaker():
    # allsides PkHHA6gksdgAfUBp, jzWeF1dSf3CNVxT2, uZPrWUqF05ufOzIN (shortened) and a worked example: the speakers
    # were "meanwhile", "Well", "neither" and "more" (unresolved is honest; they named no one)
    assert "meanwhile" not in _surfaces("Chicago police, meanwhile, will not take part in the raids, said spokesman "
                                        "Anthony Guglielmi.")
    assert "Well" not in _surfaces("Well, Tim Cook, said it: anything that doesn't conform to his worldview.")
    assert "neither" not in _surfaces("But neither claim—and both are key assumptions made by analysts—stands to "
                                      "serious scrutiny.")
    assert "more" not in _surfaces("If more come in, more said they will come in.")
    # worked examples: a pronoun after the opener, and a people noun, still speak
    assert _speaker("Well, he said it was fine.", "it was fine")[1] == "he"
    assert _speaker("Still, officials said the plan works.", "the plan works")[1] == "officials"


def test_lone_adjective_or_gerund_is_no_speaker():
    # allsides 4BBoO8T0gH22Y6CP and GfW3ziPPCt5GzPOD (shortened): the noun after the word ("promises", "states") was
    # read as a reporting verb and the speakers were "vague" and "letting"
    assert "vague" not in _surfaces("Getting there requires more than vague promises or calls for a revolution.")
    assert "letting" not in _surfaces("The United States also seems to be adopting such a strategy, letting states "
                                      "decide when they reopen.")
    # worked example: a person noun with an adjective's ending still speaks
    assert _speaker("Conservatives said the bill fails.", "the bill fails")[1] == "Conservatives"
    assert _speaker("A representative said the bill fails.", "the bill fails")[1] == "A representative"


def test_attribution_phrase_of_a_lone_determiner_is_none():
    # allsides 3HuJ287WDLgXTt38 and roundups 5749_left (shortened): the speakers were "a" and "the"
    text = "The WHO said the US could become the new epicenter, citing a \"very large acceleration\" in infections."
    assert "a" not in _surfaces(text)
    assert _surfaces("The two prevailing theories are plausible, according to the...") <= {""}
    # allsides 86HXkUYhGGK1pgET, shortened: "her" is the object pronoun, a speaker
    assert _speaker("That, according to her, was the lesson of the post–Vietnam War era.", "the lesson")[1] == "her"


def test_states_in_a_list_of_plural_nouns_is_a_noun():
    # allsides jQPvki0Wn8VQungC, shortened: the first "states" was a verb and "We" its speaker, with the content
    # "particularly communities in swing states."
    text = ("We found that the conservative sites are more focused on local communities than on broader regions and "
            "states, particularly communities in swing states.")
    assert not [q for q in _quotes(text) if q.text.startswith("particularly")]
    # BBC, allsides AfVXxbYeP3aIugDx (s6), shortened: a list that goes on into its clause keeps the report
    text = ("He called on cities and states to deploy the National Guard, the reserve military force, “in sufficient "
            "numbers that we dominate the streets”.")
    assert _speaker(text, "dominate the streets")[1] == "He"


def test_participle_and_its_plural_object_after_a_comma_end_the_report():
    # Reuters, roundups 5666_center (as in round 10's test): "contradicting" is no speaker, and the report ends at
    # its comma
    text = ("Top military officials told lawmakers on Tuesday that they had recommended 2,500 U.S. troops remain in "
            "Afghanistan, contradicting comments made by President Biden earlier this year.")
    assert _speaker(text, "2,500 U.S. troops")[1] == "Top military officials"
    assert not [q for q in _quotes(text) if "President Biden earlier" in q.text]
