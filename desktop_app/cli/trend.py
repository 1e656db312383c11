"""``report-viewer trend QUERY``: a query's occurrences per 10,000 characters, report by report."""

from __future__ import annotations

import argparse

from desktop_app.cli.console import Console, ExitStatus, unknown_collection
from desktop_app.core.language import Language

__all__ = ["trend"]


def trend(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The ``trend`` command: one row per report (year, report id, occurrences, characters, rate).

    Counting is search's (:mod:`desktop_app.core.library.trend`); the output says so, in a last line
    or in the JSON's ``counting``.

    Returns:
        :attr:`ExitStatus.OK`, :attr:`ExitStatus.USAGE` for an unknown collection,
        :attr:`ExitStatus.DATASET` when the library cannot be opened.
    """
    from desktop_app.cli.library_index import open_library_index
    from desktop_app.core.library.trend import PER_CHARACTERS, folding_note, term_trend

    opened = open_library_index(err)
    if opened is None:
        return ExitStatus.DATASET
    collection: str | None = args.collection
    if unknown_collection("trend", collection, opened.collections, err):
        return ExitStatus.USAGE
    found = term_trend(opened.index, args.query, collection=collection)
    if args.json:
        out.json(
            {
                "query": args.query,
                "collection": collection,
                "per_characters": PER_CHARACTERS,
                "counting": {"en": folding_note(Language.EN), "zh": folding_note(Language.ZH)},
                "rows": [row.as_json() for row in found.rows],
            }
        )
        return ExitStatus.OK
    out.line(f"“{args.query.strip()}”: occurrences per {PER_CHARACTERS:,} characters")
    out.line(f"{'year':<6}{'report':<24}{'occurrences':>12}{'characters':>12}{'rate':>9}")
    for row in found.rows:
        out.line(
            f"{row.year:<6}{row.report_id:<24}{row.occurrences:>12,}{row.characters:>12,}{row.rate:>9.2f}"
        )
    out.line(f"{found.occurrences:,} occurrences in {len(found.rows)} reports.")
    out.line(folding_note(Language.EN))
    return ExitStatus.OK
