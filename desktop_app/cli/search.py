"""``report-viewer search``: query a dataset from the terminal, one hit per line or JSON."""

from __future__ import annotations

import argparse
from typing import Final

from desktop_app.cli.console import Console, ExitStatus, load_or_report
from desktop_app.core.search.hits import HitPlaces, marked_snippet
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.types import Hit
from desktop_app.core.unreviewed import review_counts, shown_report

__all__ = ["CONTEXT_WIDTH", "UNREVIEWED_MARK", "marked_context", "run_search", "search"]

CONTEXT_WIDTH: Final = 20
"""Characters of context shown on either side of a match."""


def marked_context(hit: Hit, width: int = CONTEXT_WIDTH) -> str:
    """The hit in its context on one line, the match marked 【like this】.

    The context is cut at punctuation or between words and numbers, never inside one
    (:func:`desktop_app.core.search.hits.snippet`); line breaks and runs of whitespace become
    one space; ``…`` shows where the field goes on beyond the context.

    Args:
        hit: a search hit.
        width: at most this many characters of context on either side.

    Returns:
        One line of text.
    """
    return marked_snippet(hit, width)


UNREVIEWED_MARK: Final = "[unreviewed]"
"""The last column of a line whose hit is in a figure awaiting review."""


def run_search(
    query: str,
    dataset: str | None,
    as_json: bool,
    out: Console,
    err: Console,
    *,
    include_unreviewed: bool = False,
) -> int:
    """Search a dataset and print the hits.

    Args:
        query: the query (terms, "phrases", pinyin, numbers).
        dataset: a dataset file, or ``None`` for the bundled report.
        as_json: print one JSON list of objects with ``node_id``, ``kind``,
            ``field``, ``start``, ``end``, ``match``, ``context`` and ``unreviewed`` instead of lines.
        out: where the hits go.
        err: where the loader's message goes, and how many figures awaiting review were not searched.
        include_unreviewed: search figures awaiting review too; a line with a hit in one ends with
            :data:`UNREVIEWED_MARK`, a JSON record says ``"unreviewed": true``.

    Returns:
        :attr:`ExitStatus.OK` with hits, :attr:`ExitStatus.NO_HITS` without,
        :attr:`ExitStatus.DATASET` when the dataset cannot be loaded.
    """
    report = load_or_report(dataset, err)
    if report is None:
        return ExitStatus.DATASET
    awaiting = review_counts(report).awaiting
    if awaiting and not include_unreviewed:
        err.line(
            f"{awaiting} figure{'s' if awaiting != 1 else ''} awaiting review not searched "
            "(--include-unreviewed searches them, marked unreviewed)"
        )
    shown = shown_report(report, include_unreviewed)
    index = SearchIndex.build(shown)
    hits = index.search(query)
    places = HitPlaces(shown)
    if as_json:
        out.json(
            [
                {
                    "node_id": hit.node_id,
                    "kind": str(hit.node_kind),
                    "field": hit.field,
                    "start": hit.start,
                    "end": hit.end,
                    "match": hit.matched,
                    "context": marked_context(hit),
                    "unreviewed": places.unreviewed(hit),
                }
                for hit in hits
            ]
        )
    else:
        for hit in hits:
            mark = f"\t{UNREVIEWED_MARK}" if places.unreviewed(hit) else ""
            out.line(f"{hit.node_id}\t{hit.node_kind}\t{hit.field}\t{marked_context(hit)}{mark}")
        if not hits:
            # Only queries that find something are suggested (SearchIndex.suggest checks each).
            suggestions = index.suggest(query, limit=3)
            out.line(f"No hits for “{query.strip()}”.")
            if suggestions:
                out.line("Did you mean " + ", ".join(f"“{s}”" for s in suggestions) + "?")
    return ExitStatus.OK if hits else ExitStatus.NO_HITS


def search(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The ``search`` command."""
    return run_search(
        args.query, args.dataset, args.json, out, err, include_unreviewed=args.include_unreviewed
    )
