"""News cleaning: separate captions, photo credits, bylines, datelines and end matter from the body.

Only what the text itself marks is removed: a caption is a paragraph that carries a photo
credit, a dateline is the capitalised place (+ date, + agency) before a dash at the start
of the first body paragraph. Everything else stays in the body, which is what the metrics see.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .model import CleanedText, Dateline

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DASH = r"(?:—|–|--|-)"

DATELINE = re.compile(
    rf"""^(?P<text>
        (?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){{0,3}}        # SEOUL / NEW YORK
            (?:,\s(?!{_MONTH}\s\d)[A-Z][A-Za-z.'’\-]+(?:\s[A-Z][A-Za-z.'’\-]+){{0,2}})?)  # , South Korea
        (?:,\s(?P<date>{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?))?          # , Nov. 12
        \s*(?:\((?P<agency>[^()]{{1,40}})\))?                          # (UPI)
        \s*{_DASH})\s+""",
    re.VERBOSE,
)

# A photo credit at the end of a paragraph: "… Photo by NAME/AGENCY", "(AP Photo/NAME)",
# "Photo: AGENCY", "Photo courtesy of …", "Getty Images".
CREDIT = re.compile(
    r"""(?:^|(?<=[.!?”"’)]\s))
        (?P<credit>
          \((?:[A-Z][\w.-]*\s){0,3}Photos?(?:\s?/\s?[^)]{1,80})?\)
         |(?:[A-Z][\w’'.-]*\s){0,5}(?:File\s)?Photos?(?:graph)?\s(?:by|courtesy\sof)\s[^.!?]{1,120}
         |Photos?:\s[^.!?]{1,80}
         |(?:[A-Z][\w.-]*\s){0,3}(?:via\s)?Getty\sImages[^.!?]{0,60}
        )\s*$""",
    re.VERBOSE,
)

# A byline by its shape: "By" + one or more names (2-5 capitalised words or initials, particles such as
# "de" or "van" between them; joined by "and", "&" or commas) + optionally a short title after a comma,
# bar or dash ("Associated Press Writer", "The New York Times", "staff writer"). A single word is a
# byline only alone ("By Reuters", "By AP"), never a month or weekday; so "By August, leaves will droop,
# worn out by automobile exhaust." is body.
_NAME_WORD = r"(?:[A-Z][\w'’\-]*\.?)"
_PARTICLE = r"(?:de|da|del|der|di|du|van|von|la|le|bin|ibn|al|el)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,4}}"
_TITLE_WORD = (r"(?:[A-Z0-9][\w'’.&\-]*|of|the|to|for|and|at|in|on|from|staff|writers?|correspondents?|reporters?|"
               r"editors?|contributors?|contributing|special|senior|chief|news|political|foreign|national)")
_DATE_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Yesterday)\b")
BYLINE = re.compile(
    rf"""^By\s+(?:
        (?:[Tt]he\s+)?{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*             # names
        (?:\s*[,|—–-]\s*{_TITLE_WORD}(?:[\s,]+{_TITLE_WORD}){{0,7}})?\.?    # , title
      | (?!{_DATE_WORD}){_NAME_WORD}                                      # By Reuters
    )\s*$""",
    re.VERBOSE,
)

# CNN's video boxes, page furniture printed inside the text: "JUST WATCHED See Michael Flynn walk into court Replay
# More Videos ... MUST WATCH See Michael Flynn walk into court 01:33" (58 paragraphs of 20 allsides_dev articles, all
# of this shape). Their video titles named actors ("Michael Flynn Replay", "See Michael Flynn") and sentences.
# The whole paragraph must have that shape (a title, "Replay More Videos ...", the title again and a duration), so
# a paragraph that goes on with text after the box is never removed.
VIDEO_BOX = re.compile(r"^JUST WATCHED .{1,300}? Replay More Videos \.\.\. MUST WATCH .{1,300}? "
                       r"\d{1,2}:\d{2}(?::\d{2})?$")

# A name card pasted into the text by a page scrape (The Hill and the columns it carries, 44 in 3 of the development
# corpora's 3,021 texts, all of this shape): after a person's name as the article writes it, the person's full legal
# name (with a nickname in brackets) glued to the first of a few headlines of the site, ending in " MORE", before the
# article goes on: "Sen. Rand Paul Randal (Rand) Howard PaulFox News legal analyst says … dominates MORE (R-Ky.)
# joined". The cards named persons ("Howard PaulFox News"), made sentences of headlines and cut the article's own
# sentence in two. The card is known by the legal name ending in the surname just written and glued to a capital,
# and by the capitals of "MORE" within 600 characters of the same paragraph; the name as written stays.
_CARD_WORD = r"[A-Z][\w'’.-]*"
NAME_CARD = re.compile(
    rf"(?P<name>(?:{_CARD_WORD} ){{1,3}}(?P<surname>[A-Z][\w'’-]*[a-z])) "
    rf"(?:{_CARD_WORD} |\({_CARD_WORD}\) ){{1,4}}(?P=surname)(?=[A-Z0-9'‘“\"])[^\n]{{1,600}}? MORE(?=[\s.,;:)’'!?]|$)")


def strip_name_cards(paragraph: str) -> tuple[str, int]:
    """The paragraph without its scraped name cards (``NAME_CARD``), and how many there were."""
    if " MORE" not in paragraph:
        return paragraph, 0
    return NAME_CARD.subn(lambda m: m.group("name"), paragraph)


TRAILER = re.compile(
    r"^\(?(?:Additional\s)?(?:Reporting|Editing|Writing|Compiled|Produced)\sby\b"
    r"|^(?:Copyright|©|\(c\)\s)|All rights reserved",
    re.IGNORECASE,
)


HTML_ELEMENTS = frozenset(
    "a abbr address article aside audio b bdi bdo big blockquote body br button caption center cite code col "
    "colgroup dd del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 "
    "head header hr html i iframe img input ins kbd label legend li link main mark meta nav noscript object ol "
    "optgroup option p picture pre q s samp script section select small source span strike strong style sub "
    "summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr".split())
_BLOCK_TAGS = frozenset("p br div li h1 h2 h3 h4 h5 h6 blockquote tr section article figure figcaption".split())
# A tag: "<p>", "</p>", "<br/>", '<a href="…">' — a name, then only attributes after white space; so
# "<letters@example.com>" is no tag, and "<demand … demand>" names no HTML element.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->|<!DOCTYPE[^<>]*>", re.IGNORECASE | re.DOTALL)
_DROP_ELEMENTS = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_CHAR_REF = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
HTML_MIN_TAGS = 2  # tags of HTML elements (not counting script/style, which plain text mentions) that make text HTML


def is_html(text: str) -> bool:
    """Whether ``text`` is HTML: it has a comment or doctype, or at least :data:`HTML_MIN_TAGS` tags of HTML
    elements other than ``script`` and ``style`` ("<p>", "</b>", "<br/>").

    Plain text that mentions a tag ("a <script> tag"), wraps an address in angle brackets
    ("<letters@example.com>") or uses them as signs ("supply<demand … demand>supply") is not HTML.
    """
    if "<" not in text:
        return False
    if _COMMENT.search(text):
        return True
    n = 0
    for m in _TAG.finditer(text):
        if m.group(2).lower() in HTML_ELEMENTS and m.group(2).lower() not in ("script", "style"):
            n += 1
            if n >= HTML_MIN_TAGS:
                return True
    return False


def _strip_html(text: str, notes: list[str]) -> str:
    text, n_comments = _COMMENT.subn("", text)
    text, n_dropped = _DROP_ELEMENTS.subn("", text)
    n_tags = 0

    def tag(m: re.Match[str]) -> str:
        nonlocal n_tags
        name = m.group(2).lower()
        if name not in HTML_ELEMENTS:
            return m.group(0)  # "<demand …>" in an HTML page is text
        n_tags += 1
        return "\n" if name in _BLOCK_TAGS else ""

    text = _TAG.sub(tag, text)
    notes.append(f"HTML markup: {n_tags} tags" + (f", {n_dropped} script/style elements" if n_dropped else "")
                 + (f", {n_comments} comments or doctypes" if n_comments else "") + " removed")
    return html.unescape(text)


def _decode_references(text: str, notes: list[str]) -> str:
    """Plain text: only complete character references ("&amp;", "&#8217;") are decoded; "AT&T" stays."""
    if "&" not in text:
        return text
    decoded, n = _CHAR_REF.subn(lambda m: html.unescape(m.group(0)), text)
    if n:
        notes.append(f"{n} HTML character references decoded")
    return decoded


def strip_markup(text: str, notes: list[str] | None = None, html_text: bool | None = None) -> str:
    """HTML (``html_text``, default :func:`is_html`): tags removed (block tags become paragraph breaks),
    script/style elements and comments dropped, entities decoded. Plain text: only complete character
    references decoded; nothing else changes. What was done is appended to ``notes``."""
    notes = notes if notes is not None else []
    html_text = is_html(text) if html_text is None else html_text
    return _strip_html(text, notes) if html_text else _decode_references(text, notes)


# Control characters. Line and page separators become line breaks. C1 codes that Windows-1252 prints
# (U+0092, U+0097: text decoded as Latin-1 somewhere upstream) are put back as the character meant
# (’, —), found on the AllSides development corpus ("Mr. Soros\x92 New York apartment"). The rest (NUL,
# escape, undefined C1 codes …) are removed, so a stray NUL cannot sit inside a word ("sai\0d").
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\u2028\u2029]")
_C1 = re.compile("[\x80-\x9f]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")  # one scan for the three above


def _cp1252(m: re.Match[str]) -> str:
    try:
        return bytes([ord(m.group(0))]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character
        return ""


def _normalise(text: str, notes: list[str], html_text: bool | None = None) -> str:
    text = strip_markup(text, notes, html_text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_CONTROL.search(text):
        text = _BREAKS.sub("\n", text)
        text, n = _CONTROL.subn("", text)
        if n:
            notes.append(f"{n} control characters (NUL and the like) removed")
        text, n = _C1.subn(_cp1252, text)
        if n:
            notes.append(f"{n} C1 control codes read as Windows-1252 characters (\\x92 -> ’) or removed")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return "\n".join(line.strip() for line in text.split("\n"))


def normalise_text(text: str) -> str:
    """Strip markup (HTML only), NFC-normalise, unify line endings and spaces, drop control characters; keep
    curly quotes and dashes as printed."""
    return _normalise(text, [])


def split_credit(paragraph: str) -> tuple[str, str] | None:
    """``(caption, credit)`` if the paragraph ends with a photo credit, else ``None``.

    Every form of :data:`CREDIT` contains "Photo" or "Getty", so a paragraph without either is no caption
    (checked first: searching the pattern costs about 0.2 ms per paragraph, 4 s on a 5 MB article).
    """
    if ("Photo" not in paragraph and "Getty" not in paragraph) or len(paragraph.split(maxsplit=80)) > 80:
        return None
    m = CREDIT.search(paragraph)
    if not m:
        return None
    return paragraph[: m.start("credit")].strip(), m.group("credit").strip()


def parse_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """``(dateline, rest of paragraph)`` if the paragraph opens with a dateline, else ``None``."""
    m = DATELINE.match(paragraph)
    if not m or not re.search(r"[A-Z]{2}", m.group("place")):
        return None
    dl = Dateline(
        text=m.group("text").strip(),
        place=m.group("place").strip(),
        date=(m.group("date") or "").strip(),
        agency=(m.group("agency") or "").strip(),
    )
    return dl, paragraph[m.end():]


def clean_text(text: str) -> CleanedText:
    """Split raw article text into body and non-body fields.

    Rules, in order: lines without a letter or digit (separators such as ``* * *``, ``###``,
    ``---``) and CNN video boxes (``VIDEO_BOX``) anywhere; scraped name cards inside paragraphs (``NAME_CARD``);
    bylines among the first paragraphs; paragraphs ending with a photo credit (caption + credit) anywhere; a
    dateline opening the first remaining paragraph; end matter (reporting/editing credits, copyright) at the end.
    """
    removed: list[str] = []
    markup = "html" if is_html(text) else "text"
    paragraphs = [p for p in _normalise(text, removed, markup == "html").split("\n") if p]
    captions: list[str] = []
    credits: list[str] = []
    bylines: list[str] = []
    trailer: list[str] = []
    body: list[str] = []
    for i, para in enumerate(paragraphs):
        if not any(ch.isalnum() for ch in para):
            removed.append(f"separator line (paragraph {i + 1})")
            continue
        if VIDEO_BOX.match(para):
            removed.append(f"video box (paragraph {i + 1})")
            continue
        para, cards = strip_name_cards(para)
        if cards:
            removed.append(f"scraped name card with headlines, {cards} (paragraph {i + 1})")
        if i < 4 and not body and len(para.split()) <= 15 and BYLINE.match(para):
            bylines.append(para)
            removed.append(f"byline (paragraph {i + 1})")
            continue
        cap = split_credit(para)
        if cap is not None:
            caption, credit = cap
            if caption:
                captions.append(caption)
            credits.append(credit)
            removed.append(f"photo caption and credit (paragraph {i + 1})")
            continue
        body.append(para)
    while body and len(body[-1].split()) <= 30 and TRAILER.search(body[-1]):
        trailer.insert(0, body.pop())
        removed.append("end matter (reporting/editing credits or copyright)")
    dateline = Dateline()
    if body:
        parsed = parse_dateline(body[0])
        if parsed is not None:
            dateline, rest = parsed
            body[0] = rest.strip()
            removed.append(f"dateline {dateline.text!r}")
            if not body[0]:
                body.pop(0)
    return CleanedText(
        body="\n".join(body),
        caption=" | ".join(captions),
        credit=" | ".join(credits),
        byline=" | ".join(bylines),
        trailer=" | ".join(trailer),
        dateline=dateline,
        removed=tuple(removed),
        markup=markup,
    )
