"""Printing the summary: to a printer, to the print preview and to PDF.

The summary's HTML comes from :func:`desktop_app.core.summary.build_summary_html`; this module lays
it out in a :class:`QTextDocument` (default font: the bundled Noto Sans CJK SC family, so Chinese is
drawn and embedded on any machine), adds the charts as images rendered at 300 dpi by
:func:`desktop_app.qt.charts.render_group_image`, and paginates it itself. The text is laid out as
one column of the body's width and cut into pages at the best place above each page's end: between
paragraphs or table rows, or between lines of a paragraph (never one line alone). A heading or a
chart stays with what follows it, and a table continued on a new page repeats its header row.
Every page gets

* a header with the summary's title and a rule under it,
* the body: the page's slice of the document (``painter.translate`` + ``drawContents``, clipped),
* a footer with a rule, the citation of the source and ``第 X 页 / 共 Y 页``.

The same painting serves a :class:`QPrinter` (print and preview) and a :class:`QPdfWriter` (PDF
export). A PDF written by :func:`export_pdf` (or printed to a PDF file) also gets, through an
incremental update appended to the file Qt wrote (plain PDF syntax, no extra dependency):

* one bookmark per heading (Qt has no API for PDF outlines);
* ``/Subject`` in the document information (title, author and creator come from ``QPdfWriter``;
  all four are in the XMP metadata too);
* corrected text maps, so that text copied or searched in the PDF is the text printed (see
  :func:`_unicode_fixes`).

If the update cannot be made the PDF is written as Qt made it, and a warning is logged.

:class:`PrintController` is what the main window owns: slots that open the print, preview and
file dialogs and report failures in a message box. The functions below it are what tests and the
command line call; they open no dialog.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
import logging
import os
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop_app.appinfo import APP_NAME, __version__
from desktop_app.core.atomic import ExportError, atomic_write_bytes
from desktop_app.core.charting import ChartGroup
from desktop_app.core.csv_export import write_csv
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.scope import resolve_scope
from desktop_app.core.summary import build_summary_html, page_footer_text
from desktop_app.qt import charts, fonts

__all__ = [
    "CHART_DPI",
    "PAGE_SIZES",
    "ExportError",
    "OutlineEntry",
    "PrintController",
    "SummaryDocument",
    "clear_chart_cache",
    "export_pdf",
    "pdf_bytes",
    "render_to_printer",
]

_LOG = logging.getLogger(__name__)

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
"""The paper sizes a summary can be exported on, by name."""
MARGINS_MM = QMarginsF(18.0, 14.0, 18.0, 12.0)
"""Left, top, right and bottom page margins; the header and footer are drawn within the rest."""
CHART_DPI = 300
"""The resolution charts are rendered at for print."""
CHART_WIDTH_MM = 170.0
"""The printed width of a chart (fits the body of A4 and Letter with the margins above)."""
BODY_POINT_SIZE = 10.0
FURNITURE_POINT_SIZE = 8.0
"""The size of the header and footer text."""
PDF_RESOLUTION = 1200
_SCREEN_DPI = 96
_RULE_COLOUR = QColor("#9a9a9a")
_FURNITURE_COLOUR = QColor("#444444")


# --- the document -----------------------------------------------------------------------------------


@lru_cache(maxsize=24)
def _chart_image(group: ChartGroup, width_px: int, dpi: int, lang: str) -> QImage:
    """A chart rendered for print, cached: the preview repaints on every page-setup change.

    The whole report's 12 charts at 300 dpi take about 60 MB; 24 leave room for a goal area's.
    """
    image = charts.render_group_image(group, width_px, dpi, lang=lang)
    # No alpha channel: the PDF needs no soft mask, and the file is smaller.
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    # Sized by the document as width / ratio pixels at 96 dpi, i.e. CHART_WIDTH_MM on paper.
    image.setDevicePixelRatio(dpi / _SCREEN_DPI)
    return image


def clear_chart_cache() -> None:
    """Forget the charts rendered so far (for benchmarks of a first export)."""
    _chart_image.cache_clear()


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """A heading of the laid-out summary: where a PDF bookmark points."""

    level: int
    title: str
    page: int
    """Zero-based page index."""
    y: float
    """Distance from the top of the page, in points."""


class SummaryDocument:
    """A summary laid out for paged output, with its header and footer text.

    Build it once, then :meth:`paint` it on any paged device (a printer, a PDF writer); the text is
    laid out again for each device, the charts are not rendered again.

    Args:
        report: The report.
        scope: ``"all"``, ``"figures"`` or a goal-area id.
        lang: The document's language (``"zh"`` or ``"en"``), not the interface's.
        generated: The date printed as the date generated; today by default.
        chart_dpi: The resolution of the chart images.

    Raises:
        ValueError: An unknown scope.
    """

    def __init__(
        self,
        report: Report,
        scope: str = "all",
        *,
        lang: str = "zh",
        generated: datetime.date | None = None,
        chart_dpi: int = CHART_DPI,
    ) -> None:
        resolved = resolve_scope(report, scope, lang)
        self.report = report
        self.scope = scope
        self.lang = resolved.language
        self.title = resolved.title
        self.citation = report.metadata.citation
        self.family = _font_family()
        # Figures only means tables only.
        groups = resolved.chart_groups
        width_px = round(CHART_WIDTH_MM / 25.4 * chart_dpi)
        images: list[tuple[str, QImage]] = []
        captions: list[tuple[str, str]] = []
        for number, group in enumerate(groups, start=1):
            name = f"report-chart-{number}.png"
            images.append((name, _chart_image(group, width_px, chart_dpi, lang)))
            captions.append(
                (name, group.title if self.lang is Language.ZH else group.title_en or group.title)
            )
        self.html = build_summary_html(
            report, resolved, chart_images=captions, generated=generated or datetime.date.today()
        )
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(_print_font(self.family, BODY_POINT_SIZE))
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, self.title)
        document.setHtml(self.html)
        for name, image in images:
            document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
        self.document = document
        # Qt scales vertical block margins to the paint device but not horizontal ones; keep the
        # CSS values (pixels at 96 dpi) to scale them for each device.
        self._indents: dict[int, tuple[float, float, float]] = {}
        block = document.begin()
        while block.isValid():
            block_format = block.blockFormat()
            indent = (block_format.leftMargin(), block_format.rightMargin(), block_format.textIndent())
            if any(indent):
                self._indents[block.blockNumber()] = indent
            block = block.next()
        self._body = QRectF()
        self._band = self._page_width = self._page_height = 0.0
        self._dpi = _SCREEN_DPI
        self._pages: list[_Page] = []
        self._layout = document.documentLayout()  # looked up once: each call costs 40 µs

    # --- layout

    def _furniture_font(self) -> QFont:
        return _print_font(self.family, FURNITURE_POINT_SIZE)

    def layout_for(self, device: QPagedPaintDevice) -> int:
        """Lay the document out for ``device`` and split it into pages; returns the number of pages.

        The text is laid out as one long column of the body's width, then cut into pages at the
        best place above each page's end: between paragraphs, between the lines of a paragraph
        (never leaving one line of it alone), or between table rows, never inside a line or a
        row. A heading or a chart stays on the page of what follows it, and a table continued on
        a new page repeats its header row there.
        """
        self._dpi = device.logicalDpiY()
        paint = device.pageLayout().paintRectPixels(device.logicalDpiX())
        metrics = QFontMetricsF(self._furniture_font(), device)
        self._band = metrics.height() * 1.6
        margin = self._band + metrics.height() * 0.9
        self._page_width = float(paint.width())
        self._page_height = float(paint.height())
        self._body = QRectF(0, margin, paint.width(), paint.height() - 2 * margin)
        self._scale_indents(self._dpi / _SCREEN_DPI)
        self.document.documentLayout().setPaintDevice(device)
        self.document.setTextWidth(self._body.width())
        self._pages = self._paginate()
        return len(self._pages)

    def page_count(self) -> int:
        """The number of pages of the last layout (see :meth:`layout_for`)."""
        return len(self._pages)

    def _scale_indents(self, scale: float) -> None:
        cursor = QTextCursor(self.document)
        for number, (left, right, indent) in self._indents.items():
            block = self.document.findBlockByNumber(number)
            block_format = block.blockFormat()
            block_format.setLeftMargin(left * scale)
            block_format.setRightMargin(right * scale)
            block_format.setTextIndent(indent * scale)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format)

    # --- pagination

    def _line_tops(self, block: QTextBlock) -> list[float]:
        text_layout = block.layout()
        top = self._layout.blockBoundingRect(block).top()
        return [top + text_layout.lineAt(i).y() for i in range(text_layout.lineCount())]

    def _cell_extent(self, table: QTextTable, row: int) -> tuple[float, float]:
        """The top of the first line and the bottom of the last block of a table row's cells."""
        layout = self._layout
        tops, bottoms = [], []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            first = cell.firstCursorPosition().block()
            last = cell.lastCursorPosition().block()
            tops.append(layout.blockBoundingRect(first).top())
            bottoms.append(layout.blockBoundingRect(last).bottom())
        return min(tops), max(bottoms)

    def _break_candidates(self) -> tuple[list[_Break], list[_Break], list[_TableSpan]]:
        """Where pages may end: the preferred places, every line top as a fallback, and the tables."""
        preferred: list[_Break] = []
        fallback: list[_Break] = []
        tables: list[_TableSpan] = []
        overlap = 0.75 * self._dpi / _SCREEN_DPI  # half a table rule (1 px) and a hair
        layout = self._layout
        keep_with_previous = True  # nothing before the first block
        block = self.document.begin()
        while block.isValid():
            # None outside tables (the stubs do not say so).
            table: QTextTable | None = QTextCursor(block).currentTable()
            if table is None:
                tops = self._line_tops(block)
                fallback.extend(_Break(y) for y in tops)
                if tops and not keep_with_previous:
                    preferred.append(_Break(tops[0]))
                if block.blockFormat().headingLevel() == 0:
                    # At least two lines of a paragraph on each side of a break.
                    preferred.extend(_Break(y) for y in tops[2:-1])
                keep_with_previous = _keeps_with_next(block)
                block = block.next()
                continue
            frame = layout.frameBoundingRect(table)
            if not keep_with_previous:
                preferred.append(_Break(frame.top()))
            header_rows = min(table.format().headerRowCount(), table.rows() - 1)
            extents = [self._cell_extent(table, row) for row in range(table.rows())]
            boundaries = [(extents[r - 1][1] + extents[r][0]) / 2 for r in range(1, table.rows())]
            for row, boundary in enumerate(boundaries, start=1):
                if row > max(header_rows, 0) and (row > 1 or header_rows == 0):
                    preferred.append(_Break(boundary, overlap))
                fallback.append(_Break(boundary, overlap))
            cell_block = self.document.findBlock(table.firstPosition())
            while cell_block.isValid() and cell_block.position() <= table.lastPosition():
                fallback.extend(_Break(y) for y in self._line_tops(cell_block))
                cell_block = cell_block.next()
            header = None
            if header_rows > 0:
                header = (frame.top(), boundaries[header_rows - 1])
            tables.append(_TableSpan(frame.top(), frame.bottom(), header))
            keep_with_previous = False
            block = self.document.findBlock(table.lastPosition() + 1)
        preferred.sort(key=lambda b: b.y)
        fallback.sort(key=lambda b: b.y)
        return preferred, fallback, tables

    def _paginate(self) -> list[_Page]:
        preferred, fallback, tables = self._break_candidates()
        total = self._layout.documentSize().height()
        capacity = self._body.height()
        pages: list[_Page] = []
        start, start_overlap = 0.0, 0.0
        header: tuple[float, float] | None = None
        while start < total - 0.5 or not pages:
            header_height = header[1] - header[0] if header else 0.0
            limit = start - start_overlap + capacity - header_height
            if total <= limit:
                pages.append(_Page(start - start_overlap, total, header))
                break
            cut = _last_break(preferred, start, limit) or _last_break(fallback, start, limit)
            if cut is None:
                cut = _Break(limit)  # a line taller than a page: nothing better exists
            pages.append(_Page(start - start_overlap, cut.y + cut.overlap, header))
            start, start_overlap = cut.y, cut.overlap
            header = next((t.header for t in tables if t.top < start < t.bottom and t.header), None)
        return pages

    # --- painting

    def paint(self, device: QPagedPaintDevice, painter: QPainter | None = None) -> int:
        """Paint the pages on ``device`` (calling ``newPage`` between them); returns the page count.

        Only the pages in the device's page ranges are painted, if it has any (a printer after the
        print dialog); the footer still counts all pages.

        Args:
            device: A printer or PDF writer, its page layout already set.
            painter: A painter already active on ``device``; one is made (and ended) if None.

        Raises:
            OSError: A painter could not be started on the device (e.g. an unwritable printer file).
        """
        pages = self.layout_for(device)
        own = painter is None
        if painter is None:
            painter = QPainter()
            if not painter.begin(device):
                raise OSError("cannot start printing on the device")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            # PDF: charts deflated rather than JPEG-encoded; sharper and 2.5 times smaller here.
            painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
            # The pages chosen in the print dialog, if any (numbered from 1); all of them otherwise.
            ranges = device.pageRanges()
            chosen = [i for i in range(pages) if ranges.isEmpty() or ranges.contains(i + 1)] or [0]
            for count, index in enumerate(chosen):
                if count and not device.newPage():
                    raise OSError("cannot start a new page")
                self._paint_furniture(painter, index, pages)
                self._paint_body(painter, self._pages[index])
        finally:
            if own:
                painter.end()
        return pages

    def _paint_furniture(self, painter: QPainter, index: int, pages: int) -> None:
        """The header (title and a rule) and the footer (a rule, the citation, the page number)."""
        width = self._page_width
        font = self._furniture_font()
        painter.save()
        painter.setFont(font)
        metrics = QFontMetricsF(font, painter.device())
        rule = QPen(_RULE_COLOUR)
        rule.setWidthF(max(1.0, self._dpi / 144))  # half a point
        painter.setPen(_FURNITURE_COLOUR)
        title = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPointF(0, metrics.ascent()), title)
        painter.setPen(rule)
        painter.drawLine(QPointF(0, self._band), QPointF(width, self._band))
        top = self._page_height - self._band
        painter.drawLine(QPointF(0, top), QPointF(width, top))
        number = page_footer_text(index + 1, pages, self.lang)
        number_width = metrics.horizontalAdvance(number)
        baseline = self._page_height - metrics.descent()
        room = max(0.0, width - number_width - metrics.height() * 2)
        painter.setPen(_FURNITURE_COLOUR)
        citation = metrics.elidedText(self.citation, Qt.TextElideMode.ElideMiddle, room)
        painter.drawText(QPointF(0, baseline), citation)
        painter.drawText(QPointF(width - number_width, baseline), number)
        painter.restore()

    def _paint_body(self, painter: QPainter, page: _Page) -> None:
        """One page's slice of the document (after a repeated table header), clipped to it."""
        body = self._body
        painter.save()
        painter.translate(body.left(), body.top())
        offset = 0.0
        if page.header is not None:
            top, bottom = page.header
            painter.save()
            painter.translate(0, -top)
            self.document.drawContents(painter, QRectF(0, top, body.width(), bottom - top))
            painter.restore()
            offset = bottom - top
        painter.translate(0, offset - page.start)
        self.document.drawContents(painter, QRectF(0, page.start, body.width(), page.end - page.start))
        painter.restore()

    # --- headings for bookmarks

    def outline(self, device: QPagedPaintDevice) -> list[OutlineEntry]:
        """The headings (``<h1>``–``<h3>``) of the last layout, with their page and height on it.

        The title (h1) and the sections (h2) are both top-level entries; an h3 comes under its h2.
        """
        paint_top_pt = device.pageLayout().paintRect(QPageLayout.Unit.Point).top()
        to_points = 72.0 / self._dpi
        entries = []
        block: QTextBlock = self.document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            tops = self._line_tops(block) if 0 < level <= 3 else []
            if tops:
                y = tops[0]
                index = next((i for i, p in enumerate(self._pages) if y < p.end), len(self._pages) - 1)
                page = self._pages[index]
                offset = page.header[1] - page.header[0] if page.header else 0.0
                top = paint_top_pt + (self._body.top() + offset + y - page.start) * to_points
                title = block.text().replace("\u2028", " ").strip()
                entries.append(OutlineEntry(max(level, 2), title, index, max(0.0, top - 4)))
            block = block.next()
        return entries


