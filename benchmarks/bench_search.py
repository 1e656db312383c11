"""Search latency per keystroke and index build time, on the bundled report and larger corpora.

Run ``python -m benchmarks.bench_search`` for a table, ``--json`` for JSON on stdout.
The larger corpora are the bundled report's documents repeated 10, 100 and 1,000
times, each copy's node ids suffixed (``p07~42``), so postings grow with the copies.

Every query below is typed one prefix at a time (a Chinese character counts as one
keystroke, as after an input method commits it); each prefix is searched with a
cold term cache and the display limit a result list would use.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Final

from benchmarks.stats import percentile
from desktop_app.core.loader import load_report
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.types import Document

QUERIES: Final = (
    "临淄",
    "linzi",
    "lz",
    "民生",
    "minsheng",
    "2504",
    "2,504",
    "250亿",
    "84%",
    "实体经济",
    "临淄 2504",
    "坚定不移 minsheng",
    "gdp",
)
SCALES: Final = (1, 10, 100, 1000)
LIMIT: Final = 200
"""Hits fetched per keystroke, as a result list would show them."""
TARGETS_MS: Final = {1: 5.0, 1000: 50.0}
BUILD_TARGET_MS: Final = 100.0


def keystrokes(queries: Sequence[str] = QUERIES) -> list[str]:
    """Every prefix of every query, as typed (empty prefixes and bare trailing spaces skipped)."""
    typed: list[str] = []
    for query in queries:
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            if prefix.strip() and not prefix.endswith(" "):
                typed.append(prefix)
    return typed


def scaled(documents: Sequence[Document], copies: int) -> list[Document]:
    """``copies`` copies of the documents, node ids suffixed from the second copy on."""
    if copies == 1:
        return list(documents)
    return [
        replace(doc, node_id=f"{doc.node_id}~{copy}") if copy else doc
        for copy in range(copies)
        for doc in documents
    ]


def _time_build(documents: Sequence[Document], repeats: int) -> tuple[SearchIndex, list[float]]:
    timings: list[float] = []
    index: SearchIndex | None = None
    for _ in range(repeats):
        index = None
        gc.collect()
        started = time.perf_counter()
        index = SearchIndex(documents)
        timings.append((time.perf_counter() - started) * 1000)
    assert index is not None
    return index, timings


def _time_keystrokes(
    index: SearchIndex, typed: Sequence[str], repeats: int, limit: int | None
) -> list[float]:
    timings: list[float] = []
    for _ in range(repeats):
        index.clear_cache()
        for prefix in typed:
            started = time.perf_counter()
            index.search(prefix, limit=limit)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def run(repeats: int = 5) -> dict[str, Any]:
    """Measure every scale.

    Args:
        repeats: how often each keystroke sequence is typed (and the index built,
            except at 1,000× where it is built once).

    Returns:
        A JSON-ready dict: ``queries``, ``keystrokes``, ``limit``, and one entry
        per scale under ``scales`` with document and character counts, build
        time (ms, median) and keystroke latency (ms: median, p95, max).
    """
    repeats = max(1, repeats)
    report = load_report()
    base = report_documents(report)
    typed = keystrokes()
    results: dict[str, Any] = {
        "queries": list(QUERIES),
        "keystrokes": len(typed),
        "limit": LIMIT,
        "repeats": repeats,
        "scales": [],
    }
    # The first build pays for one-off set-up (OpenCC, pinyin tables): time it apart.
    started = time.perf_counter()
    SearchIndex.build(report)
    results["first_build_ms"] = round((time.perf_counter() - started) * 1000, 2)
    for copies in SCALES:
        documents = scaled(base, copies)
        build_repeats = 1 if copies >= 1000 else (repeats if copies < 100 else 2)
        index, builds = _time_build(documents, build_repeats)
        latencies = _time_keystrokes(index, typed, repeats if copies < 1000 else max(1, repeats // 2), LIMIT)
        entry: dict[str, Any] = {
            "copies": copies,
            "documents": len(documents),
            "characters": sum(len(doc.text) for doc in documents),
            "build_ms": round(statistics.median(builds), 2),
            "median_ms": round(statistics.median(latencies), 3),
            "p95_ms": round(percentile(latencies, 0.95), 3),
            "max_ms": round(max(latencies), 3),
        }
        if copies == 1:
            unlimited = _time_keystrokes(index, typed, repeats, None)
            entry["unlimited_median_ms"] = round(statistics.median(unlimited), 3)
            entry["unlimited_p95_ms"] = round(percentile(unlimited, 0.95), 3)
        target = TARGETS_MS.get(copies)
        entry["target_median_ms"] = target
        entry["meets_target"] = target is None or entry["median_ms"] < target
        if copies == 1:
            entry["build_target_ms"] = BUILD_TARGET_MS
            entry["meets_target"] = entry["meets_target"] and entry["build_ms"] < BUILD_TARGET_MS
        results["scales"].append(entry)
        del index
    return results


def format_table(results: dict[str, Any]) -> str:
    """The results as a plain-text table."""
    lines = [
        f"search: {results['keystrokes']} keystrokes over {len(results['queries'])} queries, "
        f"limit {results['limit']}, {results['repeats']} repeats; "
        f"first build (cold) {results['first_build_ms']} ms",
        f"{'corpus':>8} {'docs':>8} {'chars':>10} {'build ms':>10} {'median ms':>10} "
        f"{'p95 ms':>8} {'max ms':>8}  target",
    ]
    for entry in results["scales"]:
        target = entry["target_median_ms"]
        verdict = "" if target is None else ("ok" if entry["meets_target"] else "MISSED")
        target_text = "" if target is None else f"median<{target:g}"
        if entry["copies"] == 1:
            target_text += f", build<{entry['build_target_ms']:g}"
        lines.append(
            f"{entry['copies']:>7}× {entry['documents']:>8} {entry['characters']:>10} "
            f"{entry['build_ms']:>10.1f} {entry['median_ms']:>10.3f} {entry['p95_ms']:>8.3f} "
            f"{entry['max_ms']:>8.2f}  {target_text} {verdict}".rstrip()
        )
    first = results["scales"][0]
    if "unlimited_median_ms" in first:
        lines.append(
            f"bundled, no limit: median {first['unlimited_median_ms']} ms, p95 {first['unlimited_p95_ms']} ms"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_search", description=__doc__)
    parser.add_argument("--repeats", type=int, default=5, help="times each keystroke sequence is typed")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    results = run(args.repeats)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
