"""Atomic writes: the whole file or nothing, and a message that names the path and the reason."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core import atomic
from desktop_app.core.atomic import ExportError, atomic_write_bytes, atomic_write_text


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_bytes_and_text(tmp_path: Path) -> None:
    atomic_write_bytes(tmp_path / "a.bin", b"\x00\x01")
    atomic_write_text(tmp_path / "b.txt", "临淄 2504", encoding="utf-8-sig")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.txt").read_bytes() == "\ufeff临淄 2504".encode()
    assert leftovers(tmp_path) == []


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_export_error_is_an_os_error_with_a_plain_message(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.pdf"
    with pytest.raises(OSError) as caught:
        atomic_write_bytes(target, b"x")
    error = caught.value
    assert isinstance(error, ExportError)
    assert str(error) == f"cannot write {target}: folder does not exist"
    assert error.path == str(target) and error.errno == errno.ENOENT
    assert not target.parent.exists()


def test_a_file_where_a_folder_is_expected(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="part of the path is not a folder"):
        atomic_write_bytes(blocker / "report.pdf", b"x")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_the_target_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        atomic_write_bytes(tmp_path, b"x")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            atomic_write_bytes(folder / "report.pdf", b"x")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_folder_that_refuses_new_files() -> None:
    # Even root cannot create a file in /proc.
    with pytest.raises(ExportError, match=r"cannot write /proc/report\.pdf: "):
        atomic_write_bytes("/proc/report.pdf", b"x")
    assert not Path("/proc/report.pdf").exists()


def test_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous version")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, b"new version" * 1000)
    assert str(caught.value) == f"cannot write {target}: no space left on device"
    assert target.read_bytes() == b"previous version"
    assert leftovers(tmp_path) == []


def test_an_interrupted_write_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: object, destination: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "report.pdf", b"x")
    assert list(tmp_path.iterdir()) == []


def test_text_that_cannot_be_encoded_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(tmp_path / "report.txt", "临淄", encoding="ascii")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EPERM, "permission denied"),
        (errno.ENOSPC, "no space left on device"),
        (errno.EROFS, "read-only file system"),
        (errno.EDQUOT, "disk quota exceeded"),
    ],
)
def test_reasons(code: int, reason: str) -> None:
    assert atomic.describe_os_error(OSError(code, os.strerror(code))) == reason


# --- issue 13.13/13.14: only ever replace a plain file; bounded temporary names; stale ones cleared ---


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    # Before: the link was replaced by a regular file and its target left untouched.
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    atomic_write_text(link, "new")
    assert link.is_symlink() and (tmp_path / "new.csv").read_text(encoding="utf-8") == "new"


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    with pytest.raises(ExportError, match="symbolic link loop"):
        atomic_write_text(loop, "x")
    assert loop.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_not_replaced(tmp_path: Path) -> None:
    # Before: renamed over, so the pipe was gone.
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match=r"cannot write .*out\.csv: it is a named pipe, not a regular file"):
        atomic_write_text(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and leftovers(tmp_path) == []


def test_a_device_is_refused_not_replaced(tmp_path: Path) -> None:
    # Before, as root: `-o /dev/full` replaced the device node with a file and reported success.
    device = tmp_path / "full"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here")
    with pytest.raises(ExportError, match="it is a character device, not a regular file"):
        atomic_write_bytes(device, b"x")
    assert stat.S_ISCHR(device.lstat().st_mode) and leftovers(tmp_path) == []


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    # Before: replaced silently (the folder was writable).
    target = tmp_path / "report.csv"
    target.write_text("keep", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ExportError, match=r"report\.csv: the file is read-only"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "keep" and leftovers(tmp_path) == []


def test_a_hard_link_is_replaced_with_a_warning(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    other = tmp_path / "other.csv"
    os.link(target, other)
    with pytest.warns(
        atomic.ExportWarning, match="had 1 other hard link, which still shows the previous content"
    ):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and other.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("length", [238, 255])
def test_a_long_legal_name_works(tmp_path: Path, length: int) -> None:
    # Before: ".NAME.HEX.tmp" was 18 bytes longer than the name: "file name too long" from 238 bytes.
    target = tmp_path / ("报" * ((length - 4) // 3) + "x" * ((length - 4) % 3) + ".pdf")
    assert len(target.name.encode()) == length
    atomic_write_bytes(target, b"%PDF")
    assert target.read_bytes() == b"%PDF" and leftovers(tmp_path) == []


_KILLED_WRITE = """
import os, signal, sys
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
from desktop_app.core.atomic import atomic_write_bytes
atomic_write_bytes(sys.argv[1], b"new" * 1000)
"""


def test_a_temporary_file_left_by_a_killed_writer_is_cleared_next_time(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous")
    killed = subprocess.run([sys.executable, "-c", _KILLED_WRITE, str(target)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"previous" and len(leftovers(tmp_path)) == 1
    unrelated = tmp_path / ".other.pdf.0123abcd.1.abc.tmp"
    unrelated.write_bytes(b"not ours")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == [unrelated.name]


def test_a_temporary_file_of_a_running_writer_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    running = tmp_path / f"{atomic._temporary_prefix(target)}{os.getppid()}.abcdef.tmp"
    running.write_bytes(b"being written")
    atomic_write_bytes(target, b"new")
    assert leftovers(tmp_path) == [running.name]
