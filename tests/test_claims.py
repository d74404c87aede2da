"""Numeric claims: number normalisation, exclusions, approximators, attribution, and the seed claims."""

from __future__ import annotations

import math
import warnings

import pytest

import analysis.metrics  # noqa: F401  (registers families before the sourcing modules are imported)
from analysis.corpus import load_corpus
from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import numbers
from analysis.sourcing.claims import claim_result, find_claims, load_claim_rules
from analysis.sourcing.numbers import find_numbers, may_hold_number, parse_number_words


def no_actor(*_args: object) -> str:
    return ""


def doc_of(text: str):
    return parse_article(Article("t", text))


def claims_of(text: str):
    """The claims of ``text`` with the quote finder's reports (which say what a verb before a claim reports)."""
    return find_claims(doc_of(text), Settings(), resolve=no_actor)


@pytest.fixture(scope="module")
def seeds():
    return {a.article_id: parse_article(a) for a in load_corpus("seeds")}


def quantities(text: str) -> list[tuple[str, float, float, float]]:
    rules = load_claim_rules()
    return [(n.text, n.value, n.value_low, n.value_high)
            for n in find_numbers(text, identifier_words=rules.identifier_words, aged_events=rules.aged_events)
            if n.is_quantity]


@pytest.mark.parametrize(("text", "expected"), [
    ("12,000 soldiers", ("12,000", 12000, 12000, 12000)),
    ("10,000 troops", ("10,000", 10000, 10000, 10000)),
    ("50,000 soldiers", ("50,000", 50000, 50000, 50000)),
    ("13,000 containers", ("13,000", 13000, 13000, 13000)),
    ("3.5 million people", ("3.5 million", 3_500_000, 3_500_000, 3_500_000)),
    ("two soldiers", ("two", 2, 2, 2)),
    ("twenty-five tanks", ("twenty-five", 25, 25, 25)),
    ("a dozen drones", ("a dozen", 12, 12, 12)),
    ("thousands of troops", ("thousands", 2000, 2000, 9999)),  # [2·1000, 10·1000 − 1]
    ("hundreds of square miles", ("hundreds", 200, 200, 999)),
    ("tens of thousands of people", ("tens of thousands", 20000, 20000, 99999)),
    ("dozens of drones", ("dozens", 24, 24, 119)),
    ("between 10,000 and 12,000 troops", ("10,000 and 12,000", 10000, 10000, 12000)),
    ("10 to 12 million people", ("10 to 12 million", 10e6, 10e6, 12e6)),
    ("50% of voters", ("50%", 50, 50, 50)),
    ("12 per cent of voters", ("12 per cent", 12, 12, 12)),
    ("$5 million in aid", ("$5 million", 5e6, 5e6, 5e6)),
    ("the nearly three-year-old conflict", ("three-year-old", 3, 3, 3)),
])
def test_number_normalisation(text: str, expected: tuple[str, float, float, float]) -> None:
    assert quantities(text) == [expected]


@pytest.mark.parametrize(("text", "reason"), [
    ("signed on Nov. 12 in Seoul", "date"),
    ("test-fired on Oct. 31", "date"),
    ("since August 2023, it", "date"),
    ("on 5 May the talks", "date"),
    ("which has emerged after 2022", "year"),
    ("in accordance with Article 51 of the U.N. Charter", "identifier"),
    ("the new Hwasong-19 missile", "model"),
    ("F-16 jets", "model"),
    ("at 10:30 in the morning", "time"),
    ("at 3 p.m. local time", "time"),
    ("for the 1st time", "ordinal"),
    ("since the 1990s", "decade"),
    ("between the two nations", "anaphoric"),
    ("one of the soldiers", "pronoun"),
    ("I for one support it", "pronoun"),
    ("One argument made against the memo is weak", "pronoun"),
    ("the town was all wrapped into one.", "pronoun"),
    ("Defense Secretary Jim Mattis, 68, said so", "age in an apposition"),
    # ages after "aged", "age(s)", "at/over/under … the age of" (110 of 110 such numbers in ../shared/corpora)
    ("Colin Powell died at the age of 84 due to complications", "age after"),  # roundups 5608_center
    ("the vaccine for adolescents aged 12 to 15 by next week", "age after"),
    ("a robust response in children ages 5 to 11.", "age after"),
    ("Rayquan Borum, age 23, was arrested", "age after"),
    ("it bars sales to young adults under age 21", "age after"),
    ("children over the age of 14 who are not in custody", "age after"),
    ("said Tim Lukasek (45) of St. Louis", "age in an apposition"),
    ("the group Project 21 said", "number in a name"),
    ("a base near Area 51 in Nevada", "number in a name"),
    ("the nonprofit Issue One opposed it", "number in a name"),
    ("I 100 percent support the decision", "intensifier"),
    ("we are 100% behind him", "intensifier"),
    ("in an article of 9/28/92 it said", "slash"),
    # Wikipedia-style citation markers (allsides_dev: 898 of its 16,271 claims were these) and list numbers
    ("funding by private industry doubled.[31]", "reference marker"),
    ("generally healthy for democracy.[59][74]", "reference marker"),
    ("5. It is possible that a sharp reduction", "list number"),
    ("1) Cut the rate", "list number"),
    ("the Nokomis Shoe Shop at 4950 34th Ave was damaged", "street address"),  # allsides_dev
    ("the White House at 1600 Pennsylvania Avenue", "street address"),
    ("he lives at 10 Downing Street", "street address"),
])
def test_not_quantities(text: str, reason: str) -> None:
    ids = load_claim_rules().identifier_words
    found = find_numbers(text, identifier_words=ids)
    assert found and all(not n.is_quantity for n in found)
    assert reason in found[0].excluded


