"""Round numbers for chart axes."""

from __future__ import annotations

import pytest

from desktop_app.core.ticks import multiples, nice_ceiling, nice_step


@pytest.mark.parametrize(
    ("value", "expected"), [(0.5, 1.0), (1, 1.0), (57, 60.0), (61.6, 70.0), (100, 100.0)]
)
def test_nice_ceiling(value: float, expected: float) -> None:
    assert nice_ceiling(value) == expected


def test_nice_step_and_multiples() -> None:
    assert nice_step(100, 5) == 20
    assert nice_step(7, 6, integers=True) == 2
    assert nice_step(0.3, 6) == pytest.approx(0.05)
    assert multiples(20, 0, 100) == [0, 20, 40, 60, 80, 100]
    assert multiples(0.1, 0.0, 0.3) == [0.0, 0.1, 0.2, 0.3]  # no float drift
