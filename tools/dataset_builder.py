"""Build a Report Viewer dataset from a raw article and a report's editorial tables.

This module knows nothing about any one report. A report is described by a
:class:`ReportTables` (see ``tools/reports/linzi_2024.py``): which raw lines are page
furniture, which pieces make each paragraph in reading order, which characters are
misread, and the figures, quotes and named things with the text that anchors them.
From that and the raw text this module derives everything positional: raw offsets,
paragraph segments, repairs (punctuation, misreadings, joins, moves, drops), spans,
the sentence around each figure, and the value and range of every derived figure.

Line numbers in the tables are 0-based indexes into ``raw.split("\\n")`` (what the code
uses); notes written for people say "raw line N" counting from 1, as editors do.

No repair deletes a character of the report: punctuation repairs change a character's form
(half-width → full-width); only page furniture is dropped, as a whole line.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.formula import evaluate, round_outward
from desktop_app.core.importer.segment import Goal, segment, sentences

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Written with code points: editors and terminals tend to fold full-width forms to ASCII.
ASCII_TO_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in ",;:?!()"}

Json = dict[str, Any]
Links = list[tuple[str, str]]

E = "e"  # editorial link
A = "a"  # the article's own link


def fw(text: str) -> str:
    """Chinese text of a table, with ASCII punctuation written as the article's full-width forms."""
    return "".join(ASCII_TO_FULLWIDTH.get(c, c) for c in text)


def fw_tree(value: Any) -> Any:
    """:func:`fw` applied to every string holding Chinese in a JSON tree, except English (``*_en``) values."""
    if isinstance(value, str):
        return fw(value) if any("\u4e00" <= c <= "\u9fff" for c in value) and not value.isascii() else value
    if isinstance(value, list):
        return [fw_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k.endswith("_en") else fw_tree(v) for k, v in value.items()}
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
    note_en: str = ""


class Misreading(NamedTuple):
    """A misread word: its raw pieces ((line, text) — two where a column break splits it)."""

    parts: list[tuple[int, str]]
    reading: str
    certainty: str
    applied: bool
    note: str
    note_en: str = ""


class GoalSpec(NamedTuple):
    """A goal area; ``quote`` is the source's exact words for it, found in the goal paragraph.

    ``paraphrase``, if given, is shown instead and marked as the editors' wording. ``no_figures``
    (Chinese, English) says why no figure is linked to it, where the source states none.
    """

    id: str
    title: str
    lead: str
    title_en: str
    quote: str
    paraphrase: str = ""
    no_figures: tuple[str, str] | None = None


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
    threshold: tuple[float, str] | None = None
    series: str | None = None  # the series key across years (data/series.json, issue 16)


class DerivedInputSpec(NamedTuple):
    symbol: str
    indicator: str
    half_width: float
    note: str
    note_en: str = ""


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
    scope: str
    explanation_en: str = ""


class QuoteSpec(NamedTuple):
    id: str
    paragraph: str
    text: str
    attribution: str
    speaker: str
    goals: Links
    sections: list[str]
    basis: str = "stated"


