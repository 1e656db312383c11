"""Targets and outcomes stated in words, from a review's list, located in the reports: :func:`text_figures`.

The report schema's figures need a number, so qualitative targets (国际收支基本平衡, 居民收入增长和
经济增长基本同步) and outcomes (居民消费价格涨幅保持较低水平) are listed by the reviewer apart: for the
national collection, under ``qualitative`` in ``data/reviews/national.json`` (report year →
``{snippet, role, year, name, series}``, the snippet an exact and unique part of one paragraph of
the imported text). Each is located in its report; its words are the clause of the snippet that
names the indicator, its sentence the one around them. A snippet not found in the report is left
out and named in :attr:`TextList.missing`, never guessed at.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.core.dataset_errors import DatasetError, Problem
from desktop_app.core.dataset_file import json_path, read_json
from desktop_app.core.model import Level, Report, Span
from desktop_app.core.resources import data_path
from desktop_app.core.targets.types import TextFigure

__all__ = ["NATIONAL_REVIEW", "TextEntry", "TextList", "load_text_entries", "national_texts", "text_figures"]

NATIONAL_REVIEW = "reviews/national.json"
MAX_REVIEW_BYTES = 8 * 1024 * 1024
_CLAUSE_END = re.compile(r"[，,；;。！？：:]")
_SENTENCE_END = "。！？"
_ROLES = ("target", "outcome")


@dataclass(frozen=True, slots=True)
class TextEntry:
    """One reviewed qualitative target or outcome, before it is located."""

    report_year: int
    snippet: str
    role: str
    year: int
    name: str
    series: str


@dataclass(frozen=True, slots=True)
class TextList:
    """Located words, and the entries whose snippet was not found (report id, snippet)."""

    figures: tuple[TextFigure, ...]
    missing: tuple[tuple[str, str], ...] = field(default=())


def load_text_entries(path: Path | str | None = None) -> dict[int, tuple[TextEntry, ...]]:
    """The ``qualitative`` entries of a review file by report year (default: the national review).

    Raises:
        DatasetError: the file cannot be read or an entry is malformed (every problem listed).
    """
    file = Path(path) if path is not None else data_path(NATIONAL_REVIEW)
    document = read_json(file, MAX_REVIEW_BYTES)
    problems: list[Problem] = []
    out: dict[int, tuple[TextEntry, ...]] = {}
    qualitative = document.get("qualitative", {}) if isinstance(document, dict) else None
    if not isinstance(qualitative, dict):
        raise DatasetError(file, [Problem("$.qualitative", "expected an object of report years")])
    for year_text, items in qualitative.items():
        where: list[str | int] = ["qualitative", year_text]
        if not year_text.isdigit() or not isinstance(items, list):
            problems.append(Problem(json_path(where), "expected a report year and a list"))
            continue
        entries = [_entry(int(year_text), item, [*where, i], problems) for i, item in enumerate(items)]
        out[int(year_text)] = tuple(e for e in entries if e is not None)
    if problems:
        raise DatasetError(file, problems)
    return out


def _entry(report_year: int, item: Any, where: list[str | int], problems: list[Problem]) -> TextEntry | None:
    if not isinstance(item, dict):
        problems.append(Problem(json_path(where), "expected an object"))
        return None
    texts = ("snippet", "role", "name", "series")
    bad = [k for k in texts if not isinstance(item.get(k), str) or not item[k]]
    if not isinstance(item.get("year"), int) or isinstance(item.get("year"), bool):
        bad.append("year")
    if not bad and item["role"] not in _ROLES:
        bad.append("role")
    if bad:
        problems.append(Problem(json_path(where), f"bad or missing {', '.join(bad)}"))
        return None
    return TextEntry(report_year, item["snippet"], item["role"], item["year"], item["name"], item["series"])


@cache
def _national_entries() -> dict[int, tuple[TextEntry, ...]]:
    return load_text_entries()


def national_texts(reports: Iterable[Report]) -> TextList:
    """The national review's words located in the national ``reports`` (by year)."""
    entries = _national_entries()
    national = [r for r in reports if r.metadata.level is Level.NATIONAL]
    return text_figures(national, {r.id: entries.get(r.metadata.year, ()) for r in national})


def text_figures(reports: Sequence[Report], entries: Mapping[str, Sequence[TextEntry]]) -> TextList:
    """Each report's entries (by report id) located in its text."""
    figures: list[TextFigure] = []
    missing: list[tuple[str, str]] = []
    for report in reports:
        for entry in entries.get(report.id, ()):
            located = _locate(report, entry)
            if located is None:
                missing.append((report.id, entry.snippet))
            else:
                figures.append(located)
    return TextList(tuple(figures), tuple(missing))


def _locate(report: Report, entry: TextEntry) -> TextFigure | None:
    found = [(p, p.text.find(entry.snippet)) for p in report.paragraphs if entry.snippet in p.text]
    if len(found) != 1 or found[0][0].text.count(entry.snippet) != 1:
        return None
    paragraph, at = found[0]
    start, end = _clause(entry.snippet, entry.name)
    start, end = at + start, at + end
    text = paragraph.text
    sentence_start = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    ends = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    sentence_end = min(ends) + 1 if ends else len(text)
    return TextFigure(
        report=report.id,
        report_year=report.metadata.year,
        series=entry.series,
        year=entry.year,
        role=entry.role,
        name=entry.name,
        text=text[start:end],
        span=Span(paragraph.id, start, end, text[start:end]),
        sentence=text[sentence_start:sentence_end],
        sentence_span=Span(paragraph.id, sentence_start, sentence_end, text[sentence_start:sentence_end]),
    )


def _clause(snippet: str, name: str) -> tuple[int, int]:
    """The clause of ``snippet`` that names the indicator (the whole snippet if none does)."""
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(snippet)), len(snippet) + 1]
    for start, next_start in itertools.pairwise(bounds):
        end = next_start - 1 if next_start <= len(snippet) else len(snippet)
        if name and name in snippet[start:end]:
            return start, end
    return 0, len(snippet)
