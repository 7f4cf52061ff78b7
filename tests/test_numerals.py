"""parse_number: an exhaustive table of numerals, run side by side with cn2an."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import as_decimal, load_yaml
from factkit import parse_number
from factkit.numerals import tidy

TABLE = load_yaml("corpus/numerals.yaml")
VALID = [row for row in TABLE["valid"] if row[1] != "error"]
ERRORS = [row[0] for row in TABLE["valid"] if row[1] == "error"] + TABLE["invalid"]


@pytest.mark.parametrize("row", VALID, ids=lambda row: str(row[0]))
def test_value(row):
    text, expected = str(row[0]), row[1]
    assert parse_number(text) == as_decimal(expected)


@pytest.mark.parametrize("text", ERRORS)
def test_junk_raises_value_error_naming_the_input(text):
    with pytest.raises(ValueError) as err:
        parse_number(text)
    assert repr(text) in str(err.value)


@pytest.mark.parametrize("row", VALID, ids=lambda row: str(row[0]))
def test_side_by_side_with_cn2an(row):
    """The `differs` column is exactly where cn2an fails or disagrees."""
    cn2an = pytest.importorskip("cn2an")
    text, expected = str(row[0]), as_decimal(row[1])
    marked = len(row) > 2 and row[2] == "differs"
    try:
        theirs = Decimal(str(cn2an.cn2an(text, "smart")))
        agrees = theirs == expected
    except Exception:  # cn2an raises its own ValueError subclasses and others
        agrees = False
    assert agrees != marked, (f"cn2an {'agrees' if agrees else 'differs'} on {text!r}; "
                              f"update the `differs` column")


def test_table_is_large_enough():
    assert len(VALID) >= 150


def test_type_error_for_non_strings():
    with pytest.raises(TypeError):
        parse_number(35)  # type: ignore[arg-type]


def test_results_are_tidy_decimals():
    assert str(parse_number("三千五百亿")) == "350000000000"
    assert str(parse_number("1.3万")) == "13000"
    assert str(parse_number("一点五")) == "1.5"


@pytest.mark.parametrize("raw, tidied", [
    ("54", "54"), ("-7", "-7"), ("0", "0"), ("-0", "-0"), ("13000.0", "13000"),
    ("3.500E+11", "350000000000"), ("1.50", "1.5"), ("0.0", "0"), ("1E+2", "100"),
    ("12345678901234567890123456789012", "12345678901234567890123456789012"),
    ("1E+30", "1E+30"), ("-2.50E+1", "-25")])
def test_tidy_drops_exponent_and_trailing_zeros(raw, tidied):
    """tidy returns an integer written with no exponent as it is, and writes every other
    value out the same way: what a multiplication or a sum leaves (13000.0, 3.500E+11)."""
    assert str(tidy(Decimal(raw))) == tidied


def test_fractions_are_exact_to_decimal_precision():
    third = parse_number("三分之一")
    assert third == Decimal(1) / Decimal(3) or abs(third * 3 - 1) < Decimal("1e-30")
