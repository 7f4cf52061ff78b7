"""Figures: numeric quantities with their units (money, counts, rates, physical amounts).

One regular expression finds every "qualifier? number (range)? qualifier? unit? qualifier?"
shape; ``_build`` then decides, with the rules named in it, whether the shape measures
something and what its value is. Lexicons live in ``data/``: ``units.tsv`` (unit words with
kind, canonical unit and factor), ``measure_words.txt`` (量词 for counts),
``qualifiers.tsv`` and ``set_phrases.txt``.

All patterns use possessive quantifiers or bounded alternations, so matching is linear in the
length of the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Optional

import regex

from .candidates import Candidate, Context
from .lexicon import read_lines, read_table
from .normalize import NormalizedText
from .numerals import CN_DIGITS, parse_number, tidy

__all__ = ["extract"]


@dataclass(frozen=True)
class Unit:
    surface: str
    kind: str
    unit: str        # canonical unit; for counts the measure word itself
    factor: Fraction


@cache
def _units() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in read_table("units.tsv"):
        units[row["surface"]] = Unit(row["surface"], row["kind"], row["unit"],
                                     Fraction(row["factor"]))
    for word in read_lines("measure_words.txt"):
        units.setdefault(word, Unit(word, "count", word, Fraction(1)))
    return units


@cache
def _qualifiers() -> dict[tuple[str, str], str]:
    return {(row["position"], row["surface"]): row["qualifier"]
            for row in read_table("qualifiers.tsv")}


def _alternation(words) -> str:
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
}


def _unit_pattern() -> str:
    parts = []
    for surface in sorted(_units(), key=len, reverse=True):
        if "百分点" in surface:
            # 六 个 百 分点: the words of the unit may be spaced out
            body = "[ \\t]*+".join(regex.escape(ch) for ch in surface)
        elif surface.startswith("个") and len(surface) > 1:
            # 三个多月, 一个半小时: the qualifier sits inside the unit word.
            body = "个(?:多|余|半)?" + regex.escape(surface[1:])
        else:
            body = regex.escape(surface)
        if _units()[surface].kind == "money" and len(surface) > 1 and not surface.isascii():
            body = "(?:个)?" + body  # 20个比特币
        guard = _UNIT_GUARDS.get(surface)
        if guard:
            body += f"(?![{guard}])"
        if surface.isascii() and any(ch.isalpha() for ch in surface):
            body = f"(?i:{body})(?![A-Za-z])"
        parts.append(body)
    # 度 is a temperature only with temperature words around (see _build); 旬 is an age decade.
    parts += ["度(?![电假量过日数])", "旬"]
    return "|".join(parts)


_CN_CHARS = "〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰仟万亿廿卅卌"
_CN_CHAR = f"(?:[{_CN_CHARS}]|千(?![瓦米克卡])|兆(?![瓦字赫帕焦]))"
_SCALE = "(?:[十百万亿]|千(?![瓦米克卡])|兆(?![瓦字赫帕焦]))"
_DEC_DIGIT = "[〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖]"
_CN_DEC = f"[ \\t]*+点[ \\t]*+{_DEC_DIGIT}(?:[ \\t]*+{_DEC_DIGIT})*+"
_ARABIC = ("(?:(?<![0-9A-Za-z.])(?:[0-9]{1,3}(?:,[0-9]{3})++(?![0-9])|[0-9]++)(?:\\.[0-9]++)?"
           "|(?<![0-9A-Za-z.])\\.[0-9]++)(?:[eE][+-]?[0-9]++(?![A-Za-z]))?")
# 5万4千6百, 3万4000, 1.3万, 3500亿
# k as thousand only where no word goes on after it (40k, 15k个百分点; not 4K电视)
_K = "[kK](?=[ \\t]*+个|[^A-Za-z0-9\\p{Han}]|$)"
_ARABIC_SCALED = f"{_ARABIC}(?:\\^[+-]{{0,2}}[0-9.]++|(?:[ \\t]*+(?:{_SCALE}|{_K})(?:[ \\t]*+零?[0-9]++)?)*+)"
# 3/5, but not the 2/24 of 2026/2/24
_ARABIC_FRACTION = "(?<![0-9/.])(?:[0-9]++[ \\t]++)?[0-9]++/[0-9]++(?![0-9/.])"
_CHINESE = f"{_CN_CHAR}(?:[ \\t]*+{_CN_CHAR})*+(?:{_CN_DEC}(?:[ \\t]*+[万亿])*+)?"
_HALF = "(?<![上下前后大多一])(?:半百|半(?=个|小时|天|年|钟头|分钟|成|折))|(?<=打)对(?=折)"
_NUM = f"(?:{_ARABIC_FRACTION}|{_ARABIC_SCALED}|{_CHINESE}|{_HALF})"
_SEP = "(?:——|—|–|-|~|～|至|到)"
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


@cache
def _figure_regex() -> regex.Pattern:
    unit = _unit_pattern()
    inner = _alternation(s for (p, s) in _qualifiers() if p == "inner")
    # Fail fast at the many positions where no figure can start.
    first_chars = regex.escape("".join(sorted(
        set(_CN_CHARS + "0123456789.$¥￥€£-千兆负零华摄半对")
        | {surface[0] for (position, surface) in _qualifiers() if position == "before"})))
    pattern = f"""
        (?=[{first_chars}]|US\\$|HK\\$)
        (?P<cur>US\\$|HK\\$|[$¥￥€£])?
        (?P<pre>{_before_pattern()})?
        (?P<neg>负|零下|(?<![0-9A-Za-z])-(?=[0-9.]))?
        (?P<scale_name>华氏温度|华氏|摄氏温度|摄氏)?
        (?:
            (?P<pctpre>(?<![{_CN_CHARS}0-9])[百佰千仟万亿]{{1,4}}[ \\t]*+分[ \\t]*+之)[ \\t]*+(?P<pctnum>{_NUM})
          | (?:(?P<whole>{_NUM})[ \\t]*+又[ \\t]*+)?(?P<den>{_NUM})[ \\t]*+分[ \\t]*+之[ \\t]*+(?P<nneg>负)?(?P<numer>{_NUM})
          | (?P<n1>{_NUM})(?:[ \\t]*+(?P<u1>{unit})?[ \\t]*+(?P<sep>{_SEP})[ \\t]*+(?P<pre2>{_before_pattern()})?(?P<n2>{_NUM}))?
        )
        (?:[ \\t]*+(?P<inner>{inner})(?P<scale2>(?:[ \\t]*+{_SCALE}){{0,3}}))?
        (?:[ \\t]*+(?P<unit>{unit}))?
        (?P<half>{_HALF_AFTER_UNIT})?
        (?P<post>{_after_pattern()})?
    """
    return regex.compile(pattern, regex.VERBOSE)


@cache
def _set_phrase_regex() -> regex.Pattern:
    return regex.compile(_alternation(read_lines("set_phrases.txt")))


_TEMPERATURE_CONTEXT = regex.compile(r"温|℃|摄氏|华氏|零下|发烧|烧到|高烧|体温|冷|热")
_CJK = regex.compile(r"\p{Han}")
_DATE_AFTER = set("年月日号时点分秒:：")
_OPEN_QUOTES = set("“‘「『《\"'")
_CLOSE_QUOTES = set("”’」』》\"'")
_SCALE_CHARS = set("十百千万亿兆拾佰仟")
_CAPITAL_DIGITS = set("壹贰叁肆伍陆柒捌玖拾佰仟")
_URL = regex.compile(r"(?:https?://|www\.)[!-~]++")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def _char(text: str, i: int) -> str:
    """The character at ``i``, or NUL outside the text (so that ``in`` tests stay false)."""
    return text[i] if 0 <= i < len(text) else "\x00"


class _NotAFigure(Exception):
    pass


def _value_of(numeral: str) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, low, high) of a numeral; vague ranges (三四十, 十七八) give only low and high."""
    mixed = _MIXED_FRACTION.match(numeral)
    if mixed:  # 1 3/5
        whole, fraction = mixed.groups()
        return parse_number(whole) + parse_number(fraction), None, None
    try:
        return parse_number(numeral), None, None
    except ValueError:
        pass
    vague = _vague_range(numeral)
    if vague is None:
        raise _NotAFigure(numeral)
    return None, vague[0], vague[1]


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


