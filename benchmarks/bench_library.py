"""The library (issue 15): opening the catalogue, listing entries, loading a report through it.

Each figure is a median over repeats; the baseline is the loader reading the bundled Linzi report
directly (what the app did before the library), measured in the same run, so the ratios say what the
library adds and what a national report costs against the report that opens first.
Run: ``python -m benchmarks library [--quick] [--json]``.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.stats import percentile
from desktop_app.core.library import DEFAULT_REPORT, Library
from desktop_app.core.loader import load_report
from desktop_app.core.resources import bundled_dataset_path


def _times(action: Callable[[], object], repeats: int) -> dict[str, float]:
    samples, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {
        "median_s": statistics.median(samples),
        "p95_s": percentile(samples, 0.95),
        "cpu_median_s": statistics.median(cpu),  # this process only: robust to a busy machine
        "n": len(samples),
    }


def run(repeats: int = 7) -> dict[str, Any]:
    """Times of the library's operations and their ratio to loading the Linzi report directly."""
    results: dict[str, Any] = {}
    results["baseline_load_linzi"] = _times(lambda: load_report(bundled_dataset_path()), repeats)
    with tempfile.TemporaryDirectory() as tmp:
        folders = iter(range(10_000))

        def cold_open() -> None:
            Library.open(Path(tmp) / f"cold{next(folders)}").close()

        results["open_cold"] = _times(cold_open, repeats)
        data_dir = Path(tmp) / "warm"
        Library.open(data_dir).close()
        results["open_warm"] = _times(lambda: Library.open(data_dir).close(), repeats)
        with Library.open(data_dir) as library:
            results["entries_all"] = _times(library.entries, repeats * 5)
            results["entries_all"]["count"] = len(library.entries())
            results["collections"] = _times(library.collections, repeats * 5)
            results["load_linzi"] = _times(lambda: library.load(DEFAULT_REPORT), repeats)
            results["load_national_2025"] = _times(lambda: library.load("national/2025"), repeats)
            largest = max(library.entries("national"), key=lambda e: e.path.stat().st_size)
            results["load_national_largest"] = _times(lambda: library.load(largest.id), repeats)
            results["load_national_largest"]["id"] = largest.id
            results["load_national_all"] = _times(
                lambda: [library.load(e.id) for e in library.entries("national")], max(1, repeats // 3)
            )
            incoming = Path(tmp) / "incoming"
            incoming.mkdir()
            document = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
            source = bundled_dataset_path().parent / document["source"]["file"]
            (incoming / "source").mkdir()
            (incoming / document["source"]["file"]).write_bytes(source.read_bytes())
            counter = iter(range(10_000))

            def add_remove() -> None:
                document["id"] = f"bench-{next(counter)}"
                path = incoming / "bench.json"
                path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
                library.remove(library.add(path).id)

            results["add_remove_user"] = _times(add_remove, repeats)
    base = results["baseline_load_linzi"]["median_s"]
    for key in ("load_linzi", "load_national_2025", "load_national_largest"):
        results[key]["ratio"] = results[key]["median_s"] / base
    return results


def format_table(results: dict[str, Any]) -> str:
    lines = ["Library (median wall time; CPU = this process; ratio = to loading Linzi directly, same run)"]
    for name, row in results.items():
        ratio = f"  ratio {row['ratio']:.2f}" if "ratio" in row else ""
        extra = f"  ({row['count']} entries)" if "count" in row else f"  ({row['id']})" if "id" in row else ""
        lines.append(
            f"  {name:22} {row['median_s'] * 1000:9.2f} ms  (p95 {row['p95_s'] * 1000:8.2f}, "
            f"CPU {row['cpu_median_s'] * 1000:8.2f}){ratio}{extra}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_table(run()))
