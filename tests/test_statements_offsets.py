"""Statements read where the records stand in the normalized text. The pipeline hands them
the spans of the candidates the records were built from; without them, statements map the
records' original offsets back once per record (``_Positions.starts_ends``), walking the layout cuts
in order of the records rather than searching for them record by record. These tests build
the spans both ways, walked and searched (``_Positions.span``, one record at a time), on texts
whose layout breaks were joined, for records in order, out of order, empty, and holding a cut;
and check that the pipeline's spans are those, and give the same statements."""
from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from conftest import SEEDS
from factkit import statements
from factkit.normalize import normalize
from factkit.pipeline import _DOCUMENT_FIELDS, Pipeline
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
    return list(zip(*positions.starts_ends(records)))


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
    (start,), (end,) = positions.starts_ends([inside])
    assert end - start == inside.end - inside.start - positions.shifts[0]


# layout breaks inside sentences and around figures, places and organizations
_ARTICLES = [
    ("郴州市\n2025年地区生产总值\n\n达3500亿元，比上年增长\n6.1%。\n\n嘉禾县人民政府\n投资\n"
     "  3.5亿元建设产业园，湖南鑫泉科技\n有限公司落户嘉禾县。"),
    *TEXTS,
]


@pytest.mark.parametrize("text", _ARTICLES)
def test_the_pipelines_spans_are_the_records_mapped_back(text: str) -> None:
    pipeline = Pipeline()
    kept, ntext, _ = pipeline._extract(text, None)
    spans: dict = {}
    records = pipeline._build(kept, ntext, 0, spans)
    positions = _Positions(ntext)
    assert sum(len(records[field]) for field in records) >= (3 if len(text) > 60 else 1)
    for field, found in records.items():
        assert spans[field] == positions.starts_ends(found)


@pytest.mark.parametrize("text", [text for text in _ARTICLES
                                  if normalize(text).offsets.cut_positions])
@pytest.mark.parametrize("in_order", [True, False])
def test_the_records_offsets_are_their_spans_mapped_to_the_original(text: str,
                                                                     in_order: bool) -> None:
    """The pipeline maps offsets back in one walk over the candidates, in order of start (and
    again from the start for one out of order): it gives what ``span_to_original`` gives."""
    pipeline = Pipeline()
    kept, ntext, _ = pipeline._extract(text, None)
    if not in_order:
        kept.reverse()
    expected: dict[str, list[tuple[int, int]]] = {}
    # (the walk is tested only if records stand after cuts)
    assert any(ntext.span_to_original(c.start, c.end) != (c.start, c.end) for c in kept)
    for candidate in kept:
        field = _DOCUMENT_FIELDS[candidate.fact]
        expected.setdefault(field, []).append(
            ntext.span_to_original(candidate.start, candidate.end))
    records = pipeline._build(kept, ntext, 0)
    for field, found in records.items():
        assert [(r.start, r.end) for r in found] == expected.get(field, [])


def test_the_articles_hold_cuts() -> None:
    """The cases above test the spans across cuts only if the texts have them."""
    assert all(normalize(text).offsets.cut_positions for text in _ARTICLES[:3])


@pytest.mark.parametrize("text", [*_ARTICLES, *(path.read_text(encoding="utf-8")
                                                for path in sorted(SEEDS.glob("*.txt")))],
                         ids=lambda text: text[:10])
def test_statements_are_the_same_with_the_pipelines_spans(text: str) -> None:
    document = Pipeline()(text)
    ntext = normalize(text)
    mapped_back = statements.build(ntext, document.figures, document.dates, document.places,
                                   document.organizations, document.ref_date)
    assert document.statements == mapped_back
    if len(text) > 60:
        assert document.statements
