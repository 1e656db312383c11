from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.appinfo import __version__
from desktop_app.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_validate_bundled() -> None:
    status, out, _ = run("validate")
    assert status == 0
    assert out.startswith("OK ") and "8 goal areas" in out and "36 stated figures" in out


def test_validate_broken(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    status, out, err = run("validate", str(path))
    assert status == 1 and not out
    assert str(path) in err and "line 1, column 2" in err


def test_info() -> None:
    status, out, _ = run("info")
    assert status == 0
    assert "临淄区第十九届人民代表大会第三次会议" in out and "g7-culture" in out and "derived" in out


def test_version_and_help_from_the_real_entry_point() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and __version__ in version.stdout
    helptext = subprocess.run([sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True)
    for command in ("validate", "info", "search", "export"):
        assert command in helptext.stdout


def test_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        run("validate", "--nope")
    assert info.value.code == 2
