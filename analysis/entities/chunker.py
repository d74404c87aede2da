"""Candidate names: runs of capitalised words, split where a name ends.

A run starts at a capitalised word that is not a function word (``not_names``) and not a party
label ("R-Texas"), and goes on over capitalised words, initials ("Vladimir V. Putin"), name particles
("de", "bin", "van") and the connectors of/for/on/the/and/& when a capitalised word follows. A
possessive ("Trump's") ends a run. The run is split into names by :func:`split_run`: at "and"
(unless inside an "X of Y and Z" organisation name), after a title prefix
("Deputy Foreign Minister", "House Speaker"), and at of/for/on unless the word before is an
organisation or location cue ("Bank of America", "Gulf of Mexico").

Case tells little in a sentence set in Title Case or upper case (many headlines): :func:`case_mode`
says so, and the recogniser then accepts only names it knows from elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..frozen import quick_init
from ..lexicons import bundled_path, load_lexicon
from ..model import Sentence, Token
from .gazetteers import gazetteer, listed_organisations
from .table import ActorTable
from .tokens import NAME_ARTICLES, NAME_SUFFIXES, is_cap, is_possessive, norm, strip_possessive

MAX_RUN = 12  # words; longer capitalised runs are split (tables, lists of names)
_PARTY_LABEL = re.compile(r"^[RDI]-[A-Z]")
_DETS = frozenset({"the", "a", "an", "its", "their", "this", "last", "next"})
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# "St. Louis-based", "Ohio-based", "Communist-led", "Brazilian-born": an adjective made of a name, never part of the
# name after it ("Minneapolis-based First Bank System Inc."; CoNLL-2003 eng.testa)
_NAME_ADJECTIVE = re.compile(r"-(?:based|born|led|listed|registered|owned|bound|backed|sponsored|run)$", re.IGNORECASE)
_JOINERS = frozenset({"of", "for", "on", "the", "and", "&"})
# a model designator: capitals, an optional hyphen and digits ("MD-83", "F-22s", "A320"; not "COVID-19": five capitals)
_DESIGNATOR = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]{0,2}$")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Lower-case English function words (bundled ``stopwords_en.yaml``)."""
    return frozenset(str(w).lower() for w in load_lexicon(bundled_path("stopwords_en.yaml")).data.get("words", []))


@quick_init
@dataclass(frozen=True)
class Part:
    """A candidate name: tokens ``[first, last)`` of a sentence, with what came before it in its run."""

    first: int
    last: int
    title: str = ""  # lower-cased title stripped off the front ("deputy foreign minister")
    title_start: int = -1  # token index where that title began
    initial: bool = False  # starts at the sentence's first word


def first_word(sentence: Sentence) -> int:
    """Index of the sentence's first non-punctuation token."""
    toks = sentence.tokens
    if toks and toks[0].kind != "punct":
        return 0  # (most sentences)
    return next((k for k, t in enumerate(sentence.tokens) if t.kind != "punct"), 0)


def case_mode(sentence: Sentence, table: ActorTable | None = None) -> str:
    """"upper" (letters all upper case), "title" (a headline with most longer words capitalised, or, given the
    actor table, a line of the body set like one: :func:`_body_heading`) or ""."""
    n_words = n_upper = n_long = n_cap = 0
    headline = sentence.index < 0
    for t in sentence.tokens:
        w = t.text
        if t.kind != "word" or not w[:1].isalpha():
            continue
        if not headline and not w.isupper():  # a body sentence is "upper" or a heading line: decided at its first
            return _body_heading(sentence, table) if table is not None else ""  # word with a small letter
        n_words += 1
        n_upper += w.isupper()
        if len(w) > 3:
            n_long += 1
            n_cap += w[0].isupper()
    if n_words >= 2 and n_upper == n_words:
        return "upper"
    if sentence.index < 0 and n_long >= 3 and n_cap >= 0.75 * n_long:
        return "title"  # only a headline: a body sentence full of names is still ordinary text
    return ""


