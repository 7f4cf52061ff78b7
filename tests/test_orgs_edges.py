"""The organization extractor's fast tests against their plain definitions.

Name edges, stop words, generic bodies, company markers and congresses are read with
character and set lookups (they run for every suffix in a text); each must answer as the
pattern or the brute-force reading it stands for, on the code points and on strings composed
from the word lists themselves.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS, corpus_strings
from factkit.candidates import Candidate
from factkit.lexicon import read_lines
from factkit.lexmatch import lexicon
from factkit.orgs import companies, edges, grammar
from factkit.orgs import lexicon as org_lexicon
from factkit.orgs.placing import Places, Spans

STOPWORDS = frozenset(read_lines("org_stopwords.txt"))
GENERIC = sorted(read_lines("org_generic.txt"), key=len, reverse=True)
MARKERS = sorted(read_lines("company_markers.txt"), key=len, reverse=True)


def _words_text(words, extra: str) -> st.SearchStrategy[str]:
    """Strings made of whole words from a list, single characters of them, and ``extra``."""
    pieces = sorted(set(words) | {ch for w in words for ch in w} | set(extra))
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


def test_han_and_name_characters_match_their_classes():
    # the shortcuts settle characters below U+A000 (the common Han block and everything
    # before the first Han character); the rest go to the pattern itself
    han = regex.compile(r"\p{Han}")
    name_char = regex.compile(r"[\p{Han}A-Za-z（）()·]")
    for code in [*range(0x10000), *range(0x20000, 0x20100), *range(0x1F000, 0x1F100)]:
        ch = chr(code)
        assert edges.is_han(ch) == bool(han.match(ch)), hex(code)
        assert edges.is_name_char(ch) == bool(name_char.match(ch)), hex(code)


@settings(max_examples=200, deadline=None)
@given(_words_text(STOPWORDS, "郴州市人民医院（）、，1A"))
def test_stop_words_by_character_are_the_stop_words(text):
    for position in range(len(text) + 1):
        ending = [n for n in range(1, position + 1) if text[position - n:position] in STOPWORDS]
        assert edges.stopword_end(text, position) == max(ending, default=0)
        starting = any(text[position:position + n] in STOPWORDS
                       for n in range(1, max(map(len, STOPWORDS)) + 1))
        assert edges.stopword_at(text, position) == starting


_GENERIC_RUN = regex.compile("(?:" + "|".join(map(regex.escape, GENERIC)) + ")+")
_COUNTED = regex.compile(
    r"第?[一二两三四五六七八九十百千几数多每各该这那此本某其全][所家个座间名批些类级国地省市县区届]")


@settings(max_examples=200, deadline=None)
@given(_words_text(GENERIC, "第一所家两国医院湘南"))
def test_generic_bodies_are_runs_of_generic_words(body):
    generic = not body or bool(_GENERIC_RUN.fullmatch(body)) or \
        (bool(_COUNTED.match(body)) and len(body) <= 4)
    ends = any(_GENERIC_RUN.fullmatch(body, start)
               for start in range(max(0, len(body) - 6), len(body) - 1))
    assert edges.is_generic(body) == generic
    assert edges.ends_generic(body) == ends
    assert edges.is_generic_or_ends_generic(body) == (generic or ends)


_MARKER = regex.compile(
    rf"(?:{'|'.join(map(regex.escape, MARKERS))})(?=[^\p{{Han}}]|$|与|和|等|及|、"
    rf"|相关|负责|建成|引进|扩产|跻身|通过|入驻|落户|投资|签约|项目|公司|的)")


@settings(max_examples=200, deadline=None)
@given(_words_text(MARKERS + ["相关", "建成", "公司", "高"], "与的、，A华润"))
def test_company_markers_end_where_the_pattern_ends_them(text):
    markers = org_lexicon.read(lexicon().scan(text)).markers
    assert companies._marker_spans(text, markers) == [m.span() for m in _MARKER.finditer(text)]


# the pattern congresses were found by, whole
_CONGRESS = regex.compile(r"(?:中共|中国共产党第?)?"
                          r"(?:十[一二三四五六七八九]?|二十[一二三四五六七八九]?)大(?![学型会小厦量力批])")


@settings(max_examples=200, deadline=None)
@given(_words_text(["中共", "中国共产党", "第", "二十", "十九", "大学"], "一二十大第学会党的"))
def test_congresses_are_found_as_the_full_pattern_finds_them(text):
    assert [(c.start, c.end) for c in grammar.congresses(text)] == \
        [m.span() for m in _CONGRESS.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=10),
       st.integers(0, 45), st.integers(1, 6))
def test_spans_overlap_as_their_positions_do(spans, start, length):
    bodies = [Candidate(s, s + n, "organization", "test") for s, n in spans]
    covered = {i for c in bodies for i in range(c.start, c.end)}
    expected = any(i in covered for i in range(start, start + length))
    assert Spans(bodies).overlaps(start, start + length) == expected


def test_the_punctuation_a_name_stops_at_is_no_name_character():
    # left_stretch stops at these without asking is_name_char
    assert edges._PUNCTUATION and not any(edges.is_name_char(ch) for ch in edges._PUNCTUATION)


def _plain_left_stretch(text: str, suffix_start: int, floor: int = 0) -> int:
    """``edges.left_stretch`` the plain way: stopword_end asked at every character."""
    i = suffix_start
    limit = max(suffix_start - edges.MAX_NAME, floor)
    depth = 0
    unpaired_close = -1
    while i > limit:
        ch = text[i - 1]
        if edges.stopword_end(text, i):
            break
        if "\u4e00" <= ch <= "\u9fff":
            i -= 1
            continue
        if ch in edges._PUNCTUATION or not edges.is_name_char(ch):
            break
        if ch in "）)":
            depth += 1
            if unpaired_close < 0:
                unpaired_close = i
        elif ch in "（(":
            if depth == 0:
                break
            depth -= 1
            if depth == 0:
                unpaired_close = -1
        i -= 1
    if depth > 0:
        return unpaired_close
    if i < suffix_start and text[i] in "（(":
        close = min((text.find(c, i) for c in "）)" if text.find(c, i) >= 0), default=-1)
        return close + 1 if 0 <= close < suffix_start else suffix_start
    return i


def _stretch_texts() -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return seeds + corpus_strings("orgs", "places", "statements")


def test_a_name_reaches_back_as_the_plain_walk_reaches_on_real_text():
    # the walk tests the stop words ending in a common Han character in line: every
    # position of the seeds and the corpora, from the text's start and from a floor
    differing = [(text[max(0, start - 20):start], floor)
                 for text in _stretch_texts() for start in range(len(text) + 1)
                 for floor in (0, max(0, start - 3))
                 if edges.left_stretch(text, start, floor)
                 != _plain_left_stretch(text, start, floor)]
    assert differing == []


@settings(max_examples=300, deadline=None)
@given(_words_text(STOPWORDS, "郴州市人民医院（）()、，1A·"))
def test_a_name_reaches_back_as_the_plain_walk_reaches(text):
    for start in range(len(text) + 1):
        assert edges.left_stretch(text, start) == _plain_left_stretch(text, start)


def _plain_neighbour_item(text: str, position: int, direction: int) -> tuple[int, int] | None:
    """``companies._neighbour_item`` the plain way: is_han and stopword_at asked of every
    character."""
    separators = companies._LIST_SEPARATORS
    if direction > 0:
        if position >= len(text) or text[position] not in separators:
            return None
        first = position + 1
        if not (edges.is_han(text[first:first + 1]) and edges.is_han(text[first + 1:first + 2])):
            return None
        end = first
        while end < len(text):
            if not edges.is_han(text[end]) or text[end] in separators or \
                    edges.stopword_at(text, end):
                break
            if end - first == 5:
                return None
            end += 1
        return (first, end) if end - first >= 2 else None
    if position == 0 or text[position - 1] not in separators:
        return None
    start = position - 1
    while start > 0:
        if not edges.is_han(text[start - 1]) or text[start - 1] in separators:
            break
        if position - 1 - start == 5:
            if not edges.stopword_end(text, start):
                return None
            break
        start -= 1
    return (start, position - 1) if position - 1 - start >= 2 else None


def test_list_items_are_read_as_the_plain_walk_reads_them():
    # the walk over an item tests the common Han block and the stop words' first characters
    # in line: every separator of the seeds and the corpora, both ways; and stop words (与会,
    # 和平), rare Han characters (㙟) and Latin letters right after a separator
    texts = _stretch_texts() + ["华润三九、与会代表", "阿秒光学和平安银行", "华润、㙟村光学", "光㙟学、华润三九",
                                "华润、A股光学", "蓝思科技与在场企业", "华润三九、阿秒光学建成工厂"]
    read = [(text, position, direction) for text in texts for position in range(len(text) + 1)
            for direction in (-1, 1)
            if companies._neighbour_item(text, position, direction) is not None]
    assert len(read) > 300
    differing = [(text[max(0, position - 8):position + 8], direction)
                 for text in texts for position in range(len(text) + 1) for direction in (-1, 1)
                 if companies._neighbour_item(text, position, direction)
                 != _plain_neighbour_item(text, position, direction)]
    assert differing == []


def test_a_suffix_is_blocked_by_every_character_that_may_not_follow_it():
    # named asks _blocked_after only of the characters some suffix may not be followed by:
    # every suffix of the table, after a name, before each character its last one or two
    # characters may not be followed by (局长, 队员, 学生), is read as no body; before a
    # comma, most are bodies
    blocked = bodies = 0
    for suffix, kind in org_lexicon.suffix_kinds().items():
        entry = org_lexicon.Entry("suffix", kind, needs=org_lexicon.suffix_needs().get(suffix, ""))
        following = grammar._NOT_AFTER.get(suffix[-2:]) or grammar._NOT_AFTER.get(suffix[-1], "")
        for ch in following:
            text = "福城" + suffix + ch
            if ch == "长" and entry.needs == "country":
                continue  # 外交部长: the ministry before 长
            assert grammar.named((2, 2 + len(suffix), entry), text, Places([]), 0) is None, text
            blocked += 1
        text = "福城" + suffix + "，"
        bodies += grammar.named((2, 2 + len(suffix), entry), text, Places([]), 0) is not None
    assert blocked > 500 and bodies > 500
