"""Everyday misuse of the command line (issue 13.5, 13.7–13.14): quiet exits, safe output, safe targets.

Signals and pipes are exercised on real processes (``python -m desktop_app``); the moment a signal
arrives is fixed by the test (the process sends it to itself from inside ``os.fsync``), not by timing.
"""

from __future__ import annotations

import copy
import io
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from desktop_app.cli.console import Console, ExitStatus
from tests.cli.runner import run
from tests.conftest import DatasetWriter
from tests.hostile_files import call_beside_a_fifo

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and pipes")


def _cli(
    *argv: str, env: dict[str, str] | None = None, code: str | None = None, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *argv] if code else [sys.executable, "-m", "desktop_app", *argv]
    return subprocess.run(
        command,
        capture_output=True,
        encoding=encoding,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def _hostile_dataset(write_dataset: DatasetWriter, bundled: dict[str, Any]) -> Path:
    doc = copy.deepcopy(bundled)
    doc["metadata"]["title"] = "临淄\x1b]0;pwned\x07\x1b[2J\u202egnp.exe"
    doc["quotes"][0]["speaker"] = "习近平\x9b31m"
    doc["indicators"][0]["name"] = "规上\x1b]0;pwned\x07\u202e工业总产值"
    return write_dataset(doc)


# --- 13.5 a named pipe as the dataset ---------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("command", ["validate", "info", "search", "export"])
def test_a_named_pipe_as_dataset_is_refused_by_every_command(tmp_path: Path, command: str) -> None:
    # Before: each of them hung forever opening the pipe.
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    argv = {
        "validate": ["validate", str(fifo)],
        "info": ["info", str(fifo)],
        "search": ["search", "临淄", "--dataset", str(fifo)],
        "export": ["export", "--format", "csv", "--dataset", str(fifo), "-o", str(tmp_path / "out.csv")],
    }[command]
    status, out, err = call_beside_a_fifo(lambda: run(*argv), fifo)
    assert status == ExitStatus.DATASET and not out
    assert f"{fifo}: 1 problem\n  $: expected a regular file, found a named pipe" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


# --- 13.11 terminal codes -------------------------------------------------------------------------


def test_info_shows_control_and_bidi_characters_instead_of_obeying_them(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    status, out, _ = run("info", str(_hostile_dataset(write_dataset, bundled_json)))
    assert status == 0
    assert "临淄⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+001B⟩[2J⟨U+202E⟩gnp.exe" in out
    assert not any(ch in out for ch in "\x1b\x07\u202e\x9b")


def test_search_lines_and_json_are_safe_and_json_keeps_the_text(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    path = str(_hostile_dataset(write_dataset, bundled_json))
    status, out, _ = run("search", "规上", "--dataset", path)
    assert status == 0 and "⟨U+001B⟩" in out and "\x1b" not in out
    status, out, _ = run("search", "规上", "--dataset", path, "--json")
    assert status == 0 and not any(ch in out for ch in "\x1b\x07\u202e")
    assert any("【规上】\x1b]0;pwned\x07\u202e工业" in record["context"] for record in json.loads(out))


# --- 13.10 a console that is not UTF-8 --------------------------------------------------------------


def test_a_cp1252_console_gets_escapes_not_a_crash() -> None:
    # Before: UnicodeEncodeError tracebacks from info and search.
    info = _cli("info", env={"PYTHONIOENCODING": "cp1252"}, encoding="cp1252")
    assert info.returncode == 0 and "Traceback" not in info.stderr
    assert "\\u4e34\\u6dc4" in info.stdout  # 临淄
    search = _cli("search", "临淄", "--json", env={"PYTHONIOENCODING": "cp1252"}, encoding="cp1252")
    assert search.returncode == 0
    records = json.loads(search.stdout)  # still exact: JSON's own \\u escapes
    assert any("临淄" in record["context"] for record in records)


def test_console_escapes_what_its_encoding_cannot_hold() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    console = Console(stream)
    console.line("café 临淄 \ud800")
    stream.flush()
    assert stream.buffer.getvalue() == "café \\u4e34\\u6dc4 \\ud800\n".encode("cp1252")


# --- 13.7 lone surrogates -------------------------------------------------------------------------


def test_a_lone_surrogate_in_a_text_field_fails_validate_not_info(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    # Before: validate said OK, then info, search and export crashed (search --json half-written).
    doc = copy.deepcopy(bundled_json)
    doc["quotes"][0]["speaker"] = "习\ud800"
    path = write_dataset({})
    path.write_text(json.dumps(doc), encoding="utf-8")
    for argv in (
        ["validate", str(path)],
        ["info", str(path)],
        ["search", "习", "--dataset", str(path), "--json"],
        *(
            ["export", "--format", fmt, "--dataset", str(path), "-o", str(path.with_suffix(f".{fmt}"))]
            for fmt in ("csv", "html", "pdf")
        ),
    ):
        status, out, err = run(*argv)
        assert status == ExitStatus.DATASET and not out
        assert "$.quotes[0].speaker: the text contains a lone surrogate \\ud800" in err
    assert sorted(p.suffix for p in path.parent.iterdir() if p.is_file()) == [".json"]  # no export written


def test_json_output_is_built_whole_before_any_of_it_is_written() -> None:
    # Every --json (search, trend, library list, targets) goes through Console.json: a value that fails
    # half-way leaves the stream empty, never a half-written list.
    stream = io.StringIO()
    with pytest.raises(TypeError):
        Console(stream).json([{"hit": 1}, object()])
    assert stream.getvalue() == ""


# --- 13.9 pipes, Ctrl+C, SIGTERM ------------------------------------------------------------------


@posix_only
def test_a_closed_pipe_exits_quietly_with_141() -> None:
    # Before: a BrokenPipeError traceback (`report-viewer search 的 | head -1`).
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "search", "的"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=120) == ExitStatus.BROKEN_PIPE
    assert err == b""


# SIGINT as a terminal's Ctrl+C delivers it: a shell's background job starts with SIGINT ignored.
_SIGNAL_DURING_WRITE = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
os.fsync = lambda fd: os.kill(os.getpid(), getattr(signal, sys.argv[1]))
from desktop_app.cli import main
sys.exit(main(["export", "--format", "csv", "-o", sys.argv[2]]))
"""


@posix_only
@pytest.mark.parametrize(("name", "status"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_during_the_write_exits_quietly_and_cleans_up(
    tmp_path: Path, name: str, status: int
) -> None:
    # Before: a KeyboardInterrupt traceback; SIGTERM killed the process and left a full-size temporary.
    target = tmp_path / "figures.csv"
    target.write_text("previous", encoding="utf-8")
    result = _cli(name, str(target), code=_SIGNAL_DURING_WRITE)
    assert result.returncode == status
    assert result.stderr == "" and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.csv"]
    assert target.read_text(encoding="utf-8") == "previous"


# --- 13.13 export targets ----------------------------------------------------------------------------


def test_export_refuses_a_device_and_a_read_only_file(tmp_path: Path) -> None:
    device = tmp_path / "full"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here")
    status, out, err = run("export", "--format", "csv", "-o", str(device))
    assert status == ExitStatus.OUTPUT and not out
    assert f"cannot write {device}: it is a character device, not a regular file" in err
    assert stat.S_ISCHR(device.lstat().st_mode)
    locked = tmp_path / "locked.csv"
    locked.write_text("keep", encoding="utf-8")
    locked.chmod(0o444)
    status, _, err = run("export", "--format", "csv", "-o", str(locked))
    assert status == ExitStatus.OUTPUT and "the file is read-only" in err
    assert locked.read_text(encoding="utf-8") == "keep"


def test_export_warns_about_hard_links(tmp_path: Path) -> None:
    target = tmp_path / "figures.csv"
    target.write_text("old", encoding="utf-8")
    os.link(target, tmp_path / "copy.csv")
    status, out, err = run("export", "--format", "csv", "-o", str(target))
    assert status == 0 and str(target) in out
    warning = f"{target} had 1 other hard link, which still shows the previous content"
    assert err == f"report-viewer export: warning: {warning}\n"


def test_sigterm_handler_is_restored_after_main() -> None:
    before = signal.getsignal(signal.SIGTERM)
    assert main(["validate"], io.StringIO(), io.StringIO()) == 0
    assert signal.getsignal(signal.SIGTERM) is before


# --- new entry points: report-viewer import reads only a regular file, writes only a plain one ----------

_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from desktop_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


@posix_only
@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (os.mkfifo, "expected a regular file, found a named pipe"),
        (lambda path: path.symlink_to("/dev/zero"), "expected a regular file, found a character device"),
    ],
    ids=["fifo", "dev-zero"],
)
def test_import_refuses_a_pipe_or_device_without_reading_it(tmp_path: Path, make: Any, expected: str) -> None:
    # Before: a named pipe hung `report-viewer import` forever; /dev/zero was read until memory ran out.
    text = tmp_path / "report.txt"
    make(text)
    result = _cli("import", str(text), "-o", str(tmp_path / "out.json"), code=_LIMITED)
    assert result.returncode == ExitStatus.DATASET, result.stderr
    assert result.stderr == f"report-viewer import: {text}: {expected}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_import_names_a_folder_a_loop_and_a_file_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    status, _, err = run("import", str(loop), "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.DATASET
    assert err == f"report-viewer import: {loop}: symbolic link loop: the path never reaches a file\n"
    status, _, err = run("import", str(tmp_path), "-o", str(tmp_path / "out.json"))
    assert err == f"report-viewer import: {tmp_path}: expected a text file, found a directory\n"
    from desktop_app.core.importer import intake

    monkeypatch.setattr(intake, "MAX_TEXT_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_text("国内生产总值增长6.6%。", encoding="utf-8")
    status, _, err = run("import", str(big), "-o", str(tmp_path / "out.json"))
    assert status == ExitStatus.DATASET and "the limit is 10 bytes" in err
    assert not (tmp_path / "out.json").exists()


def test_import_to_a_dash_is_refused_not_a_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before: wrote a dataset named "-" (and its source beside it) into the current folder.
    monkeypatch.chdir(tmp_path)
    text = tmp_path / "report.txt"
    text.write_text("国内生产总值增长6.6%。", encoding="utf-8")
    status, out, err = run("import", str(text), "--year", "2019", "-o", "-")
    assert status == ExitStatus.USAGE and not out
    assert "a dataset cannot go to standard output" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_import_warns_about_hard_links_in_a_line_of_its_own(tmp_path: Path) -> None:
    # Before: Python's own warning format ("…/atomic.py:223: ExportWarning: …"), or an error in tests.
    text = tmp_path / "report.txt"
    text.write_text("国内生产总值增长6.6%。", encoding="utf-8")
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    os.link(target, tmp_path / "copy.json")
    status, _, err = run("import", str(text), "--year", "2019", "-o", str(target))
    assert status == ExitStatus.OK, err
    warning = f"{target} had 1 other hard link, which still shows the previous content"
    assert f"report-viewer import: warning: {warning}\n" in err
    assert (tmp_path / "copy.json").read_text(encoding="utf-8") == "old"
