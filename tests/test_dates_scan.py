"""The date scanner runs each rule only in the clauses that hold one of its anchors
(factkit/dates/scan.py). That is sound when every match of a rule holds an anchor and no rule
consumes, or looks ahead at, a clause break; both are proved here from the patterns, and the
scanner's matches are compared with a whole-text scan on real and generated text."""
from __future__ import annotations

import random
import subprocess
import sys

import pytest

from conftest import REPO, SEEDS, corpus_strings
from factkit.dates.patterns import _first_char_guard, _plain
from factkit.dates.resolution import _anchor_sets
from factkit.dates.rules import _rules
from factkit.dates.scan import CLAUSE_BREAKS, AnchorSets, TextIndex, word_anchors
from factkit.normalize import normalize
from pattern_analysis import (choose_anchors, consumed_characters, forward_characters,
                              lookaheads, parse, requires)

RULES = _rules()


def _tree(rule):  # type: ignore[no-untyped-def]
    return parse(_plain(_first_char_guard(rule.name) + rule.source))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_match_holds_an_anchor(rule):
    tree = _tree(rule)
    assert requires(tree, rule.anchors), (
        f"{rule.name}: a match can miss all of {rule.anchors!r}; anchors that hold: "
        f"{''.join(sorted(choose_anchors(tree) or [])) or None!r}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_no_match_reaches_past_a_break(rule):
    """A match lies inside one clause, and a lookahead that may test a break reads one
    character at most: the break closing the clause, which the scanner includes."""
    tree = _tree(rule)
    breaks = set(CLAUSE_BREAKS)
    chars, open_ended = consumed_characters(tree)
    assert not open_ended, f"{rule.name} consumes anything: clause breaks are unsafe"
    assert not chars & breaks, f"{rule.name} consumes {sorted(chars & breaks)}"
    for body in lookaheads(tree):
        chars, open_ended = forward_characters(body)
        if open_ended or chars & breaks:
            assert body.getwidth()[1] <= 1, (
                f"{rule.name} looks past a break: (?={body}) reads more than one character")
    assert not set(rule.anchors) & breaks


def test_word_anchors_pick_rare_characters():
    # a character of every word, never 一 when another will do
    assert word_anchors(["五一", "国庆节", "春节"]) == "五节"
    assert word_anchors(["今天", "昨天", "今年"]) == "天年"
    for words in (["大年初一", "双十一"], ["元旦", "除夕", "清明节"]):
        anchors = word_anchors(words)
        assert all(set(word) & set(anchors) for word in words)
        assert "一" not in anchors


# What the screens of the year rules must let through: a year of two, three or four digits,
# in Chinese numerals, after an era or with a space before 年, a zodiac year, a period after
# a year or a relative year, a span back from now, festivals (and what they must stop: 1年)
_SCREENED = ["民国9年，民国100年", "中央社台北电 115年3月", "二〇二六年、两千年、2026 年、'98年",
             "公元367年，在789年", "康熙三年，民国元年，光绪1年", "甲辰龙年，鼠年", "2027年第二季",
             "今年的上半年，去年 初春，2025年1季度", "近3年来，过去 十年，接下来半年，最近一个月",
             "中国国庆节，三八节，大年初一", "1年1年1年", "用了1年，1年前",
             "3月份2日，五月份日，4月5日，6月—7月，8 月 ～ 9月份",
             # every trigger word that screens its rule (rules._WORDS_IN_EVERY_MATCH)
             "当天，当日，当晚，当夜，同日，次日，翌日", "春节长假、国庆假期、五一黄金周、春节放假期间、"
             "国庆休假期间", "法国国庆节，韩国国庆日", "暑假，寒假", "美国2025财年，2025财政年度，2025会计年度",
             "这周末，年内，月内，80年代，上世纪九十年代",
             # clauses at the edges of a text, and a text of breaks
             "，2026年", "2026年，", "年", "，。", "\n5月\n",
             # clauses holding more anchors than the clause pattern lists, one of them longer
             # than the scanner reads character by character, and a text without a break
             "去年3月5日下午3点至今年5月，" + "说" * 300 + "2026年3月5日下午3点，5月",
             "2026年3月5日下午3点" * 30, "2026年3月5日，2026年3月5日下午3点，",
             # the screens of seasons, numeric and spaced dates and of 从 ranges
             "初春，深秋，隆冬，春天，冬季，春节，新春，长春，夏亮",
             "2026-2-24，24.2.2026，2026/02/24，12-11-10，2026 02 24，增长5.2%，3.5/4.5",
             "从2019年到2021年，从 2019 至 2021，从2019-2021年"]


def test_word_screens_let_every_word_through():
    """A rule screened by its trigger words finds each of them in the texts above."""
    from factkit.dates.rules import _WORDS_IN_EVERY_MATCH
    from factkit.dates.patterns import _TRIGGER_WORDS
    rules = {rule.name: rule for rule in RULES}
    for name in _WORDS_IN_EVERY_MATCH:
        for word in _TRIGGER_WORDS[name]:
            found = [m.group() for text in _SCREENED
                     for m in rules[name].pattern.finditer(text)]
            assert any(word in match for match in found), (name, word, found)


def test_a_rule_screened_by_its_words_is_not_checked_for_them():
    """A rule whose screen is its trigger words is given no words for the scanner to look for
    in the whole text (a stretch that passes its screen holds one): sound only as long as
    every match holds one of them, which the check would otherwise enforce."""
    from factkit.dates.days import _alternation
    from factkit.dates.patterns import _TRIGGER_WORDS
    from factkit.dates.rules import _WORDS_IN_EVERY_MATCH
    rules = {rule.name: rule for rule in RULES}
    texts = [normalize(raw).text for raw in _corpus_texts()]
    texts += _shuffled(texts, 1000)
    found = 0
    for name in _WORDS_IN_EVERY_MATCH:
        rule, words = rules[name], _TRIGGER_WORDS[name]
        assert rule.words == () and rule.screen_source == _alternation(words), name
        for text in texts:
            for m in rule.pattern.finditer(text):
                assert any(word in m.group() for word in words), (name, m.group(), text)
                found += 1
    assert found > 100


def _corpus_texts() -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return corpus_strings("dates", "figures", "statements", "traditional") + seeds + _SCREENED


def _shuffled(texts: list[str], count: int) -> list[str]:
    """Pieces of the corpus glued with breaks, spaces and date characters, so that matches
    land at clause edges, across spaces and next to one another."""
    rng = random.Random(2026)
    pieces = [text[i:i + rng.randint(1, 10)] for text in texts for i in range(0, len(text), 6)]
    glue = ["", "", " ", "\t", "  ", *CLAUSE_BREAKS, "年", "月", "日", "号", "-", "/", ".", ":",
            "至", "，2026", "2026年"]
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(2, 14)))
            for _ in range(count)]


