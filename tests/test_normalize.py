"""Normalization: folding keeps offsets, layout breaks inside sentences are joined."""
from __future__ import annotations

import pytest

from factkit.normalize import fold, normalize

JOINED = [
    # (input, normalized text)
    ("累计发\n\n出预警50起", "累计发出预警50起"),
    ("调解成功率达96%\n\n以上。", "调解成功率达96%以上。"),
    ("丈夫被确诊\n\n \n为癌症", "丈夫被确诊为癌症"),
    ("在家门口\n\n就能获得", "在家门口就能获得"),
    ("签约一人。\n\n下一段", "签约一人。\n\n下一段"),              # a real paragraph end
    ("“我们感到欣慰。”\n当晚", "“我们感到欣慰。”\n当晚"),          # closing quote after 。
    ("**标题**\n\n正文", "**标题**\n\n正文"),                        # markup stays
    ("AI\nmodel", "AI\nmodel"),                                      # a space between words
    ("\n\n开头", "\n\n开头"),
    ("结尾\n", "结尾\n"),
    ("签约一人。 \n\n下一段", "签约一人。 \n\n下一段"),          # blanks before the break
    ("签约一人。\n \n下一段", "签约一人。\n \n下一段"),          # blanks between breaks
    ("签约一人。\r\n下一段", "签约一人。\r\n下一段"),              # Windows line ends
    ("累计发 \n 出预警", "累计发出预警"),
    ("累计发\r\n出预警", "累计发出预警"),
    ("# 标题\n正文", "# 标题正文"),
    ("分隔线---\n正文", "分隔线---\n正文"),
]


@pytest.mark.parametrize("raw", [raw for raw, _ in JOINED] + [
    "甲\n\n乙丙\n丁。\n\n戊", "。\n \n\t\n甲\n", "\u3000\u3000甲\n\u3000\u3000乙", "甲；\n乙…\n丙"])
def test_layout_breaks_are_found_from_the_runs_that_can_be_one(raw):
    """The search that skips breaks after a sentence's end or markup finds the layout breaks
    that checking every white space run with a line break finds."""
    from factkit.normalize import _BREAK_RUN, _break_runs, _is_layout_break
    every_run = [m.span() for m in _BREAK_RUN.finditer(raw) if "\n" in m.group()]
    assert ([run for run in _break_runs(raw) if _is_layout_break(raw, *run)]
            == [run for run in every_run if _is_layout_break(raw, *run)])


@pytest.mark.parametrize("raw,expected", JOINED)
def test_layout_breaks(raw, expected):
    assert normalize(raw).text == expected


def test_offsets_map_back_to_the_original():
    raw = "甲\n\n乙丙\n丁。\n\n戊"
    ntext = normalize(raw)
    assert ntext.text == "甲乙丙丁。\n\n戊"
    for i, ch in enumerate(ntext.text):
        assert raw[ntext.offsets.to_original(i)] == ch
    start, end = ntext.span_to_original(1, 4)  # 乙丙丁
    assert raw[start:end] == "乙丙\n丁"


def test_folding_keeps_length_and_offsets():
    raw = "增长１２％，總額２．５萬億元，４，５６５人"
    folded = fold(raw)
    assert len(folded) == len(raw)
    assert folded == "增长12%，总额2.5万亿元，4,565人"


# Text is folded character by character, and translated whole when they are many or the text
# reads as traditional: every way must give the translation of every character.
FOLD_DENSITIES = [
    "郴州市地区生产总值增长５．２％，达３５００亿元。" * 40,   # a few full-width runs
    "ＧＤＰ１２３４５６７８９０" * 200,                       # nothing but full-width
    "Ａ。" * 400 + "正文" * 3000,                                # many runs, then none
    "正文" * 3000 + "１" * 5,                                    # one run at the very end
    "没有要折叠的字。",
    "增长１２％，總額２．５萬億元，４，５６５人",              # grouping, traditional
    "於是他們乾杯，臺灣經濟增長３％。" * 20,                   # traditional: 於 and 乾 fold
    "於潜镇乾安县的居民，人数４，５６５人。",                   # simplified: 於 and 乾 stay
    "４，５６５人，１，２名",                                   # grouping only before 3 digits
    "𠀀姓的居民增长５％，\U0002F800江市",                       # beyond the BMP: 𠀀 stays, 丽 folds
    "\U0002F800" * 50 + "１" * 50,                              # many of them
]


@pytest.mark.parametrize("text", FOLD_DENSITIES)
def test_folding_what_the_automaton_finds_equals_folding_every_character(text):
    from factkit.normalize import _fold_tables, _fold_whole, reads_traditional
    assert fold(text) == _fold_whole(text, _fold_tables(), reads_traditional(text))


def test_the_stored_fold_automaton_finds_every_character_that_folds_and_no_other():
    from factkit.normalize import _foldable, foldable_characters
    characters = foldable_characters()
    every = "".join(characters)
    assert [every[start:end] for start, end, _ in _foldable().find(every)] == characters
    simplified = "郴州市地区生产总值增长5.2%，（同比）、“达”3500亿元。"
    assert _foldable().find(simplified) == []
    assert fold(simplified) == simplified


def test_the_stored_fold_automaton_is_read_by_the_installed_daachorse():
    import warnings

    from factkit.lexmatch import read_sections, stored_automaton
    from factkit.normalize import foldable_characters
    header, sections = read_sections("fold.bin")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no fallback to a build from the characters
        stored_automaton(sections["automaton"], header["daachorse"], "fold.bin",
                         foldable_characters)


def test_a_fold_automaton_that_cannot_be_read_is_built_from_the_characters():
    from factkit.lexmatch import stored_automaton
    from factkit.normalize import _foldable, foldable_characters
    with pytest.warns(RuntimeWarning, match="fold.bin"):
        rebuilt = stored_automaton(b"", "0.0.1", "fold.bin", foldable_characters)
    text = "".join(FOLD_DENSITIES)
    assert rebuilt.find(text) == _foldable().find(text) != []


def test_chinese_comma_between_ascii_digits_stays():
    assert fold("1，2") == "1，2"


def test_written_text_is_not_folded():
    ntext = normalize("增长１２\n％")
    assert ntext.text == "增长12%"
    assert ntext.written == "增长１２％"


def test_sentences():
    ntext = normalize("第一句。第二句！“第三句？”\n第四句")
    sentences = [ntext.text[s:e] for s, e in ntext.sentences]
    assert sentences == ["第一句。", "第二句！", "“第三句？”", "第四句"]


@pytest.mark.parametrize("text", [
    "", "。", "\n\n", "甲。。”」乙\n\n丙；", "“好！”他说。\n）丙", "a?!b;\n\nc", "甲\n”乙。）",
])
def test_sentences_end_where_the_sentence_marks_do(text):
    """The hand-read scan gives the spans the stream's sentence pattern gives."""
    from factkit.normalize import _SENTENCE_SPLIT
    text = normalize(text).text
    spans, start = [], 0
    for m in _SENTENCE_SPLIT.finditer(text):
        end = m.start() if m.group()[0] == "\n" else m.end()
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    assert normalize(text).sentences == spans   # the text has no layout break left
