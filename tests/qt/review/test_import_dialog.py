"""File › Import report…: from the clipboard or a file, into review mode; bad input said plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.model import Review
from desktop_app.core.resources import bundled_dataset_path
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.review.import_dialog import ImportDialog, ImportOutcome
from desktop_app.qt.settings import Settings
from tests.review_data import linzi_text, write_linzi_import

# A small national report in the corpus's style (lines broken at wiki links, a full-width digit).
TEXT = (
    "政府工作报告\n\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n\n国务院总理\n李克强\n\n各位代表：\n\n"
    "一、2018年工作回顾\n\n国内生产总值增长6.6%，总量突破90万亿元。城镇新增\n就业\n1361万人。\n\n"
    "二、2019年政府工作任务\n\n（一）继续创新和完善宏观调控，确保经济运行在合理区间。\n\n国内生产总值增长6%－6.5%。\n\n"
    "（二）激发市场主体活力，着力优化营商环境。\n\n力争新增就业１100万人以上。\n"
)


@pytest.fixture
def dialog(app: QApplication, qtbot: QtBot) -> ImportDialog:
    widget = ImportDialog(Language.EN)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _run(qtbot: QtBot, dialog: ImportDialog) -> ImportOutcome:
    with qtbot.waitSignal(dialog.imported, timeout=60000) as blocker:
        assert dialog.start_import()
    outcome = blocker.args[0]
    assert isinstance(outcome, ImportOutcome)
    qtbot.waitUntil(lambda: not dialog.is_running())
    return outcome


def test_import_from_the_clipboard(dialog: ImportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    QGuiApplication.clipboard().setText(TEXT)
    assert dialog.paste_from_clipboard()
    assert dialog.source_info() == f"{len(TEXT)} characters from the clipboard."
    dialog.set_output(tmp_path / "national 2019")  # .json is added
    outcome = _run(qtbot, dialog)
    assert outcome.path == tmp_path / "national 2019.json"
    report = load_report(outcome.path)
    assert report.metadata.year == 2019 and report.metadata.level.value == "national"
    assert len(report.indicators) == outcome.figures >= 4
    assert all(i.review is Review.PROPOSED for i in report.indicators)
    assert (tmp_path / "national_2019.source.txt").read_text(encoding="utf-8") == TEXT


def test_import_a_gbk_file_with_what_the_text_does_not_say(
    dialog: ImportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    text_file = tmp_path / "临淄.txt"
    text_file.write_bytes(linzi_text().encode("gbk"))
    assert dialog.set_text_file(text_file)
    assert "GBK/GB18030" in dialog.source_info() and "临淄.txt" in dialog.source_info()
    dialog.set_year(2024)
    dialog.set_level("district")
    dialog.set_title("临淄区2024年政府工作报告")
    dialog.set_region("临淄区")
    outcome = _run(qtbot, dialog)
    assert outcome.path == tmp_path / "临淄.json"  # beside the text by default
    report = load_report(outcome.path)
    assert report.metadata.title == "临淄区2024年政府工作报告"
    assert report.metadata.region.name == "临淄区"
    assert len(report.goal_areas) == 8


def test_the_meeting_date_and_presenter_a_copy_leaves_out_are_asked(
    dialog: ImportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 14: what the importer cannot find is asked in the dialog — here the meeting, its date and
    the presenter of a capture that starts at 各位代表 (before, only title, year, level and region)."""
    for name in ("importMeeting", "importMeetingDate", "importPresenter"):
        assert dialog.findChild(QLineEdit, name) is not None, name
    QGuiApplication.clipboard().setText("各位代表：\n\n一、2023年工作回顾\n\n全区生产总值增长6.6%。\n")
    assert dialog.paste_from_clipboard()
    dialog.set_year(2024)
    dialog.set_level("district")
    dialog.set_output(tmp_path / "bare.json")
    dialog.set_meeting("临淄区第十九届人民代表大会第三次会议", "2024-1-19", "区长蔡华刚")
    assert not dialog.start_import() and "2024-01-19" in dialog.message() and "2024-1-19" in dialog.message()
    dialog.set_meeting("临淄区第十九届人民代表大会第三次会议", "2024-01-19", "区长蔡华刚")
    outcome = _run(qtbot, dialog)
    metadata = load_report(outcome.path).metadata
    assert (metadata.meeting.name, metadata.meeting.date) == (
        "临淄区第十九届人民代表大会第三次会议",
        "2024-01-19",
    )
    assert (metadata.presenter.office, metadata.presenter.name) == ("区长", "蔡华刚")
    assert metadata.ambiguities == ()  # nothing left unsaid


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x80\x81\xff\xfe" * 4, "neither UTF-8 nor GBK/GB18030"),
        (None, "cannot be read"),  # a folder
    ],
)
def test_a_file_that_cannot_be_read_is_named(
    dialog: ImportDialog, tmp_path: Path, content: bytes | None, expected: str
) -> None:
    target = tmp_path / "bad.txt"
    if content is None:
        target.mkdir()
    else:
        target.write_bytes(content)
    assert not dialog.set_text_file(target)
    assert expected in dialog.message() and str(target) in dialog.message()
    assert not dialog.start_import()  # still nothing to import


