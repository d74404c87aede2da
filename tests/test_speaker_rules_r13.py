"""Round-13 speaker rules (issue 7 §3), each on a short excerpt of an s11 article (article ids given;
../shared/corpora) or a worked example; the expected speakers were read off the text by hand, not printed by the
code."""

from speaker_helpers import quotes as _quotes
from speaker_helpers import speaker as _speaker
from speaker_helpers import speakers as _speakers

# ---- "The judge, NAME of/for THE COURT, said": the apposed name, not the description

BOASBERG = (  # New York Times, roundups 5913_left (s11), paragraph 1, shortened
    "The judge, James E. Boasberg for the U.S. District Court for the District of Columbia, said that the case from "
    "the states needed to be dismissed because too much time had elapsed.")
BENITEZ = (  # New York Times, roundups 5980_left (s11), paragraph 2, completed by hand (the excerpt is cut off)
    "The judge, Roger T. Benitez of the U.S. District Court for the Southern District of California, wrote that "
    "sections of the law were unconstitutional.")


def test_name_apposed_to_a_description_with_its_court():
    # the speaker was "The judge" in both (the name between the commas was read as a plain name only)
    assert _speaker(BOASBERG, "needed to be dismissed")[1] == "James E. Boasberg"
    assert _speaker(BENITEZ, "were unconstitutional")[1] == "Roger T. Benitez"


def test_apposition_without_a_person_noun_or_a_name_stays_as_before():
    # worked examples: "The report, Findings of the Panel, said" names no person before the comma; a lower-case
    # piece between the commas is no name
    assert _speaker("The report, Findings of the Panel on Safety, said that the plant was safe.",
                    "the plant was safe")[1] != "Findings"
    assert _speaker("The judge, a veteran of the federal bench, said that the case was moot.",
                    "the case was moot")[1] == "The judge"


# ---- "X, led by Y, …, accused": a participle with its agent is set off, the subject is X

STATES = (  # New York Times, roundups 5913_left (s11), paragraph 1, second sentence, shortened
    "The states, led by Letitia James, the New York attorney general, accused Facebook in December of buying up "
    "nascent competitors like Instagram.")


def test_participle_piece_is_no_speaker():
    # the speaker was the fragment "led by Letitia James"
    assert _speaker(STATES, "buying up nascent competitors")[1] == "The states"


# ---- "According to the DHS report, …": "report" is the noun of the attribution phrase

DHS = (  # Raw Story, allsides YvuL5nMe21Td4oov (s11), paragraph 9
    "According to the DHS report, they saw the hoarding issue back in January.")


def test_according_to_phrase_opens_no_report_of_its_own():
    # an indirect quote with the speaker "According to the DHS" came before the according_to one
    found = _quotes(DHS)
    assert [q.kind for q in found] == ["according_to"]
    assert found[0].speaker_surface == "the DHS report"
    # worked example after New York Post hsVonkm2LaJKbfRK: a relative clause after the phrase reports for its person
    text = ("Schools are also scrambling, according to one New York University professor who told The Post that "
            "students and staff alike are panicking.")
    assert _speaker(text, "staff alike are panicking", kind="indirect")[1] == "one New York University professor"


# ---- "whined that", "lamented that", "fumed that" report (reporting_verbs.yaml 1.14)

SPENCER = (  # ThinkProgress, allsides twcJ4qrab2aIrxZW (s11), paragraph 8, shortened
    "In the wake of last November’s report, Richard Spencer whined that he was being “treated like a criminal by the "
    "Polish government.”")


def test_verbs_of_complaint_report():
    # no report before 1.14: the quoted words had no speaker
    assert _speaker(SPENCER, "treated like a criminal")[1] == "Richard Spencer"
    # worked examples
    assert _speaker("The mayor lamented that the budget was too small.", "the budget was too small")[1] == "The mayor"
    assert _speaker("Smith fumed that the vote had been rigged.", "the vote had been rigged")[1] == "Smith"
    # the noun "fumes" is not listed: it reports nothing
    assert _quotes("Diesel fumes filled the tunnel and the station for hours.") == []


# ---- a possessor opening a clause's subject is not that subject

CDC = (  # Raw Story, allsides YvuL5nMe21Td4oov (s11), paragraphs 5 and 11, shortened
    "However, in the United States, President Donald Trump attempted to ban masks coming in from China. Trump’s own "
    "CDC was warning in February that the virus was dangerous.")


def test_possessor_before_the_subject_is_no_speaker():
    # the speaker was Trump (the possessor of "Trump’s own CDC")
    assert _speakers(CDC, "the virus was dangerous") == {("CDC", "CDC")}
    # worked examples: a possessed noun that names no one the article knows stays as before ("Smith’s spokesman", a
    # person of Smith's), and so does a possessed thing that is no name ("Trump’s tweet said": Trump's words)
    text = "Smith met the board on Monday. Smith’s spokesman was saying that the deal was off."
    assert _speaker(text, "the deal was off")[1] == "Smith’s spokesman"
    text = "President Donald Trump spoke on Monday. Trump’s tweet was claiming that the deal was off."
    assert _speaker(text, "the deal was off")[0] == "Donald Trump"


