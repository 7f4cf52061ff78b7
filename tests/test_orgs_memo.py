"""The organizations' memo of readings (``grammar.Readings``) against reading every suffix anew.

A document dense with the same names in the same surroundings reads each once; the memo must
answer exactly as reading again would. Each case below puts two readings that differ in one
thing the memo keys on (the characters before the suffix, the suffix, the character after it,
its entry, where a figure stops the name, the places within the name, a place the article
names far before) into one text, after the first reading twice (the memo keeps a reading from
its second time): a memo that ignored that thing would hand the second one the first's reading.
The texts are written for these cases (names of Hunan bodies and places, as county news writes
them); the mixed texts are random orders of such phrases.
"""
from __future__ import annotations

import functools
import random

import pytest

import factkit
from factkit.candidates import Candidate
from factkit.orgs import grammar
from factkit.orgs.lexicon import Entry
from factkit.orgs.placing import Places

# longer than a reading looks back (a name, a stop word, 武警), ending in a full stop
FILLER = "各项工作取得新的成效，全市上下共同努力推进经济社会发展。"
SCHOOL = Entry("suffix", "school")
GOVERNMENT = Entry("suffix", "government")
PARTY = Entry("suffix", "party")
HOSPITAL = Entry("suffix", "hospital")
LONG_PLACE = "湖南省郴州市苏仙区白露塘镇有色金属产业园"
assert len(LONG_PLACE) == 20  # a name's longest


@functools.cache
def _place_fields(name: str) -> dict:
    # one dict for every mention of a place, as the places extractor hands them
    return {"name": name, "level": "prefecture", "path": ["湖南省"], "candidates": []}


def _place(start: int, end: int, name: str) -> Candidate:
    return Candidate(start, end, "place", "<test>", _place_fields(name))


def _read(items, remember: bool):
    """items: (body, suffix, after, entry, places as (start, end, name) from the body's
    start or None, quantity end from the body's start or None), each after FILLER."""
    text, spans, places, quantity_ends = "", [], [], []
    for body, suffix, after, entry, item_places, quantity_end in items:
        text += FILLER
        body_start = len(text)
        text += body
        spans.append((len(text), len(text) + len(suffix), entry))
        text += suffix + after
        for start, end, name in item_places or ():
            places.append(_place(body_start + start, body_start + end, name))
        if quantity_end is not None:
            quantity_ends.append(body_start + quantity_end)
    found = {c.end: c for c in grammar.by_suffix(spans, text, Places(places), quantity_ends,
                                                 {}, remember=remember)}
    # each item's reading, from its suffix: (start, rule, fields), or None
    return [(c.start - start, c.rule, c.fields) if c else None
            for c, start in ((found.get(end), start) for start, end, _ in spans)]


def _both_orders(first, second):
    return [first, first, second, second, first], [second, second, first, first, second]


