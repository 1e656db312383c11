"""How figures are written for people: numbers, units, kinds and citations. No Qt.

Full-width punctuation is written as escapes because editors fold it to ASCII.
"""

from __future__ import annotations

from desktop_app.core.model import (
    AnyIndicator,
    DerivedIndicator,
    Indicator,
    IndicatorKind,
    ModifierMeaning,
    Report,
    Scope,
)

KIND_LABELS: dict[IndicatorKind, tuple[str, str]] = {
    IndicatorKind.ACHIEVED: ("实绩", "achieved"),
    IndicatorKind.ESTIMATE: ("预计", "estimate"),
    IndicatorKind.TARGET: ("目标", "target"),
    IndicatorKind.RANK: ("排名", "rank"),
    IndicatorKind.RANK_CHANGE: ("排名变化", "rank change"),
    IndicatorKind.SHARE: ("占比", "share"),
    IndicatorKind.COUNT: ("数量", "count"),
    IndicatorKind.RATE: ("比率", "rate"),
    IndicatorKind.BOUND: ("界限", "bound"),
    IndicatorKind.DERIVED: ("推算", "derived"),
}

MEANING_LABELS: dict[ModifierMeaning, tuple[str, str]] = {
    ModifierMeaning.EXACT: ("确数", "exact"),
    ModifierMeaning.LOWER_BOUND: ("下限", "lower bound"),
    ModifierMeaning.UPPER_BOUND: ("上限", "upper bound"),
    ModifierMeaning.APPROXIMATE: ("约数", "approximate"),
    ModifierMeaning.ASPIRATION: ("力争", "aspiration"),
    ModifierMeaning.ASPIRATION_LOWER_BOUND: ("力争下限", "aspiration, lower bound"),
    ModifierMeaning.ESTIMATE: ("预计", "estimate"),
    ModifierMeaning.ESTIMATE_LOWER_BOUND: ("预计下限", "estimate, lower bound"),
    ModifierMeaning.ELIMINATED: ("清零", "eliminated"),
}

SCOPE_LABELS: dict[Scope, tuple[str, str]] = {
    Scope.DISTRICT: ("区", "district"),
    Scope.CITY: ("市", "city"),
    Scope.PROVINCE: ("省", "province"),
    Scope.NATION: ("全国", "nation"),
}

# Units whose value reads better in a unit other than the one written (万户 → 户).
_DISPLAY_UNITS = {"households": "户"}


def lang_code(lang: str) -> str:
    """``"zh"`` for any Chinese language tag (``zh``, ``zh_CN`` …), ``"en"`` for anything else."""
    return "zh" if lang.startswith("zh") else "en"


def _pick(labels: tuple[str, str], lang: str) -> str:
    return labels[0] if lang_code(lang) == "zh" else labels[1]


def kind_label(kind: IndicatorKind, lang: str = "zh") -> str:
    return _pick(KIND_LABELS[kind], lang)


def meaning_label(meaning: ModifierMeaning, lang: str = "zh") -> str:
    return _pick(MEANING_LABELS[meaning], lang)


def scope_label(scope: Scope, lang: str = "zh") -> str:
    return _pick(SCOPE_LABELS[scope], lang)


def format_number(value: float) -> str:
    """A number as the article writes it: no trailing zeros, no exponent, no grouping."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def value_with_unit(indicator: AnyIndicator) -> str:
    """The value and its unit as written, e.g. ``2504 亿元``, ``35%``, ``0.15``."""
    number = format_number(indicator.value)
    unit = indicator.unit
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}"


def plot_value(indicator: AnyIndicator) -> tuple[float, str]:
    """The value and unit to plot, so that one axis never mixes 户 with 万户."""
    if isinstance(indicator, Indicator) and indicator.unit_normalised in _DISPLAY_UNITS:
        return indicator.normalised_value, _DISPLAY_UNITS[indicator.unit_normalised]
    return indicator.value, indicator.unit


def year_label(indicator: AnyIndicator) -> str:
    return f"{indicator.year}年"


def derived_description(derived: DerivedIndicator, report: Report) -> str:
    """The formula with its inputs spelt out, e.g. ``a / (b / 100), a = 规上工业总产值 2504 亿元 …``."""
    parts = []
    for item in derived.inputs:
        source = report.indicator_by_id[item.indicator_id]
        parts.append(
            f"{item.symbol} = {source.name} {value_with_unit(source)} (±{format_number(item.half_width)})"
        )
    low, high = format_number(derived.range_low), format_number(derived.range_high)
    return f"{derived.formula}\uff1b" + "\uff1b".join(parts) + f"\uff1b范围 {low}–{high} {derived.unit}"


def citation(indicator: AnyIndicator, report: Report) -> str:
    """A figure with its sentence and the source, for the clipboard."""
    meta = report.metadata
    if isinstance(indicator, Indicator):
        body = (
            f"{indicator.name}\uff1a{value_with_unit(indicator)}"
            f"\uff08{indicator.year}年\uff0c{kind_label(indicator.kind)}\uff09"
        )
        quote = f"“{indicator.sentence.text}”"
        where = f"[{indicator.sentence.paragraph_id}:{indicator.sentence.start}–{indicator.sentence.end}]"
        return f"{body}\n{quote}\n—— {meta.citation} {where}"
    body = (
        f"{indicator.name}\uff1a约 {value_with_unit(indicator)}"
        f"\uff08推算\uff0c{derived_description(indicator, report)}\uff09"
    )
    return f"{body}\n—— 据 {meta.citation} 推算"


# Characters that would hide or reorder text when shown: C0/C1 controls (except newline and tab),
# bidirectional overrides and isolates, and zero-width joiners used to disguise text.
_INVISIBLE = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {chr(c) for c in range(0x7F, 0xA0)}
_INVISIBLE |= {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


def visible_text(text: str, limit: int | None = None) -> str:
    """Text from a dataset made safe to show literally: invisible controls become ``⟨U+202E⟩``.

    Args:
        text: any string from a dataset.
        limit: if given, longer text is cut to this many characters and ends with ``…``.
    """
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    if not _INVISIBLE.intersection(text):
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if c in _INVISIBLE else c for c in text)
