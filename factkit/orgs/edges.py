"""Where an organization name may start and end: stop words, generic bodies, brackets."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import read_lines

__all__ = ["NAME_CHAR", "left_stretch", "stopword_end", "stopword_at", "is_generic",
           "ends_generic", "counted", "left_edge_ok", "is_han", "FUNCTION_CHARS"]

MAX_NAME = 20
NAME_CHAR = regex.compile(r"[\p{Han}A-Za-z（）()·]")
_HAN = regex.compile(r"\p{Han}")
_OPENING, _CLOSING = "（(", "）)"
# 一所学校, 两国政府, 多家医院, 这所大学: a number or a pointer and a measure word count or point
# at bodies, they do not name one
_COUNTED = regex.compile(
    r"第?[一二两三四五六七八九十百千几数多每各该这那此本某其全][所家个座间名批些类级国地省市县区届]")


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


@cache
def _stopword_set() -> tuple[frozenset[str], tuple[int, ...]]:
    words = frozenset(read_lines("org_stopwords.txt"))
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


@cache
def _generic_regex() -> regex.Pattern:
    words = sorted(read_lines("org_generic.txt"), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in words) + ")+")


def stopword_end(text: str, end: int) -> int:
    """Length of the stop word that ends at ``end`` (0 if none)."""
    words, lengths = _stopword_set()
    for length in lengths:
        if end >= length and text[end - length:end] in words:
            return length
    return 0


def stopword_at(text: str, position: int) -> bool:
    words, lengths = _stopword_set()
    return any(text[position:position + length] in words for length in lengths)


def left_stretch(text: str, suffix_start: int, floor: int = 0) -> int:
    """Where the name characters before a suffix begin, stop words excluded; never before
    ``floor`` (the end of a date or figure: 2家卫生院 has no name). Brackets belong to a name
    only in pairs (中国（湖南）自由贸易试验区): an unpaired one is an edge (记者张三）湖南省政府)."""
    i = suffix_start
    limit = max(floor, suffix_start - MAX_NAME)
    depth = 0
    unpaired_close = -1
    while i > limit and NAME_CHAR.match(text[i - 1]):
        if stopword_end(text, i):
            break
        ch = text[i - 1]
        if ch in _CLOSING:
            depth += 1
            if unpaired_close < 0:
                unpaired_close = i
        elif ch in _OPENING:
            if depth == 0:
                break  # （郴州经开区管委会供图: the bracket opens before the name
            depth -= 1
            if depth == 0:
                unpaired_close = -1
        i -= 1
    if depth > 0:
        return unpaired_close
    if i < suffix_start and text[i] in _OPENING:
        # （中国）有限公司: what stands in brackets at the start qualifies a name not written
        close = min((text.find(c, i) for c in _CLOSING if text.find(c, i) >= 0), default=-1)
        return close + 1 if 0 <= close < suffix_start else suffix_start
    return i


def is_generic(body: str) -> bool:
    return not body or bool(_generic_regex().fullmatch(body)) or counted(body)


def counted(body: str) -> bool:
    return bool(_COUNTED.match(body)) and len(body) <= 4


def ends_generic(body: str) -> bool:
    """区级龙头医院, 二级公立医院: the word right before the suffix is a generic one (of two
    characters or more: 沙坪村党总支 is a name)."""
    for start in range(max(0, len(body) - 6), len(body) - 1):
        if _generic_regex().fullmatch(body, start):
            return True
    return False


# one-character function words a name may follow directly (同欧盟, 对北约, 比华为, 而美的)
FUNCTION_CHARS = frozenset("而但并且如若则虽因故也又还都就才只仅即连受获请派赴访邀令使让给被把将向对"
                           "从比同跟据由为于到是在与和及或的了称说个原前")


def left_edge_ok(text: str, start: int, edges: set[int]) -> bool:
    """A name found in the lexicon starts a word: at the text's or a clause's start, after a
    function word or a stop word (据, 在, 同, 与 …), or where another fact ends (2026年华为,
    湖南省 + …); not inside a word (至善至美的 holds no 美的)."""
    if start == 0 or start in edges:
        return True
    before = text[start - 1]
    if not (is_han(before) or before.isalnum()):
        return True
    if before.isascii() and not text[start].isascii():
        return True  # 5G华为: a Latin word and a Chinese one
    return before in FUNCTION_CHARS or stopword_end(text, start) > 0
