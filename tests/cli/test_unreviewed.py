"""The command line never passes unreviewed figures off as checked: ``export`` and ``search``."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pypdf
import pytest

from desktop_app.cli.search import UNREVIEWED_MARK
from tests.cli.runner import run
from tests.unreviewed_data import DERIVED_PROPOSED, PROPOSED, REJECTED

UNREVIEWED = {*PROPOSED, *DERIVED_PROPOSED}


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def test_export_csv_leaves_unreviewed_figures_out_by_default(unreviewed_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    status, _, err = run("export", "--format", "csv", "--dataset", str(unreviewed_path), "-o", str(path))
    assert status == 0, err
    assert "5 figures awaiting review left out" in err and "--include-unreviewed" in err
    rows = csv_rows(path.read_text(encoding="utf-8-sig"))
    assert not rows.keys() & (UNREVIEWED | set(REJECTED))
    assert {row["review"] for row in rows.values()} == {"confirmed"}


def test_export_csv_includes_them_labelled_when_asked(unreviewed_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    args = ("export", "--format", "csv", "--dataset", str(unreviewed_path), "-o", str(path))
    status, _, err = run(*args, "--include-unreviewed")
    assert status == 0 and "left out" not in err
    rows = csv_rows(path.read_text(encoding="utf-8-sig"))
    assert {key for key, row in rows.items() if row["review"] == "proposed"} == UNREVIEWED
    assert not rows.keys() & set(REJECTED)


def test_export_html_to_stdout_marks_them(unreviewed_path: Path) -> None:
    args = ("export", "--format", "html", "--dataset", str(unreviewed_path), "-o", "-")
    status, out, _ = run(*args)
    assert status == 0 and "未审核" not in out and "另有 5 项待审核数据未列入" in out
    status, out, _ = run(*args, "--include-unreviewed")
    assert status == 0 and out.count("\u3014未审核\u3015") >= len(UNREVIEWED)


@pytest.mark.gui
def test_export_pdf_with_unreviewed_figures(qapp: object, unreviewed_path: Path, tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    base = ("export", "--format", "pdf", "--scope", "g1-growth", "--dataset", str(unreviewed_path))
    assert run(*base, "-o", str(plain))[0] == 0
    assert run(*base, "-o", str(marked), "--include-unreviewed")[0] == 0
    plain_text, marked_text = (
        re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(path).pages))
        for path in (plain, marked)
    )
    assert "未审核" not in plain_text and "全国高质量发展百强区排名" not in plain_text
    assert "全国高质量发展百强区排名" in marked_text and "未审核" in marked_text


def test_search_leaves_unreviewed_figures_out_and_says_so(unreviewed_path: Path) -> None:
    status, out, err = run("search", "进出口", "--dataset", str(unreviewed_path))
    assert status == 0
    assert "4 figures awaiting review not searched" in err
    assert "ind-trade-target" not in out and UNREVIEWED_MARK not in out


def test_search_marks_unreviewed_hits_when_asked(unreviewed_path: Path) -> None:
    args = ("search", "进出口", "--dataset", str(unreviewed_path), "--include-unreviewed")
    status, out, err = run(*args)
    assert status == 0 and "not searched" not in err
    lines = [line for line in out.splitlines() if line.startswith("ind-trade-target\t")]
    assert lines and all(line.endswith(f"\t{UNREVIEWED_MARK}") for line in lines)
    assert not any(line.endswith(UNREVIEWED_MARK) for line in out.splitlines() if line.startswith("p"))
    status, out, _ = run(*args, "--json")
    records = json.loads(out)
    assert {r["node_id"] for r in records if r["unreviewed"]} == {"ind-trade-target"}
    assert all(r["unreviewed"] is False for r in records if r["node_id"] != "ind-trade-target")


def test_a_reviewed_report_says_nothing_about_review() -> None:
    status, out, err = run("search", "2504")
    assert status == 0 and err == "" and UNREVIEWED_MARK not in out


def test_info_counts_review_states(unreviewed_path: Path) -> None:
    status, out, _ = run("info", str(unreviewed_path))
    assert status == 0 and "Review: 31 confirmed, 4 awaiting review, 1 rejected" in out
    assert "Review: 36 confirmed, 0 awaiting review, 0 rejected" in run("info")[1]
