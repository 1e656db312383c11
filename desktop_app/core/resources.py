"""Where the bundled dataset and resources live, in a checkout or an installed wheel.

The wheel maps the top-level ``data/`` and ``resources/`` folders into
``desktop_app/_bundled/``; a source checkout (editable install, tests) reads
them from the repository root. Callers name files relative to those folders;
absolute names and ``..`` are refused so a dataset cannot point outside them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path, PurePosixPath

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
BUNDLED_DATASET = "linzi-2024.json"
# The SHA-256 of the bundled dataset that tests/core/test_bundled_dataset.py checks in full: the window's
# start-up does not check it again while its bytes are these (desktop_app.core.loader.load_report).
BUNDLED_DATASET_SHA256 = "37ef94549626a2336f9d144ad174580a1c7eacb7af33713489d54896eac2ebab"
SCHEMA_FILE = "schema/report.schema.json"


class ResourceError(ValueError):
    """A resource name that is not a plain relative path."""


@cache
def _root(kind: str) -> Path:
    installed = _PACKAGE_DIR / "_bundled" / kind
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled {kind}/ folder not found beside {_PACKAGE_DIR}")


def _safe_join(root: Path, name: str) -> Path:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or not name:
        raise ResourceError(f"not a relative resource name: {name!r}")
    return root.joinpath(*pure.parts)


def data_path(name: str) -> Path:
    """A file under the bundled ``data/`` folder."""
    return _safe_join(_root("data"), name)


def resource_path(name: str) -> Path:
    """A file under the bundled ``resources/`` folder."""
    return _safe_join(_root("resources"), name)


def bundled_dataset_path() -> Path:
    return data_path(BUNDLED_DATASET)


def schema_path() -> Path:
    return data_path(SCHEMA_FILE)
