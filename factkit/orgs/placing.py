"""The place an organization belongs to, from the place candidates of the document."""
from __future__ import annotations

import bisect
import itertools
from operator import attrgetter
from collections.abc import Iterable
from typing import Any, cast

from ..candidates import Candidate

__all__ = ["Places", "Spans", "place_at", "home", "context_place", "LEVEL_OF_CHAR"]

LEVEL_OF_CHAR = {"省": "province", "市": "prefecture", "州": "prefecture", "县": "county",
                 "区": "county", "镇": "township", "乡": "township"}
_START, _END = attrgetter("start"), attrgetter("end")
_NOT_HOMES = frozenset(("feature", "site"))
_LEVEL_INDEX = {"province": 0, "prefecture": 1, "county": 2, "township": 3}


class Places(list[Candidate]):
    """The place candidates sorted by start, with their starts and ends for bisection: lookups
    stay logarithmic, so a text of many megabytes stays linear."""

    def __init__(self, places: Iterable[Candidate]) -> None:
        super().__init__(sorted(places, key=_START))
        self.starts = list(map(_START, self))
        self.by_end = dict(zip(map(_END, self), self))
        self.by_start = dict(zip(self.starts, self))  # the last place starting at each start

    def within(self, start: int, end: int, starts_before: int) -> list[Candidate]:
        """The places inside ``[start, end)`` that start before ``starts_before``."""
        starts = self.starts
        i = bisect.bisect_left(starts, start)
        found = []
        while i < len(starts) and starts[i] < starts_before:
            if self[i].end <= end:
                found.append(self[i])
            i += 1
        return found

    def within_key(self, start: int, end: int, origin: int) -> tuple[tuple[int, int, int], ...]:
        """The places ``within(start, end, origin)``, each as its span from ``origin`` and the
        identity of its reading (a place's fields are one dict for all its mentions)."""
        return tuple((p.start - origin, p.end - origin, id(p.fields))
                     for p in self.within(start, end, origin))

    def runs_past(self, start: int, end: int) -> bool:
        """Whether a place starts at ``start`` and ends after ``end``."""
        starts = self.starts
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and starts[i] == start:
            if self[i].end > end:
                return True
            i += 1
        return False

    def spans(self, start: int, end: int) -> bool:
        """Whether a place spans ``[start, end)`` exactly."""
        starts = self.starts
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and starts[i] == start:
            if self[i].end == end:
                return True
            i += 1
        return False

    def starting_at(self, start: int) -> Candidate | None:
        """The last place that starts at ``start``."""
        return self.by_start.get(start)


class Spans:
    """Spans of a text (the bodies named so far), sorted for overlap tests by bisection: a set
    of every position they cover would cost a step per character of every body."""

    def __init__(self, spans: Iterable[Candidate]) -> None:
        ordered = sorted(spans, key=_START)
        self.starts = list(map(_START, ordered))
        # the furthest end among the spans that start at or before each one
        self.reach = list(itertools.accumulate(map(_END, ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def place_at(places: Places, start: int, end: int) -> list[Candidate]:
    i = bisect.bisect_left(places.starts, start)
    found = []
    while i < len(places) and places[i].start < end:
        if places[i].end <= end:
            found.append(places[i])
        i += 1
    return found


def official(place: Candidate) -> str | None:
    # a name the places extractor could not resolve (永兴 of several 永兴) is no official one
    return None if place.fields.get("candidates") else place.fields["name"]


def home(inside: list[Candidate]) -> str | None:
    """The place an organization belongs to: the last place in its name when that lies within
    the first (中国（湖南）自由贸易试验区郴州片区 → 郴州市), else the first (广州市湖南郴州商会
    is in 广州市)."""
    # a river or a site in a name (湘江实验室) is not where the organization belongs
    if len(inside) == 1:
        return None if inside[0].fields["level"] in _NOT_HOMES else official(inside[0])
    inside = [p for p in inside if p.fields["level"] not in _NOT_HOMES]
    if not inside:
        return None
    first, last = inside[0].fields, inside[-1].fields
    within = first["level"] == "country" or first["name"] in (last.get("path") or [])
    return official(inside[-1] if within else inside[0])


def context_place(places: Places, before: int, level: str) -> str | None:
    """The place of this level the article is about at this point: the nearest place named
    before it at or below that level, taken up to that level (市中心医院 after 娄星区 is
    娄底市's); with none before, the first one after."""
    k = bisect.bisect_left(places.starts, before)
    earlier = (p for p in itertools.islice(reversed(places), len(places) - k, None)
               if p.end <= before)
    later = itertools.islice(places, k, None)
    # the nearest few are enough: a place named pages away says nothing about this body
    for p in itertools.islice(itertools.chain(earlier, later), 200):
        fields = p.fields
        if level == "prefecture" and fields["level"] == "county" and \
                fields["name"].endswith("市"):
            return cast(str, fields["name"])  # 资兴市委、市政府: a county-level city
        name = _at_level(fields, level)
        if name:
            return name
    return None


def _at_level(fields: dict[str, Any], level: str) -> str | None:
    if fields["level"] == level:
        return cast(str, fields["name"])
    if fields["level"] not in _LEVEL_INDEX and fields["level"] != "village":
        return None
    path = fields.get("path") or []
    index = _LEVEL_INDEX[level]
    # a path skips placeholder levels (北京市 › 东城区): only trust it below a province
    if index < len(path) and (index == 0 or len(path) > 1):
        return cast(str, path[index])
    return None
