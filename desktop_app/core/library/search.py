r"""Search across the library: the report search index over many reports, hits grouped by report. No Qt.

There is one search engine (:class:`~desktop_app.core.search.index.SearchIndex`); a library index is
a few of them, *shards*, each over the documents of several reports one after another:

* a bundled collection (read-only, changes only with the app) is one shard;
* a report the reader added is a shard of its own, so adding or changing one rebuilds only it.

Inside a shard every node id is prefixed with its report's number (``3\x1fp12``), which keeps the
nodes of different reports apart; hits handed out carry the report's own node id again, with the
report's id beside them (:class:`ReportHits`), so a view can open that report at ``hit.span``.

Building takes seconds for the national collection (folding and posting ~1.1 M characters):
:func:`build_shard` reports progress and can be cancelled, for a background thread;
:mod:`desktop_app.core.library.index_cache` keeps shards on disk.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final, Protocol

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.outline import Outline, report_outline
from desktop_app.core.search.types import Document, Hit, NodeKind

if TYPE_CHECKING:
    from desktop_app.core.model import Report
    from desktop_app.core.search.index import SearchIndex

__all__ = [
    "DEFAULT_PER_REPORT",
    "BuildCancelled",
    "BuildProgress",
    "IndexedReport",
    "LibraryIndex",
    "LibraryResults",
    "ReportHits",
    "ReportSource",
    "Shard",
    "build_shard",
    "shard_plan",
]

DEFAULT_PER_REPORT: Final = 20
"""Hits listed per report by default."""
COUNT_CAP: Final = 20
"""A keystroke counts each report's hits up to this many ("20+"): counting further costs most for the
broadest queries (``g``, ``gz``: every pinyin match read in context), where a reader least needs it;
:meth:`LibraryIndex.counts` (e.g. when typing pauses) and the trend count all."""
LIBRARY_KINDS: Final = frozenset({NodeKind.PARAGRAPH})
"""What the library's index holds of each report: its article text, the text a reader reads. A figure's
sentence repeats its paragraph, and names, glosses and units are the open report's own index's
business; leaving them out halves the build and makes a search's counts a trend's counts."""

_SEPARATOR: Final = "\x1f"  # between a report's number and its node id inside a shard


class ReportSource(Protocol):
    """What the index needs to know of a report in the library (a library ``Entry`` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def collection(self) -> str: ...
    @property
    def content_hash(self) -> str: ...


@dataclass(frozen=True, slots=True)
class IndexedReport:
    """A report inside a shard.

    Attributes:
        id: the library's id of the report (``national/2025``).
        title: its title.
        year: its year, None when unknown.
        collection: the collection it belongs to.
        content_hash: the hash of its dataset file when it was indexed.
        documents: its document numbers in the shard's index.
        paragraphs: the document numbers of its article text (its paragraphs).
        characters: how many characters its article text has after folding (what search compares:
            no punctuation, spaces or line breaks).
        error: why the report could not be indexed (its file does not load; it has no documents),
            or "".
        outline: where each of its paragraphs stands (section, number), to name a hit's place;
            None for a report that could not be indexed.
    """

    id: str
    title: str
    year: int | None
    collection: str
    content_hash: str
    documents: range
    paragraphs: range
    characters: int
    error: str = ""
    outline: Outline | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls,
        source: ReportSource,
        documents: range,
        paragraphs: range,
        characters: int,
        *,
        error: str = "",
        outline: Outline | None = None,
    ) -> IndexedReport:
        """The report ``source`` names (id, title, year, collection, hash), at these places."""
        return cls(
            id=source.id,
            title=source.title,
            year=source.year,
            collection=source.collection,
            content_hash=source.content_hash,
            documents=documents,
            paragraphs=paragraphs,
            characters=characters,
            error=error,
            outline=outline,
        )

    def place(self, hit: Hit, lang: Language | str = Language.ZH) -> str:
        """Where a hit of this report stands, as the window's list and the command line name it.

        Its section and paragraph (``2024年工作回顾 · 第4段``), as the open report's search names
        a paragraph; the name of its field (``正文``) where the index knows no place.
        """
        if self.outline is not None and hit.node_kind is NodeKind.PARAGRAPH:
            place = self.outline.place(hit.node_id, lang)
            if place:
                return place
        from desktop_app.core.search.hits import field_label  # the report model: only when asked

        return field_label(hit, lang)


class BuildCancelled(Exception):  # noqa: N818  # a request, not an error
    """The build was cancelled (:class:`threading.Event` set); nothing was kept."""


@dataclass(frozen=True, slots=True)
class BuildProgress:
    """How far a build has got.

    Attributes:
        done: reports read so far plus the indexed fraction of the whole, in report units.
        total: reports to index in all.
        report_id: the report being read, or "" while postings are made.
    """

    done: float
    total: int
    report_id: str

    @property
    def fraction(self) -> float:
        """Between 0 and 1."""
        return min(1.0, self.done / self.total) if self.total else 1.0


ProgressCallback = Callable[[BuildProgress], None]
_READING: Final = 0.5  # share of a build spent loading reports and listing their fields


