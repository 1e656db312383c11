"""The ``report-viewer`` command line: parsers and dispatch.

``report-viewer`` alone opens the window on the bundled report, ``report-viewer open PATH`` on a
dataset; ``validate``, ``info``, ``search`` and ``export`` work without a display. A word that is
not a command is an error (``unknown command 'valdiate' (did you mean validate?)``), never a file
to open. Every command loads its dataset through :func:`~desktop_app.cli.console.load_or_report`
and writes through a :class:`~desktop_app.cli.console.Console`; the exit statuses are
:class:`~desktop_app.cli.console.ExitStatus`, the same for every command.

Nothing ends in a traceback that is not a bug: a closed output pipe (``| head -1``) exits quietly
with 141, Ctrl+C with 130, SIGTERM with 143 (after a file being written is removed).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TextIO

from desktop_app.appinfo import APP_NAME, __version__
from desktop_app.cli.console import EXIT_STATUS_HELP, PROG, Console, ExitStatus

__all__ = ["COMMANDS", "gui_main", "main"]

COMMANDS = ("open", "validate", "info", "search", "trend", "export", "import", "library", "targets")

Handler = Callable[[argparse.Namespace, Console, Console], int]


def _parser_class(out: Console, err: Console) -> type[argparse.ArgumentParser]:
    """An ArgumentParser that prints help and usage errors on ``out`` and ``err``."""

    class Parser(argparse.ArgumentParser):
        def _print_message(self, message: str, file: object = None) -> None:
            if message:
                (err if file is sys.stderr else out).write(message)

    return Parser


def build_parser(out: Console, err: Console) -> argparse.ArgumentParser:
    """The parser of ``report-viewer`` and its commands."""
    parser_class = _parser_class(out, err)
    parser = parser_class(
        prog=PROG,
        description=f"{APP_NAME}: read, search, chart and print a government work report. "
        "Without a command, opens the window on the bundled report.",
        epilog=(
            f"run '{PROG} COMMAND --help' for each command; `python -m desktop_app` works the same way.\n\n"
            + EXIT_STATUS_HELP
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)

    def command(name: str, help_text: str, statuses: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ".",
            epilog=f"exit status: {statuses}",
        )

    dataset_help = "dataset file (default: the bundled report)"
    window = command("open", "open the window on a dataset", "the window's")
    window.add_argument("path", nargs="?", help=dataset_help)
    validate = command(
        "validate",
        "check a dataset; prints OK with counts, or every problem",
        "0 valid, 3 not valid (every problem is listed)",
    )
    validate.add_argument("path", nargs="?", help=dataset_help)
    info = command(
        "info", "describe a dataset: title, meeting, counts by kind and goal area", "0 done, 3 cannot load"
    )
    info.add_argument("path", nargs="?", help=dataset_help)
    search = command(
        "search",
        "search the report (or every report of the library); one hit per line, or a JSON list",
        "0 hits found, 1 no hits, 2 unknown collection or --dataset with --library, "
        "3 the dataset (or the library) could not be loaded",
    )
    search.add_argument("query")
    search.add_argument("--dataset", help=dataset_help)
    search.add_argument(
        "--library", action="store_true", help="search every report of the library, hits grouped by report"
    )
    search.add_argument("--collection", metavar="ID", help="with --library: only this collection's reports")
    search.add_argument(
        "--json", action="store_true", help="print a JSON list of hits (of reports with --library)"
    )
    search.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="also search figures awaiting review (proposed, not yet checked); their hits are marked",
    )
    trend = command(
        "trend",
        "how often a query occurs per 10,000 characters in each report of the library, oldest first",
        "0 done, 2 unknown collection, 3 the library could not be opened",
    )
    trend.add_argument("query")
    trend.add_argument(
        "--collection", metavar="ID", help="only this collection's reports (default: every report)"
    )
    trend.add_argument("--json", action="store_true", help="print JSON: the rows and how they are counted")
    export = command(
        "export",
        "write the summary as PDF, CSV or HTML without a window",
        "0 written, 2 unknown scope, 3 the dataset could not be loaded, 4 the file could not be written",
    )
    export.add_argument("--format", choices=("pdf", "csv", "html"), required=True)
    export.add_argument(
        "--scope", default="all", help="'all', 'figures' (tables only) or a goal area id (default: all)"
    )
    export.add_argument("--dataset", help=dataset_help)
    export.add_argument(
        "-o", "--output", required=True, help="file to write, replaced atomically; '-' for standard output"
    )
    export.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="also include figures awaiting review (proposed, not yet checked), marked 未审核 / unreviewed",
    )
    export.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of the document's own words (default: zh)",
    )
    from desktop_app.cli.import_cmd import add_parser as add_import_parser

    add_import_parser(
        command(
            "import",
            "turn a report's raw text into a dataset whose figures await review",
            "0 written, 2 usage error (e.g. no year in the text and no --year), 3 the text cannot be read, "
            "4 the file could not be written",
        )
    )
    from desktop_app.cli.library_cmd import add_parser as add_library_parser

    add_library_parser(
        command(
            "library",
            "list the reports of the library, add a dataset to it or remove one you added",
            "0 done, 2 usage error, 3 the dataset cannot be added (every problem is listed), "
            "4 the data folder cannot be written, 5 no such report, a bundled one, or already there",
        )
    )
    from desktop_app.cli.targets_cmd import add_parser as add_targets_parser

    add_targets_parser(
        command(
            "targets",
            "pair each year's targets with the outcome a later report states, with a verdict",
            "0 pairs printed, 1 none match, 2 unknown collection or series, 5 the library cannot be read",
        )
    )
    return parser


def _unknown_command(word: str) -> str:
    import difflib  # only for a mistyped command

    message = f"unknown command {word!r}"
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"{message} (did you mean {close[0]}?)"
    if Path(word).exists():
        return f"{message} (to open a dataset in the window: {PROG} open {word})"
    return f"{message} (commands: {', '.join(COMMANDS)})"


def _no_display() -> bool:
    """Whether the window cannot open here: a Unix desktop platform with neither X11 nor Wayland."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def _open_window(path: str | None, err: Console) -> int:
    if _no_display():
        err.line(
            f"{PROG}: cannot open the window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            f"validate, info, search and export work without one (see {PROG} --help)"
        )
        return ExitStatus.USAGE
    # Importing the window's modules makes some 25,000 objects that live as long as the process (modules,
    # classes, functions); the cyclic collector, run every 700 new objects, would look at them again and
    # again for nothing: 20 million instructions, 1.3 % of the start-up.
    gc.disable()
    try:
        from desktop_app.qt.app import run_gui
    finally:
        gc.freeze()  # what the imports made stays: later collections need not look at it again
        gc.enable()
    return run_gui(path)


