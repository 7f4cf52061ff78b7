"""The figure scan tries the head pattern only where _head_starts finds a start
(factkit/figures.py). That is sound when the starts are a superset of where the head
matches: checked at every position of the corpora, the seeds and generated text in which
qualifier words, signs, currency signs and numerals stand next to one another and to the
words that merely begin like them (大家, 不断, 负责, 中华, 对于, 最近)."""
from __future__ import annotations

import random
import re

import pytest
import regex

from conftest import SEEDS, corpus_strings
from factkit import figures
from factkit.normalize import NormalizedText, normalize


def _corpus_texts() -> list[str]:
    return corpus_strings("figures", "numerals", "statements", "traditional") + [path.read_text(encoding="utf-8")
                                      for path in sorted(SEEDS.glob("*.txt"))]


_PIECES = ("3 12 2026 3.5 .5 1,000 3/5 一 两 十 百 千 万 亿 兆 零 〇 半 对 打 廿 壹 拾 年 个 元 "
           "千瓦 兆瓦 千米 半年 半个 大半 对折 打对折 负 负责 零下 - -- — 华氏 摄氏 中华 摄影 "
           "约 约合 约为 签约 大约 大家 不到 不断 不足 近 最近 接近 将近 超 超过 高超 逾 最多 "
           "至少 未满 $ US$ HK$ NT$ C$ ¥ € £ USD 人民币 美元 万元 % ‰ 百分之 分之 又 "
           "A B x ， 。 、 “ ” ( ) 的").split() + [" ", "\t", "\n"]


def _generated(count: int) -> list[str]:
    rng = random.Random(2026)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
            for _ in range(count)]


def test_the_scan_finds_every_start_of_a_head():
    head = figures._head_regex()[0]
    starts = figures._head_starts(lone_digits=True, no_amounts=True)
    for raw in _corpus_texts() + _generated(4000):
        text = normalize(raw).text
        matches = list(starts.finditer(text))
        found = {m.start() for m in matches}
        # each start is one character, so no start hides the next one
        assert all(m.end() == m.start() + 1 for m in matches), text
        missed = [at for at in range(len(text)) if head.match(text, at) and at not in found]
        assert missed == [], (text, missed)


def test_words_that_only_begin_like_a_figure_are_passed_over():
    starts = figures._head_starts()
    for text in ("大家都不断努力", "负责人", "中华人民", "对于这个", "最近", "签约仪式", "C语言"):
        assert starts.search(text) is None, text
    for text, at in (("大约3万", 0), ("负5度", 0), ("打对折", 1), ("最多两个", 0),
                     ("US$5", 0), ("约合人民币", -1), ("签约3年", 2)):
        found = starts.search(text)
        assert (found.start() if found else -1) == at, text


