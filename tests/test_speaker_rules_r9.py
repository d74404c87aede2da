"""Round-9 speaker rules (issue 7 §3), each on a hand-labelled real excerpt (article ids given; ../shared/corpora)
or a worked example; the expected speakers were read off the text by hand, not printed by the code."""

import pytest
from speaker_helpers import quotes as _quotes
from speaker_helpers import speaker as _speaker

from analysis.entities.speakers import publication_day

# ---- "the prime minister", "the US president": the office's holder the article names without the title

def test_the_us_president_is_the_holder_named_before():
    # The Guardian, roundups 6073_left (r4 split; both quotes were "The US president" as printed)
    text = ("Joe Biden has announced a goal of ensuring 70% of American adults receive at least one dose of the "
            "coronavirus vaccine by Independence Day on 4 July.\n\n"
            "The US president urged people in their 20s and 30s in particular to get inoculated and said his "
            "administration was “ready to move immediately” if the Food and Drug Administration (FDA) authorised "
            "the Pfizer-BioNTech vaccine for children aged 12 to 15.")
    assert _speaker(text, "ready to move") == ("Joe Biden", "The US president")


def test_the_prime_minister_is_not_the_first_minister():
    # BBC News, allsides E5pZc1o2iOC9qLx5 (r4 split): Sturgeon holds another title; May is named without one
    text = ("Theresa May called the attack \"sickening\".\n\n"
            "Scotland's First Minister Nicola Sturgeon said police were in contact with the families.\n\n"
            "In a statement in Downing Street on Tuesday, the prime minister said the bombing had been a \"callous "
            "terrorist attack\" that targeted \"defenceless young people\".\n\n"
            "She said the security services believed they knew the attacker's identity but were not yet able to "
            "confirm it.")
    assert _speaker(text, "callous")[0] == "Theresa May"
    assert _speaker(text, "security services")[0] == "Theresa May"


def test_the_president_of_the_trump_administration():
    # Associated Press, allsides dFnKXFuiwnr023uN (r4 split), published 2020-03-16: Trump is named only in
    # "the Trump administration"
    text = ("The decision to move ahead with primaries ran counter to stern new guidelines put in place by the Trump "
            "administration.\n\n"
            "The president for the first time acknowledged that the pandemic may send the economy into a recession "
            "and suggested that the nation may be dealing with the virus until “July or August.”")
    speaker, surface = _speaker(text, "pandemic may send", "2020-03-16")
    assert surface == "The president" and speaker in ("Trump", "Donald Trump")  # the article's own "Trump"


# worked examples: the publication day picks the holder; two holders without a day, a modifier of another
# office, and "former" leave the description as printed
TRUMP_AND_BIDEN = ("Donald Trump met Joe Biden at the White House on Monday.\n\n"
                   "The president said the criticism was “unfair.”")


@pytest.mark.parametrize(("published", "speaker"), [
    ("2018-05-02", "Donald Trump"),
    ("6/2/2021", "Joe Biden"),
    ("", "The president"),  # both are presidents of the list and no day tells which
])
def test_the_publication_day_picks_the_holder(published, speaker):
    assert _speaker(TRUMP_AND_BIDEN, "unfair", published)[0] == speaker


def test_a_modifier_picks_the_office():
    text = ("Donald Trump met Vladimir Putin in Helsinki.\n\n"
            "The Russian president said the talks were “useful.”")
    assert _speaker(text, "useful", "2018-07-16")[0] == "Vladimir Putin"


def test_a_former_holder_is_no_current_office():
    text = ("Barack Obama campaigned in Philadelphia.\n\n"
            "The former president said the election was “a turning point.”")
    assert _speaker(text, "turning point", "2020-10-21")[0] == "The former president"


def test_a_holder_not_named_in_the_article_is_no_antecedent():
    text = "The prime minister said the plan was “a disgrace.”"
    assert _speaker(text, "disgrace", "2018-05-02")[0] == "The prime minister"


@pytest.mark.parametrize(("published", "day"), [
    ("2020-03-16", (2020, 3, 16)), ("2020-03-16T10:00:00Z", (2020, 3, 16)), ("3/8/2019", (2019, 3, 8)),
    ("", None), ("March 2019", None), ("2019-13-45", None),
])
def test_publication_day(published, day):
    got = publication_day(published)
    assert (got.year, got.month, got.day) == day if day else got is None


