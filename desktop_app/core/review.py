"""Reviewing a dataset's figures: states, edits, undo, filters, counts and saving. No Qt.

An imported dataset proposes every figure (``review: "proposed"``); a person confirms, rejects or
corrects each one against the source, and only confirmed figures count as checked. This module is
that work on the dataset's JSON, so that what is saved is exactly the file that was opened with the
reviewer's changes and nothing else:

- :class:`ReviewSession` holds the dataset being reviewed (its JSON and the checked
  :class:`~desktop_app.core.model.Report` for the source text, goal areas and sections), answers
  what a figure is now (:class:`Figure`), how many await review (:class:`ReviewCounts`) and which
  figures a :class:`ReviewFilter` lets through;
- every transition (accept, reject, back to proposed, edit fields, link to a goal area, accept all
  above a confidence) is first built as a :class:`Change` — what each touched record held before
  and holds after — and only then applied with :meth:`Change.do`; :meth:`Change.undo` puts the
  records back. The Qt layer wraps a change in a ``QUndoCommand``; nothing here keeps a history;
- :meth:`ReviewSession.save` checks the edited dataset with the loader's own checks before
  writing it atomically (:mod:`desktop_app.core.atomic`), so a half-done review can be closed and
  resumed and never leaves a file the app would refuse to open.

Invariants (tested): a change built and then undone leaves the JSON equal to what it was; a change
that would change nothing is not built (``None``); edits are checked one field at a time and
refused with :class:`ReviewError` in both languages before anything changes.
"""

from __future__ import annotations

import copy
import enum
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.dataset_file import read_json
from desktop_app.core.language import Language
from desktop_app.core.loader import check_document
from desktop_app.core.model import IndicatorKind, LinkBasis, Report, Review, Scope, Span

__all__ = [
    "EDITABLE_FIELDS",
    "Change",
    "ChangeKind",
    "Figure",
    "ReviewCounts",
    "ReviewError",
    "ReviewFilter",
    "ReviewSession",
    "parse_field",
]

Json = dict[str, Any]

EDITABLE_FIELDS: Final = ("name", "value", "unit", "year", "kind", "modifier", "scope", "series")
"""The fields a reviewer corrects; the ones derived from them follow (unit → factor, modifier → meaning).

``scope`` is the geographic frame the figure is measured in (全省 in a district's report: province).

``series`` is the key linking the figure across years (issue 16; ``data/series.json``), "" for none:
the importer proposes it with the figure, and the reviewer confirms or changes it."""
_YEARS: Final = (1900, 2200)  # the schema's range
_MAX_UNIT: Final = 20
_MAX_MODIFIER: Final = 40
_MAX_NAME: Final = 20000
_KINDS: Final = frozenset(k.value for k in IndicatorKind)
_SCOPES: Final = frozenset(s.value for s in Scope)
_SEPARATORS: Final = str.maketrans("", "", ",，_ \u3000")
_FULL_WIDTH: Final = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


class ReviewError(ValueError):
    """A review step that cannot be taken, said in English and Chinese.

    Attributes:
        message: what is wrong, in English.
        message_zh: the same in Chinese.
    """

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh

    def text(self, lang: Language | str = Language.EN) -> str:
        return self.message_zh if Language.from_tag(lang) is Language.ZH else self.message


class ChangeKind(enum.StrEnum):
    """What a change does (the Qt layer words its undo text from this and the count)."""

    ACCEPT = "accept"
    REJECT = "reject"
    RESET = "reset"
    EDIT = "edit"
    LINK = "link"
    ACCEPT_ABOVE = "accept_above"


