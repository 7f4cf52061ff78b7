"""Pattern fragments of the date rules, and the cheap checks that let a rule skip a text."""
from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

import regex

from .days import _era_year, _year_number, _festivals

_SP = r"[ \t]*+"
_Y4 = r"(?<![0-9])[0-9]{4}(?![0-9])"
# a year written before 年: 1000-2199 (5000年 is a length of time, not a year)
_Y4_YEAR = r"(?<![0-9.])(?:1[0-9]{3}|2[01][0-9]{2})(?![0-9])"
_Y_CN = (r"(?:[〇零一二三四五六七八九]{4}"
         r"|[两二]千(?:零[一二三四五六七八九]|零?[一二三四五六七八九]?十[一二三四五六七八九]?)?)")
_Y2 = r"(?:(?<![0-9])0[0-9]|零[一二三四五六七八九]|['’‘][0-9]{2})"   # 07, 零八, '98
# 在789年, 公元367年: three-digit years only after a word that introduces a year
_Y3 = r"(?:(?<=在)|(?<=于)|(?<=公元))[1-9][0-9]{2}(?=年(?![前后来间里内多余]))"
# 三六七年一月一日: a year read digit by digit, only right before a month
_Y3_CN = r"[〇零一二三四五六七八九]{3}(?=年[一二三四五六七八九十]{1,2}月)"
# 18年10月: a two-digit year, only right before a month
_Y2_BEFORE_MONTH = r"(?<![0-9])[0-9]{2}(?=[ \t]*+年[ \t]*+(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})[ \t]*+月)"


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
SEP_WORDS = ("——", "—", "–", "-", "~", "～", "至", "到")  # between the halves of a range
_SEP = "(?:" + "|".join(SEP_WORDS) + ")"
_REL_YEAR = "今年|去年|明年|本年|上年|前年|后年|当年|来年"
_LUNAR_MONTH_NUMBER = {"正": 1, "冬": 11, "腊": 12}
def _plain(pattern: str) -> str:
    """Possessive quantifiers are only needed against nested repetition, which the date
    patterns do not have; Python 3.10's re does not know them."""
    return pattern.replace("*+", "*").replace("++", "+")