def test_han_ranges_are_the_han_script():
    """_HAN_RANGES (for the standard engine) holds what \\p{Han} of the regex module holds.

    The regex module follows each new Unicode version, which adds rare ideographs outside the
    Basic Multilingual Plane: the two may differ there, by a few code points, and nowhere else
    (the characters of news are all in the Basic Multilingual Plane)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    han = {m.start() for m in regex.finditer(r"\p{Han}", every)}
    written = {m.start() for m in regex.finditer(f"[{figures._HAN_RANGES}]", every)}
    assert len(written) > 90_000
    differ = sorted(ord(every[i]) for i in han ^ written)
    assert all(code > 0xFFFF for code in differ), [hex(code) for code in differ]
    assert len(differ) <= 64, [hex(code) for code in differ]


def test_the_head_reads_as_the_regex_module_would():
    """The head pattern is compiled by the standard engine; the regex module reads the same
    pattern (with \\p{Han}) to the same parts at every start of the corpora and generated text."""
    head = figures._head_regex()[0]
    by_regex = regex.compile(head.pattern.replace(figures._HAN_RANGES, r"\p{Han}"), regex.VERBOSE)
    for raw in _corpus_texts() + _generated(2000) + ["40k" + c for c in "，的a个々〇\u3000"]:
        text = normalize(raw).text
        for found in figures._head_starts().finditer(text):
            ours, theirs = head.match(text, found.start()), by_regex.match(text, found.start())
            assert (ours and ours.regs) == (theirs and theirs.regs), text


class _EveryCharacter:
    def __contains__(self, ch: object) -> bool:
        return True


_FRACTIONS = ("三分之一", "2又3分之1", "二又二分之一", "1 又 1/2", "3 分之 1", "十 分 之 三",
              "三点五分之一", "一百二十分之七", "1,000分之3", "3k分之1", "5万分之一", "3/5又",
              "负三分之一", "零点五分之一", "两千分之", "九\t分之一", "1.5e3分之1", "2^3分之1")


def test_fractions_are_tried_wherever_their_words_can_follow(monkeypatch):
    """_shape tries the fraction patterns only where the character after the number goes on
    with a fraction (_FRACTION_NEXT); let every character through and each start of the corpora
    and generated text reads to the same shape."""
    texts = [normalize(raw).text for raw in _corpus_texts() + list(_FRACTIONS) + _generated(3000)]

    def shapes() -> list[object]:
        read = []
        for text in texts:
            for found in figures._head_starts().finditer(text):
                head = figures._head_regex()[0].match(text, found.start())
                if head:
                    shape = figures._shape(head)
                    read.append((shape.span(), shape.spans))
        return read

    with_shortcut = shapes()
    assert any("den" in spans for _, spans in with_shortcut)
    monkeypatch.setattr(figures, "_FRACTION_NEXT", _EveryCharacter())
    assert shapes() == with_shortcut


def test_digits_inside_words_are_passed_over_as_reading_them_would(monkeypatch):
    """The scan passes over a Chinese digit that a Chinese character follows which neither goes
    on with the numeral nor starts anything a figure goes on with (统一, 一级); every text reads
    to the same figures as when those digits are starts and _read_at reads them. The texts hold
    a digit before each kind of character the screen tells apart: a unit or qualifier word
    (一个, 一年多), a numeral character (一千), other Chinese characters (统一) and the rest (一，)."""
    screened, unscreened = figures._head_starts(), figures._head_starts(lone_digits=True)
    texts = [normalize(raw) for raw in _corpus_texts() + _generated(3000)
             + ["统一一个一千一年多一，一级", "两万五统一十二五一"]]
    passed_over = sum(len(unscreened.findall(t.text)) - len(screened.findall(t.text))
                      for t in texts)
    assert passed_over > 300
    _assert_same_figures_with_starts(texts, unscreened, monkeypatch)


_YEARS = ("2026", "1998", "二〇二六", "二零二五", "一九九八", "两两", "12", "三", "20260")
# days of the month and what only looks like one: 32 and 7.5 days, a vague range, 百日
_DAYS = ("24", "1", "0", "31", "32", "7.5", "二十四", "三十一", "十七八", "三九", "百", "千", "万",
         "一万", "半", "两", "1,000")
_ARTICLES = ("一", "壹", "二", "两", "一千", "万")
# what may follow a number and its word: nothing, punctuation, words, blanks, a range, 半/多,
# 以上/以来, a numeral; and what stands before the number: a qualifier, a currency, a sign
_AFTER = ("", "，", "的", "以来", "以上", "左右", "半", "多", "余", " ", "\t", "-2027年", "至", "代",
          "级", "人", "个", "、", "3", "”", " 至2027年", "\t-3", " 多")
_BEFORE = ("", "约", "近", "超过", "$", "负", "第", "“", "A", "，")


def _year_and_article_texts() -> list[str]:
    """Years, and 一 with each unit word (measure words and the words that start like one:
    个月, 分钟, 块, 度), in contexts drawn at random."""
    rng = random.Random(9)
    texts = [before + year + gap + "年" + after for year in _YEARS for gap in ("", " ")
             for before in _BEFORE for after in _AFTER]
    texts += [before + day + gap + "日" + after for day in _DAYS for gap in ("", " ")
              for before in _BEFORE + ("-", "零下", "摄氏") for after in _AFTER + ("元", "前")]
    for word in sorted(figures._units()):
        for _ in range(3):
            texts.append(rng.choice(_BEFORE) + rng.choice(_ARTICLES)
                         + rng.choice(("", "", " ", "分", "又")) + word + rng.choice(_AFTER))
    texts.append("一" * 45 + "年，")  # too long to be a number
    return texts


def _assert_same_figures_with_starts(texts: list[NormalizedText], starts: re.Pattern[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Each text reads to the same figures when the scan's starts are those of ``starts``."""
    with_screen = [figures.extract(ntext) for ntext in texts]
    monkeypatch.setattr(figures, "_head_starts", lambda lone_digits=False: starts)
    for ntext, read in zip(texts, with_screen):
        without = figures.extract(ntext)
        assert read == without, ntext.text
        assert [c.fields for c in read] == [c.fields for c in without], ntext.text


