"""Dates: points and periods of calendar time, resolved to first/last calendar days.

Each rule is a name, a pattern and a builder (Duckling's rules). A builder returns a
``DateSpec``: what was written (an explicit year? a lunar month and day?) and a function that
resolves it once the reference date and the context are known. Resolution runs after overlaps
are settled, in reading order, so that "24日" can take its month and "当晚" its day from the
dates before them.

Conventions for vague periods are those of API.md (年初 = Jan 1 – end of Feb, 上旬 = days
1–10, seasons by months, 以来 = from the start of X to the reference date). Festivals and
lunar dates without a year resolve to their occurrence nearest the reference date; year-less
Gregorian dates (2月24日) resolve within the reference year.
"""
from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Optional

import re

import regex

from . import lunar
from .candidates import Candidate, Context
from .lexicon import read_table
from .normalize import NormalizedText
from .numerals import parse_number
from .overlaps import resolve as resolve_overlaps

__all__ = ["extract", "infer_reference_date"]

Day = datetime.date
Span = tuple[Optional[Day], Optional[Day]]


# --------------------------------------------------------------------------- calendar helpers

def _day(year: int, month: int, day: int) -> Day | None:
    try:
        return Day(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _year_span(year: int) -> Span:
    if not 1 <= year <= 9999:
        return None, None
    return Day(year, 1, 1), Day(year, 12, 31)


def _month_span(year: int, month: int, first: int = 1, last: int | None = None) -> Span:
    if not 1 <= year <= 9999 or not 1 <= month <= 12:
        return None, None
    end = _month_end(year, month)
    return Day(year, month, min(first, end)), Day(year, month, min(last or end, end))


def _months_span(year: int, first_month: int, last_month: int) -> Span:
    """From the 1st of first_month to the end of last_month; last_month may be 13+ (next year)."""
    if not 1 <= year <= 9998:
        return None, None
    last_year, last_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    return Day(year, first_month, 1), Day(last_year, last_month, _month_end(last_year, last_month))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# --------------------------------------------------------------------------- specs and context

@dataclass
class Resolution:
    first: Day | None
    last: Day | None
    granularity: str
    calendar: str = "gregorian"
    relative: bool = False


@dataclass
class Resolver:
    """What resolution may use: the reference date and the dates read so far."""

    ref: Day | None
    last_day: Day | None = None
    last_month: tuple[int, int] | None = None
    last_year: int | None = None

    def ref_year(self) -> int | None:
        return self.ref.year if self.ref else None


ResolveFn = Callable[[Resolver], Optional[Resolution]]


@dataclass
class DateSpec:
    start: int
    end: int
    rule: str
    resolve: ResolveFn
    year: int | None = None                    # an explicit Gregorian year, for inference
    month_day: tuple[int, int] | None = None   # a written Gregorian month and day
    lunar_month_day: tuple[int, int] | None = None


# --------------------------------------------------------------------------- numerals in dates

def _small_number(text: str) -> int | None:
    """Month, day or short year numbers: 12, 十二, 廿三, 初八 -> 8."""
    text = text.strip()
    if text.startswith("初"):
        text = text[1:]
    if not text:
        return None
    try:
        value = parse_number(text)
    except ValueError:
        return None
    if value != value.to_integral_value() or value < 0:
        return None
    return int(value)


def _year_number(text: str) -> int | None:
    """2026, 二〇二六, 两千零四, 07 (-> 2007), 零八 (-> 2008), 康熙三年 (-> 1664)."""
    text = "".join(text.split())
    for era, first_year in _eras().items():
        if text.startswith(era):
            rest = text[len(era):]
            number = 1 if rest == "元" else _small_number(rest)
            return first_year + number - 1 if number else None
    digits = text.translate(_CN_DIGIT_TABLE)
    if digits.isdigit():
        if len(digits) == 2:
            return 2000 + int(digits) if digits[0] == "0" or int(digits) <= 30 else 1900 + int(
                digits)
        return int(digits)
    value = _small_number(text)
    return value if value and value >= 1000 else None


_CN_DIGIT_TABLE = str.maketrans("〇零一二三四五六七八九", "00123456789")


# --------------------------------------------------------------------------- patterns

_SP = r"[ \t]*+"
_Y4 = r"(?<![0-9])[0-9]{4}(?![0-9])"
# a year written before 年: 1000-2199 (5000年 is a length of time, not a year)
_Y4_YEAR = r"(?<![0-9.])(?:1[0-9]{3}|2[01][0-9]{2})(?![0-9])"
_Y_CN = (r"(?:[〇零一二三四五六七八九]{4}"
         r"|[两二]千(?:零[一二三四五六七八九]|零?[一二三四五六七八九]?十[一二三四五六七八九]?)?)")
_Y2 = r"(?:(?<![0-9])0[0-9]|零[一二三四五六七八九])"
# 18年10月: a two-digit year, only right before a month
_Y2_BEFORE_MONTH = r"(?<![0-9])[0-9]{2}(?=[ \t]*+年[ \t]*+(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})[ \t]*+月)"


@cache
def _eras() -> dict[str, int]:
    return {row["surface"]: int(row["first_year"]) for row in read_table("eras.tsv")}


@cache
def _era_year() -> str:
    return rf"(?:{_alternation(_eras())})(?:元|[一二三四五六七八九十]{{1,3}}|[1-9][0-9]?)"


@cache
def _year_pattern() -> str:
    """What may stand before 年 as a year: 2026, 二〇二六, 两千零四, 07, 18 (before a month),
    and era years (康熙三年, 民国元年)."""
    return rf"(?:{_Y4}|{_Y_CN}|{_Y2}|{_Y2_BEFORE_MONTH}|{_era_year()})"
_M = r"(?:1[0-2]|0?[1-9])"
_M_CN = r"(?:十[一二]|[一二三四五六七八九十])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9])"
_D_CN = r"(?:三十一?|卅一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]?|[一二三四五六七八九])"
_LUNAR_MONTH = r"(?:闰?(?:正|冬|腊|十[一二]|[一二三四五六七八九十]))"
_LUNAR_DAY = r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|卅)"
_SEP = r"(?:——|—|–|-|~|～|至|到)"
_REL_YEAR = "今年|去年|明年|本年|上年|前年|后年|当年|来年"
_LUNAR_MONTH_NUMBER = {"正": 1, "冬": 11, "腊": 12}

