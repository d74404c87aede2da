"""Round-11 speaker rules (issue 7 §3), each on a hand-labelled real excerpt (article ids given; ../shared/corpora)
or a worked example; the expected speakers were read off the text by hand, not printed by the code."""

from speaker_helpers import quotes as _quotes
from speaker_helpers import speaker as _indirect

from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing.quote_marks import single_mark_view


def _direct(text: str, words: str) -> tuple[str, str]:
    return _indirect(text, words, kind="direct")


# ---- single quotation marks as the house style (Daily Mail)

DAILY_MAIL_CUBA = (  # Daily Mail, allsides YyBA68nd3FZ6rWW0 (s9 split), paragraphs 11, 12 and 19, shortened
    "'The Administration has advanced the President's Cuba policy by ending 'veiled tourism' to Cuba,' Bolton "
    "said on Twitter.\n\n"
    "'We will continue to take actions to restrict the Cuban regime's access to U.S. dollars.'\n\n"
    "'This affects all of us,' said William Mártinez, 58, a Cuban-born American. 'It's inhuman, the sanctions "
    "that they're putting on Cuba.'")


def test_single_marks_after_the_quote():
    # "'…,' said NAME": the speaker after the closing mark (was "'" as the speaker of an indirect quote)
    assert _direct(DAILY_MAIL_CUBA, "This affects all of us")[0] == "William Mártinez"
    # a second pair in the same paragraph, after the clause: the same speaker
    assert _direct(DAILY_MAIL_CUBA, "It's inhuman")[0] == "William Mártinez"


def test_single_marks_nested_pair_stays_inside():
    # Bolton's own 'veiled tourism' is inside his quote: the quote runs on to "to Cuba," and "Bolton said" follows
    assert _direct(DAILY_MAIL_CUBA, "veiled tourism")[1] == "Bolton"


def test_single_marks_quote_only_paragraph_continues():
    # a paragraph that is only a quote continues the previous paragraph's speaker (was not found at all)
    assert _direct(DAILY_MAIL_CUBA, "restrict the Cuban regime")[1] == "Bolton"


def test_single_marks_plural_possessive_inside_a_quote():
    # worked example: "lawyers' fees" is a possessive, not the closing mark ("'…,' Smith said" closes later)
    text = "'The lawyers' fees were far too high for a family like ours,' Smith said. 'We will appeal the ruling.'"
    assert _direct(text, "fees were far too high")[0] == "Smith"


def test_single_marks_only_as_scare_quotes_are_no_house_style():
    # worked examples: short single-quoted words only, or double marks for speech, leave the article as printed
    scare = parse_article(Article("t", "The senator called it a 'hoax' on Tuesday. Critics called it 'a stunt'."))
    assert single_mark_view(scare) is None
    doubles = parse_article(Article("t", '"We will win this fight," she said. "We will win it again," she added. '
                                         "He called the plan 'a very bad idea for all of us' on Monday."))
    assert single_mark_view(doubles) is None


def test_single_mark_view_keeps_offsets_and_apostrophes():
    doc = parse_article(Article("t", DAILY_MAIL_CUBA))
    view = single_mark_view(doc)
    assert view is not None and len(view.body) == len(doc.body)
    # one outer pair in each of the three paragraphs and a second pair in the third: 4 opening, 4 closing marks
    assert view.body.count("“") == 4 and view.body.count("”") == 4
    assert "President's" in view.body and "It's" in view.body and "'veiled tourism'" in view.body


# ---- "the statement" names again the speaker of the report that printed a statement before it

def test_the_statement_after_said_in_a_statement():
    # USA TODAY, allsides 1vutnmyxCAhCGzMo (devset), paragraphs 14-15: the company is Saratov Airlines
    text = ("Saratov Airlines is a subsidiary of Aeroflot, Russia's largest airline. The An-148 was built by Voronezh "
            "Aircraft in 2010, the company said in a statement released through TASS.\n\n"
            "\"We were grieved to learn about the crash,\" the statement said.")
    assert _direct(text, "grieved to learn")[0] == "Saratov Airlines"


def test_the_statement_continued():
    # Independent Journal Review, allsides q3G8PlJVBNf94QVQ (s9 split), paragraphs 1-2, shortened
    text = ("“As I have made clear through prior pronouncements, jailing Texans for non-compliance with executive "
            "orders should always be the last available option,” Abbott said in a statement on Wednesday afternoon."
            "\n\nThe statement continued, “Compliance with executive orders during this pandemic is important to "
            "ensure public safety.”")
    assert _direct(text, "Compliance with executive orders")[0] == "Abbott"


