"""Chinese and Arabic numerals to exact ``Decimal`` values.

The grammar is written out here rather than delegated to cn2an: cn2an returns floats for
decimals, rejects 兆 / 千三 / 四万万 / 卅 / 几, and accepts junk such as 两两 (as 22).
``tests/test_numerals.py`` runs both side by side on the same table and lists where they
disagree.

Input is expected in the pipeline's folded form (traditional numeral characters and
full-width digits already mapped, see ``normalize.py``); ``parse_number`` folds on its own so
that it can be called on raw strings too.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Any

from .normalize import fold

__all__ = ["parse_number", "tidy", "CN_DIGITS", "SMALL_UNITS", "BIG_UNITS", "MAX_NUMERAL_CHARS"]

# The longest numeral read, white space left out. The longest a number is written in news is
# about 30 characters (九千九百九十九万九千九百九十九亿… is 31); a longer run of numeral
# characters is a code, a list or noise, not a number, and reading it would cost time
# quadratic in its length (a 10^6-digit integer).
MAX_NUMERAL_CHARS = 40

CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# 兆 is 10^12 in numerals (四十九兆九千五百九十二亿); in unit words (兆瓦) it is mega and
# is consumed by the unit lexicon before it reaches here.
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
# 廿 卅 卌 are tens written as one character.
TENS_CHARS = {"廿": 20, "卅": 30, "卌": 40}

_ZERO_CHARS = "〇零"
_ARABIC_CHARS = set("0123456789")


def _digit_value(text: str) -> int:
    return CN_DIGITS[text]


def _expand_tens(text: str) -> Iterator[str]:
    for ch in text:
        if ch in TENS_CHARS:
            yield "二十" if ch == "廿" else ("三十" if ch == "卅" else "四十")
        else:
            yield ch


def _positional(digits: str, original: str) -> int:
    if len(digits) == 1:
        return _digit_value(digits)
    # 二〇二六 reads digit by digit; 三四 / 五六 without a zero is a vague "three or four".
    if len(digits) == 2 and not any(ch in _ZERO_CHARS for ch in digits):
        raise ValueError(f"{original!r} is a vague range (two adjacent digits), not a number")
    if digits[0] in _ZERO_CHARS and len(digits) > 1 and not all(ch in _ZERO_CHARS for ch in digits):
        # 零五 is how a decimal part or a code reads, not a quantity.
        raise ValueError(f"{original!r} has a leading zero")
    value = 0
    for ch in digits:
        value = value * 10 + _digit_value(ch)
    return value


_ARABIC_RUN = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")


def _tokens(text: str, original: str) -> Iterator[tuple[Any, ...]]:
    """(kind, value) tokens: ("num", Decimal, is_arabic), ("zero",), ("small", n), ("big", n)."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _ARABIC_CHARS or ch == ".":
            m = _ARABIC_RUN.match(text, i)
            if not m:
                raise ValueError(f"{original!r}: stray {ch!r}")
            yield ("num", _arabic(m.group(), original), True)
            i = m.end()
            continue
        if ch in CN_DIGITS:
            yield ("zero",) if CN_DIGITS[ch] == 0 else ("num", Decimal(CN_DIGITS[ch]), False)
        elif ch in SMALL_UNITS:
            yield ("small", SMALL_UNITS[ch])
        elif ch in BIG_UNITS:
            yield ("big", BIG_UNITS[ch])
        elif ch in "kK" and i > 0 and text[i - 1] in _ARABIC_CHARS:
            yield ("small", 1000)
        else:
            raise ValueError(f"{original!r}: {ch!r} is not a numeral character")
        i += 1


def _arabic(run: str, original: str) -> Decimal:
    if "," in run:
        head, *groups = run.split(",")
        if not head or len(head) > 3:
            raise ValueError(f"{original!r}: bad thousands separators")
        run = run.replace(",", "")
    return Decimal(run)