@cache
def _relative_table() -> dict[str, tuple[str, int]]:
    return {row["surface"]: (row["unit"], int(row["offset"]))
            for row in read_table("relative_dates.tsv")}


@cache
def _festivals() -> dict[str, tuple[str, int, int]]:
    return {row["surface"]: (row["calendar"], int(row["month"]), int(row["day"]))
            for row in read_table("festivals.tsv")}


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- builders

def _group(m: regex.Match, name: str) -> str | None:
    """A named group's text, or None when the rule's pattern has no such group."""
    return m.group(name) if name in m.re.groupindex else None


def _explicit_year_prefix(m: regex.Match, group: str = "y") -> int | None:
    text = _group(m, group)
    return _year_number(text) if text else None


def _rel_year(word: str | None, r: Resolver) -> tuple[int | None, bool]:
    """Year of 今年/去年/… (with 当年 from context); (year, used the reference)."""
    if not word:
        return None, False
    if word == "当年" and r.last_year:
        return r.last_year, True
    unit, offset = _relative_table()[word]
    ref = r.ref_year()
    return (ref + offset if ref else None), True


def _year_of(explicit: int | None, rel: str | None, r: Resolver,
             default: int | None = None) -> tuple[int | None, bool]:
    """The year a mention speaks of: written (2026年), relative (今年) or, failing both,
    ``default`` or the reference year; and whether the reference date was used."""
    if explicit:
        return explicit, False
    if rel:
        return _rel_year(rel, r)
    return (default if default is not None else r.ref_year()), True


def build_full_date(m: regex.Match, text: str) -> DateSpec | None:
    """2026年2月24日, 2026-02-24, 24.2.2026: one day with its year written."""
    year, month, day = _year_number(m.group("y")), _small_number(_group(m, "m")), _small_number(
        m.group("d"))
    if not year or not month or not day:
        return None

    def resolve(r: Resolver) -> Resolution:
        d = _day(year, month, day)
        return Resolution(d, d, "day")
    return DateSpec(m.start(), m.end(), "<year><month><day>", resolve, year=year,
                    month_day=(month, day))


def build_year_month(m: regex.Match, text: str) -> DateSpec | None:
    year, month = _year_number(m.group("y")), _small_number(_group(m, "m"))
    if not year or not month or month > 12:
        return None

    def resolve(r: Resolver) -> Resolution:
        first, last = _month_span(year, month)
        return Resolution(first, last, "month")
    return DateSpec(m.start(), m.end(), "<year>年<month>月", resolve, year=year)


def build_month_day(m: regex.Match, text: str) -> DateSpec | None:
    month, day = _small_number(_group(m, "m")), _small_number(m.group("d"))
    if not month or not day or month > 12 or day > 31:
        return None
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution:
        year, used = _rel_year(rel, r) if rel else (r.ref_year(), True)
        d = _day(year, month, day) if year else None
        if d is None and year and not rel and month == 2 and day == 29:
            # 2月29日 in a year without one: the last leap year before it
            d = next(filter(None, (_day(y, 2, 29) for y in range(year - 1, year - 9, -1))), None)
        return Resolution(d, d, "day", relative=used)
    return DateSpec(m.start(), m.end(), "<month>月<day>日", resolve, month_day=(month, day))


def build_year(m: regex.Match, text: str) -> DateSpec | None:
    year = _year_number(m.group("y"))
    if not year:
        return None

    def resolve(r: Resolver) -> Resolution:
        first, last = _year_span(year)
        return Resolution(first, last, "year")
    return DateSpec(m.start(), m.end(), "<year>年", resolve, year=year)