_HEADING_ENDS = frozenset('.!?…”"’\':;)]')  # a closing mark ends a sentence, never a heading ("...", "?!" too)


def _body_heading(sentence: Sentence, table: ActorTable) -> str:
    """"title" for a line of the body set like a headline, else "": no closing mark, five or more words of four or
    more letters all capitalised, no number, at most one comma and no organisation cue (a related-story link after
    "SEE ALSO:", a headline repeated above the text, a photo-credit line). Such lines made persons of "Bernie Sanders
    Advises Black Drivers", "Clinton Knocks", "Bloomberg Photographer" (allsides_dev); read like a headline, they
    name only what the article names elsewhere. A name on a line of its own keeps being read as prose: a list of
    names has commas or numbers, an organisation's name its cue ("Federal Reserve Bank of St. Louis"); so does a
    sentence with a lower-case word of four or more letters ("Lindsay Davenport beat Wang Shi-ting")."""
    toks = sentence.tokens
    if not toks or toks[-1].text[-1] in _HEADING_ENDS:
        return ""  # (most sentences)
    n_long = commas = 0
    cues = table.organisation_cues
    for t in toks:
        if t.kind == "number":
            return ""
        commas += t.text == ","
        w = t.text
        if t.kind != "word" or not w[:1].isalpha():
            continue
        if strip_possessive(norm(w)) in cues:
            return ""
        if len(w) > 3:
            if not w[0].isupper():
                return ""
            n_long += 1
    return "title" if n_long >= 5 and commas <= 1 else ""


def _can_start(tok: Token, taken: bool, table: ActorTable) -> bool:
    if taken or not is_cap(tok):
        return False
    memo = table.memo("can start")  # the test of a word's text is a function of the text and the table alone
    ok = memo.get(tok.text)
    if ok is None:
        text = tok.text
        ok = memo[text] = (strip_possessive(text) not in table.not_names and not _PARTY_LABEL.match(text)
                           and not _NAME_ADJECTIVE.search(text)
                           and not _contraction(text))
    return ok


def _contraction(text: str) -> bool:
    """Is ``text`` a contraction that opens no name (:data:`_CONTRACTION`)? Not an acronym's possessive: "WHO’s
    Director-General" (Foreign Policy Mld6GfouctyLxfa2) is the organisation's."""
    if ("'" not in text and "’" not in text) or _CONTRACTION.match(text) is None:
        return False
    stem = text.replace("’", "'").partition("'")[0]
    return not (len(stem) > 1 and stem.isupper())


# A pronoun or "let", "that", "there" … with a contracted verb ("I'm", "We’ve", "That's"), or a verb with a contracted
# "not" ("Didn’t Trump’s team …", Krauthammer in the allsides corpus; "Can't", "Won't"): no name starts with it
_CONTRACTION = re.compile(r"(?i)(?:(?:i|we|you|they|he|she|it|let|that|there|here|what|who|where)['’](?:m|ve|ll|d|re|s)"
                          r"|[a-z]+n['’]t)$")
# A word that numbers a part of a text or a law ("Chapter 7 bankruptcy", "Section 230", "Title IX"): before a number
# or a Roman numeral it starts no name
_NUMBERED_PARTS = frozenset({"chapter", "section", "article", "title", "amendment", "proposition", "prop", "clause",
                             "paragraph", "form", "schedule", "exhibit", "measure"})
_ROMAN = re.compile(r"[IVXLC]+$")


def _numbered_part(toks: tuple[Token, ...], i: int) -> bool:
    """Is token ``i`` a word such as "Chapter" before a number or a Roman numeral ("Chapter 7", "Title IX"), and
    no capitalised word after them that makes them part of a longer name ("the Article III Project")?"""
    return toks[i].lower in _NUMBERED_PARTS and i + 1 < len(toks) and (
        toks[i + 1].kind == "number" or bool(_ROMAN.match(toks[i + 1].text))) \
        and not (i + 2 < len(toks) and is_cap(toks[i + 2]))


