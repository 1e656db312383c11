"""The chart images of a printed summary: rendered one at a time, held in bounded memory.

Each chart is rendered at print resolution by :func:`desktop_app.qt.charts.render_group_image`,
one after the other. A summary holds at most :data:`MAX_CHARTS` charts; the images are kept as
they are while they fit in :data:`DECODED_BUDGET` bytes together, and deflated beyond it (a chart
is mostly white: 5 MB become about 80 kB), so memory does not grow with the number of charts; a
deflated image is inflated again only while it is drawn. A chart that cannot be drawn stops the
summary with a :class:`PrintError` naming it: a printout never silently lacks a chart.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QImage, QTextDocument

from desktop_app.core.charting import ChartGroup
from desktop_app.core.language import Language
from desktop_app.qt.charts import ChartRenderError, render_group_image

__all__ = ["DECODED_BUDGET", "MAX_CHARTS", "ChartStore", "PrintError", "StoreDocument"]

MAX_CHARTS = 40
"""The most charts one printed summary holds (the bundled report has 12; a goal area a few)."""
DECODED_BUDGET = 96 * 1024 * 1024
"""Bytes of chart images kept as they are; beyond this, images are kept deflated."""
_SCREEN_DPI = 96


class PrintError(OSError):
    """The summary could not be prepared for print (a chart could not be drawn, too many charts).

    An :class:`OSError`, so the window's and the command line's handlers for failed exports show
    its message; nothing is written.
    """


@dataclass(frozen=True, slots=True)
class _Deflated:
    data: bytes
    width: int
    height: int
    bytes_per_line: int


class ChartStore:
    """The rendered charts of one summary, by resource name.

    Args:
        groups: The charts, in order (anything with a ``title`` when ``render`` is given).
        width_px: Their width in pixels.
        dpi: Their resolution.
        lang: The language of the words drawn inside them.
        render: Draws chart ``index`` (from 0) ``width_px`` pixels wide at ``dpi``, for charts that
            are not a :class:`ChartGroup` (a series across years); by default
            :func:`~desktop_app.qt.charts.render_group_image`.

    Raises:
        PrintError: More than :data:`MAX_CHARTS` charts, or a chart could not be drawn.
    """

    def __init__(
        self,
        groups: Sequence[ChartGroup],
        width_px: int,
        dpi: int,
        lang: Language,
        *,
        render: Callable[[int, int], QImage] | None = None,
    ) -> None:
        if len(groups) > MAX_CHARTS:
            raise PrintError(
                f"the summary would hold {len(groups)} charts, more than the {MAX_CHARTS} a printout "
                "can hold: print one goal area, or the figures only (tables, no charts)"
            )
        self._images: dict[str, QImage | _Deflated] = {}
        self.sizes: dict[str, tuple[int, int]] = {}
        """Each chart's size in CSS pixels (96 dpi), for its ``<img>``: a layout then need not load it."""
        self._ratio = dpi / _SCREEN_DPI
        self._inflated: tuple[str, QImage] | None = None
        kept = 0
        for number, group in enumerate(groups, start=1):
            image = _render(group, number, width_px, dpi, lang, render)
            self.sizes[self.name(number)] = (
                round(image.width() / self._ratio),
                round(image.height() / self._ratio),
            )
            size = image.sizeInBytes()
            if kept + size <= DECODED_BUDGET:
                self._images[self.name(number)] = image
                kept += size
            else:
                self._images[self.name(number)] = _Deflated(
                    zlib.compress(bytes(image.constBits()), 1),
                    image.width(),
                    image.height(),
                    image.bytesPerLine(),
                )
            del image  # one chart at a time

    @staticmethod
    def name(number: int) -> str:
        """The resource name of chart ``number`` (from 1), as the summary's ``<img src>``."""
        return f"report-chart-{number}.png"

    def __len__(self) -> int:
        return len(self._images)

    def image(self, name: str) -> QImage | None:
        """The image for resource ``name`` (sized by its device pixel ratio), or None if not a chart."""
        stored = self._images.get(name)
        if stored is None or isinstance(stored, QImage):
            return stored
        if self._inflated is None or self._inflated[0] != name:
            self._inflated = None  # the previous one is let go before the next is inflated
            raw = zlib.decompress(stored.data)
            image = QImage(
                raw, stored.width, stored.height, stored.bytes_per_line, QImage.Format.Format_RGB32
            ).copy()  # own the pixels; ``raw`` is freed
            image.setDevicePixelRatio(self._ratio)
            self._inflated = (name, image)
        return self._inflated[1]


class StoreDocument(QTextDocument):
    """A text document whose chart images come from a :class:`ChartStore` when drawn, not copies of them."""

    def __init__(self, store: ChartStore) -> None:
        super().__init__()
        self._store = store

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        image = self._store.image(name.toString() if isinstance(name, QUrl) else name)
        return image if image is not None else super().loadResource(kind, name)


def _render(
    group: ChartGroup,
    number: int,
    width_px: int,
    dpi: int,
    lang: Language,
    render: Callable[[int, int], QImage] | None = None,
) -> QImage:
    title = group.title if lang is Language.ZH else getattr(group, "title_en", "") or group.title
    try:
        if render is not None:
            image = render(number - 1, width_px)
        else:
            image = render_group_image(group, width_px, dpi, lang=lang)
    except (ChartRenderError, ValueError, MemoryError) as error:
        raise PrintError(f"chart {number} ({title}) could not be drawn: {error}") from error
    finally:
        # The off-screen chart is deleted later; an export has no event loop to do it, so each
        # chart's widgets (about 50 MB at 300 dpi) would stay until the process ends.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    if image.isNull():
        raise PrintError(f"chart {number} ({title}) could not be drawn: no image (out of memory?)")
    # No alpha channel: the PDF needs no soft mask, and the file is smaller.
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    if image.isNull():
        raise PrintError(f"chart {number} ({title}) could not be drawn: no image (out of memory?)")
    # Sized by the document as width / ratio pixels at 96 dpi, i.e. its print width on paper.
    image.setDevicePixelRatio(dpi / _SCREEN_DPI)
    return image
