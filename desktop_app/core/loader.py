"""Load a dataset file into a :class:`~desktop_app.core.model.Report`, refusing bad input clearly.

Loading happens in three passes, each collecting every problem it finds before
giving up, so a person fixing a file sees them all at once:

1. the file itself: present, a regular file, readable, not absurdly large,
   UTF-8 without a byte-order mark, well-formed JSON with no NaN/Infinity and
   no duplicate keys;
2. the JSON Schema in ``data/schema/report.schema.json`` (draft 2020-12), checked with
   jsonschema-rs (the pure-Python ``jsonschema`` took ~0.5 s for the bundled file; this takes ~1 ms);
3. the cross-references no schema can express: unique ids, references that
   resolve, spans that lie inside their paragraph and quote it exactly, a
   repaired text that the recorded repairs reproduce from the raw article,
   derived figures that recompute, goal areas that something links to.

Every problem names the file and the JSON path of the bad node.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from desktop_app.core import formula as formulas
from desktop_app.core.model import (
    Ambiguity,
    Article,
    Certainty,
    DerivedIndicator,
    DerivedInput,
    Entity,
    EntityKind,
    GoalArea,
    GoalLink,
    Indicator,
    IndicatorKind,
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
    Scope,
    Section,
    SourceFile,
    Span,
)
from desktop_app.core.resources import bundled_dataset_path, schema_path

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PROBLEMS = 50
# Repairs that put ``result`` in place of their raw span, and repairs that leave their raw spans out.
SUBSTITUTING_REPAIRS = frozenset({"punctuation", "misreading", "linebreak", "invisible", "digits"})
DROPPING_REPAIRS = frozenset({"drop", "furniture"})
_BOMS = {
    b"\xef\xbb\xbf": "UTF-8",
    b"\xff\xfe": "UTF-16 (little-endian)",
    b"\xfe\xff": "UTF-16 (big-endian)",
}

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset, located by a JSON path (``$`` for the file as a whole)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class DatasetError(Exception):
    """A dataset that cannot be used, with every problem found in it.

    Attributes:
        path: the file concerned.
        problems: what is wrong and where, at most ``MAX_PROBLEMS`` of them.
    """

    def __init__(self, path: Path | str, problems: Iterable[Problem]) -> None:
        self.path = str(path)
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        count = len(self.problems)
        head = f"{self.path}: {'1 problem' if count == 1 else f'{count} problems'}"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


@cache
def _schema_validator() -> jsonschema_rs.Draft202012Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return jsonschema_rs.Draft202012Validator(schema)


def load_report(path: Path | str | None = None, *, max_bytes: int = MAX_FILE_BYTES) -> Report:
    """Read, validate and return a report.

    Args:
        path: a dataset file; the bundled report when None.
        max_bytes: files larger than this are refused before being read.

    Raises:
        DatasetError: naming the file and every problem found in it.
    """
    file = Path(path) if path is not None else bundled_dataset_path()
    document = _read_json(file, max_bytes)
    problems = _schema_problems(document)
    if problems:
        raise DatasetError(file, problems)
    raw = _read_raw_source(file, document)
    problems = list(_cross_reference_problems(document, raw))
    if problems:
        raise DatasetError(file, problems[:MAX_PROBLEMS])
    return _build(document, raw, file)


# --- pass 1: the file ---------------------------------------------------------------------------


def _fail(file: Path, message: str, where: str = "$") -> DatasetError:
    return DatasetError(file, [Problem(where, message)])


def _read_bytes(file: Path, max_bytes: int, what: str = "dataset") -> bytes:
    if not file.exists():
        raise _fail(file, f"{what} file not found")
    if file.is_dir():
        raise _fail(file, f"expected a {what} file, found a directory")
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise _fail(file, f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise _fail(file, "no permission to read the file") from None
    except OSError as exc:
        raise _fail(file, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _fail(file, f"file is larger than the limit of {max_bytes:,} bytes")
    return data


def _decode(file: Path, data: bytes) -> str:
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise _fail(file, f"file starts with a {name} byte-order mark; save it as UTF-8 without a BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            file,
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (line {line}, column "
            f"{column}); the file may be in another encoding such as GBK — save it as UTF-8",
        ) from None


class _NonFiniteNumberError(ValueError):
    pass


def _reject_constant(name: str) -> float:
    raise _NonFiniteNumberError(name)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        duplicated = next(key for key, n in Counter(key for key, _ in pairs).items() if n > 1)
        raise ValueError(f"duplicate key {duplicated!r} in one object")
    return result


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def _read_json(file: Path, max_bytes: int) -> Any:
    text = _decode(file, _read_bytes(file, max_bytes))
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise _fail(file, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except _NonFiniteNumberError as exc:
        match = re.search(rf"(?<![\w\"]){re.escape(str(exc))}(?![\w\"])", text)
        where = f" at {_position(text, match.start())}" if match else ""
        raise _fail(file, f"{exc} is not a number JSON allows{where}; use a finite number or null") from None
    except ValueError as exc:  # duplicate keys
        raise _fail(file, f"malformed JSON: {exc}") from None
    except RecursionError:
        raise _fail(file, "JSON nested too deeply") from None


# --- pass 2: the schema ---------------------------------------------------------------------------


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def json_path(parts: Iterable[str | int]) -> str:
    """A JSONPath such as ``$.indicators[3].span`` for a list of keys and indexes."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", part):
            out += f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def _schema_problems(document: Any) -> list[Problem]:
    errors = sorted(
        itertools.islice(_schema_validator().iter_errors(document), MAX_PROBLEMS * 4),
        key=lambda e: [str(p) for p in e.instance_path],
    )
    problems = []
    for error in errors[:MAX_PROBLEMS]:
        message = error.message if len(error.message) < 300 else error.message[:299] + "…"
        rule = str(error.schema_path[-1]) if error.schema_path else "schema"
        problems.append(Problem(json_path(error.instance_path), f"{message} (schema rule {rule!r})"))
    return problems