def _scaled(text: str, original: str) -> Decimal:
    """Numerals with units: 三千五百亿, 一千二, 5万4千6百, 1.3万, 一万五千亿, 四万万."""
    # parts: (order of the big unit, value already multiplied) for committed sections
    parts: list[tuple[int, Decimal]] = []
    section = Decimal(0)       # value below the current big unit
    number: Decimal | None = None
    number_is_digit = False    # a single Chinese digit, which may be elided (一千二)
    last_small = 10**5         # small units fall within a section: 千 > 百 > 十
    last_order = 0             # order of the last unit, for elided digits
    after_zero = False
    prev_big = False
    for token in _tokens(text, original):
        kind = token[0]
        if kind == "zero":
            if number is not None:
                raise ValueError(f"{original!r}: misplaced zero")
            after_zero, prev_big = True, False
        elif kind == "num":
            if number is not None:
                raise ValueError(f"{original!r}: two numbers without a unit between them")
            number, number_is_digit = token[1], not token[2]
            prev_big = False
        elif kind == "small":
            unit = token[1]
            if unit >= last_small:
                raise ValueError(f"{original!r}: units out of order")
            if number is None:
                # 十五, 百三, 千三, 一百零十万: an implicit one, but not right after another
                # unit of the same section, except 十 (一百十二 = 112, as older texts write it).
                if section and not after_zero and unit != 10:
                    raise ValueError(f"{original!r}: a unit needs a digit")
                number = Decimal(1)
            section += number * unit
            number, last_small, last_order = None, unit, unit
            after_zero = prev_big = False
        else:
            unit = token[1]
            if number is not None and number_is_digit and not after_zero and last_small in (
                    100, 1000):
                number *= last_small // 10  # 百五万 = 150万, 一千二万 = 1200万: elided zeros
            chunk = section + (number or 0)
            if chunk == 0:
                if not prev_big or not parts:
                    raise ValueError(f"{original!r}: a big unit needs a number before it")
                # 万万, 万亿: the unit multiplies what the previous big unit closed.
                order, amount = parts.pop()
                order, amount = order * unit, amount * unit
            else:
                # 一万五千亿: lower sections already closed join this one.
                order, amount = unit, chunk
                while parts and parts[-1][0] < unit:
                    amount += parts.pop()[1]
                amount *= unit
            if parts and parts[-1][0] <= order:
                raise ValueError(f"{original!r}: units out of order")
            parts.append((order, amount))
            section, number, last_small, last_order = Decimal(0), None, 10**5, order
            after_zero, prev_big = False, True
    total = sum((amount for _, amount in parts), Decimal(0)) + section
    if number is not None:
        if after_zero or last_order == 0 or not number_is_digit:
            total += number
        else:
            total += number * (last_order // 10)  # 一千二 = 1200, 一万三 = 13000
    elif not parts and section == 0:
        raise ValueError(f"{original!r} has no value")
    return total


_FRACTION_DIGITS = dict(CN_DIGITS)


def _parse_unsigned(text: str) -> Decimal:
    if not text:
        raise ValueError("empty numeral")
    if "分之" in text:
        denominator, _, numerator = text.partition("分之")
        den = _parse_unsigned(denominator)
        if den == 0:
            raise ValueError(f"{text!r}: zero denominator")
        return _parse_unsigned(numerator) / den
    if "^" in text:
        base, _, exponent = text.partition("^")
        sign = -1 if exponent.count("-") % 2 else 1
        power = _parse_unsigned(exponent.lstrip("+-"))
        if power != power.to_integral_value() or abs(power) > 100:
            raise ValueError(f"{text!r}: unsupported power")
        return _parse_unsigned(base) ** (sign * int(power))
    if all(ch in _ARABIC_CHARS or ch in ".,eE+-" for ch in text) and text[0] not in "eE+-":
        return _arabic_plain(text)
    integer_part, sep, fraction_part = text.partition("点")
    if sep:
        if not integer_part:
            raise ValueError(f"{text!r}: no integer part")
        if not fraction_part or any(ch not in _FRACTION_DIGITS for ch in fraction_part):
            raise ValueError(f"{text!r}: bad decimal part")
        # 四百亿点零五: the decimal point follows the whole integer, big units included.
        expanded = "".join(_expand_tens(integer_part))
        whole = (Decimal(0) if all(ch in _ZERO_CHARS for ch in expanded)
                 else _scaled(expanded, text))
        frac = Decimal("0." + "".join(str(_FRACTION_DIGITS[ch]) for ch in fraction_part))
        return whole + frac
    expanded = "".join(_expand_tens(text))
    if all(ch in CN_DIGITS for ch in expanded):
        return Decimal(_positional(expanded, text))
    return _scaled(expanded, text)


def _arabic_plain(text: str) -> Decimal:
    """1,234.5 and 12.32e+14 (exponents only here, never after Chinese)."""
    mantissa, e, exponent = text.lower().partition("e")
    if e:
        if not exponent.lstrip("+-").isdigit():
            raise ValueError(f"{text!r}: bad exponent")
        return _arabic_plain(mantissa).scaleb(int(exponent))
    if "," in text:
        head, *groups = text.split(",")
        last = groups[-1].split(".")[0]
        if not head or len(head) > 3 or any(len(g) != 3 for g in groups[:-1]) or len(last) != 3:
            raise ValueError(f"{text!r}: bad thousands separators")
        text = text.replace(",", "")
    if text.count(".") > 1 or text == ".":
        raise ValueError(f"{text!r} is not a number")
    return Decimal(text)


_INTEGER = Decimal(1)  # the exponent an integral value is quantized to


def tidy(value: Decimal) -> Decimal:
    """Drop exponent and trailing-zero noise: 3.500E+11 -> 350000000000, 13000.0 -> 13000."""
    if value.same_quantum(_INTEGER):
        return value  # an integer written with no exponent (54, 2026): tidy as it is
    if value == value.to_integral_value():
        try:
            return value.quantize(_INTEGER)
        except InvalidOperation:  # beyond the context precision: keep it as it is
            return value
    return value.normalize()


def parse_number(text: str) -> Decimal:
    """Parse one numeral, Chinese or Arabic, into an exact ``Decimal``.

    >>> parse_number("三千五百亿")
    Decimal('350000000000')
    >>> parse_number("1.3万")
    Decimal('13000')
    >>> parse_number("百分之五十")
    Decimal('50')

    Percent forms (百分之五十, 50%) give the number of percent; fractions (三分之一) give
    the quotient at Decimal's default precision. Raises ``TypeError`` for non-strings and
    ``ValueError`` naming the input for anything that is not a single numeral.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() takes a str, not {type(text).__name__}")
    return _parse_number(text)


@lru_cache(maxsize=4096)
def _parse_number(text: str) -> Decimal:
    """parse_number, remembered: texts repeat their numerals (1, 10, 万, 2025) and folding and
    parsing one costs tens of microseconds; a Decimal is immutable, so sharing it is safe."""
    folded = "".join(fold(text).split())
    if not folded:
        raise ValueError(f"not a number: {text!r}")
    if len(folded) > MAX_NUMERAL_CHARS:
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ValueError(f"not a number: {shown!r} (longer than {MAX_NUMERAL_CHARS} characters)")
    try:
        with localcontext() as ctx:
            # enough digits for every digit written: a numeral is never rounded
            ctx.prec = max(34, 2 * len(folded))
            return tidy(_parse_signed(folded))
    except (ValueError, InvalidOperation, ArithmeticError) as err:
        raise ValueError(f"not a number: {text!r} ({err})") from None


def _parse_signed(text: str) -> Decimal:
    sign = 1
    if text[0] in "负-+正":
        sign = -1 if text[0] in "负-" else 1
        text = text[1:]
    if text.startswith("百分之") or text.startswith("千分之"):
        # the number of percent (permille): 百分之五十 -> 50
        return sign * _parse_unsigned(text[3:])
    if text.endswith("%") or text.endswith("‰"):
        return sign * _parse_unsigned(text[:-1])
    if "又" in text:
        whole, _, fraction = text.partition("又")
        return sign * (_parse_unsigned(whole) + _parse_unsigned(fraction))
    if "/" in text:
        num, _, den = text.partition("/")
        d = _parse_unsigned(den)
        if d == 0:
            raise ValueError("zero denominator")
        return sign * _parse_unsigned(num) / d
    if text.startswith("半"):
        if len(text) == 1:
            return sign * Decimal("0.5")
        # 半百 = 50
        return sign * _parse_unsigned(text[1:]) / 2
    return sign * _parse_unsigned(text)
