"""One pass over an article: listed aliases, then a recogniser, then shared resolution.

1. Listed aliases claim their tokens (:mod:`.listed`).
2. The recogniser (rules by default, spaCy on request; :mod:`.recogniser`) types the other names.
3. Shared resolution: gazetteer countries and capitals become their country actor (a capital right
   after a place context, and a city, state or province there, is the place and not an actor:
   listed in ``actor_places``); one-word names that are a listed short form or the surname of a
   person of the article are found even where the recogniser saw no evidence; persons are merged
   (:mod:`.coref`); mentions of the outlet by its own name are flagged (:func:`is_self_reference`).

Mentions with a ``note`` (ambiguous, the outlet itself) are kept in :attr:`ActorAnalysis.excluded`
and are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..frozen import quick_init
from ..model import ParsedArticle, Sentence
from .coref import SUFFIXES, name_parts, person_short_forms, resolve_persons, sole_listed_person_forms
from .gazetteers import AP_STATE_ABBREVIATIONS, gazetteer, listed_organisations
from .listed import Found, employer_before, find_listed, place_context, title_before
from .recogniser import EntitySpan, get_recogniser
from .rules import NICKNAME_RULE, START_OF_COMPANY, nickname_words
from .table import NER_TYPES, ActorTable, actor_table
from .tokens import (
    DEMONYM,
    LEGAL_WORDS,
    NAME,
    acronym_forms,
    acronym_key,
    doc_sentences,
    is_cap,
    is_possessive,
    name_of,
    name_words,
    norm,
    span_text,
    split_compounds,
    strip_possessive,
)

if TYPE_CHECKING:
    from ..metrics.base import Settings

SELF_NOTE = "the outlet naming itself"


# Words that make a title of their own with the title after them: "the prime minister" is no "minister" held by
# Scotland's First Minister (BBC E5pZc1o2iOC9qLx5), "the vice president" no "president", "the secretary" no
# Assistant Secretary.
TITLE_PREFIXES = frozenset("prime first deputy vice assistant under associate junior".split())

@quick_init
@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor in the headline (sentence_index -1) or the body."""

    actor: str  # canonical display name
    kind: str  # person | organisation | country | state | city | location | other (| place)
    source_type: str  # from the actor file, "" if none
    sentence_index: int  # -1 = headline
    start: int  # char offsets in the body (in the headline for -1)
    end: int
    surface: str  # text as printed, e.g. "Pyongyang"
    rule: str  # "alias", "title", "reporting verb", "organisation cue", "short form of Vladimir Putin", ...
    note: str = ""  # why the mention is not counted: "ambiguous: …", "the outlet naming itself"; "" = counted
    place_kind: str = ""  # for a place use (kind "place"): what the place is (city, state, country, location)

    @property
    def ner_type(self) -> str:
        """PERSON, ORG, GPE, LOC or MISC (see :data:`analysis.entities.table.NER_TYPES`)."""
        return NER_TYPES.get(self.place_kind or self.kind, "MISC")


@dataclass
class ActorAnalysis:
    """All actor mentions of one article plus the roles seen before person names."""

    mentions: list[ActorMention]  # counted mentions, reading order
    roles: dict[str, list[tuple[str, str]]]  # person -> [(title in lower case, employing actor or "")]
    places: list[ActorMention] = field(default_factory=list)  # place names used as places: not mentions
    excluded: list[ActorMention] = field(default_factory=list)  # found but not counted (``note`` says why)
    untyped: list[ActorMention] = field(default_factory=list)  # capitalised names of no known type (MISC)


# ---------------------------------------------------------------- the outlet's own name

_OUTLET_NOISE = re.compile(r"\(.*?\)|\b(online|news|web|opinion|com|the)\b|[^a-z0-9 ]", re.IGNORECASE)


def _outlet_key(name: str) -> str:
    return " ".join(_OUTLET_NOISE.sub(" ", name.lower()).split())


def is_self_reference(actor: str, outlet: str) -> bool:
    """Does ``actor`` name the outlet itself? Compared without case, "The", "News", "Online", "Web", "Opinion",
    ".com" and brackets:
    "Fox News" in Fox News, "The New York Times" in "New York Times (Online News)"."""
    a, o = _outlet_key(actor), _outlet_key(outlet)
    return bool(a) and a == o


# ---------------------------------------------------------------- from spans to actors


