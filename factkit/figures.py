"""Figures: numeric quantities with their units (money, counts, rates, physical amounts).

Every "qualifier? number (range)? qualifier? unit? qualifier?" shape is read in steps
(``_shape``): a small pattern matches the number and what is written before it, wherever a
character a figure can start with is found; unit words are looked up in a table where the
number ends; percentages, fractions and ranges are read by their own small patterns only
where their words follow. ``_build`` then decides, with the rules named in it, whether the
shape measures something and what its value is. Lexicons live in ``data/``: ``units.tsv``
(unit words with kind, canonical unit and factor), ``measure_words.txt`` (量词 for counts),
``qualifiers.tsv`` and ``set_phrases.txt``.

All patterns use possessive quantifiers or bounded alternations, so matching is linear in the
length of the text; what is read at a position is remembered by the text around it, so a
text that repeats itself costs no more per character than news.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any, Optional, cast

import regex

from .candidates import Candidate, Context
from .lexicon import read_lines, read_table
from .normalize import NormalizedText, fold, normalize
from .numerals import CN_DIGITS, MAX_NUMERAL_CHARS, parse_number, tidy

__all__ = ["extract", "MAX_FIGURE_CHARS"]

# The longest figure read: a numeral (at most MAX_NUMERAL_CHARS) with its qualifiers, range
# and unit words. A longer match is a run of numeral characters, not a figure.
MAX_FIGURE_CHARS = 2 * MAX_NUMERAL_CHARS


@dataclass(frozen=True)
class Unit:
    surface: str
    kind: str
    unit: str        # canonical unit; for counts the measure word itself
    factor: Fraction


_ONE = Fraction(1)  # the factor of most units, tested by identity first (see _times)

# Money read from words that are also ordinary words or measure words (块 = a piece, 毛 =
# hair, 角 = a corner): money only with a coin written after them (三块五, 两毛五) or money
# words around them (see _is_colloquial_money).
_COLLOQUIAL_MONEY = {"块": Fraction(1), "毛": Fraction(1, 10), "角": Fraction(1, 10)}
_COLLOQUIAL_MONEY_UNITS = {"毛钱": Fraction(1, 10), "角钱": Fraction(1, 10),
                           "分钱": Fraction(1, 100)}


@cache
def _currencies() -> dict[str, tuple[str, str]]:
    """Folded currency surface -> (ISO 4217 code, form: name | code | symbol)."""
    found: dict[str, tuple[str, str]] = {}
    for name in ("currencies_colloquial.tsv", "currencies.tsv"):
        for row in read_table(name):
            surface = row["surface"] if row["form"] != "name" else fold(row["surface"])
            found.setdefault(surface, (row["iso"], row["form"]))
    return found


@cache
def _units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in read_table("units.tsv"):
        surface = fold(row["surface"])
        factor = _ONE if row["factor"] == "1" else Fraction(row["factor"])
        units[surface] = Unit(surface, row["kind"], row["unit"], factor)
    for surface, (iso, form) in _currencies().items():
        if form == "name" and iso == "CNY":  # 元, the commonest unit of all, early
            units.setdefault(surface, Unit(surface, "money", iso, _ONE))
    for word in read_lines("measure_words.txt"):
        word = fold(word)
        units.setdefault(word, Unit(word, "count", word, _ONE))
    for surface, factor in _COLLOQUIAL_MONEY_UNITS.items():
        units[surface] = Unit(surface, "money", "CNY", factor)
    for surface in ("毛", "角"):
        units[surface] = Unit(surface, "money", "CNY", _COLLOQUIAL_MONEY[surface])
    for surface, (iso, form) in _currencies().items():
        if form != "symbol" and surface not in units:
            units[surface] = Unit(surface, "money", iso, _ONE)
    return units


_CNY_BLOCK = Unit("块", "money", "CNY", Fraction(1))
_ELECTRICITY_DEGREE = Unit("度", "energy", "Wh", Fraction(1000))


@cache
def _qualifiers() -> dict[tuple[str, str], str]:
    return {(row["position"], row["surface"]): row["qualifier"]
            for row in read_table("qualifiers.tsv")}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# Unit words that also start common words; the lookahead keeps "3年级" or "5折扣" out.
_UNIT_GUARDS = {
    "年": "代级纪轻", "周": "边围末一二三四五六日", "天": "然空地下气津", "米": "饭粉面",
    "升": "级至为高到值职迁华学温", "折": "合扣叠算旧射价腾中", "成": "为功本员果立长绩交就都熟型效分品",
    "节": "日约能点假", "道": "路理德歉", "门": "口诊户槛店类", "课": "题程堂",
    "单": "位元独一纯据品", "对": "于接象照比待外手话应策",
    "打": "造击破开通工算响赢败拼车球卡就白一了过起出进下上死完成到电", "双": "向方赢重边",
    "首": "都府位先创次批届个要席长", "片": "区面", "头": "部条号等", "部": "门分署长委",
    "类": "似型别", "种": "类子植", "处": "理置罚长分", "间": "隔接断", "层": "面次级",
    "列": "车入为", "轮": "胎船", "组": "织成建合长", "件": "事", "家": "庭长属乡园族",
    "秒": "杀懂", "吨": "位", "张": "力", "起": "来步点草诉因", "条": "件例款约",
    "位": "于置居列数", "台": "湾州阶风", "所": "以有在得谓属长", "批": "准示评复发",
    "次": "要日年", "场": "所景面地馆合", "项": "目", "名": "义额单称字片", "支": "持付撑出部队",
    "毛": "衣巾病利重绒发笔皮细线毯料坯织泽主", "角": "星形度落色逐力楼斗膜球", "圆": "满形桌周梦心",
    "两": "岸国个会地人次年天家所条位种项手性极用侧千百万亿", "日": "前后报常期益趋夜",
    "立方": "体", "分钱": "不",
}


# A unit word is read at a number's end by looking its characters up (see _unit_end), not by
# the regular expression: the table loads in milliseconds where a pattern of some 1,500 words
# took a third of a second to compile, and it is consulted only where a number ends.
# Guard: (characters that may not follow the word, whether a Latin letter may not follow).
_Guard = tuple[str, bool]
_NO_GUARD: _Guard = ("", False)


# Where a unit word may start -> (length, words of that length) to try in turn: currency words
# first (so that 人民币 wins over 人), then every other unit word, each group longest first.
# Keyed by the first two characters of the words that long, with the one-character words of
# the first among them in their turn, and by the first character for the one-character words
# alone: 个 tries the few words that go on with the character after it, not its hundreds.
_UnitLookup = dict[str, tuple[tuple[int, dict[str, _Guard]], ...]]
# And the words of one character that start no longer word and may stand before a letter (家,
# 名, %), by that character, with the characters that may not follow them: looked up first,
# where most numbers end, with no pair of characters cut out of the text.
_SingleUnits = dict[str, str]


@cache
def _unit_lookup() -> tuple[_UnitLookup, _SingleUnits]:
    variants: dict[str, _Guard] = {}
    listed = _listed_currency_words()
    for surface, unit in _units().items():
        if surface in listed["currency_names"] or surface in listed["currency_codes"]:
            continue
        # Latin letters only as a whole word (5G is no gram)
        guard = (_UNIT_GUARDS.get(surface, ""), "A" <= surface[-1] <= "z")
        forms = [surface]
        if surface.startswith("个") and len(surface) > 1:
            # 三个多月, 一个半小时: the qualifier sits inside the unit word
            forms += ["个" + inner + surface[1:] for inner in "多余半"]
        if unit.kind == "money" and len(surface) > 1 and not surface.isascii():
            forms.append("个" + surface)  # 20个比特币
        for form in forms:
            variants.setdefault(form, guard)
    # 度 is a temperature or a kWh only with words around it (see _build); 旬 an age decade.
    variants.update({"度": ("电假量过日数", False), "旬": _NO_GUARD})
    currency = {w: _NO_GUARD for w in listed["currency_names"]}
    currency.update((w, ("", True)) for w in listed["currency_codes"])
    in_turn: dict[str, list[tuple[int, dict[str, _Guard]]]] = {}
    for words in (currency, variants):
        by_length: dict[tuple[str, int], dict[str, _Guard]] = {}
        for word, guard in words.items():
            by_length.setdefault((word[0], len(word)), {})[word] = guard
        for (first, length), group in sorted(by_length.items(), key=lambda kv: -kv[0][1]):
            in_turn.setdefault(first, []).append((length, group))
    lookup: _UnitLookup = {}
    for first, groups in in_turn.items():
        lookup[first] = tuple((length, group) for length, group in groups if length == 1)
        # the longer words of each group by their first two characters, in one pass (个 alone
        # starts hundreds of words: testing each against each prefix cost most of the start)
        by_prefix: dict[str, dict[int, dict[str, _Guard]]] = {}
        for index, (length, group) in enumerate(groups):
            if length > 1:
                for word, guard in group.items():
                    by_prefix.setdefault(word[:2], {}).setdefault(index, {})[word] = guard
        for prefix, chosen in by_prefix.items():
            lookup[prefix] = tuple((length, group if length == 1 else chosen[index])
                                   for index, (length, group) in enumerate(groups)
                                   if length == 1 or index in chosen)
    starts_longer = {key[0] for key in lookup if len(key) == 2}
    single = {first: groups[0][1][first][0] for first, groups in lookup.items()
              if len(first) == 1 and first not in starts_longer and not groups[0][1][first][1]}
    return lookup, single


# 六 个 百 分点: the words of this unit may be spaced out
_SPACED_POINT_AFTER_GE = "[ \t]*+百[ \t]*+分[ \t]*+点"
_SPACED_POINT = re.compile("个?" + _SPACED_POINT_AFTER_GE)


def _unit_end(text: str, i: int) -> int:
    """End of the unit word written at ``i`` (no spaces before it), or -1: the first word in
    the order of _unit_lookup whose guard lets it stand there."""
    if i >= len(text):
        return -1
    first = text[i]
    lookup, single = _unit_lookup()
    excluded = single.get(first)
    if excluded is not None:
        j = i + 1
        return j if j == len(text) or text[j] not in excluded else -1
    pair = text[i:i + 2]
    if first == "百" or first == "个" and pair[1:] in ("百", " ", "\t") \
            and _char(text, _skip_blanks(text, i + 1)) == "百":
        spaced = _SPACED_POINT.match(text, i)
        if spaced:
            spaced_end: int = spaced.end()
            return spaced_end
    entries = lookup.get(pair)
    if entries is None:
        entries = lookup.get(first, ())
    for length, words in entries:
        guard = words.get(first if length == 1 else pair if length == 2 else text[i:i + length])
        if guard is None:
            continue
        j = i + length
        if j < len(text) and (guard[0] or guard[1]):
            after = text[j]
            if after in guard[0] or guard[1] and after.isascii() and after.isalpha():
                continue
        return j
    return -1


@cache
def _listed_currency_words() -> dict[str, frozenset[str]]:
    """The currency words matched as named lists: every name and code except the CNY words
    that are also stems of other units (元, 块钱), which are read with the other units."""
    names: set[str] = set()
    codes: set[str] = set()
    for surface, unit in _units().items():
        if unit.kind != "money" or surface in _GENERIC_YUAN or surface not in _currencies():
            continue
        if surface.isascii():
            codes.add(surface)
        else:
            names.update((surface, "个" + surface))  # 20个比特币
    return {"currency_names": frozenset(names), "currency_codes": frozenset(codes)}


# The characters of the Han script (Unicode Scripts.txt, as the regex module's \p{Han}
# reads them; tests/test_figures_scan.py compares the two over every code point), written
# out for the standard engine, which has no script classes: the head of a figure is matched
# by it, several times faster than by the regex module.
_HAN_RANGES = ("\\u2e80-\\u2e99\\u2e9b-\\u2ef3\\u2f00-\\u2fd5\\u3005\\u3007\\u3021-\\u3029"
               "\\u3038-\\u303b\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufa6d\\ufa70-\\ufad9"
               "\\U00016fe2-\\U00016fe3\\U00016ff0-\\U00016ff6\\U00020000-\\U0002a6df"
               "\\U0002a700-\\U0002b81d\\U0002b820-\\U0002cead\\U0002ceb0-\\U0002ebe0"
               "\\U0002ebf0-\\U0002ee5d\\U0002f800-\\U0002fa1d\\U00030000-\\U0003134a"
               "\\U00031350-\\U00033479")
_CN_CHARS = "〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰仟万亿廿卅卌"
# 千 and 兆 start unit words too (千瓦, 千米, 兆瓦, 兆字节)
_THOUSAND = "千(?![瓦米克卡])"
_TRILLION = "兆(?![瓦字赫帕焦])"
_CN_CHAR = f"(?:[{_CN_CHARS}]|{_THOUSAND}|{_TRILLION})"
_SCALE = f"(?:[十百万亿]|{_THOUSAND}|{_TRILLION})"
_DEC_DIGIT = "[〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖]"
# Repeated parts are bounded (a numeral is at most MAX_NUMERAL_CHARS long): a run of a
# million numeral characters is cut into bounded matches, which extract() then skips whole.
_RUN_BOUND = MAX_NUMERAL_CHARS + 1
_CN_DEC = f"[ \\t]*+点[ \\t]*+{_DEC_DIGIT}(?:[ \\t]*+{_DEC_DIGIT}){{0,{_RUN_BOUND}}}+"
_ARABIC = ("(?:(?<![0-9A-Za-z.])(?:[0-9]{1,3}(?:,[0-9]{3}){1,14}+(?![0-9])|[0-9]++)(?:\\.[0-9]++)?"
           "|(?<![0-9A-Za-z.])\\.[0-9]++)(?:[eE][+-]?[0-9]++(?![A-Za-z]))?")
# 5万4千6百, 3万4000, 1.3万, 3500亿
# k as thousand only where no word goes on after it (40k, 15k个百分点; not 4K电视)
_K = f"[kK](?=[ \\t]*+个|[^A-Za-z0-9{_HAN_RANGES}]|$)"
_ARABIC_SCALED = f"{_ARABIC}(?:\\^[+-]{{0,2}}[0-9.]++|(?:[ \\t]*+(?:{_SCALE}|{_K})(?:[ \\t]*+零?[0-9]++)?){{0,{_RUN_BOUND}}}+)"
# 3/5, but not the 2/24 of 2026/2/24
_ARABIC_FRACTION = "(?<![0-9/.])(?:[0-9]++[ \\t]++)?[0-9]++/[0-9]++(?![0-9/.])"
_CHINESE = (f"{_CN_CHAR}(?:[ \\t]*+{_CN_CHAR}){{0,{_RUN_BOUND}}}+"
            f"(?:{_CN_DEC}(?:[ \\t]*+[万亿]){{0,4}}+)?")
# A run of numeral characters (to skip a run too long to be a number in one step)
_NUMERAL_RUN = re.compile(
    "[0-9.,〇零一二两三四五六七八九十拾百佰千仟万亿兆廿卅卌壹贰叁肆伍陆柒捌玖点 \t]++")
_HALF = "(?<![上下前后大多一])(?:半百|半(?=个|小时|天|年|钟头|分钟|成|折|岁|周岁))|(?<=打)对(?=折)"
# Each kind of numeral behind a test of its first character: the engine tries the
# alternatives in turn, and most fail at their first character.
_NUM = (f"(?:(?=[0-9]){_ARABIC_FRACTION}|(?=[0-9.]){_ARABIC_SCALED}"
        f"|(?=[{_CN_CHARS}千兆]){_CHINESE}|(?=[半对]){_HALF})")
# characters a numeral before 分之 or 又 is written with (a cheap test before reading fractions)
_FRACTION_RUN = "0-9.,/^eE+\\-kK〇零一二两三四五六七八九十拾百佰仟千万亿兆廿卅卌壹贰叁肆伍陆柒捌玖点半 \\t"
_SEP = "(?:——|--|—|–|-|~|～|至|到)"
_HALF_AFTER_UNIT = "半(?![岛导径山数夜年月天场边价壁拉决自成小个])"

_BEFORE_GUARDS = {"近": "最附邻亲靠贴将接", "约": "签预节相邀合制公条契违履婚赴大", "超": "高赶"}


def _before_pattern() -> str:
    parts = []
    for (position, surface) in sorted(_qualifiers(), key=lambda k: -len(k[1])):
        if position != "before":
            continue
        guard = _BEFORE_GUARDS.get(surface)
        parts.append((f"(?<![{guard}])" if guard else "") + regex.escape(surface))
    return "|".join(parts)


def _after_pattern() -> str:
    words = [s for (p, s) in _qualifiers() if p == "after"]
    return _alternation(words).replace("上下", "上下(?![游级班文楼车半])")


# A figure is read in steps, each by a small pattern or a table lookup: the head (currency
# sign, qualifier, sign, temperature scale, number) is searched for; percentages (百分之) and
# fractions (三分之一) are tried only where their words follow; units are looked up where a
# number ends. Each step tries its alternatives in the order a single pattern would, and
# everything after the number is optional, so the steps read exactly what one pattern did.
_GROUPS = ("cur", "pre", "neg", "scale_name", "pctpre", "pctnum", "whole", "den", "nneg",
           "numer", "n1", "u1", "sep", "pre2", "n2", "inner", "scale2", "unit", "half", "more",
           "post")


_NO_PARTS: dict[str, str | None] = dict.fromkeys(_GROUPS)


class _Shape:
    """The parts of a figure's shape as found in the text, each a span, with the text of each
    in ``g`` (None for a part not written): what _build reads to decide what it measures."""

    __slots__ = ("text", "g", "spans", "span_start", "span_end")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.g = _NO_PARTS.copy()
        self.spans: dict[str, tuple[int, int]] = {}
        self.span_start = start
        self.span_end = start

    def put(self, name: str, start: int, end: int) -> None:
        self.g[name] = self.text[start:end]
        self.spans[name] = (start, end)

    def drop(self, name: str) -> None:
        self.g[name] = None
        del self.spans[name]

    def group(self, name: str = "") -> str:
        """The text of a part ("" when it is not written), or of the whole shape."""
        if not name:
            return self.text[self.span_start:self.span_end]
        return self.g[name] or ""

    def start(self, name: str = "") -> int:
        return self.spans.get(name, (-1, -1))[0] if name else self.span_start

    def end(self, name: str = "") -> int:
        return self.spans.get(name, (-1, -1))[1] if name else self.span_end

    def span(self) -> tuple[int, int]:
        return self.span_start, self.span_end


@cache
def _head_regex(screen_parts: bool = True) -> tuple[re.Pattern[str], tuple[tuple[str, int], ...],
                                                   int, frozenset[str]]:
    """The start of a figure, matched where _head_starts finds one: a currency sign, a
    qualifier, a sign, a temperature scale and a number; with the index of each named part,
    that of the number, and the characters a part before the number can start with (a head
    that starts with none is its number alone). Without ``screen_parts``, the parts before
    the number are not behind a test of their first characters (the same matches, for tests)."""
    symbol_words = [s for s, (_, form) in _currencies().items() if form == "symbol"]
    symbols = _alternation(symbol_words)
    # the optional parts behind a test of their first character, which fails fast
    symbol_firsts = {w[0] for w in symbol_words}
    before_firsts = {surface[0] for (position, surface) in _qualifiers() if position == "before"}
    symbol_first = regex.escape("".join(sorted(symbol_firsts)))
    before_first = regex.escape("".join(sorted(before_firsts)))
    parts = f"""
        (?:(?=[{symbol_first}])(?P<cur>{symbols})[ \\t]*+)?
        (?:(?=[{before_first}])(?P<pre>{_before_pattern()}))?
        (?P<neg>负|零下|(?<![0-9A-Za-z\\-])-(?=[0-9.]))?
        (?P<scale_name>华氏温度|华氏|摄氏温度|摄氏)?
    """
    if screen_parts:
        # and all four behind one test of their first characters: most heads are a number
        # alone, and trying each part in turn cost a third of reading the head
        parts = f"(?:(?=[{symbol_first}{before_first}负零\\-华摄]){parts})?"
    compiled = re.compile(parts + f"(?P<n1>{_NUM})", re.VERBOSE)
    return (compiled, tuple(compiled.groupindex.items()), compiled.groupindex["n1"],
            frozenset(symbol_firsts | before_firsts | set("负零-华摄")))


@cache
def _head_starts(lone_digits: bool = False, no_amounts: bool = False) -> re.Pattern[str]:
    """Where a figure's head (see _head_regex) can start. The standard engine finds these
    several times faster than the head pattern skips text, so the head is tried only there.

    Each alternative is the first character of a part the head starts with, and lookarounds
    that test, without reading them, what the head needs around that character: digits not
    inside a number, a qualifier word whole (not 不 or 大 alone) with a number, a sign or a
    temperature scale after it, 负 before a number, 华氏 and 摄氏, currency signs whole. So a
    start found is never hidden by another, and most characters that start no figure (大家,
    不断, 负责, 中华, 对于) are passed over by the engine instead of being tried one by one;
    what is left is a superset of where the head matches. Every alternative begins with its
    character, so the engine looks for a set of first characters. With ``lone_digits``, Chinese
    digits inside words are starts too, and with ``no_amounts`` years, days and 一 with a
    measure word (see _no_amount_screens): what the head matches, for tests."""
    # what may follow a qualifier word: a sign, a temperature scale or a number
    after_qualifier = f"[0-9.\\-{_CN_CHARS}千兆半对负华摄]"
    conditions: dict[str, list[str]] = {}
    # A Chinese digit is no start where a Chinese character follows that neither goes on with
    # the numeral nor starts anything a figure may go on with: a character inside a word (统一,
    # 一级), the commonest start of all, passed over by the engine rather than read.
    # The test is written once, after the character every alternative reads (each reads one,
    # the rest are lookarounds), not in each digit's alternative: a copy of its two large
    # character sets per digit made compiling the pattern cost a sixth of a second.
    goes_on = "".join(sorted(_continuations()))  # numeral characters among them
    digits = "".join(sorted(_LONE_DIGITS))
    lone = "" if lone_digits else \
        f"(?!(?<=[{digits}])(?![{re.escape(goes_on)}])[{_HAN_RANGES}])"
    for digit in "0123456789":
        conditions[digit] = ["(?<![0-9.].)"]  # a digit after a digit or a point goes on a number
    conditions["."] = ["(?=[0-9])(?<![0-9A-Za-z.].)"]
    for numeral in _CN_CHARS:
        conditions[numeral] = [""]
    conditions["千"] = [_THOUSAND[1:]]
    conditions["兆"] = [_TRILLION[1:]]
    conditions["半"] = [""]
    conditions["对"] = ["(?<=打对)(?=折)"]
    conditions["负"] = [f"(?={after_qualifier})"]
    conditions["-"] = ["(?=[0-9.])"]
    conditions["华"] = conditions["摄"] = ["(?=氏)"]
    for symbol, (_, form) in _currencies().items():
        if form == "symbol":
            conditions.setdefault(symbol[0], []).append(
                f"(?={re.escape(symbol[1:])})" if len(symbol) > 1 else "")
    for (position, word) in _qualifiers():
        if position == "before":
            guard = _BEFORE_GUARDS.get(word)
            conditions.setdefault(word[0], []).append(
                (f"(?<![{guard}].)" if guard else "")
                + f"(?={re.escape(word[1:])}{after_qualifier})")
    if not no_amounts:
        for first, screen in _no_amount_screens(frozenset(conditions)).items():
            conditions[first] = [test + screen for test in conditions[first]]
    alternatives = []
    for first, tests in sorted(conditions.items()):
        either = "" if "" in tests else tests[0] if len(tests) == 1 else f"(?:{'|'.join(tests)})"
        alternatives.append(re.escape(first) + either)
    return re.compile(f"(?:{'|'.join(alternatives)}){lone}")


def _no_amount_screens(start_chars: frozenset[str]) -> dict[str, str]:
    """Tests, after the character a start reads (一 or a digit, the key), that pass over
    a year (2026年), a day of the month (24日) or 一 with a measure word (一家) which _read_at
    would pass over once read (see _word_not_amount_end): a third of the starts in news, each
    read only to be dropped. Written from the same tables: the number is the whole head (four
    digits, a day up to 31, 一 before a word that does not go on with the numeral), the
    word is the one _unit_end finds there, nothing after it makes _shape read on
    (_unit_alone_end), and no character of it starts a figure, so that no start inside what
    the read would have passed over is hidden. (Where a letter stands before the digits the
    head matches no number, A2026年, and the read finds nothing either.) Each test begins
    with the characters of its words, which the engine compares before anything else: a test
    that began with a lookaround made the scan of text dense with numbers a tenth slower."""
    lookup, _ = _unit_lookup()
    listed = _listed_currency_words()
    currency = listed["currency_names"] | listed["currency_codes"]
    guards = {word: guard for entries in lookup.values() for _, words in entries
              for word, guard in words.items()}
    longest_first: dict[str, list[str]] = {}
    for word in sorted(guards, key=len, reverse=True):
        longest_first.setdefault(word[0], []).append(word)

    def guard(word: str) -> str:
        excluded, no_letter = guards[word]
        return (f"(?![{re.escape(excluded)}])" if excluded else "") \
            + ("(?![A-Za-z])" if no_letter else "")

    def found(word: str) -> str:
        # No word tried before it at this place (currency words, then the others longest
        # first) matches with its guard: those are the longer words that begin with it, the
        # only ones that can match where it does, no currency word beginning it (below).
        longer = [re.escape(other[len(word):]) + guard(other)
                  for other in longest_first[word[0]]
                  if other != word and other.startswith(word)]
        spaced = f"(?!{_SPACED_POINT_AFTER_GE})" if word[0] == "个" else ""  # 一个 百 分点
        return (re.escape(word[0]) + spaced + re.escape(word[1:])
                + (f"(?!{'|'.join(longer)})" if longer else "") + guard(word))

    goes_on_numeral = set(_CN_CHARS) | set("千兆点 \t")
    articles = [found(word) for word in sorted(guards)
                if _names_no_amount("一", word)
                and word[0] not in goes_on_numeral and word[0] != "百"  # (百 分点: spaced)
                and not start_chars & set(word) and _is_cjk(word[-1])  # (多 after it: below)
                and not any(word[:length] in currency for length in range(1, len(word)))]
    # after a word that ends in a Chinese character, as all these do (年 and 日 too)
    half, more, post = _end_words()
    nothing_after = f"(?![ \\t{re.escape(_SEP_FIRST)}]|{half}|{more}|{post})"
    # (not after 壹, written in amounts rather than before a measure word: compiling the
    # test once more cost a tenth of the pattern's making)
    screens = {"一": f"(?!(?:{'|'.join(articles)}){nothing_after})"}
    year = f"[0-9]{{3}}{found('年')}"
    # (after 1, 2 and 3 only: most years and days start so, and the test of each digit is
    # compiled on its own)
    for digit, second in (("1", "[0-9]?"), ("2", "[0-9]?"), ("3", "[01]?")):
        screens[digit] = f"(?!(?:{year}|{second}{found('日')}){nothing_after})"
    return screens


_PERCENT_FIRST = "百佰千仟万亿"
_PERCENT_AHEAD = re.compile(f"[{_PERCENT_FIRST}]{{1,4}}[ \\t]*+分")


@cache
def _percent_regex() -> re.Pattern[str]:
    """百分之七十, 千分之三 (compiled on the first text that writes one)."""
    return re.compile(
        f"(?P<pctpre>(?<![{_CN_CHARS}0-9])[{_PERCENT_FIRST}]{{1,4}}[ \\t]*+分[ \\t]*+之)"
        f"[ \\t]*+(?P<pctnum>{_NUM})")


# A fraction's words follow a run of numeral characters: 三分之一, 2又3分之1.
_FRACTION_AHEAD = re.compile(f"[{_FRACTION_RUN}]{{1,45}}+(?:分[ \\t]*+之|又)")
# A fraction is read where its words follow a number: the pattern reads the number at the
# start of a fraction as the head read it (the same pattern at the same place; where it
# backtracks, it reads less, which ends before a character of the number, never before 分 or
# 又), so what follows the head's number must begin the fraction's words or blanks before them.
# Where another character follows, the text ahead is not searched for 分 and 又.
_FRACTION_NEXT = frozenset(" \t分又")


@cache
def _fraction_regex() -> re.Pattern[str]:
    return re.compile(
        f"(?:(?P<whole>{_NUM})[ \\t]*+又[ \\t]*+)?(?P<den>{_NUM})[ \\t]*+分[ \\t]*+之[ \\t]*+"
        f"(?P<nneg>负)?(?P<numer>{_NUM})")


@cache
def _number_regex() -> re.Pattern[str]:
    return re.compile(_NUM)


_SEP_FIRST = "—-–~～至到"
_SEP_REGEX = re.compile(f"[ \\t]*+(?P<sep>{_SEP})[ \\t]*+")


@cache
def _before_words() -> dict[str, tuple[tuple[str, str], ...]]:
    """Qualifiers written before a number by their first character, longest first, each with
    the characters that may not stand before it (签约 is no 约)."""
    words: dict[str, tuple[tuple[str, str], ...]] = {}
    for (position, surface) in sorted(_qualifiers(), key=lambda k: -len(k[1])):
        if position == "before":
            entry = (surface, _BEFORE_GUARDS.get(surface, ""))
            words[surface[0]] = words.get(surface[0], ()) + (entry,)
    return words


@cache
def _inner_regex() -> tuple[re.Pattern[str], frozenset[str]]:
    """500余万, 十多万: a qualifier after the number and the scale words after it."""
    words = [s for (p, s) in _qualifiers() if p == "inner"]
    pattern = (f"[ \\t]*+(?P<inner>{_alternation(words)})"
               f"(?P<scale2>(?:[ \\t]*+{_SCALE}){{0,3}})")
    return re.compile(pattern), frozenset(w[0] for w in words)


@cache
def _end_words() -> tuple[str, str, str]:
    """The patterns of 半, 多 and 以上 after the number and its unit (多 only after a
    Chinese character, see _end_regex)."""
    return (_HALF_AFTER_UNIT, "(?:多|余)(?![少次种个项样家位名人数半万亿元年月天岁])",
            _after_pattern())


@cache
def _end_regex() -> tuple[re.Pattern[str], frozenset[str]]:
    """半, 多 and 以上 after the number and its unit."""
    after = [s for (p, s) in _qualifiers() if p == "after"]
    half, more, post = _end_words()
    pattern = f"(?P<half>{half})?(?P<more>(?<=[{_HAN_RANGES}]){more})?(?P<post>{post})?"
    return re.compile(pattern), frozenset("半多余" + "".join(w[0] for w in after))


@cache
def _continuations() -> frozenset[str]:
    """The characters a figure can go on with after its number: where none follows, the
    figure is the number alone."""
    return frozenset(" \t个百分又0123456789" + _SEP_FIRST + _FRACTION_RUN).union(
        (start[0] for start in _unit_lookup()[0]), _inner_regex()[1], _end_regex()[1])


def _skip_blanks(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _shape(head: re.Match[str]) -> _Shape:
    """The whole shape of a figure whose head was found."""
    text = head.string
    length = len(text)
    shape = _Shape(text, head.start())
    parts, spans = shape.g, shape.spans
    _, head_parts, number_index, _ = _head_regex()
    number_start, position = head.span(number_index)
    if number_start > shape.span_start:  # a currency sign, qualifier, sign or scale before it
        regs = head.regs
        for name, index in head_parts:
            start, end = regs[index]
            if start >= 0:
                parts[name], spans[name] = text[start:end], (start, end)
    else:
        parts["n1"], spans["n1"] = text[number_start:position], (number_start, position)
    if position == length or text[position] not in _continuations():
        shape.span_end = position  # nothing written after the number goes on with it
        return shape
    branch: re.Match[str] | None = None
    if text[number_start] in _PERCENT_FIRST and _PERCENT_AHEAD.match(text, number_start):
        branch = _percent_regex().match(text, number_start)
    if branch is None and text[position] in _FRACTION_NEXT \
            and (text.find("分", number_start, number_start + 46) >= 0
                 or text.find("又", number_start, number_start + 46) >= 0) \
            and _FRACTION_AHEAD.match(text, number_start):
        branch = _fraction_regex().match(text, number_start)
    no_unit_at = -1  # where a unit was looked up after the number, and none found
    if branch is not None:
        shape.drop("n1")
        for name, index in branch.re.groupindex.items():
            if branch.regs[index][0] >= 0:
                shape.put(name, *branch.regs[index])
        position = branch.end()
    else:
        position = _read_unit_and_range(text, shape, position)
        if parts["u1"] is None and parts["sep"] is None:
            no_unit_at = position
    if parts["u1"] is None or parts["sep"] is not None:
        # after a unit written once (54家, 三个多月) only 半/多/以上 follow; after a range or
        # a bare number, the unit of the whole (3至5亿元, 4万余名)
        at = _skip_blanks(text, position)
        inner, inner_first = _inner_regex()
        if at < length and text[at] in inner_first:
            found = inner.match(text, position)
            if found:
                shape.put("inner", *found.span("inner"))
                shape.put("scale2", *found.span("scale2"))
                position = found.end()
                at = _skip_blanks(text, position)
        unit_end = _unit_end(text, at) if position != no_unit_at else -1
        if unit_end >= 0:
            shape.put("unit", at, unit_end)
            position = unit_end
    if position < length:
        end_words, end_first = _end_regex()
        if text[position] in end_first:
            found = end_words.match(text, position)
            if found:
                for name in ("half", "more", "post"):
                    if found.start(name) >= 0:
                        shape.put(name, *found.span(name))
                position = found.end()
    shape.span_end = position
    return shape


def _read_unit_and_range(text: str, shape: _Shape, position: int) -> int:
    """The unit after the first number (54家) and the second number of a range (3至5)."""
    at = position
    if at < len(text) and text[at] in " \t":
        at = _skip_blanks(text, at)
    unit_end = _unit_end(text, at)
    if unit_end >= 0:
        shape.g["u1"], shape.spans["u1"] = text[at:unit_end], (at, unit_end)
        position = at = unit_end
        if at < len(text) and text[at] in " \t":
            at = _skip_blanks(text, at)
    if at >= len(text) or text[at] not in _SEP_FIRST:
        return position
    sep = _SEP_REGEX.match(text, position)
    if sep is None:
        return position
    number = _number_regex()
    at = sep.end()
    for word, guard in _before_words().get(_char(text, at), ()):
        if not text.startswith(word, at) or (at > 0 and text[at - 1] in guard):
            continue
        second = number.match(text, at + len(word))
        if second:
            shape.put("pre2", at, at + len(word))
            break
    else:
        second = number.match(text, at)
    if second is None:
        return position
    shape.put("sep", *sep.span("sep"))
    shape.put("n2", *second.span())
    second_end: int = second.end()
    return second_end


@cache
def _post_regex() -> re.Pattern[str]:
    return re.compile(_after_pattern())


@cache
def _set_phrase_regex(by_first_character: bool = True) -> re.Pattern[str]:
    """The set phrases, longest first (plain words: the standard library's engine scans a text
    for them several times faster). Grouped by their first character, so that where one of
    those characters stands the engine tries the few phrases that begin with it rather than
    each phrase in turn (a seventh less over news); without ``by_first_character``, one
    alternation of every phrase, which matches the same (for tests)."""
    words = sorted(read_lines("set_phrases.txt"), key=len, reverse=True)
    if not by_first_character:
        return re.compile("|".join(map(re.escape, words)))
    rests: dict[str, list[str]] = {}
    for word in words:  # longest first within each group too: the same phrase wins at a place
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rest)})"
                               for first, rest in rests.items()))


@cache
def _set_phrase_pairs() -> tuple[frozenset[str], int]:
    """The pairs of characters written next to each other inside a set phrase (a place
    between two characters that are no such pair is inside no phrase), and how far a phrase
    reaches past a character of it: its length but one, for the longest."""
    words = read_lines("set_phrases.txt")
    pairs = frozenset(word[k:k + 2] for word in words for k in range(len(word) - 1))
    return pairs, max(map(len, words)) - 1


# Candidates this close are searched around in one search, the text between them with them: a
# search costs as much as the engine's scan of some forty characters.
_PHRASE_GAP = 32
# Searched around only where there are fewer candidates than one in so many characters.
_PHRASE_SPACING = 32


def _set_phrases_near(candidates: list[Candidate], text: str) -> list[tuple[int, int]]:
    """The spans of the set phrases that a search of the whole text finds (leftmost, longest
    first, none inside another found) and that can overlap a candidate (in order). The text is
    searched only around the candidates, in stretches that each start at a place inside no
    phrase, from where the search of the whole text finds the same phrases: news holds a
    figure here and there, and the search of a whole text cost more than reading its set
    phrases around its figures."""
    pattern = _set_phrase_regex()
    if len(candidates) * _PHRASE_SPACING > len(text):
        # a text dense with figures (a table, 1年1年…): gathering stretches candidate by
        # candidate costs more than searching the whole text
        return _set_phrases_in(pattern, text, 0, len(text))
    pairs, reach = _set_phrase_pairs()
    spans: list[tuple[int, int]] = []
    stretch_start, stretch_end = 0, -1  # the stretch being gathered (none yet)
    for candidate in candidates:
        if stretch_end >= 0 and candidate.start <= stretch_end + _PHRASE_GAP:
            if candidate.end > stretch_end:
                stretch_end = candidate.end
            continue
        start = candidate.start
        while start > stretch_end and start > 0 and text[start - 1:start + 1] in pairs:
            start -= 1  # a phrase may go on across this place: the search starts before it
        if 0 <= stretch_end and start <= stretch_end:
            # back into the stretch before (a run of phrases' characters): searched with it,
            # which also keeps each character from being passed over more than once
            if candidate.end > stretch_end:
                stretch_end = candidate.end
            continue
        if stretch_end >= 0:
            spans += _set_phrases_in(pattern, text, stretch_start, stretch_end + reach)
        stretch_start, stretch_end = start, candidate.end
    if stretch_end >= 0:
        spans += _set_phrases_in(pattern, text, stretch_start, stretch_end + reach)
    return spans


def _set_phrases_in(pattern: re.Pattern[str], text: str, start: int,
                    end: int) -> list[tuple[int, int]]:
    """The phrases found from ``start`` to ``end``: a stretch's end and how far a phrase that
    starts before it reaches. One found after that, in a search cut short at ``end``, lies
    inside one the whole text's search finds (cut short, the search goes on inside it), which
    the next stretch's search finds too."""
    return [phrase.span() for phrase in pattern.finditer(text, start, end)]


