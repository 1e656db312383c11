"""The report as frozen dataclasses.

Everything the application shows is read from one :class:`Report`. The loader
(:mod:`desktop_app.core.loader`) builds it from the JSON dataset and checks it;
nothing here imports Qt.

Offsets are Python string indices (code points) into a paragraph's repaired
text, or into the raw article for repairs. The bundled text has no characters
outside the Basic Multilingual Plane, so they equal Qt's UTF-16 positions; the
Qt layer converts where that does not hold.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property


class IndicatorKind(enum.StrEnum):
    """What kind of figure an indicator is."""

    ACHIEVED = "achieved"
    ESTIMATE = "estimate"
    TARGET = "target"
    RANK = "rank"
    RANK_CHANGE = "rank_change"
    SHARE = "share"
    COUNT = "count"
    RATE = "rate"
    BOUND = "bound"
    CHANGE = "change"  # a growth or decline against an earlier value
    DERIVED = "derived"


class ModifierMeaning(enum.StrEnum):
    """What a modifier such as 突破 or 以上 says about the value."""

    EXACT = "exact"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"
    APPROXIMATE = "approximate"
    ASPIRATION = "aspiration"
    ASPIRATION_LOWER_BOUND = "aspiration_lower_bound"
    ESTIMATE = "estimate"
    ESTIMATE_LOWER_BOUND = "estimate_lower_bound"
    ELIMINATED = "eliminated"


class Scope(enum.StrEnum):
    """The geographic frame a figure is measured in."""

    DISTRICT = "district"
    COUNTY = "county"
    CITY = "city"
    PROVINCE = "province"
    NATION = "nation"


class Level(enum.StrEnum):
    """Which government's report a dataset is."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    COUNTY = "county"


class Review(enum.StrEnum):
    """Whether a person checked a figure against the source; only confirmed figures count as checked."""

    CONFIRMED = "confirmed"
    PROPOSED = "proposed"
    REJECTED = "rejected"


class SentenceBasis(enum.StrEnum):
    """Whether a goal area's sentence is the source's exact words or the editors' paraphrase."""

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"


class AttributionBasis(enum.StrEnum):
    """Whether the source names a quote's speaker or the editors inferred it."""

    STATED = "stated"
    INFERRED = "inferred"


class DateBasis(enum.StrEnum):
    """Whether the page prints the article's full date or only a dateline's month and day."""

    PRINTED = "printed"
    DATELINE = "dateline"


class ParagraphRole(enum.StrEnum):
    HEADLINE = "headline"
    HEADING = "heading"
    BODY = "body"
    BYLINE = "byline"


class RepairKind(enum.StrEnum):
    """What a repair did; the last four are made by the importer (issue 14)."""

    JOIN = "join"
    MOVE = "move"
    DROP = "drop"
    MISREADING = "misreading"
    PUNCTUATION = "punctuation"
    LINEBREAK = "linebreak"  # a line break (or blank line) inside a paragraph or a number removed
    INVISIBLE = "invisible"  # zero-width or other invisible format characters removed
    DIGITS = "digits"  # full-width digits written as ASCII digits
    FURNITURE = "furniture"  # a page-furniture line (header, footer, page number) dropped


