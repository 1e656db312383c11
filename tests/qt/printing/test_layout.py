"""The summary laid out on pages: paper sizes, page ranges, where pages end."""

from __future__ import annotations

import itertools
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QPageRanges, QPageSize, QPdfWriter
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
    starts = [page.start for page in summary._pages[1:]]
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
