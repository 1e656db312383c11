"""``report-viewer library list|add|remove``: the reader's library from the terminal (issue 15).

``list`` prints one entry per line (id, year, title, figures confirmed and awaiting review; a
broken entry says BROKEN and its first error), or with ``--json`` one list of objects; ``add``
copies a dataset and its source into the user library folder; ``remove`` takes a user report out
(bundled collections are read-only). The library lives in the data folder (``--data-dir``, else
``$REPORT_VIEWER_DATA_DIR``, ``$XDG_DATA_HOME/report-viewer`` or ``~/.local/share/report-viewer``);
what it had to repair (a corrupt catalogue rebuilt) is said on standard error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.console import PROG, Console, ExitStatus, unknown_collection

if TYPE_CHECKING:
    from desktop_app.core.library import Entry, Library, LibraryError

_STATUS_BY_REASON = {
    "invalid": ExitStatus.DATASET,
    "unwritable": ExitStatus.OUTPUT,
    "unknown": ExitStatus.LIBRARY,
    "read_only": ExitStatus.LIBRARY,
    "duplicate": ExitStatus.LIBRARY,
}


def add_parser(command: argparse.ArgumentParser) -> None:
    """The subcommands of ``report-viewer library``."""
    command.add_argument(
        "--data-dir", help="the data folder (default: $REPORT_VIEWER_DATA_DIR or the user's)"
    )
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the reports, newest first, by collection")
    listing.add_argument("--collection", help="only this collection (linzi, national, user)")
    listing.add_argument("--json", action="store_true", help="print a JSON list of entries")
    add = actions.add_parser("add", help="copy a dataset and its source into the library")
    add.add_argument("path", help="the dataset file (its source file is copied with it)")
    remove = actions.add_parser("remove", help="remove a report you added (bundled ones cannot be)")
    remove.add_argument(
        "id", help="the entry's id, as `library list` prints it (e.g. user/report-2024-1a2b3c4d)"
    )


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry as ``library list --json`` prints it."""
    return {
        "id": entry.id,
        "collection": entry.collection,
        "title": entry.title,
        "year": entry.year,
        "level": entry.level,
        "region": entry.region,
        "meeting": entry.meeting,
        "presenter": entry.presenter,
        "source": entry.source,
        "confirmed": entry.confirmed,
        "proposed": entry.proposed,
        "content_hash": entry.content_hash,
        "path": str(entry.path),
        "errors": list(entry.errors),
    }


def entry_line(entry: Entry) -> str:
    """An entry as one line of ``library list``."""
    year = str(entry.year) if entry.year is not None else "----"
    if entry.errors:
        return f"{entry.id}\t{year}\t{entry.title}\tBROKEN: {entry.errors[0]}"
    return f"{entry.id}\t{year}\t{entry.title}\t{entry.confirmed} confirmed, {entry.proposed} unreviewed"


def _open(args: argparse.Namespace, err: Console) -> Library:
    from desktop_app.core.library import Library

    library = Library.open(Path(args.data_dir) if args.data_dir else None)
    for notice in library.notices:
        err.line(f"{PROG} library: {notice.en}")
    return library


def _refused(exc: LibraryError, err: Console) -> int:
    err.line(f"{PROG} library: {exc}")
    return _STATUS_BY_REASON.get(exc.reason, ExitStatus.LIBRARY)


def library(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Run ``report-viewer library ACTION``."""
    from desktop_app.core.library import LibraryError

    with _open(args, err) as opened:
        try:
            if args.action == "list":
                known = [c.id for c in opened.collections()]
                if unknown_collection("library", args.collection, known, err):
                    return ExitStatus.USAGE
                entries = opened.entries(args.collection)
                if args.json:
                    out.json([entry_json(e) for e in entries])
                else:
                    for entry in entries:
                        out.line(entry_line(entry))
                return ExitStatus.OK
            if args.action == "add":
                entry = opened.add(Path(args.path))
                out.line(f"added {entry.id}: {entry.title} ({entry.year}), {entry.path}")
                return ExitStatus.OK
            removed = opened.remove(args.id)
            out.line(f"removed {removed.id}: {removed.title}")
            return ExitStatus.OK
        except LibraryError as exc:
            return _refused(exc, err)