class Shard:
    """One search index over the documents of several reports, one report after another."""

    def __init__(self, index: SearchIndex, reports: Sequence[IndexedReport]) -> None:
        """Pair an index with the reports whose documents it holds.

        Args:
            index: the index.
            reports: the reports, their document ranges in ascending order.
        """
        self.index = index
        self.reports = tuple(reports)
        self._starts = [report.documents.start for report in self.reports]

    def report_of(self, document: int) -> IndexedReport:
        """The report a document number belongs to."""
        return self.reports[bisect_right(self._starts, document) - 1]


def shard_plan(sources: Iterable[ReportSource], bundled: Iterable[str]) -> list[list[ReportSource]]:
    """Which reports share a shard: a bundled collection's together, any other report alone.

    Args:
        sources: the reports to index, in the order results should list them.
        bundled: the ids of read-only collections.

    Returns:
        The shards' reports, in the order of each shard's first report.
    """
    read_only = set(bundled)
    plan: list[list[ReportSource]] = []
    by_collection: dict[str, list[ReportSource]] = {}
    for source in sources:
        if source.collection in read_only:
            group = by_collection.get(source.collection)
            if group is None:
                group = by_collection[source.collection] = []
                plan.append(group)
            group.append(source)
        else:
            plan.append([source])
    return plan


def build_shard(
    sources: Sequence[ReportSource],
    load: Callable[[str], Report],
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    done_before: float = 0.0,
    total: int | None = None,
) -> Shard:
    """Load each report, list its fields and index them all as one shard.

    Args:
        sources: the shard's reports, in order.
        load: gives the report of a source's id (e.g. ``Library.load``). A report whose file does not
            load (:class:`DatasetError`) is kept without documents, its :attr:`IndexedReport.error`
            saying why; anything else it raises (an unreadable disk) propagates.
        progress: told how far the build has got, now and then (from the building thread).
        cancel: when set, the build stops at the next step with :class:`BuildCancelled`.
        done_before: progress already made by earlier shards of the same build (report units).
        total: reports in the whole build (default: this shard's).

    Returns:
        The shard.

    Raises:
        BuildCancelled: ``cancel`` was set.
    """
    from desktop_app.core.search.documents import report_documents
    from desktop_app.core.search.index import SearchIndex

    count = total if total is not None else len(sources)
    size = len(sources)

    def tell(done: float, report_id: str) -> None:
        if progress is not None:
            progress(BuildProgress(done_before + done, count, report_id))
        if cancel is not None and cancel.is_set():
            raise BuildCancelled

    documents: list[Document] = []
    reports: list[IndexedReport] = []
    for number, source in enumerate(sources):
        tell(_READING * number, source.id)
        error = ""
        outline: Outline | None = None
        try:
            report = load(source.id)
            fields = report_documents(report, LIBRARY_KINDS)
            outline = report_outline(report)
        except DatasetError as exc:
            fields, error = [], " ".join(line.strip() for line in exc.describe().splitlines()[:2])
        first = len(documents)
        documents.extend(replace(doc, node_id=f"{number}{_SEPARATOR}{doc.node_id}") for doc in fields)
        # report_documents lists the paragraphs last: the article text is the tail of the range.
        paragraphs = sum(1 for doc in fields if doc.node_kind is NodeKind.PARAGRAPH)
        reports.append(
            IndexedReport.of(
                source,
                range(first, len(documents)),
                range(len(documents) - paragraphs, len(documents)),
                0,  # counted below, once the index has folded the text
                error=error,
                outline=outline,
            )
        )
    index = SearchIndex(
        documents, progress=lambda fraction: tell(size * (_READING + (1 - _READING) * fraction), "")
    )
    counted = tuple(replace(report, characters=index.folded_length(report.paragraphs)) for report in reports)
    return Shard(index, counted)


@dataclass(frozen=True, slots=True)
class ReportHits:
    """The hits in one report.

    Attributes:
        report: the report.
        count: how many hits it has (the report's own search's counting rule, in its article text);
            a lower bound when :attr:`more` is set.
        hits: the first of them (up to the ``per_report`` asked for), node ids the report's own.
        more: the count stopped at the ``count_cap`` asked for: there are more ("20+").
    """

    report: IndexedReport
    count: int
    hits: tuple[Hit, ...]
    more: bool = False


@dataclass(frozen=True, slots=True)
class LibraryResults:
    """A library search: reports with hits, in library order.

    Attributes:
        query: the query as typed.
        groups: one entry per report with at least one hit.
    """

    query: str
    groups: tuple[ReportHits, ...]

    @property
    def total(self) -> int:
        """Hits in all reports (a lower bound when :attr:`counted` is False)."""
        return sum(group.count for group in self.groups)

    @property
    def counted(self) -> bool:
        """Whether every count is exact (no report reached the count cap)."""
        return not any(group.more for group in self.groups)

    @property
    def complete(self) -> bool:
        """Whether every hit is listed (every count exact, no report had more than ``per_report``)."""
        return self.counted and all(len(group.hits) == group.count for group in self.groups)


