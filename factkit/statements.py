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
  in its sentence (at the head of a clause), else the topic carried from before: the
  sentence's, the paragraph's first, the article's (its headline, dateline or first subject);
  全县, 该院 stand for the latest subject of that kind.
* **period** — the nearest date before the figure in its sentence (not one compared against),
  else one after it in its clause, else the last date of the paragraph or of the one before.

A figure measures something unless it is a bare list index ("1、", "（2）"); every other figure
gets a statement.
"""
from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, Generic, TypeVar, cast

import regex

from .lexicon import read_table
from .models import DateMention, Figure, Mention, Organization, Place, Statement
from .normalize import NormalizedText

__all__ = ["build"]

Subject = Place | Organization
# a record with offsets: what a _Span holds
_R = TypeVar("_R", Figure, DateMention, Place, Organization, Subject)
# target words of a sentence: sentence-wide ones, the roles they give, where 将 stands
_Targets = tuple[list[int], list[str], list[int]]
_Pair = tuple[int, int]
# the places and organizations at the head of a sentence's clauses: where, which, leading
_ClauseSubjects = list[tuple[int, Subject, bool]]
# the metric of the paragraph's last statement, with its subject
_LastMetric = tuple[_Pair, Subject | None] | None
# what a figure's statement says: metric, relation, basis, subject, period
_Reading = tuple[_Pair | None, str, str | None, Subject | None, DateMention | None]

# (The hot lines below take the larger or smaller of two positions by a comparison: max() and
# min() cost about a thousand instructions a call in CPython 3.11, which builds an iterator
# over their arguments.)
_CLAUSE_BREAK = "，,：:（）()"
# Clause breaks are looked for around each figure and actor, within a clause's reach, rather
# than all found in the text first: most of a text's commas stand where nothing is read.
_NEXT_CLAUSE_BREAK = re.compile("[" + re.escape(_CLAUSE_BREAK) + "]")
_HARD_BREAK = set("。！？!?；;\n，,：:、（）()“”\"《》【】[]/|·—")


def _last_of(characters: set[str]) -> re.Pattern[str]:
    """Matches up to the last of ``characters`` from where it is asked to (``match``): the
    standard library's backtracking reads a short stretch backwards in one call, in half the
    work of a reverse search of ``regex``."""
    return re.compile("(?s).*[" + "".join(map(re.escape, sorted(characters))) + "]")


# the breaks a metric does not reach over: all but the list comma (、 lists are one phrase)
_METRIC_BREAK = frozenset(_HARD_BREAK - {"、"})
_LAST_CLAUSE_BREAK = _last_of(set(_CLAUSE_BREAK))
_MAX_METRIC = 24
_MAX_COUNTED = 10


@cache
def _roles() -> tuple[dict[str, str], int]:
    words = {row["word"]: row["role"] for row in read_table("statement_words.tsv")}
    return words, max(map(len, words))


# The words of each set of roles, looked up in plain dicts rather than through a cached
# function, since every character read asks: by their first character, longest first, with
# their lengths; and for words ending at a position, those of two characters or more by their
# last two (one slice finds the few that may end there) and those of one character.
_STARTING_WITH: dict[frozenset[str], dict[str, tuple[tuple[int, str], ...]]] = {}
_EndingIndex = tuple[dict[str, tuple[tuple[int, str], ...]], frozenset[str]]
_ENDING_WITH: dict[frozenset[str], _EndingIndex] = {}


def _words_longest_first(roles: frozenset[str]) -> list[str]:
    return sorted((word for word, role in _roles()[0].items() if role in roles),
                  key=len, reverse=True)


def _ending_index(roles: frozenset[str]) -> _EndingIndex:
    longer: dict[str, list[tuple[int, str]]] = {}
    words = _words_longest_first(roles)
    for word in words:
        if len(word) > 1:
            longer.setdefault(word[-2:], []).append((len(word), word))
    index = ({ending: tuple(found) for ending, found in longer.items()},
             frozenset(word for word in words if len(word) == 1))
    _ENDING_WITH[roles] = index
    return index


def _word_ending_at(text: str, end: int, start_limit: int, roles: frozenset[str]) -> str | None:
    """The longest lexicon word of one of ``roles`` ending at ``end``, starting at
    ``start_limit`` (a position of ``text``) or after."""
    if end <= start_limit:
        return None
    longer, single = _ENDING_WITH.get(roles) or _ending_index(roles)
    if end - start_limit > 1:
        for length, word in longer.get(text[end - 2:end], ()):
            if end - length >= start_limit and (length == 2
                                                or text.startswith(word, end - length)):
                return word
    return text[end - 1] if text[end - 1] in single else None


def _starting_index(roles: frozenset[str]) -> dict[str, tuple[tuple[int, str], ...]]:
    """The words of ``roles`` by their first character (with their lengths), built and kept
    in _STARTING_WITH, where callers look first."""
    found: dict[str, list[tuple[int, str]]] = {}
    for word in _words_longest_first(roles):
        found.setdefault(word[0], []).append((len(word), word))
    index = _STARTING_WITH[roles] = {c: tuple(words) for c, words in found.items()}
    return index


def _word_starting_at(text: str, start: int, end_limit: int,
                      roles: frozenset[str]) -> str | None:
    if start >= end_limit:
        return None
    for length, word in (_STARTING_WITH.get(roles) or _starting_index(roles)).get(text[start], ()):
        if start + length <= end_limit and text.startswith(word, start):
            return word
    return None


# Patterns of plain words and characters are compiled with the standard library's ``re``,
# whose calls cost half those of ``regex`` (``regex`` stays where \p{Han} or its reading of
# white space is needed); both read alternatives in their order, so they find the same words.
def _words_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """The words of ``roles``, longest first."""
    words = sorted((w for w, r in _roles()[0].items() if r in roles), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@cache
def _noun_pattern() -> re.Pattern[str]:
    return _words_pattern(("noun",))


@cache
def _last_edge_end_or_break() -> re.Pattern[str]:
    """Finds, right to left, the last characters of the words that may end a metric on its
    left, and the breaks it does not reach over: the phrase's characters are looked at in one
    search, not one by one."""
    edge_ends = {w[-1] for w, r in _roles()[0].items() if r in _METRIC_LEFT_EDGE}
    return _last_of(edge_ends | _METRIC_BREAK)


@cache
def _heads() -> tuple[str, ...]:
    return tuple(w for w, r in _roles()[0].items() if r == "head")


@cache
def _noun_characters() -> frozenset[str]:
    return frozenset("".join(w for w, r in _roles()[0].items() if r == "noun"))


def _in_noun(text: str, position: int) -> bool:
    """Whether ``position`` is inside a compound noun of the lexicon (地区生产总值)."""
    if text[position] not in _noun_characters():
        return False   # no noun of the lexicon holds this character
    for m in _noun_pattern().finditer(text, max(0, position - 6), position + 7):
        if m.start() <= position < m.end():
            return True
    return False


_ANY_ROLE = frozenset({"cause", "level", "change", "to", "share", "gap", "target", "forecast",
                       "future", "yoy", "mom", "glue", "action", "prep", "subject", "rate", "head",
                       "stop", "noun"})
_GLUE_ROLES = frozenset({"level", "change", "to", "share", "gap", "target", "forecast", "future",
                         "yoy", "mom", "glue"})
# Where a metric phrase ends on its left: multi-character words only, since one character
# (共, 有, 均, 在) is too often part of a compound inside the phrase (一般公共预算收入).
_METRIC_LEFT_EDGE = frozenset({"cause", "level", "change", "target", "forecast", "future", "yoy",
                               "mom", "action", "prep", "subject", "gap"})
# one-character words that do end a metric on its left (将主要食材采购价格 -> the phrase after 将)
_ONE_CHARACTER_EDGE = set("将把被从让对为")
_COUNTED_EDGE = frozenset({"cause", "level", "change", "to", "share", "gap", "target", "forecast",
                           "future", "yoy", "mom", "glue", "action", "prep", "subject", "stop"})
_COUNTED_PREDICATE_EDGE = _COUNTED_EDGE - {"action"}
_ACTION = frozenset({"action"})
_GLUE = frozenset({"glue"})
_AFTER_FUTURE = frozenset({"level", "change", "action", "glue", "to"})
_BASIS_WORDS = ("比", "较", "与", "同", "相比", "相较", "相较于", "对比")
_COMPARISON_OPENINGS = frozenset("比较与同")   # a phrase opening so compares (比全国平均水平)
_BASIS_MARK = re.compile("(?:" + "|".join(_BASIS_WORDS) + ")$")
# what may stand right before a date compared against: a basis word's last character (or the
# line break ``$`` may match before); any other character rules the search out
_BEFORE_BASIS_DATE = frozenset(word[-1] for word in _BASIS_WORDS) | {"\n"}
_SAME_PERIOD = regex.compile(r"^同期")
_LIST_SPLIT = regex.compile(r"[、]|(?<=.{2})(?:和|与|及|以及)(?=.{2})")
_LIST_INDEX = regex.compile(r"^(?:[、.．)）]|\s)")
_THRESHOLD_AFTER = regex.compile(r"(?:以上|以下|及以上|及以下|以内)?的?[\p{Han}A-Za-z]")
_LETTER_RUN = regex.compile(r"[\p{Han}A-Za-z]+")
_COUNTED_OPENING = regex.compile(r"[\p{Han}A-Za-z/]")


@cache
def _opens_counted(character: str) -> bool:
    """Whether a counted noun may start with ``character`` (a letter, or a slash before
    another figure): asked after every figure, and a cached answer costs less than a match."""
    return _COUNTED_OPENING.match(character) is not None


_WORD_CHARACTER = regex.compile(r"[\p{Han}A-Za-z0-9]")


@cache
def _is_word_character(character: str) -> bool:
    """A Han character, a Latin letter or a digit (cached: asked character by character)."""
    return _WORD_CHARACTER.match(character) is not None


# a phrase ending so is a time clause (接警后, 建成后), not a metric
_NOT_IN_METRIC = regex.compile(r"(?:[他她它我你]们?|一[个位家批些名只])+")
_NOT_IN_METRIC_OPENINGS = frozenset("他她它我你一")   # where it may match: a cheap test first
_METRIC_MODIFIERS = {"平均", "年均", "实际", "全年", "每年", "每月", "每天", "每日", "每周",
                     "紧急", "同期"}
_TEMPORAL_END = ("后", "前", "时", "以来", "期间")
_AFTER_BASIS = re.compile(r"(?:同期|末|底)?(?:相比|相较)?$")


# what may stand between the head of a clause and its subject, dates aside
_SUBJECT_LEADS = {"", "本报讯", "在", "于", "据", "经", "走进", "来到", "其中", "同时", "此外", "另外", "而",
                  "但", "目前", "当前", "如今", "今年", "全年", "近年来", "近日", "日前", "截至",
                  "截至目前", "“", "《"}
# a lead word and a written date (2025年12月31日) at most
_LONGEST_LEAD = 20
# What a lead ends with, dates taken out: the last character of a lead word (or of 对, in 对X而言)
# or a blank; an actor after any other character, with no date within reach, leads nothing.
_LEAD_ENDS = frozenset(word[-1] for word in (*_SUBJECT_LEADS, "对") if word) | {" "}
_NOT_SUBJECT_BEFORE = set("与和同跟向对给赴到至往及从、")
_RATE_NOUNS = ("增长率", "增长速度", "增速", "增幅", "降幅", "涨幅", "跌幅")
# where a word such as 全县, 该院, 我国 may start
_SUBJECT_WORD_STARTS = "全我本该公"
# first characters of the target words (力争, 目标, 计划, 预计, 将 …): a cheap pre-scan
_TARGET_START = re.compile("[力目计争确规拟努预有将]")
_AGENCIES = ("新华社", "中新社", "中新网", "人民网", "央视网", "本报", "本台")
_DATELINE = regex.compile("(?:" + "|".join(_AGENCIES) + r")[^\s，。]{2,12}?"
                          r"\d{1,2}月\d{1,2}日(?:电|讯)")
_AGENCY_OPENINGS = frozenset(agency[0] for agency in _AGENCIES)   # where a dateline may start
_YOY_MOM = regex.compile(r"同比|环比")
_SPEAKS = regex.compile(r"介绍|表示|说|称|指出|透露|告诉")


@cache
def _TARGET_WORDS() -> re.Pattern[str]:
    return _words_pattern(("target", "forecast", "future"))


@cache
def _CLAUSE_MARKS() -> re.Pattern[str]:
    """Gap words (高于), a share (占), a comparison (比/较 + what is compared with)."""
    gaps = sorted((w for w, r in _roles()[0].items() if r == "gap" and len(w) > 1),
                  key=len, reverse=True)
    return re.compile("(?P<gap>" + "|".join(map(re.escape, gaps)) + ")"
                         r"|(?P<share>占(?!地面积))|(?P<comparison>(?:比|较)(?![重例率值较]))")


@cache
def _CLAUSE_MARK_START() -> re.Pattern[str]:
    """The first characters of the clause marks: where none stands, there is no mark."""
    gaps = (w for w, r in _roles()[0].items() if r == "gap" and len(w) > 1)
    return re.compile("[" + re.escape("".join(sorted({w[0] for w in gaps} | set("占比较")))) + "]")


@cache
def _SUBJECT_WORDS() -> re.Pattern[str]:
    return _words_pattern(("subject",))


@cache
def _kind_key(word: str) -> str:
    """What a word such as 全县, 该院, 该公司 stands for: a place suffix or a kind."""
    if word.endswith("国"):
        return "country"
    for ending, kinds in _ORG_KIND.items():
        if word.endswith(ending):
            return kinds[0]
    return word[-1]


def _remember(history: dict[str, Subject], subject: Subject) -> None:
    if isinstance(subject, Place):
        if subject.level == "country":
            history["country"] = subject
        elif subject.level in _PLACE_SUFFIX.get(subject.name[-1:], ()):
            history[subject.name[-1]] = subject   # 郴州市, 娄星区 (not 长青社区)
        return
    for key in _HISTORY_KEYS.get(subject.kind, ()):
        history[key] = subject


# the levels a word such as 全区 may stand for, by the last character of the place's name
_PLACE_SUFFIX = {"县": ("county",), "区": ("county",), "市": ("prefecture", "county"),
                 "省": ("province",), "州": ("prefecture",), "镇": ("township",),
                 "乡": ("township",), "村": ("village",)}
_ORG_KIND = {"院": ("hospital", "school", "research"), "公司": ("company",), "行": ("company",),
             "园": ("zone",)}
# where an organization of each kind is remembered: under its group's first kind (a school
# under hospital, for 该院), and a zone also under 区 (全区)
_HISTORY_KEYS: dict[str, tuple[str, ...]] = {kind: (kinds[0],) for kinds in _ORG_KIND.values()
                                             for kind in kinds}
_HISTORY_KEYS["zone"] += ("区",)

_HEADLINE_LENGTH = 40
# How far back clause and phrase searches look: clauses are short, and a text without
# punctuation must not make every figure read back to its start (linear time).
_CLAUSE_REACH = 160
_LOOK_BACK = 8
# what joins the figures of a list (5%、7%和9%)
_LIST_JOINS = frozenset("、和与及,，")
_SENTENCE_FINAL = set("。！？!?；;…”’」』）)】")
_END_CREDIT = regex.compile(r"\s*[（(][^（()）]{2,30}[）)]\s*$")
_LONGEST_LINE = 60   # a headline's line, markup and blanks included


def _short_lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of at most ``_LONGEST_LINE`` characters, with where each starts
    (splitting at line breaks finds them in half the time of a multi-line pattern)."""
    found = []
    start = 0
    for line in text.split("\n"):
        if 0 < len(line) <= _LONGEST_LINE:
            found.append((start, line))
        start += len(line) + 1
    return found


