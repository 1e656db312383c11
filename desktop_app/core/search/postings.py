"""Building a search index's tables from its documents: foldings, nodes and posting lists. No queries.

:class:`~desktop_app.core.search.index.SearchIndex` calls these once per build; what they return is
what :class:`~desktop_app.core.search.state.IndexParts` describes (and a cache stores):

* :func:`fold_all` — each document's folding (:mod:`desktop_app.core.textfold`);
* :func:`group_nodes` / :func:`node_ranges` — which documents make up each node;
* :func:`char_and_pair_postings` — the documents holding each character and each adjacent pair;
* :func:`pinyin_tokens` — the characters each pinyin syllable, initial or prefix can spell;
* :func:`initials_table` / :func:`triple_postings` — runs of three Han characters posted under
  their pinyin first letters.

Every posting list is a view into the one array of a :class:`~.posting_table.PostingTable`,
ascending document numbers, built in bulk (:mod:`desktop_app.core.search.posting_table`).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

import numpy as np

from desktop_app.core.search.pinyin import readings
from desktop_app.core.search.posting_table import PostingTable, initial_triple_postings
from desktop_app.core.search.posting_table import char_and_pair_postings as bulk_char_and_pair_postings
from desktop_app.core.search.types import Document, NodeKind
from desktop_app.core.textfold import FoldedText, fold, is_han

__all__ = [
    "Progress",
    "char_and_pair_postings",
    "fold_all",
    "group_nodes",
    "ignore_progress",
    "initials_table",
    "node_ranges",
    "pinyin_tokens",
    "triple_postings",
]

Progress = Callable[[float], None]
"""Told the fraction of a build done (0–1) now and then; it may raise to abandon the build."""

_PROGRESS_EVERY: Final = 256  # documents between two calls of a build's progress callback
# Shares of a build's time (measured on the national library): folding, then postings, then initials.
_FOLDING: Final = 0.45
_POSTING: Final = 0.65


def ignore_progress(fraction: float) -> None:
    """The progress callback of a build nobody watches."""


def fold_all(documents: Sequence[Document], progress: Progress) -> list[FoldedText]:
    """Fold every document's text (the first fifth of a build).

    Args:
        documents: the indexed documents.
        progress: told the fraction of the whole build done.

    Returns:
        One folding per document.
    """
    folded: list[FoldedText] = []
    total = max(len(documents), 1)
    for number, doc in enumerate(documents):
        if number % _PROGRESS_EVERY == 0:
            progress(_FOLDING * number / total)
        folded.append(fold(doc.text))
    return folded


def group_nodes(documents: Sequence[Document]) -> tuple[array[int], list[tuple[int, int]]]:
    """Number the nodes in order of appearance.

    Args:
        documents: the indexed documents; those of one node must be adjacent.

    Returns:
        The node number of each document, and the document range of each node.

    Raises:
        ValueError: the documents of one node are not adjacent.
    """
    doc_node: array[int] = array("i")
    node_range: list[tuple[int, int]] = []
    seen: set[tuple[NodeKind, str]] = set()
    previous: tuple[NodeKind, str] | None = None
    for number, doc in enumerate(documents):
        key = (doc.node_kind, doc.node_id)
        if key != previous:
            if key in seen:
                raise ValueError(f"documents of node {doc.node_kind}:{doc.node_id} are not adjacent")
            seen.add(key)
            if node_range:
                node_range[-1] = (node_range[-1][0], number)
            node_range.append((number, number))
            previous = key
        doc_node.append(len(node_range) - 1)
    if node_range:
        node_range[-1] = (node_range[-1][0], len(documents))
    return doc_node, node_range


def node_ranges(doc_node: array[int]) -> list[tuple[int, int]]:
    """The document range of each node, from each document's node number (an index read back)."""
    if not doc_node:
        return []
    starts = (np.flatnonzero(np.diff(np.frombuffer(doc_node, dtype=np.int32))) + 1).tolist()
    return list(zip([0, *starts], [*starts, len(doc_node)], strict=True))


def char_and_pair_postings(texts: Sequence[str], progress: Progress) -> tuple[PostingTable, PostingTable]:
    """Post each document under every character and every pair of adjacent characters it holds.

    Args:
        texts: the folded texts, by document number.
        progress: told the fraction of the whole build done.

    Returns:
        The posting lists by character and by pair.
    """
    progress(_FOLDING)
    return bulk_char_and_pair_postings(texts)


def pinyin_tokens(chars: Iterable[str]) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The characters each typed token can stand for.

    Args:
        chars: every character of the corpus (only the Han ones count).

    Returns:
        By full token (a syllable, its first letter, or ``zh``/``ch``/``sh``), and by any prefix
        of a syllable (what the last token of a typed run may be).
    """
    full: dict[str, set[str]] = {}
    prefix: dict[str, set[str]] = {}
    for char in chars:
        if not is_han(char):
            continue
        for syllable in readings(char):
            full.setdefault(syllable, set()).add(char)
            full.setdefault(syllable[0], set()).add(char)
            if syllable[:2] in ("zh", "ch", "sh"):
                full.setdefault(syllable[:2], set()).add(char)
            for end in range(1, len(syllable) + 1):
                prefix.setdefault(syllable[:end], set()).add(char)
    return (
        {token: frozenset(found) for token, found in full.items()},
        {token: frozenset(found) for token, found in prefix.items()},
    )


def initials_table(chars: Iterable[str]) -> tuple[dict[int, str], dict[str, str]]:
    """Each character's pinyin first letter, as a :meth:`str.translate` table.

    Args:
        chars: every character of the corpus.

    Returns:
        By code point: the first letter, ``*`` when the readings start with different letters,
        ``.`` for anything not Han; and the letters of each ``*`` character.
    """
    table: dict[int, str] = {}
    several: dict[str, str] = {}
    for char in chars:
        letters = sorted({syllable[0] for syllable in readings(char)}) if is_han(char) else []
        if len(letters) == 1:
            table[ord(char)] = letters[0]
        elif letters:
            table[ord(char)] = "*"
            several[char] = "".join(letters)
        else:
            table[ord(char)] = "."
    return table, several


def triple_postings(
    texts: Sequence[str], table: Mapping[int, str], several: Mapping[str, str], progress: Progress
) -> PostingTable:
    """Post every run of three Han characters under their pinyin first letters.

    A triple through a character with several first letters is posted under each; anything not
    Han (``.`` in ``table``) breaks runs. Three-syllable pinyin patterns whose character pairs are
    all common but never line up (``xzx``) are then ruled out without visiting any document.

    Args:
        texts: the folded texts, by document number.
        table: from :func:`initials_table`.
        several: from :func:`initials_table`.
        progress: told the fraction of the whole build done.

    Returns:
        The posting lists by three first letters.
    """
    progress(_POSTING)
    letters = {chr(code): several.get(chr(code), letter) for code, letter in table.items() if letter != "."}
    return initial_triple_postings(texts, letters)