_TEMPERATURE_CONTEXT = regex.compile(r"温|℃|摄氏|华氏|零下|发烧|烧到|高烧|体温|冷|热")
_ELECTRICITY_CONTEXT = regex.compile(r"电|能耗")
_CJK = regex.compile(r"\p{Han}")
_DATE_AFTER = set("年月日号时点分秒:：")
_OPEN_QUOTES = set("“‘「『《\"'")
_CLOSE_QUOTES = set("”’」』》\"'")
_SCALE_CHARS = set("十百千万亿兆拾佰仟")
_NUMERAL_END = set("0123456789万亿千百十〇零一二两三四五六七八九")
_CAPITAL_DIGITS = set("壹贰叁肆伍陆柒捌玖拾佰仟")  # single characters: a numeral in it is one
# 四点零五 (4:05): an hour, 点, and minutes written 零 + digit. A decimal is not written so.
_CLOCK_READING = regex.compile(r"(?:[一二两三四五六七八九十]|十[一二]|二十[一二三四]?)点零[一二三四五六七八九]")
_URL = regex.compile(r"(?:https?://|www\.)[!-~]++")


@cache
def _is_cjk(ch: str) -> bool:
    """Whether ``ch`` (one character) is a Chinese character; remembered per character, since
    a text asks about the same few hundred characters over and over."""
    return bool(ch) and bool(_CJK.match(ch))