_LINE_MARKUP = " \t\u3000#*>\r"
_HEADLINE_PUNCTUATION = "。！？!?；;，,：:"
_NOT_HEADLINE = re.compile(f"[{_HEADLINE_PUNCTUATION}]")
# A line that may be a headline: a Markdown heading, or a short line with no punctuation; a
# pattern opening with the line break is searched for at C speed, and the long lines of a
# text's paragraphs are passed over at their first punctuation, not split off and looked at.
_MAY_BE_HEADLINE = (r"(?:[^\S\n]*+(?:#|\*\*)[^\n]*+"
                    f"|[^\\n{_HEADLINE_PUNCTUATION}]{{1,{_LONGEST_LINE}}}+(?=\\n|\\Z))")
_FIRST_LINE_HEADLINE = re.compile(_MAY_BE_HEADLINE)
# (a line too long or blank is no headline: the lookahead, a run of any character but the
# line break, turns it down before the alternatives read its characters one by one)
_LINE_HEADLINE = re.compile(f"\n(?=[^\n]{{1,{_LONGEST_LINE}}}+(?:\n|\\Z))" + _MAY_BE_HEADLINE)


@dataclass(slots=True)
class _Span(Generic[_R]):
    """A record with its span in the normalized text."""
    start: int
    end: int
    record: _R