def _spans(matches) -> list[tuple[int, int, tuple]]:  # type: ignore[no-untyped-def]
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_scanner_finds_what_a_whole_text_scan_finds():
    texts = _corpus_texts()
    texts += _shuffled(texts, 3000)
    anchor_sets = _anchor_sets()
    for raw in texts:
        text = normalize(raw).text
        index = TextIndex(text, anchor_sets)
        for rule in RULES:
            # a rule with words matches only in a text holding one of them
            whole = rule.pattern.finditer(text) if not rule.words or any(
                word in text for word in rule.words) else iter(())
            assert _spans(index.matches(rule)) == _spans(whole), (rule.name, text)


def test_the_rules_passed_over_have_nothing_to_search():
    """The extractor asks only the rules ``rules_anchored`` gives, in their order: every rule
    with a stretch to search is among them."""
    texts = _corpus_texts()
    texts += _shuffled(texts, 1000)
    anchor_sets = _anchor_sets()
    passed_over = 0
    for raw in texts:
        index = TextIndex(normalize(raw).text, anchor_sets)
        anchored = index.rules_anchored(RULES)
        assert [order for order, _ in anchored] == sorted({order for order, _ in anchored})
        assert all(RULES[order] is rule for order, rule in anchored)
        asked = {order for order, _ in anchored}
        for order, rule in enumerate(RULES):
            if order not in asked:
                assert index.stretches(rule) == [], (rule.name, raw)
                passed_over += 1
    assert passed_over > len(texts)


