"""Re-run the toolkit, with the current lexicons, on the units of a coding round (closing the loop)."""

from __future__ import annotations

from pathlib import Path

from ..metrics.base import Settings
from ..model import MediacompareError
from .score import Round
from .toolkit import toolkit_codes


def rerun_codes(rnd: Round, settings: Settings, corpus: str | Path | None = None, text_column: str = "text"
                ) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The toolkit's codes now for the round's units, and the units left out (text changed by segmentation).

    Only the sampled articles are analysed. A sentence unit is kept when its sentence still has the same
    text; otherwise the comparison would not be about the same unit, so it is listed instead.
    """
    from ..corpus import load_corpus
    from ..pipeline import analyse_record, selected_families
    from ..tables import collect_tables

    source = str(corpus or rnd.meta.get("corpus", ""))
    if not source or not Path(source).exists():
        raise MediacompareError(f"corpus {source!r} of this sample is not at hand; pass --corpus PATH or --no-rerun")
    wanted = {u.split("#", 1)[0] for u in rnd.units}
    families = selected_families(settings)
    results = (analyse_record(rec, settings, families) for rec in load_corpus(source, text_column=text_column)
               if rec.article_id in wanted)
    tables = collect_tables(results)
    now = toolkit_codes(tables, rnd.codes, str(rnd.meta.get("unit", "sentence")))
    texts = {f"{a}#{int(s)}": str(t) for a, s, t in zip(tables.sentences["article_id"],
                                                         tables.sentences["sentence_index"],
                                                         tables.sentences["text"], strict=True)}
    kept, changed = {}, []
    for unit in rnd.units:
        if "#" in unit and texts.get(unit) != rnd.texts.get(unit):
            changed.append(unit)
        elif unit in now.values:
            kept[unit] = dict(now.values[unit])
        else:
            changed.append(unit)
    return kept, changed
