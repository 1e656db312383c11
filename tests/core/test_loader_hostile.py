"""Hostile datasets (issue 13): no hang, no memory bomb, nothing but DatasetError, with the JSON path.

Memory bounds are checked in a subprocess under an address-space limit, never by timing; cases
that hung before (FIFOs) run in a subprocess with a timeout, so a regression fails instead of
hanging the suite.
"""

from __future__ import annotations

import copy
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.bench_hostile import array_in_text, big_source, measure, segments_bomb
from desktop_app.core import loader
from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from tests.conftest import DatasetWriter

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")


def _error(path: Path) -> DatasetError:
    with pytest.raises(DatasetError) as info:
        load_report(path)
    assert str(path) in str(info.value)
    return info.value


def _load_in_subprocess(path: Path) -> str:
    """The loader's outcome for ``path`` in a fresh interpreter; a hang fails after 60 s."""
    code = (
        "import sys\n"
        "from desktop_app.core.loader import DatasetError, load_report\n"
        "try:\n    load_report(sys.argv[1]); print('loaded')\n"
        "except DatasetError as exc:\n    print(exc.describe())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


# --- 13.1 memory and time bombs ------------------------------------------------------------------


def test_a_hundred_thousand_segments_cost_little_memory(tmp_path: Path) -> None:
    # Before: 2.7 GB and a MemoryError under this limit.
    result = measure(segments_bomb(tmp_path, 100_000), limit_mb=1024)
    assert result["outcome"].startswith(
        "DatasetError: $.paragraphs[0].segments[1]: the segments so far cover"
    )
    # About 45 MB here; the bound leaves room for a loaded machine and still fails the old 2.7 GB.
    assert result["peak_mb"] < 800


def test_a_huge_wrong_source_is_refused_after_reading_it(tmp_path: Path) -> None:
    # Before: 0.9–2.5 GB to check offsets into an article whose hash already said it was the wrong one.
    result = measure(big_source(tmp_path), limit_mb=700)
    assert result["outcome"].startswith("DatasetError: $.source.sha256: expected the raw file's SHA-256")
    # About 130 MB here (the 50 MB source read once); the old code needed 0.9–2.5 GB.
    assert result["peak_mb"] < 600


def test_a_huge_array_where_text_belongs_is_not_copied_into_an_error(tmp_path: Path) -> None:
    # Before: the schema checker copied the whole array into its error (17 MB file: 937 MB, 12 s).
    result = measure(array_in_text(tmp_path), limit_mb=2048)
    assert result["outcome"] == (
        "DatasetError: $.metadata.ambiguities[0].text: expected a string, found an array of 600,000 items"
    )
    assert result["peak_mb"] < 250


def test_a_segment_holding_an_array(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = _with_segments(bundled_json, [[0, [1, 2, 3]], [5, 6]])
    message = str(_error(write_dataset(doc)))
    assert "$.paragraphs[0].segments[0][1]: expected an integer, found an array of 3 items" in message


def _with_segments(bundled: dict[str, Any], segments: list[list[Any]], index: int = 0) -> dict[str, Any]:
    doc = copy.deepcopy(bundled)
    doc["paragraphs"][index]["segments"] = segments
    return doc


def test_segments_overlapping_another_paragraph(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    first = bundled_json["paragraphs"][0]["segments"][0]
    doc = _with_segments(bundled_json, [first], index=1)
    message = str(_error(write_dataset(doc)))
    assert "$.paragraphs[1].segments[0]: overlaps $.paragraphs[0].segments[0]" in message
    assert message.count("\n") == 1  # nothing rebuilt or compared after that


def test_empty_and_outside_segments(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    start = bundled_json["paragraphs"][2]["segments"][0][0]
    message = str(_error(write_dataset(_with_segments(bundled_json, [[start, start]], index=2))))
    expected = "expected a non-empty span within the raw text (length 3007)"
    assert f"$.paragraphs[2].segments[0]: {expected}, found [{start}, {start}]" in message
    message = str(_error(write_dataset(_with_segments(bundled_json, [[0, 4000]], index=2))))
    assert "$.paragraphs[2].segments[0]: expected a non-empty span" in message


def test_a_wrong_paragraph_is_reported_at_its_first_difference(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    text = doc["paragraphs"][3]["text"]
    doc["paragraphs"][3]["text"] = text[:10] + "X" + text[11:]
    message = str(_error(write_dataset(doc)))
    assert "$.paragraphs[3].text: expected the raw segments with their repairs to give" in message
    assert "at offset 10, found 'X" in message
    doc["paragraphs"][3]["text"] = text + "多"
    assert f"at offset {len(text)}, found '多'" in str(_error(write_dataset(doc)))


# --- 13.5 FIFOs and devices ----------------------------------------------------------------------


@needs_fifo
def test_a_named_pipe_as_dataset_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    assert "expected a regular file, found a named pipe" in _load_in_subprocess(fifo)


@needs_fifo
def test_a_named_pipe_as_source_is_refused(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    path = write_dataset(bundled_json)
    source = path.parent / bundled_json["source"]["file"]
    source.unlink()
    os.mkfifo(source)
    out = _load_in_subprocess(path)
    assert "$.source.file:" in out and "expected a regular file, found a named pipe" in out


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    assert "expected a regular file, found a character device" in str(_error(Path("/dev/zero")))
    path = write_dataset(bundled_json)
    source = path.parent / bundled_json["source"]["file"]
    source.unlink()
    try:
        os.mknod(source, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # what /dev/zero is
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    message = str(_error(path))
    assert "$.source.file" in message and "found a character device" in message


# --- 13.6 and smaller: symlinks -------------------------------------------------------------------


def test_a_symlink_loop_as_dataset_says_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(tmp_path / "loop2.json")
    (tmp_path / "loop2.json").symlink_to(loop)
    assert "symbolic link loop" in str(_error(loop))


def test_a_symlink_loop_as_source(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    # Before: RuntimeError ("Symlink loop") out of Path.resolve().
    path = write_dataset(bundled_json)
    source = path.parent / bundled_json["source"]["file"]
    source.unlink()
    source.symlink_to(source)
    message = str(_error(path))
    assert "$.source.file" in message and "symbolic link loop" in message


def test_a_dangling_source_symlink_says_so(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    # Before: "source file must lie inside the dataset's folder".
    path = write_dataset(bundled_json)
    source = path.parent / bundled_json["source"]["file"]
    source.unlink()
    source.symlink_to("/nonexistent/article.txt")
    message = str(_error(path))
    assert "is a symbolic link to /nonexistent/article.txt, which does not exist" in message
    assert "inside the dataset's folder" not in message


# --- 13.6 nesting, numbers, surrogates ------------------------------------------------------------


@pytest.mark.parametrize("depth", [70, 300, 900])
def test_deep_nesting_names_the_place(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any], depth: int
) -> None:
    # Before: jsonschema-rs "ValueError: Recursion limit reached" from 255 levels on.
    doc = copy.deepcopy(bundled_json)
    nested: Any = "x"
    for _ in range(depth):
        nested = [nested]
    doc["metadata"]["ambiguities"][0]["text"] = nested
    message = str(_error(write_dataset(doc)))
    assert "$.metadata.ambiguities[0].text" in message and "nested more than 64 levels deep" in message


def test_nesting_deeper_than_python_parses(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "JSON nested too deeply" in str(_error(path))


def _dumped(write_dataset: DatasetWriter, text: str) -> Path:
    path = write_dataset({})
    path.write_text(text, encoding="utf-8")
    return path


def test_huge_integers(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    # Before: OverflowError (an integer of 309+ digits times a float factor); then a line and column.
    doc = copy.deepcopy(bundled_json)
    doc["indicators"][0]["value"] = 10**400
    doc["indicators"][3]["value"] = -(2**53) - 1
    message = str(_error(write_dataset(doc)))
    # Named by their JSON paths (the parser itself only knows a line and column).
    assert message.count("\n") == 2
    assert (
        "$.indicators[0].value: integer 100000000000…(401 digits) is too large (the limit is ±2^53)"
        in message
    )
    assert "$.indicators[3].value: integer -9007199254740993 is too large" in message
    doc["indicators"][3]["value"] = 2**53
    assert str(_error(write_dataset(doc))).count("\n") == 1  # 2^53 itself is exact


def test_a_float_that_overflows_says_so(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    # Before: "null is not of type number".
    doc = copy.deepcopy(bundled_json)
    doc["indicators"][2]["factor"] = 123456.5
    text = json.dumps(doc, ensure_ascii=False).replace("123456.5", "1e400")
    message = str(_error(_dumped(write_dataset, text)))
    assert "$.indicators[2].factor: 1e400 overflows: it is too large for a number; use a finite" in message
    # JSON the second parse cannot read either: the first bad number is named by line and column.
    text = '{"a": 1e400, "a": 1}'
    message = str(_error(_dumped(write_dataset, text)))
    assert "$: 1e400 overflows: it is too large for a number at line 1, column 7" in message


def test_a_year_written_as_a_fraction_is_refused(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    # Before: accepted, and printed as 2023.0.
    doc = copy.deepcopy(bundled_json)
    doc["metadata"]["year"] = 2024.0
    doc["indicators"][2]["span"]["start"] = float(doc["indicators"][2]["span"]["start"])
    message = str(_error(write_dataset(doc)))
    assert "$.metadata.year: expected an integer, found 2024.0" in message
    assert "$.indicators[2].span.start: expected an integer" in message


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda doc: doc["quotes"][0].__setitem__("id", "q-\ud800"), "$.quotes[0].id"),
        (
            lambda doc: doc["metadata"]["region"].__setitem__("\udc00key", 1),
            '$.metadata.region["\\udc00key"]',
        ),
        (lambda doc: doc["quotes"][0].__setitem__("speaker", "习\udfff"), "$.quotes[0].speaker"),
    ],
)
def test_lone_surrogates_are_refused_at_load(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any], change: Any, where: str
) -> None:
    # Before: UnicodeEncodeError from the schema checker (ids, keys); text passed and crashed info/search.
    doc = copy.deepcopy(bundled_json)
    change(doc)
    path = write_dataset({})
    path.write_text(json.dumps(doc), encoding="utf-8")  # ASCII: the surrogate as a \\u escape
    error = _error(path)
    message = error.describe()
    assert f"{where}: the " in message and "lone surrogate" in message
    message.encode("utf-8")  # printable: the surrogate itself is not in the message


# --- Chinese messages, exception safety ----------------------------------------------------------


def test_describe_in_chinese(tmp_path: Path) -> None:
    error = _error(tmp_path / "nope.json")
    assert error.describe(Language.ZH) == f"{tmp_path / 'nope.json'}：1 个问题\n  $：找不到数据集文件"
    assert error.describe("zh_CN") == error.describe(Language.ZH)
    assert error.describe() == f"{tmp_path / 'nope.json'}: 1 problem\n  $: dataset file not found"
    assert "应为数据集文件，实为文件夹" in _error(tmp_path).describe(Language.ZH)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert "JSON 格式错误，位于第 1 行第 2 列" in _error(bad).describe(Language.ZH)
    big = tmp_path / "big.json"
    big.write_text("[" + "0," * 100 + "0]", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_report(big, max_bytes=10)
    assert "超过上限 10 字节" in info.value.describe(Language.ZH)


def test_an_unforeseen_exception_becomes_a_dataset_error(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(doc: object, raw: object) -> object:
        raise KeyError("goal")

    monkeypatch.setattr(loader, "_cross_reference_problems", broken)
    message = str(_error(write_dataset(bundled_json)))
    assert "the dataset could not be checked (KeyError: 'goal')" in message
