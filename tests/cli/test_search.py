"""``report-viewer search``: lines, JSON, no hits, a dataset that cannot be loaded."""

from __future__ import annotations

import io
import json
from pathlib import Path

from desktop_app.cli.console import Console, ExitStatus
from desktop_app.cli.search import marked_context, run_search
from desktop_app.core.loader import load_report
from desktop_app.core.resources import bundled_dataset_path
from desktop_app.core.search.index import SearchIndex
from tests.cli.runner import run


def search(query: str, dataset: str | None = None, as_json: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_search(query, dataset, as_json, Console(out), Console(err))
    return status, out.getvalue(), err.getvalue()


def test_marked_context() -> None:
    hit = next(h for h in SearchIndex.build(load_report()).search("說") if h.node_id == "p21")
    assert marked_context(hit, 2) == "如果【说】“功…"
    assert marked_context(hit, 40).startswith("如果【说】") and not marked_context(hit, 40).endswith("…")


def test_lines() -> None:
    status, out, _ = search("2504")
    assert status == 0
    lines = out.splitlines()
    assert lines
    assert lines[0].startswith("ind-industrial-output\tindicator\tvalue\t")
    assert all("【2504】" in line for line in lines)


def test_json() -> None:
    status, out, _ = search("說", str(bundled_dataset_path()), True)
    assert status == 0
    records = json.loads(out)
    assert {"node_id", "kind", "field", "start", "end", "match", "context"} <= set(records[0])
    assert any(r["node_id"] == "p21" and "【说】" in r["context"] for r in records)


def test_no_hits() -> None:
    status, out, _ = search("琳淄")
    assert status == ExitStatus.NO_HITS
    assert "linzi" in out
    status, out, _ = search("北京上海", as_json=True)
    assert status == 1
    assert json.loads(out) == []


def test_a_dataset_that_cannot_be_loaded_is_a_message_and_its_own_status(tmp_path: Path) -> None:
    # Before: a DatasetError traceback, and the same status as "no hits" could not have told them apart.
    missing = tmp_path / "missing.json"
    status, out, err = run("search", "临淄", "--dataset", str(missing))
    assert status == ExitStatus.DATASET and not out
    assert err.startswith(f"{missing}: 1 problem") and "Traceback" not in err
    broken = tmp_path / "broken.json"
    broken.write_text("[", encoding="utf-8")
    status, out, err = run("search", "临淄", "--dataset", str(broken), "--json")
    assert status == 3 and not out and "malformed JSON" in err


def test_very_long_queries_are_answered_not_a_traceback() -> None:
    # Before: RecursionError tracebacks for ~250+ Latin letters or a long Han phrase.
    for query in ("a" * 300, "lz" * 200, '"' + "临淄发展" * 80 + '"'):
        status, out, err = run("search", query)
        assert status == ExitStatus.NO_HITS, (query[:10], err[-300:])
        assert "Traceback" not in err and out.startswith("No hits for “")


def test_snippets_never_cut_a_number_and_suggestions_all_find_something() -> None:
    status, out, _ = search("亿元")
    assert status == 0
    for line in out.splitlines():
        context = line.split("\t")[3]
        assert "…." not in context and not context.startswith(".")
        assert "【" in context
    status, out, _ = search("临淄 qqqq")
    assert status == ExitStatus.NO_HITS
    assert out.splitlines() == ["No hits for “临淄 qqqq”.", "Did you mean “临淄”, “linzi”?"]
