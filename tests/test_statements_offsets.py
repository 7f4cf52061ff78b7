"""Statements map the records' original offsets back to the normalized text once per record
(``_Positions.spans``), walking the layout cuts in order of the records rather than searching
for them record by record. These tests build the spans both ways, walked and searched
(``_Positions.span``, one record at a time), on texts whose layout breaks were joined, for
records in order, out of order, empty, and holding a cut."""
from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from factkit.normalize import normalize
from factkit.statements import _Positions

# PDF-style layout breaks inside sentences, which normalizing deletes (see normalize.py)
TEXTS = [
    "累计发\n\n出预警50起，今年\n新增\n\n项目12个，投资\n  3.5亿元。",
    "全县地区生产\n总值增长\n6.1%\n，其中第三产\n业增长7.2%。",
    "没有换行的一句话，增长5%。",
]


@dataclass
class _Record:
    start: int
    end: int


def _searched(positions: _Positions, records: list[_Record]) -> list[tuple[int, int]]:
    return [positions.span(r.start, r.end) for r in records]


def _walked(positions: _Positions, records: list[_Record]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in positions.spans(records)]


@pytest.mark.parametrize("text", TEXTS)
def test_spans_walked_in_order_equal_spans_searched(text: str) -> None:
    positions = _Positions(normalize(text))
    # every span of the text, empty ones included, in order of their start
    records = [_Record(a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 1)]
    assert _walked(positions, records) == _searched(positions, records)


@pytest.mark.parametrize("text", TEXTS)
def test_spans_walked_out_of_order_equal_spans_searched(text: str) -> None:
    positions = _Positions(normalize(text))
    records = [_Record(a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 1)]
    random.Random(7).shuffle(records)
    assert _walked(positions, records) == _searched(positions, records)
    backwards = records[::-1]
    assert _walked(positions, backwards) == _searched(positions, backwards)


def test_the_texts_hold_cuts_and_records_across_them() -> None:
    """The cases above test the walk only if the texts have cuts, and spans holding one."""
    ntext = normalize(TEXTS[0])
    assert len(ntext.offsets.cut_positions) >= 3
    positions = _Positions(ntext)
    first_cut_end = positions.ends[0]
    inside = _Record(first_cut_end - 5, first_cut_end + 2)   # 发\n\n出 …
    (span,) = positions.spans([inside])
    assert span.end - span.start == inside.end - inside.start - positions.shifts[0]
