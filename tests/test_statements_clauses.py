"""Statements find the clause around a figure or an actor by looking for the nearest clause
break within reach of it (``_Reader._clause_start``, ``_clause_end``), not in a list of every
break of the text; an actor's clause start is looked for no further back than the longest lead
that may stand before a subject (``_clause_subjects``). These tests check both against the
rule written out character by character, and the lead's reach on its edge."""
from __future__ import annotations

import random

import pytest

from factkit.normalize import normalize
from factkit.pipeline import Pipeline
from factkit.statements import _CLAUSE_BREAK, _CLAUSE_REACH, _LONGEST_LEAD, _Reader


def _reader(text: str) -> _Reader:
    lists, _ = Pipeline().records(text)
    return _Reader(normalize(text), lists["figures"], lists["dates"], lists["places"],
                   lists["organizations"], None)


def _clause_start_by_hand(text: str, s_start: int, position: int) -> int:
    floor = max(s_start, position - _CLAUSE_REACH)
    at = position
    while at > floor and text[at - 1] not in _CLAUSE_BREAK:
        at -= 1
    return at


def _clause_end_by_hand(text: str, position: int, s_end: int) -> int:
    ceiling = min(s_end, position + _CLAUSE_REACH)
    at = position
    while at < ceiling and text[at] not in _CLAUSE_BREAK:
        at += 1
    return at


@pytest.mark.parametrize("seed", range(5))
def test_clause_edges_equal_the_rule_read_by_hand(seed: int) -> None:
    rng = random.Random(seed)
    # breaks of every kind, close together and far apart (beyond a clause's reach)
    text = "".join(rng.choice([*_CLAUSE_BREAK, *"增长全县"]) if rng.random() < 0.2 else "元"
                   for _ in range(600))
    reader = _reader(text)
    text = reader.text
    for s_start in (0, 7, 250):
        for position in range(s_start, len(text) + 1):
            assert reader._clause_start(s_start, position) == \
                _clause_start_by_hand(text, s_start, position)
    for s_end in (len(text), 300):
        for position in range(s_end + 1):
            assert reader._clause_end(position, s_end) == \
                _clause_end_by_hand(text, position, s_end)


# a lead word and dates, which are taken out of the lead: 20 characters, and 23
LEADS = {"截至目前今年2025年12月31日24时": True, "目前今年2026年2025年12月31日24时": False}


@pytest.mark.parametrize("lead, leads", LEADS.items())
@pytest.mark.parametrize("before", ["", "据悉，", "新华社消息，记者从统计部门获悉，"])
def test_a_subject_leads_its_clause_within_the_longest_lead(lead: str, leads: bool,
                                                            before: str) -> None:
    assert (len(lead) <= _LONGEST_LEAD) == leads
    text = before + lead + "郴州市地区生产总值增长5%。"
    reader = _reader(text)
    names = [subject.name for _, subject, _ in reader._clause_subjects(0, len(reader.text))
             if hasattr(subject, "level")]
    assert ("郴州市" in names) == leads


# what may stand right before a place: nothing, every clause break, a list comma, lead words
# (with and without a date, before and after it, with blanks), a preposition, words of no lead,
# a date ending in a character no lead ends with, a quotation, an organization (a chain)
BEFORE_A_SUBJECT = ["", *_CLAUSE_BREAK, "、", "和", "在", "据", "截至目前", "今年3月", "2025年",
                    "其中", "走进", "对", "而", "“", "他说", "全县共有", "湖南省", "郴州市", " ",
                    "在 ", "据 ", "其中3月", "3月5日", "3月5日以来", "近日，", "目前下午3点"]
SUBJECTS = ["郴州市", "资兴市汤溪镇", "宜章县", "郴州市人民医院", "湖南省"]


@pytest.mark.parametrize("seed", range(8))
def test_a_subject_at_the_head_of_its_clause_is_seen_as_the_search_sees_it(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """An actor at its sentence's start or right after a clause break is taken as the head of
    its clause, and one after a character that ends no lead (and no date) as leading none,
    without the search for where the clause starts: built with and without that shortcut,
    every sentence's subjects are the same."""
    rng = random.Random(seed)
    endings = ["增长5%", "等3个县", "共有12家企业", "而言，增长5%"]
    # every lead before a subject with every ending, then leads in a row
    sentences = [before + rng.choice(SUBJECTS) + ending + "。"
                 for before in BEFORE_A_SUBJECT for ending in endings]
    for _ in range(40):
        parts = [rng.choice(BEFORE_A_SUBJECT) + rng.choice(SUBJECTS)
                 for _ in range(rng.randint(1, 4))]
        sentences.append("".join(parts) + rng.choice(endings) + rng.choice(["。", "；", "\n"]))
    text = "".join(sentences)
    reader = _reader(text)
    pieces = reader.ntext.sentences
    seen = [reader._clause_subjects(s_start, s_end) for s_start, s_end in pieces]
    monkeypatch.setattr(_Reader, "heads_seen_at_once", False)
    searched = [reader._clause_subjects(s_start, s_end) for s_start, s_end in pieces]
    assert seen == searched
    # the shortcut was taken, at a sentence's start and after a break, and subjects after a
    # lead were found by the search
    text = reader.text
    heads = {(text[at - 1] if at > s_start else "") for (s_start, _), found in zip(pieces, seen)
             for at, _, _ in found}
    assert "" in heads and heads & set(_CLAUSE_BREAK) and heads - set(_CLAUSE_BREAK) - {""}
