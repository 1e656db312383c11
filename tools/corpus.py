"""Where the national corpus is: one lookup for the builder, the tests and the benchmarks.

In order: a path given on the command line, ``$REPORT_VIEWER_CORPUS`` (the file or its folder),
``shared/corpus`` beside the repository or its parent, and the copy kept in ``tests/data/corpus/``
(so that a clean clone tests the importer against the real texts too).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS_NAME = "national-government-work-reports.jsonl"
CORPUS_SHA256 = "1d4eb8102366f5645e2b423b9659ff83f95aaa01377c62be6177860e71f18023"
KEPT_COPY = REPO / "tests" / "data" / "corpus"


def _as_file(path: Path) -> Path:
    return path / CORPUS_NAME if path.is_dir() else path


def corpus_file(explicit: str | Path | None = None) -> Path | None:
    """The corpus file, or None where there is none (an installed wheel)."""
    candidates = [_as_file(Path(explicit))] if explicit else []
    if os.environ.get("REPORT_VIEWER_CORPUS"):
        candidates.append(_as_file(Path(os.environ["REPORT_VIEWER_CORPUS"])))
    candidates += [
        REPO.parent / "shared" / "corpus" / CORPUS_NAME,
        REPO.parent.parent / "shared" / "corpus" / CORPUS_NAME,
        KEPT_COPY / CORPUS_NAME,
    ]
    return next((c for c in candidates if c.is_file()), None)


def read_records(path: Path) -> list[dict[str, Any]]:
    """Every record of the corpus file, refused unless it is the corpus its README describes."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != CORPUS_SHA256:
        raise SystemExit(f"{path}: SHA-256 {digest}, expected {CORPUS_SHA256} (see its README)")
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def report_text(year: int) -> str | None:
    """One national report's text as captured, or None where the corpus or the year is missing."""
    path = corpus_file()
    if path is None:
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["year"] == str(year):
            text: str = record["content"]
            return text
    return None