def _char(text: str, i: int) -> str:
    """The character at ``i``, or NUL outside the text (so that ``in`` tests stay false)."""
    return text[i] if 0 <= i < len(text) else "\x00"


class _NotAFigure(Exception):
    pass


def _value_of(numeral: str) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, low, high) of a numeral; vague ranges (三四十, 十七八) give only low and high."""
    value = _known_value(numeral)
    if value is None:
        raise _NotAFigure(numeral)
    return value


@lru_cache(maxsize=4096)
def _known_value(numeral: str) -> tuple[Decimal | None, Decimal | None, Decimal | None] | None:
    """_value_of, None for a numeral that is no number. Cached, what is no number too: news
    repeats its numerals (1, 10, 2025; 三九, 十五五), and Decimals are immutable."""
    mixed = _MIXED_FRACTION.match(numeral)
    if mixed:  # 1 3/5
        whole, fraction = mixed.groups()
        try:
            return parse_number(whole) + parse_number(fraction), None, None
        except ValueError:
            return None
    try:
        return parse_number(numeral), None, None
    except ValueError:
        pass
    vague = _vague_range(numeral)
    if vague is None:
        return None
    return None, vague[0], vague[1]


def _value_or_shorter(m: _Shape, name: str,
                      end: int) -> tuple[Decimal | None, Decimal | None, Decimal | None, int]:
    """The value of a numeral; when it does not parse and ends the match, the numeral without
    a stray scale character at its end (五十千 -> 五十, 百分之七十百分位 -> 百分之七十)."""
    numeral = m.g[name] or ""
    known = _known_value(numeral)
    if known is not None:
        return (*known, end)
    if m.end(name) != m.end() or numeral[-1] not in "十百千万亿" or len(numeral) < 3:
        raise _NotAFigure(numeral)
    return (*_value_of(numeral[:-1]), m.end(name) - 1)


_MIXED_FRACTION = regex.compile(r"([0-9]++)[ \t]++([0-9]++/[0-9]++)")
_VAGUE_PAIR = regex.compile(r"(一两|两三|[一二三四五六七八]{2})")


def _vague_range(numeral: str) -> Optional[tuple[Decimal, Decimal]]:
    """三四十 -> (30, 40); 十七八 -> (17, 18); 五六 -> (5, 6); 七八十万 -> (70万, 80万)."""
    text = "".join(numeral.split())
    m = _VAGUE_PAIR.search(text)
    if not m:
        return None
    a, b = m.group()[0], m.group()[1]
    if CN_DIGITS[b] != CN_DIGITS[a] + 1:
        return None
    try:
        low = parse_number(text[:m.start()] + a + text[m.end():])
        high = parse_number(text[:m.start()] + b + text[m.end():])
    except ValueError:
        return None
    return (low, high) if low < high else None


def _trailing_scale(numeral: str) -> str:
    """万/亿 written at the end of a number belong to the measure as written (3500亿元 -> 亿元)."""
    i = len(numeral)
    while i > 1 and numeral[i - 1] in "万亿":
        i -= 1
    return numeral[i:] if i > 0 else ""


@cache
def _ascii_units() -> dict[str, Unit]:
    return {s.lower(): u for s, u in _units().items() if s.isascii()}


@lru_cache(maxsize=1024)
def _unit_of(surface: str) -> tuple[Unit, str]:
    """Lexicon entry for a matched unit, and the qualifier written inside it (个多月 -> 多).
    Cached: a text writes the same few unit words again and again."""
    inside = ""
    # (a currency first: 多哥非洲共同体法郎 after 个 is a currency, not 个多 + a word)
    if surface[0] == "个" and surface[1:] in _units() and _units()[surface[1:]].kind == "money":
        surface = surface[1:]
    elif len(surface) > 2 and surface[0] == "个" and surface[1] in "多余半":
        inside, surface = surface[1], "个" + surface[2:]
    surface = "".join(surface.split())
    unit = _units().get(surface) or _ascii_units()[surface.lower()]
    return unit, inside


def _as_written(ntext: NormalizedText, start: int, end: int, measure: str) -> str:
    """The measure word as written (萬元, 個多月 -> 個月): measures are found in the folded
    text, and folding keeps positions, so each character is read back where it stands."""
    folded, written = ntext.text, ntext.written
    at = folded.find(measure, start, end)
    if at >= 0:
        return written[at:at + len(measure)]
    chars, i = [], start
    for ch in measure:  # 个月 inside 个多月: the characters in order
        i = folded.find(ch, i, end)
        if i < 0:
            return measure
        chars.append(written[i])
        i += 1
    return "".join(chars)


def _build(m: _Shape, ntext: NormalizedText) -> Optional[Candidate]:
    """The figure a shape measures, or None; raises where its numbers do not parse (十十)."""
    written = m.g["u1"]
    if written is not None and len(m.spans) == 2:  # a number and its unit word alone
        built = _number_and_unit(ntext, m.span_start, m.span_end, m.g["n1"] or "", written)
        if not isinstance(built, _InFull):
            return built
    return _build_in_full(m, ntext)


class _InFull:
    """What _number_and_unit answers for a shape it leaves to _build_in_full."""


_IN_FULL = _InFull()
# Unit words whose reading depends on words around them or inside them (see _build_in_full)
_UNITS_IN_FULL = frozenset(("度", "旬", "折"))
_SURFACES_IN_FULL = frozenset(("日", "年")) | _COLLOQUIAL_MONEY.keys()


def _number_and_unit(ntext: NormalizedText, start: int, end: int, numeral: str,
                     written: str) -> Candidate | None | _InFull:
    """_build_in_full for the commonest shape, a number and the unit word written after it
    and nothing else (54家, 3.51%, 200万吨: most figures in news), read in one straight path:
    the parts _build_in_full asks about one by one are all absent here. Units read by the
    words around them (度, 旬, 折, 日, 年, 块/毛/角), qualifiers inside the unit word (个多月)
    and currency words before the number or after 元 are left to _build_in_full. The shape
    runs from ``start`` to ``end``, where the unit word ends."""
    text = ntext.text
    if written in _UNITS_IN_FULL:
        return _IN_FULL
    unit_end = end
    before = text[start - 1] if start else "\x00"
    if before == "第":
        return None  # ordinal: 第二季度
    if numeral in _CAPITAL_DIGITS and _is_cjk(before):
        return None  # 登陆部队: capital numerals are words unless they stand apart
    known = _known_value(numeral)
    if known is None:
        raise _NotAFigure(numeral)  # the unit follows: no stray scale character to cut off
    value, low, high = known
    unit, inside = _unit_of(written)
    if inside or unit.surface in _SURFACES_IN_FULL or _currency_before(text, start):
        return _IN_FULL
    if unit.surface in _GENERIC_YUAN and _currency_word_at(text, end):
        return _IN_FULL
    qualifier = "exact" if value is not None else "range"  # 三四十, 十七八
    kind = unit.kind
    if kind == "count":  # as _keeps_unit reads a count
        if end < len(text) and text[end] == written[-1]:
            return None  # 一个个, 一支支: reduplication, not a count
        if qualifier == "exact" and (numeral in ("一", "壹") and (
                unit.factor is _ONE or unit.factor == 1) or numeral in ("万", "千", "百", "亿")):
            return None  # 一家酒店, 万家期许: the article "a", a set phrase
        if start and before in _OPEN_QUOTES:
            return None  # “三个代表”: slogans
    measure = (_trailing_scale(numeral) if numeral[-1] in "万亿" else "") + unit.surface
    rule = "<num><unit>"
    kind, value, end, rule = _past_the_unit(text, kind, value, end, unit_end, unit,
                                            qualifier, rule)
    factor = unit.factor
    canonical = unit.unit
    if value is None and low is None:
        return None
    if value is not None:
        value = tidy(value) if factor is _ONE else _times(value, factor)
    if low is not None:
        low = _times(low, factor)
    if high is not None:
        high = _times(high, factor)
    if value is not None and (unit.unit if unit.kind == "duration" else unit.surface) \
            in _COMPOUND_NEXT:  # (as _compound_after looks its unit up)
        compound = _compound_after(text, end, unit, value)
        if compound:
            value, canonical, end = compound
            rule += "<compound>"
    if end > unit_end:
        post = _post_regex().match(text, end)  # 三成五左右
        if post:
            end = post.end()
            if qualifier == "exact":
                qualifier = _qualifiers()[("after", post.group())]
                low, high = _bounds(qualifier, value, low, high)
    after = text[end] if end < len(text) else "\x00"
    per_match = _per_after(text, end, bare=False) if after == "/" or not after.strip() \
        else None
    per: str | None = None
    if per_match:
        per, end = per_match
    elif kind != "duration":
        per = _per_before(text, start)
    if kind == "money" and unit.surface in ("元", "圆", "块"):
        rule += _BARE_YUAN  # the currency may come from the article (see _regional_yuan)
    return _figure(start, end, rule, value, low, high, qualifier, kind, canonical, measure, per)


def _build_in_full(m: _Shape, ntext: NormalizedText) -> Optional[Candidate]:
    """_build for every shape, part by part."""
    text = ntext.text
    start, end = m.span_start, m.span_end
    g, spans = m.g, m.spans
    before = text[start - 1] if start else "\x00"

    n1_start = spans["n1"][0] if g["n1"] else 0
    if before == "第" or (n1_start and text[n1_start - 1] == "第"):
        return None  # ordinal: 第二季度, 第一书记
    if g["n1"] in _CAPITAL_DIGITS and _is_cjk(before):
        return None  # 登陆部队, 拾起: capital numerals are words unless they stand apart

    qualifier = "exact"
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    rule = ""
    unit_entry: Unit | None = None
    measure: str | None = None
    liang = None
    unit_surface = g["unit"] or g["u1"]

    if g["pctpre"]:
        value, low, high, end = _value_or_shorter(m, "pctnum", end)
        base = parse_number("一" + "".join(g["pctpre"].split())[:-2])
        permille = base == 1000
        unit_entry = _units()["‰" if permille else "%"]
        scale = Decimal(1000 if permille else 100) / base
        value, low, high = (None if x is None else x * scale for x in (value, low, high))
        measure, rule = "".join(g["pctpre"].split()), "百分之<num>"
    elif g["den"]:
        den, numer = _value_of(g["den"])[0], _value_of(cast(str, g["numer"]))[0]
        if not den or numer is None:
            return None
        value, rule = numer / den, "<num>分之<num>"
        if g["nneg"]:
            value = -value
        if g["whole"]:
            whole = _value_of(g["whole"])[0]
            if whole is None:
                return None
            value += whole
    else:
        liang = None if unit_surface else _liang(g, text, end)
        if liang is not None:
            value, low, high = liang, None, None
        else:
            digit_discount = _discount_value(g) if unit_surface == "折" else None
            value, low, high, end = digit_discount + (end,) if digit_discount \
                else _value_or_shorter(m, "n1", end)
        rule = "<num>"
        if value is None:
            qualifier = "range"  # 三四十, 十七八
        if g["sep"]:
            if g["u1"] and g["unit"] and g["u1"] != g["unit"]:
                return None
            second = _value_of(cast(str, g["n2"]))[0]
            if value is None or second is None:
                return None
            if not g["u1"]:
                value = _shared_scale(cast(str, g["n1"]), cast(str, g["n2"]), value, second)
            if not value < second:
                return None  # a range runs upwards; 5-3 is a code or a score
            low, high, value = value, second, None
            qualifier, rule = "range", "<num><sep><num>"

    inside = ""
    unit_end = spans["unit"][1] if g["unit"] else (spans["u1"][1] if g["u1"] else -1)
    if unit_surface:
        if unit_surface == "度":
            unit_entry = _degree_unit(m, ntext)
            if unit_entry is None:
                return None
        elif unit_surface == "旬":
            return _decade_of_age(m, ntext, value)
        else:
            unit_entry, inside = _unit_of(unit_surface)
            if unit_entry.surface in _COLLOQUIAL_MONEY:
                if _is_colloquial_money(text, start, unit_end):
                    unit_entry = _CNY_BLOCK if unit_entry.surface == "块" else unit_entry
                elif unit_entry.kind == "money":
                    return None  # 五角星, 两毛 without money around: not an amount
        numeral = g["n1"] or ""
        measure = (_trailing_scale(numeral) if not g["inner"] and not g["scale2"] else "") \
            + (g["scale2"] or "") + unit_entry.surface
        rule += "<unit>"
    if g["scale_name"]:
        unit_entry = _units()["华氏度" if g["scale_name"].startswith("华氏") else "摄氏度"]
        measure = measure or g["scale_name"]

    # Scale words written after an inner qualifier: 500余万, 十多万.
    if g["scale2"]:
        scale = parse_number("1" + "".join(g["scale2"].split()))
        value, low, high = (None if x is None else x * scale for x in (value, low, high))

    if g["inner"] or inside:
        for word in (g["inner"], inside):
            if word and qualifier == "exact":
                qualifier = _qualifiers()[("inner", word)] if word != "半" else "exact"
    if inside == "半" or g["half"]:
        if value is None:
            return None
        value += Decimal("0.5")
    if g["pre"]:
        qualifier = _qualifiers()[("before", g["pre"])] if qualifier == "exact" else qualifier
    qualifier_without_more = qualifier
    if g["more"] and qualifier == "exact":
        qualifier = "over"  # 两年多, 三岁多, 5公斤多
    if g["post"]:
        qualifier = _qualifiers()[("after", g["post"])] if qualifier == "exact" else qualifier

    if g["neg"] == "-" and qualifier == "range":
        low = -cast(Decimal, low)  # -5-10℃: the sign belongs to the first number only
    elif g["neg"]:
        # a word sign covers the range, flipping its ends: 零下5至10度 is -10..-5
        value, low, high = (None if x is None else -x for x in (value, high, low))
        if g["neg"] == "零下":
            unit_entry = _units()["℃"]

    # A currency written before the amount: a sign ($300, HK$200) or a word or code
    # (人民币100元, 港币两千元, 美元3.5亿, USD 5000), with a qualifier before it (约合人民币).
    currency = None
    explicit_currency = False
    if g["cur"]:
        currency = _currencies()[g["cur"]][0]
    elif not g["neg"]:
        found = _currency_before(text, start)
        if found:
            currency, currency_start, currency_word = found
    if not currency and unit_entry is not None and unit_entry.surface in _GENERIC_YUAN \
            and end == unit_end:
        after = _currency_word_at(text, end)  # 1亿元港币, 5000元新台币
        if after:
            unit_entry = Unit(unit_entry.surface, "money", after[0], unit_entry.factor)
            end += len(after[1])
            explicit_currency = True
    if currency and unit_entry is not None and unit_entry.kind == "count":
        # US$499起, 人民币500份: the measure word is not what the money counts
        unit_entry, measure = None, None
        end = max(m.end(name) for name in ("n1", "n2", "inner", "scale2") if g[name])
    if currency and unit_entry is not None and unit_entry.kind == "money" and (
            unit_entry.unit != "CNY" or unit_entry.surface not in _GENERIC_YUAN):
        # 4人民币5美元: the word before belongs to the amount before; the unit word decides
        currency = None
        if g["cur"]:
            start = m.end("cur")
    if currency and (unit_entry is None or unit_entry.kind == "money"):
        explicit_currency = True
        if unit_entry is None:
            if not _stands_as_amount(text, m, g):
                return None
            measure = _trailing_scale(g["n1"] or "") + (g["cur"] or currency_word)
        unit_entry = Unit(unit_entry.surface, "money", currency, unit_entry.factor) \
            if unit_entry else Unit(currency, "money", currency, Fraction(1))
        if not g["cur"]:
            start = currency_start
            q = _qualifier_before(text, start)
            if q:
                start -= len(q)
                if qualifier == "exact":
                    qualifier = _qualifiers()[("before", q)]
    elif g["cur"]:
        start = m.end("cur")  # a sign before a percentage or a mass is no currency

    if unit_entry is None:
        if liang is not None:
            value, unit_entry, measure, rule = liang, _units()["两"], "两", rule + "<两>"
        else:
            bare_per = _per_after(text, end, bare=True)
            if bare_per:
                return _figure(start, bare_per[1], rule + "/<per>", value, low, high,
                               qualifier, "other", "", None, bare_per[0])
            return _bare_number(m, g, ntext, value, low, high, qualifier, start, end)

    if not _keeps_unit(m, ntext, unit_entry, qualifier, value):
        return None
    kind = unit_entry.kind
    more = g["more"]
    if more and kind in ("count", "percent", "other"):
        # 三个人多: 多 is not about the count
        end, qualifier, more = m.start("more"), qualifier_without_more, None
    kind, value, end, rule = _past_the_unit(text, kind, value, end, unit_end, unit_entry,
                                            qualifier, rule)

    factor = unit_entry.factor
    canonical = unit_entry.unit
    if unit_entry.surface == "折":
        discount = _discount_factor(value)
        if discount is None:
            return None
        factor = discount
    if value is None and low is None:
        return None
    if value is not None:
        value = _times(value, factor)
    if low is not None:
        low = _times(low, factor)
    if high is not None:
        high = _times(high, factor)
    if value is not None and qualifier in ("exact", "approx") and not more:
        compound = _compound_after(text, end, unit_entry, value)
        if compound:
            value, canonical, end = compound
            rule += "<compound>"
    if end > m.span_end and not g["post"]:
        post = _post_regex().match(text, end)  # 三成五左右, 三年零六个月以上
        if post:
            end = post.end()
            if qualifier == "exact":
                qualifier = _qualifiers()[("after", post.group())]
    low, high = _bounds(qualifier, value, low, high)
    per_match = _per_after(text, end, bare=False)
    per: str | None = None
    if per_match:
        per, end = per_match
    elif kind != "duration":
        per = _per_before(text, start)
    if kind == "money" and not explicit_currency and unit_entry.surface in ("元", "圆", "块"):
        rule += _BARE_YUAN  # the currency may come from the article (see _regional_yuan)
    return _figure(start, end, rule, value, low, high, qualifier, kind, canonical, measure, per)


def _figure(start: int, end: int, rule: str, value: Decimal | None, low: Decimal | None,
            high: Decimal | None, qualifier: str, kind: str, unit: str, measure: str | None,
            per: str | None = None) -> Candidate:
    fields: dict[str, Any] = {"value": value, "low": low, "high": high, "qualifier": qualifier,
              "kind": kind, "unit": unit, "measure": measure}
    if per:
        fields["per"] = "".join(per.split())
    return Candidate(start, end, "figure", rule, fields)


# --- currencies written before the amount

_GENERIC_YUAN = {"元", "圆", "块", "块钱", "元人民币", "人民币元"}


@cache
def _currency_prefixes() -> tuple[dict[str, tuple[str, str]], int, frozenset[str]]:
    """Currency words and codes, the longest, and the characters they end with."""
    words = {s: v for s, v in _currencies().items() if v[1] != "symbol"}
    return words, max(len(s) for s in words), frozenset(s[-1] for s in words)


def _currency_before(text: str, start: int) -> Optional[tuple[str, int, str]]:
    """(ISO code, start, word) of a currency word or code written right before ``start``."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    words, longest, last_chars = _currency_prefixes()
    if i == 0 or text[i - 1] not in last_chars:
        return None
    for k in range(min(longest, i), 0, -1):
        word = text[i - k:i]
        found = words.get(word)
        if found is None:
            continue
        if found[1] == "code" and _char(text, i - k - 1).isascii() and \
                _char(text, i - k - 1).isalpha():
            continue
        if found[1] == "name" and word in _GENERIC_YUAN:
            continue  # 元100 is not written; 元 before a number ends a previous amount
        if _char(text, i - k - 1) in _NUMERAL_END:
            return None  # 4人民币 5美元: the word is the unit of the amount before it
        return found[0], i - k, word
    return None


