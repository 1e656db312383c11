"""Opening a report from the library: time from the request to a painted window (target < 300 ms).

One window (offscreen, 1366×768) with its charts, the library open; every national report is opened
in turn through the library controller, as a click in the library pane does, and the window is
painted synchronously (``repaint``). The charts follow right after that paint (they are built from
the event loop); their time is reported apart. The library's data folder is a fresh temporary one.

Run: ``python -m benchmarks.bench_library_open [--repeats N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from typing import Any

from benchmarks.stats import percentile

TARGET_S = 0.300


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "max": max(values),
        "n": len(values),
    }


def run(repeats: int = 1) -> dict[str, Any]:
    """Open every national report ``repeats`` times; times to a painted window and to its charts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["REPORT_VIEWER_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-library-")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.language import Language
    from desktop_app.core.loader import load_report
    from desktop_app.qt.app import create_application
    from desktop_app.qt.main_window import MainWindow
    from desktop_app.qt.settings import Settings

    app = create_application([sys.argv[0]])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(load_report(), Settings(settings), Language.ZH)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    charts = window.ensure_charts()
    controller = window.library_controller()
    library = controller.open_library_now()
    ids = [entry.id for entry in library.entries("national") if not entry.broken]
    painted: list[float] = []
    drawn: list[float] = []
    for _ in range(repeats):
        for entry_id in ids:
            start = time.perf_counter()
            if not controller.open_entry(entry_id):
                raise RuntimeError(f"{entry_id} did not open")
            window.repaint()
            painted.append(time.perf_counter() - start)
            deadline = time.perf_counter() + 10
            wanted = bool(window.report.all_indicators())
            while wanted and charts.built_count() == 0 and time.perf_counter() < deadline:
                app.processEvents()
            charts.repaint()
            drawn.append(time.perf_counter() - start)
    window.close()
    return {
        "reports": len(ids),
        "painted_s": _stats(painted),
        "charts_s": _stats(drawn),
        "target_s": TARGET_S,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.repeats)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    paint, charts = result["painted_s"], result["charts_s"]
    verdict = "ok" if paint["p95"] < result["target_s"] else "MISSED"
    print(
        f"open a national report ({result['reports']} reports × {args.repeats}): painted median "
        f"{paint['median'] * 1000:.0f} ms, p95 {paint['p95'] * 1000:.0f} ms, "
        f"max {paint['max'] * 1000:.0f} ms "
        f"(target < {result['target_s'] * 1000:.0f} ms) {verdict}; with charts median "
        f"{charts['median'] * 1000:.0f} ms, p95 {charts['p95'] * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
