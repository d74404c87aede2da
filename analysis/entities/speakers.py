"""Who a speaker phrase refers to: the interface the sourcing family calls (:func:`resolve_actor`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lexicons import Lexicon, load_lexicon
from ..model import ParsedArticle, Sentence, Token
from ..segment import tokenize
from .analyse import TITLE_PREFIXES, ActorAnalysis, ActorMention, analyse_actors
from .coref import name_parts
from .listed import Found, employer_before, find_listed
from .rules import RuleRecogniser
from .table import ActorTable, actor_table
from .tokens import is_cap, name_of, norm, span_text, strip_possessive

if TYPE_CHECKING:
    from ..metrics.base import Settings


def _located_tokens(doc: ParsedArticle, text: str, sentence_index: int, start: int) -> tuple[Token, ...] | None:
    """The tokens of sentence ``sentence_index`` that make up ``text`` at ``start``; ``None`` when the
    phrase is not there or a token crosses its edges."""
    if sentence_index == -1:
        sentence = doc.headline
    elif 0 <= sentence_index < len(doc.sentences):
        sentence = doc.sentences[sentence_index]
    else:
        return None
    end = start + len(text)
    if sentence is None or start < sentence.start or end > sentence.end or \
            span_text(sentence, start, end) != text:
        return None
    # tokens are in text order and do not overlap: only the last token starting before an edge can cross it, and
    # the tokens inside are those starting from ``start`` up to ``end`` (found by bisection, not a scan)
    toks = sentence.tokens
    lo, hi = bisect_left(toks, start, key=_token_start), bisect_left(toks, end, key=_token_start)
    if (lo > 0 and start < toks[lo - 1].end) or (hi > 0 and toks[hi - 1].start < end < toks[hi - 1].end):
        return None
    return toks[lo:hi]


def _token_start(t: Token) -> int:
    return t.start


def has_capital(text: str) -> bool:
    """Does ``text`` hold an upper-case letter (``str.isupper`` of a character)?"""
    return any(map(str.isupper, text))


def resolve_actor(surface: str, doc: ParsedArticle, settings: Settings, *, sentence_index: int = -2,
                  start: int = 0) -> ActorMention | None:
    """The actor a speaker phrase refers to, or ``None``.

    ``surface`` is a phrase such as "Rudenko", "Mr. Steele", "Deputy Foreign Minister Andrey Rudenko",
    "Russia's deputy foreign minister" or "South Korean officials". In order of preference:
    a person named in the phrase (in full, or by a surname or short form of a person of ``doc``,
    merged as in the article: :mod:`analysis.entities.coref`); a person of ``doc`` whose title
    (and employer, if the phrase names one) matches the phrase's role words; a listed
    organisation, country or other actor named in the phrase; a country whose demonym the phrase
    uses. The returned mention has ``surface`` as given, ``start``/``end`` shifted by ``start``
    (pass the phrase's body offset and ``sentence_index`` to locate it; by default
    ``sentence_index`` is -2, "not located").

    A located phrase (the text of sentence ``sentence_index`` at ``start``, on token boundaries)
    reuses the sentence's own tokens; otherwise the phrase is tokenized by the same tokenizer
    (:func:`analysis.segment.tokenize`). The rules run on the phrase alone, because the article-level
    pass does not answer "who is this phrase": a role description is no mention there.
    """
    text = surface.strip()
    if not text:
        return None
    table = actor_table(settings)
    analysis = analyse_actors(doc, settings)
    located = _located_tokens(doc, text, sentence_index, start)
    toks = located if located is not None else tokenize(text, start)
    phrase = Sentence(sentence_index, -1, start, start + len(text), text, toks)

    def make(name: str, kind: str, rule: str, i: int = 0, j: int | None = None) -> ActorMention:
        spec = table.actors.get(name)
        j = len(toks) if j is None else j
        s, e = (toks[i].start, toks[j - 1].end) if toks else (start, start + len(text))
        return ActorMention(name, spec.kind if spec else kind, spec.source_type if spec else "", sentence_index,
                            s, e, text, rule)

    taken = [False] * len(toks)
    found: list[Found] = find_listed(phrase, taken, table)
    # the rules find names from capitals (runs of capitalised words, listed names, datelines, nicknames between a given
    # name and a surname): a phrase without a capital letter ("he", "officials", "a senior administration official")
    # holds none, and is not run through them (about a third of the speaker phrases; no span for any of the 3,044 such
    # phrases of both development corpora: tests/test_speed_equivalence.py)
    spans = RuleRecogniser().recognise([phrase], {phrase.index: taken}, table) if has_capital(text) else []
    for span in spans:
        kind = {"PERSON": "person", "ORG": "organisation"}.get(span.label, "")
        if kind:
            found.append(Found(phrase, span.first, span.last, name_of(toks, span.first, span.last), kind,
                               span.rule, False, title=span.title))
            for k in range(span.first, span.last):
                taken[k] = True
    persons = _article_persons(doc, analysis, table)
    called = persons.by_word
    # a person named in full or by title
    for f in found:
        if f.kind == "person":
            name = f.name
            if " " not in name:
                full = called.get(name, [])
                name = full[0] if len(full) == 1 else name
            return make(name, "person", f.rule, f.first, f.last)
    # a surname or short form of a person in this article
    for i, tok in enumerate(toks):
        if taken[i] or not is_cap(tok):
            continue
        cands = called.get(strip_possessive(tok.text), [])
        if len(cands) == 1:
            return make(cands[0], "person", f"short form of {cands[0]}", i, i + 1)
    # a role held by a person of this article
    employer = next((f.name for f in found if f.kind == "country"), "")
    if not employer:
        for i in range(len(toks), 0, -1):
            employer = employer_before(toks, i, table)
            if employer:
                break
    words = " ".join(norm(t.text).lower() for t in toks).split()
    held = _role_holder(words, employer, persons) or _office_holder(words, doc, persons)
    if held is not None:
        return make(held[0], "person", f"role of {held[0]}: {held[1]}")
    # a listed organisation, then anything else listed
    for kind in ("organisation", "country", "other", "person"):
        for f in found:
            if f.kind == kind:
                return make(f.name, kind, f.rule, f.first, f.last)
    if employer:
        return make(employer, "country", f"demonym of {employer}")
    return None


Role = tuple[tuple[int, int], str, str, str]  # (order of the person and role, person, title, employer)


@dataclass(frozen=True)
class _ArticlePersons:
    """The article's persons indexed for speaker phrases, built once per article and actor analysis."""

    analysis: ActorAnalysis
    by_word: dict[str, list[str]]  # surname, listed short form or one-word name -> persons (sorted)
    by_title: dict[str, list[Role]]  # title ("foreign minister") and its plural -> roles, in analysis order
    longest_title: int  # words of the longest title: the longest run of a phrase worth looking up
    by_head: dict[str, list[str]]  # last word of a title -> the titles of by_title ending in it


