"""What goes on which chart (issue 11 items 12–14, issue 13 item 2): decided in the core, no Qt."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.core.charting import (
    MAX_ROWS,
    ChartStyle,
    bound_sign,
    chart_groups,
    chart_source_line,
    item_value_text,
    ranking_list_size,
)
from desktop_app.core.model import Indicator, IndicatorKind, Report, Scope


def _indicator(report: Report, indicator_id: str) -> Indicator:
    found = report.indicator_by_id[indicator_id]
    assert isinstance(found, Indicator)
    return found


def test_shares_are_on_a_0_to_100_axis(report: Report) -> None:
    for goal in ("g1-growth", "g8-wellbeing"):
        (share,) = [g for g in chart_groups(report.indicators_for_goal(goal)) if g.key == "share:"]
        assert (share.axis_low, share.axis_high) == (0, 100), goal


def test_a_share_beyond_100_gets_a_fitted_axis(report: Report) -> None:
    share = _indicator(report, "ind-industrial-output-city-share")
    groups = chart_groups(
        [dataclasses.replace(share, value=150), dataclasses.replace(share, id="x", value=20)]
    )
    assert (groups[0].axis_low, groups[0].axis_high) == (None, None)


def test_ranks_are_one_chart_per_list_scale_never_mixed(report: Report) -> None:
    groups = chart_groups(report.all_indicators())
    ranks = [g for g in groups if g.key.startswith("rank:")]
    assert [g.key for g in ranks] == ["rank:nation:100"]
    (national,) = ranks
    assert national.style is ChartStyle.DOTS and (national.axis_low, national.axis_high) == (1, 100)
    assert {item.list_size for item in national.items} == {100}
    assert national.title == "排名 · 全国 · 共100名"
    # Provincial bounds (前5, 十强), a group ranking and a city review are numbers, not on that axis.
    (numbers,) = [g for g in groups if g.style is ChartStyle.NUMBERS]
    ids = {item.indicator_id for item in numbers.items}
    assert {
        "ind-water-quality-rank",
        "ind-agri-top10",
        "ind-site-review-rank",
        "ind-assessment-group-rank",
    } <= ids


@pytest.mark.parametrize(
    ("name", "value", "size"),
    [("全国高质量发展百强区排名", 51, 100), ("全国五十强县排名", 7, 50), ("中国500强企业", 30, 500),
     ("全省现代农业强县排名", 10, None), ("全国百强区排名", 120, None)],
)  # fmt: skip
def test_ranking_list_size_from_the_list_name(
    report: Report, name: str, value: float, size: int | None
) -> None:
    rank = _indicator(report, "ind-industry-rank")
    assert ranking_list_size(dataclasses.replace(rank, name=name, value=value)) == size


def test_bounds_carry_their_sign(report: Report) -> None:
    assert bound_sign(_indicator(report, "ind-school-quality-gap")) == "<"  # 低于
    assert bound_sign(_indicator(report, "ind-water-quality-rank")) == "≤"  # 前
    assert bound_sign(_indicator(report, "ind-agri-top10")) == "≤"  # 入选…十强
    assert bound_sign(_indicator(report, "ind-agri-output")) == ">"  # 预计突破
    assert bound_sign(_indicator(report, "ind-industrial-output")) == ""
    (numbers,) = [g for g in chart_groups(report.indicators_for_goal("g8-wellbeing")) if g.key == "numbers:"]
    gap = next(item for item in numbers.items if item.indicator_id == "ind-school-quality-gap")
    assert item_value_text(gap) == "<0.15"


def test_single_values_are_numbers_not_charts(report: Report) -> None:
    groups = chart_groups(report.all_indicators())
    for group in groups:
        if group.style is ChartStyle.BARS and group.key != "share:":
            assert len(group.items) > 1, group.key
    (numbers,) = [g for g in groups if g.style is ChartStyle.NUMBERS]
    ids = {item.indicator_id for item in numbers.items}
    assert {"ind-assessment-titles", "ind-supervision-incentives"} <= ids  # 3连冠, 5项
    # Cards in the report's order, whatever chart each would have been.
    listed = [i.id for i in report.all_indicators()]
    assert [i.indicator_id for i in numbers.items] == sorted(
        (i.indicator_id for i in numbers.items), key=listed.index
    )
    g8 = chart_groups(report.indicators_for_goal("g8-wellbeing"))
    assert "ind-livelihood-projects" in {
        i.indicator_id for g in g8 if g.key == "numbers:" for i in g.items
    }  # 7件


def test_counts_of_unlike_things_are_not_one_chart(report: Report) -> None:
    groups = chart_groups(report.all_indicators())
    for group in groups:
        if group.key.startswith("count:"):
            things = {_indicator(report, item.indicator_id).unit_normalised for item in group.items}
            assert len(things) == 1, group.key
    villages = next(g for g in groups if g.key == "count:villages")
    assert {i.indicator_id for i in villages.items} == {
        "ind-villages-below-200k",
        "ind-villages-above-500k",
        "ind-village-sewage",
    }


def test_a_city_level_amount_is_not_on_the_district_axis(report: Report) -> None:
    output = _indicator(report, "ind-industrial-output")
    figures = [
        output,
        dataclasses.replace(output, id="d2", value=246),
        dataclasses.replace(output, id="city", value=7154, scope=Scope.CITY),
        dataclasses.replace(output, id="city2", value=7000, scope=Scope.CITY),
    ]
    groups = {g.key: g for g in chart_groups(figures)}
    assert {i.indicator_id for i in groups["amount:亿元"].items} == {output.id, "d2"}
    assert {i.indicator_id for i in groups["amount:亿元@city"].items} == {"city", "city2"}
    assert groups["amount:亿元@city"].title == "金额（亿元） · 市级"


def test_thousands_of_figures_are_capped_per_chart(report: Report) -> None:
    output = _indicator(report, "ind-industrial-output")
    count = _indicator(report, "ind-env-projects")
    figures = [dataclasses.replace(output, id=f"a{n}", value=float(n)) for n in range(5000)]
    figures += [
        dataclasses.replace(count, id=f"c{n}", unit=f"u{n}", unit_normalised=f"t{n}") for n in range(500)
    ]
    groups = chart_groups(figures)
    assert groups and all(len(g.items) <= MAX_ROWS for g in groups)
    (amounts,) = [g for g in groups if g.key == "amount:亿元"]
    assert amounts.omitted == 5000 - MAX_ROWS
    assert [i.value for i in amounts.items] == [float(n) for n in range(5000 - MAX_ROWS, 5000)]  # the largest
    (numbers,) = [g for g in groups if g.style is ChartStyle.NUMBERS]
    assert numbers.omitted == 500 - MAX_ROWS


def test_source_line_names_report_date_and_dataset(report: Report) -> None:
    line = chart_source_line(report)
    # The date as the page gives it: the dateline's day, the year inferred (issue 12, point 12).
    assert report.metadata.title in line and report.id in line and "电头1月20日" in line
    assert chart_source_line(report, "en").startswith("Source: ")
    assert "dateline January 20" in chart_source_line(report, "en")


def test_kinds_keep_their_kind(report: Report) -> None:
    kinds = {i.kind for g in chart_groups(report.all_indicators()) for i in g.items}
    assert IndicatorKind.DERIVED in kinds and IndicatorKind.BOUND in kinds
