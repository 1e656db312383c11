"""Headings, parts, goal areas and metadata found in a report's own words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.importer.metadata import detect
from desktop_app.core.importer.segment import segment, sentences

LINZI = Path(__file__).resolve().parents[3] / "data" / "linzi-2024.json"

REPORT = [
    "政府工作报告",
    "——2019年3月5日在第十三届全国人民代表大会第二次会议上",
    "国务院总理李克强",
    "各位代表：",
    "一、2018年工作回顾",
    "——经济运行保持在合理区间。国内生产总值增长6.6%。",
    "一是创新和完善宏观调控，经济保持平稳运行。面对新情况新变化，我们坚持不搞强刺激。",
    "二、2019年政府工作任务",
    "（一）继续创新和完善宏观调控，确保经济运行在合理区间。",
    "实施更大规模的减税。普惠性减税与结构性减税并举。",
    "（二）激发市场主体活力，着力优化营商环境。",
]


def test_headings_parts_and_goal_areas() -> None:
    structure = segment(REPORT, 2019)
    assert structure.roles[:4] == ("headline", "byline", "byline", "body")
    levels = {(h.paragraph, h.level, h.run_in) for h in structure.headings}
    assert {(4, 1, False), (5, 3, True), (6, 3, True), (7, 1, False), (8, 2, False), (9, 3, True)} <= levels
    review = structure.sections[structure.section_of[5]]
    tasks = structure.sections[structure.section_of[9]]
    assert (review.mode, review.year, tasks.mode, tasks.year) == ("review", 2018, "tasks", 2019)
    assert [(g.title, g.lead) for g in structure.goals] == [
        ("继续创新和完善宏观调控", "确保经济运行在合理区间"),
        ("激发市场主体活力", "着力优化营商环境"),
    ]
    for goal in structure.goals:
        assert REPORT[goal.paragraph][goal.start : goal.end] == f"{goal.title}，{goal.lead}"


def test_sentences_keep_closing_quotes() -> None:
    assert [s.text for s in sentences(0, "他说：“好。”然后走了；完")] == ["他说：“好。”", "然后走了；", "完"]


def test_linzi_goal_areas_are_its_eight_parallel_clauses() -> None:
    texts = [p["text"] for p in json.loads(LINZI.read_text(encoding="utf-8"))["paragraphs"]]
    structure = segment(texts, 2024)
    assert [g.title for g in structure.goals] == [
        "稳增长",
        "强动力",
        "激活力",
        "抓统筹",
        "塑样板",
        "优生态",
        "增内涵",
        "惠民生",
    ]
    assert structure.goals[0].lead == "经济回升向好"
    assert (
        structure.goals[0].label.format(title="稳增长", lead="经济回升向好")
        == "坚定不移稳增长 · 经济回升向好走在前"
    )
    first = structure.goals[0]
    assert texts[first.paragraph][first.start : first.end] == "坚定不移稳增长，奋力推动经济回升向好走在前"
    assert structure.roles[0] == "heading" and structure.roles[-1] == "byline"


def test_metadata_of_linzi_and_a_national_report() -> None:
    texts = [p["text"] for p in json.loads(LINZI.read_text(encoding="utf-8"))["paragraphs"]]
    linzi = detect(texts)
    assert (linzi.title, linzi.year, linzi.level) == ("临淄区2024年政府工作报告", 2024, "district")
    assert (linzi.province, linzi.city, linzi.district) == ("山东省", "淄博市", "临淄区")
    assert (linzi.presenter, linzi.office) == ("蔡华刚", "临淄区人民政府区长")
    assert linzi.meeting == "临淄区第十九届人民代表大会第三次会议" and linzi.meeting_date == "2024-01-19"
    national = detect(REPORT)
    assert (national.year, national.level, national.presenter, national.meeting_date) == (
        2019,
        "national",
        "李克强",
        "2019-03-05",
    )
    assert national.meeting == "第十三届全国人民代表大会第二次会议"


def test_numbered_paragraphs_di_yi_are_second_level_headings() -> None:
    """第一，… / 第二，… (the 1980s reports' numbering) head their paragraph at level 2."""
    texts = ["一、1985年工作回顾", "第一，农业生产持续增长。粮食产量增加。", "第二，工业生产稳定发展。"]
    structure = segment(texts, 1986)
    got = [(h.paragraph, h.level, h.text, h.run_in) for h in structure.headings]
    assert got == [
        (0, 1, "一、1985年工作回顾", False),
        (1, 2, "第一，农业生产持续增长。", True),
        (2, 2, "第二，工业生产稳定发展。", False),
    ]


@pytest.mark.parametrize(
    ("byline", "presenter_line", "level", "region", "presenter"),
    [
        (
            "——2023年1月15日在山东省第十四届人民代表大会第一次会议上",
            "山东省省长 周乃翔",
            "province",
            "山东省",
            "周乃翔",
        ),
        (
            "——2023年1月10日在淄博市第十六届人民代表大会第三次会议上",
            "淄博市市长 马晓磊",
            "city",
            "淄博市",
            "马晓磊",
        ),
        (
            "——2023年1月12日在沂水县第十九届人民代表大会第二次会议上",
            "沂水县人民政府县长 王立",
            "county",
            "沂水县",
            "王立",
        ),
        (
            "——2024年1月19日在淄博市临淄区第十九届人民代表大会第三次会议上",
            "区长 蔡华刚",
            "district",
            "临淄区",
            "蔡华刚",
        ),
        (
            "——2023年1月10日在广西壮族自治区第十四届人民代表大会第一次会议上",
            "自治区主席 蓝天立",
            "province",
            "广西壮族自治区",
            "蓝天立",
        ),
        (
            "——2023年1月15日在北京市第十六届人民代表大会第一次会议上",
            "北京市市长 殷勇",
            "province",
            "北京市",
            "殷勇",
        ),
        (
            "——2023年1月9日在广州市第十六届人民代表大会第三次会议上",
            "广州市市长 郭永航",
            "city",
            "广州市",
            "郭永航",
        ),
        (
            "——2023年1月6日在北京市通州区第二届人民代表大会第三次会议上",
            "区长 郑皓",
            "district",
            "通州区",
            "郑皓",
        ),
        (
            "——2023年1月8日在恩施土家族苗族自治州第九届人民代表大会第二次会议上",
            "州长 王某",
            "city",
            "恩施土家族苗族自治州",
            "王某",
        ),
    ],
    ids=[
        "province",
        "city",
        "county",
        "district",
        "autonomous-region",
        "municipality",
        "guangzhou",
        "tongzhou",
        "prefecture",
    ],
)
def test_metadata_of_province_city_county_and_district_bylines(
    byline: str, presenter_line: str, level: str, region: str, presenter: str
) -> None:
    """The usual byline of a local report: the date runs into the place (…1月15日在山东省第十四届…).
    Before, the region was read as 日在山东省 and 淄博市临淄区 as a city."""
    found = detect(["政府工作报告", byline, presenter_line, "各位代表："])
    assert (found.level, found.region_name, found.presenter) == (level, region, presenter)
    assert found.meeting == byline.split("日在", 1)[1].removesuffix("上")
    assert found.title == f"{region}{found.year}年政府工作报告"
    assert found.meeting_date.startswith(str(found.year))