@cache
def _currency_name_firsts() -> frozenset[str]:
    """The characters currency names of two characters or more begin with."""
    return frozenset(s[0] for s, (_, form) in _currency_prefixes()[0].items()
                     if form == "name" and len(s) > 1)


def _currency_word_at(text: str, i: int) -> Optional[tuple[str, str]]:
    if text[i:i + 1] not in _currency_name_firsts():
        return None  # the common case: no currency name starts here (1亿元，)
    words, longest, _ = _currency_prefixes()
    for k in range(longest, 1, -1):
        word = text[i:i + k]
        found = words.get(word)
        if found and found[1] == "name" and word not in _GENERIC_YUAN:
            return found[0], word
    return None


def _qualifier_before(text: str, start: int) -> Optional[str]:
    """A qualifier word (约合, 超过) written right before a currency word."""
    for k in (3, 2, 1):
        word = text[max(0, start - k):start]
        if len(word) == k and ("before", word) in _qualifiers():
            guard = _BEFORE_GUARDS.get(word)
            if guard and _char(text, start - k - 1) in guard:
                continue
            return word
    return None


def _stands_as_amount(text: str, m: _Shape, g: dict[str, Any]) -> bool:
    """美元3.5亿 is an amount; 日元9月 is a currency word before a date."""
    after = _char(text, m.end())
    if after in _DATE_AFTER or (after.isascii() and after.isalpha()):
        return False
    numeral = "".join((g["n1"] or "").split())
    if g["sep"] or not numeral:
        return bool(g["sep"])
    return not (len(numeral) == 1 and not numeral.isdigit())


