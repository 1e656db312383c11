"""Generated and mutated datasets: the loader returns a report or raises DatasetError, nothing else.

Besides random JSON, the generators produce the hostile shapes of issue 13: named pipes, devices,
symbolic-link loops and dangling links (as the dataset or its source), deep nesting, huge integers
and floats that overflow, lone surrogates, control and bidi characters, and many or overlapping
segments. A DatasetError must be a real refusal, not the loader's safety net for checks that met
a shape nobody foresaw ("could not be checked"), which would hide a bug.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.resources import bundled_dataset_path, data_path
from tests.hostile_files import call_beside_a_fifo

BUNDLED: dict[str, Any] = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
RAW = data_path("source/linzi-2024-article.raw.txt").read_bytes()

# Control characters (C0, C1), bidi controls and lone surrogates, mixed into ordinary text.
hostile_characters = st.sampled_from(
    ["\x00", "\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u200f", "\ud800", "\udfff", "临", "a", "\n"]
)
hostile_text = st.lists(hostile_characters | st.characters(), max_size=12).map("".join)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.integers().map(lambda n: n * 10**400)  # far beyond any float
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | hostile_text,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8) | hostile_text, children, max_size=4)  # hostile keys too
    ),
    max_leaves=12,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):  # the first few items of each list are enough
            out += _paths(value, (*prefix, index))
    return out


PATHS = _paths(BUNDLED)[1:]


def _dump(document: Any) -> bytes:
    # ASCII JSON: lone surrogates travel as \\u escapes, as they would in a file written elsewhere.
    return json.dumps(document).encode("utf-8")


def _check(path: Path) -> None:
    try:
        load_report(path)
    except DatasetError as exc:
        assert exc.problems and str(path) in str(exc)
        assert "could not be checked" not in str(exc), str(exc)
        exc.describe("zh").encode("utf-8")  # printable in both languages
        exc.describe("en").encode("utf-8")


def _load(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "source").mkdir(exist_ok=True)
    source = tmp_path / "source" / "linzi-2024-article.raw.txt"
    if source.is_symlink() or (source.exists() and not source.is_file()):
        source.unlink()
    source.write_bytes(RAW)
    path = tmp_path / "dataset.json"
    if path.is_symlink() or (path.exists() and not path.is_file()):
        path.unlink()
    path.write_bytes(data)
    _check(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    mutations=st.lists(
        st.tuples(st.sampled_from(PATHS), json_values, st.sampled_from(["set", "del"])),
        min_size=1,
        max_size=3,
    )
)
def test_mutated_bundled_dataset(tmp_path: Path, mutations: list[tuple[tuple[Any, ...], Any, str]]) -> None:
    doc = copy.deepcopy(BUNDLED)
    for path, value, action in mutations:
        node: Any = doc
        try:
            for key in path[:-1]:
                node = node[key]
            if action == "del":
                del node[path[-1]]
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    _load(tmp_path, _dump(doc))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=json_values)
def test_generated_json(tmp_path: Path, document: Any) -> None:
    _load(tmp_path, _dump(document))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    _load(tmp_path, data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(PATHS), depth=st.integers(1, 1200), wrap=st.sampled_from(["list", "dict"]))
def test_deep_nesting_anywhere(tmp_path: Path, place: tuple[Any, ...], depth: int, wrap: str) -> None:
    doc = copy.deepcopy(BUNDLED)
    nested: Any = 1
    for _ in range(depth):
        nested = [nested] if wrap == "list" else {"k": nested}
    node: Any = doc
    for key in place[:-1]:
        node = node[key]
    node[place[-1]] = nested
    _load(tmp_path, _dump(doc))


segment = st.tuples(st.integers(-3, 3100), st.integers(-3, 3100)).map(list)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraph=st.integers(0, len(BUNDLED["paragraphs"]) - 1),
    segments=st.lists(segment, min_size=1, max_size=50),
    repeat=st.integers(1, 2000),
)
def test_many_and_overlapping_segments(
    tmp_path: Path, paragraph: int, segments: list[list[int]], repeat: int
) -> None:
    doc = copy.deepcopy(BUNDLED)
    doc["paragraphs"][paragraph]["segments"] = segments * repeat
    _load(tmp_path, _dump(doc))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.sampled_from(["dataset", "source"]),
    kind=st.sampled_from(["fifo", "loop", "dangling", "folder", "device"]),
)
def test_files_that_are_not_regular_files(tmp_path: Path, which: str, kind: str) -> None:
    _load(tmp_path, _dump(BUNDLED))
    victim = tmp_path / ("dataset.json" if which == "dataset" else "source/linzi-2024-article.raw.txt")
    victim.unlink()
    if kind == "fifo" and hasattr(os, "mkfifo"):
        os.mkfifo(victim)
    elif kind == "loop":
        victim.symlink_to(victim)
    elif kind == "dangling":
        victim.symlink_to(tmp_path / "nowhere")
    elif kind == "folder":
        victim.mkdir()
    else:
        victim.symlink_to(os.devnull)
    try:
        if kind == "fifo":  # a regression fails here instead of hanging the suite
            call_beside_a_fifo(lambda: _check(tmp_path / "dataset.json"), victim)
        else:
            _check(tmp_path / "dataset.json")
    finally:
        if victim.is_dir() and not victim.is_symlink():
            victim.rmdir()
        else:
            victim.unlink()
