"""Shortcuts of the date extractor that remember what they read: each gives what reading
afresh gives (factkit/dates/resolution.py)."""
from __future__ import annotations

import random

from conftest import SEEDS, corpus_strings
from factkit.dates import resolution
from factkit.normalize import normalize


def test_paragraph_breaks_answer_as_a_fresh_read():
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("年月\n，") for _ in range(rng.randint(0, 60)))
        breaks = resolution._ParagraphBreaks(text)
        start = 0
        for _ in range(30):  # one start, ends further on, then a later start, as asked
            if rng.random() < 0.3:
                start = rng.randint(0, len(text))
            end = rng.randint(0, len(text))
            assert breaks.between(start, end) == ("\n" in text[start:end]), (text, start, end)


def _texts() -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    phrases = corpus_strings("dates")
    rng = random.Random(11)
    paragraphs = ["".join(rng.choice(phrases) + rng.choice(["", "，", "。", "\n", "\n\n"])
                          for _ in range(200)) for _ in range(5)]
    return seeds + paragraphs + ["2026年3月，" + "5月，" * 300 + "\n6月，" * 50]


def _dates(text: str) -> list[tuple[int, int, dict[str, object]]]:
    return [(c.start, c.end, c.fields) for c in resolution.extract(normalize(text))]


def test_remembering_a_stretch_without_a_line_break_changes_nothing(monkeypatch):
    texts = _texts()
    remembered = [_dates(text) for text in texts]
    monkeypatch.setattr(resolution, "_FORGET_CLEAR_STRETCH", True)
    assert [_dates(text) for text in texts] == remembered