def test_the_statement_without_an_earlier_statement_stays_as_printed():
    # worked example: the report before it prints no statement, so "the statement" is not Smith's
    text = ("Smith said the plant would close in May.\n\n"
            "\"We regret the loss of these jobs,\" the statement said.")
    assert _direct(text, "We regret the loss")[0] == "the statement"


# ---- adverbs and floating quantifiers between the subject and its verb are no speaker

def test_so_far_before_the_verb():
    # allsides QAuUyoT43HDVetqU (first rows of allsides_dev): the speaker was "far"
    text = "The Justice Department so far claims to have produced about 7,600 of them."
    assert _indirect(text, "7,600")[1] == "The Justice Department"


def test_so_often_before_the_verb():
    # allsides 0XRTf70E1LCwlcrU: the speaker was "often"
    text = ("It was hard not to compare the two, especially since Mandela so often declared his debt to his younger "
            "American ally.")
    assert _indirect(text, "his debt")[1] == "Mandela"


def test_all_after_a_relative_who():
    # allsides BQkqIZFQ8gG6YpmX: the students claimed it (the speaker was "all")
    text = ("One probe involved him handing out five college scholarships to students who all claimed to live in the "
            "home of one of his campaign aides.")
    assert _indirect(text, "campaign aides")[1] == "students"


def test_both_after_a_list():
    # allsides LxdIKXDFcu48cYry: the speaker phrase was "Madhira and Stack both"
    text = ("Madhira and Stack both said despite their excitement over the news, they intend to test the "
            "administration on this policy.")
    assert _indirect(text, "test the administration")[1] == "Madhira and Stack"


# ---- "NAME, a DESCRIPTION, …, said": the name is the speaker when commas set the description off

def test_name_before_a_description_with_a_determiner():
    # allsides 5s9rpLT9PvgBCaLt: the speaker was "an associate policy researcher at the Rand Corporation"
    text = ("Bryce Pardo, an associate policy researcher at the Rand Corporation, a U.S. think tank, said drug laws "
            "simply cannot cope with the seemingly endless drugs being produced by underground chemists in China.")
    assert _indirect(text, "cannot cope")[0] == "Bryce Pardo"


def test_name_before_the_former_olympian():
    # roundups 6106_left (The Independent): the speaker was "the former Olympian"
    text = ("Caitlyn Jenner, the former Olympian, reality TV star and transgender activist, said Friday she is running "
            "to be governor of California.")
    assert _indirect(text, "governor of California")[0] == "Caitlyn Jenner"


def test_opening_phrase_then_a_description_stays_the_description():
    # allsides p3rrfJsM37nesKuQ, shortened: "On Wednesday" is no name; a description without a comma before the
    # verb opens a subject of its own ("In Washington, the president said")
    text = "On Wednesday, the Global Times tabloid, which is run by the party, said the plan would fail."
    assert _indirect(text, "plan would fail")[0] == "the Global Times tabloid"
    assert _indirect("In Washington, the president said the plan would fail.", "plan would fail")[0] == \
        "the president"


# ---- "states" is a plural noun before a modal, "did", "and"/"or", "with", "across", or an -ed/-ing form

def test_member_states_will_meet_is_no_report():
    # allsides 62P5Hc23kcGUN4eq: "the leaders of EU member" reported "will meet in Brussels …"
    text = "On July 17, the leaders of EU member states will meet in Brussels for the first in-person summit."
    assert _quotes(text) == []


def test_two_us_states_did_not_require_is_no_report():
    # allsides 1l2gZi8TRcFdsNPs: "two US" (resolved to the United States) reported the rest of the sentence
    text = "Until recently, two US states did not require a unanimous jury verdict to convict defendants."
    assert _quotes(text) == []


def test_states_as_a_verb_still_reports():
    # worked examples: a document or a name before "states" and a clause after it
    assert _indirect("The law states that the age limit is 21.", "age limit")[1] == "The law"
    assert _indirect("The letter states the company will close two plants.", "close two plants")[1] == "The letter"


def test_says_before_a_modal_still_reports():
    # allsides w3ADVnDSBmb3VNLZ: a relative clause ("which the FDA says should be …") keeps its report
    text = ("Fillakit has been squirting one of the alternatives into its tubes, phosphate buffered saline, which the "
            "FDA says should be placed into “a sterile glass or plastic vial.”")
    assert any(q.speaker_surface == "the FDA" for q in _quotes(text))


# ---- "said if …" and "asked whether …" report their clause

def test_said_if():
    # BBC, allsides AfVXxbYeP3aIugDx (s6 split), paragraphs 1-2, shortened: the clause after "said if" is Trump's
    text = ("President Donald Trump has threatened to send in the military to quell growing civil unrest in the US.\n\n"
            "He said if cities and states failed to control the protests and \"defend their residents\" he would "
            "deploy the army.")
    assert _indirect(text, "cities and states failed")[0] in ("Donald Trump", "President Donald Trump")


