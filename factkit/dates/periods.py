"""Weeks, weekdays, offsets and parts of periods: the arithmetic of relative time.

Conventions (README, "Dates"):

* a week runs Monday to Sunday; 周X/星期X without 这/本/上/下 is day X of the reference week
  (the nearest occurrence, as 本周X), 下周X is day X of the next week, 上周X of the last;
* the Nth week of a month (4月第二周) is the Nth Monday-to-Sunday week that starts in the
  month (so week 1 begins on the month's first Monday), the Nth weekday (五月第二个星期日) the
  Nth such weekday of the month; 最后一个星期五 the last one;
* an offset counts from the reference date: 三天后 is that day, 两年前 that year, 两周前 that
  week; a span (半个月内, 3年多以来, 近三年) runs from the reference date forward (内, 未来) or
  back (以来, 近, 过去) by that amount, 多 (more than) counted as the amount written;
* 本季度/上个季度/下季度 (relative_dates.tsv) are quarters relative to the reference date; 二季度末 is the
  quarter's last month, 季度初 its first; 后两个季度 the last two quarters of the year.
"""
from __future__ import annotations

import datetime

import regex

from .patterns import year_before
from .days import (Day, DateSpec, Resolution, Resolver, _add_months, _explicit_year_prefix,
                   _group, _month_end, _month_span, _months_span, _small_number)

__all__ = ["WEEKDAYS", "build_weekday", "build_weekend", "build_offset", "build_nth_weekday",
           "build_month_week", "build_quarter_part"]

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
_WEEK_SHIFT = {"上": -1, "下": 1, "上一个": -1, "下一个": 1, "本": 0, "这": 0, "这个": 0,
               "上个": -1, "下个": 1, "下下": 2, "下下个": 2, "上上": -2, "上上个": -2}


def _monday(day: Day, weeks: int = 0) -> Day | None:
    try:
        return day - datetime.timedelta(days=day.weekday()) + datetime.timedelta(weeks=weeks)
    except OverflowError:
        return None


def _plus(day: Day | None, days: int) -> Day | None:
    if day is None:
        return None
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return None


def build_weekday(m: regex.Match, text: str) -> DateSpec | None:
    """周三, 本周五, 下礼拜三, 上个星期一, 上一个周三, 最后一个周三 (the last one before)."""
    weekday = WEEKDAYS[m.group("wd")]
    which = _group(m, "which") or ""
    last_one = which.startswith("最后")

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "day", relative=True)
        if last_one:  # the latest such weekday before the reference date
            d = _plus(r.ref, -((r.ref.weekday() - weekday - 1) % 7 + 1))
        else:
            d = _plus(_monday(r.ref, _WEEK_SHIFT.get(which, 0)), weekday)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<weekday>", resolve)


def build_weekend(m: regex.Match, text: str) -> DateSpec | None:
    shift = _WEEK_SHIFT.get(_group(m, "which") or "", 0)

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "other", relative=True)
        saturday = _plus(_monday(r.ref, shift), 5)
        return Resolution(saturday, _plus(saturday, 1), "other", relative=True)
    return DateSpec(m.start(), m.end(), "<weekend>", resolve)


# --------------------------------------------------------------------------- offsets

_UNITS = {"天": "day", "日": "day", "年": "year", "个月": "month", "个多月": "month", "月": "month",
          "周": "week", "星期": "week", "个星期": "week", "礼拜": "week", "个礼拜": "week"}
_BACK = ("前", "以前", "之前")
# span words before the amount (近三年, 未来五年) and after it (3年多以来, 半个月内)
_SPAN_BACK = ("近", "过去", "最近", "前", "上")
_SPAN_FORWARD = ("未来", "今后", "接下来", "往后", "后", "下")
_UNTIL_NOW = ("以来", "来")
_FROM_NOW = ("内", "以内", "之内")


def _amount(m: regex.Match) -> tuple[int, int] | None:
    """(whole units, half a unit more?) of 三, 半, 一年半, 3年多 (多 counts as written)."""
    n = m.group("n")
    if n == "半":
        return 0, 1
    whole = _small_number(n)
    if whole is None or whole > 1000:
        return None
    return whole, 1 if _group(m, "half") else 0


def _shift(ref: Day, unit: str, whole: int, half: int, sign: int) -> Day | None:
    """The reference date moved by whole (+ half) units, or None off the calendar."""
    try:
        if unit == "day":
            return ref + datetime.timedelta(days=sign * whole)
        if unit == "week":
            return ref + datetime.timedelta(days=sign * (7 * whole + 3 * half))
        months = 12 * whole + 6 * half if unit == "year" else whole
        y, mo = _add_months(ref.year, ref.month, sign * months)
        if not 1 <= y <= 9999:
            return None
        d = Day(y, mo, min(ref.day, _month_end(y, mo)))
        return d + datetime.timedelta(days=sign * 15 * half) if unit == "month" else d
    except (OverflowError, ValueError):
        return None


