"""The traditional-script corpus (tests/corpus/traditional.yaml), per extractor.

Each phrase is checked with the same comparison as the simplified corpus of its extractor;
and every phrase must give the same records as its folded (simplified) form, but for `text`:
so no canonical field is built from the characters as written.
"""
from __future__ import annotations

import pytest

import factkit
from conftest import load_yaml
from factkit.normalize import fold
from test_corpus import _check_figures
from test_dates import _check as _check_dates
from test_places import _check as _check_places

CORPUS = load_yaml("corpus/traditional.yaml")
REF = CORPUS["ref"]
KINDS = ("figures", "dates", "places", "organizations")


def _check_organizations(text: str, expected: list[dict]) -> None:
    doc = factkit.extract(text)
    got = [o.text for o in doc.organizations]
    assert got == [e["text"] for e in expected], f"organizations in {text!r}: {doc.organizations}"
    for org, want in zip(doc.organizations, expected):
        assert "".join(text[org.start:org.end].split()) == "".join(org.text.split())
        assert org.kind == want["kind"], org
        assert org.place == want.get("place"), org


def _check(kind: str, case: dict) -> None:
    if kind == "figures":
        _check_figures(case["in"], case["out"])
    elif kind == "dates":
        _check_dates(case["in"], case.get("ref", REF), case["out"])
    elif kind == "places":
        _check_places(case["in"], case["out"])
    else:
        _check_organizations(case["in"], case["out"])


POSITIVE = [(kind, case) for kind in KINDS for case in CORPUS[kind]["positive"]]
NEGATIVE = [(kind, text) for kind in KINDS for text in CORPUS[kind]["negative"]]


@pytest.mark.parametrize("kind,case", POSITIVE, ids=lambda x: x if isinstance(x, str) else x["in"])
def test_traditional_phrases(kind, case):
    _check(kind, case)


@pytest.mark.parametrize("kind,text", NEGATIVE)
def test_traditional_negatives(kind, text):
    found = [r.text for r in getattr(factkit.extract(text, ref_date=REF), kind)]
    assert found == [], f"expected no {kind} in {text!r}, got {found}"


@pytest.mark.parametrize("text", sorted({case["in"] for _, case in POSITIVE}
                                        | {text for _, text in NEGATIVE}))
def test_same_records_as_the_folded_text(text):
    # fields "as written" (a figure's measure, an organization's name) keep the script of
    # the input; every other field is the same
    as_written = {"measure", "name"}

    def records(doc):
        dumps = []
        for kind in KINDS:
            for record in getattr(doc, kind):
                dump = record.model_dump(exclude={"text"})
                for field in as_written & dump.keys():
                    if kind != "places" and dump[field] is not None:
                        dump[field] = fold(dump[field])
                dumps.append(dump)
        return dumps

    assert records(factkit.extract(text, ref_date=REF)) == \
        records(factkit.extract(fold(text), ref_date=REF))


@pytest.mark.parametrize("case", CORPUS["region"], ids=lambda c: c["in"])
def test_region_conventions(case):
    _check(case["extractor"], case)


def test_corpus_is_large_enough():
    assert len(POSITIVE) >= 90 and len(NEGATIVE) >= 20
    for kind in KINDS:
        assert len(CORPUS[kind]["positive"]) >= 15, kind
