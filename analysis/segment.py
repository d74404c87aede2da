"""Sentence boundaries and tokens for English news text.

A rule-based splitter, run on one paragraph at a time (``parse.py`` splits the body on
newlines). A *candidate* boundary is a run of terminal punctuation (``. ! ? …`` or a spaced
ellipsis ``. . .``), optionally followed by closing quotes or brackets, then white space or
the end of the paragraph. A candidate is kept or dropped by a few readable rules:

- a lower-case next word never starts a sentence (``“… great.” she said``, ``Yahoo! in``);
- after ``!``/``?`` and after a closing quote or bracket, any other next word does, except
  ``“Why now?” Kim asked`` (quote, capitalised name, reporting verb);
- after a period, titles (Mr., Gen., Sen.) never end a sentence; other abbreviations (Co., Jr.,
  Nov., St., etc.), initialisms (U.S., U.N., a.m.) and initials (Jonas E. Smith) end one only
  when the next word is a common sentence opener (The, It, How …); number abbreviations
  (No. 1, p. 55, N°. 12) do not end one before a digit;
- a list marker at the start of a sentence (``1.``, ``2.)``, ``a.``, ``• 9.``) is not an end;
- ellipses: ``. . .`` inside a sentence and ``[...]`` never end one; ``...``/``…`` and a
  four-dot ellipsis end one before a capitalised word; in ``word. . . . Next`` the period ends
  the sentence and the ellipsis opens the next one (Chicago style).

In a paragraph that opens with a list marker (``1.``, ``1)``, ``1.)``, ``a.``, a bullet), each
later marker of the same kind (the next number or letter, or the same bullet) starts a new
sentence even without terminal punctuation. The word lists are data, deliberately small:
``lexicons/segment_en.yaml`` (titles, abbreviations, number abbreviations, sentence openers) and
the one-word forms of ``lexicons/reporting_verbs.yaml``; ``benchmarks/segmentation.md`` reports
the score on the English Golden Rules and what fails. The splitter always uses the bundled files
(parsing does not depend on a user's settings).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise
from sys import intern

from .lexicons import load_lexicon
from .lexicons.verbs import reporting_verb_forms
from .model import MediacompareError, Token, _set_kind, _set_lower, _set_start, _set_text

LISTS_FILE = "segment_en.yaml"

# The word lists are data (lexicons/segment_en.yaml; reporting verbs from reporting_verbs.yaml),
# loaded once at import into frozensets: the splitter's hot path only does set lookups.
_LISTS = load_lexicon(LISTS_FILE)


def _word_set(key: str) -> frozenset[str]:
    words = _LISTS.data.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise MediacompareError(f"{_LISTS.path}: '{key}' must be a list of words")
    return frozenset(w.strip().lower().rstrip(".") for w in words)


# Titles and other forms that precede a name or number: their period never ends a sentence.
TITLES = _word_set("titles")
# Abbreviations that may also end a sentence: a boundary only before a sentence opener.
ABBREVIATIONS = _word_set("abbreviations")
# Abbreviations that may end a sentence but are one word with their period before a name ("St. Louis").
SAINT_ABBREVIATIONS = _word_set("name_abbreviations") & ABBREVIATIONS
# Abbreviations that precede a number (No. 1, p. 55, Art. 51, N°. 12): no boundary before a digit.
NUMBER_ABBREVIATIONS = _word_set("number_abbreviations")
# Words that commonly open a sentence; after an abbreviation or initialism they signal a boundary.
SENTENCE_OPENERS = _word_set("sentence_openers")
# Reporting verbs (one-word forms, dialogue tags included): “Why now?” Kim asked. is one sentence.
REPORTING_VERBS = reporting_verb_forms(tags=True)

_CLOSERS = re.escape("”’\"')]»")
_OPENERS = re.escape("“‘\"'([«")
_BULLETS = re.escape("•⁃▪‣◦·*")

# (the look-ahead first: a position that holds no terminal mark is turned away by one test, for speed only)
_CANDIDATE = re.compile(
    rf"""(?=[.!?‽…])
        (?P<punct>\.(?:\ \.){{2,}}          # spaced ellipsis: . . .  or  . . . .
                 |[.!?‽…]+)                 # . ! ? runs (!! ?! !?), ... …
        (?P<close>[{_CLOSERS}]*)            # closing quotes / brackets
        (?=\s|$)""",
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w’'&°º.\-]+)$")
_NEXT = re.compile(rf"[{_OPENERS}]*(?P<word>[^\W_][\w’'.\-]*)?")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_URL_TAIL = re.compile(r"[/@]\S*$")
_SPACE = re.compile(r"\s*")
_ANY_SPACE = re.compile(r"\s")
_SIX_VISIBLE = re.compile(r"\S(?:\s*\S){5}")  # a list marker ("• 12.") has at most five visible characters
_MARKER = re.compile(rf"^[{_BULLETS}]?\s*(?:\d{{1,3}}|[A-Za-z])\.?$")
_ATTRIBUTION = re.compile(r"(?:The\s+[a-z]+\s+|(?:[A-Z][\w’'.\-]*\s+){1,4})(?P<verb>[a-z]+)\b")
_LIST_HEAD = re.compile(rf"^(?P<bullet>[{_BULLETS}])|^(?P<label>\d{{1,3}}|[a-z])(?P<sep>\.\)|\)|\.)\s")


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _list_cuts(text: str) -> list[int]:
    """Start offsets of the list items after the first, in a paragraph that opens with a marker."""
    head = _LIST_HEAD.match(text)
    if not head:
        return []
    if head.group("bullet"):
        pattern = re.compile(rf"(?<=\s){re.escape(head.group('bullet'))}")
        return [m.start() for m in pattern.finditer(text, 1)]
    cuts: list[int] = []
    label, sep, pos = head.group("label"), head.group("sep"), head.end()
    while True:
        label = _next_label(label)
        m = re.compile(rf"(?<=\s){re.escape(label + sep)}\s").search(text, pos)
        if not m:
            return cuts
        cuts.append(m.start())
        pos = m.end()


def _boundary_end(text: str, m: re.Match[str], sentence_start: int) -> int | None:
    """Where the sentence ends if candidate ``m`` is a boundary, else ``None``."""
    punct, close = m.group("punct"), m.group("close")
    end = m.end()
    # what follows, read in place (not copied: a paragraph's rest once per candidate grew as its square)
    after = _SPACE.match(text, end).end()
    nxt = _NEXT.match(text, after).group("word") or ""  # _NEXT always matches (all optional)
    at_end = after == len(text)
    if nxt[:1].islower():
        return None  # a lower-case word continues the sentence
    opener_next = nxt.lower() in SENTENCE_OPENERS
    before_m = _word_before(text, sentence_start, m.start())
    before = before_m.group(1) if before_m else ""
    char_before = text[m.start() - 1] if m.start() > 0 else " "

    if punct.startswith(". "):  # spaced ellipsis: . . .  or  . . . .
        dots = punct.count(".")
        if not char_before.isspace():  # attached to the word before
            if dots >= 4 and not close:  # "compounds. . . . The": the period ends it, the ellipsis opens the next
                return None if at_end else m.start() + 1
            return None if at_end else end
        return end if dots >= 4 and not at_end else None  # ". . ." inside a sentence is an omission
    if set(punct) <= {".", "…"} and punct != ".":  # ... …  ....
        if char_before in "[(" or close.startswith(("]", ")")):
            return None  # [...] marks an omission
        return None if at_end else end
    if punct != ".":  # ! ? and runs of them
        if close and any(q in close for q in "”’\"'"):
            attr = _ATTRIBUTION.match(text, after)
            if attr and attr.group("verb") in REPORTING_VERBS:
                return None  # “Why now?” Kim asked.
        return end
    # a single period
    if not _SIX_VISIBLE.search(text, sentence_start, m.start()) \
            and _MARKER.match(text[sentence_start:m.start()].strip()):
        return None  # list marker: "1." "2.)" "a." "• 9."
    if close or at_end:
        return end
    stem = before.lower().rsplit(".", 1)[-1]  # "Tuesday.Mr" (a missing space) -> "mr"
    if _url_tail(text, sentence_start, m.start()):
        return end  # the end of a URL or e-mail address, not an abbreviation
    if stem in NUMBER_ABBREVIATIONS and nxt[:1].isdigit():
        return None
    if _INITIALISM.match(before + "."):  # U.S. / U.N. / E.U. / a.m.
        return end if opener_next else None
    if len(before) == 1 and before.isupper():
        words = text[sentence_start:before_m.start()].split() if before_m else []
        if before == "I" and (not words or not words[-1][:1].isupper()):
            return end  # "you and I." (the pronoun), not "Albert I. Jones"
        return end if opener_next else None  # an initial: Jonas E. Smith
    if stem in TITLES:
        return None
    if stem in ABBREVIATIONS:
        return end if opener_next else None
    return end


WINDOW = 64  # characters searched back from a candidate before the whole sentence so far is


def _word_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(text, start, end)``: the word that ends at ``end``, not before ``start``, its first
    character found by :func:`run_start` (a candidate costs the word's length, not the sentence's); the match is
    then made there."""
    k = run_start(text, end, start, _WORD_BEFORE_MARKS)
    return _WORD_BEFORE.match(text, k, end) if k < end else None


