"""Round numbers for chart axes: pure arithmetic, no Qt, so it is tested without a display."""

from __future__ import annotations

import math

__all__ = ["multiples", "nice_ceiling", "nice_step"]


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, … 9 × 10ⁿ at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    return math.ceil(value / magnitude - 1e-9) * magnitude


def nice_step(span: float, count: int = 5, *, integers: bool = False) -> float:
    """A round tick spacing (1, 2, 2.5 or 5 × 10ⁿ) giving about ``count`` ticks over ``span``."""
    raw = span / max(count, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next((f * magnitude for f in (1, 2, 2.5, 5) if f * magnitude >= raw), 10 * magnitude)
    if integers:
        step = max(1.0, float(math.ceil(step)))
    return step


def multiples(step: float, low: float, high: float) -> list[float]:
    """The multiples of ``step`` from ``low`` to ``high``, rounded against float drift."""
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]
