"""Reading printed PDFs back with real tools: pypdf and, where installed, poppler-utils."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from desktop_app.core.model import Report
from desktop_app.core.scope import SummaryScope, resolve_scope

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


def scope(report: Report, key: str = "all", lang: str = "zh") -> SummaryScope:
    """The resolved scope, as a caller of the printing package resolves it once."""
    return resolve_scope(report, key, lang)


def page_text(page: pypdf.PageObject) -> str:
    """A page's text with pypdf's tabs between words made spaces."""
    return page.extract_text().replace("\t", " ")


def pdf_text(path: Path) -> str:
    return "\n".join(page_text(page) for page in pypdf.PdfReader(path).pages)


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout
