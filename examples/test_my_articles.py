"""Checking facts in your own tests: a pytest file to copy and fill with your articles.

    python -m pytest examples/test_my_articles.py    (or: python examples/test_my_articles.py)

Each case names an article and facts you expect in it; a fact matches on its text and the
fields you give. Keep the expectations to what matters for your analysis.
"""
from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

import factkit

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

CASES = [
    ("000_f762f7c7f036bfc1.txt", "2026-02-25", "figures",
     {"text": "3500亿元", "value": Decimal("350000000000"), "unit": "CNY"}),
    ("000_f762f7c7f036bfc1.txt", "2026-02-25", "dates",
     {"text": "正月初八", "first_day": datetime.date(2026, 2, 24), "calendar": "lunar"}),
    ("000_f762f7c7f036bfc1.txt", "2026-02-25", "places",
     {"text": "资兴市", "code": "431081000000", "path": ["湖南省", "郴州市"]}),
    ("000_f762f7c7f036bfc1.txt", "2026-02-25", "organizations",
     {"text": "湖南鑫泉科技有限公司", "kind": "company", "place": "湖南省"}),
    ("001_9400940804107c38.txt", "2025-12-25", "figures",
     {"text": "10%—15%", "low": Decimal(10), "high": Decimal(15), "qualifier": "range"}),
]


@pytest.mark.parametrize("article, ref_date, kind, expected", CASES,
                         ids=[f"{c[0][:3]}-{c[3]['text']}" for c in CASES])
def test_expected_fact_is_found(article, ref_date, kind, expected):
    doc = factkit.extract((SEEDS / article).read_text(encoding="utf-8"), ref_date=ref_date)
    candidates = [f for f in getattr(doc, kind) if f.text == expected["text"]]
    assert candidates, f"{expected['text']!r} not among the {kind}"
    assert any(all(getattr(f, k) == v for k, v in expected.items()) for f in candidates), \
        f"{expected} does not match {candidates}"


if __name__ == "__main__":
    raise SystemExit(pytest.main([__file__, "-q"]))