@pytest.mark.parametrize(("text", "value"), [
    ("more than half of voters", 50.0),
    ("about half the country", 50.0),
    ("a third of the budget", 100 / 3),
    ("one quarter of the staff", 25.0),
    ("two-thirds of Americans", 200 / 3),
    ("three quarters of the seats", 75.0),
    ("a poll found two thirds believed it", 200 / 3),  # roundups 5786_center: not "two" with unit "thirds"
])
def test_fractions_in_words_are_percent_shares(text: str, value: float) -> None:
    [n] = [n for n in find_numbers(text) if n.is_quantity]
    assert n.fraction and n.percent and n.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["his bid for a third term", "in the second half of the game", "cut in half",
                                  "for half a century", "a third-party candidate", "a half-hour show",
                                  "two quarters in a row"])
def test_words_that_are_not_fractions(text: str) -> None:
    assert not [n for n in find_numbers(text) if n.fraction]


@pytest.mark.parametrize(("text", "surface", "value", "referent"), [
    # "N in M" shares, common in survey reporting (about 80 in ../shared/corpora: Pew's "six-in-ten", "1 in 4")
    ("Roughly six-in-ten U.S. adults (62%) say so.", "Roughly six-in-ten U.S. adults", 60.0, "U.S. adults"),
    ("About three in 10 adults are confident.", "About three in 10 adults", 30.0, "adults"),
    ("It afflicts, at most, 1 in 100 Americans.", "1 in 100 Americans", 1.0, "Americans"),
    ("Only one in five of them voted early.", "one in five of them", 20.0, "them"),
    ("He has a 2 in 5 (44 percent) chance.", "2 in 5", 40.0, ""),
])
def test_n_in_m_is_a_percent_share(text: str, surface: str, value: float, referent: str) -> None:
    c = claims_of(text)[0]
    assert (c.surface, c.value, c.unit, c.referent) == (surface, value, "%", referent)


@pytest.mark.parametrize("text", ["Obama issued three in 48 months.", "The first one in 1975 passed.",
                                  "There is the 2-in-1 model."])
def test_in_without_a_share(text: str) -> None:
    assert not [n for n in find_numbers(text) if n.fraction]


def test_initialisms_before_the_noun() -> None:
    # "5,000 U.S. troops" had unit "U.S" and referent "u.s" (the period ended the noun phrase)
    assert [(c.unit, c.referent) for c in claims_of("Some 5,000 U.S. troops arrived.")] == [("troops", "U.S. troops")]


def test_half_a_million_is_a_number() -> None:
    assert [(n.text, n.value, n.percent) for n in find_numbers("half a million people")] == [
        ("half a million", 500_000, False)]


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("He was sentenced to one year in prison.", "one year", "years"),  # "one" before a lexicon unit
    ("It sent one soldier.", "one soldier", "soldier"),
    ("One in five Americans agreed.", "One in five Americans", "%"),  # a share (was "One" and "five Americans")
    ("More than half of voters agreed.", "More than half of voters", "%"),
])
def test_one_before_a_count_noun_and_fractions_are_claims(text: str, surface: str, unit: str) -> None:
    c = claims_of(text)[0]
    assert (c.surface, c.unit) == (surface, unit)


