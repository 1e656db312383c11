"""Startup and memory against bare-Qt baselines measured in the same run.

Each sample is a fresh process started with the same Python, offscreen. The app
reports through its startup probe (``REPORT_VIEWER_STARTUP_PROBE=1``): the time of
its first paint, the time its charts were drawn, and its peak RSS. Baselines:

* ``bare``: a QMainWindow, shown and painted;
* ``plot``: a QMainWindow holding a pyqtgraph PlotWidget with a bar chart.

Runs alternate app and baselines so that a noisy machine affects both alike. ``--other-tree PATH``
also runs the app of another source checkout (an older commit's worktree, first on ``PYTHONPATH``)
in the same alternation, for a before/after comparison.
Run: ``python -m benchmarks.bench_startup [--repeats N] [--other-tree PATH]``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.stats import percentile

_BASELINE = r"""
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 880)
if sys.argv[1] == "plot":
    import pyqtgraph as pg
    plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x0=0, y=[1, 2, 3], height=0.6, width=[2504, 246, 100]))
    window.setCentralWidget(plot)
class Probe(QObject):
    done = False
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.UpdateRequest and not self.done:
            self.done = True
            def report():
                print(f"painted {time.time():.6f}", flush=True)
                print(f"painted_cpu {time.process_time():.6f}", flush=True)
                print(f"maxrss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
                app.quit()
            QTimer.singleShot(0, report)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _environment(tree: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["REPORT_VIEWER_STARTUP_PROBE"] = "1"
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    return env


def _run(command: Sequence[str], tree: Path | None = None) -> dict[str, float]:
    start = time.time()
    result = subprocess.run(
        command, capture_output=True, text=True, env=_environment(tree), timeout=120, check=False
    )
    values: dict[str, float] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in ("painted", "charts"):
            values[key] = float(value) - start
        elif key in ("maxrss_kb", "painted_cpu"):
            values[key] = float(value)
    if "painted" not in values:
        raise RuntimeError(f"{command} did not report: {result.stdout}\n{result.stderr}")
    return values


def _compile_app(tree: Path | None = None) -> None:
    """Write the app's bytecode, as ``pip install`` does, so no sample pays for compiling it.

    Qt, pyqtgraph and numpy were compiled when pip installed them; an editable install of the app,
    or a machine with PYTHONDONTWRITEBYTECODE set, would otherwise compile the app's ~40 modules
    in every sample, a cost the baselines do not share and an installed app does not have.
    """
    if tree is None:
        import desktop_app

        package = Path(desktop_app.__file__).resolve().parent
    else:
        package = tree / "desktop_app"
    compileall.compile_dir(package, quiet=1)


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "p95": percentile(values, 0.95), "n": len(values)}


def run(repeats: int = 7, other_tree: Path | None = None) -> dict[str, object]:
    """Measure startup and peak memory; returns medians, p95 and the ratios to the baselines.

    Args:
        repeats: samples of each.
        other_tree: a source checkout whose app is sampled too, in the same alternation.
    """
    _compile_app()
    if other_tree is not None:
        _compile_app(other_tree)
    app_cmd = [sys.executable, "-m", "desktop_app"]
    bare_cmd = [sys.executable, "-c", _BASELINE, "bare"]
    plot_cmd = [sys.executable, "-c", _BASELINE, "plot"]
    samples: dict[str, list[dict[str, float]]] = {"app": [], "bare": [], "plot": [], "other": []}
    _run(app_cmd)  # warm the file cache once; not counted
    if other_tree is not None:
        _run(app_cmd, other_tree)
    for _ in range(repeats):
        samples["bare"].append(_run(bare_cmd))
        samples["app"].append(_run(app_cmd))
        if other_tree is not None:
            samples["other"].append(_run(app_cmd, other_tree))
        samples["plot"].append(_run(plot_cmd))
    app_paint = _stats([s["painted"] for s in samples["app"]])
    app_paint_cpu = _stats([s["painted_cpu"] for s in samples["app"]])
    bare_cpu = _stats([s["painted_cpu"] for s in samples["bare"]])
    app_charts = _stats([s["charts"] for s in samples["app"]])
    bare = _stats([s["painted"] for s in samples["bare"]])
    plot = _stats([s["painted"] for s in samples["plot"]])
    app_rss = _stats([s["maxrss_kb"] for s in samples["app"]])
    plot_rss = _stats([s["maxrss_kb"] for s in samples["plot"]])
    result: dict[str, object] = {
        "first_paint_s": {
            "app": app_paint,
            "baseline_bare_window": bare,
            "ratio": app_paint["median"] / bare["median"],
            "target": 1.3,
        },
        # CPU seconds of the process until its first paint: steadier than wall time on a busy machine.
        "first_paint_cpu_s": {
            "app": app_paint_cpu,
            "baseline_bare_window": bare_cpu,
            "ratio": app_paint_cpu["median"] / bare_cpu["median"],
            "target": 1.3,
        },
        "charts_drawn_s": {
            "app": app_charts,
            "baseline_plot_window": plot,
            "ratio": app_charts["median"] / plot["median"],
            "target": 1.1,
        },
        "peak_rss_kb": {
            "app": app_rss,
            "baseline_plot_window": plot_rss,
            "ratio": app_rss["median"] / plot_rss["median"],
            "target": 1.3,
        },
    }
    if other_tree is not None:
        other_cpu = _stats([s["painted_cpu"] for s in samples["other"]])
        result["first_paint_cpu_s_other_tree"] = {
            "app": app_paint_cpu,
            "baseline_other_tree": other_cpu,
            "ratio": app_paint_cpu["median"] / other_cpu["median"],
            "target": 1.0,
        }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--other-tree", type=Path, help="another source checkout to sample alike")
    args = parser.parse_args()
    result = run(args.repeats, args.other_tree.resolve() if args.other_tree else None)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for name, entry in result.items():
        assert isinstance(entry, dict)
        app = entry["app"]
        base_key = next(k for k in entry if k.startswith("baseline"))
        base = entry[base_key]
        print(
            f"{name:16} app {app['median']:.3f} (p95 {app['p95']:.3f})  {base_key} {base['median']:.3f}  "
            f"ratio {entry['ratio']:.2f} (target ≤ {entry['target']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
