"""The pairs of a library collection, as the CLI and the Targets & outcomes view show them.

A collection's targets may find their outcomes in another collection: Linzi's 2024 report is bundled
(collection ``linzi``), its 2025 report is one a reader imports (collection ``user``). So the reports
paired are every good report of the governments (level and region) the collection holds, whatever
their collection, and the pairs kept are those whose target stands in the collection. Figure
references name reports by their library entry ids (``national/2016``), which
:meth:`~desktop_app.core.library.Library.load` opens. Broken entries are skipped and listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.library import Entry, Library
from desktop_app.core.targets.pairing import pair
from desktop_app.core.targets.types import Pair

__all__ = ["CollectionPairs", "collection_pairs"]


@dataclass(frozen=True, slots=True)
class CollectionPairs:
    """The pairs of a collection, and the entries left out because they cannot be loaded."""

    pairs: tuple[Pair, ...]
    skipped: tuple[Entry, ...] = ()


def collection_pairs(
    library: Library, collection: str | None = None, *, include_proposed: bool = False
) -> CollectionPairs:
    """The pairs whose target stands in ``collection`` (every collection when None).

    Raises:
        LibraryError: as :meth:`Library.load` does for a file that changed under it.
    """
    everything = library.entries()
    chosen = everything if collection is None else [e for e in everything if e.collection == collection]
    governments = {(e.level, e.region) for e in chosen}
    wanted = [e for e in everything if (e.level, e.region) in governments]
    good = [e for e in wanted if not e.errors]
    reports = [library.load(e.id) for e in good]
    pairs = pair(reports, include_proposed=include_proposed, ids=[e.id for e in good])
    inside = {e.id for e in chosen}
    kept = tuple(p for p in pairs if p.target is not None and p.target.report in inside)
    return CollectionPairs(kept, tuple(e for e in wanted if e.errors))
