"""A copy of the Linzi dataset with figures awaiting review, for the tests of issue 14's rule.

The bundled figures are all confirmed; this copy marks a few as proposed (as an import would leave
them) and one as rejected. ``ind-industrial-output`` is an input of ``der-city-industrial-output``,
which is therefore unreviewed too.
"""

from __future__ import annotations

import copy
from typing import Any, Final

PROPOSED: Final = (
    "ind-industrial-output",  # g1, an amount and a headline figure: its derived figure follows it
    "ind-trade-target",  # g3, a headline target
    "ind-env-projects",  # g6, one bar of the count chart 个
    "ind-quality-development-rank",  # g1, a rank on the 百强 chart
)
REJECTED: Final = ("ind-digital-scenarios",)
DERIVED_PROPOSED: Final = ("der-city-industrial-output",)


def with_unreviewed(bundled: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of the bundled dataset with :data:`PROPOSED` proposed and :data:`REJECTED` rejected."""
    document = copy.deepcopy(bundled)
    for indicator in document["indicators"]:
        if indicator["id"] in PROPOSED:
            indicator["review"] = "proposed"
            indicator["confidence"] = 0.6
        elif indicator["id"] in REJECTED:
            indicator["review"] = "rejected"
            indicator["confidence"] = 0.2
    return document
