"""The paper sizes a summary can be printed or exported on, defined once. No Qt.

The window's File › Paper size menu, the command line and the printing package all read this
table; the printing package turns a name into Qt's page size.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["PAPER_SIZES", "paper_names"]

PAPER_SIZES: Mapping[str, tuple[float, float]] = MappingProxyType(
    {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
)
"""Each paper size's portrait width and height in millimetres, by name; the first is the default."""


def paper_names() -> tuple[str, ...]:
    """The names of the paper sizes, the default first (``("A4", "Letter")``)."""
    return tuple(PAPER_SIZES)
