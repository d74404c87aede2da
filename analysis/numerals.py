"""Numerals read aloud: English words for the digits of a token (our rules, after Flesch, 1948).

Flesch (1948) counts numerals "as they are read aloud"; McLaughlin (1969) has them pronounced.
:func:`spell_numeral` rewrites every digit group of a lower-cased token into the words a reader
would say, so the syllables can be counted from the CMU dictionary like any other word. Rules
(American usage, no "and" after "hundred"):

* possessives: ``2022's`` -> "twenty twenty-two's" (but ``1990's``, ending in 0, is a decade);
* integers, thousands separators allowed: ``10,000`` -> "ten thousand", ``51`` -> "fifty-one";
  scales up to trillions; longer digit strings, and strings with a leading zero (``007``), are
  read digit by digit ("zero zero seven");
* years: a 4-digit token 1100–2099 without comma: ``2022`` -> "twenty twenty-two", ``1905`` ->
  "nineteen oh five", ``1900`` -> "nineteen hundred", ``2000``–``2009`` -> "two thousand …";
* decimals: ``3.5`` -> "three point five" (digits after the point one by one);
* percentages: ``50%`` -> "fifty percent";
* ordinals: ``21st`` -> "twenty-first"; decades and plurals: ``1990s`` / ``90s`` -> "nineteen
  nineties" / "nineties";
* clock times: ``10:30`` -> "ten thirty", ``10:05`` -> "ten oh five", ``10:00`` -> "ten o'clock";
* hyphenated tokens part by part: ``hwasong-19`` -> "hwasong-nineteen", ``42-year-old`` ->
  "forty-two-year-old";
* anything else: every run of digits is read as a number and letter runs are kept
  (``g7`` -> "g seven", ``1.2.3`` -> "one two three").

Pure functions, no I/O. A token without digits is returned unchanged.
"""

from __future__ import annotations

import re

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
MAX_CARDINAL = 10**15 - 1
_IRREGULAR_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                       "nine": "ninth", "twelve": "twelfth"}

_INT = r"(\d{1,3}(?:,\d{3})+|\d+)"
_NUMBER = re.compile(_INT + r"(?:\.(\d+))?(%)?")
_ORDINAL = re.compile(_INT + r"(?:st|nd|rd|th)")
_PLURAL = re.compile(r"(\d+)s|(\d*0)'s")  # 1990s, 90s, 1990's; but 2022's is a possessive
_POSSESSIVE = re.compile(r"(.*\d)'s")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_DIGIT = re.compile(r"\d")
_RUN = re.compile(r"\d+|[^\W\d_]+")


def _below_thousand(n: int) -> str:
    """Words for 0 < n < 1000: "three hundred forty-two"."""
    hundreds, rest = divmod(n, 100)
    words = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(TENS[tens] + (f"-{ONES[ones]}" if ones else ""))
    elif rest:
        words.append(ONES[rest])
    return " ".join(words)


def cardinal_words(n: int) -> str:
    """English cardinal of ``0 <= n <= 10**15 - 1``: 10000 -> "ten thousand"; larger n digit by digit."""
    if n < 0 or n > MAX_CARDINAL:
        return digit_words(str(abs(n)))
    if n == 0:
        return "zero"
    words = []
    for size, name in SCALES:
        count, n = divmod(n, size)
        if count:
            words.append(f"{_below_thousand(count)} {name}")
    if n:
        words.append(_below_thousand(n))
    return " ".join(words)


def digit_words(digits: str) -> str:
    """Digits read one by one: "007" -> "zero zero seven"."""
    return " ".join(ONES[int(d)] for d in digits if d.isdecimal())


def integer_words(digits: str) -> str:
    """An integer as written (no separators): a number, or digit by digit with a leading zero or past trillions."""
    if len(digits) > 15 or (len(digits) > 1 and digits.startswith("0")):
        return digit_words(digits)
    return cardinal_words(int(digits))


def year_words(year: int) -> str:
    """A year as read aloud: 2022 -> "twenty twenty-two", 1905 -> "nineteen oh five", 2005 -> "two thousand five"."""
    if 2000 <= year <= 2009:
        return cardinal_words(year)
    high, low = divmod(year, 100)
    if low == 0:
        return f"{cardinal_words(high)} hundred"
    if low < 10:
        return f"{cardinal_words(high)} oh {ONES[low]}"
    return f"{cardinal_words(high)} {cardinal_words(low)}"


def _change_last_word(words: str, change: dict[str, str], y_ending: str, other_ending: str) -> str:
    """Apply an ending to the last word of a spelled number ("twenty-one" -> "twenty-first")."""
    head, sep, last = words.rpartition(" ")
    head2, sep2, last = last.rpartition("-")
    if last in change:
        last = change[last]
    elif last.endswith("y"):
        last = last[:-1] + y_ending
    else:
        last += other_ending
    return head + sep + head2 + sep2 + last


def ordinal_words(words: str) -> str:
    """Ordinal of a spelled number: "twenty-one" -> "twenty-first", "twelve" -> "twelfth", "forty" -> "fortieth"."""
    return _change_last_word(words, _IRREGULAR_ORDINALS, "ieth", "th")


def plural_words(words: str) -> str:
    """Plural of a spelled number: "nineteen ninety" -> "nineteen nineties", "six" -> "sixes"."""
    return _change_last_word(words, {"six": "sixes"}, "ies", "s")


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1100 <= int(digits) <= 2099


def _spell_part(part: str) -> str:
    """One hyphen-free piece of a token, digit groups read aloud (see the module docstring)."""
    if not _DIGIT.search(part):
        return part
    if m := _NUMBER.fullmatch(part):
        integer, decimals, percent = m.groups()
        if "," not in integer and not decimals and not percent and _is_year(integer):
            return year_words(int(integer))
        words = integer_words(integer.replace(",", ""))
        if decimals:
            words += " point " + digit_words(decimals)
        return words + (" percent" if percent else "")
    if m := _ORDINAL.fullmatch(part):
        return ordinal_words(integer_words(m.group(1).replace(",", "")))
    if m := _PLURAL.fullmatch(part):
        digits = m.group(1) or m.group(2)
        return plural_words(year_words(int(digits)) if _is_year(digits) else integer_words(digits))
    if m := _POSSESSIVE.fullmatch(part):
        return _spell_part(m.group(1)) + "'s"
    if m := _TIME.fullmatch(part):
        hours, minutes = int(m.group(1)), m.group(2)
        if minutes == "00":
            return f"{cardinal_words(hours)} o'clock"
        if minutes.startswith("0"):
            return f"{cardinal_words(hours)} oh {ONES[int(minutes)]}"
        return f"{cardinal_words(hours)} {cardinal_words(int(minutes))}"
    return " ".join(integer_words(r) if r.isdecimal() else r for r in _RUN.findall(part))


def spell_numeral(token: str) -> str:
    """``token`` (lower case) with every digit group replaced by the words read aloud; hyphens kept.

    "10,000" -> "ten thousand"; "2022" -> "twenty twenty-two"; "hwasong-19" -> "hwasong-nineteen".
    """
    if not _DIGIT.search(token):
        return token
    return "-".join(_spell_part(p) for p in token.split("-"))
