"""Sports teams: a place or an unknown name in a team's position is an organisation.

Sports pages name clubs by their town, county or state ("Leicestershire beat Somerset", "Surrey captain
Chris Lewis", "Pohang 3 Ulsan 2", "NEW YORK 74 59 .556"), which the gazetteers read as places and
nothing else types. On the CoNLL-2003 English development split (Reuters 1996, about a third sports
pages) these were most of the missed organisations. A candidate name is a team by its position:

* ``result``: before or after a result verb ("X beat Y", "X drew with Y", "X lost to Y"); ``versus``: around "v";
* ``against``: after "against", before punctuation or a preposition (only a name nothing else typed:
  "match against Yorkshire at Headingley");
* ``score line``: a line "X 3 Y 2 …" or "Glamorgan 259 and 207, Durham 114": a name opens the line and two
  or more names are followed by a score;
* ``table row``: a line of a name and three or more numbers ("Haitai 64 2 43 .596 -");
* ``team noun``: before captain, coach, skipper, striker, team mate, fans … ("Newcastle team mate Les
  Ferdinand"), or after club, side, team ("Belgian club Standard Liege", "first division side Nice").

The same positions name companies and media of any news: ``company`` before "said it" or "says its" (a
person says "he" or "she"; not opening a sentence: "Authorities said it"), before shares, stock,
shareholders, after "shares of", and before a possessive and shares, profit, sales, output, unit …
("Comelf said it almost doubled output", "Cofinec's GDRs"); ``media`` before newspaper, daily, agency
or after "news agency" ("Britain's Sun newspaper"); ``result`` also after "played for", "transferred
to", "joined" ("joined Milan from Torino").

A country keeps its type (national teams are the country: "Romania beat Lithuania"), and so do a
capital, a demonym and a listed name. Result verbs and "v" never retype a person ("Sampras beat
Novak"); the line shapes and team nouns retype only a person guessed from a given name or surname
("Lada Togliatti", "Red Star"). A result verb or "against" counts only in an article where a sports position
(a table, a score line, a team noun, "v", or a result with a score) named a team ("Trump beat Hillary in 2016"
names no team). The recogniser then gives the name that type in the whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from ..lexicons import bundled_path, load_lexicon
from ..model import Sentence, Token
from .chunker import Part, familiar_words, first_word
from .gazetteers import gazetteer
from .recogniser import EntitySpan
from .table import ActorTable
from .tokens import is_possessive, name_of, strip_possessive


@dataclass(frozen=True)
class Positions:
    """The context words of the positions (bundled ``entity_positions.yaml``: source and version there)."""

    result_verbs: frozenset[str]
    result_with: dict[str, str]  # "drew" -> "with": "drew with", "lost to"
    moved_to: dict[str, str]  # "played" -> "for": "played for Nice"
    joined: frozenset[str]
    versus: frozenset[str]
    team_nouns_after: frozenset[str]
    team_nouns_before: frozenset[str]
    company_says: frozenset[str]
    company_owned: frozenset[str]
    company_owned_of: frozenset[str]
    company_held: frozenset[str]  # "shares of X", "a stake in X": the noun before company_owned_of
    company_possessed: frozenset[str]
    media_nouns: frozenset[str]
    media_verbs: frozenset[str]
    name_ends: frozenset[str]
    kin_nouns: frozenset[str]  # "Crutcher's sister": the possessor is a person (rules.py, possessor of a kinship noun)
    kin_compounds: frozenset[str]  # "its sister company": no kinship
    noun_verbs: frozenset[str]  # "Southern states": a reporting verb's form that is also a plural noun (rules.py)
    clause_openers: frozenset[str]  # "as Smith notes": the name may open a clause
    phrase_openers: frozenset[str]  # "Other Arab states": a determiner opening the sentence
    prepositions: frozenset[str]  # "recovered from Ebola said": no subject after a preposition (rules.py)
    verbs_not_nouns: frozenset[str]  # "Macy's announced": a possessive name before one is a firm's (rules.py)


POSITIONS_FILE = "entity_positions.yaml"


@lru_cache(maxsize=1)
def positions() -> Positions:
    """The bundled context words, read once per process."""
    data = load_lexicon(bundled_path(POSITIONS_FILE)).data  # the bundled file, never a namesake in the working folder
    words: dict[str, object] = {
        f.name: frozenset(str(w).lower() for w in data.get(f.name) or ()) for f in fields(Positions)}
    for name in _WORD_PAIRS:  # a word and the preposition that goes with it
        words[name] = {str(k).lower(): str(v).lower() for k, v in (data.get(name) or {}).items()}
    return Positions(**words)  # type: ignore[arg-type]


_WORD_PAIRS = ("result_with", "moved_to")  # the mappings of Positions; every other field is a word set


_STAT = re.compile(r"^(?:[\d.,/:=]+|-)$")
_SCORE = re.compile(r"^\d{1,3}(?:-\d{1,2})?$")  # a score or a cricket total: "3", "259", "108-3"
_INITIAL = re.compile(r"^[A-Z]\.")

STRONG = ("score line", "table row", "team noun", "company", "media")
SPORTS = ("score line", "table row", "team noun", "versus")  # positions only sports pages have
SCORE_PAIR = re.compile(r"^\d{1,3}-\d{1,3}$")  # "2-1", "42-36"


def sports_evidence(s: Sentence, position: str) -> bool:
    """Does a name's position in ``s`` say sports by itself: a table, a score line, a team noun, "v", or a result
    verb in a sentence with a score ("Romania beat Lithuania 2-1")? A result verb alone does not ("Trump beat
    Hillary in 2016"; "fought against Hitler")."""
    return position in SPORTS or (position == "result" and any(SCORE_PAIR.match(t.text) for t in s.tokens))


def country_in_brackets(toks: tuple[Token, ...], j: int, table: ActorTable) -> bool:
    """Is a country in brackets right after token ``j - 1``? Results tables name each player with a country
    ("Sandrine Testud ( France ) beat Ines Gorrochategui ( Argentina )"; CoNLL-2003 eng.testa)."""
    if j + 2 >= len(toks) or toks[j].text != "(":
        return False
    for k in range(j + 2, min(j + 5, len(toks))):
        if toks[k].text == ")":
            words = tuple(t.text for t in toks[j + 1:k])
            return words in table.span_names or (
                words in table.aliases and table.actors[table.aliases[words]].kind == "country")  # "U.S."
    return False


_CLUB_SCORE = re.compile(r"^\d{1,2}$")
_HALF_TIME = re.compile(r"^\d{1,2}-\d{1,2}$")


def _country_bracket_end(toks: tuple[Token, ...], j: int, table: ActorTable) -> int:
    """The index after the ")" of a country in brackets opening at token ``j``, or -1."""
    if not country_in_brackets(toks, j, table):
        return -1
    return next(k for k in range(j + 2, min(j + 5, len(toks))) if toks[k].text == ")") + 1


def _club_score(toks: tuple[Token, ...], k: int) -> bool:
    """Is token ``k`` a match score (at most 15) followed by the end of the line, an opponent's name or the
    half-time score in brackets? Not a golf round ("68 70"), a time or a points total."""
    if k >= len(toks) or not _CLUB_SCORE.match(toks[k].text) or int(toks[k].text) > 15:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or nxt.text in (".", ";"):
        return True
    if nxt.text == "(":
        return k + 3 < len(toks) and bool(_HALF_TIME.match(toks[k + 2].text)) and toks[k + 3].text == ")"
    return nxt.kind == "word" and nxt.text[:1].isupper()


def club_before_country_and_score(toks: tuple[Token, ...], j: int, table: ActorTable) -> bool:
    """Is the name ending before token ``j`` a club in a cup results line: a country in brackets, then a score
    ("In Bergen: Brann (Norway) 2 Shelbourne (Ireland) 1 (1-1)", "Batumi (Georgia) 3 (0-2)")? A player before
    a country has a result verb, a set score or several numbers after it ("Jiri Novak (Czech Republic) 6-3",
    "Stewart Ginn (Australia) 70 69")."""
    end = _country_bracket_end(toks, j, table)
    return end > 0 and _club_score(toks, end)


def club_after_country_and_score(toks: tuple[Token, ...], i: int, table: ActorTable) -> bool:
    """Is the name starting at token ``i`` the opponent in a cup results line, after the first club's country in
    brackets and its score ("Sparta Prague (Czech Republic) 8 Glentoran")?"""
    if i < 4 or not _club_score(toks, i - 1) or toks[i - 2].text != ")":
        return False
    for k in range(i - 4, max(i - 7, 0), -1):
        if toks[k].text == "(":
            return toks[k - 1].kind == "word" and _country_bracket_end(toks, k, table) == i - 1
    return False


def _familiar(word: str) -> bool:
    """A familiar English word or a form of one ("later", "earlier"): no part of a team's name."""
    stems = {word}
    for end, repl in (("s", ""), ("es", ""), ("ies", "y"), ("er", ""), ("er", "e"), ("ier", "y"), ("ly", "")):
        if word.endswith(end):
            stems.add(word[:-len(end)] + repl)
    return bool(stems & familiar_words()) and word.title() not in gazetteer().given_names


def _place(toks: tuple[Token, ...], p: Part, table: ActorTable) -> bool:
    """Is the name a country, state or city of the gazetteers ("two Louisiana newspapers": a place's papers;
    "Al-Akhbar newspapers" are a title)?"""
    words = tuple(t.text for t in toks[p.first:p.last] if t.kind == "word")
    name = " ".join(words)
    return words in table.span_names or name in gazetteer().regions or name in gazetteer().cities


def _company_position(toks: tuple[Token, ...], p: Part, start: int) -> bool:
    """"Comelf said it" (not opening the sentence), "Magna shares", "shares of X", "a stake in X", "Cofinec's GDRs"."""
    w = positions()
    n = len(toks)
    nxt = toks[p.last].lower if p.last < n else ""
    after = toks[p.last + 1].lower if p.last + 1 < n else ""
    if (nxt in w.company_says and after in ("it", "its") and p.first != start) or nxt in w.company_owned:
        return True
    if p.first >= 2 and toks[p.first - 1].lower in w.company_owned_of and toks[p.first - 2].lower in w.company_held:
        return True
    if is_possessive(toks[p.last - 1]) and toks[p.last - 1].kind == "word":
        return nxt in w.company_possessed
    return nxt in ("'s", "’s") and after in w.company_possessed


def _after_initial(toks: tuple[Token, ...], i: int) -> bool:
    """Does an initial ("A.", "I.") end right before token ``i``?"""
    return (i >= 1 and bool(_INITIAL.match(toks[i - 1].text)) and len(toks[i - 1].text) == 2) or (
        i >= 2 and toks[i - 1].text == "." and len(toks[i - 2].text) == 1 and toks[i - 2].text.isupper())


def _is_int(tok: Token) -> bool:
    return tok.text.isdigit()


def team_positions(s: Sentence, parts: list[Part], table: ActorTable) -> dict[tuple[int, int], tuple[str, Part]]:
    """(first, last) of each candidate name of ``s`` in a team's position -> (the position: "result",
    "against", "score line", "table row" or "team noun"; the name, without a familiar word opening the
    sentence: "Later Kent beat Essex")."""
    if not parts:
        return {}
    w = positions()
    toks = s.tokens
    n = len(toks)
    out: dict[tuple[int, int], str] = {}
    start = first_word(s)
    ordered = sorted(parts, key=lambda p: p.first)
    trimmed = {}
    for p in ordered:
        if p.first == start and p.last - p.first > 1 and _familiar(toks[p.first].lower):
            trimmed[(p.first, p.last)] = Part(p.first + 1, p.last, p.title, p.title_start)
    ordered = [p for p in ordered if not _INITIAL.match(toks[p.first].text) and not any(
        not t.text.isalpha() and any(c.isdigit() for c in t.text)  # (letters only: no digit, checked in C)
        for t in toks[p.first:p.last]) and not _after_initial(toks, p.first)]
    # "P. Simmons 4-38", "A. Smith 5-68" (the "A" is no name), "M1 63.02": no teams
    scored = [p for p in ordered if p.last < n and _SCORE.match(toks[p.last].text)]
    if len(scored) >= 2 and not any(t.kind == "word" and t.text[:1].islower() for t in toks[:scored[0].first]):
        # "Pohang 3 Ulsan 2", "Chester-le-Street: Glamorgan 259 and 207 …, Durham 114"
        for p in scored:
            out[(p.first, p.last)] = "score line"
    elif ordered and ordered[0].first == start:
        p = ordered[0]
        rest = toks[p.last:]
        if sum(1 for t in rest if _STAT.match(t.text) and any(c.isdigit() for c in t.text)) >= 3 \
                and all(_STAT.match(t.text) for t in rest):
            out[(p.first, p.last)] = "table row"
    for p in ordered:
        if p.first == start and p.last - p.first == 1 and _familiar(toks[p.first].lower):
            continue  # "Key players in the US government shutdown": a familiar word opening a sentence
        if (p.first, p.last) in out or (p.last - p.first > 1 and country_in_brackets(toks, p.last, table)):
            continue  # "Anne-Gaelle Sidot ( France )": a player of a country, not a team ("Dinamo ( Russia )" is)
        nxt = toks[p.last].lower if p.last < n else ""
        after = toks[p.last + 1].lower if p.last + 1 < n else ""
        k = p.first - 1 if p.first == 0 or toks[p.first - 1].lower != "the" else p.first - 2  # "beat the Eagles",
        prev = toks[k].lower if k >= 0 else ""  # "lost to the Eagles", "against the Yankees" (round 13)
        before = toks[k - 1].lower if k >= 1 else ""
        ends_phrase = (p.last == n or toks[p.last].kind != "word" or nxt in w.name_ends
                       or toks[p.last].text[:1].isdigit())
        if nxt in w.versus or (ends_phrase and prev in w.versus):
            out[(p.first, p.last)] = "versus"
        elif nxt in w.result_verbs or w.result_with.get(nxt) == after or (ends_phrase and (
                prev in w.result_verbs or w.result_with.get(before) == prev)):
            out[(p.first, p.last)] = "result"  # an object ends its phrase: not "lost to Democratic nominee Biden"
        elif nxt in w.team_nouns_after or (nxt == "team" and after in ("mate", "mates")) or prev in w.team_nouns_before:
            out[(p.first, p.last)] = "team noun"
        elif _company_position(toks, p, start):
            out[(p.first, p.last)] = "company"  # "Comelf said it", "Magna shares", "Cofinec's GDRs"
        elif ends_phrase and (w.moved_to.get(before) == prev or prev in w.joined
                              or (prev, before) == ("from", "joined")):
            out[(p.first, p.last)] = "result"  # "played for Nice and Paris St Germain", "joined Milan from Torino"
        elif ((nxt in w.media_nouns or (nxt == "news" and after == "agency") or (nxt == "newspapers" and not _place(
                toks, p, table))) and not is_possessive(toks[p.last - 1])) \
                or (prev in w.media_nouns and (ends_phrase or nxt in w.media_verbs)):
            # "Itar-Tass news agency quoted Lebed"
            out[(p.first, p.last)] = "media"  # "Britain's Sun newspaper", "news agency Tanjug"
        elif prev == "against" and ends_phrase:
            out[(p.first, p.last)] = "against"  # "match against Yorkshire at Headingley", not "against Democratic
            # claims" (a lower-case noun after it: the name is an adjective)
    by_key = {(p.first, p.last): p for p in ordered}
    return {k: (v, trimmed.get(k, by_key[k])) for k, v in out.items()}


def as_team(found: tuple[str, str, str, str] | None, position: str) -> tuple[str, str, str, str] | None:
    """The typing of a name in a team's ``position`` (see the module docstring); ``found`` is its typing by
    the other rules, (label, rule, sex, title) or None."""
    team = ("ORG", f"team ({position})", "", "")
    if found is None:
        return team
    label, rule = found[0], found[1]
    if label == "ORG" or rule == "demonym" or rule.startswith(("gazetteer: country", "gazetteer: capital",
                                                                "listed", "name of a")):
        return found
    if position == "against":
        return team if label == "MISC" else found
    if label == "PERSON":
        return team if position in STRONG and rule in ("given name", "surname", "reporting verb") else found
    return team


# ---- clubs in the rule recogniser: names, nicknames, scorers and short forms ----

# plural place words that end town names ("Colorado Springs", "Cedar Rapids", "Beverly Hills"), not club nicknames
PLACE_PLURALS = frozenset("Springs Rapids Hills Heights Falls Keys Islands Isles Lakes Plains Woods Highlands Flats "
                          "Gardens Palms Shores Beaches Mountains Banks Meadows Oaks Pines Groves Sands Villages "
                          "Towers States Knolls Estates Acres Ridges Glades Dunes Cliffs Bluffs Narrows Rocks "
                          "Districts Counties".split())


SPORT_NAMES = frozenset("Gymnastics Swimming Basketball Hockey Track Wrestling Cycling Fencing Rugby Soccer "
                        "Volleyball Baseball Softball Boxing Rowing Diving Golf Tennis Triathlon Weightlifting Archery "
                        "Judo Skiing Football Lacrosse Climbing Surfing Skateboarding Taekwondo Badminton Canoe "
                        "Sailing".split())


SPORT_WORDS = frozenset("game games season victory win wins won beat beats defeated lost loss coach quarterback "
                        "player players team teams league playoff playoffs tipoff draft drafted roster stadium match "
                        "score scored nba nfl mlb nhl mls touchdown innings pitcher striker club franchise".split())


def team_name(words: tuple[str, ...], table: ActorTable) -> bool:
    """A town or state of the gazetteer and one capitalised plural nickname: a sports club ("Denver Nuggets",
    "Dallas Mavericks", "New York Yankees"; sample e7's NBA report). Not a group noun or demonym ("Texas Democrats",
    "Ohio Republicans"), a cue word, or a plural that ends town names ("Colorado Springs")."""
    if not 2 <= len(words) <= 4:
        return False
    if not club_nickname(strip_possessive(words[-1]), table):
        return False
    g = gazetteer()
    town = " ".join(words[:-1])
    if town in g.english_given_names:  # "George Stephanopoulos" (George, South Africa): a person unless the town is
        return g.cities.get(town) in _LEAGUE_COUNTRIES  # one of the North American leagues' ("Dallas Mavericks")
    return town in g.cities or town in g.regions


_LEAGUE_COUNTRIES = frozenset({"United States", "Canada"})


def club_nickname(nick: str, table: ActorTable) -> bool:
    """A capitalised plural that may be a club's nickname ("Nuggets", "Orioles"): not a group noun or demonym
    ("Democrats", "Texans"), a cue word, or a plural that ends town names ("Springs")."""
    if not (nick[:1].isupper() and nick[1:].islower() and nick.endswith("s") and not nick.endswith(("ss", "'s"))
            and len(nick) > 3):
        return False
    return not (nick in table.not_names or nick in PLACE_PLURALS or (nick,) in table.demonyms
                or nick in table.organisation_cues or nick in table.location_cues or nick in table.region_cues)


_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")


_GOAL_KINDS = frozenset({"penalty", "pen", "pen.", "own-goal", "og"})


def minute_in_brackets(toks: tuple[Token, ...], j: int) -> bool:
    """Does a goal's minute in brackets follow token ``j - 1``: "(24th)", "(50th minute)", "(1st and 55th)",
    "(penalty, 70th)"? Soccer reports list each scorer so; a club or place is never followed by an ordinal
    minute."""
    if j + 1 >= len(toks) or toks[j].text != "(":
        return False
    k = j + 1
    if toks[k].lower in _GOAL_KINDS:
        if k + 1 < len(toks) and toks[k + 1].text == ",":
            k += 2
        else:
            return k + 1 < len(toks) and toks[k + 1].text in (")", ",")  # "(penalty)" at a wrapped line's end
    return k < len(toks) and bool(_ORDINAL.match(toks[k].text)) and (
        k + 1 == len(toks) or toks[k + 1].text in (")", ",", "and") or toks[k + 1].lower in ("minute", "min"))


def may_be_a_club(words: tuple[str, ...]) -> bool:
    """Can a name in brackets after a person be a club or firm: not a given name ("Jonathan (Jon) Tester"), a
    party label ("(D)", "(D-Minn.)"), nor one familiar word (a show's title: "Johnny Sibilly (Pose)")?"""
    g = gazetteer()
    if len(words) == 1 and (words[0] in g.given_names or len(words[0].rstrip(".")) < 3 or "-" in words[0]
                            or words[0].lower() in familiar_words()):
        return False
    return True


def scorers_after_dash(toks: tuple[Token, ...], j: int) -> bool:
    """Do a dash and a scorer with the minute in brackets follow token ``j - 1`` ("Sion - Ivo Lang (24th)")? A
    results line names the club, then its scorers."""
    if j + 1 >= len(toks) or toks[j].text not in ("-", "–", "—"):
        return False
    k = j + 1
    while k < len(toks) and k - j <= 4 and toks[k].kind == "word" and toks[k].text[:1].isupper():
        k += 1
    return k > j + 1 and minute_in_brackets(toks, k)


END_OF_TEAM = "end of a club's name"


def team_short_forms(out: list[EntitySpan], sentences: list[Sentence], table: ActorTable) -> list[EntitySpan]:
    """"the Jazz", "the Nuggets" after "Utah Jazz", "Denver Nuggets": a club of the article named by a town or state
    of the gazetteer and a nickname is named by its nickname after "the" (sample e7's NBA report: "Rudy Gobert of
    the Jazz" was a person). Only a one-word name nothing typed, or typed a person by a given name or a surname."""
    by_index = {s.index: s for s in sentences}
    g = gazetteer()
    nicknames: set[str] = set()
    for sp in out:
        if sp.label == "ORG" and sp.last - sp.first >= 2:
            words = name_of(by_index[sp.sentence_index].tokens, sp.first, sp.last).split()
            town = " ".join(words[:-1])
            if (town in g.cities or town in g.regions) and words[-1] not in table.organisation_cues:
                nicknames.add(strip_possessive(words[-1]))  # not "the Times", "the Center" after "Los Angeles Times"
    if not nicknames:
        return out
    result = []
    for sp in out:
        toks = by_index[sp.sentence_index].tokens
        if sp.last - sp.first == 1 and sp.first > 0 and toks[sp.first - 1].lower == "the" \
                and strip_possessive(toks[sp.first].text) in nicknames \
                and (sp.label == "MISC" or sp.rule in ("given name", "surname", "reporting verb")
                     or sp.rule.startswith("surname of a person")):  # (the club read as "Utah Jazz", a person)
            sp = EntitySpan(sp.sentence_index, sp.first, sp.last, "ORG", END_OF_TEAM, sp.title, "")
        result.append(sp)
    return result