def _unit_of(surface: str) -> tuple[Unit, str]:
    """Lexicon entry for a matched unit, and the qualifier written inside it (个多月 -> 多)."""
    inside = ""
    if len(surface) > 2 and surface[0] == "个" and surface[1] in "多余半":
        inside, surface = surface[1], "个" + surface[2:]
    elif surface[0] == "个" and surface[1:] in _units() and _units()[surface[1:]].kind == "money":
        surface = surface[1:]
    surface = "".join(surface.split())
    unit = _units().get(surface) or _ascii_units()[surface.lower()]
    return unit, inside


def _build(m: regex.Match, ntext: NormalizedText) -> Optional[Candidate]:
    try:
        return _build_or_raise(m, ntext)
    except (_NotAFigure, ValueError, ArithmeticError):
        # the shape matched but its numbers do not parse (十十, 一分之零): not a figure
        return None


def _build_or_raise(m: regex.Match, ntext: NormalizedText) -> Optional[Candidate]:
    text = ntext.text
    start, end = m.span()
    g = m.groupdict()
    before = _char(text, start - 1)

    if before == "第" or (g["n1"] and _char(text, m.start("n1") - 1) == "第"):
        return None  # ordinal: 第二季度, 第一书记
    if g["n1"] and len(g["n1"]) == 1 and g["n1"] in _CAPITAL_DIGITS and _is_cjk(before):
        return None  # 登陆部队, 拾起: capital numerals are words unless they stand apart

    qualifiers = _qualifiers()
    qualifier = "exact"
    value: Decimal | None
    low = high = None
    rule = ""
    unit_entry: Unit | None = None
    measure: str | None = None

    if g["pctpre"]:
        value, low, high = _value_of(g["pctnum"])
        base = parse_number("一" + "".join(g["pctpre"].split())[:-2])
        permille = base == 1000
        unit_entry = _units()["‰" if permille else "%"]
        per = Decimal(1000 if permille else 100) / base
        value, low, high = (None if x is None else x * per for x in (value, low, high))
        measure, rule = "".join(g["pctpre"].split()), "百分之<num>"
    elif g["den"]:
        den, numer = _value_of(g["den"])[0], _value_of(g["numer"])[0]
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
        value, low, high = _discount_value(g) or _value_of(g["n1"])
        rule = "<num>"
        if value is None:
            qualifier = "range"  # 三四十, 十七八
        if g["sep"]:
            if g["u1"] and g["unit"] and g["u1"] != g["unit"]:
                return None
            second = _value_of(g["n2"])[0]
            if value is None or second is None or not value < second:
                return None
            low, high, value = value, second, None
            qualifier, rule = "range", "<num><sep><num>"

    unit_surface = g["unit"] or g["u1"]
    inside = ""
    if unit_surface:
        if unit_surface == "度":
            unit_entry = _temperature_unit(m, ntext)
            if unit_entry is None:
                return None
        elif unit_surface == "旬":
            return _decade_of_age(m, ntext, value)
        else:
            unit_entry, inside = _unit_of(unit_surface)
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

    for position, word in (("inner", g["inner"]), ("inner", inside)):
        if word and qualifier == "exact":
            qualifier = qualifiers[(position, word)] if word != "半" else "exact"
    if inside == "半" or g["half"]:
        if value is None:
            return None
        value += Decimal("0.5")
    if g["pre"]:
        qualifier = qualifiers[("before", g["pre"])] if qualifier == "exact" else qualifier
    if g["post"]:
        qualifier = qualifiers[("after", g["post"])] if qualifier == "exact" else qualifier

    if g["neg"] == "-" and qualifier == "range":
        low = -low  # -5-10℃: the sign belongs to the first number only
    elif g["neg"]:
        # a word sign covers the range, flipping its ends: 零下5至10度 is -10..-5
        value, low, high = (None if x is None else -x for x in (value, high, low))
        if g["neg"] == "零下":
            unit_entry = _units()["℃"]

    if unit_entry is None:
        return _bare_number(m, g, ntext, value, low, high, qualifier)

    if unit_entry.kind == "money" and g["cur"]:
        return None  # ￥300元: a sign and a word at once is not something news writes
    if not _keeps_unit(m, ntext, unit_entry, qualifier):
        return None
    kind = unit_entry.kind
    if kind == "money" and value is not None:
        tail = _SUBUNIT_TAIL.match(text, end)
        if tail and tail.group("sub") in _SUBUNITS.get(unit_entry.unit, {}):
            coin = _SUBUNITS[unit_entry.unit][tail.group("sub")]
            value += parse_number(tail.group("n")) * coin
            end = tail.end()
    if kind == "duration" and _char(text, end) == "大" and not _is_cjk_word_start(text, end + 1):
        kind, end, rule = "age", end + 1, rule + "大"  # 十个月大, 三周大: an age

    factor = unit_entry.factor
    if unit_entry.surface == "折":
        factor = _discount_factor(value)
        if factor is None:
            return None
    if value is None and low is None:
        return None
    value, low, high = (None if x is None else _times(x, factor) for x in (value, low, high))
    low, high = _bounds(qualifier, value, low, high)
    return Candidate(start, end, "figure", rule, {
        "value": value, "low": low, "high": high, "qualifier": qualifier,
        "kind": kind, "unit": unit_entry.unit, "measure": measure,
    })


