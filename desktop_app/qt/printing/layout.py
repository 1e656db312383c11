"""The summary laid out for paged output: the document, its charts, and where the pages end.

The summary's HTML comes from :func:`desktop_app.core.summary.build_summary_html`; this module lays
it out in a :class:`QTextDocument` (default font: the bundled Noto Sans CJK SC family, so Chinese is
drawn and embedded on any machine), adds the charts as images rendered at 300 dpi by
:func:`desktop_app.qt.charts.render_group_image`, and paginates it itself. The text is laid out as
one column of the body's width and cut into pages at the best place above each page's end: between
paragraphs or table rows, or between lines of a paragraph (never one line alone). A heading or a
chart stays with what follows it, and a table continued on a new page repeats its header row.
Every page gets

* a header with the summary's title and a rule under it,
* the body: the page's slices of the document, each clipped to itself, with only what shows in it
  drawn (see :meth:`SummaryDocument._paint_slice`: a PDF's text is the text seen on its page),
* a footer with a rule, the citation of the source and ``第 X 页 / 共 Y 页``.

The same painting serves a :class:`QPrinter` (print and preview) and a :class:`QPdfWriter` (PDF
export, :mod:`desktop_app.qt.printing.pdf`).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.paper import PAPER_SIZES
from desktop_app.core.presentation import source_citation
from desktop_app.core.scope import SummaryScope
from desktop_app.core.summary import build_summary_html, page_footer_text
from desktop_app.qt import fonts
from desktop_app.qt.printing.chart_store import ChartStore, StoreDocument
from desktop_app.qt.printing.pagination import Break, Float, Flow, Page, TableSpan, paginate

__all__ = [
    "CHART_DPI",
    "MARGINS_MM",
    "OutlineEntry",
    "SummaryDocument",
    "chart_width_px",
    "page_layout",
    "page_size",
]

MARGINS_MM = QMarginsF(18.0, 14.0, 18.0, 12.0)
"""Left, top, right and bottom page margins; the header and footer are drawn within the rest."""
CHART_DPI = 300
"""The resolution charts are rendered at for print."""
CHART_WIDTH_MM = 170.0
"""The printed width of a chart (fits the body of A4 and Letter with the margins above)."""
BODY_POINT_SIZE = 10.0
FURNITURE_POINT_SIZE = 8.0
"""The size of the header and footer text."""
_SCREEN_DPI = 96
_SLIVER = 1 / 16
"""How far (device pixels) something must reach into a page's slice to be drawn there: less is rounding."""
_RULE_COLOUR = QColor("#9a9a9a")
_FURNITURE_COLOUR = QColor("#444444")


def chart_width_px(dpi: int = CHART_DPI) -> int:
    """The pixel width of a printed chart at ``dpi`` (:data:`CHART_WIDTH_MM` on paper)."""
    return round(CHART_WIDTH_MM / 25.4 * dpi)


def page_size(name: str) -> QPageSize:
    """Qt's page size for a paper size of :data:`desktop_app.core.paper.PAPER_SIZES` (``"A4"``, ``"Letter"``).

    Raises:
        ValueError: An unknown name.
    """
    if name not in PAPER_SIZES:
        raise ValueError(f"unknown page size {name!r}: expected one of {', '.join(PAPER_SIZES)}")
    width, height = PAPER_SIZES[name]
    # Matched to Qt's own size of that name (printers know A4 and Letter by id, not by millimetres).
    return QPageSize(
        QSizeF(width, height), QPageSize.Unit.Millimeter, name, QPageSize.SizeMatchPolicy.FuzzyMatch
    )