def test_fraction_claim_keeps_approximator_and_referent() -> None:
    [c] = claims_of("More than half of the voters said no.")
    assert (c.approximator, c.value, c.unit, c.referent) == ("more than", 50.0, "%", "voters")


@pytest.mark.parametrize(("text", "unit", "referent"), [
    ("Officials reported 3 new cases on Monday.", "cases", "cases"),  # not the adjective "new"
    ("Turnout was 10 points higher than in 2016.", "points", "points"),  # not the comparative
    ("It left 25 families losing their homes.", "families", "families"),  # not the participle
    ("Police arrested 12 armed men.", "men", "armed men"),  # modifiers stay in the referent
    ("There were 800,000 Dreamers now facing uncertainty.", "Dreamers", "dreamers"),
    ("There are 6 block radius zones.", "zones", "block radius zones"),
])
def test_unit_is_the_head_noun_not_the_next_word(text: str, unit: str, referent: str) -> None:
    [c] = claims_of(text)
    assert (c.unit, c.referent) == (unit, referent)


def test_words_that_are_not_numbers() -> None:
    assert find_numbers("It was signed in June, the third such pact; someone often said so.") == []
    assert parse_number_words("twenty-five") == 25
    assert parse_number_words("three hundred") == 300
    assert parse_number_words("often") is None


@pytest.mark.parametrize(("text", "approximator", "unit", "referent"), [
    ("As many as 12,000 North Korean soldiers were sent.", "as many as", "soldiers", "North Korean troops"),
    ("It sent around 10,000 troops.", "around", "troops", "troops"),
    ("It shipped over 13,000 containers filled with shells.", "over", "containers", "containers"),
    ("It lost nearly 40% of its tanks.", "nearly", "%", "tanks"),
    ("It gave some $5 million in aid.", "some", "USD", ""),
    ("They occupied hundreds of square miles.", "", "square miles", "area"),
    ("It is the nearly three-year-old conflict.", "nearly", "years", "age of conflict"),
    ("Exactly 7 ships sailed.", "", "ships", "ships"),
    # a plural without -s modifying a plural noun: the noun is the unit (allsides_dev: "two negative media")
    ("It sent 20 police officers.", "", "officers", "police officers"),
    ("It linked to two negative media responses.", "", "responses", "negative media responses"),
    ("There were 12 police on duty.", "", "police", "police"),
])
def test_approximator_unit_referent(text: str, approximator: str, unit: str, referent: str) -> None:
    [c] = claims_of(text)
    assert (c.approximator, c.unit, c.referent) == (approximator, unit, referent)


def test_surface_and_offsets_cover_the_whole_expression() -> None:
    text = "Officials said as many as 12,000 North Korean soldiers have been deployed."
    doc = doc_of(text)
    [c] = find_claims(doc, Settings(), quotes=[], resolve=no_actor)
    assert c.surface == "as many as 12,000 North Korean soldiers"
    assert doc.body[c.start:c.end] == c.surface


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("According to the ministry, 500 soldiers died.", "the ministry", "according to"),
    ("500 soldiers died, according to the ministry.", "the ministry", "according to"),
    ("The Pentagon, meanwhile, confirmed last week that around 10,000 troops are massing.", "The Pentagon",
     "confirmed"),
    ("Intelligence reports from the U.S. and Ukraine estimate that 12,000 soldiers were sent.",
     "Intelligence reports from the U.S. and Ukraine", "estimate"),
    ("Some 300 people fled, police said on Monday.", "police", "said"),
    ("This comes as the U.S. and Ukraine accuse Russia of sending 5,000 troops.", "the U.S. and Ukraine", "accuse"),
    # the subject of "reported" (the quote finder's speaker), not the words before the verb
    ("The Times, citing officials, reported that 50,000 soldiers gathered.", "The Times", "reported"),
])
def test_attribution_patterns(text: str, source: str, cue: str) -> None:
    [c] = claims_of(text)
    assert (c.attributed_to, c.attribution_cue) == (source, cue)


