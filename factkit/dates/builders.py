"""Builders: from a rule's match to a ``DateSpec`` whose ``resolve`` gives the period."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import cast

import regex

from .. import lunar
from .days import (Day, DateSpec, Resolution, Resolver, _add_months, _day, _explicit_year_prefix,
                   _group, _month_span, _months_span, _relative_table,
                   _small_number, _year_number, _year_span)
from .patterns import _LUNAR_MONTH_NUMBER, LazyPattern
from .periods import _monday, _plus, _quarter_of

def _rel_year(word: str | None, r: Resolver) -> tuple[int | None, bool]:
    """Year of 今年/去年/… (with 当年 from context); (year, used the reference)."""
    if not word:
        return None, False
    if word == "当年" and r.anchor_year is not None:
        return r.anchor_year, True
    if word in ("上年", "上一年") and r.anchor_year is not None:
        # the year before the one under discussion (a bulletin about 2024: 上年 = 2023)
        return (r.anchor_year - 1 if r.anchor_year > 1 else None), True
    unit, offset = _relative_table().get(word, ("year", 0))
    ref = r.ref_year()
    return (ref + offset if ref else None), True


def _year_of(explicit: int | None, rel: str | None, r: Resolver, default: int | None = None,
             month: int = 1) -> tuple[int | None, bool]:
    """The year a mention speaks of: written (2026年), relative (今年) or, failing both,
    ``default`` or the year the text is about (``Resolver.year_for`` a period starting in
    ``month``); and whether the reference date or the context was used."""
    if explicit:
        return explicit, False
    if rel:
        return _rel_year(rel, r)
    if default is not None:
        return default, True
    return r.year_for(month)


def build_full_date(m: regex.Match, text: str) -> DateSpec | None:
    """2026年2月24日, 2026-02-24, 24.2.2026: one day with its year written."""
    year, month, day = _year_number(m.group("y")), _small_number(
        cast(str, _group(m, "m"))), _small_number(m.group("d"))
    if not year or not month or not day:
        return None

    def resolve(r: Resolver) -> Resolution:
        d = _day(year, month, day)
        return Resolution(d, d, "day")
    return DateSpec(m.start(), m.end(), "<year><month><day>", resolve, year=year,
                    month_day=(month, day))


def build_year_month(m: regex.Match, text: str) -> DateSpec | None:
    year, month = _year_number(m.group("y")), _small_number(cast(str, _group(m, "m")))
    if not year or not month or month > 12:
        return None

    def resolve(r: Resolver) -> Resolution:
        first, last = _month_span(year, month)
        return Resolution(first, last, "month")
    return DateSpec(m.start(), m.end(), "<year>年<month>月", resolve, year=year)


def build_month_day(m: regex.Match, text: str) -> DateSpec | None:
    month, day = _small_number(cast(str, _group(m, "m"))), _small_number(m.group("d"))
    if not month or not day or month > 12 or day > 31:
        return None
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution:
        year, used = _rel_year(rel, r) if rel else r.year_for(month, day)
        d = _day(year, month, day) if year else None
        if d is None and year and not rel and month == 2 and day == 29:
            # 2月29日 in a year without one: the last leap year before it
            d = next(filter(None, (_day(y, 2, 29) for y in range(year - 1, year - 9, -1))), None)
        return Resolution(d, d, "day", relative=used)
    return DateSpec(m.start(), m.end(), "<month>月<day>日", resolve, month_day=(month, day))


def build_slash_month_day(m: regex.Match, text: str) -> DateSpec | None:
    """3/1, 12/25: month and day with a slash, read like 3月1日. A proper fraction with a
    small denominator (1/2, 2/3, 3/10) is a fraction, not a date."""
    month, day = int(m.group("m")), int(m.group("d"))
    if month < day <= 10 or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None

    def resolve(r: Resolver) -> Resolution:
        year, used = r.year_for(month, day)
        d = _day(year, month, day) if year else None
        return Resolution(d, d, "day", relative=used)
    return DateSpec(m.start(), m.end(), "<month>月<day>日", resolve, month_day=(month, day))


@lru_cache(maxsize=4)
def _first_republic_mention(text: str) -> int:
    found = [i for i in (text.find("民国"), text.find("民國")) if i >= 0]
    return min(found) if found else -1


# Words that make a text a Taiwan one, where 115年 is a Republic year (2026) although 民国 is
# not written: a three-digit year of 100–150 cannot be a Gregorian year in news.
_TAIWAN_WORDS = LazyPattern(r"台湾|臺灣|台北|臺北|中央社|新台币|新臺幣|行政院|立法院|国民党|國民黨|民进党"
                              r"|民進黨")


@lru_cache(maxsize=4)
def _reads_taiwan(text: str) -> bool:
    return _TAIWAN_WORDS.search(text) is not None


def build_republic_year(m: regex.Match, text: str) -> DateSpec | None:
    """117年 after 民国/民國 in the same text, or 115年 in a Taiwan text: a Republic year
    (117 -> 2028), with its month and day."""
    first = _first_republic_mention(text)
    number = int(m.group("y"))
    if not (0 <= first < m.start()) and not (100 <= number <= 150 and _reads_taiwan(text)):
        return None
    year = 1911 + number
    month = _small_number(m.group("m")) if m.group("m") else None
    day = _small_number(m.group("d")) if m.group("d") else None

    def resolve(r: Resolver) -> Resolution:
        if day:
            d = _day(year, cast(int, month), day)  # a day is written with its month
            return Resolution(d, d, "day")
        if month:
            return Resolution(*_month_span(year, month), "month")
        return Resolution(*_year_span(year), "year")
    return DateSpec(m.start(), m.end(), "<year>年", resolve, year=year,
                    month_day=(cast(int, month), day) if day else None)


def build_year(m: regex.Match, text: str) -> DateSpec | None:
    year = _year_number(m.group("y"))
    if not year:
        return None

    def resolve(r: Resolver) -> Resolution:
        first, last = _year_span(year)
        return Resolution(first, last, "year")
    return DateSpec(m.start(), m.end(), "<year>年", resolve, year=year)


def build_month(m: regex.Match, text: str) -> DateSpec | None:
    written = cast(str, _group(m, "m"))
    lunar_month = _LUNAR_MONTH_NUMBER.get(written)
    month = lunar_month or _small_number(written)
    if not month or month > 12:
        return None
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution | None:
        year, used = _rel_year(rel, r) if rel else r.year_for(month)
        if not year:
            return Resolution(None, None, "month", "lunar" if lunar_month else "gregorian", True)
        if lunar_month:
            lunar_year = _nearest_lunar_year(month, 1, r) or year
            first = lunar.to_solar(lunar_year, month, 1)
            last = (lunar.to_solar(lunar_year, month, 30) or lunar.to_solar(lunar_year, month, 29))
            return Resolution(first, last, "month", "lunar", True)
        first, last = _month_span(year, month)
        return Resolution(first, last, "month", relative=used)
    return DateSpec(m.start(), m.end(), "<month>月", resolve)


def build_day_of_month(m: regex.Match, text: str) -> DateSpec | None:
    day = _small_number(m.group("d"))
    if not day or day > 31:
        return None

    def resolve(r: Resolver) -> Resolution:
        if r.last_month:
            year, month = r.last_month
        elif r.ref:
            year, month = r.ref.year, r.ref.month
        else:
            return Resolution(None, None, "day", relative=True)
        d = _day(year, month, day)
        if d is None and not r.last_month:
            # 29日 read in a February without one: the last month that has it
            d = _day(*_add_months(year, month, -1), day)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<day>日", resolve)


def _nearest_lunar_year(month: int, day: int, r: Resolver) -> int | None:
    """The lunar year of a lunar month/day written without one: inside a range the first
    occurrence on or after its first half, else the anchor year, else the occurrence nearest
    the reference date."""
    return _nearest_festival_year(lambda year: lunar.to_solar(year, month, day), r)


def build_lunar_date(m: regex.Match, text: str) -> DateSpec | None:
    written_month, written_day = m.group("lm"), m.group("ld")
    leap = written_month.startswith("闰")
    written_month = written_month.lstrip("闰")
    month = _LUNAR_MONTH_NUMBER.get(written_month) or _small_number(written_month)
    day = _small_number(written_day)
    marked = bool(_group(m, "nl")) or bool(_group(m, "nl2")) or written_month in _LUNAR_MONTH_NUMBER \
        or written_day.startswith("初") or leap
    if not marked or not month or not day or month > 12 or day > 30:
        return None
    year = _explicit_year_prefix(m)

    def resolve(r: Resolver) -> Resolution:
        lunar_year = year or _nearest_lunar_year(month, min(day, 29), r)
        if not lunar_year:
            return Resolution(None, None, "day", "lunar", True)
        d = lunar.to_solar(lunar_year, month, day, leap)
        return Resolution(d, d, "day", "lunar", relative=year is None)
    return DateSpec(m.start(), m.end(), "农历<month>月<day>", resolve, year=year,
                    lunar_month_day=(month, day))


def build_new_years_day_lunar(m: regex.Match, text: str) -> DateSpec | None:
    """大年初一 … 大年初十, 大年三十 (the eve)."""
    written = m.group("ld")
    year = _explicit_year_prefix(m)
    if written == "三十":
        def resolve_eve(r: Resolver) -> Resolution:
            y = year or _nearest_festival_year(lambda y: lunar.new_years_eve(y), r)
            d = lunar.new_years_eve(y) if y else None
            return Resolution(d, d, "day", "lunar", relative=year is None)
        return DateSpec(m.start(), m.end(), "大年三十", resolve_eve, year=year)
    day = _small_number(written)
    if not day:
        return None

    def resolve(r: Resolver) -> Resolution:
        y = year or _nearest_lunar_year(1, day, r)
        d = lunar.to_solar(y, 1, day) if y else None
        return Resolution(d, d, "day", "lunar", relative=year is None)
    return DateSpec(m.start(), m.end(), "大年初<day>", resolve, year=year,
                    lunar_month_day=(1, day))


def _nearest_festival_year(day_of: Callable[[int], Day | None], r: Resolver) -> int | None:
    """The year of a yearly day (a festival, a lunar date) written without one: see
    ``_nearest_lunar_year``."""
    if r.after is not None:
        for year in (r.after.year - 1, r.after.year, r.after.year + 1):
            d = _safe_day_of(day_of, year)
            if d and d >= r.after:
                return year
        return None
    if r.anchor_year is not None:
        return r.anchor_year
    if not r.ref:
        return None
    best = None
    for year in (r.ref.year - 1, r.ref.year, r.ref.year + 1):
        d = _safe_day_of(day_of, year)
        if d and (best is None or abs((d - r.ref).days) < abs((best[1] - r.ref).days)):
            best = (year, d)
    return best[0] if best else None


def _safe_day_of(day_of: Callable[[int], Day | None], year: int) -> Day | None:
    if not 1 <= year <= 9999:
        return None
    try:
        return day_of(year)
    except (ValueError, OverflowError):
        return None


def build_stem_branch(m: regex.Match, text: str) -> DateSpec | None:
    stem, branch, zodiac = m.group("stem"), m.group("branch"), _group(m, "zod")
    if zodiac and lunar.ZODIAC.index(zodiac) != lunar.BRANCHES.index(branch):
        return None  # 丙午 is a horse year: 丙午牛年 is no year

    return DateSpec(m.start(), m.end(), "<stem><branch>年", _named_lunar_year(stem, branch))


def build_zodiac_year(m: regex.Match, text: str) -> DateSpec | None:
    branch = lunar.BRANCHES[lunar.ZODIAC.index(cast(str, _group(m, "zod")))]

    return DateSpec(m.start(), m.end(), "<zodiac>年", _named_lunar_year(None, branch))


def _named_lunar_year(stem: str | None, branch: str) -> Callable[[Resolver], Resolution]:
    """丙午年, 马年: the lunar year of that name nearest the reference date."""
    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "year", "lunar", True)
        year = lunar.nearest_year(stem, branch, r.ref.year)
        first, last = lunar.lunar_year_span(year) or (None, None)
        return Resolution(first, last, "year", "lunar", relative=True)
    return resolve


_QUARTERS = {"一": 1, "1": 1, "首": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
_SEASON_MONTHS = {"春": 3, "夏": 6, "秋": 9, "冬": 12}


@cache  # a few dozen words
def _period_months(word: str) -> tuple[int, int, str] | None:
    """(first month, last month, granularity) of a period word of a year; months > 12 spill
    into the next year (冬 = Dec–Feb)."""
    if word in ("上半年",):
        return 1, 6, "other"
    if word in ("下半年",):
        return 7, 12, "other"
    if word in ("全年", "全年度"):
        return 1, 12, "year"
    if word in ("年初", "初", "岁初", "开年"):
        return 1, 2, "other"
    if word in ("年中", "中"):
        return 6, 7, "other"
    if word in ("年底", "年末", "岁末", "年终", "底", "末", "岁尾", "年尾"):
        return 11, 12, "other"
    m = re.fullmatch(r"前([二两三])季度", word)
    if m:
        return 1, 3 * (3 if m.group(1) == "三" else 2), "other"
    m = re.fullmatch(r"第?([一二三四1-4])季度?|(首)季度?|[Qq]([1-4])", word)
    if m:
        q = _QUARTERS[next(g for g in m.groups() if g)]
        return 3 * q - 2, 3 * q, "quarter"
    m = re.fullmatch(r"(初|早|深|晚|暮|盛|仲|隆|寒)?([春夏秋冬])(?:天|季|日)?", word)
    if m:
        start = _SEASON_MONTHS[m.group(2)]
        modifier = m.group(1)
        if modifier in ("初", "早"):
            return start, start, "season"
        if modifier in ("深", "晚", "暮"):
            return start + 2, start + 2, "season"
        if modifier in ("仲", "盛") and m.group(2) != "冬":
            return start + 1, start + 1, "season"
        return start, start + 2, "season"
    return None


def build_year_period(m: regex.Match, text: str) -> DateSpec | None:
    word = m.group("p")
    period = _period_months(word)
    if period is None:
        return None
    first_month, last_month, granularity = period
    explicit = _explicit_year_prefix(m)
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution:
        # 冬天 read in January is the winter that began in December: year_for gives last year
        year, used = _year_of(explicit, rel, r, month=first_month)
        if not year:
            return Resolution(None, None, granularity, relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, granularity, relative=used)
    return DateSpec(m.start(), m.end(), "<year><period>", resolve, year=explicit)


_MONTH_PARTS = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20),
                "下旬": (21, 31), "底": (21, 31), "末": (21, 31)}


def build_month_part(m: regex.Match, text: str) -> DateSpec | None:
    first_day, last_day = _MONTH_PARTS[m.group("part")]
    month = _small_number(cast(str, _group(m, "m"))) if _group(m, "m") else None
    if _group(m, "m") and (not month or month > 12):
        return None
    explicit = _explicit_year_prefix(m)
    relm = _group(m, "relm")

    def resolve(r: Resolver) -> Resolution:
        used = not explicit
        if month:
            year = explicit or r.year_for(month, first_day)[0]
            target = (year, month) if year else None
        elif relm:
            unit, offset = _relative_table().get(relm, ("month", 0))
            target = _add_months(r.ref.year, r.ref.month, offset) if r.ref else None
            if relm == "当月" and r.last_month:
                target = r.last_month
        else:
            target = r.last_month or ((r.ref.year, r.ref.month) if r.ref else None)
        if not target:
            return Resolution(None, None, "other", relative=True)
        first, last = _month_span(target[0], target[1], first_day, last_day)
        return Resolution(first, last, "other", relative=used)
    return DateSpec(m.start(), m.end(), "<month><part>", resolve, year=explicit)


def build_month_range(m: regex.Match, text: str) -> DateSpec | None:
    first_month, last_month = _small_number(m.group("m1")), _small_number(m.group("m2"))
    if not first_month or not last_month or not first_month < last_month <= 12:
        return None
    explicit = _explicit_year_prefix(m)
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution:
        year, used = _year_of(explicit, rel, r, month=first_month)
        if not year:
            return Resolution(None, None, "month", relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, "month", relative=used)
    return DateSpec(m.start(), m.end(), "<month>—<month>月", resolve, year=explicit)


def build_rest_of_period(m: regex.Match, text: str) -> DateSpec | None:
    """年内, 月内: from the reference date to the end of its year or month."""
    word = m.group("w")

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "other", relative=True)
        last = _year_span(r.ref.year)[1] if word == "年内" else _month_span(
            r.ref.year, r.ref.month)[1]
        return Resolution(r.ref, last, "other", relative=True)
    return DateSpec(m.start(), m.end(), "年内", resolve)


def build_year_range(m: regex.Match, text: str) -> DateSpec | None:
    first_year, last_year = _year_number(m.group("y1")), _year_number(m.group("y2"))
    if not first_year or not last_year or not first_year < last_year:
        return None

    def resolve(r: Resolver) -> Resolution:
        return Resolution(_year_span(first_year)[0], _year_span(last_year)[1], "year")
    return DateSpec(m.start(), m.end(), "<year>—<year>年", resolve, year=last_year)


def build_relative(m: regex.Match, text: str) -> DateSpec | None:
    word = m.group("w")
    unit, offset = _relative_table()[word]

    def resolve(r: Resolver) -> Resolution:
        if unit == "year" and word in ("当年", "上年", "上一年") and r.anchor_year is not None:
            first, last = _year_span(_rel_year(word, r)[0] or 0)
            return Resolution(first, last, "year", relative=True)
        if word in ("当月",) and r.last_month:
            first, last = _month_span(*r.last_month)
            return Resolution(first, last, "month", relative=True)
        if not r.ref:
            return Resolution(None, None, {"week": "other"}.get(unit, unit), relative=True)
        if unit == "day":
            d = _plus(r.ref, offset)
            return Resolution(d, d, "day", relative=True)
        if unit == "week":
            monday = _monday(r.ref, offset)
            return Resolution(monday, _plus(monday, 6), "other", relative=True)
        if unit == "month":
            first, last = _month_span(*_add_months(r.ref.year, r.ref.month, offset))
            return Resolution(first, last, "month", relative=True)
        if unit == "quarter":
            year, quarter = _quarter_of(r.ref, offset)
            first, last = _months_span(year, 3 * quarter - 2, 3 * quarter)
            return Resolution(first, last, "quarter", relative=True)
        first, last = _year_span(r.ref.year + offset)
        return Resolution(first, last, "year", relative=True)
    return DateSpec(m.start(), m.end(), "<relative word>", resolve)


def build_context_day(m: regex.Match, text: str) -> DateSpec | None:
    """当天, 当日, 同日, 当晚: the day last mentioned; 次日, 翌日: the day after it."""
    word = m.group("w")
    shift = 1 if word in ("次日", "翌日", "第二天") else 0

    def resolve(r: Resolver) -> Resolution:
        base = r.last_day or r.ref
        d = _plus(base, shift)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<context day>", resolve,
                    part_of_day={"当晚": "evening", "当夜": "night"}.get(word))


def build_vague(m: regex.Match, text: str) -> DateSpec | None:
    word = m.group("w")
    granularity = "multi_year" if "年" in word else "other"

    def resolve(r: Resolver) -> Resolution:
        return Resolution(None, None, granularity, relative=True)
    return DateSpec(m.start(), m.end(), "<vague>", resolve)




def build_first_months(m: regex.Match, text: str) -> DateSpec | None:
    """(今年)前10个月: January to October of the year."""
    months = _small_number(m.group("n"))
    if not months or months > 12:
        return None
    explicit = _explicit_year_prefix(m)
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution:
        year, used = _year_of(explicit, rel, r)
        if not year:
            return Resolution(None, None, "month", relative=True)
        first, last = _months_span(year, 1, months)
        return Resolution(first, last, "month", relative=used)
    return DateSpec(m.start(), m.end(), "前<n>个月", resolve, year=explicit)


def build_relative_month_day(m: regex.Match, text: str) -> DateSpec | None:
    """本月十日, 去年本月十日, 上月5号."""
    day = _small_number(m.group("d"))
    if not day or day > 31:
        return None
    rel, relm = _group(m, "rel"), m.group("relm")

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "day", relative=True)
        unit, offset = _relative_table().get(relm, ("month", 0))
        year, month = _add_months(r.ref.year, r.ref.month, offset)
        if rel:
            ry, _ = _rel_year(rel, r)
            year = ry or year
        d = _day(year, month, day)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "本月<day>日", resolve)


def _plan_years(number: int) -> tuple[int, int] | None:
    """The N-th five-year plan: 1st 1953-1957, 2nd 1958-1962, from the 3rd (1966-1970) on
    every five years (十四五 = 2021-2025)."""
    if number == 1:
        return 1953, 1957
    if number == 2:
        return 1958, 1962
    if 3 <= number <= 30:
        first = 1966 + 5 * (number - 3)
        return first, first + 4
    return None


def build_plan_period(m: regex.Match, text: str) -> DateSpec | None:
    number = _small_number(m.group("n"))
    years = _plan_years(number) if number else None
    if not years:
        return None

    def resolve(r: Resolver) -> Resolution:
        return Resolution(Day(years[0], 1, 1), Day(years[1], 12, 31), "multi_year")
    return DateSpec(m.start(), m.end(), "十<n>五", resolve)


def build_decade(m: regex.Match, text: str) -> DateSpec | None:
    decade = _small_number(m.group("d"))
    if decade is None or decade % 10 or decade >= 100:
        return None
    century_word = _group(m, "c") or ""

    def resolve(r: Resolver) -> Resolution:
        if century_word.startswith("上世纪"):
            base = 1900
        elif century_word.startswith("本世纪"):
            base = 2000
        elif century_word:
            number = _small_number(century_word.rstrip("世纪"))
            if not number:
                return Resolution(None, None, "multi_year")
            base = (number - 1) * 100
        else:
            ref_year = r.ref_year()
            base = 2000 if ref_year and 2000 + decade <= ref_year else 1900
            if not ref_year:
                base = 2000 if decade <= 20 else 1900
        first = base + decade
        return Resolution(Day(first, 1, 1), Day(first + 9, 12, 31), "multi_year",
                          relative=not century_word)
    return DateSpec(m.start(), m.end(), "<decade>年代", resolve)


def _build_year_part(m: regex.Match, text: str) -> DateSpec | None:
    """今年初, 去年底: the year word and the part share the 年."""
    part = {"初": "年初", "中": "年中", "底": "年底", "末": "年末"}[m.group("p")]
    first_month, last_month, granularity = cast(tuple[int, int, str], _period_months(part))
    explicit = _explicit_year_prefix(m)
    if not explicit and not _group(m, "rel"):
        return None  # 天宝四五年末: no year that can be read
    word = cast(str, _group(m, "rel")) + "年" if not explicit else None

    def resolve(r: Resolver) -> Resolution:
        year, used = (explicit, False) if explicit else _rel_year(word, r)
        if not year:
            return Resolution(None, None, granularity, relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, granularity, relative=used)
    return DateSpec(m.start(), m.end(), "<year>年初", resolve, year=explicit)

