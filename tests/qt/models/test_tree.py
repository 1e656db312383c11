"""The goal tree model and its hit filter on their own: structure, labels, roles, the model tester."""

from __future__ import annotations

import copy
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.model import Report
from desktop_app.qt.models.roles import (
    DOMAIN_ROLE,
    HIT_COUNT_ROLE,
    ITEM_ID_ROLE,
    NODE_KIND_ROLE,
    NODE_PATH_ROLE,
)
from desktop_app.qt.models.tree import GoalTreeModel, HitFilterProxy, NodeKind
from tests.conftest import DatasetWriter


def _paths(model: GoalTreeModel) -> list[str]:
    return [model.index(row, 0).data(NODE_PATH_ROLE) for row in range(model.rowCount())]


def test_structure_roles_and_model_tester(
    app: QApplication, report: Report, qtmodeltester: ModelTester
) -> None:
    model = GoalTreeModel(report)
    qtmodeltester.check(model)
    paths = _paths(model)
    assert paths[:8] == [f"goal/{g.id}" for g in report.goal_areas]
    assert paths[8] == "overview" and paths[-1] == "source"
    overview = report.metadata.presentation.overview_section
    assert f"section/{overview}" not in paths  # the overview node shows that section
    goal = model.index(0, 0)
    assert goal.data(DOMAIN_ROLE) is report.goal_areas[0]
    assert goal.data(NODE_KIND_ROLE) == NodeKind.GOAL
    assert goal.data(ITEM_ID_ROLE) == report.goal_areas[0].id
    children = [model.index(row, 0, goal).data(DOMAIN_ROLE) for row in range(model.rowCount(goal))]
    assert children == report.for_goal(report.goal_areas[0].id)
    for child in range(model.rowCount(goal)):
        index = model.index(child, 0, goal)
        assert model.parent(index) == goal  # each node knows its row and parent
    # An indicator under several goal areas has a row under each.
    shared = next(i for i in report.indicators if len(i.goal_links) > 1)
    assert len(model.indexes_for_item(shared.id)) >= len(shared.goal_links)


def test_hit_counts_add_up_and_the_filter_keeps_only_hits(
    app: QApplication, report: Report, qtmodeltester: ModelTester
) -> None:
    model = GoalTreeModel(report)
    proxy = HitFilterProxy()
    proxy.setSourceModel(model)
    goal_area = report.goal_areas[1]
    figure = report.for_goal(goal_area.id)[0]
    # Counted by the search's one rule: a node shows the count of its own key, nothing added here.
    model.set_hit_counts({figure.id: 2, goal_area.id: 3})
    goal = model.index(1, 0)
    assert goal.data(HIT_COUNT_ROLE) == 3 and "3" in goal.data()
    rows = model.indexes_for_item(figure.id)
    assert rows and all(row.data(HIT_COUNT_ROLE) == 2 for row in rows)
    proxy.set_enabled(True)
    qtmodeltester.check(proxy)
    kept = [proxy.index(row, 0).data(NODE_PATH_ROLE) for row in range(proxy.rowCount())]
    overview = report.metadata.presentation.overview_section
    # The goal area and every node holding the figure stay; nothing else does.
    assert kept[0] == f"goal/{goal_area.id}"
    assert set(kept[1:]) <= {"overview"} | {f"section/{s}" for s in figure.section_ids if s != overview}
    model.set_hit_counts({})
    proxy.refresh()
    assert proxy.rowCount() == 0
    proxy.set_enabled(False)
    assert proxy.rowCount() == model.rowCount()
    qtmodeltester.check(proxy)


def test_another_report_shows_its_own_structure_and_words(
    app: QApplication, write_dataset: DatasetWriter, bundled_json: dict[str, Any], qtmodeltester: ModelTester
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["metadata"].pop("presentation", None)  # no overview section, no slogan in the goal labels
    doc["quotes"] = []
    doc["entities"] = []
    other = load_report(write_dataset(doc))
    model = GoalTreeModel(other)
    qtmodeltester.check(model)
    paths = _paths(model)
    assert [f"section/{s.id}" for s in other.sections] == paths[9:-1]  # every section, overview included
    model.set_language("zh")
    first = model.index(0, 0).data()
    assert first.startswith(f"1. {other.goal_areas[0].title}") and "坚定不移" not in first
    kinds = {model.index(r, 0, model.index(g, 0)).data(NODE_KIND_ROLE) for g in range(8) for r in range(5)}
    assert NodeKind.QUOTE not in kinds and NodeKind.ENTITY not in kinds


def test_tooltips_follow_the_language(app: QApplication, report: Report) -> None:
    model = GoalTreeModel(report)
    goal = report.goal_areas[0]
    derived = report.derived[0]
    goal_index = model.index(0, 0)
    derived_index = model.indexes_for_item(derived.id)[0]
    model.set_language(Language.ZH)
    tip = goal_index.data(Qt.ItemDataRole.ToolTipRole)
    assert goal.sentence in tip and html.escape(goal.title_en) not in tip  # no English gloss in zh
    assert derived.explanation in derived_index.data(Qt.ItemDataRole.ToolTipRole)
    model.set_language(Language.EN)
    assert html.escape(goal.title_en) in goal_index.data(Qt.ItemDataRole.ToolTipRole)
    tip = derived_index.data(Qt.ItemDataRole.ToolTipRole)
    assert html.escape(derived.explanation_en) in tip and derived.explanation not in tip


def _labels(model: GoalTreeModel) -> list[str]:
    labels, pending = [], [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        labels.append(index.data())
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    return labels


def test_chinese_labels_use_full_width_punctuation(app: QApplication, report: Report) -> None:
    """Issue 11.17: the Chinese tree read "“四新”经济增加值: 246 亿元 [预计]" and "…走在前  (8)"."""
    model = GoalTreeModel(report)
    model.set_language(Language.ZH)
    labels = _labels(model)
    assert [label for label in labels if set(label) & set("():;[]")] == []
    goal = report.goal_areas[0]
    assert model.index(0, 0).data().endswith(f"（{len(report.indicators_for_goal(goal.id))}）")
    estimate = report.indicator_by_id["ind-new-economy-value-added"]
    assert model.indexes_for_item(estimate.id)[0].data() == "“四新”经济增加值：246 亿元〔预计〕"
    model.set_language(Language.EN)
    english = model.indexes_for_item(estimate.id)[0].data()
    assert english.endswith(": 246 亿元 [estimate]") and english.startswith(estimate.name_en or estimate.name)


def test_an_honour_says_whether_it_is_held_sought_or_a_ranking(app: QApplication, report: Report) -> None:
    """Issue 12, points 13 and 17: the tree called 学前教育普及普惠区 (sought in 2024) and the 百强区 lists
    (research bodies' rankings) plain honours; the detail pane and the PDF gave their roles, the tree not."""
    model = GoalTreeModel(report)
    model.set_language(Language.ZH)

    def label(item_id: str) -> str:
        return str(model.indexes_for_item(item_id)[0].data())

    assert label("hon-sought-preschool") == "学前教育普及普惠区 · 荣誉（争创、国家级）"
    assert label("hon-quality-top100") == "全国高质量发展百强区 · 荣誉（全国性排名）"
    assert label("hon-agri-top10") == "山东省现代农业十强县 · 荣誉（省级）"
    assert label("prj-aubo-robot-base") == "遨博协作机器人产业基地 · 项目"  # other kinds as before
    model.set_language(Language.EN)
    assert label("hon-sought-preschool") == "学前教育普及普惠区 · honour (争创, 国家级)"
