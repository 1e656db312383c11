"""Reports for pairing tests: small texts imported with the real importer and loaded by the real loader."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from desktop_app.core.importer.dataset import DatasetOptions, to_dataset
from desktop_app.core.importer.pipeline import import_text
from desktop_app.core.loader import load_report
from desktop_app.core.model import Report


def imported(
    folder: Path,
    text: str,
    year: int,
    *,
    confirm: bool = True,
    level: str = "national",
    region: str = "",
    series: Mapping[str, str] | None = None,
) -> Report:
    """``text`` imported as the report of ``year``; every proposal confirmed when ``confirm``.

    ``series`` sets the series of figures by their text as written (``{"2%": "cpi"}``), as a reviewer would.
    """
    result = import_text(text, year=year, level=level)
    stem = f"r{year}-{level}"
    (folder / f"{stem}.source.txt").write_text(result.intake.raw, encoding="utf-8")
    options = DatasetOptions(
        source_file=f"{stem}.source.txt",
        title=f"{year}年政府工作报告",
        year=year,
        level=level,
        region=region,
        accept_above=0.0 if confirm else None,
    )
    doc = to_dataset(result, options)
    doc["id"] = f"{level}-{year}"
    for figure in doc["indicators"]:
        if series and figure["span"]["text"] in series:
            figure["series"] = series[figure["span"]["text"]]
    path = folder / f"{stem}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return load_report(path)
