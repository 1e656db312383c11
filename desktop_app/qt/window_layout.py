"""Where the window goes and how its panes share the width: decided here, applied by the window.

Geometry is worked out from the screen's *available* area (without panels and docks), in logical
pixels, so the same rules hold at 1920×1080, 1366×768, 1024×600 and at 2× scale.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QRect, QSize

__all__ = [
    "FRAME_ALLOWANCE",
    "PREFERRED_SIZE",
    "centre_pane_sizes",
    "fit_to_screens",
    "initial_geometry",
    "main_pane_sizes",
    "middle_is_squeezed",
    "side_dock_width",
]

PREFERRED_SIZE = QSize(1400, 880)
"""The window's size on a screen large enough for it."""
FRAME_ALLOWANCE = QMargins(4, 36, 4, 4)
"""Room left for the window manager's title bar and borders, which Qt learns only after showing."""
MIDDLE_MINIMUM = 320
"""The detail pane and charts need at least this width (px) to be read: a figure's name, value and bar."""
SIDE_DOCK_WIDTHS = (230, 340)
"""A side dock (the library) is 22 % of the window, within these widths (px)."""


def initial_geometry(available: QRect, frame: QMargins, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """The first window's inner geometry: the preferred size if it fits, else the available area.

    Args:
        available: the screen's available area.
        frame: the window manager's frame around the window (title bar, borders).
        preferred: the size wanted on a large screen.

    Returns:
        The geometry of the window without its frame, centred on ``available``; the frame fits too.
    """
    room = available.marginsRemoved(frame)
    size = preferred.boundedTo(room.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(room.center())
    return rect


def fit_to_screens(rect: QRect, screens: Sequence[QRect], frame: QMargins) -> QRect:
    """A restored inner geometry moved and shrunk so that the framed window lies on one screen.

    The screen chosen is the one holding most of ``rect`` (the first screen if none does). The
    window keeps its size where it fits and its position where it is fully visible.
    """
    if not screens:
        return QRect(rect)

    def overlap(screen: QRect) -> int:
        common = screen.intersected(rect.marginsAdded(frame))
        return common.width() * common.height() if common.isValid() else 0

    screen = max(screens, key=overlap) if any(overlap(s) for s in screens) else screens[0]
    room = screen.marginsRemoved(frame)
    size = rect.size().boundedTo(room.size())
    left = min(max(rect.left(), room.left()), room.right() + 1 - size.width())
    top = min(max(rect.top(), room.top()), room.bottom() + 1 - size.height())
    return QRect(left, top, size.width(), size.height())


def main_pane_sizes(width: int) -> list[int]:
    """Tree | detail and charts | source for a window ``width`` pixels wide.

    The middle column holds the detail pane and the charts, which need the room most: on narrow
    windows it gets half the width, the tree and the source text a quarter each.
    """
    if width >= 1600:
        shares = (0.22, 0.46, 0.32)
    elif width >= 1200:
        shares = (0.24, 0.46, 0.30)
    else:
        shares = (0.25, 0.50, 0.25)
    sizes = [round(width * share) for share in shares]
    sizes[1] += width - sum(sizes)
    return sizes


def side_dock_width(window_width: int) -> int:
    """The width of a side dock (the library) in a window ``window_width`` pixels wide.

    22 % of the window, at least 230 px (the pane's titles elided) and at most 340: on a 1024 px
    screen the dock, the tree, the middle and the source text then all keep a usable width.
    """
    low, high = SIDE_DOCK_WIDTHS
    return min(max(round(window_width * 0.22), low), high)


def middle_is_squeezed(sizes: Sequence[int]) -> bool:
    """Whether the middle pane of the main splitter (tree | middle | source) is too narrow to read.

    Too narrow: under :data:`MIDDLE_MINIMUM` pixels where the splitter has room for it, or under 40 %
    of the splitter's width (a dock beside it took its share).
    """
    total = sum(sizes)
    return sizes[1] < min(MIDDLE_MINIMUM, total // 2) or sizes[1] < 0.4 * total


def centre_pane_sizes(height: int) -> list[int]:
    """Detail pane over charts: an even split, the detail pane a little larger on short screens."""
    detail = round(height * (0.55 if height < 700 else 0.5))
    return [detail, height - detail]
