"""``tools/update_translations.py``: found without an activated venv, strict about where strings are filed.

Issue 11, items 1 and 2: the README's test command failed on a fresh machine because the Qt tools were
looked up on ``PATH`` only (``.venv/bin`` is not on it when the venv is not activated); the check
passed while strings sat under an empty context, so they stayed English in the Chinese UI.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools import update_translations

_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>{name}</name>
    <message>
        <source>Raw: %1</source>
        <translation>原始文字：%1</translation>
    </message>
</context>
</TS>
"""


def test_the_qt_tools_are_found_beside_python_without_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")  # a venv that is not activated: its bin folder is not on PATH
    for tool in ("pyside6-lupdate", "pyside6-lrelease"):
        found = Path(update_translations.find_tool(tool))
        assert found.parent == Path(sys.executable).parent and found.is_file()


def test_a_tool_missing_everywhere_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(SystemExit, match="no-such-tool not found beside"):
        update_translations.find_tool("no-such-tool")


@pytest.mark.parametrize("name", ["", "NoSuchClass"])
def test_strings_under_an_empty_or_unknown_context_fail_the_check(tmp_path: Path, name: str) -> None:
    ts = tmp_path / "catalogue.ts"
    ts.write_text(_TS.format(name=name), encoding="utf-8")
    assert update_translations.problems(ts) == [
        f"in context {name!r}, which no class or translate() call uses: 'Raw: %1'"
    ]


def test_strings_under_a_context_the_code_uses_pass(tmp_path: Path) -> None:
    ts = tmp_path / "catalogue.ts"
    ts.write_text(_TS.format(name="SourceView"), encoding="utf-8")
    assert "SourceView" in update_translations.known_contexts()
    assert update_translations.problems(ts) == []
