"""The ``mediacompare`` command line: ``metrics`` (tidy tables), ``compare`` (outlet comparison), ``report``
and ``notebooks`` (copy the report notebooks out to adapt them).

Every input or output problem is reported as one line ``mediacompare: error: …`` on stderr with
exit status 2, never a traceback. Output tables are written to a temporary name next to the target
and renamed only when the whole corpus has been analysed, so a failed run leaves no half-written
tables behind.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .corpus import RECORDS_MARKER, mark_records_folder
from .interrupts import Interrupted, signals_as_exceptions
from .metrics import FAMILIES, Settings
from .metrics.base import DEFAULT_MIN_ENGLISH_SHARE
from .model import MediacompareError
from .outputs import Staging, check_outputs, write_error
from .validate.cli import add_validate_command

if TYPE_CHECKING:
    from .cache import CacheConfig
    from .compare.run import BatchMapper, CompareSettings
    from .pipeline import ArticleResult
    from .tables import AnalysisTables

PROG = "mediacompare"

INPUT_FORMATS = """\
input formats (CORPUS):
  a directory of .txt files (subfolders too), one article per file, optionally with manifest.csv or
    manifest.toml (columns: article_id, file, outlet, headline, dateline, published, url,
    event_id, notes); files not listed in the manifest are reported as skipped
  a table: .csv, .tsv, .jsonl/.ndjson, .json or .parquet (all but Parquet may end in .gz, .bz2
    or .xz), one article per row, with a text column
    (--text-column, default "text") and optional article_id, outlet, title, published,
    url, event_id columns; other columns are carried through to the articles table
  a single .txt file"""

DESCRIPTION = """\
Compare how news outlets cover the same event: readability, lexical tone, framing, entity
emphasis and sourcing per article, and text reuse, sentence alignment, numeric-claim
conflicts, keyness and outlet statistics across outlets. Tidy tables in which every number
is traceable to sentences and lexicon entries; undefined measures are NaN with the reason
in the 'note' column."""

MAIN_EPILOG = f"""\
examples:
  {PROG} metrics seeds -o metrics.csv --evidence evidence.csv --articles articles.csv
  {PROG} compare seeds -o out/compare
  {PROG} report seeds -o reports/seeds

{INPUT_FORMATS}

Run '{PROG} COMMAND --help' for the options of one command."""

METRICS_EPILOG = f"""\
output:
  metrics:   article_id, outlet, family, metric, target, value, note
  evidence:  article_id, family, metric, target, sentence_index, start, end, text, cue
  sentences: article_id, sentence_index, paragraph_index, start, end, text, tokens
  articles:  metadata, dateline/caption/credit removed by cleaning, status and reason
  Each table is CSV or Parquet according to its extension (.csv, .parquet).

examples:
  {PROG} metrics seeds -o out/metrics.csv --evidence out/evidence.csv --articles out/articles.csv
  {PROG} metrics news.parquet --text-column body -o out/metrics.parquet --families readability,sentiment
  {PROG} metrics news.jsonl -o out/metrics.csv --records out/records --jobs 2 --quiet
  {PROG} metrics seeds -o out/metrics.csv --reporting-verbs my_verbs.yaml --hedges my_hedges.yaml

{INPUT_FORMATS}"""

REPORT_EPILOG = f"""\
The corpus is analysed once; the tables go to OUT/tables (Parquet and CSV), every
NN-*.ipynb notebook (the ones installed with the package, or --notebooks DIR) is executed on them
with this Python interpreter, rendered to OUT/NN-name.html with the code hidden, and
OUT/index.html links them. Figures are written to OUT/figures as PNG, SVG and PDF.

The report is built next to OUT and moved in only when complete: a failed or interrupted run
leaves OUT as it was. OUT must be new, empty, or an earlier report (OUT/.mediacompare-report.json
lists the files it wrote; only those are replaced). --force also writes into another folder,
next to its files; a file the report did not write is never replaced or deleted.

With --validation DIR (the output of 'validate score' on a human-coded sample of this corpus) each
coded measure shows the toolkit's agreement with the coders (F1, r, α) and the report carries the
validation page; without it each says "not validated on this corpus".

examples:
  {PROG} report seeds -o reports/seeds
  {PROG} report news.csv -o reports/news --validation validation/
  {PROG} report news.csv -o reports/news --frames my_frames.yaml --actors my_actors.yaml
  {PROG} notebooks my-notebooks && {PROG} report news.csv -o reports/news --notebooks my-notebooks

{INPUT_FORMATS}"""


def _existing_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise MediacompareError(f"{path}: " + ("a folder, not a file" if path.is_dir() else "no such file"))
    return path


def _corpus_arg(value: str) -> str:
    """CORPUS as given; an empty one is refused (``Path("")`` would be the current folder, read whole)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("give the corpus: a folder of .txt files or a table")
    return value


def _path_name(value: str) -> str:
    """A file or folder name given to an option: an empty one is refused (``Path("")`` is the current folder)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("give a file or folder name, not an empty string")
    return value


def non_empty(value: str) -> str:
    """A name given to an option (--ner, --event, --text-column, --scheduler): an empty or blank one is refused
    (it was taken for the default, or for "no event", without a word)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("give a value, not an empty string")
    return value


