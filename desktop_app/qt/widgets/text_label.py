"""A word-wrapped label that lays its text out once per width, not once per question."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["TextLabel"]


class TextLabel(QLabel):
    """A QLabel whose ``heightForWidth()`` answers from memory while its text and looks are unchanged.

    QLabel lays its whole text out anew for every ``heightForWidth()`` question, also for a width it
    has answered before (a selectable label even twice: at the width, then back). Layouts ask often:
    a vertical box asks each label twice per width (``QWidgetItem::minimumHeightForWidth`` is not
    cached), nested boxes and the scroll area ask again. Before the first paint the detail pane's
    overview was asked 132 times for 24 different answers, a twelfth of the start-up's instructions.
    """

    _MAX_WIDTHS = 32  # dragging a splitter asks for many widths: keep the memory small

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._looks: tuple[object, ...] = ()
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        looks = self._layout_looks()
        if looks != self._looks or len(self._heights) >= self._MAX_WIDTHS:
            self._looks = looks
            self._heights = {}
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._laid_out_height(width)
        return height

    def _laid_out_height(self, width: int) -> int:
        return super().heightForWidth(width)

    def _layout_looks(self) -> tuple[object, ...]:
        """Everything besides the width that QLabel's height for a width depends on."""
        margins = self.contentsMargins()
        return (
            self.text(),
            self.textFormat(),
            self.wordWrap(),
            self.textInteractionFlags(),
            self.alignment(),
            self.font().key(),
            self.margin(),
            self.indent(),
            self.frameWidth(),
            (margins.left(), margins.top(), margins.right(), margins.bottom()),
            self.maximumWidth(),
        )
