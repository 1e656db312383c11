"""Unreviewed figures are never passed off as checked (issues 14, 15): the rule and every core view of it.

The dataset is a copy of Linzi with a few figures proposed and one rejected (:mod:`tests.unreviewed_data`).
"""

from __future__ import annotations

import csv
import datetime
import html
import re
from pathlib import Path

import pytest

from desktop_app.core.charting import chart_groups, item_label
from desktop_app.core.csv_export import COLUMNS, figure_rows, write_csv
from desktop_app.core.language import Language
from desktop_app.core.model import Report, Review
from desktop_app.core.presentation import citation
from desktop_app.core.scope import FIGURES, resolve_scope
from desktop_app.core.search.hits import HitPlaces
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.summary import build_summary_html
from desktop_app.core.unreviewed import (
    ReviewCounts,
    derived_review,
    is_shown,
    is_unreviewed,
    review_counts,
    shown_report,
    unreviewed_label,
    unreviewed_tag,
)
from tests.unreviewed_data import DERIVED_PROPOSED, PROPOSED, REJECTED

UNREVIEWED = {*PROPOSED, *DERIVED_PROPOSED}
DATE = datetime.date(2024, 2, 1)


# --- the rule -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("review", "include", "shown"),
    [
        (Review.CONFIRMED, False, True),
        (Review.CONFIRMED, True, True),
        (Review.PROPOSED, False, False),
        (Review.PROPOSED, True, True),
        (Review.REJECTED, False, False),
        (Review.REJECTED, True, False),
    ],
)
def test_the_rule(review: Review, include: bool, shown: bool) -> None:
    assert is_shown(review, include) is shown


def test_a_derived_figure_is_as_checked_as_its_least_checked_input() -> None:
    confirmed, proposed, rejected = Review.CONFIRMED, Review.PROPOSED, Review.REJECTED
    assert derived_review([confirmed, confirmed]) is confirmed
    assert derived_review([confirmed, proposed]) is proposed
    assert derived_review([proposed, rejected, confirmed]) is rejected
    assert derived_review([]) is confirmed


def test_the_loader_gives_derived_figures_their_inputs_state(unreviewed_report: Report) -> None:
    derived = {d.id: d.review for d in unreviewed_report.derived}
    assert derived["der-city-industrial-output"] is Review.PROPOSED
    assert {state for key, state in derived.items() if key not in DERIVED_PROPOSED} == {Review.CONFIRMED}


def test_a_fully_reviewed_report_is_shown_as_it_is(report: Report) -> None:
    assert shown_report(report) is report
    assert shown_report(report, include_unreviewed=True) is report
    assert review_counts(report) == ReviewCounts(36, 0, 0)


def test_views_show_confirmed_figures_only_by_default(unreviewed_report: Report) -> None:
    shown = shown_report(unreviewed_report)
    ids = {f.id for f in shown.all_indicators()}
    assert not ids & (UNREVIEWED | set(REJECTED))
    assert len(ids) == 40 - len(UNREVIEWED) - len(REJECTED)
    assert not any(is_unreviewed(f) for f in shown.all_indicators())
    assert "ind-industrial-output" not in shown.indicator_by_id
    goal_figures = shown.indicators_for_goal("g1-growth")
    assert goal_figures and all(f.id not in UNREVIEWED for f in goal_figures)


def test_proposed_figures_with_the_toggle_rejected_never(unreviewed_report: Report) -> None:
    shown = shown_report(unreviewed_report, include_unreviewed=True)
    ids = {f.id for f in shown.all_indicators()}
    assert ids >= UNREVIEWED and not ids & set(REJECTED)
    assert {f.id for f in shown.all_indicators() if is_unreviewed(f)} == UNREVIEWED


def test_counts_awaiting_review(unreviewed_report: Report) -> None:
    counts = review_counts(unreviewed_report)
    assert counts == ReviewCounts(36 - len(PROPOSED) - len(REJECTED), len(PROPOSED), len(REJECTED))
    assert counts.awaiting == 4


def test_words_in_both_languages(unreviewed_report: Report) -> None:
    figure = unreviewed_report.indicator_by_id["ind-industrial-output"]
    assert unreviewed_label(Language.ZH) == "未审核" and unreviewed_label(Language.EN) == "unreviewed"
    assert unreviewed_tag(figure, Language.ZH) == "\u3014未审核\u3015"
    assert unreviewed_tag(figure, Language.EN) == "[unreviewed] "
    assert unreviewed_tag(unreviewed_report.indicator_by_id["ind-agri-output"], Language.ZH) == ""


# --- scope, summary, CSV --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "withheld"), [("all", 5), (FIGURES, 5), ("g1-growth", 3), ("g8-wellbeing", 0)]
)
def test_scope_withholds_unreviewed_figures_and_counts_them(
    unreviewed_report: Report, key: str, withheld: int
) -> None:
    scope = resolve_scope(unreviewed_report, key)
    assert not {f.id for f in scope.figures} & UNREVIEWED
    assert scope.withheld == withheld and not scope.include_unreviewed
    assert not any(item.unreviewed for group in scope.chart_groups for item in group.items)
    included = resolve_scope(unreviewed_report, key, include_unreviewed=True)
    assert included.withheld == 0 and included.include_unreviewed
    assert len(included.figures) == len(scope.figures) + withheld
    assert not {f.id for f in included.figures} & set(REJECTED)


