"""The national review: decisions applied to importer datasets, corrections counted, bad decisions loud.

Synthetic datasets always run; the real review file against the real corpus runs when the corpus is
there (like the importer's corpus tests). Reports of 2022 and later are only imported, never used to
change the importer.
"""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.importer.dataset import DatasetOptions, to_dataset, written_modifier_meaning
from desktop_app.core.importer.pipeline import import_text
from desktop_app.core.loader import load_report
from tests.core.importer.conftest import corpus_file
from tools.national_review import (
    REVIEW_FILE,
    ReviewError,
    apply_review,
    correction_counts,
    load_decisions,
    load_qualitative,
    load_review,
    modifier_meaning,
    review_with_corrections,
)

TEXT = (
    "一、2018年工作回顾\n\n"
    "过去一年，国内生产总值增长6.9%，城镇新增就业1351万人。\n\n"
    "二、2019年工作总体部署\n\n"
    "今年发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇登记失业率4.5%以内；"
    "居民收入增长和经济增长基本同步。赤字率拟按2.8%安排。\n"
)


def _dataset() -> dict[str, Any]:
    return to_dataset(import_text(TEXT, year=2019, level="national"), DatasetOptions(source_file="x.txt"))


def _decision(snippet: str, figure: str, role: str = "target", **fields: Any) -> dict[str, Any]:
    base = {
        "name": "国内生产总值",
        "name_en": "GDP growth",
        "value": 6,
        "unit": "%",
        "year": 2019,
        "kind": "target",
        "modifier": "",
        "series": "gdp_growth",
    }
    return {"snippet": snippet, "figure": figure, "role": role, "fields": base | fields}


def _at(dataset: dict[str, Any], figure: str) -> list[dict[str, Any]]:
    return [i for i in dataset["indicators"] if i["span"]["text"] == figure]


def test_a_proposed_figure_is_confirmed_with_the_reviewed_fields_and_keeps_its_span() -> None:
    dataset = _dataset()
    untouched = copy.deepcopy(dataset)
    before = _at(dataset, "1100万人")[0]
    reviewed = apply_review(
        dataset,
        [
            _decision(
                "城镇新增就业1100万人以上",
                "1100万人以上",
                name="城镇新增就业",
                value=1100,
                unit="万人",
                modifier="以上",
                series="new_urban_jobs",
                name_en="new urban jobs",
            )
        ],
    )
    (after,) = _at(reviewed, "1100万人")
    assert after["review"] == "confirmed" and after["series"] == "new_urban_jobs"
    assert after["span"] == before["span"] and after["id"] == before["id"]
    assert after["modifier_meaning"] == "lower_bound" and after["unit_normalised"] == "人"
    assert after["factor"] == 10000 and after["headline"] is True
    assert dataset == untouched, "the input dataset is left as it was"


def test_changed_fields_are_counted_as_corrections() -> None:
    dataset = _dataset()
    # the reviewer writes a longer name than the importer's 赤字率
    decision = _decision("赤字率拟按2.8%安排", "2.8%", name="全国赤字率", value=2.8, series="deficit_ratio")
    proposed = _at(dataset, "2.8%")[0]
    proposed["series"] = "deficit_ratio"  # only the name differs
    _, corrections = review_with_corrections(dataset, [decision])
    assert proposed["name"] != "全国赤字率", "the importer names it otherwise (else this test tests nothing)"
    assert [(c.field, c.proposed, c.reviewed) for c in corrections] == [
        ("name", proposed["name"], "全国赤字率")
    ]
    assert correction_counts(corrections) == {"name": 1}


def test_a_figure_the_importer_missed_is_added_confirmed_with_its_sentence(
    caplog: pytest.LogCaptureFixture,
) -> None:
    dataset = _dataset()
    dataset["indicators"] = [i for i in dataset["indicators"] if i["span"]["text"] != "4.5%"]
    decision = _decision(
        "城镇登记失业率4.5%以内",
        "4.5%以内",
        name="城镇登记失业率",
        value=4.5,
        modifier="以内",
        series="urban_registered_unemployment",
    )
    with caplog.at_level(logging.INFO, logger="tools.national_review"):
        reviewed = apply_review(dataset, [decision])
    (added,) = _at(reviewed, "4.5%")
    assert added["review"] == "confirmed" and added["modifier_meaning"] == "upper_bound"
    paragraph = next(p for p in reviewed["paragraphs"] if p["id"] == added["span"]["paragraph"])
    assert paragraph["text"][added["span"]["start"] : added["span"]["end"]] == "4.5%"
    assert added["sentence"] == _at(reviewed, "1100万人")[0]["sentence"], "the importer's sentence"
    assert added["sentence"]["text"] == "城镇新增就业1100万人以上，城镇登记失业率4.5%以内；"
    ids = [i["id"] for i in reviewed["indicators"]]
    assert len(set(ids)) == len(ids)
    starts = [
        (i["span"]["paragraph"], i["span"]["start"]) for i in reviewed["indicators"] if i["span"]["paragraph"]
    ]
    assert starts == sorted(starts), "added figures stand in reading order"
    assert "added" in caplog.text