@pytest.mark.parametrize("text", [
    "500 soldiers arrived on Monday.",
    # a frame set off after its content does not cover what follows it
    "Russia ratified the pact, state media reported Tuesday, after Pyongyang sent thousands of troops.",
    # a non-restrictive clause after the reported content is the writer's background
    "The Pentagon confirmed that troops are massing in Kursk, where Ukraine holds hundreds of square miles.",
])
def test_unattributed(text: str) -> None:
    [c] = claims_of(text)
    assert c.attributed_to == "" and c.attribution_rule == ""


class FakeQuote:
    """Stand-in for analysis.sourcing.quotes.Quote (only the fields find_claims reads)."""

    def __init__(self, speaker: str, verb: str, kind: str, sentence_index: int, start: int, end: int) -> None:
        self.speaker, self.verb, self.kind = speaker, verb, kind
        self.sentence_index = self.end_sentence_index = sentence_index
        self.start, self.end = start, end


def test_attribution_from_a_quote_span() -> None:
    text = "“We lost 200 tanks,” the commander told reporters."
    doc = doc_of(text)
    q = FakeQuote("the commander", "told", "direct", 0, 1, text.index("”"))
    [c] = find_claims(doc, Settings(), quotes=[q], resolve=no_actor)
    assert (c.attributed_to, c.attribution_cue) == ("the commander", "told")
    assert c.attribution_rule == "inside a direct quote"


def test_indirect_quote_span_respects_non_restrictive_clauses() -> None:
    # no frame of our own (the verb is not a reporting verb), so the quote finder's indirect quote decides
    text = "Officials fear 500 troops are in Kursk, where Ukraine holds 300 villages."
    doc = doc_of(text)
    q = FakeQuote("Officials", "fear", "indirect", 0, text.index("500"), len(text))
    first, second = find_claims(doc, Settings(), quotes=[q], resolve=no_actor)
    assert (first.attributed_to, first.attribution_rule) == ("Officials", "inside an indirect quote")
    assert second.attributed_to == ""


def test_resolver_gives_the_canonical_actor_but_keeps_the_printed_phrase() -> None:
    def resolve(surface: str, *_args: object) -> str:
        return "United States Department of Defense" if "Pentagon" in surface else ""

    [c] = find_claims(doc_of("Some 10,000 troops are there, according to the Pentagon."), Settings(), quotes=[],
                      resolve=resolve)
    assert c.attributed_to == "the Pentagon"
    assert c.attributed_actor == "United States Department of Defense"


def test_seed_000_claims(seeds) -> None:
    claims = find_claims(seeds["000_dc77826089423d0b"], Settings(), resolve=no_actor)
    got = {(c.sentence_index, c.surface): c for c in claims}
    assert set(got) == {
        (1, "thousands of troops"),
        (9, "as many as 12,000 North Korean soldiers"),
        (11, "nearly three-year-old conflict"),
        (15, "over 13,000 containers"),
    }  # "August 2023" and "the two nations" are not claims
    c = got[(9, "as many as 12,000 North Korean soldiers")]
    assert (c.value, c.approximator, c.referent) == (12000, "as many as", "North Korean troops")
    assert c.attributed_to == "Intelligence reports from the U.S., South Korea, and Ukraine"
    assert c.attribution_cue == "estimate"
    c = got[(15, "over 13,000 containers")]
    assert (c.value, c.approximator, c.attributed_to, c.attribution_cue) == (
        13000, "over", "South Korea’s intelligence agency", "according to")
    c = got[(1, "thousands of troops")]
    assert (c.value_low, c.value_high, c.attributed_to, c.attribution_cue) == (
        2000, 9999, "the U.S., South Korea, and Ukraine", "accuse")
    assert got[(11, "nearly three-year-old conflict")].attributed_to == ""


def test_seed_002_claims(seeds) -> None:
    claims = find_claims(seeds["002_3725b521bb5f0d30"], Settings(), resolve=no_actor)
    got = {(c.sentence_index, c.surface): c for c in claims}
    # not claims: Article 51 (s4, s5), 2022 (s7), Hwasong-19 and Oct. 31 (s13)
    assert set(got) == {
        (0, "thousands of troops"),
        (9, "around 10,000 North Korean troops"),
        (9, "hundreds of square miles"),
        (11, "50,000 soldiers"),
    }
    c = got[(9, "around 10,000 North Korean troops")]
    assert (c.value, c.approximator, c.attributed_to, c.attribution_cue) == (10000, "around", "The Pentagon",
                                                                             "confirmed")
    c = got[(11, "50,000 soldiers")]
    assert (c.value, c.referent, c.attributed_to, c.attribution_cue) == (
        50000, "troops", "The New York Times", "reported")
    assert got[(0, "thousands of troops")].attributed_to == ""  # "state media reported" covers the ratification
    assert got[(9, "hundreds of square miles")].attributed_to == ""  # ", where …" is background


