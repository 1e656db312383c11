"""The summary laid out on pages: paper sizes, page ranges, where pages end."""

from __future__ import annotations

import itertools
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageRanges, QPageSize, QPdfWriter, QTextCursor, QTextTable
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop_app.core.model import Report
from desktop_app.core.paper import PAPER_SIZES, paper_names
from desktop_app.qt.printing import SummaryDocument, page_layout, page_size
from tests.qt.printing.readback import page_text, scope


def test_paper_sizes_are_qt_sizes(qapp: QApplication) -> None:
    """The one table of paper sizes gives Qt's own A4 and Letter (printers know them by id)."""
    assert paper_names() == ("A4", "Letter") == tuple(PAPER_SIZES)
    assert page_size("A4").id() == QPageSize.PageSizeId.A4
    assert page_size("Letter").id() == QPageSize.PageSizeId.Letter
    assert page_layout("Letter").pageSize().id() == QPageSize.PageSizeId.Letter
    with pytest.raises(ValueError, match="unknown page size 'A3'"):
        page_size("A3")


def test_page_ranges_are_respected(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    writer = QPdfWriter(str(tmp_path / "range.pdf"))
    ranges = QPageRanges()
    ranges.addPage(2)
    writer.setPageRanges(ranges)
    total = SummaryDocument(report, scope(report, "all")).paint(writer)
    del writer
    reader = pypdf.PdfReader(tmp_path / "range.pdf")
    # No post-processing here, so 页 may come out as the radical ⻚: compare around it.
    text = page_text(reader.pages[0])
    assert len(reader.pages) == 1 and "第 2 " in text and f" / 共 {total} " in text


def test_render_to_a_painting_device(qapp: QApplication, report: Report, tmp_path: Path) -> None:
    """What a real printer gets: pages painted on the device (here a PDF writer, no post-processing)."""
    writer = QPdfWriter(str(tmp_path / "painted.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pages = SummaryDocument(report, scope(report, "g1-growth")).paint(writer)
    del writer
    assert len(pypdf.PdfReader(tmp_path / "painted.pdf").pages) == pages >= 1


def test_layout_keeps_rows_and_headings_whole(qapp: QApplication, report: Report) -> None:
    """No page ends inside a table row or right after a heading."""
    summary = SummaryDocument(report, scope(report, "all"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    pages = summary.layout_for(printer)
    assert pages == summary.page_count() >= 3
    layout = summary.document.documentLayout()
    # Every place a page or a part of a page starts (not a repeated table header).
    starts = [piece.start for page in summary._pages for piece in page.slices if not piece.repeated][1:]
    block = summary.document.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        for start in starts:
            # A page starts on a line's top, never across a line.
            lines = summary._line_tops(block)
            tops = [*lines, rect.bottom()]
            inside = any(a + 1 < start < b - 1 for a, b in itertools.pairwise(tops))
            assert not inside, f"page starts inside a line of {block.text()[:20]!r}"
        if block.blockFormat().headingLevel():
            following = summary._line_tops(block.next())
            if following:
                here = summary._line_tops(block)[0]
                assert sum(here < s <= following[0] for s in starts) == 0, block.text()
        block = block.next()


def _laid_out(report: Report, key: str, lang: str, paper: str) -> SummaryDocument:
    summary = SummaryDocument(report, scope(report, key, lang))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(1200)
    writer.setPageLayout(page_layout(paper))
    summary.layout_for(writer)
    return summary


def _headings(summary: SummaryDocument, level: int) -> list[float]:
    tops = []
    block = summary.document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == level:
            tops.append(summary._line_tops(block)[0])
        block = block.next()
    return tops


LAYOUTS = [
    (key, lang, paper)
    for key in ("all", "figures", "g1-growth", "g2-momentum", "g8-wellbeing")
    for lang in ("zh", "en")
    for paper in ("A4", "Letter")
]


@pytest.mark.parametrize(("key", "lang", "paper"), LAYOUTS)
def test_no_table_row_is_split(qapp: QApplication, report: Report, key: str, lang: str, paper: str) -> None:
    """Issue 11.21: a figures-table row (范围 7.69–8.29 …) is never cut across pages, nor drawn twice."""
    summary = _laid_out(report, key, lang, paper)
    rows: list[tuple[float, float]] = []
    block = summary.document.begin()
    while block.isValid():
        table: QTextTable | None = QTextCursor(block).currentTable()  # None outside tables
        if table is not None:
            rows += [summary._cell_extent(table, row) for row in range(table.rows())]
            block = summary.document.findBlock(table.lastPosition() + 1)
        else:
            block = block.next()
    assert rows
    pieces = [piece for page in summary._pages for piece in page.slices if not piece.repeated]
    edges = [y for piece in pieces for y in (piece.start, piece.end)]
    for top, bottom in rows:
        inside = [y for y in edges if top + 1 < y < bottom - 1]
        assert not inside, f"a page edge at {inside} cuts the row {top:.0f}–{bottom:.0f}"


@pytest.mark.parametrize(("key", "lang", "paper"), LAYOUTS)
def test_source_block_is_never_alone_on_a_page(
    qapp: QApplication, report: Report, key: str, lang: str, paper: str
) -> None:
    """Issue 11.22: the 来源 block keeps with what precedes it; the last page holds more than it."""
    summary = _laid_out(report, key, lang, paper)
    source = _headings(summary, 2)[-1]
    last = summary._pages[-1]
    assert last.locate(source) is not None  # the source block is on the last page …
    assert any(piece.start < source - 1 for piece in last.slices if not piece.repeated)  # … not alone


@pytest.mark.parametrize(("key", "lang", "paper"), LAYOUTS)
def test_pages_are_filled(qapp: QApplication, report: Report, key: str, lang: str, paper: str) -> None:
    """Issue 11.22: page 1 is not left half empty because a chart does not fit: text fills the gap."""
    summary = _laid_out(report, key, lang, paper)
    capacity = summary._body.height()
    used = [page.used / capacity for page in summary._pages]
    assert len(used) >= 2
    assert used[0] >= 0.85, used
    # Before: a page of charts was left half empty when the next chart waited (whole report, zh, A4:
    # page 6 49 % full); the text after the chart fills it now (every page but the last ≥ 84 %).
    assert all(share >= 0.8 for share in used[:-1]), used
    # Nothing is lost or shown twice: the slices cover the document once (repeated headers aside).
    pieces = sorted((p.start, p.end) for page in summary._pages for p in page.slices if not p.repeated)
    covered = sum(end - start for start, end in pieces)
    overlaps = sum(max(0.0, a[1] - b[0]) for a, b in itertools.pairwise(pieces))
    assert abs(covered - overlaps - summary.document.documentLayout().documentSize().height()) < 2


def test_bookmarks_follow_the_printed_order(qapp: QApplication, report: Report) -> None:
    """A chart moved below the text after it takes its heading along; bookmarks are in page order."""
    summary = _laid_out(report, "all", "zh", "A4")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout("A4"))
    summary.layout_for(writer)
    entries = summary.outline(writer)
    assert [(e.page, e.y) for e in entries] == sorted((e.page, e.y) for e in entries)
    assert {e.title for e in entries} >= {"图表", "来源", "注释"}
