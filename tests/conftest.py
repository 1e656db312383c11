"""Shared fixtures. GUI tests live under tests/qt and are marked ``gui`` automatically."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# Before any QApplication exists: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.core.loader import load_report
from desktop_app.core.model import Report
from desktop_app.core.resources import bundled_dataset_path, data_path

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/qt/" in item.nodeid.replace("\\", "/") or item.nodeid.startswith("qt/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report()


@pytest.fixture(scope="session")
def bundled_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    return data


DatasetWriter = Callable[[dict[str, Any]], Path]


@pytest.fixture
def write_dataset(tmp_path: Path) -> DatasetWriter:
    """Write a dataset dict beside a copy of the raw article; returns the JSON file's path."""
    (tmp_path / "source").mkdir(exist_ok=True)
    shutil.copy(data_path("source/linzi-2024-article.raw.txt"), tmp_path / "source")

    def write(document: dict[str, Any]) -> Path:
        path = tmp_path / "dataset.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def unreviewed_path(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> Path:
    """The Linzi dataset with figures awaiting review (:mod:`tests.unreviewed_data`), written to a file."""
    from tests.unreviewed_data import with_unreviewed

    return write_dataset(with_unreviewed(bundled_json))


@pytest.fixture
def unreviewed_report(unreviewed_path: Path) -> Report:
    """The report of :func:`unreviewed_path`, loaded."""
    return load_report(unreviewed_path)
