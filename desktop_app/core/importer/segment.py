"""Segmentation: headings, sections, sentences and the report's own goal areas.

Works on repaired paragraphs (:mod:`.intake`). Heading levels, as government work reports write them:

1. ``一、2024年工作回顾`` (a paragraph of its own), or a short paragraph without closing punctuation
   (a news article's subheading);
2. ``（一）…`` and ``第一，…`` (a paragraph of its own or the first sentence of one);
3. ``一是…``, ``——…`` and a short sentence-initial run-in heading (``实施提振消费专项行动。``).

A *part* is what a level-1 heading opens; it has a mode (``review`` of past work, ``tasks`` for the
coming year, or ``other``) and a year, which figures below it inherit. The report's goal areas are
its own top-level task areas: the level-2 headings of its tasks part, or else a list of parallel
clauses (``要坚定不移稳增长，奋力推动…走在前；要坚定不移强动力，…``) such as a news article quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
_L1 = re.compile(rf"^[{_CN}]+、")
_L2 = re.compile(rf"^(?:[（(][{_CN}]+[)）]|第[{_CN}]+[，、])")
_L3 = re.compile(rf"^(?:[{_CN}]+是|—{{2,}})")
_SENTENCE_END = "。！？；!?;"
_CLOSERS = "”’」』）)"
_YEAR = re.compile(r"(?:19|20)\d{2}(?=年)|[一二三四五六七八九〇○零]{4}(?=年)")
_REVIEW = re.compile(r"回顾|过去|一年来|成就|进展|取得|决算|执行情况|工作总结|基本情况")
_TASKS = re.compile(r"任务|要求|目标|安排|计划|预算|部署|政策取向|总体|工作重点|建议|今后|新的一年")
_BYLINE = re.compile(r"记者|通讯员|来源[:：]|责任编辑")
_CN_YEAR_DIGITS = str.maketrans("一二三四五六七八九〇○零", "123456789000")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (to 。；！？ and any closing quote) of a paragraph, by offsets into its text."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: a whole paragraph, or a run-in first sentence (``run_in``)."""

    paragraph: int
    level: int
    start: int
    end: int
    text: str
    run_in: bool


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one heading of level 1 or 2.

    Attributes:
        title: the heading's words without its number.
        mode: ``review``, ``tasks`` or ``other``: of the part the section lies in.
        year: the year figures in it refer to by default, None where the part does not say.
        goals: indexes into :attr:`Structure.goals` of goal areas this section is about.
        span: how many years the part reviews (过去五年工作回顾 → 5), 1 unless its heading says.
    """

    id: str
    title: str
    level: int
    paragraphs: tuple[int, ...]
    mode: str
    year: int | None
    goals: tuple[int, ...]
    span: int = 1


@dataclass(frozen=True, slots=True)
class Goal:
    """One of the report's own top-level task areas.

    Attributes:
        title: a short label (``稳增长``; a heading's first clause).
        lead: the rest of it (``经济回升向好``), may be "".
        label: how the report words a goal around title and lead, with ``{title}``/``{lead}``.
        paragraph, start, end: where its words stand.
    """

    order: int
    title: str
    lead: str
    sentence: str
    paragraph: int
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Structure:
    """Everything segmentation finds in a report's paragraphs."""

    roles: tuple[str, ...]
    sentences: tuple[tuple[Sentence, ...], ...]
    headings: tuple[Heading, ...]
    sections: tuple[Section, ...]
    section_of: tuple[int, ...]
    goals: tuple[Goal, ...]


def sentences(paragraph: int, text: str) -> tuple[Sentence, ...]:
    """Split a paragraph into sentences ending at 。！？； (closing quotes stay with their sentence)."""
    out = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] in _SENTENCE_END:
            j = i + 1
            while j < n and (text[j] in _SENTENCE_END or text[j] in _CLOSERS):
                j += 1
            out.append(Sentence(paragraph, start, j, text[start:j]))
            start = i = j
        else:
            i += 1
    if start < n:
        out.append(Sentence(paragraph, start, n, text[start:]))
    return tuple(out)


def heading_year(text: str) -> int | None:
    """The year a heading names (``2018年``, ``１９５５年`` already repaired, ``一九五五年``)."""
    match = _YEAR.search(text)
    if match is None:
        return None
    return int(match.group().translate(_CN_YEAR_DIGITS))


def part_mode(text: str) -> str:
    """Whether a level-1 heading opens a review of past work, the tasks ahead, or neither."""
    if _REVIEW.search(text):
        return "review"
    if _TASKS.search(text):
        return "tasks"
    return "other"


