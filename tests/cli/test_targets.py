"""``report-viewer targets`` through the real entry point, over the real library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli.console import ExitStatus
from desktop_app.core.library import Library
from desktop_app.core.targets import Verdict
from desktop_app.core.targets.cache import collection_pairs
from tests.cli.runner import run
from tests.core.targets.helpers import imported

# Linzi's 2025 report as a reader might import it: what became of two of the 2024 targets.
LINZI_2025 = "2024年，市级重点技改项目完成56个，新建幼儿园3所。\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("REPORT_VIEWER_DATA_DIR", str(folder))
    return folder


def test_linzi_targets_have_no_later_report(data_dir: Path) -> None:
    status, out, err = run("targets", "--collection", "linzi")
    assert status == ExitStatus.OK, err
    lines = out.splitlines()
    assert len(lines) == 5 and all("\tno later report\t" in line for line in lines)
    assert lines[0].split("\t")[:3] == ["2024", "linzi.foreign_trade", "力争突破250亿元"]


def test_json_has_the_issue_shape(data_dir: Path) -> None:
    status, out, err = run("targets", "--collection", "national", "--series", "gdp_growth", "--json")
    assert status == ExitStatus.OK, err
    rows = json.loads(out)
    assert {r["series"] for r in rows} == {"gdp_growth"}
    row = next(r for r in rows if r["year"] == 2015)
    assert set(row) >= {"series", "name", "year", "target", "outcome", "verdict", "rule"}
    assert row["target"] == row["target"] | {
        "report": "national-2015",
        "value": 7,
        "unit": "%",
        "modifier": "左右",
    }
    assert row["outcome"]["report"] == "national-2016" and row["outcome"]["value"] == 6.9
    assert "6.9%" in row["outcome"]["sentence"] and row["verdict"] == "met" and "0.5" in row["rule"]


ISSUE_PAIR_KEYS = {"series", "name", "year", "target", "outcome", "verdict", "rule"}
ISSUE_FIGURE_KEYS = {"report", "value", "unit", "modifier", "sentence"}


def _figure_fits(figure: object) -> bool:
    """``{report, value, unit, modifier, sentence}`` (more may follow); value a number, range or null."""
    if not isinstance(figure, dict) or not set(figure) >= ISSUE_FIGURE_KEYS:
        return False
    value = figure["value"]
    number = (int, float)
    return (
        isinstance(figure["report"], str)
        and isinstance(figure["sentence"], str)
        and bool(figure["sentence"])
        and (value is None or isinstance(value, number) or (isinstance(value, list) and len(value) == 2))
    )


def test_every_pair_of_the_json_has_the_issue_shape(data_dir: Path) -> None:
    # Issue 16: a list of pairs, each {series, name, year, target: {report, value, unit, modifier,
    # sentence} | null, outcome: {…} | null, verdict, rule}.
    rows = []
    for collection in ("linzi", "national"):
        status, out, err = run("targets", "--collection", collection, "--json")
        assert status == ExitStatus.OK, err
        rows += json.loads(out)
    assert len(rows) > 100 and all(set(r) >= ISSUE_PAIR_KEYS for r in rows)
    assert all(_figure_fits(r["target"]) for r in rows)  # every pair listed has its target
    assert all(r["outcome"] is None or _figure_fits(r["outcome"]) for r in rows)
    assert all(isinstance(r["year"], int) and r["verdict"] in set(Verdict) and r["rule"] for r in rows)
    linzi = [r for r in rows if r["series"].startswith("linzi.")]
    assert len(linzi) == 5 and all(r["outcome"] is None for r in linzi)  # no later report: null
    assert {r["verdict"] for r in rows} >= {"met", "missed", "below", "qualitative", "no_outcome_stated"}
    ranged = [r for r in rows if isinstance(r["target"]["value"], list)]
    assert ranged and all(low < high for low, high in (r["target"]["value"] for r in ranged))
    worded = [r for r in rows if r["target"]["value"] is None]
    # A target in words is never judged: side by side with the later words, or nothing stated.
    assert {r["verdict"] for r in worded} == {"qualitative", "no_outcome_stated", "no_later_report"}


def test_filters_and_language(data_dir: Path) -> None:
    status, out, _ = run(
        "targets", "--collection", "national", "--year", "2018", "--series", "cpi", "--lang", "zh"
    )
    assert status == ExitStatus.OK
    (line,) = out.splitlines()
    year, key, target, outcome, verdict, rule = line.split("\t")
    assert (year, key, target, outcome, verdict) == ("2018", "cpi", "3%左右", "2.1%", "低于目标")
    assert "记为低于" in rule
    assert run("targets", "--collection", "national", "--year", "1900")[0] == ExitStatus.NO_HITS


def test_refusals(data_dir: Path) -> None:
    status, _, err = run("targets", "--collection", "nowhere")
    assert status == ExitStatus.USAGE and "unknown collection 'nowhere'" in err
    status, _, err = run("targets", "--series", "gdp")
    assert status == ExitStatus.USAGE and "unknown series 'gdp'" in err


def test_an_imported_later_report_brings_the_outcomes(data_dir: Path, tmp_path: Path) -> None:
    report = imported(tmp_path, LINZI_2025, 2025, level="district", region="临淄区")
    with Library.open(data_dir) as library:
        added = library.add(Path(report.path))
        found = collection_pairs(library, "linzi")
    pairs = {p.series.key: p for p in found.pairs}
    upgrades = pairs["linzi.tech_upgrade_projects"]
    assert upgrades.verdict is Verdict.MET and upgrades.outcome is not None
    assert upgrades.outcome.value == 56 and found.entries[upgrades.outcome.report] == added.id
    assert upgrades.target is not None and found.entries[upgrades.target.report] == "linzi/linzi-2024"
    assert pairs["linzi.new_kindergartens"].verdict is Verdict.MISSED
    assert pairs["linzi.digital_scenarios"].verdict is Verdict.NO_OUTCOME_STATED
    status, out, _ = run("targets", "--collection", "linzi", "--series", "linzi.tech_upgrade_projects")
    assert status == ExitStatus.OK and out.split("\t")[3] == "56个"


def test_unreviewed_figures_only_behind_the_flag(data_dir: Path, tmp_path: Path) -> None:
    report = imported(tmp_path, LINZI_2025, 2025, level="district", region="临淄区", confirm=False)
    with Library.open(data_dir) as library:
        library.add(Path(report.path))
    key = ("--collection", "linzi", "--series", "linzi.tech_upgrade_projects")
    status, out, _ = run("targets", *key)
    assert status == ExitStatus.OK
    *_, outcome, verdict, rule = out.rstrip("\n").split("\t")
    assert (outcome, verdict) == ("\u2014", "no outcome stated") and "unreviewed figure (56个)" in rule
    status, out, _ = run("targets", *key, "--include-unreviewed", "--json")
    (row,) = json.loads(out)
    assert row["verdict"] == "met" and row["unreviewed"] is True and row["outcome"]["review"] == "proposed"
    status, out, _ = run("targets", *key, "--include-unreviewed")
    assert "met [unreviewed]" in out
