"""Showing dataset text in Qt without ever interpreting it as markup."""

from __future__ import annotations

import html

from desktop_app.core.presentation import visible_text

TOOLTIP_LIMIT = 2000


def tooltip(*parts: str) -> str:
    """A tooltip that shows dataset text literally.

    Qt guesses whether a tooltip is rich text, so plain text that looks like HTML
    would be rendered. Escaping it inside an explicit ``<qt>`` document makes the
    guess harmless and lets long text wrap.
    """
    body = "<br/>".join(
        html.escape(visible_text(p, TOOLTIP_LIMIT)).replace("\n", "<br/>") for p in parts if p
    )
    return f"<qt>{body}</qt>"


def utf16_offset(text: str, index: int) -> int:
    """Qt's position (UTF-16 code units) of the code point at ``index`` in ``text``."""
    # Encoding runs in C: 2 bytes per code unit (a character beyond the BMP takes two units).
    return len(text[:index].encode("utf-16-le", "surrogatepass")) // 2


def utf16_length(text: str) -> int:
    return utf16_offset(text, len(text))


def code_point_index(text: str, position: int) -> int:
    """The index in ``text`` of the code point at Qt's ``position`` (UTF-16 code units)."""
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
