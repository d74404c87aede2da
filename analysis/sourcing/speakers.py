"""Who a pronoun speaker is: the nearest compatible antecedent, or nobody.

Our rule (docs/sourcing.md, "Speakers"), used by the quote finder for "he said", "she told
reporters", "they said", "it said":

1. Candidates are the person, organisation and country mentions of the actor finder and the
   speaker phrases of earlier quotes ("a campaign spokeswoman", "officials"), outside direct-quote
   content ("“I met Mr. Obama,” he said": Mr. Obama is no candidate) and outside the headline.
2. The search runs back from the pronoun: its own sentence, then each earlier sentence, back to
   ``PRONOUN_PARAGRAPHS`` paragraphs before the pronoun's paragraph and at most ``PRONOUN_SENTENCES``
   sentences. Inside one sentence the
   candidates are taken left to right, so a subject comes before an object (the preference of
   Hobbs' algorithm; Hobbs 1978, "Resolving pronoun references", Lingua 44).
3. The first compatible candidate wins. "he"/"she": a person (named, or a singular description)
   whose gender is male/female or unknown; "they": a plural description ("analysts") or an
   organisation; "it": an organisation, country or document. A person's gender is known from the
   article: an honorific before one of its mentions ("Mr. Steele", "Ms. Pelosi"), a role noun next
   to it ("Amanda Henneberg, a campaign spokeswoman"), the subject pronoun of the person's own report
   ("Pelosi said she …"); and from the given name of a full name (the entity layer's gazetteer); cues of
   both genders leave it unknown.
   The word lists are data (``lexicons/speaker_pronouns.yaml``).
4. No compatible candidate: the speaker stays unresolved ("" with the pronoun as printed), never
   a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..entities.tokens import LOWER_SUFFIXES
from ..frozen import quick_init
from ..lexicons import Lexicon, load_lexicon
from ..lexicons.verbs import reporting_verb_forms
from ..model import ParsedArticle, Token
from ._cache import compiled
from .quote_marks import sentence_word_counts, word_starts

PRONOUNS_FILE = "speaker_pronouns.yaml"
PENDING = "pronoun: pending"  # speaker rule of a pronoun speaker until the quote finder resolves it
FILLER_WORDS = 3  # our choice: a paragraph of at most this many words ("Photo", "AD") is a filler line
# First words of an opening phrase before a clause's subject ("In a letter to McGahn's lawyer, Nadler …")
CLAUSE_OPENERS = frozenset("""according in on at after before without with when while as during since despite
    following asked speaking responding later earlier meanwhile however also further furthermore moreover
    additionally still indeed instead nonetheless nevertheless separately likewise similarly finally first second
    third now then today yesterday but and yet so""".split())
PRONOUN_PARAGRAPHS = 2  # our choice: earlier paragraphs searched for an antecedent (the pronoun's own plus two)
PRONOUN_SENTENCES = 12  # our choice: at most this many sentences searched (bounded work per pronoun)
MALE, FEMALE = "male", "female"


@dataclass(frozen=True)
class PronounCues:
    """The loaded pronoun lexicon: what each pronoun refers to, and the words that tell a gender."""

    pronouns: dict[str, str]  # "he" -> "male", "they" -> "plural", "it" -> "thing"
    honorifics: dict[str, str]  # "mr" -> "male"
    role_nouns: dict[tuple[str, ...], str]  # ("spokeswoman",) -> "female", ("first", "lady") -> "female"
    person_nouns: frozenset[str] = frozenset()  # "source", "official", "member": nouns naming people
    filler_openers: tuple[str, ...] = ()  # lower-case openings of page-furniture lines ("just watched")
    plural_nouns: frozenset[str] = frozenset()  # plurals without a final "s": "people", "police"
    organisation_nouns: frozenset[str] = frozenset()  # head nouns of organisations: "campaign", "bureau"
    part_nouns: frozenset[str] = frozenset()  # organisation nouns naming a part of one: "committee", "board"
    reference_nouns: frozenset[str] = frozenset()  # "the doctor", "the cleric": a person named just before
    media_nouns: frozenset[str] = frozenset()  # "the journal", "the newspaper": the medium whose report came last
    issued_nouns: frozenset[str] = frozenset()  # "the statement": the speaker of the report that printed it before
    work_nouns: frozenset[str] = frozenset()  # "a Politico report": the organisation named before it is the source
    outlet_short_names: frozenset[str] = frozenset()  # "the Journal" after "The Wall Street Journal"

    def names_people(self, word: str) -> bool:
        """Whether ``word`` (any case, singular or plural) is a person noun or a gendered role noun."""
        w = word.lower()
        return any(x in self.person_nouns or (x,) in self.role_nouns for x in (w, w[:-1] if w.endswith("s") else w))


def load_pronoun_cues(name_or_path: str = PRONOUNS_FILE) -> PronounCues:
    """The pronoun lexicon (``speaker_pronouns.yaml``), compiled once per loaded version of the file."""
    return compiled(load_lexicon(name_or_path), _compile)


def _compile(lex: Lexicon) -> PronounCues:
    d = lex.data

    def by_gender(key: str) -> dict[str, str]:
        return {str(w).lower().rstrip("."): str(g) for g, words in (d.get(key) or {}).items() for w in words or []}

    return PronounCues(
        pronouns={str(k).lower(): str(v) for k, v in (d.get("pronouns") or {}).items()},
        honorifics=by_gender("honorifics"),
        role_nouns={tuple(k.split()): g for k, g in by_gender("role_nouns").items()},
        person_nouns=frozenset(str(w).lower() for w in d.get("person_nouns") or []),
        filler_openers=tuple(str(w).lower() for w in d.get("filler_openers") or []),
        plural_nouns=frozenset(str(w).lower() for w in d.get("plural_nouns") or []),
        organisation_nouns=frozenset(str(w).lower() for w in d.get("organisation_nouns") or []),
        part_nouns=frozenset(str(w).lower() for w in d.get("part_nouns") or []),
        reference_nouns=frozenset(str(w).lower() for w in d.get("reference_nouns") or []),
        media_nouns=frozenset(str(w).lower() for w in d.get("media_nouns") or []),
        issued_nouns=frozenset(str(w).lower() for w in d.get("issued_nouns") or []),
        work_nouns=frozenset(str(w).lower() for w in d.get("work_nouns") or []),
        outlet_short_names=frozenset(str(w).lower() for w in d.get("outlet_short_names") or []),
    )


@quick_init
@dataclass(frozen=True)
class Candidate:
    """A possible antecedent: where it is printed and what it resolves to."""

    start: int  # body offsets
    end: int
    sentence_index: int
    kind: str  # "person" | "plural" | "thing" (an organisation or document) | "country"
    gender: str  # "male" | "female" | "" (unknown)
    value: Any  # what the caller gets back (the quote finder's speaker tuple)


PLACE_WORDS = frozenset("in at from near outside".split())  # before a name: the name is a place
SUBORDINATORS = frozenset("when while after before as if because since although though once until unless".split())
NAME_SUFFIXES = LOWER_SUFFIXES  # after a surname ("Robert Jones Jr.")
# Opening words of a topic phrase: the person it names is what the sentence's subject speaks about
TOPIC_OPENERS = frozenset({("as", "for"), ("as", "to"), ("asked", "about"), ("when", "asked")})
PARTICIPLE_LEADS = frozenset("after before while since upon when".split())  # "After co-signing …, he"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
_HONORIFIC_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")


def phrase_gender(words: Sequence[str], cues: PronounCues) -> str:
    """Gender a phrase's own words tell ("a campaign spokeswoman" -> female), "" if none or both."""
    low = [w.lower().rstrip(".") for w in words]
    found = {cues.honorifics[w] for w in low if w in cues.honorifics}
    longest = max((len(k) for k in cues.role_nouns), default=0)  # role nouns are looked up, not scanned
    found |= {g for i in range(len(low)) for n in range(1, longest + 1)
              if (g := cues.role_nouns.get(tuple(low[i:i + n]), ""))}
    return found.pop() if len(found) == 1 else ""