# ---- "“A,” said X, in an interview, “B.”": the second half of the split sentence is X's too

MATZE = (  # New York Times, roundups 5809_left (s11), paragraph 0, shortened
    "“If you can say it on the streets of New York,” promised the company’s chief executive, John Matze, in a June "
    "CNBC interview, “you can say it on Parler.”")


def test_quote_split_by_its_own_inverted_clause():
    # the second half had no speaker
    assert _speaker(MATZE, "you can say it on Parler")[1] == "John Matze"
    # worked examples: the plain inverted form; another reporting clause between the halves keeps its own speaker
    assert _speaker("“We will win,” said Jane Roe, “and we will win soon.”", "we will win soon")[1] == "Jane Roe"
    text = "“We will win,” said Jane Roe, but John Doe replied, “not this year.”"
    assert _speaker(text, "not this year")[1] == "John Doe"


# ---- "they" after "Defense Department officials" / "A group of 18 scientists"; "he" after "A federal judge in X on
# Friday overturned"

OFFICIALS = (  # New York Times, roundups 5748_left (s11), paragraph 1, shortened
    "Defense Department officials said one of the Islamic State drone targets was a “planner,” and one was a "
    "“facilitator.” Both, they said, were involved in planning attacks against Americans.")
SCIENTISTS = (  # New York Times, roundups 6041_left (s11), paragraphs 0-1, shortened
    "A group of 18 scientists stated Thursday in a letter published in the journal Science that there is not enough "
    "evidence to decide whether a natural origin or an accidental laboratory leak caused the pandemic.\n\n"
    "They argued, as the U.S. government and other countries have, for a new investigation.")
JUDGE = (  # New York Times, roundups 5980_left (s11), paragraph 0
    "A federal judge in California on Friday overturned the state’s three-decade-old ban on assault weapons, which "
    "he called a “failed experiment,” prompting a sharp retort from the state’s governor.")


def test_plural_pronoun_takes_the_people_not_their_organisation():
    # "they" was the Defense Department (the organisation that modifies "officials")
    assert _speaker(OFFICIALS, "were involved in planning attacks")[0] == "Defense Department officials"
    # "They" had no antecedent ("group" heads organisations)
    assert _speaker(SCIENTISTS, "for a new investigation")[0] == "A group of 18 scientists"
    # worked example: a group noun without people after "of" stays an organisation
    text = "A group of companies said on Monday that prices would rise. They argued that costs had doubled."
    assert _speaker(text, "costs had doubled")[0] != "A group of companies"


def test_indefinite_role_subject_with_a_place_and_a_day():
    # "he" had no antecedent
    assert _speaker(JUDGE, "failed experiment")[0] == "A federal judge in California"


# ---- a second verb after an irregular past tense; a comma-set occasion before the verb

MCCAUL = (  # Fox News, roundups 5815_right (s11), paragraph 1
    "The committee's ranking Republican, during an appearance on “America’s Newsroom,” laid out a number of key "
    "points from the report and asserted that the CCP is likely “very concerned” by its findings.")
AIDES = (  # New York Times, allsides jk7ENwwApf3qJzJN (dev), the sentence the rule gained there
    "Like his predecessors, Mr. Trump was unhappy with the rulings, although aides sought to calm him by assuring "
    "him that he could continue fighting in lower courts.")


def test_second_verb_after_an_irregular_past_and_an_occasion():
    # no report: "laid" was no verb (so "and asserted" found no clause subject), and the comma-set occasion
    # stopped the subject
    assert _speaker(MCCAUL, "the CCP is likely")[1] == "The committee's ranking Republican"
    assert _speaker(AIDES, "he could continue fighting", kind="indirect")[1] == "aides"
    # worked examples: a given name that is also a past tense is no verb ("Rose", "Drew")
    text = "Actress Rose McGowan pushed back on critics, adding that she had no regrets."
    assert _speaker(text, "she had no regrets")[1] != "Actress"
    assert _speaker("The minister, on Monday, said that prices would rise.", "prices would rise")[1] == "The minister"


# ---- "Per X," opening a sentence attributes it; "referred to “…”" frames its subject's words (1.14)

SWEDISH = (  # ThinkProgress, allsides twcJ4qrab2aIrxZW (s11), paragraph 5, first sentence
    "Per Swedish media, Spencer was prevented from traveling during a layover in Poland.")
FACT_SHEET = (  # Fox News, allsides EFEm1QAcezAlMHEx (s11), paragraph 7, second sentence
    "An accompanying media fact sheet issued Nov. 30 referred to \"contributions\" without detailing the total cost "
    "and scope of the program.")


def test_per_opening_a_sentence_and_referred_to():
    found = _quotes(SWEDISH)  # no quote before
    assert [(q.kind, q.speaker_surface) for q in found] == [("according_to", "Swedish media")]
    # worked examples: "per" inside a sentence, "Per capita" are no attribution
    assert _quotes("Prices rose $5 per month. Per capita income fell.") == []
    # the quoted word had no speaker (a scare quote)
    assert _speaker(FACT_SHEET, "contributions")[1].startswith("An accompanying media fact sheet")
    # worked example: a passive "was referred to" frames nothing
    assert _quotes("The case was referred to the “special master” last week.") == []