class EntitySpec(NamedTuple):
    id: str
    kind: str
    paragraph: str
    name: str
    roles: list[str]
    goals: Links
    sections: list[str]
    note: str
    before: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class ReportTables:
    """Everything a report's editors decided; the builder derives the rest from the raw text.

    Attributes:
        goal_paragraph: the paragraph that states the goal areas.
        sections: a section's goal links are its own plus every goal area its members link.
    """

    id: str
    raw_name: str
    out_name: str
    metadata: Json
    drops: list[Drop]
    paragraphs: list[ParagraphSpec]
    join_notes: dict[tuple[str, int], tuple[str, str]]
    moves: dict[tuple[str, int], tuple[str, str]]
    misreadings: list[Misreading]
    goals: list[GoalSpec]
    goal_paragraph: str
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
    for m in t.misreadings:
        spans = []
        for number, raw_text in m.parts:
            line = b.lines[number]
            assert line.text.count(raw_text) == 1, raw_text
            start = line.start + line.text.index(raw_text)
            spans.append([start, start + len(raw_text)])
        misread_spans += [(s, e) for s, e in spans]
        raw_pieces = [raw_text for _, raw_text in m.parts]
        subs.append(
            {
                "kind": "misreading",
                "raw_spans": spans,
                "raw_text": "|".join(raw_pieces),
                "result": m.reading if m.applied else "".join(raw_pieces),
                # What stands in the repaired text for each raw piece.
                "pieces": [m.reading if m.applied else raw_pieces[0]]
                + [("" if m.applied else piece) for piece in raw_pieces[1:]],
                "reading": m.reading,
                "certainty": m.certainty,
                "applied": m.applied,
                "note": fw(m.note),
                "note_en": m.note_en,
            }
        )
    for seg_start, seg_end in kept:
        for i in range(seg_start, seg_end):
            ch = b.raw[i]
            if ch not in ASCII_TO_FULLWIDTH or any(s <= i < e for s, e in misread_spans):
                continue
            subs.append(
                {
                    "kind": "punctuation",
                    "raw_spans": [[i, i + 1]],
                    "raw_text": ch,
                    "result": ASCII_TO_FULLWIDTH[ch],
                    "pieces": [ASCII_TO_FULLWIDTH[ch]],
                    "applied": True,
                    "note": PUNCTUATION_NOTE,
                    "note_en": PUNCTUATION_NOTE_EN,
                }
            )
    subs.sort(key=lambda r: r["raw_spans"][0][0])
    return subs


PUNCTUATION_NOTE = "半角ASCII标点恢复为全角"
PUNCTUATION_NOTE_EN = "half-width ASCII punctuation restored to full width"


def build(tables: ReportTables, raw: str) -> Json:
    """The dataset document for ``tables`` over the raw article text ``raw``."""
    t = tables
    b = Built(t, raw, raw_lines(raw))
    subs = substitutions(b)
    pending: list[Json] = []

    for first, last, note, note_en in t.drops:
        start, end = b.lines[first].start, b.lines[last].end
        pending.append(
            {
                "kind": "drop",
                "raw_spans": [[start, end]],
                "raw_text": raw[start:end],
                "result": "",
                "applied": True,
                "note": fw(note),
                "note_en": note_en,
            }
        )

    pieces_in_raw_order = sorted((s, e, k, sub) for sub in subs for k, (s, e) in enumerate(sub["raw_spans"]))
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
                    "note": fw(t.join_notes[(pid, index - 1)][0]),
                    "note_en": t.join_notes[(pid, index - 1)][1],
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
            for s, e, k, sub in pieces_in_raw_order:
                if seg_start <= s < seg_end:
                    text += raw[pos:s]
                    if k == 0:
                        sub["span"] = {"paragraph": pid, "start": len(text)}
                    text += sub["pieces"][k]
                    if k == len(sub["raw_spans"]) - 1:
                        sub["span"]["end"] = len(text)
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
                        "note": fw(t.moves[(pid, index)][0]),
                        "note_en": t.moves[(pid, index)][1],
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
        "note_en",
    )
    ordered_repairs = [{k: r[k] for k in repair_keys if k in r} for r in repairs]

    return {
        "$schema": "schema/report.schema.json",
        "format": "report-viewer-dataset",
        "format_version": 2,
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
                "goal_links": section_links(t, s),
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
                "speaker": fw(q.speaker),
                "span": find_span(b, q.paragraph, q.text),
                "attribution_basis": q.basis,
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
                "note": fw(e.note),
                "note_en": e.note_en,
            }
            for e in t.entities
        ],
    }


