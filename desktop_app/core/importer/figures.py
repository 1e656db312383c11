"""Figure proposals: every quantity a report states, with exact spans, typed by the shared guidelines.

The rules implement ``FIGURE_GUIDELINES.md`` (what a figure is; text, value, unit, year, kind,
modifier and its meaning, name), in this order for each sentence:

1. find number tokens (:data:`_TOKEN`): Arabic with separators, Chinese numerals (through
   ``cn2an``), fractions (四分之一), 翻一番, each with a magnitude (万/亿) and unit as written;
2. drop what is not a figure (:func:`_not_a_figure`): calendar years, dates, plan and congress
   names, anniversaries, slogans and named sets, list numbering, words that only contain a numeral,
   age thresholds, numbers inside book titles or codes (PM2.5, 5G);
3. type the rest (:mod:`.typing`): modifier, year, kind, name, scope, confidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from desktop_app.core.importer.numbers import (
    CN_DIGIT,
    CN_NUMERAL,
    CN_UNITS,
    UNITS,
    fraction_value,
    normalise_unit,
    parse_arabic,
    parse_chinese,
    split_magnitude,
)

# A unit character that begins a word is not a unit: 14亿人口, 5家庭, 3条件.
_NOT_UNIT_AFTER = {
    "人": "口民员才群们均工",
    "户": "籍口",
    "家": "庭园乡",
    "名": "单称义",
    "条": "件例约",
    "台": "湾阶",
    "年": "度龄级底初末轻",
    "次": "数序",
    "所": "有得在以属",
    "度": "过",
    "位": "置于",
    "部": "分门署件",
    "种": "子植类",
    "处": "理于置",
    "类": "型",
    "省": "份",
    "县": "城域",
    "村": "民庄",
    "起": "来步草飞点征付始航诉见码源色落伏身止算初",
    "国": "家际内民务有防营债库企土情外是门庆力产策界道旗歌标计税法资货画学语粹宝集",
    "个村": "民庄级委干组镇",
    "个县": "级城域委市长区",
    "个乡": "镇村级",
    "个镇": "级村",
    "个省": "份会级市委长区",
}
_NOT_UNIT_WORDS = {"次": "|产业|贷"}
_UNIT_RE = "|".join(
    re.escape(u) + (f"(?![{_NOT_UNIT_AFTER[u]}]{_NOT_UNIT_WORDS.get(u, '')})" if u in _NOT_UNIT_AFTER else "")
    for u in sorted(UNITS, key=len, reverse=True)
)
_MAG_RE = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦米克])"
_TOKEN = re.compile(
    rf"(?P<half>一半)"
    rf"|(?P<pp>(?P<ppn>\d+(?:\.\d+)?|[{CN_DIGIT}十]+)个多百分点)"
    rf"|(?<=上)(?P<up>万亿|千万|百万|亿|万)(?P<upunit>{_UNIT_RE})?"
    rf"|(?P<frac>(?P<den>[{CN_NUMERAL}\d.]+)分之(?P<num>[{CN_NUMERAL}\d.]+))"
    rf"|(?P<fan>翻(?P<fann>[一两二三四五])番)"
    rf"|(?P<mix>(?P<mixa>\d+)(?P<mixm>亿|万)(?P<mixb>\d)(?P<mixn>千万|千|百)(?P<mixmore>多|余)?(?P<mixm2>万)?)"
    rf"(?P<mixunit>{_UNIT_RE})?"
    rf"|(?P<ar>\d+(?:[,，]\d{{3}})*(?:\.\d+)?)(?P<armore>多|余)?(?P<armag>{_MAG_RE})?(?P<armore2>多|余)?"
    rf"(?P<arunit>{_UNIT_RE})?"
    rf"|(?P<cn>[{CN_DIGIT}十百千][{CN_NUMERAL}]*)(?P<cnmore>多|余)?(?P<cnunit>{_UNIT_RE})?"
)
# Longer runs of digits or numerals are not figures (a pasted table, a code, noise) and would cost time.
MAX_TOKEN_LENGTH = 30
MAX_VALUE = 1e15
# Named sets and slogans that start with a numeral (guidelines: not figures).
_SLOGANS = re.compile(
    r"两个确立|两个维护|两个一百年|两个毫不动摇|两个大局|三大攻坚战|三个代表|三去一降一补|四个意识|四个自信|四个全面"
    r"|四个服务|五位一体|一带一路|一国两制|两岸|一中|一个中国|三农|两会|两学一做|六稳|六保|八项规定|五年规划"
    r"|三个务必|两个务必|三严三实|四风|十个坚持|一个国家，两种制度|两个文明|两手抓"
)
# 以千万计, 上百万: an order of magnitude written without a digit before it.
_BARE_ORDERS = {"十": 10.0, "百": 100.0, "千": 1000.0}
_LIST_SEPARATORS = re.compile(r"^[、和及与至到－—~\-]{1,2}$")
# N国 counts countries only when it restates a list (美、英、法三国) or follows a region (中亚四国);
# 中美两国, 二十国集团, 两国关系 are not quantities.
_REGIONS = re.compile(
    r"(?:中亚|西亚|南亚|东亚|东南亚|东盟|北欧|西欧|东欧|南欧|中东欧|北美|拉美|中东|海湾|非洲)$"
)
_YEAR_UNITS = ("年", "月", "日", "号", "周年", "世纪", "年代", "届", "次会议", "点钟", "时")


@dataclass(frozen=True, slots=True)
class Token:
    """A number as written in a sentence, before typing.

    Attributes:
        start, end: offsets of the figure's text in the paragraph (``text``).
        num_start: where the digits start (after 第/前 for ranks).
        value: in the written unit.
        unit: magnitude + unit as written (``万亿元``, ``%``), "" for a pure number.
        more: 多/余 written with the number ("" if none).
        chinese: written in Chinese numerals.
        rank_marker: 第 / 前 when the number is a position in an ordering.
    """

    start: int
    end: int
    num_start: int
    text: str
    value: float
    unit: str
    more: str
    chinese: bool
    rank_marker: str


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The figures written in ``text`` (a sentence), offsets shifted by ``offset``.

    Non-figures are left out; units missing from the first members of lists (``第1、2名``,
    ``8.9%、7.7%``) are taken from the next member.
    """
    found: list[tuple[re.Match[str], Token]] = []
    for match in _TOKEN.finditer(text):
        token = _token(match) if match.end() - match.start() <= MAX_TOKEN_LENGTH else None
        if token is not None and math.isfinite(token.value) and abs(token.value) < MAX_VALUE:
            found.append((match, token))
    found = _share_units(text, found)
    result = []
    previous: Token | None = None
    for match, token in found:
        token = _with_rank_marker(text, token)
        if (
            previous is not None
            and previous.rank_marker
            and _LIST_SEPARATORS.match(text[previous.end : token.start])
        ):
            token = replace(token, rank_marker=previous.rank_marker)  # 第1、2名
        previous = token
        if not _not_a_figure(text, match, token):
            result.append(
                Token(
                    token.start + offset,
                    token.end + offset,
                    token.num_start + offset,
                    token.text,
                    token.value,
                    token.unit,
                    token.more,
                    token.chinese,
                    token.rank_marker,
                )
            )
    return result


