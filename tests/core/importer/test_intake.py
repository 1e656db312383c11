"""Text intake: decoding, and repairs that are logged, exact and reversible."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.importer.intake import (
    INVISIBLE,
    Intake,
    IntakeError,
    decode,
    licence_start,
    repair_text,
)
from desktop_app.core.importer.pipeline import import_text

SAMPLE = (
    "\u200b\n\n政府工作报\n告\n\n国务院总理\n\u3000李克强\n\n"
    "交出一份人\n\u200b\n民满意的答卷，新增\n第四代移动通信\n用户3.4亿，细颗粒物（PM\n2.5\n）浓度下降。\n\n"
    "国内生产总值达到74.4\n\n万亿元，增长６．７％。\n第 3 页\n继续。\n\n"
    "本作品是中华人民共和国的\n法律\n公有领域\n\nPublic domain\n"
)


def rebuild(intake: Intake) -> list[str]:
    """The loader's check: raw segments with the substituting repairs inside them give each paragraph."""
    subs = sorted(
        (r.raw_spans[0][0], r.raw_spans[0][1], r.result)
        for r in intake.repairs
        if r.kind in ("linebreak", "invisible", "digits")
    )
    texts = []
    for paragraph in intake.paragraphs:
        parts = []
        for s, e in paragraph.segments:
            pos = s
            for a, b, result in subs:
                if s <= a and b <= e:
                    parts += [intake.raw[pos:a], result]
                    pos = b
            parts.append(intake.raw[pos:e])
        texts.append("".join(parts))
    return texts


def accounted(intake: Intake) -> bool:
    covered = [False] * len(intake.raw)
    for paragraph in intake.paragraphs:
        for s, e in paragraph.segments:
            covered[s:e] = [True] * (e - s)
    for repair in intake.repairs:
        if repair.kind in ("drop", "furniture"):
            for s, e in repair.raw_spans:
                covered[s:e] = [True] * (e - s)
    return all(c or ch.isspace() for c, ch in zip(covered, intake.raw, strict=True))


def test_repairs_of_a_wikisource_copy() -> None:
    intake = repair_text(SAMPLE, furniture=["第 3 页"])
    assert [p.text for p in intake.paragraphs] == [
        "政府工作报告",
        "国务院总理李克强",
        "交出一份人民满意的答卷，新增第四代移动通信用户3.4亿，细颗粒物（PM2.5）浓度下降。",
        "国内生产总值达到74.4万亿元，增长6.7％。继续。",
    ]
    kinds = [r.kind for r in intake.repairs]
    assert {"linebreak", "invisible", "digits", "drop", "furniture"} <= set(kinds)
    for repair in intake.repairs:
        assert repair.note
        assert repair.raw_text == "|".join(intake.raw[s:e] for s, e in repair.raw_spans)
        if repair.paragraph is not None:
            text = intake.paragraphs[repair.paragraph].text
            assert text[repair.start : repair.start + len(repair.result)] == repair.result
    split = next(r for r in intake.repairs if r.raw_text == "\n\n")
    assert "split" in split.note
    licence = intake.repairs[-1]
    assert licence.kind == "drop" and licence.raw_text.startswith("本作品是")
    assert rebuild(intake) == [p.text for p in intake.paragraphs]
    assert accounted(intake)


def test_latin_words_keep_a_space() -> None:
    assert repair_text("Public\ndomain 与中国").paragraphs[0].text == "Public domain 与中国"


def test_licence_start_needs_the_notice() -> None:
    assert licence_start("本作品是好的报告。") == len("本作品是好的报告。")


@given(
    st.lists(
        st.sampled_from(
            ["人", "民", "1", "２", "。", "\n", "\n\n", " ", "\u3000", "\u200b", "万", "P", "M", "．"]
        ),
        max_size=40,
    )
)
def test_any_text_is_reproduced_and_accounted_for(pieces: list[str]) -> None:
    intake = repair_text("".join(pieces))
    assert rebuild(intake) == [p.text for p in intake.paragraphs]
    assert accounted(intake)
    for paragraph in intake.paragraphs:
        assert "\n" not in paragraph.text and not INVISIBLE & set(paragraph.text)
        assert paragraph.text == paragraph.text.strip()


def test_decode_utf8_gbk_and_garbage() -> None:
    assert decode("政府工作报告".encode()).messages == ()
    gbk = decode("政府工作报告".encode("gbk"), "r.txt")
    assert gbk.text == "政府工作报告" and gbk.encoding == "gb18030"
    assert "GBK" in gbk.messages[0] and "r.txt" in gbk.messages[0]
    assert decode(b"\xef\xbb\xbfabc").text == "abc"
    assert decode("报告".encode("utf-16")).text == "报告"
    with pytest.raises(IntakeError, match=r"r\.txt: neither UTF-8 nor GBK/GB18030: byte 0xff at offset 1"):
        decode(b"a\xff\xff\xff", "r.txt")


@pytest.mark.parametrize(
    ("raw", "numbers"),
    [
        ("实际增长9．3％，全年增长19·5％。", ["9.3％", "19.5％"]),
        (
            "1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，平均每年增长1 1 ％，工业增长1 5 ．3 ％。",
            ["74772亿元", "11％", "15.3％"],
        ),
        ("纪念5·12汶川地震。", []),
    ],
)
def test_odd_number_forms_are_repaired_in_the_open(raw: str, numbers: list[str]) -> None:
    result = import_text("一、1997年工作回顾\n\n" + raw, year=1998)
    assert [p.text for p in result.proposals] == numbers
    for repair in result.intake.repairs:
        assert repair.kind == "digits" and repair.result == repair.raw_text.translate(
            str.maketrans("０１２３４５６７８９．·", "0123456789..", " ")
        )
