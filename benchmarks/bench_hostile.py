"""Time and peak memory of loading hostile datasets (issue 13.1): the loader must refuse them cheaply.

Each case is loaded in a fresh subprocess under an address-space limit (``RLIMIT_AS``), so a bomb
ends in ``MemoryError`` instead of taking the machine down; the subprocess reports wall time, peak
RSS and the outcome. Run: ``python -m benchmarks.bench_hostile [--limit-mb 4096] [--cases a,b]``.

Cases:
- ``segments-100k`` / ``segments-1m``: one paragraph whose ``segments`` repeat ``[0, len]`` of the raw
  article 100,000 / 1,000,000 times (a 1 MB / 9 MB file).
- ``source-50mb``: a source article of almost 50 MB that does not match the dataset's hash and length.
- ``array-600k``: an array of 600,000 small arrays where a text belongs (a 7 MB file; the schema
  checker copied it into its error).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.core.resources import bundled_dataset_path, data_path

RAW_NAME = "source/linzi-2024-article.raw.txt"


def bundled_document() -> dict[str, Any]:
    """The bundled dataset as parsed JSON."""
    document: dict[str, Any] = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    return document


def segments_bomb(folder: Path, count: int) -> Path:
    """Write a dataset whose first paragraph has ``count`` segments covering the whole article."""
    (folder / "source").mkdir(parents=True, exist_ok=True)
    shutil.copy(data_path(RAW_NAME), folder / RAW_NAME)
    document = bundled_document()
    length = document["source"]["length"]
    document["paragraphs"][0]["segments"] = [[0, length]] * count
    path = folder / f"segments-{count}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def big_source(folder: Path, size: int = 50 * 1024 * 1024 - 1024) -> Path:
    """Write the bundled dataset beside a ``size``-byte source article that is not the one it describes."""
    (folder / "source").mkdir(parents=True, exist_ok=True)
    line = "临淄区政府工作报告：" * 10 + "\n"
    data = line.encode("utf-8")
    with (folder / RAW_NAME).open("wb") as handle:
        for _ in range(size // len(data)):
            handle.write(data)
    path = folder / "big-source.json"
    path.write_text(json.dumps(bundled_document(), ensure_ascii=False), encoding="utf-8")
    return path


def array_in_text(folder: Path, count: int = 600_000) -> Path:
    """Write the bundled dataset with an array of ``count`` small arrays where a text belongs."""
    (folder / "source").mkdir(parents=True, exist_ok=True)
    shutil.copy(data_path(RAW_NAME), folder / RAW_NAME)
    document = bundled_document()
    document["metadata"]["ambiguities"][0]["text"] = [[0] * 5] * count
    path = folder / "array.json"
    path.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "segments-100k": lambda folder: segments_bomb(folder, 100_000),
    "segments-1m": lambda folder: segments_bomb(folder, 1_000_000),
    "source-50mb": big_source,
    "array-600k": array_in_text,
}

_PROBE = """
import json, resource, sys, time
limit = int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from desktop_app.core.loader import DatasetError, load_report
start = time.perf_counter()
try:
    load_report(sys.argv[1])
    outcome = "loaded"
except DatasetError as exc:
    outcome = "DatasetError: " + str(exc.problems[0])[:120]
except MemoryError:
    outcome = "MemoryError"
seconds = time.perf_counter() - start
try:  # VmHWM starts afresh at exec; ru_maxrss keeps the forking parent's peak on Linux
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak_mb = peak_kb / 1024
print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak_mb), "outcome": outcome}))
"""


def measure(path: Path, limit_mb: int) -> dict[str, Any]:
    """Load ``path`` in a subprocess limited to ``limit_mb`` of address space."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path), str(limit_mb)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not result.stdout.strip():
        return {"outcome": f"exit {result.returncode}: {result.stderr.strip()[-200:]}"}
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    measured["file_mb"] = round(path.stat().st_size / 1024 / 1024, 1)
    return measured


def run(limit_mb: int = 4096, cases: tuple[str, ...] = tuple(CASES)) -> dict[str, Any]:
    """Time, peak RSS and outcome per case."""
    results: dict[str, Any] = {}
    for name in cases:
        with tempfile.TemporaryDirectory() as tmp:
            results[name] = measure(CASES[name](Path(tmp)), limit_mb)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit-mb", type=int, default=4096)
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    for name, result in run(args.limit_mb, tuple(args.cases.split(","))).items():
        print(f"{name:<15} {json.dumps(result, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