def _from_span(span: EntitySpan, s: Sentence, table: ActorTable, places: list[Found]) -> Found | None:
    toks = s.tokens
    words = name_words(toks, span.first, span.last)
    if span.rule == NICKNAME_RULE:  # 'Mitch "Meathead" McConnell' is Mitch McConnell: the quoted words left out
        words = tuple(w for w in words if w not in nickname_words(toks, span.first, span.last))
    if span.label in ("GPE", "LOC") and all(w.isupper() for w in words) and sum(len(w) for w in words) > 2:
        words = tuple(w.title() for w in words)  # "SEOUL", "NEW YORK" in a dateline or label: the place's name
        if words in table.aliases and table.actors[table.aliases[words]].kind == "country":
            name = table.aliases[words]  # "BRITAIN - Gilts struggled": the United Kingdom
            return Found(s, span.first, span.last, name, "country", span.rule, True)
    text = " ".join(words)
    if span.rule == "dateline":  # where the story was filed: a place use, no actor ("LONDON 1996-08-30")
        country = table.span_names.get(words)
        kind = "country" if country else "state" if text in gazetteer().regions else "city"
        places.append(Found(s, span.first, span.last, country or text, "place", "dateline", bool(country),
                            place_kind=kind))
        return None
    if span.label == "GPE" and span.rule.startswith("short name of "):  # "the North" for North Korea (round 13)
        name = span.rule.removeprefix("short name of ")
        kind = table.actors[name].kind if name in table.actors else "country"
        return Found(s, span.first, span.last, name, kind, span.rule, name in table.actors)
    if span.label in ("GPE", "LOC"):
        state_first = span.rule.startswith("gazetteer: state") or (  # a US state wins over a country ("Georgia"),
            span.rule.startswith("same name as") and text in gazetteer().regions and words not in table.aliases)
        country = table.span_names.get(words) if not state_first else None  # also in the name's later uses
        if country:
            return Found(s, span.first, span.last, country, table.actors[country].kind, span.rule, True)
        capital_of = table.span_places.get(words)
        context = place_context(toks, span.first, table)
        if capital_of and not context:
            return Found(s, span.first, span.last, capital_of, "country", span.rule, True)
        g = gazetteer()
        region = text in g.regions or span.rule.startswith(("region cue", "state code of"))
        kind = "state" if region else "location" if span.label == "LOC" else "city"
        if span.rule.startswith("state code of "):
            text = span.rule.removeprefix("state code of ")  # "AL" -> Alabama
        if context:
            places.append(Found(s, span.first, span.last, capital_of or text, "place", f"place after '{context}'",
                                bool(capital_of), place_kind="city" if capital_of else kind))
            return None
        return Found(s, span.first, span.last, text, kind, span.rule, False)
    if words in table.aliases:  # a listed actor spelled as found (a statistical recogniser's span)
        name = table.aliases[words]
        return Found(s, span.first, span.last, name, table.actors[name].kind, span.rule, True)
    kind = {"PERSON": "person", "ORG": "organisation"}.get(span.label, "other")
    return Found(s, span.first, span.last, text, kind, span.rule, False, sex=span.sex, title=span.title,
                 single=kind == "person" and len(words) == 1)


# recogniser rules that say a name is a person's by a title before it: only such a name lends its first word
# (family name first) to a place name; "Arkansas Democrat-Gazette", typed a person by a reporting verb, does not
_TITLED = frozenset({"title", "honorific", "title in apposition"})


def _surnames_not_places(found: list[Found]) -> None:
    """A one-word city or state that is the surname of a person named in full in the article is that person
    ("Attorney General Merrick Garland" … "Garland said", not Garland, Texas; "Gao" after "a Commerce Ministry
    spokesman, Gao Feng", family name first, not Gao, Mali: :func:`.coref.person_short_forms`, for a person
    named after a title)."""
    surnames = {w for f in found if f.kind == "person" and " " in f.name
                for w in (person_short_forms(f.name) if f.rule in _TITLED else {name_parts(f.name)[1]})}
    for f in found:
        if f.kind in ("city", "state") and not f.listed and " " not in f.name and f.name in surnames:
            f.kind, f.rule, f.single = "person", f"surname of a person named in the article (not the {f.kind})", True


