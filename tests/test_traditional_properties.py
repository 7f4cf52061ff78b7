"""Invariants on traditional-script input (hypothesis): folding changes what the extractors
see, never the offsets, so every record still indexes the input as written."""
from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factkit
from factkit.lexicon import read_table
from factkit.normalize import fold

# Pieces of traditional-script news that make the extractors fire, the characters whose
# reading depends on the text (於, 乾, 著, 裏), Taiwan/HK variants (臺, 綫, 裡) and layout.
PIECES = list("〇零一二兩三四五六七八九十百千萬億兆壹貳參叄肆伍陸柒捌玖拾佰仟點分之負半餘多幾"
              "0123456789.,%年月日號個間條隻輛頭戶張項場歲元噸瓦時畝米成約近超以上下第"
              "「」『』、，。；：！？-—～至到 \t\n\u3000０１２３４５６７８９％．於乾著裏裡臺綫麵鐘後夥徵")
PIECES += ["百分之", "個百分點", "千瓦時", "平方公里", "萬餘名", "不到", "以上", "左右", "\n\n",
           " \n ", "2025年", "民國114年", "正月初八", "農曆", "臘月", "閏", "春節", "除夕", "以來",
           "今年", "去年", "上旬", "年初", "季度", "上週三", "郴州", "資興市", "湯溪鎮", "壁溪村",
           "婁星區", "廣東省", "貴陽市", "乾安縣", "於潛鎮", "臺北市", "大安區", "香港", "沙田區",
           "村", "社區", "街道", "鎮", "鄉", "縣", "大灣區", "中國", "有限公司", "人民醫院", "衛生院",
           "市委", "市政府", "管委會", "行政院", "立法會", "新台幣", "港元", "公尺", "公斤", "公頃"]
TRADITIONAL = sorted({t for row in read_table("script_fold.tsv") for t in row["traditional"]})
TEXTS = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(TRADITIONAL), st.text(max_size=2)),
             max_size=50).map("".join),
)
LAYOUT_BREAK = regex.compile(r"[ \t\u3000\xa0\r\f\v]*+(?:\n[ \t\u3000\xa0\r\f\v]*+)++")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_records_index_the_traditional_input(text):
    doc = factkit.extract(text)
    for kind in ("figures", "dates", "places", "organizations"):
        records = getattr(doc, kind)
        assert [r.start for r in records] == sorted(r.start for r in records)
        for r in records:
            assert 0 <= r.start < r.end <= len(text)
            assert r.text and r.text == LAYOUT_BREAK.sub("", text[r.start:r.end]), r


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_fold_keeps_length_and_is_final(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded
