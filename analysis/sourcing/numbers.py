"""Find and normalise numbers in a sentence: quantities, and the numbers that are not quantities.

A *quantity* is a number that counts or measures something ("12,000", "3.5 million", "two",
"thousands of", "50%", "$5 million", "nearly three-year-old"). Dates ("Nov. 12", "August 2023",
"2022"), times ("10:30", "3 p.m."), ordinals ("1st", "third"), identifiers ("Article 51", "No. 3"),
model names ("Hwasong-19", "F-16"), tallies and scores ("a 6-3 majority", "won 52-48", "a 3–1 win"), dates
and codes of three or more joined digit groups or a phone number's shape ("12-1-2020", "555-1234"), numbers
in names ("Project 21", "Area 51", "Issue One"), ages in
appositions ("Mattis, 68,"), the intensifier "100 percent" ("I 100 percent support") and the word
"one" used as a pronoun or determiner ("I for one", "one argument") are found too but marked
``excluded`` with the reason, so every number in the text is accounted for. "one" is a quantity only
before a count noun or unit of the claim lexicon ("one year", "one soldier") or in a ratio ("one in
five").

Fractions in words are shares, in percent: "half of" → 50, "a third of" → 33.3, "two-thirds" → 66.7
("more than half" keeps its approximator). "half" counts only before "of"/a determiner or after an
approximator ("more than half", "half the country"); "a third"/"one quarter" only before "of"
("a third term" is an ordinal). "half a million" is the number 500,000.

Vague plurals are ranges: a plural scale word S ("hundreds", "thousands", "dozens") means at least
two S and fewer than ten S, i.e. ``[2·S, 10·S − 1]``: "hundreds of" → 200..999, "thousands of" →
2,000..9,999, "tens of thousands" → 20,000..99,999, "dozens" → 24..119. ``value`` is the low end.
This rule is our choice (no published convention fixes it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..casefold import ASCII_FOLDS, fold
from ..frozen import quick_init
from ..segment import run_start

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "dozen": 12.0}
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
VAGUE = {"dozens": 12.0, "scores": 20.0, "tens": 10.0, "hundreds": 100.0, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9}
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
DEFINITE = {"the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "your", "my"}
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9}
# Words before a number that do not make it part of a name, though capitalised at a sentence start
# ("Some 200", "Nearly 40", "The 12"): quantifiers and approximators (the sentence openers are added).
NOT_NAME_BEFORE = frozenset("""about around approximately roughly nearly almost some over under up only just another
    fully exactly precisely barely merely all top more less fewer at least estimated the its their perhaps maybe
    possibly including""".split())
# "100 percent" as an intensifier: after a subject or a form of "be", or before one of these words.
INTENSIFIED = frozenset("""sure certain behind committed confident right correct wrong true false agree agrees support
    supports supported supporting with against convinced honest serious clear accurate guaranteed""".split())
_INTENSIFIER_BEFORE = re.compile(r"(?:\b(?:i|we|you|he|she|they|it|i'm|i’m|we're|we’re|you're|you’re|am|is|are|was|"
                                 r"were|be|been|being|not)\s+)$", re.IGNORECASE)

_WORDNUM = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
_VAGUE = "|".join(VAGUE)
_DIGITS = r"\d{1,2}:\d{2}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

# One number: optional currency symbol, then digits / number words / "a dozen|hundred…", an optional
# scale word, an optional percent sign or word.
_NUMBER = re.compile(
    rf"""(?P<cur>US\$|[$€£¥₩₽])?\s?
    (?:
        (?P<digits>{_DIGITS})(?:\s?(?P<dscale>{_SCALE})s?\b|(?P<abbr>k|mn|m|bn|b|tn)\b)?
      | (?P<words>\b(?:{_WORDNUM})(?:[\s-](?:{_WORDNUM}|{_SCALE}))*\b)
      | (?P<a>\b(?:a|an)\s+(?:{_SCALE})\b)
    )
    (?:\s?(?P<pct>%|\bpercent\b|\bper\s+cent\b))?""",
    re.IGNORECASE | re.VERBOSE,
)
# Where a number may start: a digit or a number word (the full pattern is tried only from there on:
# most of a text has no number, and trying _NUMBER at every character is slow).
_HINT = re.compile(rf"\d|\b(?:{_WORDNUM}|{_SCALE})\b", re.IGNORECASE)
HINT_BACK = 6  # characters before a hint where a number may begin ("US$ 5", "an eighth" is not one)
# Vague plurals: "thousands", "tens of thousands", "hundreds of thousands", "dozens".
_VAGUE_RE = re.compile(rf"\b(?P<first>{_VAGUE})(?:\s+of\s+(?P<second>thousands|millions|billions))?\b",
                       re.IGNORECASE)
# matched at a position (``pattern.match(text, pos)``): no "^", and no copy of the rest of the text
_AGE = re.compile(r"[\s-]+(?P<unit>year|month|week|day)s?[\s-]+old\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_HYPHEN_UNIT = re.compile(r"-(?P<unit>year|month|week|day|hour|minute|second|mile|kilometer|kilometre|km|ton|tonne|man|"
                          r"member|seat|point|percent)s?\b", re.IGNORECASE)
_HYPHEN_NOUN = re.compile(r"-(?P<unit>[a-z]{3,})\b(?![-–])")  # any noun joined to digits: "15-count", "10-story"
_NOT_HYPHEN_UNITS = frozenset({"fold", "odd", "plus", "ish", "something", "somethings", "year-old", "and", "or", "to",
                               "the", "for", "per", "ever", "long", "old", "time", "like", "strong"})
_TIME_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|o'clock|o’clock|[ap]\.m\b|h\b)",
                         re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s?(?:-|–|—|to)\s?", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")
_FRACTION_RE = re.compile(
    rf"\b(?:(?P<num>{'|'.join(NUMERATORS)})[\s-]+)?(?P<den>{'|'.join(DENOMINATORS)})\b"
    r"(?:\s+a\s+(?P<scale>million|billion|trillion|thousand|hundred|dozen)\b)?", re.IGNORECASE)
# "half a century" is a length of time, not a share: "a"/"an" after "half" makes no fraction
_FRACTION_AFTER = re.compile(r"^\s+(?:of|the|its|their|his|her|our|all|these|those|this|that)\b", re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"\b(?:more than|less than|fewer than|nearly|almost|about|around|roughly|over|under|"
                            r"at least|some|close to|just|only|approximately|upward of|upwards of)\s+$", re.IGNORECASE)
_NOT_HALF_BEFORE = re.compile(r"\b(?:first|second|other|latter|in|and a|and one|the)\s+$", re.IGNORECASE)
# a house number: "at 4950 34th Ave", "1600 Pennsylvania Avenue", "10 Downing Street"
_STREET_AFTER = re.compile(r"^\s+(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s+"
                           r"(?:Ave|Avenue|St|Street|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pl|Place|Pkwy|Parkway|Ct|Court|"
                           r"Hwy|Highway)\b\.?")
_AGE_BEFORE = re.compile(r"[A-Z][\w’'.\-]*\s*(?:,|\()\s*$")
# "at the age of 84", "adolescents aged 12 to 15", "children ages 5 to 11", "under age 21", "Rayquan Borum, age 23": an
# age (in all 3,021 rows of ../shared/corpora the 110 numbers after these words are ages)
_AGE_WORD_BEFORE = re.compile(r"\b(?:aged|ages?|(?:at|over|under|above|below|before|after|until|past|reached|reaching)"
                              r"\s+the\s+age\s+of)\s+$", re.IGNORECASE)  # not "the average age of 40 respondents"
_AGE_AFTER = re.compile(r"^\s*(?:,|\)|;|\.(?:\s|$)|$)")
_OPENING = re.compile(r"[^\s“\"‘'(—–-]")  # a character that is more than a sentence's opening marks
_CAP_BEFORE = re.compile(r"(?<![\w’'.])([A-Z][\w’'\-]*) $")
_RATIO_AFTER = re.compile(r"^\s+(?:in|out of)\s+(?:\d|every|each|ten|five|four|three|two|six|seven|eight|nine|"
                          r"twenty|hundred|thousand)", re.IGNORECASE)


@quick_init
@dataclass(frozen=True, slots=True)
class NumberExpr:
    """A number found in text: where it is, its value (or range) and whether it is a quantity."""

    start: int  # offsets into the text given to :func:`find_numbers` (plus its ``offset``)
    end: int
    text: str
    value: float  # point value; for ranges and vague plurals the low end
    value_low: float
    value_high: float
    currency: str = ""  # ISO code when a currency symbol precedes the number
    percent: bool = False
    unit_hint: str = ""  # unit fixed by the expression itself: "years" for "three-year-old" and "10-year"
    age: bool = False  # the expression is an age ("three-year-old", "a 3-month-old baby"), not a duration
    vague: bool = False  # "thousands of", "dozens"
    fraction: bool = False  # a fraction in words ("half of", "a third of"), given as a percent share
    excluded: str = ""  # why this is not a quantity ("date", "year", "time", "identifier", ...); "" = quantity

    @property
    def is_quantity(self) -> bool:
        return not self.excluded


def parse_number_words(text: str) -> float | None:
    """Value of an English number written in words ("two", "twenty-five", "three hundred", "a dozen").

    ``None`` when ``text`` is not a number in words.
    """
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an") and not seen:
            current = 1.0
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w in SCALES and seen:
            scale = SCALES[w]
            if scale >= 1000:
                total += (current or 1.0) * scale
                current = 0.0
            else:
                current = (current or 1.0) * scale
        else:
            return None
    return total + current if seen else None


def parse_digits(text: str) -> float | None:
    """Value of a number written in digits, with thousands commas ("12,000" → 12000.0, "3.5" → 3.5)."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


BACK = 100  # characters looked back from a number: the end-anchored tests need only the last few words
_WORD_BEFORE = re.compile(r"(?<![\w’'.])([\w’'.]+)[\s]*$")
_JOINED_BEFORE = re.compile(r"[^\W_]-?$")
_MONTH_BEFORE = re.compile(r"\b([A-Z][a-z]+)\.?\s*$")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+(?:about\s+|nearly\s+|almost\s+|some\s+|roughly\s+|around\s+)?\$?$", re.IGNORECASE)
# "the debt rose from $22.98 trillion to $23.00 trillion", "fell from 12% to 9%": two levels, before and after a
# change, not a range (a range: "estimates range from 10 to 12")
_CHANGE_FROM_BEFORE = re.compile(
    r"\b(?:rose|rises?|rising|fell|falls?|falling|(?:in|de)creas(?:ed?|es|ing)|dropp(?:ed|ing)|drops?|grew|grows?|growing|"
    r"climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|declin(?:ed?|es|ing)|slipp(?:ed|ing)|surg(?:ed|es|ing)|soar(?:ed|s|ing)|"
    r"plung(?:ed|es|ing)|plummet(?:ed|s|ing)|went|rais(?:ed?|es|ing)|lower(?:ed|s|ing)|boost(?:ed|s|ing)|"
    r"reduc(?:ed?|es|ing)|skyrocket(?:ed|s|ing)|doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|halv(?:ed|es|ing)|"
    r"go(?:es|ing|ne)?|dipp(?:ed|ing)|shrank|shrunk|shrink(?:s|ing)?|narrow(?:ed|s|ing)|widen(?:ed|s|ing)|"
    r"(?:revised|ticked|edged|moved|shifted)(?:\s+(?:up|down|upward|downward|higher|lower))?)\s+from\s+"
    r"(?:about\s+|nearly\s+|almost\s+|some\s+|roughly\s+|around\s+)?\$?$", re.IGNORECASE)


def _plural_of(noun: str) -> str:
    """The plural a unit goes by: "count" -> "counts", "story" -> "stories", "inch" -> "inches"."""
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("ch", "sh", "x")) else "s")


def _tail_search(rx: re.Pattern[str], text: str, pos: int, needs: str = "") -> re.Match[str] | None:
    """``rx.search(text[:pos])`` for a pattern anchored at the end, looking back ``BACK`` characters only
    (``\b`` and look-behinds still see the text before the window, so no match starts mid-word).

    ``needs``: a lower-case word every match of ``rx`` holds (case-insensitively) and none of whose letters is one
    that case folding reaches from a non-ASCII character (i, s, k): a window without it in its lower-cased text
    is not searched (most are not: the pattern would be tried at each of its characters)."""
    lo = max(0, pos - BACK)
    if needs and needs not in text[lo:pos].lower():
        return None
    return rx.search(text, lo, pos)


_WORD_BEFORE_MARKS = "_’'."  # with the letters and digits, the characters of _WORD_BEFORE's word


def _word_before(text: str, pos: int) -> str:
    r"""``_tail_search(_WORD_BEFORE, text, pos).group(1).lower()`` ("" without a match), read backwards from
    ``pos``: the run of word characters (``\w``, ``’``, ``'``, ``.``) before the trailing white space (``\s``),
    whole (a run that goes on before the window has no start the look-behind accepts). ``\w`` is ``isalnum()``
    or "_" and ``\s`` is ``isspace()`` (one definition in CPython)."""
    lo = max(0, pos - BACK)
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = run_start(text, end, lo, _WORD_BEFORE_MARKS)
    if start == end or (start > 0 and (text[start - 1].isalnum() or text[start - 1] in _WORD_BEFORE_MARKS)):
        return ""
    return text[start:end].lower()


def _joined_before(text: str, pos: int) -> bool:
    r"""``bool(_tail_search(_JOINED_BEFORE, text, pos))``: a letter or digit right before ``pos``, or before a
    hyphen right before it (``[^\W_]`` is ``isalnum()``); ``$`` also matches before a newline ending the text."""
    for end in (pos, pos - 1) if pos >= 1 and text[pos - 1] == "\n" else (pos,):
        if (end >= 1 and text[end - 1].isalnum()) or (end >= 2 and text[end - 1] == "-" and text[end - 2].isalnum()):
            return True
    return False


def _exclusion(text: str, m_start: int, m_end: int, digits: str | None, words: str | None, currency: str,
               scaled: bool, pct: bool, identifier_words: frozenset[str],
               count_nouns: frozenset[str] = frozenset()) -> str:
    after = text[m_end:m_end + BACK]
    prev = _word_before(text, m_start)
    prev_bare = prev.rstrip(".")
    if pct and digits and parse_digits(digits) == 100:
        nxt = re.match(r"^\s*([\w’']+)", after)
        if _tail_search(_INTENSIFIER_BEFORE, text, m_start) or (nxt and nxt.group(1).lower() in INTENSIFIED):
            return "intensifier ('I 100 percent support')"
    if digits:
        if digits.isdigit() and _STREET_AFTER.match(after):
            return "street address (4950 34th Ave)"
        if text[m_start - 1:m_start] == "[" and after[:1] == "]" and digits.isdigit():
            return "reference marker ([12])"  # "… from 1994 to 2003.[31]": 898 of the 16,271 claims of allsides_dev
        if not text[:m_start].strip() and re.match(r"^[.)]\s", after) and digits.isdigit():
            return "list number (5. at a sentence's start)"
        if re.match(r"^(?:st|nd|rd|th)\b", after, re.IGNORECASE):
            return "ordinal"
        if re.match(r"^'?s\b", after) and not currency:
            return "decade"
        if _joined_before(text, m_start) or re.match(r"^[^\W\d_]", after):
            return "model or identifier (letters joined to the number)"
        if ":" in text[m_start:m_end] or re.match(r"^:\d", after) or _TIME_AFTER.match(after):
            return "time"
        if re.match(r"^/\d", after) or text[max(0, m_start - 1):m_start] == "/":
            return "date or code written with a slash (9/28/92, 24/7)"
    month_before = _tail_search(_MONTH_BEFORE, text, m_start)
    if month_before and month_before.group(1).lower() in MONTHS:
        if digits and not currency and not scaled and not pct:
            # "Nov. 12", "August 2023"; "May" the modal before a number stays a month here
            return "date"
    if digits and not currency and not scaled and not pct:
        nxt = re.match(r"^\s*([A-Z][a-z]+)", after)
        if nxt and nxt.group(1).lower() in MONTHS and "." not in digits and float(digits.replace(",", "")) <= 31:
            return "date"
        if re.fullmatch(r"\d{4}", digits) and 1800 <= int(digits) <= 2100:
            return "year"
    if prev_bare in identifier_words or prev in identifier_words:
        return "identifier (e.g. Article 51)"
    if digits and not currency and not scaled and not pct and "." not in digits and "," not in digits \
            and int(digits) <= 120 and _tail_search(_AGE_BEFORE, text, m_start) and _AGE_AFTER.match(after):
        return "age in an apposition (Mattis, 68,)"
    if not currency and not scaled and not pct and (digits is None or ("." not in digits and "," not in digits
                                                                         and int(digits) <= 120)) \
            and _tail_search(_AGE_WORD_BEFORE, text, m_start, "age"):
        return "age after 'aged', 'age' or 'the age of'"
    cap = _tail_search(_CAP_BEFORE, text, m_start)
    if cap and not currency and not scaled and not pct and (digits or (words or "")[:1].isupper()) \
            and cap.group(1).lower() not in NOT_NAME_BEFORE and cap.group(1).lower() not in _openers() \
            and _OPENING.search(text, 0, cap.start()):  # a capitalised first word ("Perhaps 200") is no name
        return "number in a name (Project 21, Issue One)"
    if words and not digits:
        if prev in DEFINITE:
            return "anaphoric reference (the two …)"
        w = words.lower()
        if w == "one":
            nxt = re.match(r"^[\s-]+([\w’']+)", after)
            counted = nxt is not None and nxt.group(1).lower() in count_nouns
            if not counted and not _RATIO_AFTER.match(after):
                return "pronoun or determiner 'one' (I for one, one argument)"
    return ""


# Digit groups joined by hyphens or en dashes, without spaces: "6-3", "52–48", "12-1-2020", "555-1234" (not after a
# letter, digit, point, comma, slash, currency sign or another dash: "COVID-19", "2.5-3", "$5-6 million")
_JOINED_DIGITS = re.compile(r"(?<![\w.,/$€£¥\-–])(?P<first>\d{1,4})(?:[-–]\d{1,4})+(?![\w%/]|[-–.,]\d)")

_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_AREA_CODE = re.compile(r"\(\d{3}\)\s?$")


def _joined_reason(m: re.Match[str], text: str) -> str:
    """Why joined digit groups are not a quantity, or "" when they may be one: a range ("10-12") or a poll's
    split in percent ("leading 47-46 percent": two shares, read as before)."""
    groups = re.split("[-–]", m.group())
    if len(groups) >= 3:
        return "date or code of joined digit groups (12-1-2020, 1-800-555-0199)"
    first, second = groups
    if len(first) == 3 and len(second) == 4:
        return "date or code of joined digit groups (a phone number: 555-0199)"
    if len(first) <= 3 and len(second) <= 3 and int(second) <= int(first) and not _PERCENT_AFTER.match(text, m.end()):
        return "tally or score (a 6-3 majority, won 52-48)"
    return ""


def _openers() -> frozenset[str]:
    from ..segment import SENTENCE_OPENERS  # the sentence splitter's list: "The 12", "All 50"

    return SENTENCE_OPENERS


_FRACTION_STEMS = ("half", "halves", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                   "tenth")  # every DENOMINATORS key contains one: a text without any has no fraction


# plural denominators that name nothing but a share: "two thirds believed governments should do more" (roundups
# 5786_center: the number two with unit "thirds"); not "quarters" ("the past eight quarters") nor "halves"
_PLURAL_SHARES = frozenset("thirds fifths sixths sevenths eighths ninths tenths".split())


def _fractions(text: str, offset: int) -> list[NumberExpr]:
    """Fractions in words as percent shares ("more than half", "a third of", "two-thirds") and "half a million"."""
    out: list[NumberExpr] = []
    if text.isascii() or not ASCII_FOLDS.search(text):  # substring tests first, the regex is slow on every word
        # (a text holding İ, ı, ſ or K is searched: case folding matches them to i, s and k)
        low = text.lower()
        if not any(stem in low for stem in _FRACTION_STEMS):
            return out
    for m in _FRACTION_RE.finditer(text):
        num, den = (m.group("num") or "").lower(), m.group("den").lower()
        after, before = text[m.end():m.end() + 20], text[max(0, m.start() - 20):m.start()]
        of_after = re.match(r"^\s+of\b", after, re.IGNORECASE) is not None
        if m.group("scale"):  # "half a million" is a number
            if den == "half" and not num:
                value = 0.5 * SCALES[fold(m.group("scale"))]
                out.append(NumberExpr(m.start() + offset, m.end() + offset, m.group(), value, value, value))
            continue
        if after[:1] == "-":
            continue  # "third-party", "half-hearted"
        if den == "half":
            if num == "a" or (num == "one" and not of_after) or _NOT_HALF_BEFORE.search(before) \
                    or re.match(r"^\s+an?\b", after, re.IGNORECASE):  # "half a century": a length of time
                continue  # "a half-hour", "and a half", "the second half", "cut in half"
            if not (_FRACTION_AFTER.match(after) or _APPROX_BEFORE.search(before)):
                continue
        elif not num:
            continue  # "third", "quarter" alone: an ordinal or a noun
        elif NUMERATORS[num] == 1:
            if den.endswith("s") or not of_after:
                continue  # "a third term" is an ordinal; "a third of" a share
        elif not (of_after or "-" in m.group() or den in _PLURAL_SHARES):
            continue  # "two quarters" (of a year) unless "two quarters of" / "two-thirds"; "two thirds believed"
        value = 100.0 * (NUMERATORS.get(num) or 1) / DENOMINATORS[den]
        out.append(NumberExpr(m.start() + offset, m.end() + offset, m.group(), value, value, value,
                              percent=True, fraction=True))
    return out


# "one in five", "six-in-ten U.S. adults", "1 in 4 Americans", "3 in 10": a share. The second number is a small
# denominator (at most ten, or 20, 25, 50, 100, 1,000); not "three in 48 months", "in 2012", "the 2-in-1 model"
_RATIO_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_RATIO = re.compile(rf"(?<![\w.,$-])(?P<n>\d{{1,3}}|{_RATIO_WORDS})(?:-in-|\s+in\s+)"
                    rf"(?P<d>10|[2-9]|20|25|50|100|1,?000|{_RATIO_WORDS}|a hundred|a thousand)(?![\w.,%-])"
                    r"(?!\s+(?:months?|years?|days?|weeks?|hours?|minutes?|decades?|centuries)\b)", re.IGNORECASE)


def _ratios(text: str, offset: int) -> list[NumberExpr]:
    """Shares written as "N in M" ("one in five", "six-in-ten adults", "1 in 4"), as percent shares (100 N / M)."""
    if "in" not in text:
        return []
    out = []
    for m in _RATIO.finditer(text):
        n = parse_digits(m.group("n")) if m.group("n")[0].isdigit() else parse_number_words(m.group("n"))
        d_text = m.group("d").lower().replace(",", "")
        d = parse_digits(d_text) if d_text[0].isdigit() else parse_number_words(d_text)
        if n is None or not d or n > d:
            continue
        value = 100.0 * n / d
        out.append(NumberExpr(m.start() + offset, m.end() + offset, m.group(), value, value, value, percent=True,
                              fraction=True))
    return out


def _range_end(text: str, start: int, pos: int) -> re.Match[str] | None:
    """A second number making a range: "10 to 12", "10-12", "between 10 and 12". Not a change and the level it
    reached ("rose by 37,000 to 412,000") nor the levels before and after a change ("fell from 12% to 9%"): two
    numbers (see :func:`_change_end`)."""
    j = _RANGE_JOIN.match(text, pos)
    if j and j.group().strip().lower() == "to" and _is_change(text, start):
        return None
    if not j and _tail_search(_BETWEEN_BEFORE, text, start, "between"):
        j = _AND.match(text, pos)
    if not j:
        return None
    m = _NUMBER.match(text, j.end())
    if m and (m.group("digits") or m.group("words")) and m.start() == j.end():
        return m
    return None


def _is_change(text: str, start: int) -> bool:
    return bool(_tail_search(_BY_BEFORE, text, start, "by") or _tail_search(_CHANGE_FROM_BEFORE, text, start, "from"))


def _change_end(text: str, start: int, pos: int) -> re.Match[str] | None:
    """The level after a change whose amount or first level ends at ``pos`` ("rose by 37,000 to 412,000", "fell
    from 12 to 9 percent"): the first number shares its scale and percent sign when it has none ("from 5 to 7
    percent" is 5 % and 7 %, "from 2 to 3 million" 2 million and 3 million)."""
    j = _RANGE_JOIN.match(text, pos)
    if not j or j.group().strip().lower() != "to" or not _is_change(text, start):
        return None
    m = _NUMBER.match(text, j.end())
    return m if m and m.group("digits") and m.start() == j.end() else None


def _scale_of(m: re.Match[str]) -> float:
    """The scale word or abbreviation of a number match ("3 million", "5bn"); 1 without one."""
    word, abbr = (m.group("dscale") or "").lower(), (m.group("abbr") or "").lower()
    return SCALES.get(word) or SCALE_ABBREVIATIONS.get(abbr, 1.0)


def _value_of(m: re.Match[str]) -> float | None:
    if m.group("digits"):
        if ":" in m.group("digits"):  # a clock time; excluded later, value in hours
            hh, mm = m.group("digits").split(":")
            return int(hh) + int(mm) / 60
        v = parse_digits(m.group("digits"))
        if v is None:
            return None
        if m.group("dscale"):
            v *= SCALES[fold(m.group("dscale"))]
        elif m.group("abbr"):
            v *= SCALE_ABBREVIATIONS[fold(m.group("abbr"))]
        return v
    if m.group("words"):
        return parse_number_words(m.group("words"))
    if m.group("a"):
        return parse_number_words(m.group("a"))
    return None


