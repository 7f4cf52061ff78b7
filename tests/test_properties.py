"""Invariants that hold for any input string (hypothesis)."""
from __future__ import annotations

import datetime

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factkit
from factkit.models import DateMention, Figure, Organization, Place

# Pieces that make extractors fire, mixed with arbitrary text.
PIECES = list("〇零一二两三四五六七八九十百千万亿兆廿卅壹贰叁肆伍陆柒捌玖拾佰仟点分之负半余多几"
              "0123456789.,%‰°℃年月日号个家名人元吨瓦时亩米成折岁旬度约近超以上下左右第“”《》（）"
              "、，。；：！？-—~～至到/^eEkK$¥￥ \t\n\u3000０１２３４５６７８９％．，萬億")
PIECES += ["百分之", "千分之", "个百分点", "兆瓦时", "平方公里", "万余名", "不到", "以上", "左右",
           "\n\n", " \n ", "2026年", "正月初八", "十四五", "一盘棋", "https://x.cn/a?q=5%", "零下",
           "农历", "腊月", "闰", "春节", "除夕", "清明", "以来", "今年", "去年", "上旬", "年初", "季度",
           "丙午", "马年", "康熙", "民国", "年代", "世纪", "周末", "星期", "当晚", "次日", "至", "到",
           "与", "之间", "前", "后", "近", "/", "-", ".", "郴州", "资兴市", "汤溪镇", "壁溪村", "湘粤",
           "石井镇", "娄星区", "长青社区", "村", "社区", "街道", "镇", "乡", "县", "大湾区", "中国",
           "有限公司", "人民医院", "卫生院", "市委", "市政府", "管委会", "高新区", "科技", "华润三九",
           "、", "省", "打", "对折"]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join),
)
RECORD_TYPES = {"figures": Figure, "dates": DateMention, "places": Place,
                "organizations": Organization}
LAYOUT_BREAK = regex.compile(r"[ \t\u3000\xa0\r\f\v]*+(?:\n[ \t\u3000\xa0\r\f\v]*+)++")


REF_DATES = st.one_of(st.none(), st.dates(min_value=datetime.date(1, 1, 1)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, REF_DATES)
def test_extract_invariants(text, ref_date):
    doc = factkit.extract(text, ref_date=ref_date)
    for field, record_type in RECORD_TYPES.items():
        records = getattr(doc, field)
        starts = [r.start for r in records]
        assert starts == sorted(starts)
        for r in records:
            assert 0 <= r.start < r.end <= len(text)
            assert r.text, r
            assert r.text == LAYOUT_BREAK.sub("", text[r.start:r.end])
            assert record_type.model_validate(r.model_dump()) == r
    spans = sorted((f.start, f.end) for f in doc.figures)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start, "figures overlap"


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_parse_number_raises_only_value_error(text):
    try:
        factkit.parse_number(text)
    except ValueError:
        pass


def test_adversarial_long_inputs_finish():
    """Inputs shaped to make a backtracking pattern explode; linear patterns finish at once."""
    for text in ("一" * 50_000, "1," * 30_000, "1 " * 30_000, "十 " * 30_000,
                 "百分之" * 10_000, "3" * 100_000 + "x", ("\n \n" * 20_000) + "5家",
                 "近约超" * 10_000, "1.1." * 20_000, "一点" * 20_000,
                 "郴州市委、市政府、区人民医院、" * 3_000, "湖南鑫泉科技有限公司与" * 3_000,
                 "嘉禾高新区，高新区" * 3_000, "资兴市汤溪镇壁溪村" * 3_000, "2026年2月24日" * 3_000):
        factkit.extract(text)
