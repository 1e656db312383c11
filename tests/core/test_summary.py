"""The summary HTML: what it contains for the whole report and for one goal area, and that it escapes."""

from __future__ import annotations

import dataclasses
import datetime
import html
import re
from collections.abc import Sequence
from html.parser import HTMLParser

import pytest

from desktop_app.core.model import DerivedIndicator, Entity, EntityKind, Report
from desktop_app.core.presentation import (
    editorial_link,
    figure_name,
    figure_value_text,
    goal_label,
    location_text,
    number_text,
)
from desktop_app.core.scope import FIGURES, resolve_scope
from desktop_app.core.summary import (
    MISREADING_MARK,
    build_summary_html,
    document_author,
    document_subject,
    misreadings,
    page_footer_text,
)

DATE = datetime.date(2024, 2, 1)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'
VOID = {"br", "img", "meta", "hr", "col", "link"}


def summary(
    report: Report, scope: str = "all", *, chart_images: Sequence[tuple[str, str]] = (), lang: str = "zh"
) -> str:
    resolved = resolve_scope(report, scope, lang)
    return build_summary_html(report, resolved, chart_images=chart_images, generated=DATE)


class HeadingReader(HTMLParser):
    """The headings of a summary (h1–h3) as (level, plain text), without the misreading marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[int, str]] = []
        self._level = 0
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3"):
            self._level, self._text = int(tag[1]), []
        elif tag == "sup" and self._level:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self._skip:
            self._skip -= 1
        elif tag in ("h1", "h2", "h3") and self._level:
            self.sections.append((self._level, "".join(self._text).strip()))
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level and not self._skip:
            self._text.append(data)


def headings(document: str) -> list[tuple[int, str]]:
    reader = HeadingReader()
    reader.feed(document)
    reader.close()
    return reader.sections


class TagChecker(HTMLParser):
    """Fails on a closing tag that does not match the open element (the HTML is written balanced)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def parse(document: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(document)
    checker.close()
    assert checker.stack == []
    return checker


def hostile_report(report: Report) -> Report:
    indicator = dataclasses.replace(report.indicators[0], name=f"规上{HOSTILE}")
    goal = dataclasses.replace(report.goal_areas[0], sentence=f"目标{HOSTILE}")
    quote = report.quotes[0]
    quote = dataclasses.replace(quote, speaker=HOSTILE)
    entity = next(e for e in report.entities if e.kind is EntityKind.LIVELIHOOD_PROJECT)
    hostile_entity = dataclasses.replace(entity, name=HOSTILE)
    meta = dataclasses.replace(report.metadata, title=f"报告{HOSTILE}")
    derived = dataclasses.replace(report.derived[0], explanation=HOSTILE)
    return dataclasses.replace(
        report,
        metadata=meta,
        indicators=(indicator, *report.indicators[1:]),
        goal_areas=(goal, *report.goal_areas[1:]),
        quotes=(quote, *report.quotes[1:]),
        entities=tuple(hostile_entity if e is entity else e for e in report.entities),
        derived=(derived, *report.derived[1:]),
    )


# --- the whole report -------------------------------------------------------------------------------


def test_whole_report_is_a_balanced_document(report: Report) -> None:
    document = summary(report)
    assert document.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8" />' in document
    parse(document)


def test_title_block(report: Report) -> None:
    document = summary(report)
    meta = report.metadata
    assert f"<h1>{meta.title}</h1>" in document
    assert meta.meeting.name in document and meta.meeting.date in document
    assert meta.presenter.name in document and meta.presenter.office in document
    assert f"<title>{meta.title}</title>" in document


def test_every_figure_is_present_once_with_its_value(report: Report) -> None:
    document = summary(report)
    rows = [attrs["id"] or "" for tag, attrs in parse(document).tags if tag == "tr" and attrs.get("id")]
    stated = [i.id for i in report.indicators]
    assert rows == [i.id for i in report.indicators if i.headline] + [
        i.id for i in report.indicators if not i.headline
    ]
    assert sorted(rows) == sorted(stated)
    for indicator in report.all_indicators():
        assert html.escape(indicator.name) in document
        assert html.escape(figure_value_text(indicator)) in document
    # Derived figures are explained in the notes, with formula and range.
    for derived in report.derived:
        assert derived.formula in document
        assert f"{number_text(derived.range_low)}–{number_text(derived.range_high)}" in document
    assert len(report.indicators) + len(report.derived) == 40


def test_headline_figures_first_with_sentence_and_bold_value(report: Report) -> None:
    document = summary(report)
    headline_at = document.index("<h2>主要数据</h2>")
    other_at = document.index("<h2>其他数据</h2>")
    assert headline_at < document.index('id="ind-industrial-output"') < other_at
    assert "规上工业总产值实现<b>2504亿元</b>" in document
    assert "实绩" in document and "目标" in document and "预计" in document


def test_goal_areas_livelihood_projects_quotes_and_source(report: Report) -> None:
    document = summary(report)
    for goal in report.goal_areas:
        assert html.escape(goal_label(goal, report)) in document and html.escape(goal.sentence) in document
    projects = report.entities_of_kind(EntityKind.LIVELIHOOD_PROJECT)
    assert len(projects) == 7
    assert all(html.escape(p.name) in document for p in projects)
    for quote in report.quotes:
        assert html.escape(quote.speaker) in document
    assert html.escape(report.metadata.citation) in document
    assert "2024-02-01" in document


def test_misreadings_are_marked_where_quoted_and_all_explained(report: Report) -> None:
    document = summary(report)
    numbered = misreadings(report)
    assert [r.id for _, r in numbered] == ["r008", "r091", "r123", "r141", "r159"]
    # 新开壶|力企业 (r141, kept as printed) stands in the trade target's sentence, marked after the
    # whole misread word.
    assert f'新开壶力企业<sup class="mark">{MISREADING_MARK}4</sup>' in document
    # 民生实事项目 (r091, corrected) in the livelihood projects' sentence; 说 (r159) in a quote.
    assert f'民生实事项目<sup class="mark">{MISREADING_MARK}2</sup>' in document
    assert f'说<sup class="mark">{MISREADING_MARK}5</sup>' in document
    notes = document[document.index("<h3>原文误植</h3>") :]
    for number, repair in numbered:
        assert f"{MISREADING_MARK}{number}</sup>" in notes
        assert html.escape(repair.raw_text) in notes
    assert "未更正" in notes and "已据此更正" in notes and "可信度低" in notes


def test_charts_are_images_with_captions(report: Report) -> None:
    document = summary(
        report, chart_images=[("chart-1.png", "金额（亿元）"), ('x" onload="y', "<b>caption</b>")]
    )
    images = [attrs for tag, attrs in parse(document).tags if tag == "img"]
    assert [a["src"] for a in images] == ["chart-1.png", 'x" onload="y']
    assert "<b>caption</b>" not in document and "&lt;b&gt;caption&lt;/b&gt;" in document
    assert "图 1\u3000金额（亿元）" in document
    assert "<img" not in summary(report)
    assert "<h2>图表</h2>" not in summary(report)


def test_sections_for_bookmarks(report: Report) -> None:
    sections = headings(summary(report, chart_images=[("c.png", "c")]))
    assert sections[0] == (1, report.metadata.title)
    top = [title for level, title in sections if level == 2]
    assert top == [
        "八个“坚定不移”",
        "主要数据",
        "其他数据",
        "图表",
        "民生实事项目（7）",
        "排名与领先表述",
        "重要论述",
        "注释",
        "来源",
    ]
    assert sum(1 for level, title in sections if level == 3 and title[0].isdigit()) == 8


# --- one goal area ------------------------------------------------------------------------------------


@pytest.mark.parametrize("goal_id", ["g1-growth", "g3-vitality", "g7-culture", "g8-wellbeing"])
def test_goal_area_has_exactly_its_figures(report: Report, goal_id: str) -> None:
    document = summary(report, goal_id)
    parse(document)
    goal = report.goal_by_id[goal_id]
    rows = [attrs["id"] for tag, attrs in parse(document).tags if tag == "tr" and attrs.get("id")]
    assert rows == [i.id for i in report.indicators_for_goal(goal_id)]
    assert f"<h1>{html.escape(goal_label(goal, report))}</h1>" in document
    assert html.escape(goal.sentence) in document
    for quote in report.quotes:
        assert (html.escape(quote.text[:12]) in document) == (goal_id in quote.goal_ids)
    for entity in report.entities:
        if goal_id in entity.goal_ids:
            assert html.escape(entity.name) in document


def test_goal_area_without_figures_says_so(report: Report) -> None:
    """Issue 12, point 9: goal area 7 says the article states no figures, not only that none is linked."""
    assert not report.indicators_for_goal("g7-culture")
    for lang, said in (
        ("zh", "原文没有给出这一目标的数据：“文旅深度融合”只出现在八个“坚定不移”的列举中。"),
        (
            "en",
            "The article states no figures for this goal area: culture and tourism appears only in its list",
        ),
    ):
        goal_document = summary(report, "g7-culture", lang=lang)
        assert html.escape(said) in goal_document and "没有相关数据" not in goal_document
        whole = summary(report, lang=lang)  # the list of goal areas says it instead of "0 figures"
        assert html.escape(said) in whole and "相关数据 0 项" not in whole and "0 figures" not in whole
    # A goal area without figures and without a note keeps the general words.
    bare = dataclasses.replace(report.goal_by_id["g7-culture"], no_figures_note="", no_figures_note_en="")
    report = dataclasses.replace(
        report, goal_areas=tuple(bare if g.id == bare.id else g for g in report.goal_areas)
    )
    assert "本目标没有相关数据。" in summary(report, "g7-culture")


def test_goal_area_notes_only_what_it_shows(report: Report) -> None:
    g3 = summary(report, "g3-vitality")
    assert f"{MISREADING_MARK}4</sup>" in g3  # 新开壶|力企业, in the trade target's sentence
    assert f"{MISREADING_MARK}1</sup>" not in g3 and f"{MISREADING_MARK}5</sup>" not in g3
    g8 = summary(report, "g8-wellbeing")
    derived = [i for i in report.indicators_for_goal("g8-wellbeing") if isinstance(i, DerivedIndicator)]
    assert derived and all(d.formula in g8 and html.escape(d.explanation) in g8 for d in derived)
    assert "<h3>推算数据</h3>" not in g3


# --- figures only -------------------------------------------------------------------------------------


def test_figures_only_is_every_figure_stated_then_derived_and_nothing_else(report: Report) -> None:
    document = summary(report, FIGURES, chart_images=[("chart-1.png", "图")])
    rows = [attrs["id"] for tag, attrs in parse(document).tags if tag == "tr" and attrs.get("id")]
    assert rows == [i.id for i in report.indicators] + [i.id for i in report.derived]
    titles = [title for _, title in headings(document)]
    assert titles[0] == report.metadata.title
    assert titles[1:3] == ["报道所载数据\uff0836 项\uff09", "推算数据\uff084 项\uff0c报道未直接给出\uff09"]
    # Tables only: no goal-area sentences, charts, projects or quotes.
    assert "<img" not in document
    assert html.escape(report.goal_areas[0].sentence) not in document
    assert "民生实事项目" not in titles
    assert all(html.escape(q.text[:12]) not in document for q in report.quotes)
    # Derived figures keep their formula and range; the source is cited.
    assert all(d.formula in document for d in report.derived)
    assert report.metadata.citation in html.unescape(document)
    assert resolve_scope(report, FIGURES).title == f"{report.metadata.title} · 数据一览"
    assert resolve_scope(report, FIGURES).figures == tuple(report.all_indicators())
    assert resolve_scope(report, FIGURES).chart_groups == ()


def test_unknown_scope(report: Report) -> None:
    with pytest.raises(ValueError, match=r"unknown scope 'g9-nothing'.*g1-growth"):
        summary(report, "g9-nothing")
    with pytest.raises(ValueError):
        resolve_scope(report, "")
    with pytest.raises(ValueError):
        resolve_scope(report, "ALL")


# --- escaping -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["all", "g1-growth", "g8-wellbeing"])
def test_dataset_text_is_escaped(report: Report, scope: str) -> None:
    document = summary(hostile_report(report), scope)
    assert "<script" not in document
    assert "<img" not in document
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in document
    assert "&lt;img src=x onerror=alert(1)&gt;&amp;amp;" in document
    parse(document)


def test_invisible_characters_are_shown(report: Report) -> None:
    indicator = dataclasses.replace(report.indicators[0], name="规上\u202e工业")
    document = summary(dataclasses.replace(report, indicators=(indicator, *report.indicators[1:])))
    assert "\u202e" not in document and "⟨U+202E⟩" in document


# --- the other languages and helpers --------------------------------------------------------------------


def test_english_document(report: Report) -> None:
    document = summary(report, lang="en")
    assert '<html lang="en">' in document
    assert "<h2>Headline figures</h2>" in document
    assert html.escape(report.indicators[0].name_en) in document
    assert "Generated 2024-02-01" in document


def test_titles_and_page_footer(report: Report) -> None:
    assert resolve_scope(report, "all").title == report.metadata.title
    g3 = report.goal_by_id["g3-vitality"]
    assert resolve_scope(report, "g3-vitality").title.endswith(goal_label(g3, report))
    assert resolve_scope(report, "g3-vitality", "en").title.endswith(g3.title_en)
    assert page_footer_text(1, 9) == "第 1 页 / 共 9 页"
    assert page_footer_text(2, 3, "en") == "Page 2 of 3"


def test_scope_indicators(report: Report) -> None:
    assert len(resolve_scope(report, "all").figures) == 40
    assert list(resolve_scope(report, "g8-wellbeing").figures) == report.indicators_for_goal("g8-wellbeing")


@pytest.mark.parametrize("goal_id", ["g1-growth", "g8-wellbeing", "g3-vitality"])
def test_editorial_goal_links_are_marked_and_explained(report: Report, goal_id: str) -> None:
    """What the editors, not the article, linked to a goal area carries "*" and one note saying so."""
    text = summary(report, goal_id)
    mark = '<span class="editorial">*</span>'
    figures = report.indicators_for_goal(goal_id)
    entities = [e for e in report.entities if goal_id in e.goal_ids]
    editorial = [i for i in (*figures, *entities) if editorial_link(i, goal_id)]
    assert editorial, "the bundled report has editorial links in every area tested"
    assert text.count(mark) == len(editorial)
    for item in (*figures, *entities):
        name = html.escape(item.name if isinstance(item, Entity) else figure_name(item))
        marked = re.search(
            re.escape(name) + r"(?:</td>| <span class=\"mod\">[^<]*</span>)? " + re.escape(mark), text
        )
        assert bool(marked) is editorial_link(item, goal_id), name
    note = "由本数据集编者归入本目标"
    sections = [bool(any(editorial_link(i, goal_id) for i in group)) for group in (figures, entities)]
    assert text.count(note) == sum(sections)  # once under each list that has a mark
    english = summary(report, goal_id, lang="en")
    assert english.count(mark) == len(editorial) and "Linked to this goal area by the dataset" in english


def test_whole_report_and_figures_carry_no_goal_marks(report: Report) -> None:
    for scope in ("all", FIGURES):
        assert 'class="editorial"' not in summary(report, scope)


def test_author_is_the_editors_and_the_presenter_is_in_the_subject(report: Report) -> None:
    presenter = report.metadata.presenter
    assert document_author(report) == "Report Viewer 数据集编者（数据集 linzi-2024）"
    assert presenter.name not in document_author(report) and presenter.name not in document_author(
        report, "en"
    )
    subject = document_subject(report)
    assert (
        presenter.name in subject and presenter.office in subject and report.metadata.meeting.name in subject
    )
    assert report.metadata.citation in subject
    assert presenter.name in document_subject(report, "en") and document_subject(report, "en").startswith(
        "Summary"
    )
    text = summary(report, "g1-growth")
    assert f'<meta name="author" content="{html.escape(document_author(report))}" />' in text
    assert f'<meta name="description" content="{html.escape(subject)}" />' in text


def test_editorial_notes_and_citation_follow_the_document_language(report: Report) -> None:
    """Issue 11.16: the Chinese document has the Chinese notes, the English one the English notes."""
    chinese, english = summary(report), summary(report, lang="en")
    der = report.derived[0]
    aubo = next(r for r in report.repairs if r.raw_text == "邀博")
    for zh, en in ((der.explanation, der.explanation_en), (aubo.note, aubo.note_en)):
        assert html.escape(zh) in chinese and html.escape(en) not in chinese
        assert html.escape(en) in english and html.escape(zh) not in english
    assert html.escape(report.metadata.citation) in chinese
    assert html.escape(report.metadata.citation_en) in english and "dateline January 20" in english


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_whole_report_prints_every_rank_and_first_claim(report: Report, lang: str) -> None:
    """Issue 12, point 14: claims are printed, also one linked to no goal area (数量全市最多)."""
    document = summary(report, lang=lang)
    claims = report.entities_of_kind(EntityKind.CLAIM)
    assert len(claims) == 5
    heading = "<h2>排名与领先表述</h2>" if lang == "zh" else "<h2>Rank and leadership claims</h2>"
    listed = document[document.index(heading) :]
    listed = listed[: listed.index("</ul>")]
    for claim in claims:
        assert f"<li>{html.escape(claim.name)}" in listed
    context = "5项工作获得全省首批督查激励，数量全市最多" if lang == "zh" else "the most in the city"
    assert context in listed
    assert f"[{html.escape(location_text('p12', report, lang))}]" in listed


def test_the_printed_notes_and_quotes_say_the_corrected_readings(report: Report) -> None:
    """Issue 12: point 6 (one reading across the column break) and point 10 (who said it)."""
    document = summary(report)
    notes = document[document.index("<h3>原文误植</h3>") :]
    assert "原文“新开壶|力企业”，应读作“新开户潜力企业”（可信度低，未更正，保留原文）" in notes
    assert "原文“邀博”，应读作“遨博”（可信度高，已据此更正）" in notes  # point 2
    assert "以工作的确定性应对形势变化的不确定性\u201d \u2014\u2014 《政府工作报告》（推定）" in document
    assert "越是艰险越向前\u201d \u2014\u2014 记者张吉宝、李鸿斐" in document
    assert "民生是群众最大的幸福指数\u201d \u2014\u2014 记者张吉宝、李鸿斐" in document


def test_places_are_page_and_paragraph_never_paragraph_ids(report: Report) -> None:
    """Issue 11.18: the PDF said [见第 p07 段], which readers took for page 7."""
    for lang in ("zh", "en"):
        text = summary(report, lang=lang)
        for indicator in report.indicators:
            where = location_text(indicator.sentence.paragraph_id, report, lang)
            assert f'<span class="loc">[{html.escape(where)}]</span>' in text, where
        assert not re.search(r"\bp\d\d\b", text) and "见第" not in text
    assert "[第02版·第7段]" in summary(report) and "[page 02, paragraph 7]" in summary(report, lang="en")


def test_named_things_roles_are_punctuated_as_the_document_is(report: Report) -> None:
    """Issue 12 (point 13, honours sought) in the English PDF: roles were （争创、国家级）, full width."""
    chinese, english = summary(report, "g8-wellbeing"), summary(report, "g8-wellbeing", lang="en")
    assert '学前教育普及普惠区 <span class="mod">（争创、国家级）</span>' in chinese
    assert '学前教育普及普惠区 <span class="mod"> (争创, 国家级)</span>' in english
    assert "（争创" not in english


def test_derived_notes_are_punctuated_as_the_document_is(report: Report) -> None:
    """Issue 12, point 7's notes in the English PDF read "≈7154 亿元：a / (b / 100)" (a full-width colon)."""
    english = summary(report, lang="en")
    assert "\u22487154 亿元: a / (b / 100); a = " in english and "亿元\uff1a" not in english
    assert "\u22487154 亿元\uff1aa / (b / 100)\uff1ba = " in summary(report)
