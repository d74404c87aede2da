"""Listed actors by alias (the actor files), place contexts, titles and employers before a name.

An alias claims its tokens before any rule runs: matched case-sensitively on whole tokens, the
longest alias wins, a possessive ('s) is allowed on its last word and a leading "the" is optional.
A possessor inside an alias ("South Korea's" in "South Korea's intelligence agency") that is
itself an alias of another actor is a mention of that actor too. A place name (an actor's
``places``, e.g. "Pyongyang") right after a ``place_contexts`` entry is the place, not the actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Sentence, Token
from .chunker import familiar_words
from .gazetteers import gazetteer
from .table import ActorTable
from .tokens import LEGAL_FORMS, is_cap, is_possessive, longest, match_seq, norm, strip_possessive

CONNECTORS = frozenset({"of", "for", "and", "on"})


@dataclass(slots=True)
class Found:
    """One recognised span: tokens ``[first, last)`` of ``sentence``, the actor it names and the rule."""

    sentence: Sentence
    first: int
    last: int
    name: str  # actor name, or the name as printed for rule-found entities
    kind: str
    rule: str
    listed: bool
    sex: str = ""  # "m" | "f" from an honorific or a given name, persons only
    title: str = ""  # lower-cased title before a person ("deputy foreign minister")
    single: bool = False  # a one-word person name (a surname or a short form)
    note: str = ""  # why the mention is not counted ("" = counted)
    place_kind: str = ""  # a place use: the kind of place (city, state, location)

    @property
    def order(self) -> tuple[int, int]:
        return (self.sentence.index, self.first)


def place_context(toks: tuple[Token, ...], i: int, table: ActorTable) -> str:
    """The place context ("visit to", "in") ending right before token ``i`` or before a "the" there
    ("in the Kursk region"), "" if none."""
    if i > 0 and toks[i - 1].lower == "the":
        return place_context(toks, i - 1, table) or _context_at(toks, i, table)
    return _context_at(toks, i, table)


def _context_at(toks: tuple[Token, ...], i: int, table: ActorTable) -> str:
    by_last = _contexts_by_last_word(table)
    if by_last is None or i == 0:
        contexts = table.place_contexts  # (an empty context, which matches anywhere: every context in order)
    else:
        contexts = by_last.get(norm(toks[i - 1].text).lower(), ())
    for ctx in contexts:
        s = i - len(ctx)
        if s >= 0 and all(norm(toks[s + j].text).lower() == w for j, w in enumerate(ctx)):
            return " ".join(ctx)
    return ""


def _contexts_by_last_word(table: ActorTable) -> dict[str, list[tuple[str, ...]]] | None:
    """The table's place contexts by their last word, each list in the table's order (made once per table): only
    the contexts ending with the word before a place can end there. ``None`` when a context is empty."""
    memo = table.memo("place contexts by last word")
    index = memo.get("index")
    if index is None:
        index = None if () in table.place_contexts else {}
        for ctx in table.place_contexts if index is not None else ():
            index.setdefault(ctx[-1], []).append(ctx)
        memo["index"] = index
    return index


def org_end(toks: tuple[Token, ...], i: int, taken: list[bool], table: ActorTable) -> int:
    """End of an organisation name starting at ``i``, ``i`` when there is none.

    A run of capitalised words (joined by of/for/and/on) whose last word is a cue word
    ("Supreme People's Assembly"), or with the cue followed by of/for ("Ministry of Defense").
    At least two words.
    """
    n = len(toks)
    if taken[i] or not is_cap(toks[i]) or strip_possessive(toks[i].text) in table.not_names:
        return i
    j = i
    while j < n and not taken[j] and (
        is_cap(toks[j]) or (toks[j].lower in CONNECTORS and j + 1 < n and is_cap(toks[j + 1])
                            and not taken[j + 1] and j > i)):
        j += 1
        last = strip_possessive(toks[j - 1].text)
        if last != norm(toks[j - 1].text) and j - 1 > i and last in table.organisation_cues:
            break  # "… Ministry's" ends the name
    cues = [k for k in range(i, j) if strip_possessive(toks[k].text) in table.organisation_cues]
    if not cues:
        return i
    c = cues[-1]
    legal_form = toks[c].text.rstrip(".") in LEGAL_FORMS  # "Daniels Pharmaceuticals Inc of St. Petersburg, Fla."
    end = j if (c == j - 1 or (toks[c + 1].lower in {"of", "for"} and not legal_form)) else c + 1
    return end if end - i >= 2 else i


def _region_name(words: tuple[str, ...], table: ActorTable) -> bool:
    """Is ``words`` a named region or continent ("Central America", "North America")?"""
    text = " ".join(words)
    return text in table.locations or text in gazetteer().continents


def _after_given_name(toks: tuple[Token, ...], i: int, taken: list[bool]) -> bool:
    """Is token ``i`` (a place standing for an actor) right after a capitalised English given name that is no
    familiar English word ("George Washington"; not "Will Russia …", "May China …")?"""
    if i == 0 or taken[i - 1] or not is_cap(toks[i - 1]):
        return False
    prev = toks[i - 1].text
    return prev in gazetteer().english_given_names and prev.lower() not in familiar_words()


def _named_after(toks: tuple[Token, ...], i: int, taken: list[bool], table: ActorTable) -> bool:
    """Is the alias at token ``i`` the end of an organisation's name "CUE of ALIAS" ("Bank of America", "Bank of
    Japan", "Church of England"; a cue of ``organisation_cues``)? Not "Republic of …", which names a state."""
    if i < 2 or toks[i - 1].lower != "of" or taken[i - 2]:
        return False
    cue = strip_possessive(toks[i - 2].text)
    return cue in table.organisation_cues and cue not in _STATE_CUES and is_cap(toks[i - 2])


