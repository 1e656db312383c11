"""Build a Report Viewer dataset from a raw article and a report's editorial tables.

This module knows nothing about any one report. A report is described by a
:class:`ReportTables` (see ``tools/reports/linzi_2024.py``): which raw lines are page
furniture, which pieces make each paragraph in reading order, which characters are
misread, and the figures, quotes and named things with the text that anchors them.
From that and the raw text this module derives everything positional: raw offsets,
paragraph segments, repairs (punctuation, misreadings, joins, moves, drops), spans,
the sentence around each figure, and the value and range of every derived figure.

Line numbers in the tables are 0-based indexes into ``raw.split("\\n")``; notes written
for people say "raw line N" 1-based (see :func:`human_line`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.formula import evaluate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Written with code points: editors and terminals tend to fold full-width forms to ASCII.
ASCII_TO_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in ",;:?!()"}
SENTENCE_END = "。\uff01\uff1f\uff1b"

Json = dict[str, Any]
Links = list[tuple[str, str]]

E = "e"  # editorial link
A = "a"  # the article's own link


def fw(text: str) -> str:
    """Chinese text of a table, with ASCII punctuation written as the article's full-width forms."""
    return "".join(ASCII_TO_FULLWIDTH.get(c, c) for c in text)


def fw_tree(value: Any) -> Any:
    """:func:`fw` applied to every string holding Chinese in a JSON tree, except ``text`` values."""
    if isinstance(value, str):
        return fw(value) if any("\u4e00" <= c <= "\u9fff" for c in value) and not value.isascii() else value
    if isinstance(value, list):
        return [fw_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: fw_tree(v) if k not in ("text",) else v for k, v in value.items()}
    return value


# --- the raw page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int
    start: int
    end: int
    text: str


def raw_lines(raw: str) -> dict[int, Line]:
    """Non-empty raw lines by their 0-based line number, with code-point offsets."""
    lines: dict[int, Line] = {}
    pos = 0
    for number, text in enumerate(raw.split("\n")):
        if text:
            lines[number] = Line(number, pos, pos + len(text), text)
        pos += len(text) + 1
    return lines


# --- the tables' records ------------------------------------------------------------------------

Piece = tuple[int, int | None, int | None]  # (line, start offset in line or None, end or None)


class ParagraphSpec(NamedTuple):
    id: str
    role: str
    pieces: list[Piece]


class Drop(NamedTuple):
    first: int
    last: int
    note: str


class Misreading(NamedTuple):
    line: int
    raw_text: str
    reading: str
    certainty: str
    applied: bool
    note: str


class PunctuationDrop(NamedTuple):
    line: int
    offset: int
    note: str


class GoalSpec(NamedTuple):
    id: str
    steadfast: str
    lead: str
    gloss_en: str


class SectionSpec(NamedTuple):
    id: str
    title: str
    title_en: str
    paragraphs: list[str]
    links: Links


@dataclass(frozen=True)
class Fig:
    """A stated figure: where it is (paragraph, anchor text, optional text just before it)."""

    id: str
    paragraph: str
    anchor: str
    name: str
    name_en: str
    value: float
    unit: str
    unit_normalised: str
    factor: float
    year: int
    kind: str
    modifier: str
    meaning: str
    scope: str
    goals: Links
    sections: list[str]
    before: str = ""
    denominator: str | None = None
    lower_is_better: bool = False
    headline: bool = False


class DerivedInputSpec(NamedTuple):
    symbol: str
    indicator: str
    half_width: float
    note: str


class DerivedSpec(NamedTuple):
    id: str
    name: str
    name_en: str
    unit: str
    formula: str
    inputs: list[DerivedInputSpec]
    decimals: int
    explanation: str
    goals: Links
    sections: list[str]


class QuoteSpec(NamedTuple):
    id: str
    paragraph: str
    text: str
    attribution: str
    speaker: str
    goals: Links
    sections: list[str]


class EntitySpec(NamedTuple):
    id: str
    kind: str
    paragraph: str
    name: str
    roles: list[str]
    goals: Links
    sections: list[str]
    note: str
    before: str