def _reads_at_every_start(texts: list[NormalizedText]) -> list[object]:
    """What _read_at gives at every start the scan finds, and where it goes on."""
    read = []
    for ntext in texts:
        for found in figures._head_starts().finditer(ntext.text):
            position, candidate = figures._read_at(ntext, found.start())
            read.append((position, candidate, candidate and candidate.fields))
    return read


def test_years_and_articles_are_passed_over_as_their_shapes_would_be(monkeypatch):
    """_read_at passes over a year (2026年) or 一 with a measure word (一家) without reading
    its shape (_word_not_amount_end); every text reads to the same figures and goes on at the
    same place as when every shape is read and _is_word_not_amount drops them. The texts hold
    years and 一 with each unit word, with blanks, 分 or 又 between number and word, and after
    the word the characters that make _shape read on (blanks, a range, 半/多/以上)."""
    texts = [normalize(raw) for raw in _corpus_texts() + _year_and_article_texts()]

    passed_over = []
    shortcut = figures._word_not_amount_end

    def counted(text: str, start: int, number_end: int) -> int:
        end: int = shortcut(text, start, number_end)
        if end >= 0:
            passed_over.append(end)
        return end

    monkeypatch.setattr(figures, "_word_not_amount_end", counted)
    with_shortcut = _reads_at_every_start(texts)
    assert len(passed_over) > 1000
    # where 分 or 又 follows a number _shape tries a fraction: no measure word starts so
    assert not [word for word, unit in figures._units().items()
                if unit.kind == "count" and word[0] in figures._FRACTION_NEXT]
    monkeypatch.setattr(figures, "_word_not_amount_end", lambda text, start, end: -1)
    assert _reads_at_every_start(texts) == with_shortcut


def test_shapes_of_years_days_and_articles_are_dropped_as_build_would(monkeypatch):
    """_is_word_not_amount drops a year (2026年), a day of the month (24日) or 一 with a
    measure word (一家) once its shape is read, where _build would read it through and then
    drop it: every text reads to the same figures as when _build reads every shape. The texts
    hold each of those words after numbers of every kind, with a sign, qualifier or currency
    before them and what makes _shape read on after them."""
    texts = [normalize(raw) for raw in _corpus_texts() + _year_and_article_texts()]
    dropped = []
    shortcut = figures._is_word_not_amount

    def counted(m: object) -> bool:
        drops: bool = shortcut(m)  # type: ignore[arg-type]
        if drops:
            dropped.append(m)
        return drops

    monkeypatch.setattr(figures, "_word_not_amount_end", lambda text, start, end: -1)
    monkeypatch.setattr(figures, "_unit_alone_end", lambda text, number_end: -1)  # shapes read
    monkeypatch.setattr(figures, "_is_word_not_amount", counted)
    with_shortcut = [figures.extract(ntext) for ntext in texts]
    days = [m for m in dropped if m.g["u1"] == "日"]  # type: ignore[attr-defined]
    assert len(dropped) > 1000 and len(days) > 200
    monkeypatch.setattr(figures, "_is_word_not_amount", lambda m: False)
    for ntext, read in zip(texts, with_shortcut):
        without = figures.extract(ntext)
        assert read == without, ntext.text
        assert [c.fields for c in read] == [c.fields for c in without], ntext.text


