"""Which figures go on which chart, and how. No Qt: the chart widgets only draw what this decides.

Rules, each decided once here:

* **One axis, one kind of quantity.** Amounts are split by currency unit and by geographic scope (a
  derived city-level total never dwarfs district figures on one axis); counts are split by what they
  count (``unit_normalised``: villages, projects and campaigns are not one chart).
* **Shares and rates** (``%``) are drawn on a 0–100 % axis, always, so 35 % never fills a chart.
* **Ranks** are dots on their list's own scale (1–100 for a 百强 list), one chart per scale and
  scope (national top-100 lists never share an axis with a provincial ranking or a city review);
  a rank whose list size is unknown has no scale and is shown as a number.
* **Bounds** (低于 0.15, 前 5, 十强) carry their sign (``<``, ``≤``, ``>``, ``≥``) and are drawn as markers,
  never as bars.
* **A single value** is not a chart: it is shown as a number card (:attr:`ChartStyle.NUMBERS`).
* **Unreviewed figures** (proposed, shown only on request) are marked on their item
  (:attr:`ChartItem.unreviewed`) and carry ``〔未审核〕`` before their label (:func:`item_label`); the chart
  widgets draw them apart as well (hatched, hollow), never by colour alone.
* **Caps**: a chart shows at most :data:`MAX_ROWS` rows (the largest values, or the best ranks) and
  says how many more there are (:attr:`ChartGroup.omitted`), so thousands of figures never make a
  chart, an image or a PDF page that cannot be drawn.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.core.language import Language
from desktop_app.core.model import (
    AnyIndicator,
    DerivedIndicator,
    Indicator,
    IndicatorKind,
    ModifierMeaning,
    Report,
)
from desktop_app.core.presentation import (
    derived_marker,
    plot_value,
    value_range_text,
    value_text,
)
from desktop_app.core.unreviewed import is_unreviewed
from desktop_app.core.words import word

__all__ = [
    "MAX_ROWS",
    "ChartGroup",
    "ChartItem",
    "ChartStyle",
    "bound_sign",
    "chart_groups",
    "chart_source_line",
    "item_label",
    "item_name",
    "item_range_text",
    "item_tag",
    "item_value_text",
    "ranking_list_size",
]

MAX_ROWS = 30
"""The most rows (bars, dots or number cards) one chart shows; the rest are counted, not drawn."""


class ChartStyle(enum.StrEnum):
    """How a group is drawn."""

    BARS = "bars"  # horizontal bars from zero (bounds as markers)
    DOTS = "dots"  # ranks: a dot per ranking on its list's scale
    NUMBERS = "numbers"  # single values: one number card each


@dataclass(frozen=True, slots=True)
class ChartItem:
    """One row of a chart: an indicator's plotted value and what a reader needs to read it right.

    Attributes:
        bound: ``"<"``, ``"≤"``, ``">"`` or ``"≥"`` for a value that is a bound (低于 0.15, 前 5,
            突破 100), else "".
        list_size: for a rank, the size of the list it is a place in (100 for a 百强 list), if known.
        label_en: the figure's English name, if the dataset has one.
        unreviewed: the figure awaits review (shown only on request, and marked).
    """

    indicator_id: str
    label: str
    value: float
    unit: str
    year: int
    kind: IndicatorKind
    range_low: float | None = None
    range_high: float | None = None
    bound: str = ""
    list_size: int | None = None
    label_en: str = ""
    unreviewed: bool = False


@dataclass(frozen=True, slots=True)
class ChartGroup:
    """Rows that share one axis (or, for :attr:`ChartStyle.NUMBERS`, one block of number cards).

    Attributes:
        axis_low, axis_high: a fixed value axis (0–100 for shares, 1–N for ranks), or None for one
            fitted to the values.
        omitted: how many figures of this group are not drawn because of :data:`MAX_ROWS`.
    """

    key: str
    title: str
    title_en: str
    unit: str
    lower_is_better: bool
    items: tuple[ChartItem, ...]
    style: ChartStyle = ChartStyle.BARS
    axis_low: float | None = None
    axis_high: float | None = None
    omitted: int = 0


# --- how one figure is written on a chart --------------------------------------------------------


def item_name(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """A row's figure name: the English name in English where the dataset has one."""
    if Language.from_tag(lang) is Language.EN and item.label_en:
        return item.label_en
    return item.label


