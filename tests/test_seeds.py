"""The two seed articles against their hand-annotated facts (tests/seeds/expected_facts.yaml).

Compared in full: a fact counts as found only when its span, text and every annotated field
match. Precision and recall are reported for each seed and must both reach the bar.
"""
from __future__ import annotations

import datetime

import pytest

import factkit
from conftest import SEEDS, as_decimal, load_yaml

EXPECTED = load_yaml("seeds/expected_facts.yaml")["seeds"]
BAR = 0.95
FIGURE_FIELDS = ("text", "start", "end", "value", "low", "high", "qualifier", "kind", "unit")
DATE_FIELDS = ("first_day", "last_day", "granularity", "calendar", "relative")


def _figure_key(record) -> tuple:
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k)
    return tuple(as_decimal(get(k)) if k in ("value", "low", "high") else get(k)
                 for k in FIGURE_FIELDS)


def precision_recall(expected: list[tuple], found: list[tuple]) -> tuple[float, float]:
    hits = len(set(expected) & set(found))
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_figures(seed):
    annotation = EXPECTED[seed]
    text = (SEEDS / seed).read_text(encoding="utf-8")
    ref_date = annotation["ref_date"]
    assert isinstance(ref_date, datetime.date)
    doc = factkit.extract(text, ref_date=ref_date)
    expected = [_figure_key(f) for f in annotation["figures"]]
    found = [_figure_key(f) for f in doc.figures]
    precision, recall = precision_recall(expected, found)
    missing = sorted(set(expected) - set(found), key=lambda k: k[1])
    extra = sorted(set(found) - set(expected), key=lambda k: k[1])
    report = (f"{seed}: precision {precision:.3f}, recall {recall:.3f}\n"
              f"missing: {missing}\nextra: {extra}")
    print(report)
    assert precision >= BAR and recall >= BAR, report


def _span(record) -> tuple:
    return _get(record, "start"), _get(record, "end"), _get(record, "text")


def _get(record, key):
    return record[key] if isinstance(record, dict) else getattr(record, key)


def compare(seed: str, kind: str, fields: tuple[str, ...]) -> tuple[float, float, float, str]:
    """Span precision and recall of ``kind`` in a seed, and how many of the mentions found
    at the right span also have the annotated ``fields``; with a report of the differences."""
    annotation = EXPECTED[seed]
    text = (SEEDS / seed).read_text(encoding="utf-8")
    doc = factkit.extract(text, ref_date=annotation["ref_date"])

    def values(record) -> tuple:
        return tuple(list(v) if isinstance(v := _get(record, f), (list, tuple)) else v
                     for f in fields)

    expected = {_span(r): values(r) for r in annotation[kind]}
    found = {_span(r): values(r) for r in getattr(doc, kind)}
    precision, recall = precision_recall(list(expected), list(found))
    matched = set(expected) & set(found)
    wrong = sorted((span, expected[span], found[span]) for span in matched
                   if expected[span] != found[span])
    agreement = 1 - len(wrong) / len(matched) if matched else 1.0
    report = (f"{seed}: {kind} precision {precision:.3f}, recall {recall:.3f}, "
              f"{'/'.join(fields)} right on {agreement:.3f}\n"
              f"missing: {sorted(set(expected) - set(found))}\n"
              f"extra: {sorted(set(found) - set(expected))}\nwrong: {wrong}")
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
    precision, recall, right, report = compare(seed, "places", ("name", "level", "code", "path"))
    assert precision >= BAR and recall >= BAR and right >= BAR, report


ORG_BAR = 0.90


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_organizations(seed):
    """Organizations: exact-span precision and recall >= 0.90; kind and place right on
    >= 95 % of the matched spans."""
    precision, recall, right, report = compare(seed, "organizations", ("kind", "place"))
    assert precision >= ORG_BAR and recall >= ORG_BAR and right >= BAR, report


def test_annotation_spans_match_the_seed_text():
    """The annotation itself is consistent: every span holds its text (minus layout breaks)."""
    for seed, annotation in EXPECTED.items():
        text = (SEEDS / seed).read_text(encoding="utf-8")
        for fact in (annotation["figures"] + annotation["dates"] + annotation["places"]
                     + annotation["organizations"]):
            written = text[fact["start"]:fact["end"]]
            assert "".join(written.split()) == "".join(fact["text"].split()), (seed, fact)
