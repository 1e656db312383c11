"""One function per decision: how figures, goal areas and labels are written, in both languages."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.language import Language
from desktop_app.core.model import (
    Certainty,
    EntityKind,
    IndicatorKind,
    ModifierMeaning,
    RepairKind,
    Report,
    Scope,
)
from desktop_app.core.presentation import (
    KIND_PALETTE,
    bracketed,
    certainty_label,
    citation,
    count_suffix,
    derived_description,
    editorial_text,
    entity_kind_label,
    enumeration,
    figure_value_text,
    fill,
    goal_label,
    goal_short_label,
    goals_heading,
    kind_label,
    kind_tag,
    listed_figure,
    location_text,
    meaning_label,
    modifier_text,
    number_text,
    range_text,
    repair_kind_label,
    scope_label,
    value_text,
)
from desktop_app.core.words import WORDS, word

ROOT = Path(__file__).resolve().parents[2]


def test_language_from_any_tag() -> None:
    assert Language.from_tag("zh_CN") is Language.ZH
    assert Language.from_tag("zh-Hans") is Language.ZH
    assert Language.from_tag("en_GB") is Language.EN
    assert Language.from_tag(None) is Language.EN
    assert Language.from_tag(Language.ZH) is Language.ZH
    assert Language.ZH.qt_name == "zh_CN" and Language.EN.bcp47 == "en"


def test_every_word_has_both_languages() -> None:
    for key, (zh, en) in WORDS.items():
        assert zh and en, key
        # Templates have the same fields in both languages.
        assert sorted(re.findall(r"\{(\w+)\}", zh)) == sorted(re.findall(r"\{(\w+)\}", en)), key


@pytest.mark.parametrize("lang", list(Language))
def test_every_code_has_a_label(lang: Language) -> None:
    labels = [
        *(kind_label(k, lang) for k in IndicatorKind),
        *(meaning_label(m, lang) for m in ModifierMeaning),
        *(scope_label(s, lang) for s in Scope),
        *(certainty_label(c, lang) for c in Certainty),
        *(repair_kind_label(r, lang) for r in RepairKind),
        *(entity_kind_label(e, lang) for e in EntityKind),
    ]
    assert all(labels)
    if lang is Language.ZH:
        # No English enum words in the Chinese interface.
        assert not [label for label in labels if re.search(r"[A-Za-z]", label)]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2504.0, "2504"),
        (41.93, "41.93"),
        (1e-7, "0.0000001"),
        (0.15, "0.15"),
        (-0.0, "0"),
        (7.7, "7.7"),
        (1e20, "100000000000000000000"),
    ],
)
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_text_reads_back_as_the_same_number(value: float) -> None:
    text = number_text(value)
    assert "e" not in text.lower()
    assert float(text) == value


def test_value_text_one_spelling() -> None:
    assert value_text(35, "%") == "35%"
    assert value_text(2504, "亿元") == "2504 亿元"
    assert value_text(0.15, "") == "0.15"


def test_derived_figures_are_marked_and_their_range_named(report: Report) -> None:
    derived = report.derived[0]
    assert figure_value_text(derived).startswith("≈")
    assert not figure_value_text(report.indicators[0]).startswith("≈")
    assert range_text(derived, Language.ZH).startswith("舍入允许的范围 ")
    assert range_text(derived, Language.EN).startswith("range rounding allows ")


def test_english_description_of_a_derived_figure_has_no_chinese_names(report: Report) -> None:
    derived = report.derived[0]
    english = derived_description(derived, report, Language.EN)
    names = [report.indicator_by_id[i.indicator_id].name for i in derived.inputs]
    assert all(name not in english for name in names)
    assert all(
        report.indicator_by_id[i.indicator_id].name in derived_description(derived, report)
        for i in derived.inputs
    )


def test_goal_labels_come_from_the_dataset(report: Report) -> None:
    goal = report.goal_areas[0]
    assert goal_label(goal, report) == "坚定不移稳增长 · 经济回升向好走在前"
    assert goal_short_label(goal, report) == "坚定不移稳增长"
    assert goals_heading(report) == "八个“坚定不移”"
    assert goal_label(goal, report, Language.EN) == goal.title_en


def test_goal_labels_of_a_report_without_a_slogan(report: Report) -> None:
    import dataclasses

    from desktop_app.core.model import Presentation

    plain = dataclasses.replace(
        report, metadata=dataclasses.replace(report.metadata, presentation=Presentation())
    )
    goal = plain.goal_areas[0]
    assert goal_label(goal, plain) == goal.title
    assert goals_heading(plain) == "主要任务" and goals_heading(plain, Language.EN) == "Task areas"
    assert "坚定不移" not in goal_label(goal, plain)


def test_location_is_page_and_paragraph_number(report: Report) -> None:
    assert location_text("p07", report) == "第02版·第7段"
    assert location_text("p07", report, Language.EN) == "page 02, paragraph 7"


def test_citation_has_no_offsets(report: Report) -> None:
    text = citation(report.indicators[0], report)
    assert "第02版·第7段" in text and "p07" not in text and "–" not in text.split("\n")[-1]


def test_fill_is_one_pass() -> None:
    assert fill("%1 of %2", "Session %2", "x") == "Session %2 of x"
    assert fill("%1%", "35") == "35%"
    assert fill("%3", "a") == "%3"


def test_kind_palette_matches_the_style_sheet() -> None:
    qss = (ROOT / "resources" / "styles" / "app.qss").read_text(encoding="utf-8")
    badges = dict(re.findall(r'QLabel#kindBadge\[kind="(\w+)"\] \{[^}]*?background: (#[0-9a-f]{6})', qss))
    default = re.search(r"QLabel#kindBadge \{[^}]*?background: (#[0-9a-f]{6})", qss)
    assert default is not None
    badges["achieved"] = default.group(1)
    # target and derived badges are outlined: their colour is the text and border colour.
    for kind in ("target", "derived"):
        outlined = re.search(rf'QLabel#kindBadge\[kind="{kind}"\] \{{[^}}]*?color: (#[0-9a-f]{{6}})', qss)
        assert outlined is not None
        badges[kind] = outlined.group(1)
    assert badges == KIND_PALETTE


def test_word_lookup_fails_loudly_for_unknown_keys() -> None:
    with pytest.raises(KeyError):
        word("kind.nonsense")


def test_editorial_text_follows_the_language_and_falls_back(report: Report) -> None:
    from desktop_app.core.presentation import source_citation

    amb = report.metadata.ambiguities[0]
    assert editorial_text(amb.text, amb.text_en, Language.ZH) == amb.text
    assert editorial_text(amb.text, amb.text_en, Language.EN) == amb.text_en
    assert editorial_text("中文", "", "en") == "中文" and editorial_text("", "English", "zh") == "English"
    assert "电头" in source_citation(report) and "dateline" in source_citation(report, "en")


def test_titles_in_english_where_the_dataset_has_them(report: Report) -> None:
    from desktop_app.core.presentation import report_title, section_title

    section = report.sections[0]
    assert report_title(report, Language.ZH) == report.metadata.title
    assert report_title(report, Language.EN) == report.metadata.title_en
    assert section_title(section, Language.ZH) == section.title
    assert section_title(section, Language.EN) == section.title_en
    untitled = dataclasses.replace(section, title_en="")
    assert section_title(untitled, Language.EN) == section.title


def test_punctuation_follows_the_language() -> None:
    assert bracketed("确数", Language.ZH) == "\uff08确数\uff09"
    assert bracketed("exact", "en") == " (exact)"
    assert bracketed("", Language.ZH) == ""
    assert enumeration(["接续 5", "", "删除版面元素 6"], Language.ZH) == "接续 5\u3001删除版面元素 6"
    assert enumeration(["join 5", "drop 6"], Language.EN) == "join 5, drop 6"
    assert modifier_text("实现", ModifierMeaning.EXACT, Language.ZH) == "实现\uff08确数\uff09"
    assert modifier_text("实现", ModifierMeaning.EXACT, Language.EN) == "实现 (exact)"
    # A word that is its own meaning is written once (the PDF said "预计 · 预计").
    assert modifier_text("预计", ModifierMeaning.ESTIMATE, Language.ZH) == "预计"
    # A figure in a list (the goal tree), its kind and a count after a label (issue 11.17).
    assert listed_figure("规上工业总产值", "2504 亿元", Language.ZH) == "规上工业总产值\uff1a2504 亿元"
    assert listed_figure("output", "2504 亿元", Language.EN) == "output: 2504 亿元"
    assert kind_tag(IndicatorKind.ESTIMATE, Language.ZH) == "\u3014预计\u3015"
    assert kind_tag(IndicatorKind.ESTIMATE, Language.EN) == " [estimate]"
    assert count_suffix(8, Language.ZH) == "\uff088\uff09" and count_suffix(8, Language.EN) == "  (8)"


def test_a_meaning_is_never_written_where_the_modifier_word_goes(report: Report) -> None:
    # Auditors: 20万元以下村全部清零 has no modifier word (value 0, meaning eliminated), and the pane
    # read 修饰语：清零 — as if 清零 were the modifier. The word goes first ("—" where the text has
    # none); the meaning follows in brackets, labelled as a meaning where no word stands before it.
    assert modifier_text("", ModifierMeaning.ELIMINATED, Language.ZH) == "—\uff08含义\uff1a清零\uff09"
    assert modifier_text("", ModifierMeaning.ELIMINATED, Language.EN) == "— (meaning: eliminated)"
    assert modifier_text("", ModifierMeaning.UPPER_BOUND, Language.ZH) == "—\uff08含义\uff1a上限\uff09"
    assert modifier_text("", ModifierMeaning.EXACT, Language.ZH) == "—"  # nothing to say
    assert modifier_text("", ModifierMeaning.EXACT, Language.EN) == "—"
    wordless = [f for f in report.indicators if not f.modifier]
    assert {f.modifier_meaning for f in wordless} >= {ModifierMeaning.ELIMINATED, ModifierMeaning.UPPER_BOUND}
    for figure in report.indicators:
        for lang in Language:
            text = modifier_text(figure.modifier, figure.modifier_meaning, lang)
            written = re.split(r"\uff08| \(", text, maxsplit=1)[0]
            assert written == (figure.modifier or "—"), (figure.id, text)


def test_the_documented_examples_of_derived_figures_are_what_the_code_writes(report: Report) -> None:
    # Issue 10: docstrings gave a range (7139–7168 亿元) and a formula layout the code no longer wrote.
    written = [derived_description(d, report) for d in report.derived]
    examples = [
        example
        for path in sorted((ROOT / "desktop_app").rglob("*.py"))
        for example in re.findall(
            r"``([^`\n]*(?:舍入允许的范围|；范围)[^`\n]*)``", path.read_text(encoding="utf-8")
        )
    ]
    assert len(examples) >= 2
    for example in examples:
        pieces = [piece for piece in example.split("…") if piece.strip("；")]
        assert any(all(piece.strip("；") in text for piece in pieces) for text in written), example