_STATE_CUES = frozenset({"Republic"})
_USA = ("USA",)  # "Republic of Ireland", "Republic of Korea": the state


def find_listed(sentence: Sentence, taken: list[bool], table: ActorTable,
                places: list[Found] | None = None) -> list[Found]:
    """Aliases of listed actors, longest first; a possessor inside a descriptive alias is a mention too.

    A place name (``places`` of an actor) right after a place context is the place, not the actor:
    its tokens are claimed and it goes to ``places`` (when given) instead of the result.
    """
    out: list[Found] = []
    toks = sentence.tokens
    i = 0  # the first token not yet read
    index = table.alias_index
    opens = table.memo("opens an alias")  # a spelling -> does an alias start with it (plain or possessive)?
    # the words that open an alias or are not known yet (the common "no" read in one comprehension, no call)
    for k in [k for k, t in enumerate(toks) if t.kind != "punct" and opens.get(t.text) is not False]:
        if k < i:
            continue  # inside the alias found last
        i = k
        text = toks[i].text
        may = opens.get(text)
        if may is None:
            may = opens[text] = norm(text) in index or strip_possessive(text) in index
        if not may:
            continue  # no alias starts with this word
        key = longest(toks, i, index)
        if key is not None and not is_possessive(toks[i + len(key) - 1]) and \
                org_end(toks, i, taken, table) > i + len(key):
            key = None  # "Seoul National University", "Washington Post": part of an organisation's name
        if key is not None and i > 0 and is_cap(toks[i - 1]) and not taken[i - 1] and \
                _region_name((norm(toks[i - 1].text), *key), table):
            key = None  # "Central America", "North America": a region, not the country
        if key is not None and len(key) == 1 and key in table.places and _after_given_name(toks, i, taken):
            key = None  # "George Washington", "Denzel Washington": a person's surname, not the capital
        if key == _USA and i + 1 < len(toks) and is_cap(toks[i + 1]) and not toks[i + 1].text.isupper() \
                and strip_possessive(toks[i + 1].text) not in table.not_names:
            key = None  # "USA Gymnastics", "USA Swimming": a national body's name, not the country
        if key is not None and _named_after(toks, i, taken, table):
            key = None  # "Bank of America", "Consumer Federation of America", "Church of England": one organisation
        if key is not None and not any(taken[i:i + len(key)]):
            name = table.aliases[key]
            context = place_context(toks, i, table) if key in table.places else ""
            if context:  # "a state visit to Pyongyang": the city
                if places is not None:
                    places.append(Found(sentence, i, i + len(key), name, "place", f"place after '{context}'", True,
                                        place_kind="city"))
            else:
                for n, owner in table.possessors.get(key, ()):  # "South Korea's intelligence agency"
                    out.append(Found(sentence, i, i + n, owner, table.actors[owner].kind,
                                     f"alias; possessor in an alias of {name}", True))
                out.append(Found(sentence, i, i + len(key), name, table.actors[name].kind, "alias", True))
            for m in range(i, i + len(key)):
                taken[m] = True
            i += len(key)
        else:
            i += 1
    return out


def title_before(toks: tuple[Token, ...], i: int, table: ActorTable) -> tuple[int, str]:
    """Start index and text (lower case) of the longest title ending right before token ``i``."""
    best = (i, "")
    if i == 0:
        return best
    last = norm(toks[i - 1].text).lower()
    keys = table.title_index.get(last, ())
    stripped = strip_possessive(last)
    if stripped != last:
        keys = keys + table.title_index.get(stripped, ())
    for rev in keys:  # only the titles whose last word is the token before i
        key = rev[::-1]
        s = i - len(key)
        if s >= 0 and s < best[0] and match_seq(toks, s, key, lower=True):
            best = (s, " ".join(key).replace(" .", "."))
    return best


def employer_before(toks: tuple[Token, ...], i: int, table: ActorTable) -> str:
    """The actor whose demonym or possessive alias ends right before token ``i`` ("Russian", "Russia's")."""
    for length in range(min(i, 4), 0, -1):
        key = tuple(norm(t.text) for t in toks[i - length:i])
        if key in table.demonyms:
            return table.demonyms[key]
        if norm(toks[i - 1].text).endswith("'s"):
            k2 = (*key[:-1], strip_possessive(key[-1]))
            if k2 in table.aliases:
                return table.aliases[k2]
    return ""
