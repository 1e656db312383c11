"""The national corpus for importer tests (found by tools/corpus.py; a copy is kept in tests/data/corpus)."""

from __future__ import annotations

import json

import pytest

from tools.corpus import corpus_file, report_text

__all__ = ["corpus_file"]


@pytest.fixture(scope="session")
def report_2018() -> str:
    """The 2018 national report as captured (a development year: before 2022 and no gold list)."""
    text = report_text(2018)
    if text is None:
        pytest.skip("the corpus's 2018 report not found")
    return text


@pytest.fixture(scope="session")
def corpus_reports() -> dict[int, str]:
    """The corpus's reports by year (records with a year), for tests that use a few of them."""
    path = corpus_file()
    if path is None:
        pytest.skip("national corpus not found")
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {int(r["year"]): r["content"] for r in records if r["year"]}
