"""The words of a chart: titles, axis captions, legend entries and hover text.

Words drawn inside a chart follow the chart's language (a Chinese PDF printed from an English
interface keeps Chinese charts), so they come from :mod:`desktop_app.core.words`; a figure's value,
year and kind are written by :mod:`desktop_app.core.presentation`, as in the tree, the table and
the PDF. Only the punctuation around them is an interface translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QWidget

from desktop_app.core.charting import (
    ChartGroup,
    ChartItem,
    ChartStyle,
    item_label,
    item_range_text,
    item_value_text,
)
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind
from desktop_app.core.presentation import fill, kind_label, visible_text, year_text
from desktop_app.core.words import word
from desktop_app.qt.text import tooltip

__all__ = [
    "axis_caption",
    "group_title",
    "hover_details",
    "hover_text",
    "legend_text",
    "show_hover_tooltip",
]


def group_title(group: ChartGroup, lang: Language | str) -> str:
    """A chart's title in ``lang`` (the Chinese one where the group has no English title)."""
    if Language.from_tag(lang) is Language.EN and group.title_en:
        return group.title_en
    return group.title


def hover_details(item: ChartItem, lang: Language | str) -> str:
    """A figure's value, year and kind (and a derived figure's range), e.g. ``2504 亿元 (2023年, 实绩)``."""
    text = fill(
        QCoreApplication.translate("ChartPanel", "%1 (%2, %3)"),
        item_value_text(item, lang),
        year_text(item.year, lang),
        kind_label(item.kind, lang),
    )
    ranges = item_range_text(item, lang)
    if ranges:
        text += fill(QCoreApplication.translate("ChartPanel", "; %1"), ranges)
    return text


def hover_text(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """One line about a figure for the status bar: name, exact value with unit, year and kind.

    Args:
        item: The figure.
        lang: The chart's language, for the kind and the year.

    Returns:
        Plain text, e.g. ``规上工业总产值: 2504 亿元 (2023年, 实绩)``; a derived figure adds its range.
    """
    return fill(
        QCoreApplication.translate("ChartPanel", "%1: %2"),
        visible_text(item_label(item, lang)),
        hover_details(item, lang),
    )


def axis_caption(group: ChartGroup, lang: Language | str) -> str:
    """What the value axis measures: its unit (places in the chart's language); lower is better for ranks."""
    unit = group.unit
    if group.style is ChartStyle.DOTS:
        unit = word("chart.rank_unit", lang)
    elif group.key.startswith("rank_change:"):
        unit = word("chart.places", lang)
    if group.lower_is_better:
        if unit:
            return word("chart.unit_lower", lang).format(unit=unit)
        return word("figure.lower_is_better", lang)
    return unit


def legend_text(kind: IndicatorKind, lang: Language | str, *, whisker: bool) -> str:
    """A legend entry: the kind's name, saying so when its bars carry a range whisker."""
    label = kind_label(kind, lang)
    if whisker:
        return word("chart.with_range", lang).format(label=label)
    return label


def show_hover_tooltip(widget: QWidget, item: ChartItem | None, lang: Language | str) -> None:
    """Give ``widget`` the tooltip of the figure under the mouse (escaped), or none for ``None``."""
    if item is None:
        widget.setToolTip("")
        QToolTip.hideText()
        return
    rich = tooltip(item_label(item, lang), hover_details(item, lang))
    widget.setToolTip(rich)
    if QToolTip.isVisible():
        QToolTip.showText(QCursor.pos(), rich, widget)
