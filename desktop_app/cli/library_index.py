"""The library's search index for ``search --library`` and ``trend``: opened, read from the cache or built.

The first run builds the index (seconds for the national collection) and says so on standard error;
later runs read it back from the cache (:mod:`desktop_app.core.library.index_cache`). Broken
entries are left out of the index and named on standard error, so a search never fails because one
file does.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.cli.console import PROG, Console
from desktop_app.core.library.search import BuildProgress, LibraryIndex

__all__ = ["OpenedLibrary", "open_library_index"]


@dataclass(frozen=True, slots=True)
class OpenedLibrary:
    """The index and what the library says about its collections.

    Attributes:
        index: the index over every report that loads.
        collections: the ids of the library's collections, in order.
    """

    index: LibraryIndex
    collections: tuple[str, ...]


def open_library_index(err: Console) -> OpenedLibrary | None:
    """Open the library and its index, telling ``err`` what is slow or broken.

    Args:
        err: standard error.

    Returns:
        The index, or None when the library cannot be opened (the reason is on ``err``).
    """
    from desktop_app.core.library import Library, LibraryError
    from desktop_app.core.library.index_cache import IndexCache

    try:
        library = Library.open()
    except (LibraryError, OSError) as exc:
        err.line(f"{PROG}: cannot open the library: {exc}")
        return None
    with library:
        for notice in library.notices:
            err.line(f"{PROG}: {notice.en}")
        collections = library.collections()
        entries = library.entries()
        for entry in entries:
            if entry.broken:
                err.line(f"{PROG}: {entry.id} is left out: {entry.errors[0]}")
        good = [entry for entry in entries if not entry.broken]
        cache = IndexCache()
        told: list[bool] = []

        def progress(step: BuildProgress) -> None:
            if not told and step.report_id:
                told.append(True)
                err.line(f"{PROG}: indexing {step.total} reports for search (once; kept in {cache.folder})")

        index = cache.load(
            good, library.load, bundled=[c.id for c in collections if c.read_only], progress=progress
        )
        return OpenedLibrary(index, tuple(c.id for c in collections))
