"""The printable Targets & outcomes summary, through the report summary's printing machinery.

The HTML is :func:`desktop_app.core.targets.summary.build_targets_summary_html`'s; each series'
chart is drawn at print resolution by :func:`desktop_app.qt.charts.targets.render_series_image` and
held by the printing package's :class:`~desktop_app.qt.printing.chart_store.ChartStore`; the pages
(header, footer with page numbers, bookmarks, embedded fonts) are
:class:`~desktop_app.qt.printing.layout.SummaryDocument`'s, as for a report.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence

from PySide6.QtGui import QImage

from desktop_app.appinfo import APP_NAME
from desktop_app.core.atomic import atomic_write_bytes
from desktop_app.core.language import Language
from desktop_app.core.targets.chart import SeriesChart
from desktop_app.core.targets.display import series_chart
from desktop_app.core.targets.summary import build_targets_summary_html, summary_title
from desktop_app.core.targets.types import Pair
from desktop_app.qt.charts.targets import render_series_image
from desktop_app.qt.printing.chart_store import ChartStore
from desktop_app.qt.printing.layout import CHART_DPI, SummaryDocument, chart_width_px
from desktop_app.qt.printing.pdf import document_pdf_bytes

__all__ = ["export_targets_pdf", "targets_document"]

CHART_ASPECT = 0.42
"""A printed series chart's height as a share of its width."""


def _charts(pairs: Sequence[Pair], lang: Language) -> list[SeriesChart]:
    seen: dict[str, SeriesChart] = {}
    for pair in pairs:
        if pair.series.key not in seen:
            chart = series_chart(pair.series, pairs, lang)
            seen[pair.series.key] = chart
    return [c for c in seen.values() if not c.empty]


def targets_document(
    pairs: Sequence[Pair],
    lang: Language = Language.ZH,
    *,
    collection: str = "",
    generated: datetime.date | None = None,
    chart_dpi: int = CHART_DPI,
) -> SummaryDocument:
    """The Targets & outcomes summary of ``pairs``, laid out for print or PDF.

    Raises:
        PrintError: A chart could not be drawn, or there are too many series to chart.
    """
    charts = _charts(pairs, lang)
    width = chart_width_px(chart_dpi)
    scale = chart_dpi / 96

    def render(index: int, width_px: int) -> QImage:
        size = (round(width_px / scale), round(width_px / scale * CHART_ASPECT))
        return render_series_image(charts[index], size, scale, lang)

    store = ChartStore(charts, width, chart_dpi, lang, render=render)  # type: ignore[arg-type]
    images = {
        chart.key: (ChartStore.name(n), store.sizes[ChartStore.name(n)]) for n, chart in enumerate(charts, 1)
    }
    html = build_targets_summary_html(
        pairs,
        lang=lang,
        collection=collection,
        chart_images=images,
        generated=generated or datetime.date.today(),
    )
    citation = collection or summary_title(lang)
    return SummaryDocument.from_html(summary_title(lang), citation, lang, html, store)


def export_targets_pdf(
    pairs: Sequence[Pair],
    path: str | os.PathLike[str],
    lang: Language = Language.ZH,
    page_size: str = "A4",
    *,
    collection: str = "",
    generated: datetime.date | None = None,
) -> int:
    """Write the Targets & outcomes summary as a PDF file, atomically; the number of pages.

    Raises:
        ValueError: An unknown page size.
        PrintError: A chart could not be drawn.
        ExportError: The file could not be written; nothing is left behind.
    """
    document = targets_document(pairs, lang, collection=collection, generated=generated)
    pdf, pages = document_pdf_bytes(document, APP_NAME, summary_title(lang), page_size)
    atomic_write_bytes(path, pdf)
    return pages
