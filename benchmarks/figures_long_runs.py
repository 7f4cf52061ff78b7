"""Long runs of numeral characters: is the figure scan linear, with bounded candidates?

    python benchmarks/figures_long_runs.py            # 1 MB inputs
    python benchmarks/figures_long_runs.py --mb 1 4   # 1 and 4 MB

For each input (runs of 一, 一万, 1年, digits, 三分之, brackets, mixed numerals, and the seeds
repeated to the size) it prints chars/s (CPU time) of the figure extractor alone and of the whole
``extract`` (--full), each relative to the seeds, and with --memory the peak memory of the
figure scan (tracemalloc, in a second pass: it slows allocation down).
The bar: no input more than 3x slower per character than the seeds, no MemoryError.
"""
from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import factkit
from factkit import figures
from factkit.candidates import Context
from factkit.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
SEEDS = "".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))

UNITS = {
    "seeds repeated": SEEDS,
    "一 x n": "一",
    "一万 x n": "一万",
    "1年 x n": "1年",
    "digits": "1234567890",
    "digits with commas": "1,234,",
    "三分之 x n": "三分之",
    "brackets": "（(【",
    "3至5亿元 x n": "3至5亿元，",
    "mixed numerals": "一二三四五六七八九十百千万亿零点",
}


def sized(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def rate(fn, text: str) -> float:
    start = time.process_time()
    fn(text)
    return len(text) / (time.process_time() - start)


def news_rate(fn) -> float:
    """The seed articles one by one (news text), 20 times over."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    start = time.process_time()
    for _ in range(20):
        for text in texts:
            fn(text)
    return 20 * sum(map(len, texts)) / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, nargs="+", default=[1])
    parser.add_argument("--full", action="store_true", help="also time the whole extract()")
    parser.add_argument("--memory", action="store_true", help="peak memory of the figure scan")
    args = parser.parse_args()
    def scan(text: str) -> None:
        figures.extract(normalize(text), Context())

    scan(SEEDS)  # lexicons load, patterns compile
    factkit.extract(SEEDS)
    base_fig = news_rate(scan)
    base_full = news_rate(factkit.extract) if args.full else None
    print(f"news (seed articles)    figures {base_fig:>12,.0f} chars/s"
          + (f"  extract {base_full:>10,.0f} chars/s" if args.full else ""))
    for mb in args.mb:
        size = int(mb * 1_000_000)
        print(f"--- {mb:g} MB")
        for name, unit in UNITS.items():
            text = sized(unit, size)
            fig = rate(scan, text)
            line = f"{name:22s} figures {fig:>12,.0f} chars/s ({base_fig / fig:4.1f}x)"
            if args.memory:
                tracemalloc.start()
                figures.extract(normalize(text), Context())
                line += f"  peak {tracemalloc.get_traced_memory()[1] / 1e6:7.1f} MB"
                tracemalloc.stop()
            if args.full:
                full = rate(factkit.extract, text)
                line += f"  extract {full:>10,.0f} chars/s ({base_full / full:4.1f}x)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
