"""Figure proposals follow FIGURE_GUIDELINES.md: what counts, and how it is typed."""

from __future__ import annotations

import pytest

from desktop_app.core.importer.figures import tokens
from desktop_app.core.importer.numbers import normalise_unit, parse_chinese
from desktop_app.core.importer.pipeline import Proposal, import_text


def figures(text: str, year: int = 2019) -> list[Proposal]:
    return list(import_text(text, year=year, level="national").proposals)


def fields(text: str, year: int = 2019) -> list[tuple[str, float, str, int, str, str, str]]:
    return [
        (
            p.text,
            p.fields.value,
            p.fields.unit,
            p.fields.year,
            p.fields.kind,
            p.fields.modifier_meaning,
            p.fields.name,
        )
        for p in figures(text, year)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“十四五”规划开局良好。",
        "党的二十届二中全会胜利召开。",
        "庆祝新中国成立70周年。",
        "深刻领悟“两个确立”的决定性意义。",
        "物价一度上涨。",
        "汽车零部件产业加快发展。",
        "为65岁以上老人提供服务。",
        "2019年3月5日在第十三届全国人民代表大会第二次会议上。",
        "第一，重大的比例关系正在改善。",
        "细颗粒物（PM2.5）浓度继续下降。",
        "这是之一，也是一些、一批、一系列、一方面。",
        "依据《国务院关于第五条第一项的决定》。",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_counts_of_events_are_kept() -> None:
    assert [p.text for p in figures("首次实现综合考核“三连冠”，央行两次降准。")] == ["三连冠", "两次"]


def test_values_units_and_spans() -> None:
    text = "国内生产总值增长6.6%，总量突破90万亿元。城镇新增就业1361万人、调查失业率稳定在5%左右。"
    found = figures(text)
    assert [(p.text, p.fields.value, p.fields.unit) for p in found] == [
        ("6.6%", 6.6, "%"),
        ("90万亿元", 90.0, "万亿元"),
        ("1361万人", 1361.0, "万人"),
        ("5%", 5.0, "%"),
    ]
    for p in found:
        paragraph = import_text(text, year=2019).intake.paragraphs[p.paragraph].text
        assert paragraph[p.start : p.end] == p.text
        assert p.sentence.text in paragraph and p.text in p.sentence.text


def test_chinese_numerals_fractions_and_separators() -> None:
    assert parse_chinese("一百一十七") == 117
    assert parse_chinese("两") == 2
    got = [
        (t.text, t.value, t.unit)
        for t in tokens("占GDP的四分之一，增长百分之十一点八，收入一百一十七亿元，产量33，212万吨。")
    ]
    assert got == [
        ("四分之一", 25.0, "%"),
        ("百分之十一点八", 11.8, "%"),
        ("一百一十七亿元", 117.0, "亿元"),
        ("33，212万吨", 33212.0, "万吨"),
    ]
    assert [(t.value, t.unit) for t in tokens("由5千多户增加到1万6千多户。")] == [
        (5.0, "千户"),
        (1.6, "万户"),
    ]
    assert normalise_unit("万亿元") == ("元", 1e12)
    assert normalise_unit("个百分点") == ("个百分点", 1.0)


def test_kinds_years_and_modifiers_in_a_review_part() -> None:
    text = (
        "一、2018年工作回顾\n\n"
        "国内生产总值增长6.6%，总量突破90万亿元。居民消费价格上涨2.1%。城镇新增就业1361万人。"
        "服务业增加值占国内生产总值比重为52.2%。营商环境国际排名上升到第46位。"
        "科技进步贡献率提高到58.5%。关税总水平由9.8%降至7.5%。外汇储备保持在3万亿美元以上。"
        "预计全年粮食产量1.3万亿斤。"
    )
    got = {p.text: (p.fields.year, p.fields.kind, p.fields.modifier_meaning) for p in figures(text)}
    assert got["6.6%"] == (2018, "change", "exact")
    assert got["90万亿元"] == (2018, "achieved", "at_least")
    assert got["2.1%"] == (2018, "change", "exact")
    assert got["1361万人"] == (2018, "count", "exact")
    assert got["52.2%"] == (2018, "share", "exact")
    assert got["第46位"] == (2018, "rank", "exact")
    assert got["58.5%"] == (2018, "achieved", "exact")
    assert got["9.8%"][:2] == (2017, "achieved") and got["7.5%"][:2] == (2018, "achieved")
    assert got["3万亿美元"] == (2018, "achieved", "at_least")
    assert got["1.3万亿斤"] == (2018, "estimate", "estimate")


def test_targets_in_a_tasks_part() -> None:
    text = (
        "二、2019年经济社会发展总体要求和政策取向\n\n"
        "今年发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上；"
        "居民消费价格涨幅3%左右；赤字率拟按2.8%安排。力争进出口突破250亿元。"
    )
    got = [(p.text, p.fields.year, p.fields.kind, p.fields.modifier_meaning) for p in figures(text)]
    assert got == [
        ("6%", 2019, "target", "exact"),
        ("6.5%", 2019, "target", "exact"),
        ("1100万人", 2019, "target", "at_least"),
        ("3%", 2019, "target", "approximate"),
        ("2.8%", 2019, "target", "exact"),
        ("250亿元", 2019, "target", "aspiration"),
    ]


def test_years_explicit_relative_and_compared() -> None:
    got = {
        p.text: p.fields.year
        for p in figures("2017年粮食产量达到1.2万亿斤，去年利润增长23.5%，比上年增长8%。", 2019)
    }
    assert got == {"1.2万亿斤": 2017, "23.5%": 2018, "8%": 2018}


def test_names_of_listed_figures_are_aligned() -> None:
    text = "一、2018年工作回顾\n\n高技术制造业、装备制造业增加值分别增长8.9%、7.7%。"
    assert [(p.text, p.fields.name) for p in figures(text)] == [
        ("8.9%", "高技术制造业增加值"),
        ("7.7%", "装备制造业增加值"),
    ]


def test_bound_and_confidence() -> None:
    (found,) = figures("一、2018年工作回顾\n\n义务教育质量监测校际差异率低于0.15。")
    assert (found.fields.kind, found.fields.modifier, found.fields.name) == (
        "bound",
        "低于",
        "义务教育质量监测校际差异率",
    )
    assert 0 < found.fields.confidence < figures("城镇新增就业1361万人。")[0].fields.confidence <= 1


@pytest.mark.parametrize(
    "text", ["增长" + "9" * 400 + "%。", "一" * 300 + "亿元", "第" + "1" * 50 + "位", "百分之" + "九" * 100]
)
def test_absurd_numbers_are_no_figures(text: str) -> None:
    assert figures(text) == []
