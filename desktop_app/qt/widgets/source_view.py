"""The source article: repaired reading order (or the raw page text), with repairs marked.

The document is built with QTextCursor.insertText and character formats, never
from HTML, so dataset text can't inject markup. Repaired places carry their
explanation as a format tooltip, shown on hover.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QRadioButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.model import ParagraphRole, Repair, RepairKind, Report, Span
from desktop_app.core.presentation import certainty_label, fill, repair_note_label, visible_text
from desktop_app.qt.text import tooltip, utf16_length, utf16_offset

_MARK_COLOURS = {
    RepairKind.MISREADING: QColor("#c0392b"),
    RepairKind.JOIN: QColor("#2e86c1"),
    RepairKind.MOVE: QColor("#8e44ad"),
    RepairKind.PUNCTUATION: QColor("#7f8c8d"),
    RepairKind.DROP: QColor("#95a5a6"),
}
HIGHLIGHT = QColor("#ffe066")
_RAW_MARKED = (RepairKind.DROP, RepairKind.FURNITURE, RepairKind.MISREADING, RepairKind.MOVE)


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where a paragraph's text starts in the document (Qt positions)."""

    start: int
    text: str


class _ArticleEdit(QTextEdit):
    """A read-only text view that shows character-format tooltips on hover."""

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            cursor = self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos()))
            # The format at a position belongs to the character before it; look one ahead.
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
            text = cursor.charFormat().toolTip()
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)


