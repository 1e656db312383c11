"""Typing a figure by ``FIGURE_GUIDELINES.md``: modifier, year, kind, name, scope and confidence.

One function per decision. Each looks at the sentence the figure stands in, mostly at the
*clause* before it (back to the previous ，；。：), and at the part of the report it lies in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.importer.figures import Token, restates_list
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
_MORE = {"多": "approximate", "余": "approximate", "上": "at_least"}
_TIME_UNITS = ("年", "个月", "天")
_BOUND_WORDS = frozenset({"低于", "高于", "不超过", "不低于", "以内", "以下"})

_TARGET_CUES = re.compile(r"预期目标|目标|力争|拟|计划(?!生育)|确保|争取|要|安排|预算|将|到(?:19|20)\d\d年")
# A level stated as it stands now, also inside a tasks part: done (已经超过2万亿元, 已由15.3%降到12%),
# or current (目前, 现行16%的税率 — but the level a task changes it to, 降至13%, is the task's).
_DONE_CUES = re.compile(r"已(?:经|达|有|超过|突破|由|从)(?!.*(?:要|力争|确保|计划|目标))")
_CURRENT_CUES = re.compile(r"(?:目前|现有|现行)(?!.*(?:要|力争|确保|计划|目标))")
# A growth rate named as such is a change even when stated as a level (涨幅回落到2.6%).
_RATE_AFTER = re.compile(r"[^，；。、]{0,4}率")
_RATE_NAMES = re.compile(r"涨幅|增幅|降幅|增速|增长率|增长速度")
_CHANGE_CUES = re.compile(
    r"(?:增长|下降|提高|降低|增加|减少|上升|回落|下调|上调|扩大|缩小|上涨|下跌|增幅|降幅|增速|涨幅|提升|跃升|减产|增产"
    r"|压缩|压减|缩短|减排|(?<!新)增|降|减|涨)(?:了)?(?:近|约|超过|达)?$"
)
# A verb of change with its object before the amount (增加支出621亿元, 减少农村贫困人口1000万): the
# amount is the change. Not 增加值 (value added), not a level reached (提高标准到, 增加为).
_CHANGE_WITH_OBJECT = re.compile(
    r"(?:(?<!新)增加|减少|提高|降低|削减|压减|节约|节省)(?!值)[^，；。、：的到至为达\d]{1,6}$"
)
_LEVEL_AFTER_CUE = re.compile(
    r"(?:提高|降低|增加|下降|上升|减少|降|升|增|提升|压减|缩减|扩大)(?:到|至|为)[^，；。]{0,3}$"
)
_SHARE_CUES = re.compile(r"占|比重|比例|份额")
_YEAR_IN_TEXT = re.compile(
    r"(?<![比较同与由从于])((?:19|20)\d\d)(?:[—－-](?:19|20)?\d\d)?年(?!以前|之前|代)|(今年|本年|明年|去年|上年|过去一年|过去的一年|一年来|过去[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年来)"
)
# Words that make a number in a tasks part something to be done: plan words and verbs of action. A
# figure of a tasks part with none of them before it, in its paragraph or in an introducing paragraph is
# a fact stated there (我国有上亿市场主体, 受困扰的家庭以千万计), not a target.
PLAN_CUES = re.compile(
    r"要|拟|将|力争|确保|争取|目标|计划|安排|预算|预期|控制|继续|再|进一步|提高|降低|增加|减少|新增|新建|改建"
    r"|改造|完成|实现|推进|推动|扩大|下降|增长|减|降|提升|达到|稳定在|保持|建设|加强|支持|实施|开展|培训|扩招"
    r"|投资|发行|用于|拿出|补助|下达|取消|免|清偿|压减|加快|覆盖|建成|开工|解决|脱贫|搬迁|治理|淘汰|整合|力度|标准"
    r"|提出"
)
_CLAUSE_BREAK = "，,；;。：:！？"
_NAME_STOPS = re.compile(
    r"[降升增减][至到]|降为|比上年|同比|分别|年均|增长(?!率|点)|下降|提高|降低|增加(?!值)|减少|上升|回落|下调|上调|扩大|缩小|上涨|达到|达|为|突破|超过|实现|完成"
    r"|保持在|稳定在|控制在|占|约|近|预计|力争|累计|共计|总计|合计|是|居世界|居全国|位居|跃居|列全国|位列|名列|跃升|提升"
    r"|在|至|到|由|从|设立|新设|开工|安置|建成|改建|退出|削减|压减|缩减|缩短|减轻|降低"
    r"|低于|高于|不超过|不低于|入选|荣获|获得|新建|建成|开展|实施|打造|策划实施|遴选了?"
)
_NAME_LEADS = re.compile(
    r"^(?:以上|以下|左右|以内|多|余|的|全年|去年|今年|其中|同时|此外|另外|我国|全国|一年来|过去一年|并|而|再|又|使|让|把|将|要|(?:19|20)\d\d年|、)+"
)
_PERSON_WORDS = ("人口", "用户", "人", "户", "农民", "劳动力", "学生", "职工")
# The people a bare 万/亿 counts, named in the noun phrase after it (3亿多农村人口, 1260万农村户籍孩子).
_PEOPLE_AFTER = re.compile(
    r"[^，。；、的在和与及]{0,8}?(?:人口|人员|人才|农民|农民工|学生|孩子|儿童|职工|群众|居民|家庭|纳税人|劳动力|用户|老人|患者|中国人|市场主体|企业)"
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a figure's sentence and part tell about it.

    Attributes:
        sentence: the sentence's text; ``offset`` is where it starts in the paragraph.
        earlier: earlier sentences of the paragraph (for a year stated at their start).
        report_year: the report's year; ``part_year`` / ``part_mode`` those of the part it lies in.
        default_scope: the scope of the report's level.
        planned: the paragraph's earlier sentences, or a previous paragraph that introduces it,
            state a plan (:data:`PLAN_CUES`), so its bare figures are targets.
        introduced: the previous paragraph introduces this one as targets (主要预期目标是：).
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
    planned: bool = True
    introduced: bool = False


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
    if token.unit in _TIME_UNITS and after[:1] in ("内", "多"):  # 三年内 (a deadline), 两年多
        words.append((len(clause) + 2, after[0], "at_most" if after[0] == "内" else "approximate"))
    if clause.endswith("以") and after.startswith("计"):  # 以千万计
        words.append((len(clause) - 1, "以…计", "approximate"))
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
    known = {"力争": "aspiration", "预计": "estimate", "内": "at_most", "以计": "approximate"}
    return known | _PRE_MODIFIERS | _MORE | _POST_MODIFIERS


def _modifier_words(text: str) -> list[str]:
    """The words of a written modifier: ``力争…以上`` → 力争, 以上; ``以…计`` is one word."""
    return text.replace("以…计", "以计").split("…")


def modifier_meaning_of(text: str) -> str:
    """The guideline meaning of modifier words as :func:`modifier` writes them (``力争…以上``).

    For a modifier a person typed while reviewing; words the importer does not know count as exact.
    """
    known = _known_modifiers()
    return _strongest([known[w] for w in _modifier_words(text) if w in known])


def unknown_modifier_words(text: str) -> list[str]:
    """The words of a written modifier (``力争…以上``) that no modifier rule knows; none for ``""``."""
    known = _known_modifiers()
    return [w for w in _modifier_words(text) if w not in known] if text else []


# A year named as the base of a comparison (在1992年快速增长的基础上，1993年…) is not the figure's.
_BASE_YEAR = re.compile(r"在(?:19|20)\d\d年[^，。；,;]*?基础上[，,]?")


def year(ctx: Context, start: int, kind_hint_target: bool) -> tuple[int, str]:
    """The year a figure refers to, and what said so (``explicit``, ``relative``, ``part``, ``default``)."""
    found = _last_year(_BASE_YEAR.sub("", ctx.sentence[:start]), ctx.report_year)
    if found is not None:
        return found
    for earlier in reversed(ctx.earlier):
        found = _last_year(_BASE_YEAR.sub("", earlier)[:10], ctx.report_year)
        if found is not None and not (ctx.part_mode == "tasks" and found[0] < ctx.report_year):
            return found[0], "paragraph"
        if found is not None:
            break  # a past year opening an earlier sentence of a tasks part is that sentence's own
    if ctx.part_year is not None:
        return ctx.part_year, "part"
    return (ctx.report_year if kind_hint_target else ctx.report_year - 1), "default"


_WRITTEN_YEAR = re.compile(r"((?:19|20)\d\d)年|(去年|上年|今年|本年)|(年初|年末|年底)")


def written_year(phrase: str, report_year: int, statement_year: int) -> int | None:
    """A year written in a 从/由 phrase, None when it names none.

    从2009年的 → 2009, 从去年的 → report year − 1, 由上年的 → the year before the statement's.
    """
    match = _WRITTEN_YEAR.search(phrase)
    if match is None:
        return None
    if match.group(1):
        return int(match.group(1))
    if match.group(2):
        return {"去年": report_year - 1, "上年": statement_year - 1}.get(match.group(2), report_year)
    return statement_year  # 由年初的400多万人扩大到年末的: the same year


# An effective date (从2002年1月1日起) names the year a figure holds from, unlike 从2009年的 X.
_EFFECTIVE_DATE = re.compile(r"从((?:19|20)\d\d)年(?:\d{1,2}月(?:\d{1,2}日)?)?起")


def _last_year(text: str, report_year: int) -> tuple[int, str] | None:
    matches = list(_YEAR_IN_TEXT.finditer(text))
    effective = list(_EFFECTIVE_DATE.finditer(text))
    if effective and (not matches or effective[-1].start() > matches[-1].start()):
        return int(effective[-1].group(1)), "explicit"
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
        preceding = text[max(0, match.start() - 1) : match.start()]
        if (word == "上年" and preceding in ("比", "较", "同", "于", "由")) or (
            word == "去年" and preceding in ("比", "较", "同")
        ):
            continue  # a comparison base: 比上年 / 比去年预算增加 is the statement's own year
        return report_year - 1, "relative"
    return None


def is_target(ctx: Context, clause: str, fig_year: int, basis: str, start: int) -> bool:
    """Set for the coming year or a future period (guideline kind 1); ``start`` is the figure's offset."""
    if "预计" in clause or _DONE_CUES.search(clause):
        return False
    if _CURRENT_CUES.search(clause) and not _LEVEL_AFTER_CUE.search(clause[-12:]):
        return False
    if fig_year >= ctx.report_year and basis in ("explicit", "relative", "paragraph"):
        # a review part states facts of the report's own year too (从2002年1月1日起…涉及5300多个税目)
        return ctx.part_mode != "review" or bool(_TARGET_CUES.search(clause))
    if ctx.part_mode == "tasks" and basis in ("part", "default"):
        rest = re.split(f"[{_CLAUSE_BREAK}]", ctx.sentence[start:], maxsplit=1)[0]
        return ctx.planned or bool(PLAN_CUES.search(ctx.sentence[:start]) or PLAN_CUES.search(rest))
    return ctx.part_mode != "review" and (ctx.future or ctx.introduced or bool(_TARGET_CUES.search(clause)))


