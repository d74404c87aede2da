"""``mediacompare validate sample`` and ``mediacompare validate score``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import MediacompareError
from .codebook import MEASURES, UNITS

VALIDATE_EPILOG = """\
A human-coding round trip (Krippendorff 2004; Grimmer & Stewart 2013):

  1. mediacompare validate sample CORPUS -o coding/ --unit sentence --n 200 --seed 1
     writes coding/coding_sheet.csv and .xlsx (text, context, an empty column per code),
     codebook.csv, and the toolkit's own codes apart (toolkit_codes.csv), so coders stay blind.
  2. Each coder fills a copy, saved as coding/coded_<coder>.csv or .xlsx (an adjudicated
     reference, if any, as coded_adjudicated.csv).
  3. mediacompare validate score coding/ -o validation/
     writes Krippendorff's alpha between coders (with a bootstrap 95% CI), the toolkit's
     precision/recall/F1 against the reference, disagreements with the toolkit's cues,
     agreement.md / agreement.tex for a methods section, index.html and validation.json.
     After editing a lexicon, pass it (e.g. --frames my_frames.yaml): score re-runs the toolkit
     on the same units and shows agreement before and after.

examples:
  mediacompare validate sample news.jsonl -o coding --measures framing,tone --n 300 --seed 7
  mediacompare validate sample news.jsonl -o coding-articles --unit article --n 60
  mediacompare validate score coding -o validation --frames my_frames.yaml"""


def _measures(value: str) -> tuple[str, ...]:
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in MEASURES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(MEASURES)}")
    return names


def _seed(value: str) -> int:
    """--seed: a whole number of 0 or more (numpy refuses a negative seed with a traceback)."""
    from ..cli import whole_number

    return whole_number(value, 0)


def add_validate_command(sub: argparse._SubParsersAction) -> None:
    """``mediacompare validate {sample,score}``."""
    from ..cli import CORPUS_HELP, DESCRIPTION, _add_settings_options, _corpus_arg, _jobs, _path_name, non_empty

    p = sub.add_parser("validate", help="validate the toolkit against human coders (coding sheets, agreement)",
                       description=DESCRIPTION, epilog=VALIDATE_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    vsub = p.add_subparsers(title="steps", metavar="STEP", dest="step")
    s = vsub.add_parser("sample", help="draw a stratified coding sample and write blind coding sheets",
                        epilog=VALIDATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("corpus", metavar="CORPUS", type=_corpus_arg, help=CORPUS_HELP)
    s.add_argument("-o", "--output", metavar="DIR", type=_path_name,
                   required=True, help="folder for the coding sheets (new or empty)")
    s.add_argument("--unit", choices=UNITS, default="sentence", help="coding unit (default: sentence)")
    s.add_argument("--measures", type=_measures, default=MEASURES, metavar="LIST",
                   help=f"comma-separated measures to code (default: {','.join(MEASURES)})")
    s.add_argument("--n", type=_jobs, default=200, help="units to draw (default: 200)")
    s.add_argument("--seed", type=_seed, default=1, help="random seed (default: 1)")
    s.add_argument("--text-column", metavar="NAME", default="text", type=non_empty, help="text column of a table input")
    _add_settings_options(s, families=False)
    s.set_defaults(run=run_sample, families=None)
    c = vsub.add_parser("score", help="score filled coding sheets: coders' alpha, toolkit precision/recall/F1",
                        epilog=VALIDATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("coding", metavar="CODING_DIR", type=_path_name,
                   help="folder written by 'validate sample', with coded_* sheets")
    c.add_argument("-o", "--output", metavar="DIR", type=_path_name,
                   required=True, help="folder for the agreement tables")
    c.add_argument("--sheets", metavar="FILE", type=_path_name,
                   nargs="+", help="filled sheets (default: CODING_DIR/coded_*)")
    c.add_argument("--corpus", metavar="PATH", type=_corpus_arg,
                   help="corpus to re-run the toolkit on (default: the sample's)")
    c.add_argument("--no-rerun", action="store_true", help="score only the codes stored with the sample")
    c.add_argument("--text-column", metavar="NAME", default="text", type=non_empty, help="text column of a table input")
    _add_settings_options(c, families=False)
    c.set_defaults(run=run_score, families=None)
    p.set_defaults(run=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return 2


def run_sample(args: argparse.Namespace) -> int:
    from ..cli import _settings
    from ..corpus import load_corpus
    from ..pipeline import analyse_record, selected_families
    from ..tables import collect_tables
    from .sample import write_sample

    settings = _settings(args)
    families = selected_families(settings)
    tables = collect_tables(analyse_record(r, settings, families)
                            for r in load_corpus(args.corpus, text_column=args.text_column))
    paths = write_sample(tables, args.output, settings=settings, unit=args.unit, measures=args.measures, n=args.n,
                         seed=args.seed, corpus=str(args.corpus), command=" ".join(sys.argv[1:]))
    print(f"mediacompare: wrote {len(paths)} files to {args.output} (give each coder a copy of coding_sheet; "
          "keep toolkit_codes.csv from them)")
    return 0


def run_score(args: argparse.Namespace) -> int:
    from ..cli import _settings
    from .outputs import write_outputs
    from .rerun import rerun_codes
    from .score import load_round, score_round

    if Path(args.output).resolve() == Path(args.coding).resolve():
        raise MediacompareError("the output folder must differ from the coding folder")
    rnd = load_round(args.coding, args.sheets or ())
    after = None
    if not args.no_rerun:
        after, changed = rerun_codes(rnd, _settings(args), args.corpus, args.text_column)
        if changed:
            print(f"mediacompare: {len(changed)} units left out of 'after': their sentence changed", file=sys.stderr)
    result = score_round(rnd, after)
    write_outputs(result, args.output)
    print(f"mediacompare: scored {len(rnd.units)} units by {len(rnd.coders)} coders; wrote {args.output}/index.html")
    return 0
