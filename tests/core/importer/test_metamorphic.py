"""Proposals do not change under the artefacts real copies carry (issue 14, metamorphic tests)."""

from __future__ import annotations

import random
import re
from functools import cache

import opencc
import pytest

from desktop_app.core.importer.pipeline import import_text
from desktop_app.core.textfold import is_han, to_simplified

SAMPLE = (
    "一、2018年工作回顾\n\n"
    "国内生产总值增长6.6%，总量突破90万亿元。城镇新增就业1361万人、调查失业率稳定在5%左右。"
    "高技术制造业、装备制造业增加值分别增长8.9%、7.7%。关税总水平由9.8%降至7.5%。\n\n"
    "二、2019年政府工作任务\n\n"
    "国内生产总值达到74.4万亿元，力争进出口突破250亿元，央行两次降准，占GDP的四分之一。\n"
)

Key = tuple[int, int, int, float, str, int, str, str, str]


def proposals(raw: str) -> list[Key]:
    result = import_text(raw, year=2019 if "2019" in raw[:200] else 2018, level="national")
    return [
        (
            p.paragraph,
            p.start,
            p.end,
            p.fields.value,
            "".join(to_simplified(c) for c in p.fields.unit),
            p.fields.year,
            p.fields.kind,
            p.fields.modifier_meaning,
            "".join(to_simplified(c) for c in p.fields.name),
        )
        for p in result.proposals
    ]


def full_width(raw: str) -> str:
    return raw.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(raw: str) -> str:
    # One character at a time, so offsets stay comparable with the simplified original.
    out = []
    for ch in raw:
        converted = str(_s2t().convert(ch)) if is_han(ch) else ch
        out.append(converted if len(converted) == 1 else ch)
    return "".join(out)


def wiki_breaks(raw: str, seed: int = 7) -> str:
    """Line breaks and zero-width spaces between Han characters, as the Wikisource copy has them."""
    rng = random.Random(seed)
    out = []
    for i, ch in enumerate(raw):
        out.append(ch)
        if is_han(ch) and i + 1 < len(raw) and is_han(raw[i + 1]) and rng.random() < 0.05:
            out.append(rng.choice(["\n", "\n\u200b\n", "\u200b"]))
    return "".join(out)


def split_number(raw: str) -> str:
    return re.sub(r"(\d)(万亿元|亿元)", r"\1\n\n\2", raw, count=3)


@pytest.mark.parametrize("transform", [full_width, traditional, wiki_breaks, split_number])
def test_sample_proposals_survive(transform: object) -> None:
    assert callable(transform)
    original = proposals(SAMPLE)
    assert len(original) >= 12
    assert proposals(transform(SAMPLE)) == original


@pytest.mark.parametrize("transform", [full_width, traditional, wiki_breaks, split_number])
def test_report_proposals_survive(report_2018: str, transform: object) -> None:
    assert callable(transform)
    original = proposals(report_2018)
    assert len(original) > 100
    assert proposals(transform(report_2018)) == original