def mention_gender_cues(body: str, start: int, end: int, cues: PronounCues) -> set[str]:
    """Genders told next to one name mention: an honorific or role noun right before it ("Mr. Steele",
    "spokeswoman Amanda Henneberg"), or a role noun in an apposition after it (", a spokeswoman")."""
    found: set[str] = set()
    m = _HONORIFIC_BEFORE.search(body, max(0, start - 20), start)
    if m:
        w = m.group(1).lower()
        g = cues.honorifics.get(w) or cues.role_nouns.get((w,))
        if g:
            found.add(g)
    after = body[end:end + 80]
    if after.startswith(","):
        words = _WORD.findall(re.split(r"[,;.()—–“”\"]", after[1:], maxsplit=1)[0])
        if words and words[0].lower() in {"a", "an", "the", "his", "her", "its", "their"} and len(words) <= 8:
            g = phrase_gender(words, cues)
            if g:
                found.add(g)
    return found


def _given_names() -> Mapping[str, str]:
    """Given name -> "m" / "f" / "u" from the entity layer's gazetteer when it has one, else {} (read only: the
    gazetteer's own mapping, not a copy per article)."""
    try:
        from ..entities.gazetteers import gazetteer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return {}
    try:
        given: Mapping[str, str] = gazetteer().given_names
        return given
    except Exception:  # a gazetteer failure leaves genders to the article's own cues
        return {}


def person_genders(doc: ParsedArticle, mentions: Sequence[Any], cues: PronounCues) -> dict[str, str]:
    """Known gender of each person actor of ``mentions``: one gender from all its mentions' cues (an honorific
    or role noun next to a mention; the subject pronoun of the person's own report, :func:`report_pronoun_gender`)
    and from the given name of a full name when the entity layer's gazetteer types it (cues of both: unknown)."""
    seen: dict[str, set[str]] = {}
    starts = word_starts(doc) if mentions else []
    forms = reporting_verb_forms() if mentions else frozenset()  # looked up once, not per mention
    for m in mentions:
        if getattr(m, "kind", "") != "person" or m.sentence_index < 0:
            continue
        gs = seen.setdefault(m.actor, set())
        gs.update(mention_gender_cues(doc.body, m.start, m.end, cues))
        g = report_pronoun_gender(doc, starts, m.start, m.end, cues, forms)
        if g:
            gs.add(g)
    given = _given_names() if seen else {}
    for actor, gs in seen.items():
        parts = actor.split()
        sex = given.get(parts[0], "u") if len(parts) > 1 else "u"
        if sex in ("m", "f"):
            gs.add(MALE if sex == "m" else FEMALE)
    return {actor: next(iter(gs)) for actor, gs in seen.items() if len(gs) == 1}


