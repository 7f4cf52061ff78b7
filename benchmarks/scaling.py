"""Corpus throughput with 1 and 2 worker processes (measured, not asserted in tests).

    python benchmarks/scaling.py [--articles 2000]

Builds a synthetic corpus from the seeds (each article a run of the seeds' paragraphs,
rotated so no two are the same), then extracts it with factkit.extract_many using 1 and
2 processes and reports articles/s, chars/s and the ratio.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import factkit

REPO = Path(__file__).resolve().parent.parent


def build_corpus(folder: Path, count: int) -> int:
    paragraphs = [p for seed in sorted((REPO / "seeds").glob("*.txt"))
                  for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chars = 0
    for i in range(count):
        start = (i * 7) % len(paragraphs)
        article = "\n\n".join(paragraphs[start:start + 25] or paragraphs[:25])
        (folder / f"article_{i:05d}.txt").write_text(article, encoding="utf-8")
        chars += len(article)
    return chars


def timed(folder: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    failures = sum(1 for r in factkit.extract_many([folder], jobs=jobs) if r.error)
    return time.perf_counter() - start, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chars = build_corpus(folder, args.articles)
        print(f"corpus: {args.articles} articles, {chars:,} chars")
        results = {}
        for jobs in (1, 2):
            seconds, failures = timed(folder, jobs)
            results[jobs] = seconds
            print(f"{jobs} process{'es' if jobs > 1 else ''}: {seconds:6.1f} s  "
                  f"{args.articles / seconds:7.1f} articles/s  {chars / seconds:10,.0f} chars/s"
                  f"  ({failures} failed)")
        print(f"scaling 1 -> 2 processes: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
