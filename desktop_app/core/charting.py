"""Which figures go on which chart. No Qt: the chart widgets only draw what this decides.

Rules: one chart never mixes units (so figures are grouped by what their axis
measures); ranks are drawn with lower-is-better so the axis can be inverted;
each bar keeps its kind so estimates, targets and derived values can be drawn
differently from achieved figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.language import Language
from desktop_app.core.model import AnyIndicator, DerivedIndicator, Indicator, IndicatorKind
from desktop_app.core.presentation import number_text, plot_value, value_text
from desktop_app.core.words import word


@dataclass(frozen=True, slots=True)
class ChartItem:
    """One bar: an indicator's plotted value and what a reader needs to read it right."""

    indicator_id: str
    label: str
    value: float
    unit: str
    year: int
    kind: IndicatorKind
    range_low: float | None = None
    range_high: float | None = None


@dataclass(frozen=True, slots=True)
class ChartGroup:
    """Bars that share one axis."""

    key: str
    title: str
    title_en: str
    unit: str
    lower_is_better: bool
    items: tuple[ChartItem, ...]


def item_value_text(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """A plotted figure's value as the tree and the PDF write it: ``2504 亿元``, a derived ``≈7154 亿元``."""
    text = value_text(item.value, item.unit)
    if item.kind is IndicatorKind.DERIVED:
        return word("figure.derived_marker", lang) + text
    return text


def item_range_text(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """The range a derived figure's rounding allows, worded as everywhere else; "" without one."""
    if item.range_low is None or item.range_high is None:
        return ""
    text = word("figure.range_text", lang).format(
        low=number_text(item.range_low), high=number_text(item.range_high)
    )
    return f"{text} {item.unit}" if item.unit else text


_ORDER = ("amount", "share", "rank", "rank_change", "count", "other")


def _family(indicator: AnyIndicator) -> str:
    if isinstance(indicator, DerivedIndicator):
        return "amount" if indicator.unit.endswith("元") else "other"
    if indicator.unit.endswith("元"):
        return "amount"
    if indicator.unit == "%":
        return "share"
    if indicator.unit_normalised == "rank":
        return "rank"
    if indicator.kind is IndicatorKind.RANK_CHANGE:
        return "rank_change"
    if indicator.kind in (IndicatorKind.COUNT, IndicatorKind.TARGET):
        return "count"
    return "other"


def _item(indicator: AnyIndicator) -> ChartItem:
    value, unit = plot_value(indicator)
    if isinstance(indicator, DerivedIndicator):
        return ChartItem(
            indicator.id,
            indicator.name,
            value,
            unit,
            indicator.year,
            indicator.kind,
            indicator.range_low,
            indicator.range_high,
        )
    return ChartItem(indicator.id, indicator.name, value, unit, indicator.year, indicator.kind)


def chart_groups(indicators: Iterable[AnyIndicator]) -> list[ChartGroup]:
    """Group figures into charts with one unit per axis, in a stable order.

    Counts are split by unit (个, 户, 所 …) and amounts by currency unit, so an
    axis never mixes them; a group whose only member is a zero (e.g. villages
    "全部清零") is still drawn, since the zero is the news.
    """
    buckets: dict[tuple[str, str], list[ChartItem]] = {}
    lower: dict[tuple[str, str], bool] = {}
    for indicator in indicators:
        family = _family(indicator)
        item = _item(indicator)
        unit = "" if family in ("rank", "share", "rank_change") else item.unit
        key = (family, unit)
        buckets.setdefault(key, []).append(item)
        lower[key] = isinstance(indicator, Indicator) and indicator.lower_is_better and family == "rank"
    groups = []
    for (family, unit), items in sorted(buckets.items(), key=lambda kv: (_ORDER.index(kv[0][0]), kv[0][1])):
        title, title_en = word(f"chart.{family}", Language.ZH), word(f"chart.{family}", Language.EN)
        suffix = word("chart.unit_suffix", Language.ZH).format(unit=unit) if unit else ""
        suffix_en = word("chart.unit_suffix", Language.EN).format(unit=unit) if unit else ""
        axis_unit = {"share": "%", "rank": "名", "rank_change": "位次"}.get(family, unit)
        groups.append(
            ChartGroup(
                key=f"{family}:{unit}",
                title=title + suffix,
                title_en=title_en + suffix_en,
                unit=axis_unit,
                lower_is_better=lower[(family, unit)],
                items=tuple(items),
            )
        )
    return groups