def build_month(m: regex.Match, text: str) -> DateSpec | None:
    written = _group(m, "m")
    lunar_month = _LUNAR_MONTH_NUMBER.get(written)
    month = lunar_month or _small_number(written)
    if not month or month > 12:
        return None
    rel = _group(m, "rel")

    def resolve(r: Resolver) -> Resolution | None:
        year, used = _rel_year(rel, r) if rel else (r.ref_year(), True)
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
    """The lunar year whose month/day falls nearest the reference date."""
    if not r.ref:
        return None
    best = None
    for year in (r.ref.year - 1, r.ref.year, r.ref.year + 1):
        solar = lunar.to_solar(year, month, day)
        if solar and (best is None or abs((solar - r.ref).days) < abs((best[1] - r.ref).days)):
            best = (year, solar)
    return best[0] if best else None


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
    if not r.ref:
        return None
    best = None
    for year in (r.ref.year - 1, r.ref.year, r.ref.year + 1):
        d = day_of(year)
        if d and (best is None or abs((d - r.ref).days) < abs((best[1] - r.ref).days)):
            best = (year, d)
    return best[0] if best else None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> Day:
    first = Day(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + datetime.timedelta(days=offset + 7 * (n - 1))


def _qingming(year: int) -> Day | None:
    """清明, the solar term near April 5: the day the sun reaches longitude 15°.

    Within 1900-2100 it falls on April 4, 5 or 6; the standard approximation
    D = floor(Y*0.2422 + C) - floor(Y/4) (Y = year mod 100) gives it exactly for the years
    the lunar calendar covers here.
    """
    if not 1901 <= year <= 2099:
        return None
    y = year % 100
    c = 5.59 if year < 2000 else 4.81
    return Day(year, 4, int(y * 0.2422 + c) - y // 4)


_FESTIVAL_RULES: dict[str, Callable[[int], Day | None]] = {
    "除夕": lunar.new_years_eve, "大年三十": lunar.new_years_eve,
    "清明节": _qingming, "清明": _qingming,
    "母亲节": lambda y: _nth_weekday(y, 5, 6, 2),
    "父亲节": lambda y: _nth_weekday(y, 6, 6, 3),
    "感恩节": lambda y: _nth_weekday(y, 11, 3, 4),
}


def build_festival(m: regex.Match, text: str) -> DateSpec | None:
    name = m.group("f")
    name_key = name if name in _festivals() else _FESTIVAL_ALIASES.get(name, name)
    cal, month, day = _festivals()[name_key]
    explicit = _explicit_year_prefix(m)
    rel = _group(m, "rel")

    def day_of(year: int) -> Day | None:
        if cal == "lunar":
            return lunar.to_solar(year, month, day)
        if cal == "rule":
            return _FESTIVAL_RULES[name_key](year)
        return _day(year, month, day)

    def resolve(r: Resolver) -> Resolution:
        calendar_name = "lunar" if cal == "lunar" or name_key in ("除夕", "大年三十") else "gregorian"
        year, used = _year_of(explicit, rel, r, default=_nearest_festival_year(day_of, r))
        d = day_of(year) if year else None
        return Resolution(d, d, "day", calendar_name, relative=used)
    return DateSpec(m.start(), m.end(), "<festival>", resolve, year=explicit)


# Festival names that are also ordinary words (政治清明, 吃元宵) count only in holiday context.
# (what may not stand before, what must or may not follow)
_FESTIVAL_GUARDS = {
    "清明": ("(?<![治政吏世廉公正开目])", "(?!上河|透明|廉洁|公正|的)"),
    "元宵": ("", "(?=节|佳节|晚会|期间|当天|前夕|灯会)"),
    "重阳": ("", "(?=节|佳节|期间|当天|前夕)"),
    "小年": ("", "(?=夜|当天|期间|前后)"),
    "七夕": ("", "(?!节)"), "中秋": ("", "(?!节)"), "端午": ("", "(?!节)"),
    "腊八": ("", "(?!节|粥)"),
}

# Short numeric names of holidays, only where the context makes them dates (五一 alone is
# as often "five-one" in a list).
_FESTIVAL_ALIASES = {"五一": "劳动节", "十一": "国庆节", "国庆": "国庆节", "六一": "儿童节",
                     "七一": "建党节", "八一": "建军节", "三八": "妇女节"}
_ALIAS_PATTERN = (r"(?<![一二三四五六七八九十百千万零两])五一(?![一二三四五六七八九十个家名人])"
                  r"|(?:十一|六一|三八)(?=假期|期间|小长假|黄金周|长假|前夕|当天|节)"
                  r"|七一(?=前夕|讲话|当天)|八一(?=前夕|建军节)|国庆(?!节)")


def build_stem_branch(m: regex.Match, text: str) -> DateSpec | None:
    stem, branch, zodiac = m.group("stem"), m.group("branch"), _group(m, "zod")
    if zodiac and lunar.ZODIAC.index(zodiac) != lunar.BRANCHES.index(branch):
        return None  # 丙午 is a horse year: 丙午牛年 is no year

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "year", "lunar", True)
        year = lunar.nearest_year(stem, branch, r.ref.year)
        span = lunar.lunar_year_span(year)
        return Resolution(*(span or (None, None)), "year", "lunar", relative=True)
    return DateSpec(m.start(), m.end(), "<stem><branch>年", resolve)


def build_zodiac_year(m: regex.Match, text: str) -> DateSpec | None:
    branch = lunar.BRANCHES[lunar.ZODIAC.index(_group(m, "zod"))]

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "year", "lunar", True)
        year = lunar.nearest_year(None, branch, r.ref.year)
        span = lunar.lunar_year_span(year)
        return Resolution(*(span or (None, None)), "year", "lunar", relative=True)
    return DateSpec(m.start(), m.end(), "<zodiac>年", resolve)


_QUARTERS = {"一": 1, "1": 1, "首": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
_SEASON_MONTHS = {"春": 3, "夏": 6, "秋": 9, "冬": 12}


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
    m = regex.fullmatch(r"前([二两三])季度", word)
    if m:
        return 1, 3 * (3 if m.group(1) == "三" else 2), "other"
    m = regex.fullmatch(r"第?([一二三四1-4])季度|(首)季度?|[Qq]([1-4])", word)
    if m:
        q = _QUARTERS[next(g for g in m.groups() if g)]
        return 3 * q - 2, 3 * q, "quarter"
    m = regex.fullmatch(r"(初|早|深|晚|暮|盛|仲|隆|寒)?([春夏秋冬])(?:天|季|日)?", word)
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
        year, used = _year_of(explicit, rel, r)
        if year and used and not rel and first_month == 12 and r.ref.month <= 2:
            year -= 1  # 冬天 read in January is the winter that began in December
        if not year:
            return Resolution(None, None, granularity, relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, granularity, relative=used)
    return DateSpec(m.start(), m.end(), "<year><period>", resolve, year=explicit)


_MONTH_PARTS = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20),
                "下旬": (21, 31), "底": (21, 31), "末": (21, 31)}


