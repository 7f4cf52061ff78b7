"""Festivals, holidays and solar terms: a named day of the year, and the days off around it.

* Chinese festivals (festivals.tsv): lunar or Gregorian fixed days, or computed (除夕,
  Mother's Day); a festival without a year is its occurrence nearest the reference date,
  or the anchor year of the paragraph (see ``Resolver``).
* Solar terms (立春, 清明, 冬至 …) from solar_terms.tsv (sxtwl, 1900–2100). 冬至 is a day,
  never a season; the terms that are also weather words (雨水, 大雪, 小雪, 白露, 霜降, 小满,
  大寒, 小寒) count only with 节气/时节/当天 and the like around them.
* Statutory holiday spans (国庆假期, 春节长假, 五一小长假) from holidays_cn.tsv (State
  Council announcements through chinesecalendar, 2004–2026): a year outside the table is
  unresolved (None), never a guess.
* Foreign holidays widely reported in Chinese news: fixed (圣诞节), computed (复活节: the
  Gregorian computus; 感恩节: fourth Thursday of November) or from a table (开斋节, 古尔邦节:
  Umm al-Qura, islamic_holidays.tsv); a country's national day (法国国庆节 = 14 July) from
  national_days.tsv, and an unknown country's national day is unresolved, not 1 October.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import cache

import regex

from .. import lunar
from ..lexicon import read_table
from .builders import _nearest_festival_year as _nearest_year
from .builders import _rel_year
from .builders import _safe_day_of as _safe
from .days import (Day, DateSpec, Resolution, Resolver, _day, _explicit_year_prefix, _festivals,
                   _months_span)
from .patterns import year_before

__all__ = ["SOLAR_TERMS", "build_festival", "build_solar_term", "build_holiday_span", "build_national_day",
           "FESTIVAL_GUARDS", "ALIAS_PATTERN", "SOLAR_TERM_PATTERN", "HOLIDAY_SPAN_PATTERN",
           "national_day_pattern", "build_school_break", "build_fiscal_year",
           "SCHOOL_BREAK_PATTERN", "FISCAL_YEAR_PATTERN"]


# --------------------------------------------------------------------------- tables

@cache
def _solar_terms() -> dict[tuple[str, int], Day]:
    return {(row["term"], int(row["year"])): Day.fromisoformat(row["date"])
            for row in read_table("solar_terms.tsv")}


def solar_term_day(term: str, year: int) -> Day | None:
    """The day solar term ``term`` begins in ``year`` (China Standard Time), 1900–2100."""
    return _solar_terms().get((term, year))


@cache
def _statutory_spans() -> dict[tuple[str, int], tuple[Day, Day]]:
    return {(row["holiday"], int(row["year"])): (Day.fromisoformat(row["first"]),
                                                  Day.fromisoformat(row["last"]))
            for row in read_table("holidays_cn.tsv")}


@cache
def _islamic_days() -> dict[tuple[str, int], list[Day]]:
    days: dict[tuple[str, int], list[Day]] = {}
    for row in read_table("islamic_holidays.tsv"):
        days.setdefault((row["holiday"], int(row["year"])), []).append(
            Day.fromisoformat(row["date"]))
    return days


@cache
def _national_days() -> dict[str, tuple[int, int]]:
    return {row["country"]: (int(row["month"]), int(row["day"]))
            for row in read_table("national_days.tsv")}


# --------------------------------------------------------------------------- computed days

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> Day | None:
    if not 1 <= year <= 9999:
        return None
    first = Day(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + datetime.timedelta(days=offset + 7 * (n - 1))


def easter(year: int) -> Day | None:
    """Western Easter Sunday: the anonymous Gregorian computus (Meeus, Astronomical
    Algorithms, 1991), valid for every Gregorian year from 1583."""
    if not 1583 <= year <= 9999:
        return None
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return Day(year, month, day + 1)


def _islamic(name: str) -> Callable[[int], Day | None]:
    def day_of(year: int) -> Day | None:
        days = _islamic_days().get((name, year))
        return days[0] if days else None  # a year with two (every ~33 years): the first
    return day_of


_FESTIVAL_RULES: dict[str, Callable[[int], Day | None]] = {
    "除夕": lunar.new_years_eve, "大年三十": lunar.new_years_eve,
    "清明节": lambda y: solar_term_day("清明", y), "清明": lambda y: solar_term_day("清明", y),
    "母亲节": lambda y: _nth_weekday(y, 5, 6, 2),
    "父亲节": lambda y: _nth_weekday(y, 6, 6, 3),
    "感恩节": lambda y: _nth_weekday(y, 11, 3, 4),
    "复活节": easter,
    "开斋节": _islamic("开斋节"), "古尔邦节": _islamic("古尔邦节"), "宰牲节": _islamic("古尔邦节"),
}


def _year(explicit: int | None, rel: str | None, r: Resolver,
          day_of: Callable[[int], Day | None]) -> tuple[int | None, bool]:
    if explicit:
        return explicit, False
    if rel:
        return _rel_year(rel, r)
    return _nearest_year(day_of, r), True


# --------------------------------------------------------------------------- festivals

# Festival names that are also ordinary words (政治清明, 吃元宵) count only in holiday context.
# (what may not stand before, what must or may not follow)
FESTIVAL_GUARDS = {
    "清明": ("(?<![治政吏世廉公正开目])", "(?!上河|透明|廉洁|公正|的)"),
    "元宵": ("", "(?=节|佳节|晚会|期间|当天|前夕|灯会)"),
    "重阳": ("", "(?=节|佳节|期间|当天|前夕)"),
    "小年": ("", "(?=夜|当天|期间|前后)"),
    "七夕": ("", "(?!节)"), "中秋": ("", "(?!节)"), "端午": ("", "(?!节)"),
    "腊八": ("", "(?!节|粥)"),
    # 法国国庆节 is not 1 October (see build_national_day); 中国/我国/全国 国庆 are
    "国庆节": ("(?<![^中我全祖建爱开举]国)", ""),
}

# Short numeric names of holidays, only where the context makes them dates (五一 alone is
# as often "five-one" in a list).
FESTIVAL_ALIASES = {"五一": "劳动节", "十一": "国庆节", "国庆": "国庆节", "六一": "儿童节",
                    "七一": "建党节", "八一": "建军节", "三八": "妇女节"}
ALIAS_PATTERN = (r"(?<![一二三四五六七八九十百千万零两])五一(?![一二三四五六七八九十个家名人])"
                 r"|(?:十一|六一|三八)(?=假期|期间|小长假|黄金周|长假|前夕|当天|节)"
                 r"|七一(?=前夕|讲话|当天)|八一(?=前夕|建军节)|(?<![^中我全祖建爱开举]国)国庆(?!节)")


def _festival_day(name: str) -> Callable[[int], Day | None]:
    """The Gregorian day of a festival in a given year, by how its table row says to find it."""
    cal, month, day = _festivals()[name]

    def day_of(year: int) -> Day | None:
        if cal == "lunar":
            return lunar.to_solar(year, month, day)
        if cal == "rule":
            return _FESTIVAL_RULES[name](year)
        return _day(year, month, day)
    return day_of


def build_festival(m: regex.Match, text: str) -> DateSpec | None:
    name = m.group("f")
    name_key = name if name in _festivals() else FESTIVAL_ALIASES.get(name, name)
    cal = _festivals()[name_key][0]
    start, explicit, rel = year_before(text, m.start())
    day_of = _festival_day(name_key)

    def resolve(r: Resolver) -> Resolution:
        calendar_name = "lunar" if cal == "lunar" or name_key in ("除夕", "大年三十") else "gregorian"
        year, used = _year(explicit, rel, r, day_of)
        d = _safe(day_of, year) if year else None
        return Resolution(d, d, "day", calendar_name, relative=used)
    return DateSpec(start, m.end(), "<festival>", resolve, year=explicit)


# --------------------------------------------------------------------------- solar terms

_TERMS = ("立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至", "小暑", "大暑",
          "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒")
SOLAR_TERMS = tuple(t for t in _TERMS if t != "清明")  # 清明 is read as a festival
# terms that are also weather or ordinary words: only with a word that makes them a term
_WEATHER_TERMS = ("雨水", "小雪", "大雪", "白露", "霜降", "小满", "小寒", "大寒", "谷雨", "小暑",
                  "大暑", "处暑", "寒露")
_TERM_CONTEXT_AFTER = r"(?=(?:节气|时节|当天|当日|这天|这一天|之际|前后|前夕|过后|刚过|已至|将至|来临))"
_TERM_CONTEXT_BEFORE = r"(?<=节气|迎来|交节|又到|时值|正值|已是|今日|今天|明天|适逢|恰逢|到了)"
# 清明 is read as a festival (its day is the solar term's)
SOLAR_TERM_PATTERN = (
    r"(?P<t>"
    + "|".join(t for t in SOLAR_TERMS if t not in _WEATHER_TERMS)
    + "|" + "|".join(f"{t}(?=[”\"」]?{_TERM_CONTEXT_AFTER[3:-1]})|{_TERM_CONTEXT_BEFORE}{t}"
                     for t in _WEATHER_TERMS)
    + r")(?!天气)"
)


def build_solar_term(m: regex.Match, text: str) -> DateSpec | None:
    term = m.group("t")
    start, explicit, rel = year_before(text, m.start())

    def day_of(year: int) -> Day | None:
        return solar_term_day(term, year)

    def resolve(r: Resolver) -> Resolution:
        year, used = _year(explicit, rel, r, day_of)
        d = day_of(year) if year else None
        return Resolution(d, d, "day", relative=used)
    return DateSpec(start, m.end(), "<solar term>", resolve, year=explicit)


# --------------------------------------------------------------------------- holiday spans

_SPAN_HOLIDAYS = {"春节": "春节", "国庆": "国庆节", "国庆节": "国庆节", "十一": "国庆节",
                  "五一": "劳动节", "劳动节": "劳动节", "清明": "清明节", "清明节": "清明节",
                  "端午": "端午节", "端午节": "端午节", "中秋": "中秋节", "中秋节": "中秋节",
                  "元旦": "元旦", "国庆中秋": "国庆节", "中秋国庆": "国庆节"}
HOLIDAY_SPAN_PATTERN = (
    r"(?<![^中我全祖建爱开举]国)(?P<f>" + "|".join(sorted(_SPAN_HOLIDAYS, key=len, reverse=True))
    + r")(?P<kind>小长假|长假|假期|黄金周|放假期间|休假期间)"
)


def build_holiday_span(m: regex.Match, text: str) -> DateSpec | None:
    """国庆假期, 春节长假, 五一小长假: the days off as announced for that year."""
    holiday = _SPAN_HOLIDAYS[m.group("f")]
    start, explicit, rel = year_before(text, m.start())
    cal = _festivals()[holiday][0]
    day_of = _festival_day(holiday)

    def resolve(r: Resolver) -> Resolution:
        year, used = _year(explicit, rel, r, day_of)
        span = _statutory_spans().get((holiday, year)) if year else None
        first, last = span or (None, None)
        return Resolution(first, last, "other", "lunar" if cal == "lunar" else "gregorian",
                          relative=used)
    return DateSpec(start, m.end(), "<holiday span>", resolve, year=explicit)


# --------------------------------------------------------------------------- national days

@cache
def national_day_pattern() -> str:
    countries = "|".join(sorted(_national_days(), key=len, reverse=True))
    return rf"(?P<c>{countries})(?:的)?(?:国庆节|国庆日|国庆)"


def build_national_day(m: regex.Match, text: str) -> DateSpec | None:
    """法国国庆节 (14 July): a country's national day, from national_days.tsv."""
    month, day = _national_days()[m.group("c")]
    start, explicit, rel = year_before(text, m.start())

    def day_of(year: int) -> Day | None:
        return _day(year, month, day)

    def resolve(r: Resolver) -> Resolution:
        year, used = _year(explicit, rel, r, day_of)
        d = day_of(year) if year else None
        return Resolution(d, d, "day", relative=used)
    return DateSpec(start, m.end(), "<festival>", resolve, year=explicit)