def _token(match: re.Match[str]) -> Token | None:
    start, end = match.span()
    if match.group("half"):  # 压缩一半: a fraction, 50 %
        return Token(start, end, start, match.group(), 50.0, "%", "", True, "")
    if match.group("pp"):  # 提高2个多百分点
        number = match.group("ppn")
        value = parse_arabic(number) if number[0].isdigit() else parse_chinese(number)
        if value is None:
            return None
        return Token(start, end, start, match.group(), value, "个百分点", "多", not number[0].isdigit(), "")
    if match.group("up"):  # 上亿市场主体: at least one of the magnitude
        unit = match.group("up") + (match.group("upunit") or "")
        return Token(start, end, start, match.group(), 1.0, unit, "上", True, "")
    if match.group("frac"):
        den = match.group("den")
        value = fraction_value({"百": "100", "千": "1000", "万": "10000"}.get(den, den), match.group("num"))
        if value is None:
            return None
        unit = "‰" if den == "千" else "%"
        if den == "千":
            value *= 10
        return Token(start, end, start, match.group(), value, unit, "", True, "")
    if match.group("fan"):
        value = parse_chinese(match.group("fann"))
        return None if value is None else Token(start, end, start, match.group(), value, "番", "", True, "")
    if match.group("mix"):  # 1万6千多户 → 1.6 万户; 1亿3千多万 → 1.3 亿
        top = 1e8 if match.group("mixm") == "亿" else 1e4
        low = {"千万": 1e7, "千": 1e3, "百": 1e2}[match.group("mixn")] * (1e4 if match.group("mixm2") else 1)
        value = round(int(match.group("mixa")) + int(match.group("mixb")) * low / top, 6)
        unit = match.group("mixm") + (match.group("mixunit") or "")
        return Token(start, end, start, match.group(), value, unit, match.group("mixmore") or "", False, "")
    if match.group("ar"):
        value = parse_arabic(match.group("ar"))
        more = match.group("armore") or match.group("armore2") or ""
        unit = (match.group("armag") or "") + (match.group("arunit") or "")
        return Token(start, end, start, match.group(), value, unit, more, False, "")
    numeral, magnitude = split_magnitude(match.group("cn"))
    parsed = _BARE_ORDERS[numeral] if magnitude and numeral in _BARE_ORDERS else parse_chinese(numeral)
    if parsed is None:
        return None
    unit = magnitude + (match.group("cnunit") or "")
    return Token(start, end, start, match.group(), parsed, unit, match.group("cnmore") or "", True, "")


