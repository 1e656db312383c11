"""The Targets & outcomes view (issue 16): a table of pairs, filters, a chart per series, exports.

Modules:
    view: :class:`TargetsView`, the table, its filters and the chart of one series.
    controller: :class:`TargetsController`, the view for a library collection (pairs cached,
        computed off the UI thread), and the requests to open a report at a sentence.
    printing: the printable summary (PDF, printer) through :mod:`desktop_app.qt.printing`.
"""

from __future__ import annotations

from desktop_app.qt.targets.controller import TargetsController
from desktop_app.qt.targets.view import TargetsView

__all__ = ["TargetsController", "TargetsView"]
