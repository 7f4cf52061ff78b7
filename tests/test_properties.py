"""Invariants that hold for any input string (hypothesis).

Texts are composed from factkit's own lexicons, numerals in every script, separators, brackets
and layout breaks (see lexicon_text.py), with reference dates over the whole valid range and
biased towards its edges and towards today. The budget is fixed so the suite stays fast;
scripts/fuzz.py runs the same generator over 10^5 inputs and more.
"""
from __future__ import annotations

import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factkit
from factkit.numerals import parse_number
from lexicon_text import (NUMERAL_CHARS, SCRIPTS, check_document, chinese_numeral,
                          pending_calendar_fix, ref_dates, render_numeral, texts)

BUDGET = settings(max_examples=200, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pending_calendar_fix
@BUDGET
@given(texts(), ref_dates())
# what issue 9 reported: season words and dates at the edges of the calendar
@example("深冬时节", datetime.date(2025, 3, 1))
@example("晚冬暮冬", datetime.date(9999, 12, 31))
@example("春节后3天", datetime.date(9999, 12, 1))
@example("去年除夕", datetime.date(1, 1, 1))
@example("明年正月初八", datetime.date(9999, 6, 1))
@example("上个月", datetime.date(1, 1, 15))
def test_extract_invariants(text, ref_date):
    check_document(text, factkit.extract(text, ref_date=ref_date))


@pending_calendar_fix
@settings(BUDGET, max_examples=80)
@given(st.lists(texts(max_tokens=8), min_size=2, max_size=5), ref_dates())
@example(["2025年3月5日", "深冬时节"], datetime.date(2025, 3, 1))
def test_paragraphs_invariants(paragraphs, ref_date):
    """Several paragraphs: the context carried across them never breaks a record."""
    text = "\n\n".join(paragraphs)
    check_document(text, factkit.extract(text, ref_date=ref_date))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**16 - 1), st.booleans())
def test_chinese_numerals_read_back(n, capital):
    assert parse_number(chinese_numeral(n, capital=capital)) == n


@settings(max_examples=150, deadline=None)
@given(st.one_of(texts(max_tokens=4),
                 st.builds(render_numeral, st.integers(0, 10**17), st.sampled_from(SCRIPTS),
                           st.integers(0, 999), st.text(NUMERAL_CHARS, min_size=1))))
def test_parse_number_raises_only_value_error(text):
    try:
        parse_number(text)
    except ValueError:
        pass


def test_adversarial_long_inputs_finish():
    """Inputs shaped to make a backtracking pattern explode; linear patterns finish at once."""
    for text in ("一" * 50_000, "1," * 30_000, "1 " * 30_000, "十 " * 30_000,
                 "百分之" * 10_000, "3" * 100_000 + "x", ("\n \n" * 20_000) + "5家",
                 "近约超" * 10_000, "1.1." * 20_000, "一点" * 20_000,
                 "郴州市委、市政府、区人民医院、" * 3_000, "湖南鑫泉科技有限公司与" * 3_000,
                 "嘉禾高新区，高新区" * 3_000, "资兴市汤溪镇壁溪村" * 3_000, "2026年2月24日" * 3_000):
        factkit.extract(text)
