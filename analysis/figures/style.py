"""The one look of every mediacompare figure: palette, sizes, fonts, and reproducible saving.

* Outlet colours come from the Okabe–Ito palette (Okabe & Ito 2008; Wong 2011, "Points of view:
  Color blindness", Nature Methods 8:441), assigned to outlets in sorted-name order so the same
  outlet keeps the same colour in every figure of a corpus.
* Widths follow journal columns: single 3.5 in (89 mm), double 7.2 in (183 mm).
* Text is drawn as given: mathtext is off (``text.parse_math: False``), so an outlet named
  ``$\\alpha$`` is drawn as those characters; :func:`wrap_label` also keeps a leading ``_``.
* Fonts are DejaVu Sans (ships with matplotlib), 7–8 pt at print size, so renders are identical on
  any machine.
* :func:`save_plot` writes PNG (300 dpi) + SVG + PDF + ``NAME.caption.md`` with fixed metadata, so a
  re-render of the same input is byte-identical.

Nothing here changes global matplotlib state at import: plot functions draw inside
:func:`style_context` (or the :func:`styled` decorator), and figures are built with
:class:`matplotlib.figure.Figure` directly, outside pyplot's figure manager.
"""

from __future__ import annotations

import functools
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import matplotlib
from matplotlib.figure import Figure

from ..safe_text import mpl

# Okabe–Ito, in the order outlets receive them. Black is last (it reads as "text/axis"), yellow
# late (weak contrast on white).
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
PALETTE: tuple[str, ...] = tuple(OKABE_ITO.values())
# After 8 outlets colours repeat; the marker then tells outlets apart.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
NEUTRAL = "#555555"  # reference lines, zero lines, "all outlets"
BAND = "#DDDDDD"  # shaded neutral bands

WIDTHS: dict[str, float] = {"single": 3.5, "double": 7.2}  # inches: 89 mm and 183 mm
DPI = 300
FONT = "DejaVu Sans"
SVG_HASHSALT = "mediacompare"

RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 8,
    "axes.titlesize": 8,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.title_fontsize": 7,
    "figure.titlesize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.5,
    "grid.linestyle": "-",
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "text.color": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.major.size": 3,
    "ytick.major.size": 3,
    "lines.linewidth": 1.2,
    "lines.markersize": 4,
    "legend.frameon": False,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.dpi": DPI,
    "savefig.facecolor": "white",
    "savefig.bbox": None,  # keep the requested journal width exactly
    "svg.hashsalt": SVG_HASHSALT,
    "svg.fonttype": "path",  # glyphs as paths: no dependence on installed fonts when viewed
    "pdf.fonttype": 42,
    "path.simplify": True,
    # Labels are data (outlet names, actors, terms): "$" is a dollar sign, never TeX math.
    "text.parse_math": False,
    "text.usetex": False,
}

# Metadata that would otherwise carry a timestamp or a version string.
SAVE_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": "mediacompare"},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": "mediacompare"},
}
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def style_context() -> Iterator[None]:
    """Apply the house style inside a ``with`` block (no global change outside it)."""
    with matplotlib.rc_context(RC):
        yield


def styled(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run a plot function inside :func:`style_context`."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with style_context():
            return fn(*args, **kwargs)

    return wrapper


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """Okabe–Ito colour per outlet, assigned in sorted order of the distinct outlet names.

    Deterministic: the same set of outlets always gets the same colours, whatever the input order.
    With more than 8 outlets colours repeat; use :func:`outlet_markers` as well.
    """
    names = sorted({str(o) for o in outlets})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def outlet_markers(outlets: Iterable[str]) -> dict[str, str]:
    """A marker per outlet (sorted order); distinct for up to 64 outlets together with the colour."""
    names = sorted({str(o) for o in outlets})
    return {name: MARKERS[(i // len(PALETTE)) % len(MARKERS)] if len(names) > len(PALETTE) else MARKERS[0]
            for i, name in enumerate(names)}


def wrap_label(label: str, width: int = 18, max_lines: int = 3) -> str:
    """Wrap a long label (e.g. an outlet name) onto lines of at most ``width`` characters (see :func:`mpl`)."""
    text = str(label) if str(label).strip() else "(no outlet)"
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [text]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], textwrap.shorten(" ".join(lines[max_lines - 1:]), width, placeholder="…")]
    return mpl("\n".join(lines))


def width_inches(width: str | float) -> float:
    """``"single"`` (3.5 in), ``"double"`` (7.2 in), or a number of inches."""
    if isinstance(width, str):
        try:
            return WIDTHS[width]
        except KeyError:
            raise ValueError(f"width must be 'single', 'double' or inches, not {width!r}") from None
    return float(width)


def figure(width: str | float = "single", height: float | None = None) -> Figure:
    """A new figure at journal width (inches); ``height`` defaults to 0.7 × width.

    Built outside pyplot (no global figure registry); draw on it inside :func:`style_context`.
    """
    w = width_inches(width)
    h = float(height) if height is not None else round(0.7 * w, 2)
    with style_context():
        return Figure(figsize=(w, h), dpi=RC["figure.dpi"], layout="constrained")


@dataclass
class Plot:
    """A finished figure with its file name stem and a Markdown caption."""

    figure: Figure
    name: str
    caption: str


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def save_plot(plot: Plot, out_dir: str | Path, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Write ``NAME.png`` (300 dpi), ``NAME.svg``, ``NAME.pdf`` and ``NAME.caption.md`` to ``out_dir``.

    Metadata is fixed (no dates, no version strings, fixed SVG hash salt), so the same plot saved
    twice gives byte-identical files. Returns ``{"png": path, "svg": path, "pdf": path, "caption": path}``.
    """
    if not _NAME.match(plot.name):
        raise ValueError(f"plot name {plot.name!r} must be a plain file stem (letters, digits, _ . -)")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    with style_context():
        for fmt in formats:
            if fmt not in SAVE_METADATA:
                raise ValueError(f"unsupported format {fmt!r}; choose from {', '.join(FORMATS)}")
            path = out / f"{plot.name}.{fmt}"
            plot.figure.savefig(path, format=fmt, dpi=DPI, metadata=SAVE_METADATA[fmt])
            paths[fmt] = path
    caption = out / f"{plot.name}.caption.md"
    caption.write_text(plot.caption.rstrip() + "\n", encoding="utf-8")
    paths["caption"] = caption
    return paths


def close_plot(plot: Plot) -> None:
    """Release a figure (only figures registered with pyplot need it)."""
    if getattr(plot.figure.canvas, "manager", None) is not None:
        import matplotlib.pyplot as plt

        plt.close(plot.figure)


def show_plot(plot: Plot, out_dir: str | Path) -> dict[str, Path]:
    """For notebooks: save the plot, display the PNG and its caption (Markdown), close the figure."""
    from IPython.display import Image, Markdown, display

    paths = save_plot(plot, out_dir)
    width_px = round(plot.figure.get_figwidth() * 110)  # on-screen size near print size
    display(Image(filename=str(paths["png"]), width=width_px))
    display(Markdown(plot.caption))
    close_plot(plot)
    return paths
