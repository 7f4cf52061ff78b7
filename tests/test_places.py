"""The places corpus (tests/corpus/places.yaml) and the gazetteer's data."""
from __future__ import annotations

from importlib import resources

import pytest

import factkit
from conftest import load_yaml
from factkit.gazetteer import PLACEHOLDER_NAMES, boundary_words, gazetteer, is_statistical_code
from factkit.lexicon import read_table
from factkit.normalize import fold

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


def test_world_data_is_complete_and_consistent():
    g = gazetteer()
    rows = read_table("world.tsv")
    countries = {r["official"] for r in rows if r["level"] == "country"}
    assert len(countries) >= 190 and {"美国", "马里", "南非", "蒙古"} <= countries
    cities = [r for r in rows if r["level"] == "city"]
    assert len({r["official"] for r in cities}) >= 500
    for row in rows:
        assert row["level"] in ("country", "continent", "region", "province", "city"), row
        assert not row["country"] or row["country"] in countries, row
        assert row["name"] not in g.by_name, row  # a Chinese division's name is never foreign
    capitals = {"东京", "首尔", "平壤", "华盛顿", "伦敦", "巴黎", "柏林", "莫斯科", "开罗",
                "新德里", "伊斯兰堡", "德黑兰", "巴格达", "河内", "曼谷", "仰光", "万象", "金边",
                "雅加达", "马尼拉", "堪培拉", "渥太华", "巴西利亚", "布宜诺斯艾利斯", "内罗毕",
                "亚的斯亚贝巴", "阿布贾", "比勒陀利亚", "巴马科", "基辅", "明斯克", "华沙"}
    assert capitals <= {r["name"] for r in cities}, capitals - {r["name"] for r in cities}
    header = resources.files("factkit").joinpath("data", "world.tsv").read_text("utf-8")[:600]
    assert "CLDR" in header and "GeoNames" in header and "do not edit" in header


def test_taiwan_hong_kong_macao_divisions():
    g = gazetteer()
    taiwan = [d for d in g.divisions.values() if d.code.startswith("TW/")]
    counties = [d for d in taiwan if d.level == "prefecture"]
    # 22 municipalities, counties and cities; 金门县 and 连江县 are in the NBS tables already
    assert len(counties) == 20 and len(taiwan) >= 360
    assert g.path("TW/台北市/大安区") == ["台湾省", "台北市"]
    hong_kong = [d for d in g.divisions.values() if d.parent == "HK" and d.level == "county"]
    assert len(hong_kong) == 18
    assert len([d for d in g.divisions.values() if d.parent == "MO" and d.level == "county"]) == 7
    assert g.by_name["金门县"] == ["350527000000"]


def test_one_character_forms_point_to_known_places():
    g = gazetteer()
    for forms in g.short_forms.values():
        for form in forms:
            if form.kind == "country":
                assert form.official in g.extra, form
            else:
                assert g.by_name.get(form.official), form
    assert set(g.abbreviations) >= set("京沪津渝湘粤")


def test_boundary_words_are_not_places():
    g = gazetteer()
    words = boundary_words()
    assert len(words) > 10000 and {"其中", "国有", "理想", "县级"} <= words
    assert not words & set(g.extra) and not words & set(g.by_name)
    assert "发展中国家" in g.blockers


@pytest.mark.skipif(fold("廣") == "廣", reason="normalize does not fold every traditional "
                                               "character yet")
def test_traditional_script_resolves_like_simplified():
    for traditional, simplified in [("廣東省", "广东省"), ("貴陽市", "贵阳市"),
                                    ("臺北市大安區", "台北市大安区"), ("花蓮縣", "花莲县")]:
        got = [(p.name, p.code, p.path) for p in factkit.extract(traditional).places]
        want = [(p.name, p.code, p.path) for p in factkit.extract(simplified).places]
        assert got == want and got, (traditional, got, want)


def test_results_do_not_depend_on_the_hash_seed():
    """Two townships named in one text that both have a 沙坪村: the choice is made by the
    text (the township named as such, then the one named first), never by set order."""
    import os
    import subprocess
    import sys
    text = ("桂阳县黄沙坪街道召开会议。宜章县黄沙镇也派人参加。"
            "沙坪村的村民代表发言。")
    probe = ("import factkit,sys; print([(p.text, p.code) for p in "
             "factkit.extract(sys.argv[1]).places if p.text == '沙坪村'])")
    results = set()
    for seed in ("1", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", probe, text], env=env, capture_output=True,
                             text=True, check=True).stdout
        results.add(out)
    assert len(results) == 1 and "431021003207" in results.pop()
