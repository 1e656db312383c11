"""Shape of the hand-written gold lists in tests/data (issues 14 and 16).

The gold lists are the yardstick for the importer and the target/outcome pairing, so they are
checked on their own: required fields, values from the fixed vocabularies of FIGURE_GUIDELINES
(copied into tests/data/GOLD_GUIDELINES.md), and every quoted sentence found in the report text
after the normalisation the guidelines document. No extractor is involved.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tools import corpus
from tools.corpus import CORPUS_NAME

DATA = Path(__file__).resolve().parent.parent / "data"

KINDS = {"target", "estimate", "rank", "share", "change", "count", "achieved", "bound"}
MEANINGS = {"exact", "approximate", "at_least", "at_most", "aspiration", "estimate"}
VERDICTS = {
    "met",
    "missed",
    "above",
    "below",
    "qualitative",
    "consistent",
    "no_outcome_stated",
    "no_later_report",
}
DIRECTIONS = {"higher", "lower", "neither"}
FIGURE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "sentence": str,
    "text": str,
    "value": (int, float),
    "unit": str,
    "year": int,
    "kind": str,
    "modifier": str,
    "modifier_meaning": str,
    "name": str,
}
GOLD_FIGURE_FILES = ("gold_figures_2019.json", "gold_figures_2002.json", "gold_figures_2013.json")
# The Wikisource licence box starts with this; it is not report text.
LICENCE_START = "本作品是"
SENTENCE_END = "。；！？!?"


def load(name: str) -> dict[str, Any]:
    """Read one gold file from tests/data."""
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def corpus_path() -> Path | None:
    """The corpus file (tools/corpus.py; a copy is kept in tests/data/corpus)."""
    return corpus.corpus_file()


def normalise(content: str) -> str:
    """The report text as the gold sentences quote it (see GOLD_GUIDELINES.md, "Text normalisation").

    Licence box dropped; paragraphs split at blank lines, where a line holding only a zero-width
    space is not blank (the corpus writes ``74.4\\n\\u200b\\n万亿元``); inside a paragraph the line
    breaks and zero-width spaces removed; each paragraph stripped; paragraphs joined by a blank line.
    """
    cut = content.find(LICENCE_START)
    if cut >= 0:
        content = content[:cut]
    paragraphs = (p.replace("\n", "").replace("\u200b", "").strip() for p in re.split(r"\n\s*\n", content))
    return "\n\n".join(p for p in paragraphs if p)


@cache
def report_texts() -> dict[int, str]:
    """Normalised text of every national report in the corpus, by year."""
    path = corpus_path()
    if path is None:
        pytest.skip(f"corpus {CORPUS_NAME} not found (set REPORT_VIEWER_CORPUS)")
    texts: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("year"):
            texts[int(record["year"])] = normalise(record["content"])
    return texts


def check_figure(figure: dict[str, Any], where: str) -> None:
    """One figure item: every field present with its type and vocabulary; text inside sentence."""
    for field, kind in FIGURE_FIELDS.items():
        assert field in figure, f"{where}: missing {field}"
        assert isinstance(figure[field], kind), f"{where}: {field} has type {type(figure[field])}"
    assert not isinstance(figure["value"], bool), where
    assert figure["kind"] in KINDS, f"{where}: kind {figure['kind']!r}"
    assert figure["modifier_meaning"] in MEANINGS, f"{where}: meaning {figure['modifier_meaning']!r}"
    assert (figure["modifier"] == "") == (figure["modifier_meaning"] == "exact"), where
    assert figure["text"] and figure["text"] in figure["sentence"], f"{where}: text not in sentence"
    assert figure["name"], f"{where}: empty name"
    sentence = figure["sentence"]
    assert not any(c in sentence[:-1] for c in SENTENCE_END), f"{where}: more than one sentence"


@pytest.mark.parametrize("name", GOLD_FIGURE_FILES)
def test_gold_figures_shape(name: str) -> None:
    gold = load(name)
    assert set(gold) >= {"report_year", "source", "note", "figures"}
    assert gold["source"].startswith("https://zh.wikisource.org/wiki/")
    assert gold["note"]
    assert gold["figures"], name
    for i, figure in enumerate(gold["figures"]):
        check_figure(figure, f"{name} figures[{i}]")
        assert 1900 < figure["year"] <= gold["report_year"] + 30, f"{name} figures[{i}]"


@pytest.mark.parametrize("name", GOLD_FIGURE_FILES)
def test_gold_figures_quote_the_report_in_reading_order(name: str) -> None:
    gold = load(name)
    text = report_texts()[gold["report_year"]]
    position = 0
    for i, figure in enumerate(gold["figures"]):
        # Searching from the previous figure's sentence start lets one sentence hold several figures.
        found = text.find(figure["sentence"], position)
        assert found >= 0, f"{name} figures[{i}]: sentence not in the report after the previous one"
        position = found


def test_gold_targets_shape() -> None:
    gold = load("gold_targets.json")
    assert set(gold) >= {"note", "tolerances", "series", "pairs", "reports"}
    series = {s["key"]: s for s in gold["series"]}
    for key, entry in series.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key
        assert entry["zh"] and entry["en"], key
        assert entry["direction"] in DIRECTIONS, key
    assert gold["reports"]["2020"] is None, "the corpus has no 2020 report"
    for i, pair in enumerate(gold["pairs"]):
        where = f"gold_targets pairs[{i}]"
        assert pair["series"] in series, where
        assert pair["name"], where
        assert 2015 <= pair["year"] <= 2021 and pair["year"] != 2020, where
        assert pair["expected_verdict"] in VERDICTS, where
        assert pair["reason"], where
        target = pair["target"]
        assert target["report_year"] == pair["year"], where
        assert target["text"] in target["sentence"], where
        assert target["modifier_meaning"] in MEANINGS | {"range", "qualitative"}, where
        value = target["value"]
        if isinstance(value, list):
            assert len(value) == 2 and value[0] < value[1], where
            assert target["modifier_meaning"] == "range", where
        elif value is None:
            assert target["modifier_meaning"] == "qualitative", where
        outcome = pair["outcome"]
        verdict = pair["expected_verdict"]
        if verdict in {"no_later_report", "no_outcome_stated"}:
            assert outcome is None, where
        else:
            assert outcome is not None, where
            assert outcome["report_year"] > pair["year"], where
            assert outcome["text"] in outcome["sentence"], where
        if verdict == "no_later_report":
            assert gold["reports"][str(pair["year"] + 1)] is None, where


def test_gold_targets_quote_the_reports() -> None:
    gold = load("gold_targets.json")
    texts = report_texts()
    assert 2020 not in texts
    for i, pair in enumerate(gold["pairs"]):
        for side in ("target", "outcome"):
            item = pair[side]
            if item is not None:
                year = item["report_year"]
                assert item["sentence"] in texts[year], f"gold_targets pairs[{i}].{side}: not in {year}"
