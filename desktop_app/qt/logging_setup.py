"""Logging, configured once: a rotating file in the log folder, with Qt's own messages routed to it.

:func:`configure_logging` is called when the window starts (never on import, never by the command
line's headless commands). It attaches a rotating file handler to the ``desktop_app`` logger and
installs a Qt message handler that passes ``qDebug``/``qWarning``… to the ``qt`` logger, keeping the
previous handler in the chain (pytest-qt captures Qt messages through it). The error handler logs
tracebacks there instead of writing a file of its own.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QStandardPaths, QtMsgType, qInstallMessageHandler

__all__ = ["LOG_FILE_NAME", "RotatingFile", "configure_logging", "log_directory", "log_file", "reset_logging"]

LOG_FILE_NAME = "report-viewer.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

_handler: logging.Handler | None = None
_previous_qt_handler: Callable[[QtMsgType, QMessageLogContext, str], object] | None = None


def log_directory() -> Path:
    """The folder for log files: ``logs`` in the application's local data folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home()) / "logs"


def log_file() -> Path | None:
    """The file logging writes to, once configured (None before, or if it could not be opened)."""
    return Path(_handler.baseFilename) if isinstance(_handler, logging.FileHandler) else None


class RotatingFile(logging.FileHandler):
    """A log file that is moved aside when full, as ``logging.handlers.RotatingFileHandler`` does.

    When a record would take the file past ``_MAX_BYTES`` it becomes ``.1`` (``.1`` becomes ``.2``…
    up to ``.3``, the oldest dropped) and a new file is started. Not that class because its module
    imports ``pickle``, ``queue`` and ``socket`` for its other handlers: about 18 million
    instructions, 1 % of the window's start-up.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None:
                self.stream.seek(0, os.SEEK_END)  # as the standard handler does, for Windows
                if self.stream.tell() + len(self.format(record)) + 1 >= _MAX_BYTES:
                    self._roll_over()
            super().emit(record)
        except Exception:  # as logging does: a log that cannot be written never stops the app
            self.handleError(record)

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None  # FileHandler.emit would reopen it should a rename below fail
        for index in range(_BACKUPS - 1, 0, -1):
            older = f"{self.baseFilename}.{index}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{index + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_LEVELS.get(kind, logging.WARNING), "%s", message)
    if _previous_qt_handler is not None:
        _previous_qt_handler(kind, context, message)


def _regular_or_absent(path: Path) -> None:
    """Raise OSError unless ``path`` is a regular file or not there yet.

    Opening a named pipe to append to it blocks until something reads it: the window would never
    start. A device is no log file either.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))


def configure_logging(directory: Path | None = None) -> Path | None:
    """Configure logging for the window; later calls change nothing and return the same file.

    Args:
        directory: where the log file goes; :func:`log_directory` when None.

    Returns:
        The log file, or None when it could not be opened (messages then go to standard error only).
    """
    global _handler, _previous_qt_handler
    if _handler is not None:
        return log_file()
    folder = directory or log_directory()
    handler: logging.Handler
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _regular_or_absent(folder / LOG_FILE_NAME)
        handler = RotatingFile(folder / LOG_FILE_NAME, encoding="utf-8")
    except OSError as exc:
        handler = logging.StreamHandler()
        logging.getLogger(__name__).warning("cannot write the log in %s: %s", folder, exc)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.INFO)
    for name in ("desktop_app", "qt"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    _handler = handler
    _previous_qt_handler = qInstallMessageHandler(_qt_message)
    return log_file()


def reset_logging() -> None:
    """Undo :func:`configure_logging` (for tests, and for an application that is torn down)."""
    global _handler, _previous_qt_handler
    if _handler is None:
        return
    for name in ("desktop_app", "qt"):
        logging.getLogger(name).removeHandler(_handler)
    _handler.close()
    qInstallMessageHandler(_previous_qt_handler)
    _handler = None
    _previous_qt_handler = None
