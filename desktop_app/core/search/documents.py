"""Every searchable field of a report as a :class:`Document`, with its place in the article.

A field that is (partly) a verbatim run of one paragraph (a paragraph's text, an indicator's
sentence and value as written, a quote, an entity's name, a goal area's sentence and the words of
its label) carries the :class:`~desktop_app.core.model.Span` of that run, worked out once here from
the node's own span and checked against the paragraph, so a hit never has to be looked up in the
article again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TypeVar

from desktop_app.core.model import Paragraph, Report, Span
from desktop_app.core.presentation import number_text
from desktop_app.core.search.types import Document, NodeKind

__all__ = ["locate", "report_documents"]

T = TypeVar("T")


def locate(text: str, anchor: Span | None, paragraphs: Mapping[str, Paragraph]) -> tuple[Span | None, int]:
    """The longest run of ``text`` around a known span that stands verbatim in the article.

    Args:
        text: a field's text.
        anchor: a span of the same node that lies in ``text`` or holds it (e.g. a goal area's label
            inside its sentence).
        paragraphs: the report's paragraphs by id.

    Returns:
        ``(span, offset)``: the verbatim run, confirmed by the paragraph, and where it begins in
        ``text``; ``(None, 0)`` when the field does not stand in the article.
    """
    if anchor is None or not text or not anchor.text:
        return None, 0
    paragraph = paragraphs.get(anchor.paragraph_id)
    if paragraph is None or paragraph.text[anchor.start : anchor.end] != anchor.text:
        return None, 0
    article = paragraph.text
    if anchor.text in text:  # the field holds the anchor: grow the anchor while both agree
        offset = text.index(anchor.text)
        start, end = anchor.start, anchor.end
        while offset > 0 and start > 0 and text[offset - 1] == article[start - 1]:
            offset, start = offset - 1, start - 1
        stop = offset + (end - start)
        while stop < len(text) and end < len(article) and text[stop] == article[end]:
            stop, end = stop + 1, end + 1
        return Span(anchor.paragraph_id, start, end, article[start:end]), offset
    if text in anchor.text:  # the field is part of the anchor
        start = anchor.start + anchor.text.index(text)
        return Span(anchor.paragraph_id, start, start + len(text), text), 0
    return None, 0


def report_documents(report: Report, kinds: Collection[NodeKind] | None = None) -> list[Document]:
    """Every searchable field of ``report``, node by node in :class:`NodeKind` order.

    Args:
        report: the loaded report.
        kinds: only the fields of these kinds of node (the library indexes the article text only);
            None for all.

    Returns:
        The documents; those of one node are adjacent.
    """
    docs: list[Document] = []
    paragraphs = report.paragraph_by_id

    def each(items: Sequence[T], kind: NodeKind) -> Sequence[T]:
        # Nodes of a kind not wanted are skipped before any of their fields is worked out.
        return items if kinds is None or kind in kinds else ()

    def add(node_id: str, kind: NodeKind, fields: Iterable[tuple[str, str, Span | None]]) -> None:
        for name, text, anchor in fields:
            if text:
                span, offset = locate(text, anchor, paragraphs)
                docs.append(Document(node_id, kind, name, text, span, offset))

    def numbers(written: str, value: float) -> list[tuple[str, str, Span | None]]:
        # The value as one would type it, unless the text as written already has it.
        from desktop_app.core.textfold import fold  # OpenCC: only when documents are built

        plain = number_text(value)
        return [] if plain in fold(written).text else [("number", plain, None)]

    for goal in each(report.goal_areas, NodeKind.GOAL_AREA):
        add(
            goal.id,
            NodeKind.GOAL_AREA,
            [
                ("title", goal.title, goal.span),
                ("lead", goal.lead, goal.span),
                ("sentence", goal.sentence, goal.span),
                ("title_en", goal.title_en, None),
            ],
        )
    for ind in each(report.indicators, NodeKind.INDICATOR):
        add(
            ind.id,
            NodeKind.INDICATOR,
            [
                ("name", ind.name, None),
                ("name_en", ind.name_en, None),
                ("value", ind.span.text, ind.span),
                ("unit", ind.unit, None),
                ("sentence", ind.sentence.text, ind.sentence),
                *numbers(ind.span.text, ind.value),
            ],
        )
    for der in each(report.derived, NodeKind.DERIVED):
        add(
            der.id,
            NodeKind.DERIVED,
            [
                ("name", der.name, None),
                ("name_en", der.name_en, None),
                ("explanation", der.explanation, None),
                ("unit", der.unit, None),
                *numbers("", der.value),
            ],
        )
    for quote in each(report.quotes, NodeKind.QUOTE):
        add(
            quote.id,
            NodeKind.QUOTE,
            [("text", quote.text, quote.span), ("speaker", quote.speaker, None)],
        )
    for entity in each(report.entities, NodeKind.ENTITY):
        add(
            entity.id,
            NodeKind.ENTITY,
            [
                ("name", entity.name, entity.span),
                *((f"roles[{n}]", role, None) for n, role in enumerate(entity.roles)),
            ],
        )
    for section in each(report.sections, NodeKind.SECTION):
        add(
            section.id,
            NodeKind.SECTION,
            [("title", section.title, None), ("title_en", section.title_en, None)],
        )
    for paragraph in each(report.paragraphs, NodeKind.PARAGRAPH):
        whole = Span(paragraph.id, 0, len(paragraph.text), paragraph.text)
        add(paragraph.id, NodeKind.PARAGRAPH, [("text", paragraph.text, whole)])
    return docs
