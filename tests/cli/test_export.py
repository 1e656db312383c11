"""``report-viewer export``: PDF, CSV and HTML without a window; unwritable targets; standard output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.cli.console import ExitStatus
from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.presentation import derived_description
from tests.cli.runner import run

FORMATS = [pytest.param("pdf", marks=pytest.mark.gui), "csv", "html"]


@pytest.fixture
def app_for_pdf(request: pytest.FixtureRequest, fmt: str) -> None:
    if fmt == "pdf":
        request.getfixturevalue("qapp")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export(app_for_pdf: None, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"summary.{fmt}"
    status, out, err = run("export", "--format", fmt, "--scope", "g8-wellbeing", "-o", str(path))
    assert status == 0, err
    size = path.stat().st_size
    assert str(path) in out and f"{size:,} bytes" in out
    head = path.read_bytes()[:16]
    assert {"pdf": b"%PDF-", "csv": b"\xef\xbb\xbfid,", "html": b"<!DOCTYPE html>"}[fmt] in head


def test_export_whole_report_html_has_every_section(tmp_path: Path) -> None:
    path = tmp_path / "summary.html"
    assert run("export", "--format", "html", "-o", str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert "<h2>主要数据</h2>" in text and "<h2>来源</h2>" in text


def test_export_in_english(tmp_path: Path) -> None:
    # Issue 10: the English document existed but neither the window nor the command line made it.
    path = tmp_path / "summary.html"
    assert run("export", "--format", "html", "--lang", "en", "-o", str(path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert "<h2>Source</h2>" in text and "<h2>来源</h2>" not in text
    assert "<h2>Livelihood projects (7)</h2>" in text  # English brackets (was 项目（7）)
    csv_path = tmp_path / "figures.csv"
    assert run("export", "--format", "csv", "--lang", "en", "-o", str(csv_path))[0] == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    report = load_report()
    derived = {row["id"]: row["formula"] for row in rows if row["kind"] == "derived"}
    assert derived == {d.id: derived_description(d, report, Language.EN) for d in report.derived}
    assert all("range rounding allows" in formula for formula in derived.values())
    status, _, err = run("export", "--format", "html", "--lang", "fr", "-o", str(path))
    assert status == ExitStatus.USAGE and "--lang" in err


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_unwritable(app_for_pdf: None, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "missing" / f"summary.{fmt}"
    status, out, err = run("export", "--format", fmt, "-o", str(path))
    assert status == ExitStatus.OUTPUT and not out
    assert f"cannot write {path}: folder does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_export_bad_dataset_and_scope(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    status, out, err = run(
        "export", "--format", "csv", "--dataset", str(broken), "-o", str(tmp_path / "x.csv")
    )
    assert status == ExitStatus.DATASET and not out and str(broken) in err
    status, _, err = run("export", "--format", "csv", "--scope", "g0", "-o", str(tmp_path / "y.csv"))
    assert status == ExitStatus.USAGE and "unknown scope 'g0'" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_dash_writes_to_standard_output(
    app_for_pdf: None, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: a file named "-" in the current folder.
    monkeypatch.chdir(tmp_path)
    binary = io.BytesIO()
    out, err = io.TextIOWrapper(binary, encoding="utf-8"), io.StringIO()
    assert main(["export", "--format", fmt, "-o", "-"], out, err) == 0, err.getvalue()
    out.flush()
    data = binary.getvalue()
    assert {"pdf": b"%PDF-", "csv": b"\xef\xbb\xbfid,", "html": b"<!DOCTYPE html>"}[fmt] in data[:16]
    assert list(tmp_path.iterdir()) == []
