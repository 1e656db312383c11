"""How item views draw an unreviewed figure besides naming it ``未审核`` (issue 14): italic, in one colour."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from desktop_app.core.unreviewed import UNREVIEWED_COLOUR

__all__ = ["unreviewed_brush_colour", "unreviewed_font"]


def unreviewed_font() -> QFont:
    """The font of an unreviewed figure's row: the view's own, in italics."""
    font = QFont()
    font.setItalic(True)
    return font


def unreviewed_brush_colour() -> QColor:
    """The text colour of an unreviewed figure's row (never the only sign: the row says 未审核 too)."""
    return QColor(UNREVIEWED_COLOUR)
