"""How the search result list draws a hit: its item, then context · match · context, never as HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate

from desktop_app.qt.models.looks import unreviewed_brush_colour
from desktop_app.qt.models.search_results import SearchResultsModel

if TYPE_CHECKING:  # PySide makes a Qt class's Python type when a module first names it: QStyle's
    # costs 44 million instructions (3 % of start-up) and only painting a hit needs it (paint() below).
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

__all__ = ["HitDelegate", "item_line"]

ModelIndex = QModelIndex | QPersistentModelIndex


def item_line(label: str, metrics: QFontMetrics, width: int) -> str:
    """A hit's item line in ``width`` pixels, elided in the middle.

    Its ends say the most: a place's paragraph (``2025年经济社会发展…政策取向 · 第20段``), a figure's
    field (``规上工业…总产值 · 数值``), an unreviewed figure's tag at the start.
    """
    return metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, width)


class HitDelegate(QStyledItemDelegate):
    """Draws a hit on two lines: its item, then context · match · context; never as HTML.

    The match stays in view on a narrow list: the context before it is elided on the left.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem  # when the first hit is drawn

        parts = index.data(SearchResultsModel.CONTEXT_ROLE)
        if not parts:
            header = QStyleOptionViewItem(option)
            self.initStyleOption(header, index)
            header.font.setBold(True)
            style = header.widget.style() if header.widget else None
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, header, painter, header.widget)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        painter.save()
        rect: QRect = option.rect.adjusted(14, 1, -4, -1)
        line = rect.height() // 2
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        normal = palette.highlightedText().color() if selected else palette.text().color()
        dim = normal if selected else palette.placeholderText().color()
        metrics = QFontMetrics(option.font)
        label_font = QFont(option.font)
        painter.setPen(dim)
        if index.data(SearchResultsModel.UNREVIEWED_ROLE):  # besides the words 〔未审核〕: italic, in colour
            label_font.setItalic(True)
            painter.setPen(normal if selected else unreviewed_brush_colour())
        painter.setFont(label_font)
        label = str(index.data(SearchResultsModel.ITEM_ROLE) or "")
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignVCenter),
            item_line(label, QFontMetrics(label_font), rect.width()),
        )
        before, match, after = parts
        bold = QFont(option.font)
        bold.setBold(True)
        strong = QFontMetrics(bold)
        match_text = strong.elidedText(match, Qt.TextElideMode.ElideRight, rect.width())
        match_width = strong.horizontalAdvance(match_text)
        room = max(rect.width() - match_width, 0)
        before_room = min(
            metrics.horizontalAdvance(before),
            room // 2 + max(room // 2 - metrics.horizontalAdvance(after), 0),
        )
        before_text = (
            metrics.elidedText(before, Qt.TextElideMode.ElideLeft, before_room) if before_room > 0 else ""
        )
        x = rect.left()
        bottom = rect.top() + line
        for text, font, pen in (
            (before_text, option.font, normal),
            (match_text, bold, normal if selected else Qt.GlobalColor.darkRed),
            (after, option.font, normal),
        ):
            room = rect.right() - x
            if room <= 0 or not text:
                continue
            font_metrics = QFontMetrics(font)
            shown = font_metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(
                QRect(x, bottom, room, rect.height() - line), int(Qt.AlignmentFlag.AlignVCenter), shown
            )
            x += font_metrics.horizontalAdvance(shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        height = max(size.height(), QFontMetrics(option.font).height() + 6)
        if index.data(SearchResultsModel.CONTEXT_ROLE):
            height = 2 * QFontMetrics(option.font).height() + 4
        return QSize(size.width(), height)