# Our choice: words before a name that make it no subject ("an aide to Pelosi said she …" is the aide).
_NOT_SUBJECT_BEFORE = frozenset("to of for with by from about against than like near and or".split())


def report_pronoun_gender(doc: ParsedArticle, starts: Sequence[int], start: int, end: int, cues: PronounCues,
                          forms: frozenset[str] | None = None) -> str:
    """The gender a person's own report tells: a name right before a reporting verb whose clause opens with a
    subject pronoun ("Pelosi said she …", "Cohen said that he believes …") is that pronoun's antecedent, as
    in nearly every such report; "" when the name is no subject (a possessive, after a preposition: "an aide
    to Pelosi said she …") or the verb is followed by anything else. ``forms``: :func:`reporting_verb_forms`
    (looked up when not given)."""
    i = bisect_left(starts, end)
    words = doc.words
    if i + 1 >= len(words) or words[i].start - end > 1 or \
            words[i].lower not in (reporting_verb_forms() if forms is None else forms):
        return ""
    j = i + 1 + (words[i + 1].lower == "that" and i + 2 < len(words))
    g = cues.pronouns.get(words[j].lower, "") if words[j].start - words[j - 1].end <= 1 else ""
    if g not in (MALE, FEMALE):
        return ""
    k = bisect_left(starts, start) - 1
    if k >= 0 and (words[k].lower in _NOT_SUBJECT_BEFORE or doc.body[start:end].endswith(("’s", "'s"))):
        return ""
    return g


def compatible(pronoun_kind: str, cand: Candidate) -> bool:
    """Whether a candidate can be the antecedent of a pronoun of ``pronoun_kind`` (male/female/plural/thing)."""
    if pronoun_kind in (MALE, FEMALE):
        return cand.kind == "person" and cand.gender in ("", pronoun_kind)
    if pronoun_kind == "plural":
        return cand.kind in ("plural", "thing")  # "officials", "the company": not a country ("they" ≠ China)
    if pronoun_kind == "thing":
        return cand.kind in ("thing", "country")
    if pronoun_kind == "report":  # "the journal": any speaker of a report (the caller keeps organisations only)
        return True
    if pronoun_kind == "any":  # the implicit subject of a participle tag ("“…,” adding that …")
        return cand.kind in ("person", "plural")
    if pronoun_kind.startswith("named"):  # "the doctor": a person by name (not "a senior official")
        speaker = str(cand.value[0])
        return cand.kind == "person" and cand.gender in ("", pronoun_kind[6:] or cand.gender) \
            and speaker[:1].isupper() and speaker.split()[0].lower() not in {"the", "a", "an"}
    if pronoun_kind.startswith("org:"):  # "the ministry" -> an organisation named "… Ministry"
        *modifiers, head = pronoun_kind[4:].split()
        name = str(cand.value[0]).lower().split()
        if cand.kind != "thing" or not name:
            return False
        if head in GENERIC_ORG_HEADS:
            return True
        # the head noun ends the name ("Emergencies Ministry") or comes right before its "of" ("Bureau of Alcohol",
        # "Ninth U.S. Circuit Court of Appeals"); a modifier of the description is a word of the name ("the appeals
        # court": "… Court of Appeals")
        of_head = name[name.index("of", 1) - 1] if "of" in name[1:] else ""
        return (name[-1] in (head, head + "s") or of_head == head) \
            and all(m in name or (m[:-1] if m.endswith("s") else m) in name or m + "s" in name for m in modifiers)
    return False


