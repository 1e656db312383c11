"""Rebuilding a paragraph's text from raw segments and repairs, with work bounded by the article. No Qt.

A dataset says which spans of the raw article (``segments``) make up each paragraph and which
repairs change them. Checking that costs at most the raw article's length and the file's size,
whatever the dataset claims: segments are checked in one pass of constant memory (non-empty, inside
the article, summing to no more than it) and for overlap before any text is rebuilt; a paragraph is
compared with its rebuilt pieces as they come, stopping at the first difference. (Before, a
paragraph repeating ``[0, len]`` 100,000 times cost 2.7 GB.)
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Generator, Iterator
from typing import Any

from desktop_app.core.dataset_errors import Problem
from desktop_app.core.dataset_errors import excerpt as _short

__all__ = ["paragraph_text_problems", "rebuilt_pieces", "segment_problems", "unaccounted"]

Json = dict[str, Any]


def segment_problems(
    paragraphs: list[Json], length: int
) -> Generator[Problem, None, list[tuple[int, int]] | None]:
    """Check every paragraph's segments in one pass of O(1) memory; then that no two overlap.

    Returns (as the generator's value) the segments as ``(start, end)`` pairs when they are sound,
    or None after yielding the first problem (nothing more is checked: a bomb stops here).
    """
    total = 0
    for i, paragraph in enumerate(paragraphs):
        for j, (s, e) in enumerate(paragraph["segments"]):
            where = f"$.paragraphs[{i}].segments[{j}]"
            if not s < e <= length:
                yield Problem(
                    where, f"expected a non-empty span within the raw text (length {length}), found {[s, e]}"
                )
                return None
            total += e - s
            if total > length:
                yield Problem(
                    where,
                    f"the segments so far cover {total:,} characters, more than the raw text's {length:,}: "
                    "segments must not repeat or overlap",
                )
                return None
    # Now at most `length` segments, so sorting them is cheap.
    located = sorted((s, e, i, j) for i, p in enumerate(paragraphs) for j, (s, e) in enumerate(p["segments"]))
    for (_, e1, i1, j1), (s2, _, i2, j2) in itertools.pairwise(located):
        if s2 < e1:
            yield Problem(
                f"$.paragraphs[{i2}].segments[{j2}]",
                f"overlaps $.paragraphs[{i1}].segments[{j1}] in the raw text",
            )
            return None
    return [(s, e) for s, e, _, _ in located]


def rebuilt_pieces(
    segments: list[list[int]], raw: str, substitutions: list[tuple[int, int, str, int]], starts: list[int]
) -> Iterator[str]:
    """The pieces of a paragraph's text: its raw segments with the substituting repairs inside them."""
    for s, e in segments:
        pos = s
        for k in range(bisect.bisect_left(starts, s), len(substitutions)):
            sub_start, sub_end, result, _ = substitutions[k]
            if sub_start > e:
                break
            if sub_end <= e and sub_start >= pos:
                yield raw[pos:sub_start]
                yield result
                pos = sub_end
        yield raw[pos:e]


def paragraph_text_problems(where: str, pieces: Iterator[str], text: str) -> Iterator[Problem]:
    """Compare the rebuilt pieces with the paragraph's text as they come; report the first difference."""
    at = 0
    for piece in pieces:
        if text.startswith(piece, at):
            at += len(piece)
            continue
        same = next(
            (k for k, (a, b) in enumerate(zip(piece, text[at : at + len(piece)], strict=False)) if a != b),
            min(len(piece), len(text) - at),
        )
        at += same
        rebuilt = piece[same : same + 20]
        for more in pieces:
            if len(rebuilt) >= 20:
                break
            rebuilt += more[:20]
        break
    else:
        if at == len(text):
            return
        rebuilt = ""
    yield Problem(
        where,
        f"expected the raw segments with their repairs to give {_short(rebuilt[:20])} "
        f"at offset {at}, found {_short(text[at : at + 20])}",
    )


def unaccounted(raw: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """How many non-space raw characters no span covers, and the offset of the first (-1 if none)."""
    missing, first, pos = 0, -1, 0
    for s, e in [*sorted(spans), (len(raw), len(raw))]:
        if s > pos:
            gap = raw[pos:s]
            count = sum(1 for ch in gap if not ch.isspace())
            if count and first < 0:
                first = pos + next(k for k, ch in enumerate(gap) if not ch.isspace())
            missing += count
        pos = max(pos, e)
    return missing, first