@dataclass(slots=True)
class _Sentence:
    """A sentence being read, with what all its figures read alike."""
    start: int
    end: int
    targets: _Targets
    clause_subjects: _ClauseSubjects
    topic: Subject | None
    history: dict[str, Subject]           # the latest subject of each kind
    carried_period: DateMention | None    # the period carried from before the sentence
    last_metric: _LastMetric              # the paragraph's last metric, with its subject
    has_targets: bool   # whether ``targets`` holds a word that applies


_START_END = attrgetter("start", "end")
# (read through these in C, a list of positions costs no bytecode per record)
_START = attrgetter("start")
_END = attrgetter("end")
_FIRST = itemgetter(0)   # (of a pair)


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
        if not self.ends:
            return start, end
        ends, shifts = self.ends, self.shifts
        k = bisect.bisect_right(ends, start)
        normal_start = start - (shifts[k - 1] if k else 0)
        if end <= start:
            return normal_start, normal_start
        k = bisect.bisect_right(ends, end - 1, k)   # end - 1 >= start: search from there
        return normal_start, end - (shifts[k - 1] if k else 0)

    def starts_ends(self, records: Sequence[_R]) -> tuple[list[int], list[int]]:
        """Where ``records`` start and end in the normalized text, in two lists rather than
        an object per record (a text of a million figures reads most of them by their offsets
        alone)."""
        if not self.ends:
            return [r.start for r in records], [r.end for r in records]
        # ``span`` written out for every record: this runs once per record of the document.
        # Records come in order of their start, so the cuts before a start are counted on from
        # the record before rather than searched for; a record holding no cut ends as shifted
        # as it starts.
        cut_ends, shifts = self.ends, self.shifts
        cut_count = len(cut_ends)
        starts: list[int] = []
        ends: list[int] = []
        add_start, add_end = starts.append, ends.append
        k = 0   # how many cuts end at or before the record's start
        for r in records:
            start, end = r.start, r.end
            if k and cut_ends[k - 1] > start:   # out of order: count again
                k = bisect.bisect_right(cut_ends, start)
            while k < cut_count and cut_ends[k] <= start:
                k += 1
            shift = shifts[k - 1] if k else 0
            add_start(start - shift)
            if end <= start:
                add_end(start - shift)
            elif k < cut_count and cut_ends[k] <= end - 1:   # a cut inside the record
                add_end(end - shifts[bisect.bisect_right(cut_ends, end - 1, k) - 1])
            else:
                add_end(end - shift)
        return starts, ends


# where each record of a list stands in the normalized text: its start and its end
NormalizedSpans = tuple[list[int], list[int]]


def build(ntext: NormalizedText, figures: Sequence[Figure], dates: Sequence[DateMention],
          places: Sequence[Place], organizations: Sequence[Organization],
          ref_date: datetime.date | None = None, validate: bool = False,
          spans: Mapping[str, NormalizedSpans] | None = None) -> list[Statement]:
    """One statement per figure that measures something and is tied to something, in order
    of the figure (see ``Statement``).

    Statements are made of records that are already valid and of offsets and words read here,
    so by default they are built without validating them again (``RecordFactory``);
    ``validate=True`` builds them through pydantic (``tests/test_statements.py`` checks both
    give equal statements). ``spans``, by Document field ("figures", ...): where the records
    stand in the normalized text, as the pipeline knows them from their candidates; worked
    out from the records' offsets where not given."""
    if not figures:
        return []
    return _Reader(ntext, figures, dates, places, organizations, ref_date,
                   validate, spans).statements()


# a statement from its values; a mention from its text, start, end (and no other fields)
_Factories = tuple[Callable[[dict[str, Any]], Statement],
                   Callable[[str, int, int, dict[str, Any]], Mention]]


@cache
def _factories() -> _Factories:
    # imported here: the pipeline imports this module
    from .pipeline import RecordFactory
    return RecordFactory(Statement), RecordFactory(Mention).located


def _validating_factories() -> _Factories:
    return ((lambda values: Statement(**values)),
            (lambda text, start, end, fields: Mention(text=text, start=start, end=end, **fields)))


