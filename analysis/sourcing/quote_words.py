"""Word classes and token tests of the quote finder: clause boundaries, verb-like words, names and
parentheticals, and the caps on its searches (our choices, documented in docs/sourcing.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from ..model import Token
from .speakers import LY_NOUNS
from .stance import VerbHit

SCARE_MAX_WORDS = 5  # our choice: longer unattributed spans are treated as (unattributed) speech
_SPEECH_PUNCT = re.compile(r"[.!?…](?:\s|$)|,\s*$")  # a sentence end inside, or a closing comma: speech


def short_quote(n_words: int, content: str) -> bool:
    """A quoted span of at most :data:`SCARE_MAX_WORDS` words without sentence punctuation: without a speaker it is
    a scare quote or a quoted name, not speech ("‘I can’t breathe!’" is speech)."""
    return n_words <= SCARE_MAX_WORDS and not _SPEECH_PUNCT.search(content)

SPEAKER_AFTER_MAX_WORDS = 8  # the reporting verb must come within this many words after the quote

SUBJECT_MAX_WORDS = 15  # longer "subjects" are clauses, not speaker phrases

BE_FORMS = frozenset("be been being is was were are am".split())  # before a participle: a passive

SKIP_BEFORE_VERB = frozenset("""has have had did does do also not never reportedly previously earlier again would just
    will could may might was were is are repeatedly publicly separately later then further already still however
    first initially once now recently had been officially formally can should must""".split())
# (1.11 round: "can", "should", "must" too: "I can testify that costs are surging" made the speaker "I can",
# allsides 6yIE9kfapFnN4hnv)

BOUNDARY_WORDS = frozenset("""that as while when because which who whom whereas although though since if after
    before but where whether what so than amid""".split())

BOUNDARY_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "“", "”", '"', "[", "]"})

DETERMINERS = frozenset("the a an his her its their our this these those".split())

NAME_LINKS = frozenset("of the de da del van von al bin".split())  # lower-case words inside names

_AFFILIATION = re.compile(r"^[RDI]-[A-Z]")  # "R-S.C.", "D-N.Y.": a party affiliation, not a name

PRONOUNS = frozenset("he she it they we i".split())

ORG_WINDOW = (10, 40)  # our choice: paragraphs and sentences back for "the ministry" (a pronoun searches (2, 12))

CONJUNCTIONS = frozenset("and but yet so".split())  # clause openers that take no comma
PREPOSITIONS = frozenset("of to for with on about by from in at into over under against".split())  # "handling of it"
RELATIVE_WORDS = frozenset({"who", "which"})  # right before a verb: a relative clause ("advocates who say …")

_FROM_NAME = re.compile(r"\b(?:from|by)\s+(?P<name>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*)\s*:\s*$")

_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)

_CITING = re.compile(r"\bciting\s+", re.IGNORECASE)

# "Per Swedish media, Spencer was prevented from traveling …" (ThinkProgress twcJ4qrab2aIrxZW, s11), "Per the Washington
# Post, …": "per" opening a sentence is "according to" (4 sentences of the corpora); only there: "$5 per month",
# "per capita", "as per" stay what they are
_PER_OPENING = re.compile(r"^Per\s+(?!capita\b)(?=[A-Za-z])")

_TRAILING = " ,.;:!?"

PARTICIPLE_ADVERBS = frozenset("first last earlier later previously originally".split())  # "reports first shared"

# "in an interview with a Lebanese news channel set to be aired …": the medium of a report, however long
MEDIUM_PHRASES = [[prep, det, noun] for prep in ("in", "during") for det in ("a", "an") for noun in
                  ("interview", "statement", "tweet", "post", "letter", "speech", "email", "video", "memo",
                   "briefing", "call", "release", "podcast", "op-ed", "column", "filing", "message")]

MONTHS = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())

TIME_WORDS = frozenset("""on monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last
    this week weekend month year morning afternoon evening night earlier later""".split())

MODALS = frozenset("would will can could might may should must shall".split())


def _no_complement(toks: Sequence[Token], k: int, negated: bool = False) -> bool:
    """Whether the words after a verb (time words skipped) open a subordinate clause, not a report. "that" opens the
    reported clause, and so do "if" and "whether" after a verb that is not negated ("He said if cities and states
    failed to control the protests … he would deploy the army", BBC AfVXxbYeP3aIugDx; "Brzezinski asked if he
    would approve a search"; not "The White House wouldn't say whether", "declined to say whether", "nor would he
    say whether": nothing is reported; ``negated`` also covers a verb after one of :data:`MODALS`)."""
    while k < len(toks) and toks[k].is_word and toks[k].lower in TIME_WORDS:
        k += 1
    if k < len(toks) and toks[k].lower in {"if", "whether"} and negated:
        return True
    return k < len(toks) and toks[k].is_word and toks[k].lower in BOUNDARY_WORDS - {"that", "if", "whether"}


def _apposed_before_verb(toks: Sequence[Token], k: int, limit: int) -> tuple[int, int] | None:
    """A name set off by commas and followed by a verb inside toks[k:limit] ("…, Mohan Bhagwat, echoed"), or None."""
    commas = [n for n in range(k, limit) if toks[n].text == ","]
    for a, b in pairwise(commas):
        words = [t for t in toks[a + 1:b] if t.is_word]
        after = toks[b + 1] if b + 1 < limit else None
        if words and len(words) <= 5 and len(words) == b - a - 1 and _name_words(words) \
                and after is not None and after.is_word and _verb_like(after.lower):
            return words[0].start, words[-1].end
    return None


def _adverb(t: Token) -> bool:
    """A lower-case -ly adverb ("exclusively", "angrily"), not a noun such as "family" or "ally"."""
    return t.text[:1].islower() and t.lower.endswith("ly") and t.lower not in LY_NOUNS


_ELIDED_PARTICLE = re.compile(r"[dl][’'][A-Z]")  # "d’Esquadra", "l'Aquila": an elided particle inside a name


def _name_words(words: Sequence[Token]) -> bool:
    """Capitalised words, with linking words inside ("Jerrold Nadler of New York", "Mossos d’Esquadra")."""
    return words[0].text[:1].isupper() and all(t.text[:1].isupper() or t.lower in NAME_LINKS
                                               or _ELIDED_PARTICLE.match(t.text) for t in words)


PARENTHETICAL_OPENERS = frozenset("from of in at with during on".split())


def _parenthetical(words: Sequence[Token]) -> bool:
    """A comma-set piece that is not the subject: an age ("45"), a place ("from Andover", "Minn."), a party
    affiliation ("R-S.C."), a time or occasion ("The committee's ranking Republican, during an appearance on
    “America’s Newsroom,” laid out …", Fox News roundups 5815_right, s11; ", on Monday,"), a participle with its
    agent ("The states, led by Letitia James, the New York attorney
    general, accused Facebook", NYT roundups 5913_left: the speaker was "led by Letitia James")."""
    first = words[0]
    return first.kind == "number" or first.lower in PARENTHETICAL_OPENERS \
        or bool(_AFFILIATION.match(first.text)) \
        or (len(words) == 1 and first.text[:1].isupper() and len(first.text) <= 5) \
        or (len(words) >= 3 and words[1].lower == "by" and first.text[:1].islower()
            and (first.lower.endswith("ed") or first.lower in IRREGULAR_PARTICIPLES))


# past participles not in -ed that open a comma-set "… by X" piece ("led by", "run by", "overseen by")
IRREGULAR_PARTICIPLES = frozenset("led run known overseen chosen driven written held taken backed".split())


def _before_ticker(toks: Sequence[Token], start: int, j: int) -> int:
    """End of a subject ``toks[start:j + 1]`` before a stock-ticker insert, as the Wall Street Journal prints
    them after a company's name ("BP BP -0.58% PLC said", "Southern Co. SO -0.08%, has said"): the symbol, the
    sign and the percentage change are no part of the speaker's name (``j`` unchanged when there is none)."""
    for m in range(start + 2, j + 1):
        if toks[m].kind == "number" and toks[m].text.endswith("%") and toks[m - 1].text in {"-", "+", "−"} \
                and toks[m - 2].is_word and toks[m - 2].text.isupper() and m - 3 >= start:
            return m - 3
    return j


DASHES = frozenset("—–-")

def _before_dashes(toks: Sequence[Token], j: int) -> int:
    """The last token before a parenthetical set off by dashes that ends at token ``j`` ("The rulings -- and the
    fact that no justice publicly dissented -- suggests": the subject is "The rulings"), -1 when the sentence
    opens with it; ``j`` itself when it is not a spaced dash. "--" is two tokens."""
    if j < 1 or toks[j].text not in DASHES:
        return j
    k = j - 1
    while k >= 0 and toks[k].text == "-":
        k -= 1
    if k < 0:
        return -1  # only dashes before the verb: no subject
    if toks[k + 1].start == toks[k].end:
        return j  # a hyphen glued to a word, not a spaced dash
    k = next((m for m in range(k, -1, -1) if toks[m].text in DASHES and m > 0 and toks[m].start > toks[m - 1].end),
             -1)
    while k > 0 and toks[k - 1].text == "-":
        k -= 1
    return k - 1


def _with_subject(toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The subject of a participle in an absolute "with" clause ("…, with some members warning it would …",
    "with Trump saying …"): the noun phrase between "with" and the participle at ``i`` (at most five words,
    none of them a verb or clause word), or None."""
    k = i - 1
    while k >= 0 and i - k <= 5 and toks[k].is_word and toks[k].lower != "with" \
            and not _verb_like(toks[k].lower) and toks[k].lower not in BOUNDARY_WORDS:
        k -= 1
    if k < 0 or k == i - 1 or toks[k].lower != "with":
        return None
    return toks[k + 1].start, toks[i - 1].end


def _subjectless(toks: Sequence[Token], hit: VerbHit) -> bool:
    """A participle ("saying", "adding"), an infinitive ("to claim") or a second verb after "and" ("X echoed
    the comments and said"): a verb whose subject is its clause's."""
    i = hit.token_index
    if hit.participle:
        return True
    if _coordinated(toks, i):
        return True
    if i > 0 and toks[i - 1].lower in {"help", "helps", "helped", "helping"}:
        return True  # "helped confirm": a bare infinitive
    return i > 0 and toks[i - 1].lower == "to" and not (i > 1 and toks[i - 2].lower in {"declined", "refused"})


# Verbs whose object is the subject of the infinitive after it and did speak ("prompting the state’s governor to
# ask: “…”"); not urge, encourage, invite, push, force, compel: "Trump urged Republicans to say …, but most refused"
# does not report that they said it.
# "forcing gay dating apps like Grindr to warn their members" (Daily Beast 0erke60Ed7cQjZay): forced or compelled
# to speak, the object did speak; asked, urged or invited to, it may not have
CAUSATIVES = frozenset("""prompt prompts prompted prompting lead leads led leading cause causes caused causing
    inspire inspires inspired inspiring spur spurs spurred spurring force forces forced forcing compel compels
    compelled compelling""".split())
# Verbs that ask someone to speak without reporting that they did: the object is no speaker (the scan stops there).
_ASKING_VERBS = frozenset("""urge urges urged urging encourage encourages encouraged encouraging invite invites
    invited inviting push pushes pushed pushing""".split())


def causative_object(toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Body offsets of the object of a causative verb when token ``i`` is the infinitive after it ("…, prompting the
    state’s governor to ask: “What the hell is wrong with us?”", Reuters 6006_center: the governor asks, not the
    sentence's subject); at most six tokens between the verb and "to", no punctuation but a possessive; else None.
    None too when the causative word follows a determiner (a noun: "a push", "the lead"), when the object starts with
    a preposition ("led by …") or when a verb of asking comes first ("urged Republicans to say")."""
    if i < 3 or toks[i - 1].lower != "to":
        return None
    for j in range(i - 2, max(-1, i - 9), -1):
        t = toks[j]
        if t.lower in CAUSATIVES or t.lower in _ASKING_VERBS:
            if t.lower in _ASKING_VERBS or (j > 0 and toks[j - 1].lower in DETERMINERS) \
                    or toks[j + 1].lower in PREPOSITIONS:
                return None
            return (toks[j + 1].start, toks[i - 2].end) if j + 1 <= i - 2 else None
        if not t.is_word and t.text not in {"’s", "'s", "’", "'"}:
            return None
    return None


def _coordinated(toks: Sequence[Token], i: int) -> bool:
    """A second verb after "and"/"but" ("X echoed the comments and said", "Mueller didn't charge Trump but
    wrote"); not "the U.S. and Ukraine accuse": a lower-case word before "and" ends a verb phrase. "but" joins no
    list of subjects, so a name may end the first verb phrase ("called for global action to deter Iran but said he
    preferred …", Reuters seoVDQGTovGpAKOc). An adverb of time or sequence may stand between the conjunction and the
    verb ("denounced the inquiry … and later told reporters that …", Daily Mail a3bo2uXOgonwHJ3D); a name that is the
    object of a verb or a preposition ends the verb phrase too ("have started to lose patience with the Freedom
    Caucus and say …", Washington Times bN0Wyk89sCSDkgwY; "met Nancy Pelosi and said")."""
    while i > 2 and toks[i - 1].lower in COORDINATED_ADVERBS and toks[i - 2].lower in {"and", "but"}:
        i -= 1
    if i > 2 and toks[i - 1].lower in {"and", "but"} and toks[i - 2].text == "," and toks[i - 3].is_word:
        return True  # "Jim Murphy lost his seat, but insisted he would not resign" (AP via KSL d0z1LY5lA0RXXF5b)
    return i > 1 and toks[i - 1].lower in {"and", "but"} and toks[i - 2].is_word \
        and (toks[i - 2].text[:1].islower() or toks[i - 1].lower == "but" or toks[i - 2].lower in DATE_ENDS
             or toks[i - 2].text[:1].isdigit() or _object_name_before(toks, i - 2))


def after_quoted_object(toks: Sequence[Token], i: int) -> bool:
    """Whether the verb at token ``i`` follows a closing quotation mark and "and"/"but" ('Zhao Lijian called the deal
    "extremely irresponsible" and said …', Insider 5691_center): a second verb whose subject, when none is found
    before it, is its clause's (the quoted object ends the first verb phrase)."""
    return i > 2 and toks[i - 1].lower in {"and", "but"} and toks[i - 2].text in {"”", '"'} and toks[i - 3].is_word


# Adverbs between "and"/"but" and a second verb: "and later told", "and then said", "but also warned".
COORDINATED_ADVERBS = frozenset("later then also again subsequently separately repeatedly".split())
# Words that take a name as their object: prepositions and past-tense verbs ("with the Freedom Caucus and say",
# "met Nancy Pelosi and said"); not "of" ("Members of the Freedom Caucus and …" may be a subject).
_OBJECT_TAKERS = PREPOSITIONS - {"of"}


def _object_name_before(toks: Sequence[Token], j: int) -> bool:
    """Whether the capitalised run ending at token ``j`` (a name, at most four words, "the" allowed before it) is the
    object of a lower-case preposition or past-tense verb right before it, so that it cannot be a co-subject of
    the verb after "and"."""
    k = j
    while k >= 0 and j - k < 4 and toks[k].is_word and toks[k].text[:1].isupper():
        k -= 1
    if k == j or k < 1:
        return False  # no name, or the name opens the sentence (a subject)
    if toks[k].lower == "the":
        k -= 1
    if k < 1:
        return False
    t = toks[k]
    if not t.is_word or not t.text[:1].islower():
        return False
    return t.lower in _OBJECT_TAKERS or (_verb_like(t.lower) and t.lower not in AUXILIARIES)


# A date ends a verb phrase, not a list of subjects: "The Federal Reserve raised interest rates on Wednesday and
# signaled that …" (Breitbart, allsides ZE3KJDmH3zRhDS5W), "overrode its vaccine advisory panel early Friday and
# said …" (The Epoch Times, roundups 5675_right), "on March 3 and said" (a day number). Not "May" (Theresa May).
DATE_ENDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | (MONTHS - {"may"})


AUXILIARIES = frozenset("""is was are were has had have will would could can may might must should did does do
    also still then later again never not just""".split())

def _verb_like(low: str) -> bool:
    """A word that may be the verb after a clause's subject ("dismissed", "was", "took", "didn't")."""
    if low.endswith(("n't", "n’t")):
        low = low[:-3]
    return low.endswith("ed") or low in AUXILIARIES or low in IRREGULAR_PAST or low in {"ca", "wo"}


IRREGULAR_PAST = frozenset("""took went made gave got put said told wrote came saw sent left met kept ran brought
    thought felt found led held stood won lost spoke
    laid sought taught bought fought caught began threw chose broke fell became knew grew flew drove wore swore shook
    forgot sank stole froze woke withdrew undertook underwent oversaw overtook""".split())
# (the second and third lines added in round 13: "McCaul … laid out a number of key points from the report and asserted
# that …", Fox News roundups 5815_right, s11, had no report: "laid" was no verb, so "and asserted" found no clause
# subject. Past tenses only, or past participles seldom used as adjectives; not "paid" ("paid protesters"), "built",
# "spent", "set", "read", "cut", "hit", which stand before nouns or are present tenses too; not "rose", "drew",
# "sang", "rang": words are compared in lower case, and Rose, Drew, Sang are given names)

def _words_between(tokens: Sequence[Token], a: int, b: int) -> int:
    """Word tokens lying wholly in body offsets ``[a, b]``. A sentence's tokens are in text order and do not
    overlap, so their ends ascend with their starts: those from the first starting at ``a`` to the last ending by
    ``b`` (found by bisection), not a scan of the sentence."""
    lo, hi = bisect_left(tokens, a, key=_start_of), bisect_right(tokens, b, key=_end_of)
    return sum(1 for t in tokens[lo:hi] if t.kind != "punct")  # Token.is_word


def _start_of(t: Token) -> int:
    return t.start


def _end_of(t: Token) -> int:
    return t.start + len(t.text)  # Token.end