def kind(ctx: Context, token: Token, start: int, end: int, meaning: str, fig_year: int, basis: str) -> str:
    """The figure's kind: the first guideline rule that applies."""
    sentence = ctx.sentence
    clause = sentence[clause_start(sentence, start) : start]
    base, _ = normalise_unit(token.unit)
    if _restated_list(token, base, sentence[:start], clause):
        return "count"  # 工业、燃煤、机动车三大污染源: the size of a list, in a tasks part too
    if is_target(ctx, clause, fig_year, basis, start):
        return "target"
    if "预计" in clause:
        return "estimate"
    if token.rank_marker or base == "强":
        return "rank"
    local = clause[-12:]
    if (_SHARE_CUES.search(clause) and token.unit in ("%", "％", "‰")) or (
        "分之" in token.text and "占" in clause
    ):
        return "share"
    if (
        token.unit in ("%", "％")
        and sentence[end : end + 1] == "的"
        and not _RATE_AFTER.match(sentence, end + 1)
    ):
        return "share"  # 60%的人口; not 16%的税率, a rate's level
    if (
        token.unit.endswith(("个百分点", "个位次", "番"))
        or (_CHANGE_CUES.search(local) and not _LEVEL_AFTER_CUE.search(local))
        or _CHANGE_WITH_OBJECT.search(local)
        or (token.unit in ("%", "％") and _RATE_NAMES.search(clause))
    ):
        return "change"
    if base in COUNT_UNITS or (not base and token.unit and _names_people(sentence, end)):
        return "count"
    return "achieved"


