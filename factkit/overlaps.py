"""The one overlap policy, run after every extractor (spaCy's filter_spans, Duckling's ranking).

Figures and dates compete for the same characters: "2026年" is a date, "3年" a figure, and a
span may only be one of them. Among overlapping candidates of those two the longest span wins,
then the higher kind priority (a date over a figure), then the earliest start.

Places and organizations are layers of their own and may nest ("娄星区" inside
"娄星区人民医院" is a place and part of an organization); inside each layer the same
longest-first rule applies.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import compress, islice, repeat
from operator import attrgetter, eq, le, lt
from typing import Protocol, TypeVar

__all__ = ["resolve", "LAYERS", "PRIORITY", "Spanned"]

# Candidates in the same layer may not overlap; different layers may.
LAYERS = {"figure": "quantity", "date": "quantity", "place": "place",
          "organization": "organization"}
PRIORITY = {"date": 2, "figure": 1, "place": 1, "organization": 1}


class Spanned(Protocol):
    """What the policy reads of a candidate: a ``Candidate``, or an extractor's own lighter
    object when it settles overlaps among its matches before making candidates (dates)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def fact(self) -> str: ...

    @property
    def length(self) -> int: ...


_Span = TypeVar("_Span", bound=Spanned)


def resolve(candidates: Iterable[_Span]) -> list[_Span]:
    """Keep, per layer, a set of non-overlapping candidates; return them sorted by start."""
    candidates = list(candidates)
    # the layers in the order they first come (records of equal spans keep that order)
    layer_of = list(map(LAYERS.__getitem__, map(_FACT, candidates)))
    layers = dict.fromkeys(layer_of)
    if len(layers) <= 1:   # a text dense with one kind: no copy by layer, no merge
        # and most often in order already (a million figures): no sort either
        return candidates if _apart_in_order(candidates) else _longest_first(candidates)
    kept: list[_Span] = []
    for layer in layers:
        kept.extend(_longest_first(list(compress(candidates, map(eq, layer_of, repeat(layer))))))
    _sort_by_span(kept, ends_descending=False)
    return kept


_START = attrgetter("start")
_END = attrgetter("end")
_FACT = attrgetter("fact")


def _sort_by_span(candidates: list[_Span], *, ends_descending: bool) -> None:
    """Sort by start, then by end, in place. Two stable sorts on the ints the candidates
    already hold, rather than one on a key tuple made per candidate: on a text of millions of
    candidates the tuples cost more memory than the candidates' own lists."""
    candidates.sort(key=_END, reverse=ends_descending)
    candidates.sort(key=_START)


def _longest_first(candidates: list[_Span]) -> list[_Span]:
    # Sorting spans that come in order costs a pass; dates and figures come one kind after the
    # other, and places from several scans.
    _sort_by_span(candidates, ends_descending=True)
    # Most layers then have nothing to settle: proved in a few passes at C speed, they are
    # kept as they are.
    if _apart_in_order(candidates):
        return candidates
    # Overlaps are local: sweep once by start into clusters of mutually reachable spans, and
    # rank only inside a cluster, so a text of many megabytes stays linear.
    kept: list[_Span] = []
    cluster: list[_Span] = []
    cluster_end = -1
    for candidate in candidates:
        start, end = candidate.start, candidate.end
        if start == end:
            continue
        if cluster and start >= cluster_end:
            # most clusters are one candidate (a text dense with figures has a million)
            if len(cluster) == 1:
                kept.append(cluster[0])
            else:
                kept.extend(_rank_cluster(cluster))
            cluster = []
        cluster.append(candidate)
        cluster_end = end if len(cluster) == 1 or end > cluster_end else cluster_end
    kept.extend(_rank_cluster(cluster))
    return kept


def _apart_in_order(candidates: list[_Span]) -> bool:
    """Whether each span ends before the next starts, none of them empty."""
    starts = list(map(_START, candidates))
    ends = list(map(_END, candidates))
    return all(map(lt, starts, ends)) and all(map(le, ends, islice(starts, 1, None)))


def _rank_cluster(cluster: list[_Span]) -> list[_Span]:
    if len(cluster) <= 1:
        return cluster
    # The kept spans never overlap, so in order of start their ends are in order too, and a
    # new span only has to be checked against its two neighbours (a chain of a million
    # overlapping spans stays n log n).
    starts: list[int] = []
    kept: list[_Span] = []
    for candidate in sorted(cluster, key=lambda c: (-c.length, -PRIORITY[c.fact], c.start)):
        i = bisect.bisect_left(starts, candidate.start)
        if i > 0 and kept[i - 1].end > candidate.start:
            continue
        if i < len(kept) and kept[i].start < candidate.end:
            continue
        starts.insert(i, candidate.start)
        kept.insert(i, candidate)
    return kept
