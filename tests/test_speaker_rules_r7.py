"""Round-7 speaker rules (issue 7 §3), each on a hand-labelled real excerpt (article ids given; ../shared/corpora)
or a worked example; the expected speakers were read off the text by hand, not printed by the code."""

from analysis.metrics.base import Settings
from analysis.model import Article
from analysis.parse import parse_article
from analysis.sourcing import find_quotes
from analysis.sourcing.headline_quotes import headline_quotes


def _quotes(text: str):
    return find_quotes(parse_article(Article("t", text)))


# ---- a colon after a relative clause introduces the main clause's quote ---------------------------------------

def test_relative_clause_before_a_colon_headline():
    # Insider headline, roundups 5919_center (lost its speaker in round 6): the quoted words are Biden's mockery,
    # not the advocates' ("who say they need assault weapons" is what the advocates say).
    title = ("Biden mocked gun-rights advocates who say they need assault weapons to fight the government: "
             "'You need F-15s and maybe some nuclear weapons'")
    body = ("President Joe Biden joked that people who think they needed guns to take on the US government would "
            "actually need nuclear weapons.")
    (q,) = headline_quotes(parse_article(Article("t", body, "Insider", title)), Settings())
    assert (q.text, q.speaker_surface, q.speaker) == ("You need F-15s and maybe some nuclear weapons", "Biden",
                                                        "Joe Biden")


def test_relative_clause_before_a_colon_body():
    # the same sentence as body text: the advocates' report ends at the colon, the quote is Biden's
    qs = _quotes("Biden mocked gun-rights advocates who say they need assault weapons to fight the government: "
                 "“You need F-15s and maybe some nuclear weapons.”")
    got = {(q.kind, q.speaker_surface, q.text.strip(" .")) for q in qs}
    assert ("direct", "Biden", "You need F-15s and maybe some nuclear weapons") in got
    assert ("indirect", "gun-rights advocates", "they need assault weapons to fight the government") in got


def test_relative_clause_with_only_a_phrase_keeps_the_quote():
    # Ayo07qI1h3L5ztwl (allsides): "who declared in the London Daily Express, Oct. 15, 2009:" — the verb has no
    # clause of its own before the colon, so the quote is the declarer's words
    qs = _quotes("They cite Muslim organizer Anjem Choudary of Islam4UK who declared in the London Daily Express, "
                 "Oct. 15, 2009: “We have had enough of democracy and man-made law.”")
    (q,) = [q for q in qs if "enough of democracy" in q.text]  # (one mixed quote: the declared words)
    assert q.verb == "declare"


def test_participle_after_a_relative_clause_takes_the_main_subject():
    # The Guardian 5684_left (roundups): "who wrote a Washington Post op-ed" is a relative clause; "claiming"
    # belongs to the doctor, not to the Post
    qs = _quotes("A San Antonio doctor who wrote a Washington Post op-ed claiming that he had violated Texas' "
                 "six-week abortion ban now faces at least two lawsuits.")
    (q,) = [q for q in qs if q.verb == "claim"]
    assert q.speaker_surface == "A San Antonio doctor"
