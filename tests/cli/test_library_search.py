"""``report-viewer search --library`` and ``report-viewer trend`` through the real entry point.

The library is the real one (Linzi 2024 and the bundled national collection) in a temporary data
folder; its search index is built once per session into a temporary cache folder, then read back.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from desktop_app.cli.console import ExitStatus
from desktop_app.core.library import Library
from desktop_app.core.library.index_cache import CACHE_DIR_VARIABLE
from desktop_app.core.loader import load_report
from desktop_app.core.outline import report_outline
from desktop_app.core.resources import data_path
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.types import NodeKind
from tests.cli.runner import run
from tests.core.library.small_reports import write_report


@pytest.fixture(scope="session")
def built_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the bundled collections' index (built once, by the CLI itself)."""
    folder = tmp_path_factory.mktemp("index-cache")
    data = tmp_path_factory.mktemp("library-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_VARIABLE, str(folder))
        patch.setenv("REPORT_VIEWER_DATA_DIR", str(data))
        status, _, err = run("search", "高质量发展", "--library")
    assert status == 0, err
    assert "indexing" in err
    return folder


@pytest.fixture
def library_env(built_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder and a copy of the built cache; returns the cache copy."""
    cache = tmp_path / "cache"
    shutil.copytree(built_cache, cache)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(cache))
    monkeypatch.setenv("REPORT_VIEWER_DATA_DIR", str(tmp_path / "data"))
    return cache


def test_json_groups_hits_by_report_newest_first_each_with_its_span(library_env: Path) -> None:
    status, out, err = run("search", "高质量发展", "--library", "--json")
    assert status == 0
    assert "indexing" not in err  # read back from the cache
    groups = json.loads(out)
    years = [group["year"] for group in groups]
    assert years == sorted(years, reverse=True) and years[0] == 2025
    assert {"national/2024", "linzi/linzi-2024"} <= {group["report_id"] for group in groups}
    for group in groups:
        assert group["count"] == len(group["hits"]) > 0
    first = groups[0]["hits"][0]
    with Library.open() as library:
        report = library.load(groups[0]["report_id"])
    span = first["span"]
    assert report.paragraph_by_id[span["paragraph_id"]].text[span["start"] : span["end"]] == "高质量发展"


def test_lines_a_report_per_heading_and_a_total(library_env: Path) -> None:
    status, out, _ = run("search", "高質量發展", "--library", "--collection", "national")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("national/2025\t2025\t") and lines[0].endswith(" hits")
    assert lines[1].startswith("  ") and "【高质量发展】" in lines[1]
    assert lines[-1].endswith(" reports.") and "linzi" not in out


def test_each_hit_names_its_section_and_paragraph_as_the_window_does(library_env: Path) -> None:
    # Before: each hit line began with its node id (p-0042), which no reader can look up.
    status, out, _ = run("search", "高质量发展", "--library", "--collection", "national")
    assert status == 0
    report = load_report(data_path("national/2025.json"))
    outline = report_outline(report)
    hits = [
        hit for hit in SearchIndex.build(report).search("高质量发展") if hit.node_kind is NodeKind.PARAGRAPH
    ]
    expected = [outline.place(hit.node_id) for hit in hits]
    block = out.split("\nnational/2024\t", 1)[0].splitlines()[1:]
    places = [line.strip().split("\t", 1)[0] for line in block]
    assert places == expected and all(re.fullmatch(r".+ · 第\d+段", place) for place in places)
    section = next(s for s in report.sections if hits[0].node_id in s.paragraph_ids)
    assert places[0].startswith(section.title + " · 第")
    status, out, _ = run("search", "高质量发展", "--library", "--collection", "national", "--json")
    listed = json.loads(out)[0]["hits"]
    assert [hit["place"] for hit in listed] == expected
    assert [outline.place(hit["node_id"]) for hit in listed] == expected


def test_no_hits_unknown_collection_and_misuse(library_env: Path) -> None:
    status, out, _ = run("search", "不存在的词语组合", "--library")
    assert status == 1 and "No hits" in out
    status, _, err = run("search", "发展", "--library", "--collection", "nowhere")
    assert status == 2 and "unknown collection 'nowhere'" in err and "national" in err
    status, _, err = run("search", "发展", "--library", "--dataset", "x.json")
    assert status == 2 and "do not go together" in err
    status, _, err = run("search", "发展", "--collection", "national")
    assert status == 2 and "needs --library" in err
    status, _, err = run("trend", "发展", "--collection", "nowhere")
    assert status == 2 and "unknown collection" in err


def test_trend_json_one_row_per_report_and_how_it_counts(library_env: Path) -> None:
    status, out, _ = run("trend", "高质量发展", "--collection", "national", "--json")
    assert status == 0
    found = json.loads(out)
    rows = found["rows"]
    assert len(rows) == 52
    assert [row["year"] for row in rows] == sorted(row["year"] for row in rows)
    assert set(rows[0]) == {"year", "report_id", "title", "occurrences", "characters", "rate"}
    assert all(row["rate"] == round(row["occurrences"] * 10_000 / row["characters"], 4) for row in rows)
    assert "說 = 说" in found["counting"]["en"] and found["per_characters"] == 10_000
    by_year = {row["year"]: row["occurrences"] for row in rows}
    assert by_year[1954] == 0 and by_year[2024] > 0
    # Traditional characters count as simplified ones (the 1954 report is in traditional characters).
    _, traditional, _ = run("trend", "國家計劃", "--collection", "national", "--json")
    _, simplified, _ = run("trend", "国家计划", "--collection", "national", "--json")
    assert json.loads(traditional)["rows"] == json.loads(simplified)["rows"]
    assert {r["year"]: r["occurrences"] for r in json.loads(simplified)["rows"]}[1954] > 0


def test_trend_lines_say_how_they_count(library_env: Path) -> None:
    status, out, _ = run("trend", "改革开放")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "“改革开放”: occurrences per 10,000 characters"
    assert lines[1].split() == ["year", "report", "occurrences", "characters", "rate"]
    assert any(line.startswith("2024  linzi/linzi-2024") for line in lines)
    assert lines[-1].startswith("Counted as search counts")


def test_an_added_report_is_searched_and_only_its_shard_is_built(library_env: Path, tmp_path: Path) -> None:
    before = {path.name for path in library_env.glob("shard-*.idx")}
    dataset = write_report(
        tmp_path / "mine", "mine", "各位代表：\n\n临淄的高质量发展走在前列。\n", 2025, "user"
    )
    with Library.open() as library:
        entry = library.add(dataset.path)
    status, out, err = run("search", "高质量发展", "--library", "--collection", "user", "--json")
    assert status == 0, err
    assert [group["report_id"] for group in json.loads(out)] == [entry.id]
    after = {path.name for path in library_env.glob("shard-*.idx")}
    assert before < after and len(after - before) == 1
    status, out, _ = run("trend", "高质量发展", "--collection", "user", "--json")
    assert [row["occurrences"] for row in json.loads(out)["rows"]] == [1]
    assert load_report(entry.path).metadata.year == 2025


def test_a_corrupt_cache_is_rebuilt_not_a_crash(library_env: Path) -> None:
    for path in library_env.glob("shard-*.idx"):
        path.write_bytes(path.read_bytes()[:1000])
    status, out, err = run("search", "临淄", "--library", "--collection", "linzi")
    assert status == 0 and "linzi/linzi-2024" in out
    assert "Traceback" not in err


def test_every_command_answers_an_unknown_collection_alike(library_env: Path) -> None:
    # One rule (console.unknown_collection) instead of a copy of the check in each of the four commands.
    commands = {
        "library": ("library", "list"),
        "search": ("search", "发展", "--library"),
        "trend": ("trend", "发展"),
        "targets": ("targets",),
    }
    answers = set()
    for name, argv in commands.items():
        status, out, err = run(*argv, "--collection", "nowhere")
        assert (status, out) == (ExitStatus.USAGE, ""), name
        line = err.splitlines()[-1]
        assert line.startswith(f"report-viewer {name}: unknown collection 'nowhere' (collections: "), line
        answers.add(line.split(": ", 1)[1])
    assert answers == {"unknown collection 'nowhere' (collections: linzi, national, user)"}
