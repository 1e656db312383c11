"""Fixtures of the library tests: a fresh data folder and distinct valid datasets to add."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.resources import bundled_dataset_path, data_path

VariantMaker = Callable[[int], Path]


def write_variant(folder: Path, number: int) -> Path:
    """A valid dataset whose bytes differ from the bundled one's (and every other number's).

    The Linzi report with its id changed (``variant-N``): the same text and figures, another file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source").mkdir(exist_ok=True)
    shutil.copy(data_path("source/linzi-2024-article.raw.txt"), folder / "source")
    document = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    document["id"] = f"variant-{number}"
    path = folder / f"variant-{number}.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def variant(tmp_path: Path) -> VariantMaker:
    return lambda number: write_variant(tmp_path / "incoming", number)
