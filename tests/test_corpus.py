"""Every corpus under tests/corpus: each phrase must give exactly the expected records.

A corpus file has `positive` (phrase -> records), `negative` (phrases that must give nothing
of that kind) and `xfail` (known gaps, each with a reason; strict, so a fix is noticed).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import factkit
from conftest import as_decimal, load_yaml

FIGURES = load_yaml("corpus/figures.yaml")
NUMERIC_FIELDS = ("value", "low", "high")


def _check_figures(text: str, expected: list[dict]) -> None:
    doc = factkit.extract(text)
    got = [(f.text, f) for f in doc.figures]
    assert [t for t, _ in got] == [e["text"] for e in expected], f"figures in {text!r}: {got}"
    for (_, figure), want in zip(got, expected):
        assert text[figure.start:figure.end].replace("\n", "") == figure.text
        for field, value in want.items():
            if field == "text":
                continue
            actual = getattr(figure, field)
            if field in NUMERIC_FIELDS:
                assert actual == as_decimal(value), f"{field} of {figure.text!r}: {actual}"
            else:
                assert actual == value, f"{field} of {figure.text!r}: {actual!r}"
        if "qualifier" not in want:
            assert figure.qualifier == "exact", f"qualifier of {figure.text!r}"


@pytest.mark.parametrize("case", FIGURES["positive"], ids=lambda c: c["in"])
def test_figures(case):
    _check_figures(case["in"], case["out"])


@pytest.mark.parametrize("text", FIGURES["negative"])
def test_no_figures(text):
    found = [f.text for f in factkit.extract(text).figures]
    assert found == [], f"expected no figure in {text!r}, got {found}"


@pytest.mark.parametrize("case", FIGURES["xfail"], ids=lambda c: c["in"])
def test_figures_known_gaps(case):
    pytest.xfail_strict = True
    try:
        _check_figures(case["in"], case["out"])
    except AssertionError:
        pytest.xfail(case["reason"])
    pytest.fail(f"known gap now passes, move it to positive: {case['in']!r}")


def test_corpus_is_large_enough():
    assert len(FIGURES["positive"]) + len(FIGURES["negative"]) >= 150


def test_decimal_values_are_exact():
    figure = factkit.extract("三亩地").figures[0]
    assert figure.value == Decimal(2000)