def build_month_part(m: regex.Match, text: str) -> DateSpec | None:
    first_day, last_day = _MONTH_PARTS[m.group("part")]
    month = _small_number(_group(m, "m")) if _group(m, "m") else None
    if _group(m, "m") and (not month or month > 12):
        return None
    explicit = _explicit_year_prefix(m)
    relm = _group(m, "relm")

    def resolve(r: Resolver) -> Resolution:
        used = not explicit
        if month:
            year = explicit or r.ref_year()
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

    def resolve(r: Resolver) -> Resolution:
        year = explicit or r.ref_year()
        if not year:
            return Resolution(None, None, "month", relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, "month", relative=not explicit)
    return DateSpec(m.start(), m.end(), "<month>—<month>月", resolve, year=explicit)


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
        if word in ("当年",) and r.last_year:
            first, last = _year_span(r.last_year)
            return Resolution(first, last, "year", relative=True)
        if word in ("当月",) and r.last_month:
            first, last = _month_span(*r.last_month)
            return Resolution(first, last, "month", relative=True)
        if not r.ref:
            return Resolution(None, None, {"week": "other"}.get(unit, unit), relative=True)
        if unit == "day":
            d = r.ref + datetime.timedelta(days=offset)
            return Resolution(d, d, "day", relative=True)
        if unit == "week":
            monday = r.ref - datetime.timedelta(days=r.ref.weekday()) + datetime.timedelta(
                weeks=offset)
            return Resolution(monday, monday + datetime.timedelta(days=6), "other", relative=True)
        if unit == "month":
            first, last = _month_span(*_add_months(r.ref.year, r.ref.month, offset))
            return Resolution(first, last, "month", relative=True)
        first, last = _year_span(r.ref.year + offset)
        return Resolution(first, last, "year", relative=True)
    return DateSpec(m.start(), m.end(), "<relative word>", resolve)


def build_context_day(m: regex.Match, text: str) -> DateSpec | None:
    """当天, 当日, 当晚: the day last mentioned; 次日, 翌日: the day after it."""
    word = m.group("w")
    shift = 1 if word in ("次日", "翌日", "第二天") else 0

    def resolve(r: Resolver) -> Resolution:
        base = r.last_day or r.ref
        d = base + datetime.timedelta(days=shift) if base else None
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<context day>", resolve)


def build_vague(m: regex.Match, text: str) -> DateSpec | None:
    word = m.group("w")
    granularity = "multi_year" if "年" in word else "other"

    def resolve(r: Resolver) -> Resolution:
        return Resolution(None, None, granularity, relative=True)
    return DateSpec(m.start(), m.end(), "<vague>", resolve)


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def build_weekday(m: regex.Match, text: str) -> DateSpec | None:
    weekday = _WEEKDAYS[m.group("wd")]
    shift = {"上": -1, "下": 1}.get(_group(m, "which") or "", 0)

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "day", relative=True)
        monday = r.ref - datetime.timedelta(days=r.ref.weekday()) + datetime.timedelta(
            weeks=shift)
        d = monday + datetime.timedelta(days=weekday)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<weekday>", resolve)


def build_offset(m: regex.Match, text: str) -> DateSpec | None:
    """3天前, 两年后, 近三年, 过去十年: a day or span counted from the reference date."""
    amount = _small_number(m.group("n"))
    if amount is None or amount > 1000:
        return None
    unit = m.group("u").lstrip("个").replace("星期", "周")
    span = _group(m, "span")
    if span == "前" and unit == "月":
        return None  # 前10个月 is January to October: see build_first_months
    forward = span in ("未来", "今后", "接下来", "往后", "后", "下")
    before = _group(m, "dir") in ("前", "以前", "之前")

    def shifted(r: Resolver, sign: int) -> Day | None:
        try:
            if unit == "天":
                return r.ref + datetime.timedelta(days=sign * amount)
            if unit == "周":
                return r.ref + datetime.timedelta(weeks=sign * amount)
            if unit == "月":
                y, mo = _add_months(r.ref.year, r.ref.month, sign * amount)
                return _day(y, mo, min(r.ref.day, _month_end(y, mo)))
            return _day(r.ref.year + sign * amount, r.ref.month,
                        min(r.ref.day, _month_end(r.ref.year + sign * amount, r.ref.month)))
        except (OverflowError, ValueError):
            return None

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "other", relative=True)
        if span and forward:
            return Resolution(r.ref + datetime.timedelta(days=1), shifted(r, 1), "other",
                              relative=True)
        if span:
            return Resolution(shifted(r, -1), r.ref, "other", relative=True)
        d = shifted(r, -1 if before else 1)
        if unit == "年" and d:
            first, last = _year_span(d.year)
            return Resolution(first, last, "year", relative=True)
        if unit == "月" and d:
            first, last = _month_span(d.year, d.month)
            return Resolution(first, last, "month", relative=True)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<n><unit>前", resolve)


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


def build_weekend(m: regex.Match, text: str) -> DateSpec | None:
    shift = {"上": -1, "下": 1}.get(_group(m, "which") or "", 0)

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "other", relative=True)
        saturday = r.ref - datetime.timedelta(days=r.ref.weekday()) + datetime.timedelta(
            weeks=shift, days=5)
        return Resolution(saturday, saturday + datetime.timedelta(days=1), "other", relative=True)
    return DateSpec(m.start(), m.end(), "<weekend>", resolve)


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


