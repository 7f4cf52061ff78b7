"""The overlap policy: longest first, then date over figure, then earliest; linear-ish on
long chains of overlapping spans."""
from __future__ import annotations

import random

from factkit.candidates import Candidate
from factkit.overlaps import PRIORITY, resolve


def _brute_force(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.length, -PRIORITY[c.fact], c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _spans(candidates):
    return [(c.start, c.end, c.fact) for c in candidates]


def test_same_as_checking_every_kept_span():
    rng = random.Random(7)
    for _ in range(3_000):
        cluster = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(0, 20)
            cluster.append(Candidate(start, start + rng.randint(1, 6),
                                     rng.choice(["date", "figure"]), "test"))
        assert _spans(resolve(cluster)) == _spans(_brute_force(cluster))


def test_date_wins_a_tie_and_layers_nest():
    figure = Candidate(0, 5, "figure", "test")
    date = Candidate(0, 5, "date", "test")
    place = Candidate(0, 3, "place", "test")
    org = Candidate(0, 8, "organization", "test")
    assert _spans(resolve([figure, date, place, org])) == [
        (0, 3, "place"), (0, 5, "date"), (0, 8, "organization")]


def test_a_long_chain_of_overlaps_finishes():
    chain = [Candidate(i, i + 2, "figure", "test") for i in range(50_000)]
    kept = resolve(chain)
    assert len(kept) == 25_000 and kept[1].start == 2
