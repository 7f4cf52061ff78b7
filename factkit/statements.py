"""Statements: what each figure measures, for whom and when.

Built after the overlap policy from the final records and the normalized text, by reading each
clause with rules and a lexicon of roles (``data/statement_words.tsv``), no model:

* **metric** — the noun phrase before the figure, after stripping what stands between it and
  the figure (relation verbs, adverbs, a basis such as 比上年); for a count, the counted noun
  written right after it (54家关联企业) wins. ``A、B分别增长5%、7%`` pairs the list items with
  the figures in order; a figure with no phrase of its own that is a change (…312.5亿元，增长
  5.9%) shares the metric of the figure before it in the sentence.
* **relation** — from the words between the metric and the figure (增长 → change, 提升至 →
  level, 占比 → share, 高于 → other), a target word in the sentence (力争, 预计; 将 in the
  clause), and the figure itself (a time limit such as 15分钟 is other).
* **basis** — 同比, 环比, or a date compared against (比上年, 较2024年).
* **subject** — a place or organization next to the figure, else the one in subject position
  in its sentence (at the head of a clause), else the topic carried from before: the last
  subject written in the article, or its headline.
* **period** — the nearest date before the figure in its sentence (not one compared against),
  else the last date of the paragraph or of the paragraph before.

A figure measures something unless it is a bare list index ("1、", "（2）"); every other figure
gets a statement.
"""
from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import regex

from .lexicon import read_table
from .models import DateMention, Figure, Mention, Organization, Place, Statement
from .normalize import NormalizedText

__all__ = ["build"]

Subject = Place | Organization

_CLAUSE_BREAK = set("，,：:（）()“”\"")
_HARD_BREAK = set("。！？!?；;\n，,：:、（）()“”\"《》【】[]/|·—")
_MAX_METRIC = 16
_MAX_COUNTED = 10


@cache
def _roles() -> tuple[dict[str, str], int]:
    words = {row["word"]: row["role"] for row in read_table("statement_words.tsv")}
    return words, max(map(len, words))


def _word_ending_at(text: str, end: int, start_limit: int, roles: set[str]) -> str | None:
    """The longest lexicon word of one of ``roles`` ending at ``end``."""
    words, longest = _roles()
    for length in range(min(longest, end - start_limit), 0, -1):
        word = text[end - length:end]
        if words.get(word) in roles:
            return word
    return None


def _word_starting_at(text: str, start: int, end_limit: int, roles: set[str]) -> str | None:
    words, longest = _roles()
    for length in range(min(longest, end_limit - start), 0, -1):
        word = text[start:start + length]
        if words.get(word) in roles:
            return word
    return None


@cache
def _noun_pattern() -> regex.Pattern:
    nouns = sorted((w for w, r in _roles()[0].items() if r == "noun"), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, nouns)))


def _inside_nouns(text: str, start: int, end: int) -> set[int]:
    """Positions in [start, end) covered by a compound noun of the lexicon."""
    covered: set[int] = set()
    for m in _noun_pattern().finditer(text, start, end):
        covered.update(range(m.start(), m.end()))
    return covered


def _role(word: str | None) -> str | None:
    return _roles()[0].get(word) if word else None


_GLUE_ROLES = {"level", "change", "to", "share", "gap", "target", "forecast", "future", "yoy",
               "mom", "glue"}
# Where a metric phrase ends on its left: multi-character words only, since one character
# (共, 有, 均, 在) is too often part of a compound inside the phrase (一般公共预算收入).
_METRIC_LEFT_EDGE = {"level", "change", "target", "forecast", "future", "yoy", "mom", "action",
                     "prep", "subject", "gap"}
_COUNTED_EDGE = {"level", "change", "to", "share", "gap", "target", "forecast", "future",
                 "yoy", "mom", "glue", "action", "prep", "subject", "stop"}
_BASIS_MARK = regex.compile(r"(?:比|较|与|同|相比|相较于?|对比)$")
_SAME_PERIOD = regex.compile(r"^同期")
_LIST_SPLIT = regex.compile(r"[、]|(?<=.{2})(?:和|与|及|以及)(?=.{2})")
_LIST_INDEX = regex.compile(r"^(?:[、.．)）]|\s)")
_THRESHOLD_AFTER = regex.compile(r"^(?:以上|以下|及以上|及以下|以内)?的")
_TIME_LIMIT_AFTER = regex.compile(r"^(?:内|以内|之内|就|便|即可|即|可)")
_LETTERS = regex.compile(r"[\p{Han}A-Za-z]")