def _share_units(text: str, found: list[tuple[re.Match[str], Token]]) -> list[tuple[re.Match[str], Token]]:
    """Give a unitless list member the unit of the member after it (``第1、2名``, ``6%－6.5%``)."""
    out = list(found)
    for i in range(1, len(out)):  # forwards: 百分之八至九 → 9 %
        match, token = out[i]
        previous = out[i - 1][1]
        if (
            not token.unit
            and previous.unit in ("%", "‰")
            and text[previous.end : token.start] in ("至", "到", "－", "-")
        ):
            out[i] = (match, _replace_unit(token, previous.unit))
    for i in range(len(out) - 2, -1, -1):
        match, token = out[i]
        following = out[i + 1][1]
        gap = text[token.end : following.start]
        if not token.unit and following.unit and _LIST_SEPARATORS.match(gap):
            unit = following.unit
            magnitude = next((m for m in ("万亿", "亿", "万") if unit.startswith(m)), "")
            if token.chinese or (magnitude and not _has_magnitude(match)):
                pass
            out[i] = (match, _replace_unit(token, unit))
    return out


def _has_magnitude(match: re.Match[str]) -> bool:
    return bool(match.group("armag"))


def _replace_unit(token: Token, unit: str) -> Token:
    return Token(
        token.start, token.end, token.num_start, token.text, token.value, unit, token.more, token.chinese, ""
    )


def _with_rank_marker(text: str, token: Token) -> Token:
    """A position (第3位, 前5): the marker joins the figure; a place in a 排名 without a unit is in 名."""
    before = text[token.start - 1] if token.start > 0 else ""
    if before not in ("第", "前"):
        return token
    unit = token.unit
    if not unit and _RANKING.search(text, 0, token.start - 1):
        unit = "名"  # 全省排名前5: a place in a ranking is counted in 名 (名次)
    return Token(
        token.start - 1,
        token.end,
        token.start,
        before + token.text,
        token.value,
        unit,
        token.more,
        token.chinese,
        before,
    )


_RANKING = re.compile(r"(?:排名|名次)[^，；。,;]{0,4}$")


def _not_a_figure(text: str, match: re.Match[str], token: Token) -> bool:
    """Whether a number token is not a figure by the guidelines (one rule per line)."""
    start, end = token.num_start, token.end
    before = text[max(0, token.start - 12) : token.start]
    after = text[end : end + 6]
    prev_char = before[-1:] if before else ""
    unit = token.unit
    base = unit.lstrip("万亿千百十")
    if token.value == 0 and not unit:
        return True
    if (prev_char.isascii() and prev_char.isalpha()) or (
        after[:1].isascii() and after[:1].isalpha() and not unit
    ):
        return True  # codes: PM2.5, G20, 5G
    if prev_char in ("这", "那", "此", "双", "每", "各"):
        return True  # 这八个方面 refers back; 双十强 is a name
    if re.match(r"(?:以上|以下)[村户企家县区镇乡]", after):
        return True  # a threshold in the name of a group: 20万元以下村
    if _inside(text, start, "《", "》"):
        return True  # book and document titles
    if _SLOGANS.match(text, token.start) or _SLOGANS.match(text, start):
        return True
    if (unit in ("个", "大", "项", "条") and after.startswith(("“", "‘"))) or (
        prev_char in ("“", "‘") and not unit.startswith("连") and not token.rank_marker
    ):
        return True  # named sets: 八个“坚定不移”, “十三五”
    if after.startswith(("会议", "全会", "大会")):
        return True  # sessions: 八届全国人大二次会议
    if not unit and after.startswith(_YEAR_UNITS):
        return True  # dates, years, sessions, anniversaries
    if token.rank_marker == "第" and unit not in ("位", "名", "") and not re.match(r"[大]", after):
        return True  # 第五条, 第十三届, document numbers
    if (
        token.rank_marker == "第"
        and not unit
        and (after[:1] in tuple("，、,：:是") or not _rank_context(before))
    ):
        return True  # list numbering 第一，
    if unit == "年" and not _duration(before, after):
        return True  # periods and names: 五年规划, 过去五年, 三年行动, 今后五年
    if base == "大" and not restates_list(before, token.value):
        return True  # 四大发明-style names; 工业、燃煤、机动车三大污染源 counts its list
    if base == "国" and not (_names_countries(before, token.value) or _REGIONS.search(before)):
        return True  # 中美两国, 二十国集团; but 美、英、法三国 and 中亚四国 count countries
    if token.rank_marker and re.search(r"(?:放在|摆在|放到|摆到)$", before):
        return True  # 把人民利益放在第一位: a priority, not a position
    if not unit and not token.rank_marker and re.fullmatch(r"(?:19|20)\d\d", match.group("ar") or ""):
        return True  # a calendar year without 年 (1980、1981年)
    if base in ("岁", "周岁") and after.startswith(("以上", "以下", "及以上")):
        return True  # age thresholds in names of groups
    if token.chinese and not _chinese_unit_ok(token, unit, base, prev_char, after):
        return True
    if not token.chinese and not unit and not token.rank_marker:
        has_point = "." in (match.group("ar") or "")
        return not has_point  # a bare integer is rarely a figure; a decimal (低于0.15) is
    return False


