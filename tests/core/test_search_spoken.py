"""The initials worked out at build time are those pypinyin reads in context; searches answer alike."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.model import Report
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.pinyin import spells, spoken_readings
from desktop_app.core.search.spoken import (
    CONTEXT_DEPENDENT,
    NOT_HAN,
    spells_initials,
    spoken_initials,
)
from desktop_app.core.search.types import Document, NodeKind
from desktop_app.core.textfold import fold, is_han

# Phrases of pypinyin's list that read a character otherwise (重庆 chong, 银行 hang, 长大 zhang,
# 行长 hang zhang, 音乐 yue, 还是 hai, 都市 du), the same characters outside them, and a few
# characters without a plain reading.
TRICKY = (
    "重庆市重要的银行行长长大了，音乐会还是在都市里举行。",
    "重点是重庆；行业银行化，长城很长，重重叠叠。",
    "快乐音乐，还钱还是不还，都是首都。",
    "〇一二三，嗯，呒，欸。重",
    "",
)
CODES = frozenset("abcdefghijklmnopqrstuvwxyzZCS") | {CONTEXT_DEPENDENT, NOT_HAN}


def code_of(reading: str) -> str:
    if not ("a" <= reading[:1] <= "z"):
        return CONTEXT_DEPENDENT
    return {"zh": "Z", "ch": "C", "sh": "S"}.get(reading[:2], reading[0])


def texts_of(report: Report) -> list[str]:
    return [fold(doc.text).text for doc in report_documents(report)]


def assert_read_alike(texts: list[str]) -> None:
    """Each code but ``?`` is the initial pypinyin gives in the window of a two-character match."""
    coded = spoken_initials(texts, set("".join(texts)))
    assert [len(codes) for codes in coded] == [len(text) for text in texts]
    for text, codes in zip(texts, coded, strict=True):
        assert set(codes) <= CODES
        for position, (char, code) in enumerate(zip(text, codes, strict=True)):
            assert (code == NOT_HAN) == (not is_han(char)), (text, position)
            if code in (NOT_HAN, CONTEXT_DEPENDENT):
                continue
            start = position - position % 2  # a match [start, start + 2) through it, either half
            low, high = max(0, start - 3), min(len(text), start + 2 + 3)
            spoken = spoken_readings(text[low:high])[position - low]
            assert code_of(spoken) == code, (text, position, text[low:high], spoken, code)


def test_the_bundled_reports_initials_are_pypinyins_in_context(report: Report) -> None:
    assert_read_alike(texts_of(report))


def test_phrases_that_read_otherwise_are_left_to_pypinyin() -> None:
    texts = [fold(text).text for text in TRICKY]
    assert_read_alike(texts)
    coded = spoken_initials(texts, set("".join(texts)))
    first = texts[0]
    assert coded[0][first.index("重庆")] == CONTEXT_DEPENDENT  # chong here, zhong elsewhere
    assert coded[0][first.index("重要")] == "Z"
    assert coded[2][texts[2].index("快乐")] == "k"


@given(st.text(alphabet="zcshgqlZCSgqlx", max_size=6), st.text(alphabet="abgzlqZCS", max_size=5))
def test_spelling_initials_is_spelling_their_readings(letters: str, codes: str) -> None:
    readings = [{"Z": "zh", "C": "ch", "S": "sh"}.get(code, code + "a") for code in codes]
    assert spells_initials(letters.lower(), codes) == spells(letters.lower(), readings)


def reference(index: SearchIndex) -> SearchIndex:
    """The same index reading every abbreviation's match with pypinyin (nothing known up front)."""
    parts = index.parts()
    unknown = [CONTEXT_DEPENDENT * len(codes) for codes in parts.spoken]
    return SearchIndex.from_parts(dataclasses.replace(parts, spoken=unknown))


@pytest.fixture(scope="module")
def tricky_index() -> SearchIndex:
    docs = [Document(f"p{n}", NodeKind.PARAGRAPH, "text", text) for n, text in enumerate(TRICKY * 3)]
    return SearchIndex(docs)


ABBREVIATIONS = ["".join(pair) for pair in itertools.product("zcsghqlxyd", repeat=2)] + [
    "zhq",
    "cqs",
    "yh",
    "hz",
    "yyh",
    "zq",
    "cq",
    "shzy",
    "lz",
    "gzl",
]


def test_every_abbreviation_finds_what_reading_each_match_finds(
    report: Report, tricky_index: SearchIndex
) -> None:
    for index in (SearchIndex.build(report), tricky_index):
        slow = reference(index)
        for query in ABBREVIATIONS:
            assert index.search(query) == slow.search(query), query
            assert index.hit_counts(query) == slow.hit_counts(query), query
    assert tricky_index.search("cq") and not tricky_index.search("zq")  # 重庆 is chong qing