# --- colloquial money and coins after an amount

_MONEY_CONTEXT = re.compile(
    r"钱|元|价|售|卖|买|花了|花费|付|收费|费用|票|工资|补贴|零花|便宜|贵|找零|硬币|纸币|赚|块钱")
_CN_DIGIT_CLASS = "[0-9]|[一二两三四五六七八九]"
_CNY_TAIL = re.compile(
    rf"[ \t]*+又?[ \t]*+(?P<jiao>{_CN_DIGIT_CLASS})[ \t]*+(?P<jiao_unit>角|毛)?"
    rf"(?:[ \t]*+(?P<fen>{_CN_DIGIT_CLASS})[ \t]*+(?P<fen_unit>分)?)?(?P<qian>钱)?")
_CNY_FEN_TAIL = re.compile(
    rf"[ \t]*+(?P<fen>{_CN_DIGIT_CLASS})[ \t]*+(?P<fen_unit>分)?(?P<qian>钱)?")
# A digit that goes on as a number or a count is not a coin: 三块五十, 一块五花肉.
_NOT_A_COIN_AFTER = re.compile(r"[0-9十百千万亿点.]|[个只斤两件张条块元岁年天]")


def _is_colloquial_money(text: str, start: int, unit_end: int) -> bool:
    """块 / 毛 / 角 as money: a coin after them (三块五, 两毛五) or money words around an
    amount that ends there (一斤卖三块，); never 三块地, 五角星."""
    if unit_end < 0:
        return False
    tail = _CNY_TAIL.match(text, unit_end)
    if tail and (tail.group("jiao_unit") or not _NOT_A_COIN_AFTER.match(text, tail.end("jiao"))):
        return True
    after = _char(text, unit_end)
    if _is_cjk(after) and after not in "的了":
        return False
    return bool(_MONEY_CONTEXT.search(text, max(0, start - 12), min(len(text), unit_end + 8)))


