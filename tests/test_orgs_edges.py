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
from factkit.orgs.placing import Spans

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