_DATE_NUMBERS = ("12", "1", "31", "2026", "12.5", "1,000", "3/5", "1 3/5", "十二", "二十三", "十七八",
                 "三九", "二十两", "两", "五十千", "一百万", "1.5万", "3k", "半")


def test_numbers_before_a_date_mark_are_passed_over_as_build_would_drop_them(monkeypatch):
    """_read_at passes over a number before 月, 号, 时 or a colon (12月, 15号, 10:30) without
    reading its shape where _is_date_number says _build would drop it: every text reads to
    the same figures as when those shapes are read. The texts hold numbers of every kind
    before each mark, after each sign, qualifier and currency, and the numbers _build reads
    on (二十两: a mass; 五十千: 五十 without 千)."""
    assert not set(figures._DATE_MARKS) & figures._continuations()
    assert set(figures._DATE_MARKS) <= figures._DATE_AFTER
    texts = [normalize(before + number + mark + after)
             for number in _DATE_NUMBERS for mark in figures._DATE_MARKS + "日"
             for before in _BEFORE + ("-", "零下", "摄氏", "美元", "三十")
             for after in ("", "3日", "，", "的", "30")] + [
        normalize(raw) for raw in _corpus_texts()]
    passed_over = []
    shortcut = figures._is_date_number

    def counted(head: str) -> bool:
        drops: bool = shortcut(head)
        passed_over.append(drops)
        return drops

    monkeypatch.setattr(figures, "_is_date_number", counted)
    with_shortcut = [figures.extract(ntext) for ntext in texts]
    assert sum(passed_over) > 1000 and not all(passed_over)
    monkeypatch.setattr(figures, "_is_date_number", lambda head: False)
    for ntext, read in zip(texts, with_shortcut):
        without = figures.extract(ntext)
        assert read == without, ntext.text
        assert [c.fields for c in read] == [c.fields for c in without], ntext.text


def test_the_head_reads_its_parts_before_the_number_only_where_one_can_start():
    """The parts written before a number (currency sign, qualifier, sign, temperature scale)
    are tried behind one test of their first characters: the head reads the same parts as when
    each part is tried on its own, at every start of the corpora and generated text."""
    head, unscreened = figures._head_regex()[0], figures._head_regex(screen_parts=False)[0]
    assert unscreened.groupindex == head.groupindex
    for raw in _corpus_texts() + _generated(3000):
        text = normalize(raw).text
        for found in figures._head_starts(lone_digits=True, no_amounts=True).finditer(text):
            ours, theirs = head.match(text, found.start()), unscreened.match(text, found.start())
            assert (ours and ours.regs) == (theirs and theirs.regs), text


def test_set_phrases_grouped_by_first_character_match_as_one_alternation():
    """The set phrases are searched grouped by their first character; at every place of the
    corpora, the seeds and text made of the phrases, their pieces and their overlaps
    (四两拨千斤顶, 两个两个一百年), the grouped pattern finds the spans one alternation of
    every phrase, longest first, finds."""
    grouped, flat = figures._set_phrase_regex(), figures._set_phrase_regex(by_first_character=False)
    assert grouped.pattern != flat.pattern
    phrases = sorted(flat.pattern.replace("\\", "").split("|"))
    pieces = phrases + [p[:k] for p in phrases for k in range(1, len(p))] \
        + [p[k:] for p in phrases for k in range(1, len(p))] + ["，", "3", "的"]
    rng = random.Random(50)
    texts = [normalize(raw).text for raw in _corpus_texts()] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    matched = 0
    for text in texts:
        spans = [m.span() for m in grouped.finditer(text)]
        assert spans == [m.span() for m in flat.finditer(text)], text
        matched += len(spans)
    assert matched > 1000