def test_a_range_is_two_decisions_one_per_end() -> None:
    reviewed = apply_review(
        _dataset(),
        [
            _decision("国内生产总值增长6%－6.5%", "6%", value=6),
            _decision("国内生产总值增长6%－6.5%", "6.5%", value=6.5),
        ],
    )
    values = sorted(i["value"] for i in reviewed["indicators"] if i["review"] == "confirmed")
    assert values == [6, 6.5]


def test_the_reviewed_dataset_loads(tmp_path: Path) -> None:
    result = import_text(TEXT, year=2019, level="national")
    (tmp_path / "x.txt").write_text(result.intake.raw, encoding="utf-8")
    dataset = to_dataset(result, DatasetOptions(source_file="x.txt"))
    dataset["indicators"] = [i for i in dataset["indicators"] if i["span"]["text"] != "4.5%"]
    decision = _decision(
        "城镇登记失业率4.5%以内",
        "4.5%以内",
        value=4.5,
        modifier="以内",
        series="urban_registered_unemployment",
    )
    (tmp_path / "r.json").write_text(json.dumps(apply_review(dataset, [decision]), ensure_ascii=False))
    report = load_report(tmp_path / "r.json")
    assert any(i.value == 4.5 for i in report.indicators)


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (_decision("国内生产总值增长7%", "7%", value=7), "found at no place"),
        (_decision("国内生产总值增长", "增长", value=6), "found at 2 places"),
        (_decision("增长6%－6.5%", "6.5%", value=6.4), "not the number written"),
        (_decision("增长6%－6.5%", "6", value=6), "occurs 2 times in the snippet"),
        (_decision("增长6%－6.5%", "6%－6.5%", value=6), "overlaps several proposed figures"),
        (_decision("增长6%－6.5%", "6%", role="goal", value=6), "role must be"),
        (_decision("增长6%－6.5%", "6%", modifier="大约", value=6), "unknown modifier word"),
        (_decision("增长6%－6.5%", "6%", series="GDP", value=6), "bad series key"),
        (_decision("增长6%－6.5%", "6%", kind="change", value=6), "a target's kind is target"),
    ],
)
def test_a_bad_decision_fails_naming_the_year_and_snippet(
    decision: dict[str, Any], message: str | None
) -> None:
    if message is None:
        apply_review(_dataset(), [_decision("增长6%－6.5%", "6%", role="outcome", kind="change", value=6)])
        return
    with pytest.raises(ReviewError, match=message) as raised:
        apply_review(_dataset(), [decision])
    assert "review of 2019" in str(raised.value) and repr(decision["snippet"]) in str(raised.value)


def test_two_decisions_for_one_figure_fail() -> None:
    decision = _decision("增长6%－6.5%", "6%", value=6)
    twin = copy.deepcopy(decision) | {"snippet": "国内生产总值增长6%"}
    with pytest.raises(ReviewError, match="second decision"):
        apply_review(_dataset(), [decision, twin])


@pytest.mark.parametrize(
    ("modifier", "meaning"),
    [
        ("", "exact"),
        ("左右", "approximate"),
        ("以上", "lower_bound"),
        ("以内", "upper_bound"),
        ("控制在", "upper_bound"),
        ("力争", "aspiration"),
        ("力争…以上", "aspiration_lower_bound"),
        ("控制在…左右", "upper_bound"),
    ],
)
def test_modifier_meanings_follow_the_guidelines(modifier: str, meaning: str) -> None:
    assert modifier_meaning(modifier) == meaning
    assert written_modifier_meaning(modifier) == meaning, "the review and the importer agree"


@pytest.mark.parametrize("modifier", ["大约", "约…", "力争…大约"])
def test_a_modifier_word_no_rule_knows_is_an_error(modifier: str) -> None:
    with pytest.raises(ValueError, match="unknown modifier word"):
        modifier_meaning(modifier)


def test_the_review_file_is_well_formed() -> None:
    document = load_review()
    assert document["note"]["method"]
    decisions = load_decisions()
    assert {2024, 2025} <= set(decisions)
    for year, items in decisions.items():
        for decision in items:
            # Reports of 1979–1982 were given late in the year: targets for the next, estimates for this.
            latest = year + 1 if decision["role"] == "target" else year
            assert year - 10 <= decision["fields"]["year"] <= latest, (year, decision["snippet"])
    for items in load_qualitative().values():
        for item in items:
            assert set(item) == {"snippet", "role", "year", "name", "series"}


