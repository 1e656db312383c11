"""An import written to disk: the dataset and, beside it, the raw text it refers to. No Qt.

Both files are written atomically (:mod:`desktop_app.core.atomic`): the raw text first, so a
dataset is never on disk without its source. The command line and the window's File › Import
report… both write through :func:`write_import`.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.importer.dataset import DatasetOptions, to_dataset
from desktop_app.core.importer.pipeline import ImportResult

__all__ = ["source_name", "write_import"]


def source_name(output: Path) -> str:
    """The raw text's file name beside ``output``, in the characters the schema allows."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", output.stem).strip("._-") or "report"
    return f"{stem}.source.txt"


def write_import(result: ImportResult, output: Path, options: DatasetOptions) -> dict[str, Any]:
    """Write the dataset for ``result`` to ``output`` and its raw text beside it; returns the dataset.

    ``options.source_file`` is replaced by the name :func:`source_name` gives.

    Raises:
        ExportError: a file could not be written (nothing partial left).
    """
    source = source_name(output)
    document = to_dataset(result, replace(options, source_file=source))
    atomic_write_text(output.parent / source, result.intake.raw)
    atomic_write_text(output, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return document
