"""Token helpers shared by the entity modules: normalised text, possessives, sequence matching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from typing import Any

from ..model import ParsedArticle, Sentence, Token

# The one list of generational suffixes after a person's name ("Martin Luther King Jr.", "Henry Ford II"), in the
# three forms the entity and sourcing modules meet them
FAMILY_WORDS = ("Jr", "Sr")  # tell a father from a son
ORDINAL_WORDS = ("II", "III", "IV")
NAME_SUFFIXES = frozenset(FAMILY_WORDS + ORDINAL_WORDS)  # as tokens ("Jr." is "Jr" + ".")
WRITTEN_SUFFIXES = frozenset(tuple(f"{w}." for w in FAMILY_WORDS) + ORDINAL_WORDS)  # as words of a name ("Jr.")
LOWER_SUFFIXES = frozenset(w.lower() for w in NAME_SUFFIXES)  # as words of a phrase, compared lower-case


def norm(text: str) -> str:
    """Curly apostrophes straightened ("Korea’s" -> "Korea's")."""
    if "’" not in text and "‘" not in text:
        return text
    return text.replace("’", "'").replace("‘", "'")


def strip_possessive(text: str) -> str:
    """``text`` without a final possessive 's or '."""
    if "'" not in text and "’" not in text:
        return text
    t = norm(text)
    if t.endswith("'s"):
        return t[:-2]
    if t.endswith("'") and len(t) > 1:
        return t[:-1]
    return t


def is_possessive(tok: Token) -> bool:
    return strip_possessive(tok.text) != norm(tok.text)


def is_cap(tok: Token) -> bool:
    """A word token that starts with a capital letter, or with the Arabic article "al-"/"el-" before one
    ("al-Qaida", "al-Assad", "el-Sisi": a name as wire copy prints it)."""
    return tok.kind == "word" and (tok.text[:1].isupper() or (tok.text.startswith(NAME_ARTICLES)
                                                               and tok.text[3:4].isupper()))


NAME_ARTICLES = ("al-", "el-")


def match_seq(tokens: tuple[Token, ...], i: int, key: tuple[str, ...], lower: bool = False) -> bool:
    """Does ``key`` match the tokens from ``i``? The last token may carry a possessive."""
    if i + len(key) > len(tokens):
        return False
    for j, want in enumerate(key):
        got = norm(tokens[i + j].text)
        if lower:
            got, want = got.lower(), want.lower()
        if got != want and not (j == len(key) - 1 and strip_possessive(got) == want):
            return False
    return True


def build_index(keys: Any, lower: bool = False) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First token (lower-cased when ``lower``) -> the keys starting with it."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        out.setdefault(key[0].lower() if lower else key[0], []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def longest(tokens: tuple[Token, ...], i: int, index: dict[str, tuple[tuple[str, ...], ...]],
            lower: bool = False) -> tuple[str, ...] | None:
    """The longest key of ``index`` that matches the tokens from ``i``."""
    first = norm(tokens[i].text)
    if lower:
        first = first.lower()
    keys = index.get(first, ())
    stripped = strip_possessive(first)
    if stripped != first:
        keys = keys + index.get(stripped, ())
    best: tuple[str, ...] | None = None
    for key in keys:
        if (best is None or len(key) > len(best)) and match_seq(tokens, i, key, lower):
            best = key
    return best


def span_text(sentence: Sentence, start: int, end: int) -> str:
    """The text of ``sentence`` between two offsets of the text it came from."""
    return sentence.text[start - sentence.start:end - sentence.start]


def doc_sentences(doc: ParsedArticle) -> list[Sentence]:
    """The headline (when there is one) and then the body sentences."""
    return ([doc.headline] if doc.headline is not None else []) + list(doc.sentences)


# Lower-case halves of a hyphenated word that leave a name in the other half (issue 7 round 14): "Hezbollah-backed
# Al Manar", "a Golden-based brewery", "World Bank-backed projects", "then-IRS Commissioner", "anti-Trump".
COMPOUND_HEADS = frozenset("backed based led owned run funded sponsored controlled affiliated aligned allied born "
                           "made linked brokered friendly supported dominated held occupied appointed ruled "
                           "style era inspired designated operated".split())
COMPOUND_PREFIXES = frozenset("then ex anti pro non post pre".split())


NAME, DEMONYM = 2, 1  # what a ``known`` function of :func:`split_compounds` says of a word (0: neither)


def split_compounds(s: Sentence, known: Callable[[str], int]) -> Sentence:
    """``s`` with each hyphenated word that holds a name split into the name, the hyphen and the rest: a
    capitalised half before a lower-case head of :data:`COMPOUND_HEADS` or after a prefix of
    :data:`COMPOUND_PREFIXES` when ``known`` says :data:`NAME` ("then-IRS", "anti-Trump"; not "anti-Semitic",
    "pro-Western", "pro-LGBT"), or two capitalised halves that ``known`` knows, one of them a name
    ("Israel-Palestinian", "Reuters-Ipsos", "Pfizer-BioNTech"; not "Mexican-American Legal Defense Fund", two
    acronyms such as "AFL-CIO", "Jean-Yves", "Coca-Cola", "Rhineland-Palatinate"). The same sentence
    when there is none (the common case). Offsets are unchanged: a mention's characters are the name's."""
    if "-" not in s.text:
        return s  # (most sentences: no hyphen, no compound)
    out: list[Token] = []
    changed = False
    for t in s.tokens:
        if t.kind == "word" and "-" in t.text and t.text.count("-") == 1 and not t.text.startswith(("al-", "el-")):
            left, right = t.text.split("-")
            if left and right and (
                    (left[:1].isupper() and (right in COMPOUND_HEADS or (
                        right[:1].isupper() and known(left) and known(right) and NAME in (known(left), known(right))
                        and not (left.isupper() and right.isupper()))))
                    or (left in COMPOUND_PREFIXES and right[:1].isupper() and known(right) == NAME)):
                cut = t.start + len(left)
                out += (Token(left, t.start, cut, "word"), Token("-", cut, cut + 1, "punct"),
                        Token(right, cut + 1, t.end, "word"))
                changed = True
                continue
        out.append(t)
    return replace(s, tokens=tuple(out)) if changed else s


def name_of(tokens: tuple[Token, ...], i: int, j: int) -> str:
    """The name printed by tokens ``[i, j)``: words without a possessive, initials with their full stop, an
    ampersand ("Procter & Gamble"), and the commas of a list inside a name ("Bureau of Alcohol, Tobacco, Firearms
    and Explosives")."""
    if j - i >= 7 and any(t.text == "," for t in tokens[i + 3:j - 2]):  # "X of Y, Z and W" at least
        return ", ".join(name_of(tokens, a + 1 if tokens[a].text == "," else a, b)
                         for a, b in pairwise([i, *(k for k in range(i + 3, j - 2) if tokens[k].text == ","), j]))
    words = _plain_name_words(tokens, i, j)
    if words is not None:
        return " ".join(words)
    out = ""  # an ampersand among the tokens: "Procter & Gamble"; "S&P", "AT&T" written without spaces
    for k in range(i, j):
        t = tokens[k]
        if t.kind != "word" and (t.text != "&" or not out or k == j - 1):
            continue  # an ampersand only between words: not "& Urban Development Secretary …"
        out += ("" if not out or tokens[k - 1].end == t.start else " ") + strip_possessive(t.text)
    return out


def name_words(tokens: tuple[Token, ...], i: int, j: int) -> tuple[str, ...]:
    """``tuple(name_of(tokens, i, j).split())``, without the join and split in the common case."""
    words = _plain_name_words(tokens, i, j)
    if words is None:
        return tuple(name_of(tokens, i, j).split())
    return tuple([w for w in words if w])  # a token's text holds no white space: only an emptied possessive splits


def _plain_name_words(tokens: tuple[Token, ...], i: int, j: int) -> list[str] | None:
    """The words :func:`name_of` joins for a name with no ampersand token and no list of complements, else ``None``
    (words without a possessive; an initial, "Jr", "Sr" and "St" with their full stop)."""
    seg = tokens[i:j]
    if j - i >= 7 and any(t.text == "," for t in tokens[i + 3:j - 2]):
        return None
    words = []
    for t in seg:
        text = t.text
        if text == "&":
            return None
        if t.kind != "word":
            continue
        w = text if "'" not in text and "’" not in text else strip_possessive(text)
        words.append(w + "." if (len(w) == 1 and w.isalpha()) or w in _DOTTED else w)
    return words


_DOTTED = frozenset({"Jr", "Sr", "St"})  # abbreviations :func:`name_of` prints with their full stop


_NOT_INITIALS = frozenset({"of", "and", "the", "for", "on", "in", "&", "U.S.", "US"})
LEGAL_FORMS = frozenset("Inc Corp Co Ltd LLC S.A SA SpA AG NV N.V plc PLC".split())  # a company name ends here
LEGAL_WORDS = frozenset(w.rstrip(".") for w in LEGAL_FORMS)  # as the last word of a name, full stop or none


def acronym_key(acronym: str) -> str:
    """An acronym as :func:`acronym_forms` spells it: no full stops, no ampersand when three letters or more are
    left ("PG&E" -> PGE, "AT&T" -> ATT; "S&P" stays, two letters are too few to tell)."""
    bare = acronym.replace(".", "")
    plain = bare.replace("&", "")
    return plain if len(plain) >= 3 else bare


def initials(name: str) -> str:
    """First letters of the capitalised words of ``name``, without of/and/the/for/on/in and "U.S."."""
    return "".join(w[0] for w in name.split() if w not in _NOT_INITIALS and w[:1].isupper())


def acronym_forms(name: str) -> set[str]:
    """The acronyms ``name`` may go by: its :func:`initials`, and those of the part before a last " and "
    when that part has two or more initials ("Centers for Disease Control and Prevention" -> CDCP and CDC,
    as the agency writes itself), of the words between hyphens ("United States-Mexico-Canada Agreement" ->
    USMCA), and of the name without its legal form ("Pacific Gas & Electric Co." -> PGE, "International Business
    Machines Corp" -> IBM)."""
    out = {initials(name)}
    words = name.split()
    if len(words) > 2 and words[-1].rstrip(".") in LEGAL_WORDS:  # "Pacific Gas & Electric Co." -> PGE (round 18)
        out.add(initials(" ".join(words[:-1])))
    if "-" in name:  # "United States-Mexico-Canada Agreement" -> USMCA
        out.add(initials(name.replace("-", " ")))
    head, sep, _ = name.rpartition(" and ")
    if sep and len(initials(head)) >= 2:
        out.add(initials(head))
    return out