@cache
def _rules() -> tuple[tuple[str, regex.Pattern, Callable], ...]:
    year = _year_pattern()
    festivals = "|".join(_FESTIVAL_GUARDS.get(w, ("", ""))[0] + regex.escape(w)
                         + _FESTIVAL_GUARDS.get(w, ("", ""))[1]
                         for w in sorted(_festivals(), key=len, reverse=True))
    relative = _alternation(w for w in _relative_table() if w not in ("当年",))
    year_prefix = rf"(?:(?P<y>{year}){_SP}年{_SP}|(?P<rel>{_REL_YEAR}){_SP})"
    season = r"(?:初|早|深|晚|暮|盛|仲|隆|寒)?[春夏秋冬](?:天|季|日)?"
    season_alone = r"(?:初|早|深|晚|暮|盛|仲|隆)[春夏秋冬](?![节风雨雪])|[春夏秋冬](?:天|季)"
    periods = (r"(?:第?[一二三四1-4]季度|首季度?|前[二两三]季度|上半年|下半年|全年(?!红)|年初|年中"
               r"|年底|年末|岁末|岁初|年终|岁尾|年尾)(?![”\"」]?(?:牌|品牌|系列))")
    rules: list[tuple[str, str, Callable]] = [
        ("full date", rf"(?P<y>{year}){_SP}年{_SP}(?P<m>{_M}|{_M_CN}){_SP}月{_SP}"
                      rf"(?P<d>{_D}(?={_SP}[日号])|{_D_CN})(?:{_SP}[日号]|(?![一二三四五六七八九十日号]))",
         build_full_date),
        ("numeric date", rf"(?<![0-9.])(?P<y>[0-9]{{4}})(?P<s>[-/.])(?P<m>{_M})(?P=s)"
                         rf"(?P<d>{_D})(?![0-9])", build_full_date),
        ("day-first numeric date", rf"(?<![0-9.])(?P<d>{_D})(?P<s>[-/.])(?P<m>{_M})(?P=s)"
                                   rf"(?P<y>[0-9]{{4}}|[0-9]{{2}})(?![0-9.])", build_full_date),
        ("short numeric date", rf"(?<![0-9.\-])(?P<y>[0-9]{{2}})-(?P<m>{_M})-(?P<d>{_D})(?![0-9\-])",
         build_full_date),
        ("spaced numeric date", r"(?<![0-9])(?P<y>1[0-9]{3}|20[0-9]{2}) (?P<m>0[1-9]|1[0-2]) "
                                r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])", build_full_date),
        ("year month", rf"(?P<y>{year}){_SP}年{_SP}(?P<m>{_M}(?![0-9])|{_M_CN}){_SP}月(?:份)?",
         build_year_month),
        ("month day", rf"(?:(?P<rel>{_REL_YEAR}))?(?<![0-9个])(?P<m>{_M}(?![0-9])|{_M_CN}){_SP}月"
                      rf"{_SP}(?P<d>{_D}(?![0-9])(?={_SP}[日号])|{_D_CN})(?:{_SP}[日号]|"
                      rf"(?![\u4e00-\u9fff]))", build_month_day),
        ("day of this month", rf"(?:(?P<rel>{_REL_YEAR}))?(?P<relm>本月|上月|下月|当月|上个月|下个月)"
                              rf"(?P<d>{_D}(?![0-9])|{_D_CN})(?:日|号)", build_relative_month_day),
        ("year", rf"(?P<y>{_Y4_YEAR}|{_Y_CN}|{_Y2}|{_era_year()}){_SP}年(?:度)?(?![代纪级轻])",
         build_year),
        ("bare year", r"(?:^|(?<=[。！？\n]))(?P<y>(?:19|20)[0-9]{2})(?=[，,])", build_year),
        ("month", rf"(?:(?P<rel>{_REL_YEAR}))?(?<![0-9.个数几多每第—\-~至到])(?P<m>{_M}(?![0-9])|"
                  rf"{_M_CN}|正|腊|冬){_SP}月(?:份)?(?![0-9日号亮光球饼薪嫂子])", build_month),
        ("day of month", rf"(?<![0-9月年.个第每数几近一二三四五六七八九十])(?P<d>{_D}(?![0-9])|"
                         rf"{_D_CN}(?<=[一二三四五六七八九十][一二三四五六七八九十]))(?:日|号)"
                         r"(?![游内来后前之以元电线楼院文机站馆令门房车台位])", build_day_of_month),
        ("lunar date", rf"(?P<nl>农历|阴历)?(?:(?P<y>{year}){_SP}年{_SP})?(?P<nl2>农历|阴历)?"
                       rf"(?P<lm>{_LUNAR_MONTH})月(?P<ld>{_LUNAR_DAY})(?!日|号)", build_lunar_date),
        ("大年初一", rf"(?:(?P<y>{year}){_SP}年{_SP})?大年(?P<ld>初[一二三四五六七八九十]|三十)",
         build_new_years_day_lunar),
        ("festival", rf"(?:{year_prefix})?(?P<f>{festivals}|{_ALIAS_PATTERN})", build_festival),
        ("stem-branch year", r"(?P<stem>[甲乙丙丁戊己庚辛壬癸])(?P<branch>[子丑寅卯辰巳午未申酉戌亥])"
                             r"(?P<zod>[鼠牛虎兔龙蛇马羊猴鸡狗猪])?年", build_stem_branch),
        ("zodiac year", r"(?<![甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])(?P<zod>[鼠牛虎兔龙蛇马羊猴鸡狗猪])年"
                        r"(?![代纪级轻])", build_zodiac_year),
        ("period of a year", rf"{year_prefix}(?:的)?(?P<p>{periods}|{season})", build_year_period),
        ("period of a year (alone)", rf"(?P<p>(?<![一每两几半多同本今去明前后当])(?:{periods})"
                                     rf"|{season_alone})", build_year_period),
        ("今年初", rf"(?:(?P<y>{year})|(?P<rel>今|去|明|前)){_SP}年(?P<p>初|中|底|末)"
                   rf"(?![0-9一二三四五六七八九十])", _build_year_part),
        ("month part", rf"(?:(?P<y>{year}){_SP}年{_SP})?(?:(?<![0-9个])(?P<m>{_M}|{_M_CN}){_SP}月"
                       rf"|(?P<relm>本月|上月|下月|上个月|下个月|当月)|(?<![年岁个每日])月)"
                       rf"(?P<part>上旬|中旬|下旬|初|底|末)", build_month_part),
        ("旬", r"(?<![0-9月])(?P<part>上旬|中旬|下旬)", build_month_part),
        ("month range", rf"(?:(?P<y>{year}){_SP}年{_SP})?(?<![0-9])(?P<m1>{_M}|{_M_CN})(?:月)?{_SP}"
                        rf"{_SEP}{_SP}(?P<m2>{_M}|{_M_CN}){_SP}月(?:份)?", build_month_range),
        ("year range", rf"(?P<y1>{_Y4})(?:{_SP}年)?{_SP}{_SEP}{_SP}(?P<y2>{_Y4}){_SP}年",
         build_year_range),
        ("year range (从)", rf"从{_SP}(?P<y1>{_Y4}){_SP}(?:年{_SP})?{_SEP}{_SP}(?P<y2>{_Y4})(?:{_SP}年)?",
         build_year_range),
        ("relative", rf"(?P<w>{relative})", build_relative),
        ("weekend", r"(?<![0-9一二两三四五六七八九十每几])(?P<which>上|下|本|这)?(?:个)?周末", build_weekend),
        ("context day", r"(?P<w>当天|当日|当晚|当夜|次日|翌日)", build_context_day),
        ("vague", r"(?P<w>近年来|近些年|近几年|近年(?!度)|近日|(?<![节假生忌纪])日前|近期|前不久|不久前)",
         build_vague),
        ("weekday", r"(?<![0-9一二两三四五六七八九十每几])(?P<which>上|下|本|这)?(?:个)?(?:星期|周|礼拜)"
                    r"(?P<wd>[一二三四五六日天])(?![一二三四五六七八九十])", build_weekday),
        ("offset", rf"(?<![0-9一二两三四五六七八九十百])(?P<n>[1-9][0-9]{{0,2}}|[一二两三四五六七八九十百]{{1,3}})"
                   rf"{_SP}(?P<u>天|年|个月|周){_SP}(?P<dir>以前|以后|之前|之后|前|后)(?![年天来])",
         build_offset),
        ("span until now", rf"(?P<span>近|过去|最近|前|上|未来|今后|接下来|往后|后|下){_SP}"
                           rf"(?P<n>[1-9][0-9]{{0,2}}|[一二两三四五六七八九十百]{{1,3}})"
                           rf"{_SP}(?P<u>天|年|个月|月|周|个星期)(?:来|以来|内|里)?", build_offset),
        ("first months", rf"(?:{year_prefix})?前(?P<n>[1-9][0-9]?|[一二两三四五六七八九十]{{1,2}})个?月",
         build_first_months),
        ("plan period", r"(?<![一二三四五六七八九十百千万零〇两])(?P<n>十[一二三四五六七八九])五"
                        r"(?:时期|期间)?(?![个家名人位项])",
         build_plan_period),
        ("decade", r"(?P<c>上世纪|本世纪|[0-9]{2}世纪|[一二]?十[一二三四五六七八九]?世纪)?(?P<d>[1-9]0|[一二三四五六七八九]十)年代",
         build_decade),
    ]
    # The stdlib engine: these patterns have no nested repetition (so no catastrophic
    # backtracking) and it scans this kind of pattern about three times faster than regex.
    return tuple((name, re.compile(_plain(_first_char_guard(name) + pattern)), build)
                 for name, pattern, build in rules)


