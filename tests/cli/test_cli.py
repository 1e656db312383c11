"""Parsing and dispatch, validate and info, the entry points."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop_app.appinfo import __version__
from desktop_app.cli.console import ExitStatus
from tests.cli.runner import run

ROOT = Path(__file__).resolve().parents[2]


def test_validate_bundled() -> None:
    status, out, _ = run("validate")
    assert status == 0
    assert out.startswith("OK ") and "8 goal areas" in out and "36 stated figures" in out


def test_validate_broken(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    status, out, err = run("validate", str(path))
    assert status == ExitStatus.DATASET and not out
    assert str(path) in err and "line 1, column 2" in err


def test_info() -> None:
    status, out, _ = run("info")
    assert status == 0
    assert "临淄区第十九届人民代表大会第三次会议" in out and "g7-culture" in out and "derived" in out


def test_info_missing_dataset(tmp_path: Path) -> None:
    status, out, err = run("info", str(tmp_path / "nope.json"))
    assert status == ExitStatus.DATASET and not out
    assert "dataset file not found" in err and "Traceback" not in err


def test_version_and_help_from_the_real_entry_point() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and __version__ in version.stdout
    helptext = subprocess.run([sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True)
    for command in ("open", "validate", "info", "search", "export"):
        assert command in helptext.stdout
    assert "exit status" in helptext.stdout and "1    search found nothing" in helptext.stdout


def test_help_goes_to_the_given_stream() -> None:
    status, out, err = run("search", "--help")
    assert status == 0 and not err
    assert (
        "0 hits found, 1 no hits, 2 unknown collection or --dataset with --library, "
        "3 the dataset (or the library) could not be loaded" in " ".join(out.split())
    )


def test_unknown_option_is_a_usage_error() -> None:
    status, out, err = run("validate", "--nope")
    assert status == ExitStatus.USAGE
    assert not out and "unrecognized arguments: --nope" in err


def test_unknown_command_is_not_a_file_to_open() -> None:
    status, out, err = run("valdiate")
    assert status == 2 and not out
    assert "unknown command 'valdiate' (did you mean validate?)" in err


def test_an_existing_file_as_command_says_how_to_open_it(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("{}", encoding="utf-8")
    status, _, err = run(str(path))
    assert status == 2
    assert f"unknown command '{path}' (to open a dataset in the window: report-viewer open {path})" in err


def test_unknown_command_without_a_display_starts_no_window() -> None:
    # Before: the word was taken as a file to open, and Qt aborted (core dump) for want of a display.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "valdiate"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 2
    assert "unknown command 'valdiate' (did you mean validate?)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland platforms only")
def test_the_window_without_a_display_says_so() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "desktop_app"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert "cannot open the window: no display" in result.stderr


def test_entry_points() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"report-viewer": "desktop_app.cli:main"}
    assert project["gui-scripts"] == {"report-viewer-gui": "desktop_app.__main__:main"}
    gui = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop_app.__main__ import main; sys.exit(main())",
            "--version",
        ],
        capture_output=True,
        text=True,
    )
    assert gui.returncode == 0 and gui.stdout.strip() == f"report-viewer-gui {__version__}"


def test_exit_statuses_are_documented() -> None:
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 3, 4, 5, 130, 141, 143]
    status, out, _ = run("--help")
    assert status == 0
    for code in ExitStatus:
        assert f"{int(code)} " in out.split("exit status (every command):")[1]
