"""Search across the library: keystrokes, cold build, warm start, trends and memory (issue 15).

The library is the national collection (52 reports, ~1.1 M characters): the bundled datasets in
``data/national/`` when they are there, else the corpus (found by ``tools/corpus.py``) imported into
a temporary folder first. Without either, the benchmark says so and measures nothing.

Budgets (issue 15): per keystroke median < 20 ms and p95 < 50 ms; cold index build < 10 s; warm start
from the cache < 300 ms; a trend over 52 reports < 100 ms; peak memory with the library indexed
< 2× today's. Each is printed with a baseline measured in the same run, so a busy machine shows up
in both: the bundled report's own index (its build, its keystrokes), and a process holding only the
bundled report and its index (memory). Times are wall-clock (the verdicts) with the process's CPU
time beside them: on a shared machine the two part ways, and CPU is what an idle one would show.

Run ``python -m benchmarks libsearch`` (``--quick`` for fewer repeats, ``--json``).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from benchmarks.bench_search import keystrokes
from benchmarks.stats import percentile
from desktop_app.core.library.search import COUNT_CAP
from tools.corpus import corpus_file

QUERIES: Final = (
    "高质量发展",
    "改革开放",
    "gaozhiliang",
    "gzl",
    "科技创新",
    "国内生产总值",
    "人民 生活",
    "粮食产量",
    "2024",
    "GDP",
    "說",
)
TREND_QUERIES: Final = ("高质量发展", "改革开放", "社会主义", "发展", "gzl", "粮食", "GDP", "说")
PER_REPORT: Final = 20
"""Hits listed per report per keystroke (a result list shows the first few of each report)."""
BUDGETS: Final = {
    "keystroke_median_ms": 20.0,
    "keystroke_p95_ms": 50.0,
    "cold_build_s": 10.0,
    "warm_start_ms": 300.0,
    "trend_ms": 100.0,
    "memory_ratio": 2.0,
}
_ROOT: Final = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class _Source:
    id: str
    title: str
    year: int | None
    collection: str
    content_hash: str
    path: Path


def _bundled_national() -> list[Path]:
    """The bundled national datasets, as the collection's manifest lists them."""
    from desktop_app.core.resources import data_path

    try:
        manifest = Path(data_path("national")) / "index.json"
        entries = json.loads(manifest.read_text(encoding="utf-8"))["entries"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [manifest.parent / entry["file"] for entry in entries]


def _import_corpus(corpus: Path, folder: Path) -> list[Path]:
    """Every report record of the corpus imported as a dataset (as the national build does)."""
    from desktop_app.core.importer.dataset import DatasetOptions, to_dataset
    from desktop_app.core.importer.pipeline import import_text

    paths: list[Path] = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record.get("year"):
            continue
        year = int(record["year"])
        result = import_text(record["content"], year=year, level="national")
        source = f"{year}.source.txt"
        document = to_dataset(
            result, DatasetOptions(source_file=source, title=record["title"], year=year, level="national")
        )
        (folder / source).write_text(result.intake.raw, encoding="utf-8")
        path = folder / f"{year}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _sources(paths: Sequence[Path]) -> list[_Source]:
    from desktop_app.core.dataset_file import read_json

    sources: list[_Source] = []
    for path in paths:
        metadata = read_json(path).get("metadata", {})
        year = metadata.get("year")
        sources.append(
            _Source(
                f"national/{path.stem}",
                str(metadata.get("title", path.stem)),
                year if isinstance(year, int) else None,
                "national",
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path,
            )
        )
    sources.sort(key=lambda source: -(source.year or 0))  # the library lists newest first
    return sources


def _loader(sources: Sequence[_Source]) -> Callable[[str], Any]:
    from desktop_app.core.loader import load_report

    paths = {source.id: source.path for source in sources}
    return lambda report_id: load_report(paths[report_id])


def _time_keystrokes(
    search: Callable[[str], object], clear: Callable[[], None], repeats: int, cpu: list[float] | None = None
) -> list[float]:
    """Wall-clock milliseconds per keystroke; CPU milliseconds appended to ``cpu`` when given."""
    typed = keystrokes(QUERIES)
    timings: list[float] = []
    for _ in range(repeats):
        clear()
        for prefix in typed:
            started, used = time.perf_counter(), time.process_time()
            search(prefix)
            timings.append((time.perf_counter() - started) * 1000)
            if cpu is not None:
                cpu.append((time.process_time() - used) * 1000)
    return timings


_MEMORY_SCRIPT = r"""
import sys
from pathlib import Path
from benchmarks.stats import peak_rss_mb
from desktop_app.core.loader import load_report
from desktop_app.core.search.index import SearchIndex
report = load_report()
SearchIndex.build(report).search("临淄")
if sys.argv[1] != "baseline":
    import json
    from benchmarks.bench_libsearch import _Source, _loader
    from desktop_app.core.library.index_cache import IndexCache
    rows = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    sources = [_Source(r[0], r[1], r[2], r[3], r[4], Path(r[5])) for r in rows]
    cache = IndexCache(Path(sys.argv[3]))
    library = cache.load(sources, _loader(sources), bundled=["national"])
    library.search("高质量发展")
print(f"{peak_rss_mb():.1f}")
"""


def _peak_memory(mode: str, sources: Sequence[_Source], cache_dir: Path, scratch: Path) -> float:
    listing = scratch / "sources.json"
    listing.write_text(
        json.dumps([[s.id, s.title, s.year, s.collection, s.content_hash, str(s.path)] for s in sources]),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_SCRIPT, mode, str(listing), str(cache_dir)],
        capture_output=True,
        text=True,
        cwd=_ROOT,
        timeout=600,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def _load_average() -> float | None:
    """The machine's one-minute load average, None where there is none.

    Wall times are only as good as the machine is idle: the table says how busy it was.
    """
    try:
        return round(os.getloadavg()[0], 1)
    except (AttributeError, OSError):  # Windows
        return None


def run(repeats: int = 5) -> dict[str, Any]:
    """Measure everything (see the module docstring).

    Args:
        repeats: how often each keystroke sequence is typed and each start is timed.

    Returns:
        A JSON-ready dict; ``skipped`` says why when there is no national collection.
    """
    repeats = max(1, repeats)
    with tempfile.TemporaryDirectory(prefix="rv-libsearch-") as scratch_name:
        scratch = Path(scratch_name)
        paths = _bundled_national()
        origin = "data/national"
        if not paths:
            corpus = corpus_file()
            if corpus is None:
                return {"skipped": "no data/national and no corpus (set REPORT_VIEWER_CORPUS)"}
            (scratch / "national").mkdir()
            paths = _import_corpus(corpus, scratch / "national")
            origin = f"the corpus, imported ({corpus.name})"
        return _measure(_sources(paths), origin, scratch, repeats)


def _measure(sources: list[_Source], origin: str, scratch: Path, repeats: int) -> dict[str, Any]:
    from desktop_app.core.library.index_cache import IndexCache
    from desktop_app.core.library.trend import term_trend
    from desktop_app.core.loader import load_report
    from desktop_app.core.search.index import SearchIndex

    load = _loader(sources)
    results: dict[str, Any] = {"library": origin, "reports": len(sources), "budgets": BUDGETS}
    results["load_average"] = _load_average()

    # Baseline: the bundled report's own index, built and typed into in this run.
    bundled = load_report()
    SearchIndex.build(bundled)  # one-off set-up (OpenCC, pinyin tables) paid before any timing
    started = time.perf_counter()
    single = SearchIndex.build(bundled)
    results["baseline_build_ms"] = round((time.perf_counter() - started) * 1000, 1)
    single_keys = _time_keystrokes(lambda q: single.search(q, limit=200), single.clear_cache, repeats)
    results["baseline_keystroke_median_ms"] = round(statistics.median(single_keys), 3)

    # Cold: nothing cached; every report loaded, listed, folded and posted.
    cache_dir = scratch / "cache"
    gc.collect()
    started, used = time.perf_counter(), time.process_time()
    library = IndexCache(cache_dir).load(sources, load, bundled=["national"])
    results["cold_build_s"] = round(time.perf_counter() - started, 2)
    results["cold_build_cpu_s"] = round(time.process_time() - used, 2)
    results["characters"] = sum(report.characters for report in library.reports)
    results["documents"] = sum(len(shard.index) for shard in library.shards)
    results["cache_bytes"] = sum(path.stat().st_size for path in cache_dir.glob("*.idx"))

    # Warm: everything read back from the cache (the program's modules already imported).
    warm: list[float] = []
    warm_cpu: list[float] = []
    for _ in range(repeats):
        del library
        gc.collect()
        started, used = time.perf_counter(), time.process_time()
        library = IndexCache(cache_dir).load(sources, load, bundled=["national"])
        warm.append((time.perf_counter() - started) * 1000)
        warm_cpu.append((time.process_time() - used) * 1000)
    results["warm_start_ms"] = round(statistics.median(warm), 1)
    results["warm_start_cpu_ms"] = round(statistics.median(warm_cpu), 1)
    results["warm_start_max_ms"] = round(max(warm), 1)

    def clear() -> None:
        for shard in library.shards:
            shard.index.clear_cache()

    cpu: list[float] = []
    timings = _time_keystrokes(lambda q: library.search(q, per_report=PER_REPORT), clear, repeats, cpu)
    results["keystroke_cpu_median_ms"] = round(statistics.median(cpu), 2)
    results["keystroke_cpu_p95_ms"] = round(percentile(cpu, 0.95), 2)
    results["keystrokes"] = len(keystrokes(QUERIES))
    results["keystroke_median_ms"] = round(statistics.median(timings), 2)
    results["keystroke_p95_ms"] = round(percentile(timings, 0.95), 2)
    results["keystroke_max_ms"] = round(max(timings), 2)
    results["keystroke_ratio"] = round(
        results["keystroke_median_ms"] / results["baseline_keystroke_median_ms"], 1
    )

    trends: dict[str, float] = {}
    for query in TREND_QUERIES:
        samples: list[float] = []
        for _ in range(repeats):
            clear()
            used = time.process_time()
            term_trend(library, query, collection="national")
            samples.append((time.process_time() - used) * 1000)
        trends[query] = round(statistics.median(samples), 2)
    results["trend_ms"] = trends  # CPU: a trend is short enough that wall time is mostly the machine's load
    results["trend_max_ms"] = max(trends.values())

    baseline_mb = _peak_memory("baseline", sources, cache_dir, scratch)
    indexed_mb = _peak_memory("library", sources, cache_dir, scratch)
    results["memory_baseline_mb"] = baseline_mb
    results["memory_indexed_mb"] = indexed_mb
    results["memory_core_ratio"] = round(indexed_mb / baseline_mb, 2)
    # Today's: the window's own peak (bench_startup's probe). The library's index adds what the
    # core processes above differ by; the ratio is the window's peak with that added.
    from benchmarks.bench_startup import _run

    app_mb = _run([sys.executable, "-m", "desktop_app"])["maxrss_kb"] / 1024
    results["memory_app_mb"] = round(app_mb, 1)
    results["memory_ratio"] = round((app_mb + indexed_mb - baseline_mb) / app_mb, 2)
    results["load_average_end"] = _load_average()
    results["verdicts"] = {
        "keystroke_median_ms": results["keystroke_median_ms"] < BUDGETS["keystroke_median_ms"],
        "keystroke_p95_ms": results["keystroke_p95_ms"] < BUDGETS["keystroke_p95_ms"],
        "cold_build_s": results["cold_build_s"] < BUDGETS["cold_build_s"],
        "warm_start_ms": results["warm_start_ms"] < BUDGETS["warm_start_ms"],
        "trend_ms": results["trend_max_ms"] < BUDGETS["trend_ms"],
        "memory_ratio": results["memory_ratio"] < BUDGETS["memory_ratio"],
    }
    return results


def format_table(results: dict[str, Any]) -> str:
    """The results as plain text, each figure beside its budget and verdict."""
    if "skipped" in results:
        return f"libsearch: skipped: {results['skipped']}"
    verdicts = results["verdicts"]

    def verdict(key: str) -> str:
        return "ok" if verdicts[key] else "MISSED"

    budgets = results["budgets"]
    lines = [
        f"libsearch: {results['reports']} reports from {results['library']}, "
        f"{results['characters']:,} folded characters, {results['documents']:,} fields, "
        f"cache {results['cache_bytes'] / 1e6:.1f} MB; load average {results.get('load_average')} "
        f"→ {results.get('load_average_end')} (wall times need an idle machine; CPU times are beside them)",
        f"  keystrokes ({results['keystrokes']}, {PER_REPORT} hits/report, counts to {COUNT_CAP}): "
        f"median {results['keystroke_median_ms']} ms (< {budgets['keystroke_median_ms']:g}) "
        f"{verdict('keystroke_median_ms')}, p95 {results['keystroke_p95_ms']} ms "
        f"(< {budgets['keystroke_p95_ms']:g}) {verdict('keystroke_p95_ms')}, "
        f"max {results['keystroke_max_ms']} ms; CPU median {results['keystroke_cpu_median_ms']} ms, "
        f"p95 {results['keystroke_cpu_p95_ms']} ms;"
        f" bundled report alone {results['baseline_keystroke_median_ms']} ms "
        f"(×{results['keystroke_ratio']})",
        f"  cold build {results['cold_build_s']} s (< {budgets['cold_build_s']:g}) {verdict('cold_build_s')}"
        f" (CPU {results['cold_build_cpu_s']} s);"
        f" bundled report alone {results['baseline_build_ms']} ms",
        f"  warm start {results['warm_start_ms']} ms (max {results['warm_start_max_ms']}; "
        f"< {budgets['warm_start_ms']:g}) {verdict('warm_start_ms')} (CPU {results['warm_start_cpu_ms']} ms)",
        f"  trend over {results['reports']} reports (CPU): worst {results['trend_max_ms']} ms "
        f"(< {budgets['trend_ms']:g}) {verdict('trend_ms')}; "
        + ", ".join(f"{query} {ms}" for query, ms in results["trend_ms"].items()),
        f"  peak memory: window today {results['memory_app_mb']} MB; core with the bundled report "
        f"{results['memory_baseline_mb']} MB, + library indexed {results['memory_indexed_mb']} MB "
        f"(×{results['memory_core_ratio']}); window + library ×{results['memory_ratio']} "
        f"(< {budgets['memory_ratio']:g}) {verdict('memory_ratio')}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_libsearch", description=__doc__)
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