def _plain(pattern: str) -> str:
    """Possessive quantifiers are only needed against nested repetition, which the date
    patterns do not have; Python 3.10's re does not know them."""
    return pattern.replace("*+", "*").replace("++", "+")


_YEAR_START = "0-9〇零一二两三四五六七八九"
_ERA_START = "民宣光同咸道嘉乾雍康顺崇万永洪贞开天神"
_NUM_START = "0-9〇零一二两三四五六七八九十廿卅百"
_REL_START = "今去明本上前后当来"

# The characters each rule can start with. Most rules open with optional parts (a year,
# 农历, 今年); a lookahead on the first character lets the engine skip every other position
# at once. A set too narrow loses matches (the corpus tests catch that); one too wide only
# costs time.
_RULE_STARTS = {
    "full date": _YEAR_START + _ERA_START, "year month": _YEAR_START + _ERA_START,
    "year": _YEAR_START + _ERA_START,
    "numeric date": "0-9", "bare year": "12", "year range": "0-9",
    "month day": _NUM_START + _REL_START, "month": _NUM_START + _REL_START + "正腊冬",
    "day of month": _NUM_START, "lunar date": _YEAR_START + _ERA_START + "十农阴正冬腊闰",
    "大年初一": _YEAR_START + _ERA_START + "大",
    "period of a year": _YEAR_START + _ERA_START + _REL_START,
    "month part": _NUM_START + "本上下当月", "month range": _NUM_START + "0-9",
    "offset": _NUM_START, "context day": "当次翌",
    "weekday": "上下本这星周礼", "plan period": "十", "decade": _NUM_START + "上本",
    "旬": "上中下", "今年初": _YEAR_START + _ERA_START + "今去明前",
    "day-first numeric date": "0-9", "short numeric date": "0-9", "spaced numeric date": "12",
    "day of this month": _REL_START + "本上下当", "weekend": "上下本这周",
    "first months": _YEAR_START + _REL_START + "前",
    "span until now": "近过最前上未今接往后下", "year range (从)": "从",
}


@cache
def _starts_of(name: str) -> str:
    if name in _RULE_STARTS:
        return _RULE_STARTS[name]
    if name == "festival":
        words = list(_festivals()) + ["五一", "十一", "六一", "三八", "七一", "八一", "国庆"]
        return _YEAR_START + _REL_START + regex.escape("".join({w[0] for w in words}))
    if name == "relative":
        return regex.escape("".join({w[0] for w in _relative_table()}))
    if name == "vague":
        return "近日前不"
    if name == "period of a year (alone)":
        return "第一二三四1-4首前上下全年岁初早深晚暮盛仲隆春夏秋冬"
    return ""


