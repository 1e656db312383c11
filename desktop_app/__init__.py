"""Report Viewer: read, search, chart and print a Chinese government work report."""

from desktop_app.appinfo import __version__

__all__ = ["__version__"]
