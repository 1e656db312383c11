"""How each kind of figure is drawn, and the sizes of a chart on screen and in print.

The colours come from :data:`desktop_app.core.presentation.KIND_PALETTE`, the table the detail
pane's badges are checked against, so a kind has one colour everywhere. Kinds are drawn so that a
reader can tell them apart:

========================  =====================================================
achieved                  solid fill
estimate                  light fill with a diagonal hatch
target                    no fill, dashed outline
derived                   faint fill, dotted outline and a whisker for its range
bound (前5, 十强 …)       light fill with a cross-hatch
rank, share, count …      solid fill in the kind's colour
========================  =====================================================

An unreviewed figure (shown only on request) is drawn apart whatever its kind: a faint fill under a
dense hatch in :data:`~desktop_app.core.unreviewed.UNREVIEWED_COLOUR`, a dash-dot outline, a hollow
dot for a rank, and ``〔未审核〕`` before its label (:func:`tick_labels`), so it never passes for a
checked figure in print either.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import QApplication

from desktop_app.core.charting import ChartGroup, item_name, item_tag
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind
from desktop_app.core.presentation import KIND_PALETTE, visible_text
from desktop_app.core.unreviewed import UNREVIEWED_COLOUR
from desktop_app.qt import fonts
from desktop_app.qt.charts.config import FOREGROUND

BAR_HEIGHT = 0.6
"""The thickness of a bar, as a fraction of the distance between rows."""
LABEL_EMS = 15
"""Category labels longer than this many ems are cut with "…" (the tooltip has the full text)."""
SCREEN_DPI = 96
PRINT_POINT_SIZE = 9.0
"""The base font size, in points, of charts rendered for print and export."""
GRID_ALPHA = 0.25
MIN_VALUE_AXIS = 120
"""The narrowest a chart's value axis gets (pixels at 96 dpi) before the panel scrolls instead."""


@dataclass(frozen=True, slots=True)
class KindLook:
    """How bars of one kind are drawn (the colour is the kind's in :data:`KIND_PALETTE`)."""

    fill_alpha: int  # 0 = no fill
    pattern: Qt.BrushStyle  # drawn over the fill; NoBrush for none
    outline: Qt.PenStyle
    outline_width: float
    whisker: bool = False


_SOLID = KindLook(255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0)