@cache
def _triggers() -> dict[str, re.Pattern]:
    """What a text must contain for a rule to have a chance: a cheap search that lets most
    rules skip most texts (a plain pattern scans far faster than a rule's own)."""
    festival_words = list(_festivals()) + ["五一", "十一", "六一", "三八", "七一", "八一", "国庆"]
    numeral = "[0-9一二两三四五六七八九十百]"
    triggers = {
        "festival": "|".join(map(re.escape, sorted(festival_words, key=len, reverse=True))),
        "weekday": "星期|周|礼拜", "weekend": "周末", "decade": "年代", "plan period": "十.五",
        "stem-branch year": "[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]",
        "zodiac year": "[鼠牛虎兔龙蛇马羊猴鸡狗猪]年", "旬": "旬", "大年初一": "大年",
        "year range (从)": "从", "day of this month": f"(?:本|上|下|当)个?月{numeral}",
        "lunar date": "月(?:初|十|二十|廿|三十|卅)", "month part": "旬|月[初底末中]",
        "first months": f"前{numeral}{{1,2}}个?月", "今年初": "年[初中底末]",
        "numeric date": "[0-9][-/.][0-9]", "day-first numeric date": "[0-9][-/.][0-9]",
        "short numeric date": "[0-9]-[0-9]", "spaced numeric date": "[0-9] [0-9]",
        "bare year": "[12][0-9]{3}[，,]", "context day": "当天|当日|当晚|当夜|次日|翌日",
        "span until now": f"(?:近|过去|最近|前|上|未来|今后|接下来|往后|后|下)[ \t]*{numeral}",
        "offset": f"{numeral}[ \t]*(?:天|年|个月|周)[ \t]*(?:以|之)?[前后]",
        "month range": f"{numeral}月?[ \t]*(?:——|—|–|-|~|～|至|到)[ \t]*{numeral}",
        "year range": "[0-9]{4}",
        "period of a year": "季|半年|全年|年[初中底末终尾]|岁[末初尾]|[春夏秋冬]",
        "period of a year (alone)": "季|半年|全年|年[初中底末终尾]|岁[末初尾]|[春夏秋冬]",
    }
    return {name: re.compile(pattern) for name, pattern in triggers.items()}


def _first_char_guard(name: str) -> str:
    starts = _starts_of(name)
    return f"(?=[{starts}])" if starts else ""


def _build_year_part(m: regex.Match, text: str) -> DateSpec | None:
    """今年初, 去年底: the year word and the part share the 年."""
    part = {"初": "年初", "中": "年中", "底": "年底", "末": "年末"}[m.group("p")]
    first_month, last_month, granularity = _period_months(part)
    explicit = _explicit_year_prefix(m)
    word = (_group(m, "rel") or "") + "年"

    def resolve(r: Resolver) -> Resolution:
        year, used = (explicit, False) if explicit else _rel_year(word, r)
        if not year:
            return Resolution(None, None, granularity, relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, granularity, relative=used)
    return DateSpec(m.start(), m.end(), "<year>年初", resolve, year=explicit)


# --------------------------------------------------------------------------- post-processing

_SINCE = regex.compile(r"[ \t]*+以来")
_RANGE_SEP = regex.compile(rf"[ \t]*+(?:{_SEP}|(?P<and>与|和))[ \t]*+")
_BETWEEN_END = regex.compile(r"[ \t]*+之?间")
_WEEKDAY_AFTER = regex.compile(r"[ \t]*+[，,（(]?[ \t]*+(?:星期|周|礼拜)[一二三四五六日天][）)]?")
_FUTURE_MARKERS = regex.compile(r"(?:预计|计划|将于|将在|将|力争|争取|到|至|截至|截止)[ \t]*+$")


