"""Long and repetitive inputs: bounded numerals, linear scans, same answers on repeats."""
from __future__ import annotations

import pytest

import factkit
from conftest import SEEDS
from factkit import figures, parse_number
from factkit.candidates import Context
from factkit.normalize import normalize
from factkit.numerals import MAX_NUMERAL_CHARS


def _figures(text: str):
    return figures.extract(normalize(text), Context())


@pytest.mark.parametrize("unit", ["一", "一万", "1", "九千九百", "零点"])
def test_a_run_of_numeral_characters_is_no_number(unit):
    text = "共有" + unit * (200_000 // len(unit)) + "人"
    assert [c for c in _figures(text) if c.end - c.start > MAX_NUMERAL_CHARS] == []
    # no piece of the run is read as a number either
    assert all(c.start > 200_000 or c.end < 2 for c in _figures(text))


def test_the_longest_numeral_is_read_and_one_more_is_not():
    longest = "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九"
    assert parse_number(longest) == 9999_9999_9999_9999
    assert factkit.extract(longest + "元").figures[0].unit == "CNY"
    with pytest.raises(ValueError):
        parse_number("1" * (MAX_NUMERAL_CHARS + 1))


def test_repeated_shapes_give_each_its_own_record():
    text = "工期1年，" * 2000 + "全月用电100度，比上月多出不少。当天气温20度。"
    found = factkit.extract(text).figures
    assert len(found) == 2002
    assert all(text[f.start:f.end] == f.text == "1年" for f in found[:2000])
    assert [(f.unit, f.value) for f in found[2000:]] == [("Wh", 100000), ("°C", 20)]
    assert found[1999].start == 5 * 1999 + 2


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_a_repeated_article_reads_as_the_first_time(seed):
    # what is read at a figure's start is remembered by the text around it (see extract):
    # each copy must give the figures of the first, away from the joins where the text
    # around a figure differs
    article = seed.read_text(encoding="utf-8")
    copies = 3
    found = factkit.extract(article * copies).figures
    first = [f for f in factkit.extract(article).figures
             if 64 <= f.start and f.end <= len(article) - 64]
    assert len(first) > 20
    for k in range(copies):
        shift = k * len(article)
        again = [f.model_copy(update={"start": f.start - shift, "end": f.end - shift})
                 for f in found if shift + 64 <= f.start and f.end <= shift + len(article) - 64]
        assert again == first