class AntecedentIndex:
    """Candidates of one article in text order, searched back from a pronoun (see the module docstring).

    ``excluded(offset)`` tells whether a body offset lies inside direct-quote content; it is asked at
    search time, so quotes found after a candidate was added still hide it.
    """

    def __init__(self, doc: ParsedArticle, excluded: Callable[[int], bool], filler: tuple[str, ...] = ()) -> None:
        self.doc = doc
        self.excluded = excluded
        self._cands: list[Candidate] = []
        self._starts: list[int] = []
        # paragraphs that count for the window: more than FILLER_WORDS words (not "Photo", "AD") and not opening
        # with a page label of ``filler`` ("JUST WATCHED … Replay More Videos …")
        self._counted_upto: list[int] = []  # counted paragraphs among paragraphs 0..p
        self._furniture: set[int] = set()  # paragraphs opening with a page label: their names are no antecedents
        self._speakers: set[int] = set()  # starts of candidates printed as the speaker of a report
        self._reporting_things: set[int] = set()  # starts of organisations and documents printed as one
        n = 0
        counts = sentence_word_counts(doc)
        for k, p in enumerate(doc.paragraphs):
            if filler and doc.body[p.start:p.start + 40].lstrip().lower().startswith(filler):
                self._furniture.add(k)
            words = sum(counts[i] for i in p.sentence_indices)
            n += words > FILLER_WORDS and k not in self._furniture
            self._counted_upto.append(n)
        self._intro_end: dict[int, int] = {}  # sentence index -> end of its opening phrase (-1: none)

    def paragraphs_between(self, a: int, b: int) -> int:
        """How many counted paragraphs from paragraph ``a`` to ``b`` (``b - a`` without filler lines)."""
        upto = self._counted_upto
        return upto[b] - upto[a] if 0 <= a <= b < len(upto) else max(0, b - a)

    def _demoted(self, c: Candidate) -> bool:
        """A possessive ("McGahn’s lawyer") or a mention in an opening phrase ("In a letter to X, Y …"):
        tried after the other candidates of its sentence."""
        body = self.doc.body
        if body[c.end:c.end + 2] in ("’s", "'s") or body[c.end - 2:c.end] in ("’s", "'s"):
            return True
        si = c.sentence_index
        if si not in self._intro_end:
            s = self.doc.sentences[si]
            words = [t for t in s.tokens if t.is_word]
            comma = next((t.start for t in s.tokens if t.text == ","), -1)
            self._intro_end[si] = comma if words and words[0].lower in CLAUSE_OPENERS else -1
        return c.start < self._intro_end[si]

    def _after_place_word(self, c: Candidate) -> bool:
        """A name right after "in", "at", "from", "near" ("a mom in Silver Spring"): a place, whatever its type."""
        m = _WORD_BEFORE.search(self.doc.body, max(0, c.start - 12), c.start)
        return m is not None and m.group(1).lower() in PLACE_WORDS

    def add(self, cand: Candidate) -> None:
        """Insert a candidate (kept in text order; a second candidate at the same offset replaces none; none from
        a page-furniture line: "JUST WATCHED One-on-one with Larry Summers Replay More Videos")."""
        if self._furniture and 0 <= cand.sentence_index < len(self.doc.sentences) \
                and self.doc.sentences[cand.sentence_index].paragraph in self._furniture:
            return
        i = bisect_left(self._starts, cand.start)
        if i < len(self._starts) and self._starts[i] == cand.start:
            old = self._cands[i]
            if cand.end > old.end and ((old.kind == "country" and cand.kind in ("plural", "person"))
                                       or (old.kind == "thing" and cand.kind == "plural") or (
                    old.kind == "person" and cand.kind == "person" and cand.value[0] != old.value[0])):
                # "U.S. officials said … “…,” they said." (Reuters 5749_center): the country is a modifier of the
                # speaker phrase that starts with it; the people are the antecedent. So is a person's name before
                # another's title ("Trump campaign communications director Tim Murtaugh said …. He said …" is
                # Murtaugh, AP Fact Check allsides MZBQlyoa12jjXiSS). So is an organisation's name before people
                # ("Defense Department officials said …. Both, they said, were involved …", NYT roundups 5748_left, s11:
                # "they" was the department)
                self._cands[i] = cand
            return
        self._starts.insert(i, cand.start)
        self._cands.insert(i, cand)

    def drop_modifiers(self, start: int, end: int) -> None:
        """Remove the person candidates strictly inside body offsets [start, end) that do not end it: names that
        modify an organisation's description ("The Trump campaign also argued …. “…,” he added." is not Trump)."""
        lo, hi = bisect_right(self._starts, start), bisect_left(self._starts, end)  # the candidates starting inside
        inside = self._cands[lo:hi]
        keep = [c for c in inside if not (c.kind == "person" and c.end < end)]
        if len(keep) != len(inside):
            self._cands[lo:hi] = keep
            self._starts[lo:hi] = [c.start for c in keep]

    def mark_speaker(self, start: int, thing: bool = False) -> None:
        """Record that the candidate at body offset ``start`` is printed as the speaker of a report (``thing``: an
        organisation or document, an antecedent of "the journal" but not preferred by pronouns)."""
        (self._reporting_things if thing else self._speakers).add(start)

    def find(self, pronoun_kind: str, sentence_index: int, offset: int, same_sentence: bool = False,
             window: tuple[int, int] = (PRONOUN_PARAGRAPHS, PRONOUN_SENTENCES),
             reports_only: bool = False, bound: int = -1) -> Candidate | None:
        """The nearest compatible candidate before body ``offset`` in sentence ``sentence_index``, or None.

        ``window``: at most this many (earlier paragraphs, sentences) are searched; a definite description
        ("the ministry") searches further back than a pronoun.

        ``same_sentence``: only that sentence, the candidate closest to ``offset`` (a relative pronoun's
        antecedent: "…, a mom in Silver Spring, Maryland, who said").

        ``reports_only``: only candidates printed as the speaker of a report, the nearest first ("the journal said"
        after "The Lancet said …").

        ``bound``: the body offset where the pronoun's own verb phrase ends (-1: not a subject pronoun); as the
        subject of that phrase, it is none of the people named in it ("he called Trump the “greatest friend …”" is
        not Trump; not "He said Pence … had heard Sondland say": the reported clause may name the subject again)
        nor the topic of an opening "As for …," or "Asked about …," ("As for Kavanaugh, he said, “I feel so badly
        for him …”")."""
        sents = self.doc.sentences
        if not 0 <= sentence_index < len(sents):
            return None
        barred = self._bound_out(sentence_index, offset, bound) if bound >= 0 else frozenset()
        if same_sentence:
            lo = bisect_left(self._starts, sents[sentence_index].start)
            hi = bisect_left(self._starts, offset)
            found = [c for c in self._cands[lo:hi] if c.end <= offset and not self.excluded(c.start)
                     and compatible(pronoun_kind, c) and not self._after_place_word(c)]
            return max(found, key=lambda c: c.start) if found else None
        para = sents[sentence_index].paragraph
        hi = bisect_left(self._starts, offset)
        si = sentence_index
        while si >= 0 and sentence_index - si < window[1] \
                and self.paragraphs_between(sents[si].paragraph, para) <= window[0]:
            lo = bisect_left(self._starts, sents[si].start, 0, hi)
            found = [c for c in self._cands[lo:hi]
                     if c.end <= offset and not self.excluded(c.start) and compatible(pronoun_kind, c)
                     and (not reports_only or c.start in self._reporting_things)
                     and not (barred and (c.start in barred or c.value[0] in barred))]
            if found and reports_only:
                return max(found, key=lambda c: c.start)
            if found:  # a report's speaker first ("The plane …, Darby said. … he said"), then left to right
                # inside one sentence (subjects first), possessives and opening phrases last
                return min(found, key=lambda c: (self._demoted(c), c.start not in self._speakers, c.start))
            hi = lo
            si -= 1
        return None

    def _bound_out(self, sentence_index: int, offset: int, end: int) -> frozenset[Any]:
        """Speakers a subject pronoun at body ``offset`` cannot stand for (see :meth:`find`): those of the person
        candidates printed as names after it up to body offset ``end`` outside direct quotes, and the starts of the
        candidates in an opening topic phrase before it ("As for X,", "Asked about X,")."""
        s = self.doc.sentences[sentence_index]
        if not s.start <= offset < s.end:
            return frozenset()
        before = [t for t in s.tokens if t.end <= offset]
        out: set[Any] = set()
        if not (before and before[-1].lower in SUBORDINATORS):  # "When she wrote the “…,” Kent was referring":
            # a pronoun in an opening subordinate clause may stand for the main clause's subject
            lo, hi = bisect_right(self._starts, offset), bisect_left(self._starts, min(end, s.end))
            out = {c.value[0] for c in self._cands[lo:hi]
                   if c.kind == "person" and c.value[0] and not self.excluded(c.start)
                   and self.doc.body[c.start:c.end].lower() not in PERSONAL_PRONOUNS}
        words = [t for t in s.tokens if t.is_word]
        if len(words) > 2 and (words[0].lower, words[1].lower) in TOPIC_OPENERS:
            comma = next((t.start for t in s.tokens if t.text == ","), -1)
            if 0 <= comma <= offset:
                lo = bisect_left(self._starts, s.start)
                out |= {c.start for c in self._cands[lo:bisect_left(self._starts, comma)]}
        elif len(words) > 2 and before and before[-1].text == "," and _participle_opening(words):
            # "After co-signing a black Trump supporter …, he spoke to Ebro Darden …, saying, "…"" (CNN
            # E6oLLBTmP13AMuMY, s13): the subject pronoun right after an opening participle phrase is that
            # participle's subject, none of the people it names (round 18)
            lo = bisect_left(self._starts, s.start)
            out |= {c.start for c in self._cands[lo:bisect_left(self._starts, before[-1].start)]}
        return frozenset(out)

    def person_surnamed(self, word: str, offset: int) -> str | None:
        """The gender of the people named before body ``offset`` whose names of at least two words end in ``word``
        (a "Jr."/"Sr."/"II"/"III" after it aside): "" when they differ or none is known; None when there is none."""
        genders = set()
        for c in self._cands[:bisect_left(self._starts, offset)]:
            if c.kind != "person":
                continue
            names = [w for w in _WORD.findall(self.doc.body[c.start:c.end]) if w.lower() not in NAME_SUFFIXES]
            if len(names) >= 2 and names[-1] == word:
                genders.add(c.gender)
        if not genders:
            return None
        return genders.pop() if len(genders) == 1 else ""

    def at(self, start: int, end: int) -> Candidate | None:
        """The first candidate starting in body offsets [start, end], or None."""
        i = bisect_left(self._starts, start)
        if i < len(self._starts) and self._starts[i] <= end and not self.excluded(self._starts[i]):
            return self._cands[i]
        return None


