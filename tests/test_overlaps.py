"""The overlap policy: longest first, then date over figure, then earliest; linear-ish on
long chains of overlapping spans."""
from __future__ import annotations

import random

from factkit.candidates import Candidate
from factkit.overlaps import LAYERS, PRIORITY, resolve


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


def _brute_force_by_layer(candidates: list[Candidate]) -> list[Candidate]:
    layers: dict[str, list[Candidate]] = {}
    for c in candidates:
        layers.setdefault(LAYERS[c.fact], []).append(c)
    kept = [k for layer in layers.values() for k in _brute_force(layer)]
    return sorted(kept, key=lambda c: (c.start, c.end))   # stable: layers in order of coming


def test_sparse_runs_in_any_order_and_layer():
    """Spans that mostly do not overlap, in order or not, of one layer or several: the path
    that keeps a clean run as it is must give what checking every span gives."""
    rng = random.Random(11)
    facts = ["date", "figure", "place", "organization"]
    for trial in range(3_000):
        spans, position = [], 0
        for _ in range(rng.randint(1, 10)):
            position += rng.choice([0, 1, 2, 3])   # 0: touching the one before, or inside it
            spans.append((position, position + rng.randint(1, 3)))
            position = spans[-1][1] - rng.choice([0, 0, 0, 1])
        kinds = facts[:2] if trial % 2 else facts
        cluster = [Candidate(start, end, rng.choice(kinds), "test") for start, end in spans]
        if trial % 3 == 0:
            rng.shuffle(cluster)
        assert _spans(resolve(cluster)) == _spans(_brute_force_by_layer(cluster))


def test_a_clean_run_is_kept_whole_and_in_order():
    run = [Candidate(i, i + 2, "figure", "test") for i in range(0, 20, 2)]   # touching
    assert resolve(run) == run
    assert resolve(list(reversed(run))) == run   # out of order: sorted, all kept


def test_an_empty_span_is_dropped_from_a_clean_run():
    run = [Candidate(0, 2, "figure", "test"), Candidate(2, 2, "figure", "test"),
           Candidate(3, 5, "figure", "test")]
    assert _spans(resolve(run)) == [(0, 2, "figure"), (3, 5, "figure")]
