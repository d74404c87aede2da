"""Names of one person within an article: full names, surnames and honorific + surname.

Full names (two or more words) with the same first and last word are one person, named by the
longest form ("Donald J. Trump" over "Donald Trump"); a listed nickname counts as its full given name
("Bob Mueller" and "Robert Mueller"). Two full names that share a surname but not
a given name are two persons ("Bill Clinton", "Hillary Clinton"). A one-word name ("Trump", also
after "Mr." or "President") joins the person whose surname it is, or the listed actor whose short
form it is (or whose first word it is, when that is no given name: "Tsai" for Tsai Ing-wen), only
when exactly one such person of the article is compatible with it: a gendered
honorific ("Mrs.") and a given name of the other sex ("Bill") do not go together. With no such
person the one word is a person of its own ("Trump"; "Mrs. Clinton" when a man named Clinton is
also in the article). With two or more, the mention is ambiguous: it is left unmerged, with a note
naming the candidates, and not counted; but a "Jr." is no candidate beside his namesake father, nor where
the article writes him "Flynn Jr." (news style tells the son by his suffix: "Trump said" is the father), nor a
relative introduced by the possessive of that surname ("Trump's daughter, Ivanka Trump": "Trump" is someone else).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .gazetteers import gazetteer
from .listed import Found
from .table import ActorTable
from .teams import positions
from .tokens import FAMILY_WORDS, WRITTEN_SUFFIXES, is_possessive, strip_possessive

SURNAME_RULE = "surname of a person named in the article"
SUFFIXES = WRITTEN_SUFFIXES


def name_parts(name: str) -> tuple[str, str]:
    """(first word, surname) of a person's name; the surname skips suffixes ("Jr.")."""
    words = [w for w in name.split() if w not in SUFFIXES] or name.split()
    return words[0], words[-1]


# tell a father from a son; "II", "III" do not conflict
FAMILY_SUFFIXES = frozenset(FAMILY_WORDS + tuple(f"{w}." for w in FAMILY_WORDS))


def middle_initials(name: str) -> str:
    """Initials of the words between a person's first word and surname ("George H. W. Bush", "George H.W.
    Bush" and "George HW Bush" -> "HW"; "George W. Bush" -> "W"; "Donald John Trump" -> "J"; "" for none)."""
    out = ""
    for w in [w for w in name.split() if w not in SUFFIXES][1:-1]:
        core = w.replace(".", "")
        out += core if core.isupper() and len(core) <= 3 else core[:1]  # "H.W." / "HW": both letters
    return out.upper()


def _middle_words(name: str) -> list[str]:
    return [w for w in name.split() if w not in SUFFIXES and w not in FAMILY_SUFFIXES][1:-1]


def middle_groups(names: Iterable[str]) -> dict[str, str]:
    """Full names that share first word and surname -> the key of the person each is: names whose middle
    initials or "Jr."/"Sr." conflict are two persons (George W. Bush, George H. W. Bush; Donald Trump, Donald
    Trump Jr.); a name with neither ("Donald Trump") joins the one middle there is without "Jr."/"Sr." and
    stays apart otherwise, never taken by a "Jr." (at the price of "John Roberts" staying apart from "John G.
    Roberts Jr."); "II", "III" do not conflict. Full middle words within a longer middle do not conflict either
    ("Ruth Bader Ginsburg", "Ruth Joan Bader Ginsburg"); initials do ("George W. Bush", "George H. W. Bush")."""
    names = list(names)
    sig = {n: f"{middle_initials(n)}|{n.split()[-1] if n.split()[-1] in FAMILY_SUFFIXES else ''}" for n in names}
    for n in names:  # "Ruth Bader Ginsburg" is "Ruth Joan Bader Ginsburg": full middle words within a longer middle
        words = _middle_words(n)
        if words and all(len(w.replace(".", "")) > 1 for w in words):
            longer = {sig[m] for m in names
                      if set(words) < set(_middle_words(m)) and sig[m].split("|")[1] == sig[n].split("|")[1]}
            if len(longer) == 1:
                sig[n] = next(iter(longer))
    plain = {k for k in sig.values() if k != "|" and k.endswith("|")}
    if len(plain) == 1:
        only = next(iter(plain))
        sig = {n: only if k == "|" else k for n, k in sig.items()}  # "Donald Trump" joins "Donald J. Trump"
    return sig


