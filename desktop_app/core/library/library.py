"""The :class:`Library`: bundled and user collections over the SQLite catalogue. No Qt.

What is where:

- the catalogue ``library.sqlite3`` and the user library folder ``reports/`` live in the data folder
  (:func:`default_data_dir`);
- each user report is a folder ``reports/NAME/`` holding ``dataset.json`` and its source file, under
  the relative name the dataset gives it; ``NAME`` is the dataset's id and the first 8 hex digits of
  its content hash, and the entry's id is ``user/NAME``;
- bundled collections are read from the app's ``data/`` folder (:data:`BUNDLED`): a collection either
  names its dataset files (each loaded once and remembered by size and time stamp) or ships a
  manifest (``national/index.json``, written by ``tools/build_national.py``) listing its entries.

On :meth:`Library.open` the catalogue is brought in line with the files: a bundled collection whose
files changed is read again, a user folder added or changed by hand is validated (a file that fails
is listed with its errors), a folder removed by hand drops its entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.library.catalogue import Catalogue, open_catalogue, transaction
from desktop_app.core.library.entry import (
    Collection,
    Entry,
    LibraryError,
    Notice,
    broken_entry,
    entry_from_report,
    errors_json,
)

if TYPE_CHECKING:
    from desktop_app.core.model import Report

__all__ = ["BUNDLED", "DEFAULT_REPORT", "BundledCollection", "Library", "default_data_dir"]

DATA_DIR_VARIABLE: Final = "REPORT_VIEWER_DATA_DIR"
USER_FOLDER: Final = "reports"
USER_DATASET: Final = "dataset.json"
USER: Final = "user"
DEFAULT_REPORT: Final = "linzi/linzi-2024"
"""The entry the window opens first."""
_STALE_SECONDS: Final = 3600  # a staging folder older than this belongs to no running add
_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


@dataclass(frozen=True, slots=True)
class BundledCollection:
    """A read-only collection shipped in ``data/``.

    Attributes:
        id, name, name_en: As in :class:`Collection`.
        datasets: Dataset files (relative to ``data/``), each an entry ``ID/STEM``.
        manifest: A manifest file (relative to ``data/``) listing the entries, or "".
    """

    id: str
    name: str
    name_en: str
    datasets: tuple[str, ...] = ()
    manifest: str = ""


BUNDLED: Final = (
    BundledCollection("linzi", "临淄区政府工作报告", "Linzi District reports", datasets=("linzi-2024.json",)),
    BundledCollection(
        "national", "国务院政府工作报告", "National government work reports", manifest="national/index.json"
    ),
)
_USER_COLLECTION: Final = ("我的报告", "My reports")

_COLUMNS: Final = ", ".join(
    f"e.{c}"
    for c in (
        *("id", "title", "level", "region", "year", "meeting", "presenter", "source", "content_hash"),
        *("confirmed", "proposed", "collection", "root", "file", "errors"),
    )
)


def default_data_dir() -> Path:
    """``$REPORT_VIEWER_DATA_DIR``, else ``$XDG_DATA_HOME/report-viewer``, else ``~/.local/share/…``."""
    explicit = os.environ.get(DATA_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "report-viewer"


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


class Library:
    """The reports the app knows. Use :meth:`open`; safe to share between threads.

    Attributes:
        data_dir: The data folder (catalogue and user library folder).
        notices: What happened while opening (catalogue rebuilt, kept in memory, …), for the reader.
    """

    def __init__(
        self, data_dir: Path, catalogue: Catalogue, bundled: Sequence[BundledCollection], bundled_root: Path
    ) -> None:
        self.data_dir = data_dir
        self._catalogue = catalogue
        self._db = catalogue.connection
        self._bundled = tuple(bundled)
        self._bundled_root = bundled_root
        self._lock = threading.RLock()
        self.notices: list[Notice] = list(catalogue.notices)

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        bundled: Sequence[BundledCollection] = BUNDLED,
        bundled_root: Path | None = None,
    ) -> Library:
        """The library in ``data_dir`` (default :func:`default_data_dir`), in line with its files.

        Args:
            data_dir: Where the catalogue and the user library folder live.
            bundled: The bundled collections (tests may pass their own).
            bundled_root: The folder their files are named relative to (default: the app's ``data/``).
        """
        from desktop_app.core.resources import data_path

        folder = Path(data_dir) if data_dir is not None else default_data_dir()
        root = bundled_root if bundled_root is not None else data_path(".")
        library = cls(folder, open_catalogue(folder), bundled, root)
        library._sync()
        return library

    def close(self) -> None:
        """Close the catalogue (the library cannot be used afterwards)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def user_folder(self) -> Path:
        """The user library folder: every user report lives in a folder inside it."""
        return self.data_dir / USER_FOLDER

    @property
    def catalogue_path(self) -> Path | None:
        """The SQLite file, or None when the catalogue lives in memory this session."""
        return self._catalogue.path

    # --- reading ------------------------------------------------------------------------------

    def collections(self) -> list[Collection]:
        """Every collection, bundled first, with its number of entries."""
        with self._lock:
            rows = self._db.execute(
                "SELECT c.id, c.name, c.name_en, c.read_only, count(e.id) FROM collections c "
                "LEFT JOIN entries e ON e.collection = c.id GROUP BY c.id ORDER BY c.position"
            ).fetchall()
        return [Collection(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows]

    def entries(self, collection: str | None = None) -> list[Entry]:
        """The entries of one collection (or all), newest year first; broken ones included."""
        query = (
            f"SELECT {_COLUMNS} FROM entries e JOIN collections c ON c.id = e.collection "
            "{where} ORDER BY e.year IS NULL, e.year DESC, c.position, e.title, e.id"
        )
        with self._lock:
            if collection is None:
                rows = self._db.execute(query.format(where="")).fetchall()
            else:
                rows = self._db.execute(
                    query.format(where="WHERE e.collection = ?"), (collection,)
                ).fetchall()
        return [self._entry(row) for row in rows]

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM entries e WHERE e.id = ?", (entry_id,)).fetchone()
        return self._entry(row) if row else None

    def load(self, entry_id: str) -> Report:
        """The report of an entry, through the loader and every check it makes.

        Raises:
            LibraryError: No entry has this id.
            DatasetError: The file does not load (the entry is then listed as broken).
        """
        from desktop_app.core.loader import load_report

        entry = self._require(entry_id)
        try:
            report = load_report(entry.path)
        except DatasetError as exc:
            self._set_errors(entry.id, tuple(p.text() for p in exc.problems) or (str(exc),))
            raise
        if entry.errors:
            self._set_errors(entry.id, ())
        return report

    # --- changing -----------------------------------------------------------------------------

    def add(self, dataset_path: Path | str) -> Entry:
        """Copy a dataset and its source into the user library folder and list it.

        The copy is validated (what is stored is what was checked), moved into place in one rename
        and listed in the same transaction; if anything fails, nothing is left behind.

        Raises:
            LibraryError: The file does not load (every problem is in the message), the same report
                is already in the library, or the data folder cannot be written.
        """
        from desktop_app.core.dataset_file import read_bytes
        from desktop_app.core.loader import load_report

        path = Path(dataset_path)
        if self._catalogue.path is None:
            raise LibraryError(
                f"cannot add {path}: the library has no data folder this session",
                f"无法添加 {path}：本次书库没有可写的数据文件夹",
                "unwritable",
            )
        try:
            data = read_bytes(path)
            report = load_report(path)
        except DatasetError as exc:
            raise LibraryError(
                f"cannot add {path} to the library:\n{exc.describe()}",
                f"无法将 {path} 加入书库：\n{exc.describe(Language.ZH)}",
            ) from None
        content_hash = _hash(data)
        self._refuse_duplicate(path, content_hash)
        if report.source.file == USER_DATASET:
            raise LibraryError(
                f"cannot add {path}: its source file may not be named {USER_DATASET}",
                f"无法添加 {path}：原文文件不能命名为 {USER_DATASET}",
            )
        name = f"{_slug(report.id)}-{content_hash[:8]}"
        staging = self.user_folder / f".add-{secrets.token_hex(6)}"
        final = self.user_folder / name
        moved = False
        try:
            staging.mkdir(parents=True)
            (staging / USER_DATASET).write_bytes(data)
            source = staging / report.source.file
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(report.source.text.encode("utf-8"))
            stored = load_report(staging / USER_DATASET)
            with self._lock, transaction(self._db):
                self._refuse_duplicate(path, content_hash)
                if os.path.lexists(final):
                    raise LibraryError(
                        f"cannot add {path}: {final} already exists",
                        f"无法添加 {path}：{final} 已存在",
                        "duplicate",
                    )
                os.rename(staging, final)
                moved = True
                entry = entry_from_report(f"{USER}/{name}", USER, stored, final / USER_DATASET, content_hash)
                self._upsert(entry, "user", f"{name}/{USER_DATASET}", _file_stamp(final / USER_DATASET))
        except DatasetError as exc:  # the copy differs from what was checked: the original changed
            raise LibraryError(
                f"cannot add {path}: the file changed while it was copied:\n{exc.describe()}",
                f"无法添加 {path}：复制时文件发生了变化：\n{exc.describe(Language.ZH)}",
            ) from None
        except OSError as exc:
            raise LibraryError(
                f"cannot add {path}: cannot write {self.user_folder}: {exc.strerror or exc}",
                f"无法添加 {path}：无法写入 {self.user_folder}：{exc.strerror or exc}",
                "unwritable",
            ) from None
        except BaseException:
            if moved:
                with contextlib.suppress(OSError):
                    os.rename(final, staging)
            raise
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        return entry

    def remove(self, entry_id: str) -> Entry:
        """Take a user report out of the library and delete its folder in the user library folder.

        Nothing outside the user library folder is ever deleted: a folder that is a symbolic link
        loses only the link.

        Returns:
            The entry removed.

        Raises:
            LibraryError: No such entry, or it belongs to a bundled (read-only) collection.
        """
        entry = self._require(entry_id)
        if entry.collection != USER:
            raise LibraryError(
                f"{entry_id} is part of a bundled collection, which cannot be changed",
                f"{entry_id} 属于随程序提供的文集，不能删除",
                "read_only",
            )
        folder = self._user_entry_folder(entry_id)
        trash = self.user_folder / f".remove-{secrets.token_hex(6)}"
        with self._lock, transaction(self._db):
            self._db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            if folder is not None and os.path.lexists(folder):
                if folder.is_symlink():
                    folder.unlink()
                else:
                    os.rename(folder, trash)
        shutil.rmtree(trash, ignore_errors=True)
        return entry

    def refresh(self) -> None:
        """Bring the catalogue in line with the files again (e.g. after a folder was changed by hand)."""
        self._sync()

    # --- internals ----------------------------------------------------------------------------

    def _require(self, entry_id: str) -> Entry:
        entry = self.get(entry_id)
        if entry is None:
            raise LibraryError(
                f"no report {entry_id!r} in the library", f"书库中没有报告 {entry_id!r}", "unknown"
            )
        return entry

    def _refuse_duplicate(self, path: Path, content_hash: str) -> None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, title FROM entries WHERE content_hash = ? LIMIT 1", (content_hash,)
            ).fetchone()
        if row:
            raise LibraryError(
                f"{path} is already in the library as {row[0]} ({row[1]})",
                f"{path} 已在书库中：{row[0]}（{row[1]}）",
                "duplicate",
            )

    def _user_entry_folder(self, entry_id: str) -> Path | None:
        """The folder of a user entry, only ever a direct child of the user library folder."""
        name = entry_id.removeprefix(f"{USER}/")
        if not _NAME.fullmatch(name):
            return None
        folder = self.user_folder / name
        if Path(os.path.realpath(folder.parent)) != Path(os.path.realpath(self.user_folder)):
            return None
        return folder

    def _entry(self, row: Sequence[Any]) -> Entry:
        root = self.user_folder if row[12] == "user" else self._bundled_root
        return Entry(
            id=row[0],
            title=row[1],
            level=row[2],
            region=row[3],
            year=row[4],
            meeting=row[5],
            presenter=row[6],
            source=row[7],
            content_hash=row[8],
            confirmed=row[9],
            proposed=row[10],
            collection=row[11],
            path=root.joinpath(*row[13].split("/")),
            errors=tuple(json.loads(row[14])),
        )

    def _upsert(self, entry: Entry, root: str, file: str, stamp: tuple[int, int]) -> None:
        """Write one entry (inside a transaction)."""
        self._db.execute(
            "INSERT OR REPLACE INTO entries (id, collection, title, level, region, year, meeting, "
            "presenter, source, content_hash, confirmed, proposed, root, file, errors, file_size, "
            "file_mtime_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.id,
                entry.collection,
                entry.title,
                entry.level,
                entry.region,
                entry.year,
                entry.meeting,
                entry.presenter,
                entry.source,
                entry.content_hash,
                entry.confirmed,
                entry.proposed,
                root,
                file,
                errors_json(entry.errors),
                stamp[0],
                stamp[1],
            ),
        )

    def _set_errors(self, entry_id: str, errors: tuple[str, ...]) -> None:
        with contextlib.suppress(sqlite3.Error), self._lock, transaction(self._db):
            self._db.execute("UPDATE entries SET errors = ? WHERE id = ?", (errors_json(errors), entry_id))

    def _sync(self) -> None:
        with self._lock:
            self._sync_collections()
            for bundled in self._bundled:
                self._sync_bundled(bundled)
            self._sync_user()

    def _sync_collections(self) -> None:
        wanted = [(b.id, b.name, b.name_en, 1) for b in self._bundled] + [(USER, *_USER_COLLECTION, 0)]
        with transaction(self._db):
            known = {row[0] for row in self._db.execute("SELECT id FROM collections")}
            for position, (cid, name, name_en, read_only) in enumerate(wanted):
                if cid in known:
                    self._db.execute(
                        "UPDATE collections SET name = ?, name_en = ?, read_only = ?, position = ? "
                        "WHERE id = ?",
                        (name, name_en, read_only, position, cid),
                    )
                else:
                    self._db.execute(
                        "INSERT INTO collections (id, name, name_en, read_only, position) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (cid, name, name_en, read_only, position),
                    )
            for gone in known - {w[0] for w in wanted}:
                self._db.execute("DELETE FROM collections WHERE id = ?", (gone,))

    def _stamp_of(self, collection: str) -> str:
        row = self._db.execute("SELECT stamp FROM collections WHERE id = ?", (collection,)).fetchone()
        return str(row[0]) if row else ""

    def _sync_bundled(self, bundled: BundledCollection) -> None:
        """Read a bundled collection again when its files changed (by size, time stamp or manifest)."""
        files = [self._bundled_root / name for name in bundled.datasets]
        manifest = self._bundled_root / bundled.manifest if bundled.manifest else None
        parts = [str(self._bundled_root)]
        for file in [*files, *([manifest] if manifest else [])]:
            try:
                size, mtime = _file_stamp(file)
            except OSError:
                size, mtime = -1, -1
            parts.append(f"{file.name}:{size}:{mtime}")
        stamp = "|".join(parts)
        if stamp == self._stamp_of(bundled.id):
            return
        rows: list[tuple[Entry, str]] = []
        for name, file in zip(bundled.datasets, files, strict=True):
            rows.append((self._read_entry(f"{bundled.id}/{Path(name).stem}", bundled.id, file), name))
        if manifest is not None:
            rows.extend(self._manifest_entries(bundled, manifest))
        with transaction(self._db):
            self._db.execute("DELETE FROM entries WHERE collection = ?", (bundled.id,))
            for entry, file_name in rows:
                self._upsert(entry, "bundled", file_name, (-1, -1))
            self._db.execute("UPDATE collections SET stamp = ? WHERE id = ?", (stamp, bundled.id))

    def _manifest_entries(self, bundled: BundledCollection, manifest: Path) -> list[tuple[Entry, str]]:
        from desktop_app.core.dataset_file import read_json

        folder = str(Path(bundled.manifest).parent.as_posix())
        try:
            document = read_json(manifest)
            items = document["entries"]
            out = []
            for item in items:
                file = f"{folder}/{item['file']}" if folder != "." else str(item["file"])
                entry = Entry(
                    id=f"{bundled.id}/{item['name']}",
                    title=str(item["title"]),
                    level=str(item["level"]),
                    region=str(item["region"]),
                    year=int(item["year"]),
                    meeting=str(item["meeting"]),
                    presenter=str(item["presenter"]),
                    source=str(item["source"]),
                    content_hash=str(item["content_hash"]),
                    confirmed=int(item["confirmed"]),
                    proposed=int(item["proposed"]),
                    collection=bundled.id,
                    path=self._bundled_root / file,
                )
                out.append((entry, file))
            return out
        except (DatasetError, LookupError, TypeError, ValueError) as exc:
            self.notices.append(
                Notice(
                    f"The bundled collection {bundled.id} could not be read ({manifest}: {exc}).",
                    f"无法读取随程序提供的文集 {bundled.id}（{manifest}：{exc}）。",
                )
            )
            return []

    def _read_entry(self, entry_id: str, collection: str, file: Path) -> Entry:
        """The entry of one dataset file: loaded and checked, or listed as broken with its errors."""
        from desktop_app.core.dataset_file import read_bytes
        from desktop_app.core.loader import load_report

        try:
            content_hash = _hash(read_bytes(file))
        except DatasetError as exc:
            return broken_entry(entry_id, collection, file, "", exc)
        try:
            report = load_report(file)
        except DatasetError as exc:
            return broken_entry(entry_id, collection, file, content_hash, exc)
        return entry_from_report(entry_id, collection, report, file, content_hash)

    def _sync_user(self) -> None:
        """Validate user folders added or changed by hand; drop entries whose folder is gone."""
        folder = self.user_folder
        present: dict[str, Path] = {}
        with contextlib.suppress(OSError):
            for child in folder.iterdir():
                if child.name.startswith("."):
                    _remove_stale(child)
                elif _NAME.fullmatch(child.name) and child.is_dir() and not child.is_symlink():
                    present[child.name] = child / USER_DATASET
        known = {
            row[0].removeprefix(f"{USER}/"): (row[1], row[2])
            for row in self._db.execute(
                "SELECT id, file_size, file_mtime_ns FROM entries WHERE collection = ?", (USER,)
            )
        }
        changed: list[tuple[Entry, str, tuple[int, int]]] = []
        for name, dataset in present.items():
            try:
                stamp = _file_stamp(dataset)
            except OSError:
                stamp = (-1, -1)
            if known.get(name) == stamp and stamp != (-1, -1):
                continue
            entry = self._read_entry(f"{USER}/{name}", USER, dataset)
            changed.append((entry, f"{name}/{USER_DATASET}", stamp))
        gone = [name for name in known if name not in present]
        if not changed and not gone:
            return
        with transaction(self._db):
            for name in gone:
                self._db.execute("DELETE FROM entries WHERE id = ?", (f"{USER}/{name}",))
            for entry, file, stamp in changed:
                self._upsert(entry, "user", file, stamp)


def _slug(report_id: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", report_id).strip("-_")[:60]
    return slug if slug and slug[0].isalnum() else f"report{('-' + slug) if slug else ''}"


def _remove_stale(child: Path) -> None:
    """A staging or trash folder left by a process that died long ago."""
    with contextlib.suppress(OSError):
        if (
            child.name.startswith((".add-", ".remove-"))
            and time.time() - child.lstat().st_mtime > _STALE_SECONDS
        ):
            shutil.rmtree(child, ignore_errors=True)
