"""Bodies the lexicon knows by name (国务院, 新华社, 北约, 北大, 比亚迪), with their kind and place.

A name is taken where it starts a word (美的 is no company inside 至善至美的) and is not the
first part of a place (国会山, 清华园). A state body written after a country's name is that
country's (美国国务院, 日本总务省, 英国议会).
"""
from __future__ import annotations

import bisect

from ..candidates import Candidate
from .edges import left_edge_ok
from .lexicon import Entry
from .placing import Places, official

__all__ = ["named_bodies"]


def _places_from(places: Places, start: int) -> list[Candidate]:
    i = bisect.bisect_left(places.starts, start)
    found = []
    while i < len(places) and places[i].start == start:
        found.append(places[i])
        i += 1
    return found

# the kinds of bodies a state has: written after a country's name, they are that country's
_STATE_KINDS = {"government", "legislature", "judicial", "military", "party"}
# a name followed by one of these is part of a place or a building (国会山, 清华园, 白宫南草坪)
_PLACE_AFTER = set("山园路街桥楼站门湖岛")


def _longest_names(matches) -> list[tuple[int, int, Entry]]:
    longest: dict[int, tuple[int, Entry]] = {}
    for start, end, _key, entries in matches:
        for entry in entries:
            if entry.role == "name" and (end not in longest or start < longest[end][0]):
                longest[end] = (start, entry)
    spans = sorted(((s, e, x) for e, (s, x) in longest.items()), key=lambda t: (t[0], -t[1]))
    kept, reach = [], -1
    for start, end, entry in spans:
        if end > reach:
            kept.append((start, end, entry))
            reach = end
    return kept


def named_bodies(matches, text: str, places: Places, edges: set[int],
                 shorts: dict[str, tuple[str, str | None]]) -> list[Candidate]:
    """The lexicon's bodies in the text; ``shorts`` receives the short forms they bring into
    the document (发改委 once 国家发展和改革委员会 is named)."""
    found = []
    for start, end, entry in _longest_names(matches):
        if end < len(text) and text[end] in _PLACE_AFTER and end - start <= 3:
            continue
        if any(p.end > end for p in _places_from(places, start)):
            continue  # 北大 in 北大西洋: the start of a place
        country = places.by_end.get(start)
        if country is not None and country.fields["level"] == "country" \
                and entry.kind in _STATE_KINDS:
            start, place = country.start, official(country)  # 美国 + 国务院
        elif (end - start <= 2 and entry.kind != "international") or \
                (entry.kind in ("company", "school") and end - start <= 3):
            if not left_edge_ok(text, start, edges):
                continue
            place = entry.place
        else:
            place = entry.place
        found.append(Candidate(start, end, "organization", "<lexicon>",
                               {"name": text[start:end], "kind": entry.kind, "place": place}))
        for short in entry.short:
            shorts.setdefault(short, (entry.kind, place))
    return found