def _open(args: argparse.Namespace, out: Console, err: Console) -> int:
    return _open_window(args.path, err)


def _handler(command: str) -> Handler:
    # Imported on demand: `report-viewer --version` and `validate` never load Qt.
    if command == "open":
        return _open
    if command in ("validate", "info"):
        from desktop_app.cli import commands

        return commands.validate if command == "validate" else commands.info
    if command == "search":
        from desktop_app.cli.search import search

        return search
    if command == "trend":
        from desktop_app.cli.trend import trend

        return trend
    if command == "import":
        from desktop_app.cli.import_cmd import import_report

        return import_report
    if command == "library":
        from desktop_app.cli.library_cmd import library

        return library
    if command == "targets":
        from desktop_app.cli.targets_cmd import targets

        return targets
    from desktop_app.cli.export import export

    return export


def _dispatch(argv: list[str], out: Console, err: Console) -> int:
    if not argv:  # the window: no parser to build (nine commands' parsers would delay its first paint)
        return _open_window(None, err)
    parser = build_parser(out, err)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        parser.print_usage(sys.stderr)
        err.line(f"{PROG}: error: {_unknown_command(argv[0])}")
        return ExitStatus.USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version or a usage error, already printed
        return exit_.code if isinstance(exit_.code, int) else ExitStatus.USAGE
    if args.command is None:
        return _open_window(None, err)
    return _handler(args.command)(args, out, err)


class Terminated(BaseException):
    """SIGTERM arrived; raised so that ``finally`` blocks (temporary files) run before exiting."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _silence(stream: TextIO) -> None:
    """After a broken pipe: point the stream at the null device so the exit flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line (the ``report-viewer`` console script); returns the exit status.

    Args:
        argv: The arguments without the program name; ``sys.argv[1:]`` when None.
        out: Standard output (results, help).
        err: Standard error (problems, usage errors).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    out_stream = out or sys.stdout
    err_stream = err or sys.stderr
    with _sigterm_raises():
        try:
            status = _dispatch(arguments, Console(out_stream), Console(err_stream))
            out_stream.flush()
        except BrokenPipeError:
            _silence(out_stream)
            return ExitStatus.BROKEN_PIPE
        except KeyboardInterrupt:
            return ExitStatus.INTERRUPTED
        except Terminated:
            return ExitStatus.TERMINATED
    return status


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Open the window (the ``report-viewer-gui`` script): ``report-viewer-gui [PATH]``."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    out, err = Console(sys.stdout), Console(sys.stderr)
    parser = _parser_class(out, err)(
        prog=f"{PROG}-gui", description=f"{APP_NAME}: open the window on the bundled report or on PATH."
    )
    parser.add_argument("path", nargs="?", help="a dataset file to open (default: the bundled report)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else ExitStatus.USAGE
    return _open_window(args.path, err)