def page_layout(name: str) -> QPageLayout:
    """A portrait page of paper size ``name`` with :data:`MARGINS_MM`.

    Raises:
        ValueError: An unknown name.
    """
    return QPageLayout(
        page_size(name), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


# --- the document -----------------------------------------------------------------------------------


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
        scope: What the summary covers, resolved once by the caller; its language is the
            document's (not the interface's).
        generated: The date printed as the date generated; today by default.
        chart_dpi: The resolution of the chart images.
    """

    def __init__(
        self,
        report: Report,
        scope: SummaryScope,
        *,
        generated: datetime.date | None = None,
        chart_dpi: int = CHART_DPI,
    ) -> None:
        lang = scope.language
        # Figures only means tables only. Rendered one at a time, in bounded memory (issue 13.2).
        groups = scope.chart_groups
        charts = ChartStore(groups, chart_width_px(chart_dpi), chart_dpi, lang)
        captions = [
            (
                ChartStore.name(number),
                group.title if lang is Language.ZH else group.title_en or group.title,
            )
            for number, group in enumerate(groups, start=1)
        ]
        html = build_summary_html(
            report,
            scope,
            chart_images=captions,
            chart_sizes=charts.sizes,
            generated=generated or datetime.date.today(),
        )
        self._set_up(scope.title, source_citation(report, lang), lang, html, charts)

    @classmethod
    def from_html(
        cls, title: str, citation: str, lang: Language, html: str, charts: ChartStore
    ) -> SummaryDocument:
        """A document of any summary's HTML (targets and outcomes …), laid out like a report's.

        Args:
            title: The page header and the PDF's title.
            citation: The footer's source line.
            lang: The document's language (page numbers).
            html: The document (:func:`desktop_app.core.summary.build_summary_html`'s subset of HTML).
            charts: The images its ``<img src>`` names.
        """
        document = cls.__new__(cls)
        document._set_up(title, citation, lang, html, charts)
        return document

    def _set_up(self, title: str, citation: str, lang: Language, html: str, charts: ChartStore) -> None:
        self.lang = lang
        self.title = title
        self.citation = citation
        self.family = _font_family()
        self.charts = charts
        self.html = html
        document = StoreDocument(self.charts)
        document.setDocumentMargin(0)
        document.setDefaultFont(_print_font(self.family, BODY_POINT_SIZE))
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, self.title)
        document.setHtml(self.html)
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
        self._pages: list[Page] = []
        # The paragraphs outside tables with more than one line (a page may end between their lines):
        # their first line's top, and (their last line's bottom, the block), in document order.
        self._paragraph_tops: list[float] = []
        self._paragraphs: list[tuple[float, QTextBlock]] = []
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
        self._pages = paginate(self._flow(), self._body.height())
        self._index_paragraphs()
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

    def _index_paragraphs(self) -> None:
        self._paragraph_tops, self._paragraphs = [], []
        root = self.document.rootFrame()
        block = self.document.begin()
        while block.isValid():
            text_layout = block.layout()
            count = text_layout.lineCount()
            if count > 1 and QTextCursor(block).currentFrame() == root:
                top = self._layout.blockBoundingRect(block).top()
                last = text_layout.lineAt(count - 1)
                self._paragraph_tops.append(top + text_layout.lineAt(0).y())
                self._paragraphs.append((top + last.y() + last.height(), block))
            block = block.next()

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

    def _flow(self) -> Flow:
        """The document as the paginator sees it: breaks, tables, charts as floats, the closing block.

        Preferred breaks: before a block (unless the block before keeps with it: a heading), between
        lines of a paragraph with two lines on each side, between table rows after the header.
        Fallbacks: every line top outside tables, every row boundary; never a line inside a row.
        A chart (its image and caption, with the section heading before the first) is a float. The
        last section (the source) has no break of its own: it keeps with what precedes it.
        """
        preferred: list[Break] = []
        fallback: list[Break] = []
        tables: list[TableSpan] = []
        floats: list[Float] = []
        headings: list[float] = []  # the tops of level-2 headings outside tables
        overlap = 0.75 * self._dpi / _SCREEN_DPI  # half a table rule (1 px) and a hair
        layout = self._layout
        keep_with_previous = True  # nothing before the first block
        chart_top: float | None = None  # the top of the float being collected
        chart_blocks = 0  # how many of its blocks (image, caption) are still to come
        previous_heading_top: float | None = None
        # Qt lays the empty block after a table out beside the table's last row: no break above this.
        floor = 0.0
        block = self.document.begin()
        while block.isValid():
            # None outside tables (the stubs do not say so).
            table: QTextTable | None = QTextCursor(block).currentTable()
            if table is None:
                tops = [y for y in self._line_tops(block) if y >= floor - 0.5]
                if chart_top is not None and chart_blocks == 0 and tops:  # the block after the caption
                    floats.append(Float(chart_top, tops[0]))
                    chart_top = None
                if _is_chart(block) and tops and chart_top is None:
                    chart_top = previous_heading_top if previous_heading_top is not None else tops[0]
                    chart_blocks = 2
                chart_blocks = max(0, chart_blocks - 1)
                fallback.extend(Break(y) for y in tops)
                if tops and not keep_with_previous:
                    preferred.append(Break(tops[0]))
                level = block.blockFormat().headingLevel()
                if level == 0:
                    # At least two lines of a paragraph on each side of a break.
                    preferred.extend(Break(y) for y in tops[2:-1])
                elif level == 2 and tops:
                    headings.append(tops[0])
                previous_heading_top = tops[0] if level and tops else None
                keep_with_previous = _keeps_with_next(block)
                block = block.next()
                continue
            previous_heading_top = None
            frame = layout.frameBoundingRect(table)
            if chart_top is not None:
                floats.append(Float(chart_top, frame.top()))
                chart_top = None
            if not keep_with_previous:
                preferred.append(Break(frame.top()))
            header_rows = min(table.format().headerRowCount(), table.rows() - 1)
            extents = [self._cell_extent(table, row) for row in range(table.rows())]
            boundaries = [(extents[r - 1][1] + extents[r][0]) / 2 for r in range(1, table.rows())]
            for row, boundary in enumerate(boundaries, start=1):
                if row > max(header_rows, 0) and (row > 1 or header_rows == 0):
                    preferred.append(Break(boundary, overlap))
                fallback.append(Break(boundary, overlap))  # a row is never split (issue 11.21)
            header = None
            if header_rows > 0:
                header = (frame.top(), boundaries[header_rows - 1])
            tables.append(TableSpan(frame.top(), frame.bottom(), header))
            floor = frame.bottom()
            keep_with_previous = False
            block = self.document.findBlock(table.lastPosition() + 1)
        total = layout.documentSize().height()
        if chart_top is not None:
            floats.append(Float(chart_top, total))
        closing = headings[-1] if headings else None
        if closing is not None:  # the closing block keeps with what precedes it
            preferred = [b for b in preferred if b.y < closing - 0.5]
            fallback = [b for b in fallback if b.y < closing - 0.5]
        preferred.sort(key=lambda b: b.y)
        fallback.sort(key=lambda b: b.y)
        return Flow(total, preferred, fallback, tables, floats, closing)

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

    def _paint_body(self, painter: QPainter, page: Page) -> None:
        """One page's slices of the document, one under the other."""
        body = self._body
        painter.save()
        painter.translate(body.left(), body.top())
        offset = 0.0
        for piece in page.slices:
            painter.save()
            painter.translate(0, offset - piece.start)
            self._paint_slice(painter, piece.start, piece.end)
            painter.restore()
            offset += piece.height
        painter.restore()

    def _paint_slice(self, painter: QPainter, start: float, end: float) -> None:
        """The document from ``start`` to ``end``, clipped to it, drawing only what shows in it.

        Clipping hides what is drawn outside the slice but a PDF keeps its text: copied, searched
        or extracted, it would be on the wrong page and twice. ``QTextDocument.drawContents``
        draws a line whose top is the clip's bottom, and ``QTextLayout::draw`` the whole line
        above its clip's top as well; so the lines of a paragraph continued from the page before
        are drawn one by one, and Qt is given, for everything else, a clip a sliver inside the
        slice below that paragraph. (A slice ends at a line's top, a row's rule or a float's
        edge; what reaches into it by less than a sliver has nothing to show there.)
        """
        width = self._body.width()
        painter.setClipRect(QRectF(0, start, width, end - start))
        context = QAbstractTextDocumentLayout.PaintContext()
        top = start
        continued = self._continued(start)
        if continued is not None:
            bottom, block = continued
            self._paint_lines(painter, context, block, start, end)
            top = max(top, bottom)
        if top + _SLIVER < end - _SLIVER:
            context.clip = QRectF(0, top + _SLIVER, width, end - top - 2 * _SLIVER)
            self._layout.draw(painter, context)

    def _continued(self, start: float) -> tuple[float, QTextBlock] | None:
        """The paragraph that has lines above ``start`` and below it: its last line's bottom, and it."""
        index = bisect.bisect_left(self._paragraph_tops, start - _SLIVER) - 1
        if index >= 0 and self._paragraphs[index][0] > start + _SLIVER:
            return self._paragraphs[index]
        return None

    def _paint_lines(
        self,
        painter: QPainter,
        context: QAbstractTextDocumentLayout.PaintContext,
        block: QTextBlock,
        start: float,
        end: float,
    ) -> None:
        """The lines of a paragraph (outside tables) that reach into ``start``–``end``, as Qt draws a block.

        Its list marker is on its first line, above ``start``.
        """
        text_layout = block.layout()
        position = text_layout.position()
        painter.save()
        background: QBrush = block.blockFormat().background()
        if background.style() != Qt.BrushStyle.NoBrush:
            painter.fillRect(text_layout.boundingRect().translated(position), background)
        painter.setPen(context.palette.color(QPalette.ColorRole.Text))
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            top = position.y() + line.y()
            if top + line.height() > start + _SLIVER and top < end - _SLIVER:
                line.draw(painter, position)
        painter.restore()

    # --- headings for bookmarks

    def _locate(self, y: float) -> tuple[int, float]:
        """The page a document position is printed on, and how far below the body's top."""
        for index, page in enumerate(self._pages):
            offset = page.locate(y)
            if offset is not None:
                return index, offset
        return len(self._pages) - 1, 0.0

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
                index, offset = self._locate(y)
                top = paint_top_pt + (self._body.top() + offset) * to_points
                title = block.text().replace("\u2028", " ").strip()
                entries.append(OutlineEntry(max(level, 2), title, index, max(0.0, top - 4)))
            block = block.next()
        # In the order they are printed (a chart moved below the text after it takes its heading along).
        entries.sort(key=lambda e: (e.page, e.y))
        return entries


def _is_chart(block: QTextBlock) -> bool:
    """A chart's image paragraph (an object replacement character stands for the image)."""
    return "\ufffc" in block.text()


def _keeps_with_next(block: QTextBlock) -> bool:
    """Headings and chart images belong with what follows (a chart with its caption)."""
    return block.blockFormat().headingLevel() > 0 or _is_chart(block)


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
