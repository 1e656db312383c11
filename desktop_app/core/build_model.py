"""Building the model from a checked dataset document. No checks here: the loader has made them.

:func:`build_report` turns the JSON document (schema-valid, defaults applied, cross-references
checked by :mod:`desktop_app.core.loader`) into the frozen dataclasses of :mod:`desktop_app.core.model`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.model import (
    Ambiguity,
    Article,
    AttributionBasis,
    Certainty,
    DateBasis,
    DerivedIndicator,
    DerivedInput,
    Entity,
    EntityKind,
    GoalArea,
    GoalLink,
    Indicator,
    IndicatorKind,
    Level,
    LinkBasis,
    Meeting,
    Metadata,
    ModifierMeaning,
    Paragraph,
    ParagraphRole,
    Presentation,
    Presenter,
    Quote,
    RawSpan,
    Region,
    Repair,
    RepairKind,
    Report,
    Review,
    Scope,
    Section,
    SentenceBasis,
    SourceFile,
    Span,
    Threshold,
)
from desktop_app.core.unreviewed import derived_review

__all__ = ["build_report"]

Json = dict[str, Any]


def _span(data: Json) -> Span:
    return Span(data["paragraph"], data["start"], data["end"], data["text"])


def _links(data: list[Json]) -> tuple[GoalLink, ...]:
    return tuple(GoalLink(link["goal"], LinkBasis(link["basis"])) for link in data)


def build_report(doc: Json, raw: SourceFile, file: Path) -> Report:
    """The report of a document that has passed every check of :func:`desktop_app.core.loader.load_report`."""
    meta = doc["metadata"]
    article = meta["article"]
    stated_reviews = {i["id"]: Review(i["review"]) for i in doc["indicators"]}
    metadata = Metadata(
        title=meta["title"],
        title_en=meta["title_en"],
        year=meta["year"],
        region=Region(**meta["region"]),
        meeting=Meeting(**meta["meeting"]),
        presenter=Presenter(**meta["presenter"]),
        article=None
        if article is None
        else Article(
            headline=article["headline"],
            series_label=article["series_label"],
            banner=article["banner"],
            publication=article["publication"],
            reporters=tuple(article["reporters"]),
            dateline=article["dateline"],
            date=article["date"],
            page=article["page"],
            date_basis=DateBasis(article["date_basis"]),
            mastheads=tuple(article["mastheads"]),
        ),
        ambiguities=tuple(Ambiguity(**a) for a in meta["ambiguities"]),
        level=Level(meta["level"]),
        source_citation=meta["source_citation"],
        source_citation_en=meta["source_citation_en"],
        source_url=meta["source_url"],
        presentation=Presentation(**meta["presentation"]),
    )
    return Report(
        id=doc["id"],
        format_version=doc["format_version"],
        metadata=metadata,
        source=raw,
        paragraphs=tuple(
            Paragraph(
                p["id"], ParagraphRole(p["role"]), tuple(RawSpan(s, e) for s, e in p["segments"]), p["text"]
            )
            for p in doc["paragraphs"]
        ),
        repairs=tuple(
            Repair(
                id=r["id"],
                kind=RepairKind(r["kind"]),
                raw_spans=tuple(RawSpan(s, e) for s, e in r["raw_spans"]),
                raw_text=r["raw_text"],
                result=r["result"],
                note=r["note"],
                reading=r.get("reading"),
                certainty=Certainty(r["certainty"]) if "certainty" in r else None,
                applied=r["applied"],
                span=_span(r["span"]) if "span" in r else None,
                note_en=r["note_en"],
            )
            for r in doc["repairs"]
        ),
        goal_areas=tuple(
            sorted(
                (
                    GoalArea(
                        id=g["id"],
                        order=g["order"],
                        title=g["title"],
                        lead=g["lead"],
                        title_en=g["title_en"],
                        sentence=g["sentence"],
                        span=_span(g["span"]),
                        sentence_basis=SentenceBasis(g["sentence_basis"]),
                        no_figures_note=g["no_figures_note"],
                        no_figures_note_en=g["no_figures_note_en"],
                    )
                    for g in doc["goal_areas"]
                ),
                key=lambda g: g.order,
            )
        ),
        sections=tuple(
            Section(s["id"], s["title"], s["title_en"], tuple(s["paragraphs"]), _links(s["goal_links"]))
            for s in doc["sections"]
        ),
        indicators=tuple(
            Indicator(
                id=i["id"],
                name=i["name"],
                name_en=i["name_en"],
                value=i["value"],
                unit=i["unit"],
                unit_normalised=i["unit_normalised"],
                factor=i["factor"],
                year=i["year"],
                kind=IndicatorKind(i["kind"]),
                modifier=i["modifier"],
                modifier_meaning=ModifierMeaning(i["modifier_meaning"]),
                scope=Scope(i["scope"]),
                denominator=i["denominator"],
                lower_is_better=i["lower_is_better"],
                goal_links=_links(i["goal_links"]),
                section_ids=tuple(i["sections"]),
                span=_span(i["span"]),
                sentence=_span(i["sentence"]),
                headline=i["headline"],
                review=Review(i["review"]),
                confidence=i.get("confidence"),
                series=i.get("series"),
                threshold=Threshold(i["threshold"]["value"], i["threshold"]["unit"])
                if "threshold" in i
                else None,
            )
            for i in doc["indicators"]
        ),
        derived=tuple(
            DerivedIndicator(
                id=d["id"],
                name=d["name"],
                name_en=d["name_en"],
                value=d["value"],
                unit=d["unit"],
                year=d["year"],
                scope=Scope(d["scope"]),
                formula=d["formula"],
                inputs=tuple(
                    DerivedInput(x["indicator"], x["symbol"], x["half_width"], x["note"], x["note_en"])
                    for x in d["inputs"]
                ),
                range_low=d["range"][0],
                range_high=d["range"][1],
                explanation=d["explanation"],
                goal_links=_links(d["goal_links"]),
                section_ids=tuple(d["sections"]),
                explanation_en=d["explanation_en"],
                decimals=d["decimals"],
                review=derived_review(stated_reviews[x["indicator"]] for x in d["inputs"]),
            )
            for d in doc["derived"]
        ),
        quotes=tuple(
            Quote(
                q["id"],
                q["text"],
                q["attribution"],
                q["speaker"],
                _span(q["span"]),
                _links(q["goal_links"]),
                tuple(q["sections"]),
                AttributionBasis(q["attribution_basis"]),
            )
            for q in doc["quotes"]
        ),
        entities=tuple(
            Entity(
                e["id"],
                EntityKind(e["kind"]),
                e["name"],
                tuple(e["roles"]),
                _span(e["span"]),
                _links(e["goal_links"]),
                tuple(e["sections"]),
                e["note"],
                e["note_en"],
            )
            for e in doc["entities"]
        ),
        path=str(file),
    )