# ---------------------------------------------------------------- speaker phrases around a quote
# Token-level rules the quote finder uses to read the speaker phrase of a direct quote.

PERSONAL_PRONOUNS = frozenset("he she it they we i".split())
# Prepositions among INTRO_WORDS: the lower-case words after one, up to a name, are its phrase, not the subject
PHRASE_PREPOSITIONS = frozenset("in on at".split())
# Opening words of a subject that are not part of it ("On Friday the minister said", "And he said").
INTRO_WORDS = frozenset("""and but so yet or then also meanwhile however in on at last this next earlier later
    early late today yesterday tonight week month year morning afternoon evening night weekend
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split())
# First words of no speaker phrase: a preposition ("of media (reports)", "via media (reports)", "down from 943,000
# jobs (added)", roundups 5731_right), after the opening words above are dropped.
FRAGMENT_STARTS = frozenset("of via with to by from down into onto than for".split())
# Last words that end no speaker phrase ("workplace and", "The newly", "members of").
FRAGMENT_ENDS = frozenset("""and or but nor the a an of to in on at for with by from as his her their its our my your
    this that these those who which whose""".split())
# First words of no speaker phrase: a finite verb or auxiliary opens a clause ("was questioned by House
# impeachment investigators", "is how The New York Times", "has made it easier for people"); 28 such speakers
# in the first 400 rows of each of ../shared/corpora's files before round 6. Capitalised "Will", "May", "Can",
# "Must" may be names.
VERB_OPENERS = frozenset("""is was are were am be been being has had have will would could should can may might must
    shall did does do""".split())
# One-word subjects that name no one (round 14; our choice, from the lone words before a reporting verb in
# ../shared/corpora): adverbs, quantifiers and function words, and sentence openers ("Yes", "Well", "Having", "To").
LONE_NOT_SPEAKERS = frozenset("""even enough more much such neither likewise instead meanwhile elsewhere earlier
    yesterday last well here there cannot said wherein except full also too yet already now then still yes no to on
    of having running recounting everything anything something nothing uh""".split())
# Lone lower-case words that are adjectives by their ending or by this list (our choice, round 14), except the
# person nouns among them; and -ing forms that are nouns able to "show" or "find" something
PARTITIVES = frozenset("one some many each most all none any both either neither several".split())
PLURALS_WITHOUT_S = frozenset("people police men women children them us those these".split())
LONE_ADJECTIVE_ENDINGS = ("ive", "ous", "ical", "ful", "less", "able", "ible", "istic")
LONE_ADJECTIVES = frozenset("""sexist racist absurd shallow angry minor relevant false vague blue red full chief
    misogynistic psychological technical authoritative coastal primary dynamic geo-located early-voting""".split())
LONE_PERSON_NOUNS = frozenset("""detective executive representative relative native operative captive
    conservative progressive""".split())
LONE_ING_NOUNS = frozenset("polling reporting testing briefing filing ruling finding meeting hearing".split())
LY_NOUNS = frozenset("family ally assembly supply monopoly anomaly daily weekly rally folly bully homily".split())
# Words that open no speaker phrase after a verb ("“…,” said in a statement"; "said Tuesday" is a date).
NOT_SPEAKER_START = frozenset("""in on at to for with of during after before by from about into over under that
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later last this""".split())
# Clause words that stop a speaker phrase after a verb ("said Smith, who …").
CLAUSE_WORDS = frozenset("""that as while when because which who whom whereas although though since if after
    before but where whether what so than amid""".split())
# First words of a colon label that is no speaker ("Update: “…”", "Watch: “…”").
LABELS = frozenset("update note watch read related breaking photo video quote headline title editor editor's".split())
_NAME = r"[^\W\d_][\w’'.\-]*"
_DASH_NAME = re.compile(rf"\s*[—–-]{{1,2}}\s*(?P<name>(?:{_NAME}\s+){{0,5}}{_NAME})"
                        r"(?=\s*(?:[,.(\[\]]|$|\n|\bon\b|\bin\b))")
_COLON_NAME = re.compile(rf"(?:^|[\[(,;—–-]\s*)(?P<name>(?:{_NAME}\s+){{0,5}}{_NAME})\s*:\s*$")


# Lower-case particles inside a person's name ("Osama bin Laden", "Francisco Venílson dos Santos", "Ursula von der
# Leyen"); round 12 added the Portuguese, Spanish, Italian and Dutch ones after "dos Santos" (allsides
# nfsMishGrOj967qI) left a quote without its speaker.
NAME_PARTICLES = frozenset("of the de al bin van von dos das da del della di der den ibn".split())


def _participle_opening(words: Sequence[Token]) -> bool:
    """Whether a sentence opens with a participle phrase: "After co-signing …", "While visiting …", "Speaking
    to …" (an -ing word first, or after a preposition of time)."""
    first, second = words[0].lower, words[1].lower
    return (first in PARTICIPLE_LEADS and second.endswith("ing") and len(second) > 5) \
        or (first.endswith("ing") and len(first) > 5 and words[0].text[:1].isupper()
            and first not in {"according", "during", "following", "including", "regarding"})


def _capitalised(words: Sequence[str]) -> bool:
    return bool(words) and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words) \
        and words[0][:1].isupper()


