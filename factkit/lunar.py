"""The Chinese lunar calendar, through the lunardate package (pure Python, 1900-2099).

A thin wrapper: it validates lunar days (lunardate silently rolls 正月三十 over into the next
month when the month has 29 days) and answers the questions the date rules ask.
"""
from __future__ import annotations

import datetime
from functools import lru_cache
from typing import cast

__all__ = ["to_solar", "new_year", "new_years_eve", "lunar_year_span", "nearest_year",
           "STEMS", "BRANCHES", "ZODIAC", "cycle_year"]

FIRST_YEAR, LAST_YEAR = 1900, 2099

STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
ZODIAC = "鼠牛虎兔龙蛇马羊猴鸡狗猪"


@lru_cache(maxsize=4096)
def to_solar(year: int, month: int, day: int, leap: bool = False) -> datetime.date | None:
    """Gregorian day of lunar year/month/day, or None when there is no such lunar day."""
    if not FIRST_YEAR <= year <= LAST_YEAR or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    from lunardate import LunarDate  # its tables load when a lunar date is first read

    try:
        solar = LunarDate(year, month, day, leap).to_solar_date()
        back = LunarDate.from_solar_date(solar.year, solar.month, solar.day)
    except ValueError:
        return None
    if (back.year, back.month, back.day, back.is_leap_month) != (year, month, day, leap):
        return None  # e.g. 三十 of a 29-day month
    return cast(datetime.date, solar)


def new_year(year: int) -> datetime.date | None:
    """春节: the first day of lunar year ``year``."""
    return to_solar(year, 1, 1)


def new_years_eve(year: int) -> datetime.date | None:
    """除夕 before the 春节 of ``year``."""
    first = new_year(year)
    return first - datetime.timedelta(days=1) if first else None


def lunar_year_span(year: int) -> tuple[datetime.date, datetime.date] | None:
    """First and last Gregorian day of lunar year ``year`` (丙午 2026: 2026-02-17..2027-02-05)."""
    first, following = new_year(year), new_year(year + 1)
    if first is None or following is None:
        return None
    return first, following - datetime.timedelta(days=1)


def cycle_year(stem: str | None, branch: str) -> int:
    """Position in the 60-year (or, without a stem, 12-year) cycle, as a year mod 60 / mod 12.

    1984 was 甲子: a year y is (stem, branch) when (y - 1984) % 60 matches.
    """
    b = BRANCHES.index(branch)
    if stem is None:
        return b  # branches repeat every 12 years from 1984 (子)
    s = STEMS.index(stem)
    # the unique k in 0..59 with k % 10 == s and k % 12 == b
    for k in range(60):
        if k % 10 == s and k % 12 == b:
            return k
    raise ValueError(f"{stem}{branch} is not a stem-branch pair")


def nearest_year(stem: str | None, branch: str, around: int) -> int:
    """The year nearest ``around`` that carries this stem-branch (or zodiac branch)."""
    period = 12 if stem is None else 60
    k = cycle_year(stem, branch)
    base = around - ((around - 1984 - k) % period)
    return base if around - base <= period // 2 else base + period
