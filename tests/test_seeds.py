"""The two seed articles against their hand-annotated facts (tests/seeds/expected_facts.yaml).

Compared in full: a fact counts as found only when its span, text and every annotated field
match. Precision and recall are reported for each seed and must both reach the bar.
"""
from __future__ import annotations

import datetime

import pytest

import factkit
from conftest import SEEDS, load_yaml
from fact_compare import DATE_FIELDS, ORGANIZATION_FIELDS, PLACE_FIELDS, figure_key
from fact_compare import compare as compare_facts
from fact_compare import precision_recall

EXPECTED = load_yaml("seeds/expected_facts.yaml")["seeds"]
BAR = 0.95


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_figures(seed):
    annotation = EXPECTED[seed]
    text = (SEEDS / seed).read_text(encoding="utf-8")
    ref_date = annotation["ref_date"]
    assert isinstance(ref_date, datetime.date)
    doc = factkit.extract(text, ref_date=ref_date)
    expected = [figure_key(f) for f in annotation["figures"]]
    found = [figure_key(f) for f in doc.figures]
    precision, recall = precision_recall(expected, found)
    missing = sorted(set(expected) - set(found), key=lambda k: k[1])
    extra = sorted(set(found) - set(expected), key=lambda k: k[1])
    report = (f"{seed}: precision {precision:.3f}, recall {recall:.3f}\n"
              f"missing: {missing}\nextra: {extra}")
    print(report)
    assert precision >= BAR and recall >= BAR, report


def compare(seed: str, kind: str, fields: tuple[str, ...]) -> tuple[float, float, float, str]:
    """Span precision and recall of ``kind`` in a seed, and how many of the mentions found
    at the right span also have the annotated ``fields``; with a report of the differences."""
    annotation = EXPECTED[seed]
    text = (SEEDS / seed).read_text(encoding="utf-8")
    doc = factkit.extract(text, ref_date=annotation["ref_date"])
    precision, recall, agreement, report = compare_facts(seed, kind, annotation[kind],
                                                         getattr(doc, kind), fields)
    print(report)
    return precision, recall, agreement, report


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_dates(seed):
    """Dates: span precision and recall >= 0.95; resolution right on >= 95 %."""
    precision, recall, resolved, report = compare(seed, "dates", DATE_FIELDS)
    assert precision >= BAR and recall >= BAR and resolved >= BAR, report


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_places(seed):
    """Places: span precision and recall >= 0.95; name and code right on >= 95 %."""
    precision, recall, right, report = compare(seed, "places", PLACE_FIELDS)
    assert precision >= BAR and recall >= BAR and right >= BAR, report


ORG_BAR = 0.90


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_organizations(seed):
    """Organizations: exact-span precision and recall >= 0.90; kind and place right on
    >= 95 % of the matched spans."""
    precision, recall, right, report = compare(seed, "organizations", ORGANIZATION_FIELDS)
    assert precision >= ORG_BAR and recall >= ORG_BAR and right >= BAR, report


def test_annotation_spans_match_the_seed_text():
    """The annotation itself is consistent: every span holds its text (minus layout breaks)."""
    for seed, annotation in EXPECTED.items():
        text = (SEEDS / seed).read_text(encoding="utf-8")
        for fact in (annotation["figures"] + annotation["dates"] + annotation["places"]
                     + annotation["organizations"]):
            written = text[fact["start"]:fact["end"]]
            assert "".join(written.split()) == "".join(fact["text"].split()), (seed, fact)
