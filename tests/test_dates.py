"""The dates corpus (tests/corpus/dates.yaml): every phrase gives exactly its dates, resolved."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factkit
from conftest import load_yaml

DATES = load_yaml("corpus/dates.yaml")
DEFAULT_REF = DATES["ref"]
FIELDS = {"first": "first_day", "last": "last_day", "granularity": "granularity",
          "calendar": "calendar", "relative": "relative", "part": "part_of_day",
          "time": "start_time", "end_time": "end_time"}
TIME_FIELDS = ("time", "end_time")


def _check(text: str, ref: datetime.date, expected: list[dict]) -> None:
    doc = factkit.extract(text, ref_date=ref)
    got = [d.text for d in doc.dates]
    assert got == [e["text"] for e in expected], f"dates in {text!r}: {doc.dates}"
    for mention, want in zip(doc.dates, expected):
        assert "".join(text[mention.start:mention.end].split()) == "".join(mention.text.split())
        for key, field in FIELDS.items():
            if key in want:
                expected = want[key]
                if key in TIME_FIELDS and expected is not None:
                    expected = datetime.time.fromisoformat(expected)  # YAML: quoted "09:30"
                assert getattr(mention, field) == expected, (
                    f"{field} of {mention.text!r}: {getattr(mention, field)!r}")
        if "calendar" not in want:
            assert mention.calendar == "gregorian", mention


@pytest.mark.parametrize("case", DATES["positive"], ids=lambda c: c["in"])
def test_dates(case):
    _check(case["in"], case.get("ref", DEFAULT_REF), case["out"])


@pytest.mark.parametrize("text", DATES["negative"])
def test_no_dates(text):
    found = [d.text for d in factkit.extract(text, ref_date=DEFAULT_REF).dates]
    assert found == [], f"expected no date in {text!r}, got {found}"


def test_corpus_is_large_enough():
    assert len(DATES["positive"]) + len(DATES["negative"]) >= 200


def test_without_ref_date_relative_dates_stay_unresolved():
    doc = factkit.extract("今年产能可达5万吨，2月24日召开")
    assert doc.ref_date is None and not doc.ref_date_inferred
    assert [(d.text, d.first_day) for d in doc.dates] == [("今年", None), ("2月24日", None)]


def test_explicit_dates_resolve_without_ref_date():
    doc = factkit.extract("2026年2月24日召开推进会")
    assert doc.dates[0].first_day == datetime.date(2026, 2, 24)


def test_reference_date_is_inferred_from_a_lunar_gregorian_pair():
    text = "2026年以来，郴州加快发展。正月初八，2月24日，春节假期后的首个工作日，召开推进会。"
    doc = factkit.extract(text)
    assert doc.ref_date_inferred and doc.ref_date == datetime.date(2026, 2, 24)
    assert doc.dates[-1].text == "春节假期"
    assert (doc.dates[-1].first_day, doc.dates[-1].last_day) == (datetime.date(2026, 2, 15),
                                                                 datetime.date(2026, 2, 23))


def test_inference_ignores_forecasts():
    doc = factkit.extract("2025年，12月7日召开推介会，预计到12月30日完成。")
    assert doc.ref_date == datetime.date(2025, 12, 7)


def test_given_ref_date_is_not_inferred():
    doc = factkit.extract("正月初八，2月24日", ref_date=datetime.date(2026, 2, 25))
    assert doc.ref_date == datetime.date(2026, 2, 25) and not doc.ref_date_inferred


def test_lunar_and_gregorian_side_by_side_agree_or_warn():
    agree = factkit.extract("正月初八，2月24日", ref_date=datetime.date(2026, 2, 25))
    assert agree.warnings == []
    assert agree.dates[0].first_day == agree.dates[1].first_day
    disagree = factkit.extract("正月初八，2月25日", ref_date=datetime.date(2026, 2, 25))
    assert [d.first_day for d in disagree.dates] == [datetime.date(2026, 2, 24),
                                                     datetime.date(2026, 2, 25)]
    assert len(disagree.warnings) == 1 and "正月初八" in disagree.warnings[0]


def test_years_are_dates_not_figures():
    doc = factkit.extract("2026年产值3.5亿元", ref_date=DEFAULT_REF)
    assert [d.text for d in doc.dates] == ["2026年"]
    assert [f.text for f in doc.figures] == ["3.5亿元"]


# --- no date word crashes resolution, whatever the reference date --------------------------

def _lexicon_words(name: str) -> list[str]:
    from factkit.lexicon import read_table
    return [row["surface"] for row in read_table(name)]


SEASON_WORDS = [m + s + t for m in ("", "初", "深", "晚", "暮", "仲", "盛", "早", "隆")
                for s in "春夏秋冬" for t in ("", "天", "季", "日")]
def _column(name: str, column: str) -> list[str]:
    from factkit.lexicon import read_table
    return sorted({row[column] for row in read_table(name)})


DATE_PIECES = (_lexicon_words("festivals.tsv") + _lexicon_words("relative_dates.tsv")
               + _lexicon_words("eras.tsv") + SEASON_WORDS + _column("solar_terms.tsv", "term")
               + _column("national_days.tsv", "country") + _column("fiscal_years.tsv", "owner")
               + ["国庆", "假期", "小长假", "黄金周", "财年", "暑假", "寒假", "节气", "第", "个季度",
                  "季度末", "最后一个", "下下", "半个月", "多", "内", "/", "'", "今晚", "明早"]
               + ["年", "月", "日", "号", "农历", "闰", "正月", "腊月", "初", "廿", "卅", "三十", "元",
                  "以来", "以前", "之后", "前", "后", "至", "到", "—", "-", "/", ".", ":", "：",
                  "上旬", "中旬", "下旬", "年初", "年底", "季度", "上半年", "前三季度", "周", "星期",
                  "礼拜", "周末", "上", "下", "本", "这", "第", "个", "天", "时", "点", "分", "半",
                  "上午", "下午", "晚上", "凌晨", "昨晚", "今晨", "丙午", "马年", "十四五", "年代",
                  "世纪", "民国", "民國", "，", "。", "\n"]
               + [str(n) for n in (0, 1, 9, 12, 13, 29, 30, 31, 99, 100, 999, 1000, 2026,
                                   9999, 10000, 20250301, 99999999)]
               + list("〇零一二两三四五六七八九十百千万"))
REF_ANY = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
REF_EDGES = st.sampled_from([datetime.date(1, 1, 1), datetime.date(1, 12, 31),
                             datetime.date(9999, 1, 1), datetime.date(9999, 12, 31)])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DATE_PIECES), min_size=1, max_size=12).map("".join),
       st.one_of(REF_ANY, REF_EDGES, st.none()))
def test_date_words_never_raise(text, ref_date):
    doc = factkit.extract(text, ref_date=ref_date)
    for mention in doc.dates:
        assert text[mention.start:mention.end].replace("\n", "") == mention.text


@pytest.mark.parametrize("word", ["深冬", "晚冬", "暮冬", "深冬时节", "初冬", "仲夏", "盛夏", "暮春"])
@pytest.mark.parametrize("ref", [datetime.date(1, 1, 1), datetime.date(2025, 3, 1),
                                 datetime.date(9999, 12, 31)])
def test_season_words_resolve_or_stay_unresolved(word, ref):
    factkit.extract(word, ref_date=ref)


# --- the calendar tables -------------------------------------------------------------------

def test_solar_terms_table_covers_1900_to_2100():
    from factkit.dates.holidays import _solar_terms, solar_term_day
    table = _solar_terms()
    assert len(table) == 24 * 201
    assert solar_term_day("冬至", 2026) == datetime.date(2026, 12, 22)
    assert solar_term_day("立春", 2026) == datetime.date(2026, 2, 4)
    assert solar_term_day("冬至", 2101) is None
    for year in (1900, 2000, 2100):  # every term once a year, in the order of the seasons
        days = sorted((day, term) for (term, y), day in table.items() if y == year)
        assert [term for _, term in days][:3] == ["小寒", "大寒", "立春"]


def test_statutory_holidays_are_blocks_around_their_festival():
    from factkit.dates.holidays import _statutory_spans
    spans = _statutory_spans()
    years = {year for _, year in spans}
    assert min(years) == 2004 and max(years) >= 2026
    for (holiday, year), (first, last) in spans.items():
        assert first <= last and (last - first).days <= 9, (holiday, year)
    assert spans[("国庆节", 2025)] == (datetime.date(2025, 10, 1), datetime.date(2025, 10, 8))


def test_easter_matches_known_dates():
    from factkit.dates.holidays import easter
    # Easter Sundays from the published tables
    assert [easter(y) for y in (2019, 2024, 2025, 2038)] == [
        datetime.date(2019, 4, 21), datetime.date(2024, 3, 31), datetime.date(2025, 4, 20),
        datetime.date(2038, 4, 25)]


def test_national_days_and_fiscal_years_load():
    from factkit.lexicon import read_table
    days = read_table("national_days.tsv")
    assert len(days) >= 30 and all(datetime.date(2001, int(r["month"]), int(r["day"]))
                                   for r in days)
    owners = read_table("fiscal_years.tsv")
    assert all(1 <= int(r["first_month"]) <= 12 and r["named_by"] in ("start", "end")
               for r in owners)
    eid = read_table("islamic_holidays.tsv")
    assert {r["holiday"] for r in eid} == {"开斋节", "古尔邦节"} and len(eid) > 250


# Reproducers from the package fuzzer (each raised before): calendar edges and unreadable years.
@pytest.mark.parametrize("text, ref", [
    ("晚冬", "2025-03-01"), ("感恩节", "9999-08-23"), ("这周", "9999-12-27"), ("上周", "0001-01-02"),
    ("礼拜天", "9999-12-29"), ("上星期五", "0001-01-02"), ("次日", "9999-12-31"),
    ("周末", "9999-12-27"), ("天宝四五年末", None), ("康熙五六年底", None), ("民国三四年末", None),
    ("三年后", "9998-06-01"), ("下下周一", "9999-12-25"), ("明晚8点", "9999-12-31"),
])
def test_fuzzer_reproducers_do_not_raise(text, ref):
    ref_date = datetime.date.fromisoformat(ref) if ref else None
    doc = factkit.extract(text, ref_date=ref_date)
    for mention in doc.dates:
        assert mention.first_day is None or datetime.date(1, 1, 1) <= mention.first_day