class LibraryIndex:
    """Every report of the library searchable at once (see the module docstring)."""

    def __init__(self, shards: Sequence[Shard], order: Sequence[str] = ()) -> None:
        """Put shards together.

        Args:
            shards: the shards.
            order: report ids in the order results list them (the library's: newest first, across
                collections); by default, the shards' order.
        """
        self._shards = tuple(shards)
        ids = [*order, *(report.id for shard in self._shards for report in shard.reports)]
        self._position: dict[str, int] = {}
        for report_id in ids:
            self._position.setdefault(report_id, len(self._position))

    @property
    def shards(self) -> tuple[Shard, ...]:
        """The shards, in order."""
        return self._shards

    @property
    def reports(self) -> list[IndexedReport]:
        """Every indexed report, in the order results list them."""
        return sorted(
            (report for shard in self._shards for report in shard.reports),
            key=lambda report: self._position[report.id],
        )

    def _scoped(
        self, collection: str | None, report_ids: Iterable[str] | None
    ) -> list[tuple[Shard, list[IndexedReport]]]:
        wanted = set(report_ids) if report_ids is not None else None
        scoped: list[tuple[Shard, list[IndexedReport]]] = []
        for shard in self._shards:
            reports = [
                report
                for report in shard.reports
                if (collection is None or report.collection == collection)
                and (wanted is None or report.id in wanted)
            ]
            if reports:
                scoped.append((shard, reports))
        return scoped

    def counts(
        self, query: str, *, collection: str | None = None, report_ids: Iterable[str] | None = None
    ) -> dict[str, int]:
        """How many hits each report has, without making them.

        Args:
            query: the query as typed.
            collection: only this collection's reports.
            report_ids: only these reports.

        Returns:
            Hit counts by report id; reports without hits are left out.
        """
        counts: dict[str, int] = {}
        for shard, reports in self._scoped(collection, report_ids):
            found = shard.index.hit_counts(query, within=_ranges(report.documents for report in reports))
            for document, count in found.items():
                report_id = shard.report_of(document).id
                counts[report_id] = counts.get(report_id, 0) + count
        return counts

    def search(
        self,
        query: str,
        *,
        collection: str | None = None,
        report_ids: Iterable[str] | None = None,
        per_report: int | None = DEFAULT_PER_REPORT,
        count_cap: int | None = COUNT_CAP,
    ) -> LibraryResults:
        """Find ``query`` in every report (query syntax: :mod:`desktop_app.core.search.index`).

        One pass over each shard (:meth:`SearchIndex.search_ranges`, a range per report); a report
        is passed over once its count reaches ``count_cap``, so a keystroke that finds thousands of
        hits (``g``, ``发``) costs little more than one that finds ``count_cap`` in each report.

        Args:
            query: the query as typed.
            collection: only this collection's reports ("this collection" in the search panel).
            report_ids: only these reports.
            per_report: list at most this many hits of each report (None: all).
            count_cap: count each report's hits up to this many (None: all; see :attr:`ReportHits.more`).

        Returns:
            The reports with hits, in library order, each with its count and first hits.
        """
        groups: list[ReportHits] = []
        over = None if count_cap is None else count_cap + 1
        for shard, reports in self._scoped(collection, report_ids):
            searched = [report for report in reports if report.documents]
            found = shard.index.search_ranges(
                query, [report.documents for report in searched], limit=per_report, cap=over
            )
            for report, (hits, count) in zip(searched, found, strict=True):
                if not count:
                    continue
                shown = count if count_cap is None else min(count, count_cap)
                groups.append(ReportHits(report, shown, tuple(_own(hit) for hit in hits), shown < count))
        groups.sort(key=lambda group: self._position[group.report.id])
        return LibraryResults(query, tuple(groups))

    def hits(self, report_id: str, query: str, *, limit: int | None = None) -> list[Hit]:
        """The hits of one report (e.g. when its group is opened, or a trend's year is clicked).

        Args:
            report_id: the report's id.
            query: the query as typed.
            limit: at most this many.

        Returns:
            The hits, node ids the report's own; empty for a report not in the index.
        """
        for shard in self._shards:
            for report in shard.reports:
                if report.id == report_id:
                    hits = shard.index.search(query, limit=limit, within=(report.documents,))
                    return [_own(hit) for hit in hits]
        return []


def _own(hit: Hit) -> Hit:
    """The hit with its report's own node id (the shard's prefix taken off)."""
    # Made directly: dataclasses.replace costs ten times as much, for a thousand hits a keystroke.
    return Hit(
        hit.node_id.partition(_SEPARATOR)[2],
        hit.node_kind,
        hit.field,
        hit.start,
        hit.end,
        hit.text,
        hit.source,
        hit.source_offset,
    )


def _ranges(ranges: Iterable[range]) -> list[range]:
    """Sorted ranges, adjacent ones joined (fewer ranges to step through)."""
    joined: list[range] = []
    for item in sorted(ranges, key=lambda r: r.start):
        if joined and joined[-1].stop == item.start:
            joined[-1] = range(joined[-1].start, item.stop)
        else:
            joined.append(item)
    return joined