def _cue_of_the(toks: tuple[Token, ...], j: int, taken: list[bool], table: ActorTable, inside: bool = False) -> bool:
    """Is token ``j`` the of/for/on after an organisation cue, followed by "the" and a capitalised word
    ("Department of the Interior", "Commission on the Status of Women", "Museum of the Bible")? English names
    of bodies take a complement with its article; the run then goes on over "the" (kept by
    :func:`_kept_joiner`, which splits it again where the word before "of" is no cue). ``inside`` such a
    complement, an "of the" goes on too ("Reporters Committee for the Freedom of the Press")."""
    cue = strip_possessive(toks[j - 1].text)
    return (toks[j].lower in ("of", "for", "on") and j + 2 < len(toks) and toks[j + 1].lower == "the"
            and not taken[j + 1] and _can_start(toks[j + 2], taken[j + 2], table)
            and ((cue in table.organisation_cues and (toks[j].lower != "on" or cue in _ON_BODIES))
                 or (inside and toks[j].lower == "of")))


# Bodies named with "on the" and their subject ("Commission on the Status of Women", "Committee on the Judiciary");
# after other cues "on the" is a preposition ("brief Congress on the Iraq surge", "NBC News on the Senate floor")
_ON_BODIES = frozenset("Commission Committee Subcommittee Panel Council Conference Caucus Force Forum Institute "
                       "Center Centre Coalition".split())


def _starts_organisation(toks: tuple[Token, ...], i: int, taken: list[bool], table: ActorTable) -> bool:
    """A capitalised word of ``not_names`` that is no function word ("Democrat", "Internet", "Government")
    starts a name when the capitalised words from it end in an organisation cue ("Democrat Party",
    "Internet Research Agency", "Government Accountability Office")."""
    if taken[i] or not is_cap(toks[i]) or toks[i].lower in stopwords() or is_possessive(toks[i]) \
            or (toks[i].lower in _MONTHS and i > 0 and toks[i - 1].lower in _DETS):
        return False  # "the August National Association of Purchasing Management index": a month ("June Medical
        # Services v. Russo" is a name)
    k = i + 1
    while k < len(toks) and k - i < MAX_RUN and not taken[k] and is_cap(toks[k]) and not is_possessive(toks[k]):
        k += 1
    if k < len(toks) and not taken[k] and is_cap(toks[k]) and k - i < MAX_RUN:
        k += 1  # a possessive last word ("Democrat Party's")
    # a demonym describes ("Lebanese TV station Al Manar") unless it opens a name of three or more capitalised
    # words ending in a cue: "American Medical Association", "Russian Orthodox Church", "American Stock Exchange";
    # before a branch of the armed forces it names it: "Russian Navy", "British Army" (round 14)
    cue = strip_possessive(toks[k - 1].text)
    least = 3 if (toks[i].text,) in table.demonyms and cue not in _ARMED_FORCES else 2
    return k - i >= least and cue in table.organisation_cues


_ARMED_FORCES = frozenset({"Army", "Navy"})
# religious words of ``not_names`` (actors.yaml 2.11) that go on inside a body's name ("Aligarh Muslim University")
_FAITH_WORDS = frozenset({"Sunni", "Shiite", "Shia", "Muslim"})


def _place_named(words: tuple[str, ...], table: ActorTable) -> bool:
    """Are ``words`` a listed actor's alias or a country, state or city of the gazetteer ("America", "Ohio")?"""
    g = gazetteer()
    return words in table.aliases or words in table.span_names or " ".join(words) in g.regions \
        or " ".join(words) in g.cities


