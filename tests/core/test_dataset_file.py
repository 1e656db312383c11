"""The loader's JSON-level checks: fast paths agree with the plain ones they stand for."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core import dataset_file
from desktop_app.core.resources import bundled_dataset_path

# Strings with the characters that matter to finding strings: quotes, backslashes, brackets, digits.
_TEXT = st.text(alphabet=st.sampled_from('"\\[]{}0123456789 a中\n'), max_size=12)
_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=30,
)


def _plain(text: str) -> bytes:
    return dataset_file._JSON_STRING.sub('""', text).encode("utf-8")


@given(_JSON, st.booleans())
def test_strings_are_emptied_as_the_regular_expression_does(value: Any, ascii_only: bool) -> None:
    # The split at quotes is used when no quote is escaped; either way the result is the same.
    text = json.dumps(value, ensure_ascii=ascii_only)
    data = text.encode("utf-8")
    assert dataset_file._outside_strings(data, text) == _plain(text)


def test_the_bundled_dataset_takes_the_split() -> None:
    data = bundled_dataset_path().read_bytes()
    assert b'\\"' not in data  # so the fast path is the one start-up takes
    assert dataset_file._outside_strings(data, data.decode("utf-8")) == _plain(data.decode("utf-8"))
