"""The place lexicon, loaded once, on first use, in milliseconds.

The sources:

* China's administrative divisions (NBS 2023, 12-digit codes), built by
  ``scripts/build_gazetteer.py``: ``divisions.tsv.gz`` holds the 44,699 divisions down to
  townships plus their short names and abbreviations; ``villages.tsv.gz`` holds 620,572
  villages grouped by township, one gzip member per county.
* Divisions that the NBS tables list without codes below the province: Taiwan's
  (``taiwan_divisions.tsv``, built by ``scripts/build_world.py``) and Hong Kong's and
  Macao's (``hk_macao_divisions.tsv``). They join the same tree under ids such as
  ``TW/台北市/大安区``; records carry ``code`` None.
* The rest of the world (``world.tsv``, built by ``scripts/build_world.py``) and the
  regions, natural features, sites and other names no source has (``places_extra.tsv``).
* One-character forms of countries and cities (``place_abbreviations.tsv``).

``scripts/compile_lexicons.py`` compiles them (``sources()`` below reads them) into two files
that load without parsing them: every name goes into the shared phrase lexicon
(``data/lexicon.bin``, see lexmatch.py) with what it names as its place payload, so a text
is scanned once for all of them; ``data/gazetteer.bin`` holds the division records in blocks
of one prefecture, the place of each county's villages in ``villages.tsv.gz``, and the
boundary words by first character. A block is decoded the first time one of its divisions is
asked for, a county's villages the first time one of its townships is.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import regex

from .lexicon import read_lines, read_table
from .lexmatch import (DOMAINS, Blocks, Lexicon, compile_blocks, compile_index, data_file,
                       lexicon, read_sections)
from . import normalize

__all__ = ["Division", "Gazetteer", "gazetteer", "PLACEHOLDER_NAMES", "is_statistical_code"]

# NBS placeholder rows between a province and its counties; a path for people skips them.
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
LEVEL_ORDER = {"province": 1, "prefecture": 2, "county": 3, "township": 4, "village": 5}
PLACE = DOMAINS.index("place")  # where the place payload is among a phrase's payloads


class Division(NamedTuple):
    code: str
    name: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class ExtraPlace:
    """A place without a division code of its own: a region, a country, a literary name."""

    name: str
    level: str
    official: str
    code: str | None
    path: tuple[str, ...]
    country: str | None = None
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Abbreviation:
    """A one-character form (美, 京) and the frames that make it a place."""

    char: str
    official: str       # the name it stands for, looked up in the lexicon
    kind: str           # country | division: what it may run with (中美, 京津冀)
    before: bool        # read after 驻/访/抵/在/来 …
    after: tuple[str, ...]  # words that may follow it (方, 企, 籍)
    weak: bool = False      # a common character (以, 意): a pair needs a frame after it


class PlaceName(NamedTuple):
    """What a name of the lexicon names: decoded from its place payload once, when met."""

    matched: bool                   # found in running text (not a zone, not one character)
    codes: tuple[str, ...]          # the divisions of that official name
    alias_codes: tuple[str, ...]    # the divisions of that short name
    extra: ExtraPlace | None
    blocker: bool                   # a word that holds a name inside it (发展中国家)


@cache
def place_name(payload: str) -> PlaceName:
    """What a place payload of the shared lexicon says (decoded once per phrase)."""
    fields = json.loads(payload)
    extra = None
    if "e" in fields:
        name, level, official, code, path, country, covers = fields["e"]
        extra = ExtraPlace(name, level, official, code, tuple(path), country, tuple(covers))
    return PlaceName(bool(fields.get("m")), tuple(fields.get("n", ())),
                     tuple(fields.get("a", ())), extra, bool(fields.get("b")))


class _Names(Mapping[str, Any]):
    """A view of the place names of the shared lexicon: by official name (codes), by short
    name (codes) or the places without a division (ExtraPlace). Lookups decode one group of
    the lexicon; iterating decodes all of it (tests and tools only)."""

    def __init__(self, phrases: Lexicon, part: str) -> None:
        self._phrases = phrases
        self._part = part

    def _value(self, payloads: tuple[str, ...] | None) -> Any:
        name = place_name(payloads[PLACE]) if payloads and payloads[PLACE] else None
        if name is None:
            return None
        if self._part == "name":
            return list(name.codes) if name.codes else None
        if self._part == "alias":
            return list(name.alias_codes) if name.alias_codes else None
        return name.extra

    def __getitem__(self, key: str) -> Any:
        value = self._value(self._phrases.payloads(key))
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._value(self._phrases.payloads(key)) is not None

    def __iter__(self) -> Iterator[str]:
        return (phrase for phrase, payloads in self._phrases
                if self._value(payloads) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Divisions(Mapping[str, Division]):
    """Division records by code, read from the compiled file on first use: a prefecture's
    block is decoded to text once, and a record is parsed from it when asked for."""

    def __init__(self, blocks: Blocks) -> None:
        self._blocks = blocks
        self._texts: dict[str, str] = {}
        self._records: dict[str, Division] = {}
        self._absent: set[str] = set()
        self._children: dict[str, list[str]] = {}

    def _text(self, block: str) -> str:
        text = self._texts.get(block)
        if text is None:
            text = self._texts[block] = "\n" + (self._blocks.get(block) or "")
        return text

    def get(self, code: str, default: Any = None) -> Any:
        record = self._records.get(code)
        if record is None:
            if code in self._absent:
                return default
            text = self._text(block_of(code))
            at = text.find(f"\n{code}\t")
            if at < 0:
                # a village's code, asked for each time a village is named: its block is not
                # searched again
                self._absent.add(code)
                return default
            line = text[at + 1:text.find("\n", at + 1)]
            _, name, level, parent = line.split("\t")
            record = self._records[code] = Division(code, name, level, parent or None)
        return record

    def __getitem__(self, code: str) -> Division:
        record: Division | None = self.get(code)
        if record is None:
            raise KeyError(code)
        return record

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def __iter__(self) -> Iterator[str]:
        for block in self._blocks.keys():
            for line in self._text(block).splitlines():
                if line:
                    yield line.partition("\t")[0]

    def __len__(self) -> int:
        return sum(self._text(block).count("\n") - 1 for block in self._blocks.keys())

    def children(self, code: str) -> list[str]:
        found = self._children.get(code)
        if found is None:
            found = self._children[code] = self._find_children(code)
        return found

    def _find_children(self, code: str) -> list[str]:
        # a division's children are in its own block, except a province's prefectures
        blocks = [block_of(code)]
        if is_statistical_code(code) and code.endswith("0" * 10):
            blocks = [b for b in self._blocks.keys() if b.startswith(code[:2])]
        found = []
        needle = f"\t{code}\n"
        for block in blocks:
            text = self._text(block)
            at = text.find(needle)
            while at >= 0:
                line = text.rfind("\n", 0, at) + 1
                found.append(text[line:text.index("\t", line)])
                at = text.find(needle, at + 1)
        return found


def block_of(code: str) -> str:
    """The block of a division record: its prefecture's (4301 for 431081110000), or TW, HK,
    MO for the divisions without NBS codes."""
    return code[:4] if is_statistical_code(code) else code.split("/")[0]


@dataclass(eq=False)  # one per process, compared and hashed by identity
class Gazetteer:
    divisions: _Divisions
    by_name: Mapping[str, list[str]]        # official name -> codes
    by_alias: Mapping[str, list[str]]       # short name -> codes
    abbreviations: dict[str, str]           # 湘 -> 430000000000
    extra: Mapping[str, ExtraPlace]
    # one-character forms of countries and cities in their frames: char -> its readings
    short_forms: dict[str, list[Abbreviation]] = field(default_factory=dict)
    # county code -> the gzip member of villages.tsv.gz that holds its villages
    village_members: Blocks | None = None
    _village_lines: dict[str, str] = field(default_factory=dict)
    _read_counties: set[str] = field(default_factory=set)
    _village_cache: dict[str, dict[str, str]] = field(default_factory=dict)
    _village_names: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    _ancestor_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _path_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def path(self, code: str) -> list[str]:
        """Official names from the province down to the parent, placeholders skipped."""
        found = self._path_cache.get(code)
        if found is None:  # asked for every place a text names: kept once computed
            names = []
            parent = self.divisions[code].parent
            while parent:
                division = self.divisions[parent]
                if division.name not in PLACEHOLDER_NAMES:
                    names.append(division.name)
                parent = division.parent
            found = self._path_cache[code] = tuple(names[::-1])
        return list(found)

    def ancestors(self, code: str) -> tuple[str, ...]:
        found = self._ancestor_cache.get(code)
        if found is None:  # asked again for every mention of a place: kept once computed
            codes = []
            division = self.divisions.get(code)
            parent = division.parent if division is not None else None
            while parent:
                codes.append(parent)
                parent = self.divisions[parent].parent
            found = self._ancestor_cache[code] = tuple(codes)
        return found

    def villages_of(self, township: str) -> dict[str, str]:
        """Village names (as news writes them) -> codes, for one township. Only the gzip
        member of its county is read, the first time one of the county's townships is."""
        villages = self._village_cache.get(township)
        if villages is None:
            county = township[:6]
            if county not in self._read_counties:
                self._read_villages(county)
            villages = {}
            for item in self._village_lines.get(township, "").split("|"):
                if item:
                    name, _, suffix = item.rpartition(":")
                    villages.setdefault(name, township[:9] + suffix)
            self._village_cache[township] = villages
        return villages

    def village_names(self, county: str) -> dict[str, list[tuple[str, str]]]:
        """Village name -> (township, village code) of the villages of one county."""
        names = self._village_names.get(county)
        if names is None:
            if county not in self._read_counties:
                self._read_villages(county)
            names = {}
            for township in sorted(t for t in self._village_lines if t.startswith(county)):
                for name, code in self.villages_of(township).items():
                    names.setdefault(name, []).append((township, code))
            self._village_names[county] = names
        return names

    def _read_villages(self, county: str) -> None:
        self._read_counties.add(county)
        member = self.village_members.raw(county) if self.village_members else None
        if member is None:
            return
        text = zlib.decompress(member, wbits=31).decode()
        for line in text.splitlines():
            if line and not line.startswith("#"):
                township, _, packed = line.partition("\t")
                self._village_lines[township] = packed

    def children(self, code: str) -> list[str]:
        return self.divisions.children(code)

    @property
    def blockers(self) -> frozenset[str]:
        """Words that hold a name inside them (发展中国家): matched with the names, then
        dropped. The lexicon marks them; the list is read only when asked for (tests, tools)."""
        return _blockers()