_AFTER_WORD_END = set("的了时候")
# 五元三毛, 两美元又三美分: a smaller coin written after the amount
_SUBUNITS = {"CNY": {"角": Decimal("0.1"), "毛": Decimal("0.1"), "分": Decimal("0.01")},
             "USD": {"美分": Decimal("0.01")}, "EUR": {"欧分": Decimal("0.01")},
             "JPY": {"日本銭": Decimal("0.01"), "钱": Decimal("0.01")}}
_SUBUNIT_TAIL = regex.compile(
    r"[ \t]*+又?[ \t]*+(?P<n>[0-9]++|[一二两三四五六七八九])[ \t]*+"
    r"(?P<sub>角|毛(?!钱)|分(?![钟之别析享配类级])|美分|欧分|日本銭|钱)")


def _is_cjk_word_start(text: str, i: int) -> bool:
    ch = _char(text, i)
    return _is_cjk(ch) and ch not in _AFTER_WORD_END


def _times(x: Decimal, factor: Fraction) -> Decimal:
    if factor == 1:
        return tidy(x)
    return tidy(x * factor.numerator / factor.denominator)


def _bounds(qualifier, value, low, high):
    if qualifier in ("over", "at_least") and value is not None:
        return value, None
    if qualifier in ("under", "at_most") and value is not None:
        return None, value
    return low, high


