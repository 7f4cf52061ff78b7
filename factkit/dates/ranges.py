"""Joining neighbouring specs: X以来, ranges (A至B), a weekday written after its date."""
from __future__ import annotations

import datetime
from dataclasses import replace

from .clock import _clock_hour
from .days import DateSpec, Resolution, ResolveFn, Resolver, _remember
from .patterns import _SEP, SEP_WORDS, LazyPattern
from .scan import word_anchors

# --------------------------------------------------------------------------- post-processing

_SINCE = LazyPattern(r"[ \t]*+以来")
_RANGE_JOINS = (*SEP_WORDS, "与", "和")  # what stands between two dates that make a period
_RANGE_SEP = LazyPattern(rf"[ \t]*+(?:{_SEP}|(?P<and>与|和))[ \t]*+")
# The characters a match of _SINCE and of _RANGE_SEP opens with: after a date, any other
# character rules it out at the cost of a look at one character, where asking the engine
# costs a call (the passes below ask it after every date).
_SINCE_OPENINGS = frozenset(" \t以")
_RANGE_SEP_OPENINGS = frozenset(" \t" + "".join(word[0] for word in _RANGE_JOINS))
_BETWEEN_END = LazyPattern(r"[ \t]*+之?间")
_WEEKDAY_AFTER = LazyPattern(r"[ \t]*+[，,（(]?[ \t]*+(?:星期|周|礼拜)[一二三四五六日天][）)]?")
# characters one of which a range's separator and a weekday hold (the passes that join
# them skip a text without one)
_RANGE_MARKS = word_anchors(_RANGE_JOINS)
_WEEK_MARKS = word_anchors(["星期", "周", "礼拜"])
# words right before a date that make it a forecast (预计2030年)
_FORWARD_WORDS = ("预计", "计划", "将于", "将在", "将", "力争", "争取", "到", "至", "截至", "截止")
_FUTURE_MARKERS = LazyPattern(rf"(?:{'|'.join(_FORWARD_WORDS)})[ \t]*+$")
# the character right before a date that _FUTURE_MARKERS finds: a word's last one, a space,
# or a line break (``$`` matches before a line break that ends the text searched)
FORWARD_ENDINGS = frozenset(" \t\n" + "".join(word[-1] for word in _FORWARD_WORDS))


def _attach_since(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """X以来: from the start of X to the reference date (今年以来, 2026年以来)."""
    if "以来" not in text:
        return specs
    out = []
    size = len(text)
    for spec in specs:
        end = spec.end
        m = _SINCE.match(text, end) if end < size and text[end] in _SINCE_OPENINGS else None
        if not m or spec.rule in ("<vague>", "<context day>"):
            out.append(spec)
            continue

        def resolve(r: Resolver, inner: ResolveFn = spec.resolve) -> Resolution:
            res = inner(r)
            first = res.first if res else None
            return Resolution(first, r.ref, "other", res.calendar if res else "gregorian",
                              relative=True)
        out.append(replace(spec, end=m.end(), rule=spec.rule + "以来", resolve=resolve))
    return out


def _merge_ranges(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """A SEP B between two dates is one period: 3月1日至5日, 2025年7月到9月."""
    if not any(mark in text for mark in _RANGE_MARKS):
        return specs
    out: list[DateSpec] = []
    i = 0
    while i < len(specs):
        spec = specs[i]
        if i + 1 < len(specs):
            nxt = specs[i + 1]
            sep = (_RANGE_SEP.fullmatch(text, spec.end, nxt.start) if spec.end < nxt.start
                   and text[spec.end] in _RANGE_SEP_OPENINGS else None)
            between = _BETWEEN_END.match(text, nxt.end) if sep and sep.group("and") else None
            if sep and sep.group("and") and not between:
                sep = None  # 2007年和2009年 are two years; 2007年与2009年间 is one period
            if sep and _joinable(spec, nxt):
                start = spec.start
                if start > 0 and text[start - 1] in "从在":
                    start -= 1
                out.append(_joined(spec, nxt, start, between.end() if between else nxt.end))
                i += 2
                continue
        out.append(spec)
        i += 1
    return out


def _attach_weekday(specs: list[DateSpec], text: str) -> list[DateSpec]:
    """10月12号，星期一: the weekday written after a date belongs to it."""
    if not any(mark in text for mark in _WEEK_MARKS):
        return specs
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




def _joinable(first: DateSpec, second: DateSpec) -> bool:
    if first.rule in ("<vague>", "<relative word>") or second.rule == "<vague>":
        return False
    if second.clock_only:  # 9时至11时, 2月24日9时至11时: a clock range on one day
        return first.start_time is not None and first.end_time is None
    return not first.clock_only


def _joined(first: DateSpec, second: DateSpec, start: int, end: int) -> DateSpec:
    """One spec for the range first—second. The second half takes what it leaves out from
    the first: the year and month (2019年3月5日至3月18日, 3月1日至5日), the lunar year
    (腊月二十三至正月十五), the day (9时至11时) and the part of day (下午2点到4点)."""
    if second.clock_only:
        end_time = second.start_time
        if second.part_of_day is None and first.part_of_day is not None and end_time:
            end_time = _in_part_of_day(end_time, first.part_of_day, first.start_time)
        return replace(first, start=start, end=end, rule=first.rule + "—" + second.rule,
                       end_time=end_time)

    def resolve(r: Resolver, a: ResolveFn = first.resolve,
                b: ResolveFn = second.resolve) -> Resolution | None:
        ra = a(r)
        if ra and ra.first:
            _remember(r, ra)
        r.after = ra.first if ra else None
        try:
            rb = b(r)
        finally:
            r.after = None
        if not ra or not rb:
            return None
        first_day, last_day = ra.first, rb.last
        if first_day and last_day and last_day < first_day:
            first_day = last_day = None
        return Resolution(first_day, last_day, ra.granularity, ra.calendar,
                          ra.relative or rb.relative)
    return DateSpec(start, end, first.rule + "—" + second.rule, resolve,
                    first.year or second.year, start_time=first.start_time,
                    end_time=second.start_time, part_of_day=first.part_of_day,
                    names_year=first.names_year or second.names_year)


def _in_part_of_day(time: datetime.time, part: str,
                    start: datetime.time | None) -> datetime.time:
    """下午2点到4点: the end is in the afternoon too (16:00), unless that puts it before
    the start."""
    hour = _clock_hour(time.hour, part)
    if hour is None or hour > 23:
        return time
    moved = time.replace(hour=hour)
    return moved if start is None or moved >= start else time
