"""The source article: repaired reading order (or the raw page text), with repairs marked.

The document is built with QTextCursor.insertText and character formats, never
from HTML, so dataset text can't inject markup. Repaired places carry their
explanation as a format tooltip, shown on hover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, Signal, Slot
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
    QRadioButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.model import ParagraphRole, Repair, RepairKind, Report, Span
from desktop_app.core.presentation import (
    certainty_label,
    editorial_text,
    fill,
    repair_note_label,
    visible_text,
)
from desktop_app.core.source_map import raw_spans, repaired_position
from desktop_app.qt.text import code_point_index, tooltip, utf16_length, utf16_offset

_MARK_COLOURS = {
    RepairKind.MISREADING: QColor("#c0392b"),
    RepairKind.JOIN: QColor("#2e86c1"),
    RepairKind.MOVE: QColor("#8e44ad"),
    RepairKind.PUNCTUATION: QColor("#7f8c8d"),
    RepairKind.DROP: QColor("#95a5a6"),
}
HIGHLIGHT = QColor("#ffe066")
FOCUS = QColor("#ff9f1c")  # a part of the highlighted span to single out (a figure in its sentence)
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
        self._focus: Span | None = None
        self._raw_escaped = False  # the raw text had to be escaped: its offsets are not the report's
        self._built_for: Report | None = None  # the report the shown document was built from
        # The document this view built and owns (not the edit's initial one, which Qt deletes itself).
        # Kept here because asking the old document for its parent() makes shiboken wrap Qt's
        # private text control, which cost ~50 ms of the first paint.
        self._document: QTextDocument | None = None
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

        # One control a line: side by side they made the pane ~470 px wide at least (all three) or
        # ~250 (the two modes), which squeezed the detail pane and the charts on a 1024-px screen
        # once the library was shown beside them.
        controls = QVBoxLayout()
        controls.setSpacing(2)
        controls.addWidget(self._repaired_button)
        controls.addWidget(self._raw_button)
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
        self._focus = None
        self._rebuild()

    def set_language(self, lang: Language | str) -> None:
        """Use ``lang`` for the domain words of the repair tooltips (the UI's language)."""
        self._lang = Language.from_tag(lang)
        self._rebuild()

    def set_raw(self, raw: bool) -> None:
        (self._raw_button if raw else self._repaired_button).setChecked(True)

    def show_span(self, span: Span, focus: Span | None = None) -> bool:
        """Scroll to a span of the repaired text and highlight exactly its characters.

        In raw mode the raw characters it came from are highlighted (a passage joined across a
        column break is highlighted in both places). Raw text shown escaped cannot be highlighted:
        then the view switches to the repaired text. ``focus`` (a figure in its sentence) is
        highlighted more strongly on top.
        """
        if self._report is None or span.paragraph_id not in self._report.paragraph_by_id:
            return False
        if self.is_raw() and self._raw_escaped:
            self.set_raw(False)
        ranges = self._ranges(span)
        if not ranges:
            return False
        self._highlighted = span
        self._focus = focus
        self._apply_highlight(ranges, self._ranges(focus) if focus is not None else [])
        self._centre(ranges[0][0])
        return True

    def show_paragraphs(self, paragraph_ids: Sequence[str], words: Span | None = None) -> bool:
        """Bring a goal area's or section's paragraphs into view: the first one at the top.

        ``words`` (a goal area's own clause in the paragraph naming all eight) are highlighted and
        kept in view; without them any earlier highlight goes. Returns False when none of the
        paragraphs is in the article.
        """
        report = self._report
        if report is None:
            return False
        for paragraph_id in paragraph_ids:
            paragraph = report.paragraph_by_id.get(paragraph_id)
            if paragraph is None:
                continue
            span = Span(paragraph.id, 0, len(paragraph.text), paragraph.text)
            ranges = self._ranges(span)
            if ranges:
                self._scroll_to_top(ranges[0][0])
                self._mark_in_view(words)
                return True
        return False

    def _mark_in_view(self, words: Span | None) -> None:
        marked = self._ranges(words) if words is not None else []
        if not marked:
            self.clear_highlight()
            return
        self._highlighted, self._focus = words, None
        self._apply_highlight(marked)
        shown = QTextCursor(self._edit.document())
        shown.setPosition(marked[0][0])
        if not self._edit.viewport().rect().contains(self._edit.cursorRect(shown)):
            self._centre(marked[0][0])

    def highlighted_text(self) -> str:
        """The characters currently highlighted (for tests and screen readers).

        Several highlighted places (a passage from two places on the page) are joined with "|".
        """
        return "|".join(str(s.cursor.selectedText()) for s in self._edit.extraSelections())

    def reading_position(self) -> tuple[str, int] | None:
        """The paragraph and offset (repaired text) at the top of the view, in either mode."""
        position = self._edit.cursorForPosition(QPoint(4, 4)).position()
        report = self._report
        if report is None:
            return None
        if self.is_raw():
            raw = report.source.text
            return None if self._raw_escaped else repaired_position(report, code_point_index(raw, position))
        before = [(placed.start, paragraph_id) for paragraph_id, placed in self._placed.items()]
        before = [item for item in before if item[0] <= position]
        if not before:
            return None
        _, paragraph_id = max(before)
        here = self._placed[paragraph_id]
        return paragraph_id, code_point_index(here.text, position - here.start)

    # --- positions ----------------------------------------------------------------------------

    def _ranges(self, span: Span) -> list[tuple[int, int]]:
        """The document positions (start, end) showing a span in the current mode."""
        report = self._report
        if report is None:
            return []
        if not self.is_raw():
            placed = self._placed.get(span.paragraph_id)
            if placed is None:
                return []
            start = placed.start + utf16_offset(placed.text, span.start)
            return [(start, placed.start + utf16_offset(placed.text, span.end))]
        if self._raw_escaped:
            return []
        raw = report.source.text
        return [
            (utf16_offset(raw, part.start), utf16_offset(raw, part.end))
            for part in raw_spans(report, span.paragraph_id, span.start, span.end)
        ]

    def _apply_highlight(
        self, ranges: list[tuple[int, int]], focus: list[tuple[int, int]] | None = None
    ) -> None:
        selections = []
        for colour, places in ((HIGHLIGHT, ranges), (FOCUS, focus or [])):
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(colour))
            for start, end in places:
                cursor = QTextCursor(self._edit.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
        self._edit.setExtraSelections(selections)

    def _layout(self) -> None:
        # Qt lays out a long document in steps; finish it so that the scroll range is final.
        self._edit.document().size()

    def _centre(self, position: int) -> None:
        self._layout()
        shown = QTextCursor(self._edit.document())
        shown.setPosition(position)
        self._edit.setTextCursor(shown)
        self._edit.ensureCursorVisible()
        # Centre the span's first line in the view rather than leaving it at an edge.
        bar = self._edit.verticalScrollBar()
        bar.setValue(
            bar.value() + self._edit.cursorRect(shown).center().y() - self._edit.viewport().height() // 2
        )

    def _scroll_to_top(self, position: int) -> None:
        self._layout()
        shown = QTextCursor(self._edit.document())
        shown.setPosition(position)
        self._edit.setTextCursor(shown)
        bar = self._edit.verticalScrollBar()
        bar.setValue(bar.value() + self._edit.cursorRect(shown).top())

    def clear_highlight(self) -> None:
        self._edit.setExtraSelections([])
        self._highlighted = None
        self._focus = None

    # --- building the document --------------------------------------------------------------

    @Slot(bool)
    def _on_mode_toggled(self, repaired: bool) -> None:
        self._rebuild()
        self.mode_changed.emit(not repaired)

    @Slot(bool)
    def _on_punctuation_toggled(self, _checked: bool) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """Build the document for the current mode, keeping the reading position and the highlight."""
        report = self._report
        if report is None:
            return
        # Where the reader is, in mode-independent terms, before the text changes under it.
        position = self.reading_position() if self._built_for is report else None
        document = QTextDocument(self._edit)
        document.setUndoRedoEnabled(False)  # a read-only view: no undo history of the build
        document.setDocumentMargin(12)
        self._placed = {}
        self._raw_escaped = False
        if self.is_raw():
            self._build_raw(document, report)
        else:
            self._build_repaired(document, report)
        old = self._document
        self._edit.setExtraSelections([])
        self._edit.setDocument(document)
        self._document = document
        # QTextEdit does not delete a document it was given; without this each rebuild kept ~200 KB.
        # Deleted now, not by deleteLater: that waits for the event loop, which a burst of rebuilds
        # (or a caller without one) may not return to; nothing refers to the old document any more.
        if old is not None:
            shiboken6.delete(old)
        self._built_for = report
        if self._highlighted is not None:
            ranges = self._ranges(self._highlighted)
            self._apply_highlight(ranges, self._ranges(self._focus) if self._focus is not None else [])
            if position is None and ranges:
                self._centre(ranges[0][0])
        if position is not None:
            paragraph_id, offset = position
            ranges = self._ranges(Span(paragraph_id, offset, offset, ""))
            if ranges:
                self._scroll_to_top(ranges[0][0])

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
            self._raw_escaped = True
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
    lines.append(editorial_text(repair.note, repair.note_en, lang))
    return tooltip(*lines)
