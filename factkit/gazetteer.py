"""The place lexicon, loaded once, on first use.

* China's administrative divisions (NBS 2023, 12-digit codes), built by
  ``scripts/build_gazetteer.py``: ``divisions.tsv.gz`` holds the 44,699 divisions down to
  townships plus their short names and abbreviations; ``villages.tsv.gz`` holds 620,572
  villages grouped by township and is read only when a village has to be resolved.
* Divisions that the NBS tables list without codes below the province: Taiwan's
  (``taiwan_divisions.tsv``, built by ``scripts/build_world.py``) and Hong Kong's and
  Macao's (``hk_macao_divisions.tsv``). They join the same tree under ids such as
  ``TW/台北市/大安区``; records carry ``code`` None.
* The rest of the world (``world.tsv``, built by ``scripts/build_world.py``) and the
  regions, natural features, sites and other names no source has (``places_extra.tsv``).
* One-character forms of countries and cities (``place_abbreviations.tsv``).

Every name is compiled into one ``PhraseIndex``, so a text is scanned once for all of them.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple

import regex

from .lexicon import read_lines, read_table
from .lexmatch import PhraseIndex
from . import normalize

__all__ = ["Division", "Gazetteer", "gazetteer", "PLACEHOLDER_NAMES", "is_statistical_code"]

# NBS placeholder rows between a province and its counties; a path for people skips them.
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
LEVEL_ORDER = {"province": 1, "prefecture": 2, "county": 3, "township": 4, "village": 5}


class Division(NamedTuple):
    # a NamedTuple rather than a frozen dataclass: 44,699 of them are built at load time
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


@dataclass(eq=False)  # one per process, compared and hashed by identity
class Gazetteer:
    divisions: dict[str, Division]
    by_name: dict[str, list[str]]           # official name -> codes
    by_alias: dict[str, list[str]]          # short name -> codes
    abbreviations: dict[str, str]           # 湘 -> 430000000000
    extra: dict[str, ExtraPlace]
    index: PhraseIndex | None = None        # every name above, for one-pass matching
    # one-character forms of countries and cities in their frames: char -> its readings
    short_forms: dict[str, list[Abbreviation]] = field(default_factory=dict)
    # words that hold a name inside them (发展中国家): matched with the names, then dropped
    blockers: frozenset[str] = frozenset()
    _villages: dict[str, str] | None = None
    _children: dict[str, list[str]] | None = None
    _village_cache: dict[str, dict[str, str]] = field(default_factory=dict)
    _ancestor_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def path(self, code: str) -> list[str]:
        """Official names from the province down to the parent, placeholders skipped."""
        names = []
        parent = self.divisions[code].parent
        while parent:
            division = self.divisions[parent]
            if division.name not in PLACEHOLDER_NAMES:
                names.append(division.name)
            parent = division.parent
        return names[::-1]

    def ancestors(self, code: str) -> tuple[str, ...]:
        found = self._ancestor_cache.get(code)
        if found is None:  # asked again for every mention of a place: kept once computed
            codes = []
            parent = self.divisions[code].parent if code in self.divisions else None
            while parent:
                codes.append(parent)
                parent = self.divisions[parent].parent
            found = self._ancestor_cache[code] = tuple(codes)
        return found

    def villages_of(self, township: str) -> dict[str, str]:
        """Village names (as news writes them) -> codes, for one township."""
        if self._villages is None:
            self._villages = _load_villages()
        villages = self._village_cache.get(township)
        if villages is None:
            villages = {}
            for item in (self._villages.get(township) or "").split("|"):
                if item:
                    name, _, suffix = item.rpartition(":")
                    villages.setdefault(name, township[:9] + suffix)
            self._village_cache[township] = villages
        return villages

    def children(self, code: str) -> list[str]:
        if self._children is None:
            index: dict[str, list[str]] = {}
            for division in self.divisions.values():
                if division.parent:
                    index.setdefault(division.parent, []).append(division.code)
            self._children = index
        return self._children.get(code, [])


def is_statistical_code(code: str) -> bool:
    """True for an NBS code; False for the ids of divisions that have none (TW/台北市)."""
    return len(code) == 12 and code.isdigit()


def _data_text(name: str) -> str:
    raw = resources.files("factkit").joinpath("data", name).read_bytes()
    return gzip.decompress(raw).decode("utf-8")


def _load_villages() -> dict[str, str]:
    villages = {}
    for line in _data_text("villages.tsv.gz").splitlines():
        if line and not line.startswith("#"):
            township, _, packed = line.partition("\t")
            villages[township] = packed
    return villages


@cache
def gazetteer() -> Gazetteer:
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
    short_forms: dict[str, list[Abbreviation]] = {}
    for row in read_table("place_abbreviations.tsv"):
        short_forms.setdefault(row["char"], []).append(Abbreviation(
            row["char"], row["official"], row["kind"], row["before"] == "y",
            tuple(w for w in row["after"].split("|") if w), row["weak"] == "y"))
    surfaces = [name for name in {*by_name, *by_alias, *extra}
                if len(name) >= 2 and not _ZONE.search(name)]
    blockers = frozenset(read_lines("blocking_words.txt")) - set(surfaces)
    return Gazetteer(divisions, by_name, by_alias, abbreviations, extra,
                     PhraseIndex([*surfaces, *blockers]), short_forms, blockers)


# NBS lists some development zones as township-level units (经济开发区管理委员会); in
# running text such names are organizations, not places: they are left out of the index.
_ZONE = regex.compile(r"开发区|高新|管理委员会|管委会|园区|示范区|工业园|产业园|风景区|景区|旅游区")


def _add_divisions(rows: Iterable[dict[str, str]], divisions: dict[str, Division], by_name: dict[str, list[str]],
                   by_alias: dict[str, list[str]]) -> None:
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


@cache
def boundary_words() -> frozenset[str]:
    """Two-character words that are not places (其中, 理想): see scripts/build_world.py."""
    return frozenset(read_lines("boundary_words.txt"))