def _heading(index: int, text: str, first: Sentence | None, front: bool) -> Heading | None:
    whole = len(text) <= 40 and not any(ch in text[:-1] for ch in "。！？；")
    if _L1.match(text) and whole:
        return Heading(index, 1, 0, len(text), text, False)
    if _L2.match(text):
        if whole:
            return Heading(index, 2, 0, len(text), text, False)
        if first is not None:
            return Heading(index, 2, 0, first.end, first.text, True)
    if first is None or front:
        return None
    if _L3.match(text) and first.end < len(text):
        return Heading(index, 3, 0, first.end, first.text, True)
    if whole and text[-1] not in _SENTENCE_END + "：:，,":
        return Heading(index, 1, 0, len(text), text, False)
    if first.end < len(text) and len(first.text) <= 20 and "，" not in first.text and first.text[-1] == "。":
        return Heading(index, 3, 0, first.end, first.text, True)
    return None


def strip_number(text: str) -> str:
    """A heading's words without its number and closing punctuation: ``（一）稳增长。`` → ``稳增长``."""
    text = re.sub(rf"^(?:[{_CN}]+[、是]|[（(][{_CN}]+[)）]|第[{_CN}]+[，、]|—+)", "", text)
    return text.rstrip("。；;，,：: ")


def segment(texts: list[str], report_year: int | None) -> Structure:
    """Find roles, sentences, headings, sections and goal areas of a report's paragraphs.

    Args:
        texts: the repaired paragraphs.
        report_year: the report's year, used for parts whose heading names no year.
    """
    front_end = next((i for i, t in enumerate(texts[:12]) if t.startswith("各位代表")), 0)
    all_sentences = tuple(sentences(i, t) for i, t in enumerate(texts))
    headings: list[Heading] = []
    roles: list[str] = []
    for i, text in enumerate(texts):
        if i < front_end or (i == len(texts) - 1 and _BYLINE.search(text)):
            roles.append("headline" if i == 0 else "byline")
            continue
        found = _heading(i, text, all_sentences[i][0] if all_sentences[i] else None, False)
        if found is not None:
            headings.append(found)
        roles.append("heading" if found is not None and not found.run_in else "body")
    goals = (
        _goals_from_tasks(headings, texts, report_year)
        or _goals_from_clauses(texts, all_sentences)
        or _goals_from_parts(headings)
        or _whole_report(texts, all_sentences, front_end)
    )
    sections, section_of = _sections(texts, headings, goals, report_year)
    return Structure(tuple(roles), all_sentences, tuple(headings), sections, section_of, goals)


_NUMBER_WORD = r"[一二三四五六七八九十\d]+"
_SPAN_YEARS = re.compile(
    rf"过去({_NUMBER_WORD})年|({_NUMBER_WORD})年来|(?:以来的|这|近)({_NUMBER_WORD})年(?!前|后|内)"
)


def period_years(texts: tuple[str, ...]) -> int:
    """How many years a review period spans (过去五年, 五年来, 十一届人大以来的五年 → 5), 1 when none."""
    for text in reversed(texts):
        match = _SPAN_YEARS.search(text)
        if match:
            words = next(g for g in match.groups() if g)
            number = int(words) if words.isdigit() else "一二三四五六七八九十".find(words) + 1
            return number if 1 <= number <= 10 else 1
    return 1


def _part_year(text: str, mode: str, report_year: int | None) -> int | None:
    year = heading_year(text)
    if year is not None:
        return year
    if report_year is None:
        return None
    return {"review": report_year - 1, "tasks": report_year}.get(mode)


def _sections(
    texts: list[str], headings: list[Heading], goals: tuple[Goal, ...], report_year: int | None
) -> tuple[tuple[Section, ...], tuple[int, ...]]:
    starts = {h.paragraph: h for h in headings if h.level <= 2}
    sections: list[Section] = []
    members: list[list[int]] = []
    section_of: list[int] = []
    mode, year, span = "other", None, 1
    for i in range(len(texts)):
        heading = starts.get(i)
        if heading is not None:
            if heading.level == 1:
                mode = part_mode(heading.text)
                year = _part_year(heading.text, mode, report_year)
                span = period_years((heading.text,)) if mode == "review" else 1
            elif heading_year(heading.text) is not None:
                year = heading_year(heading.text)
            title = strip_number(heading.text)
            sections.append(
                Section(f"sec-{len(sections) + 1:03d}", title, heading.level, (), mode, year, (), span)
            )
            members.append([])
        elif not sections:
            sections.append(Section("sec-000", texts[0][:30] if texts else "", 1, (), "other", None, ()))
            members.append([])
        members[-1].append(i)
        section_of.append(len(sections) - 1)
    result = []
    for section, paragraphs in zip(sections, members, strict=True):
        linked = tuple(g.order - 1 for g in goals if g.paragraph in paragraphs)
        result.append(
            Section(
                section.id,
                section.title,
                section.level,
                tuple(paragraphs),
                section.mode,
                section.year,
                linked,
                section.span,
            )
        )
    return tuple(result), tuple(section_of)


