"""Importer benchmark (issue 14): figures found against hand-made lists, and speed.

(a) The hand-built Linzi dataset: its repaired paragraphs are imported and the proposals matched to
    its indicators on value + unit + year + kind. Linzi's kinds predate the guidelines; they map as
    :data:`LINZI_KINDS` says (``rate`` is a level, ``rank_change`` a change, and Linzi files rank
    ranges such as 前5 / 十强 / 第1、2名 as ``bound`` where the guidelines say ``rank``).
(b) Gold lists written by hand (``tests/data/gold_figures_*.json``): a gold figure is *found* when a
    proposal in the same sentence has its value and unit; year, kind and modifier accuracy are
    measured on the found ones; precision counts proposals that match a gold figure.
(c) Speed: one modern report (2018, ~21 k characters) and the whole corpus.

Only pre-2022 reports are evaluated by figure; later years are timed, never printed.
"""

from __future__ import annotations

import json
import os
import statistics
import time
import unicodedata
from pathlib import Path
from typing import Any

from desktop_app.core.importer.pipeline import Proposal, import_text
from desktop_app.core.resources import bundled_dataset_path
from tools.corpus import corpus_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "tests" / "data").glob("gold_figures_*.json"))
HELD_OUT_FROM = 2022
LINZI_KINDS = {
    "achieved": {"achieved"},
    "estimate": {"estimate"},
    "target": {"target"},
    "rank": {"rank"},
    "rank_change": {"change"},
    "share": {"share"},
    "count": {"count"},
    "rate": {"achieved"},
    "bound": {"bound", "rank"},
}


def _norm(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def _unit(unit: str) -> str:
    return _norm(unit)


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b)) or round(a, 2) == round(b, 2)


def linzi() -> dict[str, Any]:
    """(a): recall and precision against the Linzi dataset's indicators."""
    dataset = json.loads(bundled_dataset_path().read_text(encoding="utf-8"))
    text = "\n\n".join(p["text"] for p in dataset["paragraphs"])
    proposals = list(import_text(text, year=dataset["metadata"]["year"], level="district").proposals)
    gold = dataset["indicators"]
    used: set[int] = set()
    misses = []
    for item in gold:
        hit = next(
            (
                i
                for i, p in enumerate(proposals)
                if i not in used
                and _same_value(p.fields.value, item["value"])
                and _unit(p.fields.unit) == _unit(item["unit"])
                and p.fields.year == item["year"]
                and p.fields.kind in LINZI_KINDS[item["kind"]]
            ),
            None,
        )
        if hit is None:
            misses.append(
                f"{item['span']['text']} ({item['value']:g} {item['unit']}, {item['year']}, {item['kind']})"
            )
        else:
            used.add(hit)
    extra = [f"{p.text} ({p.fields.kind}, {p.fields.year})" for i, p in enumerate(proposals) if i not in used]
    return {
        "gold": len(gold),
        "proposed": len(proposals),
        "recall": (len(gold) - len(misses)) / len(gold),
        "precision": len(used) / len(proposals) if proposals else 0.0,
        "misses": misses,
        "extra": extra,
    }


def _gold_match(item: dict[str, Any], proposals: list[Proposal], used: set[int]) -> int | None:
    sentence = _norm(item["sentence"])
    candidates = [
        i
        for i, p in enumerate(proposals)
        if i not in used
        and _same_value(p.fields.value, item["value"])
        and _unit(p.fields.unit) == _unit(item["unit"])
    ]
    for i in candidates:
        mine = _norm(proposals[i].sentence.text)
        if mine == sentence or mine in sentence or sentence in mine:
            return i
    return None


