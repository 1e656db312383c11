"""How the report is written for people: one function for each decision, used by every view. No Qt.

The tree, the detail pane, the figures table, chart hovers, the CSV, the HTML and the PDF all call
these functions, so a figure, a goal area or a label reads the same everywhere. Words come from
:mod:`desktop_app.core.words` in the requested :class:`~desktop_app.core.language.Language`;
report-specific wording (how a goal area is labelled, what the goal areas are called together)
comes from the dataset (:class:`~desktop_app.core.model.Presentation`), never from code.

Full-width punctuation is written as escapes because editors fold it to ASCII.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from desktop_app.core.language import Language
from desktop_app.core.model import (
    AnyIndicator,
    Certainty,
    DerivedIndicator,
    EntityKind,
    GoalArea,
    Indicator,
    IndicatorKind,
    Level,
    LinkBasis,
    ModifierMeaning,
    RepairKind,
    Report,
    Review,
    Scope,
    Section,
)
from desktop_app.core.unreviewed import unreviewed_tag
from desktop_app.core.words import word

__all__ = [
    "KIND_PALETTE",
    "basis_label",
    "bracketed",
    "certainty_label",
    "citation",
    "cited",
    "colon",
    "derived_description",
    "derived_marker",
    "editorial_link",
    "editorial_text",
    "entities_heading",
    "entity_kind_label",
    "enumeration",
    "figure_name",
    "figure_value_text",
    "fill",
    "goal_label",
    "goal_short_label",
    "goals_heading",
    "kind_label",
    "location_text",
    "meaning_label",
    "modifier_text",
    "number_text",
    "numbered_goal_label",
    "paragraph_place",
    "plot_value",
    "range_text",
    "repair_kind_label",
    "repair_note_label",
    "scope_label",
    "source_citation",
    "value_range_text",
    "value_text",
    "visible_text",
    "year_text",
]

_FULL_COMMA, _FULL_COLON, _FULL_SEMICOLON = "\uff0c", "\uff1a", "\uff1b"
_FULL_LEFT, _FULL_RIGHT = "\uff08", "\uff09"

KIND_PALETTE: Final[dict[str, str]] = {
    IndicatorKind.ACHIEVED.value: "#2e7d32",
    IndicatorKind.ESTIMATE.value: "#ef8f00",
    IndicatorKind.TARGET.value: "#1565c0",
    IndicatorKind.DERIVED.value: "#8a4b00",
    IndicatorKind.BOUND.value: "#5d4037",
    IndicatorKind.RANK.value: "#6a1b9a",
    IndicatorKind.RANK_CHANGE.value: "#9c4dcc",
    IndicatorKind.SHARE.value: "#00838f",
    IndicatorKind.RATE.value: "#4fb3bf",
    IndicatorKind.COUNT.value: "#455a64",
    "change": "#37474f",
    "quote": "#78909c",
    "entity": "#78909c",
}
"""The colour of each kind: chart bars and the detail pane's badges (``resources/styles/app.qss``,
checked against this table by a test) use the same one."""


# --- words for codes ----------------------------------------------------------------------------


def kind_label(kind: IndicatorKind | str, lang: Language | str = Language.ZH) -> str:
    """What a kind of figure is called, e.g. ``实绩`` / ``achieved``."""
    return word(f"kind.{kind}", lang)


def review_label(review: Review | str, lang: Language | str = Language.ZH) -> str:
    """A figure's review state: ``待审核`` / ``proposed``, ``已确认``, ``已否决``."""
    return word(f"review.{Review(review).value}", lang)


def level_label(level: Level | str, lang: Language | str = Language.ZH) -> str:
    """Whose report it is: ``区级`` / ``district``."""
    return word(f"level.{Level(level).value}", lang)


def meaning_label(meaning: ModifierMeaning, lang: Language | str = Language.ZH) -> str:
    """What a modifier means, e.g. ``下限`` / ``at least``."""
    return word(f"meaning.{meaning.value}", lang)


def scope_label(scope: Scope, lang: Language | str = Language.ZH) -> str:
    """The geographic frame, e.g. ``区`` / ``district``."""
    return word(f"scope.{scope.value}", lang)


def certainty_label(certainty: Certainty | None, lang: Language | str = Language.ZH) -> str:
    """How sure a reading is, e.g. ``高`` / ``high``; ``?`` when the dataset does not say."""
    return word(f"certainty.{certainty.value}", lang) if certainty is not None else "?"


def repair_kind_label(kind: RepairKind, lang: Language | str = Language.ZH) -> str:
    """The short name of a kind of repair, e.g. ``接续`` / ``join``."""
    return word(f"repair.{kind.value}", lang)