def _phrase_texts(count: int, seed: int) -> list[str]:
    """Text made of set phrases, their pieces and overlaps (四两拨千斤顶), numbers and units
    beside them, and stretches with no figure (so that a phrase stands far from one, near one,
    across one and at a stretch's edge)."""
    phrases = sorted(figures._set_phrase_regex(by_first_character=False).pattern
                     .replace("\\", "").split("|"))
    pieces = phrases + [p[:k] for p in phrases for k in range(1, len(p))] \
        + [p[k:] for p in phrases for k in range(1, len(p))] \
        + ["3", "12", "一", "两", "十", "五", "万元", "个", "年", "，", "的", "工作", "推进落实"]
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(count)]


@pytest.fixture(params=["listed", "nested"])
def set_phrases(request, monkeypatch):
    """The set phrases as listed, and with phrases added inside others (个代 in 三个代表), which
    a search cut short at a stretch's end finds where the whole text's search finds the longer
    one."""
    if request.param == "nested":
        listed = figures.read_lines

        def with_nested(name: str) -> list[str]:
            words = list(listed(name))
            return words + ["个代", "张蓝", "两拨千", "后一公"] if name == "set_phrases.txt" else words

        monkeypatch.setattr(figures, "read_lines", with_nested)
    for cached in (figures._set_phrase_regex, figures._set_phrase_pairs):
        cached.cache_clear()
    yield request.param
    for cached in (figures._set_phrase_regex, figures._set_phrase_pairs):
        cached.cache_clear()


@pytest.mark.parametrize("gap", [figures._PHRASE_GAP, 0])
def test_set_phrases_are_searched_around_the_figures_as_over_the_whole_text(monkeypatch,
                                                                           set_phrases, gap):
    """extract searches for set phrases only around its candidates (_set_phrases_near); every
    text reads to the same figures as when the whole text is searched, and in many of them a
    phrase takes figures out. With no gap, figures close together are searched around one by
    one: the search from one often starts inside the stretch before it."""
    monkeypatch.setattr(figures, "_PHRASE_GAP", gap)
    monkeypatch.setattr(figures, "_PHRASE_SPACING", 0)  # searched around even short texts
    texts = [normalize(raw) for raw in _corpus_texts() + _phrase_texts(6000, 51)]

    def read(spans: object) -> list[list[object]]:
        if spans is not None:
            monkeypatch.setattr(figures, "_set_phrases_near", spans)
        return [[(c, c.fields) for c in figures.extract(ntext)] for ntext in texts]

    near = read(None)
    whole = read(lambda candidates, text: [
        phrase.span() for phrase in figures._set_phrase_regex().finditer(text)])
    unblocked = read(lambda candidates, text: [])
    for ntext, ours, theirs in zip(texts, near, whole):
        assert ours == theirs, ntext.text
    assert sum(ours != all_kept for ours, all_kept in zip(near, unblocked)) > 300


