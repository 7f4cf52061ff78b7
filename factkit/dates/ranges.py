"""Joining neighbouring specs: X以来, ranges (A至B), a weekday written after its date."""
from __future__ import annotations

from dataclasses import replace

import regex

from .days import DateSpec, Resolution, Resolver, _remember
from .patterns import _SEP

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


