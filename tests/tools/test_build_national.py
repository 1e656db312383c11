"""``tools/build_national.py``: the committed national collection is what the build makes of the corpus.

Without the corpus (a clean CI checkout) the check is skipped, as ``build_national.py --check`` is;
the committed data is tested on its own in ``tests/core/library/test_national_collection.py``.
"""

from __future__ import annotations

import json

import pytest

from tools import build_national, corpus


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    path = corpus.corpus_file()
    assert path is not None, "the corpus is kept in tests/data/corpus"
    return build_national.build(corpus.read_records(path))


def test_the_committed_files_are_what_the_build_makes(built: dict[str, bytes]) -> None:
    differing = [name for name, data in built.items() if (build_national.OUT / name).read_bytes() != data]
    assert not differing, f"run python tools/build_national.py (review decisions changed?): {differing[:5]}"
    on_disk = {p.name for p in build_national.OUT.iterdir() if p.suffix in (".json", ".txt")}
    assert on_disk == set(built)


def test_meeting_and_presenter_are_only_what_the_texts_say(built: dict[str, bytes]) -> None:
    manifest = json.loads(built["index.json"])
    by_year = {e["year"]: e for e in manifest["entries"]}
    assert by_year[2024]["meeting"] == "第十四届全国人民代表大会第二次会议"
    assert by_year[2024]["presenter"] == "国务院总理李强"
    assert by_year[1983]["meeting"] == "第六届全国人民代表大会第一次会议"
    assert by_year[1957]["presenter"] == "周恩来"
    # 1984 names 第六届…第一次会议 only as last year's session; 2013's resolution names no year.
    assert by_year[1984]["meeting"] == "" and by_year[2013]["presenter"] == ""
    assert "resolution" not in by_year[2013] and by_year[2025]["resolution"]["title"].startswith("第十四届")


def test_without_the_corpus_the_check_skips_with_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(build_national, "corpus_file", lambda explicit=None: None)
    assert build_national.main(["--check"]) == 0
    out = capsys.readouterr().out
    assert "corpus not found" in out and "skipped" in out
