"""Targets and outcomes across years (issue 16): series, target semantics, pairing, verdicts. No Qt.

The stable API (the Targets & outcomes view, the CLI and exports build on it)::

    from desktop_app.core.targets import pair, series_table, Verdict

    pairs = pair(reports)                  # Sequence[Report] -> list[Pair], any governments mixed
    for p in pairs:
        p.series.key, p.series.name(lang), p.series.unit, p.series.direction   # Series
        p.year                             # the year the target is for
        p.target, p.outcome                # FigureRef | None
        p.semantics                        # TargetSemantics | None (approximately, at_least, ...)
        p.verdict                          # Verdict (a StrEnum: met, missed, above, below, ...)
        p.rule.code, p.rule.text(lang)     # the rule that produced the verdict, numbers filled in
        p.basis                            # Basis.OUTCOME or Basis.BUDGET ("budget vs budget")
        p.unreviewed                       # True only with pair(..., include_proposed=True)

A :class:`FigureRef` says where a figure stands: ``report`` (the report's id) and ``report_year``,
``figure`` (the indicator's id, for selecting it in the report), ``value`` (``high`` for a range),
``unit``, ``modifier``, ``text`` (as written), ``sentence`` and ``sentence_span`` (a
:class:`~desktop_app.core.model.Span`: open the report at it), ``span`` (the figure itself),
``review``, and ``formula`` for a budget implied by a later report's 比去年 comparison.

Words for verdicts, semantics, bases and directions are domain words in
:mod:`desktop_app.core.words` (``verdict.met``, ``semantics.approximately``, ``targets.basis.budget``,
``direction.higher``), so the view, the CLI and printed summaries say them alike.

Other entry points:

* :func:`semantics` ``(modifier, series) -> TargetSemantics``: how a target is read;
* :func:`verdict` ``(target, outcome, series, *, later_report=True) -> (Verdict, Rule)``: the rules
  are listed in :mod:`desktop_app.core.targets.verdicts`;
* :func:`propose_series` ``(name, unit, ...) -> str | None``: the series the importer proposes for a
  figure (synonyms first, then name similarity), confirmed by a reviewer;
* :func:`load_series` / :func:`series_table`: ``data/series.json`` as frozen :class:`Series`;
* :func:`pairs_json`: the pairs as the CLI's JSON (``report-viewer targets --json``);
  :func:`desktop_app.core.targets.display.figure_cell_text`: a target or outcome as written
  (``力争突破250亿元``), the one spelling for the view, CSV, summary and CLI;
* :func:`collection_pairs` ``(library, collection, cache_file=None) -> CollectionPairs``
  (:mod:`desktop_app.core.targets.cache`): the pairs whose target stands in a library collection,
  paired over every report of the same governments in the library (an imported Linzi 2025 report
  brings the 2024 outcomes), cached on disk; ``.entries`` maps a :attr:`FigureRef.report` (the
  report's id) to its library entry. The CLI and the view both use it;
* :class:`TextFigure` and :mod:`desktop_app.core.targets.texts`: targets and outcomes in words
  (``FigureRef.value is None``), for the national collection from the review's ``qualitative``
  list; ``pair(reports)`` adds them by default.

Pairing rules (:mod:`desktop_app.core.targets.pairing`): one government at a time (level + region);
a year-Y target is a ``target`` figure for year Y in the report of year Y (the first of its series;
two in one sentence joined by a dash are a range); its outcome is the first non-target figure of the
series for year Y in the reports after Y, Y+1 first; a budget series is compared budget vs budget
(the Y+1 report's budget and its 比去年 change). No outcome: ``no_outcome_stated`` if the Y+1
report is in the collection, else ``no_later_report``. Only confirmed figures count unless
``include_proposed=True``.
"""

from __future__ import annotations

from desktop_app.core.targets.cache import CollectionPairs, collection_pairs
from desktop_app.core.targets.export import figure_json, pair_json, pairs_json
from desktop_app.core.targets.pairing import government_key, pair
from desktop_app.core.targets.propose import propose_series
from desktop_app.core.targets.semantics import TargetSemantics, semantics
from desktop_app.core.targets.series import Direction, Series, SeriesTable, load_series, series_table
from desktop_app.core.targets.types import Basis, FigureRef, Pair, Rule, TextFigure, Verdict
from desktop_app.core.targets.verdicts import verdict

__all__ = [
    "Basis",
    "CollectionPairs",
    "Direction",
    "FigureRef",
    "Pair",
    "Rule",
    "Series",
    "SeriesTable",
    "TargetSemantics",
    "TextFigure",
    "Verdict",
    "collection_pairs",
    "figure_json",
    "government_key",
    "load_series",
    "pair",
    "pair_json",
    "pairs_json",
    "propose_series",
    "semantics",
    "series_table",
    "verdict",
]
