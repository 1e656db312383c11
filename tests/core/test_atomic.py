"""Atomic writes: the whole file or nothing, and a message that names the path and the reason."""

from __future__ import annotations

import errno
import os
import stat
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
