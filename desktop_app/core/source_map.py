"""Where repaired text stands in the raw page text, and back. No Qt.

A paragraph's text is its raw segments, in order, with the substituting repairs inside them applied
(see :class:`~desktop_app.core.model.Paragraph`). Walking the same pieces the loader checks gives, for
each run of repaired characters, the raw characters it came from: verbatim runs map character by
character, a substitution maps as a whole (its result stands for all of its raw characters).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.loader import SUBSTITUTING_REPAIRS
from desktop_app.core.model import Paragraph, RawSpan, Report

__all__ = ["Piece", "paragraph_pieces", "raw_spans", "repaired_position"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a paragraph's text and the raw characters it came from.

    Attributes:
        start: where the run starts in the paragraph's text.
        end: where it ends (``start == end`` for a substitution whose result is empty).
        raw_start: where its raw characters start in the raw text.
        raw_end: where they end.
        verbatim: True when the run is the raw characters unchanged (offsets map one to one).
    """

    start: int
    end: int
    raw_start: int
    raw_end: int
    verbatim: bool


def paragraph_pieces(paragraph: Paragraph, report: Report) -> tuple[Piece, ...]:
    """The paragraph's text cut into verbatim runs and substitutions, each with its raw span."""
    return _pieces(paragraph, _substitutions(report))


_Substitution = tuple[int, int, str | None]


def _substitutions(report: Report) -> list[_Substitution]:
    """Raw start, raw end and result (``None`` where the raw text is kept) of each substitution."""
    return sorted(
        (repair.raw_spans[0].start, repair.raw_spans[0].end, repair.result if repair.applied else None)
        for repair in report.repairs
        if repair.kind.value in SUBSTITUTING_REPAIRS and repair.raw_spans
    )


def _pieces(paragraph: Paragraph, substitutions: list[_Substitution]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    at = 0
    for segment in paragraph.segments:
        pos = segment.start
        for sub_start, sub_end, result in substitutions:
            if not (segment.start <= sub_start and sub_end <= segment.end and sub_start >= pos):
                continue
            if sub_start > pos:
                pieces.append(Piece(at, at + sub_start - pos, pos, sub_start, True))
                at += sub_start - pos
            length = sub_end - sub_start if result is None else len(result)
            pieces.append(Piece(at, at + length, sub_start, sub_end, result is None))
            at += length
            pos = sub_end
        if segment.end > pos:
            pieces.append(Piece(at, at + segment.end - pos, pos, segment.end, True))
            at += segment.end - pos
    return tuple(pieces)


def raw_spans(report: Report, paragraph_id: str, start: int, end: int) -> tuple[RawSpan, ...]:
    """The raw characters behind ``start``–``end`` of a paragraph's text, as few spans as possible.

    A passage joined across a column break comes from two places on the page, so it maps to two
    spans; a passage touching part of a substitution takes the whole of its raw characters.
    Nothing for an unknown paragraph.
    """
    paragraph = report.paragraph_by_id.get(paragraph_id)
    if paragraph is None:
        return ()
    spans: list[RawSpan] = []
    for piece in paragraph_pieces(paragraph, report):
        if piece.start == piece.end:
            inside = start < piece.start < end  # an empty result counts only strictly inside
            if not inside:
                continue
            low, high = piece.raw_start, piece.raw_end
        elif piece.end <= start or piece.start >= end:
            continue
        elif piece.verbatim:
            low = piece.raw_start + max(start - piece.start, 0)
            high = piece.raw_start + min(end, piece.end) - piece.start
        else:
            low, high = piece.raw_start, piece.raw_end
        if spans and spans[-1].end == low:
            spans[-1] = RawSpan(spans[-1].start, high)
        else:
            spans.append(RawSpan(low, high))
    if not spans and start == end:
        # An empty span (a join): the raw place where that offset stands.
        for piece in paragraph_pieces(paragraph, report):
            if piece.start <= start <= piece.end:
                offset = piece.raw_start + (start - piece.start if piece.verbatim else 0)
                return (RawSpan(offset, offset),)
    return tuple(spans)


def repaired_position(report: Report, raw_offset: int) -> tuple[str, int] | None:
    """The paragraph and offset in repaired text nearest to a raw offset, at or after it.

    Raw text that no paragraph holds (dropped page furniture, blank lines) maps to the next raw
    character some paragraph holds; ``None`` past the last one.
    """
    best: tuple[int, str, int] | None = None
    substitutions = _substitutions(report)
    for paragraph in report.paragraphs:
        for piece in _pieces(paragraph, substitutions):
            if piece.raw_start <= raw_offset < piece.raw_end:
                inside = raw_offset - piece.raw_start if piece.verbatim else 0
                return paragraph.id, piece.start + min(inside, piece.end - piece.start)
            distance = piece.raw_start - raw_offset
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, paragraph.id, piece.start)
    return (best[1], best[2]) if best is not None else None