def person_short_forms(name: str) -> set[str]:
    """The one-word names a person named in full goes by: the surname, and the first word when it is no
    given name (family name first: "Tsai Ing-wen" … "Tsai", "Xi Jinping" … "Xi", "Gao Feng" … "Gao")."""
    first, surname = name_parts(name)
    out = {surname}
    if first not in gazetteer().given_names and first[:1].isupper() and not first.endswith("."):
        out.add(first)
    return out


def sole_listed_person_forms(table: ActorTable) -> dict[str, str]:
    """Short forms that name one listed person only and are no given name ("Putin" -> Vladimir Putin, "Biden"
    -> Joe Biden; not "Kim", two listed persons): a mention of that person even where the article does not
    name them in full, unless a person the article names in full has that surname (Jill Biden's "Biden")."""
    given = gazetteer().given_names
    out: dict[str, str] = {}
    for form, names in table.short_forms.items():
        persons = [n for n in names if table.actors[n].kind == "person"]
        if len(persons) == 1 and len(names) == 1 and form not in given and " " not in form:
            out[form] = persons[0]
    return out


_KIN_MODIFIERS = frozenset("eldest oldest youngest younger older elder late only first second third".split())


def relative_of_namesake(f: Found, surname: str) -> bool:
    """Is the full name ``f`` introduced as a relative of the bare surname ``surname``: "Trump's daughter, Ivanka
    Trump", "Biden's late son Beau Biden" (the possessive, at most two modifiers, a kinship noun of
    ``entity_positions.yaml``, a comma or none)? The article then uses the bare surname for the other person."""
    toks = f.sentence.tokens
    k = f.first - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k < 0 or toks[k].lower not in positions().kin_nouns:  # (entity_positions.yaml)
        return False
    k -= 1
    for _ in range(2):
        if k >= 0 and toks[k].lower in _KIN_MODIFIERS:
            k -= 1
    return k >= 0 and is_possessive(toks[k]) and strip_possessive(toks[k].text) == surname


@dataclass
class _Person:
    name: str
    first: str
    surname: str
    sex: str = ""
    listed: bool = False
    short_forms: set[str] = field(default_factory=set)


def _compatible(sex: str, person: _Person) -> bool:
    return not sex or not person.sex or sex == person.sex