def test_seed_claims_with_the_real_quote_finder_and_resolver(seeds) -> None:
    pytest.importorskip("analysis.sourcing.quotes")
    claims = find_claims(seeds["002_3725b521bb5f0d30"], Settings())
    by_value = {c.value: c for c in claims}
    assert by_value[10000].attributed_to == "The Pentagon"
    assert by_value[50000].attributed_to.startswith("The New York Times")
    assert by_value[2000].attributed_to == ""
    assert by_value[200].attributed_to == ""  # "hundreds of square miles", after ", where"
    assert by_value[10000].attributed_actor == "Pentagon"  # the quote finder's canonical speaker


def test_claim_result_counts_records_and_evidence(seeds) -> None:
    res = claim_result(seeds["002_3725b521bb5f0d30"], Settings(), resolve=no_actor)
    m = {x.metric: x.value for x in res.measurements}
    assert m == {"n_numeric_claims": 4, "n_attributed_claims": 2}
    rows = res.records["claims"]
    assert len(rows) == 4 and {"surface", "value_low", "value_high", "attributed_to", "attribution_cue"} <= set(rows[0])
    assert "around 10,000 North Korean troops ← The Pentagon" in {e.cue for e in res.evidence}


def test_empty_input_is_nan_with_reason_and_no_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = claim_result(doc_of(""), Settings(), quotes=[], resolve=no_actor)
    assert all(math.isnan(m.value) and m.note for m in res.measurements)
    assert res.records == {"claims": []}


@pytest.mark.parametrize(("text", "expected"), [
    ("The council met on the square.", False),  # no digit, no number word
    ("Someone phoned; it was often done.", False),  # "one", "ten" only inside words
    ("The sevenfold rise", False),  # "seven" is not a word of its own
    ("ONE man came.", True),  # number words in any case
    ("Dozens came.", True),  # a vague plural
    ("A third of voters", True),  # a fraction word
    ("a hundred times", True),  # "a" + a scale word
    ("Route 9 is closed.", True),  # a digit
    ("FİVE men", True),  # İ folds to i under re.IGNORECASE: always searched
])
def test_may_hold_number(text: str, expected: bool) -> None:
    assert may_hold_number(text) is expected


def test_find_numbers_skips_only_texts_without_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Someone phoned; it was often done.", "Thirty-five people, a third of them from Ukraine.",
             "tens of thousands marched", "FİVE men", "Nothing here at all."]
    filtered = [find_numbers(t) for t in texts]
    monkeypatch.setattr(numbers, "may_hold_number", lambda text: True)
    assert filtered == [find_numbers(t) for t in texts]
    assert [len(f) for f in filtered] == [0, 2, 1, 0, 0]  # "FİVE" is searched, but "fi̇ve" is no number word


@pytest.mark.parametrize("text", [
    # an infinitive after "to" reports nothing, so the words before it are no source (allsides_dev
    # 6qJm24wPEBc85SNe and 1Rsmj3XNrft7jrcb gave "Lawmakers would have to" and "the two sides have yet to")
    "Lawmakers would have to maintain the 60-vote threshold for 12 more months.",
    "The two sides have yet to report how 3,000 troops will leave.",
])
def test_an_infinitive_reporting_verb_gives_no_fragment_source(text):
    from analysis.parse import parse_article
    from analysis.sourcing.claims import attribution_frames

    (sent,) = parse_article(Article("a", text)).sentences
    assert [f.source for f in attribution_frames(sent)] == []


