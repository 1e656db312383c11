"""Writing a file all at once or not at all. No Qt.

Exports are written to a temporary file in the target's folder, flushed to disk, then renamed over
the target with :func:`os.replace`, which is atomic on one file system. A reader therefore sees
the old file or the new one, never half of either; if anything fails, the temporary file is
removed and :class:`ExportError` says which path could not be written and why, in words a person
can act on ("permission denied", "no space left on device", "folder does not exist").
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

__all__ = ["ExportError", "ExportWarning", "atomic_write_bytes", "atomic_write_text", "describe_os_error"]

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENOENT: "folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EROFS: "read-only file system",
    errno.ENAMETOOLONG: "file name too long",
    errno.EFBIG: "file too large",
    errno.EIO: "input/output error",
}


class ExportError(OSError):
    """A file could not be written; nothing was left behind.

    It is an :class:`OSError`, so callers that already handle those keep working; ``str()`` gives
    one line such as ``cannot write /tmp/x/report.pdf: folder does not exist``.

    Attributes:
        path: The file that was to be written.
        reason: Why it could not be, in plain words.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str, code: int = 0) -> None:
        super().__init__(code, reason, os.fspath(path))
        self.path = os.fspath(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


class ExportWarning(UserWarning):
    """A file was written, but something about it deserves a word (e.g. a hard link was broken)."""


def describe_os_error(error: OSError) -> str:
    """The reason an operating-system error gives, in plain words (``permission denied`` …)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return (error.strerror or str(error) or type(error).__name__).lower()


def _check_target(target: Path) -> None:
    parent = target.parent
    if not parent.exists():
        raise ExportError(target, "folder does not exist", errno.ENOENT)
    if not parent.is_dir():
        raise ExportError(target, "part of the path is not a folder", errno.ENOTDIR)
    if target.is_dir():
        raise ExportError(target, "it is a folder", errno.EISDIR)


def _fsync_directory(folder: Path) -> None:
    # Makes the rename itself durable; not every platform or file system allows it.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, replacing any file there.

    The new file gets the mode of the file it replaces, or the usual mode for new files (0666
    less the umask).

    Args:
        path: The file to write.
        data: Its whole content.

    Raises:
        ExportError: The file could not be written; neither a partial file nor a temporary file
            remains, and an existing file at ``path`` is unchanged.
    """
    target = Path(path)
    _check_target(target)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        descriptor = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
        )
    except OSError as error:
        reason = describe_os_error(error)
        if error.errno == errno.ENOENT and target.parent.is_dir():
            reason = "cannot create a file in that folder"  # e.g. under /proc
        raise ExportError(target, reason, error.errno or 0) from error
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(target, describe_os_error(error), error.errno or 0) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically in ``encoding`` (``"utf-8-sig"`` adds a byte-order mark).

    Line endings are written as they are in ``text``.

    Raises:
        ExportError: The file could not be written (see :func:`atomic_write_bytes`).
        UnicodeEncodeError: ``text`` cannot be written in ``encoding``; nothing is written.
    """
    atomic_write_bytes(path, text.encode(encoding))
