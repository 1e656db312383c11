"""What the library says about a report (:class:`Entry`), a collection, and its errors. No Qt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.model import Report
from desktop_app.core.unreviewed import review_counts

__all__ = ["Collection", "Entry", "LibraryError", "Notice", "broken_entry", "entry_from_report"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One report in the library.

    Attributes:
        id: ``COLLECTION/NAME``, e.g. ``national/2025``; stable while the file stays.
        title: The report's title (for a broken file whatever could be read, else the name in its id).
        level: ``national``, ``province``, ``city``, ``district`` or ``county`` ("" when unknown).
        region: The region's name, e.g. 临淄区 or 中华人民共和国.
        year: The report's year (None when the file is broken and says none).
        meeting: The meeting it was delivered at ("" when the text does not say).
        presenter: Who delivered it, office and name ("" when the text does not say).
        source: Where the text came from: the URL when there is one, else the citation
            (:attr:`~desktop_app.core.model.Metadata.citation`).
        content_hash: SHA-256 of the dataset file's bytes (changes whenever the report does).
        confirmed: Stated figures a person confirmed.
        proposed: Stated figures still awaiting review.
        collection: The collection's id.
        path: The dataset file.
        errors: Why the file cannot be loaded, one line each; empty for a good report.
    """

    id: str
    title: str
    level: str
    region: str
    year: int | None
    meeting: str
    presenter: str
    source: str
    content_hash: str
    confirmed: int
    proposed: int
    collection: str
    path: Path
    errors: tuple[str, ...] = ()

    @property
    def broken(self) -> bool:
        """Whether the file failed validation (see :attr:`errors`)."""
        return bool(self.errors)


@dataclass(frozen=True, slots=True)
class Collection:
    """A collection of reports.

    Attributes:
        id: ``linzi``, ``national`` or ``user``.
        name: Its name in Chinese; ``name_en`` in English.
        read_only: Bundled with the app: reports cannot be added or removed.
        count: How many entries it holds (broken ones included).
    """

    id: str
    name: str
    name_en: str
    read_only: bool
    count: int


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the library did that a reader should hear of (e.g. a catalogue rebuilt)."""

    en: str
    zh: str


class LibraryError(Exception):
    """A library operation that cannot be done, said in English (``str()``) and Chinese (:attr:`zh`).

    Attributes:
        reason: ``unknown`` (no such entry), ``read_only`` (a bundled collection), ``duplicate``
            (the same file is already listed), ``invalid`` (the dataset does not load) or
            ``unwritable`` (the data folder cannot be written).
    """

    def __init__(self, en: str, zh: str, reason: str = "invalid") -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh
        self.reason = reason


def presenter_text(report: Report) -> str:
    presenter = report.metadata.presenter
    return f"{presenter.office}{presenter.name}".strip()


def entry_from_report(entry_id: str, collection: str, report: Report, path: Path, content_hash: str) -> Entry:
    """The entry of a report that loaded."""
    meta = report.metadata
    counts = review_counts(report)
    confirmed, proposed = counts.confirmed, counts.proposed
    return Entry(
        id=entry_id,
        title=meta.title,
        level=str(meta.level),
        region=meta.region.name,
        year=meta.year,
        meeting=meta.meeting.name,
        presenter=presenter_text(report),
        source=meta.source_url or meta.citation,
        content_hash=content_hash,
        confirmed=confirmed,
        proposed=proposed,
        collection=collection,
        path=path,
    )


def broken_entry(
    entry_id: str, collection: str, path: Path, content_hash: str, error: DatasetError | str
) -> Entry:
    """The entry of a file that failed validation: what can be read of it, and why it failed."""
    errors = (
        tuple(p.text() for p in error.problems) or (str(error),)
        if isinstance(error, DatasetError)
        else (error,)
    )
    metadata = _readable_metadata(path)
    year = metadata.get("year")
    title = metadata.get("title")
    return Entry(
        id=entry_id,
        title=title if isinstance(title, str) and title else entry_id.rsplit("/", 1)[-1],
        level=str(metadata.get("level", "")) if isinstance(metadata.get("level"), str) else "",
        region="",
        year=year if isinstance(year, int) and not isinstance(year, bool) and 0 < year < 10000 else None,
        meeting="",
        presenter="",
        source="",
        content_hash=content_hash,
        confirmed=0,
        proposed=0,
        collection=collection,
        path=path,
        errors=errors,
    )


def _readable_metadata(path: Path) -> dict[str, Any]:
    """The metadata object of a file that may be anything, or {} (bounded: the loader read it first)."""
    from desktop_app.core.dataset_file import read_json

    try:
        document = read_json(path)
    except (DatasetError, ValueError, RecursionError):
        return {}
    metadata = document.get("metadata") if isinstance(document, dict) else None
    return metadata if isinstance(metadata, dict) else {}


def errors_json(errors: tuple[str, ...]) -> str:
    return json.dumps(list(errors), ensure_ascii=False)