@dataclass(frozen=True, slots=True)
class _Patch:
    """Fields of one record of one collection, before and after."""

    collection: str
    item_id: str
    before: Json
    after: Json


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable review step: the fields of every record it touches, before and after.

    Attributes:
        kind: what the step does.
        figure_ids: the figures it concerns, in dataset order.
        patches: the records' fields before and after (sections too, when a link needs them).
    """

    kind: ChangeKind
    figure_ids: tuple[str, ...]
    patches: tuple[_Patch, ...] = field(repr=False)

    def do(self, session: ReviewSession) -> None:
        """Apply the change to ``session``."""
        for patch in self.patches:
            session._write(patch.collection, patch.item_id, patch.after)

    def undo(self, session: ReviewSession) -> None:
        """Put back what the change replaced."""
        for patch in reversed(self.patches):
            session._write(patch.collection, patch.item_id, patch.before)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as it stands in the review (read from the dataset's JSON, never cached)."""

    id: str
    row: int
    name: str
    value: float
    unit: str
    year: int
    kind: str
    modifier: str
    modifier_meaning: str
    scope: str
    series: str
    review: Review
    confidence: float | None
    goal_ids: tuple[str, ...]
    section_ids: tuple[str, ...]
    span: Span
    sentence: Span

    def field(self, name: str) -> Any:
        """One of :data:`EDITABLE_FIELDS` by name."""
        if name not in EDITABLE_FIELDS:
            raise KeyError(name)
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """How many figures are in each state."""

    proposed: int = 0
    confirmed: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        return self.proposed + self.confirmed + self.rejected

    @property
    def awaiting(self) -> int:
        """Figures nobody has checked yet ("N awaiting review")."""
        return self.proposed


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """Which figures a reviewer wants to see; every condition given must hold.

    Attributes:
        states: review states shown (all by default).
        kinds: kinds shown (None: all).
        below_confidence: only figures with a confidence below this (low confidence first).
        goal_id: only figures linked to this goal area.
        section_id: only figures filed under this section.
        year: only figures of this year.
    """

    states: frozenset[Review] = frozenset(Review)
    kinds: frozenset[str] | None = None
    below_confidence: float | None = None
    goal_id: str | None = None
    section_id: str | None = None
    year: int | None = None

    def matches(self, figure: Figure) -> bool:
        if figure.review not in self.states:
            return False
        if self.kinds is not None and figure.kind not in self.kinds:
            return False
        if self.below_confidence is not None and (
            figure.confidence is None or figure.confidence >= self.below_confidence
        ):
            return False
        if self.goal_id is not None and self.goal_id not in figure.goal_ids:
            return False
        if self.section_id is not None and self.section_id not in figure.section_ids:
            return False
        return self.year is None or figure.year == self.year


def parse_field(name: str, text: str) -> Any:
    """A field's value from what a reviewer typed: ``1,234.5`` → 1234.5, ``２０２４`` → 2024.

    Raises:
        ReviewError: naming the field and what was expected.
    """
    if name == "value":
        cleaned = text.translate(_FULL_WIDTH).translate(_SEPARATORS)
        try:
            number = float(cleaned)
        except ValueError:
            raise ReviewError(
                f"value: expected a number, found {text!r}", f"数值：应为数字，实为“{text}”"
            ) from None
        return _checked("value", number)
    if name == "year":
        cleaned = text.translate(_FULL_WIDTH).strip().removesuffix("年")
        if not cleaned.isdigit() or not cleaned.isascii():
            raise ReviewError(
                f"year: expected a year such as 2024, found {text!r}",
                f"年份：应为年份（如 2024），实为“{text}”",
            )
        return _checked("year", int(cleaned))
    if name in EDITABLE_FIELDS:
        return _checked(name, text.strip())
    raise KeyError(name)


