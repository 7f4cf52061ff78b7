"""The extractor: match the rules, settle overlaps, join ranges, then resolve in reading order
against the reference date (inferred from the text when none is given)."""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache
from operator import itemgetter
from typing import Any, TypeAlias

import regex

from .. import lunar
from ..candidates import Candidate, Context
from ..normalize import NormalizedText
from ..overlaps import resolve as resolve_overlaps
from .clock import PART_BEFORE_REACH
from .clock import attach_clock as _attach_clock
from .days import (Day, DateSpec, Resolution, ResolveFn, Resolver, _day, _relative_table,
                   _remember)
from .patterns import YEAR_BEFORE_REACH, LazyPattern
from .scan import AnchorSets, TextIndex
from .ranges import (FORWARD_ENDINGS, _FUTURE_MARKERS, _attach_since, _attach_weekday,
                     _merge_ranges)
from .rules import Rule, _rules


@cache
def _anchor_sets() -> AnchorSets:
    """The anchors of every rule."""
    return AnchorSets(rule.anchors for rule in _rules())


def infer_reference_date(specs: list[DateSpec], text: str) -> Day | None:
    """The day an article most likely speaks from, read from its own dates.

    The year comes from a lunar date written next to a Gregorian one (正月初八，2月24日), else
    from the latest year the article names outside forward-looking phrases (到2030年). The day
    is then the latest month-day of that year the article reports (again not a forecast).
    """
    reported = [s for s in specs if (s.year or s.month_day) and not _is_forward(s, text)]
    years = [s.year for s in reported if s.year and 1900 <= s.year <= 2100]
    latest = max(years) if years else None
    year = _paired_lunar_year(specs, text, latest)
    if year is None:
        if latest is None:
            return None
        year = latest
    month_days = {s.month_day for s in reported if s.month_day and s.year in (None, year)}
    days = [d for d in (_day(year, *month_day) for month_day in month_days) if d]
    return max(days) if days else None


def _is_forward(spec: DateSpec, text: str) -> bool:
    start = spec.start
    if start == 0 or text[start - 1] not in FORWARD_ENDINGS:
        return False  # no marker can end right before the date
    return bool(_FUTURE_MARKERS.search(text, max(0, start - 4), start))


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


_PAIR_GAP = LazyPattern(r"[ \t]*+[，,（(、/][ \t]*+|[ \t]*+")