def gold_list(path: Path, records: dict[int, str]) -> dict[str, Any]:
    """(b): one hand-made gold list against the proposals for its report."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    year = int(gold["report_year"])
    if year >= HELD_OUT_FROM:
        raise ValueError(f"{path.name}: {year} is held out")
    proposals = list(import_text(records[year], year=year, level="national").proposals)
    used: set[int] = set()
    found = year_ok = kind_ok = modifier_ok = strict = 0
    misses, wrong = [], []
    for item in gold["figures"]:
        hit = _gold_match(item, proposals, used)
        if hit is None:
            misses.append(f"{item['text']} ({item['kind']}, {item['year']}) in {item['sentence'][:40]}")
            continue
        used.add(hit)
        fields = proposals[hit].fields
        found += 1
        year_ok += fields.year == item["year"]
        kind_ok += fields.kind == item["kind"]
        modifier_ok += fields.modifier_meaning == item["modifier_meaning"]
        strict += fields.year == item["year"] and fields.kind == item["kind"]
        if fields.year != item["year"] or fields.kind != item["kind"]:
            wrong.append(
                f"{item['text']}: gold {item['kind']}/{item['year']}, proposed {fields.kind}/{fields.year}"
            )
    total = len(gold["figures"])
    return {
        "year": year,
        "gold": total,
        "proposed": len(proposals),
        "found": found,
        "year_right": year_ok,
        "kind_right": kind_ok,
        "recall": found / total,
        "precision": found / len(proposals) if proposals else 0.0,
        "strict_recall": strict / total,
        "year_accuracy": year_ok / found if found else 0.0,
        "kind_accuracy": kind_ok / found if found else 0.0,
        "modifier_accuracy": modifier_ok / found if found else 0.0,
        "misses": misses,
        "wrong": wrong,
        "extra": [f"{p.text} ({p.fields.kind})" for i, p in enumerate(proposals) if i not in used],
    }


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 1)
    except OSError:  # not on every platform
        return None


def speed(records: list[dict[str, Any]], repeats: int) -> dict[str, Any]:
    """(c): one modern report, and the whole corpus (all years, nothing printed per figure).

    Wall and CPU time both (``time.process_time``: this process only), and the load average before
    and after: on a shared machine the wall time says as much about the others as about the importer.
    """
    load_before = _load_average()
    modern = next(r["content"] for r in records if r["year"] == "2018")
    import_text(modern, year=2018)  # warm caches (cn2an, OpenCC) as a running app would have them
    one, one_cpu = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        import_text(modern, year=2018)
        one.append(time.perf_counter() - start)
        one_cpu.append(time.process_time() - cpu)
    start, cpu = time.perf_counter(), time.process_time()
    figures = 0
    for record in records:
        figures += len(
            import_text(record["content"], year=int(record["year"] or 2000), level="national").proposals
        )
    whole, whole_cpu = time.perf_counter() - start, time.process_time() - cpu
    characters = sum(len(r["content"]) for r in records)
    return {
        "one_report_chars": len(modern),
        "one_report_median_s": statistics.median(one),
        "one_report_median_cpu_s": statistics.median(one_cpu),
        "corpus_records": len(records),
        "corpus_chars": characters,
        "corpus_s": whole,
        "corpus_cpu_s": whole_cpu,
        "corpus_figures": figures,
        "load_average": load_before,
        "load_average_end": _load_average(),
        "cores": os.cpu_count(),
    }


def run(repeats: int = 5) -> dict[str, Any]:
    results: dict[str, Any] = {"linzi": linzi(), "gold": [], "speed": None}
    path = corpus_file()
    if path is None:
        return results
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_year = {int(r["year"]): r["content"] for r in records if r["year"]}
    results["gold"] = [gold_list(p, by_year) for p in GOLD]
    results["speed"] = speed(records, repeats)
    return results


def format_table(results: dict[str, Any], misses: bool = True) -> str:
    lines = ["Importer (issue 14)"]
    a = results["linzi"]
    lines.append(
        f"  Linzi: {a['gold']} hand-built figures, {a['proposed']} proposed; "
        f"recall {a['recall']:.1%}, precision {a['precision']:.1%} (value+unit+year+kind)"
    )
    if misses:
        lines += [f"    missed: {m}" for m in a["misses"]]
        lines += [f"    not in Linzi: {m}" for m in a["extra"]]
    for b in results["gold"]:
        lines.append(
            f"  gold {b['year']}: {b['gold']} figures, {b['proposed']} proposed, {b['found']} found; "
            f"recall {b['recall']:.1%}, precision {b['precision']:.1%}; on found: year {b['year_right']}/"
            f"{b['found']} = {b['year_accuracy']:.2%}, kind {b['kind_right']}/{b['found']} = "
            f"{b['kind_accuracy']:.2%}, modifier {b['modifier_accuracy']:.1%}; "
            f"recall with year+kind right {b['strict_recall']:.1%}"
        )
        if misses:
            lines += [f"    missed: {m}" for m in b["misses"]]
            lines += [f"    typed differently: {m}" for m in b["wrong"]]
    s = results["speed"]
    if s:
        lines.append(
            f"  speed: one report ({s['one_report_chars']:,} chars) {s['one_report_median_s'] * 1000:.0f} ms "
            f"wall, {s['one_report_median_cpu_s'] * 1000:.0f} ms CPU (target < 1 s); whole corpus "
            f"({s['corpus_records']} records, {s['corpus_chars']:,} chars, "
            f"{s['corpus_figures']:,} proposals) {s['corpus_s']:.1f} s wall, {s['corpus_cpu_s']:.1f} s CPU "
            f"(target < 30 s); load average "
            f"{s['load_average']} → {s['load_average_end']} on {s['cores']} cores"
        )
    return "\n".join(lines)
