"""The organizations corpus (tests/corpus/orgs.yaml): exact spans, kinds and places."""
from __future__ import annotations

import pytest

import factkit
from conftest import load_yaml

ORGS = load_yaml("corpus/orgs.yaml")


@pytest.mark.parametrize("case", ORGS["positive"], ids=lambda c: c["in"])
def test_organizations(case):
    text = case["in"]
    doc = factkit.extract(text)
    got = [o.text for o in doc.organizations]
    assert got == [e["text"] for e in case["out"]], f"organizations in {text!r}: {doc.organizations}"
    for org, want in zip(doc.organizations, case["out"]):
        assert "".join(text[org.start:org.end].split()) == "".join(org.text.split())
        assert org.kind == want["kind"], org
        assert org.place == want.get("place"), org
        assert org.name == org.text


@pytest.mark.parametrize("text", ORGS["negative"])
def test_no_organizations(text):
    found = [o.text for o in factkit.extract(text).organizations]
    assert found == [], f"expected no organization in {text!r}, got {found}"


def test_corpus_is_large_enough():
    assert len(ORGS["positive"]) + len(ORGS["negative"]) >= 150


def test_places_inside_organizations_are_places_too():
    doc = factkit.extract("娄星区人民医院")
    assert [o.text for o in doc.organizations] == ["娄星区人民医院"]
    assert [p.text for p in doc.places] == ["娄星区"]
