"""``report-viewer library list|add|remove`` through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli.console import ExitStatus
from desktop_app.core.resources import bundled_dataset_path
from tests.cli.runner import run
from tests.core.library.conftest import write_variant

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("REPORT_VIEWER_DATA_DIR", str(folder))
    return folder


def test_list_prints_every_report_newest_first(data_dir: Path) -> None:
    status, out, err = run("library", "list")
    assert status == ExitStatus.OK, err
    lines = out.splitlines()
    assert len(lines) == 53
    assert lines[0].startswith("national/2025\t2025\t2025年中华人民共和国国务院政府工作报告\t")
    assert any(
        line.startswith("linzi/linzi-2024\t2024\t临淄区2024年政府工作报告\t36 confirmed") for line in lines
    )
    assert lines[-1].startswith("national/1954\t1954\t")
    status, out, _ = run("library", "list", "--collection", "linzi")
    assert status == ExitStatus.OK and out.count("\n") == 1


def test_list_json_gives_every_field(data_dir: Path) -> None:
    status, out, _ = run("library", "list", "--json", "--collection", "national")
    entries = json.loads(out)
    assert status == ExitStatus.OK and len(entries) == 52
    first = entries[0]
    assert first["id"] == "national/2025" and first["year"] == 2025 and first["errors"] == []
    assert set(first) >= {
        "title",
        "level",
        "region",
        "meeting",
        "presenter",
        "source",
        "confirmed",
        "proposed",
    }
    assert Path(first["path"]).is_file()


def test_add_list_remove_round_trip(data_dir: Path, tmp_path: Path) -> None:
    dataset = write_variant(tmp_path / "incoming", 1)
    status, out, err = run("library", "add", str(dataset))
    assert status == ExitStatus.OK, err
    entry_id = out.split()[1].rstrip(":")
    assert entry_id.startswith("user/variant-1-")
    status, out, _ = run("library", "list", "--collection", "user")
    assert out.startswith(f"{entry_id}\t2024\t")
    status, _, err = run("library", "add", str(dataset))
    assert status == ExitStatus.LIBRARY and f"already in the library as {entry_id}" in err
    status, out, err = run("library", "remove", entry_id)
    assert status == ExitStatus.OK and f"removed {entry_id}" in out
    status, out, _ = run("library", "list", "--collection", "user")
    assert out == ""
    assert dataset.is_file()


def test_refusals_have_their_exit_status(data_dir: Path, tmp_path: Path) -> None:
    status, _, err = run("library", "remove", "national/2025")
    assert status == ExitStatus.LIBRARY and "bundled collection" in err
    status, _, err = run("library", "remove", "user/none")
    assert status == ExitStatus.LIBRARY and "no report 'user/none'" in err
    status, _, err = run("library", "add", str(bundled_dataset_path()))
    assert status == ExitStatus.LIBRARY and "already in the library as linzi/linzi-2024" in err
    status, _, err = run("library", "add", str(tmp_path / "missing.json"))
    assert status == ExitStatus.DATASET and "dataset file not found" in err
    status, _, err = run("library", "list", "--collection", "nowhere")
    assert status == ExitStatus.USAGE and "unknown collection 'nowhere'" in err
    status, _, err = run("library")
    assert status == ExitStatus.USAGE


def test_a_title_with_terminal_codes_is_shown_literally(data_dir: Path, tmp_path: Path) -> None:
    dataset = write_variant(tmp_path / "incoming", 2)
    document = json.loads(dataset.read_text(encoding="utf-8"))
    document["metadata"]["title"] = "临淄\x1b]0;pwned\x07区"
    dataset.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, out, err = run("library", "add", str(dataset))
    assert status == ExitStatus.OK, err
    status, out, _ = run("library", "list", "--collection", "user")
    assert "\x1b" not in out and "⟨U+001B⟩" in out


def test_a_corrupt_catalogue_is_reported_and_rebuilt(data_dir: Path) -> None:
    run("library", "list")
    for file in data_dir.glob("library.sqlite3*"):
        file.write_bytes(b"garbage" * 1000)
    status, out, err = run("library", "list")
    assert status == ExitStatus.OK and out.count("\n") == 53
    assert "rebuilt from the report files" in err


def test_the_console_script_lists_adds_and_removes(tmp_path: Path) -> None:
    dataset = write_variant(tmp_path / "incoming", 3)
    env = {**os.environ, "REPORT_VIEWER_DATA_DIR": str(tmp_path / "data"), "PYTHONIOENCODING": "utf-8"}
    script = Path(sys.executable).with_name("report-viewer")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app"]

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *argv], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
        )

    added = cli("library", "add", str(dataset))
    assert added.returncode == 0, added.stderr
    entry_id = added.stdout.split()[1].rstrip(":")
    listed = cli("library", "list", "--json", "--collection", "user")
    assert [e["id"] for e in json.loads(listed.stdout)] == [entry_id]
    assert cli("library", "remove", "national/2025").returncode == ExitStatus.LIBRARY
    assert cli("library", "remove", entry_id).returncode == 0
    assert json.loads(cli("library", "list", "--json", "--collection", "user").stdout) == []


def test_a_broken_report_is_listed_with_its_first_error(data_dir: Path, tmp_path: Path) -> None:
    status, out, err = run("library", "add", str(write_variant(tmp_path / "incoming", 4)))
    assert status == ExitStatus.OK, err
    entry_id = out.split()[1].rstrip(":")
    dataset = data_dir / "reports" / entry_id.removeprefix("user/") / "dataset.json"
    dataset.write_text('{"format": ', encoding="utf-8")
    status, out, _ = run("library", "list", "--collection", "user")
    assert status == ExitStatus.OK
    name = entry_id.removeprefix("user/")
    assert out.startswith(f"{entry_id}\t----\t{name}\tBROKEN: $: malformed JSON")
    status, out, _ = run("library", "list", "--json", "--collection", "user")
    (entry,) = json.loads(out)
    assert entry["errors"] and entry["year"] is None


def test_an_imported_report_added_is_there_in_the_next_process(data_dir: Path, tmp_path: Path) -> None:
    from tests.cli.test_import import TEXT

    text = tmp_path / "2019.txt"
    text.write_text(TEXT, encoding="utf-8")
    status, _, err = run("import", str(text), "-o", str(tmp_path / "imported.json"))
    assert status == ExitStatus.OK, err
    status, out, err = run("library", "add", str(tmp_path / "imported.json"))
    assert status == ExitStatus.OK, err
    entry_id = out.split()[1].rstrip(":")
    (tmp_path / "imported.json").unlink()  # the library keeps its own copy
    listed = subprocess.run(
        [sys.executable, "-m", "desktop_app", "library", "list", "--json", "--collection", "user"],
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    (entry,) = json.loads(listed.stdout)
    assert entry["id"] == entry_id and entry["year"] == 2019 and entry["level"] == "national"
    assert entry["confirmed"] == 0 and entry["proposed"] == 6 and not entry["errors"]
    status, out, err = run("validate", entry["path"])
    assert status == ExitStatus.OK, err
