"""Back and forward through visited places (pure Python)."""

from __future__ import annotations

from desktop_app.qt.history import History


def test_back_forward_and_a_new_visit() -> None:
    history = History(limit=3)
    assert history.back() is None and history.forward() is None
    for place in ("a", "b", "b", "c"):
        history.visit(place)
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b" and history.can_go_forward()
    history.visit("d")
    assert not history.can_go_forward() and history.current == "d"
    for place in ("e", "f", "g", "h"):
        history.visit(place)
    assert [history.back(), history.back(), history.back(), history.back()] == ["g", "f", "e", None]