# Head nouns of a definite description that may refer to any organisation named before ("the company").
GENERIC_ORG_HEADS = frozenset("company firm".split())


def definite_head(words: Sequence[str]) -> str:
    """The head noun of a short definite description in lower case ("the ministry", "the agency", "the
    London-based company"), with its lower-case modifiers before it when the name must hold them too ("the
    appeals court" -> "appeals court"), else ""."""
    if len(words) == 2 and words[0].lower() == "the" and words[1].islower() and words[1].isalpha():
        return words[1]
    if 2 < len(words) <= 4 and words[0].lower() == "the" and words[-1] in GENERIC_ORG_HEADS:
        return words[-1]
    if len(words) == 3 and words[0].lower() == "the" and all(w.islower() and w.isalpha() for w in words[1:]):
        return " ".join(words[1:])  # "the appeals court": an organisation whose name holds "appeals"
    return ""


def opens_with_verb(surface: str) -> bool:
    """Whether a speaker phrase opens with a finite verb or auxiliary, i.e. is a clause fragment ("was questioned
    by House impeachment investigators", "Could you"), not a noun phrase. A capitalised opener followed by a
    capitalised word is a name ("Do Kwon", "AM Best", "Will Smith"), and "Will"/"May"/"Can"/"Must" always are."""
    words = surface.split(maxsplit=2)
    if not words or words[0].lower() not in VERB_OPENERS:
        return False
    first = words[0]
    if first[:1].islower():
        return True
    return first.lower() not in {"will", "may", "can", "must"} and not (len(words) > 1 and words[1][:1].isupper())


