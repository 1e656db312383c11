"""A PDF page's text is the text seen on that page: nothing hidden past its edges, nothing twice.

Qt clips each page's slice of the document, but a clip only hides: the lines Qt drew just past a
slice's edges were in the page's text as well (copied, searched or extracted on the wrong page,
and twice). Read back with pdftotext, page by page, running header and footer dropped.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPdfWriter, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop_app.core.language import Language
from desktop_app.core.model import EntityKind, Report
from desktop_app.qt.printing import SummaryDocument, page_layout
from desktop_app.qt.printing.chart_store import ChartStore
from desktop_app.qt.printing.pagination import Page
from desktop_app.qt.printing.pdf import document_pdf_bytes
from tests.qt.printing.readback import needs_poppler, poppler, scope

CASES = [
    ("all", "zh", "A4"),
    ("all", "zh", "Letter"),
    ("all", "en", "A4"),
    ("g8-wellbeing", "zh", "A4"),
    ("g8-wellbeing", "en", "Letter"),
    ("g1-growth", "zh", "Letter"),
]


def _squeeze(text: str) -> str:
    """Text without its spaces and line breaks (pdftotext lays the words out with its own)."""
    return re.sub(r"\s+", "", text)


def _export(report: Report, key: str, lang: str, paper: str, path: Path) -> SummaryDocument:
    """The PDF as exported, written to ``path``; the summary it was painted from."""
    summary = SummaryDocument(report, scope(report, key, lang), generated=datetime.date(2026, 12, 3))
    pdf, _ = document_pdf_bytes(summary, "author", "subject", paper)
    path.write_bytes(pdf)
    return summary


def _page_bodies(path: Path) -> list[str]:
    """Each page's text without its running header (the first line) and footer (the last)."""
    bodies = []
    for page in poppler("pdftotext", "-layout", str(path), "-").split("\f")[:-1]:
        lines = [line for line in page.splitlines() if line.strip()]
        assert len(lines) >= 3, page
        bodies.append(_squeeze("".join(lines[1:-1])))
    return bodies


def _printed_lines(summary: SummaryDocument) -> list[list[str]]:
    """The text lines outside tables, on the page each is printed on, from the top of the page."""
    pages: list[list[tuple[float, str]]] = [[] for _ in range(summary.page_count())]
    root = summary.document.rootFrame()
    block = summary.document.begin()
    while block.isValid():
        if QTextCursor(block).currentFrame() == root:
            text_layout = block.layout()
            for number, top in enumerate(summary._line_tops(block)):
                line = text_layout.lineAt(number)
                text = _squeeze(block.text()[line.textStart() : line.textStart() + line.textLength()])
                if not text or "\ufffc" in text:  # an empty line, or a chart's image
                    continue
                found = [(i, page.locate(top)) for i, page in enumerate(summary._pages)]
                index, offset = next((i, y) for i, y in found if y is not None)
                pages[index].append((offset, text))
        block = block.next()
    return [[text for _, text in sorted(lines)] for lines in pages]


def _table_text(summary: SummaryDocument) -> str:
    """The text of every table cell, one after the other."""
    cells = []
    block = summary.document.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is not None:
            cells.append(_squeeze(block.text()))
        block = block.next()
    return "\n".join(cells)


@needs_poppler
@pytest.mark.parametrize(("key", "lang", "paper"), CASES)
def test_each_page_holds_its_own_lines_once(
    qapp: QApplication, report: Report, tmp_path: Path, key: str, lang: str, paper: str
) -> None:
    """Every line is in the text of the page it is printed on, in order, and on no other page.

    Before: ``--scope g8-wellbeing`` (A4) had 区医疗中心（区人民医院新院区）, printed at the top of
    page 3, at the end of page 2's text, and 胶济客专临淄火车站改造工程, printed at the end of
    page 2, at the start of page 3's; 原文误植 (page 4) was in page 3's text too.
    """
    path = tmp_path / f"{key}-{lang}-{paper}.pdf"
    summary = _export(report, key, lang, paper, path)
    bodies = _page_bodies(path)
    printed = _printed_lines(summary)
    assert len(bodies) == len(printed) >= 2
    for number, (body, lines) in enumerate(zip(bodies, printed, strict=True), start=1):
        position = 0
        for line in lines:  # each where it is printed, in order
            found = body.find(line, position)
            assert found >= 0, f"page {number}: {line!r} is printed here but not in its text"
            position = found + len(line)
    # … and nowhere else: each line's text is in the PDF as often as in the document (a line also
    # in a table is left out: a table's header row is repeated on the pages it continues on).
    document = _squeeze(summary.document.toPlainText())
    tables = _table_text(summary)
    for line in {line for lines in printed for line in lines if line not in tables}:
        pages = [number for number, body in enumerate(bodies, start=1) for _ in range(body.count(line))]
        assert len(pages) == document.count(line), f"{line!r} is in the text of pages {pages}"


@needs_poppler
@pytest.mark.parametrize(("key", "lang"), [("all", "zh"), ("g8-wellbeing", "zh"), ("g8-wellbeing", "en")])
def test_livelihood_projects_are_in_the_text_as_often_as_printed(
    qapp: QApplication, report: Report, tmp_path: Path, key: str, lang: str
) -> None:
    """The 民生实事 projects, listed across a page break, are in the PDF's text as often as printed.

    Before (g8-wellbeing, zh, A4): 胶济客专临淄火车站改造工程 and 区医疗中心（区人民医院新院区）
    three times each (the list, its hidden second copy on the next page, another section's).
    """
    path = tmp_path / f"{key}-{lang}.pdf"
    summary = _export(report, key, lang, "A4", path)
    text = "".join(_page_bodies(path))
    document = _squeeze(summary.document.toPlainText())
    names = [_squeeze(project.name) for project in report.entities_of_kind(EntityKind.LIVELIHOOD_PROJECT)]
    assert len(names) == 7
    assert {name: text.count(name) for name in names} == {name: document.count(name) for name in names}