@dataclass
class _Span:
    """A record with its span in the normalized text."""
    start: int
    end: int
    record: object


@dataclass
class _Found:
    metric: tuple[int, int] | None = None
    relation: str = "level"
    basis: str | None = None
    subject: Subject | None = None
    period: DateMention | None = None
    group: list[int] = field(default_factory=list)


class _Positions:
    """Original offsets -> normalized ones (normalizing only deletes layout-break runs)."""

    def __init__(self, ntext: NormalizedText) -> None:
        cuts = ntext.offsets
        self.shifts = cuts.cut_shifts
        self.ends = tuple(p + s for p, s in zip(cuts.cut_positions, cuts.cut_shifts))

    def __call__(self, original: int) -> int:
        if not self.ends:
            return original
        k = bisect.bisect_right(self.ends, original)
        return original - (self.shifts[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self(start)
            return s, s
        return self(start), self(end - 1) + 1


def build(ntext: NormalizedText, figures: Sequence[Figure], dates: Sequence[DateMention],
          places: Sequence[Place], organizations: Sequence[Organization],
          ref_date: datetime.date | None = None) -> list[Statement]:
    """One statement per figure that measures something, in order of the figure."""
    if not figures:
        return []
    return _Reader(ntext, figures, dates, places, organizations, ref_date).statements()


class _Reader:
    def __init__(self, ntext, figures, dates, places, organizations, ref_date):
        self.ntext = ntext
        self.text = ntext.text
        self.ref_date = ref_date
        to_norm = _Positions(ntext)
        self.figures = [_Span(*to_norm.span(f.start, f.end), f) for f in figures]
        self.dates = [_Span(*to_norm.span(d.start, d.end), d) for d in dates]
        orgs = [_Span(*to_norm.span(o.start, o.end), o) for o in organizations]
        # a place inside an organization name is part of that name, not a subject of its own
        org_starts = [o.start for o in orgs]
        actors = list(orgs)
        for p in places:
            span = _Span(*to_norm.span(p.start, p.end), p)
            k = bisect.bisect_right(org_starts, span.start) - 1
            if k >= 0 and orgs[k].end >= span.end:
                continue
            actors.append(span)
        actors.sort(key=lambda s: (s.start, s.end))
        self.actors = actors
        self.actor_starts = [a.start for a in actors]
        self.actor_ends = sorted((a.end, i) for i, a in enumerate(actors))
        self.date_starts = [d.start for d in self.dates]
        self.date_by_end = {d.end: d for d in self.dates}
        self.figure_starts = {f.start for f in self.figures}
        self.basis_dates = {id(d) for d in self.dates if self._is_basis_date(d)}

    # ---- the document walk ----------------------------------------------------------------
    def statements(self) -> list[Statement]:
        text = self.text
        out: list[Statement] = []
        topic: Subject | None = None
        last_period_here: DateMention | None = None     # this paragraph
        last_period_before: DateMention | None = None   # the paragraph before
        paragraph_start = -1
        figure_index = 0
        date_index = 0
        for s_start, s_end in self.ntext.sentences:
            line_start = text.rfind("\n", 0, s_start) + 1
            if line_start != paragraph_start:
                paragraph_start = line_start
                line_end = text.find("\n", s_start)
                line_end = len(text) if line_end < 0 else line_end
                last_period_before = last_period_here
                last_period_here = None
                if self._is_headline(line_start, line_end):
                    headline_subject = self._headline_subject(line_start, line_end)
                    if headline_subject is not None:
                        topic = headline_subject
                    last_period_before = None
            sentence_figures = []
            while figure_index < len(self.figures) and self.figures[figure_index].start < s_end:
                if self.figures[figure_index].start >= s_start:
                    sentence_figures.append(self.figures[figure_index])
                figure_index += 1
            carried_period = last_period_here or last_period_before
            clause_subjects = self._clause_subjects(s_start, s_end)
            if sentence_figures:
                out.extend(self._sentence(s_start, s_end, sentence_figures, clause_subjects,
                                          topic, carried_period))
            if clause_subjects:
                topic = clause_subjects[-1][1]
            while date_index < len(self.dates) and self.dates[date_index].start < s_end:
                d = self.dates[date_index]
                if id(d) not in self.basis_dates and d.start >= s_start:
                    last_period_here = d.record
                date_index += 1
        return out

    def _is_headline(self, start: int, end: int) -> bool:
        line = self.text[start:end].strip()
        return 0 < len(line) <= 40 and not any(c in line for c in "。！？!?；;")

    def _headline_subject(self, start: int, end: int) -> Subject | None:
        quoted = False
        k = bisect.bisect_left(self.actor_starts, start)
        position = start
        while k < len(self.actors) and self.actors[k].start < end:
            actor = self.actors[k]
            segment = self.text[position:actor.start]
            quoted ^= (segment.count("“") + segment.count("「")) % 2 == 1
            position = actor.start
            if not quoted:
                return actor.record  # type: ignore[return-value]
            k += 1
        return None

    # ---- one sentence -------------------------------------------------------------------------
    def _sentence(self, s_start, s_end, figures, clause_subjects, topic, carried_period):
        text = self.text
        found: list[_Found] = []
        sentence_start, sentence_end = self.ntext.span_to_original(s_start, s_end)
        group_metrics: list[tuple[int, int] | None] = []
        target_at = self._first_target(s_start, s_end)
        statements = []
        skip_to = -1
        for i, span in enumerate(figures):
            figure: Figure = span.record  # type: ignore[assignment]
            if self._is_list_index(span, figure):
                found.append(None)  # type: ignore[arg-type]
                continue
            clause_start = self._clause_start(s_start, span.start)
            previous_end = max([clause_start] + [f.end for f in figures[:i]
                                                 if f.end <= span.start])
            item = _Found()
            relation, basis, np_end = self._glue(previous_end, span.start)
            item.relation, item.basis = relation, basis
            metric = self._metric_before(previous_end, np_end)
            counted = self._counted_after(span, figure, s_end)
            if counted and (metric is None or figure.kind in ("count", "age")):
                metric = counted
            # 分别: the figures listed after it pair with the list before it
            if i > skip_to:
                group = self._group(figures, i, s_end)
                if len(group) > 1 and "分别" in text[previous_end:span.start]:
                    items = self._list_items(metric, previous_end, np_end)
                    subjects = [self._actor_at(a, b) for a, b in items] if items else []
                    if items and len(items) == len(group) and all(subjects):
                        paired_subjects = subjects
                        paired = [None] * len(group)
                        if group_metrics and len(group_metrics) == len(group):
                            paired = group_metrics
                    elif items and len(items) == len(group):
                        paired_subjects = [None] * len(group)
                        paired = items
                    elif metric is None and len(group_metrics) == len(group):
                        paired_subjects = [None] * len(group)
                        paired = group_metrics
                    else:
                        paired_subjects = [None] * len(group)
                        paired = [metric] * len(group)
                    group_metrics = list(paired)
                    for j, member in enumerate(group):
                        member_found = _Found(metric=paired[j], relation=relation, basis=basis,
                                              subject=paired_subjects[j])
                        found_member = self._finish(member_found, member, clause_start, s_start,
                                                    s_end, target_at, clause_subjects, topic,
                                                    carried_period, found)
                        found.append(found_member)
                    skip_to = i + len(group) - 1
                    continue
            if i <= skip_to:
                continue
            item.metric = metric
            if metric is not None:
                group_metrics = [metric]
            found.append(self._finish(item, span, clause_start, s_start, s_end, target_at,
                                      clause_subjects, topic, carried_period, found))
        for span, item in zip(figures, found):
            if item is None:
                continue
            statements.append(Statement(
                figure=span.record, metric=self._mention(item.metric), relation=item.relation,
                basis=item.basis, subject=item.subject, period=item.period,
                sentence_start=sentence_start, sentence_end=sentence_end))
        return statements

    def _finish(self, item: _Found, span: _Span, clause_start, s_start, s_end, target_at,
                clause_subjects, topic, carried_period, before: list) -> _Found:
        figure: Figure = span.record  # type: ignore[assignment]
        text = self.text
        # a change with no phrase of its own changes the figure before it
        if item.metric is None and item.relation in ("change", "target"):
            for earlier in reversed(before):
                if earlier is not None and earlier.metric is not None:
                    item.metric = earlier.metric
                    break
        if item.metric is not None:
            head = text[item.metric[0]:item.metric[1]]
            for rate in ("增长率", "增长速度", "增速", "增幅", "降幅", "涨幅", "跌幅"):
                if head.endswith(rate) and item.relation == "level":
                    item.relation = "change"
        after = text[span.end:min(s_end, span.end + 4)]
        if figure.kind == "duration" and item.relation == "level":
            item.relation = "other"
        if item.relation == "level" and figure.kind not in ("age",) and item.metric is not None \
                and item.metric[0] >= span.end and _THRESHOLD_AFTER.match(after) \
                and not text[clause_start:span.start].strip():
            item.relation = "other"
        if _TIME_LIMIT_AFTER.match(after) and figure.kind == "duration":
            item.relation = "other"
        item.period = self._period(s_start, span.start) or carried_period
        if item.relation not in ("other", "share"):
            marker = self._target_for(target_at, clause_start, span.start)
            if marker is not None:
                over = (marker == "forecast" and item.period is not None
                        and item.period.last_day is not None and self.ref_date is not None
                        and item.period.last_day < self.ref_date)
                if not over:
                    item.relation = "target"
        if item.relation in ("level", "share"):
            item.basis = None
        if item.subject is None:
            item.subject = self._subject(span, item.metric, clause_subjects, topic)
        return item

    # ---- clauses ------------------------------------------------------------------------------
    def _clause_start(self, s_start: int, position: int) -> int:
        text = self.text
        k = position - 1
        while k >= s_start and text[k] not in _CLAUSE_BREAK:
            k -= 1
        return k + 1

    def _group(self, figures, i: int, s_end: int) -> list[_Span]:
        """Figures listed one after another (5%、7%和9%)."""
        group = [figures[i]]
        for nxt in figures[i + 1:]:
            between = self.text[group[-1].end:nxt.start]
            if between in ("、", "和", "与", "及", ",", "，", "；"[:0]):
                group.append(nxt)
            else:
                break
        return group

    def _glue(self, start: int, figure_start: int) -> tuple[str, str | None, int]:
        """Read leftwards from the figure over the words between metric and figure."""
        text = self.text
        position = figure_start
        relation = "level"
        basis = None
        last_change_to = False
        seen_to = False
        while position > start:
            d = self.date_by_end.get(position)
            if d is not None and d.start >= start:
                if id(d) in self.basis_dates:
                    basis = basis or self._basis_of(d)
                    mark = _BASIS_MARK.search(text, max(start, d.start - 3), d.start)
                    position = mark.start() if mark else d.start
                else:
                    position = d.start
                continue
            word = _word_ending_at(text, position, start, _GLUE_ROLES)
            if word is None:
                break
            role = _role(word)
            if role == "to":
                seen_to = True
            elif role == "change":
                if seen_to and not last_change_to:
                    last_change_to = True  # 提升至: the new level
                elif relation == "level" and not last_change_to:
                    relation = "change"
            elif role == "share":
                relation = "share"
            elif role == "gap":
                relation = "other"
            elif role == "yoy":
                basis = "yoy"
            elif role == "mom":
                basis = "mom"
            elif role == "level":
                seen_to = False
            if role in ("target", "forecast", "future"):
                pass  # read with the sentence (_target_for)
            position -= len(word)
        return relation, basis, position

    def _metric_before(self, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase ending at ``end``, reaching left to the first edge."""
        text = self.text
        position = end
        k = bisect.bisect_left(self.actor_ends, (end + 1, -1)) - 1
        actor_edge = start
        while k >= 0:
            a_end, index = self.actor_ends[k]
            if a_end <= end and a_end > start:
                actor_edge = max(actor_edge, a_end)
                break
            if a_end <= start:
                break
            k -= 1
        date_edge = start
        j = bisect.bisect_left(self.date_starts, end) - 1
        while j >= 0 and self.dates[j].end > start:
            if self.dates[j].end <= end:
                date_edge = max(date_edge, self.dates[j].end)
                break
            j -= 1
        limit = max(start, actor_edge, date_edge)
        nouns = _inside_nouns(text, limit, end)
        while position > limit:
            if text[position - 1] in _HARD_BREAK and text[position - 1] != "、":
                break
            word = _word_ending_at(text, position, limit, _METRIC_LEFT_EDGE)
            if word is not None and len(word) > 1 and position - 1 not in nouns:
                break
            position -= 1
        # 占: the phrase is what takes the share (第三产业增加值占地区生产总值比重)
        phrase_start = position
        while phrase_start < end and (text[phrase_start] in "的了、" or not
                                      _LETTERS.match(text[phrase_start])):
            phrase_start += 1
        phrase_end = end
        while phrase_end > phrase_start and text[phrase_end - 1] in "的了、等":
            phrase_end -= 1
        share_at = text.find("占", phrase_start, phrase_end)
        if share_at > phrase_start:
            phrase_end = share_at
        if phrase_end - phrase_start < 2 and not (phrase_end - phrase_start == 1
                                                  and _roles()[0].get(text[phrase_start:phrase_end]) == "head"):
            return None
        if phrase_end - phrase_start > _MAX_METRIC:
            cut = text.rfind("的", phrase_start, phrase_end - 1)
            phrase_start = cut + 1 if cut >= 0 and phrase_end - cut > 2 else phrase_end - _MAX_METRIC
        return phrase_start, phrase_end

    def _counted_after(self, span: _Span, figure: Figure, s_end: int) -> tuple[int, int] | None:
        """The noun right after a count (54家关联企业), a sum of money (5万元现金) or a mass."""
        if figure.kind not in ("count", "money", "mass", "age", "volume", "area", "power",
                               "energy", "length", "other"):
            return None
        text = self.text
        start = span.end
        if _word_starting_at(text, start, s_end, {"stop", "glue", "prep", "to", "level",
                                                   "change", "share"}):
            return None
        position = start
        limit = min(s_end, start + _MAX_COUNTED)
        nouns = _inside_nouns(text, start, limit + 4)
        k = bisect.bisect_left(self.actor_starts, start)
        if k < len(self.actors) and self.actors[k].start == start:
            return None
        while position < limit:
            if not _LETTERS.match(text[position]) or position in self.figure_starts:
                break
            if position in self.date_by_start_set():
                break
            if text[position] in "的中":
                break
            if position > start + 1 and position not in nouns and \
                    _word_starting_at(text, position, limit, _COUNTED_EDGE):
                break
            position += 1
        if position - start < 2:
            return None
        return start, position

    _date_starts_set: set[int] | None = None

    def date_by_start_set(self) -> set[int]:
        if self._date_starts_set is None:
            self._date_starts_set = set(self.date_starts)
        return self._date_starts_set

    def _list_items(self, metric, start: int, end: int) -> list[tuple[int, int]]:
        """The items of ``A、B和C`` in the metric phrase; a short item shares the head noun of
        the last (城乡居民和职工医保报销比例 -> both end at 比例)."""
        if metric is None:
            # the list may be of subjects only (宜章县、汝城县分别增长…)
            k = bisect.bisect_left(self.actor_starts, start)
            names = []
            while k < len(self.actors) and self.actors[k].end <= end:
                names.append((self.actors[k].start, self.actors[k].end))
                k += 1
            return names if len(names) > 1 else []
        m_start, m_end = metric
        phrase = self.text[m_start:m_end]
        pieces = []
        position = 0
        for sep in _LIST_SPLIT.finditer(phrase):
            pieces.append((m_start + position, m_start + sep.start()))
            position = sep.end()
        pieces.append((m_start + position, m_end))
        # a list of places before the metric: A、B两县 … keep subjects apart
        k = bisect.bisect_left(self.actor_starts, start)
        if len(pieces) == 1:
            names = []
            while k < len(self.actors) and self.actors[k].end <= m_start:
                names.append((self.actors[k].start, self.actors[k].end))
                k += 1
            return names if len(names) > 1 else pieces
        words = _roles()[0]
        last_head = any(phrase.endswith(w) for w, r in words.items() if r == "head")
        items = []
        for a, b in pieces[:-1]:
            piece = self.text[a:b]
            has_head = any(piece.endswith(w) for w, r in words.items() if r == "head")
            items.append((a, m_end) if last_head and not has_head else (a, b))
        items.append(pieces[-1])
        return items

    def _actor_at(self, start: int, end: int) -> Subject | None:
        k = bisect.bisect_left(self.actor_starts, start)
        if k < len(self.actors) and self.actors[k].start == start and self.actors[k].end == end:
            return self.actors[k].record  # type: ignore[return-value]
        return None

    # ---- relation, basis, period, subject ----------------------------------------------------
    def _first_target(self, s_start: int, s_end: int) -> list[tuple[int, str]]:
        words, longest = _roles()
        found = []
        text = self.text
        for marker in ("力争", "目标", "计划", "争取", "确保", "力求", "规划", "预计", "预期",
                       "有望", "预测", "将", "拟", "努力"):
            at = text.find(marker, s_start, s_end)
            while at >= 0:
                found.append((at, words[marker]))
                at = text.find(marker, at + len(marker), s_end)
        found.sort()
        return found

    def _target_for(self, markers, clause_start: int, figure_start: int) -> str | None:
        role = None
        for at, marker_role in markers:
            if at >= figure_start:
                break
            if marker_role == "future" and at < clause_start:
                continue
            if marker_role == "future" and self.text[at:at + 2] in ("将军",):
                continue
            role = marker_role if role != "target" else role
        if role == "future":
            return "target"
        return role

    def _is_basis_date(self, d: _Span) -> bool:
        before = self.text[max(0, d.start - 3):d.start]
        return bool(_BASIS_MARK.search(before))

    def _basis_of(self, d: _Span) -> str:
        after = self.text[d.end:d.end + 2]
        if _SAME_PERIOD.match(after):
            return "yoy"
        record: DateMention = d.record  # type: ignore[assignment]
        if record.granularity == "month" and d.record.text in ("上月", "上个月"):
            return "mom"
        return "vs_previous"

    def _period(self, s_start: int, figure_start: int) -> DateMention | None:
        j = bisect.bisect_left(self.date_starts, figure_start) - 1
        while j >= 0 and self.dates[j].start >= s_start:
            d = self.dates[j]
            if id(d) not in self.basis_dates and d.end <= figure_start:
                return d.record  # type: ignore[return-value]
            j -= 1
        return None

    def _clause_subjects(self, s_start: int, s_end: int) -> list[tuple[int, Subject]]:
        """Places and organizations at the head of a clause (after dates and a preposition
        such as 在): the sentence's subjects, with where they stand."""
        text = self.text
        out = []
        k = bisect.bisect_left(self.actor_starts, s_start)
        while k < len(self.actors) and self.actors[k].start < s_end:
            actor = self.actors[k]
            clause_start = self._clause_start(s_start, actor.start)
            lead = text[clause_start:actor.start]
            j = bisect.bisect_left(self.date_starts, clause_start)
            while j < len(self.dates) and self.dates[j].end <= actor.start:
                d = self.dates[j]
                lead = lead.replace(text[d.start:d.end], "", 1)
                j += 1
            lead = lead.strip(" 在据于经")
            if len(lead) <= 2 and (not lead or lead[-1] not in "与和同跟向对给赴到至往及从"):
                # a chain (资兴市汤溪镇壁溪村) is one subject: its last link
                while (k + 1 < len(self.actors) and self.actors[k + 1].start == actor.end):
                    k += 1
                    actor = self.actors[k]
                out.append((actor.start, actor.record))
            k += 1
        return out

    def _subject(self, span: _Span, metric, clause_subjects, topic) -> Subject | None:
        text = self.text
        # right before the figure or its metric (湘阴县5.3万余名, 高新区137家实体企业)
        edge = metric[0] if metric is not None and metric[1] <= span.start else span.start
        for at in (edge, span.start):
            k = bisect.bisect_left(self.actor_ends, (at + 1, -1)) - 1
            if k >= 0:
                a_end, index = self.actor_ends[k]
                actor = self.actors[index]
                if a_end in (at, at - 1) and text[a_end:at] in ("", "的") and \
                        text[max(0, actor.start - 1):actor.start] not in ("与", "和", "同", "向"):
                    return actor.record  # type: ignore[return-value]
        chosen = None
        for at, subject in clause_subjects:
            if at < span.start:
                chosen = subject
        return chosen or topic

    def _is_list_index(self, span: _Span, figure: Figure) -> bool:
        if figure.unit or figure.kind != "other":
            return False
        before = self.text[max(0, span.start - 1):span.start]
        after = self.text[span.end:span.end + 1]
        at_line_start = span.start == 0 or before in ("\n", "(", "（", " ", "#", "*")
        return at_line_start and (bool(_LIST_INDEX.match(after)) or before in ("(", "（"))

    def _mention(self, span: tuple[int, int] | None) -> Mention | None:
        if span is None:
            return None
        start, end = self.ntext.span_to_original(*span)
        return Mention(text=self.ntext.written_text(*span), start=start, end=end)