class LazyPattern:
    """A pattern compiled on its first use, so that importing the package compiles nothing;
    after that its methods are the compiled pattern's own (no indirection)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str) -> Any:
        # only reached while the pattern is not compiled, or for a name it does not have
        compiled = re.compile(_plain(self.source))
        for method in ("search", "match", "fullmatch", "finditer"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


_YEAR_START = "0-9〇零一二两三四五六七八九"
_ERA_START = "民宣光同咸道嘉乾雍康顺崇万永洪贞开天神"
_NUM_START = "0-9〇零一二两三四五六七八九十廿卅百"
_REL_START = "今去明本上前后当来"

# The characters each rule can start with. Most rules open with optional parts (a year,
# 农历, 今年); a lookahead on the first character lets the engine skip every other position
# at once. A set too narrow loses matches (the corpus tests catch that); one too wide only
# costs time.
_RULE_STARTS = {
    "full date": _YEAR_START + _ERA_START + "'’‘", "year month": _YEAR_START + _ERA_START + "'’‘",
    "year": _YEAR_START + _ERA_START + "'’‘",
    "numeric date": "0-9", "bare year": "12", "year range": "0-9",
    "month-first numeric date": "0-9", "month/day": "0-9", "compact date": "12",
    "republic year": "0-9", "vague": "近日前不最",
    "month day": _NUM_START + _REL_START, "month": _NUM_START + _REL_START + "正腊冬",
    "day of month": _NUM_START, "lunar date": _YEAR_START + _ERA_START + "十农阴正冬腊闰",
    "大年初一": _YEAR_START + _ERA_START + "大",
    "period of a year": _YEAR_START + _ERA_START + _REL_START,
    "month part": _NUM_START + "本上下当月", "month range": _NUM_START + _REL_START,
    "offset": _NUM_START + "半", "context day": "当同次翌",
    "weekday": "上下本这星周礼最", "plan period": "十", "decade": _NUM_START + "上本",
    "旬": "上中下", "今年初": _YEAR_START + _ERA_START + "今去明前后上当",
    "day-first numeric date": "0-9", "short numeric date": "0-9", "spaced numeric date": "12",
    "day of this month": _REL_START + "本上下当", "weekend": "上下本这周",
    "first months": _YEAR_START + _REL_START + "前首",
    "span until now": "近过最前上未今接往后下",
    "nth weekday": _YEAR_START + _ERA_START + "十本上下", "month week": _YEAR_START + _ERA_START
    + "十本上下", "quarter part": "第一二三四1-4后",
    "rest of period": "年月", "year range (从)": "从",
    "clock": "0-9零一二两三四五六七八九十", "day with part": "今昨明前",
}


@cache
def _starts_of(name: str) -> str:
    """The characters rule ``name`` can start with ("" for no guard: "relative" is a list of
    words, whose first characters the engine finds by itself, faster than through a guard)."""
    if name in _RULE_STARTS:
        return _RULE_STARTS[name]
    if name == "festival":
        words = list(_festivals()) + ["五一", "十一", "六一", "三八", "七一", "八一", "国庆"]
        return cast(str, regex.escape("".join({w[0] for w in words})))
    if name == "solar term":
        return "立雨惊春谷小芒夏大处白秋寒霜冬"
    if name == "school break":
        return "暑寒"
    if name == "fiscal year":
        return _YEAR_START + _ERA_START
    if name == "holiday span":
        return "春国十五劳清端中元"
    if name == "national day":
        from .holidays import _national_days
        return cast(str, regex.escape("".join({c[0] for c in _national_days()})))
    if name == "period of a year (alone)":
        return "第一二三四1-4首前上下全年岁初早深晚暮盛仲隆春夏秋冬"
    return ""


# Literal words one of which a text must contain for a rule to match: checked once a rule's
# clauses are found (and screened), as ``word in text`` costs a pass over the text when the
# word is not there (a rule whose anchors are its words needs none).
_TRIGGER_WORDS = {
    "rest of period": ("年内", "月内"), "school break": ("暑假", "寒假"),
    "fiscal year": ("财年", "财政年度", "会计年度"), "national day": ("国庆",),
    "holiday span": ("长假", "假期", "黄金周", "放假期间", "休假期间"),
    "month week": ("第", "最后一"), "nth weekday": ("个星期", "个周", "个礼拜"),
    # a Republic year is read after 民国 or in a Taiwan text (builders._TAIWAN_WORDS)
    "republic year": ("民国", "台湾", "台北", "中央社", "新台币", "行政院", "立法院", "国民党", "民进党"),
    "weekday": ("星期", "周", "礼拜"), "weekend": ("周末",), "decade": ("年代",),
    "大年初一": ("大年",), "context day": ("当天", "当日", "当晚", "当夜", "同日", "次日", "翌日"),
    "bare year": ("，", ","), "first months": ("前", "首"),
}


def _first_char_guard(name: str) -> str:
    starts = _starts_of(name)
    return f"(?=[{starts}])" if starts else ""


@cache
def _year_before_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:(?P<y>{_year_pattern()})[ \t]*年[ \t]*|(?P<rel>{_REL_YEAR})[ \t]*)$")


YEAR_BEFORE_REACH = 16


def year_before(text: str, start: int) -> tuple[int, int | None, str | None]:
    """A year written right before a name (2025年春节, 今年国庆假期): the start of the
    mention with it, and the year or relative year word. Rules for names look back for it
    instead of opening with an optional year, which would make them try every digit."""
    m = _year_before_pattern().search(text, max(0, start - YEAR_BEFORE_REACH), start)
    if m is None:
        return start, None, None
    year = _year_number(m.group("y")) if m.group("y") else None
    if m.group("y") and not year:
        return start, None, None
    return m.start(), year, m.group("rel")
