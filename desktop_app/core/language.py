"""The two languages the application speaks, as one value instead of loose tags.

Qt hands out locale names such as ``zh_CN``; documents use ``zh-CN``; older code passed ``"zh"``.
Everything inside the application uses :class:`Language`; conversion from other tags happens once,
at the edge (Qt locale, command-line option, settings value), through :meth:`Language.from_tag`.
"""

from __future__ import annotations

import enum


class Language(enum.StrEnum):
    """A user-facing language: the interface's or a document's."""

    ZH = "zh"
    EN = "en"

    @classmethod
    def from_tag(cls, tag: object) -> Language:
        """``ZH`` for any Chinese tag (``zh``, ``zh_CN``, ``zh-Hans`` …), ``EN`` for anything else.

        Args:
            tag: a locale or language tag, a :class:`Language`, or anything else (taken as English).
        """
        if isinstance(tag, Language):
            return tag
        return cls.ZH if isinstance(tag, str) and tag.lower().startswith("zh") else cls.EN

    @property
    def qt_name(self) -> str:
        """The name of the Qt translation catalogues (``zh_CN``) or ``en``."""
        return "zh_CN" if self is Language.ZH else "en"

    @property
    def bcp47(self) -> str:
        """The tag for HTML ``lang`` attributes and PDF metadata (``zh-CN`` or ``en``)."""
        return "zh-CN" if self is Language.ZH else "en"