_TENTH_AFTER = re.compile(
    rf"[ \t]?([一二三四五六七八九])(?!(?!的|之|左右|以上|以下)[{_HAN_RANGES}])")


def _coin(digit: str) -> Decimal:
    return parse_number(digit)


def _past_the_unit(text: str, kind: str, value: Decimal | None, end: int, unit_end: int,
                   unit: Unit, qualifier: str, rule: str
                   ) -> tuple[str, Decimal | None, int, str]:
    """The figure's kind, value, end and rule once what may follow its unit word is read:
    coins after an amount (3元5角), a tenth after 成 (七成六 = 76 %), 大 after a duration (an
    age: 十个月大, 三周大). Shared by the straight path and the full one."""
    if kind == "money" and value is not None:
        value, end = _coins_after(text, end, unit, value)
    if unit.surface == "成" and value is not None and end == unit_end and qualifier == "exact":
        tenth = _TENTH_AFTER.match(text, end)
        if tenth and not _NOT_A_COIN_AFTER.match(text, tenth.end()):
            value, end = value + Decimal(CN_DIGITS[tenth.group(1)]) / 10, tenth.end()
    if kind == "duration" and _char(text, end) == "大" and not _is_cjk_word_start(text, end + 1):
        kind, end, rule = "age", end + 1, rule + "大"
    return kind, value, end, rule


def _coins_after(text: str, end: int, unit: Unit, value: Decimal) -> tuple[Decimal, int]:
    """五元三毛, 三块五, 一块二毛五, 两毛五, 两美元又三美分: smaller coins after an amount."""
    if unit.unit != "CNY":
        tail = _SUBUNIT_TAIL.match(text, end)
        if tail and tail.group("sub") in _SUBUNITS.get(unit.unit, {}):
            value += parse_number(tail.group("n")) * _SUBUNITS[unit.unit][tail.group("sub")]
            return value, tail.end()
        return value, end
    if unit.factor == 1 and unit.surface in ("元", "块", "圆"):
        tail = _CNY_TAIL.match(text, end)
        if not tail:
            return value, end
        bare = not tail.group("jiao_unit")
        if bare and (unit.surface != "块" or _NOT_A_COIN_AFTER.match(text, tail.end("jiao"))):
            return value, end  # 三元五 is not written; 三块五 is
        value += _coin(tail.group("jiao")) / 10
        new_end = tail.end("jiao_unit") if not bare else tail.end("jiao")
        if tail.group("fen") and (tail.group("fen_unit") or not bare):
            if tail.group("fen_unit") or not _NOT_A_COIN_AFTER.match(text, tail.end("fen")):
                value += _coin(tail.group("fen")) / 100
                new_end = tail.end("fen_unit") if tail.group("fen_unit") else tail.end("fen")
        if tail.group("qian") and new_end == tail.start("qian"):
            new_end = tail.end("qian")
        return value, new_end
    if unit.surface in ("毛", "角"):
        tail = _CNY_FEN_TAIL.match(text, end)
        if tail and (tail.group("fen_unit") or not _NOT_A_COIN_AFTER.match(text, tail.end("fen"))):
            # value is still in 毛 here: 两毛五 = 2.5 毛
            value += _coin(tail.group("fen")) / 10
            new_end = tail.end("fen_unit") if tail.group("fen_unit") else tail.end("fen")
            if tail.group("qian") and new_end == tail.start("qian"):
                new_end = tail.end("qian")
            return value, new_end
    return value, end


# --- ranges, 两 as a mass, compounds and rates

def _shared_scale(left: str, right: str, low: Decimal, high: Decimal) -> Decimal:
    """3至5亿元, 十到二十万元, 两到三千元: the scale of the right end applies to a bare left end
    (as long as the range still runs upwards); 5000万至1亿元 keeps its own."""
    left, right = "".join(left.split()), "".join(right.split())
    if left[-1:] in _SCALE_CHARS and left[-1] != "十" or left[-1:] in "kK":
        return low
    i = len(right)
    while i > 1 and right[i - 1] in "万亿兆":
        i -= 1
    big = right[i:]
    if big:
        factor = parse_number("1" + big)
    elif len(left) == 1 and len(right) == 2 and right[1] in "百千" and right[0] not in "十":
        factor = Decimal(100 if right[1] == "百" else 1000)  # 两到三千, 3-5千
    else:
        return low
    scaled = low * factor
    return scaled if scaled < high else low


_LIANG_NOT_BEFORE = set("下句步声口眼笔趟回遍番拳脚刀招成群样")
_LIANG_GOODS = set("的银金酒白黄茶肉米油面盐药参糖")


def _liang(g: dict[str, Any], text: str, end: int) -> Optional[Decimal]:
    """三十两, 两万两, 一两银子: 两 written after a number is the mass unit (50 g); 一两个 and
    三两天 keep 两 as a digit, since a measure word follows there."""
    numeral = "".join((g["n1"] or "").split())
    if g["sep"] or g["inner"] or len(numeral) < 2 or numeral[-1] != "两":
        return None
    head = numeral[:-1]
    if head[-1] not in "一二三四五六七八九十百千万亿半" or head == "两":
        return None
    after = _char(text, end)
    if _is_cjk(after) and after in _LIANG_NOT_BEFORE:
        return None  # 三两下, 一两句: a few strokes, a word or two
    if head in ("一", "三") and _is_cjk(after) and after not in _LIANG_GOODS:
        return None  # 一两 and 三两 are "one or two", "a few" unless goods follow (二两酒)
    try:
        return parse_number(head)
    except ValueError:
        return None


# Smaller units that continue an amount: 三年零六个月, 三斤四两, 两小时三十分.
_COMPOUND_NEXT: dict[str, dict[str, tuple[str, int] | None]] = {
    "year": {"个月": ("month", 12)}, "week": {"天": ("day", 7)},
    "day": {"小时": ("hour", 24), "个小时": ("hour", 24)},
    "hour": {"分钟": ("minute", 60), "分": ("minute", 60)},
    "minute": {"秒钟": ("second", 60), "秒": ("second", 60)},
    "斤": {"两": None}, "公斤": {"克": None}, "千克": {"克": None}, "吨": {"公斤": None},
    "米": {"厘米": None, "公分": None}, "公里": {"米": None}, "两": {"钱": None},
}
_COMPOUND_TAIL = re.compile(
    r"[ \t]*+(?:零|又)?[ \t]*+(?P<n>[0-9]{1,4}(?:\.[0-9]++)?|[一二两三四五六七八九十]{1,3})"
    r"[ \t]*+(?P<u>个小时|小时|个月|分钟|秒钟|公斤|厘米|公分|天|分|秒|两|克|米|钱)"
    r"(?!钟|钱|[米克])")
_HEIGHT_TAIL = re.compile(r"[0-9]{1,2}(?![0-9.])|[一二三四五六七八九零]{1,2}")
_MASS_LENGTH = {"两": Fraction(1, 20000), "钱": Fraction(1, 200000), "克": Fraction(1, 1000000),
                "公斤": Fraction(1, 1000), "厘米": Fraction(1, 100), "公分": Fraction(1, 100),
                "米": Fraction(1)}


def _compound_after(text: str, end: int, unit: Unit,
                    value: Decimal) -> tuple[Decimal, str, int] | None:
    """(value, unit, end) of an amount continued in a smaller unit, or None."""
    nexts = _COMPOUND_NEXT.get(unit.unit if unit.kind == "duration" else unit.surface)
    if not nexts:
        return None
    tail = _COMPOUND_TAIL.match(text, end)
    if tail and tail.group("u") in nexts:
        try:
            small = parse_number(tail.group("n"))
        except ValueError:
            return None
        step = nexts[tail.group("u")]
        if step is None:
            return value + _times(small, _MASS_LENGTH[tail.group("u")]), unit.unit, tail.end()
        smaller, times = step
        if small >= times:
            return None
        return tidy(value * times + small), smaller, tail.end()
    if unit.surface == "米" and value == value.to_integral_value() and value <= 2:
        height = _HEIGHT_TAIL.match(text, end)  # 1米75, 一米八: a height
        if height and not _NOT_A_COIN_AFTER.match(text, height.end()) and \
                not _is_cjk_unit_start(text, height.end()):
            digits = height.group()
            cm = parse_number(digits) if digits.isdigit() else Decimal(
                "".join(str(CN_DIGITS[ch]) for ch in digits))
            return tidy(value + cm / 10 ** len(digits)), unit.unit, height.end()
    return None


def _is_cjk_unit_start(text: str, i: int) -> bool:
    return _char(text, i) in _unit_first_chars()


@cache
def _unit_first_chars() -> frozenset[str]:
    return frozenset(s[0] for s in _units())


# After 3元/ a rate's denominator: a scaled number (10万) and a unit or a period
_PER_HEAD = re.compile(
    r"[ \t]*+/[ \t]*+(?P<per>(?:[0-9]++(?:\.[0-9]++)?[ \t]*+[十百千万亿]++)?[ \t]*+)")
_PER_PERIOD = re.compile(r"(?:月|年|日|h|min|s|d)(?![A-Za-z])")


def _per_after(text: str, end: int, bare: bool) -> Optional[tuple[str, int]]:
    """3元/斤, 120公里/小时, 12.5/10万: the denominator of a rate and where it ends. After a
    bare number only a scaled number is one (12.5/10万), so that 2/24 stays out."""
    after = text[end] if end < len(text) else "\x00"
    if after != "/" and after.strip():
        return None
    found = _PER_HEAD.match(text, end)
    if not found:
        return None
    per_start = found.start("per")  # after the blanks that follow the slash
    per_end = _unit_end(text, found.end())
    if per_end < 0:
        period = _PER_PERIOD.match(text, found.end())
        per_end = period.end() if period else found.end()
    per = text[per_start:per_end]
    if not per.strip():
        return None
    if bare and not regex.match(r"[0-9.]++[ \t]*+[十百千万亿]", per):
        return None
    return per, per_end


@cache
def _per_before_words() -> tuple[frozenset[str], tuple[int, ...]]:
    """Unit words a rate is written with after 每, and their lengths, longest first."""
    words = frozenset(s for s, u in _units().items()
                      if u.kind not in ("duration", "money", "percent", "temperature")
                      and s != "个")
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


# after 每 and the unit at most a short verb (每斤涨了2元), up to the amount or a line's end
_PER_BEFORE_TAIL = regex.compile(r"[^0-9，。；、,;：:\s]{0,3}\n?")


def _per_before(text: str, start: int) -> Optional[str]:
    """The denominator written before the amount with 每 (每斤3元, 每人补助500元) within
    9 characters; 每年 is a period, not a rate. The first 每 that reads so, and after it the
    longest unit word."""
    at = text.find("每", start - 9 if start > 9 else 0, start)
    if at < 0:
        return None
    words, lengths = _per_before_words()
    while at >= 0:
        for length in lengths:
            end = at + 1 + length
            if end <= start and text[at + 1:end] in words and \
                    _PER_BEFORE_TAIL.fullmatch(text, end, start):
                return text[at + 1:end]
        at = text.find("每", at + 1, start)
    return None


_AFTER_WORD_END = set("的了时候")
# 两美元又三美分: a smaller coin written after the amount (CNY coins: _coins_after)
_SUBUNITS = {"USD": {"美分": Decimal("0.01")}, "EUR": {"欧分": Decimal("0.01")},
             "JPY": {"日本銭": Decimal("0.01"), "钱": Decimal("0.01")}}
_SUBUNIT_TAIL = re.compile(
    r"[ \t]*+又?[ \t]*+(?P<n>[0-9]++|[一二两三四五六七八九])[ \t]*+"
    r"(?P<sub>美分|欧分|日本銭|钱)")


def _is_cjk_word_start(text: str, i: int) -> bool:
    ch = _char(text, i)
    return _is_cjk(ch) and ch not in _AFTER_WORD_END


def _times(x: Decimal, factor: Fraction) -> Decimal:
    if factor is _ONE or factor == 1:
        return tidy(x)
    return tidy(x * factor.numerator / factor.denominator)


