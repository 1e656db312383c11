"""``report-viewer import``: text in (UTF-8 or GBK), dataset and source out, clear messages otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.cli.console import ExitStatus
from desktop_app.core.importer.files import source_name
from tests.cli.runner import run

TEXT = (
    "政府工作报告\n\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n\n国务院总理\n李克强\n\n各位代表：\n\n"
    "一、2018年工作回顾\n\n国内生产总值增长6.6%，总量突破90万亿元。城镇新增就业1361万人。\n\n"
    "二、2019年政府工作任务\n\n（一）继续创新和完善宏观调控，确保经济运行在合理区间。\n\n国内生产总值增长6%－6.5%。\n\n"
    "（二）激发市场主体活力，着力优化营商环境。\n\n力争新增就业1100万人以上。\n"
)


def test_import_gbk_text(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_bytes(TEXT.encode("gbk"))
    output = tmp_path / "out.json"
    status, out, err = run(
        "import", str(text), "-o", str(output), "--accept-above", "0.9", "--title", "试验报告"
    )
    assert status == ExitStatus.OK, err
    assert "GBK" in err and str(text) in err
    assert "6 figures" in out and "to review" in out
    doc = json.loads(output.read_text(encoding="utf-8"))
    source = tmp_path / doc["source"]["file"]
    assert source.read_text(encoding="utf-8") == TEXT
    assert doc["metadata"]["title"] == "试验报告" and doc["metadata"]["year"] == 2019
    assert {i["review"] for i in doc["indicators"]} == {"confirmed", "proposed"}


def test_year_missing_is_a_usage_error(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("国内生产总值增长6.6%。", encoding="utf-8")
    status, _, err = run("import", str(text), "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.USAGE and "--year" in err
    assert not (tmp_path / "out.json").exists()
    status, _, err = run("import", str(text), "--year", "2019", "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.OK, err


def test_bad_input_and_output(tmp_path: Path) -> None:
    status, _, err = run("import", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.DATASET and "file not found" in err
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"a\xff\xff\xff")
    status, _, err = run("import", str(garbage), "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.DATASET
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\u200b\n  \n", encoding="utf-8")
    status, _, err = run("import", str(blank), "--year", "2019", "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.DATASET and "no report text" in err
    text = tmp_path / "report.txt"
    text.write_text(TEXT, encoding="utf-8")
    status, _, err = run("import", str(text), "-o", str(tmp_path / "no" / "out.json"))
    assert status == ExitStatus.OUTPUT and "folder does not exist" in err
    status, _, err = run("import", str(text), "-o", str(tmp_path / "o.json"), "--accept-above", "2")
    assert status == ExitStatus.USAGE and "from 0 to 1" in err


def test_source_name_is_schema_safe() -> None:
    assert source_name(Path("/x/临淄 2024.json")) == "2024.source.txt"
    assert source_name(Path("/x/报告.json")) == "report.source.txt"


def test_headless_import_then_read_with_every_command(qapp: object, tmp_path: Path) -> None:
    """Issue 14's "the CLI does the same headless": import with what the text does not say, accept
    the sure proposals, then validate, describe, search and export PDF — no Linzi wording anywhere."""
    import re

    import pypdf

    text = tmp_path / "county.txt"
    text.write_text(TEXT, encoding="utf-8")
    output = tmp_path / "county.json"
    args = ("--year", "2019", "--level", "county", "--region", "样例县", "--accept-above", "0.8")
    status, out, err = run("import", str(text), *args, "-o", str(output))
    assert status == ExitStatus.OK, err
    metadata = json.loads(output.read_text(encoding="utf-8"))["metadata"]
    assert (metadata["year"], metadata["level"], metadata["region"]["name"]) == (2019, "county", "样例县")
    status, out, err = run("validate", str(output))
    assert status == ExitStatus.OK and out.startswith("OK"), err
    status, info, _ = run("info", str(output))
    assert status == ExitStatus.OK and "Review: " in info
    status, hits, _ = run("search", "国内生产总值", "--dataset", str(output))
    assert status == ExitStatus.OK and hits
    pdf = tmp_path / "county.pdf"
    status, _, err = run("export", "--format", "pdf", "--dataset", str(output), "-o", str(pdf))
    assert status == ExitStatus.OK, err
    printed = re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages))
    assert "样例县" in printed or "国内生产总值" in printed
    for words in (info, hits, printed):
        assert not any(w in words for w in ("临淄", "淄博", "坚定不移", "走在前", "Linzi"))


def test_info_on_an_import_says_nothing_of_what_the_text_does_not_name(tmp_path: Path) -> None:
    """A capture that starts at 各位代表 names no meeting or presenter: ``info`` leaves those lines out
    (was "Meeting: , 2019-01-01" with the placeholder date, "Presenter:  " and an empty "()")."""
    text = tmp_path / "bare.txt"
    text.write_text("各位代表：\n\n一、2018年工作回顾\n\n国内生产总值增长6.6%。\n", encoding="utf-8")
    output = tmp_path / "bare.json"
    status, _, err = run("import", str(text), "--year", "2019", "-o", str(output))
    assert status == ExitStatus.OK, err
    status, info, _ = run("info", str(output))
    assert status == ExitStatus.OK
    assert info.splitlines()[:2] == ["2019年政府工作报告", "Source: 2019年政府工作报告"]


def test_what_the_text_does_not_name_is_given_on_the_command_line(tmp_path: Path) -> None:
    """Issue 14: metadata the importer cannot find is given on the command line — the meeting, its
    date and the presenter (as in 区长蔡华刚) of a capture that starts at 各位代表."""
    text = tmp_path / "bare.txt"
    text.write_text("各位代表：\n\n一、2023年工作回顾\n\n全区生产总值增长6.6%。\n", encoding="utf-8")
    output = tmp_path / "bare.json"
    meeting = "临淄区第十九届人民代表大会第三次会议"
    given = ("--meeting", meeting, "--date", "2024-01-19", "--presenter", "区长蔡华刚")
    status, _, err = run(
        "import", str(text), "--year", "2024", "--level", "district", *given, "-o", str(output)
    )
    assert status == ExitStatus.OK, err
    metadata = json.loads(output.read_text(encoding="utf-8"))["metadata"]
    assert metadata["meeting"] == {"name": meeting, "date": "2024-01-19"}
    assert metadata["presenter"] == {"name": "蔡华刚", "office": "区长"}
    assert metadata["ambiguities"] == []  # nothing left unsaid
    status, info, _ = run("info", str(output))
    assert f"Meeting: {meeting}, 2024-01-19" in info and "Presenter: 区长 蔡华刚" in info
    for bad in ("2024-02-30", "19.1.2024"):
        status, _, err = run("import", str(text), "--year", "2024", "--date", bad, "-o", str(output))
        assert status == ExitStatus.USAGE and "--date" in err, err
