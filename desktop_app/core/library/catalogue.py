"""The catalogue: the library's SQLite database (stdlib :mod:`sqlite3`). No Qt.

One file, ``library.sqlite3`` in the data folder, in WAL mode so that readers never wait for a
writer and two app instances can share it. The schema's version is ``PRAGMA user_version``;
:data:`MIGRATIONS` take a database from any older version to :data:`SCHEMA_VERSION`, each in the
same transaction as the version bump. Every change runs in :func:`transaction` (``BEGIN
IMMEDIATE``: the write lock is taken first, so two processes never interleave a read-then-write).

The catalogue holds nothing the dataset files do not: :func:`open_catalogue` moves a corrupt file
aside and starts an empty one, and the library fills it again from the files.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop_app.core.library.entry import Notice

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Catalogue", "open_catalogue", "transaction"]

DATABASE_NAME: Final = "library.sqlite3"
BUSY_TIMEOUT_SECONDS: Final = 30.0

_V1: Final = """
CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL,
    read_only INTEGER NOT NULL,
    position INTEGER NOT NULL,
    stamp TEXT NOT NULL DEFAULT ''
);
CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    collection TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    level TEXT NOT NULL,
    region TEXT NOT NULL,
    year INTEGER,
    meeting TEXT NOT NULL,
    presenter TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    confirmed INTEGER NOT NULL,
    proposed INTEGER NOT NULL,
    root TEXT NOT NULL,
    file TEXT NOT NULL,
    errors TEXT NOT NULL DEFAULT '[]',
    file_size INTEGER NOT NULL DEFAULT -1,
    file_mtime_ns INTEGER NOT NULL DEFAULT -1
);
CREATE INDEX entries_by_collection_year ON entries (collection, year DESC);
CREATE INDEX entries_by_hash ON entries (content_hash);
"""

# Version 2: an entry without a source URL names the report's citation as its source (Linzi's
# newspaper); what the catalogue derives from the files changed, so every entry is read again.
_V2: Final = """
UPDATE collections SET stamp = '';
UPDATE entries SET file_size = -1, file_mtime_ns = -1;
"""

MIGRATIONS: Final[tuple[str, ...]] = (_V1, _V2)
"""SQL scripts, in order: ``MIGRATIONS[n]`` takes a database from version n to n + 1."""
SCHEMA_VERSION: Final = len(MIGRATIONS)


@dataclass(slots=True)
class Catalogue:
    """An open catalogue.

    Attributes:
        connection: The SQLite connection (autocommit; changes go through :func:`transaction`).
        path: The database file, or None when the catalogue lives in memory (no usable data folder).
        notices: What happened while opening it (a corrupt file moved aside, …).
    """

    connection: sqlite3.Connection
    path: Path | None
    notices: list[Notice]


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: the write lock first (``BEGIN IMMEDIATE``), all or nothing."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _connect(target: str) -> sqlite3.Connection:
    # Shared between threads (a background indexer loads reports): the Library serialises its calls.
    connection = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        if target != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION`; raise ValueError for a newer one."""
    with transaction(connection):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ValueError(f"schema version {version} is newer than this app's {SCHEMA_VERSION}")
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")


def _check(connection: sqlite3.Connection) -> None:
    """Raise :class:`sqlite3.DatabaseError` unless the file is a sound SQLite database."""
    result = connection.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check: {result[0] if result else 'no answer'}")


def open_catalogue(data_dir: Path) -> Catalogue:
    """The catalogue in ``data_dir``, created, migrated or (when corrupt) moved aside and started anew.

    When the folder cannot hold a database (read-only, not a folder) or the database is newer than
    this app, the catalogue lives in memory for this session and a notice says so.
    """
    notices: list[Notice] = []
    path = data_dir / DATABASE_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _in_memory(notices, f"cannot create the data folder {data_dir}: {exc.strerror or exc}")
    for attempt in range(2):
        connection: sqlite3.Connection | None = None
        try:
            connection = _connect(str(path))
            _check(connection)
            _migrate(connection)
            return Catalogue(connection, path, notices)
        except ValueError as exc:  # a newer schema: leave the file alone
            if connection is not None:
                connection.close()
            return _in_memory(notices, f"{path} was written by a newer version of the app ({exc})")
        except sqlite3.OperationalError as exc:
            if connection is not None:
                connection.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise
            if attempt or not _is_corrupt(exc):
                return _in_memory(notices, f"cannot open {path}: {exc}")
            notices.append(_set_aside(path, exc))
        except sqlite3.DatabaseError as exc:
            if connection is not None:
                connection.close()
            if attempt:
                return _in_memory(notices, f"cannot open {path}: {exc}")
            notices.append(_set_aside(path, exc))
    raise AssertionError("unreachable")  # pragma: no cover


def _is_corrupt(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "malformed" in text or "not a database" in text or "disk image" in text


def _set_aside(path: Path, exc: Exception) -> Notice:
    """Move a corrupt database (and its WAL files) aside; the library rebuilds it from the files."""
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    return Notice(
        f"The library catalogue {path} could not be read ({exc}); it was moved to {aside.name} "
        "and rebuilt from the report files.",
        f"无法读取书库目录 {path}（{exc}）；已将其改名为 {aside.name}，并根据报告文件重建。",
    )


def _in_memory(notices: list[Notice], reason: str) -> Catalogue:
    connection = _connect(":memory:")
    _migrate(connection)
    notices.append(
        Notice(
            f"{reason}; the library is kept in memory for this session and reports cannot be added.",
            f"{reason}；本次书库仅保存在内存中，无法添加报告。",
        )
    )
    return Catalogue(connection, None, notices)