# Real sentences from ../shared/corpora (article ids), labelled by hand: a tally, a vote split or a phone number is
# no quantity; an age is an age, and a hyphenated duration is a duration, not the age of what it qualifies.
@pytest.mark.parametrize("text", [
    "The court, with a 6-3 conservative majority, also raised questions.",  # 5732_center
    "The amendment passed the House on a 414–4 vote and the Senate by 96–0.",  # 0LdjtWZZULaR8WjQ
    "The three-judge panel on the 5th Circuit Court of Appeals voted 2-1.",  # 5615_left
    "In Minnesota, a poll which came out this week shows the race tied at 43-43.",  # 7bPH9i3PfLNpsc8x
    "Contact Brian Dickerson: 313-222-6584 or bdickerson@freepress.com.",  # AkpAjkJbLowuwzrf
    "You can also reach the National Suicide Prevention Lifeline at 1-800-273-8255.",  # 4f9T7EOWoKACQEX2
    "Call (415) 777-8815, or email us.",  # 13XQwQSf45YcyElY (the area code belongs to the number)
])
def test_tallies_scores_and_phone_numbers_are_not_claims(text: str) -> None:
    assert claims_of(text) == []
    assert all(not n.is_quantity for n in find_numbers(text))


def test_a_tally_beside_a_real_claim() -> None:
    """"prevailed, 5-4, was one vote" (25O456Qn93qpiR4H): the split is no claim, "one vote" is."""
    found = claims_of("The margin by which same-sex marriage prevailed, 5-4, was one vote.")
    assert [(c.surface, c.value, c.unit) for c in found] == [("one vote", 1.0, "vote")]


@pytest.mark.parametrize(("text", "reason"), [
    ("a 6-3 conservative majority", "tally"), ("won 52–48", "tally"), ("a 5-5 tie", "tally"),
    ("on 12-1-2020 it", "date or code"), ("call 555-1234 now", "date or code"),
])
def test_joined_digit_groups_say_why_they_are_excluded(text: str, reason: str) -> None:
    (n,) = find_numbers(text)
    assert reason in n.excluded and n.text == text.split()[1]  # the whole expression, both numbers


@pytest.mark.parametrize("text", ["between 10-12 people", "for 18-24 months", "COVID-19 cases rose 5-10 percent"])
def test_ranges_stay_ranges(text: str) -> None:
    found = [n for n in find_numbers(text) if n.is_quantity]
    assert len(found) == 1 and found[0].value_high > found[0].value_low


@pytest.mark.parametrize(("text", "unit", "referent"), [
    ("He was sentenced to a 50-year term in prison.", "years", "duration"),  # 1l2gZi8TRcFdsNPs
    ("Haugen has worked for several companies during her 15-year career.", "years", "duration"),  # 5648_center
    ("Biden said near the end of a 26-minute speech.", "minutes", "duration"),  # 5740_right
    ("In the 60-second clip posted on YouTube, two men exchanged rings.", "seconds", "duration"),  # 0erke60Ed7cQjZay
    ("Floyd died after a police officer knelt on his neck for nearly nine minutes.", "minutes", "duration"),
    ("It is the nearly three-year-old conflict.", "years", "age of conflict"),  # the seeds: an event's age
])
def test_durations_and_ages(text: str, unit: str, referent: str) -> None:
    first = claims_of(text)[0]
    assert (first.unit, first.referent) == (unit, referent)


@pytest.mark.parametrize("text", [
    # the devset's convention (tests/fixtures/devset/README.md: "every age" is a non-claim; issue 7: "Mattis, 68,")
    "She was 34 years old and fresh off a job at Move.com.",  # 5XhvgYQyWkTgxgvS
    "A 3-month-old baby and a 40-year-old woman were hurt.",
    "Police arrested a 19-year-old man and a 17-year-old on Friday.",  # Cq9FunhDlu28EKwV (devset: age)
    "Two-year-old Emile Ouamouno may have been infected by bats.",  # WU1DBax4NeVGa7MO (devset: age)
    "It is a 30-year-old documentary about the case.",  # qcPZcm6FYvXEpUZI (devset: age; no event)
])
def test_ages_of_persons_and_things_are_no_claims(text: str) -> None:
    assert claims_of(text) == []


@pytest.mark.parametrize(("text", "surface"), [
    ("The average age of 40 respondents was 52.", "40 respondents"),  # "age of" without "at/over/…": a count
    ("Sales have been up for the past eight quarters.", "eight quarters"),  # quarters of a year, no share
])
def test_near_misses_of_the_age_and_share_rules(text: str, surface: str) -> None:
    assert claims_of(text)[0].surface == surface


def test_one_second_is_an_idiom_not_a_duration() -> None:
    """"not for one second" (4BBoO8T0gH22Y6CP): a singular "second" is no unit of the lexicon (an ordinal too)."""
    assert claims_of("We never considered abandoning them, not for one second.") == []
