"""Posting lists built in bulk (NumPy) are exactly those the plain per-document loops make."""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.model import Report
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.pinyin import readings
from desktop_app.core.search.posting_table import (
    PostingTable,
    char_and_pair_postings,
    following_chars,
    initial_triple_postings,
    sorted_union,
)
from desktop_app.core.textfold import fold, is_han

_HAN_RUN = re.compile(r"[^.]{3,}")
_STAR = re.compile(r"\*")


def reference_char_and_pair_postings(
    texts: Sequence[str],
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The index's first way: a set per document, an append per key."""
    chars: dict[str, array[int]] = {}
    pairs: dict[str, array[int]] = {}
    for number, text in enumerate(texts):
        for char in set(text):
            chars.setdefault(char, array("i")).append(number)
        for pair in set(map(str.__add__, text, text[1:])):
            pairs.setdefault(pair, array("i")).append(number)
    return {k: list(v) for k, v in chars.items()}, {k: list(v) for k, v in pairs.items()}


def first_letters(texts: Sequence[str]) -> dict[str, str]:
    """Each character's first letters, as the index works them out."""
    return {
        char: "".join(sorted({syllable[0] for syllable in readings(char)})) if is_han(char) else ""
        for char in set("".join(texts))
    }


def reference_initial_triples(texts: Sequence[str], letters: Mapping[str, str]) -> dict[str, list[int]]:
    """The index's first way: translate each text to letters, walk every run of three."""
    table = {ord(c): (v if len(v) == 1 else "*" if v else ".") for c, v in letters.items()}
    triples: dict[str, list[int]] = {}
    for number, text in enumerate(texts):
        keys: set[str] = set()
        for run in _HAN_RUN.finditer(text.translate(table)):
            codes = run.group()
            last = len(codes) - 3
            keys.update(codes[i : i + 3] for i in range(last + 1) if "*" not in codes[i : i + 3])
            starts: set[int] = set()
            for star in _STAR.finditer(codes):
                starts.update(range(max(0, star.start() - 2), min(star.start(), last) + 1))
            for i in starts:
                choices = [
                    letters[text[run.start() + i + j]] if code == "*" else code
                    for j, code in enumerate(codes[i : i + 3])
                ]
                keys.update(map("".join, itertools.product(*choices)))
        for key in keys:
            triples.setdefault(key, []).append(number)
    return triples


def as_lists(table: PostingTable) -> dict[str, list[int]]:
    return {key: list(table[key]) for key in table}


def assert_same_postings(texts: Sequence[str]) -> None:
    chars, pairs = char_and_pair_postings(texts)
    want_chars, want_pairs = reference_char_and_pair_postings(texts)
    assert as_lists(chars) == want_chars
    assert as_lists(pairs) == want_pairs
    letters = first_letters(texts)
    assert as_lists(initial_triple_postings(texts, letters)) == reference_initial_triples(texts, letters)


def test_the_bundled_reports_postings_are_the_plain_loops(report: Report) -> None:
    texts = [fold(doc.text).text for doc in report_documents(report)]
    assert_same_postings(texts)


@pytest.mark.parametrize(
    "texts",
    [
        [],
        [""],
        ["", "", "a"],
        ["重庆", "", "长", "重长行", "a重b", "行行行行"],  # characters of several first letters
        ["发展", "发", "展发展", "一二三四五", "1.5%", "\U00020000𠀀好"],  # astral characters
        ["临淄区", "临", "淄区临淄区", "ab", "區"],
    ],
)
def test_edge_cases_post_as_the_plain_loops(texts: list[str]) -> None:
    assert_same_postings(texts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="重长行发展临淄区好aB1 .，%一〇", max_size=12), max_size=8))
def test_any_texts_post_as_the_plain_loops(texts: list[str]) -> None:
    assert_same_postings([fold(text).text for text in texts])


def test_a_posting_table_is_a_mapping_of_views() -> None:
    table = PostingTable(["a", "b"], [2, 1], [1, 5, 3])
    assert dict(table.items()) == {"a": table["a"], "b": table["b"]}
    assert list(table["a"]) == [1, 5] and table["b"][0] == 3 and "c" not in table
    assert isinstance(table["a"], memoryview) and len(table) == 2
    for counts, data in (([2, 2], [1, 5, 3]), ([-1, 4], [1, 5, 3]), ([3], [1, 5, 3])):
        with pytest.raises(ValueError):
            PostingTable(["a", "b"], counts, data)
    with pytest.raises(ValueError, match="twice"):
        PostingTable(["a", "a"], [1, 1], [0, 1])
    union = sorted_union([table["a"], table["b"], array("i", [5, 7])])
    assert union.tolist() == [1, 3, 5, 7] and union.dtype == np.int32


def test_an_index_built_in_bulk_answers_as_before(report: Report) -> None:
    index = SearchIndex.build(report)
    parts = index.parts()
    assert isinstance(parts.chars, PostingTable) and isinstance(parts.triples, PostingTable)
    assert index.search("gzl") and index.search("临淄") and not index.search("xzxzx")


def reference_following(pairs: Sequence[str]) -> dict[str, set[str]]:
    following: dict[str, set[str]] = {}
    for pair in pairs:
        following.setdefault(pair[0], set()).add(pair[1])
    return following


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="重长行ab\U00020000", min_size=2, max_size=2), max_size=20))
def test_the_characters_following_each_are_the_plain_loops(pairs: list[str]) -> None:
    assert {k: set(v) for k, v in following_chars(pairs).items()} == reference_following(pairs)


def test_the_bundled_reports_following_characters(report: Report) -> None:
    _, pairs = char_and_pair_postings([fold(doc.text).text for doc in report_documents(report)])
    found = following_chars(pairs)
    assert {k: set(v) for k, v in found.items()} == reference_following(list(pairs))
    assert all(len(set(v)) == len(v) for v in found.values())
    with pytest.raises(ValueError):
        following_chars(["abc"])
