"""Numbers as written in Chinese reports: Arabic, Chinese numerals, fractions, units.

Chinese numerals go through the maintained library `cn2an <https://pypi.org/project/cn2an/>`_;
this module decides only what a number is made of and where its unit starts. Values are kept in
the written unit (``90万亿元`` → 90, unit ``万亿元``); :func:`normalise_unit` splits the magnitude
prefix off the unit and gives the factor to the base unit.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

CN_DIGIT = "零〇○一二两三四五六七八九"
CN_NUMERAL = CN_DIGIT + "十百千万亿点"
MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6}
MAGNITUDES |= {"十万": 1e5, "万": 1e4, "千": 1e3}

# Every unit a figure may carry, each written once, by what it measures and which numerals it
# follows: a Chinese numeral carries fewer (一度 "once", 零部件, 一批 are words, not figures).
# 个 with the place counted (36个村, 22个省) is the unit as written, like 万户.
_COUNTED = (
    "人 户 个 项 位 名 所 家 件 条 座 台 辆 次 套 艘 架 国 人次 连冠 连增 连丰 个方面 方面 档 大"
    " 个村 个县 个乡 个镇 个省"
)
_COUNTED_AFTER_DIGITS = "部 种 批 类 处 村 镇 县 省 起"
_MEASURES = "个百分点 个位次 个月 公里 公顷 公斤 千瓦 美元 元 斤 吨 亩 倍 年 强 % ％ 成"
_MEASURES_AFTER_DIGITS = "千瓦时 平方公里 平方米 立方米 千米 周岁 岁 天 度 米 ‰"

COUNT_UNITS = frozenset((_COUNTED + " " + _COUNTED_AFTER_DIGITS).split())
"""Units of counted things (a figure in them is a count)."""
CN_UNITS = frozenset((_COUNTED + " " + _MEASURES).split())
"""Units a Chinese numeral may carry."""
UNITS = tuple(
    sorted(COUNT_UNITS | CN_UNITS | frozenset(_MEASURES_AFTER_DIGITS.split()), key=lambda u: (-len(u), u))
)
"""Every unit, longest first (so a pattern of alternatives takes the whole unit)."""
_UNIT_NAMES = {"％": "%", "成": "%"}


def parse_arabic(text: str) -> float:
    """``1,361`` / ``33，212`` / ``6.6`` → a number."""
    return float(text.replace(",", "").replace("，", ""))


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> float | None:
    """A Chinese numeral (``一百一十七``, ``两``, ``一点四``) as a number, or None if it is not one."""
    cleaned = text.replace("○", "零").replace("〇", "零")
    if not cleaned or cleaned[0] in "点" or cleaned[-1] == "点":
        return None
    try:
        value = cn2an.cn2an(cleaned, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


def chinese_count(number: int) -> str:
    """A small count in Chinese numerals (8 → 八), as a heading such as 八个“坚定不移” writes it."""
    return str(cn2an.an2cn(number, "low"))


def split_magnitude(numeral: str) -> tuple[str, str]:
    """Split a trailing 万/亿/万亿 off a Chinese numeral: ``一百一十七亿`` → (``一百一十七``, ``亿``).

    Magnitudes inside the numeral stay (``一万六千`` is one number).
    """
    for magnitude in ("万亿", "亿", "万"):
        if numeral.endswith(magnitude) and len(numeral) > len(magnitude):
            return numeral[: -len(magnitude)], magnitude
    return numeral, ""


def fraction_value(denominator: str, numerator: str) -> float | None:
    """``四分之一`` → 25.0 (percent): the fraction numerator / denominator as a percentage."""
    den = _any_number(denominator)
    num = _any_number(numerator)
    if den is None or num is None or den == 0:
        return None
    return round(num / den * 100, 6)


def _any_number(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return parse_chinese(text)


def normalise_unit(unit: str) -> tuple[str, float]:
    """The base unit and factor for a written unit: ``万亿元`` → (``元``, 1e12); ``%`` → (``%``, 1)."""
    for magnitude, factor in sorted(MAGNITUDES.items(), key=lambda item: -len(item[0])):
        if unit.startswith(magnitude) and unit != magnitude + "瓦" and not unit.startswith("千瓦"):
            base = unit[len(magnitude) :]
            return _UNIT_NAMES.get(base, base), factor * (10 if base == "成" else 1)
    if unit == "成":
        return "%", 10.0
    return _UNIT_NAMES.get(unit, unit), 1.0
