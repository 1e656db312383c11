"""``report-viewer search``: query a dataset (or the whole library) from the terminal, lines or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Final

from desktop_app.cli.console import PROG, Console, ExitStatus, load_or_report, unknown_collection
from desktop_app.core.search.hits import HitPlaces, marked_snippet
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.types import Hit
from desktop_app.core.unreviewed import review_counts, shown_report

if TYPE_CHECKING:
    from desktop_app.core.library.search import IndexedReport

__all__ = ["CONTEXT_WIDTH", "UNREVIEWED_MARK", "marked_context", "run_library_search", "run_search", "search"]

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
        out.json([_hit_json(hit, unreviewed=places.unreviewed(hit)) for hit in hits])
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


def _hit_json(hit: Hit, *, unreviewed: bool) -> dict[str, object]:
    """A hit as ``--json`` writes it: where it is, what matched, with its context."""
    return {
        "node_id": hit.node_id,
        "kind": str(hit.node_kind),
        "field": hit.field,
        "start": hit.start,
        "end": hit.end,
        "match": hit.matched,
        "context": marked_context(hit),
        "unreviewed": unreviewed,
    }


def _library_hit_json(hit: Hit, report: IndexedReport) -> dict[str, object]:
    """A library hit: as one report's, with its place and its span in the report's article."""
    span = hit.span
    # The library indexes article text, which is never awaiting review.
    return _hit_json(hit, unreviewed=False) | {
        "place": report.place(hit),
        "span": None
        if span is None
        else {"paragraph_id": span.paragraph_id, "start": span.start, "end": span.end},
    }


def run_library_search(query: str, collection: str | None, as_json: bool, out: Console, err: Console) -> int:
    """Search every report of the library and print the hits grouped by report.

    Args:
        query: the query (terms, "phrases", pinyin, numbers).
        collection: only this collection's reports, or None for all.
        as_json: print one JSON list with an object per report (``report_id``, ``year``, ``title``,
            ``collection``, ``count``, ``hits``: as for one report, each with its ``place`` and
            its ``span`` in the report's article) instead of lines, which name each hit's place
            (its section and paragraph, ``2024年工作回顾 · 第4段``) as the window's list does.
        out: where the hits go.
        err: where problems go (and a note while the index is first built).

    Returns:
        :attr:`ExitStatus.OK` with hits, :attr:`ExitStatus.NO_HITS` without,
        :attr:`ExitStatus.USAGE` for an unknown collection, :attr:`ExitStatus.DATASET` when the
        library cannot be opened.
    """
    from desktop_app.cli.library_index import open_library_index

    opened = open_library_index(err)
    if opened is None:
        return ExitStatus.DATASET
    if unknown_collection("search", collection, opened.collections, err):
        return ExitStatus.USAGE
    results = opened.index.search(query, collection=collection, per_report=None, count_cap=None)
    if as_json:
        out.json(
            [
                {
                    "report_id": group.report.id,
                    "year": group.report.year,
                    "title": group.report.title,
                    "collection": group.report.collection,
                    "count": group.count,
                    "hits": [_library_hit_json(hit, group.report) for hit in group.hits],
                }
                for group in results.groups
            ]
        )
    else:
        for group in results.groups:
            report = group.report
            out.line(f"{report.id}\t{report.year or ''}\t{report.title}\t{group.count} hits")
            for hit in group.hits:
                out.line(f"  {report.place(hit)}\t{marked_context(hit)}")
        if results.groups:
            out.line(f"{results.total} hits in {len(results.groups)} reports.")
        else:
            out.line(f"No hits for “{query.strip()}” in the library.")
    return ExitStatus.OK if results.groups else ExitStatus.NO_HITS


def search(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The ``search`` command."""
    if args.library:
        if args.dataset:
            err.line(f"{PROG} search: --dataset and --library do not go together")
            return ExitStatus.USAGE
        return run_library_search(args.query, args.collection, args.json, out, err)
    if args.collection:
        err.line(f"{PROG} search: --collection needs --library")
        return ExitStatus.USAGE
    return run_search(
        args.query, args.dataset, args.json, out, err, include_unreviewed=args.include_unreviewed
    )
