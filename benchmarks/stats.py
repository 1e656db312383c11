"""The one definition of the figures every benchmark reports."""

from __future__ import annotations

from collections.abc import Sequence


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value at ``fraction`` (0–1) of the sorted samples, nearest rank; e.g. 0.95 for p95."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB, counted from its own start.

    ``/proc/self/status``'s VmHWM starts afresh at exec; ``ru_maxrss`` on Linux keeps the peak of the
    process that forked this one (a test runner that has grown to hundreds of MB), so a memory test
    run in a subprocess of pytest would measure pytest. ``ru_maxrss`` is the fallback elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
