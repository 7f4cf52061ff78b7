"""Times of day: the clock (9时30分, 下午四点零五, 晚8点, 10:30) and parts of the day (上午, 昨晚).

A clock time belongs to the day written just before it (2月24日上午9时, 今天下午3点); standing
alone it belongs to the reference date (then ``relative``). Clock times are dates, never
figures: "下午四点零五" is a longer span than the figure 四点零五 and wins the overlap.

Part-of-day labels (``DateMention.part_of_day``):

| label          | words                                      | hours (12-hour reading)   |
|----------------|--------------------------------------------|---------------------------|
| early_morning  | 凌晨                                        | 0–5, as written           |
| morning        | 清晨, 早晨, 早上, 上午, 早, 晨 (今早, 今晨)   | as written                |
| noon           | 中午, 正午, 午间                             | 11–12 as written, 1–2 +12 |
| afternoon      | 下午, 午后                                   | 1–11 +12                  |
| evening        | 傍晚, 晚上, 晚间, 晚 (今晚, 昨晚)              | 1–11 +12 (晚12点 = 0:00)  |
| night          | 夜里, 夜间, 深夜, 半夜, 午夜, 夜 (昨夜)        | 6–11 +12, 0–5 as written  |

A bare part of day (上午, 晚上) is kept only after a day (2月24日上午, 今天下午, 24日晚) or
before a clock time; alone it is too often habitual (晚上都睡不着).
"""
from __future__ import annotations

import datetime
from dataclasses import replace

import regex

from .days import DateSpec, Resolution, ResolveFn, Resolver, _group, _small_number
from .patterns import LazyPattern
from .scan import word_anchors

__all__ = ["PART_OF_DAY", "build_clock", "build_day_with_part", "CLOCK_PATTERN",
           "DAY_PART_PATTERN", "attach_clock"]

PART_OF_DAY = {
    "凌晨": "early_morning",
    "清晨": "morning", "早晨": "morning", "早上": "morning", "上午": "morning", "早": "morning",
    "晨": "morning",
    "中午": "noon", "正午": "noon", "午间": "noon",
    "下午": "afternoon", "午后": "afternoon",
    "傍晚": "evening", "晚上": "evening", "晚间": "evening", "晚": "evening",
    "夜里": "night", "夜间": "night", "深夜": "night", "半夜": "night", "午夜": "night",
    "夜": "night",
}
_POD_WORDS = "|".join(sorted(PART_OF_DAY, key=len, reverse=True))

_H = r"(?:2[0-4]|[01]?[0-9])"
_H_CN = r"(?:二十[一二三四]?|十[一二三四五六七八九]?|[零一二两三四五六七八九])"
_MIN = r"(?:[0-5]?[0-9])"
_MIN_CN = r"(?:[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# Character after a clock that shows it was a number after all (三点五亿, 3点5%).
_NOT_A_CLOCK_AFTER = r"(?![0-9零一二两三四五六七八九十百千万亿%‰倍元米吨个]|分之)"

# 时 and 点 are also words (一时, 同时, 三点建议, 一点儿): the hour counts as a clock when a
# part of day is written before it, minutes or 钟/整/半/刻 after it, or (digits only) a
# word that only follows times (许, 左右, 开始, 前后).
CLOCK_PATTERN = (
    rf"(?:(?<![0-9.零一二两三四五六七八九十百千万第每小])(?P<h>{_H}|{_H_CN})[ \t]*(?P<u>时|點|点钟|点|時)"
    rf"(?:[ \t]*(?:(?P<half>半)(?!会|刻|晌|天|年|月|小时|个|夜|点)|(?P<q>[一三])刻(?:钟)?|(?P<zheng>整)"
    rf"|(?P<zero>零)?(?P<mi>{_MIN}|{_MIN_CN})[ \t]*(?P<fen>分(?!之)(?:钟)?)?"
    rf"(?:[ \t]*(?P<s>{_MIN}|{_MIN_CN})[ \t]*秒)?))?"
    rf"|(?<![0-9:.])(?P<ch>{_H})[:：](?P<cm>[0-5][0-9])(?:[:：](?P<cs>[0-5][0-9]))?(?![0-9:：]))"
    rf"{_NOT_A_CLOCK_AFTER}(?:许(?![多久]))?"  # 10时许: about ten, part of the time as written
)
_SECOND_OF_CLOCK_RANGE = LazyPattern(r"[时点分半整钟][ \t]*(?:至|到|—|-|~|～)[ \t]*$")
_AFTER_DAY = LazyPattern(r"[日号天晚早晨夜][ \t]*$")
_WORD_AFTER_SINGLE = LazyPattern(r"[\u4e00-\u9fff](?<![在于间，])")
_TIME_ONLY_AFTER = LazyPattern(r"[ \t]*(?:许|左右|前后|开始|起|至|到|—|-|~|～)")
_NOT_TIME_WORD = LazyPattern(r"间|代|期|候|刻|节|段|光|尚|常|事|空|势|局|差|针|速|区|装")
# Colon numbers that are scores or ratios: 3:1, 以2:1战胜, 比例1:50.
_SCORE_BEFORE = LazyPattern(r"(?:比分|比例|比|以|为|是)[ \t]*$")
_SCORE_AFTER = LazyPattern(r"[ \t]*(?:的比分|的比例|战胜|击败|力克|取胜|获胜|告负|落败|负于|胜|负|平|的)")

