"""PDFs exported once per module for the read-back tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.core.model import Report
from desktop_app.qt.printing import export_pdf
from tests.qt.printing.readback import scope


@pytest.fixture(scope="module")
def whole_pdf(qapp: QApplication, report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "linzi-2024.pdf"
    export_pdf(report, scope(report, "all"), path)
    return path


@pytest.fixture(scope="module")
def goal_pdf(qapp: QApplication, report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "linzi-2024-g1.pdf"
    export_pdf(report, scope(report, "g1-growth"), path)
    return path