def _checked(name: str, value: Any) -> Any:
    """``value`` if the field may hold it; else a :class:`ReviewError` saying why."""
    if name == "value":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ReviewError(
                f"value: expected a finite number, found {value!r}", f"数值：应为有限的数字，实为 {value!r}"
            )
        return value
    if name == "year":
        low, high = _YEARS
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ReviewError(
                f"year: expected a year from {low} to {high}, found {value!r}",
                f"年份：应在 {low} 至 {high} 之间，实为 {value!r}",
            )
        return value
    if name == "kind":
        if value not in _KINDS:
            raise ReviewError(f"kind: unknown kind {value!r}", f"类型：未知的类型“{value}”")
        return value
    if name == "scope":
        if value not in _SCOPES:
            raise ReviewError(
                f"scope: expected one of {', '.join(s.value for s in Scope)}, found {value!r}",
                f"范围：应为 {'、'.join(s.value for s in Scope)} 之一，实为“{value}”",
            )
        return value
    if name == "series":
        if not isinstance(value, str) or (value and value not in _series_keys()):
            raise ReviewError(
                f"series: unknown series {value!r} (see data/series.json)", f"系列：未知的系列“{value}”"
            )
        return value
    limits = {"name": _MAX_NAME, "unit": _MAX_UNIT, "modifier": _MAX_MODIFIER}
    if name not in limits:
        raise KeyError(name)
    if not isinstance(value, str):
        raise ReviewError(f"{name}: expected text, found {value!r}", f"{_FIELD_ZH[name]}：应为文字")
    if name == "name" and not value.strip():
        raise ReviewError("name: a figure needs a name", "名称：指标须有名称")
    if len(value) > limits[name]:
        raise ReviewError(
            f"{name}: at most {limits[name]} characters, found {len(value)}",
            f"{_FIELD_ZH[name]}：最多 {limits[name]} 个字符，实为 {len(value)} 个",
        )
    return value


_FIELD_ZH: Final = {"name": "名称", "unit": "单位", "modifier": "修饰语"}


def _series_keys() -> frozenset[str]:
    # Imported here: the review opens without the targets package until a series is edited.
    from desktop_app.core.targets.series import series_table

    return frozenset(series_table())