# A part of day with its day in one word: 今晚, 昨晚, 明早, 今晨, 昨夜 (当晚 is a context day).
DAY_PART_PATTERN = r"(?P<dw>今|昨|明|前)(?P<pod>晚|早|晨|夜)(?![会饭餐宴报些霞年期辈稻熟婚市班自])"
_DAY_SHIFT = {"今": 0, "昨": -1, "明": 1, "前": -2}


def _hour(text: str) -> int | None:
    return 0 if text == "零" else _small_number(text)


def _clock_hour(hour: int, part_of_day: str | None) -> int | None:
    """24-hour hour of a 12-hour reading after a part of day (下午3点 -> 15)."""
    if part_of_day in ("afternoon", "evening") and 1 <= hour <= 11:
        return hour + 12
    if part_of_day == "evening" and hour == 12:
        return 0
    if part_of_day == "noon" and 1 <= hour <= 4:
        return hour + 12
    if part_of_day == "night" and 6 <= hour <= 11:
        return hour + 12
    if part_of_day in ("early_morning", "night") and hour == 12:  # 半夜十二点 is midnight
        return 0
    return hour if 0 <= hour <= 24 else None


def _clock_time(hour: int, minute: int, second: int) -> datetime.time | None:
    if hour == 24 and minute == 0 and second == 0:
        return datetime.time(0, 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return datetime.time(hour, minute, second)


# A part of day right before the hour (下午3点); looked for from the hour, so that the rule
# starts at digits only. 明晚8点: 明晚 is a day with its part (DAY_PART_PATTERN), the clock
# joins it after.
_POD_BEFORE = LazyPattern(rf"(?<![今昨明前当])(?P<pod>{_POD_WORDS})[ \t]*$")


PART_BEFORE_REACH = 4  # 下午 and a space or two


def _part_before(text: str, start: int) -> tuple[int, str | None]:
    m = _POD_BEFORE.search(text, max(0, start - PART_BEFORE_REACH), start)
    return (m.start(), m.group("pod")) if m else (start, None)


def build_clock(m: regex.Match, text: str) -> DateSpec | None:
    start, pod_word = _part_before(text, m.start())
    part = PART_OF_DAY.get(pod_word) if pod_word else None
    if _group(m, "ch") is not None:
        return _colon_clock(m, text, part, start)
    hour = _hour(m.group("h"))
    if hour is None:
        return None
    minutes_written = m.group("mi") is not None
    marked = bool(part or m.group("fen") or m.group("half") or m.group("q") or m.group("zheng")
                  or m.group("u") == "点钟" or m.group("s"))
    if minutes_written and not m.group("fen") and not part:
        return None  # 四点零五, 三点五 alone are decimals
    if not marked and (_SECOND_OF_CLOCK_RANGE.search(text, max(0, m.start() - 8), m.start())
                       or _AFTER_DAY.search(text, max(0, m.start() - 3), m.start())):
        marked = True  # 下午2点到4点 (a clock range), 明晚8点, 24日8点 (after its day)
    if not marked:
        if m.group("u") in ("点", "點") and not (m.group("h").isdigit()
                                                 and _TIME_ONLY_AFTER.match(text, m.end())):
            return None
        if m.group("u") in ("时", "時"):
            if _NOT_TIME_WORD.match(text, m.end()):
                return None
            if not m.group("h").isdigit() and len(m.group("h")) < 2 \
                    and not _TIME_ONLY_AFTER.match(text, m.end()):
                return None  # 一时, 三时 alone are words, not hours
    minute: int | None
    if m.group("half"):
        minute = 30
    elif m.group("q"):
        minute = 45 if m.group("q") == "三" else 15
    else:
        minute = _hour(m.group("mi")) if minutes_written else 0
    second = _hour(m.group("s")) if m.group("s") else 0
    clock_hour = _clock_hour(hour, part)
    if clock_hour is None or minute is None or second is None:
        return None
    time = _clock_time(clock_hour, minute, second)
    if time is None:
        return None
    return DateSpec(start, m.end(), "<clock>", _on_reference_day(), start_time=time,
                    part_of_day=part, clock_only=True)


def _colon_clock(m: regex.Match, text: str, part: str | None, start: int) -> DateSpec | None:
    if not part and (_SCORE_BEFORE.search(text, max(0, m.start() - 3), m.start())
                     or _SCORE_AFTER.match(text, m.end())):
        return None
    hour = _clock_hour(int(m.group("ch")), part)
    second = int(m.group("cs")) if m.group("cs") else 0
    time = _clock_time(hour, int(m.group("cm")), second) if hour is not None else None
    if time is None:
        return None
    return DateSpec(start, m.end(), "<clock>", _on_reference_day(), start_time=time,
                    part_of_day=part, clock_only=True)


def _on_reference_day() -> ResolveFn:
    def resolve(r: Resolver) -> Resolution:
        return Resolution(r.ref, r.ref, "day", relative=True)
    return resolve


def build_day_with_part(m: regex.Match, text: str) -> DateSpec | None:
    """今晚, 昨晚, 明早, 今晨, 昨夜: a day relative to the reference date and its part."""
    shift = _DAY_SHIFT[m.group("dw")]
    part = PART_OF_DAY[m.group("pod")]
    if m.group("dw") == "前" and m.group("pod") in ("夜", "早"):
        return None  # 前夜 is an eve, 前早 no word

    def resolve(r: Resolver) -> Resolution:
        if not r.ref:
            return Resolution(None, None, "day", relative=True)
        try:
            day = r.ref + datetime.timedelta(days=shift)
        except OverflowError:
            day = None
        return Resolution(day, day, "day", relative=True)
    return DateSpec(m.start(), m.end(), "今晚", resolve, part_of_day=part)


_CLOCK_GAP = LazyPattern(r"[ \t]*+(?:的)?[ \t]*+")


def attach_clock(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """A clock time or part of day right after a day belongs to it (2月24日上午9时30分, 今天
    下午, 24日晚8点); a clock time left alone keeps the reference date."""
    if not any(mark in text for mark in _PART_MARKS) and not any(
            spec.clock_only for spec in specs):
        return specs  # neither a part of day nor a clock time to attach
    out: list[DateSpec] = []
    for index, spec in enumerate(specs):
        if spec.end < len(text) and text[spec.end] in _PART_STARTS and not spec.clock_only \
                and spec.start_time is None and spec.part_of_day is None and _is_day(spec):
            following = specs[index + 1].start if index + 1 < len(specs) else len(text)
            spec = _with_part_after(spec, text, following)
        previous = out[-1] if out else None
        if spec.clock_only and previous is not None and _can_take_time(previous, spec) \
                and _CLOCK_GAP.fullmatch(text, previous.end, spec.start):
            out[-1] = _with_time(previous, spec)
            continue
        out.append(spec)
    return out


_PART_MARKS = word_anchors(PART_OF_DAY)  # one of which every part-of-day word holds
_PART_STARTS = frozenset(" \t的" + "".join(PART_OF_DAY))
_PART_AFTER = LazyPattern(rf"[ \t]*+(?:的)?(?P<pod>{_POD_WORDS})")


def _with_part_after(day: DateSpec, text: str, following: int) -> DateSpec:
    """2月24日上午, 今天下午, 24日晚: a part of day written right after a day (and not the
    start of a clock time read on its own, 今天下午3点)."""
    m = _PART_AFTER.match(text, day.end)
    if m is None or m.start("pod") >= following:
        return day
    if len(m.group("pod")) == 1 and _WORD_AFTER_SINGLE.match(text, m.end()):
        return day  # 3日早已, 24日晚会
    return replace(day, end=m.end(), rule=day.rule + "<part of day>",
                   part_of_day=PART_OF_DAY[m.group("pod")])


def _is_day(spec: DateSpec) -> bool:
    return spec.rule.startswith(_DAY_RULES)


def _can_take_time(day: DateSpec, clock: DateSpec) -> bool:
    if day.clock_only:
        return day.start_time is None and clock.start_time is not None  # 上午 + 9时
    if day.start_time is not None:
        return False
    if day.part_of_day is not None:
        return clock.part_of_day is None and clock.start_time is not None  # 今晚 + 8点
    return _is_day(day)


# Rules whose spec names a single day a time can belong to.
_DAY_RULES = ("<year><month><day>", "<month>月<day>日", "<day>日", "农历<month>月<day>",
              "大年初<day>", "<festival>", "<relative word>", "<context day>", "<weekday>",
              "本月<day>日", "今晚", "<n><unit>前")


def _with_time(day: DateSpec, clock: DateSpec) -> DateSpec:
    part = day.part_of_day or clock.part_of_day
    start_time = clock.start_time
    if start_time is not None and clock.part_of_day is None and day.part_of_day is not None:
        hour = _clock_hour(start_time.hour, day.part_of_day)
        start_time = start_time.replace(hour=hour) if hour is not None and hour < 24 else start_time
    resolve = day.resolve if not day.clock_only else clock.resolve
    return DateSpec(day.start, clock.end, day.rule + "<clock>", resolve, year=day.year,
                    month_day=day.month_day, lunar_month_day=day.lunar_month_day,
                    start_time=start_time, part_of_day=part,
                    clock_only=day.clock_only)
