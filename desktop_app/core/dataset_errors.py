"""What is wrong with a dataset: :class:`Problem` and :class:`DatasetError`, in English or Chinese. No Qt.

Problems about the file as a whole (not found, not a regular file, too large, not UTF-8, malformed
JSON …) carry a Chinese message beside the English one, because the window shows them to readers
who opened the wrong file; problems deep inside a dataset are for the person who wrote it and are
in English only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.language import Language

__all__ = ["DatasetError", "Problem", "excerpt"]


def excerpt(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: ``repr`` for text, JSON otherwise, cut to ``limit`` with ``…``."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset, located by a JSON path (``$`` for the file as a whole).

    Attributes:
        where: The JSON path of the bad node.
        message: What is wrong, in English.
        message_zh: The same in Chinese, where there is one.
    """

    where: str
    message: str
    message_zh: str | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def text(self, lang: Language | str = Language.EN) -> str:
        """``where: message`` in ``lang`` (English where no Chinese message exists)."""
        if Language.from_tag(lang) is Language.ZH and self.message_zh is not None:
            return f"{self.where}\uff1a{self.message_zh}"
        return str(self)


class DatasetError(Exception):
    """A dataset that cannot be used, with every problem found in it.

    Attributes:
        path: the file concerned.
        problems: what is wrong and where, at most ``MAX_PROBLEMS`` of them.
    """

    def __init__(self, path: Path | str, problems: Iterable[Problem]) -> None:
        self.path = str(path)
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self, lang: Language | str = Language.EN) -> str:
        """The file, the number of problems and one line per problem.

        Args:
            lang: The language (a :class:`Language` or a tag such as ``"zh_CN"``).
        """
        count = len(self.problems)
        if Language.from_tag(lang) is Language.ZH:
            head = f"{self.path}\uff1a{count} 个问题"
        else:
            head = f"{self.path}: {'1 problem' if count == 1 else f'{count} problems'}"
        return "\n".join([head, *(f"  {p.text(lang)}" for p in self.problems)])
