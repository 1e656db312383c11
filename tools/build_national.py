"""Build ``data/national/``: the national government work reports 1954–2025, imported from the corpus.

Every report record of ``national-government-work-reports.jsonl`` (``year`` not null) goes through the
importer (:func:`~desktop_app.core.importer.pipeline.import_text`,
:func:`~desktop_app.core.importer.dataset.to_dataset`), exactly as ``report-viewer import`` would
take it, into ``data/national/YEAR.json`` with the record's text beside it as ``YEAR.source.txt``;
``index.json`` lists them for the library (:mod:`desktop_app.core.library`).

What the build adds to what the importer detects, from the corpus record only:

- the title is the record's title, the source its Wikisource URL, the level national;
- the meeting and the presenter come from the NPC resolution approving the report when the corpus
  has one that names the same year (``同意报告提出的2019年…`` or its adoption date), otherwise from
  the report's own header when it names a session of the NPC and an office of the State Council;
  what neither says stays empty and the dataset says so (``metadata.ambiguities``);
- the meeting date only when the report's header states it (else a placeholder, said so too);
- review decisions (``data/reviews/national.json``), when ``tools/national_review.py`` exists, through
  its ``apply_review(dataset, decisions)`` for the decisions of the report's year.

The corpus is found by :func:`tools.corpus.corpus_file` (``--corpus``, ``$REPORT_VIEWER_CORPUS``,
``../shared/corpus`` beside the repository, or the copy in ``tests/data/corpus/``). ``--check``
rebuilds in memory and compares with the committed files byte for byte; when the corpus is absent it
says so and exits 0 (the committed files are usable without it).

Usage: ``python tools/build_national.py [--check] [--corpus DIR]``
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from desktop_app.core.importer.dataset import DatasetOptions, _ambiguities, to_dataset
from desktop_app.core.importer.pipeline import import_text, simplified
from tools.corpus import CORPUS_NAME, CORPUS_SHA256, corpus_file, read_records

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "national"
REVIEWS = REPO / "data" / "reviews" / "national.json"
REGION = "中华人民共和国"
_NPC = "第[一二三四五六七八九十]+届全国人民代表大会第[一二三四五六七八九十]+次会议"
_RESOLUTION_MEETING = re.compile(f"^({_NPC})")
_NUMERAL = "[一二三四五六七八九十]+"
# How a report names the session it is delivered at: the header (——…在第…次会议上), the address
# (向第…次会议作/提出/报告; 1975 and 1978 name only the congress) or 1954's opening (我们第…次会议).
_STATED_MEETING = (
    re.compile(f"在({_NPC})上"),
    re.compile(f"向(第{_NUMERAL}届全国人民代表大会(?:第{_NUMERAL}次会议)?)，?(?:作|提出|报告)"),
    re.compile(f"^各位代表[：:！!]我们({_NPC})"),
)
_NAME = "[\u4e00-\u9fff]{2,3}?"
_RESOLUTION_PRESENTER = re.compile(
    f"听取(?:和|并)?审议了(?:国务院总理({_NAME})所作|({_NAME})总理(?:代表国务院)?所作)"
)

Json = dict[str, Any]


def resolution_facts(record: Json) -> tuple[str, str]:
    """The meeting a resolution was adopted at and the presenter of the report it approves."""
    meeting = _RESOLUTION_MEETING.match(record["title"])
    presenter = _RESOLUTION_PRESENTER.search(record["content"].replace("\n", ""))
    name = (presenter.group(1) or presenter.group(2)) if presenter else ""
    return meeting.group(1) if meeting else "", name


def resolutions_by_year(corpus: list[Json]) -> dict[int, Json]:
    """Each resolution that follows its report in the corpus and names the report's year (YYYY年).

    A resolution that names no year (2007 今后一年, 2013 今年, the 1964 record's, which speaks of
    1958年以来 and belongs to another session) is left unattached rather than guessed.
    """
    out: dict[int, Json] = {}
    for before, record in itertools.pairwise(corpus):
        if record.get("year") is None and before.get("year") is not None:
            year = int(before["year"])
            if f"{year}年" in record["content"]:
                out[year] = record
    return out


def stated_meeting(raw: str) -> str:
    """The session the report says it is delivered at, from its opening lines only ("" if none).

    A session named elsewhere is usually an earlier one (从第五届…第一次会议以来), so only the
    header and the address to the congress count.
    """
    head = re.sub(r"[\s\u200b]+", "", simplified(raw[:600]))  # line breaks come around wiki links
    for pattern in _STATED_MEETING:
        match = pattern.search(head)
        if match:
            return match.group(1)
    return ""


def stated_presenter(raw: str) -> str:
    """The name under a header (——1957年6月26日在第…次会议上 / 周恩来 / 各位代表), or ""."""
    head = re.sub(r"[\s\u200b]+", "", simplified(raw[:600]))
    match = re.search(f"在{_NPC}上({_NAME})各位代表", head)
    return match.group(1) if match else ""


def _stated_date(raw: str, date: str, year: int) -> str:
    """The detected meeting date, when the report's header writes it; else ""."""
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", date)
    if not match or int(match.group(1)) != year:
        return ""
    written = f"{int(match.group(1))}年{int(match.group(2))}月{int(match.group(3))}日"
    return date if written in raw[:600] else ""