# ---- gender from the person's own report

def test_a_report_with_he_tells_the_gender():
    # Michael Goodwin, allsides 59Wfp3RUGRAqoggF: "she" (Hillary Clinton, named paragraphs before) was Trump
    text = ("That makes her guilty of the very thing she found “horrifying” when Trump suggested he might not abide "
            "by the results if he thought they were rigged.\n\n"
            "“He is denigrating — he is talking down our democracy,” she said in their final debate.")
    assert _speaker(text, "denigrating") == ("", "she")


def test_a_report_of_someone_else_tells_no_gender():
    # worked example: "an aide to Morgan said she": the aide, not Morgan
    text = ("An aide to Casey Morgan said she would resign.\n\n"
            "“We need a new library,” Casey Morgan said. “It is overdue,” she added.")
    assert _speaker(text, "overdue")[0] == "Casey Morgan"


# ---- a date before "and" ends a verb phrase: the verb after it shares the clause's subject

@pytest.mark.parametrize(("text", "words", "speaker"), [
    # Breitbart, allsides ZE3KJDmH3zRhDS5W (devset): no report was found
    ("The Federal Reserve raised interest rates on Wednesday and signaled that additional increases were on the "
     "way this year and next.", "additional increases", "Federal Reserve"),
    # The Epoch Times, roundups 5675_right: no report was found
    ("The Center for Disease Control and Prevention (CDC) overrode its vaccine advisory panel early Friday and "
     "said people as young as 18 who have certain jobs or living situations may get a COVID-19 vaccine booster.",
     "as young as 18", "Center for Disease Control and Prevention"),
    # Portland Press Herald, allsides AM1U8VARjTLoGYX0: a number ends the verb phrase too
    ("Meir, who grew up in Caribou, has dreamed about going to space since she was 5 and wrote in her senior "
     "yearbook that her future plans included going on a spacewalk.", "spacewalk", "Meir"),
])
def test_a_date_before_and_ends_the_verb_phrase(text, words, speaker):
    assert _speaker(text, words)[0] == speaker


def test_names_joined_by_and_stay_one_subject():
    # worked example: "May" is a name here, not the month; the list of names is not cut at "and"
    assert [q for q in _quotes("Corbyn and May said the talks had failed.") if q.speaker == "May"] == []


# ---- a reporting-verb form heading a possessive's noun phrase is a noun; a name after a verb is no subject

@pytest.mark.parametrize("text", [
    # George Will (column), allsides 9NfiszFpLYEXjvKh: the speaker was "Barack Obama's increasingly grandiose"
    "Barack Obama's increasingly grandiose claims for presidential power are inversely proportional to his "
    "shriveling presidency.",
    # Damon Linker (column), allsides Bcs9md85feCcCq79: the speaker was "Donald Trump's xenophobic"
    "Or Donald Trump's xenophobic promises to build a 2,000-mile wall along the U.S.-Mexican border.",
    # The Epoch Times, roundups 5731_right: the speaker was "The Labor Department’s jobs"
    "The Labor Department’s jobs report, released Sept. 3, shows that non-farm payroll employment rose by 235,000 "
    "in August.",
])
def test_a_form_after_a_possessive_and_modifiers_is_a_noun(text):
    assert [(q.speaker_surface, q.verb) for q in _quotes(text)] == []


def test_the_subject_of_a_participle_is_not_the_possessor_after_the_verb():
    # Reuters, allsides 12blL68ql93XQi9Z: the speaker was "Democrats welcomed Short’s DACA" ("comments" as a verb)
    text = ("Democrats welcomed Short’s DACA comments, saying they cleared away a major stumbling to legislation to "
            "help DACA recipients, known as Dreamers.")
    assert {(q.speaker, q.verb) for q in _quotes(text)} == {("Democrats", "say")}


