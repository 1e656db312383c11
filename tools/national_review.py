"""The hand review of the national reports' headline targets and their stated outcomes, applied.

``data/reviews/national.json`` holds, per report year, the decisions a person made reading the
report text (see its ``note``): each names an exact, unique ``snippet`` of a paragraph as the
importer repaired it, the ``figure`` inside that snippet, its ``role`` (``target`` or ``outcome``)
and the reviewed ``fields``. :func:`apply_review` turns the importer's proposal at that place into
a confirmed indicator with those fields (or adds one where the importer proposed none) and records
every field the reviewer changed: the corrections are a measure of the importer's accuracy.

One number can state two indicators (``广义货币M2和社会融资规模余额预期增长均为12%左右``): the second
decision says ``"shares_figure": true`` and becomes a second confirmed indicator on the same span.

A decision that matches no place or several places is an error naming the year and the snippet, so
a build fails loudly rather than silently dropping a review. Qualitative targets and outcomes
(居民收入增长和经济增长同步, 国际收支基本平衡) have no number, which the schema's ``value`` requires; they
are listed apart under ``qualitative`` and read with :func:`load_qualitative`.

Usage: ``python -m tools.national_review [PATH]`` prints the decisions and corrections per year.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.importer.classify import unknown_modifier_words
from desktop_app.core.importer.dataset import written_modifier_meaning
from desktop_app.core.importer.intake import repair_numbers
from desktop_app.core.importer.numbers import normalise_unit
from desktop_app.core.importer.segment import sentences

Json = dict[str, Any]

REVIEW_FILE = Path(__file__).resolve().parent.parent / "data" / "reviews" / "national.json"
ROLES = ("target", "outcome")
# What a decision's fields must give; name_en and series are the reviewer's additions.
FIELDS = ("name", "name_en", "value", "unit", "year", "kind", "modifier", "series")
# Fields compared with the importer's proposal: a difference is a correction.
COMPARED = ("name", "value", "unit", "year", "kind", "modifier", "series")
KINDS = frozenset({"achieved", "estimate", "target", "rank", "share", "count", "rate", "bound", "change"})
_SERIES = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")

_NUMBER = re.compile(r"\d+(?:\.\d+)?")

log = logging.getLogger(__name__)


class ReviewError(ValueError):
    """A decision that cannot be applied: the message names the report year and the snippet."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One field the reviewer changed in the importer's proposal (``field == "added"``: none was made).

    Attributes:
        year: the report's year; ``snippet`` and ``figure`` the decision's.
        field: the field changed, or ``added`` when the importer proposed no figure there.
        proposed: the importer's value (None for ``added``); ``reviewed`` the reviewer's.
    """

    year: int
    snippet: str
    figure: str
    field: str
    proposed: object
    reviewed: object


def modifier_meaning(modifier: str) -> str:
    """The schema's ``modifier_meaning`` for a modifier as written (words joined by …, as the importer does).

    The meaning is the importer's (one rule for importer, review window and this review); a word
    no modifier rule knows is an error here, where a reviewer typed it.

    Raises:
        ValueError: for a word the guidelines do not name.
    """
    unknown = unknown_modifier_words(modifier)
    if unknown:
        raise ValueError(f"unknown modifier word {unknown[0]!r} in {modifier!r}")
    return written_modifier_meaning(modifier)


def load_review(path: Path = REVIEW_FILE) -> Json:
    """The review file as JSON, its decisions checked (see :func:`check_decision`).

    Raises:
        ReviewError: naming the year and the snippet of the first bad decision.
    """
    document: Json = json.loads(path.read_text(encoding="utf-8"))
    for key in ("note", "reports"):
        if key not in document:
            raise ReviewError(f"{path}: no {key!r}")
    for year, decisions in document["reports"].items():
        for decision in decisions:
            check_decision(int(year), decision)
    return document


def load_decisions(path: Path = REVIEW_FILE) -> dict[int, list[Json]]:
    """The decisions of the review file by report year (years with none are left out)."""
    reports = load_review(path)["reports"]
    return {int(year): list(decisions) for year, decisions in sorted(reports.items()) if decisions}


def load_qualitative(path: Path = REVIEW_FILE) -> dict[int, list[Json]]:
    """Qualitative targets and outcomes by report year: snippet, role, year, name and series."""
    document: Json = json.loads(path.read_text(encoding="utf-8"))
    return {int(year): list(items) for year, items in sorted(document.get("qualitative", {}).items())}


def check_decision(year: int, decision: Json) -> None:
    """Raise :class:`ReviewError` naming ``year`` and the snippet when a decision is malformed."""

    def fail(what: str) -> ReviewError:
        return ReviewError(f"review of {year}, snippet {decision.get('snippet')!r}: {what}")

    snippet, figure = decision.get("snippet"), decision.get("figure")
    if not isinstance(snippet, str) or not isinstance(figure, str) or not figure:
        raise fail("snippet and figure must be texts")
    if snippet.count(figure) != 1:
        raise fail(f"figure {figure!r} occurs {snippet.count(figure)} times in the snippet, not once")
    if not isinstance(decision.get("shares_figure", False), bool):
        raise fail("shares_figure must be true or false")
    if decision.get("role") not in ROLES:
        raise fail(f"role must be one of {ROLES}")
    fields = decision.get("fields")
    if not isinstance(fields, dict) or set(fields) != set(FIELDS):
        raise fail(f"fields must be exactly {FIELDS}")
    if not isinstance(fields["value"], int | float) or isinstance(fields["value"], bool):
        raise fail("value must be a number")
    if fields["kind"] not in KINDS:
        raise fail(f"unknown kind {fields['kind']!r}")
    if not isinstance(fields["series"], str) or not _SERIES.match(fields["series"]):
        raise fail(f"bad series key {fields['series']!r}")
    if not isinstance(fields["year"], int) or not 1900 <= fields["year"] <= 2100:
        raise fail("year must be a year")
    if decision["role"] == "target" and fields["kind"] != "target":
        raise fail("a target's kind is target")
    try:
        modifier_meaning(fields["modifier"])
    except ValueError as error:
        raise fail(str(error)) from None
    written = _NUMBER.search(written_number(figure))
    if written is not None and float(written.group()) != fields["value"]:
        raise fail(f"value {fields['value']} is not the number written in {figure!r}")


def written_number(figure: str) -> str:
    """A figure's digits as plain ASCII, for checking the value a reviewer wrote.

    Full width is folded, ``·`` and ``．`` read as decimal points, thousands separators and the spaces
    some captures put between digits (1998: ``8 ．8 ％``) removed.
    """
    text = unicodedata.normalize("NFKC", figure).replace("·", ".")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 33，212万吨
    return re.sub(r"(?<=[\d.])\s+(?=[\d.%])", "", text)


def apply_review(dataset: Json, decisions: list[Json]) -> Json:
    """The dataset with the decisions applied (the input is not changed); corrections are logged.

    Args:
        dataset: a dataset dict from :func:`desktop_app.core.importer.dataset.to_dataset`.
        decisions: the decisions for that report (one year of :func:`load_decisions`).

    Raises:
        ReviewError: when a decision's snippet is found at no place or at several, or its figure
            overlaps several proposed figures.
    """
    reviewed, corrections = review_with_corrections(dataset, decisions)
    for c in corrections:
        log.info("%s %r %s: %r → %r", c.year, c.figure, c.field, c.proposed, c.reviewed)
    return reviewed


def review_with_corrections(dataset: Json, decisions: list[Json]) -> tuple[Json, list[Correction]]:
    """Like :func:`apply_review`, also returning every correction of the importer's proposals."""
    out = copy.deepcopy(dataset)
    year = int(out["metadata"]["year"])
    corrections: list[Correction] = []
    indicators: list[Json] = out["indicators"]
    used: set[str] = set()  # ids of the indicators a decision confirmed
    for decision in decisions:
        check_decision(year, decision)
        paragraph, start, end = locate(out["paragraphs"], decision, year)
        hits = [
            ind
            for ind in indicators
            if ind["span"]["paragraph"] == paragraph["id"]
            and ind["span"]["start"] < end
            and start < ind["span"]["end"]
        ]
        fields = decision["fields"]
        where = (year, decision["snippet"], decision["figure"])
        if decision.get("shares_figure"):
            indicator = _share(indicators, [h for h in hits if h["id"] in used], decision, year)
            corrections.append(Correction(*where, "shared", None, fields["series"]))
        elif hits:
            if len(hits) > 1:
                raise ReviewError(
                    f"review of {year}, snippet {decision['snippet']!r}: figure {decision['figure']!r} "
                    f"overlaps several proposed figures {[h['span']['text'] for h in hits]}"
                )
            indicator = hits[0]
            if indicator["id"] in used:
                raise ReviewError(
                    f"review of {year}, snippet {decision['snippet']!r}: a second decision for the same "
                    "figure (say shares_figure when one number states two indicators)"
                )
            corrections.extend(
                Correction(*where, key, indicator.get(key), fields[key])
                for key in COMPARED
                if _differs(key, indicator.get(key), fields[key])
            )
        else:
            ident = f"fig-rev{sum(1 for c in corrections if c.field == 'added') + 1:03d}"
            indicator = _new_indicator(out, paragraph, start, end, decision, ident)
            _insert(out, indicator)
            corrections.append(Correction(*where, "added", None, fields))
        used.add(indicator["id"])
        _apply_fields(indicator, fields)
    return out, corrections