def is_statistical_code(code: str) -> bool:
    """True for an NBS code; False for the ids of divisions that have none (TW/台北市)."""
    return len(code) == 12 and code.isdigit()


def _data_bytes(name: str) -> bytes:
    return resources.files("factkit").joinpath("data", name).read_bytes()


@cache
def gazetteer() -> Gazetteer:
    header, sections = read_sections("gazetteer.bin")
    phrases = lexicon()
    short_forms: dict[str, list[Abbreviation]] = {}
    for row in read_table("place_abbreviations.tsv"):
        short_forms.setdefault(row["char"], []).append(Abbreviation(
            row["char"], row["official"], row["kind"], row["before"] == "y",
            tuple(w for w in row["after"].split("|") if w), row["weak"] == "y"))
    return Gazetteer(
        _Divisions(Blocks(sections, "divisions")), _Names(phrases, "name"),
        _Names(phrases, "alias"), json.loads(bytes(sections["abbreviations"])),
        _Names(phrases, "extra"), short_forms,
        Blocks(sections, "villages", data_file("villages.tsv.gz")))


@cache
def _blockers() -> frozenset[str]:
    return frozenset(read_lines("blocking_words.txt"))


# NBS lists some development zones as township-level units (经济开发区管理委员会); in
# running text such names are organizations, not places: they are left out of the index.
_ZONE = regex.compile(r"开发区|高新|管理委员会|管委会|园区|示范区|工业园|产业园|风景区|景区|旅游区")