def test_importing_compiles_nothing():
    """Importing the package compiles no date pattern and reads no date table: the first
    text that needs a rule pays for it."""
    # (the package's own files, found without importing it: a checkout may itself lie in a
    # folder named dates)
    code = ("import importlib.util, os, re, sys, regex\n"
            "package = os.path.dirname(importlib.util.find_spec('factkit').origin)\n"
            "dates = os.path.join(package, 'dates') + os.sep\n"
            "lunar = os.path.join(package, 'lunar.py')\n"
            "seen = []\n"
            "def counting(original):\n"
            "    def call(*args, **kwargs):\n"
            "        caller = sys._getframe(1).f_code.co_filename\n"
            "        if caller.startswith(dates) or caller == lunar:\n"
            "            seen.append(args[0])\n"
            "        return original(*args, **kwargs)\n"
            "    return call\n"
            "re.compile = counting(re.compile)\n"
            "regex.compile = counting(regex.compile)\n"
            "import factkit\n"
            "from factkit.dates import days, rules\n"
            "loaded = [f.__name__ for f in (days._eras, days._festivals, days._relative_table,\n"
            "                               rules._rules) if f.cache_info().currsize]\n"
            "print(seen, loaded, 'lunardate' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[] [] False"


# Patterns and whether every match opens with the one literal they are written with, beside
# the screens of the rules (the parse tree agrees with each yes)
_OPENINGS = [("年(?:(?<=[0-9][0-9]年))", True), ("国庆", True), ("年代", True), ("个(?:星期|周)", True),
             (" (?:0[1-9]|1[0-2]) [0-3]", True), ("年?月", False), ("年*", False), ("年{1,2}", False),
             ("季|半年", False), ("年[初中]|岁末", False), ("[0-9]年", False), ("(?:星期|周)[一二]", False),
             ("\\-年", False), ("年(?:初|中)|月", False), ("年[初|中]", True), ("年\\|", True),
             ("年(?:\\||中)", True), ("年\\(|月", False)]


def _opens_with_literal_in_the_tree(source: str) -> bool:
    from pattern_analysis import C
    tree = parse(source)
    return len(tree) > 0 and tree[0][0] is C.LITERAL


@pytest.mark.parametrize("source,opens", _OPENINGS + [
    (rule.screen_source, rule.screen_opens_with_literal) for rule in RULES if rule.screen_source])
def test_a_screen_opening_with_a_literal_is_told_from_the_parse_tree(source, opens):
    from factkit.dates.scan import opens_with_literal
    assert opens_with_literal(source) == opens
    if opens:  # (an escaped literal is not told from the text, and is searched per stretch)
        assert _opens_with_literal_in_the_tree(source)


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.screen_opens_with_literal],
                         ids=lambda r: r.name)
def test_a_screen_searched_on_from_stretch_to_stretch_stops_at_a_break(rule):
    """What a screen searched past the end of a stretch finds in it is what it finds there
    told to stop at that end (the break closing the stretch): it consumes no break and no
    lookahead of it reads one."""
    tree = parse(rule.screen_source)
    breaks = set(CLAUSE_BREAKS)
    chars, open_ended = consumed_characters(tree)
    assert not open_ended and not chars & breaks, rule.name
    for body in lookaheads(tree):
        chars, open_ended = forward_characters(body)
        assert not open_ended and not chars & breaks, (rule.name, body)


class _Screened:
    """A rule as the scanner sees it, with a screen that also matches between its clauses."""

    def __init__(self, anchors: str, screen: str) -> None:
        import re
        self.anchors, self.words = anchors, ()
        self.pattern = re.compile(screen)
        self.screen = re.compile(screen)
        self.screen_opens_with_literal = True


def test_screening_on_from_stretch_to_stretch_keeps_what_a_search_per_stretch_keeps():
    texts = _corpus_texts()
    texts += _shuffled(texts, 3000)
    rules = [rule for rule in RULES if rule.screen_opens_with_literal]
    # screens that match in clauses without an anchor of their rule, as no rule's does
    rules += [_Screened("月", "年"), _Screened("日", "年[0-9一二三]"), _Screened("-./", "2")]
    anchor_sets = AnchorSets([*_anchor_sets().sets, "月", "日", "-./"])
    kept = skipped = 0
    for raw in texts:
        text = normalize(raw).text
        index = TextIndex(text, anchor_sets)
        for rule in rules:
            k = anchor_sets.number[rule.anchors]
            starts, stops = index._starts[k], index._stops[k]
            if not starts:
                continue
            each = [(start, stop) for start, stop in zip(starts, stops)
                    if rule.screen.search(text, start, stop)]
            assert index._screened_by_skipping(rule.screen, starts, stops) == each, (
                rule.screen.pattern, text)
            kept += len(each)
            skipped += len(starts) - len(each)
    assert kept > 1000 and skipped > 1000