class _Reader:
    # Figures alike read as the first of them did (see ``_sentence``); tests switch it off to
    # check that every figure read on its own says the same.
    remember_alike = True
    # An actor at the start of its sentence or right after a clause break heads its clause,
    # and one after a character no lead ends with (no date within reach) leads none: both are
    # seen without searching for the clause's start; tests switch it off to check that the
    # search finds the same.
    heads_seen_at_once = True
    # Lines that may be headlines are found by a search that passes over the others (those
    # with punctuation, long lines) without splitting the text into lines; tests switch it
    # off to check that looking at every line finds the same.
    headlines_screened = True

    def __init__(self, ntext: NormalizedText, figures: Sequence[Figure],
                 dates: Sequence[DateMention], places: Sequence[Place],
                 organizations: Sequence[Organization], ref_date: datetime.date | None,
                 validate: bool = False,
                 spans: Mapping[str, NormalizedSpans] | None = None) -> None:
        self.ntext = ntext
        self.span_to_original = ntext.offsets.span_to_original
        self.new_statement, self.new_mention = (_validating_factories() if validate
                                                else _factories())
        self.text = ntext.text
        self.text_written = ntext.written
        self.role_of = _roles()[0]   # (word -> role, asked for every phrase read)
        self.ref_date = ref_date
        self.to_norm = to_norm = _Positions(ntext)
        # figures by their offsets and records: most of a long run of them (1年1年…) is read
        # without a span object of its own (see ``_figure_span``)
        self.figure_records = figures
        # (reading a record's offsets costs more than the rest of its span: given if known)
        def starts_ends(field: str, records: Sequence[_R]) -> NormalizedSpans:
            return spans[field] if spans is not None else to_norm.starts_ends(records)

        def spans_of(field: str, records: Sequence[_R]) -> tuple[list[int], list[_Span[_R]]]:
            """The records' starts, and the records with their spans."""
            starts, ends = starts_ends(field, records)
            return starts, list(map(_Span, starts, ends, records))

        self.figure_starts, self.figure_ends = starts_ends("figures", figures)
        self.date_starts, self.dates = spans_of("dates", dates)
        orgs: list[_Span[Subject]]
        org_starts, orgs = spans_of("organizations", organizations)
        # a place inside an organization name is part of that name, not a subject of its own
        actors = list(orgs)
        nested: list[_Span[Subject]] = []
        # a river, a lake or a site names where, not whom: no figure is about it
        subject_places = cast(list[_Span[Subject]], [   # (a place is a subject)
            span for span in spans_of("places", places)[1]
            if span.record.level not in ("feature", "site")])
        for span in subject_places:
            k = bisect.bisect_right(org_starts, span.start) - 1
            if k >= 0 and orgs[k].end >= span.end:
                nested.append(span)
                continue
            actors.append(span)
        actors.sort(key=_START_END)
        self.nested = nested   # places inside organization names: not subjects, but known
        self.actors = actors
        self.actor_starts = list(map(_START, actors))
        actor_ends = list(map(_END, actors))
        # (end, index) by end, ties in order of the actors
        self.actor_ends = sorted(zip(actor_ends, range(len(actors))))
        # the ends alone, to bisect by a number rather than a pair
        self.actor_end_positions = sorted(actor_ends)
        self.date_start_set = set(self.date_starts)
        self.date_by_end = dict(zip(map(_END, self.dates), self.dates))
        text = self.text
        # (only a date right after a basis word, or a line break, may be one)
        self.basis_dates = {id(d) for d in self.dates
                            if text[d.start - 1:d.start] in _BEFORE_BASIS_DATE
                            and self._is_basis_date(d)}
        # the dates a figure may apply to: those no figure is compared against
        self.periods, self.period_starts = self.dates, self.date_starts
        if self.basis_dates:
            self.periods = [d for d in self.dates if id(d) not in self.basis_dates]
            self.period_starts = list(map(_START, self.periods))
        # the metric of the paragraph's last statement, with its subject
        self.last_metric: _LastMetric = None
        self.leading_at: list[int] = []
        self.mentions: dict[_Pair, Mention] = {}
        self.leading: list[Subject] = []
        # nobody named and no 全县 in the text: a figure's subject is the one carried to it
        self.nobody_named = not self.actors and not any(
            character in self.text for character in _SUBJECT_WORD_STARTS)

    # ---- the document walk ----------------------------------------------------------------
    def statements(self) -> list[Statement]:
        out: list[Statement] = []
        history: dict[str, Subject] = {}                # the latest subject of each kind
        article_topic: Subject | None = None            # the headline's, or the first one's
        paragraph_topic: Subject | None = None          # the first subject of the paragraph
        sentence_topic: Subject | None = None           # the last one of the sentence (…；…)
        last_period_here: DateMention | None = None     # this paragraph
        last_period_before: DateMention | None = None   # the paragraph before
        figure_index = 0
        date_index = 0
        nested_index = 0
        pieces, paragraph_opens, headline_starts = self._pieces()
        text, nested, dates = self.text, self.nested, self.dates
        basis_dates = self.basis_dates
        figure_starts = self.figure_starts
        figure_count = len(figure_starts)
        # Where the records of each kind start, each list closed by a position past every
        # sentence, so that "the next one starts in this sentence" is one comparison. A
        # sentence holding no record is passed over; figures apart (no copy of a list of a
        # million), where every record starts.
        beyond = len(text) + 1
        nested_starts = [*map(_START, nested), beyond]
        record_starts = sorted([*self.date_starts, *self.actor_starts, *nested_starts])
        actor_starts = [*self.actor_starts, beyond]
        date_starts = [*self.date_starts, beyond]
        next_figure = figure_starts[0] if figure_count else beyond
        not_leading: list[Any] = []   # (never added to: for the sentences no subject leads)
        bisect_left = bisect.bisect_left
        for number, (s_start, s_end) in enumerate(pieces):
            if figure_index == figure_count:
                break   # every figure read: what follows is about none of them
            # (the first piece opens a paragraph: a line break before it or not)
            before = text[s_start - 1]
            if before == "\n" or s_start in paragraph_opens:
                last_period_before = last_period_here
                last_period_here = None
                paragraph_topic = sentence_topic = None
                if s_start in headline_starts:
                    last_period_before = None
                    if _END_CREDIT.match(text, s_start, s_end):
                        article_topic = None   # （记者 某某）: the article is over
                    headline_subject = self._headline_subject(s_start, s_end)
                    if headline_subject is not None:
                        article_topic = headline_subject
                        _remember(history, headline_subject)
                last_metric = None
                dateline = (_DATELINE.match(text, s_start, s_end)
                            if text[s_start] in _AGENCY_OPENINGS else None)
                if dateline is not None:   # 新华社长沙3月5日电: the article's place
                    k = bisect.bisect_left(self.actor_starts, s_start)
                    if k < len(self.actors) and self.actors[k].end <= dateline.end():
                        article_topic = self.actors[k].record
                        _remember(history, article_topic)
            elif before not in "；;":
                sentence_topic = None
            if next_figure >= s_end and \
                    record_starts[bisect_left(record_starts, s_start)] >= s_end:
                continue   # no record in this sentence: nothing to read or to remember
            while nested_starts[nested_index] < s_end:
                _remember(history, nested[nested_index].record)
                nested_index += 1
            # the sentence's figures, from first_index to figure_index
            first_index = figure_index
            if next_figure < s_end:
                figure_index = bisect_left(figure_starts, s_end, figure_index)
                first_index = bisect_left(figure_starts, s_start, first_index, figure_index)
                next_figure = (figure_starts[figure_index] if figure_index < figure_count
                               else beyond)
            # the subjects leading a clause of this sentence (one of a list does not): they are
            # the sentence's candidates for _subject, then its topic for the sentences after
            clause_subjects: _ClauseSubjects = not_leading
            leading = not_leading
            if actor_starts[bisect_left(actor_starts, s_start)] < s_end:
                clause_subjects = self._clause_subjects(s_start, s_end)
                leading_at, leading = [], []
                for at, subject, leads in clause_subjects:
                    if leads:
                        leading_at.append(at)
                        leading.append(subject)
                self.leading_at, self.leading = leading_at, leading
            else:
                self.leading_at = self.leading = not_leading
            if first_index < figure_index:
                following = pieces[number + 1] if number + 1 < len(pieces) else None
                topic = (self._speaker(s_start, s_end, clause_subjects, following)
                         or sentence_topic or paragraph_topic or article_topic)
                self._sentence(s_start, s_end, first_index, figure_index, clause_subjects, topic,
                               history, last_period_here or last_period_before, last_metric, out)
                last_metric = self.last_metric
            if leading:
                for subject in leading:
                    _remember(history, subject)
                sentence_topic = leading[-1]
                paragraph_topic = paragraph_topic or leading[0]
                article_topic = article_topic or leading[0]
            while date_starts[date_index] < s_end:
                d = dates[date_index]
                if id(d) not in basis_dates and d.start >= s_start:
                    last_period_here = d.record
                date_index += 1
        return out

    def _pieces(self) -> tuple[list[tuple[int, int]], set[int], set[int]]:
        """Sentences (start, end) in the normalized text, the starts of those that open a
        paragraph with no line break before them, and the starts of headlines.

        Headlines are found in the original text, where they stand on lines of their own; the
        normalized text may have joined them to the next line (a line without final
        punctuation looks like a layout break), so sentences are cut where a headline ends:
        the piece after the cut opens a paragraph, as does the piece after a headline."""
        to_norm = self.to_norm
        original = self.ntext.original
        headlines: list[tuple[int, int]] = []
        previous_end = -1   # where the last headline's text ends
        for line_start, line in self._headline_lines(original):
            stripped = line.strip(_LINE_MARKUP)
            if not stripped or len(stripped) > _HEADLINE_LENGTH:
                continue
            if not line.lstrip().startswith(("#", "**")):   # not a Markdown heading
                # the line before must end a sentence, or be a headline itself
                window = original[max(0, line_start - 200):line_start]
                before = window.rstrip()
                before_end = line_start - (len(window) - len(before))
                before = before.rstrip(_LINE_MARKUP)
                if before and before[-1] not in _SENTENCE_FINAL and before_end != previous_end:
                    continue
            headlines.append(to_norm.span(line_start, line_start + len(line)))
            previous_end = line_start + len(line.rstrip())
        sentences = self.ntext.sentences
        headline_starts = {start for start, _ in headlines}
        opens = {sentences[0][0]} if sentences else set()
        if not headlines:
            return sentences, opens, headline_starts
        # Only the sentences a headline's edge falls inside are cut; the others are the
        # pieces as they are, copied in runs. (Sentences are found by their starts: a list of
        # numbers is bisected in less work than a list of pairs.)
        sentence_starts = list(map(_FIRST, sentences))
        pieces: list[tuple[int, int]] = []
        copied = 0   # the sentences before this one are in pieces
        for cut in sorted(set(chain.from_iterable(headlines))):
            if pieces and pieces[-1][0] < cut < pieces[-1][1]:
                start, end = pieces.pop()   # the rest of a sentence cut before
            else:
                k = bisect.bisect_right(sentence_starts, cut) - 1   # the last starting by it
                if k < copied or not sentences[k][0] < cut < sentences[k][1]:
                    continue
                pieces.extend(sentences[copied:k])
                start, end = sentences[k]
                copied = k + 1
            pieces.append((start, cut))
            pieces.append((cut, end))
            opens.add(cut)
        if copied:
            pieces.extend(sentences[copied:])
            piece_starts = list(map(_FIRST, pieces))
        else:
            pieces, piece_starts = sentences, sentence_starts
        for start, _ in headlines:
            k = bisect.bisect_right(piece_starts, start)
            if 0 < k < len(pieces) and pieces[k - 1][0] == start:
                opens.add(pieces[k][0])   # the piece after a headline
        return pieces, opens, headline_starts

    def _headline_lines(self, original: str) -> list[tuple[int, str]]:
        """The lines of ``original`` that may be headlines, with where each starts: Markdown
        headings and lines with no punctuation, of at most ``_LONGEST_LINE`` characters."""
        if not self.headlines_screened:
            return [(start, line) for start, line in _short_lines(original)
                    if line.lstrip().startswith(("#", "**")) or not _NOT_HEADLINE.search(line)]
        found = []
        first = _FIRST_LINE_HEADLINE.match(original)
        if first is not None:
            found.append((0, first.group()))
        for m in _LINE_HEADLINE.finditer(original):
            found.append((m.start() + 1, m.group()[1:]))
        return found

    def _speaker(self, s_start: int, s_end: int, clause_subjects: _ClauseSubjects,
                 next_sentence: _Pair | None) -> Subject | None:
        """A quotation is about its speaker's organization: “……我公司……。”某公司负责人介绍."""
        text = self.text
        if clause_subjects or text[s_end - 1:s_end] not in "”」" or not next_sentence:
            return None
        following = self._clause_subjects(*next_sentence)
        if following and following[0][0] - next_sentence[0] <= 2:
            clause_end = self._clause_end(next_sentence[0], next_sentence[1])
            if _SPEAKS.search(text, next_sentence[0], clause_end):
                return following[0][1]
        return None

    def _headline_subject(self, start: int, end: int) -> Subject | None:
        k = bisect.bisect_left(self.actor_starts, start)
        while k < len(self.actors) and self.actors[k].start < end:
            actor = self.actors[k]
            if not self._quoted(start, actor.start):
                return actor.record
            k += 1
        return None

    def _quoted(self, start: int, position: int) -> bool:
        if position <= start:
            return False   # nothing before it to open a quotation
        text = self.text
        window_start = position - _CLAUSE_REACH   # counted in place, not copied
        if window_start < start:
            window_start = start
        opening = text.count("“", window_start, position) + text.count("「", window_start, position)
        return opening > 0 and opening > (text.count("”", window_start, position)
                                           + text.count("」", window_start, position))

    # ---- one sentence -------------------------------------------------------------------------
    def _sentence(self, s_start: int, s_end: int, first_figure: int, stop: int,
                  clause_subjects: _ClauseSubjects, topic: Subject | None,
                  history: dict[str, Subject], carried_period: DateMention | None,
                  last_metric: _LastMetric, statements: list[Statement]) -> None:
        """Appends the statements of the sentence's figures (those from ``first_figure`` to
        ``stop``) to ``statements``."""
        text, role_of = self.text, self.role_of
        starts, ends, records = self.figure_starts, self.figure_ends, self.figure_records
        new_statement = self.new_statement
        sentence_start, sentence_end = self.span_to_original(s_start, s_end)
        targets = self._targets(s_start, s_end)
        sentence = _Sentence(s_start, s_end, targets, clause_subjects, topic, history,
                             carried_period, last_metric, bool(targets[0] or targets[2]))
        # the metric found for each figure so far (None where there is none)
        found: list[_Pair | None] = [None] * (stop - first_figure)
        # the subject of the last statement, and the metric of the last one with a metric (with
        # its subject), with their figure's index
        recent_subject: Subject | None = None
        with_metric: tuple[_Pair, Subject | None] | None = None
        recent_at = with_metric_at = -1
        list_metrics: list[tuple[int, int] | None] = []   # the last 分别 list of the sentence
        # With no date, no subject and no target word to look up, the reading of a figure
        # with no metric of its own depends on where it stands in no way: it is remembered by
        # what it depends on, and figures alike that follow (1年1年…, 1,1,…) read as it did.
        position_free = (self.remember_alike and not self.dates and self.nobody_named
                         and not sentence.has_targets)
        alike: dict[tuple[str, str | None, bool, int], _Reading] = {}
        i = first_figure
        while i < stop:
            figure = records[i]
            span = _Span(starts[i], ends[i], figure)
            kind = figure.kind
            if kind == "other" and not figure.unit and self._is_list_index(span, figure):
                i += 1
                continue
            clause_start = self._clause_start(s_start, span.start)
            previous_end = clause_start
            if i > first_figure and ends[i - 1] > clause_start:
                previous_end = ends[i - 1]
            metric = None
            relation, basis, np_end = "level", None, span.start
            # nothing written between the figure and the one before (1年1年…): nothing to read
            nothing_before = previous_end >= span.start
            if not nothing_before:
                relation, basis, np_end = self._glue(previous_end, span.start)
                relation, np_end, comparison = self._marks(previous_end, np_end, relation)
                metric = None if comparison else self._metric_before(previous_end, np_end)
                if relation == "level" and metric is not None:
                    verb = _word_ending_at(text, metric[0], previous_end, _ANY_ROLE)
                    if verb is not None and role_of.get(verb) == "change":
                        relation = "change"   # 多收粮食2.1万吨
                basis = basis or self._basis_in(previous_end, span.start)
            # 投资10亿元以上项目6个, 60岁以上的老人: a bound of a class, not a value
            threshold = (figure.qualifier in ("at_least", "at_most") and kind != "percent"
                         and _THRESHOLD_AFTER.match(text, span.end) is not None
                         and (metric is None or self._another_figure(i, stop, s_end)))
            verb_only = (metric is not None
                         and role_of.get(text[metric[0]:metric[1]]) == "action")
            after = text[span.end:span.end + 1]
            # a counted noun starts with a letter (54家关联企业), or another figure after a slash
            counted = (self._counted_after(span, kind, s_end, metric is None or verb_only,
                                           i, stop)
                       if (metric is None or verb_only or kind in ("count", "age")
                           or after in "的/") and not threshold
                       and _opens_counted(after) else None)
            if threshold:   # 10亿元以上项目, 60岁以上的老人: a bound, not a value
                relation, counted = "other", None
            if kind == "percent" and text.startswith("的", span.end) and counted:
                metric, relation = counted, "share"    # 75%的膳食经费: a part of it
            elif counted and (metric is None or verb_only or kind in ("count", "age")):
                metric = counted
            if metric is None and np_end > previous_end:
                action = _word_ending_at(text, np_end, previous_end, _ACTION)
                if action and len(action) > 1:
                    metric = (np_end - len(action), np_end)   # 累计生产出620吨, 出口…
            # the figure, or the figures listed with it (5%、7%和9%), and what each of them
            # measures and for whom: all alike unless a 分别 list pairs them
            metrics: list[_Pair | None] | None = None
            subjects: list[Subject | None] | None = None
            starts_list = i + 1 < stop and starts[i + 1] == span.end + 1
            listed = (self._list_end(i, stop) if starts_list else i + 1) - i   # how many
            if listed > 1 and "分别" in text[previous_end:span.start]:
                items = self._list_items(metric, previous_end, np_end)
                named = [self._actor_at(a, b) for a, b in items]
                # (a list index has no statement; no figure of a list is one)
                earlier = [found[k - first_figure] for k in range(max(first_figure, i - listed), i)
                           if not self._is_list_index(self._figure_span(k), records[k])]
                metrics = [metric] * listed
                if len(items) == listed and all(named):
                    subjects = named   # 宜章县、汝城县(地区生产总值)分别增长6%、7%
                    if metric is None or metric[0] < items[-1][1]:
                        metrics = (list_metrics if len(list_metrics) == listed
                                   else earlier[-listed:] if len(earlier) >= listed
                                   else [None] * listed)
                elif len(items) == listed:
                    metrics = list(items)
                elif metric is None and len(list_metrics) == listed:
                    metrics = list_metrics   # …分别达到15.3亿元、10.1亿元，分别增长6.1%、8.2%
                elif metric is None and len(earlier) >= listed:
                    metrics = earlier[-listed:]   # 接待游客…，实现旅游收入…，分别增长…
                list_metrics = list(metrics)
            elif metric is not None:
                list_metrics = [metric]
            first = k = i
            i += listed
            while k < i:
                member = span if k == first else self._figure_span(k)
                member_kind = kind if k == first else member.record.kind
                # what the statements just before say, within a few figures: the subject that
                # parallel clauses share, the metric a change without a phrase of its own takes
                parallel = recent_subject if k - recent_at <= _LOOK_BACK else None
                borrowed = (with_metric[0] if with_metric is not None
                            and k - with_metric_at <= _LOOK_BACK else None)
                member_metric = metric if metrics is None else metrics[k - first]
                member_subject = None if subjects is None else subjects[k - first]
                repeats = False
                if position_free and member_metric is None and member_subject is None \
                        and borrowed is None:
                    # nothing in the reading depends on where the figure stands
                    duration = member_kind == "duration"
                    key = (relation, basis, duration, id(parallel))
                    reading = alike.get(key)
                    if reading is None:
                        reading = alike[key] = self._finish(
                            None, relation, basis, None, member, member_kind, clause_start,
                            sentence, parallel, None)
                    # the figures after it read alike while nothing they depend on changes:
                    # the subject they carry on is this one's, and no metric is found
                    repeats = (reading[0] is None and reading[3] is parallel
                               and metrics is None and subjects is None)
                else:
                    reading = self._finish(member_metric, relation, basis, member_subject,
                                           member, member_kind, clause_start, sentence, parallel,
                                           borrowed)
                read_metric, read_relation, read_basis, subject, period = reading
                recent_subject, recent_at = subject, k
                if read_metric is not None:
                    found[k - first_figure] = read_metric
                    with_metric, with_metric_at = (read_metric, subject), k
                # A figure tied to nothing (no metric, subject, period or basis, a plain level:
                # a bare number of a list or table with no words around it) has no statement.
                says = (read_metric is not None or subject is not None or period is not None
                        or read_basis is not None or read_relation != "level")
                values = {"figure": member.record,
                          "metric": None if read_metric is None else self._mention(read_metric),
                          "relation": read_relation, "basis": read_basis, "subject": subject,
                          "period": period, "sentence_start": sentence_start,
                          "sentence_end": sentence_end}
                if says:
                    statements.append(new_statement(values))
                k += 1
                if not repeats:
                    continue
                # the others of the list (1,1,1…), then the figures after it with nothing
                # written before them that start no list and take no counted noun (1年1年…),
                # read as this one
                run_start = k
                while k < i and (records[k].kind == "duration") == duration:
                    k += 1
                if k == i and listed == 1 and nothing_before and counted is None \
                        and not threshold:
                    i = k = self._alike_after(i, stop, figure)
                if says:
                    for alike_at in range(run_start, k):
                        values["figure"] = records[alike_at]   # the factory copies
                        statements.append(new_statement(values))
                recent_at = k - 1
        self.last_metric = last_metric if with_metric is None else with_metric

    def _alike_after(self, i: int, stop: int, figure: Figure) -> int:
        """Where the run of figures from ``i`` on ends that read as ``figure``, the one before,
        did: it stood on its own with nothing written before it and took no counted noun, and
        so do they, of its kind and unit. (A bound of a class, 10亿元以上项目, has a letter after
        it, which may open a counted noun: no figure of the run is one.)"""
        text = self.text
        starts, ends, records = self.figure_starts, self.figure_ends, self.figure_records
        kind, unit = figure.kind, figure.unit
        may_be_index = kind == "other" and not unit
        previous_end = ends[i - 1]
        after = ""
        opens = _opens_counted(after)
        while i < stop:
            start, end = starts[i], ends[i]
            record = records[i]
            if text[end:end + 1] != after:
                after = text[end:end + 1]
                opens = _opens_counted(after)
            if (opens or record.kind != kind or record.unit != unit
                    # something written before it, after the figure before and the clause start
                    or (previous_end < start and text[start - 1] not in _CLAUSE_BREAK)
                    # the first of a list (5%、7%)
                    or (i + 1 < stop and starts[i + 1] == end + 1)
                    or (may_be_index and self._is_list_index(_Span(start, end, record), record))):
                break
            previous_end = end
            i += 1
        return i

    def _finish(self, metric: _Pair | None, relation: str, basis: str | None,
                subject: Subject | None, span: _Span[Figure], kind: str, clause_start: int,
                sentence: _Sentence, parallel: Subject | None, borrowed: _Pair | None
                ) -> _Reading:
        """The reading of the figure of ``span``, of ``kind`` (given: see _counted_after)."""
        # a change with no phrase of its own changes the figure before it
        if metric is None and relation in ("change", "target", "share", "other") \
                and kind != "duration":
            if borrowed is not None:
                metric = borrowed
            elif relation == "change" and sentence.last_metric is not None:
                # 其中，第四季度增长5.4%: the paragraph's last metric, and whose it was
                metric, subject = sentence.last_metric

        if metric is not None and relation == "level" \
                and self.text[metric[0]:metric[1]].endswith(_RATE_NOUNS):
            relation = "change"   # 增速为5.9%
        if kind == "duration" and relation == "level" and (
                metric is None or metric[0] >= span.end
                or not self._ends_in_head(metric)
                or span.record.text.endswith(("内", "以内", "之内"))):
            # a span of time that is no measured quantity (15分钟医疗服务圈, 短短半个月, 坚持
            # 三个多月); 平均住院日7.8天 is a level
            relation = "other"
        period = ((self._period(sentence.start, span.start)
                   or self._period_after(span.end, sentence.end))
                  if self.dates else None) or sentence.carried_period
        if sentence.has_targets and relation not in ("other", "share"):
            marker = self._target_for(sentence.targets, clause_start, span.start)
            if marker is not None:
                over = (marker == "forecast" and period is not None
                        and period.last_day is not None and self.ref_date is not None
                        and period.last_day < self.ref_date)
                if not over:
                    relation = "target"
        if relation in ("level", "share"):
            basis = None
        if subject is None and self.nobody_named:
            subject = parallel or sentence.topic   # nothing to look up
        elif subject is None:
            # parallel clauses share the subject of the one before (郴州市12.3万人受灾，紧急
            # 转移安置群众1.8万人)
            subject = self._subject(span, metric, sentence.start, clause_start,
                                    sentence.clause_subjects, parallel or sentence.topic,
                                    sentence.history)
        return metric, relation, basis, subject, period

    # ---- clauses ------------------------------------------------------------------------------
    def _clause_start(self, s_start: int, position: int, reach: int = _CLAUSE_REACH) -> int:
        """Where the clause of ``position`` starts, looked for no further back than
        ``reach``."""
        floor = position - reach if position - reach > s_start else s_start
        last_break = _LAST_CLAUSE_BREAK.match(self.text, floor, position)
        return floor if last_break is None else last_break.end()

    def _list_end(self, i: int, stop: int) -> int:
        """Where the figures listed one after another from ``i`` on end (5%、7%和9%), before
        ``stop``."""
        text = self.text
        starts, ends = self.figure_starts, self.figure_ends
        last_end = ends[i]
        k = i + 1
        while k < stop:
            if starts[k] != last_end + 1 or text[last_end] not in _LIST_JOINS:
                break
            last_end = ends[k]
            k += 1
        return k

    def _marks(self, start: int, np_end: int, relation: str) -> tuple[str, int, bool]:
        """高于/低于 before the figure: a gap between the phrase before it and another; 占: a
        share; 比/较 + what is compared with: the phrase is no metric of this figure. Gives the
        relation, where the metric phrase ends, and whether a comparison stands before it."""
        gap = share = comparison = None
        if _CLAUSE_MARK_START().search(self.text, start, np_end) is None:
            return relation, np_end, False
        for m in _CLAUSE_MARKS().finditer(self.text, start, np_end):
            kind = m.lastgroup
            if kind == "gap" and gap is None:
                gap = m
            elif kind == "share" and share is None:
                share = m
            elif kind == "comparison" and comparison is None \
                    and m.end() not in self.date_start_set:
                comparison = m   # (比上年 is a basis, not a comparison with another metric)
        if gap is not None:
            relation, np_end = "other", gap.start()
        elif share is not None:   # 第三产业增加值占地区生产总值比重为48.6%
            relation, np_end = "share", share.start()
        return relation, np_end, comparison is not None and comparison.start() < np_end

    def _glue(self, start: int, figure_start: int) -> tuple[str, str | None, int]:
        """Read leftwards from the figure over the words between metric and figure."""
        text = self.text
        position = figure_start
        relation = "level"
        basis = None
        new_level = False   # 提升至: a change verb followed by 至/到 gives the new level
        seen_to = False
        role_of = _roles()[0]
        while position > start:
            tail = (_AFTER_BASIS.search(text, max(start, position - 4), position)
                    if text[position - 1] in "期末底比较" else None)
            if tail and tail.group() and tail.start() in self.date_by_end:
                position = tail.start()   # 比上年末, 较上年同期, 与去年相比
                continue
            d = self.date_by_end.get(position)
            if d is not None and d.start >= start:
                if id(d) in self.basis_dates:
                    basis = basis or self._basis_of(d)
                    mark = _BASIS_MARK.search(text, max(start, d.start - 3), d.start)
                    position = mark.start() if mark else d.start
                else:
                    position = d.start
                continue
            word = _word_ending_at(text, position, start, _ANY_ROLE)
            if word is None:
                break
            role = role_of.get(word)
            if role not in _GLUE_ROLES:
                break
            if role == "to":
                seen_to = True
            elif role == "change":
                if seen_to:
                    new_level = True
                elif relation == "level" and not new_level:
                    relation = "change"
            elif role == "share" and relation == "level":
                relation = "share"
            elif role == "gap":
                relation = "other"
            elif role in ("yoy", "mom"):
                basis = role
            elif role == "level":
                seen_to = False
            position -= len(word)
        return relation, basis, position

    def _metric_before(self, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase ending at ``end``, reaching left to the first edge."""
        text = self.text
        position = end
        # a phrase longer than a metric may be is cut anyway: read no further back
        limit = end - _MAX_METRIC - 8 if end - _MAX_METRIC - 8 > start else start
        k = bisect.bisect_right(self.actor_end_positions, end) - 1
        while k >= 0 and self.actor_ends[k][0] > start:
            if self.actors[self.actor_ends[k][1]].start >= start:
                limit = max(limit, self.actor_ends[k][0])
                break
            k -= 1
        j = bisect.bisect_left(self.date_starts, end) - 1
        while j >= 0 and self.dates[j].end > start:
            if self.dates[j].end <= end:
                limit = max(limit, self.dates[j].end)
                break
            j -= 1
        # The phrase reaches at most to the last break: only the characters that end an edge
        # word are looked at, right to left, and the first break met is the floor (no lexicon
        # word holds a break).
        floor = limit
        edge = None
        last_stop = _last_edge_end_or_break()
        search_end = position
        while True:
            stop = last_stop.match(text, limit, search_end)
            if stop is None:
                break
            at = stop.end()
            if text[at - 1] in _METRIC_BREAK:
                floor = at
                break
            search_end = at - 1
            word = _word_ending_at(text, at, limit, _METRIC_LEFT_EDGE)
            if at == end and word is not None and (word in _RATE_NOUNS
                                                   or self.role_of.get(word) == "action"):
                position -= len(word)   # 增速, 研发投入: closing the phrase, a verb is a noun
                search_end = min(search_end, position)
                continue
            if word is not None and (
                    len(word) > 1 or word in _ONE_CHARACTER_EDGE
                    or (word == "以" and text[at:at + 1] not in "上下内外来后前及")
            ) and not _in_noun(text, at - 1):
                edge = at
                break
        # (where an edge is found, the break before it is not looked for: ``floor`` stays the
        # limit, below the edge)
        phrase_start = floor if edge is None else edge
        while phrase_start < end and (text[phrase_start] in "的了、“”" or not
                                      _is_word_character(text[phrase_start])):
            phrase_start += 1
        # (a slice and ``in`` cost less than ``rfind`` given bounds, and 后 is seldom there)
        after = text.rfind("后", phrase_start, end - 2) if "后" in text[phrase_start:end - 2] else -1
        if after >= 0 and text[after + 1] in "年月日" and (after > phrase_start or
                                                          phrase_start > floor):
            phrase_start = after + 1   # 建成后 + 年产值: 后 closes what came before ("after")
        head = (_NOT_IN_METRIC.match(text, phrase_start, end)
                if text[phrase_start:phrase_start + 1] in _NOT_IN_METRIC_OPENINGS else None)
        if head and end - head.end() >= 2:
            phrase_start = head.end()   # 他抽出, 一个装有: a pronoun or "one of" is no metric
        while True:   # an adverb at its head is not part of it (还新开工项目)
            glue = _word_starting_at(text, phrase_start, end, _GLUE)
            if glue is None or glue in _METRIC_MODIFIERS or end - phrase_start - len(glue) < 2:
                break
            phrase_start += len(glue)
        if text[phrase_start:phrase_start + 1] in _COMPARISON_OPENINGS:
            return None   # a comparison (比全国平均水平), not a metric
        phrase_end = end
        while phrase_end > phrase_start and text[phrase_end - 1] in "的了、等“":
            phrase_end -= 1
        if text[phrase_start:phrase_end].endswith(_TEMPORAL_END):
            return None
        length = phrase_end - phrase_start
        if length < 2 and not (length == 1
                               and self.role_of.get(text[phrase_start:phrase_end]) == "head"):
            return None
        if length > _MAX_METRIC:
            cut = text.rfind("的", phrase_start, phrase_end - 1)
            phrase_start = (cut + 1 if cut >= 0 and phrase_end - cut > 2
                            else phrase_end - _MAX_METRIC)
        return phrase_start, phrase_end

    def _ends_in_head(self, span: tuple[int, int]) -> bool:
        return self.text[span[0]:span[1]].endswith(_heads())

    def _another_figure(self, i: int, stop: int, s_end: int) -> bool:
        """Whether a figure follows in the same clause (and before ``stop``)."""
        clause_end = self._clause_end(self.figure_ends[i], s_end)
        return i + 1 < stop and self.figure_starts[i + 1] < clause_end

    def _counted_after(self, span: _Span[Figure], kind: str, s_end: int,
                       nothing_before: bool, i: int, stop: int) -> _Pair | None:
        """The noun right after a count (54家关联企业, 3人死亡), or after another quantity
        when it is short and closed (5万多元现金的, 百万吨废料中), a figure of ``kind``
        (given, not read from the record: a record's attribute costs more than a call)."""
        if kind == "percent":
            # 75%的膳食经费: the whole the part is taken from
            if not self.text.startswith("的", span.end):
                return None
            return self._counted_after(_Span(span.start, span.end + 1, span.record),
                                       "count", s_end, nothing_before, i, stop)
        text = self.text
        start = span.end
        # 200兆瓦/400兆瓦时储能电站: a pair shares what it measures
        if text.startswith("/", start) and i + 1 < stop and \
                self.figure_starts[i + 1] == start + 1:
            return self._counted_after(self._figure_span(i + 1),
                                       self.figure_records[i + 1].kind, s_end, nothing_before,
                                       i + 1, stop)
        if kind == "age" and text.startswith("的", start):
            start += 1   # 62岁的农家大妈
        if kind == "count" and nothing_before:
            glue = _word_starting_at(text, start, s_end, _GLUE)
            if glue and glue != "的" and glue not in _METRIC_MODIFIERS:
                start += len(glue)   # 已有44家顺利复工
        opening = _word_starting_at(text, start, s_end, _COUNTED_EDGE)
        # 1.2万人实现就业, 8.6万人紧急转移: with nothing before, the predicate names the count
        predicate = (opening is not None and kind == "count" and nothing_before
                     and (self.role_of.get(opening) in ("level", "action")
                          or opening in _METRIC_MODIFIERS))
        if opening is not None and not predicate:
            return None
        k = bisect.bisect_left(self.actor_starts, start)
        if k < len(self.actors) and self.actors[k].start == start:
            return None
        limit = start + _MAX_COUNTED if start + _MAX_COUNTED < s_end else s_end
        letters = _LETTER_RUN.match(text, start, limit)
        if letters is None or letters.end() - start < 2:
            return None   # no noun of two letters or more
        # the noun ends where the run of letters does, or at the next figure or date
        stop = min(letters.end(), self._next_start(self.figure_starts, start),
                   self._next_start(self.date_starts, start))
        edge_roles = _COUNTED_PREDICATE_EDGE if predicate else _COUNTED_EDGE
        edge_openings = _STARTING_WITH.get(edge_roles) or _starting_index(edge_roles)
        position = start
        while position < stop:
            character = text[position]
            if (character in "的中和及、" or (
                    position > start and character in edge_openings
                    and _word_starting_at(text, position, limit, edge_roles))) \
                    and not _in_noun(text, position):
                break
            position += 1
        end = position
        while end > start and text[end - 1] == "等":
            end -= 1
        if end - start < 2:
            return None
        if kind not in ("count", "age"):
            closed = (position >= s_end or self._figure_at(position)
                      or text[position] in "的中和、，。；,;”）)")
            if end - start > 6 or not closed:
                return None
        return start, end

    def _figure_span(self, k: int) -> _Span[Figure]:
        return _Span(self.figure_starts[k], self.figure_ends[k], self.figure_records[k])

    @staticmethod
    def _next_start(starts: list[int], position: int) -> int:
        """The first of ``starts`` (in order) at or after ``position``."""
        k = bisect.bisect_left(starts, position)
        return starts[k] if k < len(starts) else position + _MAX_COUNTED

    def _figure_at(self, position: int) -> bool:
        k = bisect.bisect_left(self.figure_starts, position)
        return k < len(self.figure_starts) and self.figure_starts[k] == position

    def _list_items(self, metric: _Pair | None, start: int, end: int) -> list[_Pair]:
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
        # 城乡居民和职工医保报销比例: two modifiers of one head; the first names the whole
        if len(pieces) == 2 and "、" not in phrase \
                and not self.text[pieces[0][0]:pieces[0][1]].endswith(_heads()):
            return [(pieces[0][0], m_end), pieces[1]]
        return pieces

    def _actor_at(self, start: int, end: int) -> Subject | None:
        k = bisect.bisect_left(self.actor_starts, start)
        if k < len(self.actors) and self.actors[k].start == start and self.actors[k].end == end:
            return self.actors[k].record
        return None

    # ---- relation, basis, period, subject ----------------------------------------------------
    def _targets(self, s_start: int, s_end: int) -> _Targets:
        """Target words of a sentence: where the sentence-wide ones stand with the role they
        give from there on (target wins over forecast), and where 将 stands."""
        text = self.text
        wide: list[int] = []
        wide_roles: list[str] = []
        future: list[int] = []
        if _TARGET_START.search(text, s_start, s_end) is None:
            return wide, wide_roles, future   # no target word starts in the sentence
        for m in _TARGET_WORDS().finditer(text, s_start, s_end):
            role = _roles()[0][m.group()]
            if role == "future":
                if _word_starting_at(text, m.end(), s_end, _AFTER_FUTURE):
                    future.append(m.start())
                # else 将 before a noun is 把 (将学校75%的膳食经费纳入…), not the future
                continue
            wide.append(m.start())
            wide_roles.append("target" if role == "target" or (wide_roles
                                                                and wide_roles[-1] == "target")
                              else role)
        return wide, wide_roles, future

    def _target_for(self, markers: _Targets, clause_start: int, figure_start: int
                    ) -> str | None:
        wide, wide_roles, future = markers
        k = bisect.bisect_left(future, figure_start)
        if k and future[k - 1] >= clause_start:
            return "target"
        k = bisect.bisect_left(wide, figure_start)
        return wide_roles[k - 1] if k else None

    def _is_basis_date(self, d: _Span[DateMention]) -> bool:
        return (self.text[d.start - 1:d.start] in _BEFORE_BASIS_DATE
                and _BASIS_MARK.search(self.text, max(0, d.start - 3), d.start) is not None)

    def _basis_of(self, d: _Span[DateMention]) -> str:
        after = self.text[d.end:d.end + 2]
        if _SAME_PERIOD.match(after):
            return "yoy"
        record = d.record
        if record.granularity == "month" and d.record.text in ("上月", "上个月"):
            return "mom"
        return "vs_previous"

    def _basis_in(self, start: int, end: int) -> str | None:
        """A basis written before the figure, away from it (比上年多收粮食2.1万吨)."""
        # both words end in 比: where it is not written, neither is
        m = _YOY_MOM.search(self.text, start, end) if "比" in self.text[start:end] else None
        if m:
            return "yoy" if m.group() == "同比" else "mom"
        j = bisect.bisect_left(self.date_starts, start)
        while j < len(self.dates) and self.dates[j].end <= end:
            if id(self.dates[j]) in self.basis_dates:
                return self._basis_of(self.dates[j])
            j += 1
        return None

    def _period(self, s_start: int, figure_start: int) -> DateMention | None:
        """The nearest date before the figure in its sentence that is no basis."""
        periods = self.periods
        j = bisect.bisect_left(self.period_starts, figure_start) - 1
        # only a date that holds the figure's start is passed over (at most a few)
        while j >= 0 and periods[j].start >= s_start:
            if periods[j].end <= figure_start:
                return periods[j].record
            j -= 1
        return None

    def _period_after(self, start: int, s_end: int) -> DateMention | None:
        """The date right after the figure in its clause, unless it is a basis."""
        j = bisect.bisect_left(self.date_starts, start)
        if j < len(self.dates) and self.dates[j].end <= s_end and \
                id(self.dates[j]) not in self.basis_dates and \
                self.dates[j].end <= self._clause_end(start, s_end):
            return self.dates[j].record
        return None

    def _clause_end(self, position: int, s_end: int) -> int:
        ceiling = position + _CLAUSE_REACH if position + _CLAUSE_REACH < s_end else s_end
        next_break = _NEXT_CLAUSE_BREAK.search(self.text, position, ceiling)
        return ceiling if next_break is None else next_break.start()

    def _clause_subjects(self, s_start: int, s_end: int) -> list[tuple[int, Subject, bool]]:
        """Places and organizations at the head of a clause (after dates and a preposition
        such as 在): the sentence's subjects, where they stand, and whether they become the
        topic (one of a list, 石井镇、万宝镇等, is an example, not the topic)."""
        text = self.text
        actors, actor_starts = self.actors, self.actor_starts
        dates, date_starts = self.dates, self.date_starts
        actor_count, date_count = len(actors), len(dates)
        out = []
        seen_at_once = self.heads_seen_at_once
        k = bisect.bisect_left(actor_starts, s_start)
        while k < actor_count and actor_starts[k] < s_end:
            actor = actors[k]
            a_start = actor.start
            if seen_at_once and (a_start == s_start or text[a_start - 1] in _CLAUSE_BREAK):
                clause_start = a_start   # at the head of its clause: no break to look for
            else:
                if seen_at_once and text[a_start - 1] not in _LEAD_ENDS:
                    j = bisect.bisect_left(date_starts, a_start) - 1
                    if j < 0 or date_starts[j] < a_start - _LONGEST_LEAD - 1:
                        k += 1   # after no lead, and no date a lead may hold: it leads nothing
                        continue
                # looked for no further back than the longest lead: an actor further from its
                # clause's start leads nothing
                clause_start = self._clause_start(s_start, a_start, _LONGEST_LEAD + 1)
                if a_start - clause_start > _LONGEST_LEAD:
                    k += 1
                    continue
            lead = ""   # (an actor at the head of its clause has none)
            if a_start > clause_start:
                lead = text[clause_start:a_start]
                j = bisect.bisect_left(date_starts, clause_start)
                while j < date_count and dates[j].end <= a_start:
                    d = dates[j]
                    lead = lead.replace(text[d.start:d.end], "", 1)
                    j += 1
                lead = lead.strip(" ")
            topic_of = lead == "对" and text.startswith(("而言", "来说"), actor.end)
            if topic_of or (lead in _SUBJECT_LEADS and not self._quoted(s_start, a_start)):
                # a chain (资兴市汤溪镇壁溪村) is one subject: its last link
                while k + 1 < actor_count and actor_starts[k + 1] == actor.end:
                    k += 1
                    actor = actors[k]
                leads = text[actor.end:actor.end + 1] not in ("、", "等")
                out.append((actor.start, actor.record, leads))
            k += 1
        return out

    def _subject(self, span: _Span[Figure], metric: _Pair | None, s_start: int,
                 clause_start: int, clause_subjects: _ClauseSubjects, topic: Subject | None,
                 history: dict[str, Subject]) -> Subject | None:
        text = self.text
        # right before the figure or its metric (湘阴县5.3万余名, 高新区137家实体企业)
        edge = metric[0] if metric is not None and metric[1] <= span.start else span.start
        for at in ((edge, span.start) if edge != span.start else (edge,)):
            k = bisect.bisect_right(self.actor_end_positions, at) - 1
            if k >= 0:
                a_end, index = self.actor_ends[k]
                actor = self.actors[index]
                if (a_end == at or (a_end == at - 1 and text[a_end] == "的")) and \
                        text[max(0, actor.start - 1):actor.start] not in _NOT_SUBJECT_BEFORE:
                    return actor.record
        # the last subject leading a clause before the figure
        k = bisect.bisect_left(self.leading_at, span.start) - 1
        chosen = (self.leading_at[k], self.leading[k]) if k >= 0 else None
        # 全县, 该院: the latest subject of that kind, unless a subject is written after it
        window_start = span.start - _CLAUSE_REACH
        if window_start < s_start:
            window_start = s_start
        word = _SUBJECT_WORDS().search(text, window_start, span.start)
        if word is not None and (chosen is None or chosen[0] < word.start()):
            key = _kind_key(word.group())
            known = history.get(key)
            if known is not None or key == "country":
                return known   # 全国, 我国 with no country named: not the article's place
        if chosen is not None:
            return chosen[1]
        # 作为……的X，嘉禾县……: the subject follows
        if text.startswith("作为", clause_start) and clause_subjects:
            return clause_subjects[0][1]
        return topic

    def _is_list_index(self, span: _Span[Figure], figure: Figure) -> bool:
        if figure.unit or figure.kind != "other":
            return False
        before = self.text[max(0, span.start - 1):span.start]
        if not (span.start == 0 or before in ("\n", "(", "（", " ", "#", "*")):
            return False   # not at the start of a line or in brackets
        after = self.text[span.end:span.end + 1]
        return bool(_LIST_INDEX.match(after)) or before in ("(", "（")

    def _mention(self, span: tuple[int, int] | None) -> Mention | None:
        """The metric's mention; one record per span (a level and its change share it)."""
        if span is None:
            return None
        mention = self.mentions.get(span)
        if mention is None:
            start, end = self.span_to_original(*span)
            mention = self.mentions[span] = self.new_mention(
                self.text_written[span[0]:span[1]], start, end, {})
        return mention
