"""Issue 10: a report with ten task areas and no 坚定不移 slogan shows its own words everywhere.

The goal-label pattern, what the goal areas are called together and which section is the overview
come from the dataset (metadata.presentation), never from code that knows the Linzi report. Here
the bundled dataset is given two more task areas and a wording of its own; the tree, the detail
pane, the search groups, the summary (both languages), the CSV and the PDF's bookmarks must say it.
"""

from __future__ import annotations

import copy
import csv
import io
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core.csv_export import csv_text
from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.model import Report
from desktop_app.core.scope import resolve_scope
from desktop_app.core.summary import build_summary_html
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.roles import NODE_PATH_ROLE
from desktop_app.qt.printing import export_pdf
from desktop_app.qt.settings import Settings
from tests.conftest import DatasetWriter
from tests.core.test_summary import DATE, headings

SLOGAN = ("坚定不移", "走在前", "八个", "eight")
HEADING, HEADING_EN = "十项重点任务", "Ten main tasks"
NEW_TASKS = (
    ("g9-safety", "守牢安全底线", "Keep the bottom line of safety"),
    ("g10-party", "加强自身建设", "Build the government"),
)


def _ten_task_areas(bundled_json: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(bundled_json)
    doc["metadata"]["presentation"] = {
        "goal_label": "{title}（{lead}）",
        "goal_short_label": "{title}",
        "goals_heading": HEADING,
        "goals_heading_en": HEADING_EN,
        "overview_section": "sec-overview",
    }
    paragraph = doc["paragraphs"][20]
    sections = {s["id"]: s for s in doc["sections"]}
    for number, (goal_id, title, title_en) in enumerate(NEW_TASKS, 9):
        start = (number - 9) * 10
        text = paragraph["text"][start : start + 10]
        span = {"paragraph": paragraph["id"], "start": start, "end": start + 10, "text": text}
        doc["goal_areas"].append(
            {
                "id": goal_id,
                "order": number,
                "title": title,
                "lead": f"第{number}项",
                "title_en": title_en,
                "sentence": text,
                "sentence_basis": "quote",
                "span": span,
            }
        )
        # A figure of the report is filed under the new task area too, and so is its section.
        figure = doc["indicators"][number]
        figure["goal_links"].append({"goal": goal_id, "basis": "editorial"})
        for section_id in figure["sections"]:
            sections[section_id]["goal_links"].append({"goal": goal_id, "basis": "editorial"})
    return doc


def _no_slogan(texts: list[str]) -> list[str]:
    return [text for text in texts if any(word in text for word in SLOGAN)]


def test_ten_task_areas_and_no_slogan_show_their_own_words_everywhere(
    app: object,
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    write_dataset: DatasetWriter,
    bundled_json: dict[str, Any],
) -> None:
    report: Report = load_report(write_dataset(_ten_task_areas(bundled_json)))
    assert len(report.goal_areas) == 10
    labels = [f"{g.order}. {g.title}（{g.lead}）" for g in report.goal_areas]

    window = MainWindow(report, Settings(settings), Language.ZH)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    proxy = window.tree_proxy()
    goals = [proxy.index(row, 0) for row in range(proxy.rowCount())]
    goal_rows = [
        (i.data(NODE_PATH_ROLE), i.data()) for i in goals if i.data(NODE_PATH_ROLE).startswith("goal/")
    ]
    assert [path for path, _ in goal_rows] == [f"goal/{g.id}" for g in report.goal_areas]
    assert all(row.startswith(label) for label, (_, row) in zip(labels, goal_rows, strict=True)), goal_rows
    assert _no_slogan([label for _, label in goal_rows]) == []

    # The detail pane of the tenth task area heads it with the dataset's own label.
    assert window.select_path("goal/g10-party")
    shown = [label.text() for label in window.detail_pane().findChildren(QLabel) if label.isVisible()]
    assert any(text.startswith(labels[9]) for text in shown), shown
    assert _no_slogan([text for text in shown if text != report.goal_areas[9].sentence]) == []

    # Search: a hit in the tenth task area is listed under its own short label.
    panel = window.search_panel()
    panel.field().setText("加强自身建设")
    panel.run_search()
    assert panel.hits()
    results = panel.results_model()
    assert results.group_counts() == {"g10-party": 1}
    assert results.index(0, 0).data().startswith("10. 加强自身建设"), results.index(0, 0).data()

    # The summary in both languages: the dataset's heading over ten numbered task areas.
    for lang, heading in ((Language.ZH, HEADING), (Language.EN, HEADING_EN)):
        document = build_summary_html(report, resolve_scope(report, "all", lang), generated=DATE)
        sections = headings(document)
        assert heading in [title for level, title in sections if level == 2]
        numbered = [title for level, title in sections if level == 3 and title[0].isdigit()]
        assert len(numbered) == 10 and numbered[9].startswith("10. "), numbered
        assert _no_slogan([title for _, title in sections]) == []
    english = [
        title
        for level, title in headings(
            build_summary_html(report, resolve_scope(report, "all", "en"), generated=DATE)
        )
    ]
    assert "10. Build the government" in english

    # The CSV names the new task area for the figure filed under it.
    rows = list(csv.DictReader(io.StringIO(csv_text(report, resolve_scope(report, "all")))))
    assert any("g10-party" in row["goal_areas"].split(";") for row in rows)

    # The PDF's bookmarks: the dataset's heading and ten task areas, no slogan.
    pdf = tmp_path / "ten.pdf"
    export_pdf(report, resolve_scope(report, "all"), pdf)
    reader = pypdf.PdfReader(pdf)

    def titles(outline: list[Any]) -> list[str]:
        out: list[str] = []
        for entry in outline:
            out.extend(titles(entry) if isinstance(entry, list) else [entry.title])
        return out

    bookmarks = titles(reader.outline)
    assert HEADING in bookmarks and sum(1 for t in bookmarks if t[:2].rstrip(".").isdigit()) >= 10
    assert _no_slogan(bookmarks) == []
