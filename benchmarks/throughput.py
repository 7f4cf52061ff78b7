"""Throughput, cold start and scaling of factkit.extract, measured (never asserted in tests).

    python benchmarks/throughput.py            # seeds, 30 repeats
    python benchmarks/throughput.py --scale    # also 1, 4 and 16 MB inputs (linear time?)

Throughput is chars/s over the two seed articles, median of repeated runs after a warm-up, on
one core. Cold start is a fresh interpreter running `import factkit; factkit.extract(seed)`,
median of several runs.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def throughput(repeats: int) -> tuple[float, int]:
    import factkit
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    chars = sum(len(t) for t in texts)
    for text in texts:  # warm-up: lexicons load and patterns compile once
        factkit.extract(text)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            factkit.extract(text)
        times.append(time.perf_counter() - start)
    return chars / statistics.median(times), chars


def cold_start(runs: int) -> float:
    code = ("import factkit, pathlib; "
            f"factkit.extract(pathlib.Path({str(SEEDS[0])!r}).read_text(encoding='utf-8'))")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scaling(sizes_mb: list[int]) -> list[tuple[int, float, float]]:
    import factkit
    base = "".join(p.read_text(encoding="utf-8") for p in SEEDS)
    rows = []
    for mb in sizes_mb:
        text = (base * (mb * 1_000_000 // len(base) + 1))[: mb * 1_000_000]
        start = time.perf_counter()
        doc = factkit.extract(text)
        seconds = time.perf_counter() - start
        rows.append((mb, seconds, len(text) / seconds))
        del doc
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--cold-runs", type=int, default=7)
    parser.add_argument("--scale", action="store_true", help="also time 1, 4 and 16 MB inputs")
    args = parser.parse_args()
    rate, chars = throughput(args.repeats)
    print(f"throughput: {rate:,.0f} chars/s  (seeds, {chars:,} chars, median of {args.repeats})")
    print(f"cold start: {cold_start(args.cold_runs):.3f} s  (fresh interpreter: import + extract)")
    if args.scale:
        for mb, seconds, rate in scaling([1, 4, 16]):
            print(f"{mb:>3} MB: {seconds:6.2f} s  {rate:,.0f} chars/s")


if __name__ == "__main__":
    main()