def _duration(before: str, after: str) -> bool:
    """N年 that is a quantity: 连续6年, a deadline (三年内, 今后10年内), a length (两年多, 年限达到9年)."""
    return (
        before.endswith(("连续", "连续第"))
        or (after.startswith("内") and not before.endswith(("过去", "近", "这")))
        or after.startswith("多")
        or bool(re.search(r"年限[^，；。]{0,12}$", before))
    )


def restates_list(before: str, count: float) -> bool:
    """Whether the clause before a count names as many items (工业、燃煤、机动车三大).

    Such a count is the size of the list it restates, a fact about it, never a quantity to reach.
    The list ends where the count starts (not 日侨的遣返、两国…).
    """
    clause = re.split(r"[，。；：,;:]", before)[-1]
    if not clause or clause[-1] in "、和":
        return False
    return count >= 2 and clause.count("、") + (1 if "和" in clause else 0) == count - 1


_COUNTRY_NAMES = re.compile(
    r"(?:^|(?<=[，。；：,;:和与同对的在从是为及]))[^，。；：、,;:]{1,2}(?:、[^，。；：、,;:]{1,2})+$"
)


def _names_countries(before: str, count: float) -> bool:
    """美、英、法三国: N short names joined by 、 right before N国 (not 改善两国关系、恢复两国贸易)."""
    names = _COUNTRY_NAMES.search(before)
    return names is not None and names.group().count("、") == count - 1


def _chinese_unit_ok(token: Token, unit: str, base: str, prev_char: str, after: str) -> bool:
    """Chinese numerals count only with a unit or magnitude, and 一 only with magnitudes or 倍."""
    if (
        (token.unit in ("%", "‰", "番") and token.text.endswith(("番", "之" + token.text[-1:])))
        or "分之" in token.text
        or token.more == "上"
        or token.text == "一半"
    ):
        return True
    if prev_char == "之" or (
        token.text.startswith("十") and len(token.text) >= 3 and token.text[2:3] == "五"
    ):
        return False  # 之一; 十三五
    if token.rank_marker:
        return unit in ("位", "名", "") or unit == "强"
    if not unit or (base and base not in CN_UNITS and unit not in CN_UNITS):
        return unit in ("万", "亿", "万亿")
    if token.value == 1 and not unit.startswith(("万", "亿", "千", "百")) and base not in ("倍",):
        return False  # 一个, 一项, 一次, 一成不变: words, not counts
    return not (base == "成" and token.value >= 10)


def _rank_context(before: str) -> bool:
    return bool(
        re.search(
            r"(居|列|排|位居|跃居|升至|上升到|名列|跃升至|世界|全国|全球|全省|全市)[^，。；]{0,6}$", before
        )
    )


def _inside(text: str, pos: int, opener: str, closer: str) -> bool:
    left = text.rfind(opener, 0, pos)
    return left >= 0 and text.rfind(closer, left, pos) < 0 and text.find(closer, pos) >= 0


def normalised(token: Token) -> tuple[str, float]:
    """The base unit and factor of a token's unit (``万亿元`` → 元, 1e12)."""
    return normalise_unit(token.unit)