def run_start(text: str, end: int, low: int, marks: str) -> int:
    """Where the run of letters, digits and ``marks`` that ends at ``end`` begins, not before ``low`` (``end``
    when there is none): a word read backwards from where it stops, in the time its length takes. With "_" in
    ``marks`` the run is ``[\\w…]``: ``\\w`` is ``str.isalnum()`` or "_" in Python's ``re``."""
    k = end
    while k > low and (text[k - 1].isalnum() or text[k - 1] in marks):
        k -= 1
    return k


_WORD_BEFORE_MARKS = "_’'&°º.-"  # the characters of :data:`_WORD_BEFORE`'s class besides letters and digits


def _url_tail(text: str, start: int, end: int) -> bool:
    """``_URL_TAIL.search(text, start, end)`` (a "/" or "@" in the run of visible characters ending at
    ``end``), in the last :data:`WINDOW` characters first; the whole range only when that run may be longer."""
    low = max(start, end - WINDOW)
    if _URL_TAIL.search(text, low, end):
        return True
    if low > start and not _ANY_SPACE.search(text, low, end):
        return bool(_URL_TAIL.search(text, start, end))
    return False


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (one paragraph), stripped of white space."""
    cuts = _list_cuts(text)
    ends: list[int] = []
    last = 0
    for m in _CANDIDATE.finditer(text):
        start = max(last, cuts[bisect_right(cuts, m.start()) - 1] if cuts and cuts[0] <= m.start() else 0)
        end = _boundary_end(text, m, start)
        if end is not None:
            ends.append(end)
            last = end
    bounds = sorted({0, len(text), *cuts, *ends})
    out = []
    for s, e in pairwise(bounds):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` as strings (paragraph breaks are always boundaries)."""
    out: list[str] = []
    for para in text.split("\n"):
        out.extend(para[s:e] for s, e in sentence_spans(para))
    return out


