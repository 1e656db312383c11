"""Load a dataset file into a :class:`~desktop_app.core.model.Report`, refusing bad input clearly.

Loading happens in three passes, each collecting every problem it finds before
giving up, so a person fixing a file sees them all at once:

1. the file itself (:mod:`desktop_app.core.dataset_file`): present, a regular file (never a
   pipe or device, which would hang), readable, not absurdly large, UTF-8 without a byte-order
   mark, well-formed JSON with finite numbers, exact integers, no duplicate keys, no lone
   surrogates and no absurd nesting;
2. the JSON Schema in ``data/schema/report.schema.json`` (draft 2020-12), checked with
   jsonschema-rs (the pure-Python ``jsonschema`` took ~0.5 s for the bundled file; this takes ~1 ms);
3. the cross-references no schema can express: unique ids, references that
   resolve, spans that lie inside their paragraph and quote it exactly, a
   repaired text that the recorded repairs reproduce from the raw article
   (punctuation repairs replace, never delete), misreadings that cover the whole
   misread word, derived figures that recompute with their range rounded outward
   and a scope of their own, sections that link every goal area their members
   link, goal areas that something links to.

Between passes 2 and 3 the optional fields get their defaults (:func:`_apply_defaults`),
in one place, so later code reads every field directly.

The window's start-up skips passes 2 and 3 for the bundled dataset when its bytes are the ones
``tests/core/test_bundled_dataset.py`` checks in full (their SHA-256 is pinned in
:data:`~desktop_app.core.resources.BUNDLED_DATASET_SHA256`): they cost more than a third of
building the report, and the schema checker's import alone (``jsonschema_rs`` imports
``email.utils``, ``socket``…) 55 million instructions. Any other file, or a bundled file changed
since, is checked in full.

Every problem names the file and the JSON path of the bad node. The work is bounded by the size of
the file and of the raw article (no input multiplies it), and nothing but :class:`DatasetError`
escapes: a dataset is a file people email each other.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core import formula as formulas
from desktop_app.core.build_model import build_report
from desktop_app.core.dataset_errors import DatasetError, Problem
from desktop_app.core.dataset_errors import excerpt as _short
from desktop_app.core.dataset_file import (
    MAX_FILE_BYTES,
    json_path,
    read_bytes,
    read_json,
    read_source,
    refuse,
)
from desktop_app.core.model import (
    AttributionBasis,
    DateBasis,
    Level,
    Report,
    Review,
    SentenceBasis,
    SourceFile,
)
from desktop_app.core.rebuild import paragraph_text_problems, rebuilt_pieces, segment_problems, unaccounted
from desktop_app.core.resources import BUNDLED_DATASET_SHA256, bundled_dataset_path, schema_path

if TYPE_CHECKING:
    import jsonschema_rs

MAX_PROBLEMS = 50
# Repairs that put ``result`` in place of their raw span, and repairs that leave their raw spans out.
SUBSTITUTING_REPAIRS = frozenset({"punctuation", "misreading", "linebreak", "invisible", "digits"})
DROPPING_REPAIRS = frozenset({"drop", "furniture"})
FORMAT_VERSION = 2
Json = dict[str, Any]


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS",
    "DatasetError",
    "Problem",
    "check_document",
    "json_path",
    "load_report",
]


@cache
def _schema() -> Json:
    schema: Json = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


@cache
def _schema_validator() -> jsonschema_rs.Draft202012Validator:
    import jsonschema_rs  # 55 million instructions (it imports email.utils): only when checking

    return jsonschema_rs.Draft202012Validator(_schema())


def load_report(
    path: Path | str | None = None, *, max_bytes: int = MAX_FILE_BYTES, trust_bundled: bool = False
) -> Report:
    """Read, validate and return a report.

    Args:
        path: a dataset file; the bundled report when None.
        max_bytes: files larger than this are refused before being read.
        trust_bundled: with ``path`` None, skip the checks when the bundled file's bytes are the
            ones the test suite checks in full (the window's start-up); checked in full otherwise.

    Raises:
        DatasetError: naming the file and every problem found in it.
    """
    file = Path(path) if path is not None else bundled_dataset_path()
    if path is None and trust_bundled:
        report = _checked_bundle(file, max_bytes)
        if report is not None:
            return report
    return check_document(read_json(file, max_bytes), file)


def _checked_bundle(file: Path, max_bytes: int) -> Report | None:
    """The bundled report built without passes 2 and 3, or None when its bytes are not the checked ones.

    The source article is still read and its hash compared (:func:`read_source`).
    """
    data = read_bytes(file, max_bytes)
    if hashlib.sha256(data).hexdigest() != BUNDLED_DATASET_SHA256:
        return None
    document = json.loads(data)
    _apply_defaults(document)
    return build_report(document, read_source(file, document["source"]), file)


def check_document(document: Any, file: Path) -> Report:
    """Check a dataset's JSON (as read from ``file``, or about to be written there) and build the report.

    The source file is read beside ``file``. ``document`` gets its defaults filled in place: pass a
    copy to keep the original.

    Raises:
        DatasetError: naming the file and every problem found in it.
    """
    version = document.get("format_version") if isinstance(document, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version != FORMAT_VERSION:
        raise refuse(
            file,
            f"format_version {version} is not read by this version of the app, which reads format_version "
            f"{FORMAT_VERSION}; rebuild the dataset with its builder or convert it",
            f"本程序只读取 format_version {FORMAT_VERSION} 的数据集\uff0c该文件为 {version}\uff1b"
            "请用其构建工具重新生成或转换",
            "$.format_version",
        )
    from desktop_app.core.dataset_scalars import scalar_problems  # not needed by _checked_bundle

    try:
        problems = scalar_problems(document, _schema()) or _schema_problems(document)
        if problems:
            raise DatasetError(file, problems)
        _apply_defaults(document)
        raw = read_source(file, document["source"])
        problems = list(itertools.islice(_cross_reference_problems(document, raw), MAX_PROBLEMS))
        if problems:
            raise DatasetError(file, problems)
        return build_report(document, raw, file)
    except (ArithmeticError, LookupError, RecursionError, TypeError, ValueError) as exc:
        # A check that met a shape it did not foresee: still a refusal naming the file, never a crash.
        message = f"the dataset could not be checked ({type(exc).__name__}: {str(exc)[:200]})"
        raise refuse(file, message, f"无法检查该数据集（{type(exc).__name__}）") from exc


# --- pass 1: the file ---------------------------------------------------------------------------


# The dataset and its source are read by desktop_app.core.dataset_file (read_json, read_source).


# --- pass 2: the schema ---------------------------------------------------------------------------


def _schema_problems(document: Any) -> list[Problem]:
    try:
        errors = sorted(
            itertools.islice(_schema_validator().iter_errors(document), MAX_PROBLEMS * 4),
            key=lambda e: [str(p) for p in e.instance_path],
        )
    except ValueError as exc:  # e.g. jsonschema-rs "Recursion limit reached" (nesting is capped before)
        return [Problem("$", f"the schema check gave up: {str(exc)[:200]}")]
    problems = []
    for error in errors[:MAX_PROBLEMS]:
        message = error.message if len(error.message) < 300 else error.message[:299] + "…"
        rule = str(error.schema_path[-1]) if error.schema_path else "schema"
        problems.append(Problem(json_path(error.instance_path), f"{message} (schema rule {rule!r})"))
    return problems


# --- between passes 2 and 3: defaults ----------------------------------------------------------------


def _apply_defaults(doc: Json) -> None:
    """Fill every optional field the schema allows to be absent with its documented default, in place."""
    meta = doc["metadata"]
    meta.setdefault("title_en", "")
    meta.setdefault("level", Level.DISTRICT.value)
    region = meta["region"]
    for key in ("province", "city", "district", "district_en"):
        region.setdefault(key, "")
    region.setdefault("name", region["district"] or region["city"] or region["province"])
    region.setdefault("name_en", region["district_en"])
    meta.setdefault("article", None)
    article = meta["article"]
    if article is not None:
        for key in ("series_label", "banner", "dateline", "page"):
            article.setdefault(key, "")
        article.setdefault("date_basis", DateBasis.PRINTED.value)
        article.setdefault("mastheads", [])
    for key in ("source_citation", "source_citation_en", "source_url"):
        meta.setdefault(key, "")
    presentation = meta.setdefault("presentation", {})
    presentation.setdefault("goal_label", "{title}")
    presentation.setdefault("goal_short_label", "{title}")
    presentation.setdefault("goals_heading", "主要任务")
    presentation.setdefault("goals_heading_en", "Task areas")
    presentation.setdefault("overview_section", None)
    for ambiguity in meta["ambiguities"]:
        ambiguity.setdefault("text_en", "")
        ambiguity.setdefault("topic_en", "")
    for repair in doc["repairs"]:
        repair.setdefault("note_en", "")
    for goal in doc["goal_areas"]:
        goal.setdefault("lead", "")
        goal.setdefault("title_en", "")
        goal.setdefault("sentence_basis", SentenceBasis.QUOTE.value)
        goal.setdefault("no_figures_note", "")
        goal.setdefault("no_figures_note_en", "")
    for ind in doc["indicators"]:
        ind.setdefault("name_en", "")
        ind.setdefault("unit_normalised", ind["unit"])
        ind.setdefault("factor", 1)
        ind.setdefault("modifier", "")
        ind.setdefault("denominator", None)
        ind.setdefault("lower_is_better", False)
        ind.setdefault("headline", False)
        ind.setdefault("review", Review.CONFIRMED.value)
    for der in doc["derived"]:
        der.setdefault("name_en", "")
        der.setdefault("explanation_en", "")
        for item in der["inputs"]:
            item.setdefault("note_en", "")
    for quote in doc["quotes"]:
        quote.setdefault("attribution_basis", AttributionBasis.STATED.value)
    for entity in doc["entities"]:
        entity.setdefault("roles", [])
        entity.setdefault("note", "")
        entity.setdefault("note_en", "")
    for collection in ("indicators", "derived", "quotes", "entities"):
        for item in doc[collection]:
            item.setdefault("goal_links", [])
            item.setdefault("sections", [])


# --- pass 3: cross-references ---------------------------------------------------------------------


def _cross_reference_problems(doc: Json, raw: SourceFile) -> Iterator[Problem]:
    # The source's hash and length were checked when it was read (dataset_file.read_source).
    yield from _unique_ids(doc)
    paragraphs = {p["id"]: p["text"] for p in doc["paragraphs"]}
    yield from _repair_problems(doc, raw.text, paragraphs)

    goal_ids = {g["id"] for g in doc["goal_areas"]}
    section_ids = {s["id"] for s in doc["sections"]}
    stated = {i["id"]: i for i in doc["indicators"]}

    yield from _presentation_problems(doc["metadata"]["presentation"], section_ids)

    orders = [g["order"] for g in doc["goal_areas"]]
    if sorted(orders) != list(range(1, len(orders) + 1)):
        yield Problem("$.goal_areas", f"expected orders 1..{len(orders)} once each, found {orders}")
    for i, goal in enumerate(doc["goal_areas"]):
        yield from _span_problems(f"$.goal_areas[{i}].span", goal["span"], paragraphs)
        if goal["sentence_basis"] == SentenceBasis.QUOTE and goal["sentence"] != goal["span"]["text"]:
            yield Problem(
                f"$.goal_areas[{i}].sentence",
                f"expected the source's words {_short(goal['span']['text'])} (sentence_basis is quote; "
                f"mark it paraphrase if it is the editors' wording), found {_short(goal['sentence'])}",
            )
    yield from _metadata_problems(doc["metadata"])

    for i, section in enumerate(doc["sections"]):
        for j, pid in enumerate(section["paragraphs"]):
            if pid not in paragraphs:
                yield Problem(f"$.sections[{i}].paragraphs[{j}]", f"expected a paragraph id, found {pid!r}")
        yield from _link_problems(f"$.sections[{i}]", section, goal_ids, None)
        yield from _section_member_problems(f"$.sections[{i}]", section, doc)

    for i, ind in enumerate(doc["indicators"]):
        where = f"$.indicators[{i}]"
        yield from _span_problems(f"{where}.span", ind["span"], paragraphs)
        yield from _span_problems(f"{where}.sentence", ind["sentence"], paragraphs)
        if ind["span"]["paragraph"] == ind["sentence"]["paragraph"] and not (
            ind["sentence"]["start"] <= ind["span"]["start"] and ind["span"]["end"] <= ind["sentence"]["end"]
        ):
            yield Problem(f"{where}.sentence", "expected the sentence to contain the figure's span")
        if not math.isfinite(ind["value"] * ind["factor"]):
            yield Problem(f"{where}.value", "expected value × factor to be a finite number")
        yield from _link_problems(where, ind, goal_ids, section_ids)

    for i, der in enumerate(doc["derived"]):
        yield from _derived_problems(f"$.derived[{i}]", der, stated)
        yield from _link_problems(f"$.derived[{i}]", der, goal_ids, section_ids)

    for collection in ("quotes", "entities"):
        for i, item in enumerate(doc[collection]):
            where = f"$.{collection}[{i}]"
            yield from _span_problems(f"{where}.span", item["span"], paragraphs)
            text = item["text"] if collection == "quotes" else item["name"]
            if text != item["span"]["text"]:
                yield Problem(
                    f"{where}.span.text",
                    f"expected the {collection[:-1]}'s text {_short(text)}, "
                    f"found {_short(item['span']['text'])}",
                )
            yield from _link_problems(where, item, goal_ids, section_ids)

    linked = Counter(
        link["goal"]
        for collection in ("sections", "indicators", "derived", "quotes", "entities")
        for item in doc[collection]
        for link in item["goal_links"]
    )
    figures = Counter(
        link["goal"] for c in ("indicators", "derived") for item in doc[c] for link in item["goal_links"]
    )
    for i, goal in enumerate(doc["goal_areas"]):
        if not linked[goal["id"]]:
            yield Problem(f"$.goal_areas[{i}]", f"goal area {goal['id']!r} is not linked from anything")
        if (goal["no_figures_note"] or goal["no_figures_note_en"]) and figures[goal["id"]]:
            yield Problem(
                f"$.goal_areas[{i}].no_figures_note",
                f"expected no figure linked to a goal area whose note says why it has none, found "
                f"{figures[goal['id']]}",
            )


def _presentation_problems(presentation: Json, section_ids: set[str]) -> Iterator[Problem]:
    where = "$.metadata.presentation"
    for key in ("goal_label", "goal_short_label"):
        template = presentation.get(key)
        if template is None:
            continue
        try:
            template.format(title="", lead="")
        except (KeyError, IndexError, ValueError) as exc:
            yield Problem(
                f"{where}.{key}",
                f"expected a label using only {{title}} and {{lead}}, found {_short(template)} ({exc})",
            )
    overview = presentation.get("overview_section")
    if overview is not None and overview not in section_ids:
        yield Problem(f"{where}.overview_section", f"expected a section id, found {overview!r}")


def _unique_ids(doc: Json) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for collection in (
        "paragraphs",
        "repairs",
        "goal_areas",
        "sections",
        "indicators",
        "derived",
        "quotes",
        "entities",
    ):
        for i, item in enumerate(doc[collection]):
            where = f"$.{collection}[{i}].id"
            if item["id"] in seen:
                yield Problem(where, f"id {item['id']!r} is already used at {seen[item['id']]}")
            else:
                seen[item["id"]] = where


def _span_problems(where: str, span: Json, paragraphs: dict[str, str]) -> Iterator[Problem]:
    text = paragraphs.get(span["paragraph"])
    if text is None:
        yield Problem(f"{where}.paragraph", f"expected a paragraph id, found {span['paragraph']!r}")
        return
    start, end = span["start"], span["end"]
    if not start <= end <= len(text):
        yield Problem(
            where,
            f"expected 0 ≤ start ≤ end ≤ {len(text)} (the paragraph's length), "
            f"found start {start}, end {end}",
        )
    elif end - start != len(span["text"]) or text[start:end] != span["text"]:  # lengths first: no copy
        yield Problem(
            f"{where}.text",
            f"expected {_short(text[start : min(end, start + 61)])} (the paragraph at {start}–{end}), "
            f"found {_short(span['text'])}",
        )


def _link_problems(
    where: str, item: Json, goal_ids: set[str], section_ids: set[str] | None
) -> Iterator[Problem]:
    for j, link in enumerate(item["goal_links"]):
        if link["goal"] not in goal_ids:
            yield Problem(f"{where}.goal_links[{j}].goal", f"expected a goal area id, found {link['goal']!r}")
    if section_ids is not None:
        for j, sid in enumerate(item["sections"]):
            if sid not in section_ids:
                yield Problem(f"{where}.sections[{j}]", f"expected a section id, found {sid!r}")


def _metadata_problems(meta: Json) -> Iterator[Problem]:
    if meta["article"] is None and not meta["source_citation"]:
        yield Problem(
            "$.metadata.source_citation", "expected a citation of the source when there is no article"
        )


def _section_member_problems(where: str, section: Json, doc: Json) -> Iterator[Problem]:
    """A section links every goal area that an item filed under it links."""
    linked = {link["goal"] for link in section["goal_links"]}
    for collection in ("indicators", "derived", "quotes", "entities"):
        for k, item in enumerate(doc[collection]):
            if section["id"] not in item["sections"]:
                continue
            for link in item["goal_links"]:
                if link["goal"] not in linked:
                    linked.add(link["goal"])  # one problem per missing goal area
                    yield Problem(
                        f"{where}.goal_links",
                        f"expected a link to goal area {link['goal']!r}, which its member "
                        f"$.{collection}[{k}] ({item['id']!r}) links",
                    )


def _derived_problems(where: str, der: Json, stated: dict[str, Json]) -> Iterator[Problem]:
    inputs = {}
    for j, item in enumerate(der["inputs"]):
        ind = stated.get(item["indicator"])
        if ind is None:
            yield Problem(
                f"{where}.inputs[{j}].indicator",
                f"expected the id of a stated indicator, found {item['indicator']!r}",
            )
            return
        inputs[item["symbol"]] = (ind["value"], item["half_width"])
    scopes = {stated[item["indicator"]]["scope"] for item in der["inputs"]}
    if der["scope"] not in scopes:
        yield Problem(
            f"{where}.scope",
            f"expected the scope of one of its inputs ({', '.join(sorted(scopes))}), found {der['scope']!r}",
        )
    try:
        used = formulas.symbols(der["formula"])
        if used != set(inputs):
            yield Problem(
                f"{where}.formula",
                f"expected the formula to use exactly {sorted(inputs)}, found {sorted(used)}",
            )
            return
        values = {s: v for s, (v, _) in inputs.items()}
        value = formulas.evaluate(der["formula"], values)
        low, high = formulas.value_range(der["formula"], values, {s: h for s, (_, h) in inputs.items()})
    except formulas.FormulaError as exc:
        yield Problem(f"{where}.formula", str(exc))
        return
    decimals = der["decimals"]
    if round(value, decimals) != der["value"]:
        yield Problem(
            f"{where}.value",
            f"expected {round(value, decimals)} ({der['formula']} recomputed), found {der['value']}",
        )
    expected_range = list(formulas.round_outward(low, high, decimals))
    if expected_range != der["range"]:
        yield Problem(
            f"{where}.range",
            f"expected {expected_range} (every value the inputs' rounding allows, rounded outward), "
            f"found {der['range']}",
        )


def _repair_problems(doc: Json, raw: str, paragraphs: dict[str, str]) -> Iterator[Problem]:
    """Check that raw text and recorded repairs reproduce every paragraph and account for every character.

    The work is bounded by the raw article's length and the file's size, whatever the segments say:
    segments must be non-empty, lie in the raw text, sum to no more than its length and not overlap,
    all checked before any text is rebuilt; a paragraph is compared piece by piece as it is rebuilt,
    stopping at its first difference.
    """
    kept: list[tuple[int, int]] = []  # raw spans that drop repairs leave out
    substitutions: list[tuple[int, int, str, int]] = []
    for i, repair in enumerate(doc["repairs"]):
        where = f"$.repairs[{i}]"
        spans = repair["raw_spans"]
        if any(not s <= e <= len(raw) for s, e in spans):
            yield Problem(
                f"{where}.raw_spans", f"expected spans within the raw text (length {len(raw)}), found {spans}"
            )
            continue
        if repair["kind"] in SUBSTITUTING_REPAIRS | DROPPING_REPAIRS | {"move"}:
            used = spans if repair["kind"] == "misreading" else spans[:1]
            raw_text = repair["raw_text"]
            length = sum(e - s for s, e in used) + len(used) - 1  # lengths first: no copy of a long span
            if length != len(raw_text) or "|".join(raw[s:e] for s, e in used) != raw_text:
                yield Problem(
                    f"{where}.raw_text",
                    f"expected {_short('|'.join(raw[s : min(e, s + 61)] for s, e in used))} "
                    f"(the raw text at {used}), found {_short(raw_text)}",
                )
        if repair["kind"] == "punctuation" and not repair["result"]:
            yield Problem(
                f"{where}.result",
                "expected a replacement character: a punctuation repair changes a character's form "
                "and never deletes a source character",
            )
        if repair["kind"] == "misreading":
            # An applied reading stands in place of the first raw piece; later pieces give way to it.
            for k, (s, e) in enumerate(spans):
                result = (repair["result"] if k == 0 else "") if repair["applied"] else raw[s:e]
                substitutions.append((s, e, result, i))
        elif repair["kind"] in SUBSTITUTING_REPAIRS:
            s, e = spans[0]
            substitutions.append((s, e, repair["result"] if repair["applied"] else raw[s:e], i))
        if repair["kind"] in DROPPING_REPAIRS:
            kept.extend((s, e) for s, e in spans)
        if "span" in repair:
            yield from _span_problems(f"{where}.span", repair["span"], paragraphs)
    substitutions.sort()
    for (_, e1, _, i1), (s2, _, _, i2) in itertools.pairwise(substitutions):
        if s2 < e1:
            yield Problem(f"$.repairs[{i2}].raw_spans", f"overlaps the repair at $.repairs[{i1}]")
            return
    yield from _misreading_cover_problems(doc)

    segments = yield from segment_problems(doc["paragraphs"], len(raw))
    if segments is None:
        return
    starts = [sub[0] for sub in substitutions]
    for i, paragraph in enumerate(doc["paragraphs"]):
        pieces = rebuilt_pieces(paragraph["segments"], raw, substitutions, starts)
        yield from paragraph_text_problems(f"$.paragraphs[{i}].text", pieces, paragraph["text"])

    missing, first = unaccounted(raw, [*kept, *segments])
    if missing:
        yield Problem(
            "$.paragraphs",
            f"raw text at offset {first} ({_short(raw[first : first + 10])}) "
            f"is in no paragraph and no drop repair ({missing} characters unaccounted for)",
        )


def _misreading_cover_problems(doc: Json) -> Iterator[Problem]:
    """A misreading covers the whole misread word: it may not stop or start at a column break (a join).

    Where a misread word runs across a column break, the misreading has one raw span on each side
    and its span in the repaired text runs across the join point.
    """
    joins: dict[str, set[int]] = {}
    for repair in doc["repairs"]:
        if repair["kind"] == "join" and "span" in repair:
            joins.setdefault(repair["span"]["paragraph"], set()).add(repair["span"]["start"])
    for i, repair in enumerate(doc["repairs"]):
        if repair["kind"] != "misreading" or "span" not in repair:
            continue
        span = repair["span"]
        points = joins.get(span["paragraph"], set())
        if span["end"] in points or span["start"] in points:
            yield Problem(
                f"$.repairs[{i}].raw_spans",
                f"the misread text {_short(span['text'])} stops at a column break; expected the "
                "misreading to cover the whole word, with a raw span on each side of the break",
            )
        crossed = sum(1 for point in points if span["start"] < point < span["end"])
        if crossed + 1 != len(repair["raw_spans"]):
            yield Problem(
                f"$.repairs[{i}].raw_spans",
                f"expected {crossed + 1} raw spans (the misread text crosses {crossed} column "
                f"break(s)), found {len(repair['raw_spans'])}",
            )
