"""What a list of hits means to a reader: snippets, groups, item names, counts. No Qt.

The result list, the tree's hit counts, the status bar and the command line all use these
functions, so they agree: one snippet rule (never cut a number or a word in half), one group per
hit (its goal area, else its section, else the source article), one counting rule (a hit counts
once in its group and once for its own node), and one way of writing a count. Article text is
grouped under the source article, which is where the tree shows it too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from desktop_app.core.language import Language
from desktop_app.core.model import AnyIndicator, Linked, Report
from desktop_app.core.outline import report_outline
from desktop_app.core.presentation import figure_name, location_text, numbered_goal_label
from desktop_app.core.search.types import Hit, NodeKind
from desktop_app.core.unreviewed import is_unreviewed, unreviewed_tag
from desktop_app.core.words import word

__all__ = [
    "SOURCE_GROUP",
    "HitGroup",
    "HitPlaces",
    "Snippet",
    "count_label",
    "field_label",
    "group_hits",
    "hit_counts",
    "marked_snippet",
    "snippet",
]

SOURCE_GROUP: Final = "source"
"""The group key of hits that belong to no goal area and no section (the tree's source node)."""

_WHITESPACE_RUN: Final = re.compile(r"\s+")
_NUMBER_JOINERS: Final = frozenset(".．,，")
_NUMBER_SUFFIXES: Final = frozenset("%‰‱％")


# --- snippets -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snippet:
    """A hit with some of its context, cut where a reader would cut.

    Attributes:
        before: the context before the match (exact text of the field).
        match: the matched text.
        after: the context after the match.
        cut_before: True when the field goes on before ``before``.
        cut_after: True when the field goes on after ``after``.
    """

    before: str
    match: str
    after: str
    cut_before: bool
    cut_after: bool


def _is_word_char(char: str) -> bool:
    """A Latin letter or a digit, half- or full-width: these form words and numbers."""
    folded = unicodedata.normalize("NFKC", char)
    return len(folded) == 1 and folded.isascii() and folded.isalnum()


def _is_digit(char: str) -> bool:
    folded = unicodedata.normalize("NFKC", char)
    return len(folded) == 1 and folded.isascii() and folded.isdigit()


def _is_break(text: str, position: int) -> bool:
    """Punctuation or whitespace at ``position``, not inside a number: where a clause begins or ends."""
    char = text[position]
    if not (char.isspace() or unicodedata.category(char)[0] == "P"):
        return False
    return not (_splits_token(text, position) or _splits_token(text, position + 1))


def _splits_token(text: str, cut: int) -> bool:
    """Whether cutting ``text`` before index ``cut`` splits a number (``41|.93``, ``84|%``) or a word."""
    if cut <= 0 or cut >= len(text):
        return False
    left, right = text[cut - 1], text[cut]
    if _is_word_char(left) and _is_word_char(right):
        return True
    if _is_digit(left) and right in _NUMBER_SUFFIXES:
        return True
    if _is_digit(left) and right in _NUMBER_JOINERS:
        return cut + 1 < len(text) and _is_digit(text[cut + 1])
    if left in _NUMBER_JOINERS and _is_digit(right):
        return cut >= 2 and _is_digit(text[cut - 2])
    return False


def _cut_before(text: str, start: int, width: int) -> int:
    low = max(0, start - width)
    if low == 0:
        return 0
    # A clause boundary in the outer half of the context is the best place to begin.
    for position in range(low, min(start, low + max(width // 2, 1))):
        if _is_break(text, position):
            return position + 1
    while low < start and _splits_token(text, low):
        low += 1
    return low


def _cut_after(text: str, end: int, width: int) -> int:
    high = min(len(text), end + width)
    if high == len(text):
        return high
    for position in range(high - 1, max(end, high - max(width // 2, 1)) - 1, -1):
        if _is_break(text, position):
            return position + 1  # keep the punctuation that ends the clause
    while high > end and _splits_token(text, high):
        high -= 1
    return high


def snippet(hit: Hit, width: int = 20) -> Snippet:
    """The match with up to ``width`` characters of context on either side.

    The context ends at punctuation where there is some nearby, and never inside a number or a
    Latin word: ``41.93`` is shown whole or not at all, never as ``.93`` or ``4``.

    Args:
        hit: a search hit.
        width: at most this many characters of context on either side.

    Returns:
        Exact slices of ``hit.text`` and whether the field goes on beyond them.
    """
    width = max(width, 0)
    low = _cut_before(hit.text, hit.start, width) if width else hit.start
    high = _cut_after(hit.text, hit.end, width) if width else hit.end
    return Snippet(
        hit.text[low : hit.start],
        hit.text[hit.start : hit.end],
        hit.text[hit.end : high],
        low > 0,
        high < len(hit.text),
    )


def marked_snippet(hit: Hit, width: int = 20, marks: tuple[str, str] = ("【", "】")) -> str:
    """The snippet on one line, the match between ``marks``, ``…`` where the field goes on.

    Args:
        hit: a search hit.
        width: at most this many characters of context on either side.
        marks: what goes before and after the match.

    Returns:
        One line: line breaks and runs of whitespace become one space.
    """
    cut = snippet(hit, width)
    before, match, after = (_WHITESPACE_RUN.sub(" ", part) for part in (cut.before, cut.match, cut.after))
    lead = "…" if cut.cut_before else ""
    tail = "…" if cut.cut_after else ""
    return f"{lead}{before}{marks[0]}{match}{marks[1]}{after}{tail}"


# --- groups, item names and counts --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HitGroup:
    """Where a hit is listed: a goal area, a section or the source article.

    Attributes:
        key: the goal area's or section's id, or :data:`SOURCE_GROUP`.
        label: the group's heading.
    """

    key: str
    label: str


class HitPlaces:
    """For one report and language: each hit's group, the item it belongs to and its field's name."""

    def __init__(self, report: Report, lang: Language | str = Language.ZH) -> None:
        """Work out the group of every node once.

        Args:
            report: the report searched.
            lang: the language of labels.
        """
        self._report = report
        self._lang = Language.from_tag(lang)
        goals = {
            g.id: HitGroup(g.id, numbered_goal_label(g, report, self._lang, short=True))
            for g in report.goal_areas
        }
        sections = {s.id: HitGroup(s.id, self._section_title(s.id)) for s in report.sections}
        self._source = HitGroup(SOURCE_GROUP, word("search.source_article", self._lang))
        groups: dict[str, HitGroup] = {**goals, **sections}
        items: list[Linked] = [*report.all_indicators(), *report.quotes, *report.entities]
        for item in items:
            goal = next((goals[g] for g in item.goal_ids if g in goals), None)
            section = next((sections[s] for s in item.section_ids if s in sections), None)
            groups[item.id] = goal or section or self._source
        # Paragraphs (article text) are listed under the source article, like the tree's source node.
        self._groups = groups
        self._outline = report_outline(report)

    def _section_title(self, section_id: str) -> str:
        section = self._report.section_by_id[section_id]
        return section.title_en if self._lang is Language.EN and section.title_en else section.title

    def group(self, hit: Hit) -> HitGroup:
        """The group a hit is listed under."""
        return self._groups.get(hit.node_id, self._source)

    def item_label(self, hit: Hit) -> str:
        """What the hit belongs to, for people: a figure's or project's name, a goal area, a paragraph."""
        report, lang = self._report, self._lang
        kind = hit.node_kind
        if kind is NodeKind.GOAL_AREA and hit.node_id in report.goal_by_id:
            return numbered_goal_label(report.goal_by_id[hit.node_id], report, lang, short=True)
        if kind in (NodeKind.INDICATOR, NodeKind.DERIVED) and hit.node_id in report.indicator_by_id:
            indicator: AnyIndicator = report.indicator_by_id[hit.node_id]
            return unreviewed_tag(indicator, lang) + figure_name(indicator, lang)
        if kind is NodeKind.ENTITY and hit.node_id in report.entity_by_id:
            return report.entity_by_id[hit.node_id].name
        if kind is NodeKind.QUOTE and hit.node_id in report.quote_by_id:
            speaker = report.quote_by_id[hit.node_id].speaker
            return speaker or word("field.text", lang)
        if kind is NodeKind.SECTION and hit.node_id in report.section_by_id:
            return self._section_title(hit.node_id)
        if kind is NodeKind.PARAGRAPH:
            # Its section and number, as a library search names it (desktop_app.core.outline).
            return self._outline.place(hit.node_id, lang) or location_text(hit.node_id, report, lang)
        return hit.node_id

    def unreviewed(self, hit: Hit) -> bool:
        """Whether the hit is in a figure that awaits review (its label says so: ``〔未审核〕``)."""
        if hit.node_kind not in (NodeKind.INDICATOR, NodeKind.DERIVED):
            return False
        indicator = self._report.indicator_by_id.get(hit.node_id)
        return indicator is not None and is_unreviewed(indicator)

    def field_label(self, hit: Hit) -> str:
        """The human name of the field the hit is in (see :func:`field_label`)."""
        return field_label(hit, self._lang)

    def describe(self, hit: Hit) -> str:
        """The item and the field, e.g. ``规上工业总产值 · 数值`` (status bar, accessible names)."""
        return word("search.item_field", self._lang).format(
            item=self.item_label(hit), field=self.field_label(hit)
        )


def field_label(hit: Hit, lang: Language | str = Language.ZH) -> str:
    """The human name of the field a hit is in (``数值``, ``名称`` …), never the internal key."""
    key = hit.field.split("[", 1)[0]
    if hit.node_kind is NodeKind.QUOTE and key == "text":
        key = "quote"
    try:
        return word(f"field.{key}", lang)
    except KeyError:  # a field added to the documents without a word yet
        return hit.field


def group_hits(hits: Iterable[Hit], places: HitPlaces) -> list[tuple[HitGroup, list[Hit]]]:
    """The hits under their groups, groups in order of their first hit, hits in their order.

    Args:
        hits: hits in result order.
        places: the report's groups.

    Returns:
        ``(group, hits)`` pairs; every hit is listed exactly once.
    """
    grouped: dict[HitGroup, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(places.group(hit), []).append(hit)
    return list(grouped.items())


def hit_counts(hits: Sequence[Hit], places: HitPlaces) -> dict[str, int]:
    """The one counting rule, shared by the result list's headings and the tree.

    A hit counts once for its group (goal area, section or :data:`SOURCE_GROUP`) and once for its
    own node (an indicator, a quote …) when that is not the group itself. A group's count is
    therefore exactly the number of rows listed under its heading.

    Args:
        hits: the hits of one search.
        places: the report's groups.

    Returns:
        Counts by group key and node id.
    """
    counts: dict[str, int] = {}
    for hit in hits:
        key = places.group(hit).key
        counts[key] = counts.get(key, 0) + 1
        if hit.node_id != key and hit.node_kind is not NodeKind.PARAGRAPH:
            counts[hit.node_id] = counts.get(hit.node_id, 0) + 1
    return counts


def count_label(label: str, count: int | str, lang: Language | str = Language.ZH) -> str:
    """A label with a hit count, written one way everywhere: ``临淄（3 处）`` / ``Linzi (3 found)``."""
    return word("search.count", lang).format(label=label, n=count)