class ReviewSession:
    """A dataset under review: its JSON as read, edited in place, and the report it was checked as.

    Args:
        document: the dataset's JSON as read from ``path`` (not with the loader's defaults filled).
        path: the dataset file; saving writes it.
        report: the checked report for ``document`` (source text, goal areas, sections).
    """

    def __init__(self, document: Json, path: Path, report: Report) -> None:
        self._doc = document
        self._path = path
        self._report = report
        self._rows: dict[str, dict[str, int]] = {
            collection: {item["id"]: row for row, item in enumerate(document[collection])}
            for collection in ("indicators", "sections")
        }
        # A figure that a derived figure is computed from keeps its value and unit: the loader
        # recomputes the derived value from them, and this module does not rebuild derived figures.
        self._derived_inputs = {
            item["indicator"]: der["id"] for der in document.get("derived", []) for item in der["inputs"]
        }

    @classmethod
    def open(cls, path: Path | str) -> ReviewSession:
        """Read and check the dataset at ``path``.

        Raises:
            DatasetError: the loader's refusal, naming the file and every problem.
        """
        file = Path(path)
        document = read_json(file)
        report = check_document(copy.deepcopy(document), file)
        return cls(document, file, report)

    # --- reading ------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def report(self) -> Report:
        """The report as last checked (when opened or saved): source, goal areas, sections."""
        return self._report

    def document(self) -> Json:
        """A copy of the dataset's JSON as it stands now."""
        return copy.deepcopy(self._doc)

    def __len__(self) -> int:
        return len(self._doc["indicators"])

    def figure_ids(self) -> list[str]:
        return [item["id"] for item in self._doc["indicators"]]

    def figure(self, figure_id: str) -> Figure:
        """The figure with this id as it stands now.

        Raises:
            KeyError: no such figure.
        """
        row = self._rows["indicators"][figure_id]
        return _figure(self._doc["indicators"][row], row)

    def figures(self, where: ReviewFilter | None = None) -> list[Figure]:
        """Every figure in dataset order, or those ``where`` lets through."""
        out = [_figure(item, row) for row, item in enumerate(self._doc["indicators"])]
        return out if where is None else [f for f in out if where.matches(f)]

    def counts(self) -> ReviewCounts:
        states = [item.get("review", Review.CONFIRMED.value) for item in self._doc["indicators"]]
        return ReviewCounts(
            proposed=states.count(Review.PROPOSED.value),
            confirmed=states.count(Review.CONFIRMED.value),
            rejected=states.count(Review.REJECTED.value),
        )

    def years(self) -> list[int]:
        """The years figures are of, for a filter's choices."""
        return sorted({item["year"] for item in self._doc["indicators"]})

    # --- building changes ---------------------------------------------------------------------

    def accept(self, figure_ids: Iterable[str]) -> Change | None:
        """Confirm figures (None when all of them already are)."""
        return self._set_review(ChangeKind.ACCEPT, figure_ids, Review.CONFIRMED)

    def reject(self, figure_ids: Iterable[str]) -> Change | None:
        """Reject figures: they stay in the dataset, marked as not what the text says."""
        return self._set_review(ChangeKind.REJECT, figure_ids, Review.REJECTED)

    def reset(self, figure_ids: Iterable[str]) -> Change | None:
        """Put figures back to proposed (unchecked)."""
        return self._set_review(ChangeKind.RESET, figure_ids, Review.PROPOSED)

    def accept_above(self, threshold: float, among: Iterable[str] | None = None) -> Change | None:
        """Confirm every proposed figure whose confidence is at least ``threshold``.

        Args:
            threshold: from 0 to 1.
            among: only these figures (e.g. those a filter shows); all when None.

        Raises:
            ReviewError: ``threshold`` is not from 0 to 1.
        """
        if not 0 <= threshold <= 1:
            raise ReviewError(
                f"confidence: expected a number from 0 to 1, found {threshold}",
                f"置信度：应在 0 至 1 之间，实为 {threshold}",
            )
        ids = self.figure_ids() if among is None else list(among)
        chosen = [
            i
            for i in ids
            if (f := self.figure(i)).review is Review.PROPOSED
            and f.confidence is not None
            and f.confidence >= threshold
        ]
        return self._set_review(ChangeKind.ACCEPT_ABOVE, chosen, Review.CONFIRMED)

    def edit(self, figure_id: str, changes: Mapping[str, Any]) -> Change | None:
        """Correct a figure's fields (:data:`EDITABLE_FIELDS`); the fields derived from them follow.

        A new unit brings its normalised unit and factor (``万亿元`` → ``元`` × 10¹²); a new modifier
        its meaning (``以上`` → lower bound). Editing does not confirm: accepting is its own step.

        Raises:
            KeyError: no such figure or field.
            ReviewError: a value the field cannot hold, or the value or unit of a figure a derived
                figure is computed from.
        """
        item = self._item("indicators", figure_id)
        new = {name: _checked(name, value) for name, value in changes.items()}
        new = {name: value for name, value in new.items() if item.get(name, _DEFAULTS.get(name)) != value}
        if not new:
            return None
        derived = self._derived_inputs.get(figure_id)
        if derived is not None and {"value", "unit"} & new.keys():
            raise ReviewError(
                f"{figure_id}: the derived figure {derived} is computed from this value; edit the dataset "
                "by hand to change both",
                f"{figure_id}：推算指标 {derived} 由此数值算出，请手工修改数据集以同时更改二者",
            )
        if new.get("series") == "":
            new["series"] = _ABSENT  # no series: the dataset has no key (the schema wants a key)
        if "unit" in new:
            new["unit_normalised"], new["factor"] = _normalised(new["unit"])
        if "modifier" in new:
            new["modifier_meaning"] = _meaning(new["modifier"])
        patch = _patch("indicators", item, new)
        return Change(ChangeKind.EDIT, (figure_id,), (patch,))

    def link_goal(self, figure_id: str, goal_id: str | None) -> Change | None:
        """Link a figure to one goal area (a reviewer's judgement), or to none.

        The figure's sections are linked to the goal area too where they are not yet (the loader
        wants a section to link every goal area its members link); unlinking leaves sections as
        they are.

        Raises:
            KeyError: no such figure.
            ReviewError: no such goal area.
        """
        item = self._item("indicators", figure_id)
        goals = {g.id for g in self._report.goal_areas}
        if goal_id is not None and goal_id not in goals:
            raise ReviewError(f"no goal area {goal_id!r}", f"没有目标领域“{goal_id}”")
        old = [link["goal"] for link in item.get("goal_links", [])]
        if old == ([goal_id] if goal_id else []):
            return None
        links = [] if goal_id is None else [{"goal": goal_id, "basis": LinkBasis.EDITORIAL.value}]
        patches = [_patch("indicators", item, {"goal_links": links})]
        if goal_id is not None:
            for section_id in item.get("sections", []):
                section = self._item("sections", section_id)
                section_links = section.get("goal_links", [])
                if all(link["goal"] != goal_id for link in section_links):
                    added = [*section_links, {"goal": goal_id, "basis": LinkBasis.EDITORIAL.value}]
                    patches.append(_patch("sections", section, {"goal_links": added}))
        return Change(ChangeKind.LINK, (figure_id,), tuple(patches))

    def _set_review(self, kind: ChangeKind, figure_ids: Iterable[str], state: Review) -> Change | None:
        patches = []
        for figure_id in dict.fromkeys(figure_ids):
            item = self._item("indicators", figure_id)
            if item.get("review", Review.CONFIRMED.value) != state.value:
                patches.append(_patch("indicators", item, {"review": state.value}))
        patches.sort(key=lambda p: self._rows["indicators"][p.item_id])
        if not patches:
            return None
        return Change(kind, tuple(p.item_id for p in patches), tuple(patches))

    # --- applying and saving ------------------------------------------------------------------

    def _item(self, collection: str, item_id: str) -> Json:
        item: Json = self._doc[collection][self._rows[collection][item_id]]
        return item

    def _write(self, collection: str, item_id: str, fields: Json) -> None:
        item = self._item(collection, item_id)
        for name, value in fields.items():
            if value is _ABSENT:
                item.pop(name, None)
            else:
                item[name] = copy.deepcopy(value)

    def save(self, path: Path | str | None = None) -> Report:
        """Check the dataset as it stands and write it atomically (to ``path``, or where it was read).

        The check is the loader's, with the source file beside the target; nothing is written when
        it fails. Returns the report as checked (also :attr:`report` from now on).

        Raises:
            DatasetError: the edited dataset would not load (nothing written).
            ExportError: the file could not be written (nothing partial left).
        """
        target = Path(path) if path is not None else self._path
        report = check_document(copy.deepcopy(self._doc), target)
        atomic_write_text(target, json.dumps(self._doc, ensure_ascii=False, indent=1) + "\n")
        self._path = target
        self._report = report
        return report