@pytest.mark.parametrize(("text", "surface"), [
    # worked examples: a person noun or a name before the -s form is its subject
    ("Trump’s top aide claims the wall is needed.", "Trump’s top aide"),
    ("Trump's adviser Stephen Miller claims the wall is needed.", "Trump's adviser Stephen Miller"),
    ("The company’s chief executive says the plan works.", "The company’s chief executive"),
    # City Journal, allsides LNbVoUlGjzBRfMbX: a noun before the -s form is its subject
    ("The city’s biannual homeless survey claims that “food insecurity” is a pressing problem.",
     "The city’s biannual homeless survey"),
    # The Colorado Sun, allsides G90lagIfkbXZMD2M: a plural of people before a bare form is its subject
    ("There may be other explanations for the trends, the study’s authors note.", "the study’s authors"),
])
def test_a_subject_after_a_possessive_keeps_its_verb(text, surface):
    assert [q.speaker_surface for q in _quotes(text)] == [surface]


def test_insist_on_reports_nothing_inside_another_report():
    # Reuters, allsides 12blL68ql93XQi9Z, the lead: the clause is the aide's report; "insist on" asks for something
    text = ("U.S. President Donald Trump will not necessarily insist on including funding for a border wall with "
            "Mexico in legislation to address protections for children brought to the United States illegally, a "
            "senior aide said on Tuesday.")
    assert [(q.speaker, q.verb) for q in _quotes(text)] == [("a senior aide", "say")]


def test_insist_on_a_date_still_reports():
    # worked example: "on" before a date is no object
    assert [(q.verb, q.text) for q in _quotes("Trump insisted on Tuesday that the wall would be built.")] == \
        [("insist", "the wall would be built.")]


# ---- "the journal", "the magazine": the medium whose report came last; none before: as printed

@pytest.mark.parametrize(("text", "words", "speaker"), [
    # AP Fact Check, allsides YFDxfzZJrP13vuNx (s8 split): the speaker was "the journal" as printed
    ("The Lancet said the first papers it published on the coronavirus came from Chinese and Hong Kong researchers "
     "on Jan. 24. There was no report in December “referring to a virus or outbreak in Wuhan or anywhere else in "
     "China,” the journal said.", "referring to a virus", "The Lancet"),
    # CalMatters, allsides 26sSFYY0i1Het7Fr
    ("In 2007, The Weekly Standard published a package of stories that profiled Virginia congressman Eric Cantor, "
     "Paul Ryan, and McCarthy, calling them “the Young Guns.” The magazine dubbed Cantor “the leader,” Ryan “the "
     "thinker,” and McCarthy “the strategist.”", "the thinker", "The Weekly Standard"),
    # worked example: no organisation reported before the description
    ("The deal was “a surprise,” the newspaper said.", "surprise", "the newspaper"),
])
def test_a_media_description_is_the_medium_that_reported_before(text, words, speaker):
    assert _speaker(text, words)[0] == speaker


# ---- a relative "that" clause after a noun: the subject is the noun phrase before it

@pytest.mark.parametrize(("text", "words", "speaker"), [
    # AP Fact Check, allsides yTru0WjLg4jMn9lM (s8 split): the speaker was "other states", and "They" took it
    ("The text messages that led to confusion in New Jersey and other states warned of a national lockdown or "
     "military takeover. They claimed to be from a “friend of a friend,” and said that within 48 to 72 hours the "
     "president would order a two-week mandatory quarantine.", "48 to 72 hours", "The text messages"),
    # Tucson Weekly, allsides 8LwgTJeDJ6eoKx1t: the speaker was "aired on its newscast last Saturday at 5"
    ("But the KGUN graphic which aired on its newscast last Saturday at 5 clearly states: TRUMP ON IMMIGRATION: "
     "\"I love illegal immigrants.\"", "I love", "the KGUN graphic"),
])
def test_the_noun_before_a_relative_clause_is_the_subject(text, words, speaker):
    assert _speaker(text, words)[0] == speaker


@pytest.mark.parametrize("text", [
    # worked examples: "that" after a verb is no relative pronoun
    "He said that was wrong, and officials agreed.",
    "Officials argue that was a mistake.",
])
def test_that_after_a_verb_opens_no_relative_clause(text):
    assert all(q.speaker_surface in ("He", "Officials") for q in _quotes(text))
