"""Dataset load and validation time on the bundled report and on synthetic N× copies of it.

The copies repeat every figure, quote and named thing N times (ids suffixed) over the same
article, so the loader's three passes (JSON, schema, cross-references) all grow with N.
Run: ``python -m benchmarks.bench_load [--repeats N] [--scales 1,10,100,1000]``.
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.stats import percentile
from desktop_app.core.loader import load_report
from desktop_app.core.resources import bundled_dataset_path, data_path

COLLECTIONS = ("indicators", "derived", "quotes", "entities")


def synthetic(document: dict[str, Any], scale: int) -> dict[str, Any]:
    """The bundled dataset with every figure, quote and named thing repeated ``scale`` times."""
    doc = copy.deepcopy(document)
    for collection in COLLECTIONS:
        items = document[collection]
        grown = []
        for n in range(scale):
            for item in items:
                clone = copy.deepcopy(item)
                if n:
                    clone["id"] = f"{item['id']}-x{n}"
                    if collection == "derived":
                        for inp in clone["inputs"]:
                            inp["indicator"] = f"{inp['indicator']}-x{n}"
                grown.append(clone)
        doc[collection] = grown
    return doc


def _time_load(path: Path, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        load_report(path, max_bytes=2**31)
        times.append(time.perf_counter() - start)
    return times


def run(repeats: int = 5, scales: tuple[int, ...] = (1, 10, 100, 1000)) -> dict[str, Any]:
    """Median and p95 load time per scale, with the file size."""
    base = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "source").mkdir()
        shutil.copy(data_path("source/linzi-2024-article.raw.txt"), folder / "source")
        for scale in scales:
            path = folder / f"x{scale}.json"
            path.write_text(json.dumps(synthetic(base, scale), ensure_ascii=False), encoding="utf-8")
            count = max(1, repeats if scale <= 100 else 1)
            times = sorted(_time_load(path, count))
            results[f"{scale}x"] = {
                "bytes": path.stat().st_size,
                "median_s": statistics.median(times),
                "p95_s": percentile(times, 0.95),
                "n": len(times),
            }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--scales", default="1,10,100,1000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.repeats, tuple(int(s) for s in args.scales.split(",")))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'corpus':>7} {'size':>10} {'median':>9} {'p95':>9}")
    for name, row in result.items():
        print(
            f"{name:>7} {row['bytes'] / 1e6:>8.1f}MB"
            f" {row['median_s'] * 1000:>7.0f}ms {row['p95_s'] * 1000:>7.0f}ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