def repair_note_label(kind: RepairKind, lang: Language | str = Language.ZH) -> str:
    """A sentence saying what a kind of repair did, e.g. ``Joined across a column break``."""
    return word(f"repair_note.{kind.value}", lang)


def entity_kind_label(kind: EntityKind, lang: Language | str = Language.ZH) -> str:
    """What one named thing is, e.g. ``园区`` / ``park``."""
    return word(f"entity.{kind.value}", lang)


def entities_heading(kind: EntityKind, lang: Language | str = Language.ZH) -> str:
    """The heading over named things of one kind, e.g. ``重点项目`` / ``Projects``."""
    return word(f"entities.{kind.value}", lang)


def editorial_link(item: object, goal_id: str) -> bool:
    """Whether ``item`` (a figure, quote, entity or section) is linked to ``goal_id`` by the editors only.

    Such links are marked ``*`` wherever an item is listed under its goal area (detail pane, summary).
    """
    links = getattr(item, "goal_links", ())
    return any(link.goal_id == goal_id and link.basis is LinkBasis.EDITORIAL for link in links)


def basis_label(basis: LinkBasis, lang: Language | str = Language.ZH) -> str:
    """Who made a link to a goal area: the article or the editors."""
    return word(f"basis.{basis.value}", lang)


# --- punctuation by language ---------------------------------------------------------------------


def bracketed(text: str, lang: Language | str = Language.ZH) -> str:
    """A parenthetical after a word: ``（确数）`` in Chinese, `` (exact)`` in English; nothing if empty."""
    if not text:
        return ""
    if Language.from_tag(lang) is Language.ZH:
        return f"{_FULL_LEFT}{text}{_FULL_RIGHT}"
    return f" ({text})"


def listed_figure(name: str, value: str, lang: Language | str = Language.ZH) -> str:
    """A figure named in a list: ``规上工业总产值：2504 亿元`` / ``industrial output: 2504 亿元``."""
    return word("figure.listed", lang).format(name=name, value=value)


def kind_tag(kind: IndicatorKind | str, lang: Language | str = Language.ZH) -> str:
    """A figure's kind after it in a list: ``〔预计〕`` / `` [estimate]``."""
    return word("figure.kind_tag", lang).format(kind=kind_label(kind, lang))


def count_suffix(count: int, lang: Language | str = Language.ZH) -> str:
    """How many figures a listed group holds, after its label: ``（8）`` / ``  (8)``."""
    return word("figure.count", lang).format(n=count)


def enumeration(items: Iterable[str], lang: Language | str = Language.ZH) -> str:
    """Items listed in running text: ``接续 5、删除版面元素 6`` / ``join 5, drop 6``."""
    return ("、" if Language.from_tag(lang) is Language.ZH else ", ").join(i for i in items if i)


def modifier_text(modifier: str, meaning: ModifierMeaning, lang: Language | str = Language.ZH) -> str:
    """A figure's modifier word as written, with what it means: ``实现（确数）`` / ``实现 (exact)``.

    What stands first is always a word of the text, or ``—`` where the text has none; the meaning
    follows in brackets. Where the word is its own meaning (预计 means 预计) it is written once.
    Without a word, the meaning is labelled as one — ``—（含义：清零）`` / ``— (meaning: eliminated)``
    for 20万元以下村全部清零 — so that no view reads as if 清零 were the modifier; and a plain
    stated value (no word, exact) is just ``—``. The detail pane's 修饰语 row, the figures table's
    修饰语 column, the review table and the summary (PDF) all write this; the CSV keeps the word and
    the meaning's code in columns of their own.
    """
    label = meaning_label(meaning, lang)
    if not modifier:
        if meaning is ModifierMeaning.EXACT:
            return word("figure.no_modifier", lang)
        return word("figure.no_modifier", lang) + bracketed(
            word("figure.meaning_only", lang).format(meaning=label), lang
        )
    if modifier == label:
        return modifier
    return f"{modifier}{bracketed(label, lang)}"


# --- numbers ------------------------------------------------------------------------------------


def number_text(value: float) -> str:
    """A number as one writes and types it: no exponent, no trailing zeros, no grouping.

    ``2504.0`` → ``2504``, ``41.93`` → ``41.93``, ``1e-7`` → ``0.0000001``; the shortest decimal
    that reads back as the same float, so no digits are invented or lost.
    """
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"  # also -0.0
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def value_text(value: float, unit: str) -> str:
    """A value and its unit as written: ``2504 亿元``, ``35%``, ``0.15``."""
    number = number_text(value)
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}"