def _share(indicators: list[Json], confirmed: list[Json], decision: Json, year: int) -> Json:
    """A second indicator on a figure an earlier decision confirmed (均为12%左右: M2 and social financing).

    The guidelines give one figure per number, so the importer never proposes it; the copy keeps the
    number's span and sentence and stands right after the last indicator on that number.
    """
    if not confirmed:
        raise ReviewError(
            f"review of {year}, snippet {decision['snippet']!r}: shares_figure, but no earlier decision "
            f"confirmed the figure {decision['figure']!r}"
        )
    first, last = confirmed[0], confirmed[-1]
    twin = copy.deepcopy(first)
    twin["id"] = f"{first['id']}-{len(confirmed) + 1}"
    twin.pop("confidence", None)  # entered by hand
    indicators.insert(indicators.index(last) + 1, twin)
    return twin


def _insert(dataset: Json, indicator: Json) -> None:
    """Put an added indicator in reading order (paragraph, then offset)."""
    order = {p["id"]: n for n, p in enumerate(dataset["paragraphs"])}

    def place(ind: Json) -> tuple[int, int]:
        return order[ind["span"]["paragraph"]], ind["span"]["start"]

    indicators: list[Json] = dataset["indicators"]
    at = next((n for n, ind in enumerate(indicators) if place(ind) > place(indicator)), len(indicators))
    indicators.insert(at, indicator)


