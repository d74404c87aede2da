"""Make untrusted text inert in the medium it is shown in: HTML, Markdown, LaTeX, matplotlib.

Every string that comes from a corpus or a lexicon (outlet names, titles, article ids, article text,
evidence sentences, lexicon cues and metadata) is untrusted: a scraped outlet named
``<img src=x onerror=alert(1)>`` must show as those characters, never as an element. Pass such a
string through the helper of the medium it is placed in, at the point where it is placed:

* :func:`html` for HTML text and attribute values (``&``, ``<``, ``>``, ``"`` and ``'`` as entities);
* :func:`markdown` for Markdown (figure captions, ``.caption.md`` files, notebook Markdown outputs):
  every character Markdown could read as syntax is backslash-escaped (CommonMark §2.4: any escaped
  ASCII punctuation is literal), so the text cannot open raw HTML, a link, an image, emphasis, a
  table cell, a heading or list, a URL autolink, or TeX math (``\\$``);
* :func:`latex` for LaTeX text (paper tables): the ten special characters and ``< >`` as commands;
* :func:`mpl` for matplotlib text (titles, tick labels, legend entries). The figure style turns off
  mathtext (``text.parse_math: False`` in :mod:`analysis.figures.style`), so ``$`` is drawn as itself;
  this helper only keeps a label starting with ``_`` in the legend (matplotlib drops such labels).

The helpers escape *text*: the Markdown or HTML written around it by the toolkit itself stays
markup. Escape once, at the last step: escaping an already escaped string shows the escapes.
Pandas' own HTML tables (``DataFrame.to_html`` and notebook display) escape cells and headers by
default; a :class:`pandas.io.formats.style.Styler` does not, so pass it ``escape="html"``.
"""

from __future__ import annotations

import html as _html
import re

__all__ = ["html", "latex", "markdown", "markdown_cell", "mpl"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85]+\s*")
# Characters that are Markdown syntax anywhere in a line: escapes, code, emphasis, links and images,
# raw HTML and autolinks, entities, table cells, strikethrough, math, attribute/template braces. An
# underscore between two letters or digits ("000_dc77") cannot open or close emphasis (CommonMark
# §6.2) and is kept.
_MD_INLINE = re.compile(r"([\\`*\[\]<>&|~$!{}]|(?<![^\W_])_|_(?![^\W_]))")
# Extended (GFM) autolinks: "http://…", "www.…".
_MD_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")
# Syntax only at the start of a line (headings, quotes, list items, setext underlines, ordered lists).
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")


def _plain(text: object) -> str:
    return _CONTROL.sub("", str(text))


def html(text: object) -> str:
    """``text`` as HTML character data or a quoted attribute value: ``&<>"'`` become entities.

    ``"><svg onload=alert(1)>`` becomes ``&quot;&gt;&lt;svg onload=alert(1)&gt;``.
    """
    return _html.escape(_plain(text), quote=True)


def markdown(text: object) -> str:
    r"""``text`` as one line of literal Markdown text (line breaks become spaces).

    Escapes ``\ ` * [ ] < > & | ~ $ ! { }``, ``_`` unless between two letters or digits, the ``:``
    of ``scheme://`` and the dot of ``www.`` (autolinks), and a leading ``#``, ``>``, ``+``, ``=``,
    ``-`` or ``1.`` (block syntax); for example ``[x](javascript:alert(1))`` becomes
    ``\[x\](javascript:alert(1))`` and ``$\alpha$`` becomes
    ``\$\\alpha\$``.
    """
    s = markdown_cell(text)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", s, count=1)


def markdown_cell(text: object) -> str:
    """``text`` as literal Markdown inside a line that is not its start (a pipe-table cell): as
    :func:`markdown` without the block-syntax escapes, which only matter at the start of a line (so a
    number ``-1.9`` stays as printed)."""
    s = _LINE_BREAKS.sub(" ", _plain(text))
    s = _MD_INLINE.sub(r"\\\1", s)
    return _MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), s)


_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
          "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "<": r"\textless{}",
          ">": r"\textgreater{}"}


def latex(text: object) -> str:
    r"""``text`` as one line of literal LaTeX text (line breaks become spaces).

    ``\ & % $ # _ { } ~ ^`` (the characters with a meaning in LaTeX) and ``< >`` (typeset as other
    glyphs in the default font encoding) become commands: ``50% & $\x`` becomes ``50\% \& \$\textbackslash{}x``.
    """
    return "".join(_LATEX.get(ch, ch) for ch in " ".join(_plain(text).split()))


def mpl(text: object) -> str:
    """``text`` for a matplotlib label, drawn as given (mathtext is off in the house style).

    Control characters are dropped, and a leading ``_`` gets a zero-width space in front: matplotlib
    leaves labels starting with ``_`` out of legends.
    """
    s = _plain(text)
    return "\u200b" + s if s.startswith("_") else s
