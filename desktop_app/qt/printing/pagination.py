"""Where pages end: a laid-out document cut into page slices, with charts as floats. No Qt.

The document is one long column (y grows downwards, in device pixels). A page shows one or more
*slices* of it, one under the other:

* The text (the *flow*) is cut at the best place above each page's end: a preferred break (between
  paragraphs, table rows, or lines of a paragraph with two lines on each side), else any line
  (a fallback), never inside a table row; only something taller than a page is cut anywhere.
* A chart with its caption is a *float*: where it does not fit in what is left of a page, the text
  after it fills the page and the chart goes to the top of the next one (charts keep their order,
  and text moves ahead of a chart by at most the gap it fills). So a page is never left half empty
  because a chart did not fit.
* The closing block (the source) is never alone on a page: it keeps with what precedes it (the
  caller gives it no break of its own), and text does not move past it while a chart waits.
* A table continued on a new page repeats its header rows there (a *repeated* slice).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Break", "Float", "Flow", "Page", "Slice", "TableSpan", "paginate"]

_EPSILON = 0.5


@dataclass(frozen=True, slots=True)
class Break:
    """A place a page may end: ``y`` in the document; ``overlap`` lets a table rule show on both pages."""

    y: float
    overlap: float = 0.0


@dataclass(frozen=True, slots=True)
class TableSpan:
    """A table's extent, and its header rows' top and bottom (repeated where the table continues)."""

    top: float
    bottom: float
    header: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Float:
    """Something kept whole that may move below the text after it (a chart with its caption)."""

    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Slice:
    """A part of the document shown on a page; ``repeated`` for a table's header shown again."""

    start: float
    end: float
    repeated: bool = False

    @property
    def height(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Page:
    """The slices of one page, top to bottom."""

    slices: tuple[Slice, ...]

    @property
    def used(self) -> float:
        """How much of the page's body the slices fill."""
        return sum(s.height for s in self.slices)

    def locate(self, y: float) -> float | None:
        """Where document position ``y`` is drawn on this page (from the body's top), if it is."""
        offset = 0.0
        for piece in self.slices:
            if not piece.repeated and piece.start - _EPSILON <= y < piece.end:
                return offset + y - piece.start
            offset += piece.height
        return None


@dataclass(frozen=True, slots=True)
class Flow:
    """A laid-out document as the paginator sees it.

    Attributes:
        total: The document's height.
        preferred: Preferred breaks, sorted by ``y``.
        fallback: Every other acceptable break (line tops outside tables), sorted by ``y``.
        tables: The tables, for repeating their headers.
        floats: The floats, sorted and disjoint; breaks inside them are ignored.
        closing: The top of the closing block, which text does not pass while a float waits.
    """

    total: float
    preferred: Sequence[Break]
    fallback: Sequence[Break]
    tables: Sequence[TableSpan] = ()
    floats: Sequence[Float] = ()
    closing: float | None = None


@dataclass(slots=True)
class _Breaks:
    """Sorted breaks outside the floats, searchable by position."""

    breaks: list[Break]
    ys: list[float] = field(init=False)

    def __post_init__(self) -> None:
        self.ys = [b.y for b in self.breaks]

    def last(self, start: float, limit: float) -> Break | None:
        """The last break after ``start`` whose slice still fits above ``limit``."""
        index = bisect.bisect_right(self.ys, limit) - 1
        while index >= 0:
            candidate = self.breaks[index]
            if candidate.y <= start + 1:
                return None
            if candidate.y + candidate.overlap <= limit:
                return candidate
            index -= 1
        return None


def _outside(breaks: Sequence[Break], floats: Sequence[Float]) -> _Breaks:
    tops = [f.top for f in floats]

    def inside(y: float) -> bool:
        index = bisect.bisect_right(tops, y) - 1
        return index >= 0 and floats[index].top + _EPSILON < y < floats[index].bottom - _EPSILON

    return _Breaks([b for b in breaks if not inside(b.y)])


def paginate(flow: Flow, capacity: float) -> list[Page]:
    """Cut ``flow`` into pages whose bodies are ``capacity`` high.

    Returns:
        At least one page.
    """
    return _Paginator(flow, capacity).pages()


class _Paginator:
    def __init__(self, flow: Flow, capacity: float) -> None:
        self.flow = flow
        self.capacity = capacity
        self.preferred = _outside(flow.preferred, flow.floats)
        self.fallback = _outside(flow.fallback, flow.floats)
        self.floats = list(flow.floats)
        self.next_float = 0
        self.waiting: list[Float] = []
        # Where the text goes on; a page that starts at a table row's rule starts just above it.
        self.position, self.overlap = 0.0, 0.0

    def pages(self) -> list[Page]:
        pages: list[Page] = []
        while self.position < self.flow.total - _EPSILON or self.waiting or not pages:
            slices: list[Slice] = []
            room = self.capacity
            # Floats that waited go first, in order.
            while self.waiting and (self.waiting[0].height <= room or not slices):
                item = self.waiting.pop(0)
                height = min(item.height, room)  # only something taller than a page is cut
                slices.append(Slice(item.top, item.top + height))
                room -= height
            # Text fills what the waiting floats leave (a float that does not fit waits for the next
            # page), so a page is never left half empty; there it ends only at a preferred break.
            self._fill(slices, room, any_line=not self.waiting)
            if not slices:  # pragma: no cover - a float or the text always makes progress
                raise RuntimeError("pagination made no progress")
            pages.append(Page(tuple(slices)))
        return pages

    def _fill(self, slices: list[Slice], room: float, *, any_line: bool = True) -> None:
        """Put text and floats on the page until it is full; ``any_line``: also end at a fallback break."""
        flow = self.flow
        while room > _EPSILON and self.position < flow.total - _EPSILON:
            upcoming = self.floats[self.next_float] if self.next_float < len(self.floats) else None
            if upcoming is not None and self.position >= upcoming.top - _EPSILON:
                self.next_float += 1
                if not self.waiting and (upcoming.height <= room or not slices):
                    height = min(upcoming.height, room)  # only something taller than a page is cut
                    _append(slices, Slice(upcoming.top, upcoming.top + height))
                    room -= height
                else:
                    self.waiting.append(upcoming)  # the text after it fills this page
                self.position, self.overlap = upcoming.bottom, 0.0
                continue
            end = upcoming.top if upcoming is not None else flow.total
            if self.waiting and flow.closing is not None:
                if self.position >= flow.closing - _EPSILON:
                    return  # the closing block comes after the waiting floats
                end = min(end, flow.closing)
            header = _repeated_header(flow.tables, self.position, slices)
            header_height = header.height if header else 0.0
            start = self.position - self.overlap
            limit = start + room - header_height
            if end <= limit:
                if header:
                    slices.append(header)
                _append(slices, Slice(start, end))
                room -= header_height + end - start
                self.position, self.overlap = end, 0.0
                continue
            cut = self.preferred.last(self.position, limit) or (
                self.fallback.last(self.position, limit) if any_line else None
            )
            if cut is None:
                if slices:
                    return  # nothing fits in what is left: the next page
                cut = Break(limit)  # a line or row taller than a page: nothing better exists
            if header:
                slices.append(header)
            _append(slices, Slice(start, cut.y + cut.overlap))
            self.position, self.overlap = cut.y, cut.overlap
            return


def _append(slices: list[Slice], piece: Slice) -> None:
    """Add a slice, joining it to the previous one when they are contiguous."""
    if slices and not slices[-1].repeated and abs(slices[-1].end - piece.start) < _EPSILON:
        slices[-1] = Slice(slices[-1].start, piece.end)
    else:
        slices.append(piece)


def _repeated_header(tables: Sequence[TableSpan], position: float, slices: Sequence[Slice]) -> Slice | None:
    """The header rows to repeat when a slice starts at ``position`` inside a continued table."""
    if slices and abs(slices[-1].end - position) < _EPSILON:
        return None  # the slice continues the one above it
    for table in tables:
        if table.header and table.top < position < table.bottom and position > table.header[1] - _EPSILON:
            return Slice(table.header[0], table.header[1], repeated=True)
    return None
