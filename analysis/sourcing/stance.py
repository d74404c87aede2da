"""Reporting verbs and their stance tiers: find the verbs that attribute content to a source.

The verb list and tiers are data (``lexicons/reporting_verbs.yaml``); this module matches them on
a sentence's tokens and decides, with a few word-order rules, whether a match is used as a verb
("Pentagon confirmed", "what it claims are") or as a noun ("the claims were", "media reports of").
Tiers follow our mapping of attribution verbs (neutral, distancing, concessive, endorsing),
supported by Bender et al., *Writing and Reporting for the Media*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

from ..frozen import quick_init
from ..lexicons import Lexicon, load_lexicon
from ..lexicons.verbs import TIERS, VERBS_FILE, VerbEntry, read_reporting_verbs, read_tag_verbs
from ..model import TOKEN_LOWER, ParsedArticle, Sentence, Token
from ..segment import tokenize
from ._cache import compiled
from .numbers import SCALES, SMALL, TENS, VAGUE

if TYPE_CHECKING:  # metrics.base is imported lazily: the metrics package imports this module
    from ..metrics.base import Settings

__all__ = ["TIERS", "VERBS_FILE", "ReportingVerbs", "StanceVerb", "VerbHit", "find_stance_verbs", "find_verb_hits",
           "load_reporting_verbs", "load_tag_verbs", "reporting_verbs_for", "reports_nothing", "stance_counts",
           "tag_verbs_for"]

# A verb-form token preceded by one of these is a noun or adjective ("the claims", "a reported deal").
NOUN_BEFORE = frozenset("""the a an this these those its his her their our my your such any some no many several
    unconfirmed recent initial further new latest previous of for in on with without by from about into""".split())
# Prepositions before which an -ing form is a gerund of the clause's subject ("reacted … by saying that …").
GERUND_AFTER = frozenset("after before without upon".split())
# A plural-looking verb form followed by one of these is a noun ("reports from", "claims were").
NOUN_AFTER = frozenset("of from about by were are was is have has had".split())
# Forms that are plural nouns far more often than verbs (1.11 round, seen in allsides_dev: "the leaders of EU member
# states will meet", "two US states did not require", "Perot won zero states and electoral votes", "southern states
# capitalized on …", "defending states facing lawsuits"): a noun also before a modal, "did", "and"/"or", "with",
# "across", and, after a lower-case word, before an -ed or -ing form (not "Trump states", "it states"). Not "says"
# or "estimates": "which the FDA says should be placed", "who the CBO estimates will pay", "Weigel explains and".
PLURAL_NOUN_FORMS = frozenset({"states"})
PLURAL_NOUN_AFTER = frozenset("did do will would can could should must may might and or with across".split())
# Bare forms that are verbs only after their subject: a subject pronoun, a plural noun or a name ("They stress that",
# "advocates stress that"; "constant stress that followed" is the noun).
SUBJECT_ONLY_FORMS = frozenset({("stress", "that")})
# A verb-form token preceded by one of these is a verb ("what it claims are", "who said").
SUBJECT_PRONOUNS = frozenset("it he she they we i who which you".split())
NEGATIONS = frozenset({"not", "never", "no"})
DECLINE = frozenset("declined refused declines refuses decline refuse".split())
# Determiners that open a noun phrase; after a singular one a bare form ("a disappointing April jobs report") can
# only be a noun: a verb after a singular subject would carry -s ("the report claims").
DETERMINERS = frozenset("the a an this these those its his her their our my your another each every".split())
ARTICLES = frozenset("a an this another each every".split())  # singular, and never before a plural head
# Words that end a noun phrase when looking back from a bare form: auxiliaries, negations and adverbs put
# the form in a verb phrase ("the companies also report", "did not comment", "would promise").
VERB_PHRASE_WORDS = frozenset("""also still never not just only then now even already again often always
    will would could can may might must should shall did does do to and or but that who which
    is was are were when where while because if""".split())
# (round 15: a finite "be" or a clause word ends the noun phrase too: "This is when prosecutors claim Manafort started
# applying for loans", Daily Mail VzQ0xxS4F2Vh1pDD, s12, was read as the noun phrase "This … claim")
NOUN_PHRASE_LOOKBACK = 4  # our choice: modifiers between a determiner and its head ("a final quarterly report")
# Plural quantifiers: an -s form after one of them (modifiers between) heads a noun phrase, since a verb after a
# plural subject carries no -s ("various intelligence reports viewed by", not "various intelligence report").
PLURAL_QUANTIFIERS = frozenset("""various several many multiple numerous few both these those other conflicting
    two three four five six seven eight nine ten eleven twelve dozens hundreds thousands millions""".split())
# Lower-case modifiers that make "states" a noun right after them (round 14, allsides_dev/roundups_dev: "as the
# fortunes of Democrats in red states and swing states continues to dim", "coastal states such as Virginia"); our
# choice of words, none of which is the subject of "states" (a verb whose subject is a document or a person).
STATES_MODIFIERS = frozenset("""swing red blue battleground coastal southern northern eastern western midwestern
    neighboring neighbouring border member key remaining individual early-voting primary caucus gulf frontline
    landlocked""".split())
# Adjectives before "media reports" as a noun phrase (our choice; "state media reports that" is a verb)
MEDIA_ADJECTIVES = frozenset("earlier local foreign social multiple conflicting numerous".split())
# Forms of "get" before a past participle make a passive with no subject of its own ("Continuing claims—which get
# reported with a week's delay—fell", roundups 6047_right): the participle reports nothing for the word before it.
GET_FORMS = frozenset("get gets got gotten getting".split())
# "other" after one of these and right before the -s form is a singular pronoun phrase, the form its verb ("while
# the other says"); with words between, the form heads a noun phrase ("the other three states that were sued").
SINGULAR_BEFORE_OTHER = frozenset("the each one".split())




@dataclass(frozen=True)
class ReportingVerbs:
    """The loaded reporting-verb lexicon: forms (lower-cased token tuples) -> (lemma, tier)."""

    forms: dict[tuple[str, ...], tuple[str, str]]
    max_len: int
    name: str
    version: str
    first_words: frozenset[str] = frozenset()  # first word of every form: other tokens start no match
    noun_forms: frozenset[str] = frozenset()  # bare forms that are also singular nouns ("report", "claim")
    no_report_after: frozenset[tuple[str, ...]] = frozenset()  # (lemma, word, ...): "responded to" reports nothing
    no_report_before_quantity: frozenset[str] = frozenset()  # a quantity object is no report: "added 194,000 jobs"


    def tier_of(self, lemma: str) -> str:
        for lem, tier in self.forms.values():
            if lem == lemma:
                return tier
        return ""


@quick_init
@dataclass(frozen=True)
class VerbHit:
    """One reporting-verb use in a sentence; ``token_index`` indexes ``sentence.tokens``."""

    lemma: str
    tier: str
    form: str  # as printed
    sentence_index: int
    start: int
    end: int
    token_index: int
    n_tokens: int
    negated: bool

    @property
    def participle(self) -> bool:
        """An -ing form, its first word for a phrase ("saying", "theorizing that", "pointing out"): a verb whose
        subject is its clause's (round 15: the phrases' -ing forms were read as finite verbs)."""
        return self.form.split(maxsplit=1)[0].lower().endswith("ing")


@quick_init
@dataclass(frozen=True)
class StanceVerb:
    """A reporting verb the journalist used to attribute content, with whom it attributes to."""

    lemma: str
    tier: str
    form: str
    speaker: str
    sentence_index: int
    start: int
    end: int
    negated: bool


def load_reporting_verbs(name_or_path: str | Path = VERBS_FILE) -> ReportingVerbs:
    """Load the reporting-verb lexicon (``verbs``, read by :func:`analysis.lexicons.verbs.read_reporting_verbs`)
    into a lookup of lower-cased token sequences; the first entry listing a form wins.

    Compiled once per loaded version of the file (cached on the :class:`~analysis.lexicons.Lexicon`
    that :func:`~analysis.lexicons.load_lexicon` caches per path and modification time)."""
    return compiled(load_lexicon(name_or_path), _compile)


def _lookup(entries: Sequence[VerbEntry], lex: Lexicon) -> ReportingVerbs:
    """Lower-cased token sequences of every form of ``entries`` -> (lemma, tier); the first listing wins."""
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    for entry in entries:
        for form in entry.forms:
            key = tuple(t.lower for t in tokenize(form) if t.is_word)
            if key:
                forms.setdefault(key, (entry.lemma, entry.tier))
    return ReportingVerbs(forms, max((len(k) for k in forms), default=1), lex.name, lex.version,
                          frozenset(k[0] for k in forms))


def _compile(lex: Lexicon) -> ReportingVerbs:
    verbs = _lookup(read_reporting_verbs(lex), lex)
    nouns = frozenset(str(w).lower() for w in lex.data.get("noun_forms") or [])
    after = frozenset((str(lemma), *(t.lower for t in tokenize(str(words)) if t.is_word))
                      for lemma, entry in (lex.data.get("no_report_after") or {}).items() for words in entry or [])
    quantity = frozenset(str(lemma) for lemma in lex.data.get("no_report_before_quantity") or [])
    return replace(verbs, noun_forms=nouns, no_report_after=after, no_report_before_quantity=quantity)


def load_tag_verbs(name_or_path: str | Path = VERBS_FILE) -> ReportingVerbs:
    """The ``tag_verbs`` of the reporting-verb lexicon (speech verbs that attribute only as the tag of a
    direct quote: "“Move out!” the officers shouted"), as a lookup like :func:`load_reporting_verbs`
    with tier "" (they carry no stance)."""
    return compiled(load_lexicon(name_or_path), _compile_tags)


def _compile_tags(lex: Lexicon) -> ReportingVerbs:
    return _lookup(read_tag_verbs(lex), lex)


def tag_verbs_for(settings: Settings | None) -> ReportingVerbs:
    """The tag verbs of ``settings.reporting_verbs_file`` when set, else of the bundled file."""
    path: Path | str | None = getattr(settings, "reporting_verbs_file", None)
    return load_tag_verbs(Path(path) if path else VERBS_FILE)


def frame_verbs_for(settings: Settings | None) -> ReportingVerbs:
    """The ``frame_verbs`` of the reporting-verb lexicon ("called it “…”"; the quote finder reads them only to
    tell quoted words of a source from scare quotes), as a lookup with tier "" (no stance)."""
    path: Path | str | None = getattr(settings, "reporting_verbs_file", None)
    return compiled(load_lexicon(Path(path) if path else VERBS_FILE), _compile_frames)


def _compile_frames(lex: Lexicon) -> ReportingVerbs:
    return _lookup(read_tag_verbs(lex, "frame_verbs"), lex)


def frame_nouns_for(settings: Settings | None) -> frozenset[str]:
    """The ``frame_nouns`` of the reporting-verb lexicon (lower case): "Rubio’s threat of “…”"."""
    path: Path | str | None = getattr(settings, "reporting_verbs_file", None)
    lex = load_lexicon(Path(path) if path else VERBS_FILE)
    return frozenset(str(w).lower() for w in lex.data.get("frame_nouns") or [])


def reporting_verbs_for(settings: Settings | None) -> ReportingVerbs:
    """The reporting verbs of ``settings.reporting_verbs_file`` when set, else the bundled file."""
    path: Path | str | None = getattr(settings, "reporting_verbs_file", None)
    return load_reporting_verbs(Path(path) if path else VERBS_FILE)


def _is_verb_use(tokens: Sequence[Token], i: int, n: int, noun_forms: frozenset[str] = frozenset()) -> bool:
    """Word-order rules telling a verb use from a noun or adjective use of the same form."""
    first = tokens[i]
    nxt0 = tokens[i + n] if i + n < len(tokens) else None
    if first.text[:1].isupper() and not (
            i == 0 and n == 1 and first.lower.endswith("ing") and nxt0 is not None
            and (nxt0.lower == "that" or nxt0.text in {"“", '"'})):
        # "United States", "State Department", "Reports", "Reporting by …"; not a participle opening its sentence
        # before its clause or quote ("Declaring that … “get this done,” President Joe Biden opened", AP 6112_center)
        return False
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + n] if i + n < len(tokens) else None
    if prev is not None and prev.lower in GET_FORMS and first.lower.endswith("ed"):
        return False  # "which get reported with a week's delay": a passive, no report
    if prev is not None and prev.lower in ("to", "having") and i == 1 + _opening_marks(tokens):
        return False  # "To accuse Mr. Bannon … of anti-Semitism is Orwellian", "Having said that, on Sunday, you
        # announced …": an infinitive or perfect participle opening the sentence reports nothing with a subject
    if prev is not None and prev.lower == "news" and first.lower.endswith("s") and (
            prev.text[:1].islower() or i == 1 + _opening_marks(tokens)):
        return False  # "News reports said Beijing wants …" (1Rsmj3XNrft7jrcb): the noun phrase "news reports" (not
        # "ABC News reports that …", a name)
    if prev is not None and prev.lower in {"media", "press"} and prev.text[:1].islower() and first.lower == "reports" \
            and i >= 2 and (tokens[i - 2].lower in NOUN_BEFORE or (
                tokens[i - 2].lower in MEDIA_ADJECTIVES and not (i >= 3 and tokens[i - 3].lower in DETERMINERS))):
        return False  # "McKenzie concurred with previous media reports that the strike had killed …" (5690_center)
        # (not "state media reports that …", "the so-called mainstream media reports it")
    if prev is not None and prev.lower in {"jobless", "unemployment"} and first.lower == "claims":
        return False  # "Continuing claims for unemployment claims during the week … was 3,771,000" (5987_right)
    if prev is not None and i == 1 + _opening_marks(tokens) and prev.text[:1].isupper() and prev.lower.endswith("ing") \
            and first.lower.endswith("s") and len(prev.lower) > 5:
        return False  # "Continuing claims, which indicate …, dropped to 2.59 million" (roundups 5618_left): an -ing
        # modifier opening the sentence and an -s form make a noun phrase (the -ing form has no subject)
    if prev is not None and prev.lower in SUBJECT_PRONOUNS:
        return True
    if tuple(t.lower for t in tokens[i:i + n]) in SUBJECT_ONLY_FORMS:
        plural = prev is not None and prev.lower.endswith("s") and not prev.lower.endswith("ss") \
            and prev.lower not in NOUN_BEFORE | {"was", "is"}
        return prev is not None and prev.is_word and (prev.text[:1].isupper() or plural)
    if prev is not None and first.lower.endswith("ing") and (prev.lower == "by" or
                                                             (prev.lower in GERUND_AFTER and i > 3)):
        # "reacted to the report by saying …", "resigned after saying …": a gerund whose subject is its clause's
        # (not in an opening phrase, "Hours after disclosing …, he", whose subject follows)
        return True
    if prev is not None and (prev.lower in NOUN_BEFORE or prev.lower.endswith(("’s", "'s", "s’", "s'"))):
        # "as noted by" and "officials familiar with" aside, a determiner, preposition or possessive
        # before the form makes it a noun; "as" is handled by the caller (passive attribution)
        return False
    if prev is not None and prev.lower == "to" and first.lower.endswith("s"):
        return False  # "according to reports first shared by …": "to" + an -s form is a noun (never an infinitive)
    if prev is not None and _possessive_mark(tokens, i - 1):
        return False  # "Hindus’ claim that …": a plural possessive before a noun
    if (first.lower in noun_forms or (first.lower.endswith("s") and _singular(first.lower) in noun_forms)) \
            and _after_possessive_modifiers(tokens, i):
        return False  # "Democrats welcomed Short’s DACA comments, saying …": the head of a possessive's phrase
    if prev is not None and prev.kind == "number" and (first.lower.endswith("s") or first.lower in noun_forms) \
            and not (i > 1 and tokens[i - 2].text[:1].isupper()):
        return False  # "in 43 states", "two reports" (not "Article 51 stipulates", not "1,200 said")
    if nxt is not None and nxt.is_word and first.lower.endswith("s") and nxt.lower in NOUN_AFTER:
        return False
    if first.lower in PLURAL_NOUN_FORMS and prev is not None and prev.lower in STATES_MODIFIERS \
            and (prev.text[:1].islower() or i == 1 + _opening_marks(tokens)):
        return False  # "swing states continues to dim", "coastal states such as Virginia"
    if first.lower in PLURAL_NOUN_FORMS and prev is not None and prev.lower in {"and", "or"} and i >= 2 \
            and tokens[i - 2].text[:1].islower() and tokens[i - 2].lower.endswith("s") \
            and not tokens[i - 2].lower.endswith("ss") and (nxt is None or nxt.text in {",", ".", ";"}):
        return False  # "broader regions and states, particularly …": a list of plural nouns that ends there (not
        # "He called on cities and states to deploy the National Guard, “…”", BBC s6, whose report names the speaker)
    if first.lower in PLURAL_NOUN_FORMS and nxt is not None and nxt.is_word and (
            nxt.lower in PLURAL_NOUN_AFTER or (
                nxt.text[:1].islower() and prev is not None and prev.is_word and prev.text[:1].islower()
                and nxt.lower.endswith(("ed", "ing")) and nxt.lower not in {"need", "indeed"})):
        return False
    if first.lower.endswith("s") and _after_plural_quantifier(tokens, i):
        return False
    return not (n == 1 and first.lower in noun_forms and _heads_noun_phrase(tokens, i))


def _singular(form: str) -> str:
    """"replies" -> "reply", "claims" -> "claim" (the -s forms of the lexicon's noun forms)."""
    return form[:-3] + "y" if form.endswith("ies") else form[:-1]


# Contractions of "is"/"has" that look like possessives ("it’s", "that’s"): no noun phrase opens with them.
_NOT_POSSESSIVE = frozenset(w + s for w in "it he she that there what who here where let".split() for s in ("’s", "'s"))


def _after_possessive_modifiers(tokens: Sequence[Token], i: int) -> bool:
    """Whether the form at ``i`` heads a noun phrase opened by a possessive a few modifiers before it ("Short’s
    DACA comments" and "Barack Obama's increasingly grandiose claims", Reuters 12blL68ql93XQi9Z and George Will
    9NfiszFpLYEXjvKh; "one of Trump’s campaign promises"; "The Labor Department’s jobs report"), the possessive
    right before it being :func:`_is_verb_use`'s own case. Not when the word before the form names its subject (a
    person noun or a name: "Trump’s top aide claims", "Trump’s adviser Stephen Miller claims"; an acronym such as
    "DACA" is no name of a person) or when a clause follows the form ("that", a quotation mark, a colon, a subject
    pronoun: "the city’s biannual homeless survey claims that …"). An auxiliary, negation, pronoun or a verb-like
    word ends the look-back, and so does an adverb right before the form ("Trump's repeatedly claimed": "has")."""
    from .speakers import load_pronoun_cues  # the person nouns of speaker_pronouns.yaml

    before = tokens[i - 1] if i > 0 else None
    if before is None or not before.is_word or before.lower.endswith(("ly", "’s", "'s")) or (
            before.text[:1].isupper() and not before.text.isupper()) or load_pronoun_cues().names_people(before.text):
        return False  # (also a plural of people before a bare form: "the study’s authors note", G90lagIfkbXZMD2M)
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and (after.lower in SUBJECT_PRONOUNS or after.lower == "that"
                              or after.text in {"“", '"', ":"}):
        return False  # a clause follows: a verb ("The city’s biannual homeless survey claims that …", City Journal
        # LNbVoUlGjzBRfMbX; "people who cannot forecast next weekend’s weather claim they can …")
    for k in range(i - 2, max(-1, i - 1 - NOUN_PHRASE_LOOKBACK), -1):
        t = tokens[k]
        if t.is_word and t.lower.endswith(("’s", "'s")) and t.lower not in _NOT_POSSESSIVE:
            return True
        if _possessive_mark(tokens, k):
            return True
        if not t.is_word or t.lower in VERB_PHRASE_WORDS or t.lower in SUBJECT_PRONOUNS or t.lower in NEGATIONS \
                or t.lower.endswith("ed"):
            return False
    return False


def _possessive_mark(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` is the apostrophe of a plural possessive glued to its word ("Hindus’")."""
    return k >= 1 and tokens[k].text in {"’", "'"} and tokens[k - 1].end == tokens[k].start \
        and tokens[k - 1].lower.endswith("s")


def _after_plural_quantifier(tokens: Sequence[Token], i: int) -> bool:
    """Whether a plural quantifier opens the phrase the -s form at ``i`` ends, lower-case modifiers between ("as
    laid out in various intelligence reports viewed by …", Fox News RRt3cs5w1Kn7SqVX): then the form is a noun."""
    k = i - 1
    first = _opening_marks(tokens)  # a capital opening the sentence is no name ("Other states, such as Florida, …")
    while k >= 0 and i - k <= NOUN_PHRASE_LOOKBACK and tokens[k].is_word and (
            tokens[k].text[:1].islower() or (k == first and tokens[k].lower in PLURAL_QUANTIFIERS)):
        t = tokens[k].lower
        if t in PLURAL_QUANTIFIERS and not (t == "other" and k == i - 1 and k
                                            and tokens[k - 1].lower in SINGULAR_BEFORE_OTHER):
            return True
        if t in VERB_PHRASE_WORDS or t in SUBJECT_PRONOUNS or t.endswith(("ly", "n't", "n’t")) or t in NEGATIONS:
            return False
        k -= 1
    return False


def _opening_marks(tokens: Sequence[Token]) -> int:
    """How many tokens before a sentence's first word (opening quotation marks, brackets, dashes)."""
    k = 0
    while k < len(tokens) and not tokens[k].is_word and tokens[k].kind != "number":
        k += 1
    return k


def _heads_noun_phrase(tokens: Sequence[Token], i: int) -> bool:
    """Whether the bare form at ``i`` ("report", "claim", "promise") is the head noun of a noun phrase opened by a
    determiner a few modifiers before it: "a disappointing April jobs report", "his campaign promise", "the
    Muslim claim". After "a", "an", "this", … the form is a noun (a verb would carry -s); after "the", "his",
    "their" … only when the word before it is not a plural ("the protesters claim", "her enforcers promise" are
    verbs). Auxiliaries, negations,
    adverbs and clause words end the look-back ("the companies also report")."""
    k = i - 1
    while k >= 0 and i - k <= NOUN_PHRASE_LOOKBACK and tokens[k].is_word and tokens[k].lower not in DETERMINERS:
        t = tokens[k]
        if t.lower in VERB_PHRASE_WORDS or t.lower in SUBJECT_PRONOUNS or (t.text[:1].islower() and (
                t.lower.endswith(("ly", "n't", "n’t")) or t.lower in NEGATIONS)):
            return False
        k -= 1
    if k < 0 or k == i - 1 or not tokens[k].is_word or tokens[k].lower not in DETERMINERS:
        return False
    if tokens[k].lower in ARTICLES:
        return True  # "a disappointing April jobs report": a plural before it is a modifier
    before = tokens[i - 1].lower
    return not (before.endswith("s") and not before.endswith(("ss", "us", "is")))  # "her enforcers promise": a verb


def reports_nothing(verbs: ReportingVerbs, tokens: Sequence[Token], hit: VerbHit) -> bool:
    """Whether the words right after ``hit`` make it a verb that reports no content (``no_report_after`` of the
    lexicon: "responded to a request", "asked for information", "ruled in favor of"); "on" followed by a date
    or time word ("ruled on Tuesday that …") and "add to that" do not count."""
    k = hit.token_index + hit.n_tokens
    if hit.lemma in verbs.no_report_before_quantity and quantity_follows(tokens, k):
        return True
    for entry in verbs.no_report_after:
        if entry[0] != hit.lemma:
            continue
        words = entry[1:]
        window = tokens[k:k + len(words)]
        if len(window) == len(words) and all(t.is_word and t.lower == w for t, w in zip(window, words, strict=True)):
            nxt = tokens[k + len(words)] if k + len(words) < len(tokens) else None
            if not (words == ("on",) and nxt is not None and nxt.lower in DATE_WORDS) \
                    and not (hit.lemma == "add" and nxt is not None and nxt.lower == "that"):
                return True  # ("I’d add to that that …": "to that" is "besides", the clause after it is reported)
    return False


# Words that may stand between a verb and the number of its quantity object: "added just 194,000 jobs", "adding an
# additional $600", "added more than 1 million", "would add an estimated $1.5 trillion"
# (not "the": "he added the two leaders had agreed" reports)
QUANTITY_LEADS = frozenset("""about around approximately roughly nearly almost some over under up to only just another
    more less fewer than at least estimated a an net additional further record""".split())
SPELLED_QUANTITIES = frozenset(SMALL) | frozenset(TENS) | frozenset(SCALES) | frozenset(VAGUE) | {"dozen"}
CURRENCY_SIGNS = frozenset("$ £ € ¥".split())


def quantity_follows(tokens: Sequence[Token], k: int) -> bool:
    """Whether a quantity opens at ``tokens[k]``, after at most three approximator words: a number, a currency sign
    or a spelled number ("194,000 jobs", "just 235,000", "$1.5 trillion", "two more vans", "an additional $600")."""
    for t in tokens[k:k + 4]:
        if t.kind == "number" or t.text in CURRENCY_SIGNS or t.lower in SPELLED_QUANTITIES:
            return True
        if not t.is_word or t.lower not in QUANTITY_LEADS:
            return False
    return False


# Words after "on" that make it a date, not an object ("ruled on Tuesday that …")
DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _negated(tokens: Sequence[Token], i: int) -> bool:
    """'not' / 'never' / '-n't' within the three words before the verb, or 'declined to'."""
    words = [t for t in tokens[max(0, i - 4):i] if t.is_word][-3:]
    for w in words:
        if w.lower in NEGATIONS or w.lower.endswith(("n't", "n’t")) or w.lower in DECLINE:
            return True
    return False


def find_verb_hits(sentence: Sentence, verbs: ReportingVerbs | None = None) -> list[VerbHit]:
    """Reporting verbs used as verbs in ``sentence`` (longest form wins; nouns filtered out)."""
    verbs = verbs or load_reporting_verbs()
    toks = sentence.tokens
    hits: list[VerbHit] = []
    first_words = verbs.first_words
    nxt = 0  # the first token not inside a form matched already
    # the tokens that may start a form, found in one pass (most tokens start none); then, left to right, the
    # longest form from each that is not inside the previous match
    for i in compress(range(len(toks)), map(first_words.__contains__, map(TOKEN_LOWER, toks))):  # (no Python loop)
        if i < nxt:
            continue
        matched = 0
        for n in range(min(verbs.max_len, len(toks) - i), 0, -1):
            window = toks[i:i + n]
            if not all(t.is_word for t in window):
                continue
            key = tuple(t.lower for t in window)
            if key in verbs.forms:
                matched = n
                break
        if matched and _is_verb_use(toks, i, matched, verbs.noun_forms):
            lemma, tier = verbs.forms[tuple(t.lower for t in toks[i:i + matched])]
            last = toks[i + matched - 1]
            hits.append(VerbHit(lemma, tier, sentence.text[toks[i].start - sentence.start:last.end - sentence.start],
                                sentence.index, toks[i].start, last.end, i, matched, _negated(toks, i)))
        nxt = i + (matched or 1)
    return hits


def find_stance_verbs(doc: ParsedArticle, settings: Settings | None = None) -> list[StanceVerb]:
    """Reporting verbs the journalist used to attribute content (each verb once), in text order.

    These are the verbs of the quotes :func:`analysis.sourcing.quotes.find_quotes` found, plus
    reporting verbs nested in an attributed clause with a pronoun subject ("said it intercepted
    what it claims are …"). Cached on ``doc`` with the quotes.
    """
    from .quotes import quote_finding  # the quote finder records the verbs it used

    return list(quote_finding(doc, settings).stance)


def stance_counts(stance_verbs: Sequence[StanceVerb]) -> dict[str, int]:
    """Number of stance verbs per tier (every tier present, zero when unused)."""
    counts = dict.fromkeys(TIERS, 0)
    for v in stance_verbs:
        counts[v.tier] = counts.get(v.tier, 0) + 1
    return counts