def build_offset(m: regex.Match, text: str) -> DateSpec | None:
    """三天后, 两年前, 两周前, 一年半以前, 半个月内, 3年多以来, 近三年, 过去十年."""
    amount = _amount(m)
    if amount is None:
        return None
    whole, half = amount
    unit_word = m.group("u")
    unit = _UNITS[unit_word]
    span = _group(m, "span") or ""
    direction = _group(m, "dir") or ""
    if span == "前" and unit == "month":
        return None  # 前10个月 is January to October: see build_first_months
    if unit_word == "月" and m.group("n") != "半" and not span:
        return None  # 3月前 is before March, not three months ago
    if unit_word == "日" and m.group("n")[0].isdigit():
        return None  # 3日后 is after the 3rd
    if half and direction in ("前", "后"):
        return None  # 两年半后 stays a duration (a figure); 一年半以前 is a time
    if span:
        forward = span in _SPAN_FORWARD
    elif direction in _UNTIL_NOW or direction in _FROM_NOW:
        forward = direction in _FROM_NOW
    else:
        forward = None  # a point: 三天后, 两年前

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "other", relative=True)
        if forward is True:
            return Resolution(_plus(r.ref, 1), _shift(r.ref, unit, whole, half, 1), "other",
                              relative=True)
        if forward is False:
            return Resolution(_shift(r.ref, unit, whole, half, -1), r.ref, "other",
                              relative=True)
        d = _shift(r.ref, unit, whole, half, -1 if direction in _BACK else 1)
        if d is None:
            return Resolution(None, None, "other", relative=True)
        if unit == "year" and not half:
            return Resolution(Day(d.year, 1, 1), Day(d.year, 12, 31), "year", relative=True)
        if unit == "month" and not half:
            first, last = _month_span(d.year, d.month)
            return Resolution(first, last, "month", relative=True)
        if unit == "week" and not half:
            monday = _monday(d)
            return Resolution(monday, _plus(monday, 6), "other", relative=True)
        return Resolution(d, d, "day", relative=True)
    return DateSpec(m.start(), m.end(), "<n><unit>前", resolve)


# --------------------------------------------------------------------------- weeks of a month

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> Day | None:
    """The n-th (1-based; -1 = last) given weekday of a month, or None."""
    if not 1 <= year <= 9999 or not 1 <= month <= 12:
        return None
    if n == -1:
        last = Day(year, month, _month_end(year, month))
        return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)
    first = Day(year, month, 1)
    d = first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


_ORDINAL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
            "最后一": -1}


def _target_month(m: regex.Match, r: Resolver, explicit: int | None) -> tuple[int, int] | None:
    written = _group(m, "m")
    if written:
        month = _small_number(written)
        if not month or month > 12:
            return None
        year = explicit or r.year_for(month)[0]
        return (year, month) if year else None
    if not r.ref:
        return None
    offset = {"上": -1, "下": 1}.get((_group(m, "relm") or "本")[0], 0)
    return _add_months(r.ref.year, r.ref.month, offset)


def build_nth_weekday(m: regex.Match, text: str) -> DateSpec | None:
    """五月第二个星期日 (Mother's Day), 11月的最后一个星期四, 本月第一个周一."""
    n = _ORDINAL[m.group("n") or m.group("n2")]
    weekday = WEEKDAYS[m.group("wd")]
    explicit = _explicit_year_prefix(m)

    def resolve(r: Resolver) -> Resolution:
        target = _target_month(m, r, explicit)
        d = _nth_weekday(*target, weekday, n) if target else None
        return Resolution(d, d, "day", relative=not explicit)
    return DateSpec(m.start(), m.end(), "<month>第<n>个星期<wd>", resolve, year=explicit)


def build_month_week(m: regex.Match, text: str) -> DateSpec | None:
    """4月第二周, 十月的第一周, 本月最后一周: a Monday-to-Sunday week of the month."""
    n = _ORDINAL[m.group("n") or m.group("n2")]
    explicit = _explicit_year_prefix(m)

    def resolve(r: Resolver) -> Resolution:
        target = _target_month(m, r, explicit)
        monday = _nth_weekday(*target, 0, n) if target else None
        return Resolution(monday, _plus(monday, 6), "other", relative=not explicit)
    return DateSpec(m.start(), m.end(), "<month>第<n>周", resolve, year=explicit)


# --------------------------------------------------------------------------- quarters

_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1}


def _quarter_of(day: Day, shift: int) -> tuple[int, int]:
    index = day.year * 4 + (day.month - 1) // 3 + shift
    return index // 4, index % 4 + 1


def build_quarter_part(m: regex.Match, text: str) -> DateSpec | None:
    """二季度末, 一季度初, 三季度中: the quarter's first, middle or last month;
    后两个季度: the year's last two (or three) quarters."""
    start, explicit, rel = year_before(text, m.start())
    if rel:
        return None  # 今年二季度末: read as 今年 and 二季度末 (rare; kept simple)
    count = _group(m, "count")
    if count:
        quarters = _small_number(count)
        if not quarters or not 1 <= quarters <= 3:
            return None
        first_month, last_month = 13 - 3 * quarters, 12
    else:
        quarter = _QUARTER_NUMBER[m.group("q")]
        offset = {"初": 0, "中": 1, "末": 2, "底": 2}[m.group("part")]
        first_month = last_month = 3 * quarter - 2 + offset

    def resolve(r: Resolver) -> Resolution:
        year = explicit or r.year_for(first_month)[0]
        if not year:
            return Resolution(None, None, "other", relative=True)
        first, last = _months_span(year, first_month, last_month)
        return Resolution(first, last, "other", relative=not explicit)
    return DateSpec(start, m.end(), "<quarter><part>", resolve, year=explicit)