@pytest.mark.parametrize("gap", [figures._PHRASE_GAP, 0])
def test_set_phrases_near_any_spans_block_what_the_whole_search_blocks(monkeypatch,
                                                                        set_phrases, gap):
    """The same over spans drawn at random in text made of phrases that run into one another
    (十四五统一盘棋), so that a stretch often starts inside a run of phrases' characters."""
    monkeypatch.setattr(figures, "_PHRASE_GAP", gap)
    monkeypatch.setattr(figures, "_PHRASE_SPACING", 0)  # searched around even short texts
    pattern = figures._set_phrase_regex()
    rng = random.Random(52)
    phrases = figures._set_phrase_regex(by_first_character=False).pattern.replace("\\", "")
    listed = phrases.split("|")
    # two phrases run into one another (十四五 and 五统一), a span ending inside the first and
    # one inside the rest: the search around the second starts inside the first phrase
    runs = [(first + second[k:], [(0, end), (at, at + 1)])
            for first in listed for second in listed
            for k in range(1, min(len(first), len(second))) if first.endswith(second[:k])
            for end in range(1, len(first)) for at in range(end + 1, len(first) + len(second) - k)]
    assert len(runs) > 50
    drawn = []
    for text in _phrase_texts(6000, 53):
        starts = sorted(rng.sample(range(len(text)), min(len(text), rng.randint(1, 4))))
        drawn.append((text, [(at, min(len(text), at + rng.randint(1, 3))) for at in starts]))
    blocked = 0
    for text, where in runs + drawn:
        spans = [figures.Candidate(start, end, "figure", "", {}) for start, end in where]
        whole = figures._outside(spans, sorted(m.span() for m in pattern.finditer(text)))
        assert figures._outside(spans, sorted(figures._set_phrases_near(spans, text))) == whole, \
            (text, where)
        blocked += len(whole) < len(spans)
    assert blocked > 1000


def test_one_character_unit_words_are_read_as_the_table_of_all_words_reads_them(monkeypatch):
    """_unit_end looks a word of one character that starts no longer word (家, %) up in a table
    of its own, before the table of every word: at the end of a text and before every
    character a unit word goes on with, a guard names or a letter, it ends where the table of
    every word alone says."""
    lookup, single = figures._unit_lookup()
    assert len(single) > 50
    words = list(figures._units()) + ["旬", "度"]
    following = sorted({ch for word in words for ch in word} | {
        ch for guard in figures._UNIT_GUARDS.values() for ch in guard}) + ["a", "Z", " ", ""]
    texts = [first + after for first in sorted(k for k in lookup if len(k) == 1)
             for after in following]
    with_table = [figures._unit_end(text, 0) for text in texts]
    assert sum(end == 1 for end in with_table) > 1000
    monkeypatch.setattr(figures, "_unit_lookup", lambda: (lookup, {}))
    assert [figures._unit_end(text, 0) for text in texts] == with_table


# Figures a number and its unit word alone make, next to what _number_and_unit checks or
# leaves to _build_in_full: ordinals, capital numerals in words, reduplication, the article
# 一, 万家, slogans in quotes, coins (三块五, 5元3毛), 七成六, an age (十个月大), compounds
# (3天5小时, 1米75, 三斤四两), 左右 after them, rates (3元/斤, 每斤3元), currencies before
# the number and after 元, vague ranges (三四十家), scales (3500亿元), Latin units (5kg).
_NUMBER_AND_UNIT = (
    "第3家", "第二人民医院", "登陆部队", "拾起", "陆家嘴", "一个个", "两支支", "一家酒店",
    "万家期许", "“三个代表”", "《五条》", "三块五", "5元3毛", "两元五角钱", "七成六",
    "三成五左右", "十个月大", "三周大的", "3天5小时以上", "两小时三十分", "1米75", "一米八",
    "三斤四两", "5公斤300克", "3元/斤", "120公里/小时", "每斤3元", "每人补助500元", "人民币500份",
    "美元3亿元", "100元港币", "5000元新台币", "1亿元人民币", "三四十家", "十七八岁", "3500亿元",
    "5万吨", "5kg", "10MW", "3.5GW", "20个比特币", "三个多月", "一个半小时", "5度电", "七旬",
    "七五折", "3日", "3年", "十十家", "五十千米", "2个百分点", "6 个 百 分点", "3 家", "5块地",
    "两毛五", "五角星", "12.5万元/亩", "3万余元", "约5万元", "US$499起", "HK$200万元")


