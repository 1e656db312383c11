"""Bad input gets a clear message naming the file and the place, never a crash."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import loader
from desktop_app.core.loader import DatasetError, load_report
from tests.conftest import DatasetWriter


def _error(path: Path, **kwargs: Any) -> DatasetError:
    with pytest.raises(DatasetError) as info:
        load_report(path, **kwargs)
    assert str(path) in str(info.value)
    return info.value


def test_loads_the_bundled_report() -> None:
    report = load_report()
    assert report.id == "linzi-2024"
    assert len(report.goal_areas) == 8


def test_the_window_builds_the_bundled_report_unchecked_exactly_as_checked() -> None:
    # load_report(trust_bundled=True) skips the checks for the bundled file whose SHA-256 is pinned
    # (tests/core/test_bundled_dataset.py checks that file in full): the same report either way.
    assert load_report(trust_bundled=True) == load_report()


def test_a_changed_bundled_file_is_checked_in_full_even_when_trusted(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = copy.deepcopy(bundled_json)
    document["metadata"]["year"] = 2024.0  # JSON Schema takes 2024.0 for an integer; the loader must not
    changed = write_dataset(document)
    monkeypatch.setattr(loader, "bundled_dataset_path", lambda: changed)
    with pytest.raises(DatasetError, match=r"\$\.metadata\.year.*expected an integer, found 2024\.0"):
        load_report(trust_bundled=True)


def test_a_valid_copy_loads(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    assert load_report(write_dataset(bundled_json)).id == "linzi-2024"


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in str(_error(tmp_path / "nope.json"))


def test_directory(tmp_path: Path) -> None:
    assert "found a directory" in str(_error(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads any file")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    assert "no permission" in str(_error(path))


def test_unreadable_as_root_is_still_a_dataset_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.json"
    path.write_text("{}", encoding="utf-8")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", deny)  # the loader opens with os.open (non-blocking)
    assert "no permission" in str(_error(path))


def test_gbk_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('{"id": "临淄"}'.encode("gbk"))
    message = str(_error(path))
    assert "not valid UTF-8" in message and "line 1" in message and "GBK" in message


def test_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf{}")
    assert "byte-order mark" in str(_error(path))


def test_malformed_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "id": "x",\n  "format" "y"\n}', encoding="utf-8")
    message = str(_error(path))
    assert "line 3, column 12" in message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(tmp_path: Path, constant: str) -> None:
    path = tmp_path / "nan.json"
    path.write_text(f'{{\n "value": {constant}\n}}', encoding="utf-8")
    message = str(_error(path))
    assert f"$.value: {constant} is not a number JSON allows" in message  # its path, not a line


def test_duplicate_keys(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"id": "a", "id": "b"}', encoding="utf-8")
    assert "duplicate key 'id'" in str(_error(path))


def test_absurd_size(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2048)
    assert "limit" in str(_error(path, max_bytes=1024))


def test_schema_violations_are_collected_with_paths(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["indicators"][3]["value"] = "2504"
    doc["indicators"][5]["kind"] = "guess"
    del doc["goal_areas"][0]["title"]
    error = _error(write_dataset(doc))
    wheres = {p.where for p in error.problems}
    assert {"$.indicators[3].value", "$.indicators[5].kind", "$.goal_areas[0]"} <= wheres
    assert '"2504" is not of type "number"' in str(error)


def test_dangling_references(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["indicators"][0]["goal_links"][0]["goal"] = "g99"
    doc["indicators"][1]["sections"] = ["sec-nowhere"]
    doc["derived"][0]["inputs"][0]["indicator"] = "ind-missing"
    doc["quotes"][0]["span"]["paragraph"] = "p999"
    error = _error(write_dataset(doc))
    message = str(error)
    assert "$.indicators[0].goal_links[0].goal: expected a goal area id, found 'g99'" in message
    assert "$.indicators[1].sections[0]: expected a section id, found 'sec-nowhere'" in message
    assert "$.derived[0].inputs[0].indicator" in message
    assert "$.quotes[0].span.paragraph: expected a paragraph id, found 'p999'" in message


def test_duplicate_ids(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["quotes"][1]["id"] = doc["indicators"][0]["id"]
    assert "$.quotes[1].id: id 'ind-industrial-output' is already used at $.indicators[0].id" in str(
        _error(write_dataset(doc))
    )


def test_span_mismatch(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["indicators"][0]["span"]["text"] = "2505亿元"
    doc["indicators"][1]["span"]["end"] = 100000
    message = str(_error(write_dataset(doc)))
    assert "$.indicators[0].span.text: expected '2504亿元'" in message
    assert "$.indicators[1].span: expected 0 ≤ start ≤ end" in message


def test_repaired_text_must_follow_from_raw_and_repairs(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    paragraph = doc["paragraphs"][6]
    paragraph["text"] = paragraph["text"].replace("2504", "2540")  # a silent "fix"
    message = str(_error(write_dataset(doc)))
    assert "$.paragraphs[6].text: expected the raw segments with their repairs" in message


def test_dropping_raw_text_silently_is_refused(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["repairs"] = [r for r in doc["repairs"] if r["kind"] != "drop"]
    assert "is in no paragraph and no drop repair" in str(_error(write_dataset(doc)))


def test_derived_values_must_recompute(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["derived"][0]["value"] = 7000
    doc["derived"][1]["formula"] = "a / 0 + b"
    message = str(_error(write_dataset(doc)))
    assert "$.derived[0].value: expected 7154" in message
    assert "$.derived[1].formula: division by zero" in message


def test_source_hash_and_missing_source(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["source"]["sha256"] = "0" * 64
    assert "$.source.sha256: expected the raw file's SHA-256" in str(_error(write_dataset(doc)))
    doc["source"]["file"] = "source/missing.txt"
    assert "$.source.file" in str(_error(write_dataset(doc)))


def test_source_outside_the_dataset_folder_is_refused(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["source"]["file"] = "../../etc/passwd"
    assert "$.source.file" in str(_error(write_dataset(doc)))


def test_unlinked_goal_area(write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    doc = copy.deepcopy(bundled_json)
    for collection in ("sections", "indicators", "derived", "quotes", "entities"):
        for item in doc[collection]:
            item["goal_links"] = [link for link in item["goal_links"] if link["goal"] != "g7-culture"]
    assert "goal area 'g7-culture' is not linked from anything" in str(_error(write_dataset(doc)))


def test_many_problems_are_reported_together_but_capped(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    for indicator in doc["indicators"]:
        indicator["span"]["text"] = "x"
    error = _error(write_dataset(doc))
    assert len(error.problems) == len(doc["indicators"])
    doc["repairs"] = [dict(r, raw_text="?") for r in doc["repairs"]] * 3
    assert len(_error(write_dataset(doc)).problems) <= 50


def test_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([1, 2]), encoding="utf-8")
    assert '$: [1,2] is not of type "object"' in str(_error(path))


def test_schema_is_valid_draft_2020_12_and_both_validators_agree(bundled_json: dict[str, Any]) -> None:
    import jsonschema

    from desktop_app.core.resources import schema_path

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    reference = jsonschema.Draft202012Validator(schema)
    assert reference.is_valid(bundled_json)
    broken = copy.deepcopy(bundled_json)
    broken["indicators"][0]["year"] = 1066
    assert not reference.is_valid(broken)
    with pytest.raises(DatasetError):
        load_report_from(broken)


def load_report_from(document: dict[str, Any]) -> None:
    import tempfile

    from desktop_app.core.resources import data_path

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "source").mkdir()
        (Path(tmp) / "source" / "linzi-2024-article.raw.txt").write_bytes(
            data_path("source/linzi-2024-article.raw.txt").read_bytes()
        )
        path = Path(tmp) / "d.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        load_report(path)


def test_importer_repair_kinds_substitute_and_drop(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    # The page number and the banner become importer repairs: furniture drops, a linebreak substitution.
    for repair in doc["repairs"]:
        if repair["id"] == "r003":
            repair["kind"] = "furniture"
    load_report(write_dataset(doc))
    punctuation = next(r for r in doc["repairs"] if r["kind"] == "punctuation")
    punctuation["kind"] = "digits"
    load_report(write_dataset(doc))
    punctuation["result"] = "X"  # a substitution the paragraph does not show is refused
    assert "expected the raw segments with their repairs" in str(_error(write_dataset(doc)))


def test_report_specific_wording_is_checked(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["metadata"]["presentation"]["goal_label"] = "坚定不移{steadfast}"
    doc["metadata"]["presentation"]["overview_section"] = "sec-nowhere"
    message = str(_error(write_dataset(doc)))
    assert "$.metadata.presentation.goal_label: expected a label using only {title} and {lead}" in message
    assert "$.metadata.presentation.overview_section: expected a section id, found 'sec-nowhere'" in message


def test_report_specific_wording_has_generic_defaults(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    del doc["metadata"]["presentation"]
    presentation = load_report(write_dataset(doc)).metadata.presentation
    assert presentation.goal_label == "{title}" and presentation.overview_section is None


# --- format 2: new checks and defaults --------------------------------------------------------------


def _repair(doc: dict[str, Any], **match: Any) -> dict[str, Any]:
    return next(r for r in doc["repairs"] if all(r.get(k) == v for k, v in match.items()))


def test_an_older_format_version_is_refused_by_name(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["format_version"] = 1
    message = str(_error(write_dataset(doc)))
    assert "$.format_version: format_version 1 is not read by this version of the app" in message


def test_a_derived_figure_needs_a_scope_of_its_own_inputs(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["derived"][0]["scope"] = "nation"
    message = str(_error(write_dataset(doc)))
    assert (
        "$.derived[0].scope: expected the scope of one of its inputs (city, district), found 'nation'"
        in message
    )


def test_a_derived_range_rounded_inward_is_refused(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["derived"][0]["range"] = [7052, 7259]  # 7259.42 rounded to nearest: inside the true range
    message = str(_error(write_dataset(doc)))
    assert "$.derived[0].range: expected [7052.0, 7260.0]" in message and "rounded outward" in message


def test_a_punctuation_repair_never_deletes(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    comma = next(r for r in doc["repairs"] if r["kind"] == "punctuation")
    comma["result"] = ""
    assert "never deletes a source character" in str(_error(write_dataset(doc)))


def test_a_misreading_covers_the_whole_word_across_a_column_break(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    garbled = _repair(doc, raw_text="新开壶|力企业")
    index = doc["repairs"].index(garbled)
    # The old reading: only the piece before the break.
    garbled["raw_spans"] = garbled["raw_spans"][:1]
    garbled["raw_text"] = "新开壶"
    garbled["span"]["end"] -= 3
    garbled["span"]["text"] = "新开壶"
    message = str(_error(write_dataset(doc)))
    assert f"$.repairs[{index}].raw_spans: the misread text '新开壶' stops at a column break" in message


def test_a_misreading_lists_every_raw_piece(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    garbled = _repair(doc, raw_text="新开壶|力企业")
    garbled["raw_text"] = "新开壶力企业"
    assert "expected '新开壶|力企业' (the raw text at" in str(_error(write_dataset(doc)))


def test_a_quoted_goal_sentence_must_be_the_sources_words(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["goal_areas"][1]["sentence"] = "临淄要坚定不移强动力。"
    message = str(_error(write_dataset(doc)))
    assert "$.goal_areas[1].sentence: expected the source's words" in message
    doc["goal_areas"][1]["sentence_basis"] = "paraphrase"
    assert load_report(write_dataset(doc)).goal_areas[1].sentence == "临淄要坚定不移强动力。"


def test_a_goal_area_saying_why_it_has_no_figures_has_none(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    """Issue 12, point 9: the note "the article states no figures" may not stand beside a linked figure."""
    doc = copy.deepcopy(bundled_json)
    g7 = next(i for i, g in enumerate(doc["goal_areas"]) if g["id"] == "g7-culture")
    assert load_report(write_dataset(doc)).goal_areas[g7].no_figures_note
    link = {"goal": "g7-culture", "basis": "editorial"}
    doc["indicators"][0]["goal_links"].append(link)
    for section in doc["sections"]:  # its sections link what it links
        if section["id"] in doc["indicators"][0]["sections"]:
            section["goal_links"].append(link)
    message = str(_error(write_dataset(doc)))
    assert (
        f"$.goal_areas[{g7}].no_figures_note: expected no figure linked to a goal area whose note" in message
    )
    for goal in doc["goal_areas"]:  # defaults: no note
        goal.pop("no_figures_note", None)
        goal.pop("no_figures_note_en", None)
    assert load_report(write_dataset(doc)).goal_areas[g7].no_figures_note == ""


def test_a_section_links_what_its_members_link(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    index = next(i for i, s in enumerate(doc["sections"]) if s["id"] == "sec-results-2023")
    doc["sections"][index]["goal_links"] = [
        link for link in doc["sections"][index]["goal_links"] if link["goal"] != "g3-vitality"
    ]
    message = str(_error(write_dataset(doc)))
    assert f"$.sections[{index}].goal_links: expected a link to goal area 'g3-vitality'" in message


def test_optional_fields_get_their_defaults(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    meta = doc["metadata"]
    for key in ("level", "presentation", "title_en"):
        del meta[key]
    meta["region"] = {"city": "淄博市"}
    meta["article"] = None
    meta["source_citation"] = "《政府工作报告》全文"
    for goal in doc["goal_areas"]:
        del goal["lead"], goal["title_en"], goal["sentence_basis"]
    for ind in doc["indicators"]:
        for key in ("unit_normalised", "factor", "denominator", "lower_is_better", "headline", "name_en"):
            ind.pop(key, None)
    for entity in doc["entities"]:
        for key in ("roles", "note", "note_en"):
            entity.pop(key, None)
    report = load_report(write_dataset(doc))
    assert report.metadata.level == "district" and report.metadata.region.name == "淄博市"
    assert report.metadata.article is None and report.metadata.citation == "《政府工作报告》全文"
    assert report.metadata.presentation.goal_label == "{title}"
    ind = report.indicators[0]
    assert (ind.unit_normalised, ind.factor, ind.review) == (ind.unit, 1, "confirmed")
    assert report.goal_areas[0].lead == "" and report.goal_areas[0].sentence_basis == "quote"


def test_without_an_article_a_citation_is_needed(
    write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    doc = copy.deepcopy(bundled_json)
    doc["metadata"]["article"] = None
    assert "$.metadata.source_citation: expected a citation of the source" in str(_error(write_dataset(doc)))
