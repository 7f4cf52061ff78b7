"""Loading of the lexicons under ``factkit/data``: each file is read once, on first use.

Data files are UTF-8, tab-separated, ``#`` starts a comment line, and the first
non-comment line of a table is its header.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["read_lines", "read_pairs", "read_table"]


def _data_lines(name: str) -> list[str]:
    text = resources.files("factkit").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """One entry a line (a word list)."""
    return tuple(line.strip() for line in _data_lines(name))


@cache
def read_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """Two columns, no header."""
    pairs = []
    for line in _data_lines(name):
        left, right = line.split("\t")[:2]
        pairs.append((left, right))
    return tuple(pairs)


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """A table with a header row; every row must have every column."""
    lines = _data_lines(name)
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"factkit/data/{name}: row {number} has {len(cells)} columns, "
                             f"expected {len(header)}: {line!r}")
        rows.append(dict(zip(header, cells)))
    return tuple(rows)