def _number_and_unit_texts() -> list[str]:
    rng = random.Random(12)
    texts = [before + phrase + after for phrase in _NUMBER_AND_UNIT
             for before in ("", "，", "达", "第") for after in ("", "，", "的", "以上")]
    for word in sorted(figures._units()):
        for _ in range(3):
            texts.append(rng.choice(_BEFORE) + rng.choice(_DAYS + _ARTICLES) + word
                         + rng.choice(_AFTER + ("五", "/斤", "大")))
    return texts


def test_a_number_and_its_unit_read_straight_as_in_full(monkeypatch):
    """_number_and_unit reads a number and its unit word alone (54家) in one straight path,
    leaving the rarer ones to _build_in_full: every text reads to the same figures, fields
    and all, as when _build_in_full reads every shape. The texts are the corpora, the seeds
    and each unit word after numbers of every kind with what stands around figures. Years,
    days and 一 with a measure word are built too, not passed over before (_read_at drops
    them, and _number_and_unit checks the article all the same)."""
    texts = [normalize(raw) for raw in _corpus_texts() + _number_and_unit_texts()]
    monkeypatch.setattr(figures, "_word_not_amount_end", lambda text, start, end: -1)
    monkeypatch.setattr(figures, "_is_word_not_amount", lambda m: False)
    straight = []
    shortcut = figures._number_and_unit

    def counted(ntext: object, start: int, end: int, numeral: str, written: str) -> object:
        built = shortcut(ntext, start, end, numeral, written)  # type: ignore[arg-type]
        if built is not figures._IN_FULL:
            straight.append(built)
        return built

    monkeypatch.setattr(figures, "_number_and_unit", counted)
    with_shortcut = [figures.extract(ntext) for ntext in texts]
    assert len([c for c in straight if c is not None]) > 1000
    assert len([c for c in straight if c is None]) > 100
    monkeypatch.setattr(figures, "_number_and_unit",
                        lambda ntext, start, end, numeral, written: figures._IN_FULL)
    for ntext, read in zip(texts, with_shortcut):
        without = figures.extract(ntext)
        assert read == without, ntext.text
        assert [c.fields for c in read] == [c.fields for c in without], ntext.text


def test_a_number_and_its_unit_are_read_straight_as_their_shapes_would_be(monkeypatch):
    """_read_at reads a number and its unit word alone (54家) without reading its shape
    (_read_number_and_unit): at every start of the scan, every text reads to the same figure,
    fields and all, and goes on at the same place as when every shape is read part by part.
    The texts are the corpora, the seeds, each unit word after numbers of every kind with what
    stands around figures (a qualifier, a currency or a sign before the number; a range, 半, 多,
    以上, blanks or a rate after the word), fractions and percentages (3分之1, 百分之五), and
    numerals too long to be a number before a unit word."""
    texts = [normalize(raw) for raw in _corpus_texts() + _number_and_unit_texts()
             + _year_and_article_texts() + list(_FRACTIONS) + _generated(3000)
             + [before + "百" + gap + "分" + after for before in ("", "提高", "1")
                for gap in ("", " ") for after in ("之五", "点", "之", "")]
             + ["1" * length + "家" for length in range(38, 46)]
             + ["一" * length + "万元" for length in range(38, 46)]
             + [" ".join("三" * length) + "家" for length in range(18, 24)]]

    # (read straight where a unit word follows the number: _shape reads a fraction or a
    # percentage only where 分之 or 又 follows it, which no unit word begins)
    lookup, _ = figures._unit_lookup()
    assert not [word for entries in lookup.values() for _, words in entries for word in words
                if word[0] in " \t又" or word[0] == "分" and word[1:2] in ("", " ", "\t", "之")]
    straight = []
    shortcut = figures._read_number_and_unit

    def counted(ntext: object, head: object, unit_end: int) -> object:
        read = shortcut(ntext, head, unit_end)  # type: ignore[arg-type]
        straight.append(read[1])
        return read

    monkeypatch.setattr(figures, "_read_number_and_unit", counted)
    with_shortcut = _reads_at_every_start(texts)
    assert len([c for c in straight if c is not None]) > 2000
    assert len([c for c in straight if c is None]) > 200
    # neither a year, a day nor 一 with a measure word is passed over any more: every shape is
    # read part by part
    monkeypatch.setattr(figures, "_unit_alone_end", lambda text, number_end: -1)
    assert _reads_at_every_start(texts) == with_shortcut


