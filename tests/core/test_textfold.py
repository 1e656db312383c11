"""Folding of text and queries (desktop_app.core.textfold); no Qt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.textfold import SHORT_TEXT, FoldedText, fold, is_han, to_simplified


def folded(text: str) -> str:
    return fold(text).text


def spans_back(result: FoldedText, start: int, end: int) -> str:
    orig_start, orig_end = result.original_span(start, end)
    return result.original[orig_start:orig_end]


# Characters that exercise every rule: simplified and traditional Han, full-width
# forms, Chinese and ASCII punctuation, whitespace, kept symbols, expansions.
ALPHABET = list(
    "临淄说說发發实体经济民生区县"
    "0123456789０１２３４５６７８９"
    "abcXYZｇｄｐ"
    "，,。.．、；;：:“”\"'《》（）()！!？?-—…"
    " \n\t\u3000\u200b"
    "%％‰ß㎡½"
)
TEXT = st.text(st.sampled_from(ALPHABET) | st.characters(exclude_categories=["Cs"]), max_size=40)


class TestCharacters:
    def test_traditional_to_simplified(self) -> None:
        assert folded("如果說") == "如果说"
        assert to_simplified("說") == "说"
        assert to_simplified("发") == "发"
        assert to_simplified("a") == "a"

    def test_traditional_keeps_offsets(self) -> None:
        result = fold("如果說“功成”")
        start = result.text.index("说")
        assert spans_back(result, start, start + 1) == "說"

    def test_full_width_digits_and_letters(self) -> None:
        assert folded("２５０４") == "2504"
        assert folded("ＧＤＰ") == "gdp"

    def test_latin_lowercased(self) -> None:
        assert folded("GDP") == "gdp"
        assert folded("Straße") == "strasse"

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            ("临淄,经济", "临淄，经济"),
            ("“四新”经济", "四新经济"),
            ("《报告》", "报告"),
            ("(一期)", "（一期）"),
        ],
    )
    def test_punctuation_compares_equal(self, left: str, right: str) -> None:
        assert folded(left) == folded(right)

    def test_percent_is_kept(self) -> None:
        assert folded("比重达84%。") == "比重达84%"
        assert folded("８４％") == "84%"

    def test_is_han(self) -> None:
        assert is_han("临")
        assert is_han("說")
        assert not is_han("a")
        assert not is_han("，")


class TestWhitespace:
    def test_line_break_inside_a_word(self) -> None:
        result = fold("培育壮大实\n\n体经济")
        assert result.text == "培育壮大实体经济"
        start = result.text.index("实体")
        assert spans_back(result, start, start + 4) == "实\n\n体经济"

    def test_spaces_between_han_ignored(self) -> None:
        assert folded("服务大众 团结大众") == "服务大众团结大众"
        assert folded("临\u3000淄") == "临淄"

    def test_spaces_between_latin_words_become_one(self) -> None:
        assert folded("New  York") == "new york"
        assert folded("GDP 增加") == "gdp增加"

    def test_edges_trimmed(self) -> None:
        assert folded("  “临淄”  \n") == "临淄"

    def test_invisible_characters_dropped(self) -> None:
        assert folded("临\u200b淄") == "临淄"


class TestNumbers:
    @pytest.mark.parametrize("text", ["2504", "2,504", "2，504", "２,５０４", "２５０４"])
    def test_thousands_separators(self, text: str) -> None:
        assert folded(text) == "2504"

    def test_decimal_point_kept(self) -> None:
        assert folded("41.93亿元") == "41.93亿元"
        assert folded("４１．９３") == "41.93"

    def test_list_separator_keeps_numbers_apart(self) -> None:
        assert folded("第1、2名") == "第1 2名"
        assert "12" not in folded("第1、2名")

    def test_figure_offsets(self) -> None:
        result = fold("总产值实现2,504亿元")
        start = result.text.index("2504")
        assert spans_back(result, start, start + 4) == "2,504"


class TestOffsets:
    def test_empty(self) -> None:
        result = fold("")
        assert result.text == ""
        assert len(result.sources) == 0

    def test_expansion_maps_to_its_character(self) -> None:
        result = fold("面积1㎡")
        assert result.text == "面积1m2"
        assert spans_back(result, 3, 5) == "㎡"
        assert spans_back(result, 4, 5) == "㎡"

    def test_bad_range_rejected(self) -> None:
        result = fold("临淄")
        with pytest.raises(ValueError, match="bad folded range"):
            result.original_span(1, 1)
        with pytest.raises(ValueError, match="bad folded range"):
            result.original_span(0, 3)

    @given(TEXT)
    def test_sources_are_ordered_and_in_range(self, text: str) -> None:
        result = fold(text)
        assert len(result.sources) == len(result.text)
        sources = result.sources.tolist()
        assert sources == sorted(sources)
        assert all(0 <= source < len(text) for source in sources)

    @given(TEXT)
    def test_long_and_short_paths_agree(self, text: str) -> None:
        """Texts past SHORT_TEXT take the vectorised path; it must fold piece by piece alike."""
        padding = "临" * (SHORT_TEXT + 1)
        long_result = fold(padding + text)
        short_result = fold(text)
        assert long_result.text == padding + short_result.text
        offset = len(padding)
        assert long_result.sources[offset:].tolist() == [s + offset for s in short_result.sources.tolist()]

    @given(TEXT)
    def test_folding_is_idempotent(self, text: str) -> None:
        once = folded(text)
        assert folded(once) == once

    @given(TEXT, st.data())
    def test_folding_is_local(self, text: str, data: st.DataObject) -> None:
        """The folding of any substring is a substring of the folding of the whole."""
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        assert folded(text[start:end]) in folded(text)

    @given(TEXT, st.data())
    def test_a_substring_maps_back_over_itself(self, text: str, data: st.DataObject) -> None:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        part = fold(text[start:end])
        if not part.text:
            return
        whole = fold(text)
        first = int(part.sources[0]) + start
        last = int(part.sources[-1]) + start
        position = whole.text.find(part.text)
        found = []
        while position >= 0:
            found.append(whole.original_span(position, position + len(part.text)))
            position = whole.text.find(part.text, position + 1)
        assert any(s <= first and e >= last + 1 for s, e in found)
