"""File › Import report…: a report's text (a file or the clipboard) → a dataset to review.

The text is read here (UTF-8, or GBK/GB18030 converted with a message saying so; at most
:data:`~desktop_app.core.importer.intake.MAX_TEXT_BYTES`, only from a regular file); the importer
runs on a worker thread, since it and its number library take from a fraction of a second to a few
seconds, and writes the dataset and its source atomically where the user chose
(:func:`~desktop_app.core.importer.files.write_import`).
Anything that goes wrong is said in the dialog, naming the file; the dialog stays open to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.dataset_file import read_bytes
from desktop_app.core.importer.intake import MAX_TEXT_BYTES
from desktop_app.core.importer.metadata import date_problem
from desktop_app.core.language import Language
from desktop_app.core.model import Level
from desktop_app.core.presentation import fill, level_label, visible_text
from desktop_app.qt.workers import start_worker


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What to import and where to write it."""

    text: str
    name: str  # the file's path, or what the clipboard is called, for messages
    output: Path
    title: str = ""
    year: int | None = None
    level: str = ""
    region: str = ""
    meeting: str = ""
    meeting_date: str = ""  # YYYY-MM-DD
    presenter: str = ""  # office and name as written (区长蔡华刚)
    furniture: tuple[str, ...] = ()  # page-furniture lines to drop wherever they stand alone


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """An import that was written: where, and how many figures await review."""

    path: Path
    figures: int
    paragraphs: int