def _row_of(html_text: str, figure_id: str) -> str:
    match = re.search(rf'<tr id="{figure_id}">.*?</tr>', html_text, re.S)
    assert match is not None, figure_id
    return match.group(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_leaves_unreviewed_figures_out_and_says_so(unreviewed_report: Report, lang: str) -> None:
    text = build_summary_html(
        unreviewed_report, resolve_scope(unreviewed_report, "all", lang), generated=DATE
    )
    for figure_id in (*UNREVIEWED, *REJECTED):
        assert f'<tr id="{figure_id}">' not in text
    assert "未审核" not in text and "[unreviewed]" not in text
    left_out = "另有 5 项待审核数据未列入" if lang == "zh" else "5 figures awaiting review are left out"
    assert left_out in text


@pytest.mark.parametrize(("lang", "tag"), [("zh", "\u3014未审核\u3015"), ("en", "[unreviewed]")])
def test_summary_includes_unreviewed_figures_labelled(unreviewed_report: Report, lang: str, tag: str) -> None:
    scope = resolve_scope(unreviewed_report, "all", lang, include_unreviewed=True)
    text = build_summary_html(unreviewed_report, scope, generated=DATE)
    for figure_id in PROPOSED:
        row = _row_of(text, figure_id)
        assert tag in row and 'class="unreviewed"' in row
    # The whole report lists derived figures in its notes: marked there.
    derived = unreviewed_report.indicator_by_id[DERIVED_PROPOSED[0]]
    name = derived.name if lang == "zh" else derived.name_en
    marked = rf"<span class=\"unreviewed\">{re.escape(tag)}[^<]*</span><b>{re.escape(html.escape(name))}</b>"
    assert re.search(marked, text)
    assert tag not in _row_of(text, "ind-agri-output")
    assert f'<tr id="{REJECTED[0]}">' not in text
    included = "含 5 项未审核数据" if lang == "zh" else "Includes 5 unreviewed figures"
    assert included in text


def test_goal_summary_with_unreviewed_figures(unreviewed_report: Report) -> None:
    scope = resolve_scope(unreviewed_report, "g1-growth", include_unreviewed=True)
    text = build_summary_html(unreviewed_report, scope, generated=DATE)
    assert "\u3014未审核\u3015" in _row_of(text, "ind-quality-development-rank")
    assert "\u3014未审核\u3015" in _row_of(text, "der-city-industrial-output")


def test_csv_has_a_review_column_and_proposed_rows_only_when_asked(
    unreviewed_report: Report, tmp_path: Path
) -> None:
    # review came after the columns files already had; columns added since follow it.
    assert COLUMNS.index("review") == COLUMNS.index("range_high") + 1
    rows = figure_rows(unreviewed_report, resolve_scope(unreviewed_report, "all"))
    assert {row["review"] for row in rows} == {"confirmed"}
    assert not {row["id"] for row in rows} & (UNREVIEWED | set(REJECTED))
    path = tmp_path / "all.csv"
    scope = resolve_scope(unreviewed_report, "all", include_unreviewed=True)
    assert write_csv(unreviewed_report, scope, path) == 40 - len(REJECTED)
    with path.open(encoding="utf-8-sig", newline="") as file:
        read = list(csv.DictReader(file))
    states = {row["id"]: row["review"] for row in read}
    assert {key for key, state in states.items() if state == "proposed"} == UNREVIEWED
    assert REJECTED[0] not in states


# --- charts and search ----------------------------------------------------------------------------


def test_chart_items_of_unreviewed_figures_are_marked(unreviewed_report: Report) -> None:
    groups = chart_groups(shown_report(unreviewed_report, include_unreviewed=True).all_indicators())
    items = {item.indicator_id: item for group in groups for item in group.items}
    assert {key for key, item in items.items() if item.unreviewed} == UNREVIEWED & items.keys()
    assert "ind-env-projects" in items and "ind-industrial-output" in items
    assert item_label(items["ind-env-projects"]) == "\u3014未审核\u3015环保治理项目"
    assert item_label(items["ind-env-projects"], "en").startswith("[unreviewed] ")
    assert item_label(items["ind-env-campaigns"]) == "专项治理攻坚行动"


def test_search_finds_unreviewed_figures_only_when_shown_and_labels_them(unreviewed_report: Report) -> None:
    hidden = SearchIndex.build(shown_report(unreviewed_report)).search("进出口")
    assert hidden and all(hit.node_id != "ind-trade-target" for hit in hidden)  # the article still has it
    shown = shown_report(unreviewed_report, include_unreviewed=True)
    hits = [h for h in SearchIndex.build(shown).search("进出口") if h.node_id == "ind-trade-target"]
    assert hits
    places = HitPlaces(shown, Language.ZH)
    assert all(places.unreviewed(hit) for hit in hits)
    assert places.item_label(hits[0]) == "\u3014未审核\u3015进出口总额"
    assert "[unreviewed]" in HitPlaces(shown, Language.EN).describe(hits[0])


@pytest.mark.parametrize(("lang", "tag"), [("zh", "\u3014未审核\u3015"), ("en", "[unreviewed] ")])
def test_a_copied_figure_says_it_is_unreviewed(unreviewed_report: Report, lang: str, tag: str) -> None:
    copied = citation(unreviewed_report.indicator_by_id["ind-industrial-output"], unreviewed_report, lang)
    assert copied.startswith(tag)
    derived = unreviewed_report.indicator_by_id["der-city-industrial-output"]
    assert citation(derived, unreviewed_report, lang).startswith(tag)
    assert tag not in citation(unreviewed_report.indicator_by_id["ind-agri-output"], unreviewed_report, lang)
