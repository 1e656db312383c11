"""Repaired offsets to raw offsets and back, checked on every paragraph of the bundled report."""

from __future__ import annotations

import itertools

from desktop_app.core.model import RawSpan, RepairKind, Report
from desktop_app.core.source_map import paragraph_pieces, raw_spans, repaired_position


def test_pieces_rebuild_every_paragraph(report: Report) -> None:
    raw = report.source.text
    for paragraph in report.paragraphs:
        pieces = paragraph_pieces(paragraph, report)
        assert pieces[0].start == 0 and pieces[-1].end == len(paragraph.text)
        for before, after in itertools.pairwise(pieces):
            assert before.end == after.start
        for piece in pieces:
            if piece.verbatim:
                assert raw[piece.raw_start : piece.raw_end] == paragraph.text[piece.start : piece.end]


def test_a_misreading_maps_to_its_raw_characters(report: Report) -> None:
    raw = report.source.text
    for repair in report.repairs:
        if repair.kind is not RepairKind.MISREADING or repair.span is None or not repair.applied:
            continue
        span = repair.span
        assert raw_spans(report, span.paragraph_id, span.start, span.end) == repair.raw_spans
        assert raw[repair.raw_spans[0].start : repair.raw_spans[0].end] == repair.raw_text


def test_figures_map_to_the_same_characters_on_the_page(report: Report) -> None:
    raw = report.source.text
    for indicator in report.indicators:
        span = indicator.span
        found = raw_spans(report, span.paragraph_id, span.start, span.end)
        assert found and all(s.start < s.end for s in found)
        written = "".join(raw[s.start : s.end] for s in found)
        # Only substitutions (punctuation, misreadings) may differ; digits and units stay as printed.
        assert [c for c in written if c.isdigit()] == [c for c in span.text if c.isdigit()], indicator.id
        sentence = indicator.sentence
        whole = raw_spans(report, sentence.paragraph_id, sentence.start, sentence.end)
        for part in found:  # inside the sentence's own raw characters (a moved part may come first)
            assert any(w.start <= part.start and part.end <= w.end for w in whole), indicator.id


def test_a_passage_across_a_column_break_maps_to_two_places(report: Report) -> None:
    joined = next(p for p in report.paragraphs if len(p.segments) > 1)
    spans = raw_spans(report, joined.id, 0, len(joined.text))
    assert len(spans) >= 2
    assert spans[0].start == joined.segments[0].start
    # A trailing line break removed from the page is no character of the text.
    assert joined.segments[-1].end - 1 <= spans[-1].end <= joined.segments[-1].end


def test_unknown_paragraph_and_empty_span(report: Report) -> None:
    assert raw_spans(report, "no-such-paragraph", 0, 3) == ()
    paragraph = report.paragraphs[3]
    start = paragraph.segments[0].start + 2
    assert raw_spans(report, paragraph.id, 2, 2) == (RawSpan(start, start),)


def test_raw_offsets_map_back(report: Report) -> None:
    for paragraph in report.paragraphs:
        for piece in paragraph_pieces(paragraph, report):
            if piece.verbatim and piece.end > piece.start:
                middle = (piece.end - piece.start) // 2
                assert repaired_position(report, piece.raw_start + middle) == (
                    paragraph.id,
                    piece.start + middle,
                )
    # Page furniture before the headline maps to the first paragraph that follows it.
    first = report.paragraphs[0]
    assert repaired_position(report, 0) == (first.id, 0) or first.segments[0].start == 0
    assert repaired_position(report, len(report.source.text) + 5) is None