class _ImportWorker(QThread):
    """Runs the importer and writes its files off the UI thread.

    Signals:
        succeeded(object): an :class:`ImportOutcome`.
        failed(str, str): what failed (``empty``, ``year``, ``write``, ``internal``) and the detail.
    """

    succeeded = Signal(object)
    failed = Signal(str, str)

    def __init__(self, request: ImportRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._request = request

    def run(self) -> None:
        # Imported here, on the worker: the importer's number library costs up to a second to import.
        from desktop_app.core.atomic import ExportError
        from desktop_app.core.importer.dataset import DatasetOptions
        from desktop_app.core.importer.files import write_import
        from desktop_app.core.importer.pipeline import EmptyTextError, import_text

        request = self._request
        try:
            result = import_text(
                request.text, year=request.year, level=request.level or None, furniture=request.furniture
            )
        except EmptyTextError as exc:
            self.failed.emit("empty", str(exc))
            return
        except ValueError as exc:
            self.failed.emit("year", str(exc))
            return
        options = DatasetOptions(
            source_file="",
            title=request.title,
            year=request.year,
            level=request.level,
            region=request.region,
            meeting=request.meeting,
            meeting_date=request.meeting_date,
            presenter=request.presenter,
        )
        try:
            document = write_import(result, request.output, options)
        except ExportError as exc:
            self.failed.emit("write", str(exc))
            return
        except Exception as exc:  # a bug must reach the user as a message, not kill the thread silently
            self.failed.emit("internal", f"{type(exc).__name__}: {exc}")
            return
        outcome = ImportOutcome(request.output, len(document["indicators"]), len(document["paragraphs"]))
        self.succeeded.emit(outcome)


class ImportDialog(QDialog):
    """Choose a text (file or clipboard), say what the text may not, choose where the dataset goes.

    Signals:
        imported(object): the import was written (an :class:`ImportOutcome`); the dialog closes.
    """

    imported = Signal(object)

    def __init__(self, language: Language = Language.ZH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import report"))
        self._lang = language
        self._text: str | None = None
        self._name = ""
        self._worker: _ImportWorker | None = None

        self._file = QLineEdit()
        self._file.setObjectName("importFile")
        self._file.setPlaceholderText(self.tr("A text file (UTF-8 or GBK)"))
        self._file.editingFinished.connect(self._on_file_editing_finished)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self._on_browse_clicked)
        paste = QPushButton(self.tr("Paste from clipboard"))
        paste.setObjectName("importPaste")
        paste.clicked.connect(self.paste_from_clipboard)
        source_row = QHBoxLayout()
        source_row.addWidget(self._file, 1)
        source_row.addWidget(browse)
        source_row.addWidget(paste)
        self._source_info = QLabel(self.tr("No text chosen yet."))
        self._source_info.setObjectName("importSourceInfo")
        self._source_info.setWordWrap(True)

        self._title = QLineEdit()
        self._title.setObjectName("importTitle")
        self._title.setPlaceholderText(self.tr("From the text"))
        self._year = QSpinBox()
        self._year.setObjectName("importYear")
        self._year.setRange(1899, 2200)  # 1899: "from the text" (the schema's years start at 1900)
        self._year.setSpecialValueText(self.tr("From the text"))
        self._year.setValue(1899)
        self._level = QComboBox()
        self._level.setObjectName("importLevel")
        self._level.addItem(self.tr("From the text"), "")
        for level in Level:
            self._level.addItem(level_label(level, language), level.value)
        self._region = QLineEdit()
        self._region.setObjectName("importRegion")
        self._region.setPlaceholderText(self.tr("From the text, e.g. 临淄区"))
        # What a copy often leaves out (it starts at 各位代表): the meeting, its date, the presenter.
        self._meeting = QLineEdit()
        self._meeting.setObjectName("importMeeting")
        self._meeting.setPlaceholderText(self.tr("From the text, e.g. 临淄区第十九届人民代表大会第三次会议"))
        self._meeting_date = QLineEdit()
        self._meeting_date.setObjectName("importMeetingDate")
        self._meeting_date.setPlaceholderText(self.tr("From the text, e.g. 2024-01-19"))
        self._presenter = QLineEdit()
        self._presenter.setObjectName("importPresenter")
        self._presenter.setPlaceholderText(self.tr("From the text, office and name, e.g. 区长蔡华刚"))

        self._furniture = QPlainTextEdit()
        self._furniture.setObjectName("importFurniture")
        self._furniture.setPlaceholderText(
            self.tr("Page headers or footers to drop wherever they stand alone, one per line")
        )
        self._furniture.setTabChangesFocus(True)
        self._furniture.setFixedHeight(self._furniture.fontMetrics().lineSpacing() * 3 + 12)

        self._output = QLineEdit()
        self._output.setObjectName("importOutput")
        self._output.setPlaceholderText(self.tr("Where to save the dataset (.json)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("importChooseOutput")
        choose.clicked.connect(self._on_choose_clicked)
        output_row = QHBoxLayout()
        output_row.addWidget(self._output, 1)
        output_row.addWidget(choose)

        form = QFormLayout()
        form.addRow(self.tr("Report text:"), source_row)
        form.addRow("", self._source_info)
        form.addRow(self.tr("Title:"), self._title)
        form.addRow(self.tr("Year:"), self._year)
        form.addRow(self.tr("Level:"), self._level)
        form.addRow(self.tr("Region:"), self._region)
        form.addRow(self.tr("Meeting:"), self._meeting)
        form.addRow(self.tr("Meeting date:"), self._meeting_date)
        form.addRow(self.tr("Presenter:"), self._presenter)
        form.addRow(self.tr("Lines to drop:"), self._furniture)
        form.addRow(self.tr("Save dataset as:"), output_row)

        self._message = QLabel()
        self._message.setObjectName("importMessage")
        self._message.setWordWrap(True)
        self._message.hide()
        self._progress = QProgressBar()
        self._progress.setObjectName("importProgress")
        self._progress.setRange(0, 0)  # busy: the importer does not report steps
        self._progress.hide()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._import_button = self._buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._import_button.setObjectName("importButton")
        self._buttons.accepted.connect(self.start_import)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._message)
        layout.addWidget(self._progress)
        layout.addWidget(self._buttons)
        self.resize(640, self.sizeHint().height())

    # --- public API (also for tests) ----------------------------------------------------------

    def set_text_file(self, path: str | Path) -> bool:
        """Read a text file; say what was done to read it, or why it cannot be read."""
        file = Path(path)
        self._file.setText(str(file))
        self._text = None
        try:
            data = read_bytes(file, MAX_TEXT_BYTES, "source article")
        except DatasetError as exc:
            self._show_error(fill(self.tr("%1 cannot be read."), str(file)), exc.describe(self._lang))
            self._source_info.setText(self.tr("No text chosen yet."))
            return False
        from desktop_app.core.importer.intake import IntakeError, decode  # no cn2an: intake is light

        try:
            decoded = decode(data, str(file))
        except IntakeError as exc:
            self._show_error(
                fill(
                    self.tr("%1 is neither UTF-8 nor GBK/GB18030 text. Save it as UTF-8 and try again."),
                    str(file),
                ),
                str(exc),
            )
            self._source_info.setText(self.tr("No text chosen yet."))
            return False
        self._text, self._name = decoded.text, str(file)
        info = fill(self.tr("%1 characters from %2."), f"{len(decoded.text):,}", file.name)
        if decoded.encoding == "gb18030":
            info += " " + self.tr("The file was GBK/GB18030 and has been converted to UTF-8.")
        elif decoded.encoding != "utf-8" or decoded.messages:
            info += " " + fill(self.tr("Read as %1 and converted to UTF-8."), decoded.encoding.upper())
        self._source_info.setText(info)
        self._clear_error()
        if not self._output.text():
            self._output.setText(str(file.with_suffix(".json")))
        return True

    def paste_from_clipboard(self) -> bool:
        """Take the clipboard's text as the report."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._show_error(self.tr("The clipboard holds no text. Copy the report's text first."), "")
            return False
        if len(text) > MAX_TEXT_BYTES // 3:  # a report is ~20,000 characters; this is far beyond one
            self._show_error(
                fill(self.tr("The clipboard holds %1 characters, more than a report has."), f"{len(text):,}"),
                "",
            )
            return False
        self._text, self._name = text, self.tr("the clipboard")
        self._file.clear()
        self._source_info.setText(fill(self.tr("%1 characters from the clipboard."), f"{len(text):,}"))
        self._clear_error()
        if not self._output.text():
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            self._output.setText(str(Path(folder) / "report.json"))
        return True

    def set_output(self, path: str | Path) -> None:
        self._output.setText(str(path))

    def set_year(self, year: int | None) -> None:
        self._year.setValue(year or self._year.minimum())

    def set_title(self, title: str) -> None:
        self._title.setText(title)

    def set_level(self, level: str) -> None:
        self._level.setCurrentIndex(max(self._level.findData(level), 0))

    def set_region(self, region: str) -> None:
        self._region.setText(region)

    def set_meeting(self, name: str, date: str = "", presenter: str = "") -> None:
        """The meeting's name and date (YYYY-MM-DD) and the presenter as written ("" : from the text)."""
        self._meeting.setText(name)
        self._meeting_date.setText(date)
        self._presenter.setText(presenter)

    def set_furniture(self, lines: list[str]) -> None:
        self._furniture.setPlainText("\n".join(lines))

    def message(self) -> str:
        """What the dialog says about a problem (empty when none)."""
        return self._message.text() if not self._message.isHidden() else ""

    def source_info(self) -> str:
        return self._source_info.text()

    def is_running(self) -> bool:
        return self._worker is not None

    @Slot()
    def start_import(self) -> bool:
        """Run the importer on the chosen text; False (and a message) when something is missing."""
        if self._worker is not None:
            return False
        if (
            self._text is None
            and self._file.text().strip()
            and not self.set_text_file(self._file.text().strip())
        ):
            return False
        if self._text is None:
            self._show_error(self.tr("Choose a text file or paste the report's text first."), "")
            return False
        output_text = self._output.text().strip()
        if not output_text:
            self._show_error(self.tr("Choose where to save the dataset."), "")
            return False
        output = Path(output_text)
        if output.suffix.lower() != ".json":
            output = output.with_name(output.name + ".json")
            self._output.setText(str(output))
        year = self._year.value()
        meeting_date = self._meeting_date.text().strip()
        if meeting_date and date_problem(meeting_date):
            self._show_error(fill(self.tr("Meeting date: write it as 2024-01-19, not %1."), meeting_date), "")
            return False
        request = ImportRequest(
            text=self._text,
            name=self._name,
            output=output,
            title=self._title.text().strip(),
            year=None if year == self._year.minimum() else year,
            level=str(self._level.currentData() or ""),
            region=self._region.text().strip(),
            meeting=self._meeting.text().strip(),
            meeting_date=meeting_date,
            presenter=self._presenter.text().strip(),
            furniture=tuple(
                line.strip() for line in self._furniture.toPlainText().splitlines() if line.strip()
            ),
        )
        self._clear_error()
        self._set_running(True)
        worker = _ImportWorker(request, self)
        worker.succeeded.connect(self._on_worker_succeeded)
        worker.failed.connect(self._on_worker_failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        start_worker(worker)
        return True

    # --- helpers ------------------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        self._progress.setVisible(running)
        for widget in self.findChildren(QWidget):
            if widget not in (self._progress, self._buttons) and isinstance(
                widget, QLineEdit | QPushButton | QComboBox | QSpinBox | QPlainTextEdit
            ):
                widget.setEnabled(not running)
        self._import_button.setEnabled(not running)

    def _show_error(self, text: str, details: str) -> None:
        shown = visible_text(text if not details else f"{text}\n{details}", 1500)
        self._message.setText(shown)
        self._message.show()

    def _clear_error(self) -> None:
        self._message.clear()
        self._message.hide()

    # --- slots --------------------------------------------------------------------------------

    @Slot()
    def _on_file_editing_finished(self) -> None:
        text = self._file.text().strip()
        if text and text != self._name:
            self.set_text_file(text)

    @Slot()
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the report's text"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if path:
            self.set_text_file(path)

    @Slot()
    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save dataset as"), self._output.text(), self.tr("Report datasets (*.json)")
        )
        if path:
            self._output.setText(path)

    @Slot(object)
    def _on_worker_succeeded(self, outcome: ImportOutcome) -> None:
        self.imported.emit(outcome)
        self.accept()

    @Slot(str, str)
    def _on_worker_failed(self, kind: str, detail: str) -> None:
        name = self._name
        texts = {
            "empty": fill(
                self.tr("%1 holds no report text (it is empty, blank or only a licence notice)."), name
            ),
            "year": fill(self.tr("The report's year is not in %1. Enter it under Year."), name),
            "write": fill(self.tr("The dataset could not be written: %1"), detail),
        }
        text = texts.get(kind) or fill(self.tr("The import of %1 failed."), name)
        self._show_error(text, detail if kind == "internal" else "")

    @Slot()
    def _on_worker_finished(self) -> None:
        worker = self._worker
        self._worker = None
        self._set_running(False)
        if worker is not None:
            worker.deleteLater()

    def reject(self) -> None:
        if self._worker is not None:  # an import is being written: let it finish, atomically
            return
        super().reject()