def _title_pattern() -> str:
    """Titles whose period stays in the token when a word follows ("Mr. Steele", "Gen. Kim", "St. Louis").

    The titles of ``segment_en.yaml`` never end a sentence, so their period belongs to the word; "St."
    is listed with the abbreviations (it may end a sentence: "Main St.") and is joined only before a
    capitalised word. Longest first, so "Mrs." is not read as "Mr" + "s.".
    """
    titles = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    saints = "|".join(re.escape(t) for t in sorted(SAINT_ABBREVIATIONS, key=len, reverse=True))
    # a title alone ("Gen." in a lexicon of titles) is one token too, so lists and text tokenize alike
    alternatives = [rf"(?i:{titles})\.(?=\s+[^\W\d_]|$)"]
    if saints:
        alternatives.append(rf"(?i:{saints})\.(?=\s+[A-Z])")
    # A guard before the alternation: a title is at most ``longest`` letters and a period, so at every
    # other word start one look-ahead fails instead of each title being tried in turn (same matches:
    # case folding maps one letter to one letter, and every folded letter is a ``[^\W\d_]``).
    longest = max(map(len, TITLES | SAINT_ABBREVIATIONS))
    return rf"(?<![\w.’'\-])(?=[^\W\d_]{{1,{longest}}}\.)(?:" + "|".join(alternatives) + ")"


