"""The cheap types of search: what is indexed (:class:`Document`) and what is found (:class:`Hit`).

Importing this module costs nothing (no pinyin tables, no OpenCC), so views can name these types
without paying for the index (:mod:`desktop_app.core.search.index`).

Both carry provenance: a document whose text is a verbatim run of the article knows its
:class:`~desktop_app.core.model.Span`, and so does every hit in it. A hit in an indicator's
sentence therefore knows where it stands in its paragraph without searching for it again.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop_app.core.model import Span

__all__ = ["Document", "Hit", "NodeKind"]


class NodeKind(enum.StrEnum):
    """The kind of report node a document belongs to, in the order results are listed."""

    GOAL_AREA = "goal_area"
    INDICATOR = "indicator"
    DERIVED = "derived"
    QUOTE = "quote"
    ENTITY = "entity"
    SECTION = "section"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Document:
    """One searchable field of one node.

    Attributes:
        node_id: the id of the report node (paragraph, indicator, …).
        node_kind: what kind of node it is.
        field: the field's name (``text``, ``name``, ``roles[0]`` …).
        text: the field's original text.
        span: where the field's text, or the part of it that is a verbatim run of one paragraph,
            stands in the article (``text[span_offset:][: len(span)] == span.text``); None for
            editorial text (names, glosses, explanations).
        span_offset: where that verbatim part begins in ``text``.
    """

    node_id: str
    node_kind: NodeKind
    field: str
    text: str
    span: Span | None = None
    span_offset: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: ``text[start:end]`` is the matched run of the original field text.

    Attributes:
        node_id: the node the field belongs to.
        node_kind: its kind.
        field: the field's name.
        start: index of the first matched character in ``text``.
        end: one past the last matched character.
        text: the whole original field text.
        source: the document's verbatim run of the article (:attr:`Document.span`), if any.
        source_offset: where that run begins in ``text``.
    """

    node_id: str
    node_kind: NodeKind
    field: str
    start: int
    end: int
    text: str
    source: Span | None = None
    source_offset: int = 0

    @property
    def matched(self) -> str:
        """The matched characters as they stand in the original text."""
        return self.text[self.start : self.end]

    @property
    def span(self) -> Span | None:
        """Where the matched run stands in the article; None unless it lies in article text.

        Worked out when asked (selecting a hit), not for every hit of every keystroke.
        """
        source = self.source
        if source is None:
            return None
        offset = self.source_offset
        if self.start < offset or self.end > offset + len(source.text):
            return None
        shift = source.start - offset
        return Span(source.paragraph_id, shift + self.start, shift + self.end, self.matched)
