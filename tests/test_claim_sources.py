"""Claim sources. A reporting verb whose object is a quantity reports nothing ("U.S. employers added just 194,000
jobs"); a claim after a reporting verb takes the quote finder's speaker, or none when the finder read no report there;
the finder's subject skips a date after a parenthesis or a participle ("Census data released on Monday").

Hand-made sentences in the shape of the corpus rows that showed the errors (roundups_dev: jobs reports of AP, CNN,
The Guardian, Bloomberg; the claim sources "U.S. employers", "President Biden will", "the initially").
"""

from __future__ import annotations

import pytest
from speaker_helpers import quotes

from analysis.metrics import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.segment import tokenize
from analysis.sourcing.claims import find_claims
from analysis.sourcing.stance import quantity_follows


@pytest.mark.parametrize("text", [
    "U.S. employers added just 194,000 jobs in September.",
    "The economy added 943,000 jobs in July.",
    "The bill would add $256 billion to the deficit over the next decade.",
    "The county paid to add two more vans.",
    "The act added an additional $600 per week to benefits.",
    "Amazon wants to add 100,000 workers.",
])
def test_a_quantity_object_is_no_report(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("He added that 300 people had died.", "He"),
    ("The spokesman added the two leaders had agreed to meet.", "The spokesman"),  # "the" opens no quantity
])
def test_add_with_a_clause_still_reports(text: str, speaker: str) -> None:
    assert [(q.kind, q.speaker_surface, q.verb) for q in quotes(text)] == [("indirect", speaker, "add")]


@pytest.mark.parametrize(("words", "expected"), [
    ("194,000 jobs", True), ("just 235,000", True), ("$1.5 trillion", True), ("two more vans", True),
    ("an additional $600", True), ("more than 1 million", True), ("a million", True),
    ("that 300 died", False), ("the two leaders", False), ("a new rule", False), (", 5", False),
])
def test_quantity_follows(words: str, expected: bool) -> None:
    assert quantity_follows(tokenize(words), 0) is expected


def _claims(text: str) -> list[tuple[str, str, str]]:
    doc = parse_article(Article("t", text))
    return [(c.surface, c.attributed_to, c.attribution_cue)
            for c in find_claims(doc, Settings(), resolve=lambda *_: "")]


@pytest.mark.parametrize(("text", "expected"), [
    # the verb before the claim adds a quantity: the source is the one after it
    ("U.S. employers added 266,000 jobs in April, the Labor Department said.",
     [("266,000 jobs", "the Labor Department", "said")]),
    # the finder's subject, not the words before the verb
    ("President Biden will announce $1.2 trillion in new spending on Thursday.",
     [("$1.2 trillion", "President Biden", "announce")]),
    ("The White House on Thursday formally announced $5 billion in aid.",
     [("$5 billion", "The White House", "announced")]),
    # an adjective participle ("the initially reported 478,000") reports nothing: no source
    ("Economists had expected claims to fall to 460,000 from the initially reported 478,000.",
     [("460,000", "", ""), ("478,000", "", "")]),
    # "as predicted" after the claim names no source (roundups 6062_right: "and unemployment ticked up … as")
    ("The economy added 266,000 jobs, and unemployment ticked up instead of dropping as predicted.",
     [("266,000 jobs", "", "")]),
    ("Some 300 people fled, police said on Monday.", [("Some 300 people", "police", "said")]),
    # "according to" a document and its author: the finder's speaker, the author (roundups 5621_left)
    ("The COLA amounts to $92 a month, according to estimates released Wednesday by the Social Security "
     "Administration.", [("$92", "the Social Security Administration", "according to")]),
    ("500 soldiers died, according to the ministry.", [("500 soldiers", "the ministry", "according to")]),
])
def test_claim_around_a_reporting_verb_takes_the_finders_speaker(text: str, expected: list) -> None:
    assert _claims(text) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    # a date after the affiliation in parentheses (roundups 5655_center: no report was found, so no claim source)
    ("Sen. Joe Manchin (D-W.Va.) on Thursday said he favors a $1.5 trillion price tag.", "Sen. Joe Manchin"),
    # a participle and its date after the subject (roundups 6097_right)
    ("Census data released on Monday revealed that the population was 331.5 million.", "Census data"),
    ("Rep. Dan Crenshaw (R-TX) wrote that the bill failed.", "Rep. Dan Crenshaw"),
    ("President Trump on Wednesday asked that the vote be delayed.", "President Trump"),
])
def test_subject_before_a_date(text: str, speaker: str) -> None:
    assert [q.speaker_surface for q in quotes(text)] == [speaker]
