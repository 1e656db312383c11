"""The printable summary of a report or of one goal area, as HTML. No Qt.

:func:`build_summary_html` is the one place that decides what a summary says; the printing module
(:mod:`desktop_app.qt.printing`) lays the same HTML out on pages, and ``report-viewer export
--format html`` writes it as it is. The HTML keeps to what both a browser and ``QTextDocument``
understand: headings, paragraphs, lists, simple tables and a small style sheet.

Every string that comes from the dataset goes through :func:`html.escape` (after
:func:`~desktop_app.core.presentation.visible_text`, which shows invisible control characters) and
is never spliced in as markup.

The document's own words (headings, column names, the page footer) come in the summary's language
(``lang``, Chinese by default, since the report is Chinese), not the interface language: a summary
printed from an English interface is still a Chinese document, unless asked for in English.

Misreadings (repairs of kind ``misreading``) are numbered in dataset order; where the summary
quotes text that contains one, the text carries ``†n`` and the notes explain it.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Mapping, Sequence

from desktop_app.appinfo import APP_NAME
from desktop_app.core.language import Language
from desktop_app.core.model import (
    AnyIndicator,
    DerivedIndicator,
    Entity,
    EntityKind,
    GoalArea,
    ModifierMeaning,
    Quote,
    Repair,
    RepairKind,
    Report,
    Scope,
    Span,
)
from desktop_app.core.presentation import (
    bracketed,
    certainty_label,
    colon,
    derived_description,
    editorial_link,
    editorial_text,
    entities_heading,
    enumeration,
    figure_name,
    figure_value_text,
    goal_label,
    goals_heading,
    kind_label,
    location_text,
    modifier_text,
    range_text,
    scope_label,
    source_citation,
    value_text,
    visible_text,
)
from desktop_app.core.scope import ScopeKind, SummaryScope
from desktop_app.core.unreviewed import UNREVIEWED_COLOUR, is_unreviewed, shown_report, unreviewed_tag
from desktop_app.core.words import word, words

__all__ = [
    "MISREADING_MARK",
    "build_summary_html",
    "document_author",
    "document_subject",
    "misreadings",
    "page_footer_text",
]

MISREADING_MARK = "†"

_STYLE = """
body { font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 18pt; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }
h2 { font-size: 13pt; font-weight: bold; color: #7a1f1f; margin-top: 18px; margin-bottom: 8px; }
h3 { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 3px; margin-bottom: 5px; }
p.subtitle { font-size: 11pt; color: #444444; margin-top: 0px; margin-bottom: 3px; }
p.meta { color: #444444; margin-top: 0px; margin-bottom: 3px; }
p.caption { font-size: 9pt; color: #444444; margin-top: 3px; margin-bottom: 14px; }
p.chart { margin-top: 8px; margin-bottom: 0px; }
p.quote { margin-left: 16px; margin-top: 3px; margin-bottom: 8px; }
p.note { font-size: 9pt; margin-top: 2px; margin-bottom: 6px; }
p.small, span.small { font-size: 9pt; color: #444444; }
table.figures { border-collapse: collapse; border-color: #9a9a9a; border-style: solid; }
table.figures th { background-color: #ece7df; font-weight: bold; font-size: 9pt; text-align: left; }
table.figures td { font-size: 9pt; vertical-align: top; }
span.loc { color: #666666; font-size: 8pt; }
span.mod { color: #555555; font-size: 8pt; }
sup.mark { color: #a02020; }
span.editorial { color: #a02020; font-weight: bold; }
td.unreviewed { font-style: italic; background-color: #f5eee2; }
p.unreviewed { margin-top: 0px; margin-bottom: 3px; }
"""
_STYLE += f"span.unreviewed, p.unreviewed {{ color: {UNREVIEWED_COLOUR}; }}\n"
_STYLE += "span.unreviewed { font-weight: bold; }\n"


def _labels(lang: Language) -> dict[str, str]:
    return words("doc", lang)


def _t(text: str) -> str:
    """Dataset text as HTML text: invisible characters shown, markup characters escaped."""
    return html.escape(visible_text(text), quote=True)


def _fmt(template: str, **values: str) -> str:
    """Fill a label; the values must already be escaped."""
    return template.format(**values)


def page_footer_text(page: int, total: int, lang: Language | str = Language.ZH) -> str:
    """The page number line of a printed summary, e.g. ``第 1 页 / 共 5 页``."""
    return word("doc.page", lang).format(page=page, total=total)


def document_author(report: Report, lang: Language | str = Language.ZH) -> str:
    """Who wrote the summary: the application's and dataset's editors, not the report's presenter.

    The summary holds editorial judgements (goal links, derived figures, readings of misprints), so
    the presenter, whose report it summarises, is named in :func:`document_subject` instead.
    """
    return word("doc.author", lang).format(app=APP_NAME, id=report.id)


def document_subject(report: Report, lang: Language | str = Language.ZH) -> str:
    """What the summary is of: the presenter's report to the meeting, and the source it is read from."""
    meta = report.metadata
    return word("doc.subject", lang).format(
        office=meta.presenter.office,
        name=meta.presenter.name,
        meeting=meta.meeting.name,
        date=meta.meeting.date,
        citation=source_citation(report, lang),
    )


# --- misreadings and marked text ----------------------------------------------------------------------


def misreadings(report: Report) -> list[tuple[int, Repair]]:
    """The misreadings of the source, numbered from 1 in dataset order (the ``†n`` marks)."""
    found = [r for r in report.repairs if r.kind is RepairKind.MISREADING]
    return list(enumerate(found, start=1))


def _inside(inner: Span, outer: Span) -> bool:
    return inner.paragraph_id == outer.paragraph_id and outer.start <= inner.start and inner.end <= outer.end


class _Marks:
    """Renders quoted spans with ``†n`` after each misreading inside them, remembering which were used."""

    def __init__(self, report: Report) -> None:
        self._numbered = [(n, r) for n, r in misreadings(report) if r.span is not None]
        self.used: set[int] = set()

    def render(self, span: Span, bold: Span | None = None) -> str:
        """The span's text, escaped, with ``bold`` in bold and the marks of the misreadings inside."""
        events: list[tuple[int, int, str]] = []
        if bold is not None and _inside(bold, span) and bold.start < bold.end:
            events.append((bold.start - span.start, 2, "<b>"))
            events.append((bold.end - span.start, 0, "</b>"))
        for number, repair in self._numbered:
            assert repair.span is not None
            if _inside(repair.span, span):
                self.used.add(number)
                events.append(
                    (repair.span.end - span.start, 1, f'<sup class="mark">{MISREADING_MARK}{number}</sup>')
                )
        events.sort(key=lambda e: (e[0], e[1]))
        parts: list[str] = []
        position = 0
        for offset, _, markup in events:
            parts.append(_t(span.text[position:offset]))
            parts.append(markup)
            position = offset
        parts.append(_t(span.text[position:]))
        return "".join(parts)


# --- pieces ------------------------------------------------------------------------------------------


def _heading(level: int, text: str) -> str:
    return f"<h{level}>{text}</h{level}>"


def _editorial_mark(item: object, goal_id: str | None, lang: Language) -> str:
    """`` *`` after an item linked to the goal area by the editors only (see :func:`_editorial_note`)."""
    if goal_id is None or not editorial_link(item, goal_id):
        return ""
    return f' <span class="editorial">{_t(word("doc.editorial_mark", lang))}</span>'


def _editorial_note(lang: Language) -> str:
    return f'<p class="small">{_t(word("doc.editorial_note", lang))}</p>'


def _unreviewed_mark(indicator: AnyIndicator, lang: Language) -> str:
    """``〔未审核〕`` before an unreviewed figure's name: the words, not only the cell's look."""
    tag = unreviewed_tag(indicator, lang)
    return f'<span class="unreviewed">{_t(tag)}</span>' if tag else ""


def _review_lines(scope: SummaryScope, lang: Language) -> list[str]:
    """The lines under the title about review: unreviewed figures included (marked), or left out."""
    included = sum(1 for f in scope.figures if is_unreviewed(f))
    parts = []
    if included:
        parts.append(
            f'<p class="unreviewed">{_t(word("figure.unreviewed_included", lang).format(n=included))} '
            f"{_t(word('figure.unreviewed_note', lang))}</p>"
        )
    if scope.withheld:
        parts.append(
            f'<p class="meta">{_t(word("figure.unreviewed_left_out", lang).format(n=scope.withheld))}</p>'
        )
    return parts


def _kind_cell(indicator: AnyIndicator, lang: Language) -> str:
    text = kind_label(indicator.kind, lang)
    if indicator.scope is not Scope.DISTRICT:
        text += f" · {scope_label(indicator.scope, lang)}"
    return _t(text)


def _value_cell(indicator: AnyIndicator, lang: Language) -> str:
    if isinstance(indicator, DerivedIndicator):
        return (
            _t(figure_value_text(indicator, lang))
            + f'<br/><span class="mod">{_t(range_text(indicator, lang))}</span>'
        )
    cell = _t(value_text(indicator.value, indicator.unit))
    if indicator.modifier or indicator.modifier_meaning is not ModifierMeaning.EXACT:
        detail = modifier_text(indicator.modifier, indicator.modifier_meaning, lang)
        cell += f'<br/><span class="mod">{_t(detail)}</span>'
    return cell


def _source_cell(indicator: AnyIndicator, report: Report, marks: _Marks, lang: Language) -> str:
    if isinstance(indicator, DerivedIndicator):
        return _t(derived_description(indicator, report, lang))
    location = location_text(indicator.sentence.paragraph_id, report, lang)
    return (
        marks.render(indicator.sentence, bold=indicator.span) + f' <span class="loc">[{_t(location)}]</span>'
    )


def _figures_table(
    indicators: Sequence[AnyIndicator],
    report: Report,
    marks: _Marks,
    lang: Language,
    goal_id: str | None = None,
) -> str:
    """The table of figures; under a goal area, those it links by the editors only are marked."""
    labels = _labels(lang)
    head = "".join(
        f"<th{width}>{_t(labels[key])}</th>"
        for key, width in (
            ("name", ' width="22%"'),
            ("value", ' width="14%"'),
            ("year", ' width="8%"'),
            ("kind", ' width="10%"'),
            ("sentence", ""),
        )
    )
    rows = []
    for indicator in indicators:
        td = '<td class="unreviewed">' if is_unreviewed(indicator) else "<td>"
        rows.append(
            f'<tr id="{_t(indicator.id)}">'
            f"{td}{_unreviewed_mark(indicator, lang)}{_t(figure_name(indicator, lang))}"
            f"{_editorial_mark(indicator, goal_id, lang)}</td>"
            f"{td}{_value_cell(indicator, lang)}</td>"
            f"{td}{_t(str(indicator.year))}</td>"
            f"{td}{_kind_cell(indicator, lang)}</td>"
            f"{td}{_source_cell(indicator, report, marks, lang)}</td>"
            "</tr>"
        )
    table = (
        '<table class="figures" width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    if goal_id is not None and any(editorial_link(i, goal_id) for i in indicators):
        table += _editorial_note(lang)
    return table


def _charts(
    chart_images: Sequence[tuple[str, str]], sizes: Mapping[str, tuple[int, int]], lang: Language
) -> list[str]:
    if not chart_images:
        return []
    labels = _labels(lang)
    parts = [_heading(2, _t(labels["charts"]))]
    for number, (name, caption) in enumerate(chart_images, start=1):
        label = labels["figure_n"].format(n=number)
        size = f' width="{sizes[name][0]}" height="{sizes[name][1]}"' if name in sizes else ""
        parts.append(
            f'<p class="chart" align="center"><img src="{_t(name)}"{size} alt="{_t(caption)}" /></p>'
        )
        parts.append(f'<p class="caption" align="center">{_t(label)}\u3000{_t(caption)}</p>')
    return parts


def _quotes(quotes: Iterable[Quote], marks: _Marks, lang: Language, goal_id: str | None = None) -> list[str]:
    shown = list(quotes)
    items = [
        f'<p class="quote">\u201c{marks.render(q.span)}\u201d \u2014\u2014 {_t(q.speaker)}'
        f"{_editorial_mark(q, goal_id, lang)}</p>"
        for q in shown
    ]
    if not items:
        return []
    if goal_id is not None and any(editorial_link(q, goal_id) for q in shown):
        items.append(_editorial_note(lang))
    return [_heading(2, _t(_labels(lang)["quotes"])), *items]


def _notes(
    report: Report,
    derived: Sequence[DerivedIndicator],
    marks: _Marks,
    lang: Language,
    *,
    every_misreading: bool,
) -> list[str]:
    labels = _labels(lang)
    parts: list[str] = []
    if derived:
        parts.append(_heading(3, _t(labels["derived_notes"])))
        for item in derived:
            parts.append(
                f'<p class="note">{_unreviewed_mark(item, lang)}<b>{_t(figure_name(item, lang))}</b> '
                f"{_t(figure_value_text(item, lang))}{colon(lang)}"
                f"{_t(derived_description(item, report, lang))}<br/>"
                f"{_t(editorial_text(item.explanation, item.explanation_en, lang))}</p>"
            )
    listed = [(n, r) for n, r in misreadings(report) if every_misreading or n in marks.used]
    if listed:
        parts.append(_heading(3, _t(labels["misreading_notes"])))
        for number, repair in listed:
            text = labels["misreading"].format(
                raw=_t(repair.raw_text),
                reading=_t(repair.reading or repair.result),
                certainty=_t(certainty_label(repair.certainty, lang)),
                applied=_t(labels["applied"] if repair.applied else labels["not_applied"]),
            )
            where = ""
            if repair.span is not None:
                location = location_text(repair.span.paragraph_id, report, lang)
                where = f' <span class="loc">[{_t(location)}]</span>'
            parts.append(
                f'<p class="note"><sup class="mark">{MISREADING_MARK}{number}</sup> {text}{where}'
                f"<br/>{_t(editorial_text(repair.note, repair.note_en, lang))}</p>"
            )
    if not parts:
        return []
    return [_heading(2, _t(labels["notes"])), *parts]


def _title_block(report: Report, goal: GoalArea | None, lang: Language) -> list[str]:
    labels = _labels(lang)
    meta = report.metadata
    english = lang is Language.EN
    title = meta.title_en if english and meta.title_en else meta.title
    parts = []
    if goal is None:
        parts.append(_heading(1, _t(title)))
    else:
        parts.append(_heading(1, _t(goal_label(goal, report, lang))))
        parts.append(
            f'<p class="subtitle">{labels["part_of"].format(title=_t(title), order=_t(str(goal.order)))}</p>'
        )
    meeting = _fmt(labels["meeting"], meeting=_t(meta.meeting.name), date=_t(meta.meeting.date))
    presenter = _fmt(labels["presenter"], office=_t(meta.presenter.office), name=_t(meta.presenter.name))
    parts.append(f'<p class="meta">{meeting}</p>')
    parts.append(f'<p class="meta">{presenter}</p>')
    return parts


def _source_block(report: Report, generated: datetime.date, lang: Language) -> list[str]:
    labels = _labels(lang)
    meta = report.metadata
    dataset = labels["dataset"].format(id=report.id)
    article = meta.article
    page = f"\uff0c{_t(labels['paper_page'].format(page=article.page))}" if article and article.page else ""
    return [
        _heading(2, _t(labels["source"])),
        # One paragraph, so that a page break never leaves the last line or two of it alone.
        f"<p>{_t(source_citation(report, lang))}{page}<br />"
        f'<span class="small">{_t(dataset)}<br />'
        f"{_fmt(labels['generated'], date=_t(generated.isoformat()), app=_t(APP_NAME))}</span></p>",
    ]


def _related(entities: Sequence[Entity], lang: Language, goal_id: str | None = None) -> list[str]:
    if not entities:
        return []
    parts = [_heading(2, _t(_labels(lang)["related"]))]
    for kind in EntityKind:
        members = [e for e in entities if e.kind is kind]
        if not members:
            continue
        parts.append(_heading(3, _t(entities_heading(kind, lang))))
        items = []
        for entity in members:
            roles = enumeration(entity.roles, lang)  # 争创、国家级 / (争创, 国家级) in English
            suffix = f' <span class="mod">{_t(bracketed(roles, lang))}</span>' if roles else ""
            items.append(f"<li>{_t(entity.name)}{suffix}{_editorial_mark(entity, goal_id, lang)}</li>")
        parts.append(f"<ul>{''.join(items)}</ul>")
    if goal_id is not None and any(editorial_link(e, goal_id) for e in entities):
        parts.append(_editorial_note(lang))
    return parts


def _claims(report: Report, lang: Language) -> list[str]:
    """The report's non-numeric rank and "first" claims (数量全市最多 …), each with its context and place."""
    claims = report.entities_of_kind(EntityKind.CLAIM)
    if not claims:
        return []
    items = []
    for claim in claims:
        context = editorial_text(claim.note, claim.note_en, lang)
        about = f' <span class="mod">{_t(bracketed(context, lang))}</span>' if context else ""
        location = location_text(claim.span.paragraph_id, report, lang)
        items.append(f'<li>{_t(claim.name)}{about} <span class="loc">[{_t(location)}]</span></li>')
    return [_heading(2, _t(entities_heading(EntityKind.CLAIM, lang))), f"<ul>{''.join(items)}</ul>"]


def _document(title: str, body: Sequence[str], report: Report, lang: Language) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.bcp47}">\n<head>\n<meta charset="utf-8" />\n'
        f'<meta name="generator" content="{_t(APP_NAME)}" />\n'
        f'<meta name="author" content="{_t(document_author(report, lang))}" />\n'
        f'<meta name="description" content="{_t(document_subject(report, lang))}" />\n'
        f"<title>{_t(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# --- the summary ---------------------------------------------------------------------------------------


def build_summary_html(
    report: Report,
    scope: SummaryScope,
    *,
    chart_images: Sequence[tuple[str, str]] = (),
    chart_sizes: Mapping[str, tuple[int, int]] | None = None,
    generated: datetime.date,
) -> str:
    """The summary of the whole report, of its figures or of one goal area, as a complete HTML document.

    Whole report: the title block (title, meeting and date, presenter), the goal areas with their
    sentences, the headline figures and then the other stated figures (name, value and unit, year,
    kind, source sentence), the charts, the livelihood projects, the rank and "first" claims with
    their context, the quotes with their speakers, notes (derived figures with formula and range;
    every misreading of the source), the citation and the date generated. One goal area: the title
    block, its sentence, all its figures, its charts, its quotes, related projects and bodies, notes
    on its derived figures and on the misreadings in the text it quotes, the citation and the date.
    Figures only: the title block, the stated figures, the derived figures, their notes, the
    citation and the date.

    Args:
        report: The report as loaded; its figures are shown as ``scope`` says (only confirmed ones
            unless it includes unreviewed ones, which are then marked ``未审核``).
        scope: What the summary covers, resolved once (:func:`desktop_app.core.scope.resolve_scope`);
            its language is the document's.
        chart_images: ``(resource name, caption)`` for each chart, in order; the name is used as an
            ``<img src>`` that the caller supplies (``QTextDocument.addResource``). None: no charts.
        chart_sizes: Each chart's size in CSS pixels by resource name, written on its ``<img>`` so
            that a layout need not load the image to know it.
        generated: The date printed as the date generated.

    Returns:
        A UTF-8 HTML document (``<!DOCTYPE html>`` …).
    """
    goal = scope.goal
    lang = scope.language
    labels = _labels(lang)
    report = shown_report(report, scope.include_unreviewed)  # the figures the scope covers, no others
    marks = _Marks(report)
    body = _title_block(report, goal, lang)
    body.extend(_review_lines(scope, lang))

    if scope.kind is ScopeKind.FIGURES:
        body.append(_heading(2, _t(labels["stated_figures"].format(n=len(report.indicators)))))
        body.append(_figures_table(report.indicators, report, marks, lang))
        if report.derived:
            body.append(_heading(2, _t(labels["derived_figures"].format(n=len(report.derived)))))
            body.append(_figures_table(report.derived, report, marks, lang))
        body.extend(_notes(report, report.derived, marks, lang, every_misreading=False))
    elif goal is None:
        body.append(_heading(2, _t(goals_heading(report, lang))))
        for area in report.goal_areas:
            label = goal_label(area, report, lang)
            count = labels["count_figures"].format(n=len(report.indicators_for_goal(area.id)))
            if not report.indicators_for_goal(area.id):  # why there are none, where the dataset says
                count = editorial_text(area.no_figures_note, area.no_figures_note_en, lang) or count
            body.append(_heading(3, f"{area.order}. {_t(label)}"))
            body.append(f'<p>{_t(area.sentence)} <span class="loc">{_t(count)}</span></p>')
        headline = [i for i in report.indicators if i.headline]
        other = [i for i in report.indicators if not i.headline]
        body.append(_heading(2, _t(labels["headline"])))
        body.append(_figures_table(headline, report, marks, lang))
        if other:
            body.append(_heading(2, _t(labels["other_figures"])))
            body.append(_figures_table(other, report, marks, lang))
        body.extend(_charts(chart_images, chart_sizes or {}, lang))
        projects = report.entities_of_kind(EntityKind.LIVELIHOOD_PROJECT)
        if projects:
            body.append(_heading(2, _t(labels["livelihood"] + bracketed(str(len(projects)), lang))))
            body.append("<ol>" + "".join(f"<li>{_t(p.name)}</li>" for p in projects) + "</ol>")
        body.extend(_claims(report, lang))
        body.extend(_quotes(report.quotes, marks, lang))
        body.extend(_notes(report, report.derived, marks, lang, every_misreading=True))
    else:
        body.append(_heading(2, _t(labels["goal"])))
        body.append(f"<p>{_t(goal.sentence)}</p>")
        if lang is Language.EN and goal.title_en:
            body.append(f'<p class="small">{_t(goal.title_en)}</p>')
        indicators = report.indicators_for_goal(goal.id)
        body.append(_heading(2, _t(labels["figures"])))
        if indicators:
            body.append(_figures_table(indicators, report, marks, lang, goal.id))
        else:
            none = editorial_text(goal.no_figures_note, goal.no_figures_note_en, lang) or labels["no_figures"]
            body.append(f"<p>{_t(none)}</p>")
        body.extend(_charts(chart_images, chart_sizes or {}, lang))
        body.extend(_quotes((q for q in report.quotes if goal.id in q.goal_ids), marks, lang, goal.id))
        body.extend(_related([e for e in report.entities if goal.id in e.goal_ids], lang, goal.id))
        derived = [i for i in indicators if isinstance(i, DerivedIndicator)]
        body.extend(_notes(report, derived, marks, lang, every_misreading=False))

    body.extend(_source_block(report, generated, lang))
    return _document(scope.title, body, report, lang)
