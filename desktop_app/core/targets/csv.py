"""Pairs of targets and outcomes as CSV, for spreadsheets. No Qt.

The same pairs as ``report-viewer targets --json``, one row each, with the conventions of
:mod:`desktop_app.core.csv_export`: UTF-8 with a byte-order mark (Excel reads the Chinese right),
comma-separated, quoted only where needed, CRLF line ends, written atomically; a text cell a
spreadsheet would run as a formula gets a leading apostrophe.

Columns (:data:`COLUMNS`): ``series`` (key), ``name``, ``year``; for the target and the outcome each:
``report`` (its report's id), ``report_year``, ``value`` (as written; the low end of a range),
``high`` (a range's high end), ``unit``, ``modifier``, ``text`` (as it stands: ``7%左右``),
``sentence``; then ``basis`` (``outcome`` or ``budget vs budget``), ``verdict`` (the fixed
vocabulary: ``met``, ``missed`` …), ``rule`` (in the document's language) and ``review``
(``confirmed``, or ``proposed`` for a pair resting on an unreviewed figure — only when the reader
asked for them — as in the figures CSV).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.csv_export import spreadsheet_safe
from desktop_app.core.language import Language
from desktop_app.core.model import Review
from desktop_app.core.presentation import number_text
from desktop_app.core.targets.types import FigureRef, Pair

__all__ = ["COLUMNS", "pair_rows", "pairs_csv_text", "write_pairs_csv"]

_FIGURE_FIELDS = ("report", "report_year", "value", "high", "unit", "modifier", "text", "sentence")
COLUMNS = (
    "series",
    "name",
    "year",
    *(f"target_{f}" for f in _FIGURE_FIELDS),
    *(f"outcome_{f}" for f in _FIGURE_FIELDS),
    "basis",
    "verdict",
    "rule",
    "review",
)
_NUMERIC = frozenset(
    {"year", *(f"{r}_{f}" for r in ("target", "outcome") for f in ("report_year", "value", "high"))}
)


def _figure(prefix: str, figure: FigureRef | None) -> dict[str, str]:
    if figure is None:
        return {}
    return {
        f"{prefix}_report": figure.report,
        f"{prefix}_report_year": str(figure.report_year),
        f"{prefix}_value": "" if figure.value is None else number_text(figure.value),
        f"{prefix}_high": "" if figure.high is None else number_text(figure.high),
        f"{prefix}_unit": figure.unit,
        f"{prefix}_modifier": figure.modifier,
        f"{prefix}_text": figure.text,
        f"{prefix}_sentence": figure.sentence,
    }


def pair_rows(pairs: Iterable[Pair], lang: Language | str = Language.ZH) -> list[dict[str, str]]:
    """One dict per pair, keyed by :data:`COLUMNS`, every value a string.

    Args:
        pairs: The pairs, in the order to write them.
        lang: The language of the series' name and the rule.
    """
    language = Language.from_tag(lang)
    rows = []
    for pair in pairs:
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            series=pair.series.key,
            name=pair.series.name(language),
            year=str(pair.year),
            basis=pair.basis.value,
            verdict=pair.verdict.value,
            rule=pair.rule.text(language),
            # As the figures CSV's review column: a pair resting on a proposed figure says so.
            review=(Review.PROPOSED if pair.unreviewed else Review.CONFIRMED).value,
        )
        row.update(_figure("target", pair.target))
        row.update(_figure("outcome", pair.outcome))
        rows.append({k: v if k in _NUMERIC else spreadsheet_safe(v) for k, v in row.items()})
    return rows


def pairs_csv_text(pairs: Iterable[Pair], lang: Language | str = Language.ZH) -> str:
    """The CSV document (header and rows) as text, without the byte-order mark."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(pair_rows(pairs, lang))
    return buffer.getvalue()


def write_pairs_csv(
    pairs: Iterable[Pair], path: str | os.PathLike[str], lang: Language | str = Language.ZH
) -> int:
    """Write pairs to ``path`` as UTF-8 CSV with a byte-order mark, atomically.

    Returns:
        The number of pairs written.

    Raises:
        ExportError: The file could not be written; nothing is left behind.
    """
    rows = list(pairs)
    atomic_write_text(path, pairs_csv_text(rows, lang), encoding="utf-8-sig")
    return len(rows)
