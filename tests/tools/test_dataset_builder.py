"""The generic dataset builder on a small made-up page: what it derives from any report's tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.loader import load_report
from tools.dataset_builder import (
    A,
    Built,
    DerivedInputSpec,
    DerivedSpec,
    Drop,
    E,
    EntitySpec,
    Fig,
    GoalSpec,
    Misreading,
    ParagraphSpec,
    QuoteSpec,
    ReportTables,
    SectionSpec,
    build,
    render,
    sentence,
)

# 0-based lines: 0 furniture, 2 the goal areas (three parallel clauses, as the importer finds them),
# 4 body split by a column break at 新开壶|力企业 (4 → 6).
RAW = (
    "第02版\n\n要坚定不移稳增长,奋力推动经济走在前；要坚定不移强动力，奋力推动动能走在前；"
    "要坚定不移惠民生，奋力推动民生走在前。\n\n产值实现2504亿元,占全市比重35%。新开壶\n\n力企业增多。\n"
)
GOALS = [
    GoalSpec("g1", "稳增长", "经济", "Growth", "要坚定不移稳增长,奋力推动经济走在前；"),
    GoalSpec("g2", "强动力", "动能", "Drivers", "要坚定不移强动力，奋力推动动能走在前；"),
    GoalSpec("g3", "惠民生", "民生", "Wellbeing", "要坚定不移惠民生，奋力推动民生走在前。"),
]


def _tables(**changes: object) -> ReportTables:
    fields: dict[str, object] = {
        "id": "tiny",
        "raw_name": "tiny.raw.txt",
        "out_name": "tiny.json",
        "metadata": {
            "title": "某区报告",
            "year": 2024,
            "region": {"district": "某区"},
            "meeting": {"name": "会议", "date": "2024-01-19"},
            "presenter": {"name": "某人", "office": "区长"},
            "article": None,
            "source_citation": "某区政府网站",
            "ambiguities": [],
        },
        "drops": [Drop(0, 0, "版次", "page number")],
        "paragraphs": [
            ParagraphSpec("p1", "body", [(2, None, None)]),
            ParagraphSpec("p2", "body", [(4, None, None), (6, None, None)]),
        ],
        "join_notes": {("p2", 0): ("分栏", "column break")},
        "moves": {},
        "misreadings": [
            Misreading([(4, "新开壶"), (6, "力企业")], "新开户潜力企业", "low", False, "存疑", "doubtful")
        ],
        "goals": GOALS,
        "goal_paragraph": "p1",
        "sections": [SectionSpec("s1", "成绩", "Results", ["p2"], [])],
        "figures": [
            Fig(
                "f-out",
                "p2",
                "2504亿元",
                "产值",
                "Output",
                2504,
                "亿元",
                "CNY",
                1e8,
                2023,
                "achieved",
                "",
                "exact",
                "district",
                [("g1", E)],
                ["s1"],
            ),
            Fig(
                "f-share",
                "p2",
                "35%",
                "占全市比重",
                "Share",
                35,
                "%",
                "percent",
                1,
                2023,
                "share",
                "",
                "exact",
                "city",
                [],
                ["s1"],
                denominator="全市产值",
            ),
        ],
        "derived": [
            DerivedSpec(
                "d-city",
                "全市产值",
                "City output",
                "亿元",
                "a / (b / 100)",
                [
                    DerivedInputSpec("a", "f-out", 0.5, "取整", "rounded"),
                    DerivedInputSpec("b", "f-share", 0.5, "取整", "rounded"),
                ],
                0,
                "推算",
                [("g1", E)],
                ["s1"],
                "city",
                "implied",
            ),
        ],
        "quotes": [
            QuoteSpec(f"q{n}", "p1", f"奋力推动{lead}走在前", "report", "报告", [(f"g{n}", A)], [])
            for n, lead in ((1, "经济"), (2, "动能"), (3, "民生"))
        ],
        "entities": [EntitySpec("e1", "claim", "p2", "新开壶力企业增多", [], [], ["s1"], "")],
    }
    fields.update(changes)
    return ReportTables(**fields)  # type: ignore[arg-type]


@pytest.fixture
def doc() -> dict[str, object]:
    return build(_tables(), RAW)


def test_the_built_document_loads(tmp_path: Path, doc: dict[str, object]) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "tiny.raw.txt").write_text(RAW, encoding="utf-8")
    (tmp_path / "tiny.json").write_text(render(doc), encoding="utf-8")
    report = load_report(tmp_path / "tiny.json")
    assert report.paragraph_by_id["p2"].text == "产值实现2504亿元\uff0c占全市比重35%。新开壶力企业增多。"
    assert report.metadata.citation == "某区政府网站"


def test_punctuation_is_restored_never_deleted(doc: dict[str, object]) -> None:
    repairs = doc["repairs"]
    assert isinstance(repairs, list)
    punctuation = [r for r in repairs if r["kind"] == "punctuation"]
    assert len(punctuation) == 2 and all(r["result"] == "\uff0c" for r in punctuation)


def test_a_misreading_across_a_column_break_is_one_repair_with_two_pieces(doc: dict[str, object]) -> None:
    repairs = doc["repairs"]
    assert isinstance(repairs, list)
    (misreading,) = [r for r in repairs if r["kind"] == "misreading"]
    assert misreading["raw_text"] == "新开壶|力企业" and len(misreading["raw_spans"]) == 2
    assert misreading["span"]["text"] == "新开壶力企业"


def test_derived_range_is_rounded_outward_and_scope_is_its_own(doc: dict[str, object]) -> None:
    derived = doc["derived"]
    assert isinstance(derived, list)
    (city,) = derived
    assert city["scope"] == "city" and city["value"] == 7154
    # 2503.5 / 0.355 = 7052.1 and 2504.5 / 0.345 = 7259.4: outward, 7052 and 7260.
    assert city["range"] == [7052, 7260]


def test_section_links_include_what_members_link(doc: dict[str, object]) -> None:
    sections = doc["sections"]
    assert isinstance(sections, list)
    assert sections[0]["goal_links"] == [{"goal": "g1", "basis": "editorial"}]


def test_goal_sentence_is_the_quote_unless_a_paraphrase_is_given(doc: dict[str, object]) -> None:
    goals = doc["goal_areas"]
    assert isinstance(goals, list)
    assert goals[0]["sentence"] == goals[0]["span"]["text"] and goals[0]["sentence_basis"] == "quote"
    paraphrased = build(
        _tables(goals=[GOALS[0]._replace(paraphrase="某区要稳增长。"), *GOALS[1:]]),
        RAW,
    )["goal_areas"]
    assert paraphrased[0]["sentence_basis"] == "paraphrase" and paraphrased[0]["sentence"] == "某区要稳增长。"


def test_a_figures_sentence_is_split_by_the_importers_rule() -> None:
    """The builder quotes the sentence the importer would (one rule): a closing quote stays with it."""
    built = Built(_tables(), RAW, {}, {"p9": {"text": "他说：“产值2504亿元。”随后增多；完"}})
    assert sentence(built, "p9", 6, 12)["text"] == "他说：“产值2504亿元。”"
    assert sentence(built, "p9", 14, 16) == {"paragraph": "p9", "start": 14, "end": 19, "text": "随后增多；"}


def test_the_goal_areas_are_the_ones_the_importer_finds() -> None:
    """Issue 14: the builder is one user of the importer's segmentation. The goal areas' titles and
    leads are what segment() finds in the built paragraphs; tables that say otherwise stop the build."""
    goals = build(_tables(), RAW)["goal_areas"]
    assert isinstance(goals, list)
    assert [(g["title"], g["lead"]) for g in goals] == [
        ("稳增长", "经济"),
        ("强动力", "动能"),
        ("惠民生", "民生"),
    ]
    with pytest.raises(SystemExit, match=r"importer finds .*强动力.*tables list .*强活力"):
        build(_tables(goals=[GOALS[0], GOALS[1]._replace(title="强活力"), GOALS[2]]), RAW)
    with pytest.raises(SystemExit, match="goal areas"):
        build(_tables(goals=GOALS[:2]), RAW)