def _differs(key: str, proposed: object, reviewed: object) -> bool:
    """Whether the reviewer changed a field; a unit written in full width (％) is the same unit."""
    if key == "unit" and isinstance(proposed, str) and isinstance(reviewed, str):
        return unicodedata.normalize("NFKC", proposed) != unicodedata.normalize("NFKC", reviewed)
    return proposed != reviewed


def locate(paragraphs: list[Json], decision: Json, year: int) -> tuple[Json, int, int]:
    """The paragraph and the offsets of a decision's figure: its snippet must occur exactly once."""
    snippet, figure = decision["snippet"], decision["figure"]
    places = [(p, at) for p in paragraphs for at in _occurrences(p["text"], snippet)]
    if not places:
        # quoted before the importer wrote odd numbers as ASCII (1998: 1 0 ％, 1999: 4·3％)
        snippet, figure = repair_numbers(snippet), repair_numbers(figure)
        places = [(p, at) for p in paragraphs for at in _occurrences(p["text"], snippet)]
    if len(places) != 1 or snippet.count(figure) != 1:
        where = "at no place" if not places else f"at {len(places)} places"
        raise ReviewError(f"review of {year}, snippet {snippet!r}: found {where} in the report's text")
    paragraph, at = places[0]
    start = at + snippet.index(figure)
    return paragraph, start, start + len(figure)


