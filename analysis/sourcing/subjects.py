"""Attribution rules: the speaker phrase of a reporting verb, before it (its subject), after it (an inverted
attribution) or, for a participle, infinitive or colon, the subject of its clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence, Token
from ..segment import SENTENCE_OPENERS
from .profile import classify_speaker
from .quote_records import _Tag
from .quote_words import (
    _AFFILIATION,
    AUXILIARIES,
    BE_FORMS,
    BOUNDARY_PUNCT,
    BOUNDARY_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    MONTHS,
    NAME_LINKS,
    PRONOUNS,
    RELATIVE_WORDS,
    SKIP_BEFORE_VERB,
    SUBJECT_MAX_WORDS,
    TIME_WORDS,
    _adverb,
    _apposed_before_verb,
    _before_dashes,
    _before_ticker,
    _coordinated,
    _name_words,
    _parenthetical,
    _verb_like,
    _with_subject,
    _words_between,
    after_quoted_object,
    causative_object,
)
from .speaker_resolution import _SpeakerResolution
from .speakers import (
    CLAUSE_OPENERS,
    FRAGMENT_STARTS,
    NOT_SPEAKER_START,
    Candidate,
    name_after,
    trim_subject,
)
from .stance import VerbHit

# Verbs whose object is who was addressed ("told the Chicago Sun-Times her daughter had asked"): the phrase after
# them is no subject of a report inside their clause.
ADDRESSEE_VERBS = frozenset("tell ask urge warn remind assure inform".split())
# Words that open no verb phrase after "who" (auxiliaries, quantifiers, pronouns): "a conservative who could also
# win", "students who all claimed", "workers who they hired" are not "people who know him told".
# Adverbs and floating quantifiers between a subject and its verb, no part of the subject: "Mandela so often
# declared", "The numbers in the Buckeye State so far suggest", "students who all claimed", "Israel and Hamas, …, each
# accused" (the speaker was "often", "far", "all", "each" in the first rows of allsides_dev; "so far"/"so often" below)
FLOATING_BEFORE_VERB = frozenset("often sometimes always usually all each both".split())
RELATIVE_NOT_VERB = SKIP_BEFORE_VERB | BE_FORMS | PRONOUNS | frozenset("all both each can should must".split())
CONTRAST_WORDS = frozenset("but yet while whereas".split())  # ", but X hit back:": a clause with its own subject
OBJECTS = frozenset("him her them it us me".split())  # "who know him": a verb and its object
# A reduced relative clause after a plural people noun, at most this many words back from the clause word that cut
# the subject short (our choice): "health experts advising the government on that decision say"
REDUCED_RELATIVE_WORDS = 8
# -ing words that are prepositions or adjectives after a people noun, not participles opening a relative clause
REDUCED_NOT_PARTICIPLES = frozenset("""including excluding following regarding concerning according during pending
    considering notwithstanding""".split())
RELATIVE_HEAD_WORDS = 5  # our choice: "the three residents who", "several current officials who"
_CONTRACTED = re.compile(r"([^\W\d_]+)[’'](?:d|ll|ve|m|re)", re.IGNORECASE)  # "I’d", "we'll": pronoun + auxiliary


def _copula_relative(toks: Sequence[Token], start: int, j: int) -> bool:
    """Whether the words after "who" up to the verb are "are/is/was/were" and a noun phrase with a determiner: "The
    Franciscan friars who are the custodians of the basilica reported no immediate damage" (AP via CBS News
    sJAvgCtkEbT3aXdZ, s13: no speaker was found); the relative clause describes the people before "who" (round 18)."""
    return start + 2 <= j and toks[start].lower in {"is", "are", "was", "were"} \
        and toks[start + 1].lower in DETERMINERS \
        and all(t.is_word and not _verb_like(t.lower) for t in toks[start + 2:j + 1])


def _last_time_opener(toks: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` opens "Last year," / "Last week," (a time phrase set off by a comma before the clause)."""
    return toks[k].lower == "last" and k + 2 < len(toks) and toks[k + 2].text == "," \
        and toks[k + 1].lower in TIME_ADVERBIAL_WORDS | {"year", "week", "month", "night", "fall", "spring", "summer",
                                                         "winter", "weekend"}


def _object_then_infinitive(toks: Sequence[Token], h: VerbHit, limit: int) -> bool:
    """Whether an addressee verb ``h`` ("asked", "urged", "told") has a short object and an infinitive after it
    ("asked Trump to pardon Behenna", "urged lawmakers to act"): a request, whose object opens no clause."""
    if h.lemma not in ADDRESSEE_VERBS:
        return False
    k = h.token_index + h.n_tokens
    for n in range(k, min(limit, k + 5)):
        if toks[n].lower == "to":
            return n > k and n + 1 < limit and toks[n + 1].is_word
        if not toks[n].is_word:
            return False
    return False


def _passive_relative(toks: Sequence[Token], start: int, j: int) -> bool:
    """Whether the words after a relative "who" (``toks[start:j + 1]``) open with a passive or perfect verb
    phrase: a form of "be" or "have" right before a past participle ("who was questioned by …", "who has
    served as …"), so they are the relative clause and not the speaker."""
    return start + 1 <= j and toks[start].lower in BE_FORMS | {"has", "had", "have"} \
        and toks[start + 1].is_word and toks[start + 1].text[:1].islower() \
        and toks[start + 1].lower.endswith(("ed", "en", "wn")) and toks[start + 1].lower != "been"


# Durations, and the words of a time adverbial made of them: "just days earlier", "only two weeks ago", "a year later".
DURATIONS = frozenset("moments minutes hours days weeks months years decades".split())
TIME_ADVERBIAL_WORDS = DURATIONS | TIME_WORDS | MONTHS | SKIP_BEFORE_VERB | frozenset(
    "just only a few several some ago two three four five six".split())

APPOSITION_MARKS = frozenset({",", "—", "–", "-", "("})  # before an apposition: "Rubin — a man who says …"
# Words that open an adverbial clause or phrase, never part of an apposition of a name.
APPOSITION_BREAKS = frozenset("despite amid after before because while although though since unless whereas "
                              "including like unlike as".split())



# "The judge, James E. Boasberg for the U.S. District Court …," (_apposed_name_of): the words that join a name to the
# body its holder belongs to, and at most this many words between the commas (our choice: the longest court name seen
# in the NYT roundups is 14 words with the judge's name)
_AFFILIATION_LINKS = frozenset("of for at from".split())
MAX_APPOSED_WORDS = 16


def _possessive_end(body: str, end: int) -> bool:
    """Whether a mention ending at body offset ``end`` is a possessive ("Trump’s", "the FBI's")."""
    return body[end:end + 2] in ("’s", "'s") or body[end - 2:end] in ("’s", "'s")


CLOSING_MARKS = frozenset({"”", "’", '"', "'"})