@dataclass(frozen=True, slots=True)
class _Break:
    """A place a page may end: ``y`` in the document; ``overlap`` lets a table rule show on both pages."""

    y: float
    overlap: float = 0.0


@dataclass(frozen=True, slots=True)
class _TableSpan:
    top: float
    bottom: float
    header: tuple[float, float] | None
    """The header rows' top and bottom, repeated on each page the table continues on."""


@dataclass(frozen=True, slots=True)
class _Page:
    start: float
    end: float
    header: tuple[float, float] | None


def _last_break(breaks: Sequence[_Break], start: float, limit: float) -> _Break | None:
    """The last break after ``start`` whose slice still fits above ``limit``."""
    index = bisect.bisect_right([b.y for b in breaks], limit) - 1
    while index >= 0:
        candidate = breaks[index]
        if candidate.y <= start + 1:
            return None
        if candidate.y + candidate.overlap <= limit:
            return candidate
        index -= 1
    return None


def _keeps_with_next(block: QTextBlock) -> bool:
    """Headings and chart images (an object replacement character) belong with what follows."""
    return block.blockFormat().headingLevel() > 0 or "\ufffc" in block.text()


def _print_font(family: str, points: float) -> QFont:
    """The font for printed text.

    The OpenType feature ``locl`` is off: in a Latin run (``p07``) Noto Sans CJK swaps the digits for
    glyphs that no code point maps to, so Qt's PDF could not give their text back (copying ``p07``
    gave ``p``). The SC face's default glyphs are already the Simplified Chinese forms.
    """
    font = QFont(family)
    font.setPointSizeF(points)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def _font_family() -> str:
    # A missing font is logged by the fonts module; Qt then falls back to a system font.
    with contextlib.suppress(fonts.FontRegistrationError):
        fonts.register_bundled_fonts()
    return fonts.ui_font_family()


