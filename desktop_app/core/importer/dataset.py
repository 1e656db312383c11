"""An import result as a dataset of the report schema (``data/schema/report.schema.json``).

Figures become indicators with ``review: "proposed"`` (or ``"confirmed"`` at or above the
caller's ``accept_above`` confidence) and their ``confidence``, with the ``series`` proposed for
them (:func:`desktop_app.core.targets.propose_series`) where one fits; the raw text is the dataset's
source file, so every repair can be checked against it by the loader.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from desktop_app.core.importer.classify import modifier_meaning_of
from desktop_app.core.importer.metadata import split_presenter
from desktop_app.core.importer.numbers import chinese_count
from desktop_app.core.importer.pipeline import ImportResult, Proposal
from desktop_app.core.targets.propose import propose_series

FORMAT_VERSION = 2
_AT_LEAST_WORDS = frozenset({"以上", "超过", "突破", "不低于", "不少于", "多于", "高于"})
_MEANINGS = {"at_least": "lower_bound", "at_most": "upper_bound"}
_LEVEL_NAMES = {"national": "中华人民共和国"}

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class DatasetOptions:
    """What the user states about an import; empty fields are taken from what the text says.

    Attributes:
        source_file: the raw text's file name, relative to the dataset (``x.source.txt``).
        title, year, level, region: override what the importer detected.
        meeting, meeting_date, presenter: the same, for what a text often leaves out (a capture that
            starts at 各位代表): the meeting's name, its date (YYYY-MM-DD) and the presenter as written
            (``区长蔡华刚``, ``国务院总理 李克强``: office and name; a name alone).
        accept_above: proposals with at least this confidence are marked confirmed (None: none).
        source_citation, source_url: where the text came from.
    """

    source_file: str
    title: str = ""
    year: int | None = None
    level: str = ""
    region: str = ""
    meeting: str = ""
    meeting_date: str = ""
    presenter: str = ""
    accept_above: float | None = None
    source_citation: str = ""
    source_url: str = ""


def dataset_id(title: str, year: int) -> str:
    """A schema-valid id: the title's Latin words, else ``report-<year>`` (titles in Chinese)."""
    latin = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    if not re.search(r"[a-z]", latin):
        return f"report-{year}"
    named = latin if latin.endswith(str(year)) else f"{latin}-{year}"
    return named[:80].lstrip("0123456789-") or f"report-{year}"


def modifier_meaning(proposal: Proposal) -> str:
    """The schema's modifier meaning (guideline meaning, with lower bounds of aspirations and estimates)."""
    return schema_meaning(proposal.fields.modifier_meaning, proposal.fields.modifier)


def written_modifier_meaning(modifier: str) -> str:
    """The schema's meaning of modifier words as written or typed (``力争…以上``: aspiration_lower_bound).

    Words no modifier rule knows count as exact (see :func:`~.classify.unknown_modifier_words`).
    """
    return schema_meaning(modifier_meaning_of(modifier), modifier)


def schema_meaning(meaning: str, modifier: str) -> str:
    """A guideline meaning in the schema's words, given the modifier (力争…以上 → aspiration_lower_bound)."""
    words = set(modifier.split("…"))
    if meaning in ("aspiration", "estimate") and words & _AT_LEAST_WORDS:
        return f"{meaning}_lower_bound"
    return _MEANINGS.get(meaning, meaning)


def to_dataset(result: ImportResult, options: DatasetOptions) -> Json:
    """The dataset for an import result, as a JSON-ready dict.

    Args:
        result: what :func:`~desktop_app.core.importer.pipeline.import_text` returned.
        options: what the user stated (see :class:`DatasetOptions`).
    """
    detected = result.detected
    year = options.year or result.year
    level = options.level or result.level
    region = options.region or detected.region_name or _LEVEL_NAMES.get(level, "")
    title = options.title or detected.title
    meeting = options.meeting or detected.meeting
    meeting_date = options.meeting_date or detected.meeting_date
    office, presenter = (
        split_presenter(options.presenter) if options.presenter else (detected.office, detected.presenter)
    )
    paragraphs = [f"p{i + 1:04d}" for i in range(len(result.intake.paragraphs))]
    goals = [f"g{g.order:02d}" for g in result.structure.goals]
    sections = [s.id for s in result.structure.sections]
    metadata: Json = {
        "title": title,
        "title_en": "",
        "year": year,
        "level": level,
        "region": {
            "province": detected.province,
            "city": detected.city,
            "district": detected.district,
            "district_en": "",
            "name": region,
            "name_en": "People's Republic of China" if level == "national" else "",
        },
        "meeting": {"name": meeting, "date": meeting_date or f"{year:04d}-01-01"},
        "presenter": {"name": presenter, "office": office},
        "source_citation": options.source_citation or title,
        "source_citation_en": "",
        "ambiguities": _ambiguities(meeting, meeting_date, presenter, year),
        "presentation": _presentation(result),
    }
    if options.source_url:
        metadata["source_url"] = options.source_url
    raw = result.intake.raw
    return {
        "format": "report-viewer-dataset",
        "format_version": FORMAT_VERSION,
        "id": dataset_id(title, year),
        "metadata": metadata,
        "source": {
            "file": options.source_file,
            "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
            "length": len(raw),
        },
        "paragraphs": [
            {
                "id": paragraphs[p.index],
                "role": result.structure.roles[p.index],
                "segments": [list(s) for s in p.segments],
                "text": p.text,
            }
            for p in result.intake.paragraphs
        ],
        "repairs": [_repair(r, paragraphs, result) for r in result.intake.repairs],
        "goal_areas": [
            {
                "id": goals[g.order - 1],
                "order": g.order,
                "title": g.title,
                "lead": g.lead,
                "title_en": "",
                # The loader holds a quoted sentence to the words its span covers.
                "sentence": result.intake.paragraphs[g.paragraph].text[g.start : g.end],
                "sentence_basis": "quote",
                "span": _span(result, g.paragraph, g.start, g.end, paragraphs),
            }
            for g in result.structure.goals
        ],
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "title_en": "",
                "paragraphs": [paragraphs[i] for i in s.paragraphs],
                "goal_links": [{"goal": goals[g], "basis": "article"} for g in s.goals],
            }
            for s in result.structure.sections
        ],
        "indicators": [
            _indicator(n, p, result, paragraphs, goals, sections, options.accept_above, region)
            for n, p in enumerate(result.proposals, start=1)
        ],
        "derived": [],
        "quotes": [],
        "entities": [],
    }