def resolve_persons(found: list[Found], table: ActorTable) -> None:
    """Set ``name``, ``rule`` and ``note`` of the person mentions in ``found`` (in place).

    Time is linear in the number of mentions times the persons sharing one surname."""
    persons: dict[tuple[str, str, str], _Person] = {}
    fulls = [f for f in found if f.kind == "person" and (f.listed or len(f.name.split()) > 1)]
    full_ids = {id(f) for f in fulls}
    by_base: dict[tuple[str, str], set[str]] = {}
    for f in fulls:
        if not f.listed:
            first, surname = name_parts(f.name)
            by_base.setdefault((table.nicknames.get(first, first), surname), set()).add(f.name)
    middle = {n: k for names in by_base.values() for n, k in middle_groups(names).items()}

    def key_of(f: Found) -> tuple[str, str, str]:
        first, surname = name_parts(f.name)
        return (table.nicknames.get(first, first), surname, middle[f.name]) if not f.listed else (f.name, "", "")

    for f in fulls:
        first, surname = name_parts(f.name)
        key = key_of(f)  # "Bob Mueller" and "Robert Mueller" are one person
        p = persons.get(key)
        if p is None:
            spec = table.get(f.name) if f.listed else None
            p = persons[key] = _Person(f.name, first, surname, listed=f.listed,
                                       short_forms=set(spec.short_forms) if spec else set())
            if not f.listed:
                p.short_forms.update(person_short_forms(f.name))
        elif len(f.name) > len(p.name) and not p.listed:
            p.name = f.name
        p.sex = p.sex or f.sex
    for f in fulls:
        f.name = persons[key_of(f)].name
    relatives = {id(persons[key_of(f)]) for f in fulls if relative_of_namesake(f, name_parts(f.name)[1])}
    by_form: dict[str, list[_Person]] = {}  # short form -> persons
    upper: dict[str, str] = {}  # "TRUMP" -> "Trump"
    for p in persons.values():
        for w in p.short_forms:
            by_form.setdefault(w, []).append(p)
            upper.setdefault(w.upper(), w)
    singles: dict[str, list[_Person]] = {}  # word -> persons known only by that word
    # A bare surname is never a "Jr." of the article when his father (same given name) is named in full too
    # ("Donald Trump", "Donald Trump Jr.", "Trump said": the father; not "Frank Scott Jr." beside "Jamie Scott"),
    # nor when the article writes the son "Flynn Jr." (with no father named in full, "Flynn" is then a person of
    # its own): the suffix is how news style tells the son from his father.
    juniors = {name_parts(f.name)[1] for f in fulls
               if len(f.name.split()) == 2 and f.name.split()[-1] in ("Jr.", "Jr")}
    for f in sorted((f for f in found if f.kind == "person" and id(f) not in full_ids), key=lambda f: f.order):
        word = f.name
        if word.isupper() and len(word) > 1:  # "TRUMP" in an upper-case headline
            word = upper.get(word, word)
        cands = [p for p in by_form.get(word, ()) if _compatible(f.sex, p) and id(p) not in relatives]
        others = [p for p in cands if p.name.split()[-1] not in ("Jr.", "Jr")]
        fathers = {p.first for p in others}
        # father and son (same given name): the bare surname is the father; a son the article writes "Flynn Jr."
        # is not the bare "Flynn" when no other person of that surname has a different given name (a "Charles
        # Flynn" beside "Michael Flynn Jr." leaves "Flynn" ambiguous, as different given names always do)
        other_ids = {id(o) for o in others}  # persons are distinct objects (one per key): identity, not __eq__
        cands = [p for p in cands if id(p) in other_ids or (p.first not in fathers and not (
            word in juniors and all(o.first == p.first for o in others)))]
        if len(cands) == 1:
            p = cands[0]
            plain = f.rule in ("", "short form", SURNAME_RULE)
            f.rule = f"short form of {p.name}" if plain else f"{f.rule}; short form of {p.name}"
            f.name, f.kind = p.name, (table.actors[p.name].kind if p.listed and p.name in table.actors else "person")
            f.listed = p.listed
            p.sex = p.sex or f.sex
            continue
        if len(cands) > 1:
            f.note = "ambiguous: " + " or ".join(sorted(p.name for p in cands))
            continue
        sole = sole_listed_person_forms(table).get(word)
        namesakes = [p for p in by_form.get(word, ()) if id(p) not in relatives]  # (a relative is none)
        sole_sex = gazetteer().given_names.get(sole.split()[0], "") if sole is not None else ""
        if sole is not None and not cands and not namesakes and f.sex in ("", sole_sex):
            # no person of the article has this surname, and no "Mrs." before Joe Biden's
            f.rule = f"short form of the listed {sole}" if f.rule in ("", "short form", SURNAME_RULE) \
                else f"{f.rule}; short form of the listed {sole}"
            f.name, f.kind, f.listed = sole, table.actors[sole].kind, True
            continue
        same = [p for p in singles.get(word, ()) if _compatible(f.sex, p)]
        if len(same) > 1:
            f.note = "ambiguous: " + " or ".join(sorted(p.name for p in same))
            continue
        if same:
            p = same[0]
            p.sex = p.sex or f.sex
            f.name = p.name
            continue
        clash = word in by_form  # "Mrs. Clinton" beside Bill Clinton
        name = f"{f.title.capitalize()} {word}" if clash and f.title else word
        singles.setdefault(word, []).append(_Person(name, word, word, f.sex))
        f.name = name