def _discount_value(g: dict) -> Optional[tuple[Decimal, None, None]]:
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


def _temperature_unit(m: regex.Match, ntext: NormalizedText) -> Optional[Unit]:
    if m.group("scale_name") or m.group("neg") == "零下":
        return _units()["℃"]
    window = ntext.text[max(0, m.start() - 20):m.end() + 10]
    if _TEMPERATURE_CONTEXT.search(window):
        return _units()["℃"]
    return None


def _decade_of_age(m: regex.Match, ntext: NormalizedText, value) -> Optional[Candidate]:
    """七旬 = in one's seventies: 70-79 years."""
    if value is None or not 1 <= value <= 12 or value != value.to_integral_value():
        return None
    low, high = value * 10, value * 10 + 9
    return Candidate(m.start(), m.end(), "figure", "<num>旬", {
        "value": None, "low": tidy(low), "high": tidy(high), "qualifier": "range",
        "kind": "age", "unit": "year", "measure": "旬",
    })


def _keeps_unit(m: regex.Match, ntext: NormalizedText, unit: Unit, qualifier) -> bool:
    text = ntext.text
    numeral = m.group("n1") or ""
    plain = qualifier == "exact" and not m.group("pre") and not m.group("scale2")
    if unit.surface == "年" and numeral:
        digits = numeral.strip()
        is_year_number = (
            (digits.isdigit() and len(digits) == 4)
            or (len(digits) >= 2 and all(ch in CN_DIGITS for ch in digits))
        )
        if is_year_number and not m.group("pre") and not m.group("inner"):
            return False  # 2026年, 二〇二六年: a date
    if unit.kind == "count":
        after_unit = _char(text, m.end("unit")) if m.group("unit") else ""
        if after_unit and after_unit == m.group("unit")[-1]:
            return False  # 一个个, 一支支: reduplication, not a count
        if plain and numeral in ("一", "壹") and unit.factor == 1:
            return False  # 一家酒店, 一场宣讲会: the article "a" (一打 is still a dozen)
        if plain and numeral in ("万", "千", "百", "亿"):
            return False  # 万家期许, 千家万户
        if _char(text, m.start() - 1) in _OPEN_QUOTES:
            return False  # “三个代表”: slogans
    return True