@dataclass(frozen=True)
class ReportTables:
    """Everything a report's editors decided; the builder derives the rest from the raw text.

    Attributes:
        goal_anchor: the text of a goal area's sentence in ``goal_paragraph`` (its span).
        goal_sentence: the sentence shown for a goal area, given its anchor text.
    """

    id: str
    raw_name: str
    out_name: str
    metadata: Json
    drops: list[Drop]
    paragraphs: list[ParagraphSpec]
    join_notes: dict[tuple[str, int], str]
    moves: dict[tuple[str, int], str]
    misreadings: list[Misreading]
    punctuation_drops: list[PunctuationDrop]
    goals: list[GoalSpec]
    goal_paragraph: str
    goal_anchor: Callable[[GoalSpec], str]
    goal_sentence: Callable[[GoalSpec, str], str]
    sections: list[SectionSpec]
    figures: list[Fig]
    derived: list[DerivedSpec]
    quotes: list[QuoteSpec]
    entities: list[EntitySpec]

    @property
    def raw_path(self) -> Path:
        return DATA / "source" / self.raw_name

    @property
    def out_path(self) -> Path:
        return DATA / self.out_name


# --- assembling -------------------------------------------------------------------------------


@dataclass
class Built:
    tables: ReportTables
    raw: str
    lines: dict[int, Line]
    paragraphs: dict[str, Json] = field(default_factory=dict)


def segments(lines: dict[int, Line], pieces: list[Piece]) -> list[tuple[int, int]]:
    """Raw code-point spans of a paragraph's pieces."""
    out = []
    for number, start, end in pieces:
        line = lines[number]
        out.append((line.start + (start or 0), line.start + (end if end is not None else len(line.text))))
    return out


def substitutions(b: Built) -> list[Json]:
    """Every character-level repair (punctuation and misreadings), in raw order."""
    t = b.tables
    subs: list[Json] = []
    kept = [seg for p in t.paragraphs for seg in segments(b.lines, p.pieces)]
    misread_spans: list[tuple[int, int]] = []
    for number, raw_text, reading, certainty, applied, note in t.misreadings:
        line = b.lines[number]
        offset = line.text.index(raw_text)
        assert line.text.count(raw_text) == 1, raw_text
        start = line.start + offset
        misread_spans.append((start, start + len(raw_text)))
        subs.append(
            {
                "kind": "misreading",
                "raw_spans": [[start, start + len(raw_text)]],
                "raw_text": raw_text,
                "result": reading if applied else raw_text,
                "reading": reading,
                "certainty": certainty,
                "applied": applied,
                "note": note,
            }
        )
    drops = {(b.lines[n].start + off): note for n, off, note in t.punctuation_drops}
    for seg_start, seg_end in kept:
        for i in range(seg_start, seg_end):
            ch = b.raw[i]
            if ch not in ASCII_TO_FULLWIDTH or any(s <= i < e for s, e in misread_spans):
                continue
            if i in drops:
                subs.append(
                    {
                        "kind": "punctuation",
                        "raw_spans": [[i, i + 1]],
                        "raw_text": ch,
                        "result": "",
                        "applied": True,
                        "note": drops[i],
                    }
                )
            else:
                subs.append(
                    {
                        "kind": "punctuation",
                        "raw_spans": [[i, i + 1]],
                        "raw_text": ch,
                        "result": ASCII_TO_FULLWIDTH[ch],
                        "applied": True,
                        "note": "half-width ASCII punctuation restored to full width",
                    }
                )
    subs.sort(key=lambda r: r["raw_spans"][0][0])
    return subs


