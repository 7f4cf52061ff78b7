"""The extractor: match the rules, settle overlaps, join ranges, then resolve in reading order
against the reference date (inferred from the text when none is given)."""
from __future__ import annotations

import regex

from .. import lunar
from ..candidates import Candidate, Context
from ..normalize import NormalizedText
from ..overlaps import resolve as resolve_overlaps
from .days import Day, DateSpec, Resolution, Resolver, _day, _remember
from .patterns import _triggers
from .ranges import _FUTURE_MARKERS, _attach_since, _attach_weekday, _merge_ranges
from .rules import _rules

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
            try:
                spec = build(m, text)
            except (ValueError, OverflowError):  # a number no calendar holds: no date
                spec = None
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
        res = _resolve(spec, resolver)
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


def _resolve(spec: DateSpec, resolver: Resolver) -> Resolution | None:
    """Resolve one spec; a period that leaves the calendar (a year before 1 or after 9999,
    read against a reference date at either end) is unresolved, never an error. The helpers
    in ``days`` already return None there; this is the net under every builder."""
    try:
        return spec.resolve(resolver)
    except (ValueError, OverflowError):
        return Resolution(None, None, "other", relative=True)


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

