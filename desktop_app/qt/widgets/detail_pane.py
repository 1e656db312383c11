"""The detail pane: what the reader selected in the goal tree, in full.

Two pages share the pane: a *list page* (report overview, a goal area or a
section: header text, the one ``indicatorTable``, quotes and named things) and
an *item page* (one figure, quote or named thing: the value large with its
kind badge, the verbatim sentence, the formula of a derived figure, "Show in
source" and "Copy with citation"). All dataset text goes into QLabels with
``Qt.PlainText``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.model import (
    AnyIndicator,
    DerivedIndicator,
    Entity,
    GoalArea,
    GoalLink,
    Indicator,
    Quote,
    RepairKind,
    Report,
    Section,
    Span,
)
from desktop_app.core.presentation import (
    basis_label,
    bracketed,
    certainty_label,
    citation,
    cited,
    derived_description,
    editorial_link,
    editorial_text,
    enumeration,
    figure_name,
    figure_value_text,
    fill,
    goals_heading,
    kind_label,
    location_text,
    modifier_text,
    numbered_goal_label,
    repair_kind_label,
    report_title,
    scope_label,
    section_title,
    source_citation,
    value_text,
    visible_text,
)
from desktop_app.core.unreviewed import is_unreviewed, unreviewed_label, unreviewed_tag
from desktop_app.core.words import word
from desktop_app.qt.models.indicator_table import IndicatorTableModel
from desktop_app.qt.models.roles import DOMAIN_ROLE, SORT_ROLE
from desktop_app.qt.widgets.table_fit import ColumnFitter
from desktop_app.qt.widgets.text_label import TextLabel

TEXT_LIMIT = 4000


def _label(text: str = "", object_name: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = TextLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # dataset text is never markup
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    label.setText(visible_text(text, TEXT_LIMIT))
    return label


def _add(layout: QVBoxLayout, widget: QWidget) -> None:
    layout.addWidget(widget)
    # Shown now, not when the layout's queued show runs: what the pane holds is what it shows.
    widget.show()


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            # Hide at once: deleteLater only runs when control returns to the event loop.
            widget.hide()
            widget.deleteLater()


class DetailPane(QScrollArea):
    """Shows the selected node.

    Signals:
        show_in_source_requested(object): a Span to highlight in the source view.
        indicator_activated(str): a figure chosen in the table (its id), to select in the tree.
        status_message(str): a short message for the status bar.
    """

    show_in_source_requested = Signal(object)
    indicator_activated = Signal(str)
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName(self.tr("Details"))
        # (report, language) while the overview is on screen, so that showing it again costs nothing.
        self._overview_for: tuple[Report, Language] | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._report: Report | None = None
        self._current: object = None
        self._lang = Language.ZH

        # Two pages, one shown: a hidden page takes no room, so the pane scrolls for the shown one only
        # (a QStackedWidget sizes itself to its tallest page, giving a short figure a scroll bar).
        self._pages = QWidget()
        pages_layout = QVBoxLayout(self._pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self._pages)

        # List page: heading, header lines, the indicator table, then quotes and named things.
        self._list_page = QWidget()
        self._list_heading = _label(object_name="detailHeading")
        self._list_header = QVBoxLayout()
        self._table_model = IndicatorTableModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._table_model)
        self._proxy.setSortRole(SORT_ROLE)
        self._table = QTableView()
        self._table.setObjectName("indicatorTable")
        self._table.setAccessibleName(self.tr("Figures"))
        self._table.setModel(self._proxy)
        self._table.setSortingEnabled(True)
        self._table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setWordWrap(False)
        self._table.verticalHeader().setVisible(False)
        # The name takes the width the others leave and elides: no sideways scrolling (issue 11, point 5).
        model = IndicatorTableModel
        self._columns = ColumnFitter(self._table, model.NAME, keep=(model.VALUE, model.YEAR))
        # Tab leaves the table (arrows move inside it); a click opens a figure, as in the tree.
        self._table.setTabKeyNavigation(False)
        self._table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._table.activated.connect(self._on_table_activated)
        self._table.clicked.connect(self._on_table_activated)
        self._table_caption = _label(object_name="sectionCaption")
        # Said in words where a goal area has no figures (issue 12, point 9), as the PDF says it.
        self._no_figures = _label(object_name="noFigures")
        self._list_footer = QVBoxLayout()
        list_layout = QVBoxLayout(self._list_page)
        list_layout.addWidget(self._list_heading)
        list_layout.addLayout(self._list_header)
        list_layout.addWidget(self._table_caption)
        list_layout.addWidget(self._table)
        list_layout.addWidget(self._no_figures)
        list_layout.addLayout(self._list_footer)
        list_layout.addStretch(1)

        # Item page: one figure, quote or named thing.
        self._item_page = QWidget()
        self._item_heading = _label(object_name="detailHeading")
        self._value_label = _label(object_name="valueLabel")
        self._badge = _label(object_name="kindBadge", wrap=False, selectable=False)
        self._item_body = QVBoxLayout()
        self._source_button = QPushButton(self.tr("Show in source"))
        self._source_button.setObjectName("showInSourceButton")
        self._copy_button = QPushButton(self.tr("Copy with citation"))
        self._copy_button.setObjectName("copyCitationButton")
        self._source_button.clicked.connect(self._on_source_button_clicked)
        self._copy_button.clicked.connect(self._on_copy_button_clicked)
        value_row = QHBoxLayout()
        value_row.addWidget(self._value_label)
        value_row.addWidget(self._badge, 0, Qt.AlignmentFlag.AlignVCenter)
        value_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._source_button)
        buttons.addWidget(self._copy_button)
        buttons.addStretch(1)
        item_layout = QVBoxLayout(self._item_page)
        item_layout.addWidget(self._item_heading)
        item_layout.addLayout(value_row)
        item_layout.addLayout(self._item_body)
        item_layout.addLayout(buttons)
        item_layout.addStretch(1)

        pages_layout.addWidget(self._list_page)
        pages_layout.addWidget(self._item_page)
        self._item_page.hide()
        self._page = self._list_page
        self._span: Span | None = None

    # --- public API -------------------------------------------------------------------------

    def table(self) -> QTableView:
        return self._table

    def table_model(self) -> IndicatorTableModel:
        return self._table_model

    def current_span(self) -> Span | None:
        """The span "Show in source" would highlight, if the shown item has one."""
        return self._span

    def set_report(self, report: Report) -> None:
        self._report = report
        self._table_model.set_report(report)
        self.show_overview()

    def set_language(self, lang: Language | str) -> None:
        """Show domain words and editorial texts in ``lang`` (the UI's language)."""
        self._lang = Language.from_tag(lang)
        self._table_model.set_language(self._lang)

    def shown_text(self) -> str:
        """The text a reader sees: labels on the current page that are shown, in layout order.

        Labels of an earlier item are hidden at once and deleted later, so only labels visible
        within the page count (``isVisibleTo``), never a hidden or outgoing one.
        """
        page = self._page
        labels = [label for label in page.findChildren(QLabel) if label.text() and label.isVisibleTo(page)]
        labels.sort(key=lambda label: label.mapTo(page, label.rect().topLeft()).y())
        return "\n".join(label.text() for label in labels)

    def badge(self) -> QLabel:
        """The kind badge beside the value of the shown item."""
        return self._badge

    def show_overview(self) -> None:
        report = self._require_report()
        shown = self._overview_for
        if shown is not None and shown[0] is report and shown[1] == self._lang:
            return  # already on screen (set_report shows it, then the tree selects it)
        self._overview_for = (report, self._lang)
        lang = self._lang
        meta = report.metadata
        english = lang is Language.EN and bool(meta.title_en)
        self._list_heading.setText(visible_text(report_title(report, lang), TEXT_LIMIT))
        # An import of a text that names no meeting or presenter leaves them empty (its notes say so):
        # no line then, rather than "Meeting: , 2018-01-01" with the placeholder date or "()" alone.
        name, office = meta.presenter.name, meta.presenter.office
        presenter = fill(self.tr("Presented by %1"), name or office) if name or office else ""
        if name and office:
            presenter = fill(self.tr("Presented by %1 (%2)"), name, office)
        lines = [
            meta.title if english else "",  # the report's own title under the English one
            fill(self.tr("Meeting: %1, %2"), meta.meeting.name, meta.meeting.date)
            if meta.meeting.name
            else "",
            presenter,
            fill(self.tr("Source: %1"), source_citation(report, lang)),
        ]
        self._fill_header(lines)
        goals = (
            goals_heading(report, lang)
            + "\n"
            + "\n".join(f"{g.order}. {g.sentence}" for g in report.goal_areas)
        )
        _add(self._list_header, _label(goals, "goalList"))
        headline = [i for i in report.indicators if i.headline]
        self._fill_table(self.tr("Headline figures"), headline)
        footer: list[QWidget] = []
        if meta.ambiguities:
            notes = [f"• {editorial_text(a.text, a.text_en, lang)}" for a in meta.ambiguities]
            footer.append(_label(self.tr("Notes on the source") + "\n" + "\n".join(notes), "ambiguities"))
        self._fill_footer(footer)
        self._show_list(report)

    def show_goal(self, goal: GoalArea) -> None:
        self._overview_for = None
        report = self._require_report()
        lang = self._lang
        self._list_heading.setText(visible_text(numbered_goal_label(goal, report, lang)))
        lines = [goal.sentence]
        if lang is Language.EN:
            # The English heading is the dataset's English title; the report's own words follow it.
            lines.insert(0, numbered_goal_label(goal, report, Language.ZH))
        self._fill_header(lines)
        # Why there are none, where the dataset says (Linzi's goal area 7: the article states none).
        none = editorial_text(goal.no_figures_note, goal.no_figures_note_en, lang) or word(
            "doc.no_figures", lang
        )
        self._fill_table(self.tr("Figures"), report.indicators_for_goal(goal.id), none)
        items = report.for_goal(goal.id)
        self._fill_footer(self._linked_widgets(items, goal.id))
        self._show_list(goal)

    def show_section(self, section: Section) -> None:
        self._overview_for = None
        report = self._require_report()
        lang = self._lang
        english = lang is Language.EN and bool(section.title_en)
        self._list_heading.setText(visible_text(section_title(section, lang)))
        goals = [
            report.goal_by_id[link.goal_id]
            for link in section.goal_links
            if link.goal_id in report.goal_by_id
        ]
        lines = [section.title] if english else []
        if goals:
            labels = [numbered_goal_label(g, report, lang, short=True) for g in goals]
            lines.append(fill(self.tr("Serves: %1"), enumeration(labels, lang)))
        self._fill_header(lines)
        items = report.for_section(section.id)
        self._fill_table(
            self.tr("Figures"), [i for i in items if isinstance(i, Indicator | DerivedIndicator)]
        )
        self._fill_footer(self._linked_widgets(items, None))
        self._show_list(section)

    def show_source_info(self) -> None:
        self._overview_for = None
        report = self._require_report()
        lang = self._lang
        meta = report.metadata
        self._list_heading.setText(visible_text(meta.article.headline if meta.article else meta.title))
        counts: dict[RepairKind, int] = {}
        for repair in report.repairs:
            counts[repair.kind] = counts.get(repair.kind, 0) + 1
        repairs = [f"{repair_kind_label(kind, lang)} {n}" for kind, n in counts.items()]
        lines = [
            source_citation(report, lang),
            fill(self.tr("Raw file: %1 (SHA-256 %2)"), report.source.file, report.source.sha256),
            fill(self.tr("Repairs: %1"), enumeration(repairs, lang)),
        ]
        for repair in report.repairs:
            if repair.kind is not RepairKind.MISREADING:
                continue
            about = [fill(self.tr("certainty: %1"), certainty_label(repair.certainty, lang))]
            if not repair.applied:
                about.append(self.tr("not applied"))
            note = editorial_text(repair.note, repair.note_en, lang)
            lines.append(
                f"† {repair.raw_text} → {repair.reading or repair.result}"
                f"{bracketed(enumeration(about, lang), lang)}" + (f"\n   {note}" if note else "")
            )
        self._fill_header(lines)
        self._fill_table("", [])
        self._fill_footer([])
        self._show_list(report.source)

    def show_indicator(self, indicator: AnyIndicator) -> None:
        self._overview_for = None
        report = self._require_report()
        lang = self._lang
        self._item_heading.setText(
            unreviewed_tag(indicator, lang) + visible_text(figure_name(indicator, lang), TEXT_LIMIT)
        )
        self._value_label.setText(visible_text(figure_value_text(indicator, lang), 200))
        self._set_badge(kind_label(indicator.kind, lang), str(indicator.kind))
        body: list[QWidget] = []
        if is_unreviewed(indicator):
            body.append(self._unreviewed_warning(indicator))
        if figure_name(indicator, lang) != indicator.name:
            body.append(_label(indicator.name, "originalName"))  # the report's own words
        if isinstance(indicator, Indicator):
            facts = [
                fill(self.tr("Year: %1"), indicator.year),
                fill(self.tr("Kind: %1"), kind_label(indicator.kind, lang)),
                fill(self.tr("As written: %1"), indicator.span.text),
                fill(
                    self.tr("Modifier: %1"),
                    modifier_text(indicator.modifier, indicator.modifier_meaning, lang),
                ),
                fill(self.tr("Scope: %1"), scope_label(indicator.scope, lang)),
            ]
            if indicator.denominator:
                facts.append(fill(self.tr("Share of: %1"), indicator.denominator))
            if indicator.threshold is not None:  # villages below 20 万元: the 20 万元 as a field
                threshold = value_text(indicator.threshold.value, indicator.threshold.unit)
                facts.append(fill(self.tr("Threshold: %1"), threshold))
            if indicator.lower_is_better:
                facts.append(self.tr("Lower is better"))
            body.append(_label("\n".join(facts), "facts"))
            body.append(_label(self.tr("Source sentence"), "sectionCaption"))
            body.append(_label(f"“{indicator.sentence.text}”", "sentence"))
            body.append(_label(self._where(indicator.sentence), "location"))
            body.append(_label(self._links_text(indicator.goal_links), "goalLinks"))
            self._span = indicator.sentence
        else:
            body.append(_label(self.tr("Derived: the article does not state this figure."), "derivedWarning"))
            explanation = editorial_text(indicator.explanation, indicator.explanation_en, lang)
            body.append(_label(explanation, "explanation"))
            body.append(
                _label(fill(self.tr("Formula: %1"), derived_description(indicator, report, lang)), "formula")
            )
            # A derived figure's own frame: Zibo city's output is the city's, whatever its inputs are.
            facts = [
                fill(self.tr("Year: %1"), indicator.year),
                fill(self.tr("Scope: %1"), scope_label(indicator.scope, lang)),
            ]
            body.append(_label("\n".join(facts), "facts"))
            body.append(_label(self._links_text(indicator.goal_links), "goalLinks"))
            first_input = report.indicator_by_id.get(indicator.inputs[0].indicator_id)
            self._span = first_input.sentence if isinstance(first_input, Indicator) else None
        self._fill_item(body, indicator)

    def _unreviewed_warning(self, indicator: AnyIndicator) -> QLabel:
        """A framed note: the figure is unreviewed, what that means, and how sure the importer was."""
        lang = self._lang
        lines = [f"{unreviewed_label(lang)}\u3000{word('figure.unreviewed_note', lang)}"]
        confidence = getattr(indicator, "confidence", None)
        if confidence is not None:
            lines.append(fill(self.tr("Importer's confidence: %1%"), round(confidence * 100)))
        return _label("\n".join(lines), "unreviewedWarning")

    def show_quote(self, quote: Quote) -> None:
        self._overview_for = None
        self._item_heading.setText(visible_text(quote.speaker))
        self._value_label.setText("")
        self._set_badge(self.tr("Quote"), "quote")
        self._span = quote.span
        self._fill_item(
            [
                _label(f"“{quote.text}”", "sentence"),
                _label(self._where(quote.span), "location"),
                _label(self._links_text(quote.goal_links), "goalLinks"),
            ],
            quote,
        )

    def show_entity(self, entity: Entity) -> None:
        self._overview_for = None
        lang = self._lang
        self._item_heading.setText(visible_text(entity.name, TEXT_LIMIT))
        self._value_label.setText("")
        self._set_badge("、".join(entity.roles), "entity")
        self._span = entity.span
        report = self._require_report()
        paragraph = report.paragraph_by_id.get(entity.span.paragraph_id)
        note = editorial_text(entity.note, entity.note_en, lang)
        body = [_label(note, "note")] if note else []
        if paragraph is not None:
            body.append(_label(self.tr("Source sentence"), "sectionCaption"))
            body.append(
                _label(
                    f"“{_sentence_around(paragraph.text, entity.span.start, entity.span.end)}”", "sentence"
                )
            )
            body.append(_label(self._where(entity.span), "location"))
        body.append(_label(self._links_text(entity.goal_links), "goalLinks"))
        self._fill_item(body, entity)

    # --- slots ------------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        item = self._proxy.data(index, DOMAIN_ROLE)
        if item is not None:
            self.indicator_activated.emit(item.id)

    @Slot()
    def _on_source_button_clicked(self) -> None:
        if self._span is not None:
            self.show_in_source_requested.emit(self._span)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        report = self._report
        item = self._current
        if report is None:
            return
        if isinstance(item, Indicator | DerivedIndicator):
            text = citation(item, report, self._lang)
        elif isinstance(item, Quote):
            said = "——" if self._lang is Language.ZH else " — "
            text = cited(f"“{item.text}”{said}{item.speaker}", report, item.span.paragraph_id, self._lang)
        elif isinstance(item, Entity):
            text = cited(item.name, report, item.span.paragraph_id, self._lang)
        else:
            return
        QGuiApplication.clipboard().setText(text)
        self.status_message.emit(self.tr("Copied with citation"))

    # --- helpers ----------------------------------------------------------------------------

    def _require_report(self) -> Report:
        if self._report is None:
            raise RuntimeError("DetailPane has no report")
        return self._report

    def _set_badge(self, text: str, kind: str) -> None:
        self._badge.setText(visible_text(text, 200))
        self._badge.setProperty("kind", kind)
        # The style sheet selects on the property; Qt re-reads it only when the widget is re-polished.
        self._badge.style().unpolish(self._badge)
        self._badge.style().polish(self._badge)

    def _fill_header(self, lines: Sequence[str]) -> None:
        _clear(self._list_header)
        for line in lines:
            if line:
                _add(self._list_header, _label(line))

    def _fill_table(self, caption: str, indicators: Sequence[AnyIndicator], empty: str = "") -> None:
        """The figures under ``caption``; with none, ``empty`` says so (no text: nothing is shown)."""
        self._table_caption.setText(caption)
        # No heading over nothing: only over the figures, or over the words that there are none.
        self._table_caption.setVisible(bool(caption) and bool(indicators or empty))
        self._no_figures.setText(empty)
        self._no_figures.setVisible(bool(empty) and not indicators)
        self._table_model.set_indicators(indicators)
        self._table.setVisible(bool(indicators))
        self._columns.fit()
        rows = len(indicators)
        height = (
            self._table.horizontalHeader().height() + rows * self._table.verticalHeader().defaultSectionSize()
        )
        self._table.setMinimumHeight(min(height + 4, 520))

    def _fill_footer(self, widgets: Sequence[QWidget]) -> None:
        _clear(self._list_footer)
        for widget in widgets:
            _add(self._list_footer, widget)

    def _fill_item(self, widgets: Sequence[QWidget], item: object) -> None:
        _clear(self._item_body)
        for widget in widgets:
            _add(self._item_body, widget)
        self._source_button.setEnabled(self._span is not None)
        self._current = item
        self._show_page(self._item_page)
        self._scroll_to_top()

    def _show_list(self, item: object) -> None:
        self._current = item
        self._span = None
        self._show_page(self._list_page)
        self._scroll_to_top()

    def _show_page(self, page: QWidget) -> None:
        other = self._item_page if page is self._list_page else self._list_page
        other.hide()
        page.show()
        self._page = page

    def _scroll_to_top(self) -> None:
        # A new item starts at its top, not at the previous item's scroll offset.
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self._table.scrollToTop()

    def _linked_widgets(self, items: Sequence[object], goal_id: str | None) -> list[QWidget]:
        quotes = [i for i in items if isinstance(i, Quote)]
        entities = [i for i in items if isinstance(i, Entity)]
        widgets: list[QWidget] = []
        if quotes:
            widgets.append(_label(self.tr("Quotes"), "sectionCaption"))
            widgets += [_label(f"“{q.text}”——{q.speaker}", "quote") for q in quotes]
        if entities:
            widgets.append(_label(self.tr("Projects and named things"), "sectionCaption"))
            lines = []
            for entity in entities:
                editorial = goal_id is not None and editorial_link(entity, goal_id)
                roles = bracketed("、".join(entity.roles), self._lang)
                lines.append(f"• {entity.name}{roles}{' *' if editorial else ''}")
            widgets.append(_label("\n".join(lines), "entities"))
            if goal_id is not None and any(line.endswith(" *") for line in lines):
                widgets.append(
                    _label(self.tr("* linked to this goal area by the editors, not by the article"))
                )
        return widgets

    def _links_text(self, links: Sequence[GoalLink]) -> str:
        report = self._require_report()
        lang = self._lang
        parts = [
            numbered_goal_label(report.goal_by_id[link.goal_id], report, lang, short=True)
            + bracketed(basis_label(link.basis, lang), lang)
            for link in links
            if link.goal_id in report.goal_by_id
        ]
        return fill(self.tr("Goal areas: %1"), enumeration(parts, lang)) if parts else ""

    def _where(self, span: Span) -> str:
        """Where a passage stands, for people: ``第02版·第7段`` (never an id or offsets)."""
        return fill(
            self.tr("Where: %1"), location_text(span.paragraph_id, self._require_report(), self._lang)
        )


def _sentence_around(text: str, start: int, end: int) -> str:
    ends = "。\uff01\uff1f\uff1b"
    s = max((text.rfind(ch, 0, start) for ch in ends), default=-1) + 1
    found = [i for i in (text.find(ch, end) for ch in ends) if i != -1]
    return text[s : (min(found) + 1 if found else len(text))]
