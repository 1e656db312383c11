"""The importer end to end: raw text → repaired paragraphs → structure → figure proposals.

Pure Python, no Qt. :func:`import_text` is what the CLI and a GUI call; :mod:`.dataset` turns its
result into a dataset of the report schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from desktop_app.core.importer.classify import (
    PLAN_CUES,
    Context,
    Typed,
    aligned_names,
    classify,
    clause_start,
    is_target,
    written_year,
)
from desktop_app.core.importer.classify import year as year_of
from desktop_app.core.importer.figures import Token, tokens
from desktop_app.core.importer.intake import Intake, repair_text
from desktop_app.core.importer.metadata import Detected, detect
from desktop_app.core.importer.numbers import COUNT_UNITS, normalise_unit
from desktop_app.core.importer.segment import Sentence, Structure, period_years, segment
from desktop_app.core.textfold import to_simplified

LEVEL_SCOPES = {
    "national": "nation",
    "province": "province",
    "city": "city",
    "district": "district",
    "county": "county",
}
_FUTURE = re.compile(r"将|今后|下一步|力争")
_FROM_TO = re.compile(r"^(?:提高|降低|增加|下降|上升|减少|降|升|增|提升|压减|扩大|缩小)(?:到|至)")


class EmptyTextError(ValueError):
    """The text holds no paragraph of report text (empty, blank, or only a licence notice)."""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed figure: where it stands and what it is.

    Attributes:
        paragraph: index of the paragraph; ``start``/``end``/``text`` the figure in its text.
        sentence: the sentence holding it.
        section: index of the section it lies in.
        fields: value, unit, year, kind, modifier, name, scope, confidence.
    """

    paragraph: int
    start: int
    end: int
    text: str
    sentence: Sentence
    section: int | None
    fields: Typed


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Everything the importer found in one text."""

    intake: Intake
    structure: Structure
    detected: Detected
    year: int
    level: str
    proposals: tuple[Proposal, ...]


def import_text(
    raw: str,
    *,
    year: int | None = None,
    level: str | None = None,
    furniture: Iterable[str] = (),
) -> ImportResult:
    """Repair, segment and propose figures for a report's raw text.

    Args:
        raw: the text as captured (already decoded; see :func:`.intake.decode`).
        year: the report's year when the caller knows it; else detected, else the current text's
            latest review year + 1.
        level: national / province / city / district / county when known; else detected.
        furniture: page-furniture lines to drop (see :func:`.intake.repair_text`).

    Raises:
        EmptyTextError: when there is no report text at all.
        ValueError: when no year is given and none can be found in the text.
    """
    intake = repair_text(raw, furniture)
    if not intake.paragraphs:
        raise EmptyTextError("no report text found (the file is empty, blank or only a licence notice)")
    originals = [p.text for p in intake.paragraphs]
    texts = [simplified(t) for t in originals]  # same length: rules read simplified, spans cut originals
    detected = detect(texts)
    report_year = year or detected.year
    if report_year is None:
        raise ValueError("the report's year is not in the text; give it (--year)")
    report_level = level or detected.level or "national"
    structure = segment(texts, report_year)
    proposals = propose(texts, structure, report_year, LEVEL_SCOPES.get(report_level, "nation"))
    if texts != originals:
        proposals = [_in_original(p, originals[p.paragraph]) for p in proposals]
    return ImportResult(intake, structure, detected, report_year, report_level, tuple(proposals))


@lru_cache(maxsize=65536)
def _simplified_char(char: str) -> str:
    return to_simplified(char)


def simplified(text: str) -> str:
    """Traditional characters as simplified ones, one for one, so offsets stay valid."""
    return "".join(_simplified_char(ch) for ch in text) if not text.isascii() else text


def _in_original(proposal: Proposal, original: str) -> Proposal:
    """A proposal found in simplified text, with its texts cut from the original paragraph."""
    sentence = proposal.sentence
    at = sentence.text.find(proposal.fields.name) if proposal.fields.name else -1
    name = proposal.fields.name
    if at >= 0:
        name = original[sentence.start + at : sentence.start + at + len(name)]
    return replace(
        proposal,
        text=original[proposal.start : proposal.end],
        sentence=replace(sentence, text=original[sentence.start : sentence.end]),
        fields=replace(proposal.fields, name=name),
    )


def propose(texts: list[str], structure: Structure, report_year: int, default_scope: str) -> list[Proposal]:
    """Figure proposals for every sentence of every paragraph (headings and bylines included)."""
    out: list[Proposal] = []
    for index, text in enumerate(texts):
        if structure.roles[index] in ("headline", "byline"):
            continue
        section_index = structure.section_of[index]
        section = structure.sections[section_index] if section_index is not None else None
        sentences = structure.sentences[index]
        introduced = _introduced(texts, index)
        for k, sentence in enumerate(sentences):
            found = tokens(sentence.text, sentence.start)
            if not found:
                continue
            ctx = Context(
                sentence=sentence.text,
                offset=sentence.start,
                earlier=tuple(s.text for s in sentences[:k]),
                report_year=report_year,
                part_year=section.year if section else None,
                part_mode=section.mode if section else "other",
                default_scope=default_scope,
                future=(section is None or section.mode == "other")
                and any(_FUTURE.search(s.text) for s in sentences[:k]),
                planned=any(PLAN_CUES.search(s.text) for s in sentences[:k]) or introduced,
                introduced=introduced,
            )
            names = _aligned(sentence, found)
            typed: list[Typed] = [
                classify(ctx, token, names.get(i), found[i - 1].end if i else 0)
                for i, token in enumerate(found)
            ]
            span = period_years((*ctx.earlier, sentence.text))
            typed = _from_to(ctx, found, typed, span, section.span if section else 1)
            typed = _list_kinds(sentence, found, typed)
            typed = _inherit_names(found, typed)
            out.extend(
                Proposal(
                    index,
                    token.start,
                    token.end,
                    text[token.start : token.end],
                    sentence,
                    section_index,
                    fields,
                )
                for token, fields in zip(found, typed, strict=True)
            )
    return out


def _introduced(texts: list[str], index: int) -> bool:
    """Whether the paragraph before introduces this one as targets (今年发展的主要预期目标是：)."""
    previous = texts[index - 1].rstrip() if index > 0 else ""
    return previous.endswith(("：", ":")) and bool(re.search(r"目标|预期|计划|指标|要求", previous))


def _aligned(sentence: Sentence, found: list[Token]) -> dict[int, str]:
    """Names for members of 分别 lists (runs of figures joined by 、 after 分别)."""
    names: dict[int, str] = {}
    i = 0
    while i < len(found):
        run = [i]
        while run[-1] + 1 < len(found):
            gap = sentence.text[
                found[run[-1]].end - sentence.start : found[run[-1] + 1].start - sentence.start
            ]
            if gap not in ("、", "和", "，"):
                break
            run.append(run[-1] + 1)
        if len(run) > 1:
            aligned = aligned_names(sentence.text, [found[j].start - sentence.start for j in run])
            if aligned:
                names.update(zip(run, aligned, strict=True))
        i = run[-1] + 1
    return names


def _from_to(ctx: Context, found: list[Token], typed: list[Typed], span: int, part_span: int) -> list[Typed]:
    """从X提高到Y: X is the earlier level, not a change; Y the level reached.

    X's year is the one written in the 从 phrase (从2009年的2.8%, 由上年的1.2%), else the level
    before the period Y closes: ``span`` years before Y's (a period the paragraph names), or
    ``part_span`` when Y's year is the part's (a five-year review: 从26.6万亿元增加到51.9万亿元 →
    2007 and 2012). A current level that a task changes (Y a target: 由每人每年240元提高到280元)
    is in force in the report's year. A year written in the 从 phrase is X's only: Y's comes from
    the text before the phrase (赤字率从去年的2.1%提高到2.3%: 2.3 % is this year's target).
    """
    out = list(typed)
    report_year = ctx.report_year
    for i in range(len(found) - 1):
        x, y = found[i], found[i + 1]
        before = ctx.sentence[: x.start - ctx.offset][-12:]
        between = ctx.sentence[x.end - ctx.offset : y.start - ctx.offset]
        opener = re.search(r"[从由][^，。；从由]*$", before)
        if opener and _FROM_TO.match(between):
            written = written_year(opener.group(), report_year, out[i + 1].year)
            if written is not None and out[i + 1].year == written:
                out[i + 1] = _year_before_phrase(ctx, y, x.start - len(before) + opener.start(), out[i + 1])
            target = out[i + 1].kind == "target"
            if written is not None:
                x_year = written
            elif target:
                x_year = min(out[i + 1].year, report_year)
            else:
                years = part_span if span == 1 and out[i + 1].year_basis == "part" else span
                x_year = out[i + 1].year - years
            out[i] = replace(out[i], kind=_level_kind(found[i], out[i].kind, False), year=x_year)
            out[i + 1] = replace(out[i + 1], kind=_level_kind(found[i + 1], out[i + 1].kind, target))
            if len(out[i].name) < 2:
                out[i] = replace(out[i], name=out[i + 1].name)
    return out


_LIST_GAPS = frozenset({"、", "和", "及", "与", "至", "到", "－", "-", "~", "—"})
_CARRIED_KINDS = frozenset({"change", "share", "target", "estimate"})


def _list_kinds(sentence: Sentence, found: list[Token], typed: list[Typed]) -> list[Typed]:
    """Members of a list or range take the kind of its first member.

    分别增长8.8%、9.9% (both changes), 累计提高41.7%到86.7% (a range of changes): the cue stands
    before the first member only.
    """
    out = list(typed)
    for i in range(1, len(out)):
        gap = sentence.text[found[i - 1].end - sentence.start : found[i].start - sentence.start]
        if gap in _LIST_GAPS and out[i - 1].kind in _CARRIED_KINDS and out[i].kind in ("achieved", "count"):
            out[i] = replace(out[i], kind=out[i - 1].kind)
    return out


def _year_before_phrase(ctx: Context, y: Token, opener: int, fields: Typed) -> Typed:
    """Y of 从X到Y typed with the year of the text before the 从 phrase (``opener``, in the paragraph)."""
    fig_year, basis = year_of(ctx, opener - ctx.offset, False)
    start = y.start - ctx.offset
    clause = ctx.sentence[clause_start(ctx.sentence, start) : start]
    if is_target(ctx, clause, fig_year, basis, start):
        return replace(fields, year=fig_year, year_basis=basis, kind="target")
    return replace(fields, year=fig_year, year_basis=basis)


def _level_kind(token: Token, kind: str, target: bool) -> str:
    """The kind of a level in 从X到Y: a target, else a count or an achieved level (never a change)."""
    if target:
        return "target"
    if kind in ("change", "target", "estimate"):
        return "count" if normalise_unit(token.unit)[0] in COUNT_UNITS else "achieved"
    return kind


def _inherit_names(found: list[Token], typed: list[Typed]) -> list[Typed]:
    """A figure with no name of its own (``实际增长9.8%和8.5%``) takes the one before it."""
    out = list(typed)
    for i in range(1, len(out)):
        if len(out[i].name) < 2 and len(out[i - 1].name) >= 2:
            out[i] = replace(out[i], name=out[i - 1].name)
    return out