def derived_marker(derived: bool, lang: Language | str = Language.ZH) -> str:
    """What precedes a value the dataset worked out rather than the report stated: ``≈`` ("" if stated).

    Every view that writes a figure's value (tree, detail pane, figures table, charts, PDF) marks
    it with this.
    """
    return word("figure.derived_marker", lang) if derived else ""


def figure_value_text(indicator: AnyIndicator, lang: Language | str = Language.ZH) -> str:
    """A figure's value for people: ``2504 亿元``; a derived one marked ``≈7154 亿元``."""
    derived = isinstance(indicator, DerivedIndicator)
    return derived_marker(derived, lang) + value_text(indicator.value, indicator.unit)


def value_range_text(low: float, high: float, unit: str, lang: Language | str = Language.ZH) -> str:
    """The range a derived value's rounding allows: ``舍入允许的范围 7052–7260 亿元``."""
    text = word("figure.range_text", lang).format(low=number_text(low), high=number_text(high))
    return f"{text} {unit}" if unit else text


def range_text(derived: DerivedIndicator, lang: Language | str = Language.ZH) -> str:
    """The range a derived figure's inputs allow (:func:`value_range_text`)."""
    return value_range_text(derived.range_low, derived.range_high, derived.unit, lang)


def year_text(year: int, lang: Language | str = Language.ZH) -> str:
    """``2023年`` / ``2023``."""
    return word("figure.year", lang).format(year=year)


def figure_name(indicator: AnyIndicator, lang: Language | str = Language.ZH) -> str:
    """A figure's name: the English name in English where the dataset has one."""
    if Language.from_tag(lang) is Language.EN and indicator.name_en:
        return indicator.name_en
    return indicator.name


def report_title(report: Report, lang: Language | str = Language.ZH) -> str:
    """The report's title: the English title in English where the dataset has one."""
    meta = report.metadata
    return meta.title_en if Language.from_tag(lang) is Language.EN and meta.title_en else meta.title


def section_title(section: Section, lang: Language | str = Language.ZH) -> str:
    """A section's title: the English title in English where the dataset has one."""
    return section.title_en if Language.from_tag(lang) is Language.EN and section.title_en else section.title


# Units whose value reads better in a unit other than the one written (万户 → 户).
_DISPLAY_UNITS = {"households": "户"}


def plot_value(indicator: AnyIndicator) -> tuple[float, str]:
    """The value and unit to plot, so that one axis never mixes 户 with 万户."""
    if isinstance(indicator, Indicator) and indicator.unit_normalised in _DISPLAY_UNITS:
        return indicator.normalised_value, _DISPLAY_UNITS[indicator.unit_normalised]
    return indicator.value, indicator.unit


def derived_description(derived: DerivedIndicator, report: Report, lang: Language | str = Language.ZH) -> str:
    """The formula with its inputs spelt out and the range: ``a / (b / 100)；a = …；舍入允许的范围 …``."""
    parts = []
    for item in derived.inputs:
        source = report.indicator_by_id[item.indicator_id]
        name = figure_name(source, lang)
        value = value_text(source.value, source.unit)
        parts.append(f"{item.symbol} = {name} {value}{bracketed('±' + number_text(item.half_width), lang)}")
    separator = _FULL_SEMICOLON if Language.from_tag(lang) is Language.ZH else "; "
    return separator.join([derived.formula, *parts, range_text(derived, lang)])


# --- goal areas ---------------------------------------------------------------------------------


def goal_label(goal: GoalArea, report: Report, lang: Language | str = Language.ZH) -> str:
    """A goal area's label in the report's own words (its dataset's pattern), or its English gloss."""
    if Language.from_tag(lang) is Language.EN and goal.title_en:
        return goal.title_en
    return report.metadata.presentation.goal_label.format(title=goal.title, lead=goal.lead)


def goal_short_label(goal: GoalArea, report: Report, lang: Language | str = Language.ZH) -> str:
    """A goal area's short label (result groups, chart headings, links)."""
    if Language.from_tag(lang) is Language.EN and goal.title_en:
        return goal.title_en.split(":")[0]
    return report.metadata.presentation.goal_short_label.format(title=goal.title, lead=goal.lead)


def numbered_goal_label(
    goal: GoalArea, report: Report, lang: Language | str = Language.ZH, *, short: bool = False
) -> str:
    """``1. 坚定不移稳增长 · 经济回升向好走在前`` (or the short label after the number)."""
    label = goal_short_label(goal, report, lang) if short else goal_label(goal, report, lang)
    return f"{goal.order}. {label}"


