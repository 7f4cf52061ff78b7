"""China's administrative divisions (NBS 2023, 12-digit codes), loaded once, on first use.

The data files are built by ``scripts/build_gazetteer.py``: ``divisions.tsv.gz`` holds the
44,699 divisions down to townships plus their short names and abbreviations;
``villages.tsv.gz`` holds 620,572 villages grouped by township and is read only when a
village has to be resolved (it costs about ten times the rest).
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple

from .lexicon import read_table

__all__ = ["Division", "Gazetteer", "gazetteer", "PLACEHOLDER_NAMES"]

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


@dataclass(eq=False)  # one per process, compared and hashed by identity
class Gazetteer:
    divisions: dict[str, Division]
    by_name: dict[str, list[str]]           # official name -> codes
    by_alias: dict[str, list[str]]          # short name -> codes
    abbreviations: dict[str, str]           # 湘 -> 430000000000
    extra: dict[str, ExtraPlace]
    # first two characters of every name -> the lengths names with them have, longest first
    prefixes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    all_names: frozenset[str] = frozenset()
    _villages: dict[str, str] | None = None
    _children: dict[str, list[str]] | None = None
    _village_cache: dict[str, dict[str, str]] = field(default_factory=dict)

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

    def ancestors(self, code: str) -> list[str]:
        codes = []
        parent = self.divisions[code].parent if code in self.divisions else None
        while parent:
            codes.append(parent)
            parent = self.divisions[parent].parent
        return codes

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
    extra = {}
    for row in read_table("places_extra.tsv"):
        official = row["name"] if row["official"] == "=" else row["official"]
        path = tuple(p for p in row["path"].split("|") if p)
        extra[row["name"]] = ExtraPlace(row["name"], row["level"], official, row["code"] or None,
                                        path)
    prefixes: dict[str, set[int]] = {}
    for name in [*by_name, *by_alias, *extra]:
        if len(name) >= 2:
            prefixes.setdefault(name[:2], set()).add(len(name))
    return Gazetteer(divisions, by_name, by_alias, abbreviations, extra,
                     {k: tuple(sorted(v, reverse=True)) for k, v in prefixes.items()},
                     frozenset([*by_name, *by_alias, *extra]))
