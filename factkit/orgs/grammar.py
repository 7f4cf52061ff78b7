"""Bodies named by a type suffix: [place or level word] + [body] + [suffix].

The suffix (有限公司, 人民医院, 管委会, 住建局, 消防救援支队 …) gives the kind and the right
edge; the name runs left from it over name characters up to punctuation or a stop word, and
starts at the first place found there (走进娄星区人民医院 → 娄星区人民医院). With no place,
the body must be a real name: two to six characters, not only generic words (公立医院,
乡镇卫生院), not a count (一所学校, 两国政府). A body that is only a level word (市委, 市政府,
区人民医院, 县住建局) names the body of the place the article is about at that point.
A department written after the body it belongs to is one body with it (财政部预算司,
湖南省财政厅预算处, 县人大内司委).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache
from operator import attrgetter
from typing import Any

import regex

from ..candidates import Candidate
from . import edges
from .edges import FUNCTION_CHARS as _FUNCTION_CHARS
from .edges import is_generic, is_generic_or_ends_generic, left_stretch
from .lexicon import Entry, Longest, outermost, suffix_kinds
from .placing import LEVEL_OF_CHAR, Places, context_place, home, official

__all__ = ["suffix_spans", "by_suffix", "named", "nested", "congresses"]


@cache
def _congress_number() -> regex.Pattern:
    # 十五大, 中共二十大, 党的二十大: the Party's national congresses, by their number; found
    # by the number and 大 (the literal 十 is quick to scan for), then read back over 二 and 中共
    return regex.compile(r"十[一二三四五六七八九]?大(?![学型会小厦量力批])")


_CONGRESS_PREFIXES = ("中共", "中国共产党第", "中国共产党")

_LEVEL_CHARS = "省市县区州镇乡"
_MAX_BODY_WITHOUT_PLACE = 6
# suffixes that name an organization on their own (市委 in 郴州市委、市政府 … 市委)
_BARE_SHORT_FORMS = {"市委", "县委", "区委", "省委", "州委"}
# what may not follow a suffix: 中国队员 is a player, 中国大学生 a student, 局长 a person
_NOT_AFTER = {"队": "员伍长列形友旗歌", "党": "员性风章史建委组", "人大": "代", "学": "生",
              "部": "署分门长队位件委", "局": "长势面部限", "院": "士长", "校": "长友园训",
              "厂": "长房区家商", "署": "名", "司": "长令机", "处": "长理置罚", "办": "理法事公"}
# common words a one-character suffix makes with the character before it: no body ends there
_WORDS_ENDING_IN_SUFFIX = frozenset(
    "部署 干部 全部 内部 外部 东部 西部 南部 北部 中部 局部 总部 俱乐部 布局 格局 结局 大局 全局 "
    "出局 开局 当局 饭局 赌局 工厂 建厂 入厂 出厂 进厂 排队 组队 站队 带队 车队 军队 部队 "
    "梯队 团队 列队 归队 入队 签署 公署 部署".split())



def suffix_spans(longest: Longest) -> list[tuple[int, int, Entry]]:
    """The type suffixes in the text: the longest ending at each position, and none inside a
    longer one (集团 in 集团有限公司)."""
    return outermost(longest)


# every character that may not follow some suffix: most suffixes are followed by none of them
_NOT_AFTER_ANY = frozenset("".join(_NOT_AFTER.values()))


def _blocked_after(text: str, suffix: str, end: int) -> bool:
    following = text[end:end + 1]
    return following in _NOT_AFTER_ANY and \
        following in (_NOT_AFTER.get(suffix[-2:]) or _NOT_AFTER.get(suffix[-1], ""))


def by_suffix(spans: list[tuple[int, int, Entry]], text: str, places: Places,
              quantity_ends: list[int], known_starts: dict[int, int],
              remember: bool | None = None) -> list[Candidate]:
    """The bodies the type suffixes end (``spans``, by start). ``quantity_ends`` (sorted): the
    ends of dates and figures, where no name runs back over; ``known_starts``: end -> start of
    the names the lexicon found. ``remember``: read a suffix in surroundings read before from
    the memo (``Readings``), not again; by default in a text of many suffixes."""
    if remember is None:
        remember = len(spans) > _REMEMBER_AFTER
    readings = Readings(text, places) if remember else None
    found = []
    previous_end = 0
    for span in spans:
        suffix_start, end = span[0], span[1]
        q = bisect_right(quantity_ends, suffix_start)
        floor = quantity_ends[q - 1] if q else 0
        if previous_end < suffix_start and text[previous_end] in _FUNCTION_CHARS:
            # 丹麦男队对马来西亚男队: no name runs back over a body and the word after it
            floor = max(floor, previous_end)
        previous_end = end
        c = readings.named(span, floor) if readings else named(span, text, places, floor)
        # 起送 + 立法院: a suffix ending a name the lexicon knows (法院 in 立法院) may only
        # read that name again (with its place: 中国建设银行), never a longer one
        if c is not None:
            known_start = known_starts.get(end, suffix_start)
            if known_start >= suffix_start or c.start == known_start:
                found.append(c)
    return found


# the readings that take the place the article is about, which may be named anywhere before
_IN_CONTEXT = frozenset(("<short form>", "<level><suffix>"))
_UNSEEN: Any = object()
# a remembered reading: where the body starts from its suffix, its rule and fields; or none
Reading = tuple[int, str, dict[str, Any]] | None


# The memo costs each suffix a key, and pays where the same names stand in the same
# surroundings again and again: in texts of many bodies (a news article names a few dozen)
_REMEMBER_AFTER = 500
# the keys a memo notes at most: a few megabytes
_MAX_KEYS = 20_000


class Readings:
    """What the suffixes of one document read as, remembered by everything a reading looks
    at: the characters before the suffix as far as a name and its stop word reach, the suffix,
    the character after it, its entry and where a date or a figure stops the name (which fix
    where the name may start: ``left_stretch``), and the places from there to the suffix
    (their spans and readings). A text dense with the same names in the same surroundings
    (郴州市委、郴州市委、…) reads each of them once. A reading that takes the place the article
    is about (市政府) depends on places anywhere before it: it is never remembered. A key is
    only noted the first time, and a text of ever new surroundings stops noting them (its
    memo stays small)."""

    def __init__(self, text: str, places: Places) -> None:
        self.text = text
        self.places = places
        # how far before its suffix a reading looks: a name of MAX_NAME characters, and
        # before its first character the rest of a stop word ending there, or 武警
        self.reach = edges.MAX_NAME + max(edges.longest_stopword() - 1, 2)
        # key -> None when noted once, else where the name may start (from the suffix) and the
        # readings by the places there
        self.seen: dict[tuple[Any, ...], tuple[int, dict[tuple[Any, ...], Reading]] | None] = {}

    def named(self, span: tuple[int, int, Entry], floor: int) -> Candidate | None:
        text = self.text
        suffix_start, end, entry = span
        key = (text[max(0, suffix_start - self.reach):suffix_start], text[suffix_start:end],
               text[end:end + 1], max(floor - suffix_start, -edges.MAX_NAME), id(entry))
        seen = self.seen.get(key, _UNSEEN)
        if seen is _UNSEEN:
            if len(self.seen) < _MAX_KEYS:
                self.seen[key] = None  # noted: remembered from the second time
            return named(span, text, self.places, floor)
        if seen is None:
            seen = self.seen[key] = (left_stretch(text, suffix_start, floor) - suffix_start, {})
        stretch, readings = seen
        places = self.places.within_key(suffix_start + stretch, end, suffix_start)
        reading = readings.get(places, _UNSEEN)
        if reading is not _UNSEEN:
            if reading is None:
                return None
            offset, rule, fields = reading
            return Candidate(suffix_start + offset, end, "organization", rule, fields)
        c = named(span, text, self.places, floor)
        if c is None:
            readings[places] = None
        elif c.rule not in _IN_CONTEXT:
            readings[places] = (c.start - suffix_start, c.rule, c.fields)
        return c


def named(span: tuple[int, int, Entry], text: str, places: Places,
          floor: int) -> Candidate | None:
    suffix_start, end, entry = span
    suffix = text[suffix_start:end]
    # 芬兰农林部长 is the minister of 芬兰农林部: a foreign ministry (after its country, checked
    # below) is named before 长 as 外交部 is in 外交部长
    # most suffixes are followed by a character no suffix may not be followed by: settled
    # without the call
    if text[end:end + 1] in _NOT_AFTER_ANY and _blocked_after(text, suffix, end) and \
            not (entry.needs == "country" and text[end:end + 1] == "长"):
        return None
    if end - suffix_start == 1 and (text[suffix_start - 1:end] in _WORDS_ENDING_IN_SUFFIX
                                    or text[suffix_start:end + 1] in _WORDS_ENDING_IN_SUFFIX):
        return None
    kind = entry.kind
    stretch = left_stretch(text, suffix_start, floor)
    # a place may share characters with the suffix (郴州市 + 市委, 长青社区 + 社区卫生服务中心)
    inside = places.within(stretch, end, suffix_start) if stretch < suffix_start else []
    if entry.needs and (not inside or entry.needs == "country"
                        and inside[0].fields["level"] != "country"):
        return None
    if inside:
        start = inside[0].start
        if start > stretch and text[start - 1] in "（(":
            start = stretch  # 捷安特（中国）有限公司: the place qualifies the name before it
        rest = text[inside[-1].end:suffix_start]
        if rest and is_generic(rest) or not _rest_fits(rest, suffix, kind, inside[-1]):
            return None  # 娄星区基层医院: a place and a generic word
        if suffix[-1] == "队" and text[max(0, start - 2):start] == "武警":
            start, kind = start - 2, "military"  # 武警湖南省总队: the armed police's corps
        return _candidate(start, end, "<place><body><suffix>", text, kind, home(inside))
    while stretch < suffix_start - 2 and text[stretch] in _FUNCTION_CHARS:
        stretch += 1  # 由中央编译出版社, 而上市公司: a function word before the name
    if stretch == suffix_start:
        # 市委 alone, 镇党委 (a level word and a body): the body of the place in context
        if suffix not in _BARE_SHORT_FORMS and not (
                suffix[0] in _LEVEL_CHARS and suffix[1:] in suffix_kinds()):
            return None
        place = context_place(places, suffix_start, LEVEL_OF_CHAR[suffix[0]])
        return _candidate(suffix_start, end, "<short form>", text, kind, place)
    body = text[stretch:suffix_start]
    if is_generic_or_ends_generic(body):
        return None  # 公立医院, 乡镇卫生院, 区级龙头医院
    if body[0] in _LEVEL_CHARS and len(body) <= 4:
        # 市政府, 区人民医院, 省儿童医院, 县住建局: the organization of the place in context
        place = context_place(places, stretch, LEVEL_OF_CHAR[body[0]])
        return _candidate(stretch, end, "<level><suffix>", text, kind, place)
    if len(body) < 2 or len(body) > _MAX_BODY_WITHOUT_PLACE:
        return None
    if kind == "team" and len(body) > 2:
        return None  # a club is 国安队, 申花队; a longer body is a task force (医疗救援队)
    if suffix in ("政府", "人民政府"):
        return None  # a government is a place's (精简政府, 临时政府 name none)
    return _candidate(stretch, end, "<body><suffix>", text, kind, None)


def _rest_fits(rest: str, suffix: str, kind: str, place: Candidate) -> bool:
    """What stands between a place and its suffix: 中国能派队, 中国队组队 and 美国公司 (a
    country and a bare 公司) name no body."""
    if kind == "team":
        return len(rest) <= 4 and "队" not in rest and not (rest and rest[0] in _FUNCTION_CHARS)
    if suffix in ("公司", "集团") and not rest and place.fields["level"] == "country":
        return False
    return True


def _candidate(start: int, end: int, rule: str, text: str, kind: str,
               place: str | None) -> Candidate:
    return Candidate(start, end, "organization", rule,
                     {"name": text[start:end], "kind": kind, "place": place})


@cache
def _department() -> regex.Pattern:
    # a department inside a body: 财政部 + 预算司, 省政府 + 办公厅, 公安局 + 北湖分局
    return regex.compile(r"(\p{Han}{0,8}?)(?:司|局|处|派出所|署|部|办公室|办公厅|研究室|中心"
                         r"|支队|大队|委员会|分会|办|学院|研究院|医院)")


_NESTING_KINDS = {"government", "party", "legislature", "judicial", "military", "school",
                  "research", "media", "international"}
# the last characters of the department words, and how far a department can reach (a stem
# of up to 8 characters and a word of up to 3)
_DEPARTMENT_LAST_CHARS = frozenset("司局处所署部室厅心队会办院")
_START = attrgetter("start")
# halls, not departments (大厅, 会议厅)
_HALLS = ("大厅", "会议厅", "前厅", "服务厅")


def nested(bodies: list[Candidate], text: str, suffix_kinds: dict[str, str]) -> list[Candidate]:
    """The departments written right after a body, as one body with it."""
    out: list[Candidate] = []
    if _DEPARTMENT_LAST_CHARS.isdisjoint(text):
        return out  # no department word in the text (郴州市委、郴州市委、…)
    starts: set[int] | None = None
    for body in bodies:
        if body.fields["kind"] not in _NESTING_KINDS:
            continue
        current = body
        for _ in range(2):  # 公安部 + 交通管理局 + 秩序处
            if _DEPARTMENT_LAST_CHARS.isdisjoint(text[current.end:current.end + 11]):
                break  # no department word ends within reach
            if starts is None:
                starts = set(map(_START, bodies))
            m = _department().match(text, current.end)
            if not m or not _is_department(m, text) or \
                    not starts.isdisjoint(range(m.start() + 1, m.end())):
                break  # 对外贸易经济合作部 + 经商 + 外交部: another body, not a department
            end = m.end()
            if text[end:end + 1] == "委" and text[end + 1:end + 2] != "员":
                end += 1  # 县人大 + 内司委: a committee named by its departments' initials
            name = text[body.start:end]
            kind = _department_kind(text[m.start():end], current.fields["kind"], suffix_kinds)
            current = Candidate(body.start, end, "organization", "<body><department>",
                                {"name": name, "kind": kind, "place": body.fields["place"]})
            out.append(current)
    return out


def _is_department(m: regex.Match, text: str) -> bool:
    part, stem = m.group(), m.group(1)
    if len(part) == 1 or part == "中心" or part.endswith(_HALLS) or \
            _blocked_after(text, part, m.end()):
        return False  # 大厅 is a hall; 局长, 司令, 部署 are people and deeds
    if part[-2:] in _WORDS_ENDING_IN_SUFFIX or \
            any(edges.stopword_at(stem, i) for i in range(len(stem))):
        return False  # 市委 + 干部 is people
    return not stem or not is_generic(stem)


def _department_kind(part: str, kind: str, suffix_kinds: dict[str, str]) -> str:
    """A department is of its body's kind, unless it is a body of its own kind (复旦大学 +
    附属中山医院 is a hospital)."""
    for length in range(len(part), 1, -1):
        found = suffix_kinds.get(part[-length:])
        if found in ("hospital", "school", "research", "media"):
            return found
    return kind


# 美国《时代》周刊, 《求是》杂志: a periodical named by its title in 《》 and the word for its
# kind (a title alone, 《平凡的世界》, is a work; known ones, 《人民日报》, are in the lexicon)
_PERIODICAL = regex.compile(r"《[^《》\n]{1,20}》(?:杂志社|杂志|周刊|半月刊|双月刊|月刊|季刊|画报)")


def periodicals(text: str, places: Places) -> list[Candidate]:
    if "》" not in text:
        return []
    found = []
    for m in _PERIODICAL.finditer(text):
        start, end = m.span()
        where = places.by_end.get(start)   # 美国《科学》杂志: the place it is published in
        place = official(where) if where is not None else None
        found.append(_candidate(start, end, "<periodical>", text, "media", place))
    return found


def congresses(text: str) -> list[Candidate]:
    found = []
    for m in _congress_number().finditer(text):
        start = m.start()
        if text[start - 1:start] == "二":
            start -= 1  # 二十大
        for prefix in _CONGRESS_PREFIXES:
            if text[max(0, start - len(prefix)):start] == prefix:
                start -= len(prefix)
                break
        found.append(_candidate(start, m.end(), "<congress>", text, "party", "中华人民共和国"))
    return found