# ---------------------------------------------------------------------------------------
# The sources, read in full: for scripts/compile_lexicons.py and the test that checks the
# compiled files against them. Nothing here runs when factkit extracts.

@dataclass
class Sources:
    divisions: dict[str, Division]
    by_name: dict[str, list[str]]
    by_alias: dict[str, list[str]]
    abbreviations: dict[str, str]
    extra: dict[str, ExtraPlace]
    blockers: frozenset[str]
    villages_gz: bytes


def _data_text(name: str) -> str:
    return gzip.decompress(_data_bytes(name)).decode("utf-8")


def sources() -> Sources:
    """The place tables as the compiled files are made from them."""
    divisions: dict[str, Division] = {}
    by_name: dict[str, list[str]] = {}
    by_alias: dict[str, list[str]] = {}
    abbreviations: dict[str, str] = {}
    in_aliases = False
    for line in _data_text("divisions.tsv.gz").splitlines():
        if not line or line.startswith("#"):
            in_aliases = in_aliases or line.startswith("# aliases")
            continue
        cells = line.split("\t")
        if cells[0] in ("code", "alias"):
            continue
        if in_aliases:
            alias, code, kind = cells
            if kind == "abbr":
                abbreviations.setdefault(alias, code)
            elif divisions[code].name != alias:
                by_alias.setdefault(alias, []).append(code)
        else:
            code, name, level, parent = cells
            divisions[code] = Division(code, name, level, parent or None)
            if name not in PLACEHOLDER_NAMES:
                by_name.setdefault(name, []).append(code)
    for file in ("taiwan_divisions.tsv", "hk_macao_divisions.tsv"):
        _add_divisions(read_table(file), divisions, by_name, by_alias)
    # text is folded before matching, and folding is not always undone by simplification
    # (乾安县 folds to 干安县): the folded form of a name is a short name of its division
    for names in (by_name, dict(by_alias)):
        for name, codes in names.items():
            folded = _folded(name)
            if folded != name:
                alias_codes = by_alias.setdefault(folded, [])
                alias_codes += [c for c in codes if c not in alias_codes]
    extra: dict[str, ExtraPlace] = {}
    for row in read_table("world.tsv"):
        country = row["country"] or None
        path: tuple[str, ...] = (
            (country,) if country and row["level"] not in ("country", "continent") else ())
        extra[row["name"]] = ExtraPlace(row["name"], row["level"], row["official"], None, path,
                                        country)
    for row in read_table("places_extra.tsv"):  # hand-typed: it corrects the sources
        official = row["name"] if row["official"] == "=" else row["official"]
        path = tuple(p for p in row["path"].split("|") if p)
        extra[row["name"]] = ExtraPlace(row["name"], row["level"], official, row["code"] or None,
                                        path, row["country"] or None,
                                        tuple(p for p in row["covers"].split("|") if p))
    surfaces = {*by_name, *by_alias, *extra}
    blockers = _blockers() - surfaces
    return Sources(divisions, by_name, by_alias, abbreviations, extra, blockers,
                   _data_bytes("villages.tsv.gz"))


