"""Statements cut a text into sentences and headlines (``_Reader._pieces``). The lines that may
be headlines are found by a search that passes over the others (``headlines_screened``); these
tests check it against looking at every line of the text, on texts made of lines of every kind
that bears on the rule: headlines with and without Markdown, lines with punctuation, lines at
the length limit and past it, blank and indented lines, Windows line ends, a first and a last
line, and lines joined to the next by a layout break."""
from __future__ import annotations

import random

import pytest

import factkit
from factkit.normalize import normalize
from factkit.pipeline import Pipeline
from factkit.statements import _LONGEST_LINE, _Reader

LINES = [
    "郴州市经济运行情况",                       # a headline
    "## 郴州市：经济运行情况",                  # a Markdown heading with punctuation
    "  **郴州市经济运行，稳中有进**",           # the other Markdown mark, indented
    "郴州市地区生产总值增长5.9%。",             # a sentence
    "全县接待游客1.2万人次，同比增长8%。",     # a sentence with a comma
    "记者 刘佳 陈淦璋",                         # a byline: no punctuation
    "（记者 刘佳）",                           # an end credit
    "郴" * _LONGEST_LINE,                       # as long as a line may be
    "郴" * (_LONGEST_LINE + 1),                 # too long
    "郴州" * 25 + "，增长5%",                   # punctuation past the first 50 characters
    "\u3000\u3000资兴市汤溪镇壁溪村",           # indented with ideographic spaces
    "宜章县、汝城县分别增长6%、7%；",
    "",
    "   ",
    "#",
]


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        parts.append(rng.choice(LINES))
        parts.append(rng.choice(["\n", "\n\n", "\r\n", "\n \n", "\n\n\n"]))
    return "".join(parts[:-1] if rng.random() < 0.5 else parts)


def _reader(text: str) -> _Reader:
    lists, _ = Pipeline().records(text)
    return _Reader(normalize(text), lists["figures"], lists["dates"], lists["places"],
                   lists["organizations"], None)


@pytest.mark.parametrize("seed", range(12))
def test_headlines_found_by_the_screen_are_those_of_every_line(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(40)]
    screened = [_reader(text)._pieces() for text in texts]
    statements = [factkit.extract(text).statements for text in texts]
    monkeypatch.setattr(_Reader, "headlines_screened", False)
    assert [_reader(text)._pieces() for text in texts] == screened
    assert [factkit.extract(text).statements for text in texts] == statements
    # the texts hold headlines, and headlines cut inside a sentence
    assert any(headlines for _, _, headlines in screened)
    assert any(opens - {start for start, _ in pieces[:1]} for pieces, opens, _ in screened)


def test_the_screen_finds_the_headlines_of_every_kind() -> None:
    text = "\n".join(LINES)
    reader = _reader(text)
    found = {line for _, line in reader._headline_lines(text)}
    assert found == {"郴州市经济运行情况", "## 郴州市：经济运行情况", "  **郴州市经济运行，稳中有进**",
                     "记者 刘佳 陈淦璋", "（记者 刘佳）", "郴" * _LONGEST_LINE,
                     "\u3000\u3000资兴市汤溪镇壁溪村", "   ", "#"}