def test_asked_if():
    # allsides bgKjMjIDdM1YcrvB: an indirect question is reported speech
    text = "Brzezinski asked if he would approve a search of Tara Reade’s name in the University of Delaware records."
    assert _indirect(text, "approve a search")[1] == "Brzezinski"


def test_not_saying_whether_reports_nothing():
    # allsides aLXhMA2CPp4N2Wf4 and B1TH1L2K83ee9ULe, shortened: nothing is reported
    assert _quotes("The White House hasn't said whether it would accept the condition as part of any deal.") == []
    assert _quotes("Nor would he say whether he would appoint a special prosecutor to investigate her.") == []


def test_a_modal_before_the_verb_reports_nothing():
    # allsides 8v5zGxw0LKRMEF8S and AoYIeWh0JjRKoiok, shortened: what a test "can tell" or data "would reveal" has
    # not been said by anyone (both were reports with speakers "a test available yet" and "the kind of … data")
    assert _quotes("There is not a test available yet that can tell if someone already recovered from the "
                   "disease.") == []
    assert _quotes("Better Angels has not compiled the kind of hard and reliable data that would reveal whether "
                   "the warm feeling engendered by the workshops has a lasting effect.") == []
    # the same verbs without a modal still report their question
    assert _indirect("The official asked whether the warm feeling has a lasting effect.",
                     "lasting effect")[1] == "The official"


# ---- a sentence adverb before a comma is no speaker

def test_opening_adverb_is_no_speaker():
    # allsides_dev (first rows): the speaker was "Ultimately"
    text = ("Ultimately, the solution must include stronger critical thinking by individuals, argues Mr. Cook, the "
            "climate change communications researcher.")
    assert all(q.speaker != "Ultimately" and q.speaker_surface != "Ultimately" for q in _quotes(text))


def test_surname_before_a_comma_stays_the_speaker():
    # worked example: an -ly surname opening the sentence is still a name
    assert _indirect("Kelly, the chief of staff, said the president was angry.", "president was angry")[0] == "Kelly"


def test_clause_after_an_opening_adverb_then_said_name():
    # allsides_dev (first rows): "However" was the speaker and "Shawn Steel, …" the content
    text = ("However, this was no spur-of-the-moment effort by the Democrats, said Shawn Steel, the California GOP’s "
            "delegate to the Republican National Committee.")
    assert _indirect(text, "spur-of-the-moment")[0] == "Shawn Steel"


# ---- "allowed that" concedes a clause (reporting_verbs.yaml 1.12)

def test_allowed_that():
    # AP Fact Check, allsides YFDxfzZJrP13vuNx (s8 split), paragraph 37, shortened
    text = ("Maria Van Kerkhove, acting head of WHO’s emerging diseases unit, allowed that there could be limited "
            "cases of human transmission.")
    assert _indirect(text, "limited cases")[0] == "Maria Van Kerkhove"


def test_allowed_that_to_happen_reports_nothing():
    # worked example
    assert _quotes("The referee allowed that to happen twice.") == []


# ---- "stress that" after its subject (reporting_verbs.yaml 1.12)

def test_they_stress_that():
    # Washington Post, allsides hsE8Zi8TRcFdsNPs (s8 split), paragraph 14, shortened: "They" are the vaccine experts
    text = ("Vaccine experts have said these accelerated development timelines are theoretically possible. They stress "
            "that it will be crucial to gather convincing data that the vaccines are safe.")
    assert _indirect(text, "crucial to gather")[0] == "Vaccine experts"


def test_the_noun_stress_that_reports_nothing():
    # allsides_dev rows, shortened: "stress" is the noun of a relative clause
    assert _quotes("It was the thirteen years of constant stress that followed which killed him.") == []
    assert _quotes("Breathing practices can help you cope with any stress that you may be experiencing.") == []


# ---- "who" after an organisation's name refers to the person described before it

def test_who_after_an_organisation_name():
    # allsides 6RcCNTzauyVhmbEf: the speaker was the American Enterprise Institute (before: "sometimes")
    text = ("She recently shared a conference stage with Christina Hoff Sommers, a resident scholar at the American "
            "Enterprise Institute who sometimes calls herself a “factual feminist” or “equity feminist”.")
    assert {q.speaker for q in _quotes(text)} == {"Christina Hoff Sommers"}


def test_who_after_a_description_ending_in_an_organisation():
    # allsides_dev (first rows), shortened: no name before the description, so the description is the speaker
    text = ("Not all Trump supporters are white, the vice chair of the Missouri Republican Party, who said that her "
            "grandchildren were not allowed to watch Fox News.")
    assert _indirect(text, "grandchildren")[0] == "the vice chair of the Missouri Republican Party"