def place_payloads(src: Sources) -> dict[str, str]:
    """Name -> its place payload in the shared lexicon (decoded by ``_place_name``)."""
    payloads = {}
    for name in sorted({*src.by_name, *src.by_alias, *src.extra, *src.blockers}):
        fields: dict[str, Any] = {}
        if name in src.blockers or (len(name) >= 2 and not _ZONE.search(name)):
            fields["m"] = 1
        if name in src.by_name:
            fields["n"] = src.by_name[name]
        if name in src.by_alias:
            fields["a"] = src.by_alias[name]
        extra = src.extra.get(name)
        if extra is not None:
            fields["e"] = [extra.name, extra.level, extra.official, extra.code, list(extra.path),
                           extra.country, list(extra.covers)]
        if name in src.blockers:
            fields["b"] = 1
        payloads[name] = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return payloads


def gazetteer_sections(src: Sources) -> dict[str, bytes]:
    """The sections of ``data/gazetteer.bin``."""
    blocks: dict[str, list[str]] = {}
    for code in sorted(src.divisions):
        d = src.divisions[code]
        blocks.setdefault(block_of(code), []).append(f"{code}\t{d.name}\t{d.level}\t"
                                                      f"{d.parent or ''}\n")
    counties, sizes, start = village_members(src.villages_gz)
    return {
        **compile_blocks("divisions", {key: "".join(lines) for key, lines in blocks.items()}),
        "abbreviations": _json(src.abbreviations),
        **compile_index("villages", counties, sizes, start),
        **compile_blocks("boundary_words", word_groups(read_lines("boundary_words.txt"))),
    }