def _short_forms(sentences: list[Sentence], taken: dict[int, list[bool]], found: list[Found],
                 table: ActorTable) -> list[Found]:
    """One-word names the recogniser left: a listed short form of an actor named in the article, the surname
    of a person named in full ("Kirby said it again." after "spokesman John Kirby"), or the short form of
    the one listed person who has it ("Putin", "Biden": :func:`.coref.sole_listed_person_forms`)."""
    words: set[str] = set()
    for f in found:
        if f.kind == "person" and " " in f.name:
            words.add(name_parts(f.name)[1])
        spec = table.get(f.name)
        if spec is not None:
            words.update(spec.short_forms)
    words |= {w for w in sole_listed_person_forms(table) if w not in words}
    out: list[Found] = []
    for s in sentences:
        toks, tk = s.tokens, taken[s.index]
        for i, tok in enumerate(toks):
            text = tok.text
            if tk[i] or (text if "'" not in text and "’" not in text else strip_possessive(text)) not in words \
                    or not is_cap(tok):
                continue
            if i + 1 < len(toks) and is_cap(toks[i + 1]) and not tk[i + 1] and not is_possessive(tok):
                continue  # part of a longer, unknown name ("Kim Yong Chol"); a possessive ends a name ("Biden's Win")
            _, title = title_before(toks, i, table)
            sex = table.sex_of_title(title)
            out.append(Found(s, i, i + 1, strip_possessive(tok.text), "person", "short form", False, sex=sex,
                             title=title, single=True))
            tk[i] = True
    return out


def _expansions(names: Iterable[str]) -> dict[str, set[str]]:
    """Acronym -> the names of ``names`` it may abbreviate (:func:`.tokens.acronym_forms`)."""
    by_initials: dict[str, set[str]] = {}
    for n in names:
        for form in acronym_forms(n):
            by_initials.setdefault(form, set()).add(n)
    return by_initials


def _acronym_of(f: Found, by_initials: dict[str, set[str]]) -> str:
    """The one name ``f`` abbreviates, when ``f`` is an acronym the recogniser found (also one holding an ampersand,
    "PG&E", round 18), a listed one ("EU" beside "European Union": organisations.yaml lists both) or its copy typed
    "same name as in sentence s" (a headline's "CDC:") and exactly one name of ``by_initials`` fits; else ""."""
    if f.kind != "organisation":
        return ""
    one_capitalised_word = " " not in f.name and f.name.isupper()  # (full stops and "&" have no case)
    if not (f.rule == "acronym" or (one_capitalised_word and (
            f.rule in ("names joined by '&'", "listed organisation")
            or (f.rule.startswith("same name as in sentence") and not f.listed)))):
        return ""
    full = by_initials.get(acronym_key(f.name), set())
    return next(iter(full)) if len(full) == 1 else ""


def _resolve_acronyms(found: list[Found]) -> None:
    """An acronym the recogniser found ("FDA") is the organisation of the article whose capitalised words
    it abbreviates ("Food and Drug Administration"; "CDC" the "Centers for Disease Control and Prevention",
    :func:`.tokens.acronym_forms`), when exactly one does."""
    by_initials = _expansions({f.name for f in found if f.kind == "organisation" and " " in f.name})
    for f in found:
        if full := _acronym_of(f, by_initials):
            f.name = full
            f.rule = f"acronym of {f.name}"


def _acronyms_of_things(found: list[Found], untyped: list[Found], table: ActorTable) -> tuple[list[Found],
                                                                                           list[Found]]:
    """An acronym left unresolved by :func:`_resolve_acronyms` that abbreviates a law, war or index of the article
    (a name ending in one of ``misc_heads``: "FISA" for "Foreign Intelligence Surveillance Act") is that thing, no
    organisation; not the acronym of any other untyped name ("UAW" of an untyped "United Auto Workers").
    Returns (the rest of ``found``, those acronyms as untyped names)."""
    by_initials = _expansions(u.name for u in untyped if " " in u.name and u.name.split()[-1] in table.misc_heads)
    kept, things = [], []
    for f in found:
        if full := _acronym_of(f, by_initials):
            f.kind, f.rule = "other", f"acronym of {full}"
            things.append(f)
        else:
            kept.append(f)
    return kept, things


# Cue words that only say what kind of body a name is, so the name alone is the same body ("Treasury" for
# "Treasury Department", "Pfizer" for "Pfizer Inc."); not a committee or court of a chamber ("Senate"). "News"
# (round 18) after a network's letters only: "NBC" is "NBC News" (Fox News roundups 6111_right, m7), but "Google" is
# no "Google News" (a service of the company)
_KIND_CUES = frozenset({"Department", "Ministry", "Agency", "Bureau", "Inc", "Inc.", "Corp", "Corp.", "Co.", "Ltd",
                        "Ltd.", "LLC", "Group", "Company", "Corporation", "Party", "University", "Airlines", "Airways",
                        "News"})