def section_links(t: ReportTables, section: SectionSpec) -> list[Json]:
    """A section's own links, then every goal area its members link (article basis if any member's is)."""
    pairs = list(section.links)
    members: list[tuple[str, str]] = []
    for sections, goals in itertools.chain(
        ((f.sections, f.goals) for f in t.figures),
        ((d.sections, d.goals) for d in t.derived),
        ((q.sections, q.goals) for q in t.quotes),
        ((e.sections, e.goals) for e in t.entities),
    ):
        if section.id in sections:
            members += goals
    order = {g.id: n for n, g in enumerate(t.goals)}
    for goal in sorted({g for g, _ in members} - {g for g, _ in pairs}, key=order.__getitem__):
        basis = A if any(g == goal and basis == A for g, basis in members) else E
        pairs.append((goal, basis))
    return links(pairs)


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
    """The sentence (or clause ending in ；) of paragraph ``pid`` around ``start``–``end``.

    Split by the importer's own rule (:func:`desktop_app.core.importer.segment.sentences`), so a
    hand-built figure and an imported one quote the same sentence.
    """
    text = b.paragraphs[pid]["text"]
    around = [s for s in sentences(0, text) if s.start <= start < s.end]
    if not around:
        raise SystemExit(f"{pid}: no sentence holds offset {start}")
    first = around[0]
    last = next(s for s in sentences(0, text) if s.start < max(end, start + 1) <= s.end)
    return {"paragraph": pid, "start": first.start, "end": last.end, "text": text[first.start : last.end]}


def found_goals(b: Built) -> list[Goal]:
    """The goal areas the importer's segmentation finds in the built paragraphs.

    The report's own parallel task areas, found by the rule every import uses; the tables name them
    one for one (id, English, the quote), checked here rather than stated a second time.
    """
    t = b.tables
    ids = list(b.paragraphs)
    found = list(segment([p["text"] for p in b.paragraphs.values()], t.metadata["year"]).goals)
    listed = [(g.title, g.lead) for g in t.goals]
    if [(g.title, g.lead) for g in found] != listed or {ids[g.paragraph] for g in found} != {
        t.goal_paragraph
    }:
        raise SystemExit(
            f"goal areas: the importer finds {[(g.title, g.lead, ids[g.paragraph]) for g in found]}, "
            f"the tables list {listed} in {t.goal_paragraph}"
        )
    return found


def goal_areas(b: Built) -> list[Json]:
    t = b.tables
    out = []
    for order, (goal, found) in enumerate(zip(t.goals, found_goals(b), strict=True), 1):
        where = find_span(b, t.goal_paragraph, goal.quote)
        if not where["start"] <= found.start < found.end <= where["end"]:
            raise SystemExit(f"{goal.id}: the importer's words {found.sentence!r} are not in the quote")
        zh, en = goal.no_figures or ("", "")
        note = {"no_figures_note": fw(zh), "no_figures_note_en": en} if goal.no_figures else {}
        out.append(
            {
                "id": goal.id,
                "order": order,
                "title": found.title,
                "lead": found.lead,
                "title_en": goal.title_en,
                "sentence": fw(goal.paraphrase) if goal.paraphrase else where["text"],
                "sentence_basis": "paraphrase" if goal.paraphrase else "quote",
                "span": where,
            }
            | note
        )
    return out


def indicator(b: Built, f: Fig) -> Json:
    where = find_span(b, f.paragraph, f.anchor, f.before)
    out: Json = {
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
    } | ({"threshold": {"value": f.threshold[0], "unit": f.threshold[1]}} if f.threshold else {})
    if f.series:
        out["series"] = f.series
    return out


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
    low, high = round_outward(min(corners), max(corners), d.decimals)
    return {
        "id": d.id,
        "name": fw(d.name),
        "name_en": d.name_en,
        "value": round(value, d.decimals),
        "decimals": d.decimals,
        "unit": d.unit,
        "year": first.year,
        "scope": d.scope,
        "formula": d.formula,
        "inputs": [
            {
                "symbol": x.symbol,
                "indicator": x.indicator,
                "half_width": x.half_width,
                "note": fw(x.note),
                "note_en": x.note_en,
            }
            for x in d.inputs
        ],
        "range": [low, high],
        "explanation": fw(d.explanation),
        "explanation_en": d.explanation_en,
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