class _SubjectRules(_SpeakerResolution):
    """Attribution rules: the speaker phrase of a reporting verb, before it (its subject), after it (an inverted
    attribution) or, for a participle, infinitive or colon, the subject of its clause.
    """

    def _subject(self, s: Sentence, i: int) -> tuple[int, int, str] | None:
        """Subject phrase of the verb at token ``i``: (start, end, boundary) in body offsets, or None."""
        toks = s.tokens
        j = i - 1
        if i >= 3 and toks[i - 1].lower == "as" and toks[i - 2].lower == "quoted":
            # "“…,” he's quoted as saying" / "Thatcher was quoted as saying": the one quoted speaks
            j = i - 3
            if toks[j].lower in BE_FORMS:
                j -= 1
            elif toks[j].lower[:-2] in PRONOUNS and toks[j].lower.endswith(("'s", "’s")):
                return toks[j].start, toks[j].end - 2, "start" if j == 0 else "word"
        passive = False
        # a capitalised word inside the sentence is no auxiliary ("Theresa May called", BBC E5pZc1o2iOC9qLx5)
        while j >= 0 and toks[j].is_word and not (j > 0 and toks[j].text[:1].isupper()) and (
                toks[j].lower in SKIP_BEFORE_VERB or toks[j].lower in BE_FORMS or toks[j].lower.endswith(("n't", "n’t"))
                or _adverb(toks[j]) or toks[j].lower in {"declined", "refused"} or toks[j].lower in FLOATING_BEFORE_VERB
                or (toks[j].lower == "so" and toks[j + 1].lower in {"far", "often"})
                or (toks[j].lower == "far" and j > 0 and toks[j - 1].lower == "so")
                or (toks[j].lower == "to" and j > 0 and toks[j - 1].lower in {"declined", "refused"})):
            passive = passive or (toks[j].lower in BE_FORMS and not toks[i].lower.endswith("ing"))
            j -= 1
        if passive:
            return None  # "he would be asked", "was told": the subject is not the speaker
        j = _before_dashes(toks, j)
        if j >= 0 and toks[j].is_word and toks[j].lower == "to":
            return None  # an infinitive ("to add pressure"), not a report
        if j >= 1 and toks[j].text == "," and toks[j - 1].text == ".":
            pass  # "D-N.Y., said": the comma logic below sees the affiliation as one piece
        k = j
        while k > 0 and toks[k].lower in TIME_WORDS | MONTHS:
            k -= 1
        if k < j and toks[k].text == ")":
            j = k  # "Sen. Joe Manchin (D-W.Va.) on Thursday said" (roundups 5655_center): a date after the affiliation
        if j >= 0 and toks[j].text == ")":
            # "Rep. Dan Crenshaw (R-TX) wrote": the parenthesis belongs to the name before it
            k = next((m for m in range(j - 1, max(-1, j - 12), -1) if toks[m].text == "("), None)
            if k is None or k == 0:
                return None
            j = k - 1
        closed = j >= 0 and toks[j].text == ","  # the phrase before the verb ends in a comma: "X, a lawyer, said"
        if closed:
            # a parenthetical between subject and verb: "The Pentagon, meanwhile, confirmed"
            k = next((m for m in range(j - 1, -1, -1) if toks[m].text == ","), None)
            if k is None or k == 0:
                return None
            inner = [t for t in toks[k + 1:j] if t.is_word]
            named = inner[1:] if len(inner) > 1 and inner[0].text == "the" else inner
            # (a name may open with "the": "Catalan’s regional police force, the Mossos d’Esquadra, confirmed", The
            # Guardian 5926_left; "King's daughter, the Rev. Bernice King, said"; "The bank's ombudsman, the
            # Inspection Panel, said")
            if named and len(inner) <= 8 and _name_words(named) and toks[k - 1].is_word \
                    and toks[k - 1].text[:1].islower() and not _AFFILIATION.match(named[0].text):
                # an apposed name after a description: "The governor, Mr. Hogan, announced" -> "Mr. Hogan"
                # (not "Storhaug, 45, from Andover, Minn., said", not "Graham, R-S.C., said")
                return inner[0].start, inner[-1].end, "comma"
            apposed = self._apposed_name(toks, k, inner) or self._apposed_name_of(toks, k, inner)
            if apposed is not None:
                return apposed
            j = k - 1
            while j > 0:  # more pieces set off by commas: "Mary Kay Storhaug, 45, from Andover, Minn., said"
                comma = next((m for m in range(j, -1, -1) if toks[m].text == ","), -1)
                piece = [t for t in toks[comma + 1:j + 1] if t.is_word]
                if comma <= 0 or not piece or not _parenthetical(piece):
                    break
                j = comma - 1
        if j < 0:
            return None
        contracted = _CONTRACTED.fullmatch(toks[j].text)
        if contracted and contracted.group(1).lower() in PRONOUNS:
            # "But I’d add to that that …" (HotAir RWlaj2lza9QgdFx1): the pronoun is the speaker, not "I’d"
            return toks[j].start, toks[j].start + len(contracted.group(1)), "word"
        a = j
        while a >= 0 and not self._boundary(toks[a]):
            a -= 1
        if a == 0 and toks[0].text == "That" and j >= 1 and toks[1].is_word and toks[1].text[:1].islower() \
                and not _verb_like(toks[1].lower) and toks[j].lower[-3:] not in {"ing", "ed"} \
                and toks[1].lower not in SKIP_BEFORE_VERB | BE_FORMS and not (j > 1 and toks[1].lower.endswith("s")):
            # (not "That leaves seven toss-up (states)", "That may be the case": a pronoun and its verb)
            a = -1  # "That section says …" (Fox News RRt3cs5w1Kn7SqVX): a determiner, not a clause word
        start = a + 1
        listed = self._place_list_head(toks, a, start, j)
        if listed is not None:
            a, start = listed
        if start <= j and a > 0 and toks[a].text == "," and _AFFILIATION.match(toks[start].text):
            j = a - 1  # "Chuck Schumer, D-N.Y. said": the affiliation is set off by one comma only
            a = j
            while a >= 0 and not self._boundary(toks[a]):
                a -= 1
            start = a + 1
        if a > 0 and start < j and toks[a].lower == "who" and toks[a - 1].is_word \
                and (toks[a - 1].text[:1].islower() or a == 1) and self.cues.names_people(toks[a - 1].text) \
                and toks[start].text[:1].islower() and (_passive_relative(toks, start, j) or _adverb(toks[start])
                                                        or _copula_relative(toks, start, j) or (
                    toks[start].lower not in RELATIVE_NOT_VERB and (
                        _verb_like(toks[start].lower) or toks[start].lower.endswith("s") or toks[j].lower in OBJECTS))):
            # "people who know him told Reuters": the words after "who" are a relative clause (a verb first, by its
            # form, or a verb and its object pronoun, or a passive or perfect: "The former White House foreign
            # policy adviser who was questioned by House impeachment investigators on Monday said", Daily Mail
            # a3bo2uXOgonwHJ3D; an -ly adverb first: "even allies who ordinarily reinforce the President's combative
            # instincts have warned", CNN XOZmR6Wv0REDHvli, s12; not "workers who Trump has said", "a conservative who
            # could also win", "the man who local police said"); the speaker is the people noun
            # before "who", from a determiner at most RELATIVE_HEAD_WORDS words back ("the people who know him")
            return self._relative_head(toks, a - 1)
        reduced = self._reduced_relative_head(toks, a, j)
        if reduced is not None:
            return reduced
        thing = self._thing_before_that(s, a, start, j)
        if thing is not None:
            return thing
        apposed = self._name_before_description(toks, a, start, j, appositive=closed)
        if apposed is not None:
            return apposed
        if start <= j and a > 0 and toks[a].lower == "who" and self._time_adverbial(toks[start:j + 1]):
            # "Scott Bookman, who just days earlier had told reporters" (Washington Post W7qLB3fDpMszT1Hq): the words
            # between "who" and the verb are a time adverbial, not a subject; the speaker is the one "who" names
            return self._relative_antecedent(s, a)
        if start > j:
            if a >= 0 and toks[a].lower in {"who", "which", "that"}:
                return self._relative_antecedent(s, a)
            return None
        if toks[start].lower in {"and", "or"} and a >= 0 and toks[a].text == ",":
            # a list of speakers: "the U.S., South Korea, and Ukraine accuse"; a longer piece before ", and" is a
            # clause of its own ("Putin ordered a commission to investigate, and spokeswoman Petrenko said")
            after_and, listed = start + 1, False
            while a >= 0 and toks[a].text == ",":
                b = a - 1
                while b >= 0 and not self._boundary(toks[b]):
                    b -= 1
                long_piece = sum(1 for t in toks[b + 1:a] if t.is_word) > 4
                if long_piece and not listed:
                    start = after_and  # no list: the piece before ", and" is a clause
                    break
                start, a, listed = b + 1, b, True
                if long_piece:
                    break  # the list's head: "Intelligence reports from the U.S., South Korea, and Ukraine"
        if sum(1 for t in toks[start:j + 1] if t.is_word) > SUBJECT_MAX_WORDS:
            return None
        boundary = "start" if a < 0 else ("comma" if toks[a].text == "," else "word")
        k = j
        while k > start and toks[k].lower in TIME_WORDS | MONTHS | {"in", "at", "late", "early"}:
            if k == j and toks[k].lower in MONTHS and toks[k].text[:1].isupper() and toks[k - 1].is_word \
                    and toks[k - 1].text[:1].isupper() and toks[k - 1].lower not in TIME_WORDS | MONTHS:
                break  # "Theresa May called the attack “sickening”" (BBC E5pZc1o2iOC9qLx5): a surname, not a date
            k -= 1
        if k < j and any(toks[m].lower in MONTHS | TIME_WORDS - {"on", "this", "last", "earlier", "later"}
                         for m in range(k + 1, j + 1)):
            j = k  # "President Trump on Wednesday (asked)", "Trump last week": the date is no part of the speaker
            if j > start and toks[j].text[:1].islower() and toks[j].lower.endswith("ed") \
                    and toks[j].lower not in AUXILIARIES and toks[j - 1].is_word:
                j -= 1  # "Census data released on Monday (revealed)" (roundups 6097_right): a participle and its date
                # after the subject ("a congressional aide helped (confirm)", without a date, stays a fragment)
        if j - start >= 4 and [t.lower for t in (toks[j - 3], toks[j - 2], toks[j])] == ["for", "the", "time"]:
            j -= 4  # "The president for the first time acknowledged" (AP dFnKXFuiwnr023uN): an adverbial
        j = _before_ticker(toks, start, j)
        trimmed = trim_subject(toks, start, j)
        if trimmed is None:
            return None  # a fragment ("workplace and", "The newly"): no speaker rather than a wrong one
        conj = [m for m in range(trimmed, j) if toks[m].lower in {"and", "but"}]
        if conj and any(_verb_like(toks[m].lower) for m in range(trimmed, conj[-1])):
            trimmed = conj[-1] + 1  # "after a truce was left in tatters and Israel (said)": a clause, then the subject
        if toks[trimmed].lower == "for" and trimmed + 2 <= j and toks[trimmed + 1].lower == "now":
            trimmed += 2  # "though for now the FDA said" (roundups 5678_center)
        if toks[trimmed].lower in FRAGMENT_STARTS and not (toks[j].text[:1].isupper() or self.cues.names_people(
                toks[j].text)):
            return None  # "of ignoring scientific (reports)", "via media (reports)", "For his part", "to prevent": a
            # preposition opens no subject (a noun read as a reporting verb, or an opening phrase without its clause);
            # not "because of harsh interrogation methods critics (say)", whose last word names people
        inner = [h for h in self.hits[s.index] if h.token_index != i and trimmed <= h.token_index <= j]
        if inner:
            # "That section says Comey suggested to Obama that …" (Fox News RRt3cs5w1Kn7SqVX): the subject of a report
            # inside another report's clause is the name right after the outer verb (and its "that"); "said in a
            # research (note)", "saying he cannot (comment)" name no one: a clause, not a speaker
            k = inner[-1].token_index + inner[-1].n_tokens
            k += k <= j and toks[k].lower == "that"
            rest = [t for t in toks[k:j + 1] if t.is_word]
            described = bool(rest) and rest[0].lower in {"the", "a", "an"} and self.cues.names_people(rest[-1].text)
            if rest and len(rest) == j + 1 - k and len(rest) <= 5 and j == i - 1 \
                    and inner[-1].lemma not in ADDRESSEE_VERBS and (_name_words(rest) or described):
                return toks[k].start, toks[j].end, "word"
            return None
        return toks[trimmed].start, toks[j].end, boundary

    def _reduced_relative_head(self, toks: Sequence[Token], a: int, j: int) -> tuple[int, int, str] | None:
        """'But health experts advising the government on that decision say …' (roundups 5729_left): a people noun
        followed by a lower-case -ing participle opens a reduced relative clause; when a clause word inside it ("that",
        "as") cut the subject short ("decision"), the speaker is the people noun (round 14). None otherwise."""
        if a <= 1 or not toks[a].is_word:
            return None
        for m in range(a - 1, max(0, a - REDUCED_RELATIVE_WORDS) - 1, -1):
            t = toks[m]
            if t.text in BOUNDARY_PUNCT or (t.is_word and t.lower in BOUNDARY_WORDS):
                return None
            if not (m >= 1 and t.is_word and t.text[:1].islower() and t.lower.endswith("ing") and len(t.lower) > 5
                    and t.lower not in REDUCED_NOT_PARTICIPLES):
                continue
            head = toks[m - 1]
            if not (head.is_word and self.cues.names_people(head.text) and head.lower.endswith("s")):
                return None
            return self._relative_head(toks, m - 1)
        return None

    def _relative_head(self, toks: Sequence[Token], b: int) -> tuple[int, int, str] | None:
        """The people noun phrase ending at token ``b`` before a relative clause, from a determiner at most
        RELATIVE_HEAD_WORDS words back ("the people (who know him)"); None when it is a fragment."""
        a2 = b
        while a2 >= 0 and not self._boundary(toks[a2]) and b - a2 < RELATIVE_HEAD_WORDS:
            a2 -= 1
        det = next((m for m in range(b, a2, -1) if toks[m].lower in DETERMINERS), a2 + 1)
        det = trim_subject(toks, det, b)
        return None if det is None else (toks[det].start, toks[b].end, "relative")

    def _apposed_name(self, toks: Sequence[Token], k: int, inner: Sequence[Token]) -> tuple[int, int, str] | None:
        """'His opponent, conservative Erin O'Toole, called …' (roundups 5685_right), 'The chairman of the Joint Chiefs
        of Staff, Gen. Mark Milley, had previously called …' (roundups 5677_left): a name of two or more capitalised
        words, after at most three lower-case words of description ("conservative", "former"), set off by commas
        after a description of a person that opens its sentence or clause with a determiner ("His opponent", "The
        chairman of …"): the name is the speaker. None otherwise ("Storhaug, 45, from Andover, Minn., said")."""
        lead = 0
        while lead < len(inner) and inner[lead].text[:1].islower():
            if inner[lead].lower in NOT_SPEAKER_START | DETERMINERS | CONJUNCTIONS or _verb_like(inner[lead].lower):
                return None
            lead += 1
        name = inner[lead:]
        if lead > 3 or len(name) < 2 or not _name_words(name) or _AFFILIATION.match(name[0].text):
            return None
        b = k - 1
        while b >= 0 and not self._boundary(toks[b]):
            b -= 1
        before = [t for t in toks[b + 1:k] if t.is_word]
        # (round 18: a title many hold at once, ``reference_nouns``, is a person noun here too: "The mayor of Accumoli,
        # Stefano Petrucci, said …", AP via CBS News sJAvgCtkEbT3aXdZ, s13; the speaker was the description)
        if len(before) < 2 or before[0].lower not in DETERMINERS | {"one"} \
                or not any(t.text[:1].islower() and (self.cues.names_people(t.text)
                                                     or t.lower in self.cues.reference_nouns) for t in before[1:]):
            return None
        return name[0].start, name[-1].end, "comma"

    def _apposed_name_of(self, toks: Sequence[Token], k: int, inner: Sequence[Token]) -> tuple[int, int, str] | None:
        """'The judge, James E. Boasberg for the U.S. District Court for the District of Columbia, said that …' (NYT
        roundups 5913_left), 'The judge, Roger T. Benitez of the U.S. District Court …, wrote that …' (5980_left): a
        name of two or more capitalised words set off by commas after "the"/"a" + a lower-case person noun, followed
        inside the commas by "of"/"for"/"at"/"from" and the body the person belongs to: the name is the speaker (the
        plain case, a name alone between the commas, is read before this)."""
        cut = next((m for m, t in enumerate(inner) if t.lower in _AFFILIATION_LINKS), -1)
        name = inner[:cut]
        if cut < 2 or cut + 1 >= len(inner) or len(inner) > MAX_APPOSED_WORDS or not _name_words(name) \
                or any(t.lower in NAME_LINKS for t in name) or _AFFILIATION.match(name[0].text) \
                or (not inner[cut + 1].text[:1].isupper() and inner[cut + 1].lower != "the"):
            return None
        if k < 2 or toks[k - 2].lower not in {"the", "a", "an"} or not toks[k - 1].is_word \
                or not toks[k - 1].text[:1].islower() or not self.cues.names_people(toks[k - 1].text) \
                or (k > 2 and not self._boundary(toks[k - 3])):
            return None
        return name[0].start, name[-1].end, "comma"

    def _thing_before_that(self, s: Sentence, a: int, start: int, j: int) -> tuple[int, int, str] | None:
        """'The text messages that led to confusion in New Jersey and other states warned of …' (AP Fact Check
        yTru0WjLg4jMn9lM; the speaker was "other states"), 'A study that followed 2,000 patients found …': a
        relative "that"/"which" right after a noun, opening a clause whose first word is a verb by its form (a past
        tense, an auxiliary, a passive), puts the subject before it: the noun phrase from a determiner at most
        ``RELATIVE_HEAD_WORDS`` words back that opens the clause. Not after a verb ("said that was wrong" has no
        noun before "that"), and not when "that" opens a noun's complement ("the fact that the committee found")."""
        toks = s.tokens
        if not (0 < a and start < j and toks[a].lower in {"that", "which"} and toks[a - 1].is_word
                and toks[a - 1].text[:1].islower() and not _verb_like(toks[a - 1].lower)
                and toks[a - 1].lower not in BOUNDARY_WORDS and toks[start].text[:1].islower()
                and toks[start].lower not in RELATIVE_NOT_VERB - BE_FORMS
                and (_verb_like(toks[start].lower) or _passive_relative(toks, start, j))
                and not any(h.token_index == a - 1 for h in self.hits[s.index])):
            return None
        b = a - 1
        det = next((m for m in range(b, max(-1, b - RELATIVE_HEAD_WORDS), -1) if toks[m].lower in DETERMINERS), -1)
        if det < 0 or (det > 0 and not self._boundary(toks[det - 1])) or any(
                not t.is_word or _verb_like(t.lower) for t in toks[det:b + 1]):
            return None  # the phrase must open the clause ("…, and the report that was released said")
        det = trim_subject(toks, det, b)
        return None if det is None else (toks[det].start, toks[b].end, "relative")

    @staticmethod
    def _time_adverbial(words: Sequence[Token]) -> bool:
        """Whether ``words`` are only a time adverbial ("just days earlier", "two weeks ago", "last month"): time
        words, durations, numbers and the adverbs that go with them, at least one time word or duration."""
        if not words or not all(t.is_word and (t.lower in TIME_ADVERBIAL_WORDS or t.kind == "number") for t in words):
            return False
        return any(t.lower in DURATIONS or t.lower in TIME_WORDS for t in words)

    def _place_list_head(self, toks: Sequence[Token], a: int, start: int, j: int) -> tuple[int, int] | None:
        """'Elections officials in Arizona, Florida and Illinois said' (AP dFnKXFuiwnr023uN): when the phrase after
        the comma at ``a`` is the end of a list of capitalised names ("Florida and Illinois") whose first item
        follows a place preposition, the speaker is the noun phrase before that preposition. Returns the new
        (boundary index, start index), or None."""
        words = toks[start:j + 1]
        if a <= 0 or toks[a].text != "," or not any(t.lower in {"and", "or"} for t in words) or not all(
                t.is_word and (t.text[:1].isupper() or t.lower in {"and", "or"}) for t in words):
            return None
        b = a - 1
        while b >= 0 and toks[b].is_word and toks[b].text[:1].isupper():
            b -= 1
        while b >= 1 and toks[b].text == "," and toks[b - 1].is_word and toks[b - 1].text[:1].isupper():
            b -= 1  # more list items: "in Texas, Ohio, Florida and Illinois"
            while b >= 0 and toks[b].is_word and toks[b].text[:1].isupper():
                b -= 1
        if b < 1 or not toks[b].is_word or toks[b].lower not in {"in", "from", "across", "throughout"}:
            return None
        head = b - 1
        if not (toks[head].is_word and toks[head].text[:1].islower() and self.cues.names_people(toks[head].text)):
            return None
        c = head
        while c >= 0 and not self._boundary(toks[c]):
            c -= 1
        return (c, c + 1) if c < head else None

    @staticmethod
    def _name_before_description(toks: Sequence[Token], a: int, start: int, j: int,
                                 appositive: bool = False) -> tuple[int, int, str] | None:
        """'Theodore Karasik, director of research at the Institute …, told': when the phrase before the verb
        (toks[start:j + 1], after the comma at ``a``) is a lower-case description, the capitalised name set
        off before that comma is the speaker; None otherwise. ``appositive``: a comma also closes the phrase
        before the verb, so a description opening with a determiner is set off too ("Sara Collins, a vice president
        at the Commonwealth Fund, which funded the study, said", "Caitlyn Jenner, the former Olympian, …, said")."""
        if start > j or a <= 0 or toks[a].text != "," or not toks[start].is_word or not toks[start].text[:1].islower() \
                or toks[start].lower in CONJUNCTIONS | {"or", "nor"} or j - start < 1 \
                or (toks[start].lower in DETERMINERS and not appositive):
            return None  # "On Tuesday, the minister said": a determiner opens a subject of its own; "X, Y, and Z"
        b = a - 1
        while b >= 0 and toks[b].is_word and (toks[b].text[:1].isupper() or toks[b].lower in NAME_LINKS):
            b -= 1
        words = toks[b + 1:a]
        if not 2 <= len(words) <= 5 or not _name_words(words) or (b >= 0 and toks[b].is_word) \
                or words[0].lower in CLAUSE_OPENERS:
            return None
        return words[0].start, words[-1].end, "comma"

    @staticmethod
    def _person_of_organisation(toks: Sequence[Token], r: int) -> tuple[int, int, str] | None:
        """'Christina Hoff Sommers, a resident scholar at the American Enterprise Institute who …' (allsides
        6RcCNTzauyVhmbEf), 'the vice chair of the Missouri Republican Party, who said': before "who", an organisation's
        name (starting at token ``r``) ends a description of a person set off by a comma; "who" is that person: the
        name before the comma when one stands there, else the description. None when lower-case description words do
        not lead from the comma to the organisation."""
        k = next((m for m in range(r - 1, -1, -1) if not toks[m].is_word or toks[m].text[:1].isupper()), -1)
        if k < 1 or toks[k].text != "," or k + 1 >= r or not all(t.text[:1].islower() for t in toks[k + 1:r]):
            return None
        end = r
        while end + 1 < len(toks) and toks[end + 1].is_word and toks[end + 1].text[:1].isupper():
            end += 1
        n = k - 1
        while n >= 0 and toks[n].is_word and (toks[n].text[:1].isupper() or toks[n].lower in NAME_LINKS):
            n -= 1
        name = toks[n + 1:k]
        if len(name) >= 2 and _name_words(name):
            return name[0].start, name[-1].end, "relative"
        return toks[k + 1].start, toks[end].end, "relative"

    def _relative_antecedent(self, s: Sentence, a: int) -> tuple[int, int, str] | None:
        """The subject of "…, who said" / "a pinned tweet that reads": for "who", the person or group named
        last before it in the sentence ("said Catherine Evans, a mom in Silver Spring, Maryland, who said" ->
        Catherine Evans); otherwise the noun phrase before it, from its last determiner."""
        toks = s.tokens
        if toks[a].lower == "who":
            b = a - 2 if a >= 2 and toks[a - 1].text == "," else a - 1
            dated = b
            while dated > 1 and toks[dated].lower in TIME_WORDS | MONTHS:
                dated -= 1  # "a black Trump supporter last Friday who claimed" (CNN E6oLLBTmP13AMuMY, s13)
            if dated < b and b == a - 1 and toks[dated].is_word and toks[dated].text[:1].islower() \
                    and self.cues.names_people(toks[dated].text):
                det = next((m for m in range(dated - 1, max(-1, dated - RELATIVE_HEAD_WORDS), -1)
                            if toks[m].lower in DETERMINERS), -1)
                if det >= 0 and all(t.is_word for t in toks[det:dated]):
                    # a restrictive "who" after a people noun and a time phrase: that noun phrase speaks (round 18)
                    return toks[det].start, toks[dated].end, "relative"
            group = self._plural_before_who(toks, b, a)
            if group is not None:
                return group
            if b == a - 1 and b >= 1 and toks[b].is_word and toks[b].text[:1].islower() \
                    and self.cues.names_people(toks[b].lower) and toks[b - 1].lower in DETERMINERS \
                    and not (b >= 2 and toks[b - 2].text in APPOSITION_MARKS):  # not "Rubin — a man who says"
                # "a hearing with Supreme Court nominee Brett Kavanaugh and the woman who says he sexually assaulted
                # her" (AP via PBS WpYGDv89wRhX1V5y, s12): a restrictive "who" right after a people noun and its
                # determiner refers to that noun phrase, not to a person named before it
                return toks[b - 1].start, toks[b].end, "relative"
            run = []
            while b >= 0 and toks[b].is_word and toks[b].text[:1].isupper():
                run.insert(0, toks[b])
                b -= 1
            if len(run) >= 2 and run[-1].lower in self.cues.organisation_nouns:
                apposed = self._person_of_organisation(toks, b + 1)
                if apposed is not None:
                    return apposed
            elif len(run) >= 2:  # "allegations from Deborah Ramirez, who claims"
                return run[0].start, run[-1].end, "relative"
            cand = self.antecedents.find("any", s.index, toks[a].start, same_sentence=True)
            if cand is not None:  # "said Catherine Evans, a mom in Silver Spring, Maryland, who said"
                return cand.start, cand.end, "relative"
        b = a - 1
        if b >= 0 and toks[b].text == ",":
            b -= 1
        a2 = b
        while a2 >= 0 and not self._boundary(toks[a2]):
            a2 -= 1
        if a2 + 1 > b:
            return None
        det = next((m for m in range(b, a2, -1) if toks[m].lower in DETERMINERS), a2 + 1)
        return toks[det].start, toks[b].end, "relative"

    def _plural_before_who(self, toks: Sequence[Token], b: int, a: int) -> tuple[int, int, str] | None:
        """'… despite strong opposition from the medical and legal communities, who warn the legislation could …'
        (The Guardian 6028_left), '… kicked by protesters, who said …' (allsides 7hDSgZczFxw6CIfE): a lower-case
        plural right before "who" is the group that speaks, as the noun phrase it ends (back to a preposition,
        verb or clause boundary), not a person named earlier in the sentence. A singular verb after "who" ("one of
        the few people who is pointing out", Townhall 6BuggBrfkLvwhZOp) refers to something else: no group."""
        if a + 1 < len(toks) and toks[a + 1].lower in {"is", "was", "has"}:
            return None
        if b < 0 or not toks[b].is_word or not toks[b].text[:1].islower() or not (
                (toks[b].lower.endswith("s") and not toks[b].lower.endswith(("ss", "us", "is")))
                or toks[b].lower in self.cues.plural_nouns) or _verb_like(toks[b].lower):
            return None
        if self._apposition_of_name(toks, b):
            return None  # "Sharon Gat, a colonel in the Israeli reserves, who says": an apposition of the name
        k = b
        while k - 1 >= 0 and toks[k - 1].is_word and toks[k - 1].lower not in NOT_SPEAKER_START \
                and not self._boundary(toks[k - 1]) and not _verb_like(toks[k - 1].lower) and b - k < 6:
            k -= 1
        while k - 1 >= 0 and toks[k - 1].end == toks[k].start and toks[k - 1].text not in BOUNDARY_PUNCT:
            k -= 1  # a name glued by a symbol: "according to PG&E officials who declined" (LA Times 87n6NKPoGYzwru4c)
        while k < b and toks[k].lower in {"and", "or"}:
            k += 1
        return toks[k].start, toks[b].end, "relative"

    @staticmethod
    def _apposition_of_name(toks: Sequence[Token], b: int) -> bool:
        """Whether the words before token ``b`` back to a comma after a capitalised word are an apposition of
        that name: no verb, clause word or sentence mark between ("Sharon Gat, a colonel in the Israeli
        reserves", "Rep. Jim Jordan, one of the president's fiercest defenders", "Maria Lopez, 45, mother of three
        children"); "… passed in Spain, despite opposition from the medical communities" is no apposition."""
        for c in range(b - 1, 0, -1):
            t = toks[c]
            if t.text == ",":
                if toks[c - 1].is_word and toks[c - 1].text[:1].isupper():
                    return True
                continue
            if t.text in {".", ";", ":", "(", ")", "—", "–"} or (t.is_word and (
                    _verb_like(t.lower) or t.lower in APPOSITION_BREAKS)):
                return False
        return False

    @staticmethod
    def _boundary(t: Token) -> bool:
        # "WHO says it never received …" (AP Fact Check YFDxfzZJrP13vuNx): the capitalised acronym of the World
        # Health Organization is a name, not the relative pronoun
        return t.text in BOUNDARY_PUNCT or (t.is_word and t.lower in BOUNDARY_WORDS and t.text != "WHO")

    def _clause_subject(self, s: Sentence, limit: int, hit: VerbHit | None, why: str) -> _Tag | None:
        """The subject of the clause that ends at token ``limit`` of ``s``, for a verb without its own subject:
        a participle ('X took to Twitter, writing: “…”'), an infinitive ('X veered off script to claim that
        …') or a colon ('X was still confident of victory: “…”'). Taken only when the clause (after its
        opening phrases: "However, despite …, X …") starts with a known person, group or organisation, or
        with capitalised words that are not a sentence opener ("Nadler", "Donald Trump"; not "The", "It")."""
        toks = s.tokens
        caused = causative_object(toks, hit.token_index) if hit is not None else None
        if caused is not None:  # "prompting the state’s governor to ask: “…”": the governor asks
            return _Tag(caused, hit, s, "speaker_before")
        if hit is not None and hit.participle:
            with_np = _with_subject(toks, hit.token_index)
            if with_np is not None:  # "…, with some members warning it would …": the members warn
                return _Tag(with_np, hit, s, "speaker_before")
        k = 0
        while k < limit and (toks[k].lower in CLAUSE_OPENERS or _last_time_opener(toks, k) or (
                k == 0 and toks[k].lower == "to" and limit > 1 and toks[1].text[:1].islower())):
            # (round 15: an opening infinitive of purpose too, "To prevent further spread of the Delta variant, the
            # US Centers for Disease Control and Prevention updated its mask guidance … to recommend that …", CNN
            # roundups 5828_left, s12)
            if toks[k].lower in CONJUNCTIONS:  # "But some Republicans backed Trump, noting": no opening phrase
                k += 1
                continue
            k = next((n + 1 for n in range(k, limit) if toks[n].text == ","), limit)
        main = k
        tagged = self._tag_of_bare_verb(s, limit, hit)
        if tagged is not None:
            return tagged
        by_relative = self._by_participle_in_relative(s, main, hit) or self._by_participle_subject(s, main, hit)
        if by_relative is not None:
            return by_relative
        # "Trump attempted to take a question from another reporter, but Jiang hit back: “…”" (Business Insider
        # huSqcDT8MmjllPKr): after ", but" / ", yet" / ", while" or ";", the clause that ends here is the last one,
        # with a subject of its own (not "and": "Trump, Pence, and Pompeo"; not a "but" inside a quotation: '"…, but
        # they can't even get a website to function correctly," said a statement by RNC Chairman Reince Priebus,
        # adding that …', allsides SCGU9mJSaBg0oQLe)
        turn = next((n + 1 for n in range(limit - 1, main, -1) if not self._in_direct(toks[n].start)
                     and (toks[n].text == ";" or (toks[n].lower in CONTRAST_WORDS and toks[n - 1].text == ","))), None)
        if turn is not None:
            tag = self._subject_at(s, turn, limit, hit, why)
            if tag is not None:
                return tag
        # "Prosecutors have said Crusius surrendered …, saying": the clause starts after a reporting verb
        # (not for a second verb: "X asserted that Y revealed … and argued" is X's)
        coordinated = hit is not None and _coordinated(toks, hit.token_index)
        for h in () if coordinated else self.hits[s.index]:
            nxt = toks[h.token_index + h.n_tokens] if h.token_index + h.n_tokens < limit else None
            if nxt is not None and nxt.lower in NOT_SPEAKER_START - {"that"}:
                continue  # "they began to complain about Mr. Obama's focus, saying": no clause follows the verb
            if h.token_index and toks[h.token_index - 1].lower in RELATIVE_WORDS:
                continue  # "Biden mocked advocates who say they need …:": a relative clause is no main clause
            if h.lemma == "tell" and h is not hit and h.participle:
                continue  # "Jessica Manafort filed to change her name …, telling the Los Angeles Times: ‘…’" (Daily
                # Mail VzQ0xxS4F2Vh1pDD, s12): a participle's object is its addressee, not a clause's subject
            if _object_then_infinitive(toks, h, limit):
                continue  # "Mike Hunter … asked Trump to pardon Behenna, admitting that …" (Slate w7ngiZPmkOx9SAul):
                # the addressee of a request is no subject of a clause
            if h.token_index + h.n_tokens <= limit and h is not hit and h.token_index >= k:
                k = h.token_index + h.n_tokens
                if k < limit and toks[k].lower == "that":
                    k += 1
        tag = self._subject_at(s, k, limit, hit, why)
        if tag is None and k != main:  # "Trump denied reports that he struck a deal, while insisting “…”"
            tag = self._subject_at(s, main, limit, hit, why)
        return tag

    @staticmethod
    def _by_participle_in_relative(s: Sentence, main: int, hit: VerbHit | None) -> _Tag | None:
        """'Next, they turned to Trump, who blindsided lawmakers … by tweeting out that …' (Business Insider
        hjHEDsRGEKKlA1Yt; the speaker was "Next"): a "by" + participle inside a relative clause "NAME, who …" (no
        other clause mark between) reports for the capitalised name before the "who"; None otherwise."""
        toks = s.tokens
        if hit is None or not hit.participle or hit.token_index < 1 or not toks[hit.token_index - 1].is_word:
            return None
        by = toks[hit.token_index - 1].lower == "by"
        # (round 18: a participle right after the relative clause's words, no comma, belongs to it as well: "with NRA
        # chief Wayne LaPierre on Sunday, who launched a diatribe last week accusing those who want gun control of
        # plotting …", CNN fURmd3QmV3mbEvpe, s13; the speaker was the main clause's "he")
        for w in range(hit.token_index - 2, main, -1):
            t = toks[w]
            if t.text in {".", ";", ":", "(", ")"} or (t.is_word and t.lower in {"that", "which", "but"}) \
                    or (not by and (t.text in {",", "—", "–", "“", "”", '"'} or t.lower in {"and", "or"})):
                return None
            if t.lower != "who":
                continue
            if w < 2 or toks[w - 1].text != ",":
                return None
            b = w - 2
            while not by and b > 1 and toks[b].lower in TIME_WORDS | MONTHS:
                b -= 1  # "Wayne LaPierre on Sunday, who"
            a = b
            while a >= 0 and toks[a].is_word and toks[a].text[:1].isupper() and b - a < 4:
                a -= 1
            if a == b or any(x.lower in SENTENCE_OPENERS for x in toks[a + 1:b + 1]):
                return None
            return _Tag((toks[a + 1].start, toks[b].end), hit, s, "speaker_before")
        return None

    def _by_participle_subject(self, s: Sentence, main: int, hit: VerbHit | None) -> _Tag | None:
        """'The news comes one month after the labor department shocked economists by announcing the US had …' (The
        Guardian 5983_left): a "by" + participle reports for the subject of the past-tense verb it modifies, found
        within eight words before "by"; None when there is none or the subject is a relative clause's."""
        toks = s.tokens
        if hit is None or not hit.participle or hit.token_index < 2 \
                or toks[hit.token_index - 1].lower != "by":
            return None
        for v in range(hit.token_index - 2, max(main, hit.token_index - 10) - 1, -1):
            t = toks[v]
            if not t.is_word:
                if t.text in {".", ";", ":", "(", ")", "“", "”", '"'}:
                    return None
                continue
            if _verb_like(t.lower) and t.lower not in AUXILIARIES:
                sub = self._subject(s, v)
                if sub is None or sub[2] == "relative" or self._in_direct(sub[0]):
                    return None
                return _Tag((sub[0], sub[1]), hit, s, "speaker_before")
        return None

    def _quoted_object_subject(self, s: Sentence, i: int, hit: VerbHit) -> _Tag | None:
        """The subject of a second verb after a quoted object ('Zhao Lijian called the deal "extremely irresponsible"
        and said the trio of nations "…"', Insider 5691_center) that has none of its own: the clause's subject when
        it is a person or organisation the article names, outside quotes; else None (not "We" of an earlier quote,
        not "Indiana" of "During a rally in Elkhart, Indiana, …, Trump complained that "…" and urged")."""
        if not after_quoted_object(s.tokens, i):
            return None
        tag = self._clause_subject(s, i, hit, f"'{hit.form}'")
        if tag is None or tag.cand is None or tag.cand.kind not in ("person", "thing") \
                or self._in_direct(tag.cand.start):
            return None
        return tag

    def _tag_of_bare_verb(self, s: Sentence, limit: int, hit: VerbHit | None) -> _Tag | None:
        """'Mayorkas said Thursday, saying the US has …': a participle right after a reporting verb that reports
        nothing of its own (only a date between them) shares that verb's speaker phrase; None otherwise."""
        toks = s.tokens
        prev = [h for h in self.hits[s.index] if h is not hit and h.token_index + h.n_tokens <= limit]
        if not prev or prev[-1].start not in self.verb_speaker:
            return None
        h = prev[-1]
        between = toks[h.token_index + h.n_tokens:limit]
        if not all(not t.is_word or t.lower in TIME_WORDS | MONTHS for t in between):
            return None
        return _Tag(self.verb_speaker[h.start], hit, s, "speaker_before")

    def _subject_at(self, s: Sentence, k: int, limit: int, hit: VerbHit | None, why: str) -> _Tag | None:
        """The subject of :meth:`_clause_subject` when the clause starts at token ``k``, or None."""
        toks = s.tokens
        while k < limit and not toks[k].is_word:
            k += 1
        if k >= limit or self._in_direct(toks[k].start):
            return None  # (round 15) not a quotation's first words: "Jones speculated that “the government is …,”
            # theorizing that …" (Mother Jones c1osjH3GV9ggSVF7, s12) is Jones's theory, not the government's
        if toks[k].lower in PRONOUNS and toks[k].lower != "it":  # "He looked into … and said": resolved later
            return _Tag((toks[k].start, toks[k].end), hit, s, "speaker_before")
        cand = self.antecedents.at(toks[k].start, toks[min(k + 2, limit - 1)].end)
        if cand is not None and (self.doc.body[cand.end:cand.end + 2] in ("’s", "'s")
                                 or self.doc.body[cand.end - 2:cand.end] in ("’s", "'s")) \
                and any(t.is_word and _verb_like(t.lower) and t.lower not in AUXILIARIES
                        for t in toks[k:limit] if t.end <= cand.start):
            cand = None  # "Democrats welcomed Short’s DACA comments, saying": a possessor after the verb is no subject
            # (not "That prompted Klobuchar to hit back hard:", "It was Weinstein telling …": the name speaks; not
            # after an auxiliary: "Here is Uber’s … filing stating", The Nation WmOE8sQYLGRFkLC8)
        if cand is not None and cand.start == toks[k].start and _possessive_end(self.doc.body, cand.end):
            cand = self._possessed_head(toks, cand, limit)  # "Trump’s own CDC was warning …": the CDC
        if cand is not None and cand.kind == "thing":
            cand = self._person_after_organisation(toks, cand, limit) or cand
        if cand is not None and cand.kind != "country":
            nxt = next((t for t in toks[k:limit] if t.start >= cand.end), None)
            if nxt is not None and nxt.is_word and nxt.text[:1].islower() and self.cues.names_people(nxt.text):
                group = self._people_group(s, k, limit, hit)  # "Senate leaders met": the name only modifies
                if group is not None:
                    return group
                named = self.antecedents.at(nxt.end + 1, nxt.end + 2)
                if named is not None and named.kind == "person" and named.start < toks[limit - 1].start:
                    # "Scottish Labour leader Jim Murphy lost his seat, but insisted …": the party names the title
                    # of the person named after it (AP via KSL d0z1LY5lA0RXXF5b; was Labour)
                    cand = named
            return _Tag(None, hit, s, "speaker_before", cand, f"implicit subject of {why}: the clause's subject")
        apposed = _apposed_before_verb(toks, k, limit)
        if apposed is not None:  # "The head of the RSS organisation, Mohan Bhagwat, echoed …"
            return _Tag(apposed, hit, s, "speaker_before")
        name = []
        for t in toks[k:limit]:
            if not (t.is_word and t.text[:1].isupper()) and not (t.text == "." and name):
                break
            name.append(t)
        words = [t for t in name if t.is_word]
        after = toks[k + len(name)] if k + len(name) < limit else None
        if len(words) == 1 and len(words[0].text) >= 8 and words[0].lower.endswith("ly") and after is not None \
                and after.is_word and after.text[:1].islower():
            return None  # "Momentarily fazed, the BJP denied …" (allsides OL4aJP8zssvvzvu6, round 15): an adverb
        if words and not (len(words) == 1 and words[0].lower in SENTENCE_OPENERS and not _acronym(words[0])) \
                and not (after is not None and after.is_word and not _verb_like(after.lower)):
            return _Tag((words[0].start, words[-1].end), hit, s, "speaker_before")
        # not "The", "It", "However" (a capitalised word at a clause start that names no one), not "Republican"
        # in "Republican lawmakers" (a modifier)
        return self._people_group(s, k, limit, hit)

    def _possessed_head(self, toks: Sequence[Token], cand: Candidate, limit: int) -> Candidate:
        """The head of a subject that opens with a possessor, when the head is a person or organisation the article
        names and the verb follows it ("Trump’s own CDC was warning in February that …", Raw Story YvuL5nMe21Td4oov,
        s11: the speaker was Trump); otherwise the possessor, as before: "Meade’s basic argument … is:", "Trump’s
        tweet said", "Roosevelt’s “New Nationalism” promised" report their possessor's words, and "Pagliano’s lawyer
        criticized …" is read as a group after it."""
        after = [t for t in toks[:limit] if t.start >= cand.end and t.is_word and t.lower not in {"s", "’s", "'s"}]
        m = 1 if after[:1] and after[0].lower == "own" else 0
        if m >= len(after):
            return cand
        head = self.antecedents.at(after[m].start, after[m].start)
        if head is None or head.kind not in ("person", "thing") or _possessive_end(self.doc.body, head.end):
            return cand
        nxt = next((t for t in after[m:] if t.start >= head.end), None)
        return head if nxt is not None and (_verb_like(nxt.lower) or nxt.lower in AUXILIARIES) else cand

    def _person_after_organisation(self, toks: Sequence[Token], cand: Candidate, limit: int) -> Candidate | None:
        """'House Speaker Paul Ryan of Wisconsin called … and said he couldn’t …' (allsides Vf0TXLIvyNcAUmPT; the
        speaker was "House"): a person named right after an organisation that opens the subject, with only
        capitalised title words between them ("Speaker"), is the subject; the organisation only modifies the
        title. None when no such person follows."""
        titled = -1
        for n, t in enumerate(toks):
            if t.start < cand.end:
                continue
            if t.text in {"(", ")"} or (t.is_word and t.text[:1].islower() and self.cues.names_people(t.text)):
                titled = n if t.is_word else titled
                continue  # "Special Broadcasting Service (SBS) reporter Scott McIntyre took to Twitter and wrote: “…”"
                # (allsides 9TwTVtQTzfNcPlIX, round 15): an acronym in parentheses and a lower-case title between
            if t.end > toks[limit - 1].end or not (t.is_word and t.text[:1].isupper()) or t.start - cand.end > 40:
                return None
            person = self.antecedents.at(t.start, t.start)
            if person is not None and person.kind == "person":
                return person
            if titled == n - 1:  # a name the entity layer did not list, right after the title: up to the verb
                end = n
                while end + 1 < limit and toks[end + 1].is_word and toks[end + 1].text[:1].isupper():
                    end += 1
                if end > n and end + 1 <= limit and (end + 1 == limit or _verb_like(toks[end + 1].lower)):
                    surface = self.doc.body[t.start:toks[end].end]
                    return Candidate(t.start, toks[end].end, cand.sentence_index, "person", "",
                                     (surface, surface, classify_speaker(surface, self.types), True))
        return None

    def _people_group(self, s: Sentence, k: int, limit: int, hit: VerbHit | None) -> _Tag | None:
        """A short phrase naming people from token ``k`` to a verb ("some Republicans backed", "Senate leaders
        met"): the subject of :meth:`_subject_at`, or None."""
        toks = s.tokens

        def verb_at(m: int) -> bool:  # "A Beijing official hit back at the bill …, saying it “…”" (BBC 5969_center,
            # s12): a lower-case word before "back" is a phrasal verb ("hit back", "shot back"), whatever its form
            return _verb_like(toks[m].lower) or (group != [] and m + 1 < limit and toks[m + 1].lower == "back"
                                                 and toks[m].text.isalpha() and toks[m].text.islower())
        group: list[Token] = []
        n = k
        for t in toks[k:limit]:
            if group and t.is_word and t.lower in TIME_WORDS | MONTHS:
                n += 1  # "Democratic lawmakers on Friday trashed …, saying": the date is no part of the subject
                continue
            if group and t.text in ("’s", "'s"):
                group.append(t)  # "The committee's ranking Republican"
                n += 1
                continue
            if not t.is_word or verb_at(n) or t.lower in BOUNDARY_WORDS:
                break
            group.append(t)
            n += 1
        if group and n < limit and toks[n].text == ",":
            # "The committee's ranking Republican, during an appearance on “America’s Newsroom,” laid out … and
            # asserted that …" (Fox News roundups 5815_right, s11): a comma-set time or occasion before the verb
            close = next((m for m in range(n + 1, limit) if toks[m].text == ","), -1)
            piece = [t for t in toks[n + 1:close] if t.is_word]
            if close > 0 and piece and _parenthetical(piece) and not any(_verb_like(t.lower) for t in piece):
                n = close + 1
                while n < limit and toks[n].text in CLOSING_MARKS:
                    n += 1  # ', during an appearance on “America’s Newsroom,” laid out': the comma inside the marks
        after = toks[n] if n < limit else None
        if 0 < len(group) <= 5 and after is not None and after.is_word and verb_at(n) \
                and (self.cues.names_people(group[-1].text) or (
                    hit is not None and hit.participle and self._organisation_description(group))) \
                and group[-1].lower not in PRONOUNS:
            return _Tag((group[0].start, group[-1].end), hit, s, "speaker_before")  # "some Republicans backed"
        return None

    def _organisation_description(self, group: Sequence[Token]) -> bool:
        """Whether words are a definite or possessive description headed by an organisation noun ("The company",
        "Alaska’s largest hospital", AP 5701_center: "… has begun rationing care, saying it has been overwhelmed"):
        the organisation speaks as a group of people would. Only for a participle: "The company encouraged employees
        to claim that …" reports no claim of anybody."""
        return len(group) >= 2 and group[-1].lower in self.cues.organisation_nouns \
            and (group[0].lower == "the" or any(t.lower in ("’s", "'s") or t.lower.endswith(("’s", "'s"))
                                                for t in group[:-1]))

    @staticmethod
    def _demonstrative_subject(toks: Sequence[Token], hit: VerbHit) -> bool:
        """Whether the reporting verb ``hit`` has a bare demonstrative for its subject ("But that suggests …", "This
        shows …"): the journalist's own inference, no source."""
        words = [t for t in toks[:hit.token_index] if t.is_word]
        return bool(words) and words[-1].lower in {"that", "this"} \
            and (len(words) == 1 or words[-2].lower in CONJUNCTIONS)

    def _inverted(self, s: Sentence, hit: VerbHit) -> tuple[int, int] | None:
        """The speaker of an inverted attribution after its clause ("…, said a Commerce Ministry spokesman, Gao
        Feng." / "…, said Oscar Wason, Dana Air's director of operations, on Monday."), or None.

        The verb follows a comma with at least three words of the journalist's before it, and a speaker
        phrase follows the verb (:func:`name_after`: no preposition or date) in which no word looks like a
        verb ("…, said the plan failed" reports, it names no speaker); the rest of the sentence is set off by
        commas. A description followed by an apposed name ("a spokesman, Gao Feng") gives the name.
        """
        toks = s.tokens
        i, k = hit.token_index, hit.token_index + hit.n_tokens
        if i < 1 or toks[i - 1].text != "," or _words_between(toks, s.start, toks[i - 1].start) < 3:
            return None
        if any(h.token_index < i - 1 and not self._demonstrative_subject(toks, h) for h in self.hits[s.index]):
            return None  # "Russia said it would …, reports the Monitor": the clause is a report of its own (not
            # "But that suggests the threat has …, said the executives": "that" names no speaker, AP MZBQ)
        phrase = name_after(toks, k)
        if phrase is None or hit.lemma == "tell":
            return None  # "…, the U.S. official, speaking on condition of anonymity, told Reuters." (Reuters
            # 5746_center): the phrase after "told" is who was told, never the speaker
        words = [t for t in toks[k:] if t.is_word and t.end <= phrase[1]]
        if len(words) > 8 or any(_verb_like(t.lower) or t.lower in PRONOUNS for t in words):
            return None
        rest = [t for t in toks if t.start >= phrase[1]]
        if rest and rest[0].lower == "who" and not words[0].text[:1].isupper() and self.cues.names_people(
                words[-1].text):
            return phrase  # "…, said a person who wasn’t authorized to be identified" (AP via PBS WpYGDv89wRhX1V5y,
            # s12): a relative clause describes the person who speaks
        if (rest and rest[0].text not in ",.;") or any(t.is_word and t.lower in BOUNDARY_WORDS for t in rest[:1]):
            return None
        if words[0].text[:1].isupper():
            return phrase  # "said Oscar Wason"
        if len(rest) > 1 and rest[0].text == ",":
            name = []
            for t in rest[1:]:
                if not (t.is_word and t.text[:1].isupper()):
                    break
                name.append(t)
            after = rest[1 + len(name)] if 1 + len(name) < len(rest) else None
            if 1 < len(name) <= 4 and (after is None or after.text in ",."):
                return name[0].start, name[-1].end  # "a Commerce Ministry spokesman, Gao Feng"
        if self.cues.names_people(words[-1].text):
            return phrase  # "said one of the sources", "said a senior official"
        return None  # "…, said the ruling moves beyond …": a report, not a speaker

    @staticmethod
    def _short_name(s: Sentence, sub: tuple[int, int, str]) -> bool:
        """Whether a subject span is a name of at most five capitalised words ("Nelson Tebbe", "Stone")."""
        words = [t for t in s.tokens if sub[0] <= t.start and t.end <= sub[1] and t.is_word]
        return 0 < len(words) <= 5 and _name_words(words)


def _acronym(t: Token) -> bool:
    """An acronym of two or more capitals ("WHO", "US"), which no sentence-opener list means ("who", "us"): "WHO has
    cautioned against such restrictions …, saying they often prove ineffective …" (AP Fact Check YFDxfzZJrP13vuNx)."""
    return len(t.text) >= 2 and t.text.isupper() and t.text.isalpha()