def _resolve_organisation_short_forms(found: list[Found]) -> None:
    """A one-word organisation ("Treasury") is the organisation of the article that adds only kind cues to
    it ("Treasury Department"), when exactly one does; not one with other words ("Senate Intelligence
    Committee" stays apart from "Senate"). A name the recogniser typed as the start of a company's name
    ("Neptune said" after "Neptune Wellness Solutions Inc.") is that company, when exactly one opens with it."""
    longer: dict[str, set[str]] = {}
    companies: dict[str, set[str]] = {}  # the opening words of a company's name ("Neptune" of "Neptune … Inc")
    for f in found:
        words = f.name.split()
        if f.kind == "organisation" and not f.listed and len(words) > 1 and all(w in _KIND_CUES for w in words[1:]) \
                and ("News" not in words or words[0].replace("&", "").isupper()):
            longer.setdefault(words[0], set()).add(f.name)
        if f.kind == "organisation" and not f.listed and len(words) > 1 and words[-1].rstrip(".") in LEGAL_WORDS:
            for k in range(1, len(words)):
                companies.setdefault(" ".join(words[:k]), set()).add(f.name)
    for f in found:
        full = longer.get(f.name, set()) if f.kind == "organisation" and not f.listed else set()
        if not full and f.rule.startswith(START_OF_COMPANY):  # typed so by the recogniser (rules._company_short_forms)
            full = companies.get(f.name, set())
        if len(full) == 1:
            f.name = next(iter(full))
            f.rule = f"{f.rule}; short form of {f.name}"