CASES = {
    # the characters before the suffix
    "before": (("湘南", "学院", "、", SCHOOL, None, None),
               ("湘北", "学院", "、", SCHOOL, None, None)),
    # the suffix itself (two suffixes of one entry)
    "suffix": (("湘南", "学院", "、", SCHOOL, None, None),
               ("湘南", "大学", "、", SCHOOL, None, None)),
    # the character after it: 公安局长 is a person
    "after": (("郴州市", "公安局", "、", GOVERNMENT, None, None),
              ("郴州市", "公安局", "长", GOVERNMENT, None, None)),
    # the entry the suffix reads as
    "entry": (("湘南", "学院", "、", SCHOOL, None, None),
              ("湘南", "学院", "、", Entry("suffix", "research"), None, None)),
    # a figure ending inside the name: 2湘南学院 has no name 湘南学院
    "floor": (("湘南", "学院", "、", SCHOOL, None, None),
              ("湘南", "学院", "、", SCHOOL, None, 1)),
    # the place within the name: its reading, its span, or none
    "place reading": (("郴州", "市委", "、", PARTY, [(0, 3, "郴州市")], None),
                      ("郴州", "市委", "、", PARTY, [(0, 3, "资兴市")], None)),
    "place span": (("郴州", "市委", "、", PARTY, [(0, 3, "郴州市")], None),
                   ("郴州", "市委", "、", PARTY, [(1, 3, "郴州市")], None)),
    # 郴州市 + 基层 + 医院 names no hospital
    "place end": (("郴州市基层", "医院", "、", HOSPITAL, [(0, 3, "郴州市")], None),
                  ("郴州市基层", "医院", "、", HOSPITAL, [(0, 5, "郴州市")], None)),
    "no place": (("郴州", "市委", "、", PARTY, [(0, 3, "郴州市")], None),
                 ("郴州", "市委", "、", PARTY, None, None)),
    # the characters as far back as a reading looks: 武警 before a place at the farthest
    # a name starts (the place is long, its name is not read here)
    "armed police": (("武警" + LONG_PLACE, "总队", "、", GOVERNMENT, [(2, 22, "湖南省")], None),
                     ("文警" + LONG_PLACE, "总队", "、", GOVERNMENT, [(2, 22, "湖南省")], None)),
    # 市政府 is the government of the place named before, however far
    "in context": (("", "市政府", "、", GOVERNMENT, [(-28, -25, "郴州市")], None),
                   ("", "市政府", "、", GOVERNMENT, [(-28, -25, "长沙市")], None)),
}


@pytest.mark.parametrize("name", CASES)
def test_a_memo_reads_as_reading_again(name):
    first, second = CASES[name]
    for items in ([first, first, second, second, first], [second, second, first, first, second]):
        fresh = _read(items, remember=False)
        assert fresh[0] != fresh[2], "the case must read two ways to test what the memo keys on"
        assert _read(items, remember=True) == fresh


def test_the_memo_is_used():
    # the same name in the same surroundings: from the second, read from the memo, whose
    # candidates share the reading's fields
    items = [("郴州", "市委", "、", PARTY, [(0, 3, "郴州市")], None)] * 4
    found = _read(items, remember=True)
    assert found[0] is not None and found[2][2] is found[3][2]


PHRASES = ["郴州市委、", "市政府", "湖南鑫泉科技有限公司与", "嘉禾县委、县政府", "区人民医院",
           "郴州市公安局长", "郴州市公安局", "湘南学院", "2家卫生院", "武警湖南省总队",
           "捷安特（中国）有限公司", "财政部预算司", "丹麦男队对马来西亚男队", "资兴市委、",
           "长沙市", "娄星区人民医院", "市中心医院", "，", "。", "在", "由中央编译出版社",
           "美国公司", "中国队组队", "县住建局", "镇党委"]


def _texts():
    yield "郴州市委、" * 60
    yield "湖南鑫泉科技有限公司与" * 40
    yield "嘉禾县委、县政府" * 40
    rng = random.Random(20260224)
    for _ in range(12):
        yield "".join(rng.choice(PHRASES) for _ in range(150))


@pytest.mark.parametrize("text", list(_texts()))
def test_documents_read_as_without_the_memo(text, monkeypatch):
    by_suffix = grammar.by_suffix
    monkeypatch.setattr(grammar, "by_suffix", functools.partial(by_suffix, remember=True))
    remembered = factkit.extract(text)
    monkeypatch.setattr(grammar, "by_suffix", functools.partial(by_suffix, remember=False))
    assert factkit.extract(text) == remembered


def test_a_text_of_many_bodies_is_read_with_the_memo(monkeypatch):
    made = []
    init = grammar.Readings.__init__

    def noted(self, *args):
        made.append(self)
        init(self, *args)

    monkeypatch.setattr(grammar.Readings, "__init__", noted)
    factkit.extract("湘南学院")
    assert not made  # a short text is read without it
    factkit.extract("郴州市委、" * (grammar._REMEMBER_AFTER + 1))
    assert made
