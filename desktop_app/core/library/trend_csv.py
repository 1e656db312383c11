"""A term trend as CSV, for spreadsheets (the trend view's Export CSV…). No Qt.

Columns: ``year``, ``report_id``, ``title``, ``occurrences``, ``characters``, ``rate`` (per 10,000
characters, 4 decimals), then one line saying how occurrences were counted. UTF-8 text; the caller
adds the byte-order mark spreadsheets need. A title a spreadsheet would run as a formula gets a
leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.library.trend import TrendRow

__all__ = ["COLUMNS", "trend_csv_text"]

COLUMNS = ("year", "report_id", "title", "occurrences", "characters", "rate")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def trend_csv_text(rows: Sequence[TrendRow], note: str = "") -> str:
    """The CSV document: a header, one line per report (oldest first), and ``note`` as a last line."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: (r.year, r.report_id)):
        text = (_safe(row.report_id), _safe(row.title))
        writer.writerow((row.year, *text, row.occurrences, row.characters, f"{row.rate:.4f}"))
    if note:
        writer.writerow((_safe(note),))
    return buffer.getvalue()
