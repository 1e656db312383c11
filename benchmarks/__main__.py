"""Run every benchmark and print one report: ``python -m benchmarks [--quick] [--json]``.

Startup and memory are ratios against bare PySide6 baselines measured in the same run;
search, export and dataset load are absolute times on this machine with their targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from typing import Any

from benchmarks import bench_load, bench_search, bench_startup


def _machine() -> str:
    python = platform.python_version()
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {python}, {platform.system()}"


def run(quick: bool) -> dict[str, Any]:
    repeats = 3 if quick else 7
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
    }
    print("startup …", file=sys.stderr)
    results["startup"] = bench_startup.run(repeats)
    print("dataset load …", file=sys.stderr)
    results["load"] = bench_load.run(3, (1, 10, 100) if quick else (1, 10, 100, 1000))
    print("search …", file=sys.stderr)
    results["search"] = bench_search.run(2 if quick else 5)
    try:
        from benchmarks import bench_export
    except ImportError:  # pragma: no cover - printing not installed
        results["export"] = None
    else:
        print("export …", file=sys.stderr)
        results["export"] = bench_export.run(3 if quick else 7)
        from benchmarks import bench_targets

        print("targets & outcomes view …", file=sys.stderr)
        results["targets"] = bench_targets.run(3 if quick else 7)
    return results


def format_report(results: dict[str, Any]) -> str:
    lines = [f"Report Viewer benchmarks — {results['date']} — {results['machine']}", ""]
    lines.append("Startup and memory (ratio = app / baseline, same run, offscreen)")
    for name, entry in results["startup"].items():
        base_key = next(k for k in entry if k.startswith("baseline"))
        unit = "MB" if name.endswith("kb") else "s"
        scale = 1 / 1024 if unit == "MB" else 1
        verdict = "ok" if entry["ratio"] <= entry["target"] else "MISSED"
        app = entry["app"]
        lines.append(
            f"  {name:16} app {app['median'] * scale:8.3f} {unit} (p95 {app['p95'] * scale:.3f})"
            f"  {base_key} {entry[base_key]['median'] * scale:8.3f} {unit}"
            f"  ratio {entry['ratio']:.2f} (target ≤ {entry['target']}) {verdict}"
        )
    lines += ["", "Dataset load and validation"]
    for name, row in results["load"].items():
        lines.append(f"  {name:>6} {row['bytes'] / 1e6:8.1f} MB  median {row['median_s'] * 1000:8.1f} ms")
    lines += ["", bench_search.format_table(results["search"])]
    if results.get("export"):
        from benchmarks import bench_export

        lines += ["", bench_export.format_table(results["export"])]
    if results.get("targets"):
        from benchmarks import bench_targets

        lines += ["", bench_targets.format_table(results["targets"])]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no 1000x dataset load")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument(
        "only",
        nargs="?",
        choices=["import", "search", "library", "libsearch", "targets"],
        help="run one benchmark alone: import = the importer (issue 14), search = keystrokes and index "
        "build, library = catalogue and national reports (issue 15), libsearch = search, trends and "
        "index cache across the library (issue 15), targets = pairing and verdicts over the national "
        "collection and opening the Targets & outcomes view (issue 16)",
    )
    args = parser.parse_args()
    if args.only == "search":
        searched = bench_search.run(2 if args.quick else 5)
        print(
            json.dumps(searched, indent=2, ensure_ascii=False)
            if args.json
            else bench_search.format_table(searched)
        )
        return 0
    if args.only == "libsearch":
        from benchmarks import bench_libsearch

        measured = bench_libsearch.run(2 if args.quick else 5)
        print(
            json.dumps(measured, indent=2, ensure_ascii=False)
            if args.json
            else bench_libsearch.format_table(measured)
        )
        return 0
    if args.only == "import":
        from benchmarks import bench_import

        found = bench_import.run(3 if args.quick else 5)
        print(
            json.dumps(found, indent=2, ensure_ascii=False) if args.json else bench_import.format_table(found)
        )
        return 0
    if args.only == "library":
        from benchmarks import bench_library

        timed = bench_library.run(3 if args.quick else 7)
        print(json.dumps(timed, indent=2) if args.json else bench_library.format_table(timed))
        return 0
    if args.only == "targets":
        from benchmarks import bench_pairing, bench_targets

        paired = bench_pairing.run(3 if args.quick else 7)
        viewed = bench_targets.run(3 if args.quick else 7)
        if args.json:
            print(json.dumps({"pairing": paired, "view": viewed}, indent=2))
        else:
            print(bench_pairing.format_table(paired) + "\n\n" + bench_targets.format_table(viewed))
        return 0
    results = run(args.quick)
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else format_report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