def _attach_since(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """X以来: from the start of X to the reference date (今年以来, 2026年以来)."""
    out = []
    for spec in specs:
        m = _SINCE.match(text, spec.end)
        if not m or spec.rule in ("<vague>", "<context day>"):
            out.append(spec)
            continue

        def resolve(r: Resolver, inner=spec.resolve) -> Resolution:
            res = inner(r)
            first = res.first if res else None
            return Resolution(first, r.ref, "other", res.calendar if res else "gregorian",
                              relative=True)
        out.append(replace(spec, end=m.end(), rule=spec.rule + "以来", resolve=resolve))
    return out


def _merge_ranges(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """A SEP B between two dates is one period: 3月1日至5日, 2025年7月到9月."""
    out: list[DateSpec] = []
    i = 0
    while i < len(specs):
        spec = specs[i]
        if i + 1 < len(specs):
            nxt = specs[i + 1]
            sep = _RANGE_SEP.fullmatch(text, spec.end, nxt.start)
            between = _BETWEEN_END.match(text, nxt.end) if sep and sep.group("and") else None
            if sep and sep.group("and") and not between:
                sep = None  # 2007年和2009年 are two years; 2007年与2009年间 is one period
            if sep and spec.rule not in ("<vague>", "<relative word>") and \
                    nxt.rule not in ("<vague>",):
                start = spec.start
                if start > 0 and text[start - 1] in "从在":
                    start -= 1
                first_resolve, last_resolve = spec.resolve, nxt.resolve

                def resolve(r: Resolver, a=first_resolve, b=last_resolve) -> Resolution | None:
                    ra = a(r)
                    if ra and ra.first:
                        _remember(r, ra)
                    rb = b(r)
                    if not ra or not rb:
                        return None
                    first, last = ra.first, rb.last
                    if first and last and last < first:
                        first = last = None
                    return Resolution(first, last, ra.granularity, ra.calendar,
                                      ra.relative or rb.relative)
                end = between.end() if between else nxt.end
                out.append(DateSpec(start, end, spec.rule + "—" + nxt.rule, resolve,
                                    spec.year or nxt.year))
                i += 2
                continue
        out.append(spec)
        i += 1
    return out


def _attach_weekday(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """10月12号，星期一: the weekday written after a date belongs to it."""
    out = []
    skip_until = -1
    for spec in specs:
        if spec.start < skip_until:
            continue
        m = _WEEKDAY_AFTER.match(text, spec.end) if spec.month_day else None
        if m:
            out.append(replace(spec, end=m.end(), rule=spec.rule + "<weekday>"))
            skip_until = m.end()
        else:
            out.append(spec)
    return out


def _remember(r: Resolver, res: Resolution) -> None:
    """Let later mentions take their month, day or year from this one."""
    if res.first is None:
        return
    if res.granularity == "day" and res.first == res.last:
        r.last_day = res.first
        r.last_month = (res.first.year, res.first.month)
        r.last_year = res.first.year
    elif res.granularity == "month" and res.first.month == (res.last or res.first).month:
        r.last_month = (res.first.year, res.first.month)
        r.last_year = res.first.year
    elif res.granularity == "year" and res.calendar == "gregorian":
        r.last_year = res.first.year


def infer_reference_date(specs: list[DateSpec], text: str) -> Day | None:
    """The day an article most likely speaks from, read from its own dates.

    The year comes from a lunar date written next to a Gregorian one (正月初八，2月24日), else
    from the latest year the article names outside forward-looking phrases (到2030年). The day
    is then the latest month-day of that year the article reports (again not a forecast).
    """
    years = [s.year for s in specs if s.year and not _is_forward(s, text)
             and 1900 <= s.year <= 2100]
    latest = max(years) if years else None
    year = _paired_lunar_year(specs, text, latest)
    if year is None:
        if latest is None:
            return None
        year = latest
    days = []
    for spec in specs:
        if spec.month_day and not _is_forward(spec, text) and spec.year in (None, year):
            d = _day(year, *spec.month_day)
            if d:
                days.append(d)
    return max(days) if days else None


def _is_forward(spec: DateSpec, text: str) -> bool:
    return bool(_FUTURE_MARKERS.search(text, max(0, spec.start - 4), spec.start))


def _paired_lunar_year(specs: list[DateSpec], text: str, near: int | None) -> int | None:
    """The year in which a lunar date and the Gregorian date written beside it coincide.

    Such coincidences recur every 19 years or so, so the pair only picks among the years the
    article's own explicit years point to; with no explicit year it decides nothing.
    """
    if near is None:
        return None
    for a, b in zip(specs, specs[1:]):
        pair = _lunar_solar_pair(a, b, text)
        if not pair:
            continue
        (lm, ld), (gm, gd) = pair
        matches = [year for year in range(near - 10, near + 11)
                   if _day(year, gm, gd) and lunar.to_solar(year, lm, ld) == _day(year, gm, gd)]
        if matches:
            return min(matches, key=lambda year: abs(year - near))
    return None


_PAIR_GAP = regex.compile(r"[ \t]*+[，,（(、/][ \t]*+|[ \t]*+")


def _lunar_solar_pair(a: DateSpec, b: DateSpec, text: str):
    if not _PAIR_GAP.fullmatch(text, a.end, b.start):
        return None
    if a.lunar_month_day and b.month_day:
        return a.lunar_month_day, b.month_day
    if a.month_day and b.lunar_month_day:
        return b.lunar_month_day, a.month_day
    return None


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    """Date candidates of ``ntext``, resolved against ``context.ref_date`` (inferred from the
    text and stored back in the context when it was None)."""
    text = ntext.text
    context = context or Context()
    if not text:
        return []
    raw: list[Candidate] = []
    for name, pattern, build in _rules():
        trigger = _triggers().get(name)
        if trigger is not None and not trigger.search(text):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            spec = build(m, text)
            if spec is not None:
                raw.append(Candidate(spec.start, spec.end, "date", spec.rule, {"spec": spec}))
    specs = [c.fields["spec"] for c in resolve_overlaps(raw)]
    specs = _merge_ranges(_attach_weekday(_attach_since(specs, text), text), text)

    if context.ref_date is None:
        inferred = infer_reference_date(specs, text)
        if inferred:
            context.ref_date = inferred
            context.ref_date_inferred = True
    resolver = Resolver(ref=context.ref_date)
    candidates = []
    previous: tuple[DateSpec, Resolution] | None = None
    for spec in specs:
        res = spec.resolve(resolver)
        if res is None:
            continue
        if res.first and res.last and res.last < res.first:
            res.last = None  # 2026年以来 read against an earlier reference date
        _remember(resolver, res)
        if previous:
            _check_pair(previous, (spec, res), ntext, context)
        previous = (spec, res)
        candidates.append(Candidate(spec.start, spec.end, "date", spec.rule, {
            "first_day": res.first, "last_day": res.last, "granularity": res.granularity,
            "calendar": res.calendar, "relative": res.relative,
        }))
    return candidates


def _check_pair(a: tuple[DateSpec, Resolution], b: tuple[DateSpec, Resolution],
                ntext: NormalizedText, context: Context) -> None:
    """A lunar and a Gregorian date side by side name one day; say so when they do not."""
    if not _lunar_solar_pair(a[0], b[0], ntext.text):
        return
    first, second = a[1], b[1]
    if first.first and second.first and first.first != second.first:
        (sa, _), (sb, _) = (ntext.span_to_original(a[0].start, a[0].end),
                            ntext.span_to_original(b[0].start, b[0].end))
        context.warnings.append(
            f"dates disagree: {ntext.written_text(a[0].start, a[0].end)} (at {sa}) is "
            f"{first.first} but {ntext.written_text(b[0].start, b[0].end)} (at {sb}) is "
            f"{second.first}")