def _comma_in_complement(toks: tuple[Token, ...], i: int, j: int, taken: list[bool], table: ActorTable,
                         listing: bool) -> bool:
    """Is the comma at ``j`` inside a coordinated complement of a body's name that began at ``i`` ("Bureau of
    Alcohol, Tobacco, Firearms and Explosives", "Ministry of Culture, Sports and Tourism")? The run holds an
    organisation cue and "of" with one or two capitalised words before the first comma (``listing``: a comma of
    the list was passed), and from the comma on, items of one or two capitalised words that are no organisation
    cue are separated by commas up to an "and" before a last item. Two items with a serial comma ("Department
    of Justice, and DHS") end an enumeration of bodies, not a name; so does a place before the first comma ("Bank
    of America, Boeing, Dow Chemical, Pfizer, and Qualcomm")."""
    if not listing:
        ofs = [k for k in range(i + 1, j) if toks[k].lower == "of" and j - k <= 3
               and strip_possessive(toks[k - 1].text) in table.organisation_cues]
        if not ofs or _place_named(tuple(norm(t.text) for t in toks[ofs[-1] + 1:j]), table):
            return False  # "Bank of America, Boeing, Dow Chemical and Pfizer": a list of companies after a place
    n, k = len(toks), j
    while k < n and k - j < 16:
        if not listing and k == j and k + 1 < n and toks[k + 1].lower == "and":
            return False  # "X of Y, and Z": two items with a serial comma

        if toks[k].text != "," and toks[k].lower != "and":
            return False
        last = toks[k].lower == "and" or (k + 1 < n and toks[k + 1].lower == "and")
        k += 2 if toks[k].text == "," and last else 1
        m = k
        while m < n and m - k < 2 and not taken[m] and is_cap(toks[m]) and toks[m].lower not in _JOINERS \
                and strip_possessive(toks[m].text) not in table.organisation_cues:  # "…, Princeton University": a body
            m += 1
        if m < n and is_cap(toks[m]) and not taken[m]:
            return False  # a longer item ("University of Oregon, Princeton University and …")
        if m == k:
            return False
        if last:
            return True
        k = m
    return False


