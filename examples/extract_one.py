"""Extract the facts of one article and print them as a table.

    python examples/extract_one.py seeds/000_f762f7c7f036bfc1.txt 2026-02-25
"""
from __future__ import annotations

import sys
from pathlib import Path

import factkit
from factkit.summary import describe


def main(path: str, ref_date: str | None = None) -> None:
    text = Path(path).read_text(encoding="utf-8")
    doc = factkit.extract(text, ref_date=ref_date)
    for fact in doc.facts:
        print(f"{type(fact).__name__:<13} {fact.text:<14} {describe(fact)}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(*sys.argv[1:3])