def _article_persons(doc: ParsedArticle, analysis: ActorAnalysis, table: ActorTable) -> _ArticlePersons:
    """The persons of ``analysis`` by word and by title (cached in ``doc.cache``), so resolving a speaker
    phrase costs the phrase's length, not the article's number of persons and roles."""
    cached = doc.cache.get("_speaker_persons")
    if isinstance(cached, _ArticlePersons) and cached.analysis is analysis:
        return cached
    words: dict[str, set[str]] = {}
    for p in {m.actor for m in analysis.mentions if m.kind == "person"}:
        spec = table.actors.get(p)
        for w in ({name_parts(p)[1]} if " " in p else {p}) | set(spec.short_forms if spec is not None else ()):
            words.setdefault(w, set()).add(p)
    titles: dict[str, list[Role]] = {}
    for n, (person, roles) in enumerate(analysis.roles.items()):
        for k, (title, emp) in enumerate(roles):
            for key in {title, title + "s"}:
                titles.setdefault(key, []).append(((n, k), person, title, emp))
    heads: dict[str, list[str]] = {}
    for title in titles:
        if title.split():
            heads.setdefault(title.split()[-1], []).append(title)
    found = _ArticlePersons(analysis, {w: sorted(ps) for w, ps in words.items()}, titles,
                            max((len(t.split()) for t in titles), default=0), heads)
    doc.cache["_speaker_persons"] = found
    return found




def _role_holder(words: list[str], employer: str, persons: _ArticlePersons) -> tuple[str, str] | None:
    """(person, title) of the first role (in ``analysis.roles`` order) whose title, or its plural, is a run of
    ``words`` and whose employer agrees with the phrase's (either unknown, or the same); None if none is."""
    hits = [r for i in range(len(words)) for j in range(i + 1, min(len(words), i + persons.longest_title) + 1)
            if not (i and words[i - 1] in TITLE_PREFIXES)
            for r in persons.by_title.get(" ".join(words[i:j]), ()) if not employer or not r[3] or r[3] == employer]
    if not hits:
        return _head_title_holder(words, employer, persons)
    _, person, title, _ = min(hits)
    return person, title


def _head_title_holder(words: list[str], employer: str, persons: _ArticlePersons) -> tuple[str, str] | None:
    """'“I've done nothing wrong,” the speaker said.' (HuffPost MsscYdtXsiyDFs3n, after "House Speaker
    Christopher G. Donovan"): "the" and a title's head noun name the one person of the article whose title
    ends in that noun; None when no person or several do (an ambiguous description stays unresolved). A title
    whose word before the head is in ``TITLE_PREFIXES`` is another office ("the president" is no Vice President,
    "the secretary" no Assistant Secretary)."""
    if len(words) != 2 or words[0] != "the":
        return None
    found = {(r[1], r[2]) for title in persons.by_head.get(words[1], ())
             if not title.endswith("s") and TITLE_PREFIXES.isdisjoint(title.split()[-2:-1])
             for r in persons.by_title[title] if not employer or not r[3] or r[3] == employer}
    return next(iter(found)) if len({p for p, _ in found}) == 1 and len(found) == 1 else None


