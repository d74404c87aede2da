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

BYLINE = re.compile(r"^By\s+[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|and|&|,|de|van|von))*[\w.]?\s*(?:,.*)?$")

TRAILER = re.compile(
    r"^\(?(?:Additional\s)?(?:Reporting|Editing|Writing|Compiled|Produced)\sby\b"
    r"|^(?:Copyright|©|\(c\)\s)|All rights reserved",
    re.IGNORECASE,
)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BLOCK_TAGS = frozenset("p br div li h1 h2 h3 h4 h5 h6 blockquote tr section article figure figcaption".split())
_DROP_ELEMENTS = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def strip_markup(text: str) -> str:
    """Remove HTML tags (block tags become paragraph breaks) and decode entities; plain text is unchanged."""
    if not _TAG.search(text) and "&" not in text:
        return text
    text = _DROP_ELEMENTS.sub("", text)
    text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK_TAGS else "", text)
    return html.unescape(text)


def normalise_text(text: str) -> str:
    """Strip markup, NFC-normalise, unify line endings and spaces; keep curly quotes and dashes as printed."""
    text = strip_markup(text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return "\n".join(line.strip() for line in text.split("\n"))


def split_credit(paragraph: str) -> tuple[str, str] | None:
    """``(caption, credit)`` if the paragraph ends with a photo credit, else ``None``."""
    if len(paragraph.split()) > 80:
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
    ``---``) anywhere; bylines among the first paragraphs; paragraphs ending with a
    photo credit (caption + credit) anywhere; a dateline opening the first remaining
    paragraph; end matter (reporting/editing credits, copyright) at the end.
    """
    paragraphs = [p for p in normalise_text(text).split("\n") if p]
    captions: list[str] = []
    credits: list[str] = []
    bylines: list[str] = []
    trailer: list[str] = []
    removed: list[str] = []
    body: list[str] = []
    for i, para in enumerate(paragraphs):
        if not any(ch.isalnum() for ch in para):
            removed.append(f"separator line (paragraph {i + 1})")
            continue
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
    )
