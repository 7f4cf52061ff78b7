"""factkit side by side with jionlp on the same text, in one run (measured, not asserted).

    pip install '.[bench]' && python benchmarks/compare_jionlp.py

jionlp is measured as the sum of its three calls that cover factkit's ground:
extract_time + extract_money + recognize_location (each per article). Both are warmed up
first (jionlp loads its dictionaries on the first call), then timed over the seeds,
median of repeated runs; throughput is characters of article per second of wall time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def rate(run, texts: list[str], repeats: int) -> float:
    for text in texts:
        run(text)  # warm-up: lexicons, dictionaries
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            run(text)
        times.append(time.perf_counter() - start)
    return sum(len(t) for t in texts) / statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    import factkit
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    ours = rate(factkit.extract, texts, args.repeats)
    print(f"factkit.extract (all four kinds):                  {ours:12,.0f} chars/s")
    try:
        import jionlp
    except ImportError:
        print("jionlp is not installed: pip install '.[bench]'", file=sys.stderr)
        return 1
    base = time.time()

    def jio(text: str) -> None:
        jionlp.ner.extract_time(text, time_base=base)
        jionlp.ner.extract_money(text)
        jionlp.recognize_location(text)

    theirs = rate(jio, texts, args.repeats)
    print(f"jionlp extract_time + extract_money + recognize_location: {theirs:10,.0f} chars/s")
    print(f"ratio: {ours / theirs:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
