"""The library: collections, entries, add and remove, persistence (no display)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.library import DEFAULT_REPORT, Library, LibraryError, default_data_dir
from desktop_app.core.resources import bundled_dataset_path
from tests.core.library.conftest import VariantMaker


def test_collections_list_the_bundled_ones_then_the_users(data_dir: Path) -> None:
    with Library.open(data_dir) as library:
        collections = library.collections()
    assert [c.id for c in collections] == ["linzi", "national", "user"]
    assert [c.read_only for c in collections] == [True, True, False]
    assert collections[0].count == 1
    assert collections[1].count == 52
    assert collections[2].count == 0
    assert all(c.name and c.name_en for c in collections)


def test_entries_are_newest_first_and_the_linzi_report_is_the_default(data_dir: Path) -> None:
    with Library.open(data_dir) as library:
        entries = library.entries()
        linzi = library.get(DEFAULT_REPORT)
        national = library.entries("national")
    years = [e.year for e in entries]
    assert years == sorted(years, key=lambda y: -(y or 0))
    assert linzi is not None and linzi.year == 2024 and linzi.region == "临淄区"
    assert linzi.path == bundled_dataset_path()
    assert linzi.content_hash == hashlib.sha256(bundled_dataset_path().read_bytes()).hexdigest()
    assert linzi.confirmed > 0 and not linzi.errors
    assert linzi.source.startswith("大众日报淄博融媒体中心《临淄“走在前”的定力与底气》")
    assert [e.year for e in national][:2] == [2025, 2024] and national[-1].year == 1954
    assert {e.collection for e in national} == {"national"}


def test_a_national_report_loads_through_the_loader(data_dir: Path) -> None:
    with Library.open(data_dir) as library:
        entry = library.get("national/2025")
        report = library.load("national/2025")
    assert entry is not None and entry.level == "national" and entry.region == "中华人民共和国"
    assert report.metadata.year == 2025
    assert report.metadata.title == entry.title
    assert entry.source.startswith("https://zh.wikisource.org/")
    assert entry.proposed == sum(1 for i in report.indicators if i.review == "proposed")


def test_get_of_an_unknown_id_is_none_and_load_says_so(data_dir: Path) -> None:
    with Library.open(data_dir) as library:
        assert library.get("national/1066") is None
        with pytest.raises(LibraryError, match="no report 'national/1066'") as raised:
            library.load("national/1066")
    assert "书库中没有报告" in raised.value.zh


def test_an_added_report_is_there_after_reopening(data_dir: Path, variant: VariantMaker) -> None:
    path = variant(1)
    with Library.open(data_dir) as library:
        entry = library.add(path)
        assert entry.collection == "user"
        assert entry.id.startswith("user/variant-1-")
        assert entry.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.path.parent.parent == data_dir / "reports"
    assert (entry.path.parent / "source" / "linzi-2024-article.raw.txt").is_file()
    with Library.open(data_dir) as library:
        assert library.get(entry.id) == entry
        assert library.collections()[2].count == 1
        report = library.load(entry.id)
    assert report.id == "variant-1"
    assert not [p for p in (data_dir / "reports").iterdir() if p.name.startswith(".")]


def test_adding_a_report_already_there_is_refused(data_dir: Path, variant: VariantMaker) -> None:
    with Library.open(data_dir) as library:
        with pytest.raises(LibraryError, match="already in the library as linzi/linzi-2024"):
            library.add(bundled_dataset_path())
        library.add(variant(2))
        with pytest.raises(LibraryError, match="already in the library as user/variant-2-"):
            library.add(variant(2))
        assert library.collections()[2].count == 1


def test_adding_an_invalid_file_says_why_and_leaves_nothing(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "report-viewer-dataset"', encoding="utf-8")
    with Library.open(data_dir) as library:
        with pytest.raises(LibraryError, match="malformed JSON") as raised:
            library.add(bad)
        assert library.entries("user") == []
    assert str(bad) in str(raised.value)
    assert list((data_dir / "reports").glob("*")) == [] if (data_dir / "reports").exists() else True


def test_removing_a_user_report_deletes_its_folder(data_dir: Path, variant: VariantMaker) -> None:
    path = variant(3)
    with Library.open(data_dir) as library:
        entry = library.add(path)
        removed = library.remove(entry.id)
        assert removed == entry
        assert library.get(entry.id) is None
    assert not entry.path.parent.exists()
    assert path.is_file()  # the file added from stays where it was
    assert not [p for p in (data_dir / "reports").iterdir()]


def test_removing_a_bundled_or_unknown_report_is_refused(data_dir: Path) -> None:
    with Library.open(data_dir) as library:
        with pytest.raises(LibraryError, match="bundled collection"):
            library.remove("national/2025")
        with pytest.raises(LibraryError, match="bundled collection"):
            library.remove(DEFAULT_REPORT)
        with pytest.raises(LibraryError, match="no report"):
            library.remove("user/nothing-here")
        assert library.get("national/2025") is not None
    assert bundled_dataset_path().is_file()


def test_removing_never_deletes_outside_the_user_folder(
    data_dir: Path, variant: VariantMaker, tmp_path: Path
) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(4))
        folder = entry.path.parent
        outside = tmp_path / "outside"
        folder.rename(outside)
        folder.symlink_to(outside, target_is_directory=True)
        library.remove(entry.id)
    assert not os.path.lexists(folder)
    assert (outside / "dataset.json").is_file()
    assert (outside / "source" / "linzi-2024-article.raw.txt").is_file()


def test_a_folder_removed_by_hand_drops_its_entry(data_dir: Path, variant: VariantMaker) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(5))
    for file in sorted(entry.path.parent.rglob("*"), reverse=True):
        file.rmdir() if file.is_dir() else file.unlink()
    entry.path.parent.rmdir()
    with Library.open(data_dir) as library:
        assert library.get(entry.id) is None


def test_a_report_that_fails_validation_is_listed_with_its_errors(
    data_dir: Path, variant: VariantMaker
) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(6))
        document = json.loads(entry.path.read_text(encoding="utf-8"))
        document["indicators"][0]["span"]["start"] = -5
        entry.path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        library.refresh()
        broken = library.get(entry.id)
        assert broken is not None and broken.broken
        assert any("indicators[0]" in error for error in broken.errors)
        assert broken.title == "临淄区2024年政府工作报告" and broken.year == 2024
        with pytest.raises(DatasetError):
            library.load(entry.id)
        assert [e.id for e in library.entries("user")] == [entry.id]


def test_a_file_broken_behind_the_catalogues_back_is_marked_on_load(
    data_dir: Path, variant: VariantMaker
) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(7))
        (entry.path.parent / "source" / "linzi-2024-article.raw.txt").write_text("changed", encoding="utf-8")
        with pytest.raises(DatasetError):
            library.load(entry.id)
        broken = library.get(entry.id)
    assert broken is not None and any("$.source" in error for error in broken.errors)


def test_the_default_data_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REPORT_VIEWER_DATA_DIR", str(tmp_path / "explicit"))
    assert default_data_dir() == tmp_path / "explicit"
    monkeypatch.delenv("REPORT_VIEWER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "report-viewer"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "report-viewer"
