"""Small reports made with the importer, in a folder, as the library's index sees them (no corpus needed)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.importer.dataset import DatasetOptions, to_dataset
from desktop_app.core.importer.pipeline import import_text
from desktop_app.core.loader import load_report
from desktop_app.core.model import Report

# Every spelling that search folds alike: 說/说, ＧＤＰ/ｇｄｐ/GDP, 实体经济 broken by a space or an
# ideographic space, and two full-width digits.
TEXTS: dict[int, str] = {
    2023: "各位代表：\n\n过去一年，我们坚持高质量发展，ＧＤＰ增长５％。\n\n推动高质量发展，說到做到。\n",
    2024: "各位代表：\n\n高質量發展是首要任務，说到就要做到。实体 经济与实\u3000体经济。\n\n"
    "ｇｄｐ和GDP都增长了。\n",
    2025: "各位代表：\n\n今年的主要任务是扩大内需。\n",
}


@dataclass(frozen=True, slots=True)
class ReportFile:
    """A report as the library lists it (the fields the index reads)."""

    id: str
    title: str
    year: int | None
    collection: str
    content_hash: str
    path: Path


def write_report(folder: Path, name: str, raw: str, year: int, collection: str = "national") -> ReportFile:
    """Import ``raw`` into ``folder/NAME.json`` (and its source) and describe it."""
    folder.mkdir(parents=True, exist_ok=True)
    result = import_text(raw, year=year, level="national")
    source = f"{name}.source.txt"
    document = to_dataset(result, DatasetOptions(source_file=source, title=f"报告{year}", year=year))
    (folder / source).write_text(result.intake.raw, encoding="utf-8")
    path = folder / f"{name}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return ReportFile(f"{collection}/{name}", f"报告{year}", year, collection, digest, path)


def small_library(folder: Path, texts: dict[int, str] = TEXTS) -> list[ReportFile]:
    """The reports of ``texts`` in a collection ``national``, newest first (the library's order)."""
    return [write_report(folder, str(year), texts[year], year) for year in sorted(texts, reverse=True)]


def loader(reports: Sequence[ReportFile], calls: list[str] | None = None) -> Callable[[str], Report]:
    """``Library.load`` for these reports; records each id it loads in ``calls``."""
    by_id = {report.id: report for report in reports}

    def load(report_id: str) -> Report:
        if calls is not None:
            calls.append(report_id)
        return load_report(by_id[report_id].path)

    return load
