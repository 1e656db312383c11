"""Starting the window: the QApplication, fonts, translations, style, settings and error handling."""

from __future__ import annotations

import logging
import os
import resource
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
    Slot,
)
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.appinfo import APP_ID, APP_NAME, ORGANIZATION_DOMAIN, ORGANIZATION_NAME
from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.model import Report
from desktop_app.core.resources import resource_path
from desktop_app.qt.fonts import register_bundled_fonts, ui_font_family
from desktop_app.qt.main_window import SETTINGS_LANGUAGE, MainWindow

log = logging.getLogger(__name__)
TRANSLATION_PREFIX = "report_viewer"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The application object with names, icon, bundled fonts and the style sheet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = resource_path("icons/report-viewer.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    register_bundled_fonts()
    font = QFont(ui_font_family())
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    style = resource_path("styles/app.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def resolve_language(saved: object) -> str:
    """The UI language: the reader's choice if valid, else the system locale (Chinese or English)."""
    if saved in ("zh_CN", "en"):
        return str(saved)
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations(QObject):
    """Installs the app's and Qt's own translators for one language, replacing earlier ones."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> list[str]:
        """Install translations for ``language``; returns the catalogues that loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        loaded: list[str] = []
        if language == "en":
            return loaded
        ours = QTranslator(self._app)
        if ours.load(f"{TRANSLATION_PREFIX}_{language}", str(resource_path("translations"))):
            loaded.append(TRANSLATION_PREFIX)
            self._installed.append(ours)
        qt = QTranslator(self._app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            loaded.append("qtbase")
            self._installed.append(qt)
        for translator in self._installed:
            self._app.installTranslator(translator)
        return loaded


def log_directory() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home()) / "logs"


def install_error_handler(parent: QWidget | None = None) -> None:
    """Unexpected errors: write the traceback to a log file and show a short dialog; never vanish."""

    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log_file = log_directory() / "report-viewer.log"
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            with log_file.open("a", encoding="utf-8") as handle_:
                handle_.write(text + "\n")
        except OSError:
            log_file = Path("(not written)")
        sys.stderr.write(text)
        if QApplication.instance() is not None:
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Critical)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setWindowTitle(QApplication.translate("ErrorHandler", "Unexpected error"))
            box.setText(
                QApplication.translate("ErrorHandler", "Something went wrong: %1").replace(
                    "%1", str(value)[:300]
                )
            )
            box.setInformativeText(
                QApplication.translate("ErrorHandler", "Details were written to %1").replace(
                    "%1", str(log_file)
                )
            )
            box.setDetailedText(text)
            box.exec()

    sys.excepthook = handle


class Application(QObject):
    """Owns the main window; rebuilds it when the reader switches the UI language."""

    def __init__(self, app: QApplication, report: Report, settings: QSettings) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self._translations = Translations(app)
        self._language = resolve_language(settings.value(SETTINGS_LANGUAGE))
        self._translations.install(self._language)
        self.window = self._make_window(report)

    def _make_window(self, report: Report) -> MainWindow:
        window = MainWindow(report, self._settings, self._language)
        window.language_change_requested.connect(self._on_window_language_change_requested)
        return window

    @Slot(str)
    def _on_window_language_change_requested(self, code: str) -> None:
        language = resolve_language(code)
        if language == self._language:
            return
        old = self.window
        old.save_settings()
        self._language = language
        self._translations.install(language)
        self.window = self._make_window(old.report)
        self.window.show()
        old.close()
        old.deleteLater()


class StartupProbe(QObject):
    """For benchmarks: print when the window first paints and when its charts first paint, then quit.

    Enabled by the environment variable ``REPORT_VIEWER_STARTUP_PROBE=1``; prints
    ``painted <unix time>``, ``charts <unix time>`` and ``maxrss_kb <peak RSS>``.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.first_painted.connect(self._on_window_first_painted)
        window.charts_ready.connect(self._on_window_charts_ready)

    @Slot()
    def _on_window_first_painted(self) -> None:
        print(f"painted {time.time():.6f}", flush=True)

    @Slot()
    def _on_window_charts_ready(self) -> None:
        panel = self._window.chart_panel()
        if panel is not None:
            panel.repaint()  # paint synchronously so the time includes drawing the charts
        print(f"charts {time.time():.6f}", flush=True)
        print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        QTimer.singleShot(0, QApplication.quit)


def run_gui(path: str | None) -> int:
    """Open the window on the bundled report or on ``path``; returns the exit status."""
    app = create_application(sys.argv[:1])
    install_error_handler()
    settings = QSettings()
    error: DatasetError | None = None
    try:
        report = load_report(path)
    except DatasetError as exc:  # show the problem over the bundled report rather than exit
        error, report = exc, load_report()
    controller = Application(app, report, settings)
    if os.environ.get("REPORT_VIEWER_STARTUP_PROBE") == "1":
        StartupProbe(controller.window)
    controller.window.show()
    if error is not None:
        controller.window.show_load_error(error)
    return app.exec()