KIND_LOOKS: dict[IndicatorKind, KindLook] = {
    IndicatorKind.ACHIEVED: _SOLID,
    IndicatorKind.ESTIMATE: KindLook(70, Qt.BrushStyle.BDiagPattern, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.TARGET: KindLook(0, Qt.BrushStyle.NoBrush, Qt.PenStyle.DashLine, 2.0),
    IndicatorKind.DERIVED: KindLook(35, Qt.BrushStyle.NoBrush, Qt.PenStyle.DotLine, 2.0, whisker=True),
    IndicatorKind.BOUND: KindLook(60, Qt.BrushStyle.DiagCrossPattern, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.RANK: _SOLID,
    IndicatorKind.RANK_CHANGE: _SOLID,
    IndicatorKind.SHARE: _SOLID,
    IndicatorKind.RATE: _SOLID,
    IndicatorKind.COUNT: _SOLID,
}


UNREVIEWED_LOOK = KindLook(40, Qt.BrushStyle.Dense5Pattern, Qt.PenStyle.DashDotLine, 2.0)
"""How a bar of an unreviewed figure is drawn, whatever its kind."""


def kind_colour(kind: IndicatorKind) -> QColor:
    """The kind's colour, from the one palette (the detail pane's badges use the same)."""
    return QColor(KIND_PALETTE.get(kind.value, FOREGROUND.name()))


def kind_look(kind: IndicatorKind) -> KindLook:
    """How bars of ``kind`` are drawn; a kind without its own look is drawn solid."""
    return KIND_LOOKS.get(kind, _SOLID)


class BarStyle(NamedTuple):
    """How one bar is drawn: a fill, a pattern over the fill, and an outline."""

    fill: QBrush
    pattern: QBrush
    pen: QPen


@dataclass(frozen=True, slots=True)
class Look:
    """Sizes for one rendering: the screen (scale 1, the UI's point size) or print (pixel fonts).

    Lengths are given in pixels at 96 dpi and multiplied by ``scale``.
    """

    scale: float = 1.0
    point_size: float = 0.0  # 0: the application's font size
    pixel_fonts: bool = False
    object_prefix: str = "chart"

    @classmethod
    def for_print(cls, dpi: float) -> Look:
        """The look of a chart rendered for print or export at ``dpi``."""
        return cls(dpi / SCREEN_DPI, PRINT_POINT_SIZE, pixel_fonts=True, object_prefix="printChart")

    @property
    def interactive(self) -> bool:
        """Whether this is the on-screen look (with buttons), not a rendering for print or export."""
        return self.object_prefix == "chart"

    def px(self, length: float) -> float:
        """``length`` pixels at 96 dpi in this look's pixels."""
        return length * self.scale

    def font(self, factor: float = 1.0, *, bold: bool = False) -> QFont:
        """The chart font, ``factor`` times the base size."""
        font = QFont(fonts.ui_font_family())
        points = self.point_size or QApplication.font().pointSizeF()
        if points <= 0:
            points = PRINT_POINT_SIZE
        points *= factor
        if self.pixel_fonts:
            font.setPixelSize(max(1, round(points * SCREEN_DPI / 72 * self.scale)))
        else:
            font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def bar_style(self, kind: IndicatorKind, *, unreviewed: bool = False) -> BarStyle:
        """The fill, pattern and outline of a bar of ``kind``; an unreviewed figure's is its own."""
        look = kind_look(kind)
        colour = kind_colour(kind)
        if unreviewed:
            look = UNREVIEWED_LOOK
            colour = QColor(UNREVIEWED_COLOUR)
        fill_colour = QColor(colour)
        fill_colour.setAlpha(look.fill_alpha)
        fill = QBrush(fill_colour) if look.fill_alpha else QBrush(Qt.BrushStyle.NoBrush)
        pattern = QBrush(colour.darker(110), look.pattern)
        if look.pattern != Qt.BrushStyle.NoBrush and self.scale != 1.0:
            pattern.setTransform(QTransform.fromScale(self.scale, self.scale))
        pen = QPen(colour.darker(120) if look.fill_alpha == 255 else colour)
        pen.setStyle(look.outline)
        pen.setWidthF(self.px(look.outline_width))
        pen.setCosmetic(True)
        return BarStyle(fill, pattern, pen)

    def whisker_pen(self, kind: IndicatorKind) -> QPen:
        """The pen of a derived figure's range whisker."""
        pen = QPen(kind_colour(kind))
        pen.setWidthF(self.px(1.5))
        pen.setCosmetic(True)
        return pen

    def line_pen(self, colour: QColor = FOREGROUND) -> QPen:
        """A one-pixel line (axes)."""
        pen = QPen(colour)
        pen.setWidthF(self.px(1.0))
        pen.setCosmetic(True)
        return pen


# --- sizes known before a chart is built -----------------------------------------------------------


def tick_labels(
    group: ChartGroup, look: Look, limit_px: float | None = None, lang: Language | str = Language.ZH
) -> list[str]:
    """The row labels of a group's chart in ``lang``, elided to :data:`LABEL_EMS` ems (or ``limit_px``).

    Only the name is elided: an unreviewed figure's ``〔未审核〕`` is always there in full. Names are
    cut at the end, but where two different names would then read alike ("National rank among
    top-100 …" twice) they are cut in the middle instead, or else at the start, to tell them apart.
    """
    metrics = QFontMetricsF(look.font())
    limit = metrics.horizontalAdvance("中") * LABEL_EMS
    if limit_px is not None:
        limit = max(min(limit, limit_px), metrics.horizontalAdvance("中…"))
    tags = [item_tag(item, lang) for item in group.items]
    names = [visible_text(item_name(item, lang)) for item in group.items]
    rooms = [max(limit - metrics.horizontalAdvance(tag), metrics.horizontalAdvance("中…")) for tag in tags]
    labels = [
        tag + metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        for tag, name, room in zip(tags, names, rooms, strict=True)
    ]
    for mode in (Qt.TextElideMode.ElideMiddle, Qt.TextElideMode.ElideLeft):
        full_names: dict[str, set[str]] = {}
        for label, tag, name in zip(labels, tags, names, strict=True):
            full_names.setdefault(label, set()).add(tag + name)
        alike = [n for n, label in enumerate(labels) if len(full_names[label]) > 1]
        if not alike:
            break
        for n in alike:
            labels[n] = tags[n] + metrics.elidedText(names[n], mode, rooms[n])
    return labels


def label_margin(look: Look) -> float:
    """The room beside the widest label: the tick text offset and a margin."""
    return round(look.px(6)) + look.px(8)


def natural_label_width(
    group: ChartGroup, look: Look | None = None, lang: Language | str = Language.ZH
) -> int:
    """The width in pixels the label axis of a group's chart needs for its widest label."""
    look = look or Look()
    metrics = QFontMetricsF(look.font())
    labels = tick_labels(group, look, lang=lang)
    widest = max((metrics.horizontalAdvance(text) for text in labels), default=0.0)
    return math.ceil(widest + label_margin(look))