def _is_read(word: str) -> bool:
    """Whether _unit_of reads a unit word (个多哥非洲共同体法郎, a currency with 多 at its start,
    is taken for 个 多 哥…, which it does not read)."""
    try:
        figures._unit_of(word)
    except KeyError:
        return False
    return True


def test_years_days_and_articles_are_passed_over_by_the_scan_as_reading_them_would(monkeypatch):
    """The scan passes over a year (2026年), a day of the month (24日) and 一 with a measure
    word (一家) that _read_at would read to nothing (_no_amount_screens): every start passed
    over reads to no figure, and no start lies inside what reading it would pass over, so
    every text reads to the same figures, fields and all, as when those are starts too. The
    texts are the corpora, the seeds, years, days and 一 with each unit word in contexts drawn
    at random (blanks, a range, 半, 多 or 以上 after them, words that go on with them)."""
    rng = random.Random(17)
    lookup, _ = figures._unit_lookup()
    words = sorted({word for entries in lookup.values() for _, group in entries for word in group
                    if _is_read(word)})
    tails = _AFTER + ("百分点", " 百 分点", "百 分点", "百分 点", "A", "a", "钟", "元", "多万", "代",
                      "前", "币")
    guarded = [word + ch for entries in lookup.values() for _, group in entries
               for word, (excluded, _) in group.items() if _is_read(word) for ch in excluded]
    texts = [normalize(raw) for raw in _corpus_texts() + _year_and_article_texts()
             + _number_and_unit_texts() + _generated(3000)
             + [rng.choice(("", "统", "1", "A", "“", "第")) + rng.choice(("一", "壹", "一一"))
                + word + rng.choice(tails) for word in words for _ in range(3)]
             + ["一" + text for text in guarded]
             + ["24" + text for text in guarded if text[0] == "日"]
             + [one + "个" + point for one in "一壹"
                for point in ("百分点", "百 分点", " 百 分点", "百分 点", "百\t分\t点", "百", "百分")]
             + [before + number + word + after for number in ("2026", "12026", "202", "3", "03",
                                                              "24", "31", "32", "40", "0", "3.1")
                for word in ("年", "日", "日元", "年代") for before in ("", "A", ".", "-")
                for after in tails]]
    screened, plain = figures._head_starts(), figures._head_starts(no_amounts=True)
    passed_over = 0
    for ntext in texts:
        kept = [found.start() for found in screened.finditer(ntext.text)]
        starts = [found.start() for found in plain.finditer(ntext.text)]
        assert set(kept) <= set(starts), ntext.text
        for at in sorted(set(starts) - set(kept)):
            passed_over += 1
            # passed over as _read_at passes it over (a head after a letter, A2026年, is none)
            head = figures._head_regex()[0].match(ntext.text, at)
            assert (ntext.text[at - 1:at].isalpha() and ntext.text[at - 1:at].isascii()
                    and head is None) or (head and figures._word_not_amount_end(
                        ntext.text, at, head.end()) >= 0), (ntext.text, at)
            position, candidate = figures._read_at(ntext, at)
            assert candidate is None, (ntext.text, at)
            assert not [inside for inside in starts if at < inside < position], (ntext.text, at)
    assert passed_over > 2000
    _assert_same_figures_with_starts(texts, plain, monkeypatch)