class _Review:
    """The review module of ``tools/national_review.py`` (natreview's), when it exists."""

    def __init__(self) -> None:
        try:
            module = importlib.import_module("tools.national_review")
        except ModuleNotFoundError as exc:
            if exc.name != "tools.national_review":
                raise
            module = None
        self.module = module
        self.decisions: dict[int, list[Json]] = (
            module.load_decisions(REVIEWS) if module is not None and REVIEWS.is_file() else {}
        )

    def apply(self, dataset: Json, year: int) -> Json:
        if self.module is None or not self.decisions.get(year):
            return dataset
        reviewed: Json = self.module.apply_review(dataset, self.decisions[year])
        return reviewed


def build_report(record: Json, resolution: tuple[str, str] | None) -> tuple[Json, str]:
    """The dataset of one report record and its source text."""
    year = int(record["year"])
    raw = record["content"]
    result = import_text(raw, year=year, level="national")
    detected = result.detected
    options = DatasetOptions(
        source_file=f"{year}.source.txt",
        title=record["title"],
        year=year,
        level="national",
        region=REGION,
        source_citation=f"维基文库：{record['title']}",
        source_url=record["url"],
    )
    dataset = to_dataset(result, options)
    dataset["id"] = f"national-{year}"
    meta = dataset["metadata"]
    meeting = stated_meeting(raw)
    office, name = (detected.office, detected.presenter) if detected.office.startswith("国务院") else ("", "")
    name = name or stated_presenter(raw)
    if resolution is not None:
        meeting = resolution[0] or meeting
        if resolution[1]:
            office, name = "国务院总理", resolution[1]
    date = _stated_date(raw, detected.meeting_date, year)
    meta["meeting"] = {"name": meeting, "date": date or f"{year:04d}-01-01"}
    meta["presenter"] = {"name": name, "office": office}
    meta["source_citation_en"] = f"Chinese Wikisource: {record['title']}"
    meta["title_en"] = f"Report on the Work of the Government, {year}"
    meta["ambiguities"] = _ambiguities(meeting, date, name, year)
    return dataset, raw


def build(corpus: list[Json]) -> dict[str, bytes]:
    """Every file of ``data/national/`` by name."""
    reports = [r for r in corpus if r.get("year") is not None]
    resolutions = resolutions_by_year(corpus)
    review = _Review()
    files: dict[str, bytes] = {}
    index = []
    for record in sorted(reports, key=lambda r: int(r["year"])):
        year = int(record["year"])
        resolution = resolutions.get(year)
        dataset, raw = build_report(record, resolution_facts(resolution) if resolution else None)
        dataset = review.apply(dataset, year)
        data = (json.dumps(dataset, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        files[f"{year}.json"] = data
        files[f"{year}.source.txt"] = raw.encode("utf-8")
        meta = dataset["metadata"]
        reviews = [i["review"] for i in dataset["indicators"]]
        item: Json = {
            "name": str(year),
            "file": f"{year}.json",
            "title": meta["title"],
            "level": "national",
            "region": REGION,
            "year": year,
            "meeting": meta["meeting"]["name"],
            "presenter": f"{meta['presenter']['office']}{meta['presenter']['name']}",
            "source": record["url"],
            "content_hash": hashlib.sha256(data).hexdigest(),
            "confirmed": reviews.count("confirmed"),
            "proposed": reviews.count("proposed"),
        }
        if resolution:
            item["resolution"] = {"title": resolution["title"], "url": resolution["url"]}
        index.append(item)
    manifest = {
        "format": "report-viewer-collection",
        "format_version": 1,
        "id": "national",
        "corpus_sha256": CORPUS_SHA256,
        "entries": index,
    }
    files["index.json"] = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def _same(path: Path, data: bytes) -> bool:
    return path.is_file() and path.read_bytes() == data


def _generated(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*") if p.suffix in (".json", ".txt")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    parser.add_argument("--corpus", help="the corpus file or its folder (default: see tools/corpus.py)")
    args = parser.parse_args(argv)
    path = corpus_file(args.corpus)
    if path is None:
        print(
            f"build_national: corpus not found ({CORPUS_NAME}); skipped — the committed data/national is used"
        )
        return 0
    started = time.perf_counter()
    files = build(read_records(path))
    elapsed = time.perf_counter() - started
    if args.check:
        stale = sorted(
            n for n, data in files.items() if not (OUT / n).is_file() or (OUT / n).read_bytes() != data
        )
        extra = sorted(_generated(OUT) - set(files))
        if stale or extra:
            for name in stale:
                print(f"data/national/{name} differs from a fresh build", file=sys.stderr)
            for name in extra:
                print(f"data/national/{name} is not made by the build", file=sys.stderr)
            print("run: python tools/build_national.py", file=sys.stderr)
            return 1
        print(f"data/national: {len(files)} files reproduced byte for byte ({elapsed:.1f} s)")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name in _generated(OUT) - set(files):
        (OUT / name).unlink()
    for name, data in files.items():
        target = OUT / name
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    print(f"data/national: {len(files)} files written ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