def build(tables: ReportTables, raw: str) -> Json:
    """The dataset document for ``tables`` over the raw article text ``raw``."""
    t = tables
    b = Built(t, raw, raw_lines(raw))
    subs = substitutions(b)
    pending: list[Json] = []

    for first, last, note in t.drops:
        start, end = b.lines[first].start, b.lines[last].end
        pending.append(
            {
                "kind": "drop",
                "raw_spans": [[start, end]],
                "raw_text": raw[start:end],
                "result": "",
                "applied": True,
                "note": note,
            }
        )

    paragraphs: list[Json] = []
    for pid, role, pieces in t.paragraphs:
        segs = segments(b.lines, pieces)
        text = ""
        for index, (seg_start, seg_end) in enumerate(segs):
            if index > 0:
                prev_end = segs[index - 1][1]
                join: Json = {
                    "kind": "join",
                    "result": "",
                    "applied": True,
                    "note": t.join_notes[(pid, index - 1)],
                }
                if prev_end <= seg_start and raw[prev_end:seg_start].strip() == "":
                    join["raw_spans"] = [[prev_end, seg_start]]
                    join["raw_text"] = raw[prev_end:seg_start]
                else:
                    join["raw_spans"] = [[prev_end, prev_end], [seg_start, seg_start]]
                    join["raw_text"] = ""
                join["span"] = {"paragraph": pid, "start": len(text), "end": len(text)}
                pending.append(join)
            move_start = len(text)
            pos = seg_start
            for sub in subs:
                s, e = sub["raw_spans"][0]
                if seg_start <= s < seg_end:
                    text += raw[pos:s]
                    sub["span"] = {
                        "paragraph": pid,
                        "start": len(text),
                        "end": len(text) + len(sub["result"]),
                    }
                    text += sub["result"]
                    pos = e
            text += raw[pos:seg_end]
            if (pid, index) in t.moves:
                pending.append(
                    {
                        "kind": "move",
                        "raw_spans": [[seg_start, seg_end]],
                        "raw_text": raw[seg_start:seg_end],
                        "result": text[move_start:],
                        "applied": True,
                        "note": t.moves[(pid, index)],
                        "span": {"paragraph": pid, "start": move_start, "end": len(text)},
                    }
                )
        paragraphs.append({"id": pid, "role": role, "segments": [list(s) for s in segs], "text": text})
    b.paragraphs = {p["id"]: p for p in paragraphs}

    repairs = sorted(subs + pending, key=lambda r: (r["raw_spans"][0][0], r["kind"]))
    for number, repair in enumerate(repairs, 1):
        repair["id"] = f"r{number:03d}"
        if "span" in repair:
            span = repair["span"]
            span["text"] = b.paragraphs[span["paragraph"]]["text"][span["start"] : span["end"]]
    repair_keys = (
        "id",
        "kind",
        "raw_spans",
        "raw_text",
        "result",
        "reading",
        "certainty",
        "applied",
        "span",
        "note",
    )
    ordered_repairs = [{k: r[k] for k in repair_keys if k in r} for r in repairs]

    return {
        "$schema": "schema/report.schema.json",
        "format": "report-viewer-dataset",
        "format_version": 1,
        "id": t.id,
        "metadata": fw_tree(t.metadata),
        "source": {
            "file": f"source/{t.raw_name}",
            "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
            "length": len(raw),
        },
        "paragraphs": paragraphs,
        "repairs": ordered_repairs,
        "goal_areas": goal_areas(b),
        "sections": [
            {
                "id": s.id,
                "title": fw(s.title),
                "title_en": s.title_en,
                "paragraphs": s.paragraphs,
                "goal_links": links(s.links),
            }
            for s in t.sections
        ],
        "indicators": [indicator(b, f) for f in t.figures],
        "derived": [derived(t, d) for d in t.derived],
        "quotes": [
            {
                "id": q.id,
                "text": fw(q.text),
                "attribution": q.attribution,
                "speaker": q.speaker,
                "span": find_span(b, q.paragraph, q.text),
                "goal_links": links(q.goals),
                "sections": q.sections,
            }
            for q in t.quotes
        ],
        "entities": [
            {
                "id": e.id,
                "kind": e.kind,
                "name": fw(e.name),
                "roles": [fw(r) for r in e.roles],
                "span": find_span(b, e.paragraph, e.name, e.before),
                "goal_links": links(e.goals),
                "sections": e.sections,
                "note": e.note,
            }
            for e in t.entities
        ],
    }


def links(pairs: Links) -> list[Json]:
    return [{"goal": g, "basis": "article" if basis == A else "editorial"} for g, basis in pairs]


