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


def _glued(words: list[str], count: int, seed: int) -> list[str]:
    """Texts of the words a pattern reads, spaces, tabs, line breaks and other characters,
    so that every word opens and closes matches at every distance from a date."""
    rng = random.Random(seed)
    pieces = [*words, " ", "\t", "\n", "  ", "年", "日", "以", "来", "说", "，"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_a_since_or_a_range_separator_opens_with_one_of_its_openings():
    """_attach_since and _merge_ranges ask the engine only after a date followed by one of
    these characters: every match opens with one (a character left out of a set fails)."""
    from factkit.dates import ranges
    for text in _glued(["以来", *ranges._RANGE_JOINS, "之间"], 3000, 3):
        for start in range(len(text)):
            if ranges._SINCE.match(text, start):
                assert text[start] in ranges._SINCE_OPENINGS, (text, start)
            for end in range(start + 1, len(text) + 1):
                if ranges._RANGE_SEP.fullmatch(text, start, end):
                    assert text[start] in ranges._RANGE_SEP_OPENINGS, (text, start, end)


def test_a_forecast_marker_ends_with_one_of_its_endings():
    """infer_reference_date asks the engine whether a marker stands before a date only after
    one of these characters (a character left out of the set fails)."""
    from factkit.dates import ranges
    for text in _glued(list(ranges._FORWARD_WORDS), 3000, 5):
        for start in range(len(text) + 1):
            if ranges._FUTURE_MARKERS.search(text, max(0, start - 4), start):
                assert start > 0 and text[start - 1] in ranges.FORWARD_ENDINGS, (text, start)


def test_a_forecast_word_right_before_or_after_a_date_has_its_character_there():
    """_speaks_of_future asks the engine for 到/至 right before a date and 前/之前/以前
    right after it only where the character there can be part of one (a character left out
    of a set fails)."""
    for text in _glued(["到", "至", "截至", "前", "之前", "以前", "前年"], 3000, 9):
        for start in range(len(text) + 1):
            for clause_start in range(start):
                if resolution._FUTURE_RIGHT_BEFORE.search(text, clause_start, start):
                    assert text[start - 1] in resolution._RIGHT_BEFORE_ENDINGS, (text, start)
            if resolution._FUTURE_RIGHT_AFTER.match(text, start):
                assert text[start] in resolution._RIGHT_AFTER_OPENINGS, (text, start)
