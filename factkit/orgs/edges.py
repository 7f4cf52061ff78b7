"""Where an organization name may start and end: stop words, generic bodies, brackets.

These tests run for every suffix the text holds, so they are set and character lookups: the
word lists are indexed by their first and last characters, and a body made only of generic
words is found by a walk over the body, not by a pattern of every generic word.
"""
from __future__ import annotations

from ..lexicon import read_lines
from ..normalize import is_han

__all__ = ["is_name_char", "left_stretch", "stopword_end", "stopword_at", "STOPWORD_FIRSTS",
           "is_generic", "ends_generic", "is_generic_or_ends_generic", "longest_stopword",
           "counted", "left_edge_ok", "is_han", "FUNCTION_CHARS"]

MAX_NAME = 20
_NAME_PUNCTUATION = frozenset("（）()·")
_OPENING, _CLOSING = "（(", "）)"
# 一所学校, 两国政府, 多家医院, 这所大学: a number or a pointer and a measure word count or point
# at bodies, they do not name one
_COUNT_WORDS = frozenset("一二两三四五六七八九十百千几数多每各该这那此本某其全")
_MEASURE_WORDS = frozenset("所家个座间名批些类级国地省市县区届")


# the punctuation most names stop at, settled before asking ``is_name_char``
_PUNCTUATION = frozenset("，。、；：？！“”‘’《》【】「」『』—…\n\r\t 　,.;:?!\"'/")


def is_name_char(ch: str) -> bool:
    """A character a name is written in: Han, a Latin letter, a bracket or a middle dot."""
    if ch < "\x80":
        return ch.isalpha() or ch in "()"
    return is_han(ch) or ch in _NAME_PUNCTUATION


def _stopwords() -> tuple[frozenset[str], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The stop words, and for each character that ends (starts) one, the lengths of those
    ending (starting) with it, longest first."""
    words = frozenset(read_lines("org_stopwords.txt"))
    by_last: dict[str, set[int]] = {}
    by_first: dict[str, set[int]] = {}
    for word in words:
        by_last.setdefault(word[-1], set()).add(len(word))
        by_first.setdefault(word[0], set()).add(len(word))
    return (words, {ch: tuple(sorted(ls, reverse=True)) for ch, ls in by_last.items()},
            {ch: tuple(sorted(ls, reverse=True)) for ch, ls in by_first.items()})


def _generic_words() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The generic words, and for each character that ends one, the lengths of those ending
    with it."""
    words = frozenset(read_lines("org_generic.txt"))
    by_last: dict[str, set[int]] = {}
    for word in words:
        by_last.setdefault(word[-1], set()).add(len(word))
    return words, {ch: tuple(sorted(ls)) for ch, ls in by_last.items()}


# Read at import (two short lists): the functions below ask for them hundreds of times a text,
# and a call to a cached loader would cost each time more than the lookup it serves
_STOPWORDS, _STOP_LENGTHS_BY_LAST, _STOP_LENGTHS_BY_FIRST = _stopwords()
_GENERIC, _GENERIC_LENGTHS_BY_LAST = _generic_words()
# the characters a stop word starts with: where another one stands, stopword_at is False
STOPWORD_FIRSTS = frozenset(_STOP_LENGTHS_BY_FIRST)


def longest_stopword() -> int:
    return max(map(len, _STOPWORDS))


def stopword_end(text: str, end: int) -> int:
    """Length of the stop word that ends at ``end`` (0 if none)."""
    if end <= 0:
        return 0
    for length in _STOP_LENGTHS_BY_LAST.get(text[end - 1:end], ()):
        if end >= length and text[end - length:end] in _STOPWORDS:
            return length
    return 0


def stopword_at(text: str, position: int) -> bool:
    lengths = _STOP_LENGTHS_BY_FIRST.get(text[position:position + 1])
    return lengths is not None and any(text[position:position + length] in _STOPWORDS
                                       for length in lengths)


def left_stretch(text: str, suffix_start: int, floor: int = 0) -> int:
    """Where the name characters before a suffix begin, stop words excluded; never before
    ``floor`` (the end of a date or figure: 2家卫生院 has no name). Brackets belong to a name
    only in pairs (中国（湖南）自由贸易试验区): an unpaired one is an edge (记者张三）湖南省政府)."""
    stop_lengths = _STOP_LENGTHS_BY_LAST
    i = suffix_start
    # MAX_NAME characters back, not before ``floor`` (written out: max() costs a call)
    limit = suffix_start - MAX_NAME
    if limit < floor:
        limit = floor
    depth = 0
    unpaired_close = -1
    while i > limit:
        ch = text[i - 1]
        if "\u4e00" <= ch <= "\u9fff":
            # stopword_end written out for the common block (a call per character that ends
            # a stop word costs more than the lookups it makes)
            lengths = stop_lengths.get(ch)
            if lengths is None:
                i -= 1
                continue
            for length in lengths:
                if i >= length and text[i - length:i] in _STOPWORDS:
                    break  # a stop word ends here
            else:
                i -= 1
                continue
            break
        if ch in stop_lengths and stopword_end(text, i):
            break  # a stop word ends here
        if ch in _PUNCTUATION or not is_name_char(ch):
            break
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


def _generic_tails(body: str) -> list[bool] | None:
    """For each position of ``body``, whether what follows it is a run of generic words (one
    at least); None when no generic word ends the body, so that no position does."""
    words, by_last = _GENERIC, _GENERIC_LENGTHS_BY_LAST
    if not body or body[-1] not in by_last:
        return None
    # tails[i]: body[i:] is a run of generic words; walked from the end, word by word
    tails = [False] * len(body) + [True]
    for end in range(len(body), 0, -1):
        if tails[end]:
            for length in by_last.get(body[end - 1], ()):
                if length <= end and body[end - length:end] in words:
                    tails[end - length] = True
    return tails


def is_generic(body: str) -> bool:
    if not body:
        return True
    tails = _generic_tails(body)
    return tails is not None and tails[0] or counted(body)


def counted(body: str) -> bool:
    if len(body) > 4:
        return False
    at = 1 if body[:1] == "第" else 0
    return body[at:at + 1] in _COUNT_WORDS and body[at + 1:at + 2] in _MEASURE_WORDS


def ends_generic(body: str) -> bool:
    """区级龙头医院, 二级公立医院: the word right before the suffix is a generic one (of two
    characters or more: 沙坪村党总支 is a name)."""
    tails = _generic_tails(body)
    return tails is not None and any(tails[max(0, len(body) - 6):len(body) - 1])


def is_generic_or_ends_generic(body: str) -> bool:
    """``is_generic(body) or ends_generic(body)``, reading the body once."""
    if not body:
        return True
    tails = _generic_tails(body)
    if tails is not None and (tails[0] or any(tails[max(0, len(body) - 6):len(body) - 1])):
        return True
    return counted(body)


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