def _occurrences(text: str, snippet: str) -> Iterable[int]:
    at = text.find(snippet)
    while at >= 0:
        yield at
        at = text.find(snippet, at + 1)


def _apply_fields(indicator: Json, fields: Json) -> None:
    indicator.update({key: fields[key] for key in FIELDS})
    unit_normalised, factor = normalise_unit(fields["unit"])
    indicator["unit_normalised"] = unit_normalised
    indicator["factor"] = factor
    indicator["modifier_meaning"] = modifier_meaning(fields["modifier"])
    indicator["headline"] = True
    indicator["review"] = "confirmed"


def _new_indicator(dataset: Json, paragraph: Json, start: int, end: int, decision: Json, ident: str) -> Json:
    """An indicator for a figure the importer did not propose: span on the number, its sentence."""
    text: str = paragraph["text"]
    # The span holds the number as written; the modifier is a field (as the importer has it).
    words = [w for w in decision["fields"]["modifier"].split("…") if w]
    for word in words:
        if text.startswith(word, start) and start + len(word) < end:
            start += len(word)
        if text.endswith(word, start, end) and end - len(word) > start:
            end -= len(word)
    sentence = next(s for s in sentences(0, text) if s.start <= start < s.end)
    section = next((s for s in dataset["sections"] if paragraph["id"] in s["paragraphs"]), None)
    links = section["goal_links"][:1] if section and len(section["goal_links"]) == 1 else []
    return {
        "id": ident,
        "name": "",
        "name_en": "",
        "value": 0,
        "unit": "",
        "unit_normalised": "",
        "factor": 1.0,
        "year": 0,
        "kind": "",
        "modifier": "",
        "modifier_meaning": "exact",
        "scope": "nation",
        "denominator": None,
        "lower_is_better": False,
        "goal_links": [dict(link) for link in links],
        "sections": [section["id"]] if section else [],
        "headline": True,
        "span": {"paragraph": paragraph["id"], "start": start, "end": end, "text": text[start:end]},
        "sentence": {
            "paragraph": paragraph["id"],
            "start": sentence.start,
            "end": sentence.end,
            "text": sentence.text,
        },
        "review": "confirmed",
    }


def correction_counts(corrections: Iterable[Correction]) -> Counter[str]:
    """How many corrections of each field (``added``: figures the importer did not propose)."""
    return Counter(c.field for c in corrections)


def main() -> int:
    """Print, per year, the number of decisions and the importer's corrections (needs the corpus)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("review", nargs="?", type=Path, default=REVIEW_FILE)
    parser.add_argument("--corpus", type=Path, required=True, help="national-government-work-reports.jsonl")
    args = parser.parse_args()
    from desktop_app.core.importer.dataset import DatasetOptions, to_dataset
    from desktop_app.core.importer.pipeline import import_text

    records = (json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines())
    texts = {int(r["year"]): r["content"] for r in records if r["year"]}
    total: Counter[str] = Counter()
    decided = 0
    for year, decisions in load_decisions(args.review).items():
        dataset = to_dataset(import_text(texts[year], year=year, level="national"), DatasetOptions("x.txt"))
        _, corrections = review_with_corrections(dataset, decisions)
        counts = correction_counts(corrections)
        total += counts
        decided += len(decisions)
        fixed = len({(c.snippet, c.figure) for c in corrections})
        print(f"{year}: {len(decisions)} decisions, {fixed} corrected: {dict(sorted(counts.items()))}")
    print(f"all: {decided} decisions; corrections by field: {dict(sorted(total.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
