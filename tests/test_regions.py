"""A Taiwan and a Hong Kong news paragraph in traditional script (tests/regions/) against their
hand annotation (tests/regions/expected_facts.yaml), compared in full: a fact counts as found
only when its span, text and every annotated field agree. F1 per kind must reach the bar."""
from __future__ import annotations

import pytest

import factkit
from conftest import TESTS, load_yaml
from fact_compare import (DATE_FIELDS, FIGURE_FIELDS, ORGANIZATION_FIELDS, PLACE_FIELDS, f1,
                          strict_precision_recall)

EXPECTED = load_yaml("regions/expected_facts.yaml")["regions"]
FIELDS = {"figures": FIGURE_FIELDS, "dates": DATE_FIELDS, "places": PLACE_FIELDS,
          "organizations": ORGANIZATION_FIELDS}
BARS = {"figures": 0.90, "dates": 0.90, "places": 0.90, "organizations": 0.75}


def _text(region: str) -> str:
    return (TESTS / "regions" / region).read_text(encoding="utf-8")


# Known gaps, each a (region, kind) below its bar today; strict, so fixing one shows here.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def _cases():
    for region in sorted(EXPECTED):
        for kind in sorted(BARS):
            gap = KNOWN_GAPS.get((region, kind))
            marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
            yield pytest.param(region, kind, marks=marks, id=f"{region}-{kind}")


@pytest.mark.parametrize(("region", "kind"), list(_cases()))
def test_region_paragraph(region, kind):
    annotation = EXPECTED[region]
    doc = factkit.extract(_text(region), ref_date=annotation["ref_date"])
    found = getattr(doc, kind)
    precision, recall = strict_precision_recall(annotation[kind], found, FIELDS[kind])
    expected_spans = {(r["start"], r["end"]) for r in annotation[kind]}
    missed = [r["text"] for r in annotation[kind] if not _agrees(r, found, kind)]
    extra = [r.text for r in found if (r.start, r.end) not in expected_spans]
    report = (f"{region}: {kind} precision {precision:.3f}, recall {recall:.3f}, "
              f"F1 {f1(precision, recall):.3f}\nmissing or wrong: {missed}\nextra: {extra}")
    print(report)
    assert f1(precision, recall) >= BARS[kind], report


def _agrees(expected: dict, found: list, kind: str) -> bool:
    return strict_precision_recall([expected], found, FIELDS[kind])[1] == 1.0


def test_annotation_spans_match_the_text():
    for region, annotation in EXPECTED.items():
        text = _text(region)
        for kind in BARS:
            for fact in annotation[kind]:
                assert text[fact["start"]:fact["end"]] == fact["text"], (region, fact)
