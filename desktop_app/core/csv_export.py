"""The figures of a report as CSV, for spreadsheets. No Qt.

One row per figure, stated figures first and then derived ones, in dataset order. The file is UTF-8
with a byte-order mark (so that Excel reads the Chinese right), comma-separated, every field quoted
only where needed, CRLF line ends (the :mod:`csv` default), and written atomically.

Columns (:data:`COLUMNS`):

==============  ====================================================================================
id              the figure's id, e.g. ``ind-industrial-output`` or ``der-linzi-gdp``
goal_areas      the ids of the goal areas it belongs to, separated by ``;`` (may be empty)
name            its Chinese name
value           the number as written, without exponent or trailing zeros (``2504``, ``41.93``)
unit            its unit as written (``亿元``, ``%``, ``万户`` …; empty for a pure number)
year            the year it refers to
kind            ``achieved``, ``estimate``, ``target``, ``rank`` … or ``derived``
modifier        the words that qualify it in the text (``预计达``, ``力争…突破``); empty for derived
scope           ``district``, ``city``, ``province`` or ``nation``
paragraph       the paragraph id of its source sentence (empty for derived figures)
start, end      the sentence's character offsets in that paragraph (empty for derived figures)
sentence        the source sentence (empty for derived figures)
formula         derived figures only: the formula with its inputs spelt out, e.g.
                ``a / (b / 100)；a = 规上工业总产值 2504 亿元（±0.5）；…；舍入允许的范围 7052–7260 亿元``
range_low,      derived figures only: the range the inputs' rounding allows
range_high
review          ``confirmed``, or ``proposed`` for a figure nobody has checked yet (listed only when
                unreviewed figures are asked for; a derived figure is as checked as its inputs)
modifier_       what the modifier (or, with none, the words stating the value) says of it: ``exact``,
meaning         ``estimate``, ``upper_bound`` (前5, 第1、2名), ``eliminated`` (全部清零) …; empty for derived
threshold_      stated figures with a threshold only: the threshold in the figure's definition, e.g.
value, _unit    ``20`` and ``万元`` for villages with a collective income below 20万元
lower_is_better ``true`` where fewer or lower is better (ranks, 20万元以下村), else ``false``; empty for
                derived
==============  ====================================================================================

The last four columns came after ``review`` so that files read by column position stay as they were.

Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) get a leading apostrophe; numeric columns are never changed.
"""

from __future__ import annotations

import csv
import io
import os

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.model import DerivedIndicator, Report
from desktop_app.core.presentation import derived_description, number_text
from desktop_app.core.scope import SummaryScope

__all__ = ["COLUMNS", "csv_text", "figure_rows", "spreadsheet_safe", "write_csv"]

COLUMNS = (
    "id",
    "goal_areas",
    "name",
    "value",
    "unit",
    "year",
    "kind",
    "modifier",
    "scope",
    "paragraph",
    "start",
    "end",
    "sentence",
    "formula",
    "range_low",
    "range_high",
    "review",
    "modifier_meaning",
    "threshold_value",
    "threshold_unit",
    "lower_is_better",
)
_TEXT_COLUMNS = frozenset({"goal_areas", "name", "unit", "modifier", "sentence", "formula", "threshold_unit"})
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading apostrophe where it would."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


_safe = spreadsheet_safe


def figure_rows(report: Report, scope: SummaryScope) -> list[dict[str, str]]:
    """One dict per figure in the scope, keyed by :data:`COLUMNS`, every value a string.

    Args:
        report: The report.
        scope: What to cover (see :func:`desktop_app.core.scope.resolve_scope`): its figures, so
            proposed ones only where it includes unreviewed figures.
    """
    rows = []
    for indicator in scope.figures:
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            id=indicator.id,
            goal_areas=";".join(indicator.goal_ids),
            name=indicator.name,
            value=number_text(indicator.value),
            unit=indicator.unit,
            year=str(indicator.year),
            kind=indicator.kind.value,
            scope=indicator.scope.value,
            review=indicator.review.value,
        )
        if isinstance(indicator, DerivedIndicator):
            row.update(
                formula=derived_description(indicator, report, scope.language),
                range_low=number_text(indicator.range_low),
                range_high=number_text(indicator.range_high),
            )
        else:
            sentence = indicator.sentence
            row.update(
                modifier=indicator.modifier,
                modifier_meaning=indicator.modifier_meaning.value,
                lower_is_better="true" if indicator.lower_is_better else "false",
                paragraph=sentence.paragraph_id,
                start=str(sentence.start),
                end=str(sentence.end),
                sentence=sentence.text,
            )
            if indicator.threshold is not None:
                row.update(
                    threshold_value=number_text(indicator.threshold.value),
                    threshold_unit=indicator.threshold.unit,
                )
        rows.append({key: _safe(value) if key in _TEXT_COLUMNS else value for key, value in row.items()})
    return rows


def _render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def csv_text(report: Report, scope: SummaryScope) -> str:
    """The CSV document (header and rows) as text, without the byte-order mark."""
    return _render(figure_rows(report, scope))


def write_csv(report: Report, scope: SummaryScope, path: str | os.PathLike[str]) -> int:
    """Write the figures of a scope to ``path`` as UTF-8 CSV with a byte-order mark, atomically.

    Args:
        report: The report.
        scope: What to cover (see :func:`desktop_app.core.scope.resolve_scope`).
        path: The file to write (replaced if it exists).

    Returns:
        The number of figures written.

    Raises:
        ExportError: The file could not be written; nothing is left behind.
    """
    rows = figure_rows(report, scope)
    atomic_write_text(path, _render(rows), encoding="utf-8-sig")
    return len(rows)