# The token alternatives, tried in this order at a token's first character: the longer forms first, then numbers,
# words and single punctuation marks. :data:`_TOKEN` finds exactly these tokens (see :data:`_SHORTCUTS`).
_TOKEN_ALTERNATIVES = r"""
       (?P<word>https?://\S+?(?=[.,;:!?)\]”’"']*(?:\s|$))    # URLs
        |""" + _title_pattern() + r"""                       # titles: Mr. Gen. Sen. St. (before a name)
        |(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+        # e-mail addresses (from a run's start: linear)
        |(?:[^\W\d_]\.){2,}                                  # initialisms: U.S. U.N. a.m.
        )
      |(?P<number>\d+(?:[.,:]\d+)*%?(?![^\W_]|[’'\-][^\W_]))  # 12,000  3.5  50%  (not 19-year-old)
      |(?P<word2>[^\W_]+(?:[’'\-][^\W_]+)*)                  # words, hyphenated, possessive
      |(?P<punct>\.{3,}|\S)
"""
# Shortcuts, for speed only: an ASCII lower-case word (``plain``, most tokens) or an ASCII capitalised word
# (``cap``: "Trump", "Senate") followed by none of the characters that could make it part of a URL, title, e-mail
# address, initialism or longer word is exactly the ``word2`` match the alternatives give it, found without
# trying the others first; and every token starts with a visible character, so the look-ahead ``(?=\S)`` turns
# the white space between tokens away at once instead of each alternative failing there in turn (same tokens:
# property-tested against :data:`_TOKEN_ALTERNATIVES` alone in ``tests/test_speed_equivalence.py``).
_SHORTCUTS = r"""
       (?P<plain>[a-z]++(?![\w’'\-.@+:/]))                   # a plain lower-case word
      |(?P<cap>[A-Z][a-z]++(?![\w’'\-.@+:/]))                # a plain capitalised word
      |"""
_TOKEN = re.compile(r"(?=\S)(?:" + _SHORTCUTS + _TOKEN_ALTERNATIVES + ")", re.VERBOSE)


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text`` (kind ``word``, ``number`` or ``punct``); offsets are shifted by ``offset``.

    URLs, e-mail addresses, initialisms (U.S.) and titles before a word (Mr. Steele, Gen. Kim: the
    ``titles`` of ``segment_en.yaml``; St. before a capital) are single words; hyphenated words
    (Hwasong-19, three-year-old) and possessives (Korea’s) are single words; 12,000, 3.5 and
    50% are numbers; every other non-space character is a punctuation token, except that an
    ellipsis "..." is one token.
    """
    # Each spelling's text and lower-case form are interned once and looked up (:func:`_spelling`): an article
    # repeats most words ("the", "said"), so its tokens share one string per spelling. The token is built
    # through its slots, as :func:`analysis.model.make_token` builds it, without a call per token.
    kinds, spellings, out = _KINDS, _SPELLINGS, []
    new, set_text, set_lower, set_start, set_kind = _TOKEN_SLOTS
    for m in _TOKEN.finditer(text):
        raw = m.group()
        spelling = spellings.get(raw) or _spelling(raw)
        tok = new(Token)
        set_text(tok, spelling[0])
        set_lower(tok, spelling[1])
        set_start(tok, m.start() + offset)  # its end is start + len(text)
        set_kind(tok, kinds[m.lastgroup])
        out.append(tok)
    return tuple(out)


_SPELLINGS: dict[str, tuple[str, str]] = {}  # token text as matched -> (interned text, interned lower-case form)
MAX_SPELLINGS = 200_000  # distinct spellings remembered (forgotten all at once when full: memory stays flat)
_TOKEN_SLOTS = (object.__new__, _set_text, _set_lower, _set_start, _set_kind)


def _spelling(raw: str) -> tuple[str, str]:
    if len(_SPELLINGS) >= MAX_SPELLINGS:
        _SPELLINGS.clear()
    pair = _SPELLINGS[raw] = (intern(raw), intern(raw.lower()))
    return pair


@lru_cache(maxsize=8192)
def tokenize_phrase(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` of a short phrase at offset 0, memoised: the speaker rules tokenize each speaker phrase
    several times, and an article repeats its speakers."""
    return tokenize(text)


# regex group -> token kind
_KINDS = {"plain": "word", "cap": "word", "word": "word", "word2": "word", "number": "number", "punct": "punct"}