def village_members(data: bytes) -> tuple[list[str], list[int], int]:
    """The counties of villages.tsv.gz in file order (one gzip member each, after a member
    holding the header), the members' sizes, and where the first one starts."""
    counties: list[str] = []
    sizes: list[int] = []
    offset = first = 0
    while offset < len(data):
        unzip = zlib.decompressobj(wbits=31)
        text = unzip.decompress(data[offset:]).decode()
        size = len(data) - offset - len(unzip.unused_data)
        found = {line[:6] for line in text.splitlines() if line and not line.startswith("#")}
        if len(found) > 1:
            raise ValueError(f"villages.tsv.gz: the member at {offset} holds {len(found)} "
                             "counties (scripts/build_gazetteer.py writes one a member)")
        if found:
            counties += found
            sizes.append(size)
        elif not counties:
            first = offset + size
        offset += size
    return counties, sizes, first


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _add_divisions(rows: Iterable[dict[str, str]], divisions: dict[str, Division],
                   by_name: dict[str, list[str]], by_alias: dict[str, list[str]]) -> None:
    """Divisions without NBS codes (Taiwan, Hong Kong, Macao) under their ids. A county that
    the NBS tables already hold (金门县) keeps its NBS code, and its parts are left out."""
    skipped: set[str] = set()
    for row in rows:
        ident, name, parent = row["id"], row["name"], row["parent"] or None
        if parent in skipped or (row["level"] == "prefecture" and name in by_name):
            skipped.add(ident)
            continue
        divisions[ident] = Division(ident, name, row["level"], parent)
        by_name.setdefault(name, []).append(ident)
        for alias in row["aliases"].split("|"):
            if alias and alias != name:
                by_alias.setdefault(alias, []).append(ident)


def _folded(name: str) -> str:
    """The form a name takes in folded traditional text (乾安縣 -> 干安县). Where normalize
    folds some characters only in text that reads as traditional, its full table is the one
    that applies to a name written in traditional script."""
    tables = getattr(normalize, "_fold_tables", None)
    if tables is not None:
        return name.translate(tables().traditional_text)
    return normalize.fold(name)


class _Groups(dict[str, frozenset[str]]):
    """First character -> the words it opens, decoded when first asked for."""

    def __init__(self, groups: Blocks) -> None:
        super().__init__()
        self.groups = groups

    def __missing__(self, first: str) -> frozenset[str]:
        group = self.groups.get(first)
        words = self[first] = frozenset(first + rest for rest in group.split("|")) \
            if group else frozenset()
        return words


class WordSet(AbstractSet[str]):
    """A large set of short words, decoded a first character at a time, on first use."""

    def __init__(self, groups: Blocks) -> None:
        self._groups = groups                 # first character -> the rests, "|"-joined
        # first character -> the words it opens: ``word in words.by_first[word[0]]`` is
        # ``word in words`` without a call in Python, for the loops that ask it of every name
        self.by_first = _Groups(groups)

    def __contains__(self, word: object) -> bool:
        # a word of one character or none is in no group (every word has two or more); the
        # word is looked up whole: one string fewer to make and hash than its rest
        return word in self.by_first[word[:1]]  # type: ignore[index]

    def __iter__(self) -> Iterator[str]:
        for first in self._groups.keys():
            for rest in (self._groups.get(first) or "").split("|"):
                yield first + rest

    def __len__(self) -> int:
        return sum((self._groups.get(first) or "").count("|") + 1
                   for first in self._groups.keys())

    @classmethod
    def _from_iterable(cls, words: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        return frozenset(words)  # what set operations (words & names) return


def word_groups(words: Iterable[str]) -> dict[str, str]:
    """A word list as ``WordSet`` reads it: first character -> the rests, "|"-joined."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if len(word) >= 2:
            groups.setdefault(word[0], []).append(word[1:])
    return {first: "|".join(rests) for first, rests in groups.items()}


@cache
def boundary_words() -> WordSet:
    """Two- and three-character words that are not places (其中, 理想): see
    scripts/build_world.py."""
    _, sections = read_sections("gazetteer.bin")
    return WordSet(Blocks(sections, "boundary_words"))
