"""What a target promises, read from its modifier and its series: :func:`semantics`."""

from __future__ import annotations

import enum

from desktop_app.core.targets.series import Series

__all__ = [
    "APPROXIMATELY_WORDS",
    "ASPIRATION_WORDS",
    "AT_LEAST_WORDS",
    "AT_MOST_WORDS",
    "TargetSemantics",
    "semantics",
]


class TargetSemantics(enum.StrEnum):
    """How a target is read.

    ``EXACT`` is a number without a modifier (a budget amount, 赤字率3%); ``RANGE`` a pair of numbers
    (6%－6.5%); ``CEILING`` a 左右 target of a series read as a ceiling (a price target), judged like an
    approximately-target; ``ASPIRATION`` 力争 (at least, for a higher-is-better series).
    """

    APPROXIMATELY = "approximately"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ASPIRATION = "aspiration"
    CEILING = "ceiling"
    QUALITATIVE = "qualitative"
    RANGE = "range"
    EXACT = "exact"


# A modifier is one word or several joined by … (力争…突破); the words are matched one by one.
APPROXIMATELY_WORDS = frozenset({"左右", "约", "上下", "大约", "近", "接近", "多"})
AT_LEAST_WORDS = frozenset({"以上", "突破", "超过", "不低于", "不少于", "多于", "高于", "达到"})
AT_MOST_WORDS = frozenset({"以内", "以下", "控制在", "不超过", "不高于", "低于", "少于"})
ASPIRATION_WORDS = frozenset({"力争", "争取", "努力"})


def semantics(
    modifier: str, series: Series, *, has_value: bool = True, is_range: bool = False
) -> TargetSemantics:
    """How a target of ``series`` with ``modifier`` is read.

    Args:
        modifier: the target's modifier as written (``左右``, ``力争…突破``, ``以内`` or ``""``).
        series: the series (a qualitative series, or a ceiling for 左右).
        has_value: False for a text target (居民收入增长和经济增长基本同步).
        is_range: the target is a pair of numbers (6%－6.5%).

    Returns:
        ``QUALITATIVE`` without a value; ``RANGE`` for a pair; at most (以内) before aspiration
        (力争, also 力争…突破) before at least (以上) before approximately (左右); a 左右 target of
        a ceiling series is a ``CEILING``; no modifier is ``EXACT``.
    """
    if not has_value or series.qualitative:
        return TargetSemantics.QUALITATIVE
    if is_range:
        return TargetSemantics.RANGE
    words = {w for w in modifier.split("…") if w}
    if words & AT_MOST_WORDS:
        return TargetSemantics.AT_MOST
    if words & ASPIRATION_WORDS:
        return TargetSemantics.ASPIRATION
    if words & AT_LEAST_WORDS:
        return TargetSemantics.AT_LEAST
    if words & APPROXIMATELY_WORDS:
        return TargetSemantics.CEILING if series.ceiling else TargetSemantics.APPROXIMATELY
    return TargetSemantics.EXACT