def _bare_number(m: regex.Match, g: dict, ntext: NormalizedText, value, low, high,
                 qualifier) -> Optional[Candidate]:
    """A number with no unit: kept only where it stands as a number on its own."""
    if g["sep"] or g["den"] is None and value is None:
        return None  # a range without a unit is as likely a code or a score
    text = ntext.text
    start, end = m.span()
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
    if after == "、" or (after in ".)）" and (before == "\n" or start == 0)):
        return None  # list numbering
    if before in _OPEN_QUOTES and after in _CLOSE_QUOTES and numeral[:1].isdigit():
        return None  # “1221”现代化产业体系: a label
    if g["den"] is None and numeral[:1].isdigit():
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
    low, high = _bounds(qualifier, value, low, high)
    return Candidate(start, end, "figure", "<bare number>", {
        "value": value, "low": low, "high": high, "qualifier": qualifier,
        "kind": "other", "unit": "", "measure": None,
    })


def extract(ntext: NormalizedText, context: Context | None = None) -> list[Candidate]:
    """Figure candidates in ``ntext``, in order, with set phrases (一盘棋) left out."""
    text = ntext.text
    candidates = []
    for m in _figure_regex().finditer(text):
        start, end = m.span()
        if end - start == 1 and (_is_cjk(_char(text, start - 1)) or _is_cjk(_char(text, end))):
            continue  # a lone numeral character inside words (统一, 一级): the common case
        if start == end:
            continue
        candidate = _build(m, ntext)
        if candidate is not None:
            candidates.append(_trim(candidate, text))
    if not candidates:
        return candidates
    blocked = [(s.start(), s.end()) for s in _set_phrase_regex().finditer(text)]
    if "://" in text or "www." in text:
        blocked += [(u.start(), u.end()) for u in _URL.finditer(text)]
    return _outside(candidates, sorted(blocked)) if blocked else candidates


def _outside(candidates: list[Candidate], blocked: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates (in order) that overlap none of the blocked spans (sorted): one sweep."""
    kept = []
    i = 0
    for c in candidates:
        while i < len(blocked) and blocked[i][1] <= c.start:
            i += 1
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
    """Spaces the pattern allowed at the edges are not part of the mention."""
    start, end = candidate.start, candidate.end
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if (start, end) == (candidate.start, candidate.end):
        return candidate
    return Candidate(start, end, candidate.fact, candidate.rule, candidate.fields)
