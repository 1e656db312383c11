"""The catalogue survives corruption, loss, a newer app and a second process (no display)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app.core.library import Library
from desktop_app.core.library.catalogue import DATABASE_NAME, SCHEMA_VERSION
from tests.core.library.conftest import VariantMaker
from tests.hostile_files import call_beside_a_fifo

ROOT = Path(__file__).resolve().parents[3]


def test_the_catalogue_has_a_schema_version_and_wal(data_dir: Path) -> None:
    Library.open(data_dir).close()
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_a_corrupt_catalogue_is_rebuilt_from_the_files_with_a_notice(
    data_dir: Path, variant: VariantMaker
) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(1))
    for suffix in ("-wal", "-shm"):
        (data_dir / f"{DATABASE_NAME}{suffix}").unlink(missing_ok=True)
    (data_dir / DATABASE_NAME).write_bytes(b"this is not a database" * 200)
    with Library.open(data_dir) as library:
        assert library.get(entry.id) == entry
        assert library.collections()[1].count == 52
        assert any("rebuilt" in n.en and "重建" in n.zh for n in library.notices)
        assert library.catalogue_path == data_dir / DATABASE_NAME
    assert list(data_dir.glob(f"{DATABASE_NAME}.corrupt-*"))


def test_a_half_overwritten_catalogue_is_rebuilt(data_dir: Path, variant: VariantMaker) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(2))
    database = data_dir / DATABASE_NAME
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(database.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # the second page: the tables' contents
    database.write_bytes(bytes(data))
    with Library.open(data_dir) as library:
        assert library.get(entry.id) == entry
        assert library.notices


def test_a_missing_catalogue_is_rebuilt(data_dir: Path, variant: VariantMaker) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(3))
    for file in data_dir.glob(f"{DATABASE_NAME}*"):
        file.unlink()
    with Library.open(data_dir) as library:
        assert library.get(entry.id) == entry


def test_a_catalogue_of_a_newer_app_is_left_alone(data_dir: Path) -> None:
    Library.open(data_dir).close()
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    with Library.open(data_dir) as library:
        assert library.catalogue_path is None
        assert library.collections()[1].count == 52
        assert any("newer version" in n.en for n in library.notices)
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    connection.close()


def test_an_unwritable_data_folder_gives_a_library_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with Library.open(blocker / "data") as library:
        assert library.catalogue_path is None
        assert library.get("national/2025") is not None
        assert library.notices


def test_two_connections_see_each_others_changes(data_dir: Path, variant: VariantMaker) -> None:
    with Library.open(data_dir) as first, Library.open(data_dir) as second:
        added = first.add(variant(4))
        assert second.get(added.id) == added
        second.remove(added.id)
        assert first.get(added.id) is None


ADDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop_app.core.library import Library
    from tests.core.library.conftest import write_variant

    data_dir, incoming, first, last = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    paths = [write_variant(incoming, n) for n in range(first, last)]
    with Library.open(data_dir) as library:
        for path in paths:
            library.add(path)
            library.entries()
    """
)


def test_two_processes_add_to_one_library_at_once(data_dir: Path, tmp_path: Path) -> None:
    Library.open(data_dir).close()
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                ADDER,
                str(data_dir),
                str(tmp_path / f"in{k}"),
                str(10 * k),
                str(10 * k + 6),
            ],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in (1, 2)
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    with Library.open(data_dir) as library:
        users = library.entries("user")
    assert sorted(int(e.id.split("-")[1]) for e in users) == [*range(10, 16), *range(20, 26)]
    assert not [p for p in (data_dir / "reports").iterdir() if p.name.startswith(".")]


def test_a_library_opened_in_one_thread_serves_others(data_dir: Path, variant: VariantMaker) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = [variant(n) for n in range(30, 34)]
    with Library.open(data_dir) as library, ThreadPoolExecutor(4) as pool:
        added = list(pool.map(library.add, paths))
        loaded = list(pool.map(lambda e: library.load(e.id).id, added))
        listed = list(pool.map(lambda _: len(library.entries()), range(8)))
    assert loaded == [f"variant-{n}" for n in range(30, 34)]
    assert listed == [57] * 8


def test_migrations_run_in_order_and_keep_the_entries(
    data_dir: Path, variant: VariantMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.library import catalogue

    with Library.open(data_dir) as library:
        entry = library.add(variant(40))
    added = "ALTER TABLE entries ADD COLUMN note TEXT NOT NULL DEFAULT 'migrated'"
    monkeypatch.setattr(catalogue, "MIGRATIONS", (*catalogue.MIGRATIONS, added))
    monkeypatch.setattr(catalogue, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Library.open(data_dir) as library:
        assert library.get(entry.id) == entry
        assert not library.notices
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert connection.execute("SELECT note FROM entries WHERE id = ?", (entry.id,)).fetchone() == (
        "migrated",
    )
    connection.close()


def test_a_failing_migration_changes_nothing(
    data_dir: Path, variant: VariantMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.library import catalogue

    with Library.open(data_dir) as library:
        entry = library.add(variant(41))
    broken = "ALTER TABLE entries ADD COLUMN fine TEXT; ALTER TABLE nowhere ADD COLUMN x TEXT"
    monkeypatch.setattr(catalogue, "MIGRATIONS", (*catalogue.MIGRATIONS, broken))
    monkeypatch.setattr(catalogue, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(sqlite3.OperationalError, match="no such table: nowhere"):
        Library.open(data_dir)  # a bug in a migration is a bug of the app: said, not hidden
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [row[1] for row in connection.execute("PRAGMA table_info(entries)")]
    assert "fine" not in columns  # the half-run migration was rolled back with its version bump
    assert connection.execute("SELECT count(*) FROM entries WHERE id = ?", (entry.id,)).fetchone() == (1,)
    connection.close()


def test_a_version_1_catalogue_reads_its_entries_again(data_dir: Path, variant: VariantMaker) -> None:
    with Library.open(data_dir) as library:
        entry = library.add(variant(42))
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    connection.execute("UPDATE entries SET source = ''")  # what version 1 wrote for these
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    with Library.open(data_dir) as library:
        linzi = library.get("linzi/linzi-2024")
        user = library.get(entry.id)
    assert linzi is not None and linzi.source.startswith("大众日报")
    assert user is not None and user.source == entry.source != ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("kind", ["fifo", "folder", "loop"])
def test_a_catalogue_that_is_no_regular_file_gives_a_library_in_memory(tmp_path: Path, kind: str) -> None:
    # Issue 13's rule for the library's own file: never a hang, the odd file left as it was.
    catalogue = tmp_path / DATABASE_NAME
    if kind == "fifo":
        os.mkfifo(catalogue)
    elif kind == "folder":
        catalogue.mkdir()
    else:
        catalogue.symlink_to(catalogue)
    library = call_beside_a_fifo(lambda: Library.open(tmp_path), catalogue)
    try:
        assert library.catalogue_path is None and library.collections()
        assert any("kept in memory" in notice.en for notice in library.notices)
    finally:
        library.close()
    assert os.path.lexists(catalogue) and not catalogue.is_file()