_INNER_AUXILIARIES = frozenset("is was are were has have had".split())
_RELATIVES = frozenset("who whom whose that which where when".split())


# Adverbs of a verb group that a speaker phrase may swallow: "Scholars have long (argued)", "Trudeau has always".
_GROUP_ADVERBS = frozenset("""long always each both often also never ever repeatedly previously already all
    frequently consistently publicly privately recently""".split())


def auxiliary_tail(surface: str) -> int:
    """Where a speaker phrase's trailing verb group starts ("Scholars| have long", "Trudeau| has always": the
    auxiliary followed only by adverbs of :data:`_GROUP_ADVERBS`), as an index into ``surface``; -1 if none."""
    words = list(re.finditer(r"\S+", surface))
    for n, m in enumerate(words[1:], start=1):
        w = m.group().lower()
        if w in _RELATIVES:
            return -1
        if w in _INNER_AUXILIARIES:
            rest = [x.group().lower() for x in words[n + 1:]]
            return words[n - 1].end() if rest and all(x in _GROUP_ADVERBS for x in rest) else -1
    return -1


def holds_a_clause(surface: str) -> bool:
    """Whether a speaker phrase holds a finite clause of its own: an auxiliary after its first word and before any
    relative pronoun ("Social media has made it easier for people to seek out news", allsides 19ZQHT2ggIh0CJSM;
    "he was killed in May 2011"), a sentence, not a noun phrase; "the group that has led the protests" keeps its
    relative clause. (A trailing auxiliary with adverbs only is cut off first: :func:`auxiliary_tail`.)"""
    words = surface.lower().split()
    for w in words[1:]:
        if w in _RELATIVES:
            return False
        if w in _INNER_AUXILIARIES:
            return True
    return False


def trim_subject(toks: Sequence[Token], start: int, j: int) -> int | None:
    """Start index of the speaker phrase ``toks[start:j + 1]`` without opening words that are not part of
    it ("And he", "On Friday the minister" -> "the minister"; a final pronoun is the subject: "in the
    stalemate and on Friday he" -> "he"), or None when the phrase is a fragment ("workplace and",
    "The newly"; the capitalised acronym "WHO" is a name, not the relative pronoun)."""
    last = toks[j]
    if last.lower in PERSONAL_PRONOUNS:
        return j
    if (last.lower in FRAGMENT_ENDS and last.text != "WHO") or (last.text[:1].islower() and last.lower.endswith("ly")
                                       and last.lower not in LY_NOUNS):
        return None
    if last.text[:1].islower() and last.lower.endswith("ed") and j > start:
        return None  # "a congressional aide helped (confirm)": a verb ends the phrase, not a noun
    start = _after_filler(toks, start, j)
    opened = start
    while start < j and (toks[start].lower in INTRO_WORDS or toks[start].kind == "number") \
            and not (toks[start].lower == "at" and toks[start + 1].lower in {"least", "most"}) \
            and not (toks[start].kind == "number" and toks[start + 1].lower in {"of", "%", "percent"}):
        start += 1  # (not the number of "63% of people say", "Forty-three percent of voters surveyed")
    start = _after_filler(toks, start, j)  # "…, 2017 ADVERTISEMENT The news network"
    if start > opened and toks[opened].lower in PHRASE_PREPOSITIONS and last.text[:1].isupper():
        run = j
        while run - 1 >= start and toks[run - 1].is_word and toks[run - 1].text[:1].isupper():
            run -= 1
        if run > start and all(t.is_word and t.text[:1].islower() for t in toks[start:run]):
            return run  # "In recent conversations Trump (has asked)" (CNN XOZmR6Wv0REDHvli, s12): an opening
            # prepositional phrase without its comma ends before the name
    if start == j and last.lower in LONE_NOT_SPEAKERS and (
            last.text[:1].islower() or not any(t.is_word for t in toks[:j])):
        return None  # "Yes", "Well", "To", "even", "meanwhile": a lone word that names no one is no speaker (round 14)
    if start == j and _lone_modifier(last):
        return None  # "vague (calls)", "sexist (comments)", "letting (states) decide": an adjective or gerund alone
    if j - start >= 2 and toks[start].lower in PARTITIVES and toks[start + 1].lower == "of" \
            and last.text[:1].islower() and not any(
                t.lower.endswith("s") or t.lower in PLURALS_WITHOUT_S or t.text[:1].isupper()
                for t in toks[start + 2:j + 1] if t.is_word):
        return None  # "One of the important (claims) the “yes” camp makes, is that …" (Daily Sabah ocNrBuzL7HQZFm9k,
        # s13): a part of a group ends in the group's plural ("one of the officials"); without it, a noun was read
        # as the verb (round 18)
    return start


def _lone_modifier(t: Token) -> bool:
    """A lower-case adjective or -ing form standing alone where a subject was looked for ("vague", "psychological",
    "ignoring"): the head noun after it was read as a reporting verb (round 14)."""
    low = t.lower
    if not t.text[:1].islower() or not t.is_word or low in LONE_PERSON_NOUNS:
        return False
    return low in LONE_ADJECTIVES or low.endswith(LONE_ADJECTIVE_ENDINGS) or (
        low.endswith("ing") and len(low) > 5 and low not in LONE_ING_NOUNS)


def _after_filler(toks: Sequence[Token], start: int, j: int) -> int:
    """Start of a speaker phrase after upper-case filler glued to it by the page: a dateline before a dash
    ("HARTFORD -- House Speaker Christopher G. Donovan") or a page label before a capitalised determiner
    ("ADVERTISEMENT The news network", "CLOSE The Des Moines Register"); ``start`` when there is none."""
    k = start
    while k < j and toks[k].is_word and len(toks[k].text) >= 3 and toks[k].text.isupper() and toks[k].text.isalpha():
        k += 1
    if k == start or k >= j:
        return start
    if toks[k].text in {"—", "–", "-"}:
        while k < j and toks[k].text in {"—", "–", "-"}:
            k += 1
        return k
    return k if toks[k].text in {"The", "A", "An"} else start


def glued_period(toks: Sequence[Token], t: Token) -> bool:
    """A period glued to the word before it inside a sentence ("John E. Smith", "Jr."): not a sentence end."""
    i = toks.index(t)
    return i > 0 and toks[i - 1].is_word and toks[i - 1].end == t.start and i + 1 < len(toks)


def name_after(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """'said Rudenko' / 'said John E. Smith, …': the speaker after the verb at token ``k``, up to punctuation
    or a clause word; an initial's period ("E.") stays inside. None when there is no phrase or it opens
    with a preposition or date ("said in a statement", "said Tuesday")."""
    after: list[Token] = []
    for t in toks[k:]:
        if t.is_word:
            if t.lower in CLAUSE_WORDS:
                break
            after.append(t)
        elif t.text == "." and after and len(after[-1].text) == 1 and after[-1].text.isupper() \
                and after[-1].end == t.start:
            continue  # an initial
        else:
            break
    if not after or after[0].lower in NOT_SPEAKER_START:
        return None
    return after[0].start, after[-1].end


def apposed_name(between: Sequence[Token], max_words: int) -> tuple[int, int] | None:
    """'Name, apposition, <verb>' (the tokens between a quote and its verb): the capitalised name before
    the first comma ("Alex M. Azar II, the secretary of health and human services, said"; also when no comma
    closes a bare description: "Theodore Karasik, director of research at the Institute … told"), or None."""
    comma = next((n for n, t in enumerate(between) if t.text == ","), None)
    if comma is None or comma == 0 or comma + 1 >= len(between):
        return None
    described = between[comma + 1].is_word and between[comma + 1].text[:1].islower()
    if between[-1].text != "," and not described:
        return None
    name = [t for t in between[:comma] if t.is_word]
    while len(name) > 2 and name[0].text[:1].isdigit() and name[0].lower.endswith("-old"):
        name = name[1:]  # "39-year-old Francisco Venílson dos Santos, a farmer …, said": the age is no part of it
    if not name or len(name) > max_words or not _capitalised([t.text for t in name]):
        return None
    return name[0].start, name[-1].end


def final_name(between: Sequence[Token]) -> tuple[int, int] | None:
    """'“…,” presumptive Democratic nominee and former vice president Joe Biden writes': the run of two or
    more capitalised words that ends right before the verb, or None."""
    name: list[Token] = []
    for t in reversed(between):
        if t.is_word and t.text[:1].isupper():
            name.insert(0, t)
        elif t.text == "." and name:
            continue
        else:
            break
    return (name[0].start, name[-1].end) if len(name) >= 2 else None


_PER = re.compile(r"\s*,?\s*(?P<word>per|according\s+to)\s+"
                  r"(?P<source>(?:the\s+)?[^\W\d_][^,.;:!?()\n“”\"]{0,80}?)(?=\s*(?:[,.;:!?()\n]|$))")


def per_source(body: str, close: int, according: bool = True) -> tuple[int, int] | None:
    """'“…,” per the Times.' / '“…,” per the New York Times's Michael D. Shear' / '“…,” according to the Post':
    the source after "per", or after "according to" when ``according`` (the caller asks for it only when no
    reporting verb attributes the quote: in 'Most respondents said “no,” according to the poll' the phrase
    attributes the sentence)."""
    m = _PER.match(body, close + 1, min(len(body), close + 120))
    if m is None or (not according and m.group("word") != "per"):
        return None
    return m.start("source"), m.end("source")


def dash_name(body: str, close: int) -> tuple[int, int] | None:
    """'“…” – Sen. Pat Toomey, R-Pa., on “Fox and Friends.”': a capitalised name after a dash right after
    the closing mark (body offsets), or None."""
    m = _DASH_NAME.match(body, close + 1, min(len(body), close + 120))
    if not m or not _capitalised(m.group("name").split()):
        return None
    return m.start("name"), m.end("name")


def colon_name(sentence_text: str, sentence_start: int, open_at: int) -> tuple[int, int] | None:
    """'Washington Examiner: “…”' / 'Sen. Pat Toomey: “…”': a capitalised name that ends in a colon right
    before the opening mark and starts the sentence or follows punctuation, or None (labels such as
    "Update:" excluded)."""
    before = sentence_text[:open_at - sentence_start]
    m = _COLON_NAME.search(before, max(0, len(before) - 120))
    if not m:
        return None
    words = m.group("name").split()
    if not _capitalised(words) or words[0].lower().rstrip(":") in LABELS:
        return None
    return sentence_start + m.start("name"), sentence_start + m.end("name")