# --- PDF -------------------------------------------------------------------------------------------


def _page_size(name: str) -> QPageSize:
    if name not in PAGE_SIZES:
        raise ValueError(f"unknown page size {name!r}: expected one of {', '.join(PAGE_SIZES)}")
    return QPageSize(PAGE_SIZES[name])


def _author(report: Report) -> str:
    presenter = report.metadata.presenter
    return f"{presenter.office} {presenter.name}"


def _subject(report: Report, lang: str) -> str:
    meta = report.metadata
    if lang.startswith("zh"):
        return f"{meta.meeting.name}\uff08{meta.meeting.date}\uff09摘要\uff1b来源\uff1a{meta.citation}"
    return f"Summary of the report to the {meta.meeting.name} ({meta.meeting.date}); source: {meta.citation}"


def _xmp(title: str, author: str, subject: str, lang: str) -> bytes:
    language = "zh-CN" if lang.startswith("zh") else "en"
    creator_tool = f"{APP_NAME} {__version__}"
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{xml_escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{xml_escape(subject)}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>{xml_escape(creator_tool)}</xmp:CreatorTool>
   <xmp:CreateDate>{now}</xmp:CreateDate>
   <pdf:Producer>{xml_escape(creator_tool)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def pdf_bytes(
    report: Report,
    scope: str = "all",
    page_size: str = "A4",
    *,
    lang: str = "zh",
    generated: datetime.date | None = None,
    bookmarks: bool = True,
    layout: QPageLayout | None = None,
) -> tuple[bytes, int]:
    """The summary as a PDF document in memory.

    Args:
        report: The report.
        scope: ``"all"``, ``"figures"`` or a goal-area id.
        page_size: ``"A4"`` or ``"Letter"``, with :data:`MARGINS_MM`.
        lang: The document's language.
        generated: The date printed as the date generated; today by default.
        bookmarks: Whether to add a bookmark per heading.
        layout: A page layout to use instead of ``page_size`` (e.g. a printer's).

    Returns:
        The PDF and its number of pages.

    Raises:
        ValueError: An unknown scope or page size.
    """
    if layout is None:
        layout = QPageLayout(
            _page_size(page_size), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
        )
    summary = SummaryDocument(report, scope, lang=lang, generated=generated)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(layout)
    author = _author(report)
    subject = _subject(report, lang)
    writer.setTitle(summary.title)
    if hasattr(writer, "setAuthor"):  # Qt 6.8; before it the update below adds /Author
        writer.setAuthor(author)
    writer.setCreator(f"{APP_NAME} {__version__}")
    writer.setDocumentXmpMetadata(QByteArray(_xmp(summary.title, author, subject, lang)))
    pages = summary.paint(writer)
    outline = summary.outline(writer) if bookmarks else []
    del writer  # finishes the file
    buffer.close()
    pdf = bytes(data.data())
    try:
        pdf = _post_process(pdf, outline, {"Author": author, "Subject": subject}, summary.family)
    except (ValueError, zlib.error) as error:
        _LOG.warning("PDF written as Qt made it (no bookmarks, text copied may show radicals): %s", error)
    return pdf, pages


def export_pdf(
    report: Report,
    scope: str,
    path: str | os.PathLike[str],
    page_size: str = "A4",
    *,
    lang: str = "zh",
    generated: datetime.date | None = None,
) -> int:
    """Write the summary of ``scope`` as a PDF file, atomically; no dialog.

    Args:
        report: The report.
        scope: ``"all"``, ``"figures"`` or a goal-area id.
        path: The file to write (replaced if it exists).
        page_size: ``"A4"`` or ``"Letter"``.
        lang: The document's language.
        generated: The date printed as the date generated; today by default.

    Returns:
        The number of pages.

    Raises:
        ValueError: An unknown scope or page size; nothing is written.
        ExportError: The file could not be written; nothing is left behind.
    """
    pdf, pages = pdf_bytes(report, scope, page_size, lang=lang, generated=generated)
    atomic_write_bytes(path, pdf)
    return pages


def render_to_printer(report: Report, scope: str, printer: QPrinter, *, lang: str = "zh") -> int:
    """Print the summary of ``scope`` on ``printer`` as it is set up; no dialog.

    A printer set to write a PDF file ("Print to file" in the print dialog) gets the same file as
    :func:`export_pdf`, on the printer's page layout: with bookmarks and correct text for copying,
    written atomically. (Page ranges and copies do not apply to it.)

    Returns:
        The number of pages printed.

    Raises:
        ValueError: An unknown scope.
        OSError: Printing could not start (e.g. the printer's output file is not writable).
    """
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        pdf, pages = pdf_bytes(report, scope, lang=lang, layout=printer.pageLayout())
        atomic_write_bytes(printer.outputFileName(), pdf)
        return pages
    return SummaryDocument(report, scope, lang=lang).paint(printer)


# --- PDF post-processing: an incremental update ----------------------------------------------------
#
# Qt writes classic PDF 1.4 (a plain cross-reference table, uncompressed dictionaries). Three things
# it cannot do are appended as an incremental update (new versions of some objects, a new
# cross-reference section whose trailer points back to Qt's), which every reader applies:
#
# * bookmarks (an /Outlines tree in a new catalog);
# * /Subject in the document information (QPdfWriter has setTitle, setAuthor, setCreator only);
# * corrected /ToUnicode maps. Qt maps each glyph back to the *lowest* code point that the font maps
#   to it, and CJK fonts map a radical and its ideograph to one glyph, so copying 工 out of the PDF
#   gave ⼯ (U+2F2F KANGXI RADICAL WORK) and searching for 规上工业总产值 found nothing. The maps are
#   rewritten to prefer the ideograph (and the en dash over the figure dash, which share a glyph).


def _pdf_text(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte-order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _is_ideograph(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF


@lru_cache(maxsize=16)
def _unicode_fixes(family: str, bold: bool) -> dict[int, int]:
    """Code points Qt would write to /ToUnicode for a glyph of ``family`` → the one to write instead."""
    font = QFont(family)
    font.setBold(bold)
    raw = QRawFont.fromFont(font)
    if not raw.isValid():
        return {}
    codes = [c for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    glyphs = raw.glyphIndexesForString("".join(map(chr, codes)))
    sharing: dict[int, list[int]] = {}
    for code, glyph in zip(codes, glyphs, strict=False):
        if glyph:
            sharing.setdefault(glyph, []).append(code)
    fixes = {}
    for shared in sharing.values():
        if len(shared) < 2:
            continue
        written = shared[0]  # the lowest, as Qt chooses
        preferred = next((c for c in shared if _is_ideograph(c)), None)
        if preferred is None and 0x2013 in shared:
            preferred = 0x2013
        if preferred is not None and preferred != written:
            fixes[written] = preferred
    return fixes


_HEX = rb"<([0-9A-Fa-f]+)>"


def _fix_to_unicode(cmap: bytes, fixes: dict[int, int]) -> bytes:
    """A ToUnicode CMap with each destination code point in ``fixes`` replaced."""

    def destination(match: re.Match[bytes]) -> bytes:
        value = match.group(1)
        if len(value) != 4:  # a surrogate pair or a ligature: leave it
            return match.group(0)
        code = int(value, 16)
        return b"<%04X>" % fixes[code] if code in fixes else match.group(0)

    lines = []
    section = b""
    for line in cmap.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith((b"beginbfrange", b"beginbfchar")):
            section = stripped.split()[-1]
        elif stripped in (b"endbfrange", b"endbfchar"):
            section = b""
        elif section == b"beginbfchar":
            match = re.fullmatch(rb"(<[0-9A-Fa-f]+>)\s*(<[0-9A-Fa-f]+>)", stripped)
            if match:
                line = match.group(1) + b" " + re.sub(_HEX, destination, match.group(2))
        elif section == b"beginbfrange":
            match = re.fullmatch(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(.*)", stripped)
            if match:
                low, high, rest = int(match.group(1), 16), int(match.group(2), 16), match.group(3)
                head = stripped[: match.start(3)]
                if rest.startswith(b"["):
                    line = head + re.sub(_HEX, destination, rest)
                else:
                    first = re.fullmatch(_HEX, rest)
                    if first and len(first.group(1)) == 4:
                        start = int(first.group(1), 16)
                        targets = [start + i for i in range(high - low + 1)]
                        if any(t in fixes for t in targets):
                            items = b" ".join(b"<%04X>" % fixes.get(t, t) for t in targets)
                            line = head + b"[" + items + b"]"
        lines.append(line)
    return b"\n".join(lines)


class _PdfUpdate:
    """Reads the structure of a PDF that Qt wrote and appends new versions of some objects.

    Raises:
        ValueError: The PDF is not laid out as expected (the caller keeps Qt's file then).
    """

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        startxref = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
        trailers = list(re.finditer(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S))
        if startxref is None or not trailers:
            raise ValueError("no trailer")
        self.previous_xref = int(startxref.group(1))
        trailer = trailers[-1].group(1)
        size = re.search(rb"/Size\s+(\d+)", trailer)
        root = re.search(rb"/Root\s+(\d+)\s+0\s+R", trailer)
        info = re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer)
        identifier = re.search(rb"/ID\s*(\[[^\]]*\])", trailer)
        if size is None or root is None or info is None:
            raise ValueError("trailer without /Size, /Root or /Info")
        self.size = int(size.group(1))
        self.root = int(root.group(1))
        self.info = int(info.group(1))
        self.identifier = identifier.group(1) if identifier else None
        self.offsets = self._xref_offsets()
        self.objects: dict[int, bytes] = {}

    def _xref_offsets(self) -> dict[int, int]:
        pdf, start = self.pdf, self.previous_xref
        if pdf[start : start + 4] != b"xref":
            raise ValueError("no classic cross-reference table")
        offsets: dict[int, int] = {}
        position = start + 4
        header = re.compile(rb"\s*(\d+) (\d+)\s*\r?\n")
        entry = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
        while (match := header.match(pdf, position)) is not None:
            first, count = int(match.group(1)), int(match.group(2))
            position = match.end()
            for number in range(first, first + count):
                item = entry.match(pdf, position)
                if item is None:
                    raise ValueError("malformed cross-reference table")
                if item.group(3) == b"n":
                    offsets[number] = int(item.group(1))
                position += 20
        return offsets

    def _raw(self, number: int) -> bytes:
        if number not in self.offsets:
            raise ValueError(f"object {number} is not in the cross-reference table")
        offset = self.offsets[number]
        end = self.pdf.find(b"endobj", offset)
        if end < 0:
            raise ValueError(f"object {number} does not end")
        match = re.match(rb"\s*%d\s+0\s+obj\s*" % number, self.pdf[offset:end])
        if match is None:
            raise ValueError(f"object {number} is not where the table says")
        return self.pdf[offset + match.end() : end]

    def dictionary(self, number: int) -> bytes:
        """The inside of a dictionary object (between ``<<`` and ``>>``)."""
        body = self._raw(number).strip()
        if not (body.startswith(b"<<") and body.endswith(b">>")):
            raise ValueError(f"object {number} is not a dictionary")
        return body[2:-2]

    def stream(self, number: int) -> tuple[bytes, bytes]:
        """A stream object's dictionary (inside) and its data, decoded if it was deflated."""
        raw = self._raw(number)
        match = re.match(rb"\s*<<(.*?)>>\s*stream\r?\n", raw, re.S)
        if match is None:
            raise ValueError(f"object {number} is not a stream")
        head = match.group(1)
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
        if length is None:
            raise ValueError(f"stream {number} without /Length")
        size = int(length.group(1))
        if length.group(2):
            size = int(self._raw(size).strip())
        data = raw[match.end() : match.end() + size]
        if re.search(rb"/Filter\s*/FlateDecode", head):
            data = zlib.decompress(data)
        elif b"/Filter" in head:
            raise ValueError(f"stream {number} has a filter other than /FlateDecode")
        return head, data

    def new_number(self) -> int:
        number = self.size
        self.size += 1
        return number

    def set(self, number: int, body: bytes) -> None:
        self.objects[number] = body

    def set_stream(self, number: int, data: bytes) -> None:
        self.objects[number] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    def write(self) -> bytes:
        if not self.objects:
            return self.pdf
        out = bytearray(self.pdf)
        if not out.endswith(b"\n"):
            out += b"\n"
        offsets = {}
        for number in sorted(self.objects):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + self.objects[number] + b"\nendobj\n"
        xref_at = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \n"
        for number, offset in offsets.items():
            out += b"%d 1\n%010d 00000 n \n" % (number, offset)
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d" % (
            self.size,
            self.root,
            self.info,
            self.previous_xref,
        )
        if self.identifier is not None:
            out += b" /ID " + self.identifier
        out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out)

    # --- what is added

    def page_numbers(self) -> list[tuple[int, float]]:
        """The page objects in order, with each page's height in points."""
        pages_ref = re.search(rb"/Pages\s+(\d+)\s+0\s+R", self.dictionary(self.root))
        if pages_ref is None:
            raise ValueError("catalog without /Pages")
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", self.dictionary(int(pages_ref.group(1))))
        if kids is None:
            raise ValueError("page tree without /Kids")
        pages = []
        box = rb"/MediaBox\s*\[\s*[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s*\]"
        for number in (int(n) for n in re.findall(rb"(\d+)\s+0\s+R", kids.group(1))):
            height = re.search(box, self.dictionary(number))
            pages.append((number, float(height.group(1)) if height else 842.0))
        return pages

    def add_info(self, info: dict[str, str]) -> None:
        """Add entries to the document information (those Qt did not write)."""
        body = self.dictionary(self.info)
        for key, value in info.items():
            name = key.encode("ascii")
            if re.search(rb"/" + name + rb"\b", body):
                continue  # Qt wrote it already
            body = body.rstrip() + b"\n/" + name + b" " + _pdf_text(value)
        self.set(self.info, b"<<" + body + b"\n>>")

    def add_outline(self, outline: Sequence[OutlineEntry]) -> None:
        pages = self.page_numbers()
        entries = [e for e in outline if 0 <= e.page < len(pages) and e.title]
        if not entries:
            return
        root = self.new_number()
        numbers = [self.new_number() for _ in entries]
        # Each entry's parent: the nearest earlier entry of a smaller level (-1: the outline root).
        parent_of: list[int] = []
        open_entries: list[int] = []
        for index, entry in enumerate(entries):
            while open_entries and entries[open_entries[-1]].level >= entry.level:
                open_entries.pop()
            parent_of.append(open_entries[-1] if open_entries else -1)
            open_entries.append(index)
        children: dict[int, list[int]] = {}
        for index, parent in enumerate(parent_of):
            children.setdefault(parent, []).append(index)

        def descendants(index: int) -> int:
            return sum(1 + descendants(child) for child in children.get(index, []))

        for index, entry in enumerate(entries):
            siblings = children[parent_of[index]]
            position = siblings.index(index)
            page, height = pages[entry.page]
            parts = [
                b"/Title " + _pdf_text(entry.title),
                b"/Parent %d 0 R" % (root if parent_of[index] < 0 else numbers[parent_of[index]]),
                b"/Dest [%d 0 R /XYZ 0 %.2f null]" % (page, height - entry.y),
            ]
            if position > 0:
                parts.append(b"/Prev %d 0 R" % numbers[siblings[position - 1]])
            if position + 1 < len(siblings):
                parts.append(b"/Next %d 0 R" % numbers[siblings[position + 1]])
            own = children.get(index, [])
            if own:
                parts.append(b"/First %d 0 R /Last %d 0 R" % (numbers[own[0]], numbers[own[-1]]))
                parts.append(b"/Count -%d" % descendants(index))  # negative: closed at first
            self.set(numbers[index], b"<< " + b" ".join(parts) + b" >>")
        top = children[-1]
        self.set(
            root,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (numbers[top[0]], numbers[top[-1]], len(top)),
        )
        catalog = re.sub(rb"/(Outlines|PageMode)\s+(\d+\s+0\s+R|/\w+)", b"", self.dictionary(self.root))
        self.set(
            self.root, b"<<" + catalog.rstrip() + b"\n/Outlines %d 0 R\n/PageMode /UseOutlines\n>>" % root
        )

    def fix_to_unicode(self, family: str, fixes: dict[int, int]) -> int:
        """Rewrite the /ToUnicode maps of the fonts of ``family``; returns how many were changed."""
        prefix = re.sub(r"\s+", "", family).lower().encode("ascii", "ignore")
        changed = 0
        for number in sorted(self.offsets):
            raw = self._raw(number)
            if b"/Type0" not in raw[:400] or b"/ToUnicode" not in raw:
                continue
            base = re.search(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?(\S+)", raw)
            target = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", raw)
            if base is None or target is None or not base.group(1).lower().startswith(prefix):
                continue
            _, data = self.stream(int(target.group(1)))
            fixed = _fix_to_unicode(data, fixes)
            if fixed != data:
                self.set_stream(int(target.group(1)), fixed)
                changed += 1
        return changed


def _post_process(pdf: bytes, outline: Sequence[OutlineEntry], info: dict[str, str], family: str) -> bytes:
    """Qt's PDF with bookmarks, more document information and corrected text extraction."""
    update = _PdfUpdate(pdf)
    update.add_info(info)
    update.add_outline(outline)
    fixes = {**_unicode_fixes(family, True), **_unicode_fixes(family, False)}
    if fixes:
        update.fix_to_unicode(family, fixes)
    return update.write()


# --- the controller the main window owns --------------------------------------------------------------


class PrintController(QObject):
    """Print, preview and export the summary, with dialogs; owned by the main window.

    The printer is kept as an attribute for the controller's lifetime: a dialog that outlives a
    temporary ``QPrinter`` crashes PySide6. Errors are shown in a message box, never raised.

    Signals:
        status_message(str): a short message for the status bar after an action.
    """

    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        self.page_size = "A4"
        self.document_language = "zh"
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    # --- settings

    @Slot(str)
    def set_page_size(self, name: str) -> None:
        """Use ``"A4"`` or ``"Letter"`` for PDF export and as the printer's default paper."""
        self.printer.setPageSize(_page_size(name))
        self.page_size = name

    # --- slots

    @Slot(object, str)
    def print_report(self, report: Report, scope: str) -> None:
        """Ask for a printer in the print dialog, then print the summary of ``scope``."""
        dialog = QPrintDialog(self.printer, self._parent)
        dialog.setWindowTitle(self.tr("Print summary"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            with _busy():
                pages = render_to_printer(report, scope, self.printer, lang=self.document_language)
        except (OSError, ValueError) as error:
            self._error(self.tr("Printing failed"), str(error))
            return
        self.status_message.emit(self.tr("Printed %n page(s)", "", pages))

    @Slot(object, str)
    def preview_report(self, report: Report, scope: str) -> None:
        """Show the summary of ``scope`` in the print preview dialog (modal)."""
        try:
            dialog = self.make_preview_dialog(report, scope)
        except ValueError as error:
            self._error(self.tr("Print preview failed"), str(error))
            return
        dialog.exec()
        dialog.deleteLater()

    def make_preview_dialog(self, report: Report, scope: str) -> QPrintPreviewDialog:
        """A print preview dialog for the summary of ``scope``, not yet shown.

        The summary is built once; the dialog lays it out again whenever its page setup changes.

        Raises:
            ValueError: An unknown scope.
        """
        with _busy():
            summary = SummaryDocument(report, scope, lang=self.document_language)
        dialog = QPrintPreviewDialog(self.printer, self._parent)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(self.tr("Print preview \u2014 %1").replace("%1", summary.title))

        def paint(printer: QPrinter) -> None:
            try:
                summary.paint(printer)
            except OSError as error:
                _LOG.warning("print preview failed: %s", error)

        dialog.paintRequested.connect(paint)
        return dialog

    @Slot(object, str)
    def export_pdf(self, report: Report, scope: str) -> None:
        """Ask for a file name, then write the summary of ``scope`` as PDF."""
        path = self._ask_path(report, scope, self.tr("Export PDF"), self.tr("PDF files (*.pdf)"), ".pdf")
        if not path:
            return
        try:
            with _busy():
                pages = export_pdf(report, scope, path, self.page_size, lang=self.document_language)
        except (OSError, ValueError) as error:
            self._error(self.tr("Could not export the PDF"), str(error))
            return
        self.status_message.emit(
            self.tr("Saved %1 (%n page(s), %2 KB)", "", pages)
            .replace("%1", path)
            .replace("%2", _kilobytes(path))
        )

    @Slot(object, str)
    def export_csv(self, report: Report, scope: str) -> None:
        """Ask for a file name, then write the figures of ``scope`` as CSV."""
        path = self._ask_path(report, scope, self.tr("Export CSV"), self.tr("CSV files (*.csv)"), ".csv")
        if not path:
            return
        try:
            count = write_csv(report, resolve_scope(report, scope, self.document_language), path)
        except (OSError, ValueError) as error:
            self._error(self.tr("Could not export the CSV file"), str(error))
            return
        self.status_message.emit(
            self.tr("Saved %1 (%n figure(s), %2 KB)", "", count)
            .replace("%1", path)
            .replace("%2", _kilobytes(path))
        )

    # --- helpers

    def _ask_path(self, report: Report, scope: str, caption: str, file_filter: str, suffix: str) -> str:
        stem = report.id if scope == "all" else f"{report.id}-{scope}"
        suggested = os.path.join(self._last_folder or "", stem + suffix)
        path, _ = QFileDialog.getSaveFileName(self._parent, caption, suggested, file_filter)
        if not path:
            return ""
        if not os.path.splitext(path)[1]:
            path += suffix
        self._last_folder = os.path.dirname(path)
        return path

    def _error(self, title: str, text: str) -> None:
        self.status_message.emit(title)
        box = QMessageBox(self._parent)
        box.setObjectName("printErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(title)
        box.setText(text)
        box.exec()
        box.deleteLater()


class _busy:  # noqa: N801 - used like a function: ``with _busy():``
    """The wait cursor while something slow runs (if there is an application to show it)."""

    def __enter__(self) -> None:
        self._active = isinstance(QApplication.instance(), QApplication)
        if self._active:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *args: object) -> None:
        if self._active:
            QApplication.restoreOverrideCursor()


def _kilobytes(path: str) -> str:
    try:
        return f"{os.path.getsize(path) / 1024:.0f}"
    except OSError:
        return "?"