def _lunar_solar_pair(a: DateSpec, b: DateSpec,
                      text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    if a.lunar_month_day and b.month_day:
        pair = a.lunar_month_day, b.month_day
    elif a.month_day and b.lunar_month_day:
        pair = b.lunar_month_day, a.month_day
    else:
        return None
    return pair if _PAIR_GAP.fullmatch(text, a.end, b.start) else None


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    """Date candidates of ``ntext``, resolved against ``context.ref_date`` (inferred from the
    text and stored back in the context when it was None)."""
    text = ntext.text
    context = context or Context()
    if not text:
        return []
    index = TextIndex(text, _anchor_sets())
    shared: set[ResolveFn] = set()  # resolve functions of specs built once and placed again
    streams = []
    for order, rule in index.rules_anchored(_rules()):
        stretches = index.stretches(rule)
        if stretches:
            streams.append(_rule_specs(rule, order, index.matches(rule, stretches), text,
                                       shared))
    specs = _settled(streams)
    specs = _attach_clock(_attach_weekday(_attach_since(specs, text), text), text)
    specs = _merge_ranges(specs, text)
    if any(spec.clock_only for spec in specs):  # a clock range left without its day
        specs = _attach_clock(specs, text)

    if context.ref_date is None:
        inferred = infer_reference_date(specs, text)
        if inferred:
            context.ref_date = inferred
            context.ref_date_inferred = True
    future = _FutureQuestion(text)
    resolver = Resolver(ref=context.ref_date, speaks_of_future=future)
    paragraphs = _ParagraphBreaks(text)
    anchor_end = 0
    # where the sentence of a forecast that set the anchor ends, and the anchor before it
    forecast_ends = -1
    before_forecast: tuple[int | None, bool] = (None, False)
    candidates = []
    previous: tuple[DateSpec, Resolution] | None = None
    # A shared resolve function reads only what it was built with and the resolver's state:
    # the same state gives the same resolution, unless the resolution asked about the clause
    # around its mention (then it is not kept). A text dense with one date resolves it once.
    resolved: dict[tuple[object, ...], Resolution | None] = {}
    same_fields: dict[tuple[object, ...], dict[str, Any]] = {}
    # A run of one date asks both memos the same again: each key is compared with the last
    # one first (comparing costs less than hashing the resolver's state and the dates).
    last_key: tuple[object, ...] | None = None
    last_res: Resolution | None = None
    last_values: tuple[object, ...] | None = None
    last_fields: dict[str, Any] = {}
    specs.reverse()  # each spec is dropped once its candidate is made
    while specs:
        spec = specs.pop()
        if resolver.anchor_year is not None and paragraphs.between(anchor_end, spec.start):
            resolver.anchor_year = None  # the year a text is about is per paragraph
            resolver.anchor_before_forecast, forecast_ends = None, -1
        elif 0 <= forecast_ends <= spec.start:
            resolver.anchor_before_forecast, forecast_ends = before_forecast, -1
        resolve = spec.resolve
        key = (resolve, resolver.state()) if resolve in shared else None
        if key is None:
            res = _UNSEEN
        elif _COMPARE_WITH_LAST and key == last_key:
            res = last_res
        else:
            res = resolved.get(key, _UNSEEN)
            if res is not _UNSEEN:
                last_key, last_res = key, res
        if res is _UNSEEN:
            future.spec, future.asked = spec, False
            res = _resolve(spec, resolver)
            if res is not None and res.first and res.last and res.last < res.first:
                res.last = None  # 2026年以来 read against an earlier reference date
            if key is not None and not future.asked:
                resolved[key] = res
                last_key, last_res = key, res
        if res is None:
            continue
        _remember(resolver, res)
        if _sets_anchor(spec, res, text):
            assert res.first is not None  # _sets_anchor needs a first day
            year = spec.year or res.first.year
            # only a new year is asked whether a forecast names it (a dense run is not)
            if year != resolver.anchor_year or forecast_ends >= 0 \
                    or resolver.anchor_before_forecast is not None:
                if _speaks_of_future(text, spec):
                    if forecast_ends < 0:
                        before_forecast = resolver.anchor_before_forecast or (
                            resolver.anchor_year, resolver.anchor_relative)
                    forecast_ends = _sentence_end(ntext, spec.start)
                else:
                    forecast_ends = -1
                resolver.anchor_before_forecast = None
            resolver.anchor_year = year
            resolver.anchor_relative = spec.year is None
            anchor_end = spec.end
        # only a lunar date and a Gregorian one make a pair
        if previous and (spec.lunar_month_day or previous[0].lunar_month_day):
            _check_pair(previous, (spec, res), ntext, context)
        previous = (spec, res)
        values = (res.first, res.last, res.granularity, res.calendar, res.relative,
                  spec.start_time, spec.end_time, spec.part_of_day)
        if not _COMPARE_WITH_LAST or values != last_values:
            fields = same_fields.get(values)
            if fields is None:
                fields = same_fields[values] = dict(zip(_FIELDS, values))
            last_values, last_fields = values, fields
        candidates.append(Candidate(spec.start, spec.end, "date", spec.rule, last_fields))
    return candidates


# Whether the memos of ``extract`` compare a key with the last one before looking it up (off
# in a test, which proves that this changes nothing).
_COMPARE_WITH_LAST = True

# A candidate's fields are read, never written (records are built from them): candidates with
# equal fields share one dict, as a text dense with one date has a million of them.
_FIELDS = ("first_day", "last_day", "granularity", "calendar", "relative", "start_time",
           "end_time", "part_of_day")


# A spec waiting to be settled: where it is written (start), its rule's order, its match's
# start, where it ends, and the spec. The spec of a copy (the same match again elsewhere) is
# the first one built, written at another place: it is placed (``DateSpec.at``) only if the
# overlap policy keeps it, as most copies lose to a longer date (2026年 in 2026年2月24日).
_Waiting: TypeAlias = tuple[int, int, int, int, DateSpec]


def _placed(item: _Waiting) -> DateSpec:
    start, _, _, end, spec = item
    return spec if spec.start == start else spec.at(start, end)


def _rule_specs(rule: Rule, order: int, matches: Iterator[regex.Match[str]], text: str,
                shared: set[ResolveFn]) -> Iterator[_Waiting]:
    """The specs of one rule's ``matches`` in ``text``, in order of match start, ready to
    wait for settling (``order`` is the rule's). A builder that reads only its match gives
    the same spec for the same groups: it runs once per distinct match, and the rest are
    copies of its spec sharing its resolve function (a text dense with one date builds one),
    which ``shared`` collects."""
    build = rule.build
    built: dict[tuple[str, tuple[str | Any, ...]], DateSpec | None] = {}
    copies = not rule.reads_text
    for m in matches:
        start, end = m.span()
        if end == start:
            continue
        if copies:
            written = (m.group(), m.groups())
            known = built.get(written, _UNSEEN)
            if known is not _UNSEEN:
                if known is not None:
                    shared.add(known.resolve)
                    yield start, order, start, end, known
                continue
        try:
            spec = build(m, text)
        except (ValueError, OverflowError):  # a number no calendar holds: no date
            spec = None
        if spec is not None and not spec.names_year and _names_relative_year(m):
            spec.names_year = True
        if copies and (spec is None or (spec.start, spec.end) == (start, end)):
            built[written] = spec
        if spec is not None:
            yield spec.start, order, start, spec.end, spec


_UNSEEN: Any = object()  # no spec built yet for a written match

# A text dense with dates makes several competing matches per date (2026年2月24日 is also a
# year, a year-month and a month-day): they are settled a stretch of text at a time, so that
# only the winners of the stretches behind live on.
_STRETCH = 8192
# How far before its match a spec may start: a year or a part of day written before a name
# or an hour, which the builders look for that far back (patterns.year_before,
# clock._part_before); every other spec starts where its match does.
_LOOK_BACK = max(YEAR_BEFORE_REACH, PART_BEFORE_REACH)


class _Stream:
    """One rule's specs, read ahead by one."""

    __slots__ = ("specs", "head")

    def __init__(self, specs: Iterator[_Waiting]) -> None:
        self.specs = specs
        self.head = next(specs, None)


def _settled(streams: list[Iterator[_Waiting]]) -> list[DateSpec]:
    """What the overlap policy keeps of all the rules' specs, in order of start: exactly
    ``resolve_overlaps`` of all of them in rule order, computed stretch by stretch.

    Overlaps are settled in clusters of mutually overlapping spans (overlaps._longest_first),
    so a run of specs that no spec outside it overlaps is settled on its own. Once every rule
    has been read up to ``boundary``, specs still to come start at ``boundary - _LOOK_BACK``
    or later, and the waiting specs that end before that and that no later waiting spec
    overlaps are settled, in rule order as the whole list would be (equal spans keep the
    first rule's spec)."""
    heads = [_Stream(specs) for specs in streams]
    heads = [head for head in heads if head.head is not None]
    kept: list[DateSpec] = []
    waiting: list[_Waiting] = []
    unsettled = 0  # specs left waiting by the last settling
    boundary = 0
    append = waiting.append
    while heads:
        boundary += _STRETCH
        for head in heads:
            item = head.head
            while item is not None and item[2] < boundary:  # by match start
                append(item)
                item = next(head.specs, None)
            head.head = item
        heads = [head for head in heads if head.head is not None]
        # settling again only once the waiting specs have doubled keeps a long chain of
        # overlapping spans (which settles only at its end) from being sorted once a stretch
        if heads and len(waiting) >= 2 * unsettled:
            kept.extend(_settle_before(waiting, boundary - _LOOK_BACK))
            unsettled = len(waiting)
    kept.extend(_settle_before(waiting, None))
    return kept


def _settle_before(waiting: list[_Waiting], limit: int | None) -> list[DateSpec]:
    """Settle and take from ``waiting`` its clusters of overlapping specs, in order of start,
    up to the first that reaches past ``limit`` (None: all of them)."""
    waiting.sort()  # by start (the first three numbers never tie)
    kept: list[DateSpec] = []
    first, reach = 0, -1  # the cluster being read: where it starts, how far it reaches
    for i, (start, _, _, end, _) in enumerate(waiting):
        if i > first and start >= reach:  # the cluster before i is complete
            if limit is not None and reach > limit:
                break  # specs still to come may join it
            if i - first == 1:  # most often a cluster of one
                kept.append(_placed(waiting[first]))
            else:
                kept.extend(_cluster_winners(waiting, first, i, reach))
            first = i
        reach = end if i == first else max(reach, end)
    else:
        if waiting and (limit is None or reach <= limit):
            kept.extend(_cluster_winners(waiting, first, len(waiting), reach))
            first = len(waiting)
    del waiting[:first]
    return kept


def _cluster_winners(waiting: list[_Waiting], first: int, after: int,
                     end: int) -> list[DateSpec]:
    """What the overlap policy keeps of the cluster ``waiting[first:after]`` (specs sorted by
    start that overlap one another, reaching ``end``). Most often one spec spans the whole
    cluster (2026年2月24日 over 2026年, 2月24日): it is longer than any other and overlaps them
    all, so it alone is kept."""
    if after - first == 1:
        return [_placed(waiting[first])]
    cluster = waiting[first:after]
    start = cluster[0][0]
    spanning = [item for item in cluster if item[0] == start and item[3] == end]
    if len(spanning) == 1:
        return [_placed(spanning[0])]
    cluster.sort(key=_IN_RULE_ORDER)  # as the whole list would be: equal spans, first rule wins
    return resolve_overlaps([_placed(item) for item in cluster])


_IN_RULE_ORDER = itemgetter(1, 2)


class _FutureQuestion:
    """``Resolver.speaks_of_future`` for the spec being resolved, noting whether it was asked:
    the answer depends on the clause around that one mention."""

    __slots__ = ("text", "spec", "asked")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spec: DateSpec | None = None
        self.asked = False

    def __call__(self) -> bool:
        self.asked = True
        return self.spec is not None and _speaks_of_future(self.text, self.spec)


_SENTENCE_START = itemgetter(0)


def _sentence_end(ntext: NormalizedText, position: int) -> int:
    """Where the sentence holding ``position`` ends (the text's sentences, as statements read
    them)."""
    sentences = ntext.sentences
    index = bisect.bisect_right(sentences, position, key=_SENTENCE_START) - 1
    return sentences[index][1] if index >= 0 else position


class _ParagraphBreaks:
    """Whether a paragraph ends between two positions. The extractor asks from one start
    (where the anchor year was written) to ends further and further on, so the stretch after
    that start known to hold no line break is remembered, and a text dense with dates reads
    each character once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.clear_to = 0  # text[start:clear_to] holds no line break

    def between(self, start: int, end: int) -> bool:
        if start != self.start or _FORGET_CLEAR_STRETCH:
            self.start = self.clear_to = start
        if end <= self.clear_to:
            return False
        if self.text.find("\n", self.clear_to, end) >= 0:
            return True
        self.clear_to = end
        return False


# Whether _ParagraphBreaks forgets what it read (on in a test, which proves that remembering
# it changes nothing).
_FORGET_CLEAR_STRETCH = False


@cache
def _year_words() -> frozenset[str]:
    return frozenset(w for w, (unit, _) in _relative_table().items() if unit == "year")


def _names_relative_year(m: regex.Match[str]) -> bool:
    """The match writes a year relative to the reference date (去年5月, 今年以来)."""
    groups = m.re.groupindex
    if "rel" in groups and m.group("rel"):
        return True
    return "w" in groups and m.group("w") in _year_words()


# 比上年, 较去年, 同比: a year named as the basis of a comparison is not what the text is
# about; 上年/上一年 themselves follow the anchor and never move it.
_COMPARISON_BEFORE = frozenset("比较于")


def _sets_anchor(spec: DateSpec, res: Resolution, text: str) -> bool:
    if res.first is None or not (spec.year or spec.names_year):
        return False
    if spec.start > 0 and text[spec.start - 1] in _COMPARISON_BEFORE:
        return False
    return not text.startswith(("上年", "上一年", "当年"), spec.start)


# Words that make a clause speak of the future, before or after the date (预计5月, 5月将,
# 力争年底前); 到/至 only right before it (到12月, 订单排至第二季度; 截至 looks back).
_FUTURE_WORDS = LazyPattern(r"将(?!近)|预计|计划|力争|争取|拟|即将|有望|目标|准备|打算|届时|预期"
                              r"|规划|下一步|今后|未来|明年|明后年")
_FUTURE_RIGHT_BEFORE = LazyPattern(r"(?<!截)(?:到|至)[ \t]*$")
_FUTURE_RIGHT_AFTER = LazyPattern(r"[ \t]*(?:前|之前|以前)(?![年天])")
# The character right before a date that _FUTURE_RIGHT_BEFORE finds (``$`` matches before a
# line break that ends the text searched), and the one right after it that
# _FUTURE_RIGHT_AFTER opens with: a date between others is no forecast of theirs at the
# cost of a look at one character, where asking the engine costs a call.
_RIGHT_BEFORE_ENDINGS = frozenset("到至 \t\n")
_RIGHT_AFTER_OPENINGS = frozenset(" \t前之以")
_CLAUSE_END = LazyPattern(r"[，。；！？,;!?\n]")
_CLAUSE_REACH = 40


def _speaks_of_future(text: str, spec: DateSpec) -> bool:
    before_start = max(0, spec.start - _CLAUSE_REACH)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, before_start, spec.start)]
    clause_start = ends[-1] if ends else before_start
    after = _CLAUSE_END.search(text, spec.end, spec.end + _CLAUSE_REACH)
    clause_end = after.start() if after else min(len(text), spec.end + _CLAUSE_REACH)
    start, end = spec.start, spec.end
    return bool(_FUTURE_WORDS.search(text, clause_start, start)
                or _FUTURE_WORDS.search(text, end, clause_end)
                or (start > clause_start and text[start - 1] in _RIGHT_BEFORE_ENDINGS
                    and _FUTURE_RIGHT_BEFORE.search(text, clause_start, start))
                or (end < len(text) and text[end] in _RIGHT_AFTER_OPENINGS
                    and _FUTURE_RIGHT_AFTER.match(text, end)))


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

