"""Render review mode offscreen to PNG: the Linzi article imported as a new user would, a few steps taken.

Usage: ``QT_QPA_PLATFORM=offscreen python tools/screenshot_review.py [OUT.png] [LANG] [WIDTHxHEIGHT]``
(defaults: ``docs/review.png``, ``zh_CN``, ``1366x768`` — the picture in the README). The dataset is the
importer's output for the Linzi article's repaired text; three figures are accepted, one rejected, and
the fifth is current, so the picture shows every review state and the figure singled out in its sentence.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QComboBox

from desktop_app.core.importer.dataset import DatasetOptions
from desktop_app.core.importer.files import write_import
from desktop_app.core.importer.pipeline import import_text
from desktop_app.core.language import Language
from desktop_app.core.resources import bundled_dataset_path
from desktop_app.core.review import ReviewSession
from desktop_app.qt.app import Translations, create_application
from desktop_app.qt.review.window import ReviewWindow


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/review.png")
    language = Language.from_tag(sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
    width, height = (int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "1366x768").split("x"))
    QStandardPaths.setTestModeEnabled(True)
    app = create_application(sys.argv[:1])
    Translations(app).install(language)
    linzi = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    text = "\n\n".join(p["text"] for p in linzi["paragraphs"])
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Path(tmp) / "linzi-import.json"
        write_import(import_text(text, year=2024, level="district"), dataset, DatasetOptions(source_file=""))
        window = ReviewWindow(ReviewSession.open(dataset), language)
        window.resize(width, height)
        window.show()
        settle(app)
        states = window.findChild(QComboBox, "reviewStateFilter")
        assert states is not None
        states.setCurrentIndex(states.findData("*"))  # every state, so that all three show
        for figure_id, action in (
            ("fig-0001", "actionReviewAccept"),
            ("fig-0002", "actionReviewAccept"),
            ("fig-0003", "actionReviewAccept"),
            ("fig-0004", "actionReviewReject"),
        ):
            window.select_figure(figure_id)
            window.action(action).trigger()
        window.select_figure("fig-0005")
        settle(app)
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        print(out, f"{width}x{height}")
        window.undo_stack().setClean()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