class SourceView(QWidget):
    """The article, repaired or raw, with repair marks and span highlighting.

    Signals:
        mode_changed(bool): True when the raw page text is shown.
    """

    mode_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePanel")
        self._report: Report | None = None
        self._placed: dict[str, _Placed] = {}
        self._highlighted: Span | None = None
        self._lang = Language.ZH

        self._repaired_button = QRadioButton(self.tr("Reading order (repaired)"))
        self._raw_button = QRadioButton(self.tr("Raw page text"))
        self._repaired_button.setChecked(True)
        self._punctuation_box = QCheckBox(self.tr("Mark punctuation repairs"))
        self._repaired_button.toggled.connect(self._on_mode_toggled)
        self._punctuation_box.toggled.connect(self._on_punctuation_toggled)

        self._edit = _ArticleEdit(self)
        self._edit.setObjectName("sourceView")
        self._edit.setAccessibleName(self.tr("Source article"))
        self._edit.setReadOnly(True)
        self._edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._edit.setAcceptRichText(False)
        self._edit.setMouseTracking(True)

        controls = QHBoxLayout()
        controls.addWidget(self._repaired_button)
        controls.addWidget(self._raw_button)
        controls.addStretch(1)
        controls.addWidget(self._punctuation_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self._edit)

    # --- public API -------------------------------------------------------------------------

    def text_edit(self) -> QTextEdit:
        return self._edit

    def is_raw(self) -> bool:
        return self._raw_button.isChecked()

    def set_report(self, report: Report) -> None:
        self._report = report
        self._highlighted = None
        self._rebuild()

    def set_language(self, lang: Language | str) -> None:
        """Use ``lang`` for the domain words of the repair tooltips (the UI's language)."""
        self._lang = Language.from_tag(lang)
        self._rebuild()

    def set_raw(self, raw: bool) -> None:
        (self._raw_button if raw else self._repaired_button).setChecked(True)

    def show_span(self, span: Span) -> bool:
        """Scroll to a span of the repaired text and highlight exactly its characters."""
        if self._report is None or span.paragraph_id not in self._placed:
            return False
        if self.is_raw():
            self.set_raw(False)
        placed = self._placed[span.paragraph_id]
        start = placed.start + utf16_offset(placed.text, span.start)
        end = placed.start + utf16_offset(placed.text, span.end)
        cursor = QTextCursor(self._edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(HIGHLIGHT))
        selection.format = fmt
        self._edit.setExtraSelections([selection])
        shown = QTextCursor(self._edit.document())
        shown.setPosition(start)
        self._edit.setTextCursor(shown)
        self._edit.ensureCursorVisible()
        # Centre the span's first line in the view rather than leaving it at an edge.
        bar = self._edit.verticalScrollBar()
        bar.setValue(
            bar.value() + self._edit.cursorRect(shown).center().y() - self._edit.viewport().height() // 2
        )
        self._highlighted = span
        return True

    def highlighted_text(self) -> str:
        """The characters currently highlighted (for tests and screen readers)."""
        selections = self._edit.extraSelections()
        if not selections:
            return ""
        return str(selections[0].cursor.selectedText())

    def clear_highlight(self) -> None:
        self._edit.setExtraSelections([])
        self._highlighted = None

    # --- building the document --------------------------------------------------------------

    @Slot(bool)
    def _on_mode_toggled(self, repaired: bool) -> None:
        self._rebuild()
        self.mode_changed.emit(not repaired)

    @Slot(bool)
    def _on_punctuation_toggled(self, _checked: bool) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        if self._report is None:
            return
        document = QTextDocument(self._edit)
        document.setDocumentMargin(12)
        self._placed = {}
        if self.is_raw():
            self._build_raw(document, self._report)
        else:
            self._build_repaired(document, self._report)
        self._edit.setDocument(document)
        self._edit.setExtraSelections([])
        if self._highlighted is not None and not self.is_raw():
            self.show_span(self._highlighted)

    def _build_repaired(self, document: QTextDocument, report: Report) -> None:
        cursor = QTextCursor(document)
        plain = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        headline = QTextCharFormat(heading)
        headline.setFontPointSize(16)
        formats = {ParagraphRole.HEADING: heading, ParagraphRole.HEADLINE: headline}
        block = QTextBlockFormat()
        block.setBottomMargin(6)
        block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        for number, paragraph in enumerate(report.paragraphs):
            if number:
                cursor.insertBlock(block)
            self._placed[paragraph.id] = _Placed(cursor.position(), paragraph.text)
            cursor.insertText(
                visible_text(paragraph.text) if _needs_escape(paragraph.text) else paragraph.text,
                formats.get(paragraph.role, plain),
            )
        show_punctuation = self._punctuation_box.isChecked()
        for repair in report.repairs:
            if repair.span is None or (repair.kind is RepairKind.PUNCTUATION and not show_punctuation):
                continue
            placed = self._placed.get(repair.span.paragraph_id)
            if placed is None:
                continue
            start = placed.start + utf16_offset(placed.text, repair.span.start)
            end = placed.start + utf16_offset(placed.text, repair.span.end)
            if start == end:  # a join: mark the character after the break
                end = min(start + 1, placed.start + utf16_length(placed.text))
            self._mark(cursor, start, end, repair.kind, _repair_tooltip(repair, self._lang))

    def _build_raw(self, document: QTextDocument, report: Report) -> None:
        cursor = QTextCursor(document)
        raw = report.source.text
        cursor.insertText(visible_text(raw) if _needs_escape(raw) else raw, QTextCharFormat())
        if _needs_escape(raw):
            return  # offsets no longer line up with escaped text; show it unmarked
        for repair in report.repairs:
            if repair.kind not in _RAW_MARKED:
                continue
            for span in repair.raw_spans:
                start, end = utf16_offset(raw, span.start), utf16_offset(raw, span.end)
                self._mark(cursor, start, end, repair.kind, _repair_tooltip(repair, self._lang))

    @staticmethod
    def _mark(cursor: QTextCursor, start: int, end: int, kind: RepairKind, tip: str) -> None:
        if end <= start:
            return
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setToolTip(tip)
        colour = _MARK_COLOURS.get(kind, _MARK_COLOURS[RepairKind.PUNCTUATION])
        if kind in (RepairKind.DROP, RepairKind.FURNITURE):
            fmt.setForeground(QBrush(colour))
            fmt.setFontStrikeOut(True)
        else:
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.WaveUnderline
                if kind is RepairKind.MISREADING
                else QTextCharFormat.UnderlineStyle.DotLine
            )
            fmt.setUnderlineColor(colour)
        cursor.mergeCharFormat(fmt)


def _needs_escape(text: str) -> bool:
    return visible_text(text) != text


def _repair_tooltip(repair: Repair, lang: Language) -> str:
    """What a repaired place says on hover: the kind of repair, the raw text, the reading, the note."""
    # Interface words under this class's context, written out so that lupdate files them there.
    lines = [repair_note_label(repair.kind, lang)]
    if repair.raw_text.strip():
        lines.append(fill(QCoreApplication.translate("SourceView", "Raw: %1"), repair.raw_text))
    if repair.kind is RepairKind.MISREADING and repair.reading is not None:
        lines.append(fill(QCoreApplication.translate("SourceView", "Reading: %1"), repair.reading))
        lines.append(
            fill(
                QCoreApplication.translate("SourceView", "Certainty: %1"),
                certainty_label(repair.certainty, lang),
            )
        )
        if not repair.applied:
            lines.append(QCoreApplication.translate("SourceView", "Not applied: the raw text is kept"))
    lines.append(repair.note)
    return tooltip(*lines)
