"""Long runs of numeral characters: is the figure scan linear, with bounded candidates?

    python benchmarks/figures_long_runs.py            # 1 MB inputs
    python benchmarks/figures_long_runs.py --mb 1 4   # 1 and 4 MB

For each input (the seeds repeated to the size, then runs of 一, 一万, 1年, digits, 三分之,
brackets and mixed numerals) it prints chars/s of the figure extractor alone and of the whole
``extract``, each relative to the seeds, and the peak memory of the figure scan (tracemalloc).
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
    "seeds": SEEDS,
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
    start = time.perf_counter()
    fn(text)
    return len(text) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, nargs="+", default=[1])
    parser.add_argument("--full", action="store_true", help="also time the whole extract()")
    args = parser.parse_args()
    figures.extract(normalize(SEEDS), Context())  # lexicons load, patterns compile
    for mb in args.mb:
        size = int(mb * 1_000_000)
        base_fig = base_full = None
        print(f"--- {mb:g} MB")
        for name, unit in UNITS.items():
            text = sized(unit, size)
            tracemalloc.start()
            fig = rate(lambda t: figures.extract(normalize(t), Context()), text)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            base_fig = base_fig or fig
            line = f"{name:22s} figures {fig:>12,.0f} chars/s ({base_fig / fig:4.1f}x)"
            line += f"  peak {peak / 1e6:7.1f} MB"
            if args.full:
                full = rate(factkit.extract, text)
                base_full = base_full or full
                line += f"  extract {full:>10,.0f} chars/s ({base_full / full:4.1f}x)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
