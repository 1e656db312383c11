"""Back and forward through the places a reader has visited, as in a browser (no Qt needed)."""

from __future__ import annotations

__all__ = ["History"]


class History:
    """Visited places (tree paths): visiting a new place clears the way forward.

    Args:
        limit: how many places back are remembered.
    """

    def __init__(self, limit: int = 100) -> None:
        self._back: list[str] = []
        self._forward: list[str] = []
        self._current: str | None = None
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._current

    def visit(self, place: str) -> None:
        """Record that the reader went to ``place`` (a repeat of the current place is ignored)."""
        if place == self._current:
            return
        if self._current is not None:
            self._back.append(self._current)
            del self._back[: -self._limit]
        self._current = place
        self._forward.clear()

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> str | None:
        """Step back; returns the place to show, or None at the start."""
        if not self._back or self._current is None:
            return None
        self._forward.append(self._current)
        self._current = self._back.pop()
        return self._current

    def forward(self) -> str | None:
        """Step forward again; returns the place to show, or None at the end."""
        if not self._forward or self._current is None:
            return None
        self._back.append(self._current)
        self._current = self._forward.pop()
        return self._current

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
        self._current = None
