"""Round-10 speaker rules (issue 7 §3): reports the finder did not detect, each on a hand-labelled real excerpt
(article ids given; ../shared/corpora) or a worked example; the expected speakers were read off the text by hand,
not printed by the code."""

from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import find_quotes


def _quotes(text: str):
    return find_quotes(parse_article(Article("t", text)))


def _speakers(text: str, words: str) -> set[tuple[str, str]]:
    return {(q.speaker, q.speaker_surface) for q in _quotes(text) if words in q.text}


def _speaker(text: str, words: str) -> tuple[str, str]:
    found = _speakers(text, words)
    assert len(found) == 1, found  # every quote holding the words (a report and its quoted part) agrees
    return found.pop()


# ---- a second verb after "and": an adverb between ("and later told"), a name object before "and"

def test_and_later_told():
    # Daily Mail, allsides a3bo2uXOgonwHJ3D (s6 split): Trump told reporters
    text = ("Trump denounced the inquiry as a 'witch hunt' on Twitter early on Wednesday and later told reporters "
            "that Democrats were being disrespectful.")
    assert _speaker(text, "being disrespectful")[0] == "Trump"


def test_and_say_after_an_object_name():
    # Washington Times, allsides bN0Wyk89sCSDkgwY (devset): the members say it, not the Freedom Caucus
    text = ("While he won cheers from conservatives from those efforts, some moderate GOP members have started to "
            "lose patience with the Freedom Caucus and say those sorts of tactics are counterproductive.")
    assert _speaker(text, "counterproductive")[0] == "some moderate GOP members"


def test_and_also_disclosed():
    # allsides 87n6NKPoGYzwru4c (first 300 allsides_dev rows): PG&E disclosed it
    text = ("PG&E on Monday revealed it had failed to notify about 23,000 of its customers of precautionary power "
            "shutdowns earlier this month and also disclosed that its equipment malfunctioned near two fires that "
            "broke out in Contra Costa County on Sunday afternoon.")
    assert _speaker(text, "its equipment malfunctioned")[1] == "PG&E"


def test_names_joined_by_and_stay_one_subject():
    # worked example: "of" takes the list "the Freedom Caucus and Democrats"; the list is the subject
    text = "Members of the Freedom Caucus and Democrats said the bill was dead."
    assert _speaker(text, "bill was dead")[1] == "Members of the Freedom Caucus and Democrats"


# ---- a participle right after a closing quotation mark reports for the quote's speaker

def test_adding_that_after_a_quote_opening_the_sentence():
    # HuffPost, allsides MsscYdtXsiyDFs3n (devset)
    text = ("When asked how many staff members his campaign employs, Donovan said he did not precisely know.\n\n"
            "\"I really don't have that number right now,\" adding that his campaign employs five to 10 paid "
            "staffers.")
    assert _speaker(text, "five to 10 paid staffers")[0] == "Donovan"


def test_adding_that_after_a_continued_quote():
    # New York Times, allsides ELC6HaOsW29EbOf1 (devset), shortened: the second quote continues Wyden's
    text = ("“Obviously there are choices to make,” said Senator Ron Wyden, Democrat of Oregon, when asked about the "
            "paycheck fairness bill, which he supports. “I continue to make the case to the administration that they "
            "ought to be pulling out all the stops for tax reform,” adding that it appeals to both parties.")
    assert _speaker(text, "appeals to both parties")[0] == "Ron Wyden"


def test_adding_after_a_quote_inside_a_clause_keeps_the_clause_subject():
    # allsides 101iVi0ZPn3VCVjh (first 300 allsides_dev rows): Lavrov's clause, his quoted words absorbed
    text = ("Lavrov called Pyongyang’s action “unacceptable,” adding that the situation will “slip out of our control "
            "and it will slide into a spiral of a vicious circle.”")
    assert {surface for _, surface in _speakers(text, "vicious circle")} == {"Lavrov"}