def _bounds(qualifier: str, value: Decimal | None, low: Decimal | None,
            high: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    if qualifier in ("over", "at_least") and value is not None:
        return value, None
    if qualifier in ("under", "at_most") and value is not None:
        return None, value
    return low, high


def _discount_value(g: dict[str, Any]) -> Optional[tuple[Decimal, None, None]]:
    """七五折 reads digit by digit (75 %), where 七五 alone would be no number; 半折 is 50 %."""
    numeral = "".join((g["n1"] or "").split())
    if numeral in ("半", "对") and (g["unit"] or g["u1"]) == "折":
        return Decimal(5), None, None  # 半折, 对折: half price
    if (g["unit"] or g["u1"]) == "折" and len(numeral) == 2 and all(
            ch in CN_DIGITS for ch in numeral):
        return Decimal(CN_DIGITS[numeral[0]] * 10 + CN_DIGITS[numeral[1]]), None, None
    return None


def _discount_factor(value: Decimal | None) -> Optional[Fraction]:
    """九折 = 90 %, 七五折 / 75折 = 75 %, 9.9折 = 99 %; 十折 is no discount at all."""
    if value is None:
        return None
    if value < 10:
        return Fraction(10)
    if 10 < value < 100 and value == value.to_integral_value():
        return Fraction(1)
    return None


def _degree_unit(m: _Shape, ntext: NormalizedText) -> Optional[Unit]:
    """度 is a degree Celsius with temperature words around, a kWh with electricity words
    (用电100度), else nothing (an angle, a degree of something)."""
    if m.group("scale_name") or m.group("neg") == "零下":
        return _units()["℃"]
    window = ntext.text[max(0, m.start() - 20):m.end() + 10]
    if _TEMPERATURE_CONTEXT.search(window):
        return _units()["℃"]
    if _ELECTRICITY_CONTEXT.search(window):
        return _ELECTRICITY_DEGREE
    return None


def _decade_of_age(m: _Shape, ntext: NormalizedText, value: Decimal | None) -> Optional[Candidate]:
    """七旬 = in one's seventies: 70-79 years."""
    if value is None or not 1 <= value <= 12 or value != value.to_integral_value():
        return None
    low, high = value * 10, value * 10 + 9
    return Candidate(m.start(), m.end(), "figure", "<num>旬", {
        "value": None, "low": tidy(low), "high": tidy(high), "qualifier": "range",
        "kind": "age", "unit": "year", "measure": "旬",
    })


def _is_year_number(numeral: str) -> bool:
    digits = numeral.strip()
    return (digits.isdigit() and len(digits) == 4) or (
        len(digits) >= 2 and all(ch in CN_DIGITS for ch in digits))


def _is_day_of_month(numeral: str) -> bool:
    """24日, 二十四日, 百日: what _keeps_unit drops as a day of the month or a campaign's name
    where 日 is the only word written with the number. (A sign before the number, which
    _known_value reads too, leaves it so: -5日 is dropped all the same.)"""
    known = _known_value(numeral)
    if known is None or known[0] is None:
        return False  # no number, or a vague range (十七八日): a span of days
    value = known[0]
    return value == value.to_integral_value() and value <= 31 or numeral in ("百", "千", "万")


def _is_word_not_amount(m: _Shape) -> bool:
    """Shapes of a number and a unit word only that _build would read through and then drop
    (see _keeps_unit), told apart before it: 一 with a measure word (一家酒店, 一场: the
    article "a"), a year (2026年, 二〇二六年) and a day of the month (24日: dates). No
    currency word before them, part or rule of _build makes a figure of them. (Most are
    passed over before their shape is read, see _word_not_amount_end; this catches those
    written with blanks or a separator.)"""
    if len(m.spans) != 2 or m.g["u1"] is None:
        return False
    return _names_no_amount(m.g["n1"] or "", m.g["u1"])


def _names_no_amount(numeral: str, word: str) -> bool:
    """Whether a number written with this unit word alone is a year, a day of the month or
    the article 一."""
    if word == "年":
        return _is_year_number(numeral)
    if word == "日":
        return _is_day_of_month(numeral)
    if numeral not in ("一", "壹") or word in ("度", "旬"):
        return False
    unit, inside = _unit_of(word)
    return (unit.kind == "count" and (unit.factor is _ONE or unit.factor == 1) and not inside
            and unit.surface not in _COLLOQUIAL_MONEY)


def _keeps_unit(m: _Shape, ntext: NormalizedText, unit: Unit, qualifier: str,
                value: Decimal | None) -> bool:
    text = ntext.text
    g = m.g
    numeral = g["n1"] or ""
    plain = qualifier == "exact" and not g["pre"] and not g["scale2"]
    if unit.surface == "日" and plain and (
            value is None or value == value.to_integral_value() and value <= 31):
        return False  # 5日 is a day of the month; 60日 and 7.5日 are durations
    if unit.surface == "日" and plain and numeral in ("百", "千", "万"):
        return False  # 百日攻坚: a campaign's name
    if unit.surface == "年" and numeral:
        if _is_year_number(numeral) and not g["pre"] and not g["inner"]:
            return False  # 2026年, 二〇二六年: a date
    if unit.kind == "count":
        word = "unit" if g["unit"] else "u1"
        written = g[word]
        if written and m.spans[word][1] < len(text) and text[m.spans[word][1]] == written[-1]:
            return False  # 一个个, 一支支: reduplication, not a count
        if plain and numeral in ("一", "壹") and (unit.factor is _ONE or unit.factor == 1):
            return False  # 一家酒店, 一场宣讲会: the article "a" (一打 is still a dozen)
        if plain and numeral in ("万", "千", "百", "亿"):
            return False  # 万家期许, 千家万户
        if m.span_start and text[m.span_start - 1] in _OPEN_QUOTES:
            return False  # “三个代表”: slogans
    return True


def _bare_number(m: _Shape, g: dict[str, Any], ntext: NormalizedText,
                 value: Decimal | None, low: Decimal | None, high: Decimal | None,
                 qualifier: str, start: int, end: int) -> Optional[Candidate]:
    """A number with no unit: kept only where it stands as a number on its own."""
    if g["sep"] or g["den"] is None and value is None:
        return None  # a range without a unit is as likely a code or a score
    text = ntext.text
    numeral = "".join((g["n1"] or "").split())
    before, after = _char(text, start - 1), _char(text, end)
    if after in _DATE_AFTER or after.isascii() and after.isalpha():
        return None
    if before.isascii() and before.isalpha():
        return None
    if before in "月初" or (before in ":：/-." and _char(text, start - 1 - 1).isdigit()):
        return None  # 正月十六, 8:30, 2026/2/24: parts of dates and clock times
    if after in "/-.:：" and _char(text, end + 1).isdigit():
        return None
    listed = after == "、"
    if listed and (start == 0 or before in _LINE_OPENERS) and not _char(text, end + 1).isdigit() \
            or (after in ".)）" and (before == "\n" or start == 0)):
        return None  # list numbering: 1、坚持发展
    if before in _OPEN_QUOTES and after in _CLOSE_QUOTES and numeral[:1].isdigit():
        return None  # “1221”现代化产业体系: a label
    if g["den"] is None and numeral[:1].isdigit():
        if numeral.isdigit() and (len(numeral) >= 11 or len(numeral) > 1 and numeral[0] == "0"):
            return None  # 13812345678, 0731: phone numbers, IDs, codes
        if (len(numeral) == 4 and numeral.isdigit() and qualifier == "exact"
                and 1000 <= int(numeral) <= 2999):
            return None  # a bare year: 2026，郴州…
    elif g["den"] is None:
        chinese = numeral
        cjk_before, cjk_after = _is_cjk(before), _is_cjk(after)
        if len(chinese) == 1 and (cjk_before or cjk_after):
            return None  # 一致, 五统一: a character in a word
        if cjk_before and cjk_after and qualifier == "exact":
            return None  # 千亿产业集群, 二十届: part of a name
        if all(ch in _SCALE_CHARS for ch in chinese) and qualifier == "exact" and len(chinese) > 1:
            return None  # 万万 is no number
        if _CLOCK_READING.fullmatch(chinese):
            return None  # 四点零五, 三点十五: a clock time, not 4.05
    low, high = _bounds(qualifier, value, low, high)
    # a number listed before another (12、34、56万元) is kept only if the list ends in a unit
    # it takes (see _share_list_units)
    return Candidate(start, end, "figure", _LISTED if listed else "<bare number>", {
        "value": value, "low": low, "high": high, "qualifier": qualifier,
        "kind": "other", "unit": "", "measure": None,
    })


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    """Figure candidates in ``ntext``, in order, with set phrases (一盘棋) left out."""
    text, written = ntext.text, ntext.written
    candidates: list[Candidate] = []
    found = candidates.append
    starts = _head_starts()
    # What is read at a position is remembered by the text around it: a text that repeats
    # itself (tables, lists, generated or pathological input: 1年1年1年…) reads each shape
    # once, so the scan costs about the same per character whatever the density of figures.
    # A remembered reading is (where the scan goes on, the candidate's span and rule, its
    # fields), positions relative to the hit; the fields are shared by every candidate read
    # so, since nothing changes a candidate's fields once extracted (see _regional_yuan).
    # Only readings close to the one before are looked up and remembered: figures far apart
    # (news) seldom stand in the same words, and keeping their windows cost a tenth of the scan.
    # Even close ones (2026年2月24日) seldom repeat in news, so a window is made only where the
    # few characters at the hit were seen at an earlier close hit, or where the last window
    # looked up was found: in news that test alone is made, in repeated text the lookup alone.
    remembered: dict[tuple[str, int], tuple[int, int, int, str, dict[str, Any]] | int] = {}
    seen_at_hits: set[str] = set()
    repeating = False
    position = 0
    previous = -_CONTEXT
    scan_from = 0
    while scan_from >= 0:
        skip_to = -1
        for hit in starts.finditer(text, scan_from):
            at = hit.start()
            if at < position:
                continue  # inside what was read
            known = key = None
            if at - previous < _CONTEXT:
                if not repeating:  # look up only where the characters at the hit were seen
                    at_hit = written[at:at + _SEEN_CHARS]
                    repeating = at_hit in seen_at_hits
                    if not repeating:
                        if len(seen_at_hits) > _MEMO_SIZE:
                            seen_at_hits.clear()
                        seen_at_hits.add(at_hit)
                if repeating:
                    window_start = at - _CONTEXT if at > _CONTEXT else 0
                    key = (written[window_start:at + _REACH], at - window_start)
                    known = remembered.get(key)
                    repeating = known is not None
            previous = at
            if known is None:
                position, candidate = _read_at(ntext, at)
                # Runs of blanks make what is read reach further (a currency word before them,
                # a unit after them): windows with one are not remembered. A single space
                # between numbers (1 2 3, a table's row) reaches one character further, well
                # within the window.
                if key is not None and position - at < _REACH - _CONTEXT \
                        and "  " not in key[0] and "\t" not in key[0]:
                    if len(remembered) > _MEMO_SIZE:
                        remembered.clear()
                    remembered[key] = position - at if candidate is None else (
                        position - at, candidate.start - at, candidate.end - at, candidate.rule,
                        candidate.fields)
                if candidate is not None:
                    found(candidate)
            elif isinstance(known, int):
                position = at + known
            else:
                advance, start, end, rule, fields = known
                position = at + advance
                found(Candidate(at + start, at + end, "figure", rule, fields))
            if position - at > _CONTEXT:  # past a long run read in one step: the scan skips it
                skip_to = position
                break
        scan_from = skip_to
    if not candidates:
        return candidates
    if "、" in text:   # lists are written with 、 (a text dense with figures has none)
        _share_list_units(candidates, text)
    if written != text:
        _regional_yuan(candidates, ntext)
    blocked = _set_phrases_near(candidates, text)
    if "://" in text or "www." in text:
        blocked += [(u.start(), u.end()) for u in _URL.finditer(text)]
    return _outside(candidates, sorted(blocked)) if blocked else candidates


# A Chinese digit is a number of its own when what follows neither goes on with the numeral
# nor starts anything a figure may go on with (see _read_at): where that is a Chinese
# character, it is a character inside a word, and no start (see _head_starts). (零 may start
# 零下, 千 and 兆 units.)
_LONE_DIGITS = frozenset("〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰仟万亿廿卅卌")


# What is read at a position stays within this many characters before it and _REACH after
# it (context windows, currency words before, coins and rates after), unless runs of spaces
# intervene; _build reads within _CONTEXT of a shape.
_CONTEXT = 32
_REACH = 96
# How many readings are remembered at most, and how many characters at a hit tell whether the
# text repeats itself (eight: no two close hits of the seed articles share them).
_MEMO_SIZE = 4096
_SEEN_CHARS = 8


def _read_at(ntext: NormalizedText, at: int) -> tuple[int, Candidate | None]:
    """The figure that starts at ``at`` (a character a figure can start with), if any, and
    where the scan goes on."""
    text = ntext.text
    head_regex, _, _, part_firsts = _head_regex()
    head = head_regex.match(text, at)
    if head is None:
        return at, None
    start, end = head.span()
    if end - start == 1 and (end == len(text) or text[end] not in _continuations()) and (
            _is_cjk(_char(text, start - 1)) or _is_cjk(_char(text, end))) \
            and not _opens_number_list(text, start, end):
        return end, None  # a lone numeral character inside words (统一, 一级): the common case
    if end < len(text):
        after = text[end]
        if after in "年日" or text[start] in "一壹":
            word_end = _word_not_amount_end(text, start, end)
            if word_end >= 0:
                return word_end, None  # a year, a day or 一 with a measure word: no shape read
        elif after in _DATE_MARKS and _is_date_number(text[start:end]):
            return end, None  # 12月, 15号, 10:30: no shape to read either
        # A number and its unit word alone (54家, 200万吨), where the head is the number
        # alone: read straight. (_shape tries a fraction or a percentage only where 分 or 又
        # follows the number, or blanks (_FRACTION_NEXT, _PERCENT_AHEAD), and reads one only
        # where 分之 or 又 does: where a unit word follows it, as 分钟 does, none is read.)
        if text[start] not in part_firsts:
            unit_end = _unit_alone_end(text, end)
            if 0 <= unit_end <= start + MAX_NUMERAL_CHARS:
                return _read_number_and_unit(ntext, head, unit_end)
    m = _shape(head)
    start, end = m.span_start, m.span_end
    # (compared here and below rather than by max(), whose call costs as much as a few lines)
    position = end if end > start else start + 1
    if end - start > MAX_NUMERAL_CHARS and (end - start > MAX_FIGURE_CHARS
                                            or _numeral_too_long(m)):
        # a run of numeral characters too long to be a number (see numerals.py): skip
        # all of it, so that no piece of it is read as a number either
        run = _NUMERAL_RUN.match(text, start)
        return max(position, run.end() if run else end), None
    if end - start == 1 and (start and _is_cjk(text[start - 1])
                             or end < len(text) and _is_cjk(text[end])) \
            and not _opens_number_list(text, start, end):
        return position, None  # the same, found once the shape was read
    if _is_word_not_amount(m):
        return position, None
    try:
        candidate = _build(m, ntext)
    except (_NotAFigure, ValueError, ArithmeticError):
        # the shape matched but its numbers do not parse (十十, 一分之零): not a figure
        return position, None
    if candidate is None:
        return position, None
    return _read_to(ntext, candidate, position)


def _read_number_and_unit(ntext: NormalizedText, head: re.Match[str],
                          unit_end: int) -> tuple[int, Candidate | None]:
    """_read_at for the commonest shape, a number (the whole head) and the unit word written
    after it, up to ``unit_end``, and nothing more (54家, 3.51%, 200万吨: most figures in
    news): what _shape would read and _build make of it, without reading the shape part by
    part. Years, days and 一 with a measure word were passed over before (see
    _word_not_amount_end: it holds wherever _is_word_not_amount would drop this shape)."""
    text = ntext.text
    start, end = head.span()
    try:
        candidate = _number_and_unit(ntext, start, unit_end, text[start:end], text[end:unit_end])
        if isinstance(candidate, _InFull):
            candidate = _build_in_full(_shape(head), ntext)
    except (_NotAFigure, ValueError, ArithmeticError):
        return unit_end, None  # numbers that do not parse (十十家): not a figure
    if candidate is None:
        return unit_end, None
    return _read_to(ntext, candidate, unit_end)


def _read_to(ntext: NormalizedText, candidate: Candidate,
             position: int) -> tuple[int, Candidate]:
    """A figure read, its measure as written and its edges trimmed, and where the scan goes
    on: past the shape read (``position``) and past the figure."""
    text = ntext.text
    start, end = candidate.start, candidate.end
    measure = candidate.fields["measure"]
    if measure and ntext.written is not text and ntext.written[start:end] != text[start:end]:
        candidate.fields["measure"] = _as_written(ntext, start, end, measure)
    if text[start] in " \t" or text[end - 1] in " \t":
        candidate = _trim(candidate, text)  # blanks the pattern allowed at the edges
    # coins, compounds and rates read past the shape (三块五一斤): go on after them
    end = candidate.end
    return (end if end > position else position), candidate


# What follows the number of a month, a day or a clock time (12月, 15号, 10时, 10:30): a mark
# that nothing a figure goes on with starts (see _continuations), among those after which a
# number is no amount (_DATE_AFTER).
_DATE_MARKS = "月号时:："


def _is_date_number(head: str) -> bool:
    """Whether a head that one of _DATE_MARKS follows reads to no figure: nothing after the
    number goes on with it, and _build drops a number before a date mark once it has read its
    value, with a sign before it too (-12月; a qualifier or currency sign before it reads to no
    value here, and the shape is read). Not so where the number reads to no value (五十千:
    _build then reads it without its last character) or 两 ends it (二十两: a mass)."""
    return not head.endswith("两") and _known_value(head) is not None


def _word_not_amount_end(text: str, start: int, number_end: int) -> int:
    """Where a year (2026年), a day of the month (24日) or 一 with a measure word (一家, 一场)
    whose head was found from ``start`` to ``number_end`` ends, when _shape would read the
    number and that word and nothing more; else -1. Asked where 年 or 日 follows the head or
    the head starts with 一 (_read_at tells those apart). These are a third of the shapes
    news makes, and _is_word_not_amount drops them once read: told apart here by the
    characters around the word, without reading the shape. -1 wherever _shape may read more
    than the word: blanks before it, blanks or a separator after it (a range), 半, 多 or 以上
    after it. (No measure word starts with 分 or 又, where _shape tries a fraction, and a run
    of numeral characters too long to be a number ends before the word as well.)"""
    # The number ends the head; a currency sign, qualifier or sign before it (约, $, 负) makes
    # the head's text no year and no 一, and no day but for a sign (see _is_day_of_month).
    # Neither starts 百分之, which _shape tries first.
    word_end = _unit_alone_end(text, number_end)
    if word_end < 0 or not _names_no_amount(text[start:number_end], text[number_end:word_end]):
        return -1
    return word_end


def _unit_alone_end(text: str, number_end: int) -> int:
    """Where the unit word written right after a number ends, when _shape would read that
    word and nothing after it; else -1 (no unit word there, or blanks, a separator, 半, 多 or
    以上 after it, which _shape may read on with)."""
    word_end = _unit_end(text, number_end)
    if 0 <= word_end < len(text):
        after = text[word_end]
        if after in " \t" or after in _SEP_FIRST:
            return -1
        end_words, end_first = _end_regex()
        found = end_words.match(text, word_end) if after in end_first else None
        if found and found.end() > word_end:
            return -1
    return word_end


_BARE_YUAN = "<元>"
_REGIONAL_DOLLARS = ("TWD", "HKD", "MOP")


@cache
def _regional_currency_regex() -> regex.Pattern:
    words = [w for w, (iso, form) in _currencies().items()
             if iso in _REGIONAL_DOLLARS and form in ("name", "symbol")]
    return regex.compile(_alternation(words))


# What a number opens a line or sentence after, where "1、" numbers a list item.
_LINE_OPENERS = frozenset("\n。！？；：!?;:（(　 \t")
_LISTED = "<listed number>"
# Between the items of a list of figures (12、34和56万元).
_LIST_JOINS = frozenset("、和及与或")
_NO_LIST_BEFORE = _LIST_JOINS | {"第"}
_ARABIC_NUMBER = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
# a list of year-less dates (2、3月, 5、6日) is the dates extractor's, not a list of lengths
_DATE_UNITS = frozenset(("年", "月", "日", "号"))


def _opens_number_list(text: str, start: int, end: int) -> bool:
    """A digit listed before another number (增长5、6、7个百分点) is a number, not a character
    inside words."""
    return text[start].isdigit() and _char(text, end) == "、" and _char(text, end + 1).isdigit()


def _share_list_units(candidates: list[Candidate], text: str) -> None:
    """Numbers listed before a figure with a unit take its unit (分别为12、34、56万元: three
    amounts of 万元; 分别增长5、6、7个百分点), in place; numbers listed before no such figure
    (2、3月份, 第1、2、3名) are dropped, as list numbers are. Lists of Arabic numbers with a
    、 in them (12、34和56人), joined by 、/和/及/与/或, only."""
    run_start = 0
    for index, candidate in enumerate(candidates):
        if index > run_start and text[candidates[index - 1].end:candidate.start] \
                not in _LIST_JOINS:
            run_start = index
        if candidate.rule in (_LISTED, "<bare number>"):
            continue
        if index > run_start:
            _give_unit(candidates, run_start, index, text)
        run_start = index + 1
    if any(candidate.rule == _LISTED for candidate in candidates):
        candidates[:] = [c for c in candidates if c.rule != _LISTED]


def _give_unit(candidates: list[Candidate], first: int, last: int, text: str) -> None:
    ending = candidates[last]
    number = _ARABIC_NUMBER.match(text, ending.start)
    if number is None or _char(text, candidates[first].start - 1) in _NO_LIST_BEFORE:
        return   # 第1、2、3名: ranks; 第1、2: a list whose first item is no figure
    unit_written = text[number.end():ending.end]
    if not unit_written or unit_written in _DATE_UNITS:
        return
    for index in range(first, last):
        bare = candidates[index]
        numeral = text[bare.start:bare.end]
        if not _ARABIC_NUMBER.fullmatch(numeral):
            continue
        # read as if the unit were written after it, by the same rules as the last item
        _, read = _read_at(normalize(numeral + unit_written), 0)
        if read is not None and read.end == len(numeral) + len(unit_written) \
                and read.fields["kind"] == ending.fields["kind"]:
            candidates[index] = Candidate(bare.start, bare.end, "figure", "<listed with unit>",
                                          read.fields)
        elif bare.rule == _LISTED:
            return   # the list is not one of figures alike: leave it as it is


def _regional_yuan(candidates: list[Candidate], ntext: NormalizedText) -> None:
    """In Taiwan, Hong Kong and Macao text (written in traditional characters) a bare 元 is
    the local dollar: 約1200億元 after 新台幣4500億元 is TWD. It takes the currency of the
    last regional dollar named before it; mainland text (simplified) keeps CNY."""
    mentions: list[tuple[int, str]] | None = None
    for i, candidate in enumerate(candidates):
        if not candidate.rule.endswith(_BARE_YUAN):
            continue
        window = max(0, candidate.start - 40)
        if ntext.written[window:candidate.end] == ntext.text[window:candidate.end]:
            continue  # written in simplified characters around it
        if mentions is None:
            mentions = [(found.start(), _currencies()[found.group()][0])
                        for found in _regional_currency_regex().finditer(ntext.text)]
        k = bisect.bisect_left(mentions, (candidate.start, "")) - 1
        if k >= 0:  # a new candidate: fields may be shared by candidates read alike
            candidates[i] = Candidate(candidate.start, candidate.end, candidate.fact,
                                      candidate.rule, {**candidate.fields, "unit": mentions[k][1]})


def _numeral_too_long(m: _Shape) -> bool:
    for name in ("n1", "n2", "den", "numer", "whole", "pctnum"):
        written = m.group(name)
        if written and len(written) > MAX_NUMERAL_CHARS:
            return True
    return False


def _outside(candidates: list[Candidate], blocked: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates (in order) that overlap none of the blocked spans (sorted): one sweep."""
    kept = []
    i = 0
    for k, c in enumerate(candidates):
        while i < len(blocked) and blocked[i][1] <= c.start:
            i += 1
        if i == len(blocked):  # past every blocked span: the rest are all kept
            kept += candidates[k:]
            break
        j = i
        clash = False
        while j < len(blocked) and blocked[j][0] < c.end:
            if blocked[j][1] > c.start:
                clash = True
                break
            j += 1
        if not clash:
            kept.append(c)
    return kept


def _trim(candidate: Candidate, text: str) -> Candidate:
    """Spaces the pattern allowed at the edges are not part of the mention (asked where a
    blank stands at an edge of a figure, which is never empty)."""
    start, end = candidate.start, candidate.end
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if (start, end) == (candidate.start, candidate.end):
        return candidate
    return Candidate(start, end, candidate.fact, candidate.rule, candidate.fields)