def runs(sentence: Sentence, taken: list[bool], table: ActorTable) -> list[tuple[int, int]]:
    """Maximal runs ``[i, j)`` of capitalised words with their joiners, in order."""
    toks = sentence.tokens
    n = len(toks)
    out: list[tuple[int, int]] = []
    i = 0  # the first token not yet read
    for k in _openings(toks):  # (no run starts at any other token: each is passed over)
        if k < i:
            continue  # inside the run found last, or the number after "Title"
        i = k
        if toks[i].lower in _NUMBERED_PARTS and _numbered_part(toks, i):
            i += 2  # the word and its number: "Title IX" names no body
            continue
        if not is_cap(toks[i]):
            i += 1  # (what follows would find no country, no start and no organisation: each needs a capital)
            continue
        country = _country_end(toks, i, table) if not any(taken[i:i + 3]) else i
        if country == i and not _can_start(toks[i], taken[i], table) \
                and not _starts_organisation(toks, i, taken, table):
            i += 1
            continue
        j, complement, campus, listing = i, False, -1, False
        while j < n and j - i < MAX_RUN and not taken[j]:
            t = toks[j]
            if j >= country and j > i and is_cap(t) and toks[j - 1].kind == "word":
                country = _country_end(toks, j, table)  # "the Faroe Islands"
            if j < country:
                pass  # "Czech Republic", "Faroe Islands": a country's name, whatever its words
            elif j > i and _DESIGNATOR.match(t.text) and toks[j - 1].kind == "word":
                break  # "the Dana Air MD-83", "Lockheed Martin F-35s": a model's code ends its maker's name
            elif campus >= 0 and is_cap(t) and (j - campus >= 3 or strip_possessive(t.text) in table.organisation_cues):
                # a campus is a place of one to three words ("at Chapel Hill", "at Chapel Hill's offer": the
                # university's possessive), not another body ("at Portland State University")
                j = campus - 1
                break
            elif j > i and is_cap(t) and (strip_possessive(t.text) not in table.not_names
                                        or strip_possessive(t.text) in table.organisation_cues
                                        or (t.text in _FAITH_WORDS and _starts_organisation(toks, j, taken, table))) \
                    and not _PARTY_LABEL.match(t.text) and not _NAME_ADJECTIVE.search(t.text) \
                    and not (j == i + 1 and sentence.index < 0 and t.text.isupper()
                             and _emphasis(t.text, toks[i].text)):
                pass  # "Seattle Police Department": a cue goes on a name; so does "Aligarh Muslim University"
            elif j == i:
                pass
            elif t.text == "May" and toks[j - 1].kind == "word" and is_cap(toks[j - 1]) \
                    and not (j + 1 < n and toks[j + 1].kind == "number"):
                pass  # "Theresa May called the attack “sickening”" (BBC E5pZc1o2iOC9qLx5): a surname, not the month
            elif t.text == "." and len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper():
                pass  # the full stop of an initial
            elif t.text == "." and (toks[j - 1].text in ("Jr", "Sr", "St") or
                                    (toks[j - 1].lower, ".") in table.titles):
                pass  # "Jr.", "Sen.", "Gov.": an abbreviation inside the run
            elif (t.lower in _JOINERS or t.lower in table.name_particles) and j + 1 < n and not taken[j + 1] \
                    and _can_start(toks[j + 1], False, table) and (toks[j - 1].kind == "word" or listing):
                pass  # (after the serial comma of a complement's list: "Tobacco, Firearms, and Explosives")
            elif _cue_of_the(toks, j, taken, table, complement):
                complement = True  # "Department of the Interior": "the" goes on to the next word
            elif t.text == "," and _comma_in_complement(toks, i, j, taken, table, listing):
                listing = True  # "Bureau of Alcohol, Tobacco, Firearms and Explosives": a list is the body's complement
            elif t.lower == "at" and j + 1 < n and not taken[j + 1] and _can_start(toks[j + 1], False, table) \
                    and any(toks[k].text == "University" and toks[k + 1].lower == "of" for k in range(i, j - 1)):
                campus = j + 1  # "University of North Carolina at Chapel Hill": a campus is part of the name
            else:
                break
            j += 1
            if is_possessive(t):
                break
        while j > i and toks[j - 1].kind == "punct" and toks[j - 1].text != ".":
            j -= 1
        out.append((i, j))
        i = max(j, i + 1)
    return out


def _openings(toks: tuple[Token, ...]) -> list[int]:
    """Indices of the tokens where :func:`runs` may do more than step to the next token: the capitalised words
    (:func:`.tokens.is_cap`, written out: one comprehension over the sentence instead of a call per token) and
    the words that number a part ("Title", "section")."""
    return [k for k, t in enumerate(toks) if t.lower in _NUMBERED_PARTS or (t.kind == "word" and (
        t.text[:1].isupper() or (t.text.startswith(NAME_ARTICLES) and t.text[3:4].isupper())))]


def _title_prefix(toks: tuple[Token, ...], i: int, j: int, table: ActorTable) -> tuple[int, str]:
    """End of the title prefix of run ``[i, j)`` (modifiers, demonyms and titles), and the last title."""
    k, title, end = i, "", i
    while k < j:
        best = 0
        for length in range(min(5, j - k), 0, -1) if norm(toks[k].text).lower() in table.title_starts else ():
            key = tuple(norm(t.text).lower() for t in toks[k:k + length])
            if key in table.titles:
                best = length
                break
        if best:
            title = " ".join(norm(t.text).lower() for t in toks[k:k + best]).replace(" .", ".")
            k += best
            end = k
            continue
        word = norm(toks[k].text)
        if (word,) in table.demonyms and _country_end(toks, k, table) > k:
            break  # "Czech Republic", "Dominican Republic": the demonym opens a country's name
        if word.lower() in table.title_modifiers or (word,) in table.demonyms:
            k += 1
            continue
        break
    return end, title