@needs_poppler
@pytest.mark.parametrize(("key", "paper"), [("all", "A4"), ("g8-wellbeing", "A4"), ("g1-growth", "Letter")])
def test_each_chart_is_drawn_once(
    qapp: QApplication, report: Report, tmp_path: Path, key: str, paper: str
) -> None:
    """A chart is drawn on the page it shows on only (before, also hidden at the foot of the page above).

    Before: the whole report's A4 PDF drew its 8 charts 15 times.
    """
    path = tmp_path / f"{key}-{paper}.pdf"
    _export(report, key, "zh", paper, path)
    listed = poppler("pdfimages", "-list", str(path)).splitlines()[2:]  # below the table's heading
    charts = len(scope(report, key).chart_groups)
    assert charts >= 2
    assert len(listed) == charts


@needs_poppler
def test_a_paragraph_over_two_pages_long_is_in_the_text_once(qapp: QApplication, tmp_path: Path) -> None:
    """Paragraphs that pages start and end inside: the pages' texts, in order, are the document's."""
    sentences = [f"第{n}句，一段很长的文字跨过页的底边，接着在下一页继续。" for n in range(1, 301)]
    html = "".join(f"<p>{''.join(sentences[a:b])}</p>" for a, b in ((0, 150), (150, 160), (160, 300)))
    store = ChartStore([], 100, 96, Language.ZH)
    summary = SummaryDocument.from_html("标题", "来源", Language.ZH, html, store)
    path = tmp_path / "paragraphs.pdf"
    pdf, pages = document_pdf_bytes(summary, "author", "subject", "A4")
    path.write_bytes(pdf)
    assert pages >= 4
    assert "".join(_page_bodies(path)) == _squeeze(summary.document.toPlainText())


# --- what the pages look like: as before, when Qt drew each slice whole --------------------------------

_DPI = 150


def _laid_out(summary: SummaryDocument, paper: str) -> SummaryDocument:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_DPI)
    writer.setPageLayout(page_layout(paper))
    summary.layout_for(writer)
    return summary


def _painted(summary: SummaryDocument, page: Page, *, whole_slices: bool) -> QImage:
    """A page's body painted on an image: by the summary, or each slice by ``drawContents`` (as before)."""
    body = summary._body
    image = QImage(round(body.width()), round(body.height()), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(_DPI / 0.0254))
    image.setDotsPerMeterY(round(_DPI / 0.0254))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(-body.left(), -body.top())
    if whole_slices:
        painter.translate(body.left(), body.top())
        offset = 0.0
        for piece in page.slices:
            painter.save()
            painter.translate(0, offset - piece.start)
            summary.document.drawContents(painter, QRectF(0, piece.start, body.width(), piece.height))
            painter.restore()
            offset += piece.height
    else:
        summary._paint_body(painter, page)
    painter.end()
    return image


def _continued_slices(summary: SummaryDocument) -> int:
    """How many slices start inside a paragraph (its lines drawn one by one)."""
    starts = [piece.start for page in summary._pages for piece in page.slices]
    return sum(summary._continued(start) is not None for start in starts)


def _assert_looks_as_before(summary: SummaryDocument) -> None:
    for number, page in enumerate(summary._pages, start=1):
        now = _painted(summary, page, whole_slices=False)
        before = _painted(summary, page, whole_slices=True)
        assert now == before, f"page {number} looks different"


LOOKS = [("all", "zh", "A4"), ("g8-wellbeing", "en", "A4"), ("g1-growth", "zh", "Letter")]


@pytest.mark.parametrize(("key", "lang", "paper"), LOOKS)
def test_pages_look_as_when_each_slice_was_drawn_whole(
    qapp: QApplication, report: Report, key: str, lang: str, paper: str
) -> None:
    """Only what was hidden is gone: each page's body is the image Qt's ``drawContents`` made of it."""
    summary = _laid_out(SummaryDocument(report, scope(report, key, lang)), paper)
    assert _continued_slices(summary) >= 1  # a page starts inside a paragraph: its lines drawn one by one
    _assert_looks_as_before(summary)


def test_a_continued_paragraph_keeps_its_background_and_a_list_its_numbers(qapp: QApplication) -> None:
    """A paragraph with a background, and a numbered list, continued on the next page look as before."""
    words = "一段很长的文字，跨过页的底边，接着在下一页继续。"
    html = (
        '<p style="background-color: #fff3c0">' + words * 300 + "</p>"  # over two pages long
        "<ol>" + "".join(f"<li>{words * (1 + n % 4)}</li>" for n in range(40)) + "</ol>"
        '<p style="background-color: #e0f0ff">' + words * 100 + "</p>"
    )
    store = ChartStore([], 100, 96, Language.ZH)
    summary = _laid_out(SummaryDocument.from_html("标题", "来源", Language.ZH, html, store), "A4")
    assert summary.page_count() >= 4 and _continued_slices(summary) >= 3
    _assert_looks_as_before(summary)
