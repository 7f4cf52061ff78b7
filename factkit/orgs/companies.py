"""Companies named without a legal suffix: before a company marker (蓝思科技, 重药控股博瑞药业,
``data/company_markers.txt``), and the other names listed with a company (华润三九、阿秒光学
→ both companies). Brands and listed companies' short names are in the lexicon."""
from __future__ import annotations

from operator import attrgetter

from ..candidates import Candidate
from ..lexmatch import leftmost_longest
from .edges import STOPWORD_FIRSTS, is_generic, is_han, left_stretch, stopword_at, stopword_end
from .placing import Places, Spans, place_at

__all__ = ["marked_companies", "listed_with", "join_adjacent"]


# a company marker ends a name only before punctuation, a list word or a verb
_WORDS_AFTER_MARKER = frozenset("与和等及的")
_PHRASES_AFTER_MARKER = frozenset(("相关", "负责", "建成", "引进", "扩产", "跻身", "通过", "入驻",
                                   "落户", "投资", "签约", "项目", "公司"))


def _marker_ends_name(text: str, end: int) -> bool:
    return end == len(text) or not is_han(text[end]) or text[end] in _WORDS_AFTER_MARKER or \
        text[end:end + 2] in _PHRASES_AFTER_MARKER


def _marker_spans(text: str, markers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The markers that end a name, leftmost first, the longest where several start together,
    none inside another; from every marker in the text, by start, the longest first (the
    shared lexicon's scan found them: ``lexicon.read``)."""
    return list(leftmost_longest(span for span in markers if _marker_ends_name(text, span[1])))


_COMMON_WORDS = frozenset({"高科", "黑科"})


def marked_companies(text: str, markers: list[tuple[int, int]],
                     places: Places) -> list[Candidate]:
    found = []
    for marker_start, marker_end in _marker_spans(text, markers):
        if text[marker_start - 1:marker_start + 1] in _COMMON_WORDS:
            continue  # 高科技, 新材料: the marker is part of a common word
        start = max(left_stretch(text, marker_start), marker_start - 6)
        inside = place_at(places, start, marker_end)
        if inside:
            start = inside[0].start
        elif marker_start - start < 2 or is_generic(text[start:marker_start]):
            continue
        found.append(Candidate(start, marker_end, "organization", "<company short name>",
                               {"name": text[start:marker_end], "kind": "company",
                                "place": inside[0].fields["name"] if inside else None}))
    return found


_START, _END = attrgetter("start"), attrgetter("end")
_PARTY_PREFIXES = {"中共", "中国共产党", "共青团"}


def _joins(first: Candidate, second: Candidate) -> bool:
    kinds = first.fields["kind"], second.fields["kind"]
    if kinds == ("company", "company"):
        return True
    # 中共 + 河北省委, 共青团 + 湖南省委: the Party's (or League's) body of that place
    return first.fields["name"] in _PARTY_PREFIXES and kinds[1] == "party"


def join_adjacent(found: list[Candidate]) -> list[Candidate]:
    """国家电网 + 郴州供电公司, 中共 + 河北省委 written together are one organization, the
    last one's kind."""
    ordered = sorted(found, key=_END, reverse=True)  # by start, the longest first
    ordered.sort(key=_START)
    out: list[Candidate] = []
    for c in ordered:
        if out and out[-1].end == c.start and _joins(out[-1], c):
            first = out.pop()
            c = Candidate(first.start, c.end, "organization", first.rule + c.rule,
                          {**c.fields, "name": first.fields["name"] + c.fields["name"]})
        out.append(c)
    return out


_LIST_SEPARATORS = frozenset("、与和及")


def listed_with(text: str, companies: list[Candidate], places: Places,
                named: list[Candidate]) -> list[Candidate]:
    """华润三九、阿秒光学建成智能工厂: names listed with a company are companies too."""
    out: list[Candidate] = []
    if not companies:
        return out
    # what is taken already, built at the first list item (most companies stand in no list)
    bodies: Spans | None = None
    covered: set[int] = set()  # the positions of the items listed
    for company in companies:
        for direction in (-1, 1):
            position = company.start if direction < 0 else company.end
            while True:
                item = _neighbour_item(text, position, direction)
                if item is None:
                    break
                if bodies is None:
                    bodies = Spans(companies + named)
                start, end = item
                name = text[start:end]
                # a place, a body, an item listed already (its positions are covered)
                if places.spans(start, end) or bodies.overlaps(start, end) or \
                        not covered.isdisjoint(range(start, end)) or is_generic(name) or \
                        stopword_end(text, end) or stopword_at(name, 0):
                    break
                out.append(Candidate(start, end, "organization", "<listed with a company>",
                                     {"name": name, "kind": "company", "place": None}))
                covered.update(range(start, end))
                position = start if direction < 0 else end
    return out


def _neighbour_item(text: str, position: int, direction: int) -> tuple[int, int] | None:
    """The 2-5 character name on the other side of a list separator next to ``position``."""
    if direction > 0:
        if position >= len(text) or text[position] not in _LIST_SEPARATORS:
            return None
        first = position + 1
        if not (is_han(text[first:first + 1]) and is_han(text[first + 1:first + 2])):
            return None
        # the item ends where the list goes on or the clause turns (建成, 通过, 形成 …)
        end = first
        while end < len(text):
            ch = text[end]
            # is_han and stopword_at asked only where their first test leaves it open (a call
            # per character costs more than that test)
            if not ("\u4e00" <= ch <= "\u9fff" or is_han(ch)) or ch in _LIST_SEPARATORS or \
                    ch in STOPWORD_FIRSTS and stopword_at(text, end):
                break
            if end - first == 5:
                return None  # runs on into the sentence: not a list item
            end += 1
        return (first, end) if end - first >= 2 else None
    if position == 0 or text[position - 1] not in _LIST_SEPARATORS:
        return None
    start = position - 1
    while start > 0:
        ch = text[start - 1]
        if not ("\u4e00" <= ch <= "\u9fff" or is_han(ch)) or ch in _LIST_SEPARATORS:
            break
        if position - 1 - start == 5:
            if not stopword_end(text, start):
                return None  # runs on before it: not a list item
            break
        start -= 1
    return (start, position - 1) if position - 1 - start >= 2 else None
