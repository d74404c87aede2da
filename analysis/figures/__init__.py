"""Figures from the tidy tables, all in one house style (see :mod:`analysis.figures.style`).

Every ``plot_*`` function takes tidy tables and returns a :class:`Plot` (figure + file name +
Markdown caption); :func:`save_plot` writes it reproducibly, :func:`show_plot` also displays it.
"""

from .profiles import plot_actor_emphasis, plot_frame_profile, plot_readability, plot_tone_arc
from .style import (
    DPI,
    OKABE_ITO,
    PALETTE,
    WIDTHS,
    Plot,
    close_plot,
    figure,
    outlet_colors,
    outlet_markers,
    save_plot,
    show_plot,
    style_context,
    styled,
    wrap_label,
)

__all__ = [
    "DPI", "OKABE_ITO", "PALETTE", "WIDTHS", "Plot", "close_plot", "figure", "outlet_colors", "outlet_markers",
    "plot_actor_emphasis", "plot_frame_profile", "plot_readability", "plot_tone_arc", "save_plot", "show_plot",
    "style_context", "styled", "wrap_label",
]
