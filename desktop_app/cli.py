"""The ``report-viewer`` command line: the window by default, and headless commands.

``report-viewer [PATH]`` opens the window (on the bundled report, or PATH);
``report-viewer validate|info|search|export …`` work without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from desktop_app.appinfo import APP_NAME, __version__

COMMANDS = ("validate", "info", "search", "export")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="report-viewer",
        description=f"{APP_NAME}: read, search, chart and print a government work report.",
        epilog=(
            "commands (run 'report-viewer COMMAND --help' for each):\n"
            "  validate [PATH]     check a dataset; prints OK with counts or every problem\n"
            "  info [PATH]         title, meeting, counts by kind and goal area\n"
            "  search QUERY        search the report; one hit per line or --json\n"
            "  export              write the summary as PDF, CSV or HTML without a window"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help="a dataset file to open (default: the bundled report)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="report-viewer")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a dataset")
    validate.add_argument("path", nargs="?", help="dataset file (default: the bundled report)")
    info = commands.add_parser("info", help="describe a dataset")
    info.add_argument("path", nargs="?", help="dataset file (default: the bundled report)")
    search = commands.add_parser("search", help="search a report")
    search.add_argument("query")
    search.add_argument("--dataset", help="dataset file (default: the bundled report)")
    search.add_argument("--json", action="store_true", help="print a JSON list of hits")
    export = commands.add_parser("export", help="export the summary without a window")
    export.add_argument("--format", choices=("pdf", "csv", "html"), required=True)
    export.add_argument(
        "--scope", default="all", help="'all', 'figures' (tables only) or a goal area id (default: all)"
    )
    export.add_argument("--dataset", help="dataset file (default: the bundled report)")
    export.add_argument("-o", "--output", required=True, help="file to write")
    return parser


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop_app.core.loader import DatasetError, load_report
    from desktop_app.core.summary_text import counts_line

    try:
        report = load_report(args.path)
    except DatasetError as exc:
        print(exc.describe(), file=err)
        return 1
    print(f"OK {report.path}: {counts_line(report)}", file=out)
    return 0


def _info(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop_app.core.loader import DatasetError, load_report
    from desktop_app.core.summary_text import info_text

    try:
        report = load_report(args.path)
    except DatasetError as exc:
        print(exc.describe(), file=err)
        return 1
    print(info_text(report), file=out)
    return 0


def _search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop_app.core.search_cli import run_search

    return run_search(args.query, args.dataset, args.json, out)


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop_app.export_cli import run_export

    return run_export(args.format, args.scope, args.dataset, args.output, out, err)


_HANDLERS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "validate": _validate,
    "info": _info,
    "search": _search,
    "export": _export,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    if args_list and args_list[0] in COMMANDS:
        args = _command_parser().parse_args(args_list)
        return _HANDLERS[args.command](args, out, err)
    gui_args = _gui_parser().parse_args(args_list)
    from desktop_app.qt.app import run_gui

    return run_gui(gui_args.path)
