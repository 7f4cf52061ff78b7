"""What every date rule shares: calendar arithmetic that never leaves the valid range, the
spec a rule builds, the resolver state, numerals as dates write them, and the date lexicons."""
from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import ClassVar, Optional

import regex

from ..lexicon import read_table
from ..numerals import parse_number

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
    """From the 1st of first_month to the end of last_month; months past 12 spill into the
    next year (冬 = months 12..14, 深冬 = month 14: February of the next year)."""
    first_year, first_month = year + (first_month - 1) // 12, (first_month - 1) % 12 + 1
    last_year, last_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    if not 1 <= first_year <= last_year <= 9999:
        return None, None
    return (Day(first_year, first_month, 1),
            Day(last_year, last_month, _month_end(last_year, last_month)))


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
    # the year the text is about here: that of the nearest preceding year mention in the
    # paragraph (2025年, 去年 resolved), and whether it came from the reference date
    anchor_year: int | None = None
    anchor_relative: bool = False
    # Set once the sentence of a forecast that named the anchor year has ended (预计2027年
    # 落成。…): the anchor before it, which year-less dates in clauses not about the future
    # take (截至9月底 two sentences on is this year's; 6月底前完成 is still the forecast's)
    anchor_before_forecast: tuple[int | None, bool] | None = None
    # whether the clause of the mention being resolved speaks of the future (将, 预计, 到 …):
    # asked only by year-less dates, so computed on demand
    speaks_of_future: Callable[[], bool] = lambda: False
    # inside a range, the first day of its first half: the second half is the first
    # occurrence on or after it (腊月二十三至正月十五, 12月28日至1月3日)
    after: Day | None = None

    def state(self) -> tuple[object, ...]:
        """Everything a resolve function may read here but ``speaks_of_future``."""
        return (self.ref, self.last_day, self.last_month, self.anchor_year,
                self.anchor_relative, self.after, self.anchor_before_forecast)

    def ref_year(self) -> int | None:
        return self.ref.year if self.ref else None

    def year_for(self, month: int, day: int = 1) -> tuple[int | None, bool]:
        """The year of a year-less Gregorian date (5月, 年初, 12月25日): the range's first
        half, else the anchor year, else the reference year, except that a date more than a
        month after the reference date in a clause not about the future is last year's
        (news reports the past). Also whether the reference date or context was used."""
        if self.after is not None:
            year = self.after.year
            return (year + 1 if (month, day) < (self.after.month, self.after.day) else year), False
        if self.anchor_year is not None:
            earlier = self.anchor_before_forecast
            if earlier is None or self.speaks_of_future():
                return self.anchor_year, self.anchor_relative
            if earlier[0] is not None:
                return earlier
        if self.ref is None:
            return None, True
        year = self.ref.year
        limit_year, limit_month = _add_months(year, self.ref.month, 1)
        if limit_year == year and (month, day) > (limit_month, self.ref.day) \
                and not self.speaks_of_future():
            year -= 1
        return (year if year >= 1 else None), True


ResolveFn = Callable[[Resolver], Optional[Resolution]]


@dataclass(slots=True)  # a long text dense with dates makes several per date
class DateSpec:
    start: int
    end: int
    rule: str
    resolve: ResolveFn
    year: int | None = None                    # an explicit Gregorian year, for inference
    month_day: tuple[int, int] | None = None   # a written Gregorian month and day
    lunar_month_day: tuple[int, int] | None = None
    # clock time and part of day as written (上午9时30分); ``clock_only`` when the spec names
    # no day of its own and takes one from the date before it or the reference date
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    part_of_day: str | None = None
    clock_only: bool = False
    names_year: bool = False   # a relative year is written (去年5月, 今年以来)

    fact: ClassVar[str] = "date"  # the overlap policy ranks specs as it ranks candidates

    @property
    def length(self) -> int:
        return self.end - self.start

    def at(self, start: int, end: int) -> DateSpec:
        """The same spec written at another place (its resolve function shared)."""
        return DateSpec(start, end, self.rule, self.resolve, self.year, self.month_day,
                        self.lunar_month_day, self.start_time, self.end_time,
                        self.part_of_day, self.clock_only, self.names_year)


# --------------------------------------------------------------------------- numerals in dates

@lru_cache(maxsize=4096)  # month, day and year numbers recur
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


@lru_cache(maxsize=4096)
def _year_number(text: str) -> int | None:
    """2026, 二〇二六, 两千零四, 07 (-> 2007), 零八 (-> 2008), 康熙三年 (-> 1664)."""
    text = "".join(text.split()).lstrip("'’‘")
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

@cache
def _eras() -> dict[str, int]:
    return {row["surface"]: int(row["first_year"]) for row in read_table("eras.tsv")}


@cache
def _era_year() -> str:
    # 民国114年 (2025): Republic years run to three digits
    return (rf"(?:{_alternation(_eras())})"
            rf"(?:元|[一二三四五六七八九十]{{1,3}}|一百[零一二三四五六七八九十]{{0,3}}|[1-9][0-9]{{0,2}})")


@cache
def _relative_table() -> dict[str, tuple[str, int]]:
    return {row["surface"]: (row["unit"], int(row["offset"]))
            for row in read_table("relative_dates.tsv")}


@cache
def _festivals() -> dict[str, tuple[str, int, int]]:
    return {row["surface"]: (row["calendar"], int(row["month"]), int(row["day"]))
            for row in read_table("festivals.tsv")}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _group(m: regex.Match, name: str) -> str | None:
    """A named group's text, or None when the rule's pattern has no such group."""
    return m.group(name) if name in m.re.groupindex else None


def _explicit_year_prefix(m: regex.Match, group: str = "y") -> int | None:
    text = _group(m, group)
    return _year_number(text) if text else None



def _remember(r: Resolver, res: Resolution) -> None:
    """Let later mentions take their month, day or year from this one."""
    if res.first is None:
        return
    if res.granularity == "day" and res.first == res.last:
        r.last_day = res.first
        r.last_month = (res.first.year, res.first.month)
    elif res.granularity == "month" and res.first.month == (res.last or res.first).month:
        r.last_month = (res.first.year, res.first.month)
