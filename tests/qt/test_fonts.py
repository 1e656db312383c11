"""The bundled Noto Sans CJK SC subsets: registration with Qt and coverage of the real dataset.

The coverage tests read the font *files* (``QRawFont(path)`` and fontTools), not whatever font Qt
picks for the family name: on a machine with Noto Sans CJK installed, the system font would hide a
character missing from the subset. If one fails after the dataset changed, re-run
``python tools/subset_fonts.py``.
"""

from __future__ import annotations

import json
import logging
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from desktop_app.core.resources import data_path
from desktop_app.qt import fonts

ARTICLE = "source/linzi-2024-article.raw.txt"
MAX_FONT_BYTES = 3 * 1024 * 1024
REGULAR, BOLD = fonts.bundled_font_paths()


def _json_string_values(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _json_string_values(value)
    elif isinstance(node, list):
        for item in node:
            yield from _json_string_values(item)


def _visible(text: str) -> set[str]:
    """The characters that need a glyph: no whitespace, control or format characters."""
    return {c for c in text if not c.isspace() and unicodedata.category(c) not in {"Cc", "Cf"}}


def _text_sources() -> list[Path]:
    article = data_path(ARTICLE)
    translations = sorted((Path(__file__).resolve().parents[2] / "resources" / "translations").glob("*.ts"))
    collections = sorted(
        p for p in article.parent.parent.iterdir() if p.is_dir() and p.name not in ("source", "schema")
    )
    return [article, *sorted(article.parent.parent.glob("*.json")), *collections, *translations]


def _required_characters(path: Path) -> set[str]:
    if path.is_dir():  # a bundled collection (data/national): every dataset and source text in it
        files = [p for p in path.rglob("*") if p.suffix in (".json", ".txt")]
        return set().union(*(_required_characters(p) for p in files))
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        text = "".join(_json_string_values(json.loads(text)))
    elif path.suffix == ".ts":  # the interface's Chinese words (plural forms included)
        tree = ET.fromstring(text)
        text = "".join(node.text or "" for tag in ("translation", "numerusform") for node in tree.iter(tag))
    return _visible(text)


def _describe(chars: set[str]) -> str:
    listed = ", ".join(f"{c} U+{ord(c):04X}" for c in sorted(chars))
    return f"{len(chars)} characters missing ({listed}); re-run python tools/subset_fonts.py"


SOURCES = pytest.mark.parametrize("source", _text_sources(), ids=lambda p: p.name)
FONT_FILES = pytest.mark.parametrize("font_file", [REGULAR, BOLD], ids=["Regular", "Bold"])


# --- registration ---------------------------------------------------------------------------------


def test_registration_returns_the_bundled_family(qapp: QApplication) -> None:
    assert fonts.register_bundled_fonts() == (fonts.ui_font_family(),)
    assert fonts.ui_font_family() == "Noto Sans CJK SC"
    assert fonts.ui_font_family() in QFontDatabase.families()


def test_registration_is_idempotent(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fonts.register_bundled_fonts()

    def add_again(path: str) -> int:
        raise AssertionError(f"{path} registered a second time")

    monkeypatch.setattr(QFontDatabase, "addApplicationFont", add_again)
    assert fonts.register_bundled_fonts() == first


def test_missing_font_file_is_reported(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(fonts, "BUNDLED_FONT_FILES", ("fonts/NoSuchFont.otf",))
    with (
        caplog.at_level(logging.ERROR, logger=fonts.__name__),
        pytest.raises(fonts.FontRegistrationError, match=r"not found: .*NoSuchFont\.otf"),
    ):
        fonts.register_bundled_fonts()
    assert "NoSuchFont.otf" in caplog.text


def test_bold_face_is_registered(qapp: QApplication) -> None:
    family = fonts.register_bundled_fonts()[0]
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles(family))
    bold = QRawFont.fromFont(QFont(family, 12, QFont.Weight.Bold))
    assert (bold.familyName(), bold.weight()) == (family, 700)


@pytest.mark.parametrize(
    ("font_file", "style", "weight"),
    [(REGULAR, "Regular", 400), (BOLD, "Bold", 700)],
    ids=["Regular", "Bold"],
)
def test_font_files_are_static_faces_of_the_family(
    qapp: QApplication, font_file: Path, style: str, weight: int
) -> None:
    raw = QRawFont(str(font_file), 12)
    assert raw.isValid()
    assert (raw.familyName(), raw.styleName(), raw.weight()) == (fonts.ui_font_family(), style, weight)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in raw.supportedWritingSystems()


# --- coverage ---------------------------------------------------------------------------------------


@SOURCES
@FONT_FILES
def test_font_file_supports_every_character(qapp: QApplication, source: Path, font_file: Path) -> None:
    missing = fonts.unsupported_characters(
        "".join(_required_characters(source)), QRawFont(str(font_file), 12)
    )
    assert not missing, f"{font_file.name} lacks text of {source.name}: {_describe(missing)}"


@SOURCES
def test_registered_family_supports_every_character(qapp: QApplication, source: Path) -> None:
    family = fonts.register_bundled_fonts()[0]
    missing = fonts.missing_characters("".join(_required_characters(source)), family)
    assert not missing, f"{family} lacks text of {source.name}: {_describe(missing)}"


def test_unsupported_characters_ignores_whitespace_and_finds_gaps(qapp: QApplication) -> None:
    raw = QRawFont(str(REGULAR), 12)
    assert fonts.unsupported_characters("说說 报告\n\t\u3000\u200b“走在前”。", raw) == set()
    # A CJK Extension B ideograph and a Cherokee letter are outside the subset; the Cherokee letter
    # guards against PySide's supportsCharacter(str) overload, which says True for it.
    assert fonts.unsupported_characters("中\U00020000\u13a0", raw) == {"\U00020000", "\u13a0"}


# --- the files themselves (no QApplication needed) ------------------------------------------------


@FONT_FILES
def test_font_file_is_small(font_file: Path) -> None:
    assert 0 < font_file.stat().st_size < MAX_FONT_BYTES


@SOURCES
@FONT_FILES
def test_font_file_cmap_has_every_character(source: Path, font_file: Path) -> None:
    ttlib = pytest.importorskip("fontTools.ttLib", reason="fontTools checks the cmap independently of Qt")
    with ttlib.TTFont(font_file, lazy=True) as font:
        cmap = font.getBestCmap()
    missing = {c for c in _required_characters(source) if ord(c) not in cmap}
    assert not missing, f"{font_file.name} lacks text of {source.name}: {_describe(missing)}"
