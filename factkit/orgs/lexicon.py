"""The organization lexicon: every named body, alias, brand, university, type suffix and
company marker is found in a single pass over the text, whatever their number. The keys are phrases of the
shared lexicon (lexmatch.py, ``data/lexicon.bin``, compiled from the tables read here by
``scripts/compile_lexicons.py``), so the pass is the one the places extractor made already.

A key may play several roles (大学 is a type suffix; 北京大学 a named body), so each key
maps to a tuple of ``Entry``s; a company marker (科技, 药业: companies.py) is a flag.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Iterator, Literal, NamedTuple

from ..lexicon import read_lines, read_table
from ..lexmatch import DOMAINS, Hits

__all__ = ["Entry", "entries", "read", "outermost", "suffix_kinds", "suffix_needs"]

ORG = DOMAINS.index("org")  # where the org payload is among a phrase's payloads

Role = Literal["name", "suffix"]

# the body words every department stem takes (org_department_stems.tsv adds the others)
OFFICE_WORDS = ("局", "委", "委员会", "厅", "办", "办公室", "处")


@dataclass(frozen=True)
class Entry:
    role: Role
    kind: str
    place: str | None = None
    # a named body: its full name, and the short forms that name it once it is named in full
    full: str | None = None
    short: tuple[str, ...] = ()
    # a suffix: what must stand before it ("place", "country" or "")
    needs: str = ""


@cache
def suffix_needs() -> dict[str, str]:
    return {row["suffix"]: row["needs"] for row in read_table("org_suffixes.tsv") if row["needs"]}


@cache
def suffix_kinds() -> dict[str, str]:
    """Type suffix -> kind: org_suffixes.tsv, and every department stem with its body words."""
    kinds = {row["suffix"]: row["kind"] for row in read_table("org_suffixes.tsv")}
    for row in read_table("org_department_stems.tsv"):
        words = OFFICE_WORDS + tuple(w for w in row["words"].split(",") if w)
        for word in words:
            kinds.setdefault(row["stem"] + word, "government")
    return kinds


def _names() -> Iterator[tuple[str, Entry]]:
    for row in read_table("org_names.tsv"):
        short = tuple(s for s in row["short"].split(",") if s)
        entry = Entry("name", row["kind"], row["place"] or None, row["name"], short)
        yield row["name"], entry
        for alias in filter(None, row["aliases"].split(",")):
            yield alias, entry
    for row in read_table("org_universities.tsv"):
        yield row["name"], Entry("name", "school", row["place"] or None, row["name"])
    for brand in read_lines("company_brands.txt"):
        yield brand, Entry("name", "company", None, brand)


def entries() -> dict[str, tuple[Entry | None, Entry | None]]:
    """Key -> (its named body, its type suffix), from the source tables: what
    scripts/compile_lexicons.py puts in the shared lexicon as the org payloads."""
    roles: dict[str, list[Entry]] = {}
    for key, entry in _names():
        # the first listing of a name wins (劳动部 of Taiwan is not also a former mainland one)
        if not any(e.role == "name" for e in roles.get(key, ())):
            roles.setdefault(key, []).append(entry)
    needs = suffix_needs()
    for key, kind in suffix_kinds().items():
        roles.setdefault(key, []).append(Entry("suffix", kind, needs=needs.get(key, "")))
    return {key: (next((e for e in found if e.role == "name"), None),
                  next((e for e in found if e.role == "suffix"), None))
            for key, found in roles.items()}


def org_payloads() -> dict[str, str]:
    """Key -> its org payload in the shared lexicon (decoded by ``_entries``)."""
    payloads = {}
    roles = entries()
    markers = set(read_lines("company_markers.txt"))
    for key in sorted(roles.keys() | markers):
        name, suffix = roles.get(key, (None, None))
        fields: dict[str, object] = {}
        if name is not None:
            fields["n"] = [name.kind, name.place, name.full, list(name.short)]
        if suffix is not None:
            fields["s"] = [suffix.kind, suffix.needs]
        if key in markers:
            fields["k"] = 1
        payloads[key] = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return payloads


@cache
def _entries(payload: str) -> tuple[Entry | None, Entry | None, bool]:
    """The named body and the type suffix of an org payload, and whether it is a company
    marker."""
    fields = json.loads(payload)
    name = fields.get("n")
    suffix = fields.get("s")
    return (Entry("name", name[0], name[1], name[2], tuple(name[3])) if name else None,
            Entry("suffix", suffix[0], needs=suffix[1]) if suffix else None,
            "k" in fields)


# end -> (start, entry), in order of start, the longest first (see ``read``)
Longest = dict[int, tuple[int, Entry]]


class Read(NamedTuple):
    """What the organization lexicon found in a text (``read``)."""

    names: Longest          # the longest named body ending at each end
    suffixes: Longest       # the longest type suffix ending at each end
    markers: list[tuple[int, int]]  # every company marker, by start, the longest first


def read(phrases: Hits) -> Read:
    """For each end position, the longest named body and the longest type suffix ending
    there, as end -> (start, entry), and the company markers, from the text's scan of the
    shared lexicon (``NormalizedText.phrases``, which the places extractor read already).
    The hits come by start, the longest first, and an end is entered at its first hit: the
    entries are in order of start, the longest first."""
    found = Read({}, {}, [])
    names, suffixes = found.names, found.suffixes
    # most hits are places': only the org payloads are read, picked out without a step each
    payloads = list(map(itemgetter(ORG), phrases.payloads))
    for start, end, payload in compress(zip(phrases.starts, phrases.ends, payloads), payloads):
        name, suffix, marker = _entries(payload)
        # hits come by start: the first one to reach an end is the longest ending there
        if name is not None and end not in names:
            names[end] = (start, name)
        if suffix is not None and end not in suffixes:
            suffixes[end] = (start, suffix)
        if marker:
            found.markers.append((start, end))
    return found


def outermost(longest: Longest) -> list[tuple[int, int, Entry]]:
    """The spans of ``longest`` that lie inside no other one (集团 in 集团有限公司), by start."""
    kept, reach = [], -1
    for end, (start, entry) in longest.items():  # in order of start, the longest first
        if end > reach:
            kept.append((start, end, entry))
            reach = end
    return kept
