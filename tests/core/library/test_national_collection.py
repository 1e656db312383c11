"""Every record of the bundled national collection: its manifest agrees with the file it names."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop_app.core.library import Library
from desktop_app.core.model import Level
from desktop_app.core.resources import data_path

MANIFEST = json.loads(data_path("national/index.json").read_text(encoding="utf-8"))


def test_the_manifest_lists_the_52_reports_of_the_corpus() -> None:
    years = [item["year"] for item in MANIFEST["entries"]]
    assert len(years) == 52 and years == sorted(years)
    assert years[0] == 1954 and years[-1] == 2025
    assert not {1989, 1990, 1991, 1996, 2020} & set(years)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return Library.open(tmp_path_factory.mktemp("data"))


@pytest.mark.parametrize("item", MANIFEST["entries"], ids=lambda item: str(item["year"]))
def test_each_national_report_loads_and_matches_its_entry(library: Library, item: dict[str, object]) -> None:
    entry = library.get(f"national/{item['year']}")
    assert entry is not None
    report = library.load(entry.id)
    meta = report.metadata
    assert (meta.year, meta.title, meta.level) == (entry.year, entry.title, Level.NATIONAL)
    assert entry.content_hash == hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
    assert entry.confirmed == sum(1 for i in report.indicators if i.review == "confirmed")
    assert entry.proposed == sum(1 for i in report.indicators if i.review == "proposed")
    assert meta.source_url == entry.source
    assert report.paragraphs and report.source.text.startswith(report.source.text[:1])
    # What the text does not say stays empty and the dataset says so, never a guess.
    if not meta.presenter.name:
        assert any(a.id == "amb-metadata" for a in meta.ambiguities)
