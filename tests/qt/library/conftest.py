"""Fixtures of the library's window tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.library.index_cache import IndexCache

INDEXED = frozenset({"linzi/linzi-2024", "national/2023", "national/2024", "national/2025"})
"""The reports :func:`few_reports_indexed` keeps in the library index (and every reader's report)."""


@pytest.fixture
def few_reports_indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> frozenset[str]:
    """The library index built fresh over a few reports only: the real builder and cache, fewer sources.

    Indexing all 53 bundled reports takes a minute on a busy machine; these take a few seconds.
    """
    monkeypatch.setenv("REPORT_VIEWER_CACHE_DIR", str(tmp_path / "index-cache"))
    real = IndexCache.load

    def few(self: IndexCache, sources: Sequence[Any], load: Callable[[str], Any], **kwargs: Any) -> Any:
        kept = [s for s in sources if s.id in INDEXED or s.collection == "user"]
        return real(self, kept, load, **kwargs)

    monkeypatch.setattr(IndexCache, "load", few)
    return INDEXED