# --------------------------------------------------------------------------- school, fiscal years

# 暑假 and 寒假 differ by province and school; by convention (README) 暑假 is July–August and
# 寒假 January–February of the year the text is about.
SCHOOL_BREAK_PATTERN = r"(?P<p>暑假|寒假)"
_SCHOOL_BREAKS = {"暑假": (7, 8), "寒假": (1, 2)}


def build_school_break(m: regex.Match, text: str) -> DateSpec | None:
    first_month, last_month = _SCHOOL_BREAKS[m.group("p")]
    start, explicit, rel = year_before(text, m.start())

    def resolve(r: Resolver) -> Resolution:
        year, used = (explicit, False) if explicit else (
            _rel_year(rel, r) if rel else r.year_for(first_month))
        first, last = _months_span(year, first_month, last_month) if year else (None, None)
        return Resolution(first, last, "other", relative=used)
    return DateSpec(start, m.end(), "<school break>", resolve, year=explicit)


@cache
def _fiscal_owners() -> tuple[regex.Pattern, dict[str, tuple[int, str]]]:
    owners = {row["owner"]: (int(row["first_month"]), row["named_by"])
              for row in read_table("fiscal_years.tsv")}
    pattern = regex.compile("|".join(sorted(owners, key=len, reverse=True)))
    return pattern, owners


FISCAL_YEAR_PATTERN = r"(?P<fy>财年|财政年度|会计年度)"
_OWNER_REACH = 30


def build_fiscal_year(m: regex.Match, text: str) -> DateSpec | None:
    """美国2025财年, 微软2025财年: the fiscal year of the owner the clause names; without a
    known owner the year is unresolved (granularity year, no days)."""
    year = _explicit_year_prefix(m)
    if not year:
        return None
    pattern, owners = _fiscal_owners()
    named = [o.group() for o in pattern.finditer(text, max(0, m.start() - _OWNER_REACH),
                                                  m.start())]
    owner = owners.get(named[-1]) if named else None

    def resolve(r: Resolver) -> Resolution:
        if owner is None:
            return Resolution(None, None, "year")
        first_month, named_by = owner
        start_year = year if named_by == "start" or first_month == 1 else year - 1
        first, last = _months_span(start_year, first_month, first_month + 11)
        return Resolution(first, last, "year")
    return DateSpec(m.start(), m.end(), "<fiscal year>", resolve, year=year)
