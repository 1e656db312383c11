"""``report-viewer validate`` and ``report-viewer info``: a dataset described in plain text."""

from __future__ import annotations

import argparse
from collections import Counter

from desktop_app.cli.console import Console, ExitStatus, load_or_report
from desktop_app.core.model import Report
from desktop_app.core.presentation import goal_label
from desktop_app.core.unreviewed import review_counts


def counts_line(report: Report) -> str:
    """One line of counts, e.g. for ``report-viewer validate``."""
    return (
        f"{len(report.goal_areas)} goal areas, {len(report.indicators)} stated figures, "
        f"{len(report.derived)} derived figures, {len(report.quotes)} quotes, "
        f"{len(report.entities)} named things, "
        f"{len(report.paragraphs)} paragraphs, {len(report.repairs)} repairs"
    )


def review_line(report: Report) -> str:
    """How many stated figures are confirmed, await review or were rejected (views show only the first)."""
    counts = review_counts(report)
    return (
        f"Review: {counts.confirmed} confirmed, {counts.awaiting} awaiting review, {counts.rejected} rejected"
    )


def info_text(report: Report) -> str:
    """A short description: title, meeting, counts by kind and by goal area."""
    meta = report.metadata
    presenter = f"{meta.presenter.office} {meta.presenter.name}".strip()
    # An import of a text that names no meeting or presenter leaves them empty: no line then, rather
    # than "Meeting: , 2018-01-01" (a placeholder date, explained in the dataset's notes).
    lines = [
        f"{meta.title} ({meta.title_en})" if meta.title_en else meta.title,
        *([f"Meeting: {meta.meeting.name}, {meta.meeting.date}"] if meta.meeting.name else []),
        *([f"Presenter: {presenter}"] if presenter else []),
        f"Source: {meta.citation}",
        counts_line(report),
        review_line(report),
        "",
        "Figures by kind:",
    ]
    kinds = Counter(str(i.kind) for i in report.all_indicators())
    lines += [f"  {kind:<12} {n}" for kind, n in sorted(kinds.items())]
    repairs = Counter(str(r.kind) for r in report.repairs)
    lines += ["", "Repairs by kind:", *(f"  {kind:<12} {n}" for kind, n in sorted(repairs.items()))]
    lines += ["", "Goal areas (figures, quotes, named things):"]
    for goal in report.goal_areas:
        figures = len(report.indicators_for_goal(goal.id))
        lines.append(
            f"  {goal.order}. {goal_label(goal, report)}  [{goal.id}]  {figures} / "
            f"{sum(1 for q in report.quotes if goal.id in q.goal_ids)} / "
            f"{sum(1 for e in report.entities if goal.id in e.goal_ids)}"
        )
    return "\n".join(lines)


def validate(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Check a dataset: ``OK`` with counts on ``out``, or every problem on ``err``."""
    report = load_or_report(args.path, err)
    if report is None:
        return ExitStatus.DATASET
    out.line(f"OK {report.path}: {counts_line(report)}")
    return ExitStatus.OK


def info(args: argparse.Namespace, out: Console, err: Console) -> int:
    """Describe a dataset: title, meeting, counts by kind and goal area."""
    report = load_or_report(args.path, err)
    if report is None:
        return ExitStatus.DATASET
    out.line(info_text(report))
    return ExitStatus.OK