def _goals_from_tasks(headings: list[Heading], texts: list[str], report_year: int | None) -> tuple[Goal, ...]:
    """Level-2 headings under the tasks part's level-1 heading (the last part whose heading says 任务)."""
    parts = [h for h in headings if h.level == 1 and _L1.match(h.text)]
    tasks = [h for h in parts if "任务" in h.text] or [h for h in parts if part_mode(h.text) == "tasks"]
    if not tasks:
        return ()
    part = tasks[-1]
    following = [h.paragraph for h in parts if h.paragraph > part.paragraph]
    end = following[0] if following else len(texts)
    subs = [h for h in headings if h.level == 2 and part.paragraph < h.paragraph < end]
    # Only the headings numbered like the first (（一）…), not a nested 第一，… list under one of them.
    subs = [h for h in subs if h.text[0] == subs[0].text[0]] if subs else []
    if len(subs) < 2:
        return ()
    goals = []
    for order, heading in enumerate(subs, start=1):
        words = strip_number(heading.text)
        title, _, lead = words.partition("，")
        offset = heading.text.find(words)
        goals.append(
            Goal(order, title, lead, heading.text, heading.paragraph, offset, offset + len(words), "{title}")
        )
    return tuple(goals)


def _goals_from_parts(headings: list[Heading]) -> tuple[Goal, ...]:
    """Without a tasks part: the numbered parts (一、…) themselves."""
    parts = [h for h in headings if h.level == 1 and _L1.match(h.text)]
    if len(parts) < 2:
        return ()
    goals = []
    for order, heading in enumerate(parts, start=1):
        words = strip_number(heading.text)
        offset = heading.text.find(words)
        goals.append(
            Goal(order, words, "", heading.text, heading.paragraph, offset, offset + len(words), "{title}")
        )
    return tuple(goals)


def _whole_report(
    texts: list[str], all_sentences: tuple[tuple[Sentence, ...], ...], front_end: int
) -> tuple[Goal, ...]:
    """No structure at all: one goal area, the report, quoting its first sentence."""
    for index in range(front_end, len(texts)):
        if all_sentences[index]:
            first = all_sentences[index][0]
            return (Goal(1, "全文", "", first.text, index, first.start, first.end, "{title}"),)
    return ()


def _common_prefix(items: list[str]) -> str:
    first = min(items, key=len) if items else ""
    for i, ch in enumerate(first):
        if any(item[i] != ch for item in items):
            return first[:i]
    return first


def _goals_from_clauses(
    texts: list[str], all_sentences: tuple[tuple[Sentence, ...], ...]
) -> tuple[Goal, ...]:
    """Three or more parallel clauses in one paragraph, each ``<prefix>X，<verb>Y<suffix>``."""
    for index, paragraph in enumerate(all_sentences):
        clauses = [s for s in paragraph if s.text.endswith(("；", "。"))]
        if len(clauses) < 3:
            continue
        bodies = [c.text.rstrip("；。") for c in clauses]
        prefix = _common_prefix(bodies[1:])
        suffix = _common_prefix([b[::-1] for b in bodies[1:]])[::-1]
        if len(prefix) < 2 or len(suffix) < 2 or not all("，" in b for b in bodies):
            continue
        core = prefix.lstrip("要将应")
        if any(core not in b for b in bodies):
            continue
        seconds = [b[b.find(core) :].partition("，")[2] for b in bodies]
        verb = _common_prefix(seconds)
        goals = []
        for order, (clause, body) in enumerate(zip(clauses, bodies, strict=True), start=1):
            at = body.find(core)
            if at < 0 or not body.endswith(suffix):
                break
            head, second = body[at + len(core) :].split("，", 1)
            lead = second[len(verb) : len(second) - len(suffix)]
            start = clause.start + at
            sentence_start = paragraph[0].start if order == 1 else clause.start
            sentence = texts[index][sentence_start : clause.end]
            goals.append(Goal(order, head, lead, sentence, index, start, clause.start + len(body), ""))
        else:
            label = f"{core}{{title}} · {{lead}}{suffix}"
            return tuple(
                Goal(g.order, g.title, g.lead, g.sentence, g.paragraph, g.start, g.end, label) for g in goals
            )
    return ()
