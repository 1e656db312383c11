"""Writing a file all at once or not at all, and only ever over a plain file. No Qt.

Exports are written to a temporary file in the target's folder, flushed to disk, then renamed over
the target with :func:`os.replace`, which is atomic on one file system. A reader therefore sees
the old file or the new one, never half of either; if anything fails (an exception, Ctrl+C, or
SIGTERM turned into an exception by the command line), the temporary file is removed and
:class:`ExportError` says which path could not be written and why, in words a person can act on
("permission denied", "no space left on device", "folder does not exist").

What is replaced is decided first:

- a symbolic link is followed and its final target written (the link stays a link);
- anything that is not a regular file (a named pipe, a device such as ``/dev/full``, a socket) is
  refused, never renamed over: even root must not destroy a device node;
- a read-only file is refused ("the file is read-only"), as root too;
- a file with other hard links is replaced with an :class:`ExportWarning`: the other names keep
  the previous content.

The temporary name has a bounded length whatever the target's (``.NAME-PREFIX.DIGEST.PID.RANDOM.tmp``,
under 80 bytes), so any legal file name can be written. A temporary file of the same target left
by a process that no longer runs (killed by SIGKILL or a power cut) is removed by the next write.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
import time
import warnings
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
    errno.ELOOP: "symbolic link loop",
}
_NAME_PREFIX_BYTES = 40
_STALE_AFTER_SECONDS = 24 * 3600  # where it cannot be told whether the writer still runs


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


def _special_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def _final_target(requested: Path) -> tuple[Path, os.stat_result | None]:
    """The file that writing ``requested`` must replace (symbolic links followed), and its stat.

    Raises:
        ExportError: The target cannot or must not be replaced (not a regular file, read-only,
            a folder, a link loop, a missing folder).
    """
    target = Path(os.path.realpath(requested))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise ExportError(requested, describe_os_error(error), error.errno or 0) from error
    parent = target.parent
    if not parent.exists():
        raise ExportError(requested, "folder does not exist", errno.ENOENT)
    if not parent.is_dir():
        raise ExportError(requested, "part of the path is not a folder", errno.ENOTDIR)
    if info is None:
        return target, None
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(requested, "it is a folder", errno.EISDIR)
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(requested, f"it is {_special_kind(info.st_mode)}, not a regular file", errno.EINVAL)
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ExportError(requested, "the file is read-only", errno.EACCES)
    return target, info


def _temporary_prefix(target: Path) -> str:
    """``.NAME-PREFIX.DIGEST.``: the same for every write of ``target``, of bounded length."""
    encoded = target.name.encode("utf-8", "surrogateescape")
    short = encoded[:_NAME_PREFIX_BYTES].decode("utf-8", "ignore")
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    return f".{short}.{digest}."


def _writer_gone(pid: int, modified: float) -> bool:
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0 only asks whether the process exists
        except ProcessLookupError:
            return True
        except OSError:
            return False  # it exists (another user's)
        return False
    return time.time() - modified > _STALE_AFTER_SECONDS  # os.kill would terminate it on Windows


def _remove_stale_temporaries(folder: Path, prefix: str) -> None:
    """Remove temporary files of the same target whose writer no longer runs."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and _writer_gone(int(pid), entry.stat().st_mtime):
                    os.unlink(entry.path)


def _fsync_directory(folder: Path) -> None:
    # Makes the rename itself durable; not every platform or file system allows it.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, replacing a plain file there (see the module's rules).

    The new file gets the mode of the file it replaces, or the usual mode for new files (0666
    less the umask). ``path`` may be a symbolic link: its final target is written.

    Args:
        path: The file to write.
        data: Its whole content.

    Raises:
        ExportError: The file could not or must not be written; neither a partial file nor a
            temporary file remains, and an existing file at ``path`` is unchanged.

    Warns:
        ExportWarning: The file had other hard links, which keep the previous content.
    """
    requested = Path(path)
    target, info = _final_target(requested)
    prefix = _temporary_prefix(target)
    _remove_stale_temporaries(target.parent, prefix)
    temporary = target.with_name(f"{prefix}{os.getpid()}.{secrets.token_hex(6)}.tmp")
    try:
        descriptor = os.open(
            temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
        )
    except OSError as error:
        reason = describe_os_error(error)
        if error.errno == errno.ENOENT and target.parent.is_dir():
            reason = "cannot create a file in that folder"  # e.g. under /proc
        raise ExportError(requested, reason, error.errno or 0) from error
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if info is not None:
            with contextlib.suppress(OSError):
                os.chmod(temporary, stat.S_IMODE(info.st_mode))
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(requested, describe_os_error(error), error.errno or 0) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(target.parent)
    if info is not None and info.st_nlink > 1:
        others = info.st_nlink - 1
        warnings.warn(
            ExportWarning(
                f"{requested} had {others} other hard link{'s' if others != 1 else ''}, "
                f"which still {'show' if others != 1 else 'shows'} the previous content"
            ),
            stacklevel=2,
        )


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically in ``encoding`` (``"utf-8-sig"`` adds a byte-order mark).

    Line endings are written as they are in ``text``.

    Raises:
        ExportError: The file could not be written (see :func:`atomic_write_bytes`).
        UnicodeEncodeError: ``text`` cannot be written in ``encoding``; nothing is written.
    """
    atomic_write_bytes(path, text.encode(encoding))
