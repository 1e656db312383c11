"""The bundled CJK fonts: registration with Qt and coverage checks.

The application ships Regular and Bold subsets of Noto Sans CJK SC (SIL OFL 1.1, see
``resources/fonts/README.md``) so that Chinese text renders on a machine without any CJK font. The
subsets keep the family name ``Noto Sans CJK SC``, so style sheets and ``QFont`` can name it whether it
comes from the bundle or from the system.

Call :func:`register_bundled_fonts` once a ``QGuiApplication`` exists and before the first widget is
shown; :func:`ui_font_family` names the family to use.
"""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from desktop_app.core.resources import resource_path

_LOG = logging.getLogger(__name__)

BUNDLED_FAMILY = "Noto Sans CJK SC"
"""The family name of the bundled fonts (the same as the system Noto font, on purpose)."""

BUNDLED_FONT_FILES = (
    "fonts/NotoSansCJKsc-Regular.subset.otf",
    "fonts/NotoSansCJKsc-Bold.subset.otf",
)
"""The bundled font files, relative to ``resources/``."""

# Font file -> application font id, so a second registration reuses the first.
_registered_ids: dict[Path, int] = {}


class FontRegistrationError(RuntimeError):
    """A bundled font file is missing or Qt could not load it."""


def bundled_font_paths() -> tuple[Path, ...]:
    """The absolute paths of the bundled font files.

    Returns:
        The Regular and the Bold file, in that order (they need not exist).
    """
    return tuple(resource_path(name) for name in BUNDLED_FONT_FILES)


def _register(path: Path) -> list[str]:
    font_id = _registered_ids.get(path)
    if font_id is not None:
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            return list(families)
        # The font database was rebuilt (a new QGuiApplication); register again.
        del _registered_ids[path]
    if not path.is_file():
        _LOG.error("bundled font file not found: %s", path)
        raise FontRegistrationError(f"bundled font file not found: {path}")
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        _LOG.error("Qt could not load the bundled font %s", path)
        raise FontRegistrationError(f"Qt could not load the bundled font {path}")
    _registered_ids[path] = font_id
    families = list(QFontDatabase.applicationFontFamilies(font_id))
    _LOG.debug("registered %s as %s (id %d)", path.name, families, font_id)
    return families


def register_bundled_fonts() -> tuple[str, ...]:
    """Register the bundled Regular and Bold fonts with Qt's font database.

    Idempotent: a second call returns the same families without adding the files again.

    Returns:
        The family names the files provide, without duplicates (normally just ``Noto Sans CJK SC``).

    Raises:
        RuntimeError: No ``QGuiApplication`` exists yet.
        FontRegistrationError: A font file is missing or cannot be loaded (also logged).
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_bundled_fonts() needs a QGuiApplication")
    families: dict[str, None] = {}
    for path in bundled_font_paths():
        families.update(dict.fromkeys(_register(path)))
    return tuple(families)


def ui_font_family() -> str:
    """The family to use for Chinese UI and report text.

    Returns:
        The bundled family name; register the fonts first so it exists on every machine.
    """
    return BUNDLED_FAMILY


def unsupported_characters(text: str, raw_font: QRawFont) -> set[str]:
    """The characters of ``text`` that one concrete font has no glyph for.

    Args:
        text: Any text; whitespace, control and format characters are ignored.
        raw_font: The font to check, e.g. ``QRawFont(path, 12)`` for one file.

    Returns:
        The unsupported characters (empty if the font covers the text).

    Raises:
        ValueError: ``raw_font`` is not valid (the file could not be loaded).
    """
    if not raw_font.isValid():
        raise ValueError("not a valid QRawFont")
    # Pass the code point: PySide6 6.12's supportsCharacter(str) overload (QChar) answers True for
    # characters the font lacks, and a QChar could not hold one outside the BMP anyway.
    return {
        char
        for char in set(text)
        if not char.isspace()
        and unicodedata.category(char) not in {"Cc", "Cf"}
        and not raw_font.supportsCharacter(ord(char))
    }


def missing_characters(text: str, family: str) -> set[str]:
    """The characters of ``text`` that the font Qt picks for ``family`` lacks.

    Qt's font fallback may still draw these from another font; this reports what ``family`` itself
    covers. Note that when the system has a font of the same family, Qt may pick that one; to check a
    particular file use :func:`unsupported_characters` with ``QRawFont(path, size)``.

    Args:
        text: Any text; whitespace, control and format characters are ignored.
        family: A font family name.

    Returns:
        The characters without a glyph in that family (empty if it covers the text).

    Raises:
        ValueError: Qt could not load any font for ``family``.
    """
    return unsupported_characters(text, QRawFont.fromFont(QFont(family)))
