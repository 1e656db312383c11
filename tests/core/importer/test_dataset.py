"""An import as a dataset: spans quote their paragraphs, proposals await review, the loader accepts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.importer.dataset import DatasetOptions, dataset_id, to_dataset
from desktop_app.core.importer.pipeline import EmptyTextError, import_text
from desktop_app.core.loader import load_report

TEXT = (
    "政府工作报告\n\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n\n国务院总理\n李克强\n\n各位代表：\n\n"
    "一、2018年工作回顾\n\n国内生产总值增长6.6%，总量突破90万亿元。城镇新增就业1361万人。\n\n"
    "二、2019年政府工作任务\n\n（一）继续创新和完善宏观调控，确保经济运行在合理区间。\n\n国内生产总值增长6%－6.5%。\n\n"
    "（二）激发市场主体活力，着力优化营商环境。\n\n力争新增就业1100万人以上。\n"
)


def test_dataset_shape_and_spans() -> None:
    result = import_text(TEXT)
    doc = to_dataset(result, DatasetOptions(source_file="report.source.txt", accept_above=0.9))
    assert doc["metadata"]["year"] == 2019 and doc["metadata"]["level"] == "national"
    assert doc["metadata"]["presenter"] == {"name": "李克强", "office": "国务院总理"}
    assert doc["metadata"]["ambiguities"] == []  # meeting, date and presenter are all in the text
    bare = to_dataset(import_text("国内生产总值增长6.6%。", year=2019), DatasetOptions(source_file="x.txt"))
    assert [a["id"] for a in bare["metadata"]["ambiguities"]] == ["amb-meeting-date", "amb-metadata"]
    assert bare["metadata"]["meeting"]["date"] == "2019-01-01"
    # Said as it is (it asked the reader to fill the date in review, which edits figures only).
    assert bare["metadata"]["ambiguities"][0]["text"] == "原文未写明会议日期；2019-01-01 只是占位。"
    texts = {p["id"]: p["text"] for p in doc["paragraphs"]}
    for item in doc["indicators"]:
        for key in ("span", "sentence"):
            span = item[key]
            assert texts[span["paragraph"]][span["start"] : span["end"]] == span["text"]
        assert item["review"] in ("proposed", "confirmed")
        assert (item["review"] == "confirmed") == (item["confidence"] >= 0.9)
    kinds = [(i["span"]["text"], i["kind"], i["year"], i["modifier_meaning"]) for i in doc["indicators"]]
    assert ("90万亿元", "achieved", 2018, "lower_bound") in kinds
    assert ("1100万人", "target", 2019, "aspiration_lower_bound") in kinds
    assert [g["title"] for g in doc["goal_areas"]] == ["继续创新和完善宏观调控", "激发市场主体活力"]
    linked = {link["goal"] for item in doc["indicators"] for link in item["goal_links"]}
    assert linked == {"g01", "g02"}
    assert dataset_id("临淄区2024年政府工作报告", 2024) == "report-2024"


def test_loader_accepts_an_import(tmp_path: Path) -> None:
    result = import_text(TEXT)
    (tmp_path / "report.source.txt").write_text(result.intake.raw, encoding="utf-8")
    doc = to_dataset(result, DatasetOptions(source_file="report.source.txt"))
    (tmp_path / "report.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = load_report(tmp_path / "report.json")
    assert len(report.indicators) == len(doc["indicators"])


# Development years only (the held-out reports of 2022 and later are not imported in tests):
# traditional characters (1954), full-width digits (1956), Chinese numerals (1975), modern (2018, 2021).
@pytest.mark.parametrize("year", [1954, 1956, 1975, 1995, 2018, 2021])
def test_corpus_reports_import_into_valid_datasets(
    corpus_reports: dict[int, str], tmp_path: Path, year: int
) -> None:
    result = import_text(corpus_reports[year], year=year, level="national")
    (tmp_path / "r.source.txt").write_text(result.intake.raw, encoding="utf-8")
    doc = to_dataset(result, DatasetOptions(source_file="r.source.txt", accept_above=0.9))
    (tmp_path / "r.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = load_report(tmp_path / "r.json")
    assert report.metadata.year == year and len(report.indicators) > 20 and report.goal_areas
    assert not any("\u200b" in p.text or "\n" in p.text for p in report.paragraphs)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "增长",
                "6.6",
                "%",
                "万亿元",
                "一",
                "两",
                "个",
                "分之",
                "第",
                "位",
                "。",
                "，",
                "；",
                "\n",
                "\n\n",
                "\u200b",
                "１２",
                "一、",
                "（一）",
                "2018年",
                "今年",
                "力争",
                "以上",
                "占",
                "比重",
                "“",
                "”",
                "人",
                "亿",
                "十",
                "国",
            ]
        ),
        max_size=60,
    )
)
def test_any_text_gives_a_consistent_dataset(pieces: list[str]) -> None:
    try:
        result = import_text("".join(pieces), year=2019)
    except EmptyTextError:
        assert not "".join(pieces).strip(" \n\u200b")
        return
    doc = to_dataset(result, DatasetOptions(source_file="r.source.txt"))
    json.dumps(doc, allow_nan=False)
    texts = {p["id"]: p["text"] for p in doc["paragraphs"]}
    for item in [*doc["indicators"], *doc["goal_areas"]]:
        span = item["span"]
        assert texts[span["paragraph"]][span["start"] : span["end"]] == span["text"]


def test_linzi_wording_comes_from_its_text() -> None:
    linzi = json.loads(
        (Path(__file__).resolve().parents[3] / "data" / "linzi-2024.json").read_text(encoding="utf-8")
    )
    result = import_text("\n\n".join(p["text"] for p in linzi["paragraphs"]))
    presentation = to_dataset(result, DatasetOptions(source_file="x.txt"))["metadata"]["presentation"]
    assert presentation == {
        "goal_label": "坚定不移{title} · {lead}走在前",
        "goal_short_label": "坚定不移{title}",
        "goals_heading": "八个“坚定不移”",
    }
    national = to_dataset(import_text(TEXT), DatasetOptions(source_file="x.txt"))["metadata"]["presentation"]
    assert national == {"goal_label": "{title}", "goal_short_label": "{title}"}