# --- pass 3: cross-references ---------------------------------------------------------------------


def _read_raw_source(file: Path, document: Json) -> SourceFile:
    relative = document["source"]["file"]
    folder = file.resolve().parent
    raw_file = (folder / relative).resolve()
    if not raw_file.is_relative_to(folder):
        raise _fail(file, "source file must lie inside the dataset's folder", "$.source.file")
    try:
        data = _read_bytes(raw_file, MAX_FILE_BYTES, "source article")
        text = _decode(raw_file, data)
    except DatasetError as exc:
        raise DatasetError(
            file, [Problem("$.source.file", f"{raw_file}: {p.message}") for p in exc.problems]
        ) from None
    return SourceFile(relative, hashlib.sha256(data).hexdigest(), len(text), text)


def _cross_reference_problems(doc: Json, raw: SourceFile) -> Iterator[Problem]:
    source = doc["source"]
    if source["sha256"] != raw.sha256:
        yield Problem(
            "$.source.sha256", f"expected the raw file's SHA-256 {raw.sha256}, found {source['sha256']}"
        )
    if source["length"] != raw.length:
        yield Problem(
            "$.source.length", f"expected {raw.length} (the raw file's length), found {source['length']}"
        )

    yield from _unique_ids(doc)
    paragraphs = {p["id"]: p["text"] for p in doc["paragraphs"]}
    yield from _repair_problems(doc, raw.text, paragraphs)

    goal_ids = {g["id"] for g in doc["goal_areas"]}
    section_ids = {s["id"] for s in doc["sections"]}
    stated = {i["id"]: i for i in doc["indicators"]}

    yield from _presentation_problems(doc["metadata"].get("presentation", {}), section_ids)

    orders = [g["order"] for g in doc["goal_areas"]]
    if sorted(orders) != list(range(1, len(orders) + 1)):
        yield Problem("$.goal_areas", f"expected orders 1..{len(orders)} once each, found {orders}")
    for i, goal in enumerate(doc["goal_areas"]):
        yield from _span_problems(f"$.goal_areas[{i}].span", goal["span"], paragraphs)

    for i, section in enumerate(doc["sections"]):
        for j, pid in enumerate(section["paragraphs"]):
            if pid not in paragraphs:
                yield Problem(f"$.sections[{i}].paragraphs[{j}]", f"expected a paragraph id, found {pid!r}")
        yield from _link_problems(f"$.sections[{i}]", section, goal_ids, None)

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
    for i, goal in enumerate(doc["goal_areas"]):
        if not linked[goal["id"]]:
            yield Problem(f"$.goal_areas[{i}]", f"goal area {goal['id']!r} is not linked from anything")


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
    elif text[start:end] != span["text"]:
        yield Problem(
            f"{where}.text",
            f"expected {_short(text[start:end])} (the paragraph at {start}–{end}), "
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
    expected_range = [round(low, decimals), round(high, decimals)]
    if expected_range != der["range"]:
        yield Problem(
            f"{where}.range", f"expected {expected_range} (from the inputs' rounding), found {der['range']}"
        )


def _repair_problems(doc: Json, raw: str, paragraphs: dict[str, str]) -> Iterator[Problem]:
    """Check that raw text and recorded repairs reproduce every paragraph and account for every character."""
    covered = [False] * len(raw)
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
            s, e = spans[0]
            if raw[s:e] != repair["raw_text"]:
                yield Problem(
                    f"{where}.raw_text",
                    f"expected {_short(raw[s:e])} (the raw text at {s}–{e}), "
                    f"found {_short(repair['raw_text'])}",
                )
        if repair["kind"] in SUBSTITUTING_REPAIRS:
            s, e = spans[0]
            substitutions.append((s, e, repair["result"] if repair["applied"] else raw[s:e], i))
        if repair["kind"] in DROPPING_REPAIRS:
            for s, e in spans:
                covered[s:e] = [True] * (e - s)
        if "span" in repair:
            yield from _span_problems(f"{where}.span", repair["span"], paragraphs)
    substitutions.sort()
    for (_, e1, _, i1), (s2, _, _, i2) in itertools.pairwise(substitutions):
        if s2 < e1:
            yield Problem(f"$.repairs[{i2}].raw_spans", f"overlaps the repair at $.repairs[{i1}]")
            return

    for i, paragraph in enumerate(doc["paragraphs"]):
        rebuilt = []
        for j, (s, e) in enumerate(paragraph["segments"]):
            if not s <= e <= len(raw):
                yield Problem(
                    f"$.paragraphs[{i}].segments[{j}]",
                    f"expected a span within the raw text (length {len(raw)}), found {[s, e]}",
                )
                break
            covered[s:e] = [True] * (e - s)
            pos = s
            for sub_start, sub_end, result, _ in substitutions:
                if s <= sub_start and sub_end <= e and sub_start >= pos:
                    rebuilt.append(raw[pos:sub_start])
                    rebuilt.append(result)
                    pos = sub_end
            rebuilt.append(raw[pos:e])
        else:
            text = "".join(rebuilt)
            if text != paragraph["text"]:
                at = next(
                    (k for k, (a, b) in enumerate(zip(text, paragraph["text"], strict=False)) if a != b),
                    min(len(text), len(paragraph["text"])),
                )
                yield Problem(
                    f"$.paragraphs[{i}].text",
                    f"expected the raw segments with their repairs to give {_short(text[at : at + 20])} "
                    f"at offset {at}, found {_short(paragraph['text'][at : at + 20])}",
                )
    missing = [k for k, ch in enumerate(raw) if not covered[k] and not ch.isspace()]
    if missing:
        yield Problem(
            "$.paragraphs",
            f"raw text at offset {missing[0]} ({_short(raw[missing[0] : missing[0] + 10])}) "
            f"is in no paragraph and no drop repair ({len(missing)} characters unaccounted for)",
        )


# --- building the model ---------------------------------------------------------------------------


def _span(data: Json) -> Span:
    return Span(data["paragraph"], data["start"], data["end"], data["text"])


def _links(data: list[Json]) -> tuple[GoalLink, ...]:
    return tuple(GoalLink(link["goal"], LinkBasis(link["basis"])) for link in data)


def _build(doc: Json, raw: SourceFile, file: Path) -> Report:
    meta = doc["metadata"]
    article = meta["article"]
    metadata = Metadata(
        title=meta["title"],
        title_en=meta["title_en"],
        year=meta["year"],
        region=Region(**meta["region"]),
        meeting=Meeting(**meta["meeting"]),
        presenter=Presenter(**meta["presenter"]),
        article=Article(
            headline=article["headline"],
            series_label=article["series_label"],
            banner=article["banner"],
            publication=article["publication"],
            reporters=tuple(article["reporters"]),
            dateline=article["dateline"],
            date=article["date"],
            page=article["page"],
        ),
        ambiguities=tuple(Ambiguity(**a) for a in meta["ambiguities"]),
        presentation=Presentation(**meta.get("presentation", {})),
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
            )
            for r in doc["repairs"]
        ),
        goal_areas=tuple(
            sorted(
                (
                    GoalArea(
                        g["id"],
                        g["order"],
                        g["steadfast"],
                        g["lead"],
                        g["sentence"],
                        g["gloss_en"],
                        _span(g["span"]),
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
                    DerivedInput(x["indicator"], x["symbol"], x["half_width"], x["note"]) for x in d["inputs"]
                ),
                range_low=d["range"][0],
                range_high=d["range"][1],
                explanation=d["explanation"],
                goal_links=_links(d["goal_links"]),
                section_ids=tuple(d["sections"]),
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
            )
            for e in doc["entities"]
        ),
        path=str(file),
    )
