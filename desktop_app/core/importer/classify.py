"""Typing a figure by ``FIGURE_GUIDELINES.md``: modifier, year, kind, name, scope and confidence.

One function per decision. Each looks at the sentence the figure stands in, mostly at the
*clause* before it (back to the previous ，；。：), and at the part of the report it lies in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.importer.figures import Token
from desktop_app.core.importer.numbers import COUNT_UNITS, normalise_unit

# Modifiers written right before the number, and right after it; with their meaning.
_PRE_MODIFIERS = {
    "不低于": "at_least",
    "不少于": "at_least",
    "不超过": "at_most",
    "控制在": "at_most",
    "超过": "at_least",
    "突破": "at_least",
    "多于": "at_least",
    "高于": "at_least",
    "低于": "at_most",
    "少于": "at_most",
    "约": "approximate",
    "近": "approximate",
}
_POST_MODIFIERS = {"左右": "approximate", "以上": "at_least", "以内": "at_most", "以下": "at_most"}
_MORE = {"多": "approximate", "余": "approximate"}
_BOUND_WORDS = frozenset({"低于", "高于", "不超过", "不低于", "以内", "以下"})

_TARGET_CUES = re.compile(r"预期目标|目标|力争|拟|计划(?!生育)|确保|争取|要|安排|预算|将|到(?:19|20)\d\d年")
_CHANGE_CUES = re.compile(
    r"(?:增长|下降|提高|降低|增加|减少|上升|回落|下调|上调|扩大|缩小|上涨|下跌|增幅|降幅|增速|涨幅|提升|跃升|减产|增产"
    r"|压缩|压减|缩短|减排|增|降|减|涨)(?:了)?(?:近|约|超过|达)?$"
)
_LEVEL_AFTER_CUE = re.compile(
    r"(?:提高|降低|增加|下降|上升|减少|降|升|增|提升|压减|缩减|扩大)(?:到|至|为)[^，；。]{0,3}$"
)
_SHARE_CUES = re.compile(r"占|比重|比例|份额")
_YEAR_IN_TEXT = re.compile(
    r"(?<![比较同与由从于])((?:19|20)\d\d)(?:[—－-](?:19|20)?\d\d)?年(?!以前|之前|代)|(今年|本年|明年|去年|上年|过去一年|过去的一年|一年来|过去[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年来)"
)
_CLAUSE_BREAK = "，,；;。：:！？"
_NAME_STOPS = re.compile(
    r"比上年|同比|分别|年均|增长(?!率|点)|下降|提高|降低|增加(?!值)|减少|上升|回落|下调|上调|扩大|缩小|上涨|达到|达|为|突破|超过|实现|完成"
    r"|保持在|稳定在|控制在|占|约|近|预计|力争|累计|共计|总计|合计|是|居世界|居全国|位居|跃居|列全国|位列|名列|跃升|提升"
    r"|在|至|到|由|从|设立|新设|开工|安置|建成|改建|退出|削减|压减|缩减|缩短|减轻|降低"
    r"|低于|高于|不超过|不低于|入选|荣获|获得|新建|建成|开展|实施|打造|策划实施|遴选了?"
)
_NAME_LEADS = re.compile(
    r"^(?:以上|以下|左右|以内|多|余|的|全年|去年|今年|其中|同时|此外|另外|我国|全国|一年来|过去一年|并|而|再|又|使|让|把|将|要|(?:19|20)\d\d年|、)+"
)
_PERSON_WORDS = ("人口", "用户", "人", "户", "农民", "劳动力", "学生", "职工")


@dataclass(frozen=True, slots=True)
class Context:
    """What a figure's sentence and part tell about it.

    Attributes:
        sentence: the sentence's text; ``offset`` is where it starts in the paragraph.
        earlier: earlier sentences of the paragraph (for a year stated at their start).
        report_year: the report's year; ``part_year`` / ``part_mode`` those of the part it lies in.
        default_scope: the scope of the report's level.
        future: an earlier sentence of the paragraph speaks of what will be done (将, 今后, 下一步),
            outside any part that says whether it reviews or plans.
    """

    sentence: str
    offset: int
    earlier: tuple[str, ...]
    report_year: int
    part_year: int | None
    part_mode: str
    default_scope: str
    future: bool = False


@dataclass(frozen=True, slots=True)
class Typed:
    """A figure's fields by the guidelines."""

    value: float
    unit: str
    unit_normalised: str
    factor: float
    year: int
    kind: str
    modifier: str
    modifier_meaning: str
    name: str
    scope: str
    confidence: float
    year_basis: str


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last ，；。： before it)."""
    return max(sentence.rfind(ch, 0, pos) for ch in _CLAUSE_BREAK) + 1


def modifier(sentence: str, start: int, end: int, token: Token) -> tuple[str, str]:
    """The modifier word(s) as written and their meaning (guidelines' names)."""
    clause = sentence[clause_start(sentence, start) : start]
    words: list[tuple[int, str, str]] = []
    for word in ("力争", "预计"):
        at = clause.rfind(word)
        if at >= 0:
            words.append((at, word, "aspiration" if word == "力争" else "estimate"))
    near = clause[-4:]
    for word, meaning in _PRE_MODIFIERS.items():
        if near.endswith(word) or near.endswith(word + "了"):
            words.append((len(clause) - len(word), word, meaning))
            break
    if token.more:
        words.append((len(clause) + 1, token.more, _MORE[token.more]))
    after = sentence[end : end + 3]
    for word, meaning in _POST_MODIFIERS.items():
        if after.startswith(word):
            words.append((len(clause) + 2, word, meaning))
    if not words:
        return "", "exact"
    words.sort()
    return "…".join(w for _, w, _ in words), _strongest([m for _, _, m in words])


def _strongest(meanings: list[str]) -> str:
    """The meaning that governs several modifier words (力争…以上 is an aspiration)."""
    for first in ("aspiration", "estimate", "at_most", "at_least", "approximate"):
        if first in meanings:
            return first
    return meanings[0] if meanings else "exact"


def _known_modifiers() -> dict[str, str]:
    return {"力争": "aspiration", "预计": "estimate"} | _PRE_MODIFIERS | _MORE | _POST_MODIFIERS


def modifier_meaning_of(text: str) -> str:
    """The guideline meaning of modifier words as :func:`modifier` writes them (``力争…以上``).

    For a modifier a person typed while reviewing; words the importer does not know count as exact.
    """
    known = _known_modifiers()
    return _strongest([known[w] for w in text.split("…") if w in known])


def unknown_modifier_words(text: str) -> list[str]:
    """The words of a written modifier (``力争…以上``) that no modifier rule knows; none for ``""``."""
    known = _known_modifiers()
    return [w for w in text.split("…") if w not in known] if text else []


def year(ctx: Context, start: int, kind_hint_target: bool) -> tuple[int, str]:
    """The year a figure refers to, and what said so (``explicit``, ``relative``, ``part``, ``default``)."""
    found = _last_year(ctx.sentence[:start], ctx.report_year)
    if found is not None:
        return found
    for earlier in reversed(ctx.earlier):
        found = _last_year(earlier[:10], ctx.report_year)
        if found is not None:
            return found[0], "paragraph"
    if ctx.part_year is not None:
        return ctx.part_year, "part"
    return (ctx.report_year if kind_hint_target else ctx.report_year - 1), "default"


_SPAN_YEARS = re.compile(r"过去([一二三四五六七八九十\d]+)年|([一二三四五六七八九十\d]+)年来")


def period_years(texts: tuple[str, ...]) -> int:
    """How many years a review period spans (过去五年 → 5), 1 when none is named."""
    for text in reversed(texts):
        match = _SPAN_YEARS.search(text)
        if match:
            words = match.group(1) or match.group(2)
            number = int(words) if words.isdigit() else "一二三四五六七八九十".find(words) + 1
            return number if 1 <= number <= 10 else 1
    return 1


def _last_year(text: str, report_year: int) -> tuple[int, str] | None:
    matches = list(_YEAR_IN_TEXT.finditer(text))
    for match in reversed(matches):
        if match.group(1):
            following = text[match.end() : match.end() + 2]
            if following.startswith(("以来", "起")):
                continue
            span = re.match(r"((?:19|20)\d\d)[—－-]((?:19|20)?\d\d)", match.group())
            if span:
                last = span.group(2)
                return int(last if len(last) == 4 else span.group(1)[:2] + last), "explicit"
            return int(match.group(1)), "explicit"
        word = match.group(2)
        if word in ("今年", "本年"):
            return report_year, "relative"
        if word == "明年":
            return report_year + 1, "relative"
        if word == "上年" and text[max(0, match.start() - 1) : match.start()] in (
            "比",
            "较",
            "同",
            "于",
            "由",
        ):
            continue
        return report_year - 1, "relative"
    return None


def is_target(ctx: Context, clause: str, fig_year: int, basis: str) -> bool:
    """Set for the coming year or a future period (guideline kind 1)."""
    if "预计" in clause:
        return False
    if fig_year >= ctx.report_year and basis in ("explicit", "relative", "paragraph"):
        return True
    if ctx.part_mode == "tasks" and basis in ("part", "default"):
        return True
    return ctx.part_mode != "review" and (ctx.future or bool(_TARGET_CUES.search(clause)))


def kind(ctx: Context, token: Token, start: int, end: int, meaning: str, fig_year: int, basis: str) -> str:
    """The figure's kind: the first guideline rule that applies."""
    sentence = ctx.sentence
    clause = sentence[clause_start(sentence, start) : start]
    if is_target(ctx, clause, fig_year, basis):
        return "target"
    if "预计" in clause:
        return "estimate"
    base, _ = normalise_unit(token.unit)
    if token.rank_marker or base == "强":
        return "rank"
    local = clause[-12:]
    if (_SHARE_CUES.search(clause) and token.unit in ("%", "％", "‰")) or (
        "分之" in token.text and "占" in clause
    ):
        return "share"
    if token.unit in ("%", "％") and sentence[end : end + 1] == "的":
        return "share"
    if token.unit.endswith(("个百分点", "个位次", "番")) or (
        _CHANGE_CUES.search(local) and not _LEVEL_AFTER_CUE.search(local)
    ):
        return "change"
    if base in COUNT_UNITS or (not base and token.unit and _names_people(sentence, end)):
        return "count"
    return "achieved"


def _names_people(sentence: str, end: int) -> bool:
    return sentence[end : end + 4].startswith(_PERSON_WORDS)


def name(sentence: str, start: int, end: int, since: int = 0) -> str:
    """The indicator: the clause subject before the number, else the noun right after it."""
    clause_from = max(clause_start(sentence, start), since)
    window = sentence[clause_from:start]
    stop = _NAME_STOPS.search(window)
    subject = window[: stop.start()] if stop else window
    if stop and stop.start() == 0:  # 列全国…第51位, 力争进出口突破…: the object between the verbs
        rest = window[stop.end() :]
        following = _NAME_STOPS.search(rest)
        subject = rest[: following.start()] if following else rest
    subject = _NAME_LEADS.sub("", subject).strip("、，“”（）() ")
    if subject.count("”") > subject.count("“"):
        subject = "“" + subject  # the opening quote was cut off with the clause's lead words
    if len(subject) >= 2:
        return subject
    after = re.match(r"[^，。；、：（）\d在的得于]{1,12}", sentence[end:])
    noun = after.group() if after else ""
    noun = re.split(r"以上|以下|左右|以内", noun)[0]
    return noun or subject


def aligned_names(sentence: str, starts: list[int]) -> list[str] | None:
    """Names for a 分别 list: ``高技术制造业、装备制造业增加值分别增长8.9%、7.7%`` → two names."""
    first = starts[0]
    clause = sentence[clause_start(sentence, first) : first]
    at = clause.rfind("分别")
    if at < 0:
        return None
    subject = _NAME_LEADS.sub("", clause[:at])
    items = [i for i in re.split(r"、|和|及|与", subject) if i]
    if len(items) != len(starts):
        return None
    head = _shared_head(items)
    return [item if item.endswith(head) else item + head for item in items]


def _shared_head(items: list[str]) -> str:
    """The head noun the last item carries for all (增加值 in 高技术制造业、装备制造业增加值)."""
    last = items[-1]
    for head in ("增加值", "收入", "产量", "投资", "总额", "增速", "比重", "支出", "产值", "销售额", "人数"):
        if last.endswith(head) and not any(item.endswith(head) for item in items[:-1]):
            return head
    return ""


def scope(ctx: Context, start: int) -> str:
    """Where stated (全国/全省/全市 just before it), else the scope of the report's level."""
    window = ctx.sentence[clause_start(ctx.sentence, start) : start]
    for word, value in (("全国", "nation"), ("全省", "province"), ("全市", "city")):
        if word in window and not window.endswith(("第", "前")):
            return value if _wider(value, ctx.default_scope) else ctx.default_scope
    return ctx.default_scope


def _wider(scope_value: str, default: str) -> bool:
    order = ["county", "district", "city", "province", "nation"]
    return order.index(scope_value) > order.index(default) if default in order else False


def confidence(token: Token, fig_name: str, basis: str, fig_kind: str) -> float:
    """How sure the proposal is, 0–1: lower for Chinese numerals, bare numbers, no name, a guessed year."""
    score = 0.92
    if token.chinese and not token.unit.startswith(("万", "亿", "%")):
        score -= 0.15
    if not token.unit:
        score -= 0.25
    if len(fig_name) < 2:
        score -= 0.2
    if basis == "default":
        score -= 0.12
    if fig_kind == "rank" and not token.unit:
        score -= 0.1
    return round(min(0.99, max(0.05, score)), 2)


def classify(ctx: Context, token: Token, fig_name: str | None = None, since: int = 0) -> Typed:
    """All fields of one figure; its name is looked for after ``since`` (the previous figure's end)."""
    start = token.start - ctx.offset
    end = token.end - ctx.offset
    mod_text, meaning = modifier(ctx.sentence, start, end, token)
    clause = ctx.sentence[clause_start(ctx.sentence, start) : start]
    hint = (ctx.future or bool(_TARGET_CUES.search(clause))) and "预计" not in clause
    fig_year, basis = year(ctx, start, hint)
    fig_kind = kind(ctx, token, start, end, meaning, fig_year, basis)
    if fig_kind in ("achieved", "count") and (set(mod_text.split("…")) & _BOUND_WORDS):
        fig_kind = "bound"
    resolved_name = fig_name if fig_name is not None else name(ctx.sentence, start, end, since - ctx.offset)
    unit_normalised, factor = normalise_unit(token.unit)
    return Typed(
        value=token.value,
        unit=token.unit,
        unit_normalised=unit_normalised,
        factor=factor,
        year=fig_year,
        kind=fig_kind,
        modifier=mod_text,
        modifier_meaning=meaning,
        name=resolved_name,
        scope=scope(ctx, start),
        confidence=confidence(token, resolved_name, basis, fig_kind),
        year_basis=basis,
    )