# ---------------------------------------------------------------- offices named by a definite description

OFFICES_FILE = "office_holders.yaml"
# nouns after a surname that make it a mention of that person's government ("the Trump administration")
_GOVERNMENT_NOUNS = ("administration", "government", "campaign", "cabinet")


@dataclass(frozen=True)
class _Holder:
    """One term of office: who (name, and surname as printed) and when (first day in, first day out; None: open)."""

    name: str
    short: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class _Offices:
    by_title: dict[tuple[str, ...], list[tuple[frozenset[str], tuple[_Holder, ...]]]]  # title -> (modifiers, holders)
    longest: int  # words of the longest title


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@lru_cache(maxsize=4)  # keyed on the loaded Lexicon object: an edited file is a new object
def _compile_offices(lex: Lexicon) -> _Offices:
    by_title: dict[tuple[str, ...], list[tuple[frozenset[str], tuple[_Holder, ...]]]] = {}
    for office in lex.data.get("offices") or []:
        holders = tuple(_Holder(str(h["name"]), str(h.get("short") or str(h["name"]).split()[-1]),
                                _day(h.get("from")), _day(h.get("to"))) for h in office.get("holders") or [])
        mods = frozenset(str(m).lower() for m in office.get("modifiers") or [])
        for title in office.get("title") or []:
            by_title.setdefault(tuple(str(title).lower().split()), []).append((mods, holders))
    return _Offices(by_title, max((len(t) for t in by_title), default=0))


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_US_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def publication_day(published: str) -> date | None:
    """The day an article's ``published`` field gives ("2020-03-17", "2020-03-17T10:00", "3/17/2020"), or None."""
    m = _ISO_DAY.match(published.strip())
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = _US_DAY.match(published.strip())
        return date(int(m[3]), int(m[1]), int(m[2])) if m else None
    except ValueError:
        return None


def _office_holder(words: list[str], doc: ParsedArticle, persons: _ArticlePersons) -> tuple[str, str] | None:
    """(person, title) for "the prime minister", "the US president", "the British prime minister" in an article
    that names the office's holder without the title ("Theresa May called the attack …. In a statement, the prime
    minister said …", BBC; "Joe Biden has announced …. The US president urged …", The Guardian): the one holder,
    among the offices of ``office_holders.yaml`` with that title (and that modifier, if the phrase has one), whom
    the article mentions, in office on the article's publication day when it has one; None when no holder or
    several are mentioned. A phrase with any other word ("the former president") is no office's current holder."""
    if len(words) < 2 or words[0] != "the":
        return None
    offices = doc.cache.get("_speaker_offices")  # the file is read once per article, not once per phrase
    if not isinstance(offices, _Offices):
        offices = doc.cache["_speaker_offices"] = _compile_offices(load_lexicon(OFFICES_FILE))
    day = publication_day(doc.article.published or "")
    found: dict[str, str] = {}
    for n in range(1, min(offices.longest, len(words) - 1) + 1):
        title = tuple(words[len(words) - n:])
        modifier = " ".join(words[1:len(words) - n])
        for mods, holders in offices.by_title.get(title, ()):
            if modifier and modifier not in mods:
                continue
            for h in holders:
                if day is not None and not ((h.start is None or h.start <= day) and (h.end is None or day < h.end)):
                    continue
                person = _mentioned_as(h, doc, persons)
                if person:
                    found[person] = " ".join(title)
    return next(iter(found.items())) if len(found) == 1 else None


def _mentioned_as(holder: _Holder, doc: ParsedArticle, persons: _ArticlePersons) -> str:
    """The article's person that is ``holder`` (by full name, or by surname when that surname names one person of
    the article with no other given name), the holder's listed name when the surname only modifies a government
    noun ("the Trump administration"), or ""."""
    given = holder.name.split()[0]
    cands = persons.by_word.get(holder.short, [])
    if holder.name in cands or holder.name in persons.by_word.get(holder.name, []):
        return holder.name
    same = [p for p in cands if p.split()[0] == given or " " not in p]
    if len(cands) == 1 and same:
        return same[0]
    body = doc.body
    cached = doc.cache.get("_speaker_government_nouns")  # surname -> found in this body: each searched once
    if cached is None or cached[0] is not body:
        cached = doc.cache["_speaker_government_nouns"] = (body, {})
    seen: dict[str, bool] = cached[1]
    if holder.short not in seen:
        seen[holder.short] = re.search(rf"\b{re.escape(holder.short)}(?:’s|'s)? (?:{'|'.join(_GOVERNMENT_NOUNS)})\b",
                                       body) is not None
    return holder.name if seen[holder.short] else ""
