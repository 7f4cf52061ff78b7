"""The organizations corpus (tests/corpus/orgs.yaml): exact spans, kinds and places."""
from __future__ import annotations

from typing import get_args

import pytest

import factkit
from factkit.lexicon import read_lines, read_table
from factkit.models import OrganizationKind
from factkit.normalize import fold
from factkit.orgs.lexicon import suffix_kinds, suffix_needs
from conftest import load_yaml

ORGS = load_yaml("corpus/orgs.yaml")


def _check(case) -> list:
    text = case["in"]
    doc = factkit.extract(text)
    got = [o.text for o in doc.organizations]
    assert got == [e["text"] for e in case["out"]], f"organizations in {text!r}: {doc.organizations}"
    for org, want in zip(doc.organizations, case["out"]):
        assert "".join(text[org.start:org.end].split()) == "".join(org.text.split())
        assert org.kind == want["kind"], org
        assert org.place == want.get("place"), org
    return doc.organizations


@pytest.mark.parametrize("case", ORGS["positive"], ids=lambda c: c["in"])
def test_organizations(case):
    for org in _check(case):
        assert org.name == org.text


# the traditional cases need normalize to fold every character, not only numerals and units
_FOLDS_ALL = fold("經濟國黨會縣醫總隊") == "经济国党会县医总队"


@pytest.mark.skipif(not _FOLDS_ALL, reason="normalize folds only some traditional characters")
@pytest.mark.parametrize("case", ORGS["traditional"], ids=lambda c: c["in"])
def test_traditional_script(case):
    _check(case)


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


# --- the data behind the lexicon

KINDS = set(get_args(OrganizationKind))


def test_named_bodies_table():
    rows = read_table("org_names.tsv")
    assert len(rows) >= 450
    seen: dict[str, str] = {}
    for row in rows:
        assert row["kind"] in KINDS, row
        for name in [row["name"], *filter(None, row["aliases"].split(",")),
                     *filter(None, row["short"].split(","))]:
            # one name, one body: an alias listed for two bodies would make the first win
            assert seen.setdefault(name, row["name"]) == row["name"], (name, row["name"])
    by_name = {row["name"]: row for row in rows}
    assert by_name["国务院"]["place"] == "中华人民共和国"
    assert by_name["行政院"]["place"] == "台湾省"
    assert by_name["廉政公署"]["place"] == "香港特别行政区"
    assert "发改委" in by_name["国家发展和改革委员会"]["short"].split(",")


def test_universities_table():
    rows = read_table("org_universities.tsv")
    assert len(rows) >= 2500
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    assert {"北京大学", "湘南学院", "中南大学"} <= set(names)
    assert all(row["place"] and row["level"] in ("undergraduate", "vocational") for row in rows)


def test_suffixes_and_department_stems():
    kinds = suffix_kinds()
    assert all(kind in KINDS for kind in kinds.values())
    assert kinds["住建局"] == kinds["应急管理厅"] == kinds["消防救援支队"] == "government"
    assert "数据中心" not in kinds  # a facility: 中心 goes only with the stems of a service
    assert all(needs in ("place", "country") for needs in suffix_needs().values())


def test_brands_are_not_common_words():
    brands = set(read_lines("company_brands.txt"))
    assert len(brands) >= 250
    assert not {"联想", "浪潮", "小米", "三星", "奔驰"} & brands


def test_a_long_run_of_one_name_stays_linear():
    text = "国务院、新华社、" * 20_000
    doc = factkit.extract(text)
    assert len(doc.organizations) == 40_000
