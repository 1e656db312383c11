"""The single source of the application's name, version and identifiers."""

__version__ = "0.1.0"

APP_NAME = "Report Viewer"
APP_ID = "io.github.reportviewer.ReportViewer"
ORGANIZATION_NAME = "ReportViewer"
ORGANIZATION_DOMAIN = "reportviewer.github.io"