_ABSENT: Final = object()  # a field a record did not have before a change
_DEFAULTS: Final[Mapping[str, Any]] = {"modifier": "", "series": "", "review": Review.CONFIRMED.value}


def _patch(collection: str, item: Json, after: Json) -> _Patch:
    before = {name: copy.deepcopy(item[name]) if name in item else _ABSENT for name in after}
    # _ABSENT passes as itself: a deep copy would be another object, no longer "absent".
    after = {name: value if value is _ABSENT else copy.deepcopy(value) for name, value in after.items()}
    return _Patch(collection, item["id"], before, after)


def _figure(item: Json, row: int) -> Figure:
    def span(value: Json) -> Span:
        return Span(value["paragraph"], value["start"], value["end"], value["text"])

    return Figure(
        id=item["id"],
        row=row,
        name=item["name"],
        value=item["value"],
        unit=item["unit"],
        year=item["year"],
        kind=item["kind"],
        modifier=item.get("modifier", ""),
        modifier_meaning=item["modifier_meaning"],
        scope=item["scope"],
        series=item.get("series", ""),
        review=Review(item.get("review", Review.CONFIRMED.value)),
        confidence=item.get("confidence"),
        goal_ids=tuple(link["goal"] for link in item.get("goal_links", [])),
        section_ids=tuple(item.get("sections", [])),
        span=span(item["span"]),
        sentence=span(item["sentence"]),
    )


def _normalised(unit: str) -> tuple[str, float]:
    # Imported here: the importer's number module loads cn2an, which costs a second to import.
    from desktop_app.core.importer.numbers import normalise_unit

    return normalise_unit(unit) if unit else ("", 1.0)


def _meaning(modifier: str) -> str:
    # Imported here, like the unit rule above: the importer costs a second to import.
    from desktop_app.core.importer.dataset import written_modifier_meaning

    return written_modifier_meaning(modifier)
