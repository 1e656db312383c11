"""Generated and mutated datasets: the loader returns a report or raises DatasetError, nothing else."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.resources import bundled_dataset_path, data_path

BUNDLED: dict[str, Any] = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
RAW = data_path("source/linzi-2024-article.raw.txt").read_bytes()

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
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


def _load(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "source").mkdir(exist_ok=True)
    (tmp_path / "source" / "linzi-2024-article.raw.txt").write_bytes(RAW)
    path = tmp_path / "dataset.json"
    path.write_bytes(data)
    try:
        load_report(path)
    except DatasetError as exc:
        assert exc.problems and str(path) in str(exc)


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
    _load(tmp_path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=json_values)
def test_generated_json(tmp_path: Path, document: Any) -> None:
    _load(tmp_path, json.dumps(document).encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    _load(tmp_path, data)