def _ambiguities(meeting: str, date: str, presenter: str, year: int) -> list[Json]:
    """Say what the text did not give away, rather than leave a placeholder unexplained."""
    notes = []
    if not date:
        notes.append(
            {
                "id": "amb-meeting-date",
                "topic": "会议日期",
                "topic_en": "meeting date",
                "text": f"原文未写明会议日期；{year}-01-01 只是占位。",
                "text_en": f"The text does not state the meeting's date; {year}-01-01 is a placeholder.",
            }
        )
    if not meeting or not presenter:
        missing = "、".join(w for w, v in (("会议名称", meeting), ("报告人", presenter)) if not v)
        missing_en = " and ".join(
            w for w, v in (("the meeting", meeting), ("the presenter", presenter)) if not v
        )
        notes.append(
            {
                "id": "amb-metadata",
                "topic": "元数据",
                "topic_en": "metadata",
                "text": f"原文未写明{missing}，导入时留空。",
                "text_en": f"The text does not name {missing_en}; left empty on import.",
            }
        )
    return notes


def _presentation(result: ImportResult) -> Json:
    """How the report words its goal areas (Linzi: 坚定不移{title} · {lead}走在前, 八个“坚定不移”)."""
    goals = result.structure.goals
    label = next((g.label for g in goals if g.label), "{title}")
    presentation: Json = {"goal_label": label, "goal_short_label": label.split(" · ")[0]}
    lead_in = label.split("{title}")[0]
    if lead_in:
        presentation["goals_heading"] = f"{chinese_count(len(goals))}个“{lead_in}”"
    return presentation


def _span(result: ImportResult, paragraph: int, start: int, end: int, ids: list[str]) -> Json:
    text = result.intake.paragraphs[paragraph].text
    return {"paragraph": ids[paragraph], "start": start, "end": end, "text": text[start:end]}


def _repair(record: Any, ids: list[str], result: ImportResult) -> Json:
    out: Json = {
        "id": record.id,
        "kind": record.kind,
        "raw_spans": [list(s) for s in record.raw_spans],
        "raw_text": record.raw_text,
        "result": record.result,
        "applied": True,
        "note": record.note,
    }
    if record.paragraph is not None:
        out["span"] = _span(result, record.paragraph, record.start, record.start + len(record.result), ids)
    return out


def _indicator(
    number: int,
    proposal: Proposal,
    result: ImportResult,
    paragraphs: list[str],
    goals: list[str],
    sections: list[str],
    accept_above: float | None,
    region: str,
) -> Json:
    fields = proposal.fields
    section = result.structure.sections[proposal.section] if proposal.section is not None else None
    # A figure belongs to a goal area when its section is about exactly one.
    links = (
        [{"goal": goals[section.goals[0]], "basis": "article"}] if section and len(section.goals) == 1 else []
    )
    confirmed = accept_above is not None and fields.confidence >= accept_above
    sentence = proposal.sentence
    indicator: Json = {
        "id": f"fig-{number:04d}",
        "name": fields.name,
        "name_en": "",
        "value": fields.value,
        "unit": fields.unit,
        "unit_normalised": fields.unit_normalised,
        "factor": fields.factor,
        "year": fields.year,
        "kind": fields.kind,
        "modifier": fields.modifier,
        "modifier_meaning": modifier_meaning(proposal),
        "scope": fields.scope,
        "denominator": None,
        "lower_is_better": False,
        "goal_links": links,
        "sections": [sections[proposal.section]] if proposal.section is not None else [],
        "headline": False,
        "span": _span(result, proposal.paragraph, proposal.start, proposal.end, paragraphs),
        "sentence": _span(result, proposal.paragraph, sentence.start, sentence.end, paragraphs),
        "review": "confirmed" if confirmed else "proposed",
        "confidence": fields.confidence,
    }
    # The series is proposed like the figure itself; the reviewer confirms both (issue 16).
    series = propose_series(fields.name, fields.unit, region=region)
    if series is not None:
        indicator["series"] = series
    return indicator