def test_series_keys_are_in_the_series_table() -> None:
    table = REVIEW_FILE.parent.parent / "series.json"
    if not table.is_file():
        pytest.skip("data/series.json not built yet")
    text = table.read_text(encoding="utf-8")
    keys = {d["fields"]["series"] for items in load_decisions().values() for d in items}
    keys |= {q["series"] for items in load_qualitative().values() for q in items}
    missing = sorted(k for k in keys if f'"{k}"' not in text)
    assert not missing


@pytest.fixture(scope="module")
def corpus_texts() -> dict[int, str]:
    path = corpus_file()
    if path is None:
        pytest.skip("national corpus not found")
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {int(r["year"]): r["content"] for r in records if r["year"]}


def test_every_decision_applies_to_its_report_and_the_result_loads(
    corpus_texts: dict[int, str], tmp_path: Path
) -> None:
    confirmed = 0
    for year, decisions in load_decisions().items():
        result = import_text(corpus_texts[year], year=year, level="national")
        (tmp_path / "r.source.txt").write_text(result.intake.raw, encoding="utf-8")
        dataset = to_dataset(result, DatasetOptions(source_file="r.source.txt"))
        reviewed = apply_review(dataset, decisions)
        (tmp_path / "r.json").write_text(json.dumps(reviewed, ensure_ascii=False), encoding="utf-8")
        report = load_report(tmp_path / "r.json")
        assert sum(1 for i in report.indicators if i.headline) == len(decisions), year
        confirmed += sum(1 for i in reviewed["indicators"] if i["review"] == "confirmed")
        texts = [p["text"] for p in dataset["paragraphs"]]
        for item in load_qualitative().get(year, []):
            assert sum(t.count(item["snippet"]) for t in texts) == 1, (year, item["snippet"])
    assert confirmed == sum(len(d) for d in load_decisions().values())


def test_a_series_the_importer_did_not_propose_is_a_correction() -> None:
    dataset = _dataset()
    (proposed,) = _at(dataset, "2.8%")
    proposed.pop("series", None)
    decision = _decision(
        "赤字率拟按2.8%安排", "2.8%", name=proposed["name"], value=2.8, series="deficit_ratio"
    )
    _, corrections = review_with_corrections(dataset, [decision])
    assert [(c.field, c.proposed, c.reviewed) for c in corrections] == [("series", None, "deficit_ratio")]


def test_a_unit_written_in_full_width_is_not_a_correction() -> None:
    dataset = _dataset()
    (proposed,) = _at(dataset, "2.8%")
    proposed["unit"] = "％"
    proposed["series"] = "deficit_ratio"
    decision = _decision(
        "赤字率拟按2.8%安排", "2.8%", name=proposed["name"], value=2.8, series="deficit_ratio"
    )
    _, corrections = review_with_corrections(dataset, [decision])
    assert corrections == []


def test_one_number_stating_two_indicators_becomes_two_confirmed_indicators() -> None:
    m2 = _decision("赤字率拟按2.8%安排", "2.8%", name="赤字率", value=2.8, series="deficit_ratio")
    twin = _decision("赤字率拟按2.8%安排", "2.8%", name="赤字率", value=2.8, series="deficit_ratio.twin")
    twin["shares_figure"] = True
    reviewed, corrections = review_with_corrections(_dataset(), [m2, twin])
    first, second = _at(reviewed, "2.8%")
    assert (first["series"], second["series"]) == ("deficit_ratio", "deficit_ratio.twin")
    assert first["span"] == second["span"] and first["sentence"] == second["sentence"]
    assert first["id"] != second["id"] and second["review"] == "confirmed"
    assert reviewed["indicators"].index(second) == reviewed["indicators"].index(first) + 1
    assert [c.field for c in corrections].count("shared") == 1


def test_sharing_a_figure_no_decision_confirmed_fails() -> None:
    twin = _decision("赤字率拟按2.8%安排", "2.8%", value=2.8, series="deficit_ratio")
    twin["shares_figure"] = True
    with pytest.raises(ReviewError, match="no earlier decision confirmed"):
        apply_review(_dataset(), [twin])


def test_a_snippet_quoted_before_the_importer_repaired_its_number_still_applies() -> None:
    spaced = "一、1997年工作回顾\n\n去年经济增长8 ．8 ％，全社会固定资产投资增长1 0 ％。\n"
    dataset = to_dataset(
        import_text(spaced, year=1998, level="national"), DatasetOptions(source_file="x.txt")
    )
    assert [i["span"]["text"] for i in dataset["indicators"]] == ["8.8％", "10％"]
    reviewed = apply_review(
        dataset,
        [_decision("去年经济增长8 ．8 ％", "8 ．8 ％", role="outcome", value=8.8, year=1997, kind="change")],
    )
    (confirmed,) = [i for i in reviewed["indicators"] if i.get("review") == "confirmed"]
    assert (confirmed["span"]["text"], confirmed["value"]) == ("8.8％", 8.8)