class Certainty(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class LinkBasis(enum.StrEnum):
    """Whether a link to a goal area is the article's own words or an editor's judgement."""

    ARTICLE = "article"
    EDITORIAL = "editorial"


class EntityKind(enum.StrEnum):
    LIVELIHOOD_PROJECT = "livelihood_project"
    PROJECT = "project"
    PARK = "park"
    ENTERPRISE = "enterprise"
    PROGRAMME = "programme"
    HONOUR = "honour"
    PLACE = "place"  # a named place: a river section, a town
    CLAIM = "claim"  # a non-numeric rank or "first" statement: 全市最多, 全省领先, 率先
    MECHANISM = "mechanism"  # a named working mechanism or reform


@dataclass(frozen=True, slots=True)
class Span:
    """A run of characters in one paragraph of the repaired article."""

    paragraph_id: str
    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A run of characters in the raw article, as captured from the page."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Region:
    """Where the report's government is; empty strings where a level does not apply."""

    province: str = ""
    city: str = ""
    district: str = ""
    district_en: str = ""
    name: str = ""
    name_en: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    name: str
    date: str


@dataclass(frozen=True, slots=True)
class Presenter:
    name: str
    office: str


@dataclass(frozen=True, slots=True)
class Article:
    """The newspaper article a dataset is built from.

    Attributes:
        date: ISO date; where ``date_basis`` is DATELINE only month and day are printed.
        mastheads: every masthead on the page when the page does not settle whose it is.
    """

    headline: str
    series_label: str = ""
    banner: str = ""
    publication: str = ""
    reporters: tuple[str, ...] = ()
    dateline: str = ""
    date: str = ""
    page: str = ""
    date_basis: DateBasis = DateBasis.PRINTED
    mastheads: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """An editorial note on something the source leaves open (``text`` Chinese, ``text_en`` English)."""

    id: str
    topic: str
    text: str
    text_en: str = ""
    topic_en: str = ""


@dataclass(frozen=True, slots=True)
class Presentation:
    """Report-specific wording, from the dataset; patterns use {title}, {lead}, {title_en}, {order}.

    Attributes:
        goal_label: a goal area's full label (Linzi: 坚定不移{title} · {lead}走在前).
        goal_short_label: a goal area's short label.
        goals_heading: the heading over all goal areas (zh / en).
        overview_section: id of the section that is the report's overview, if any.
    """

    goal_label: str = "{title}"
    goal_short_label: str = "{title}"
    goals_heading: str = "主要任务"
    goals_heading_en: str = "Task areas"
    overview_section: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """The report and its source.

    Attributes:
        article: the newspaper article, or None for a source that is not one (then
            ``source_citation``/``source_citation_en`` say what it is).
    """

    title: str
    title_en: str
    year: int
    region: Region
    meeting: Meeting
    presenter: Presenter
    article: Article | None
    ambiguities: tuple[Ambiguity, ...]
    level: Level = Level.DISTRICT
    source_citation: str = ""
    source_citation_en: str = ""
    source_url: str = ""
    presentation: Presentation = field(default_factory=Presentation)

    @property
    def citation(self) -> str:
        """A one-line citation of the source (Chinese), hedged where the page is: dateline date, mastheads."""
        article = self.article
        if article is None:
            return self.source_citation or self.title
        # Full-width punctuation as escapes: editors fold them to ASCII.
        # The hedges come last, so that a citation shortened in the middle keeps paper and headline.
        date = article.date
        if article.date_basis is DateBasis.DATELINE:
            _, month, day = (int(part) for part in date.split("-"))
            date = f"电头{month}月{day}日\uff08年份推定\uff09"
        reporters = f"\uff0c记者{'、'.join(article.reporters)}" if article.reporters else ""
        others = [m for m in article.mastheads if m != article.publication]
        mastheads = f"\uff1b版面另有{'、'.join(others)}报头" if others else ""
        return f"{article.publication}《{article.headline}》\uff0c{date}{reporters}{mastheads}"

    @property
    def citation_en(self) -> str:
        """The citation in English (Chinese names kept), with the same hedges."""
        article = self.article
        if article is None:
            return self.source_citation_en or self.source_citation or self.title_en or self.title
        date = article.date
        if article.date_basis is DateBasis.DATELINE:
            year, month, day = (int(part) for part in date.split("-"))
            date = f"dateline {_MONTHS[month - 1]} {day} (year inferred as {year})"
        reporters = f", by {', '.join(article.reporters)}" if article.reporters else ""
        others = [m for m in article.mastheads if m != article.publication]
        mastheads = f"; the page also carries the masthead of {', '.join(others)}" if others else ""
        return f"{article.publication}, {article.headline}, {date}{reporters}{mastheads}"


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceFile:
    file: str
    sha256: str
    length: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the article in reading order.

    ``segments`` are the raw spans it was assembled from, in order; repairs that
    fall inside them are applied to produce ``text``.
    """

    id: str
    role: ParagraphRole
    segments: tuple[RawSpan, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Repair:
    """One change between the raw page text and the repaired article.

    Attributes:
        raw_spans: where in the raw text the change applies.
        raw_text: the raw characters concerned (joined with "|" for several spans).
        result: what the repaired text has in their place ("" for drops and joins).
        applied: False where the reading is only proposed and the raw text is kept.
        span: where the result stands in the repaired article, if it stands anywhere.
    """

    id: str
    kind: RepairKind
    raw_spans: tuple[RawSpan, ...]
    raw_text: str
    result: str
    note: str
    reading: str | None = None
    certainty: Certainty | None = None
    applied: bool = True
    span: Span | None = None
    note_en: str = ""


@dataclass(frozen=True, slots=True)
class GoalArea:
    """One of the report's task areas. How it is labelled is the dataset's ``presentation``.

    Attributes:
        title: the short label as the report words it (Linzi: 稳增长).
        lead: an optional second part (Linzi: what is to 走在前, 经济回升向好), or "".
        sentence: the source's words for it; ``sentence_basis`` says whether exactly.
        no_figures_note: why no figure is linked to it (Linzi's culture and tourism: the article
            states none), in Chinese and English; "" for a goal area with figures or no note.
    """

    id: str
    order: int
    title: str
    lead: str
    title_en: str
    sentence: str
    span: Span
    sentence_basis: SentenceBasis = SentenceBasis.QUOTE
    no_figures_note: str = ""
    no_figures_note_en: str = ""


@dataclass(frozen=True, slots=True)
class GoalLink:
    goal_id: str
    basis: LinkBasis


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    title_en: str
    paragraph_ids: tuple[str, ...]
    goal_links: tuple[GoalLink, ...]


@dataclass(frozen=True, slots=True)
class Threshold:
    """A threshold a figure counts against (villages with income below 20 万元)."""

    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Indicator:
    """A figure the article states, as written and as a number."""

    id: str
    name: str
    name_en: str
    value: float
    unit: str
    unit_normalised: str
    factor: float
    year: int
    kind: IndicatorKind
    modifier: str
    modifier_meaning: ModifierMeaning
    scope: Scope
    denominator: str | None
    lower_is_better: bool
    goal_links: tuple[GoalLink, ...]
    section_ids: tuple[str, ...]
    span: Span
    sentence: Span
    headline: bool
    review: Review = Review.CONFIRMED
    confidence: float | None = None
    series: str | None = None
    threshold: Threshold | None = None

    @property
    def normalised_value(self) -> float:
        """The value in ``unit_normalised`` (e.g. 7.7 万户 → 77000 户)."""
        return self.value * self.factor

    @property
    def goal_ids(self) -> tuple[str, ...]:
        return tuple(link.goal_id for link in self.goal_links)


@dataclass(frozen=True, slots=True)
class DerivedInput:
    indicator_id: str
    symbol: str
    half_width: float
    note: str
    note_en: str = ""


@dataclass(frozen=True, slots=True)
class DerivedIndicator:
    """A figure the article implies but does not state.

    ``formula`` is an arithmetic expression over the input symbols; the loader
    recomputes it and the range that the inputs' rounding (``half_width``) allows,
    rounded outward (not a confidence interval). ``scope`` is its own.

    ``review`` is not stored: a derived figure is only as checked as its least checked input
    (:func:`desktop_app.core.unreviewed.derived_review`), worked out when the report is built.
    """

    id: str
    name: str
    name_en: str
    value: float
    unit: str
    year: int
    scope: Scope
    formula: str
    inputs: tuple[DerivedInput, ...]
    range_low: float
    range_high: float
    explanation: str
    goal_links: tuple[GoalLink, ...]
    section_ids: tuple[str, ...]
    explanation_en: str = ""
    decimals: int = 0

    kind: IndicatorKind = IndicatorKind.DERIVED
    review: Review = Review.CONFIRMED

    @property
    def goal_ids(self) -> tuple[str, ...]:
        return tuple(link.goal_id for link in self.goal_links)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words quoted from the article; ``attribution`` says whose, ``attribution_basis`` how we know."""

    id: str
    text: str
    attribution: str
    speaker: str
    span: Span
    goal_links: tuple[GoalLink, ...]
    section_ids: tuple[str, ...]
    attribution_basis: AttributionBasis = AttributionBasis.STATED

    @property
    def goal_ids(self) -> tuple[str, ...]:
        return tuple(link.goal_id for link in self.goal_links)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: EntityKind
    name: str
    roles: tuple[str, ...]
    span: Span
    goal_links: tuple[GoalLink, ...]
    section_ids: tuple[str, ...]
    note: str = ""
    note_en: str = ""

    @property
    def goal_ids(self) -> tuple[str, ...]:
        return tuple(link.goal_id for link in self.goal_links)


AnyIndicator = Indicator | DerivedIndicator
Linked = Indicator | DerivedIndicator | Quote | Entity


@dataclass(frozen=True)
class Report:
    """The whole dataset, read-only. Lookups by id are built once, on first use."""

    id: str
    format_version: int
    metadata: Metadata
    source: SourceFile
    paragraphs: tuple[Paragraph, ...]
    repairs: tuple[Repair, ...]
    goal_areas: tuple[GoalArea, ...]
    sections: tuple[Section, ...]
    indicators: tuple[Indicator, ...]
    derived: tuple[DerivedIndicator, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    path: str = field(default="", compare=False)

    @cached_property
    def paragraph_by_id(self) -> Mapping[str, Paragraph]:
        return {p.id: p for p in self.paragraphs}

    @cached_property
    def goal_by_id(self) -> Mapping[str, GoalArea]:
        return {g.id: g for g in self.goal_areas}

    @cached_property
    def section_by_id(self) -> Mapping[str, Section]:
        return {s.id: s for s in self.sections}

    @cached_property
    def quote_by_id(self) -> Mapping[str, Quote]:
        return {q.id: q for q in self.quotes}

    @cached_property
    def entity_by_id(self) -> Mapping[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def indicator_by_id(self) -> Mapping[str, AnyIndicator]:
        table: dict[str, AnyIndicator] = {i.id: i for i in self.indicators}
        table.update((d.id, d) for d in self.derived)
        return table

    def all_indicators(self) -> Iterator[AnyIndicator]:
        yield from self.indicators
        yield from self.derived

    def for_goal(self, goal_id: str) -> list[Linked]:
        """Everything linked to one goal area, indicators first."""
        items: list[Linked] = []
        items.extend(i for i in self.all_indicators() if goal_id in i.goal_ids)
        items.extend(q for q in self.quotes if goal_id in q.goal_ids)
        items.extend(e for e in self.entities if goal_id in e.goal_ids)
        return items

    def indicators_for_goal(self, goal_id: str) -> list[AnyIndicator]:
        return [i for i in self.all_indicators() if goal_id in i.goal_ids]

    def for_section(self, section_id: str) -> list[Linked]:
        items: list[Linked] = []
        items.extend(i for i in self.all_indicators() if section_id in i.section_ids)
        items.extend(q for q in self.quotes if section_id in q.section_ids)
        items.extend(e for e in self.entities if section_id in e.section_ids)
        return items

    def entities_of_kind(self, kind: EntityKind) -> list[Entity]:
        return [e for e in self.entities if e.kind is kind]

    @property
    def article_text(self) -> str:
        """The repaired article, paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)
