"""The printable summary of targets and outcomes, as HTML. No Qt.

:func:`build_targets_summary_html` decides what the printed Targets & outcomes summary says; the
printing package (:mod:`desktop_app.qt.printing`) lays the same HTML out on pages, with the same
header, footer, fonts and bookmarks as a report's summary. Per series: a heading (name, unit,
which way is better), its chart (an image the caller supplies) and a table of years — target with
its modifier, outcome, verdict (word and symbol, not colour alone) and the rule that produced it —
then the verdict rules, and where the figures come from.

Every string that comes from a dataset goes through :func:`html.escape` (after
:func:`~desktop_app.core.presentation.visible_text`) and is never spliced in as markup; the document's
own words are domain words (:mod:`desktop_app.core.words`) in the summary's language.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Mapping, Sequence

from desktop_app.appinfo import APP_NAME
from desktop_app.core.language import Language
from desktop_app.core.presentation import visible_text
from desktop_app.core.targets.display import VERDICT_COLOURS, figure_cell_text, verdict_label, verdict_text
from desktop_app.core.targets.types import Pair, Verdict
from desktop_app.core.words import word

__all__ = ["VERDICT_MARKS", "build_targets_summary_html", "summary_title"]

VERDICT_MARKS: Mapping[Verdict, str] = {
    Verdict.MET: "\u221a",
    Verdict.MISSED: "\u00d7",
    Verdict.ABOVE: "\u2191",
    Verdict.BELOW: "\u2193",
    Verdict.QUALITATIVE: "\u2016",
    Verdict.CONSISTENT: "=",
    Verdict.NO_OUTCOME_STATED: "\u2013",
    Verdict.NO_LATER_REPORT: "\u2026",
}
"""The printed verdict's symbol beside its word (print may be black and white)."""

_STYLE = """
body { font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 18pt; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }
h2 { font-size: 13pt; font-weight: bold; color: #7a1f1f; margin-top: 18px; margin-bottom: 8px; }
p { margin-top: 3px; margin-bottom: 5px; }
p.meta { color: #444444; margin-top: 0px; margin-bottom: 3px; }
p.chart { margin-top: 6px; margin-bottom: 6px; }
p.small { font-size: 9pt; color: #444444; }
table.figures { border-collapse: collapse; border-color: #9a9a9a; border-style: solid; }
table.figures th { background-color: #ece7df; font-weight: bold; font-size: 9pt; text-align: left; }
table.figures td { font-size: 9pt; vertical-align: top; }
span.rule { color: #555555; font-size: 8pt; }
"""


def _t(text: str) -> str:
    return html.escape(visible_text(text), quote=True)


def summary_title(lang: Language | str = Language.ZH) -> str:
    """The summary's title (also the page header and the PDF's title)."""
    return word("targets_doc.title", lang)


def _verdict_cell(pair: Pair, lang: Language) -> str:
    colour = VERDICT_COLOURS[pair.verdict]
    label = f"{VERDICT_MARKS[pair.verdict]} {verdict_label(pair, lang)}"
    return (
        f'<span style="color: {colour}; font-weight: bold;">{_t(label)}</span>'
        f'<br/><span class="rule">{_t(pair.rule.text(lang))}</span>'
    )


def _series_table(pairs: Sequence[Pair], lang: Language) -> str:
    head = "".join(
        f"<th{width}>{_t(word(key, lang))}</th>"
        for key, width in (
            ("targets_doc.year", ' width="8%"'),
            ("targets_doc.target", ' width="18%"'),
            ("targets_doc.outcome", ' width="18%"'),
            ("targets_doc.verdict", ""),
        )
    )
    rows = "".join(
        "<tr>"
        f"<td>{pair.year}</td>"
        f"<td>{_t(figure_cell_text(pair.target))}</td>"
        f"<td>{_t(figure_cell_text(pair.outcome))}</td>"
        f"<td>{_verdict_cell(pair, lang)}</td>"
        "</tr>"
        for pair in pairs
    )
    return (
        '<table class="figures" width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def build_targets_summary_html(
    pairs: Sequence[Pair],
    *,
    lang: Language | str = Language.ZH,
    collection: str = "",
    chart_images: Mapping[str, tuple[str, tuple[int, int]]] | None = None,
    generated: datetime.date,
) -> str:
    """The summary of targets and outcomes, series by series, as a complete HTML document.

    Args:
        pairs: The pairs to print (the view's filtered rows), series in the order they come.
        lang: The document's language.
        collection: The collection's name, for the subtitle.
        chart_images: By series key, the ``<img src>`` name of its chart and its size in CSS
            pixels; the caller supplies the images (``QTextDocument`` resources). None: no charts.
        generated: The date printed as the date generated.

    Returns:
        A UTF-8 HTML document.
    """
    language = Language.from_tag(lang)
    images = chart_images or {}
    by_series: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_series.setdefault(pair.series.key, []).append(pair)
    title = summary_title(language)
    counts: dict[Verdict, int] = {}
    for pair in pairs:
        counts[pair.verdict] = counts.get(pair.verdict, 0) + 1
    tally = "\u3000".join(
        f"{_t(VERDICT_MARKS[v])} {_t(verdict_text(v, language))} {counts[v]}" for v in Verdict if v in counts
    )
    body = [f"<h1>{_t(title)}</h1>"]
    if collection:
        body.append(f'<p class="meta">{_t(collection)}</p>')
    count = word("targets_doc.count", language).format(pairs=len(pairs), series=len(by_series))
    body.append(f'<p class="meta">{_t(count)}<br/>{tally}</p>')
    for rows in by_series.values():
        series = rows[0].series
        rows = sorted(rows, key=lambda p: p.year)
        heading = series.name(language) + (f"\uff08{series.unit}\uff09" if series.unit else "")
        body.append(f"<h2>{_t(heading)}</h2>")
        body.append(f'<p class="small">{_t(word(f"direction.{series.direction.value}", language))}</p>')
        image = images.get(series.key)
        if image is not None:
            name, (width, height) = image
            body.append(
                f'<p class="chart" align="center"><img src="{_t(name)}" width="{width}" height="{height}"'
                f' alt="{_t(series.name(language))}" /></p>'
            )
        body.append(_series_table(rows, language))
    body.append(f"<h2>{_t(word('targets_doc.rules', language))}</h2>")
    colon = "\uff1a" if language is Language.ZH else ": "
    items = "".join(
        f"<li><b>{_t(VERDICT_MARKS[v])} {_t(verdict_text(v, language))}</b>{colon}"
        f"{_t(word(f'targets_doc.rule.{v.value}', language))}</li>"
        for v in Verdict
    )
    body.append(f"<ul>{items}</ul>")
    body.append(f"<h2>{_t(word('doc.source', language))}</h2>")
    sources = sorted(
        {(f.report_year, f.report) for p in pairs for f in (p.target, p.outcome) if f is not None}
    )
    body.append(
        "<p>"
        + _t("\u3001".join(report for _year, report in sources))
        + '<br/><span class="small">'
        + _t(word("doc.generated", language).format(date=generated.isoformat(), app=APP_NAME))
        + "</span></p>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{language.bcp47}">\n<head>\n<meta charset="utf-8" />\n'
        f'<meta name="generator" content="{_t(APP_NAME)}" />\n'
        f"<title>{_t(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
