"""Posting lists kept in one array (:class:`PostingTable`) and built in bulk with NumPy. No Qt.

A search index posts every document under each character it holds, each pair of adjacent
characters, and each run of three Han characters under their pinyin first letters
(:mod:`desktop_app.core.search.postings` decides what; this module does it fast). Posting document
by document in Python took most of a library's build (seconds for the national collection: a set
and an ``array`` append per key per document); here every text is joined into one array of code
points, every (key, document) pair is made at once, and one sort puts each key's documents in
ascending order, each once. The lists land in one ``int32`` array, which is also how the on-disk
form (:mod:`desktop_app.core.search.state`) stores them, so writing and reading back copy no list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "PostingTable",
    "char_and_pair_postings",
    "following_chars",
    "initial_triple_postings",
    "sorted_union",
]

_Ints = npt.NDArray[np.int64]
_Int = TypeVar("_Int", np.int32, np.int64)


class PostingTable(Mapping[str, Sequence[int]]):
    """Posting lists by key: each key's document numbers, ascending, each once, in one array.

    A list is a :class:`memoryview` slice of the array (no copy), as :func:`len`, indexing,
    :mod:`bisect` and :func:`numpy.asarray` want it.
    """

    def __init__(self, keys: Sequence[str], counts: npt.ArrayLike, data: npt.ArrayLike) -> None:
        """Describe the lists.

        Args:
            keys: the keys, in the order their lists follow one another in ``data``.
            counts: the length of each key's list.
            data: every list, one after another (``int32``).

        Raises:
            ValueError: the counts are negative or do not add up to ``data``, or a key is there twice.
        """
        self.data = np.ascontiguousarray(data, dtype=np.int32)
        self.counts = np.ascontiguousarray(counts, dtype=np.int32)
        if len(self.counts) != len(keys) or (len(self.counts) and int(self.counts.min()) < 0):
            raise ValueError("posting counts do not fit the keys")
        starts = np.zeros(len(self.counts) + 1, dtype=np.int64)
        np.cumsum(self.counts, out=starts[1:])
        if int(starts[-1]) != len(self.data):
            raise ValueError(f"posting counts add up to {int(starts[-1])}, the lists hold {len(self.data)}")
        self._keys = list(keys)
        self._slot = dict(zip(self._keys, range(len(self._keys)), strict=True))
        if len(self._slot) != len(self._keys):
            raise ValueError("a posting key twice")
        self._starts: list[int] = starts.tolist()
        self._view = self.data.data  # a memoryview of the int32 array

    def __getitem__(self, key: str) -> Sequence[int]:
        slot = self._slot[key]
        return self._view[self._starts[slot] : self._starts[slot + 1]]

    def __contains__(self, key: object) -> bool:
        return key in self._slot

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def sorted_union(lists: Iterable[Sequence[int]]) -> npt.NDArray[np.int32]:
    """Every document number on any of ``lists``, ascending, each once.

    Args:
        lists: posting lists.

    Returns:
        The union.
    """
    return _distinct(np.concatenate([np.asarray(postings, dtype=np.int32) for postings in lists]))


def following_chars(pairs: Iterable[str]) -> dict[str, str]:
    """The characters that follow each character in some pair, made in a few bulk steps.

    A pinyin query looks up the pairs of two character sets through this map; a set per character
    made in a loop over the ~120,000 pairs of a library's index cost the first such keystroke after
    a warm start ~0.1 s. A string per character costs a slice.

    Args:
        pairs: two-character strings (a pair posting table's keys).

    Returns:
        For each first character, the second characters (each once).

    Raises:
        ValueError: a pair is not two characters.
    """
    joined = "".join(pairs)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if len(codes) % 2:
        raise ValueError("a pair that is not two characters")
    if not len(codes):
        return {}
    order = np.lexsort((codes[1::2], codes[0::2]))
    lefts, rights = codes[0::2][order], codes[1::2][order]
    distinct = np.concatenate(([True], (lefts[1:] != lefts[:-1]) | (rights[1:] != rights[:-1])))
    lefts, rights = lefts[distinct], rights[distinct]
    seconds = rights.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    starts = np.flatnonzero(np.concatenate(([True], lefts[1:] != lefts[:-1]))).tolist()
    bounds = [*starts, len(lefts)]
    return {
        chr(left): seconds[begin:end]
        for left, begin, end in zip(lefts[starts].tolist(), bounds[:-1], bounds[1:], strict=True)
    }


def _grouped(keys: _Ints, docs: _Ints, documents: int) -> tuple[_Ints, npt.NDArray[np.int32], _Ints]:
    """Each distinct key, its documents ascending and each once: (keys, counts, documents).

    ``keys`` are small non-negative integers (``keys.max() * documents`` fits 63 bits).
    """
    if not len(keys):
        return np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0, np.int64)
    combined = _distinct(keys * max(documents, 1) + docs)
    posted_keys, posted_docs = np.divmod(combined, max(documents, 1))
    firsts = np.flatnonzero(np.concatenate(([True], posted_keys[1:] != posted_keys[:-1])))
    counts = np.diff(np.append(firsts, len(posted_keys))).astype(np.int32)
    return posted_keys[firsts], counts, posted_docs


def _distinct(values: npt.NDArray[_Int]) -> npt.NDArray[_Int]:
    """The distinct values, ascending (a sort: NumPy's hashing ``unique`` is many times slower here)."""
    ordered = np.sort(values)
    if not len(ordered):
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _dense(codes: npt.NDArray[np.uint32]) -> tuple[list[int], _Ints]:
    """The distinct code points, ascending, and each position's number among them."""
    distinct = _distinct(codes.astype(np.int64))
    return distinct.tolist(), np.searchsorted(distinct, codes).astype(np.int64)


def _joined(texts: Sequence[str]) -> tuple[npt.NDArray[np.uint32], _Ints, _Ints]:
    """Every text's code points in one array, the document of each, and where each document starts."""
    joined = "".join(texts).encode("utf-32-le", "surrogatepass")
    codes = np.frombuffer(joined, dtype="<u4")
    lengths = np.fromiter((len(text) for text in texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    return codes, np.repeat(np.arange(len(texts), dtype=np.int64), lengths), starts


def _same_document(starts: _Ints, total: int, width: int) -> npt.NDArray[np.bool_]:
    """Which positions begin a run of ``width`` characters inside one document."""
    inside = np.ones(max(total - width + 1, 0), dtype=np.bool_)
    for back in range(1, width):
        ends = starts[1:] - back  # the last ``width - 1`` positions of each document
        ends = ends[(ends >= 0) & (ends < len(inside))]
        inside[ends] = False
    return inside


def char_and_pair_postings(texts: Sequence[str]) -> tuple[PostingTable, PostingTable]:
    """Post each document under every character and every pair of adjacent characters it holds.

    Args:
        texts: the documents' folded texts, by document number.

    Returns:
        The posting lists by character and by pair (keys in code point order).
    """
    codes, docs, starts = _joined(texts)
    if not len(codes):
        return PostingTable([], [], []), PostingTable([], [], [])
    distinct, dense = _dense(codes)
    chars = [chr(code) for code in distinct]
    keys, counts, posted = _grouped(dense, docs, len(texts))
    char_table = PostingTable([chars[key] for key in keys.tolist()], counts, posted)

    inside = np.flatnonzero(_same_document(starts, len(codes), 2))
    pair_ids = dense[inside] * len(chars) + dense[inside + 1]
    keys, counts, posted = _grouped(pair_ids, docs[inside], len(texts))
    lefts, rights = np.divmod(keys, len(chars))
    pair_keys = [
        chars[left] + chars[right] for left, right in zip(lefts.tolist(), rights.tolist(), strict=True)
    ]
    return char_table, PostingTable(pair_keys, counts, posted)


def initial_triple_postings(texts: Sequence[str], letters: Mapping[str, str]) -> PostingTable:
    """Post each document under the first letters of every run of three Han characters it holds.

    A character with several first letters (``letters[char]`` longer than one) posts each run
    through it under every combination.

    Args:
        texts: the documents' folded texts, by document number.
        letters: each character's possible first letters, sorted (no entry, or "": not Han, or
            without a reading; such a character breaks runs).

    Returns:
        The posting lists by three-letter key (keys in alphabetical order).
    """
    codes, docs, starts = _joined(texts)
    inside = _same_document(starts, len(codes), 3)
    if not inside.any():
        return PostingTable([], [], [])
    alphabet = sorted({letter for options in letters.values() for letter in options})
    letter_number = {letter: number for number, letter in enumerate(alphabet)}
    distinct, dense = _dense(codes)
    # Each distinct character's options as numbers, one after another: where they begin, how many.
    options = [letters.get(chr(code), "") for code in distinct]
    option_count = np.array([len(found) for found in options], dtype=np.int64)
    option_start = np.zeros(len(options) + 1, dtype=np.int64)
    np.cumsum(option_count, out=option_start[1:])
    option_letter = np.array([letter_number[letter] for found in options for letter in found], dtype=np.int64)
    count = option_count[dense]
    first = option_start[:-1][dense]
    runs = np.flatnonzero(inside & (count[:-2] > 0) & (count[1:-1] > 0) & (count[2:] > 0))
    size = len(alphabet)
    widths = [count[runs + offset] for offset in range(3)]
    combinations = widths[0] * widths[1] * widths[2]
    # Most runs have one spelling: their key at once.
    single = runs[combinations == 1]
    keys = [option_letter[first[single + offset]] * size ** (2 - offset) for offset in range(3)]
    # Runs through a character of several first letters: one row per combination, its number
    # spelt in mixed radix.
    several = combinations > 1
    row_run = np.repeat(runs[several], combinations[several])
    row_number = np.arange(len(row_run), dtype=np.int64) - np.repeat(
        np.cumsum(combinations[several]) - combinations[several], combinations[several]
    )
    key = np.zeros(len(row_run), dtype=np.int64)
    for offset in (2, 1, 0):
        width = count[row_run + offset]
        pick = row_number % width
        row_number //= width
        key += option_letter[first[row_run + offset] + pick] * size ** (2 - offset)
    key = np.concatenate([keys[0] + keys[1] + keys[2], key])
    row_run = np.concatenate([single, row_run])
    posted_keys, counts, posted = _grouped(key, docs[row_run], len(texts))
    spelt = [
        alphabet[k // (size * size)] + alphabet[k // size % size] + alphabet[k % size]
        for k in posted_keys.tolist()
    ]
    return PostingTable(spelt, counts, posted)
