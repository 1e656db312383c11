"""pyqtgraph's global options and the fonts charts are drawn in, set up once."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QColor

# isort: split
# After PySide6, so that pyqtgraph binds to it.
import pyqtgraph as pg

from desktop_app.qt import fonts

FOREGROUND = QColor("#222222")
"""The colour of axes, tick labels and text inside a chart."""

_configured = False


def configure_pyqtgraph() -> None:
    """Set pyqtgraph's global options: white background, dark foreground, antialiasing.

    Call it once before the first plot exists; later calls do nothing. The widgets and the render
    functions of this package call it themselves.
    """
    global _configured
    if _configured:
        return
    pg.setConfigOptions(background="w", foreground=FOREGROUND.name(), antialias=True)
    _configured = True


def register_fonts() -> None:
    """Register the bundled CJK fonts, so chart text renders on a machine without any."""
    # A missing font is logged by the fonts module; Qt then falls back to a system font.
    with contextlib.suppress(fonts.FontRegistrationError):
        fonts.register_bundled_fonts()