class _Taken:
    """Character spans already read as a number (disjoint), with a bisection membership test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def holds(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


_DIGIT = re.compile(r"\d")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NUMBER_WORDS = frozenset([*SMALL, *TENS, *SCALES, *VAGUE, *DENOMINATORS])


_HINT_RUN = re.compile(r"\d|[^\W\d_]+")  # a digit, or a run of letters
_HINT_WORDS = frozenset([*SMALL, *TENS, *SCALES])
_HINT_WORD_LIST = tuple(sorted(_HINT_WORDS))


def _hint_starts(text: str) -> list[int] | None:
    """Where :data:`_HINT` matches in ``text``, ascending: every digit, and every run of letters that is a whole
    word (no letter, digit or "_" on either side) and a number or scale word. One pass instead of a search of the
    case-insensitive alternation after each number; ``None`` (search with :data:`_HINT`) when ``text`` holds a
    character that case folding maps to an ASCII letter (İ ı ſ K), which ``str.lower`` does not."""
    if ASCII_FOLDS.search(text):
        return None
    out = [m.start() for m in _DIGIT.finditer(text)]  # every digit (``\d`` is ``isdecimal()``)
    # each number word where it stands in the lower-cased text (the same offsets: of all characters only İ, one of
    # ASCII_FOLDS, changes length when lower-cased, and only it and K lower-case to ASCII letters), kept when no
    # letter, digit or "_" is next to it: then it is a whole run of letters, as _HINT_RUN finds them
    low = text.lower()
    n = len(text)
    found = False
    for w in _HINT_WORD_LIST:
        a = low.find(w)
        while a >= 0:
            b = a + len(w)
            if (a == 0 or not (text[a - 1].isalnum() or text[a - 1] == "_")) \
                    and (b == n or not (text[b].isalnum() or text[b] == "_")):
                out.append(a)
                found = True
            a = low.find(w, a + 1)
    if found:
        out.sort()
    return out


def may_hold_number(text: str) -> bool:
    """Whether :func:`find_numbers` can find anything in ``text``: it holds a digit, or a run of letters that is a
    number, scale, vague-plural or fraction word (lower-cased).

    Every match of the number patterns holds a digit or such a word as a whole run of letters (each word they
    match has ``\\b`` or a space or hyphen on both sides), so a text with neither has no number; the test is a
    dictionary look-up per word instead of three regular-expression scans of every character. A text holding a
    character that ``re.IGNORECASE`` matches to an ASCII letter (İ ı ſ K) is always searched.
    """
    if _DIGIT.search(text) or ASCII_FOLDS.search(text):
        return True
    return not _NUMBER_WORDS.isdisjoint(_LETTER_RUN.findall(text.lower()))


def find_numbers(text: str, offset: int = 0, *, identifier_words: frozenset[str] = frozenset(),
                 currency_symbols: dict[str, str] | None = None,
                 count_nouns: frozenset[str] = frozenset(),
                 aged_events: frozenset[str] = frozenset()) -> list[NumberExpr]:
    """Every number in ``text``, in order, as :class:`NumberExpr` (offsets shifted by ``offset``).

    Quantities have ``excluded == ""``; dates, years, times, ordinals, identifiers (after one of
    ``identifier_words``), model names, numbers in names, ages (in appositions, and "N-year-old", "N years
    old" unless one of ``aged_events`` follows: "the three-year-old conflict"), the intensifier "100
    percent" and "one" not followed by one of ``count_nouns`` (lower case) carry the reason they are
    not quantities.
    """
    symbols = currency_symbols if currency_symbols is not None else {"US$": "USD", "$": "USD", "€": "EUR",
                                                                     "£": "GBP", "¥": "JPY"}
    out: list[NumberExpr] = []
    if not may_hold_number(text):
        return out
    taken = _Taken()
    # vague plurals first: "hundreds of", "tens of thousands"
    for m in _VAGUE_RE.finditer(text):
        first = VAGUE[fold(m.group("first"))]
        scale = first * (VAGUE[fold(m.group("second"))] if m.group("second") else 1.0)
        low, high = 2 * scale, 10 * scale - 1
        out.append(NumberExpr(m.start() + offset, m.end() + offset, m.group(), low, low, high, vague=True))
        taken.add(m.start(), m.end())
    for f in _fractions(text, offset) + _ratios(text, offset):
        if not taken.holds(f.start - offset):
            out.append(f)
            taken.add(f.start - offset, f.end - offset)
    for m in _JOINED_DIGITS.finditer(text) if "-" in text or "–" in text else ():
        reason = _joined_reason(m, text)
        if reason and not taken.holds(m.start()):
            first = m.start()
            area = _AREA_CODE.search(text, max(0, first - 7), first) if "phone" in reason else None
            first = area.start() if area else first  # "(415) 777-8815": the area code is part of the number
            value = float(m.group("first"))
            out.append(NumberExpr(first + offset, m.end() + offset, text[first:m.end()], value, value, value,
                                  excluded=reason))
            taken.add(first, m.end())
    pos = 0
    hints = _hint_starts(text)
    while pos < len(text):
        if hints is None:
            hint = _HINT.search(text, pos)
            if not hint:
                break
            at = hint.start()
        else:
            j = bisect_left(hints, pos)
            if j == len(hints):
                break
            at = hints[j]
        m = _NUMBER.search(text, max(pos, at - HINT_BACK))
        if not m:
            break
        if m.end() == m.start() or not (m.group("digits") or m.group("words") or m.group("a")):
            pos = m.end() + 1
            continue
        start, end = m.start(), m.end()
        if text[start].isspace():
            start += 1
        if taken.holds(start):
            pos = end
            continue
        value = _value_of(m)
        if value is None:
            pos = end
            continue
        cur = m.group("cur") or ""
        currency = symbols.get(cur, "USD" if "$" in cur else "") if cur else ""
        pct = bool(m.group("pct"))
        scaled = bool(m.group("dscale") or m.group("abbr"))
        change = None if pct or scaled or m.group("a") or not m.group("digits") else _change_end(text, start, end)
        if change is not None:  # "from 5 to 7 percent": the level after the change carries the scale and the sign
            if change.group("dscale") or change.group("abbr"):
                value *= _scale_of(change)
                scaled = True
            pct = bool(change.group("pct"))
        low = high = value
        rng = None if change is not None or pct or m.group("a") else _range_end(text, start, end)
        if rng is not None:
            v2 = _value_of(rng)
            if v2 is not None and v2 > value:
                if not scaled and (rng.group("dscale") or rng.group("abbr")):
                    value *= _scale_of(rng)
                    scaled = True
                low, high = value, v2
                pct = pct or bool(rng.group("pct"))
                end = rng.end()
        unit_hint = ""
        is_age = False
        age = _AGE.match(text, end)
        hyph = _HYPHEN_UNIT.match(text, end) if not age else None
        if not age and not hyph and m.group("digits"):  # "a 15-count indictment": the word after the hyphen
            hyph = _HYPHEN_NOUN.match(text, end)
            hyph = hyph if hyph and hyph.group("unit").lower() not in _NOT_HYPHEN_UNITS else None
        excluded = _exclusion(text, start, m.end(), m.group("digits"), m.group("words"), currency, scaled, pct,
                              identifier_words, count_nouns)
        if age and not excluded:
            unit_hint = age.group("unit").lower() + "s"
            end = age.end()
            is_age = True
            noun = _NEXT_WORD.match(text, end)
            if not (noun and noun.group(1).lower() in aged_events):
                excluded = "age"  # "a 19-year-old man", "She was 34 years old"; not "the three-year-old conflict"
        elif hyph and not excluded:
            unit_hint = _plural_of(hyph.group("unit").lower())
            end = hyph.end()
        out.append(NumberExpr(start + offset, end + offset, text[start:end], low, low, high, currency=currency,
                              percent=pct, unit_hint=unit_hint, age=is_age, excluded=excluded))
        taken.add(start, end)
        pos = end
    out.sort(key=lambda n: n.start)
    return out


def number_follows(text: str) -> bool:
    """Whether ``text`` starts with a number (after white space): used to test "about 5" vs "about it"."""
    t = text.lstrip()
    m = _NUMBER.match(t)
    if m and m.start() == 0 and (m.group("digits") or m.group("words") or m.group("a")):
        return True
    return bool(_VAGUE_RE.match(t)) or any(f.start == 0 for f in _fractions(t[:40], 0))