def _country_end(toks: tuple[Token, ...], i: int, table: ActorTable) -> int:
    """The end of a country's name of two or three words opening at token ``i`` whose words the chunker would
    not take as a name ("Czech Republic": "Czech" is a demonym; "Faroe Islands": "Islands" a common word), or
    ``i``."""
    if strip_possessive(norm(toks[i].text)) not in _country_openers(table):
        return i
    for length in (3, 2):
        words = tuple(strip_possessive(norm(t.text)) for t in toks[i:i + length])
        if len(words) == length and words in table.span_names and all(is_cap(t) for t in toks[i:i + length]) \
                and any(w in table.not_names for w in words):
            return i + length
    return i


def _country_openers(table: ActorTable) -> frozenset[str]:
    """First words of the two- and three-word country names :func:`_country_end` can find (a quick "no")."""
    memo = table.memo("country openers")
    if not memo:
        memo[""] = frozenset(k[0] for k in table.span_names
                             if len(k) in (2, 3) and any(w in table.not_names for w in k))
    return memo[""]


def _is_place_or_body(toks: tuple[Token, ...], i: int, p: int, table: ActorTable) -> bool:
    """Are tokens ``[i, p)`` a gazetteer place, a listed name or a name ending in a cue word?"""
    words = tuple(strip_possessive(t.text) for t in toks[i:p] if t.kind == "word")
    if not words:
        return False
    g = gazetteer()
    text = " ".join(words)
    return (words in table.span_names or words in table.aliases or text in g.regions or text in g.cities
            or words in listed_organisations() or words[-1] in table.organisation_cues
            or words[-1] in table.location_cues or words[-1] in table.region_cues)


def _title_inside(toks: tuple[Token, ...], k: int, j: int, table: ActorTable) -> int:
    """Start of a title inside run ``[k, j)`` that precedes a name, else ``k``: after a place or body
    ("Texas Sen. Ted Cruz", "Google CEO Sundar Pichai"), or after any capitalised words when the title
    is followed by a capitalised name and nothing joins the words before it to the title ("Moderate
    Democratic Sen. Joe Manchin", "Homeland Security Secretary Alejandro Mayorkas"; not "Office of the
    Director of National Intelligence")."""
    if _title_prefix(toks, k, j, table)[1]:
        return k  # "House Speaker Nancy Pelosi": the title starts the run
    for p in range(k + 1, min(j - 1, k + 6)):
        if toks[p].lower not in table.title_starts:
            continue
        end, title = _title_prefix(toks, p, j, table)
        if not title or end >= j or toks[end].text in NAME_SUFFIXES:
            continue  # a title word before "Jr." is a surname: "Martin Luther King Jr."
        if _is_place_or_body(toks, k, p, table):
            return p
        if is_cap(toks[end]) and toks[end].lower not in _JOINERS \
                and not any(t.lower in _JOINERS or t.lower in table.name_particles for t in toks[k:p]):
            return p
    return k


def _single_word_and_body(toks: tuple[Token, ...], c: int, table: ActorTable, start: int) -> bool:
    """"X and Y … CUE": one capitalised word that is no given name before "and" (the name starts at
    ``start``), and after it two or more capitalised words ending in an organisation cue ("Food and Drug
    Administration"; not "Pelosi and Senate")."""
    if toks[c - 1].text in gazetteer().given_names:
        return False
    if c - 1 != start and not (c - 2 == start and (_country_prefix(toks[start], table)
                                                   or toks[start].text in table.standalone_organisations)):
        return False  # "US Food and Drug Administration", "House Ways and Means Committee" keep their first word
    k = c + 1
    while k < min(len(toks), c + MAX_RUN) and is_cap(toks[k]) and not is_possessive(toks[k]):
        k += 1  # bounded: a sentence of nothing but capitalised words stays linear
    if k < len(toks) and is_cap(toks[k]):
        k += 1  # a possessive last word
    return k - (c + 1) >= 2 and strip_possessive(toks[k - 1].text) in table.organisation_cues


def _country_prefix(tok: Token, table: ActorTable) -> bool:
    """A country's one-word name or abbreviation opening a body's name ("US", "U.S.", "UK")."""
    return (norm(tok.text),) in table.span_names or ((key := (norm(tok.text),)) in table.aliases
                                                    and table.actors[table.aliases[key]].kind == "country")