def _families(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    if not names:
        raise argparse.ArgumentTypeError("give at least one family name")
    return names


def whole_number(value: str, least: int = 1, most: int | None = None) -> int:
    """An option's whole number of at least ``least`` (and at most ``most``), else a usage error naming the rule."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < least:
        raise argparse.ArgumentTypeError(f"must be {least} or more")
    if most is not None and n > most:
        raise argparse.ArgumentTypeError(f"must be {most:,} or less")
    return n


MAX_RESAMPLES = 100_000  # each test holds resamples x articles draws: 10^9 asked for 5.6 GB and a traceback


def _resamples(value: str) -> int:
    return whole_number(value, 1, MAX_RESAMPLES)


def _jobs(value: str) -> int:
    return whole_number(value)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it, else the CPU count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _workers(value: str) -> int:
    """``--jobs N``: a whole number of at least 1, at most the usable cores (more processes than cores only
    cost memory: the analysis is CPU-bound); a larger N is lowered, with a warning line."""
    n = _jobs(value)
    cores = usable_cores()
    if n > cores:
        print(f"{PROG}: warning: --jobs {n} is more than the {cores} core{'s' if cores != 1 else ''} this process "
              f"can use; running {cores} worker process{'es' if cores != 1 else ''}", file=sys.stderr)
        n = cores
    return n


def _add_lexicon_options(p: argparse.ArgumentParser) -> None:
    """Replacement lexicons for the sourcing family (copy the bundled file, edit, pass the copy)."""
    p.add_argument("--reporting-verbs", metavar="FILE", type=_path_name,
                   help="YAML reporting-verb lexicon replacing the bundled reporting_verbs.yaml "
                        "(quotes, stance verbs, claim attribution, the actor rule '..., X said')")
    p.add_argument("--hedges", metavar="FILE", type=_path_name,
                   help="YAML hedges lexicon replacing the bundled hedges.yaml (hedges, boosters, approximators)")
    p.add_argument("--source-types", metavar="FILE", type=_path_name,
                   help="YAML source-type lexicon replacing the bundled source_types.yaml (speaker types, anonymity)")


def _share(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= x <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return x


def _add_english_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--min-english-share", metavar="X", type=_share, default=DEFAULT_MIN_ENGLISH_SHARE,
                   help="skip an article (status not_english) when fewer than this share of its lower-case words "
                        "are in the CMU English dictionary (default: %(default)s; 0 analyses every article)")


def _add_settings_options(p: argparse.ArgumentParser, families: bool = True) -> None:
    p.add_argument("--actors", metavar="FILE", type=_path_name,
                   help="YAML file of extra, renamed or merged actors (entity emphasis)")
    p.add_argument("--ner", metavar="NAME", default="rules", type=non_empty,
                   help="entity recogniser: rules (default, offline), spacy (installed en_core_web_sm) or "
                        "spacy:MODEL (any installed spaCy pipeline with an ner pipe; never downloaded)")
    p.add_argument("--count-self-mentions", action="store_true",
                   help="count an outlet's mentions of its own name as actor mentions (default: flagged, not counted)")
    p.add_argument("--frames", metavar="FILE", type=_path_name,
                   help="YAML framing rules file replacing the bundled one")
    _add_lexicon_options(p)
    _add_english_option(p)
    if families:  # not for the report: its notebooks need every family
        p.add_argument("--families", metavar="LIST", type=_families,
                       help=f"comma-separated families to run (default: all: {','.join(FAMILIES)})")


def _optional_file(args: argparse.Namespace, name: str) -> Path | None:
    value = getattr(args, name, None)
    return _existing_file(value) if value else None


def _check_lexicons(settings: Settings) -> None:
    """Load the user's replacement lexicons now, so a malformed file fails before any output is opened.

    Each must have the shape of the bundled file it replaces (:func:`analysis.lexicons.check_like_bundled`);
    a file its loader still cannot use is a one-line error naming it, never a traceback.
    """
    from .lexicons import check_like_bundled, load_lexicon, missing_bundled_keys
    from .metrics.framing import frame_rules
    from .sourcing.hedges import hedge_lexicon_for
    from .sourcing.profile import source_types_for
    from .sourcing.stance import reporting_verbs_for

    checks = [(settings.reporting_verbs_file, "reporting_verbs.yaml", reporting_verbs_for),
              (settings.hedges_file, "hedges.yaml", hedge_lexicon_for),
              (settings.source_types_file, "source_types.yaml", source_types_for),
              (settings.frames_file, "frames.yaml", frame_rules),
              (settings.actors_file, "actors.yaml", None)]  # the actor layer loads its file itself
    warnings = []
    for path, bundled, loader in checks:
        if path is None:
            continue
        check_like_bundled(load_lexicon(path), bundled)
        if loader is None:  # the actors file adds to the bundled actors
            continue
        try:
            loader(settings)
        except MediacompareError:
            raise
        except Exception as exc:  # a loader meeting a value it cannot use
            problem = f"{type(exc).__name__}: {exc}"
            raise MediacompareError(f"{path}: not a usable {bundled} replacement ({problem})") from None
        missing = missing_bundled_keys(load_lexicon(path), bundled)
        if missing:  # read as empty by the loader: that part of the analysis is off, which is never silent
            them = "them" if len(missing) > 1 else "it"
            warnings.append(f"{PROG}: warning: {path} has no {', '.join(map(repr, missing))} (the bundled {bundled} "
                            f"has {them}): read as empty in this run; copy the bundled file and edit it to keep {them}")
    for line in warnings:  # once every file loaded: an error is then the only line
        print(line, file=sys.stderr)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings(
        actors_file=_existing_file(args.actors) if args.actors else None,
        frames_file=_existing_file(args.frames) if args.frames else None,
        reporting_verbs_file=_optional_file(args, "reporting_verbs"),
        hedges_file=_optional_file(args, "hedges"),
        source_types_file=_optional_file(args, "source_types"),
        families=args.families,
        min_english_share=getattr(args, "min_english_share", DEFAULT_MIN_ENGLISH_SHARE),
        ner=getattr(args, "ner", "rules"),
        count_self_mentions=getattr(args, "count_self_mentions", False),
    )
    from .pipeline import selected_families

    selected_families(settings)  # unknown family names fail now, before any output is opened
    _check_lexicons(settings)
    from .entities import get_recogniser

    get_recogniser(settings.ner)  # an unknown recogniser or a missing spaCy model fails now, in one line
    return settings


CORPUS_HELP = "directory of .txt files (+ manifest) or a table"


def _add_parser(sub: argparse._SubParsersAction, name: str, help: str, epilog: str) -> argparse.ArgumentParser:
    """A subcommand parser with the shared description and an example-keeping epilog."""
    return sub.add_parser(name, help=help, description=DESCRIPTION, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


SCHEDULER_HELP = ("run on Dask workers: a dask.distributed scheduler address (tcp://host:8786) or local:N for N "
                  "local worker processes (--jobs is then ignored; needs pip install 'mediacompare[cluster]')")
METRICS_SCHEDULER_HELP = SCHEDULER_HELP + ("; each .parquet table becomes a Parquet dataset directory of one part "
                                           "per partition, a .csv table is assembled from the parts")
COMPARE_SCHEDULER_HELP = SCHEDULER_HELP + ("; the analysis and the per-event tables run on the workers (a working "
                                           "folder beside -o DIR, removed after), the pooled statistics here; "
                                           "the same tables as one process")


def _add_analysis_options(p: argparse.ArgumentParser, cluster: str = "") -> None:
    """Options of the commands that analyse a corpus themselves (metrics, compare); ``cluster``: the help of
    their ``--scheduler`` option (none without it)."""
    p.add_argument("--text-column", metavar="NAME", default="text", type=non_empty,
                   help="text column of a table input (default: text)")
    _add_settings_options(p)
    p.add_argument("--jobs", metavar="N", type=_workers, default=1,
                   help="worker processes (default: 1; at most the cores this process can use)")
    _add_cache_options(p)
    if cluster:
        p.add_argument("--scheduler", metavar="ADDRESS", type=non_empty, help=cluster)
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")


def _add_cache_options(p: argparse.ArgumentParser) -> None:
    """Where per-article results are cached between runs (analysis.cache)."""
    group = p.add_mutually_exclusive_group()
    group.add_argument("--cache", metavar="DIR", type=_path_name,
                       help="cache per-article results in DIR and reuse them when nothing they depend on changed "
                            "(default: $MEDIACOMPARE_CACHE, else the user cache directory, e.g. "
                            "~/.cache/mediacompare; bounded to 2 GB, least recently used entries evicted)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def _cache_config(args: argparse.Namespace) -> CacheConfig | None:
    from .cache import CacheConfig, default_cache_dir, unusable_reason

    if getattr(args, "no_cache", False):
        return None
    directory = Path(args.cache) if getattr(args, "cache", None) else default_cache_dir()
    if directory is None:
        return None
    if directory.exists() and not directory.is_dir():
        raise MediacompareError(f"{directory}: exists and is not a directory (--cache needs a directory)")
    config = CacheConfig(directory)
    problem = unusable_reason(config)
    named = getattr(args, "cache", None) or os.environ.get("MEDIACOMPARE_CACHE", "").strip()
    if problem and named:  # the folder the user named (option or environment variable): say so and stop
        how = "--cache DIR" if getattr(args, "cache", None) else "MEDIACOMPARE_CACHE"
        raise MediacompareError(f"{directory}: cannot be used as the result cache ({problem}); "
                                f"give another {how}, or --no-cache")
    if problem:  # the default location (read-only home directories are common on clusters): run without it
        print(f"{PROG}: warning: the result cache {directory} cannot be used ({problem}); running without it "
              f"(give --cache DIR or set MEDIACOMPARE_CACHE to a writable folder)", file=sys.stderr)
        return None
    return config


def add_metrics_command(sub: argparse._SubParsersAction) -> None:
    """``mediacompare metrics``: corpus -> tidy tables."""
    p = _add_parser(sub, "metrics", "analyse a corpus into tidy tables", METRICS_EPILOG)
    p.add_argument("corpus", metavar="CORPUS", type=_corpus_arg, help=CORPUS_HELP)
    p.add_argument("-o", "--output", metavar="FILE", type=_path_name,
                   required=True, help="metrics table (.csv or .parquet)")
    p.add_argument("--evidence", metavar="FILE", type=_path_name, help="also write the evidence table")
    p.add_argument("--articles", metavar="FILE", type=_path_name,
                   help="also write the articles table (metadata, cleaning, status)")
    p.add_argument("--sentences", metavar="FILE", type=_path_name, help="also write the sentences table")
    p.add_argument("--records", metavar="DIR", type=_path_name,
                   help="also write each detail table (e.g. quotes) as DIR/NAME.csv or .parquet, "
                        "in the format of the metrics table")
    _add_analysis_options(p, cluster=METRICS_SCHEDULER_HELP)
    p.set_defaults(run=run_metrics)


def add_report_command(sub: argparse._SubParsersAction) -> None:
    """``mediacompare report``: corpus -> OUT/tables + rendered notebooks."""
    p = _add_parser(sub, "report", "analyse a corpus and render the notebooks to HTML", REPORT_EPILOG)
    p.add_argument("corpus", metavar="CORPUS", type=_corpus_arg, help=CORPUS_HELP)
    p.add_argument("-o", "--output", metavar="DIR", type=_path_name,
                   required=True, help="report directory (e.g. reports/NAME)")
    p.add_argument("--notebooks", metavar="DIR", type=_path_name,
                   help="notebooks to run, e.g. copies made with 'notebooks DIR' (default: the installed ones)")
    p.add_argument("--force", action="store_true",
                   help="write into a non-empty folder that is not a report (its files are kept)")
    p.add_argument("--validation", metavar="DIR", type=_path_name,
                   help="output folder of 'validate score': its agreement figures are shown next to each coded "
                        "measure (default: each says 'not validated on this corpus')")
    _add_settings_options(p, families=False)
    p.add_argument("--quiet", action="store_true", help="no summary line")
    p.set_defaults(run=run_report, families=None)


NOTEBOOKS_EPILOG = f"""\
Copies the report notebooks (NN-name.ipynb) into DIR for you to adapt; existing files are kept,
never overwritten. Render the adapted copies with '{PROG} report CORPUS -o OUT --notebooks DIR'.

examples:
  {PROG} notebooks my-notebooks"""


def add_notebooks_command(sub: argparse._SubParsersAction) -> None:
    """``mediacompare notebooks``: copy the bundled notebooks out for adapting."""
    p = _add_parser(sub, "notebooks", "copy the report notebooks into a folder to adapt them", NOTEBOOKS_EPILOG)
    p.add_argument("folder", metavar="DIR", type=_path_name,
                   help="folder to copy the notebooks into (created if missing)")
    p.add_argument("--quiet", action="store_true", help="no summary line")
    p.set_defaults(run=run_notebooks)


COMPARE_EPILOG = f"""\
output (in DIR, each as NAME.csv and NAME.parquet):
  events:           article_id, outlet, event_id and how the article got it (given or grouped)
  reuse:            article pairs within an event, 5-gram containment both ways, label
  passages:         shared passages behind the reuse values
  near_duplicates:  corpus-wide pairs (across events too) with containment >= 0.8 both ways
  alignment:        article pair, sentence indices, label (verbatim/paraphrase/unique),
                    score (TF-IDF cosine), surface_score
  unique_sentences: what each outlet included that the others did not, with position
  claims:           referent, each outlet's value, approximator and attribution, label
  keyness:          top terms per side of each outlet against the rest and of selected pairs:
                    counts, G2, log ratio (p-values only when articles are replicated); outlet
                    names, bylines, party tags, boilerplate and stop words left out
  stats:            per metric: each outlet (n, mean, median, CI; tested or described), omnibus
                    Kruskal-Wallis H and epsilon^2, each outlet against the rest, selected pairs;
                    difference, 95% bootstrap CI, Hedges' g, Cliff's delta, one BH correction
Pairwise work stays within events (event_id). Articles without an event id form one event;
above 200 such articles they are grouped automatically by date and title + lead wording (see events).

examples:
  {PROG} compare seeds -o out/compare
  {PROG} compare news.csv -o out/compare --event e042
  {PROG} compare news.csv -o out/compare --contrast "Fox News:HuffPost" --min-articles 5
  {PROG} compare reports/news/tables --from-tables -o out/compare

{INPUT_FORMATS}"""


def add_compare_command(sub: argparse._SubParsersAction) -> None:
    """``mediacompare compare``: corpus -> same-event comparison and outlet statistics tables."""
    p = _add_parser(sub, "compare", "compare outlets: reuse, alignment, claims, keyness, statistics", COMPARE_EPILOG)
    p.add_argument("corpus", metavar="CORPUS", type=_corpus_arg, help=CORPUS_HELP)
    p.add_argument("-o", "--output", metavar="DIR", type=_path_name, required=True,
                   help="folder for the comparison tables (new, empty, or written by an earlier compare)")
    p.add_argument("--force", action="store_true",
                   help="write into a non-empty folder compare did not write (its files are kept; none is "
                        "overwritten)")
    p.add_argument("--event", metavar="ID", type=non_empty,
                   help="compare one event only (default: pooled and every event)")
    p.add_argument("--from-tables", action="store_true",
                   help="CORPUS is a tables folder written by 'report' (OUT/tables): skip the analysis")
    _add_compare_options(p)
    _add_analysis_options(p, cluster=COMPARE_SCHEDULER_HELP)
    p.set_defaults(run=run_compare)


KEYNESS_KEEP = ("outlet-names", "bylines", "party-tags", "courtesy-titles", "boilerplate", "stopwords", "phrases")


def _add_compare_options(p: argparse.ArgumentParser) -> None:
    """Statistics and keyness options of ``compare`` (docs/statistics.md)."""
    p.add_argument("--min-articles", metavar="N", type=_jobs, default=10,
                   help="articles an outlet needs to be tested (default: 10); fewer: described only")
    p.add_argument("--contrast", metavar="A:B", action="append", default=[], type=_contrast,
                   help="also compare outlets A and B pairwise (repeatable; named pairs need 2 articles each)")
    p.add_argument("--resamples", metavar="N", type=_resamples, default=2000,
                   help="bootstrap resamples and at most this many permutations per test (default: 2000; at most "
                        f"{MAX_RESAMPLES:,})")
    p.add_argument("--per-event", choices=("auto", "yes", "no"), default="auto",
                   help="statistics and keyness per event too (auto: when there are at most 20 events)")
    p.add_argument("--keyness-top", metavar="N", type=_jobs, default=30,
                   help="keyness terms kept per side of each contrast (default: 30)")
    p.add_argument("--keyness-full", action="store_true",
                   help="also write every term of every contrast to keyness_full.parquet")
    p.add_argument("--keyness-keep", metavar="WHAT", action="append", default=[], choices=KEYNESS_KEEP,
                   help="keep what keyness leaves out by default: outlet-names, bylines, party-tags, "
                        "courtesy-titles, boilerplate, "
                        "stopwords; 'phrases' counts multi-word names word by word (repeatable)")


def _contrast(text: str) -> str:
    from .compare.contrasts import parse_contrast

    try:
        a, b = parse_contrast(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return f"{a}:{b}"


def compare_settings(args: argparse.Namespace) -> CompareSettings:
    """The :class:`analysis.compare.run.CompareSettings` of the ``compare`` options."""
    from .compare.run import CompareSettings
    from .compare.terms import TermOptions

    keep = set(args.keyness_keep)
    terms = TermOptions(outlet_names="outlet-names" not in keep, bylines="bylines" not in keep,
                        party_tags="party-tags" not in keep, courtesy_titles="courtesy-titles" not in keep,
                        boilerplate="boilerplate" not in keep,
                        phrases="phrases" not in keep)
    return CompareSettings(stopwords="stopwords" not in keep, terms=terms, keyness_top=args.keyness_top,
                           keyness_full=args.keyness_full, n_boot=args.resamples, min_articles=args.min_articles,
                           contrasts=tuple(args.contrast),
                           per_event={"auto": None, "yes": True, "no": False}[args.per_event])


# Subcommands in --help order. A new command is one function adding its parser (and its ``run``)
# plus one entry here, e.g. ``add_compare_command`` for ``mediacompare compare``.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_metrics_command, add_compare_command, add_report_command, add_notebooks_command, add_validate_command,
]


class OneLineErrorParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit 2), as every other error of the
    command is; the usage itself is one ``--help`` away."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The ``mediacompare`` argument parser with every subcommand (their parsers are of the same class)."""
    parser = OneLineErrorParser(prog=PROG, description=DESCRIPTION, epilog=MAIN_EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for add in COMMANDS:
        add(sub)
    parser.set_defaults(_commands=sub.choices)  # to name the command's own --help in a usage error
    return parser


def _check_table_name(path: str | Path) -> Path:
    from .tables import table_kind

    out = Path(path)
    table_kind(out)  # .csv or .parquet, else a one-line error
    return out


def _check_output(path: str | Path) -> Path:
    from .tables import table_kind

    out = Path(path)
    table_kind(out)  # .csv or .parquet, else a one-line error
    if out.is_dir():
        raise MediacompareError(f"{out}: is a directory; give a file name ending in .csv or .parquet")
    if out.exists() and not out.is_file():  # the atomic rename would replace the user's pipe or device
        raise MediacompareError(f"{out}: not a regular file (a pipe or a device); give a file name")
    return out


def _input_files(corpus: Path, settings: Settings | None) -> list[Path]:
    """Every file the run reads: the corpus (see :func:`analysis.corpus.input_files`) and the user's lexicons."""
    from .corpus import input_files

    files = input_files(corpus)
    if settings is not None:
        files += [p for p in (settings.actors_file, settings.frames_file, settings.reporting_verbs_file,
                              settings.hedges_file, settings.source_types_file) if p is not None]
    return files


@dataclass
class _NoOutlet:
    """Analysed articles without an outlet: how many, and the first one's id (not every id: a corpus of millions
    without outlets would hold them all until the end)."""

    n: int = 0
    first: str = ""
    repaired: int = 0  # rows repaired when read (the articles table's read_note): how many, and the first's id
    first_repaired: str = ""


    def count(self, article: dict[str, object]) -> None:
        """Count one article row (the articles table's: status, outlet, read_note)."""
        from .corpus import READ_NOTE

        aid = str(article.get("article_id", ""))
        if article.get("status") == "analysed" and not str(article.get("outlet") or "").strip():
            if not self.n:
                self.first = aid
            self.n += 1
        if article.get(READ_NOTE):
            if not self.repaired:
                self.first_repaired = aid
            self.repaired += 1

    def warn(self) -> None:
        """The warning lines (stderr, also with --quiet) for what was counted."""
        _warn_missing_outlets(self.n, self.first)
        _warn_repaired(self.repaired, self.first_repaired)


def _tally_outlets(results: Iterable[ArticleResult], missing: _NoOutlet) -> Iterator[ArticleResult]:
    """Pass ``results`` through, counting in ``missing`` the analysed articles without an outlet and the rows
    repaired when read."""
    for res in results:
        missing.count(res.article)
        yield res


def _warn_repaired(n: int, first: str) -> None:
    """One warning line on stderr (also with --quiet) for rows repaired when read (unquoted separators in a last
    text column): the repair is in the articles table's read_note column."""
    if n:
        print(f"{PROG}: warning: {n} row{'s' if n != 1 else ''} had more cells than the header (unquoted separators "
              f"in the last, text column); the rest of the line was kept as the text (first: {first!r}; see the "
              f"articles table's read_note column)", file=sys.stderr)


def _warn_missing_outlets(n: int, first: str) -> None:
    """One warning line on stderr (also with --quiet): articles without an outlet are compared as one outlet ""."""
    if n:
        print(f"{PROG}: warning: {n} analysed article{'s' if n != 1 else ''} ha{'ve' if n != 1 else 's'} no outlet "
              f"(first: {first!r}); outlet statistics pool them as one outlet named \"\"", file=sys.stderr)


def _warn_unknown_contrasts(contrasts: Sequence[str], outlets: set[str]) -> None:
    """One warning line per ``--contrast A:B`` naming an outlet with no analysed article (it cannot be tested)."""
    from .compare.contrasts import parse_contrast

    for text in contrasts:
        missing = [name for name in parse_contrast(text) if name not in outlets]
        if missing:
            close = sorted(o for o in outlets if o.lower() in {m.lower() for m in missing})
            hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
            print(f"{PROG}: warning: --contrast {text}: no analysed article from "
                  f"{' or '.join(map(repr, missing))}{hint}; that pair is not compared", file=sys.stderr)


def _summary(counts: dict[str, int], target: Path) -> str:
    analysed = counts.get("analysed", 0)
    total = sum(counts.values())
    skipped = {k: v for k, v in sorted(counts.items()) if k != "analysed"}
    text = f"{PROG}: analysed {analysed} of {total} article{'s' if total != 1 else ''}"
    if skipped:
        text += f"; skipped {sum(skipped.values())} (" + ", ".join(f"{k}: {v}" for k, v in skipped.items()) + ")"
    return f"{text}; wrote {target}"


def _check_records_folder(folder: Path, tables: list[Path]) -> None:
    """--records DIR names a folder, not the files: a record table there that an earlier --records run did not
    write (no marker file) is the user's, and is never replaced."""
    if not folder.is_dir() or (folder / RECORDS_MARKER).exists():
        return
    mine = next((p for p in tables if p.exists() or p.is_symlink()), None)
    if mine is not None:
        raise MediacompareError(f"{mine}: --records would replace this file, which 'metrics --records' did not "
                                f"write; choose a new or empty folder for --records")


def run_metrics(args: argparse.Namespace) -> int:
    """Analyse ``args.corpus`` and write the requested tables (all renamed into place only on success)."""
    from .pipeline import analyse_corpus, selected_families
    from .tables import record_tables_for, write_results

    settings = _settings(args)
    corpus = Path(args.corpus)
    if not corpus.exists():
        raise MediacompareError(f"{corpus}: no such file or directory")
    scheduler = getattr(args, "scheduler", None)
    check = _check_table_name if scheduler else _check_output  # on a cluster, a .parquet table is a directory
    given = {"metrics": args.output, "evidence": args.evidence, "articles": args.articles, "sentences": args.sentences}
    targets = {name: check(value) for name, value in given.items() if value}
    records_dir = Path(args.records) if args.records else None
    if records_dir is not None and records_dir.exists() and not records_dir.is_dir():
        raise MediacompareError(f"{records_dir}: exists and is not a directory")
    record_fmt = targets["metrics"].suffix.lower().lstrip(".")
    record_tables = record_tables_for(selected_families(settings))
    outputs = {("-o" if name == "metrics" else f"--{name}"): path for name, path in targets.items()}
    if records_dir is not None:
        outputs |= {f"--records ({name}.{record_fmt})": records_dir / f"{name}.{record_fmt}" for name in record_tables}
    check_outputs(outputs, _input_files(corpus, settings))
    if records_dir is not None:
        _check_records_folder(records_dir, [path for label, path in outputs.items() if label.startswith("--records")])
    if scheduler:
        from .cluster import run_metrics_on_cluster

        noted = _NoOutlet()
        counts = run_metrics_on_cluster(scheduler, corpus, settings, targets, records_dir, record_fmt, record_tables,
                                        text_column=args.text_column, cache=_cache_config(args),
                                        on_article=noted.count)
        noted.warn()
        if not args.quiet:
            print(_summary(counts, targets["metrics"]))
        return 0
    keep = frozenset({"metrics"} | {n for n in ("evidence", "sentences") if n in targets}
                     | ({"records"} if records_dir is not None else set()))

    with Staging() as staging:
        try:
            partial = {name: staging.file(path) for name, path in targets.items()}
            partial_records = staging.folder(records_dir) if records_dir is not None else None
            if partial_records is not None:
                mark_records_folder(partial_records)
            missing = _NoOutlet()
            own = [*targets.values(), *([records_dir] if records_dir is not None else [])]
            with closing(analyse_corpus(corpus, settings, text_column=args.text_column, jobs=args.jobs,
                                        progress=not args.quiet and sys.stderr.isatty(), cache=_cache_config(args),
                                        keep=keep, exclude=own)) as results:
                counts = write_results(_tally_outlets(results, missing), partial["metrics"],
                                       evidence=partial.get("evidence"),
                                       articles=partial.get("articles"), sentences=partial.get("sentences"),
                                       records_dir=partial_records, records_format=record_fmt,
                                       record_tables=record_tables)
            staging.commit()
        except OSError as exc:
            raise write_error(exc, staging) from None
    missing.warn()
    if not args.quiet:
        print(_summary(counts, targets["metrics"]))
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Build the HTML report of ``args.corpus`` into ``args.output``."""
    from .report import build_report

    settings = _settings(args)
    noted = _NoOutlet()
    index = build_report(args.corpus, args.output, notebooks_dir=args.notebooks, settings=settings,
                         force=args.force, validation=args.validation, on_article=noted.count)
    noted.warn()
    if not args.quiet:
        print(f"{PROG}: report written to {index}")
    return 0


def run_notebooks(args: argparse.Namespace) -> int:
    """Copy the bundled notebooks into ``args.folder``, keeping files that exist."""
    from .report import copy_notebooks

    copied, kept = copy_notebooks(args.folder)
    if not args.quiet:
        text = f"{PROG}: copied {len(copied)} notebook{'s' if len(copied) != 1 else ''} to {args.folder}"
        if kept:
            text += f"; kept {len(kept)} existing file{'s' if len(kept) != 1 else ''} unchanged (" + ", ".join(
                p.name for p in kept) + ")"
        print(text)
    return 0


# What ``compare`` reads from an analysis: no evidence, and of the record tables only the claims.
COMPARE_TABLES = ("metrics", "sentences", "articles")
COMPARE_RECORDS = ("claims",)
COMPARE_CATEGORICAL = ("metrics",)  # read as categoricals: the statistics take integer codes of its text columns


def _compare_outputs(args: argparse.Namespace) -> dict[str, Path]:
    from .compare.run import COMPARISON_TABLES, FORMATS
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise MediacompareError(f"{out}: exists and is not a directory; -o names the folder for the comparison tables")
    return {f"-o ({name}.{fmt})": out / f"{name}.{fmt}" for name in COMPARISON_TABLES for fmt in FORMATS}


def run_compare(args: argparse.Namespace) -> int:
    """Analyse ``args.corpus`` (or load its tables) and write the comparison tables.

    The analysis is streamed into a temporary tables folder (:func:`analysis.tables.write_results`, no
    evidence) and only what the comparison needs is loaded back, so memory does not hold the evidence.
    """
    import tempfile

    from .pipeline import analyse_corpus
    from .report_folder import COMPARE, check_target
    from .tables import load_tables, write_results

    corpus = Path(args.corpus)
    outputs = _compare_outputs(args)
    if args.from_tables:
        check_outputs(outputs, [corpus / f"{name}.{ext}" for name in (*COMPARE_TABLES, *COMPARE_RECORDS)
                                for ext in ("parquet", "csv")])
        check_target(Path(args.output), args.force, COMPARE)  # never into a user's folder without --force
        tables = load_tables(corpus, COMPARE_TABLES, COMPARE_RECORDS, categorical=COMPARE_CATEGORICAL)
        if args.scheduler:
            from .cluster import event_mapper, session

            with session(args.scheduler) as client:
                return _compare(args, tables, event_mapper(client))
        return _compare(args, tables)
    settings = _settings(args)
    if not corpus.exists():
        raise MediacompareError(f"{corpus}: no such file or directory")
    check_outputs(outputs, _input_files(corpus, settings))
    check_target(Path(args.output), args.force, COMPARE)  # before the analysis: refused at once, not after it
    if args.scheduler:
        return _compare_on_cluster(args, corpus, settings)
    def analyse(folder: Path) -> None:
        with closing(analyse_corpus(corpus, settings, text_column=args.text_column, jobs=args.jobs,
                                    progress=False if args.quiet else None, cache=_cache_config(args),
                                    keep=frozenset({"metrics", "sentences", "records"}))) as results:
            write_results(results, folder / "metrics.parquet", articles=folder / "articles.parquet",
                          sentences=folder / "sentences.parquet",
                          records={name: folder / f"{name}.parquet" for name in COMPARE_RECORDS})

    with tempfile.TemporaryDirectory(prefix="mediacompare-") as tmp:
        folder = Path(tmp)
        in_child_process(analyse, folder)
        tables = load_tables(folder, COMPARE_TABLES, COMPARE_RECORDS, categorical=COMPARE_CATEGORICAL)
    return _compare(args, tables)


def in_child_process(target: Callable[..., None], *args: object) -> None:
    """Run ``target(*args)`` in a forked child process and wait for it; its exception is raised here.

    ``compare`` analyses the corpus this way: what the analysis leaves resident (lexicons, dictionaries,
    gazetteers, allocator caches; about 200 MB) goes back to the system when the child ends, so the
    comparison starts from the tables alone. CPU time is the same (the child's counts for the command).
    Where ``fork`` is not available (Windows) or not safe (macOS: the pipeline spawns there too) it runs here.
    """
    import multiprocessing as mp

    if sys.platform == "darwin" or "fork" not in mp.get_all_start_methods():  # as analysis.pipeline chooses
        target(*args)
        return
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run() -> None:
        outcome: BaseException | None = None
        try:
            target(*args)
        except BaseException as exc:  # every failure goes back to the parent
            outcome = exc
        try:
            send.send(outcome)
        except Exception:  # an exception that cannot be pickled: its text
            send.send(MediacompareError(f"{type(outcome).__name__}: {outcome}"))
        finally:
            send.close()

    child = ctx.Process(target=run, name="mediacompare-analysis")
    child.start()
    send.close()
    try:
        try:
            outcome = receive.recv()
        except EOFError:
            child.join()
            raise MediacompareError(f"the analysis process ended without a result (exit code {child.exitcode})"
                                    ) from None
        child.join()
    finally:
        if child.is_alive():
            child.terminate()
            child.join()
        receive.close()
    if outcome is not None:
        raise outcome


def _compare_on_cluster(args: argparse.Namespace, corpus: Path, settings: Settings) -> int:
    """``compare --scheduler``: the analysis on the workers into a working folder beside the output (workers
    write there, so it must be on a file system they share), then the comparison with the per-event batches
    on the workers (:mod:`analysis.cluster`). The working folder is ours and removed afterwards."""
    import shutil
    import uuid

    from .cluster import event_mapper, run_metrics_on_cluster, session
    from .tables import load_tables

    work = Path(args.output).resolve().parent / f".mediacompare-compare-{uuid.uuid4().hex[:12]}"
    with session(args.scheduler) as client:
        try:
            work.mkdir(parents=True)
            targets = {name: work / f"{name}.parquet" for name in COMPARE_TABLES}
            run_metrics_on_cluster(args.scheduler, corpus, settings, targets, work, "parquet", list(COMPARE_RECORDS),
                                   text_column=args.text_column, cache=_cache_config(args), client=client)
            tables = load_tables(work, COMPARE_TABLES, COMPARE_RECORDS, categorical=COMPARE_CATEGORICAL)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return _compare(args, tables, event_mapper(client))


def _compare(args: argparse.Namespace, tables: AnalysisTables, mapper: BatchMapper | None = None) -> int:
    from .compare.run import write_comparison

    if tables.analysed.empty:
        statuses = tables.articles["status"].value_counts().sort_index()
        found = ", ".join(f"{k}: {v}" for k, v in statuses.items()) or "no rows"
        raise MediacompareError(f"{args.corpus}: no analysed article to compare ({found})")
    analysed = tables.analysed
    no_outlet = analysed.loc[analysed["outlet"].str.strip() == "", "article_id"]
    _warn_missing_outlets(len(no_outlet), str(no_outlet.iloc[0]) if len(no_outlet) else "")
    from .corpus import READ_NOTE

    if READ_NOTE in tables.articles.columns:
        repaired = tables.articles.loc[tables.articles[READ_NOTE].astype("string").fillna("") != "", "article_id"]
        _warn_repaired(len(repaired), str(repaired.iloc[0]) if len(repaired) else "")
    _warn_unknown_contrasts(args.contrast, set(analysed["outlet"].astype(str)))

    if args.event:
        from .compare.run import resolve_events

        column = tables.articles["event_id"] if "event_id" in tables.articles.columns else []
        given = {str(e) if e == e else "" for e in column}  # NaN != NaN: a missing id
        known = given | ({"all"} if "" in given else set())
        if args.event not in known and args.event.startswith("auto-"):
            known |= set(resolve_events(tables.articles, tables.sentences)["event_id"])
        if args.event not in known:
            raise MediacompareError(f"{args.corpus}: no article has event_id {args.event!r}")
    from .report_folder import COMPARE, check_collisions, check_target, write_marker

    out = Path(args.output)
    previous = check_target(out, getattr(args, "force", False), COMPARE)
    with Staging() as staging:
        try:
            built = staging.folder(args.output)
            paths = write_comparison(tables, built, event=args.event or None,
                                     settings=compare_settings(args), mapper=mapper)
            names = sorted(p.name for p in built.iterdir())
            check_collisions(out, names, previous, COMPARE)  # a file of the user's is never overwritten
            write_marker(built, previous | set(names), COMPARE)  # moved in with the tables
            staging.commit()
        except OSError as exc:
            raise write_error(exc, staging) from None
    if not args.quiet:
        names = sorted({p.stem for p in paths.values()})
        print(f"{PROG}: wrote {len(names)} comparison tables ({', '.join(names)}) to {args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mediacompare`` console script; returns the exit status."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # an option of another command, or a stray word: the error names this command's --help
        getattr(args, "_commands", {}).get(getattr(args, "command", None), parser).error(
            f"unrecognized arguments: {' '.join(extra)}")
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        with signals_as_exceptions():
            return int(args.run(args))
    except Interrupted as exc:
        print(f"{PROG}: interrupted by {exc.name}", file=sys.stderr)
        return exc.status
    except MediacompareError as exc:
        return _fail(str(exc))
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except MemoryError as exc:
        return _fail(f"out of memory ({exc or 'an allocation failed'}); try a smaller corpus, fewer --jobs or "
                     f"--resamples, or a machine with more memory")
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _fail(message: str) -> int:
    first = " ".join(message.split())  # one line, whatever the message carried
    # control characters from a file name or a value (an escape sequence would clear or recolour the terminal)
    first = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", first)
    print(f"{PROG}: error: {first}", file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
