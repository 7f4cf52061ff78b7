"""The places corpus (tests/corpus/places.yaml) and the gazetteer's data."""
from __future__ import annotations

import pytest

import factkit
from conftest import load_yaml
from factkit.gazetteer import PLACEHOLDER_NAMES, gazetteer, is_statistical_code

PLACES = load_yaml("corpus/places.yaml")


def _check(text: str, expected: list[dict]) -> None:
    doc = factkit.extract(text)
    got = [p.text for p in doc.places]
    assert got == [e["text"] for e in expected], f"places in {text!r}: {doc.places}"
    for place, want in zip(doc.places, expected):
        assert "".join(text[place.start:place.end].split()) == "".join(place.text.split())
        for field, value in want.items():
            if field != "text":
                assert getattr(place, field) == value, f"{field} of {place.text!r}: {place!r}"
        if "candidates" not in want:
            assert place.candidates == [], place


@pytest.mark.parametrize("case", PLACES["positive"], ids=lambda c: c["in"])
def test_places(case):
    _check(case["in"], case["out"])


@pytest.mark.parametrize("text", PLACES["negative"])
def test_no_places(text):
    found = [p.text for p in factkit.extract(text).places]
    assert found == [], f"expected no place in {text!r}, got {found}"


def test_corpus_is_large_enough():
    assert len(PLACES["positive"]) + len(PLACES["negative"]) >= 150


def test_unresolved_places_say_why():
    place = factkit.extract("石井镇卫生院").places[0]
    assert place.code is None and len(place.candidates) == 4
    assert all(len(code) == 12 and code.isdigit() for code in place.candidates)


def test_gazetteer_is_complete_and_consistent():
    g = gazetteer()
    levels = {}
    for division in g.divisions.values():
        assert division.parent is None or division.parent in g.divisions
        if is_statistical_code(division.code):
            levels[division.level] = levels.get(division.level, 0) + 1
        else:  # Taiwan, Hong Kong, Macao: below the province, ids without NBS codes
            assert division.code.split("/")[0] in ("TW", "HK", "MO"), division
    # the row counts of the NBS 2023 edition (shared/data/admin_divisions/README.md)
    assert levels == {"province": 31, "prefecture": 342, "county": 2975, "township": 41351}
    assert g.path("431081110000") == ["湖南省", "郴州市", "资兴市"]
    assert g.path("110101000000") == ["北京市"]          # the 市辖区 placeholder is skipped
    assert not PLACEHOLDER_NAMES & set(g.by_name)
    assert g.villages_of("431081110000")["壁溪村"] == "431081110209"
    assert g.villages_of("431021003000")["沙坪村"] == "431021003207"  # 沙坪村村委会