def _kept_joiner(toks: tuple[Token, ...], c: int, table: ActorTable, kept_of: bool, start: int,
                 complement: bool = False) -> bool:
    """Is the joiner at ``c`` inside a name ("Bank of America"), rather than between two names? Inside the
    complement of a body ("Office of the Director of National Intelligence", ``complement``) an "of" goes on."""
    word = toks[c].lower
    prev = strip_possessive(toks[c - 1].text)
    if word == "&" or word in table.name_particles:
        return True
    if word in ("of", "for", "on"):
        return prev in table.organisation_cues or prev in table.location_cues or (complement and word == "of")
    if word == "the":
        return toks[c - 1].lower in ("of", "for", "on") and kept_of
    if word == "and":  # "Department of Health and Human Services", "Food and Drug Administration"
        return kept_of or _single_word_and_body(toks, c, table, start)
    return False


_COMPOUND = re.compile(r"^[A-Z][a-z]*(?:-[a-z]+)+$")  # "Two-year-old", "Long-time": capitalised, lower after hyphens


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """The Dale–Chall familiar words, as the readability family reads them (lower case); read once per process."""
    from ..metrics.readability import dale_chall_familiar_words  # imported late: metrics imports this package

    return dale_chall_familiar_words()


def _emphasis(word: str, before: str) -> bool:
    """A verb in capitals after a one-word name in lower case in a headline ("Macron RECALLS French ambassador",
    "Biden SLAMS …": tabloid style): five or more letters ending in -S, -ED or -ING; it ends the name."""
    return not before.isupper() and word.isalpha() and len(word) >= 5 and word.endswith(("S", "ED", "ING"))


def shouted_word(word: str) -> bool:
    """A word in capitals for emphasis, not an acronym: a familiar English word (or one with an -s, -ed or -ing
    ending) or an English given name, of four or more letters ("WALL", "PAUL", "WATCHED")."""
    if len(word) < 4 or not word.isupper():
        return False
    low = word.lower()
    stems = {low, low.removesuffix("s"), low.removesuffix("ed"), low.removesuffix("d"), low.removesuffix("ing")}
    return bool(stems & familiar_words()) or word.title() in gazetteer().english_given_names


def _verb_in_ing(word: str) -> bool:
    """A capitalised -ing form of a familiar English verb ("Protecting", "Improving"), never a given name:
    it opens a title or a clause, not a name ("Beijing", "Sterling" are no such forms)."""
    if not word.endswith("ing") or word in gazetteer().given_names:
        return False
    stem = word[:-3].lower()
    return stem in familiar_words() or stem + "e" in familiar_words()


_ADJECTIVE_MODIFIERS = frozenset({"former", "then", "acting", "late", "incoming", "outgoing", "interim"})
_CLAUSE_OPENERS = frozenset({":", "—", "–", "“", '"', "‘"})


def _opens_clause(toks: tuple[Token, ...], i: int) -> bool:
    """Is token ``i`` the first word after a colon, a dash or an opening quotation mark (capitalised by rule)?"""
    return i > 0 and toks[i - 1].text in _CLAUSE_OPENERS


def _title_before_name(toks: tuple[Token, ...], e: int, j: int, table: ActorTable) -> bool:
    """Do tokens from ``e`` hold a title (:func:`_title_prefix`) followed by a capitalised word that no joiner
    or organisation cue makes part of a longer name ("Secretary Xavier Becerra"; not "Secretary General")?"""
    end, title = _title_prefix(toks, e, j, table)
    return bool(title) and end < j and end > e and is_cap(toks[end]) and toks[end].lower not in _JOINERS \
        and toks[end].text not in NAME_SUFFIXES and strip_possessive(toks[end].text) not in table.organisation_cues


