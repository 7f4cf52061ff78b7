"""factkit side by side with jionlp on the same text, in one run (measured, not asserted).

    pip install '.[bench]' && python benchmarks/compare_jionlp.py

jionlp is measured as the sum of its three calls that cover factkit's ground:
extract_time + extract_money + recognize_location (each per article). Both are warmed up
first (jionlp loads its dictionaries on the first call), then timed over the seeds in
alternating rounds (ten passes of factkit, one of jionlp), median of the rounds; throughput is
characters of article per second of wall time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def seconds_per_pass(run, texts: list[str], passes: int) -> float:
    start = time.perf_counter()
    for _ in range(passes):
        for text in texts:
            run(text)
    return (time.perf_counter() - start) / passes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    import factkit
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    chars = sum(len(t) for t in texts)
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

    for text in texts:  # warm-up: lexicons, dictionaries, compiled patterns
        factkit.extract(text)
        jio(text)
    # Rounds alternate between the two, so that a change in the machine's speed during the
    # run (other load, frequency) reaches both alike; the ratio is of the medians.
    ours, theirs = [], []
    for _ in range(args.repeats):
        ours.append(seconds_per_pass(factkit.extract, texts, 10))
        theirs.append(seconds_per_pass(jio, texts, 1))
    ours_rate = chars / statistics.median(ours)
    theirs_rate = chars / statistics.median(theirs)
    print(f"factkit.extract (all four kinds):                  {ours_rate:12,.0f} chars/s")
    print(f"jionlp extract_time + extract_money + recognize_location: {theirs_rate:10,.0f} chars/s")
    print(f"ratio: {ours_rate / theirs_rate:.1f}x (median of {args.repeats} alternating rounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