def find_span(b: Built, pid: str, needle: str, before: str = "") -> Json:
    """The span of ``needle`` in paragraph ``pid``, found exactly once (after ``before`` if given)."""
    needle, before = fw(needle), fw(before)
    text = b.paragraphs[pid]["text"]
    hits = [m.start() + len(before) for m in re.finditer(re.escape(before + needle), text)]
    if len(hits) != 1:
        raise SystemExit(f"{pid}: {before + needle!r} found {len(hits)} times, need exactly one")
    start = hits[0]
    return {"paragraph": pid, "start": start, "end": start + len(needle), "text": needle}


def sentence(b: Built, pid: str, start: int, end: int) -> Json:
    """The sentence (or clause ending in ；) of paragraph ``pid`` around ``start``–``end``."""
    text = b.paragraphs[pid]["text"]
    s = max((text.rfind(ch, 0, start) for ch in SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(ch, end) for ch in SENTENCE_END) if i != -1]
    e = min(ends) + 1 if ends else len(text)
    return {"paragraph": pid, "start": s, "end": e, "text": text[s:e]}


def goal_areas(b: Built) -> list[Json]:
    t = b.tables
    out = []
    for order, goal in enumerate(t.goals, 1):
        anchor = fw(t.goal_anchor(goal))
        out.append(
            {
                "id": goal.id,
                "order": order,
                "steadfast": goal.steadfast,
                "lead": goal.lead,
                "sentence": t.goal_sentence(goal, anchor),
                "gloss_en": goal.gloss_en,
                "span": find_span(b, t.goal_paragraph, anchor),
            }
        )
    return out


def indicator(b: Built, f: Fig) -> Json:
    where = find_span(b, f.paragraph, f.anchor, f.before)
    return {
        "id": f.id,
        "name": fw(f.name),
        "name_en": f.name_en,
        "value": f.value,
        "unit": f.unit,
        "unit_normalised": f.unit_normalised,
        "factor": f.factor,
        "year": f.year,
        "kind": f.kind,
        "modifier": fw(f.modifier),
        "modifier_meaning": f.meaning,
        "scope": f.scope,
        "denominator": fw(f.denominator) if f.denominator else None,
        "lower_is_better": f.lower_is_better,
        "goal_links": links(f.goals),
        "sections": f.sections,
        "headline": f.headline,
        "span": where,
        "sentence": sentence(b, f.paragraph, where["start"], where["end"]),
    }


def derived(t: ReportTables, d: DerivedSpec) -> Json:
    by_id = {f.id: f for f in t.figures}
    values = {x.symbol: by_id[x.indicator].value for x in d.inputs}
    value = evaluate(d.formula, values)
    corners = [
        evaluate(
            d.formula,
            {
                x.symbol: by_id[x.indicator].value + sign * x.half_width
                for x, sign in zip(d.inputs, signs, strict=True)
            },
        )
        for signs in itertools.product((-1, 1), repeat=len(d.inputs))
    ]
    first = by_id[d.inputs[0].indicator]
    return {
        "id": d.id,
        "name": fw(d.name),
        "name_en": d.name_en,
        "value": round(value, d.decimals),
        "decimals": d.decimals,
        "unit": d.unit,
        "year": first.year,
        "scope": first.scope,
        "formula": d.formula,
        "inputs": [
            {"symbol": x.symbol, "indicator": x.indicator, "half_width": x.half_width, "note": x.note}
            for x in d.inputs
        ],
        "range": [round(min(corners), d.decimals), round(max(corners), d.decimals)],
        "explanation": d.explanation,
        "goal_links": links(d.goals),
        "sections": d.sections,
    }


def render(doc: Json) -> str:
    """The dataset file's text: UTF-8 JSON, one space indent, a final newline."""
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def run(tables: ReportTables, check: bool) -> int:
    """Write the dataset for ``tables`` (or with ``check``, compare it with the committed file)."""
    text = render(build(tables, tables.raw_path.read_bytes().decode("utf-8")))
    if check:
        same = tables.out_path.exists() and tables.out_path.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{tables.out_path} is out of date")
        return 0 if same else 1
    atomic_write_text(tables.out_path, text)
    print(f"wrote {tables.out_path} ({len(text.encode('utf-8'))} bytes)")
    return 0