def _segment_end(toks: tuple[Token, ...], s: int, j: int, table: ActorTable) -> tuple[int, bool]:
    """End of the name starting at ``s`` in run ``[s, j)`` and whether it is an organisation's name
    (its last word, or a word before a kept of/for, is an organisation cue)."""
    kept_of, org, e, complement = False, False, s, False
    while e < j:
        if toks[e].lower in _JOINERS or (toks[e].lower in table.name_particles and not is_cap(toks[e])):
            if _kept_joiner(toks, e, table, kept_of, s, complement):
                complement = complement or (toks[e].lower == "the" and e > s
                                            and _cue_of_the(toks, e - 1, [False] * len(toks), table, complement))
                if toks[e].lower in ("of", "for", "on") and strip_possessive(toks[e - 1].text) in \
                        table.organisation_cues:
                    org = True
                kept_of = kept_of or toks[e].lower in ("of", "for", "on")
                e += 1
                continue
            break
        if complement and (toks[e].lower,) in table.titles and toks[e - 1].lower not in _JOINERS \
                and e + 1 < j and is_cap(toks[e + 1]) and toks[e + 1].lower not in _JOINERS:
            break  # "… of Colored People President Kweisi Mfume": a title before a name ("High Commissioner" goes on)
        if org and kept_of and toks[e - 1].lower not in _JOINERS and _title_before_name(toks, e, j, table):
            break  # "Department of Health and Human Services Secretary Xavier Becerra", "Centers for Disease Control
            # and Prevention Director Dr. Rochelle Walensky": a body's name, then its officer's title and name
        e += 1
    while e > s and toks[e - 1].kind != "word":
        e -= 1
    if e > s and strip_possessive(toks[e - 1].text) in table.organisation_cues:
        org = True
    return e, org


def split_run(sentence: Sentence, i: int, j: int, table: ActorTable) -> list[Part]:
    """The candidate names in run ``[i, j)``: title prefixes stripped, split at joiners between names.

    A name that ends in an organisation cue keeps its title-like first word ("Justice Department").
    """
    toks = sentence.tokens
    start_word = first_word(sentence)
    parts: list[Part] = []
    k = i
    while k < j:
        p = _title_inside(toks, k, j, table)
        if p > k:  # "Texas Sen. Ted Cruz", "Jackson County Sheriff Richard Stringer": a place or body, then a person
            parts.append(Part(k, p, initial=k == start_word))
            k = p
        e, org = _segment_end(toks, k, j, table)
        s, title = (k, "") if org else _title_prefix(toks, k, j, table)
        title_start = k if title else -1
        for b in range(k, s) if title else ():  # "Senate Majority Leader …", "House Speaker …": the body too
            if toks[b].text in table.standalone_organisations:
                parts.append(Part(b, b + 1, initial=b == start_word))
        if s > k:
            e, org = _segment_end(toks, s, j, table)
        # function words capitalised at a sentence start or in a headline ("Despite Trump", "But Biden")
        while s < e and (toks[s].lower in stopwords() or toks[s].lower in _ADJECTIVE_MODIFIERS
                         or _contraction(toks[s].text)) and toks[s].kind == "word":
            s += 1  # (and "Won't Congress act?": a contraction opens no name)
        if s == start_word and e - s > 1 and toks[s].lower.endswith(("ing", "ly", "ed")) \
                and toks[s].text not in gazetteer().given_names:
            s += 1  # "Taking Clinton …", "Reportedly …": a capitalised first word that is no name
        while e - s > 1 and (_COMPOUND.match(toks[s].text) or shouted_word(toks[s].text)
                             or _verb_in_ing(toks[s].text)):
            s += 1  # "Two-year-old Emile Ouamouno", "WATCH Obama", "Protecting Medicare": no part of a name
        if e > s:
            parts.append(Part(s, e, title, title_start, s == start_word or _opens_clause(toks, s)))
        k = max(e, s, k + 1)
        while k < j and (toks[k].lower in _JOINERS or not is_cap(toks[k])):
            k += 1
    return parts
