"""Bodies the lexicon knows by name (国务院, 新华社, 北约, 北大, 比亚迪), with their kind and place.

A name is taken where it starts a word (美的 is no company inside 至善至美的) and is not the
first part of a place (国会山, 清华园). A state body written after a country's name is that
country's (美国国务院, 日本总务省, 英国议会).
"""
from __future__ import annotations

from typing import Any

from ..candidates import Candidate
from ..gazetteer import boundary_words
from .edges import left_edge_ok
from .lexicon import Longest, outermost
from .placing import Places, official

__all__ = ["named_bodies"]


# the kinds of bodies a state has: written after a country's name, they are that country's
_STATE_KINDS = {"government", "legislature", "judicial", "military", "party"}
# a name followed by one of these is part of a place or a building (国会山, 清华园, 白宫南草坪)
_PLACE_AFTER = set("山园路街桥楼站门湖岛")


def named_bodies(longest: Longest, text: str, places: Places, edges: set[int],
                 shorts: dict[str, tuple[str, str | None]]) -> list[Candidate]:
    """The lexicon's bodies in the text; ``shorts`` receives the short forms they bring into
    the document (发改委 once 国家发展和改革委员会 is named)."""
    found = []
    words = boundary_words()
    shared: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for start, end, entry in outermost(longest):
        if end < len(text) and text[end] in _PLACE_AFTER and end - start <= 3:
            continue
        if places.runs_past(start, end):
            continue  # 北大 in 北大西洋: the start of a place
        country = places.by_end.get(start)
        if country is not None and country.fields["level"] == "country" \
                and entry.kind in _STATE_KINDS:
            start, place = country.start, official(country)  # 美国 + 国务院
        elif (end - start <= 2 and entry.kind != "international") or \
                (entry.kind in ("company", "school") and end - start <= 3):
            if not left_edge_ok(text, start, edges):
                continue
            if end - start == 2 and entry.kind == "company" and text[end - 1:end + 1] in words:
                continue  # 我国航空 holds no 国航, 美中建设 no 中建: the name's end opens a word
            place = entry.place
        else:
            place = entry.place
        key = (text[start:end], entry.kind, place)
        fields = shared.get(key)
        if fields is None:  # one dict for every mention of a body: a long text repeats them
            fields = shared[key] = {"name": key[0], "kind": entry.kind, "place": place}
        found.append(Candidate(start, end, "organization", "<lexicon>", fields))
        for short in entry.short:
            shorts.setdefault(short, (entry.kind, place))
    return found