def test_missing_file_and_missing_year(dialog: ImportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    assert not dialog.set_text_file(tmp_path / "none.txt")
    assert "none.txt" in dialog.message()
    text_file = tmp_path / "plain.txt"
    text_file.write_text("国内生产总值增长6.6%。", encoding="utf-8")
    assert dialog.set_text_file(text_file)
    assert dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    assert "year" in dialog.message() and "plain.txt" in dialog.message()
    assert dialog.isVisible()  # the dialog stays open to fix it
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n  \n", encoding="utf-8")
    assert dialog.set_text_file(empty)
    assert dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    assert "holds no report text" in dialog.message()


def test_an_unwritable_output_is_said(dialog: ImportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    QGuiApplication.clipboard().setText(TEXT)
    dialog.paste_from_clipboard()
    dialog.set_output(tmp_path / "missing-folder" / "r.json")
    assert dialog.start_import()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    assert "could not be written" in dialog.message() and "folder does not exist" in dialog.message()


def test_the_main_window_imports_and_reviews(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    actions = window.review_actions()
    window.action("actionImport").trigger()
    dialog = actions.import_dialog()
    assert isinstance(dialog, ImportDialog)
    QGuiApplication.clipboard().setText(TEXT)
    dialog.paste_from_clipboard()
    dialog.set_output(tmp_path / "r2019.json")
    _run(qtbot, dialog)
    review = actions.review_window()
    assert review is not None and review.isVisible()
    assert window.report.path == str(tmp_path / "r2019.json")  # the main window opened it too
    review.action("actionReviewAcceptAbove").trigger()
    accepted = review.session.counts().confirmed
    assert accepted > 0
    with qtbot.waitSignal(review.saved):
        assert review.save()
    # The main window reads the saved review.
    assert sum(1 for i in window.report.indicators if i.review is Review.CONFIRMED) == accepted
    review.close()
    # Review figures… on the dataset now open resumes the review.
    window.action("actionReviewMode").trigger()
    again = actions.review_window()
    assert again is not None and again.isVisible() and again.session.counts().confirmed == accepted
    again.close()


def test_the_bundled_report_is_not_reviewed(window: MainWindow) -> None:
    window.action("actionReviewMode").trigger()
    box = window.findChild(QMessageBox, "reviewOpenErrorBox")
    assert box is not None and "come with the app" in box.text()
    assert window.review_actions().review_window() is None
    box.close()
    national = sorted((bundled_dataset_path().parent / "national").glob("*.json"))
    if national:  # the national collection is the app's too
        assert window.open_dataset(national[0])
        window.action("actionReviewMode").trigger()
        assert window.review_actions().review_window() is None


def test_review_figures_of_an_imported_dataset(window: MainWindow, tmp_path: Path) -> None:
    path = write_linzi_import(tmp_path)
    assert window.open_dataset(path)
    window.action("actionReviewMode").trigger()
    review = window.review_actions().review_window()
    assert review is not None and review.session.path == path
    assert json.loads(path.read_text(encoding="utf-8"))["indicators"][0]["review"] == "proposed"
    review.close()


def test_page_furniture_the_user_marks_is_dropped(dialog: ImportDialog, qtbot: QtBot, tmp_path: Path) -> None:
    page = "人民日报 2019年3月17日 第2版"
    QGuiApplication.clipboard().setText(TEXT.replace("二、2019年", f"{page}\n\n二、2019年"))
    dialog.paste_from_clipboard()
    dialog.set_furniture([page, "  "])
    dialog.set_output(tmp_path / "r.json")
    outcome = _run(qtbot, dialog)
    report = load_report(outcome.path)
    assert [r.kind.value for r in report.repairs if r.raw_text.strip() == page] == ["furniture"]
    assert all(page not in p.text for p in report.paragraphs)


def test_an_empty_or_huge_clipboard_is_refused(dialog: ImportDialog) -> None:
    QGuiApplication.clipboard().setText("   \n")
    assert not dialog.paste_from_clipboard()
    assert "holds no text" in dialog.message()
    QGuiApplication.clipboard().setText("字" * 7_000_000)
    assert not dialog.paste_from_clipboard()
    assert "7,000,000 characters" in dialog.message()
    assert not dialog.start_import()


def test_a_rebuilt_main_window_takes_over_the_open_review(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """Switching the UI language rebuilds the main window; saving the review reaches the new one."""
    path = write_linzi_import(tmp_path)
    assert window.open_dataset(path)
    window.action("actionReviewMode").trigger()
    review = window.review_actions().review_window()
    assert review is not None
    rebuilt = MainWindow(window.report, Settings(settings), Language.ZH)
    qtbot.addWidget(rebuilt)
    assert rebuilt.review_actions().review_window() is review
    review.action("actionReviewAccept").trigger()
    with qtbot.waitSignal(rebuilt.review_actions().dataset_written):
        assert review.save()
    assert rebuilt.report.indicators[0].review is Review.CONFIRMED
    review.close()
