"""Export the summary of a synthetic report with N figures; print peak memory and what the PDF holds.

Run as a script in a subprocess (``python many_figures.py N OUT.pdf [SCOPE]``) by the memory test and
by hand for the numbers in the notes. The report is the bundled one with its figures copied N times
over to N in all (new ids, spread values), so every chart gets thousands of candidates.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    count, output = int(sys.argv[1]), sys.argv[2]
    key = sys.argv[3] if len(sys.argv) > 3 else "all"
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841 - kept alive while rendering
    import pypdf

    from benchmarks.stats import peak_rss_mb
    from desktop_app.core.loader import load_report
    from desktop_app.core.scope import resolve_scope
    from desktop_app.qt.printing import export_pdf

    report = load_report()
    base = report.indicators
    # The originals stay (derived figures refer to them); copies make up the rest.
    figures = base + tuple(
        dataclasses.replace(base[n % len(base)], id=f"many-{n}", value=float(base[n % len(base)].value + n))
        for n in range(max(0, count - len(base)))
    )
    many = dataclasses.replace(report, indicators=figures)
    scope = resolve_scope(many, key)
    started = time.perf_counter()
    pages = export_pdf(many, scope, output)
    seconds = time.perf_counter() - started
    images = 0
    for page in pypdf.PdfReader(output).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is not None:
            images += sum(
                1 for x in xobjects.get_object().values() if x.get_object().get("/Subtype") == "/Image"
            )
    print(
        json.dumps(
            {
                "figures": count,
                "pages": pages,
                "charts": len(scope.chart_groups),
                "images": images,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak_rss_mb()),
            }
        )
    )


if __name__ == "__main__":
    main()
