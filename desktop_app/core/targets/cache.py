"""The pairs of a library collection, computed once and kept on disk until a report changes. No Qt.

Pairing a collection means loading every report in it (the national collection: some fifty
reports, seconds of work); the pairs themselves are a few hundred small records. So the Targets &
outcomes view reads them from a cache file (milliseconds) and computes them afresh only when the
cache does not answer for the library as it is now.

The cache answers when its *fingerprint* matches: the cache format, the application's version,
the pairing code's sources, the series table's bytes and every entry's id and content hash.
Anything else — a missing file, a stale fingerprint, a file that does not parse, a record that does
not fit — is a miss, never an error: the pairs are computed again and the file rewritten
(atomically).

The pairing itself is :func:`desktop_app.core.targets.pair`'s; this module only stores its result.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app.appinfo import __version__
from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.dataset_file import read_bytes
from desktop_app.core.model import Report, Review, Span
from desktop_app.core.resources import data_path
from desktop_app.core.targets.pairing import pair
from desktop_app.core.targets.semantics import TargetSemantics
from desktop_app.core.targets.series import SeriesTable, series_table
from desktop_app.core.targets.texts import NATIONAL_REVIEW
from desktop_app.core.targets.types import Basis, FigureRef, Pair, Rule, Verdict

__all__ = [
    "CACHE_FORMAT",
    "CollectionPairs",
    "LibraryLike",
    "cached_pairs",
    "collection_entries",
    "collection_pairs",
    "default_cache_file",
    "fingerprint",
    "pairs_from_json",
    "pairs_to_json",
    "read_cache",
    "write_cache",
]

CACHE_FORMAT = "report-viewer-targets-cache/1"
MAX_CACHE_BYTES = 32 * 1024 * 1024
"""A cache file larger than this is not read (a collection's pairs take some hundred kilobytes)."""


class EntryLike(Protocol):
    """What the cache needs of a library entry (:class:`desktop_app.core.library.Entry`)."""

    @property
    def id(self) -> str: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def broken(self) -> bool: ...
    @property
    def collection(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def region(self) -> str: ...


class LibraryLike(Protocol):
    """What the cache needs of the library (:class:`desktop_app.core.library.Library`)."""

    def entries(self, collection: str | None = None) -> Sequence[EntryLike]: ...
    def load(self, entry_id: str) -> Report: ...


@dataclass(frozen=True, slots=True)
class CollectionPairs:
    """A collection's pairs and where their reports are in the library.

    Attributes:
        pairs: The pairs, as :func:`~desktop_app.core.targets.pair` orders them.
        entries: Library entry id by report id (``national-2016`` → ``national/2016``): what to
            open for a pair's target or outcome.
        from_cache: Whether the pairs came from the cache file.
        skipped: Entries that could not be loaded (broken files), by id.
    """

    pairs: tuple[Pair, ...]
    entries: dict[str, str]
    from_cache: bool
    skipped: tuple[str, ...] = ()


@functools.cache
def code_digest() -> str:
    """A digest of the pairing code (``core/targets/*.py``): new rules make old pairs stale.

    Where the sources are not shipped (a frozen build), the application's version stands for them.
    """
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def fingerprint(entries: Sequence[EntryLike]) -> str:
    """What the cache must have been computed from: format, version, pairing code, series table, entries."""
    digest = hashlib.sha256()
    digest.update(f"{CACHE_FORMAT}\n{__version__}\n{code_digest()}\n".encode())
    for name in ("series.json", NATIONAL_REVIEW):  # the series and the review's words change pairs too
        digest.update(hashlib.sha256(data_path(name).read_bytes()).hexdigest().encode())
    for entry in sorted(entries, key=lambda e: e.id):
        digest.update(f"\n{entry.id}\t{entry.content_hash}\t{int(entry.broken)}".encode())
    return digest.hexdigest()


# --- pairs as JSON (every field, for reading back) -------------------------------------------------


def _span_json(span: Span) -> list[Any]:
    return [span.paragraph_id, span.start, span.end, span.text]


def _figure_json(figure: FigureRef | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "report": figure.report,
        "report_year": figure.report_year,
        "figure": figure.figure,
        "value": figure.value,
        "high": figure.high,
        "unit": figure.unit,
        "unit_normalised": figure.unit_normalised,
        "factor": figure.factor,
        "modifier": figure.modifier,
        "text": figure.text,
        "sentence": figure.sentence,
        "sentence_span": _span_json(figure.sentence_span),
        "span": _span_json(figure.span),
        "review": figure.review.value,
        "formula": figure.formula,
    }


def pairs_to_json(pairs: Sequence[Pair]) -> list[dict[str, Any]]:
    """Every field of every pair, as JSON-ready dicts (the series by key)."""
    return [
        {
            "series": p.series.key,
            "name": p.name,
            "year": p.year,
            "target": _figure_json(p.target),
            "outcome": _figure_json(p.outcome),
            "semantics": p.semantics.value if p.semantics is not None else None,
            "verdict": p.verdict.value,
            "rule": [p.rule.code, p.rule.zh, p.rule.en],
            "basis": p.basis.value,
            "unreviewed": p.unreviewed,
        }
        for p in pairs
    ]


def _span(data: Any) -> Span:
    paragraph, start, end, text = data
    if not (
        isinstance(paragraph, str)
        and isinstance(start, int)
        and isinstance(end, int)
        and isinstance(text, str)
    ):
        raise ValueError(f"not a span: {data!r}")
    return Span(paragraph, start, end, text)


def _figure(data: Any) -> FigureRef | None:
    if data is None:
        return None
    high = data["high"]
    return FigureRef(
        report=str(data["report"]),
        report_year=int(data["report_year"]),
        figure=str(data["figure"]),
        value=None if data["value"] is None else float(data["value"]),
        unit=str(data["unit"]),
        unit_normalised=str(data["unit_normalised"]),
        factor=float(data["factor"]),
        modifier=str(data["modifier"]),
        text=str(data["text"]),
        sentence=str(data["sentence"]),
        sentence_span=_span(data["sentence_span"]),
        span=_span(data["span"]),
        review=Review(data["review"]),
        high=None if high is None else float(high),
        formula=str(data["formula"]),
    )


def pairs_from_json(records: Any, table: SeriesTable) -> list[Pair]:
    """Pairs back from :func:`pairs_to_json`.

    Raises:
        ValueError, KeyError, TypeError: A record does not fit (the caller treats it as a miss).
    """
    if not isinstance(records, list):
        raise TypeError("expected a list of pairs")
    pairs = []
    for record in records:
        code, zh, en = record["rule"]
        semantics = record["semantics"]
        pairs.append(
            Pair(
                series=table[record["series"]],
                name=str(record["name"]),
                year=int(record["year"]),
                target=_figure(record["target"]),
                outcome=_figure(record["outcome"]),
                semantics=None if semantics is None else TargetSemantics(semantics),
                verdict=Verdict(record["verdict"]),
                rule=Rule(str(code), str(zh), str(en)),
                basis=Basis(record["basis"]),
                unreviewed=bool(record["unreviewed"]),
            )
        )
    return pairs


# --- the cache file -----------------------------------------------------------------------------------


def read_cache(
    path: Path, expected: str, table: SeriesTable | None = None
) -> tuple[list[Pair], dict[str, str]] | None:
    """The pairs and entry map in ``path`` if it was written for ``expected``; None for any miss."""
    try:
        # Only a regular file of bounded size (a named pipe would hang the window), parsed without
        # exhausting the stack: the cache is never trusted more than a dataset would be.
        document = json.loads(read_bytes(path, MAX_CACHE_BYTES, "cache").decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
            return None
        if document.get("fingerprint") != expected:
            return None
        entries = document["entries"]
        if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
            return None
        return pairs_from_json(document["pairs"], table or series_table()), dict(entries)
    except (DatasetError, OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        return None


def write_cache(path: Path, expected: str, pairs: Sequence[Pair], entries: dict[str, str]) -> None:
    """Write the cache file for ``expected``, atomically (creating its folder).

    Raises:
        OSError: The file could not be written (nothing is left behind).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "format": CACHE_FORMAT,
        "fingerprint": expected,
        "entries": entries,
        "pairs": pairs_to_json(pairs),
    }
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")))


def collection_entries(library: LibraryLike, collection: str) -> list[EntryLike]:
    """The entries to pair for a collection: every entry of the governments (level and region) it holds.

    A collection's targets may find their outcomes in another collection: Linzi's 2024 report is
    bundled (``linzi``), its 2025 report one a reader imports (``user``).
    """
    everything = list(library.entries())
    governments = {(e.level, e.region) for e in everything if e.collection == collection}
    return [e for e in everything if (e.level, e.region) in governments]


def collection_pairs(
    library: LibraryLike,
    collection: str,
    cache_file: Path | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    include_unreviewed: bool = False,
) -> CollectionPairs:
    """The pairs whose target stands in one collection: from the cache if it answers, else paired afresh.

    The reports paired are :func:`collection_entries`'s (the collection's governments, whatever
    their collection); the pairs kept are those whose target report is in ``collection``.

    Args:
        library: The library.
        collection: The collection's id (``national``).
        cache_file: Where the cache lives; None: no cache.
        progress: Called with (reports loaded, reports to load) while pairing afresh.
        include_unreviewed: Pair proposed figures too (such pairs say ``unreviewed``); never cached.
    """
    if include_unreviewed:
        cache_file = None
    entries = collection_entries(library, collection)
    expected = fingerprint(entries)
    if cache_file is not None:
        cached = read_cache(cache_file, expected)
        if cached is not None:
            return CollectionPairs(tuple(cached[0]), cached[1], from_cache=True)
    reports: list[Report] = []
    mapping: dict[str, str] = {}
    skipped: list[str] = []
    usable = [e for e in entries if not e.broken]
    inside: set[str] = set()
    for done, entry in enumerate(usable, start=1):
        try:
            report = library.load(entry.id)
        except Exception:
            skipped.append(entry.id)
            continue
        reports.append(report)
        mapping[report.id] = entry.id
        if entry.collection == collection:
            inside.add(report.id)
        if progress is not None:
            progress(done, len(usable))
    paired = pair(reports, include_proposed=include_unreviewed)
    pairs = [p for p in paired if p.target is not None and p.target.report in inside]
    if cache_file is not None and not skipped:
        with contextlib.suppress(OSError):  # no cache this time; the pairs are still right
            write_cache(cache_file, expected, pairs, mapping)
    return CollectionPairs(tuple(pairs), mapping, from_cache=False, skipped=tuple(skipped))


def cached_pairs(library: LibraryLike, collection: str, cache_file: Path) -> CollectionPairs | None:
    """The collection's pairs if the cache answers for the library as it is now, else None."""
    cached = read_cache(cache_file, fingerprint(collection_entries(library, collection)))
    if cached is None:
        return None
    return CollectionPairs(tuple(cached[0]), cached[1], from_cache=True)


def default_cache_file(data_dir: str | os.PathLike[str], collection: str) -> Path:
    """The cache file of a collection in the library's data folder."""
    return Path(data_dir) / "cache" / f"targets-{collection}.json"