def item_tag(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """What precedes an unreviewed figure's name on a chart (``〔未审核〕``); "" for a confirmed one."""
    return word("figure.unreviewed_tag", lang) if item.unreviewed else ""


def item_label(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """A row's label: for an unreviewed figure :func:`item_tag`, then its name (:func:`item_name`)."""
    return item_tag(item, lang) + item_name(item, lang)


def item_value_text(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """A plotted figure's value as the tree and the PDF write it: ``2504 亿元``, ``≈7154 亿元``, ``<0.15``."""
    derived = item.kind is IndicatorKind.DERIVED
    return (derived_marker(True, lang) if derived else item.bound) + value_text(item.value, item.unit)


def item_range_text(item: ChartItem, lang: Language | str = Language.ZH) -> str:
    """The range a derived figure's rounding allows, worded as everywhere else; "" without one."""
    if item.range_low is None or item.range_high is None:
        return ""
    return value_range_text(item.range_low, item.range_high, item.unit, lang)


def chart_source_line(report: Report, lang: Language | str = Language.ZH) -> str:
    """The line under an exported chart saying where its figures come from (report, date, dataset)."""
    meta = report.metadata
    english = Language.from_tag(lang) is Language.EN
    title = meta.title_en if english and meta.title_en else meta.title
    citation = meta.citation_en if english else meta.citation
    return word("chart.source", lang).format(title=title, citation=citation, dataset=report.id)


# --- facts about one figure ----------------------------------------------------------------------

# Modifiers that exclude the bound itself (低于 0.15 is "< 0.15"; 前 5 is "≤ 5").
_STRICT_UPPER = ("低于", "少于", "小于", "不足", "不到", "below", "less than")
_STRICT_LOWER = ("突破", "超过", "高于", "多于", "超", "above", "more than")
_UPPER = (ModifierMeaning.UPPER_BOUND,)
_LOWER = (
    ModifierMeaning.LOWER_BOUND,
    ModifierMeaning.ASPIRATION_LOWER_BOUND,
    ModifierMeaning.ESTIMATE_LOWER_BOUND,
)


def bound_sign(indicator: AnyIndicator) -> str:
    """``<``/``≤`` for an upper bound, ``>``/``≥`` for a lower bound, "" for any other figure.

    Whether the bound itself is included is read from the modifier as written (低于 excludes it,
    前/以内/以上 include it).
    """
    if not isinstance(indicator, Indicator):
        return ""
    modifier = indicator.modifier
    if indicator.modifier_meaning in _UPPER:
        return "<" if any(w in modifier for w in _STRICT_UPPER) else "≤"
    if indicator.modifier_meaning in _LOWER:
        return ">" if any(w in modifier for w in _STRICT_LOWER) else "≥"
    return ""


_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_LIST_NAME = re.compile(r"(\d+|[一二两三四五六七八九十百千]+)强")


def _chinese_number(text: str) -> int | None:
    """``百`` → 100, ``五十`` → 50, ``十`` → 10, ``500`` → 500; None for anything else."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in _NUMERALS:
            digit = _NUMERALS[char]
        elif char in "十百千":
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[char]
            digit = None
        else:
            return None
    return total + (digit or 0) or None


def ranking_list_size(indicator: AnyIndicator) -> int | None:
    """The size of the list a rank is a place in, if the figure says: 百强区 → 100, 五十强 → 50.

    Read from the figure's name (the Chinese way of naming a top-N list, N强); None when the name
    names no such list or the rank would not fit in it.
    """
    if not isinstance(indicator, Indicator) or indicator.unit_normalised != "rank":
        return None
    for match in _LIST_NAME.finditer(indicator.name):
        size = _chinese_number(match.group(1))
        if size is not None and 1 <= indicator.value <= size:
            return size
    return None


# --- grouping -------------------------------------------------------------------------------------

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
    low, high = (
        (indicator.range_low, indicator.range_high)
        if isinstance(indicator, DerivedIndicator)
        else (None, None)
    )
    return ChartItem(
        indicator.id,
        indicator.name,
        value,
        unit,
        indicator.year,
        indicator.kind,
        low,
        high,
        bound=bound_sign(indicator),
        list_size=ranking_list_size(indicator),
        label_en=indicator.name_en,
        unreviewed=is_unreviewed(indicator),
    )


def _bucket(indicator: AnyIndicator, item: ChartItem) -> tuple[str, str, str]:
    """The (family, what the axis measures, scope) a figure is charted with."""
    family = _family(indicator)
    scope = indicator.scope.value
    if family == "amount":
        return family, item.unit, scope
    if family == "rank":
        return family, str(item.list_size or ""), scope
    if family == "count":
        # What is counted: villages, projects, campaigns … never one axis for unlike things.
        thing = indicator.unit_normalised if isinstance(indicator, Indicator) else item.unit
        return family, thing or item.unit, ""
    if family == "other":
        return family, item.unit, ""
    return family, "", ""


def _capped(items: Sequence[ChartItem], lower_is_better: bool | None) -> tuple[tuple[ChartItem, ...], int]:
    """At most :data:`MAX_ROWS` items and how many more there are.

    Kept are the largest values (the best ranks where ``lower_is_better``), in their order; with
    ``lower_is_better`` None (values of unlike things), the first ones.
    """
    if len(items) <= MAX_ROWS:
        return tuple(items), 0
    if lower_is_better is None:
        return tuple(items[:MAX_ROWS]), len(items) - MAX_ROWS
    ranked = sorted(range(len(items)), key=lambda i: items[i].value, reverse=not lower_is_better)
    keep = sorted(ranked[:MAX_ROWS])
    return tuple(items[i] for i in keep), len(items) - MAX_ROWS


def _axis_unit(items: Sequence[ChartItem]) -> str:
    """The unit written on a count axis: the items' unit, or all of them where they differ (个、个村)."""
    units = list(dict.fromkeys(item.unit for item in items if item.unit))
    return "\u3001".join(units)


def _fits_percent_axis(items: Sequence[ChartItem]) -> bool:
    return all(
        0 <= v <= 100
        for item in items
        for v in (item.value, item.range_low, item.range_high)
        if v is not None
    )


def _titles(family: str, unit: str, scope: str, list_size: int | None) -> tuple[str, str]:
    zh, en = word(f"chart.{family}", Language.ZH), word(f"chart.{family}", Language.EN)
    if unit and family in ("amount", "count", "other"):
        zh += word("chart.unit_suffix", Language.ZH).format(unit=unit)
        en += word("chart.unit_suffix", Language.EN).format(unit=unit)
    if scope:
        zh += " · " + word(f"chart.scope.{scope}", Language.ZH)
        en += " · " + word(f"chart.scope.{scope}", Language.EN)
    if list_size:
        zh += " · " + word("chart.list_size", Language.ZH).format(n=list_size)
        en += " · " + word("chart.list_size", Language.EN).format(n=list_size)
    return zh, en


def chart_groups(indicators: Iterable[AnyIndicator]) -> list[ChartGroup]:
    """Group figures into charts by the rules of this module, in a stable order.

    Multi-row groups come first in the order amounts, shares, ranks, rank changes, counts, others;
    every figure that would be a chart of its own (or a rank without a scale) is gathered into one
    last group of number cards. A figure that is zero is still shown (a zero is news: all villages
    below 200k cleared).

    Returns:
        The groups; each has at most :data:`MAX_ROWS` items and counts the rest in ``omitted``.
    """
    buckets: dict[tuple[str, str, str], list[ChartItem]] = {}
    order: dict[str, int] = {}
    for indicator in indicators:
        order.setdefault(indicator.id, len(order))
        item = _item(indicator)
        buckets.setdefault(_bucket(indicator, item), []).append(item)
    # The scope most amounts have goes without saying; the others are named in the title.
    amount_scopes = Counter(
        scope for (family, _, scope), items in buckets.items() if family == "amount" for _ in items
    )
    usual_scope = amount_scopes.most_common(1)[0][0] if amount_scopes else ""

    groups: list[ChartGroup] = []
    numbers: list[ChartItem] = []
    for (family, measure, scope), items in sorted(
        buckets.items(), key=lambda kv: (_ORDER.index(kv[0][0]), kv[0][1], kv[0][2])
    ):
        if family == "rank":
            size = int(measure) if measure else None
            if size is None:
                numbers.extend(items)  # no scale to place it on
                continue
            title, title_en = _titles(family, "", scope, size)
            rows, omitted = _capped(items, lower_is_better=True)
            groups.append(
                ChartGroup(
                    f"rank:{scope}:{size}",
                    title,
                    title_en,
                    word("chart.rank_unit", Language.ZH),
                    True,
                    rows,
                    ChartStyle.DOTS,
                    1.0,
                    float(size),
                    omitted,
                )
            )
            continue
        if len(items) == 1 and not (family == "share" and _fits_percent_axis(items)):
            numbers.extend(items)  # one value is a number, not a chart
            continue
        named_scope = scope if family == "amount" and scope != usual_scope else ""
        rows, omitted = _capped(items, lower_is_better=False)
        if family == "share":
            unit = "%"
            low, high = (0.0, 100.0) if _fits_percent_axis(items) else (None, None)
            key = "share:"
        elif family == "rank_change":
            unit, low, high, key = word("chart.places", Language.ZH), None, None, "rank_change:"
        elif family == "count":
            unit, low, high = _axis_unit(items), None, None
            key = f"count:{measure}"
        else:
            unit, low, high = measure, None, None
            key = f"{family}:{measure}" + (f"@{named_scope}" if named_scope else "")
        title, title_en = _titles(family, unit if family != "share" else "", named_scope, None)
        groups.append(
            ChartGroup(key, title, title_en, unit, False, rows, ChartStyle.BARS, low, high, omitted)
        )
    if numbers:
        numbers.sort(key=lambda item: order[item.indicator_id])  # as the report lists them
        rows, omitted = _capped(numbers, lower_is_better=None)
        groups.append(
            ChartGroup(
                "numbers:",
                word("chart.numbers", Language.ZH),
                word("chart.numbers", Language.EN),
                "",
                False,
                rows,
                ChartStyle.NUMBERS,
                omitted=omitted,
            )
        )
    return groups
