"""Reviewing an imported dataset: transitions, undo, filters, counts, saving and resuming."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.atomic import ExportError
from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.model import Review
from desktop_app.core.presentation import review_label
from desktop_app.core.resources import bundled_dataset_path
from desktop_app.core.review import (
    ChangeKind,
    ReviewError,
    ReviewFilter,
    ReviewSession,
    parse_field,
)
from tests.review_data import write_linzi_import


@pytest.fixture
def session(tmp_path: Path) -> ReviewSession:
    return ReviewSession.open(write_linzi_import(tmp_path))


def test_an_import_opens_with_every_figure_awaiting_review(session: ReviewSession) -> None:
    counts = session.counts()
    assert counts.awaiting == counts.total == len(session) == 37
    assert counts.confirmed == counts.rejected == 0
    first = session.figure("fig-0001")
    assert (first.value, first.unit, first.year, first.kind) == (2504, "亿元", 2023, "achieved")
    assert first.review is Review.PROPOSED
    paragraph = session.report.paragraph_by_id[first.sentence.paragraph_id]
    assert paragraph.text[first.span.start : first.span.end] == first.span.text == "2504亿元"


def test_accept_reject_reset_and_undo(session: ReviewSession) -> None:
    before = session.document()
    change = session.accept(["fig-0002", "fig-0001", "fig-0001"])
    assert change is not None and change.kind is ChangeKind.ACCEPT
    assert change.figure_ids == ("fig-0001", "fig-0002")  # dataset order, once each
    change.do(session)
    assert session.figure("fig-0001").review is Review.CONFIRMED
    assert session.counts().awaiting == 35
    assert session.accept(["fig-0001"]) is None  # nothing to change: no step to undo
    reject = session.reject(["fig-0001", "fig-0003"])
    assert reject is not None
    reject.do(session)
    assert [session.figure(i).review for i in ("fig-0001", "fig-0003")] == [Review.REJECTED] * 2
    reject.undo(session)
    assert session.figure("fig-0001").review is Review.CONFIRMED
    assert session.figure("fig-0003").review is Review.PROPOSED
    change.undo(session)
    assert session.document() == before
    reset = session.reset(["fig-0001"])
    assert reset is None  # already proposed


def test_edit_fields_and_what_follows_from_them(session: ReviewSession) -> None:
    before = session.document()
    edits = {
        "name": "校际差异率",
        "unit": "万亿元",
        "modifier": "以上",
        "year": 2024,
        "kind": "target",
        "scope": "province",  # issue 14: every field the importer proposes, the scope too
    }
    change = session.edit("fig-0009", edits)
    assert change is not None and change.kind is ChangeKind.EDIT
    change.do(session)
    item = next(i for i in session.document()["indicators"] if i["id"] == "fig-0009")
    assert {k: item[k] for k in edits} == edits
    assert (item["unit_normalised"], item["factor"]) == ("元", 1e12)
    assert (item["modifier"], item["modifier_meaning"]) == ("以上", "lower_bound")
    assert item["review"] == "proposed"  # editing is not accepting
    assert session.edit("fig-0009", {"name": "校际差异率"}) is None  # unchanged
    change.undo(session)
    assert session.document() == before
    aspiration = session.edit("fig-0001", {"modifier": "力争…以上"})
    assert aspiration is not None
    aspiration.do(session)
    assert session.document()["indicators"][0]["modifier_meaning"] == "aspiration_lower_bound"
    plain = session.edit("fig-0001", {"modifier": ""})
    assert plain is not None
    plain.do(session)
    assert session.document()["indicators"][0]["modifier_meaning"] == "exact"


@pytest.mark.parametrize(
    ("field", "value", "zh"),
    [
        ("value", float("nan"), "有限"),
        ("year", 1800, "1900"),
        ("year", 2024.0, "年份"),
        ("kind", "guess", "未知"),
        ("scope", "world", "范围"),
        ("name", "  ", "名称"),
        ("unit", "元" * 21, "20"),
        ("modifier", "约" * 41, "40"),
    ],
)
def test_bad_edits_are_refused_before_anything_changes(
    session: ReviewSession, field: str, value: object, zh: str
) -> None:
    before = session.document()
    with pytest.raises(ReviewError) as caught:
        session.edit("fig-0001", {"name": "新名称", field: value})
    assert field in caught.value.text(Language.EN)
    assert zh in caught.value.text(Language.ZH)
    assert session.document() == before


def test_parse_field_reads_what_people_type() -> None:
    assert parse_field("value", "1,234.5") == 1234.5
    assert parse_field("value", "２５０４") == 2504
    assert parse_field("year", "2024年") == 2024
    assert parse_field("year", "２０２４") == 2024
    assert parse_field("name", "  进出口 ") == "进出口"
    for name, text in (("value", "二十"), ("value", "inf"), ("year", "24.5"), ("year", "")):
        with pytest.raises(ReviewError):
            parse_field(name, text)


def test_accept_above_a_confidence(session: ReviewSession) -> None:
    high = [f.id for f in session.figures() if f.confidence is not None and f.confidence >= 0.9]
    change = session.accept_above(0.9)
    assert change is not None and change.kind is ChangeKind.ACCEPT_ABOVE
    assert list(change.figure_ids) == high and len(high) > 5
    change.do(session)
    assert session.counts().confirmed == len(high)
    rejected = session.reject(["fig-0021"])
    assert rejected is not None
    rejected.do(session)
    again = session.accept_above(0.0)  # a rejected figure stays rejected
    assert again is not None and "fig-0021" not in again.figure_ids
    among = session.accept_above(0.0, among=["fig-0009", "fig-0010"])
    assert among is not None and among.figure_ids == ("fig-0009", "fig-0010")
    with pytest.raises(ReviewError):
        session.accept_above(1.5)


def test_filters(session: ReviewSession) -> None:
    accepted = session.accept(["fig-0001"])
    assert accepted is not None
    accepted.do(session)
    proposed = session.figures(ReviewFilter(states=frozenset({Review.PROPOSED})))
    assert len(proposed) == 36 and "fig-0001" not in {f.id for f in proposed}
    ranks = session.figures(ReviewFilter(kinds=frozenset({"rank"})))
    assert ranks and all(f.kind == "rank" for f in ranks)
    low = session.figures(ReviewFilter(below_confidence=0.7))
    assert {f.id for f in low} == {"fig-0009"}  # 低于0.15: a bare number (前5 has its unit 名 now)
    targets = session.figures(ReviewFilter(year=2024))
    assert [f.id for f in targets] == [f"fig-00{n}" for n in range(33, 38)]
    assert session.years() == [2023, 2024]
    section = session.figures(ReviewFilter(section_id="sec-003"))
    assert [f.id for f in section] == [f.id for f in targets]
    assert session.figures(ReviewFilter(goal_id="g03")) == []


def test_link_to_a_goal_area_links_its_section_and_loads(session: ReviewSession, tmp_path: Path) -> None:
    before = session.document()
    change = session.link_goal("fig-0035", "g03")
    assert change is not None and change.kind is ChangeKind.LINK
    change.do(session)
    assert session.figure("fig-0035").goal_ids == ("g03",)
    assert [f.id for f in session.figures(ReviewFilter(goal_id="g03"))] == ["fig-0035"]
    section = next(s for s in session.document()["sections"] if s["id"] == "sec-003")
    assert {"goal": "g03", "basis": "editorial"} in section["goal_links"]
    report = session.save()
    assert report.indicator_by_id["fig-0035"].goal_ids == ("g03",)
    assert session.link_goal("fig-0035", "g03") is None
    with pytest.raises(ReviewError, match="no goal area"):
        session.link_goal("fig-0035", "g99")
    change.undo(session)
    assert session.document() == before
    unlink = session.link_goal("fig-0035", None)
    assert unlink is None  # it had no link


def test_save_and_resume(session: ReviewSession) -> None:
    for change in (
        session.accept(["fig-0001", "fig-0002"]),
        session.reject(["fig-0005"]),
        session.edit("fig-0003", {"value": 247, "name": "四新经济增加值"}),
    ):
        assert change is not None
        change.do(session)
    report = session.save()
    assert report.indicator_by_id["fig-0003"].value == 247
    resumed = ReviewSession.open(session.path)
    assert resumed.document() == session.document()
    assert resumed.counts() == session.counts()
    assert resumed.figure("fig-0005").review is Review.REJECTED
    loaded = load_report(session.path)
    assert loaded.indicators[0].review is Review.CONFIRMED
    text = session.path.read_text(encoding="utf-8")
    assert text.endswith("\n") and "四新经济增加值" in text  # UTF-8, not \\u escapes
    leftovers = [p for p in os.listdir(session.path.parent) if p.endswith(".tmp")]
    assert leftovers == []


def test_the_reviewer_confirms_changes_or_clears_the_series_proposed(session: ReviewSession) -> None:
    # Issue 16: the importer proposes a series for each figure, the reviewer confirms it. Before, the
    # series was not a review field: a wrong proposal (占GDP的25% as GDP growth) could not be undone.
    before = session.document()
    assert session.figure("fig-0004").series == "gdp_growth"  # 25%: a share of GDP, not its growth
    assert session.figure("fig-0001").series == ""
    clear = session.edit("fig-0004", {"series": ""})
    assert clear is not None
    clear.do(session)
    item = next(i for i in session.document()["indicators"] if i["id"] == "fig-0004")
    assert "series" not in item and session.figure("fig-0004").series == ""
    assert session.edit("fig-0004", {"series": ""}) is None  # nothing to change
    set_ = session.edit("fig-0001", {"series": "linzi.regional_gdp"})
    assert set_ is not None
    set_.do(session)
    with pytest.raises(ReviewError) as refused:
        session.edit("fig-0001", {"series": "gdp"})
    assert "unknown series 'gdp'" in str(refused.value) and "系列" in refused.value.text(Language.ZH)
    accept = session.accept(["fig-0001", "fig-0004"])
    assert accept is not None
    accept.do(session)
    report = session.save()
    series = {i.id: i.series for i in report.indicators}
    assert series["fig-0001"] == "linzi.regional_gdp" and series["fig-0004"] is None
    assert {i.id: i.series for i in load_report(session.path).indicators} == series
    for change in (accept, set_, clear):
        change.undo(session)
    assert session.document() == before
    assert parse_field("series", " cpi ") == "cpi"


def test_a_save_that_would_not_load_writes_nothing(session: ReviewSession) -> None:
    original = session.path.read_bytes()
    # A figure's sentence that no longer quotes its paragraph: the loader's check refuses it.
    session._doc["indicators"][0]["sentence"]["text"] = "改过的句子"
    with pytest.raises(DatasetError) as caught:
        session.save()
    assert caught.value.path == str(session.path)
    assert session.path.read_bytes() == original


def test_an_unwritable_target_says_so(session: ReviewSession, tmp_path: Path) -> None:
    accepted = session.accept(["fig-0001"])
    assert accepted is not None
    accepted.do(session)
    os.chmod(session.path, 0o444)
    with pytest.raises(ExportError, match="read-only"):
        session.save()
    assert json.loads(session.path.read_text(encoding="utf-8"))["indicators"][0]["review"] == "proposed"


def test_the_bundled_dataset_reviews_too(tmp_path: Path) -> None:
    """A hand-built dataset (every figure confirmed, derived figures) can be reviewed and saved."""
    bundled = bundled_dataset_path()
    target = tmp_path / bundled.name
    target.write_bytes(bundled.read_bytes())
    (tmp_path / "source").mkdir()
    for source in (bundled.parent / "source").iterdir():
        (tmp_path / "source" / source.name).write_bytes(source.read_bytes())
    session = ReviewSession.open(target)
    assert session.counts().awaiting == 0 and session.counts().confirmed == len(session)
    report = session.report
    derived_input = report.derived[0].inputs[0].indicator_id
    with pytest.raises(ReviewError, match="derived"):
        session.edit(derived_input, {"value": 1})
    rename = session.edit(derived_input, {"name": "改名"})
    assert rename is not None
    rename.do(session)
    reject = session.reject([report.indicators[-1].id])
    assert reject is not None
    reject.do(session)
    saved = session.save()
    assert saved.indicator_by_id[derived_input].name == "改名"
    assert saved.indicators[-1].review is Review.REJECTED


def test_review_words_in_both_languages() -> None:
    assert [review_label(r, Language.ZH) for r in Review] == ["已确认", "待审核", "已否决"]
    assert [review_label(r, Language.EN) for r in Review] == ["confirmed", "proposed", "rejected"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["accept", "reject", "reset", "edit", "link", "above"]),
            st.lists(st.integers(1, 37), min_size=1, max_size=4),
            st.integers(0, 8),
        ),
        max_size=12,
    )
)
def test_any_run_of_steps_undone_in_reverse_gives_back_the_dataset(
    session: ReviewSession, steps: list[tuple[str, list[int], int]]
) -> None:
    before = session.document()
    done = []
    for action, numbers, extra in steps:
        ids = [f"fig-{n:04d}" for n in numbers]
        if action == "edit":
            fields = {
                "value": extra,
                "modifier": "约" * (extra % 2),
                "year": 2020 + extra,
                "series": ("", "cpi", "gdp_growth")[extra % 3],
            }
            change = session.edit(ids[0], fields)
        elif action == "link":
            change = session.link_goal(ids[0], f"g0{extra}" if extra else None)
        elif action == "above":
            change = session.accept_above(extra / 8, among=ids)
        else:
            change = getattr(session, action)(ids)
        if change is not None:
            change.do(session)
            done.append(change)
    for change in reversed(done):
        change.undo(session)
    assert session.document() == before