def goals_heading(report: Report, lang: Language | str = Language.ZH) -> str:
    """What the goal areas are called together, from the dataset (``八个“坚定不移”``)."""
    presentation = report.metadata.presentation
    return (
        presentation.goals_heading_en
        if Language.from_tag(lang) is Language.EN
        else presentation.goals_heading
    )


# --- where things are, and citations ------------------------------------------------------------


def location_text(paragraph_id: str, report: Report, lang: Language | str = Language.ZH) -> str:
    """Where a paragraph stands, for people: ``第02版·第7段`` (never an id or code-point offsets)."""
    number = next((n for n, p in enumerate(report.paragraphs, start=1) if p.id == paragraph_id), 0)
    article = report.metadata.article
    return paragraph_place("", number, article.page if article is not None else "", lang)


def paragraph_place(section: str, number: int, page: str = "", lang: Language | str = Language.ZH) -> str:
    """A paragraph's place, for people: ``2024年工作回顾 · 第4段``, ``第02版·第7段`` without a section.

    Args:
        section: the title of the section it falls in ("" when none).
        number: its 1-based number in the article.
        page: the newspaper page the article stands on ("" when none).
        lang: the language of the words.
    """
    if page:
        location = word("location.page_paragraph", lang).format(page=page, paragraph=number)
    else:
        location = word("location.paragraph", lang).format(paragraph=number)
    if not section:
        return location
    return word("location.in_section", lang).format(section=section, location=location)


def _marks(lang: Language | str) -> tuple[str, str, str, str]:
    """A language's colon, opening bracket, comma and closing bracket in running text."""
    if Language.from_tag(lang) is Language.ZH:
        return _FULL_COLON, _FULL_LEFT, _FULL_COMMA, _FULL_RIGHT
    return ": ", " (", ", ", ")"


def colon(lang: Language | str = Language.ZH) -> str:
    """The colon before what follows a label in running text: ``：`` / ``: ``."""
    return _marks(lang)[0]


def cited(text: str, report: Report, paragraph_id: str | None, lang: Language | str = Language.ZH) -> str:
    """``text`` with the source on a line under it, and where it stands (``第02版·第7段``)."""
    _colon, _left, comma, _right = _marks(lang)
    dash = "——" if Language.from_tag(lang) is Language.ZH else "—"
    where = f"{comma}{location_text(paragraph_id, report, lang)}" if paragraph_id else ""
    return f"{text}\n{dash} {source_citation(report, lang)}{where}"


def citation(indicator: AnyIndicator, report: Report, lang: Language | str = Language.ZH) -> str:
    """A figure with its sentence and the source, for the clipboard (an unreviewed one marked so).

    Punctuated as its language is: ``规上工业总产值：2504 亿元（2023年，实绩）`` /
    ``Industrial output: 2504 亿元 (2023, achieved)``; the dataset's own text keeps its own.
    """
    colon, left, comma, right = _marks(lang)
    name = unreviewed_tag(indicator, lang) + figure_name(indicator, lang)
    kind = kind_label(indicator.kind, lang)
    year = year_text(indicator.year, lang)
    if isinstance(indicator, Indicator):
        value = value_text(indicator.value, indicator.unit)
        body = f"{name}{colon}{value}{left}{year}{comma}{kind}{right}"
        return cited(f"{body}\n“{indicator.sentence.text}”", report, indicator.sentence.paragraph_id, lang)
    body = (
        f"{name}{colon}{figure_value_text(indicator, lang)}"
        f"{left}{kind}{comma}{derived_description(indicator, report, lang)}{right}"
    )
    return cited(body, report, None, lang)


def editorial_text(zh: str, en: str, lang: Language | str = Language.ZH) -> str:
    """An editorial text (a note, an explanation, an ambiguity) in ``lang``, from the dataset's pair.

    Datasets carry each editorial text twice: Chinese in the plain field (``note``, ``text``,
    ``explanation``) and English in its ``_en`` twin. A missing translation falls back to the other
    language rather than showing nothing.
    """
    if Language.from_tag(lang) is Language.EN:
        return en or zh
    return zh or en


def source_citation(report: Report, lang: Language | str = Language.ZH) -> str:
    """The citation of the report's source in ``lang`` (hedged as the page is: dateline, mastheads)."""
    return editorial_text(report.metadata.citation, report.metadata.citation_en, lang)


# --- filling templates --------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, *args: object) -> str:
    """Qt-style ``%1``, ``%2`` … placeholders filled in one pass.

    A value that itself contains ``%2`` is never read again, so a meeting named "Session %2" stays
    as it is. Placeholders without a value are left as they are.
    """

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 0 < number <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


# --- showing dataset text literally -------------------------------------------------------------

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