# Verbs that make the things a list counts: a task then creates them (建成南湾、薄山…等四个大型水库).
_CREATES = re.compile(r"建成|新建|建设|兴建|修建|完成|实施|办好|办成|遴选|开工|启动|打造|推出|设立")


def _restated_list(token: Token, base: str, before: str, clause: str) -> bool:
    """A count that restates the list before it, of things that exist, not things a task creates.

    工业、燃煤、机动车三大污染源, 香港、澳门两个特别行政区: the list's size, a count even in a tasks part;
    计划建成南湾、薄山、佛子岭、梅山等四个大型水库 counts what the task creates, so it stays a target.
    """
    return (
        base in COUNT_UNITS
        and not token.rank_marker
        and restates_list(before, token.value)
        and not _CREATES.search(clause)
    )


def _names_people(sentence: str, end: int) -> bool:
    return sentence[end : end + 4].startswith(_PERSON_WORDS) or bool(_PEOPLE_AFTER.match(sentence, end))


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
    subject = _tidy_name(subject)
    if len(subject) < 2 and stop and stop.start() > 0:  # 今年再减少农村贫困人口1000万: the object
        rest = window[stop.end() :]
        following = _NAME_STOPS.search(rest)
        subject = _tidy_name(rest[: following.start()] if following else rest)
    if subject.count("”") > subject.count("“"):
        subject = "“" + subject  # the opening quote was cut off with the clause's lead words
    if len(subject) >= 2:
        return subject
    after = re.match(r"[^，。；、：（）\d在的得于]{1,12}", sentence[end:])
    noun = after.group() if after else ""
    noun = re.split(r"以上|以下|左右|以内", noun)[0]
    return noun or subject


# Plan and hedge words around a clause subject that are not part of the indicator's name.
_NAME_TAIL = re.compile(r"(?:预算)?(?:拟按|拟安排|拟|安排|都要|也要|要|再|预期|预定|实际|计划)+$")
_NAME_HEAD = re.compile(r"^(?:拟安排|拟|安排|计划|但|争取|扣除(?:物价|价格)因素|考虑价格(?:下降)?因素)+")


def _tidy_name(subject: str) -> str:
    """A clause subject without lead words and plan words (拟安排财政赤字, 赤字率拟按 → the indicator)."""
    subject = _NAME_LEADS.sub("", subject).strip("、，“”（）() ")
    tidy = _NAME_TAIL.sub("", _NAME_HEAD.sub("", subject))
    return tidy if len(tidy) >= 2 else subject


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
