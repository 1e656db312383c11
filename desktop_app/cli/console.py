r"""What every command shares: exit statuses, terminal-safe output, loading and write warnings.

Dataset text is shown literally: C0/C1 control characters and bidirectional controls become
``⟨U+001B⟩`` (:func:`~desktop_app.core.presentation.visible_text`), so a title cannot retitle the
terminal, clear the screen or reorder what the reader sees. Output that the stream's encoding
cannot hold (Chinese on a cp1252 console, a lone surrogate) is written as ``\uXXXX`` escapes
instead of raising :class:`UnicodeEncodeError`.
"""

from __future__ import annotations

import codecs
import contextlib
import enum
import json
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.core.presentation import visible_text

if TYPE_CHECKING:
    from desktop_app.core.model import Report

PROG = "report-viewer"


class ExitStatus(enum.IntEnum):
    """The exit status of ``report-viewer``; the same meaning for every command."""

    OK = 0
    """Done (``search``: at least one hit)."""
    NO_HITS = 1
    """``search`` found nothing."""
    USAGE = 2
    """Unknown command, option, format or scope."""
    DATASET = 3
    """The dataset could not be loaded (``validate``: it is not valid)."""
    OUTPUT = 4
    """The output file could not be written."""
    LIBRARY = 5
    """``library``: no such report, a bundled (read-only) report, or one already in the library."""
    INTERRUPTED = 130
    """Ctrl+C (128 + SIGINT)."""
    BROKEN_PIPE = 141
    """The reader of standard output went away, e.g. ``| head -1`` (128 + SIGPIPE)."""
    TERMINATED = 143
    """SIGTERM (128 + SIGTERM); a file being written is removed first."""


EXIT_STATUS_HELP = """\
exit status (every command):
  0    done (search: at least one hit)
  1    search found nothing
  2    usage error: unknown command, option, format or scope
  3    the dataset could not be loaded (validate: it has problems)
  4    the output file could not be written
  5    library: no such report, a bundled (read-only) report, or already in the library
  130  interrupted (Ctrl+C); 141 output pipe closed; 143 terminated (SIGTERM)"""


def _encoding(stream: TextIO) -> str:
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


class Console:
    """Writes to a text stream so that nothing the dataset holds can upset a terminal or the encoder.

    Args:
        stream: Where to write (standard output or error, or a :class:`io.StringIO` in tests).
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = _encoding(stream)

    @property
    def is_utf(self) -> bool:
        """Whether the stream can hold every character (then JSON keeps Chinese unescaped)."""
        return self.encoding.startswith("utf")

    def write(self, text: str) -> None:
        r"""Write ``text`` as it is, with what the encoding cannot hold as ``\uXXXX`` escapes."""
        self.stream.write(text.encode(self.encoding, "backslashreplace").decode(self.encoding))

    def line(self, text: str = "") -> None:
        """Write one line of text that may contain dataset text, with control characters shown."""
        self.write(visible_text(text) + "\n")

    def json(self, value: Any) -> None:
        r"""Write ``value`` as indented JSON, built whole before any of it is written.

        Control and bidi characters are written as ``\uXXXX`` escapes (they can only occur
        inside JSON strings, so the text stays valid JSON and decodes to the same value); on a
        stream that is not UTF-8 everything beyond ASCII is escaped.
        """
        text = json.dumps(value, ensure_ascii=not self.is_utf, indent=2)
        if visible_text(text) != text:
            text = "".join(f"\\u{ord(c):04x}" if visible_text(c) != c else c for c in text)
        self.write(text + "\n")


def load_or_report(path: str | Path | None, err: Console) -> Report | None:
    """Load a dataset, or say on ``err`` why it cannot be loaded.

    Args:
        path: A dataset file; the bundled report when None.
        err: Where the loader's message goes.

    Returns:
        The report, or None when it could not be loaded (exit with :attr:`ExitStatus.DATASET`).
    """
    from desktop_app.core.loader import DatasetError, load_report

    try:
        return load_report(path)
    except DatasetError as exc:
        err.line(exc.describe())
        return None


def unknown_collection(command: str, collection: str | None, known: Sequence[str], err: Console) -> bool:
    """Say on ``err`` that ``collection`` is none of ``known`` (in the library's order); False if it is one.

    Every command that takes ``--collection`` (``library list``, ``search --library``, ``trend``,
    ``targets``) answers an unknown one alike and exits with :attr:`ExitStatus.USAGE`.
    """
    if collection is None or collection in known:
        return False
    err.line(f"{PROG} {command}: unknown collection {collection!r} (collections: {', '.join(known)})")
    return True


@contextlib.contextmanager
def write_warnings(command: str, err: Console) -> Iterator[None]:
    """Say on ``err`` what writing a file warned of (a hard link broken), as a line of ``command``'s.

    Other warnings are shown as Python would have shown them.
    """
    from desktop_app.core.atomic import ExportWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExportWarning)
        try:
            yield
        finally:
            for warning in caught:
                if issubclass(warning.category, ExportWarning):
                    err.line(f"{PROG} {command}: warning: {warning.message}")
                else:  # not ours to judge
                    warnings.showwarning(
                        warning.message,
                        warning.category,
                        warning.filename,
                        warning.lineno,
                        warning.file,
                        warning.line,
                    )
