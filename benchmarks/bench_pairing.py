"""Pairing and verdicts over the bundled national collection (issue 16), without the view.

The reports are loaded once through the library (that cost is the library's benchmark); what is timed
is :func:`desktop_app.core.targets.pair` over all of them, cold (the first call: series table and the
national review's words read and located) and warm, and turning the pairs into the CLI's JSON. The
Targets & outcomes view must open in < 300 ms with all years; pairing is part of that, so it has to
stay well under it (the view's own timing is :mod:`benchmarks.bench_targets`). Wall times and this
process's CPU times (robust to a busy machine) are both given.
Run: ``python -m benchmarks targets [--quick] [--json]`` (with the view's).
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
from desktop_app.core.library import Library
from desktop_app.core.model import Report
from desktop_app.core.targets import pair, pairs_json
from desktop_app.core.targets.series import series_table
from desktop_app.core.targets.texts import _national_entries

TARGET_S = 0.3  # the view's whole budget; pairing should take a small part of it


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
        "cpu_median_s": statistics.median(cpu),
        "n": len(samples),
    }


def _reports() -> list[Report]:
    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp))
        try:
            return [library.load(e.id) for e in library.entries("national")]
        finally:
            library.close()


def run(repeats: int = 7) -> dict[str, Any]:
    """Times of pairing the whole national collection, cold and warm, and of its JSON."""
    reports = _reports()

    def cold() -> None:
        series_table.cache_clear()
        _national_entries.cache_clear()
        pair(reports)

    pairs = pair(reports)
    results: dict[str, Any] = {
        "reports": len(reports),
        "pairs": len(pairs),
        "pair_cold": _times(cold, repeats),
        "pair_warm": _times(lambda: pair(reports), repeats),
        "json": _times(lambda: json.dumps(pairs_json(pairs), ensure_ascii=False), repeats),
        "target_s": TARGET_S,
    }
    return results


def format_table(results: dict[str, Any]) -> str:
    lines = [
        f"Targets and outcomes: {results['reports']} national reports, {results['pairs']} pairs "
        f"(view budget {results['target_s'] * 1000:.0f} ms)"
    ]
    for name in ("pair_cold", "pair_warm", "json"):
        row = results[name]
        lines.append(
            f"  {name:10} median {row['median_s'] * 1000:7.1f} ms  p95 {row['p95_s'] * 1000:7.1f} ms"
            f"  cpu {row['cpu_median_s'] * 1000:7.1f} ms  (n={row['n']})"
        )
    return "\n".join(lines)
