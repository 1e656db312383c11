"""The ``report-viewer search`` command: query a dataset from the terminal.

Wired into the command line by :mod:`desktop_app.__main__`; this module only
formats results, so it can be tested with a :class:`io.StringIO`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final, TextIO

from desktop_app.core.loader import load_report
from desktop_app.core.search import Hit, SearchIndex, context

__all__ = ["CONTEXT_WIDTH", "marked_context", "run_search"]

CONTEXT_WIDTH: Final = 20
"""Characters of context shown on either side of a match."""

_WHITESPACE_RUN: Final = re.compile(r"\s+")


def marked_context(hit: Hit, width: int = CONTEXT_WIDTH) -> str:
    """The hit in its context on one line, the match marked 【like this】.

    Line breaks and runs of whitespace become one space; ``…`` shows where
    the field goes on beyond the context.

    Args:
        hit: a search hit.
        width: characters of context on either side.

    Returns:
        One line of text.
    """
    before, match, after = (_WHITESPACE_RUN.sub(" ", part) for part in context(hit, width))
    lead = "…" if hit.start - width > 0 else ""
    tail = "…" if hit.end + width < len(hit.text) else ""
    return f"{lead}{before}【{match}】{after}{tail}"


def run_search(query: str, dataset: str | None, as_json: bool, out: TextIO) -> int:
    """Search a dataset and print the hits.

    Args:
        query: the query (terms, "phrases", pinyin, numbers).
        dataset: a dataset file, or ``None`` for the bundled report.
        as_json: print one JSON list of objects with ``node_id``, ``kind``,
            ``field``, ``start``, ``end``, ``match`` and ``context`` instead of lines.
        out: where to print.

    Returns:
        0 when something was found, 1 when nothing was.

    Raises:
        desktop_app.core.loader.DatasetError: if the dataset cannot be loaded.
    """
    report = load_report(Path(dataset) if dataset is not None else None)
    index = SearchIndex.build(report)
    hits = index.search(query)
    if as_json:
        records = [
            {
                "node_id": hit.node_id,
                "kind": str(hit.node_kind),
                "field": hit.field,
                "start": hit.start,
                "end": hit.end,
                "match": hit.matched,
                "context": marked_context(hit),
            }
            for hit in hits
        ]
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for hit in hits:
            out.write(f"{hit.node_id}\t{hit.node_kind}\t{hit.field}\t{marked_context(hit)}\n")
        if not hits:
            suggestions = index.suggest(query)
            out.write(f"No hits for {query!r}.\n")
            if suggestions:
                out.write("Try: " + ", ".join(suggestions) + "\n")
    return 0 if hits else 1
