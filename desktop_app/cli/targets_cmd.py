"""``report-viewer targets``: each year's targets, the outcome a later report states, the verdict (issue 16).

The pairs are those of :func:`desktop_app.core.targets.cache.collection_pairs` — the same as the
Targets & outcomes view shows (without its cache) — filtered by ``--series`` and ``--year``; without
``--collection``, those of every collection. One pair per line (year,
series, target, outcome, verdict, rule), or with ``--json`` a list of
``{series, name, year, target, outcome, verdict, rule}`` (:mod:`desktop_app.core.targets.export`).
Only confirmed figures count, as in the view (a pair whose outcome is only proposed names the
unreviewed figure in its rule); ``--include-unreviewed`` pairs proposed figures too, and each such
pair is marked ``unreviewed`` (``未审核``). Exit status 0 with pairs, 1 when the filters leave none, 2 for an
unknown collection or series, 5 when the library cannot be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.console import PROG, Console, ExitStatus, unknown_collection
from desktop_app.core.language import Language

if TYPE_CHECKING:
    from desktop_app.core.targets import Pair


def add_parser(command: argparse.ArgumentParser) -> None:
    """The options of ``report-viewer targets``."""
    command.add_argument(
        "--collection", help="only targets set in this collection (linzi, national, user); default all"
    )
    command.add_argument("--series", help="only this series, e.g. gdp_growth (see data/series.json)")
    command.add_argument("--year", type=int, help="only targets for this year")
    command.add_argument("--json", action="store_true", help="print a JSON list of pairs")
    command.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="also pair figures nobody has confirmed yet (such pairs are marked unreviewed)",
    )
    command.add_argument(
        "--lang", choices=("zh", "en"), default="en", help="language of names and rules (default: en)"
    )
    command.add_argument(
        "--data-dir", help="the data folder (default: $REPORT_VIEWER_DATA_DIR or the user's)"
    )


def pair_line(item: Pair, language: Language) -> str:
    """A pair as one tab-separated line: year, series, target, outcome, verdict, rule."""
    from desktop_app.core.targets.display import figure_cell_text, verdict_label

    return "\t".join(
        [
            str(item.year),
            item.series.key,
            figure_cell_text(item.target),
            figure_cell_text(item.outcome),
            verdict_label(item, language),
            item.rule.text(language),
        ]
    )


def targets(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Run ``report-viewer targets``."""
    from desktop_app.core.library import Library, LibraryError
    from desktop_app.core.targets import pairs_json, series_table
    from desktop_app.core.targets.cache import collection_pairs

    language = Language.from_tag(args.lang)
    if args.series is not None and args.series not in series_table():
        err.line(f"{PROG} targets: unknown series {args.series!r} (see data/series.json)")
        return ExitStatus.USAGE
    try:
        with Library.open(Path(args.data_dir) if args.data_dir else None) as library:
            for notice in library.notices:
                err.line(f"{PROG} targets: {notice.en}")
            known = [c.id for c in library.collections()]
            if unknown_collection("targets", args.collection, known, err):
                return ExitStatus.USAGE
            chosen = [args.collection] if args.collection is not None else sorted(known)
            found: list[Pair] = []
            for collection in chosen:
                paired = collection_pairs(library, collection, include_unreviewed=args.include_unreviewed)
                for entry_id in paired.skipped:
                    err.line(f"{PROG} targets: {entry_id} left out, it cannot be loaded")
                found.extend(paired.pairs)
    except LibraryError as exc:
        err.line(f"{PROG} targets: {exc}")
        return ExitStatus.LIBRARY
    pairs = [
        p
        for p in found
        if (args.series is None or p.series.key == args.series) and (args.year is None or p.year == args.year)
    ]
    if args.json:
        out.json(pairs_json(pairs, language))
    else:
        for item in pairs:
            out.line(pair_line(item, language))
    return ExitStatus.OK if pairs else ExitStatus.NO_HITS
