"""The Targets & outcomes view (issue 16): a table of pairs, filters, a chart per series, exports.

Modules:
    view: :class:`TargetsView`, the table, its filters and the chart of one series.
"""

from __future__ import annotations

from desktop_app.qt.targets.view import TargetsView

__all__ = ["TargetsView"]