@lru_cache(maxsize=1)
def _state_tag_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(party tag, city then state, the state part alone): "Chuck Schumer, D-N.Y.," / "(R-Texas)" and
    "Springfield, Mass.," (AP style); the third finds the comma and abbreviation every city match ends with (a
    quick "no" for the many sentences with commas and no state)."""
    states = sorted({*AP_STATE_ABBREVIATIONS, *(r for r, c in gazetteer().regions.items() if c == "United States")},
                    key=len, reverse=True)
    alt = "|".join(re.escape(x) for x in states)
    abbr = "|".join(re.escape(x) for x in sorted(AP_STATE_ABBREVIATIONS, key=len, reverse=True))
    return (re.compile(rf"(?<![\w-])[DRI]-(?P<state>{alt})(?![\w])"),
            re.compile(rf"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?, (?P<state>{abbr})(?=[\s,;:)]|$)"),
            re.compile(rf", (?:{abbr})(?=[\s,;:)]|$)"))


def _state_tags(sentences: list[Sentence]) -> list[ActorMention]:
    """US states named by a party tag ("Sen. Chuck Schumer, D-N.Y.", "(R-S.C.)", "R-Texas") or in the AP
    style after a city ("Springfield, Mass."): place uses of the state (``actor_places``), not counted as
    mentions of the state as an actor (the legislator's state, or where a town is, is said in passing)."""
    party, city, city_end = _state_tag_patterns()
    out = []
    for s in sentences:
        tries = [(party, "state in a party tag")] if "-" in s.text else []
        if ", " in s.text and city_end.search(s.text):
            tries.append((city, "state after a city (AP style)"))
        for pattern, rule in tries:
            for m in pattern.finditer(s.text):
                text = m.group("state")
                name = AP_STATE_ABBREVIATIONS.get(text, text)
                start = s.start + m.start("state")
                out.append(ActorMention(name, "place", "", s.index, start, start + len(text), text, rule,
                                        place_kind="state"))
    return out


def _compact(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _handles(sentences: list[Sentence], taken: dict[int, list[bool]], found: list[Found]) -> list[Found]:
    """Social-media handles of the article's actors ("@realDonaldTrump" after Donald Trump, "@SenBlumenthal"
    after Richard Blumenthal, "@NBCNews" after NBC News): the handle, without case and punctuation, is the
    actor's name or ends with it (a person's full name, or a surname of five or more letters that only one
    person of the article has); exactly one actor must fit. Not an e-mail address ("name@gmail.com")."""
    names: dict[str, set[int]] = {}  # compact form -> indices into found of the actor it names
    persons_by_surname: dict[str, set[str]] = {}
    for k, f in enumerate(found):
        if f.note or f.kind not in ("person", "organisation", "country", "state", "city"):
            continue
        names.setdefault(_compact(f.name), set()).add(k)
        if f.kind == "person" and " " in f.name and f.name.split()[-1] not in SUFFIXES:  # "@realDonaldTrump" is
            persons_by_surname.setdefault(_compact(name_parts(f.name)[1]), set()).add(f.name)  # no Trump Jr.
    order = {form: n for n, form in enumerate(names)}
    out: list[Found] = []
    for s in sentences:
        if "@" not in s.text:
            continue  # (most sentences: no handle)
        toks, tk = s.tokens, taken[s.index]
        for i in range(len(toks) - 1):
            at, word = toks[i], toks[i + 1]
            if at.text != "@" or word.kind != "word" or word.start != at.end or tk[i + 1] \
                    or (i > 0 and toks[i - 1].kind == "word" and toks[i - 1].end == at.start):
                continue
            handle = _compact(word.text)
            # the name itself (3+ letters) or the end of the handle (5+): looked up by the handle's own endings,
            # so a handle costs its length, not the article's number of names
            ends = {handle[-n:] for n in range(5, len(handle) + 1)} | ({handle} if len(handle) >= 3 else set())
            fits: dict[str, Found] = {}
            for form in sorted((f for f in ends if f in names), key=order.__getitem__):  # names' own order
                fits.update((found[k].name, found[k]) for k in names[form])
            for surname in ends:
                persons = persons_by_surname.get(surname, set())
                if len(surname) >= 5 and len(persons) == 1:
                    name = next(iter(persons))
                    fits.setdefault(name, next(f for f in found if f.name == name))
            if len(fits) == 1:
                f = next(iter(fits.values()))
                out.append(Found(s, i, i + 2, f.name, f.kind, f"handle of {f.name}", f.listed, sex=f.sex))
                tk[i:i + 2] = [True, True]
    return out


def _mention(f: Found, kind: str, source_type: str) -> ActorMention:
    toks = f.sentence.tokens
    start, end = toks[f.first].start, toks[f.last - 1].end
    return ActorMention(actor=f.name, kind=kind, source_type=source_type, sentence_index=f.sentence.index,
                        start=start, end=end, surface=span_text(f.sentence, start, end), rule=f.rule, note=f.note,
                        place_kind=f.place_kind)


def _known_name(table: ActorTable) -> Callable[[str], int]:
    """Is a one-word half of a hyphenated word a name by itself: a listed alias or demonym, a country of the
    gazetteer, a listed organisation or an acronym not listed as none ("Israel", "Palestinian", "Reuters", "Pfizer",
    "IRS"; not "LGBT")? Not a state or city: "University of California-Berkeley", "Winston-Salem" are one name."""
    orgs = listed_organisations()

    def known(word: str) -> int:
        key = (word,)
        if key in table.aliases or key in table.span_names or key in orgs or (
                2 <= len(word) <= 5 and word.isupper() and word.isalpha() and word not in table.not_organisations):
            return NAME
        return DEMONYM if key in table.demonyms else 0
    return known


def analyse_doc(doc: ParsedArticle, table: ActorTable, ner: str = "rules", outlet: str = "",
                count_self: bool = False) -> ActorAnalysis:
    """Every actor mention of ``doc`` (see the module docstring)."""
    known = _known_name(table)
    sentences = [split_compounds(s, known) for s in doc_sentences(doc)]  # "Hezbollah-backed": a name and a word
    taken = {s.index: [False] * len(s.tokens) for s in sentences}
    found: list[Found] = []
    places: list[Found] = []
    for s in sentences:
        found += find_listed(s, taken[s.index], table, places)
    by_index = {s.index: s for s in sentences}
    untyped: list[Found] = []
    for span in get_recogniser(ner).recognise(sentences, taken, table):
        s = by_index[span.sentence_index]
        if any(taken[s.index][span.first:span.last]):
            continue
        if span.label == "MISC":
            untyped.append(Found(s, span.first, span.last, name_of(s.tokens, span.first, span.last), "other",
                                 span.rule, False))
            continue
        f = _from_span(span, s, table, places)
        if f is not None:
            found.append(f)
        for k in range(span.first, span.last):
            taken[s.index][k] = True
    found += _short_forms(sentences, taken, found, table)
    _surnames_not_places(found)
    untyped = [u for u in untyped if not any(taken[u.sentence.index][u.first:u.last])]
    resolve_persons(found, table)
    _resolve_acronyms(found)
    found, things = _acronyms_of_things(found, untyped, table)
    _resolve_organisation_short_forms(found)
    found += _handles(sentences, taken, found)
    untyped = [u for u in untyped if not any(taken[u.sentence.index][u.first:u.last])] + things
    if outlet and not count_self:
        for f in found:
            if f.kind in ("organisation", "other") and is_self_reference(f.name, outlet):
                f.note = SELF_NOTE
    found.sort(key=lambda f: f.order)
    mentions: list[ActorMention] = []
    excluded: list[ActorMention] = []
    roles: dict[str, list[tuple[str, str]]] = {}
    for f in found:
        spec = table.actors.get(f.name) if f.listed or f.name in table.actors else None
        if spec is not None and not f.listed and f.kind == "state" and spec.kind == "country":
            spec = None  # "a black Georgia Democrat": the state the recogniser typed, not the country of that name
        m = _mention(f, spec.kind if spec else f.kind, spec.source_type if spec else "")
        (excluded if m.note else mentions).append(m)
        if m.kind == "person" and not m.note:
            t_start, title = title_before(f.sentence.tokens, f.first, table)
            while title and t_start and norm(f.sentence.tokens[t_start - 1].text).lower() in TITLE_PREFIXES:
                t_start -= 1  # "Assistant Secretary Jane Doe" holds no "secretary" title: the rank word is kept
                title = f"{norm(f.sentence.tokens[t_start].text).lower()} {title}"
            if title:
                roles.setdefault(f.name, []).append((title, employer_before(f.sentence.tokens, t_start, table)))
    place_uses = [_mention(f, "place", "") for f in sorted(places, key=lambda f: f.order)]
    held = {(p.sentence_index, p.start) for p in place_uses + mentions + excluded}
    tags = [p for p in _state_tags(sentences) if (p.sentence_index, p.start) not in held]
    tags_in: dict[int, list[ActorMention]] = {}
    for t in tags:
        tags_in.setdefault(t.sentence_index, []).append(t)
    untyped_mentions = [u for u in map(lambda u: _mention(u, "other", ""), untyped)
                        if not any(t.start < u.end and u.start < t.end
                                   for t in tags_in.get(u.sentence_index, ()))]  # "Y" of "D-N.Y." is no name of its own
    return ActorAnalysis(mentions, roles, sorted(place_uses + tags, key=lambda m: (m.sentence_index, m.start)),
                         excluded, untyped_mentions)


def analyse_actors(doc: ParsedArticle, settings: Settings) -> ActorAnalysis:
    """Mentions and roles of every actor in ``doc``; computed once per article and settings."""
    ner = getattr(settings, "ner", "rules") or "rules"
    count_self = bool(getattr(settings, "count_self_mentions", False))
    key = (f"actors:{settings.actors_file or ''}|{getattr(settings, 'reporting_verbs_file', None) or ''}"
           f"|{ner}|{count_self}")
    if key not in doc.cache:
        doc.cache[key] = analyse_doc(doc, actor_table(settings), ner, doc.article.outlet, count_self)
    result: ActorAnalysis = doc.cache[key]
    return result


def find_actor_mentions(doc: ParsedArticle, settings: Settings) -> list[ActorMention]:
    """Every counted actor mention in the headline and body of ``doc``, in reading order (cached)."""
    return list(analyse_actors(doc, settings).mentions)


def find_place_uses(doc: ParsedArticle, settings: Settings) -> list[ActorMention]:
    """Place names used as places ("a state visit to Pyongyang", "in Chicago"), in reading order; not mentions.

    ``actor`` is the actor the name stands for elsewhere (a capital's country) or the place itself,
    ``kind`` is "place" and ``rule`` names the place context ("place after 'visit to'").
    """
    return list(analyse_actors(doc, settings).places)


def find_entities(doc: ParsedArticle, settings: Settings) -> list[ActorMention]:
    """The NER view: every recognised name with its type (``ner_type``), in reading order.

    Counted mentions, place uses (type GPE), excluded mentions (the outlet's own name, ambiguous
    surnames) and untyped capitalised names (MISC). For evaluating the recogniser against labelled
    text; the emphasis metrics use :func:`find_actor_mentions`.
    """
    a = analyse_actors(doc, settings)
    return sorted(a.mentions + a.places + a.excluded + a.untyped, key=lambda m: (m.sentence_index, m.start))
