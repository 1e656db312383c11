"""The library index on disk: warm starts, only changed reports rebuilt, corrupt files rebuilt, atomic."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.core.library.index_cache import (
    CACHE_DIR_VARIABLE,
    UNUSED_FOR,
    IndexCache,
    default_cache_dir,
    shard_key,
)
from desktop_app.core.library.search import LibraryIndex
from desktop_app.core.search import state
from tests.core.library.small_reports import ReportFile, loader, small_library, write_report
from tests.hostile_files import call_beside_a_fifo

QUERIES = ("高质量发展", "说到", "gdp", "gzl", "实体经济", "5%", "发展 任务", "各位")


@pytest.fixture
def library_files(tmp_path: Path) -> list[ReportFile]:
    national = small_library(tmp_path / "national")
    mine = write_report(tmp_path / "user", "mine", "各位代表：\n\n高质量发展在本区。\n", 2024, "user")
    return [*national, mine]


def snapshot(index: LibraryIndex) -> list[object]:
    return [
        (q, index.search(q, per_report=None), [h.span for g in index.search(q).groups for h in g.hits])
        for q in QUERIES
    ]


def test_a_warm_start_reads_every_shard_and_loads_no_report(
    tmp_path: Path, library_files: list[ReportFile]
) -> None:
    cache = IndexCache(tmp_path / "cache")
    cold = cache.load(library_files, loader(library_files), bundled=["national"])
    assert (cache.last.read, cache.last.built) == (0, 2)
    assert len(list((tmp_path / "cache").glob("shard-*.idx"))) == 2

    calls: list[str] = []
    warm = IndexCache(tmp_path / "cache")
    again = warm.load(library_files, loader(library_files, calls), bundled=["national"])
    assert calls == [] and (warm.last.read, warm.last.built) == (2, 0)
    assert snapshot(again) == snapshot(cold)
    assert [(r.id, r.characters, r.documents, r.paragraphs) for r in again.reports] == [
        (r.id, r.characters, r.documents, r.paragraphs) for r in cold.reports
    ]
    # Built and read back, a report is the same in every field (IndexedReport.of makes both).
    assert again.reports == cold.reports
    assert [r.outline and r.outline.to_json() for r in again.reports] == [
        r.outline and r.outline.to_json() for r in cold.reports
    ]


def test_a_changed_report_rebuilds_only_its_own_shard(
    tmp_path: Path, library_files: list[ReportFile]
) -> None:
    cache = IndexCache(tmp_path / "cache")
    cache.load(library_files, loader(library_files), bundled=["national"])
    before = {p.name for p in (tmp_path / "cache").glob("shard-*.idx")}

    changed = write_report(tmp_path / "user", "mine", "各位代表：\n\n扩大内需在本区。\n", 2024, "user")
    assert changed.content_hash != library_files[-1].content_hash
    files = [*library_files[:-1], changed]
    calls: list[str] = []
    index = cache.load(files, loader(files, calls), bundled=["national"])
    assert calls == ["user/mine"] and (cache.last.read, cache.last.built) == (1, 1)
    assert "user/mine" not in index.counts("高质量发展") and index.counts("扩大内需")["user/mine"] == 1
    after = {p.name for p in (tmp_path / "cache").glob("shard-*.idx")}
    assert len(after) == 3 and before < after  # the old file stays while it may be another instance's

    (stale,) = before - {cache.path(shard_key(files[-1:])).name, cache.path(shard_key(files[:-1])).name}
    unused = time.time() - UNUSED_FOR - 60
    os.utime(tmp_path / "cache" / stale, (unused, unused))
    # Unused for a week: gone.
    cache.load(files, loader(files), bundled=["national"])
    assert {p.name for p in (tmp_path / "cache").glob("shard-*.idx")} == after - {stale}


def test_two_instances_with_different_libraries_keep_each_others_files(
    tmp_path: Path, library_files: list[ReportFile]
) -> None:
    folder = tmp_path / "cache"
    other = write_report(tmp_path / "other", "mine", "各位代表：\n\n扩大内需在本区。\n", 2024, "user")
    mine, theirs = library_files, [*library_files[:-1], other]
    one, two = IndexCache(folder), IndexCache(folder)
    one.load(mine, loader(mine), bundled=["national"])
    two.load(theirs, loader(theirs), bundled=["national"])  # shares the national shard, adds its own
    assert len(list(folder.glob("shard-*.idx"))) == 3

    # Each starts again, each after the other's build: nothing rebuilt, nobody's file removed.
    for cache, files in ((one, mine), (two, theirs), (one, mine)):
        calls: list[str] = []
        cache.load(files, loader(files, calls), bundled=["national"])
        assert calls == [] and cache.last.built == 0
    assert len(list(folder.glob("shard-*.idx"))) == 3

    # Reading a file marks it used: the other instance's prune only takes what nobody used for a week.
    mine_only = one.path(shard_key(mine[-1:]))
    unused = time.time() - UNUSED_FOR - 60
    os.utime(mine_only, (unused, unused))
    one.read(mine[-1:])
    assert mine_only.stat().st_mtime > unused + 60
    two.prune([shard_key(theirs[:-1]), shard_key(theirs[-1:])], now=time.time() + UNUSED_FOR + 60)
    assert not mine_only.exists() and two.path(shard_key(theirs[-1:])).exists()


def test_the_key_follows_content_order_and_format() -> None:
    one = ReportFile("national/2024", "t", 2024, "national", "a" * 64, Path("x"))
    two = ReportFile("national/2023", "t", 2023, "national", "b" * 64, Path("y"))
    assert shard_key([one, two]) != shard_key([two, one])
    assert shard_key([one]) != shard_key([replace(one, content_hash="c" * 64)])
    assert shard_key([one]) == shard_key([replace(one, title="other title")])


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",  # empty
        lambda data: b"not an index at all",
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit in the last posting
        lambda data: data[:200] + bytes([data[200] ^ 0x40]) + data[201:],  # one bit in the header
    ],
    ids=["truncated", "empty", "garbage", "bit-in-postings", "bit-in-header"],
)
def test_a_corrupt_file_is_ignored_and_rebuilt(
    tmp_path: Path, library_files: list[ReportFile], damage: Callable[[bytes], bytes]
) -> None:
    cache = IndexCache(tmp_path / "cache")
    good = snapshot(cache.load(library_files, loader(library_files), bundled=["national"]))
    for path in (tmp_path / "cache").glob("shard-*.idx"):
        path.write_bytes(damage(path.read_bytes()))
    calls: list[str] = []
    index = cache.load(library_files, loader(library_files, calls), bundled=["national"])
    assert snapshot(index) == good
    assert (cache.last.built, cache.last.discarded) == (2, 2)
    assert sorted(calls) == sorted(f.id for f in library_files)
    # ... and written again, readable this time.
    again: list[str] = []
    IndexCache(tmp_path / "cache").load(library_files, loader(library_files, again), bundled=["national"])
    assert again == []


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, library_files: list[ReportFile]) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    cache = IndexCache(blocker / "sub")
    index = cache.load(library_files, loader(library_files), bundled=["national"])
    assert index.counts("高质量发展")
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_state_decoding_refuses_every_truncation(library_files: list[ReportFile]) -> None:
    from desktop_app.core.library.search import build_shard

    shard = build_shard(library_files[:1], loader(library_files))
    data = state.encode(shard.index.parts())
    for cut in range(0, len(data), max(1, len(data) // 150)):
        with pytest.raises(state.IndexFormatError):
            state.decode(data[:cut])
    newer = data[:4] + (state.STATE_VERSION + 1).to_bytes(4, "little") + data[8:]
    with pytest.raises(state.IndexFormatError, match="version"):
        state.decode(newer)


def test_the_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv(CACHE_DIR_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname != "Darwin":
        assert default_cache_dir() == tmp_path / "xdg" / "report-viewer"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_or_a_folder_in_place_of_a_shard_is_rebuilt_not_waited_for(
    tmp_path: Path, library_files: list[ReportFile]
) -> None:
    # Before: reading a shard that was a named pipe blocked the index build forever.
    cache = IndexCache(tmp_path / "cache")
    good = snapshot(cache.load(library_files, loader(library_files), bundled=["national"]))
    first, second = sorted((tmp_path / "cache").glob("shard-*.idx"))
    first.unlink()
    os.mkfifo(first)
    second.unlink()
    second.mkdir()
    index = call_beside_a_fifo(
        lambda: cache.load(library_files, loader(library_files), bundled=["national"]), first
    )
    assert snapshot(index) == good and (cache.last.built, cache.last.discarded) == (2, 2)
    assert first.is_file()  # the pipe removed and the shard written again
    assert second.is_dir()  # a folder is never removed: that shard is just not cached


_ZERO_SHARDS = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from desktop_app.core.library.index_cache import IndexCache
from tests.core.library.small_reports import loader, small_library
files = small_library(Path(sys.argv[1]) / "national")
cache = IndexCache(Path(sys.argv[1]) / "cache")
cache.load(files, loader(files), bundled=["national"])
for shard in cache.folder.glob("shard-*.idx"):
    shard.unlink()
    shard.symlink_to("/dev/zero")
cache.load(files, loader(files), bundled=["national"])
print(cache.last.built, cache.last.discarded)
"""


@pytest.mark.skipif(not Path("/dev/zero").exists() or sys.platform == "win32", reason="needs /dev/zero")
def test_a_shard_linked_to_an_endless_device_is_not_read(tmp_path: Path) -> None:
    # Before: /dev/zero read until memory ran out (a MemoryError under this 1 GB limit).
    result = subprocess.run(
        [sys.executable, "-c", _ZERO_SHARDS, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["1", "1"]
