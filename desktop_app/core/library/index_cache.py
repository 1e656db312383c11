r"""The library's search index on disk: one file per shard, keyed by its reports' content hashes. No Qt.

A shard (:mod:`desktop_app.core.library.search`) is stored as ``shard-<key>.idx`` in the cache
folder, where ``<key>`` is a hash of :data:`INDEX_FORMAT`, the search index's
:data:`~desktop_app.core.search.state.STATE_VERSION` and each of its reports' id and content hash,
in order. So a shard whose reports have not changed is read back (warm start), and one whose
report changed, or that a new program version indexes differently, has another key and is built
again; nothing else is. Files are written atomically (a temporary file renamed over), so a crash
leaves the old file or the new one, never half of one; a file that cannot be read back (truncated,
corrupt, another version) is ignored, removed and rebuilt, never an error.

Several app instances may share the folder, each with its own library (another version's bundled
collection, another data folder): a file that this instance's shards do not use may be another
instance's. So reading or writing a file marks it used (its modification time), and a build removes
only the files no instance has used for :data:`UNUSED_FOR` seconds: a live instance's files stay, and
a shard nobody reads any more (a report changed or removed, an app update) is gone a week later.

The folder: ``$REPORT_VIEWER_CACHE_DIR`` when set (tests), else the platform's user cache folder
(``$XDG_CACHE_HOME/report-viewer`` or ``~/.cache/report-viewer``; ``~/Library/Caches/report-viewer``
on macOS; ``%LOCALAPPDATA%\report-viewer\cache`` on Windows).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

from desktop_app.core.library.search import (
    BuildCancelled,
    BuildProgress,
    IndexedReport,
    LibraryIndex,
    ReportSource,
    Shard,
    build_shard,
    shard_plan,
)
from desktop_app.core.outline import Outline

if TYPE_CHECKING:
    from desktop_app.core.model import Report

__all__ = [
    "CACHE_DIR_VARIABLE",
    "INDEX_FORMAT",
    "MAX_SHARD_BYTES",
    "UNUSED_FOR",
    "CacheReport",
    "IndexCache",
    "default_cache_dir",
    "shard_key",
]

CACHE_DIR_VARIABLE: Final = "REPORT_VIEWER_CACHE_DIR"
INDEX_FORMAT: Final = 2
"""The library index's own format (the shard file's wrapper); any change makes every key new.
2: each report's outline (its paragraphs' sections), so that a hit names its section."""

UNUSED_FOR: Final = 7 * 24 * 3600
"""Seconds since a shard file was last read or written after which a build may remove it, when the
building instance does not use it (see the module docstring)."""

MAX_SHARD_BYTES: Final = 1024 * 1024 * 1024
"""A shard file larger than this is not read (the national collection's 53 reports take 25 MB)."""

_MAGIC: Final = b"RVLIB1\n"
_SUFFIX: Final = ".idx"


def default_cache_dir() -> Path:
    """Where the index is cached (see the module docstring)."""
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (
            Path(base, "report-viewer", "cache")
            if base
            else Path.home() / "AppData/Local/report-viewer/cache"
        )
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "report-viewer"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "report-viewer" if xdg else Path.home() / ".cache" / "report-viewer"


def shard_key(sources: Iterable[ReportSource]) -> str:
    """The cache key of a shard over these reports (in this order).

    Args:
        sources: the shard's reports.

    Returns:
        A hex digest that changes with any report's content hash, the order, or a format version.
    """
    from desktop_app.core.search.state import STATE_VERSION

    digest = hashlib.sha256(f"report-viewer index {INDEX_FORMAT}/{STATE_VERSION}\n".encode())
    for source in sources:
        digest.update(f"{source.id}\t{source.content_hash}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class CacheReport:
    """What a build did with the cache (for the status line and the benchmarks).

    Attributes:
        read: shards read back from the cache.
        built: shards built (missing, changed, or unreadable).
        discarded: cache files ignored because they could not be read back.
    """

    read: int
    built: int
    discarded: int


class IndexCache:
    """Reads and writes shard files in one folder."""

    def __init__(self, folder: Path | None = None) -> None:
        """Use ``folder`` (default: :func:`default_cache_dir`).

        Args:
            folder: where shard files live; made when the first one is written.
        """
        self.folder = folder if folder is not None else default_cache_dir()
        self.last = CacheReport(0, 0, 0)

    def path(self, key: str) -> Path:
        """The file of a shard key."""
        return self.folder / f"shard-{key}{_SUFFIX}"

    def read(self, sources: Sequence[ReportSource]) -> Shard | None:
        """The cached shard over these reports, or None when there is none that can be read.

        A file that cannot be read back is removed (it would never be read).

        Args:
            sources: the shard's reports, in order.

        Returns:
            The shard, or None.
        """
        from desktop_app.core.dataset_errors import DatasetError
        from desktop_app.core.dataset_file import read_bytes

        path = self.path(shard_key(sources))
        try:
            # Only a regular file of bounded size: a named pipe put here would hang the build, a link
            # to /dev/zero fill memory (a file removed meanwhile is just not there).
            data = read_bytes(path, MAX_SHARD_BYTES, "cache")
            shard = _decode_shard(data, sources)
        except DatasetError:
            if not os.path.lexists(path):
                return None
            self._discard(path)
        except (ValueError, KeyError, TypeError, IndexError, OverflowError, MemoryError, RecursionError):
            self._discard(path)
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: another instance's build leaves it alone (see prune)
        return shard

    @staticmethod
    def _discard(path: Path) -> NoReturn:
        """A file that is there but cannot be read back: removed (it would never be read)."""
        with contextlib.suppress(OSError):
            path.unlink()
        raise _UnreadableError

    def write(self, sources: Sequence[ReportSource], shard: Shard) -> bool:
        """Store a shard atomically; a folder that cannot be written only costs the next start time.

        Args:
            sources: the shard's reports, in order.
            shard: the shard built over them.

        Returns:
            Whether the file was written.
        """
        from desktop_app.core.atomic import ExportError, atomic_write_bytes

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path(shard_key(sources)), _encode_shard(shard))
        except (OSError, ExportError):
            return False
        return True

    def prune(self, keep: Iterable[str], *, now: float | None = None) -> None:
        """Remove shard files whose key is not in ``keep`` and that nobody used for :data:`UNUSED_FOR`.

        A file another instance read or wrote recently is kept, whatever its key: it may be that
        instance's library (see the module docstring).

        Args:
            keep: the keys of this instance's shards.
            now: the current time (``time.time()``); tests pass another.
        """
        wanted = {self.path(key).name for key in keep}
        before = (time.time() if now is None else now) - UNUSED_FOR
        with contextlib.suppress(OSError):
            for child in self.folder.iterdir():
                if child.name.startswith("shard-") and child.suffix == _SUFFIX and child.name not in wanted:
                    with contextlib.suppress(OSError):
                        if child.stat().st_mtime < before:
                            child.unlink()

    def load(
        self,
        sources: Sequence[ReportSource],
        load: Callable[[str], Report],
        *,
        bundled: Iterable[str] = (),
        progress: Callable[[BuildProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> LibraryIndex:
        """The library index: each shard read from the cache, or built (and stored) when it is not there.

        Meant for a background thread: ``progress`` is called from it, ``cancel`` stops it.

        Args:
            sources: every report to index, in the order results list them (broken ones left out).
            load: gives the report of a source's id (e.g. ``Library.load``).
            bundled: ids of read-only collections (one shard each).
            progress: told how far the build has got.
            cancel: when set, stops with :class:`BuildCancelled`; finished shards stay cached.

        Returns:
            The index over every report.

        Raises:
            BuildCancelled: ``cancel`` was set.
        """
        plan = shard_plan(sources, bundled)
        total = sum(len(group) for group in plan)
        shards: list[Shard] = []
        done = 0
        read = built = discarded = 0
        for group in plan:
            if cancel is not None and cancel.is_set():
                raise BuildCancelled
            try:
                shard = self.read(group)
            except _UnreadableError:
                shard = None
                discarded += 1
            if shard is None:
                shard = build_shard(
                    group, load, progress=progress, cancel=cancel, done_before=done, total=total
                )
                self.write(group, shard)
                built += 1
            else:
                read += 1
            done += len(group)
            if progress is not None:
                progress(BuildProgress(done, total, ""))
            shards.append(shard)
        self.prune(shard_key(group) for group in plan)
        self.last = CacheReport(read, built, discarded)
        return LibraryIndex(shards, [source.id for source in sources])


class _UnreadableError(Exception):
    """A cache file that is there but cannot be read back."""


def _report_json(report: IndexedReport) -> dict[str, Any]:
    return {
        "id": report.id,
        "title": report.title,
        "year": report.year,
        "collection": report.collection,
        "content_hash": report.content_hash,
        "documents": [report.documents.start, report.documents.stop],
        "paragraphs": [report.paragraphs.start, report.paragraphs.stop],
        "characters": report.characters,
        "error": report.error,
        "outline": report.outline.to_json() if report.outline is not None else None,
    }


def _encode_shard(shard: Shard) -> bytes:
    """Magic, CRC-32 of the rest, the reports' JSON length, the reports' JSON, the index's bytes."""
    from desktop_app.core.search.state import encode

    head = json.dumps([_report_json(report) for report in shard.reports], ensure_ascii=False).encode()
    body = len(head).to_bytes(8, "little") + head + encode(shard.index.parts())
    return _MAGIC + zlib.crc32(body).to_bytes(4, "little") + body


def _decode_shard(data: bytes, sources: Sequence[ReportSource]) -> Shard:
    """A shard read back; its reports must be ``sources`` (ids and hashes), else ValueError."""
    from desktop_app.core.search.index import SearchIndex
    from desktop_app.core.search.state import decode

    if not data.startswith(_MAGIC):
        raise ValueError("not a library index file")
    view = memoryview(data)
    body = view[len(_MAGIC) + 4 :]
    # A flipped bit inside a text would still decode: the checksum catches what the checks cannot.
    if zlib.crc32(body) != int.from_bytes(view[len(_MAGIC) : len(_MAGIC) + 4], "little"):
        raise ValueError("checksum mismatch")
    start = len(_MAGIC) + 4 + 8
    size = int.from_bytes(view[start - 8 : start], "little")
    if start + size > len(data):
        raise ValueError("header runs past the end")
    rows = json.loads(bytes(view[start : start + size]).decode("utf-8"))
    if not isinstance(rows, list) or len(rows) != len(sources):
        raise ValueError("the file is for other reports")
    parts = decode(view[start + size :])
    count = len(parts.documents)
    reports: list[IndexedReport] = []
    previous = 0
    for row, source in zip(rows, sources, strict=True):
        if row["id"] != source.id or row["content_hash"] != source.content_hash:
            raise ValueError("the file is for other reports")
        documents = range(*map(int, row["documents"]))
        paragraphs = range(*map(int, row["paragraphs"]))
        if not (
            previous == documents.start <= paragraphs.start <= paragraphs.stop == documents.stop <= count
        ):
            raise ValueError("report ranges do not fit the index")
        previous = documents.stop
        reports.append(
            IndexedReport.of(
                source,
                documents,
                paragraphs,
                int(row["characters"]),
                error=str(row.get("error", "")),
                outline=Outline.from_json(row["outline"]) if row.get("outline") is not None else None,
            )
        )
    if previous != count:
        raise ValueError("report ranges do not cover the index")
    return Shard(SearchIndex.from_parts(parts), reports)
