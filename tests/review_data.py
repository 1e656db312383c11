"""Imported datasets for review tests: the Linzi article's repaired text, imported as a new user would."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from desktop_app.core.importer.dataset import DatasetOptions
from desktop_app.core.importer.files import write_import
from desktop_app.core.importer.pipeline import ImportResult, import_text
from desktop_app.core.resources import bundled_dataset_path


@cache
def linzi_text() -> str:
    """The Linzi article's repaired paragraphs, one per line pair."""
    linzi = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    return "\n\n".join(p["text"] for p in linzi["paragraphs"])


@cache
def linzi_import() -> ImportResult:
    return import_text(linzi_text(), year=2024, level="district")


def write_linzi_import(folder: Path, name: str = "linzi-import.json") -> Path:
    """Write the Linzi import (every figure proposed) into ``folder``; returns the dataset's path."""
    output = folder / name
    write_import(linzi_import(), output, DatasetOptions(source_file=""))
    return output
